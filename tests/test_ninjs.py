"""The ninjs format: sniffing against every fixture, each version's spelling, edge cases."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdoc
from newsdoc.parsers.articlejson import sniff as article_json_sniff
from newsdoc.parsers.ninjs import sniff
from tests.conftest import FIXTURES, fixture_inputs

NINJS = [path for path in fixture_inputs() if path.parent.name == "ninjs"]
OTHERS = [path for path in fixture_inputs() if path.parent.name != "ninjs"]


def _ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(FIXTURES)) for path in paths]


def _load(value: object) -> list[newsdoc.Document]:
    return list(newsdoc.loads_all(json.dumps(value).encode(), format="ninjs"))


def _codes(document: newsdoc.Document) -> list[str]:
    return [warning.code for warning in document.warnings]


# -- sniffing ----------------------------------------------------------------------------------


def test_there_are_ninjs_fixtures() -> None:
    assert len(NINJS) >= 4


@pytest.mark.parametrize("path", NINJS, ids=_ids(NINJS))
def test_every_ninjs_fixture_is_detected(path: Path) -> None:
    head = path.read_bytes()[: newsdoc.registry.SNIFF_BYTES]
    assert sniff(head, path.name) > article_json_sniff(head, path.name)
    assert newsdoc.detect(path) == "ninjs"


@pytest.mark.parametrize("path", OTHERS, ids=_ids(OTHERS))
def test_no_other_fixture_is_claimed(path: Path) -> None:
    assert sniff(path.read_bytes()[: newsdoc.registry.SNIFF_BYTES], path.name) == 0.0


@pytest.mark.parametrize(
    "head",
    [
        b'{"uri": "https://example.com/a", "type": "text", "headline": "x"}',  # one weak field
        b'{"url": "https://example.com/a", "versioncreated": "2024", "bodies": []}',  # no uri
        b'{"@type": "NewsArticle", "headline": "x", "articleBody": "y"}',
        b'{"version": "https://jsonfeed.org/version/1.1", "items": []}',
        b'{"title": "x", "format_version": 3, "culture": "en"}',
        b"<ninjs uri='x' versioncreated='y' bodies='z'/>",
        # ninjs's own JSON Schema, which names ninjs and all its fields
        b'{"$schema": "http://json-schema.org/draft-04/schema#", "id": "http://www.iptc.org/std/'
        b'ninjs/ninjs-schema_1.5.json#", "type": "object", "definitions": {}, "properties": '
        b'{"uri": {}, "versioncreated": {}, "bodies": {}}}',
        b"",
    ],
)
def test_what_is_not_ninjs(head: bytes) -> None:
    assert sniff(head, None) == 0.0


@pytest.mark.parametrize(
    "head",
    [
        b'{"standard": {"name": "ninjs", "version": "2.0"}, "uri": "x"}',
        b'{"$schema": "http://www.iptc.org/std/ninjs/ninjs-schema_1.5.json", "uri": "x"}',
        b'{"uri": "x", "type": "text", "body_text": "A story."}',
        b'[{"uri": "x", "versionCreated": "2025-01-01T00:00:00Z", "headlines": []}]',
        b'{"items": [{"uri": "x", "versioncreated": "2024-01-01", "bodies": []}]}',
        b'\xef\xbb\xbf{"uri": "x", "firstcreated": "2024", "located": "Oslo"}',
    ],
)
def test_what_is_ninjs(head: bytes) -> None:
    assert sniff(head, None) >= 0.92


def test_ninjs_outranks_article_json_on_its_own_keys() -> None:
    # A ninjs item may carry keys the article-json producers know ("title", "language").
    head = json.dumps(
        {
            "uri": "https://example.com/1",
            "title": "A title",
            "language": "en",
            "versioncreated": "2024-01-01T00:00:00Z",
            "bodies": [{"contenttype": "text/plain", "value": "Text."}],
        }
    ).encode()
    assert sniff(head, None) > article_json_sniff(head, None)
    assert newsdoc.loads(head).format == "ninjs"


# -- the versions' spellings -------------------------------------------------------------------


def test_the_three_versions_agree() -> None:
    one = {
        "uri": "https://example.com/1",
        "type": "text",
        "versioncreated": "2024-01-02T03:04:05Z",
        "headline": "The title",
        "body_text": "First paragraph.\nSecond paragraph.",
        "byline": "Anna Berg",
    }
    two = {
        "uri": "https://example.com/1",
        "type": "text",
        "versioncreated": "2024-01-02T03:04:05Z",
        "headlines": [{"role": "main", "value": "The title"}],
        "bodies": [{"contenttype": "text/plain", "value": "First paragraph.\nSecond paragraph."}],
        "by": "Anna Berg",
    }
    three = {
        "uri": "https://example.com/1",
        "type": "text",
        "versionCreated": "2024-01-02T03:04:05Z",
        "headlines": [{"role": "main", "value": "The title"}],
        "bodies": [{"contentType": "text/plain", "value": "First paragraph.\nSecond paragraph."}],
        "by": "Anna Berg",
    }
    documents = [_load(value)[0] for value in (one, two, three)]
    for doc in documents:
        assert doc.title == "The title"
        assert [block.text for block in doc.blocks] == ["First paragraph.", "Second paragraph."]
        assert [author.name for author in doc.metadata.authors] == ["Anna Berg"]
        assert doc.metadata.modified is not None
        assert doc.metadata.modified.year == 2024
        assert doc.warnings == ()


def test_html_is_preferred_to_plain_text_and_the_rest_is_kept() -> None:
    (doc,) = _load(
        {
            "uri": "x",
            "bodies": [
                {"contenttype": "text/plain", "value": "Plain."},
                {"contenttype": "application/xml", "value": "<TTNITF/>"},
                {
                    "contenttype": "text/html",
                    "value": "<p>Rich <a href='https://e.com/'>link</a></p>",
                },
            ],
        }
    )
    assert doc.body == "Rich link"
    assert doc.links[0].url == "https://e.com/"
    kept = doc.metadata.extra["bodies"]
    assert isinstance(kept, tuple)
    assert [entry["contenttype"] for entry in kept] == ["text/plain", "application/xml"]


def test_only_bodies_of_unread_types() -> None:
    (doc,) = _load({"uri": "x", "bodies": [{"contenttype": "application/pdf", "value": "%PDF"}]})
    assert doc.blocks == ()
    assert "ninjs.no-text" in _codes(doc)
    assert "application/pdf" in doc.warnings[-1].message
    assert doc.metadata.extra["bodies"] == ({"contenttype": "application/pdf", "value": "%PDF"},)


def test_an_http_uri_is_the_url_and_an_urn_is_kept() -> None:
    (web,) = _load({"uri": "https://example.com/story", "body_text": "x"})
    (urn,) = _load({"uri": "urn:newsml:example.com:1", "body_text": "x"})
    assert web.metadata.url == "https://example.com/story"
    assert "uri" not in web.metadata.extra
    assert urn.metadata.url is None
    assert urn.metadata.extra["uri"] == "urn:newsml:example.com:1"
    assert "metadata.url-dropped" not in _codes(urn)


def test_people_of_role_author_when_there_is_no_byline() -> None:
    (doc,) = _load(
        {
            "uri": "x",
            "body_text": "x",
            "people": [
                {"name": "Tom Baker", "rel": "author"},
                {"name": "Ann Other", "rel": "mentions"},
            ],
        }
    )
    assert [author.name for author in doc.metadata.authors] == ["Tom Baker"]
    assert len(doc.metadata.extra["people"]) == 2  # type: ignore[arg-type]


def test_a_video_item() -> None:
    (doc,) = _load(
        {
            "uri": "urn:video:1",
            "type": "video",
            "headline": "A clip",
            "renditions": [
                {"name": "main", "href": "https://e.com/v.mp4", "contentType": "video/mp4"}
            ],
        }
    )
    assert doc.title == "A clip"
    assert "ninjs.not-text" in _codes(doc)
    assert doc.metadata.images == ()
    assert doc.metadata.extra["renditions"]


def test_an_items_list() -> None:
    documents = _load(
        {
            "total": 2,
            "items": [
                {"uri": "https://e.com/1", "headline": "One", "body_text": "a"},
                {"uri": "https://e.com/2", "headline": "Two", "body_text": "b"},
            ],
        }
    )
    assert [doc.title for doc in documents] == ["One", "Two"]
    assert documents[0].metadata.extra["container"] == {"total": 2}


def test_load_gives_the_first_item_of_an_array() -> None:
    path = FIXTURES / "ninjs" / "items_array.json"
    doc = newsdoc.load(path)
    assert doc.title == "Treni regionali in ritardo per lo sciopero"
    assert "source.multiple-documents" in _codes(doc)
    assert len(list(newsdoc.load_all(path))) == 3


# -- edge cases --------------------------------------------------------------------------------


def test_an_empty_object() -> None:
    (doc,) = _load({})
    assert doc.title is None
    assert doc.blocks == ()
    assert set(_codes(doc)) == {"ninjs.no-title", "ninjs.no-text"}


@pytest.mark.parametrize(
    "value",
    [
        {"uri": 5, "headline": ["x"], "body_html": {"a": 1}, "language": 3},
        {"uri": "x", "headlines": "x", "bodies": {"value": 3}, "descriptions": [1, None]},
        {"uri": "x", "headlines": [{"value": 1}, "x"], "subjects": "politics", "people": 4},
        {"uri": "x", "associations": "x", "renditions": 7, "type": ["text"]},
        {
            "uri": "x",
            "associations": [1, {"type": "picture", "renditions": "x"}],
            "type": "picture",
        },
        {"uri": "x", "associations": {"a": {"type": 3, "renditions": {"main": {"href": 4}}}}},
        {"uri": "x", "versioncreated": 1e999, "firstcreated": [], "embargoed": {}},
        {"uri": "x", "keywords": [1, "a"], "by": 3, "byline": ["x"], "people": [{"name": 4}]},
    ],
)
def test_wrong_types_give_warnings_not_errors(value: dict[str, object]) -> None:
    (doc,) = _load(value)
    assert doc.format == "ninjs"
    assert doc.warnings
    json.dumps(newsdoc.to_dict(doc))


def test_fields_of_the_wrong_type_are_kept_in_extra() -> None:
    (doc,) = _load({"uri": "x", "headline": 42, "bodies": "text", "versioncreated": "soon"})
    extra = doc.metadata.extra
    assert extra["headline"] == 42
    assert extra["bodies"] == "text"
    assert extra["versioncreated"] == "soon"
    assert {"ninjs.bad-field", "ninjs.bad-date"} <= set(_codes(doc))


@pytest.mark.parametrize("value", ["a string", 3, None, [], [1, "x"]])
def test_what_holds_no_item_is_a_parse_error(value: object) -> None:
    with pytest.raises(newsdoc.ParseError):
        _load(value)


def test_deep_json_is_refused_within_the_limit() -> None:
    deep = b'{"uri": "x", "associations": ' + b"[" * 5000 + b"]" * 5000 + b"}"
    with pytest.raises(newsdoc.LimitExceededError):
        list(newsdoc.loads_all(deep, format="ninjs"))


def test_skipped_entries_after_the_last_item_go_on_it() -> None:
    documents = _load([{"uri": "x", "body_text": "a"}, *range(15)])
    (doc,) = documents
    skipped = [w.message for w in doc.warnings if w.code == "ninjs.skipped"]
    assert len(skipped) == 11
    assert skipped[-1] == "and 5 more were skipped"


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(
        st.sampled_from(
            [
                "uri", "type", "headline", "headlines", "bodies", "body_html", "body_text",
                "value", "contenttype", "role", "renditions", "associations", "href", "by",
                "subjects", "people", "name", "rel", "versioncreated", "descriptions",
            ]
        ),
        inner,
        max_size=6,
    ),
    max_leaves=30,
)  # fmt: skip


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(_JSON)
def test_any_json_gives_documents_or_a_newsdoc_error(value: object) -> None:
    try:
        documents = _load(value)
    except newsdoc.NewsdocError:
        return
    for doc in documents:
        json.dumps(newsdoc.to_dict(doc))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300))
def test_any_bytes_give_documents_or_a_newsdoc_error(data: bytes) -> None:
    with contextlib.suppress(newsdoc.NewsdocError):
        list(newsdoc.loads_all(b'{"uri": "x", "bodies": [' + data, format="ninjs"))


def test_a_body_that_repeats_the_headline_and_shows_the_associated_picture() -> None:
    (doc,) = _load(
        {
            "uri": "x",
            "headlines": [{"role": "main", "value": "The headline"}],
            "bodies": [
                {
                    "contenttype": "text/html",
                    "value": "<h1>The headline</h1><p>Text.</p>"
                    "<figure><img src='https://e.com/thumb.jpg'></figure>",
                }
            ],
            "associations": [
                {
                    "name": "a1",
                    "type": "picture",
                    "by": "A Photographer",
                    "description_text": "A caption.",
                    "renditions": [
                        {"name": "preview", "href": "https://e.com/preview.jpg"},
                        {"name": "thumbnail", "href": "https://e.com/thumb.jpg"},
                    ],
                }
            ],
        }
    )
    assert [block.text for block in doc.blocks] == ["Text."]
    (image,) = doc.metadata.images
    assert image.url == "https://e.com/thumb.jpg"
    assert image.credit == "A Photographer"
    assert image.caption == "A caption."


def test_the_item_name_is_the_title_only_without_a_headline() -> None:
    (named,) = _load({"uri": "x", "title": "Item name", "body_text": "a"})
    (both,) = _load({"uri": "x", "title": "Item name", "headline": "Headline", "body_text": "a"})
    assert named.title == "Item name"
    assert "title" not in named.metadata.extra
    assert both.title == "Headline"
    assert both.metadata.extra["title"] == "Item name"


@pytest.mark.parametrize("content_type", ["application/nitf+xml", "text/vnd.IPTC.NITF"])
def test_a_nitf_body_without_its_head(content_type: str) -> None:
    markup = (
        "<body.content><p>First.</p><bq><block><p>Quoted.</p></block></bq>"
        "<p>Last.</p></body.content>"
    )
    (doc,) = _load(
        {
            "uri": "x",
            "headline": "A title",
            "by": "Anna Berg",
            "bodies": [{"contenttype": content_type, "value": markup}],
        }
    )
    assert [(block.kind, block.text) for block in doc.blocks] == [
        ("paragraph", "First."),
        ("blockquote", "Quoted."),
        ("paragraph", "Last."),
    ]
    assert doc.title == "A title"
    assert [author.name for author in doc.metadata.authors] == ["Anna Berg"]
    assert doc.warnings == ()


def test_the_item_states_first_and_the_nitf_head_fills_in() -> None:
    markup = (
        "<nitf><head><title>NITF title</title></head><body><body.head><hedline>"
        "<hl1>NITF title</hl1></hedline><byline>By Eva Lindqvist</byline></body.head>"
        "<body.content><p>Text.</p></body.content></body></nitf>"
    )
    (doc,) = _load(
        {
            "uri": "x",
            "headline": "The item's headline",
            "bodies": [{"contenttype": "application/nitf+xml", "value": markup}],
        }
    )
    assert doc.title == "The item's headline"
    assert [author.name for author in doc.metadata.authors] == ["Eva Lindqvist"]
    assert doc.body == "Text."


def test_nitf_markup_that_holds_nothing() -> None:
    (doc,) = _load({"uri": "x", "bodies": [{"contenttype": "application/nitf+xml", "value": "<"}]})
    assert doc.blocks == ()
    assert "ninjs.no-text" in _codes(doc)


def test_associations_and_renditions_of_the_wrong_shape() -> None:
    (doc,) = _load(
        {
            "uri": "x",
            "type": "picture",
            "renditions": 7,
            "associations": [1, {"type": "picture", "uri": "https://e.com/p.jpg"}],
        }
    )
    assert _codes(doc).count("ninjs.bad-field") == 2
    assert [image.url for image in doc.metadata.images] == ["https://e.com/p.jpg"]
    assert doc.metadata.extra["renditions"] == 7
