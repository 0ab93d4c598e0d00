"""The first Prezly parser: sniffing, shapes, and malformed input."""

from __future__ import annotations

import json

import pytest

import newsdoc
from newsdoc import ParseError
from newsdoc.parsers.prezly import sniff
from tests.helpers import story, story_bytes


def _head(value: object) -> bytes:
    return json.dumps(value).encode()[:8192]


@pytest.mark.parametrize(
    "value",
    [
        story(),
        {"format_version": 4, "uuid": "x", "culture": {"code": "nl_BE"}, "title": "Key order"},
        {"type": "document", "version": "0.50", "children": []},
    ],
)
def test_sniff_recognises_prezly(value: object) -> None:
    assert sniff(_head(value), None) >= 0.9


def test_sniff_does_not_depend_on_key_order() -> None:
    forward = story()
    backward = dict(reversed(list(forward.items())))
    assert sniff(_head(forward), None) == sniff(_head(backward), None)


@pytest.mark.parametrize(
    "value",
    [
        # A news-please record.
        {"title": "x", "date_publish": "2026-01-01 00:00:00", "maintext": "...", "language": "en",
         "source_domain": "example.org", "authors": []},
        # A JSON-LD NewsArticle.
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x",
         "datePublished": "2026-01-01T00:00:00Z"},
        # Random JSON documents.
        {"hello": "world"},
        [1, 2, 3],
        {"title": "A blog post", "published_at": "2026-01-01", "updated_at": "2026-01-02"},
    ],
)  # fmt: skip
def test_sniff_leaves_other_json_alone(value: object) -> None:
    assert sniff(_head(value), None) == 0.0


def test_sniff_ignores_non_json() -> None:
    assert sniff(b"<html><body>format_version culture</body></html>", None) == 0.0
    assert sniff(b"", None) == 0.0


def test_api_story_maps_typed_fields_and_keeps_the_rest() -> None:
    doc = newsdoc.loads(
        json.dumps(
            {
                "uuid": "u-1",
                "title": "T",
                "subtitle": "S",
                "culture": {"code": "nl_BE"},
                "language": "nl",
                "links": {"short": "https://prez.ly/x", "newsroom_view": "https://n.example/t"},
                "tag_names": ["a", "b", "a"],
                "published_at": None,
                "format_version": 1,
                "content": "<p>Body</p>",
                "author": {"name": "Jane Roe", "email": "jane@example.org"},
            }
        )
    )
    assert doc.subtitle == "S"
    assert doc.metadata.language == "nl-BE"
    assert doc.metadata.url == "https://n.example/t"
    assert doc.metadata.tags == ("a", "b")
    assert doc.metadata.published is None  # a draft
    assert [author.name for author in doc.metadata.authors] == ["Jane Roe"]
    assert doc.body == "Body"
    assert doc.metadata.extra["uuid"] == "u-1"
    assert doc.metadata.extra["links"]["short"] == "https://prez.ly/x"  # type: ignore[index]
    assert doc.metadata.extra["author"]["email"] == "jane@example.org"  # type: ignore[index]


def test_content_that_is_not_json_is_a_warning() -> None:
    doc = newsdoc.loads(story_bytes(body=None, format_version=4, content="{not json"))
    assert doc.blocks == ()
    assert [w.code for w in doc.warnings] == ["prezly.bad-content"]


def test_unknown_and_unmapped_nodes_are_warnings_not_crashes() -> None:
    content = {
        "type": "document",
        "children": [
            {"type": "paragraph", "children": [{"text": "Kept."}]},
            {"type": "hologram", "children": []},
            {"type": "contact", "uuid": "c-1"},  # no contact object: nothing to read
        ],
    }
    doc = newsdoc.loads(story_bytes(body=None, format_version=4, content=json.dumps(content)))
    assert doc.body == "Kept."
    assert {w.code for w in doc.warnings} == {"prezly.unknown-node", "prezly.unmapped-node"}


def test_bad_dates_and_fields_are_warnings() -> None:
    doc = newsdoc.loads(story_bytes(published_at="last Tuesday", subtitle=42, author=7))
    assert doc.metadata.published is None
    codes = [w.code for w in doc.warnings]
    assert sorted(codes) == ["prezly.bad-date", "prezly.bad-field", "prezly.bad-field"]


def test_a_top_level_value_that_is_no_story_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="expected a story object"):
        newsdoc.loads(b'"just a string"', format="prezly")
    with pytest.raises(ParseError, match="expected a story object"):
        newsdoc.loads(b"[1, 2]", format="prezly")


def test_stories_envelope_yields_each_story() -> None:
    data = json.dumps({"stories": [story(title="A"), story(title="B")], "pagination": {}})
    doc = newsdoc.loads(data)
    assert doc.title == "A"
    assert doc.warnings[0].code == "source.multiple-documents"


def test_lone_surrogates_from_json_escapes_are_replaced_with_a_warning() -> None:
    data = (
        b'{"title": "Bad \\ud800 title", "culture": "en", "format_version": 1, '
        b'"body": "<p>Body \\udfff here</p>"}'
    )
    doc = newsdoc.loads(data)
    assert doc.title == "Bad \ufffd title"
    assert doc.body == "Body \ufffd here"
    assert "decoding.lone-surrogate" in [w.code for w in doc.warnings]
    newsdoc.to_json(doc).encode("utf-8")  # writable as UTF-8


def test_a_proper_surrogate_pair_is_one_character() -> None:
    # Two surrogate code points in a Python str; JSON writes them as a pair of escapes.
    doc = newsdoc.loads(story_bytes(title="Smile \ud83d\ude00"))
    assert doc.title == "Smile 😀"
    assert doc.warnings == ()
