"""The anpa format: sniffing against every fixture, the framing, the marks, hostile input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import newsdoc
from newsdoc import NewsdocError, ParseError
from newsdoc.parsers.anpa import sniff
from newsdoc.parsers.text import sniff as text_sniff
from tests.conftest import FIXTURES, fixture_inputs

WIRES = [path for path in fixture_inputs() if path.parent.name == "anpa"]
OTHERS = [path for path in fixture_inputs() if path.parent.name != "anpa"]

SOH, STX, ETX, EOT, SYN = b"\x01", b"\x02", b"\x03", b"\x04", b"\x16"


def _ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(FIXTURES)) for path in paths]


def _story(header: bytes, *lines: bytes, tail: bytes = b"") -> bytes:
    return SOH + header + b"\r\n" + STX + b"".join(line + b"\r\n" for line in lines) + ETX + tail


def test_there_are_wire_fixtures() -> None:
    assert len(WIRES) >= 4


@pytest.mark.parametrize("path", WIRES, ids=_ids(WIRES))
def test_every_wire_fixture_is_claimed_above_text(path: Path) -> None:
    head = path.read_bytes()[: newsdoc.registry.SNIFF_BYTES]
    assert sniff(head, path.name) > text_sniff(head, path.name)
    assert newsdoc.detect(path) == "anpa"


@pytest.mark.parametrize("path", OTHERS, ids=_ids(OTHERS))
def test_no_other_fixture_is_claimed(path: Path) -> None:
    assert sniff(path.read_bytes()[: newsdoc.registry.SNIFF_BYTES], path.name) == 0.0


@pytest.mark.parametrize(
    "head",
    [
        b"",
        SOH,
        SYN * 40 + SOH + STX + ETX + EOT,  # only control characters
        b"\r\n" + SOH + b" \r\n" + EOT,
        b"A story that mentions \x01 a control character.\n",
        SOH + b"\x00\x00binary" + STX,
        SOH + STX + bytes(range(5, 32)) * 10,  # other control characters: binary data
        STX + b"text but no end",
        b"<html><body>\x01\x02</body></html>",
        b'{"title": "\\u0001"}',
    ],
)
def test_what_is_not_a_wire_file(head: bytes) -> None:
    assert sniff(head, None) == 0.0


def test_the_scores() -> None:
    assert sniff(SYN + SYN + SOH + b"a0001 r a BC-X 0010\r\n" + STX + b"Text", None) == 0.9
    assert sniff(SOH + b"a0001 r a BC-X 0010\r\nno STX yet", None) == 0.6
    assert sniff(STX + b"Headline\r\nText\r\n" + ETX, None) == 0.6
    assert sniff(b"\xef\xbb\xbf" + SOH + b"a0001 r a BC-X\r\n" + STX + b"Text", None) == 0.9


def test_every_story_of_a_file_and_load_gives_the_first() -> None:
    data = _story(b"a0001 r a BC-One 0010", b"First story", b"Its text.") + _story(
        b"a0002 r a BC-Two 0010", b"Second story", b"More text."
    )
    stories = list(newsdoc.loads_all(data))
    assert [story.title for story in stories] == ["First story", "Second story"]
    first = newsdoc.loads(data)
    assert first.title == "First story"
    assert "source.multiple-documents" in {warning.code for warning in first.warnings}


@pytest.mark.parametrize(
    ("last", "mark"),
    [("END", "END"), ("(end)", "(end)"), ("-ENDS-", "-ENDS-"), ("###", "###"), ("MORE", "MORE"),
     ("More.", None), ("End", None)],
)  # fmt: skip
def test_end_marks(last: str, mark: str | None) -> None:
    doc = newsdoc.loads(_story(b"a0001 r a BC-X", b"Title", b"Text.", last.encode()))
    assert doc.metadata.extra.get("end_mark") == mark
    assert doc.body == ("Text." if mark else f"Text.\n\n{last}")


def test_a_story_without_soh_after_one_with_it() -> None:
    data = _story(b"a0001 r a BC-One", b"First story", b"Its text.") + STX + b"Second\r\nMore.\r\n"
    stories = list(newsdoc.loads_all(data + ETX))
    assert [(story.title, story.body) for story in stories] == [
        ("First story", "Its text."),
        ("Second", "More."),
    ]
    continued = SOH + b"a0001 r a BC-One\r\n" + STX + b"Title\r\nPart one.\r\n"
    doc = newsdoc.loads(continued + STX + b"Part two.\r\n" + ETX)
    assert doc.body == "Part one.\n\nPart two."


def test_the_header_fields() -> None:
    data = _story(b"b1488 cpstf r s BC-Hockey-Scores 03-14 0212", b"Scores", b"The text.")
    fields = newsdoc.loads(data).metadata.extra["anpa"]
    assert fields == {
        "header": "b1488 cpstf r s BC-Hockey-Scores 03-14 0212",
        "service": "b",
        "sequence": "1488",
        "selector": "cpstf",
        "priority": "r",
        "priority_name": "regular",
        "category": "s",
        "header_date": "03-14",
        "word_count": 212,
        "slug": "BC-Hockey-Scores",
    }


def test_a_header_that_is_no_header_line() -> None:
    doc = newsdoc.loads(_story(b"just some words", b"Headline", b"Text."), format="anpa")
    assert doc.metadata.extra["anpa"] == {"header": "just some words", "slug": "just some words"}
    assert doc.title == "Headline"


def test_marks_and_paragraphs() -> None:
    data = _story(
        b"a0001 r a BC-Marks",
        b"^Headline of the story<",
        b"^First paragraph that is<",
        b"wrapped on two lines.<",
        b"\tA tabbed paragraph.",
        b"",
        b"After a blank line, x _ y.",
    )
    doc = newsdoc.loads(data)
    assert doc.title == "Headline of the story"
    assert [block.text for block in doc.blocks] == [
        "First paragraph that is wrapped on two lines.",
        "A tabbed paragraph.",
        "After a blank line, x — y.",
    ]


def test_blank_lines_join_wrapped_lines_only() -> None:
    long = (
        b"WASHINGTON (AP) _ A first paragraph on one line, " + b"long enough " * 8 + b"to be one."
    )
    doc = newsdoc.loads(_story(b"a0001 r a BC-X", b"Headline", long, b"Second.", b"", b"Third."))
    assert doc.title == "Headline"
    assert len(doc.blocks) == 3
    wrapped = (b"Headline", b"", b"A paragraph wrapped", b"on two lines.", b"", b"Another.")
    doc = newsdoc.loads(_story(b"a0001 r a BC-X", *wrapped))
    assert [block.text for block in doc.blocks] == ["A paragraph wrapped on two lines.", "Another."]


def test_truncated_framing_is_read_with_a_warning() -> None:
    no_etx = SOH + b"a0001 r a BC-Cut 0100\r\n" + STX + b"Cut off\r\nThe story was cut off"
    doc = newsdoc.loads(no_etx)
    assert doc.format == "anpa"
    assert [warning.code for warning in doc.warnings] == ["anpa.truncated"]
    assert doc.title == "Cut off"
    assert doc.body == "The story was cut off"
    no_stx = SOH + b"a0001 r a BC-Cut 0100\r\nA line of text.\r\nAnother.\r\n"
    doc = newsdoc.loads(no_stx)
    assert doc.format == "anpa"
    assert "anpa.truncated" in {warning.code for warning in doc.warnings}
    assert doc.metadata.extra["anpa"]["slug"] == "BC-Cut"
    assert "Another." in doc.body


def test_a_frame_without_text() -> None:
    doc = newsdoc.loads(SOH + b"a0001 r a BC-Empty 0000\r\n" + STX + b"\r\n" + ETX + EOT)
    assert doc.blocks == ()
    assert doc.title == "BC-Empty"
    assert [warning.code for warning in doc.warnings] == ["anpa.no-text"]


def test_only_control_characters_is_a_parse_error_naming_the_file() -> None:
    with pytest.raises(ParseError, match=r"wire\.nws: anpa: the file holds no story"):
        newsdoc.loads(SYN * 8 + SOH + STX + ETX + EOT, format="anpa", source="wire.nws")
    with pytest.raises(newsdoc.UnknownFormatError):
        newsdoc.loads(SYN * 8 + SOH + STX + ETX + EOT)


def test_a_story_without_headline_or_slug() -> None:
    doc = newsdoc.loads(STX + b"Only one line of text.\r\n" + ETX)
    assert doc.title is None
    assert [warning.code for warning in doc.warnings] == ["anpa.no-title"]


def test_a_trailer_that_is_no_date() -> None:
    doc = newsdoc.loads(_story(b"a0001 r a BC-X", b"Title", b"Text.", b"AP-NY-13-45-24 1432EST"))
    assert doc.metadata.published is None
    assert [warning.code for warning in doc.warnings] == ["anpa.bad-date"]
    assert doc.metadata.extra["anpa"]["trailer"] == "AP-NY-13-45-24 1432EST"
    assert doc.body == "Text."


def test_the_trailer_after_etx_and_a_twentieth_century_year() -> None:
    data = _story(
        b"a0001 r a BC-X", b"Title", b"Text.", tail=b"\r\nAP-NY-02-19-98 0935EST\r\n" + EOT
    )
    doc = newsdoc.loads(data)
    assert doc.metadata.published is not None
    assert doc.metadata.published.isoformat() == "1998-02-19T09:35:00-05:00"


def test_cp1252_and_utf8_text() -> None:
    for encoding in ("cp1252", "utf-8"):
        text = "Rückkehr der Fähren\r\n\tDie Fähren fahren wieder – sagte die Gesellschaft."
        doc = newsdoc.loads(_story(b"bdn001 4 vm 10", text.encode(encoding)))
        assert doc.body.startswith("Rückkehr der Fähren") or doc.title == "Rückkehr der Fähren"
        assert "–" in doc.body
        assert not doc.warnings


@pytest.mark.parametrize(
    "data",
    [
        SOH * 100_000,
        (SOH + STX + ETX) * 50_000,
        SOH + STX + b"^" * 200_000 + b"<" * 200_000,
        SOH + b"a0001 " + b"x " * 100_000 + STX + b"text" + ETX,
        SOH + STX + (b"word " * 20 + b"\r\n") * 20_000 + ETX,
        SOH + STX + b" _ " * 100_000 + ETX,
        SOH + STX + (b"(AP)" * 50_000) + ETX,
        SOH + STX + b"\r\n" * 200_000 + b"END" + ETX,
    ],
    ids=["soh-run", "empty-frames", "marks", "long-header", "many-lines", "dashes", "brackets",
         "blank-lines"],
)  # fmt: skip
def test_hostile_input_is_bounded(data: bytes) -> None:
    start = time.process_time()
    try:
        documents = list(newsdoc.loads_all(data, format="anpa"))
    except NewsdocError:
        documents = []
    assert time.process_time() - start < 5.0
    for doc in documents:
        assert doc.format == "anpa"


def test_a_large_wire_file_in_bounded_time() -> None:
    story = _story(
        b"a0001 r a BC-Story 03-14 0050",
        b"A headline for the story",
        b"WASHINGTON (AP) _ " + b"Words of the story. " * 30,
        b"AP-NY-03-14-24 1107EDT",
        tail=EOT,
    )
    data = story * 2000
    start = time.process_time()
    documents = list(newsdoc.loads_all(data))
    assert len(documents) == 2000
    assert time.process_time() - start < 30.0
