"""The plain-text format on ordinary articles: headlines, one story or several, what it refuses."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdoc
from newsdoc import UnknownFormatError
from newsdoc.parsers.text import sniff

FIXTURES = Path(__file__).parent / "fixtures" / "text"

_LEDE = (
    "The harbour authority opened a new ferry terminal in Zeebrugge on Monday, doubling the "
    "number of passengers the port can handle in the summer months."
)
_MORE = "The terminal cost 48 million euros and took three years to build, the authority said."


def _titles(text: str) -> list[str | None]:
    return [doc.title for doc in newsdoc.loads_all(text)]


# -- headlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        (
            "Harbour Authority Opens New Ferry Terminal.",
            "Harbour Authority Opens New Ferry Terminal.",
        ),
        ("Harbour opens new ferry terminal.", "Harbour opens new ferry terminal."),
        ("Harbour opens new ferry terminal", "Harbour opens new ferry terminal"),
        ("Ferry Chief: Terminal Is ‘Ready.’", "Ferry Chief: Terminal Is ‘Ready.’"),
        ("This Terminal Will Change Travel IF….", "This Terminal Will Change Travel IF…."),
        ("Is Zeebrugge ready for the summer?", "Is Zeebrugge ready for the summer?"),
    ],
)
def test_the_first_line_is_the_title_with_or_without_a_full_stop(headline: str, title: str) -> None:
    assert _titles(f"{headline}\n\n{_LEDE}\n\n{_MORE}\n") == [title]
    assert _titles(f"{headline}\n{_LEDE}\n\n{_MORE}\n") == [title]  # no blank line under it


def test_a_long_headline_with_a_kicker_is_the_title_and_a_long_first_sentence_is_not() -> None:
    kicker = (
        "Ferry chaos: thousands of travellers stranded in Zeebrugge as the new terminal's "
        "gates fail on the first day."
    )
    assert _titles(f"{kicker}\n\n{_LEDE}\n\n{_MORE}\n") == [kicker]
    dateline = (
        "ZEEBRUGGE, March 3 — The harbour authority opened a new ferry terminal on Monday, "
        "doubling the number of passengers."
    )
    assert _titles(f"{dateline}\n\n{_LEDE}\n\n{_MORE}\n") == [None]


def test_a_headline_ended_by_a_semicolon_has_its_deck_on_the_next_line() -> None:
    (doc,) = newsdoc.load_all(FIXTURES / "headline_and_deck.txt")
    assert doc.title == "Regional rail fares to rise in April"
    assert doc.subtitle == "Operators blame energy costs for the second increase in a year."
    assert doc.blocks[0].text.startswith("Fares on regional trains")


def test_a_long_sentence_first_is_a_lede_not_a_title() -> None:
    text = (
        "The harbour authority opened a new ferry terminal in Zeebrugge on Monday after three "
        f"years of work, officials said.\n\n{_MORE}\n"
    )
    (doc,) = newsdoc.loads_all(text)
    assert doc.title is None
    assert [w.code for w in doc.warnings] == ["text.no-title"]
    assert len(doc.blocks) == 2


# -- one story or several ----------------------------------------------------------------------


def test_quoted_lines_questions_subheadings_and_lists_stay_in_one_story() -> None:
    (doc,) = newsdoc.load_all(FIXTURES / "one_story_quotes_and_questions.txt")
    kinds = [block.kind for block in doc.blocks]
    assert kinds.count("heading") == 1
    assert kinds.count("list_item") == 2
    assert doc.blocks[2].kind == "paragraph"  # the quoted question: a paragraph, not a heading
    assert doc.blocks[2].text.startswith('"Where are we supposed')


@pytest.mark.parametrize(
    "line",
    [
        "“This is a great day for our harbour and for the whole coast”",
        "'Why did it take so long for the authority to build it?'",
        "Why did it take so long? The authority blamed the permits",
        "Harbour director",
    ],
)
def test_a_headline_like_line_without_a_story_marker_never_splits(line: str) -> None:
    text = f"Harbour opens new ferry terminal.\n\n{_LEDE}\n\n{_MORE}\n\n{line}\n\n{_LEDE}\n"
    assert len(_titles(text)) == 1


def test_rule_lines_and_datelines_mark_new_stories() -> None:
    docs = list(newsdoc.load_all(FIXTURES / "stories_between_rules.txt"))
    assert [doc.title for doc in docs] == [
        "Storm closes coastal roads",
        "Museum reopens after two-year renovation",
        "Ghent wins European green capital award",
    ]
    assert all(len(doc.blocks) == 2 for doc in docs)


def test_a_new_headline_with_a_byline_under_it_splits() -> None:
    text = (
        f"Harbour opens new ferry terminal\n\n{_LEDE}\n\n{_MORE}\n\n"
        "Museum reopens after two-year renovation\nBy Ann Lee\n\n"
        "The city museum reopened on Saturday after a renovation that took two years and cost "
        "22 million euros.\n"
    )
    docs = list(newsdoc.loads_all(text))
    assert [doc.title for doc in docs] == [
        "Harbour opens new ferry terminal",
        "Museum reopens after two-year renovation",
    ]
    assert [a.name for a in docs[1].metadata.authors] == ["Ann Lee"]


# -- what the text format refuses --------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        # an RFC 5322 header block (with or without From)
        b"From: Press Office <press@example.org>\nTo: editors@example.org\n"
        b"Subject: Ferry terminal\nDate: Tue, 22 Feb 2022 10:00:00 +0100\n\nThe terminal opens.\n",
        b"To: editors@example.org\nSubject: Ferry terminal\nMessage-ID: <1@example.org>\n"
        b"\nThe terminal opens.\n",
        # wire copy framed by control characters (IPTC 7901, ANPA 1312)
        b"\x01ZCZC abc123 4 pol\r\n\x02The harbour authority opened a terminal.\r\n\x03",
        b"\x16\x16\x01a0001 r pol 0123\x02\x1f Ferry terminal opens\nThe harbour.\x03",
        b"The harbour authority opened a new ferry terminal.\x02 more \x03",
        # XML and JSON behind a byte-order mark
        b"\xef\xbb\xbf<?xml version='1.0'?><nitf><head/><body/></nitf>",
        b'\xef\xbb\xbf{"headline": "Ferry terminal opens"}',
    ],
)
def test_sniff_never_claims_structured_data(head: bytes) -> None:
    assert sniff(head, None) == 0.0


def test_structured_data_no_format_reads_is_refused() -> None:
    # A header block without From: no email, and not text (wire copy is the anpa format's).
    with pytest.raises(UnknownFormatError, match="no format recognised"):
        newsdoc.loads(
            b"To: editors@example.org\nSubject: Ferry terminal\nMessage-ID: <1@example.org>\n"
            b"\nThe terminal opens.\n"
        )


@pytest.mark.parametrize(
    "text",
    [
        # prose with an embedded post's tags
        "Harbour opens terminal.\n\nThe director posted <tweet id='1'>We are open!</tweet> and "
        "<tweet id='2'>Come and see</tweet> on Monday, and the <b>port</b> <i>said</i> more "
        f"about it later. {_LEDE} {_MORE}\n",
        # an article's labels over the story, one of them a date
        f"Title: Harbour opens terminal\nAuthor: Ann Lee\nDate: 22.02.2022\n\n{_LEDE}\n",
        # "From:" and "To:" in a text (two header-like lines are not a header block)
        f"From: the harbour authority\nTo: all travellers\n\n{_LEDE}\n",
    ],
)
def test_prose_is_never_refused(text: str) -> None:
    assert sniff(text.encode(), None) > 0.0
    assert newsdoc.detect(text.encode()) == "text"
