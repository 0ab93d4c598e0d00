"""to_dict / from_dict / to_json / from_json: the documented layout and an exact round trip."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

import newsdoc
from newsdoc import Block, Document, Metadata, ParseError
from tests.test_model import _document


def test_round_trip_is_exact() -> None:
    doc = _document()
    assert newsdoc.from_dict(newsdoc.to_dict(doc)) == doc
    assert newsdoc.from_json(newsdoc.to_json(doc)) == doc


def test_layout_is_plain_json() -> None:
    data = newsdoc.to_dict(_document())
    assert json.loads(json.dumps(data)) == data
    assert data["metadata"]["published"] == "2026-01-02T03:04:00+00:00"
    assert data["blocks"] == [
        {"kind": "paragraph", "text": "One."},
        {"kind": "heading", "text": "Two"},
    ]
    assert data["metadata"]["extra"] == {"nested": {"list": [1, 2, {"x": None}]}}
    assert "body" not in data  # derived from the blocks, never stored


def test_layout_keeps_every_field_even_when_unknown() -> None:
    data = newsdoc.to_dict(Document(format="x"))
    assert set(data) == {
        "format", "source", "title", "subtitle", "blocks", "metadata", "links", "quotes",
        "warnings",
    }  # fmt: skip
    assert data["title"] is None
    assert set(data["metadata"]) == {
        "published", "modified", "authors", "language", "url", "site_name", "section", "tags",
        "description", "images", "extra",
    }  # fmt: skip


def test_naive_and_aware_datetimes_survive() -> None:
    naive = datetime(2026, 5, 27, 17, 46)
    aware = datetime(2026, 5, 27, 17, 46, tzinfo=timezone(timedelta(hours=2)))
    doc = Document(format="x", metadata=Metadata(published=naive, modified=aware))
    back = newsdoc.from_json(newsdoc.to_json(doc))
    assert back.metadata.published == naive
    assert back.metadata.published is not None
    assert back.metadata.published.tzinfo is None
    assert back.metadata.modified is not None
    assert back.metadata.modified.utcoffset() == timedelta(hours=2)


def test_to_json_sorts_keys_and_keeps_unicode() -> None:
    doc = Document(format="x", title="Prévot")
    text = newsdoc.to_json(doc, indent=2)
    assert "Prévot" in text
    keys = [line.strip().split('"')[1] for line in text.splitlines() if line.startswith('  "')]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "no format"}, "format"),
        ({"format": "x", "blocks": [{"kind": "sidebar", "text": "x"}]}, "kind"),
        ({"format": "x", "metadata": {"published": "yesterday"}}, "published"),
        ({"format": "x", "metadata": {"extra": ["not", "a", "map"]}}, "extra"),
    ],
)
def test_from_dict_names_what_is_wrong(data: dict[str, object], message: str) -> None:
    with pytest.raises(ParseError, match=message):
        newsdoc.from_dict(data)


@pytest.mark.parametrize("text", ["not json", "[1, 2]", "[" * 100_000])
def test_from_json_rejects_what_is_not_a_document(text: str) -> None:
    with pytest.raises(ParseError, match="not a newsdoc document"):
        newsdoc.from_json(text)


def test_blocks_keep_their_order() -> None:
    blocks = [Block(kind="paragraph", text=str(i)) for i in range(50)]
    doc = newsdoc.from_dict(newsdoc.to_dict(Document(format="x", blocks=blocks)))
    assert [block.text for block in doc.blocks] == [str(i) for i in range(50)]
