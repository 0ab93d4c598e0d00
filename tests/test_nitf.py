"""The NITF format: sniffing, the shared NITF reader's rules, and what is never fetched."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdoc
from newsdoc.parsers.nitf import sniff
from tests.conftest import FIXTURES, fixture_inputs

NITFS = [path for path in fixture_inputs() if path.parent.name == "nitf"]
OTHERS = [path for path in fixture_inputs() if path.parent.name != "nitf"]


def _ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(FIXTURES)) for path in paths]


def test_there_are_nitf_fixtures() -> None:
    assert len(NITFS) >= 4


@pytest.mark.parametrize("path", NITFS, ids=_ids(NITFS))
def test_every_nitf_fixture_is_detected(path: Path) -> None:
    assert newsdoc.detect(path) == "nitf"


@pytest.mark.parametrize("path", OTHERS, ids=_ids(OTHERS))
def test_no_other_fixture_is_claimed(path: Path) -> None:
    assert sniff(path.read_bytes()[: newsdoc.registry.SNIFF_BYTES], path.name) == 0.0


@pytest.mark.parametrize(
    "head",
    [
        b"<nitf>",
        b'<?xml version="1.0"?>\n<!-- a wire story -->\n<NITF version="3.6">',
        b'<!DOCTYPE nitf SYSTEM "nitf.dtd" [<!ENTITY x "y">]>\n<nitf:nitf xmlns:nitf="urn:x">',
        b'\xef\xbb\xbf<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">',
    ],
)
def test_a_nitf_root_is_sure(head: bytes) -> None:
    assert sniff(head, None) == 0.95
    assert newsdoc.detect(head + b"<head/></nitf>") == "nitf"


@pytest.mark.parametrize(
    "head", [b"<nitfx>", b"<html><body><nitf>", b'{"nitf": 1}', b"nitf", b"<!-- unterminated"]
)
def test_other_roots_are_not_nitf(head: bytes) -> None:
    assert sniff(head, None) == 0.0


def _nitf(body: str, head: str = "") -> bytes:
    return f"<nitf><head>{head}</head><body>{body}</body></nitf>".encode()


def test_a_dtd_and_external_entities_are_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    data = (
        f'<!DOCTYPE nitf SYSTEM "{tmp_path}/missing.dtd" [<!ENTITY leak SYSTEM "file://{secret}">]>'
        "<nitf><body><body.content><p>Before &leak; after.</p></body.content></body></nitf>"
    ).encode()
    doc = newsdoc.loads(data)
    assert doc.format == "nitf"
    assert [block.text for block in doc.blocks] == ["Before after."]
    assert "SECRET" not in newsdoc.to_json(doc)


def test_quotations_get_marks_once() -> None:
    doc = newsdoc.loads(
        _nitf(
            "<body.content><p><q>We will rebuild,</q> said Anna Berg.</p>"
            "<p><q>\u201cAlready marked,\u201d</q> said Lars Holm.</p></body.content>"
        )
    )
    assert [block.text for block in doc.blocks] == [
        "\u201cWe will rebuild,\u201d said Anna Berg.",
        "\u201cAlready marked,\u201d said Lars Holm.",
    ]
    assert [quote.speaker for quote in doc.quotes] == ["Anna Berg", "Lars Holm"]


def test_a_lead_given_twice_is_read_once_but_different_blocks_stay() -> None:
    doc = newsdoc.loads(
        _nitf(
            "<body.content><block><p>The lead.</p></block>"
            "<block><p>The lead.</p><p>The rest.</p></block>"
            "<block><p>Another block.</p></block></body.content>"
        )
    )
    assert [block.text for block in doc.blocks] == ["The lead.", "The rest.", "Another block."]


def test_bylines_people_titles_and_a_second_spelling() -> None:
    head = (
        "<body.head><byline>By <person>Anna Berg</person> and <person>Jon Lie</person>, "
        "<byttl>Staff Writers</byttl></byline><byline>Berg, Anna</byline></body.head>"
    )
    doc = newsdoc.loads(_nitf(head + "<body.content><p>Text.</p></body.content>"))
    assert [author.name for author in doc.metadata.authors] == ["Anna Berg", "Jon Lie"]
    nitf = newsdoc.to_dict(doc)["metadata"]["extra"]["nitf"]
    assert nitf["byline_titles"] == ["Staff Writers"]
    assert nitf["byline"] == ["By Anna Berg and Jon Lie, Staff Writers", "Berg, Anna"]


def test_media_that_are_not_pictures_go_to_extra() -> None:
    body = (
        "<body.content><p>Text.</p><media media-type='video'>"
        "<media-reference source='https://v.example/clip.mp4' mime-type='video/mp4'/>"
        "<media-caption>The clip.</media-caption></media></body.content>"
    )
    doc = newsdoc.loads(_nitf(body))
    assert doc.metadata.images == ()
    assert newsdoc.to_dict(doc)["metadata"]["extra"]["media"] == [
        {"type": "video", "source": "https://v.example/clip.mp4", "caption": "The clip."}
    ]


def test_not_nitf_xml_is_a_parse_error() -> None:
    with pytest.raises(newsdoc.ParseError, match="not NITF"):
        newsdoc.loads(b"<other><p>x</p></other>", format="nitf")
    with pytest.raises(newsdoc.ParseError, match="not XML"):
        newsdoc.loads(b"\x00\x01 nothing", format="nitf")
