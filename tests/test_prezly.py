"""The first Prezly parser: sniffing, shapes, and malformed input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc import Block, Image, Link, ParseError
from newsdoc.parsers.prezly import sniff
from tests.helpers import SEED, story, story_bytes


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


# -- the seed, as the issue describes it ---------------------------------------------------------

SEED_PATH = Path(__file__).parent / SEED


def test_seed_body_runs_from_the_lede_to_the_last_paragraph() -> None:
    doc = newsdoc.load(SEED_PATH)
    assert doc.blocks[0].text.startswith("Foreign minister Maxime Prévot has summoned")
    assert doc.blocks[-1].text.endswith("following the latest attacks on Kyiv.")
    assert Block(kind="heading", text="European response") in doc.blocks
    for unwanted in ("Related news", "© BELGA", "BELGA PHOTO", "iframe", "belganewsagency.eu"):
        assert unwanted not in doc.body


def test_seed_links_hold_the_related_story_and_the_x_post() -> None:
    doc = newsdoc.load(SEED_PATH)
    assert (
        Link(url="https://x.com/prevotmaxime/status/2059648878987588061", text=None, kind="embed")
        in doc.links
    )
    related = [link for link in doc.links if link.kind == "related"]
    # The bookmark card and the JSON links list name the same story: one link.
    assert [link.url for link in related] == [
        "https://www.belganewsagency.eu/belgium-says-russia-doesnt-want-peace-after-deadly-night-in-ukraine"
    ]
    assert related[0].text == "Belgium says Russia doesn’t want peace after deadly night in Ukraine"
    card = doc.metadata.extra["content"]["related"][0]  # type: ignore[index]
    assert card["description"].startswith("“Russia does not attack cities")


def test_seed_header_image_carries_the_belga_credit() -> None:
    doc = newsdoc.load(SEED_PATH)
    assert len(doc.metadata.images) == 1
    assert doc.metadata.images[0].credit == "BELGA PHOTO EMILE WINDAL"


# -- shapes and nodes ------------------------------------------------------------------------------


def _content_story(*children: object, **fields: Any) -> bytes:
    content = {"type": "document", "version": "0.50", "children": list(children)}
    return story_bytes(body=None, format_version=5, content=json.dumps(content), **fields)


def _paragraph(text: str) -> dict[str, object]:
    return {"type": "paragraph", "children": [{"text": text}]}


def test_a_content_document_is_read_with_the_care_of_any_json() -> None:
    # The document is JSON in a string: lone surrogates, NaN and huge numbers in it are met as
    # in the story around it, not as a ValueError or a lost body.
    content = (
        '{"type": "document", "children": ['
        '{"type": "paragraph", "children": [{"text": "a \\ud800 b"}]}, '
        '{"type": "contact", "contact": {"name": "X", "score": NaN, "n": ' + "9" * 5000 + "}}]}"
    )
    doc = newsdoc.loads(story_bytes(body=None, format_version=5, content=content))
    assert doc.body == "a \ufffd b"
    assert [w.code for w in doc.warnings] == ["decoding.lone-surrogate"]
    contact = doc.metadata.extra["content"]["contacts"][0]
    assert contact["score"] is None
    assert contact["n"] == "9" * 5000
    newsdoc.to_json(doc).encode("utf-8")


def test_a_lone_surrogate_in_an_uploaded_file_is_replaced_with_a_warning() -> None:
    # In a file name of the content document (found by fuzzing: quote() could not encode it),
    # and in an uploaded-file description that is JSON in a string.
    uuid = "0a1b2c3d-0000-4000-8000-000000000009"
    image = {"type": "image-block", "file": {"uuid": uuid, "filename": "a\ud800.jpg"}}
    header = json.dumps({"cdnUrl": "https://cdn.example/b\ud800.jpg"})
    doc = newsdoc.loads(_content_story(image, header_image=header))
    assert [image.url for image in doc.metadata.images] == [
        "https://cdn.example/b\ufffd.jpg",
        f"https://cdn.uc.assets.prezly.com/{uuid}/a%EF%BF%BD.jpg",
    ]
    assert {w.code for w in doc.warnings} == {"decoding.lone-surrogate"}
    newsdoc.to_json(doc).encode("utf-8")


def test_a_coverage_entry_is_not_a_story() -> None:
    coverage = {
        "id": 1, "uuid": "c", "display_name": "Article in De Standaard", "url": "https://ds.example/a",
        "published_at": "2026-01-01T00:00:00Z", "newsroom": {"id": 3}, "author_contact": None,
        "organisation_contact": {"display_name": "De Standaard"}, "attachment_oembed": None,
        "title": "Article in De Standaard", "format_version": 1,
    }  # fmt: skip
    assert sniff(_head(coverage), None) == 0.0


def test_a_story_without_a_title_is_still_recognised_and_warned_about() -> None:
    data = json.dumps({"uuid": "u", "culture": "en", "format_version": 4, "content": "<p>x</p>"})
    doc = newsdoc.loads(data)
    assert doc.format == "prezly"
    assert doc.title is None
    assert [w.code for w in doc.warnings] == ["prezly.no-title"]


def test_a_credit_line_after_an_image_block_credits_that_image() -> None:
    image = {
        "type": "image-block",
        "file": {"uuid": "0a1b2c3d-0000-4000-8000-000000000001", "filename": "a.jpg"},
        "children": [{"text": "The quay at dawn"}],
    }
    doc = newsdoc.loads(_content_story(_paragraph("Text."), image, _paragraph("© Port / Jan Jans")))
    assert doc.body == "Text."
    assert doc.metadata.images == (
        Image(
            url="https://cdn.uc.assets.prezly.com/0a1b2c3d-0000-4000-8000-000000000001/a.jpg",
            caption="The quay at dawn",
            credit="Port / Jan Jans",
        ),
    )


def test_a_credit_with_no_image_in_the_body_goes_to_the_header_image() -> None:
    doc = newsdoc.loads(
        story_bytes(
            header={"large": "https://cdn.example/h.jpg"},
            body="<p>Story.</p><p><sup>&copy; AFP PHOTO</sup></p>",
        )
    )
    assert doc.body == "Story."
    assert doc.metadata.images == (Image(url="https://cdn.example/h.jpg", credit="AFP PHOTO"),)


def test_contacts_attachments_buttons_callouts_are_extra_not_body() -> None:
    doc = newsdoc.loads(
        _content_story(
            _paragraph("Text."),
            {"type": "contact",
             "contact": {"name": "Ann Lee", "company": "ACME", "email": "a@x.be"}},
            {"type": "attachment", "description": "Report",
             "file": {"uuid": "0a1b2c3d-0000-4000-8000-000000000002", "filename": "r.pdf"}},
            {"type": "button-block", "href": "https://x.be", "label": "Go"},
            {"type": "callout", "children": [{"text": "Note this."}]},
        )
    )  # fmt: skip
    assert doc.body == "Text."
    content = doc.metadata.extra["content"]
    contact = content["contacts"][0]  # type: ignore[index]
    assert (contact["name"], contact["organisation"], contact["email"]) == (
        "Ann Lee",
        "ACME",
        "a@x.be",
    )
    assert contact["phone"] is None
    assert content["buttons"][0]["label"] == "Go"  # type: ignore[index]
    assert content["callouts"] == ("Note this.",)  # type: ignore[index]
    attachment = Link(
        url="https://cdn.uc.assets.prezly.com/0a1b2c3d-0000-4000-8000-000000000002/r.pdf",
        text="Report",
        kind="related",
    )
    assert attachment in doc.links


def test_headings_that_repeat_the_title_or_subtitle_are_dropped() -> None:
    doc = newsdoc.loads(
        story_bytes(
            title="Big News!",
            subtitle="Smaller news",
            body="<h1>Big news</h1><h2>Smaller news.</h2><p>Body.</p><h2>Other</h2>",
        )
    )
    assert [block.text for block in doc.blocks] == ["Body.", "Other"]


def test_a_heading_repeats_the_title_as_html_pages_tell_it() -> None:
    # Punctuation counts as a space, as analysis.text.comparable has it for every format.
    doc = newsdoc.loads(
        story_bytes(
            title="Co-op wins the vote",
            body="<h2>Co op wins the vote</h2><p>Body.</p><h2>Coop wins the vote</h2>",
        )
    )
    assert [block.text for block in doc.blocks] == ["Body.", "Coop wins the vote"]


def test_related_links_are_deduplicated_by_normalised_url() -> None:
    doc = newsdoc.loads(
        story_bytes(
            body='<p>Related news</p><p><a href="http://www.example.org/a/">A</a></p>',
            links=[{"url": "https://example.org/a#top", "description": "A again"}],
        )
    )
    assert [(link.url, link.text, link.kind) for link in doc.links] == [
        ("http://www.example.org/a/", "A", "related")
    ]
    assert doc.body == ""


def test_embeds_point_at_the_embedded_thing() -> None:
    doc = newsdoc.loads(
        _content_story(
            {"type": "embed", "url": "https://x.com/a/status/1", "oembed": {"url": "https://x.com/a/status/1"}},
            {"type": "video", "url": "https://youtu.be/abcdefghijk",
             "oembed": {"url": "https://www.youtube.com/watch?v=abcdefghijk", "title": "Clip"}},
        )
    )  # fmt: skip
    assert [(link.url, link.text) for link in doc.links] == [
        ("https://x.com/a/status/1", None),
        ("https://www.youtube.com/watch?v=abcdefghijk", "Clip"),
    ]


def test_categories_newsroom_and_language_map_to_typed_fields() -> None:
    doc = newsdoc.loads(
        story_bytes(
            categories=[{"id": 1, "display_name": "Economy"}],
            newsroom={"display_name": "City Press"},
            culture={"code": "fr_BE"},
            language="FR",
        )
    )
    assert doc.metadata.section == "Economy"
    assert doc.metadata.site_name == "City Press"
    assert doc.metadata.language == "fr-BE"
    assert doc.metadata.extra["categories"] == ({"id": 1, "display_name": "Economy"},)
