"""The records: immutable, slotted, keyword-only, tuples for sequences, validated kinds."""

from __future__ import annotations

from datetime import UTC, datetime

import attrs
import pytest

from newsdoc import Author, Block, Document, Image, Link, Metadata, ParseWarning, Quote


def _document() -> Document:
    return Document(
        format="prezly",
        source="a.json",
        title="Title",
        blocks=[Block(kind="paragraph", text="One."), Block(kind="heading", text="Two")],
        metadata=Metadata(
            published=datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
            authors=[Author(name="Jane Doe")],
            tags=["a", "b"],
            images=[Image(url="https://example.org/a.jpg")],
            extra={"nested": {"list": [1, 2, {"x": None}]}},
        ),
        links=[Link(url="https://example.org", text="x", kind="inline")],
        quotes=[Quote(text="One", speaker=None, cue=None, start=0, end=3)],
        warnings=[ParseWarning(code="a.b", message="c")],
    )


RECORDS = [
    Block(kind="paragraph", text="x"),
    Author(name="x"),
    Image(url="https://example.org/x.jpg"),
    Link(url=None, text="x", kind="navigation"),
    Quote(text="x", speaker=None, cue=None, start=0, end=1),
    ParseWarning(code="x.y", message="z"),
    Metadata(),
    _document(),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_every_field_is_read_only(record: object) -> None:
    for field in attrs.fields(type(record)):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(record, field.name, None)


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_records_are_slotted_and_keyword_only(record: object) -> None:
    assert not hasattr(record, "__dict__")
    assert all(field.kw_only for field in attrs.fields(type(record)))


def test_sequences_become_tuples() -> None:
    doc = _document()
    assert isinstance(doc.blocks, tuple)
    assert isinstance(doc.links, tuple)
    assert isinstance(doc.quotes, tuple)
    assert isinstance(doc.warnings, tuple)
    assert isinstance(doc.metadata.authors, tuple)
    assert isinstance(doc.metadata.tags, tuple)
    assert isinstance(doc.metadata.images, tuple)


def test_extra_is_deeply_read_only() -> None:
    extra = _document().metadata.extra
    with pytest.raises(TypeError):
        extra["new"] = 1  # type: ignore[index]
    nested = extra["nested"]
    assert isinstance(nested["list"], tuple)  # type: ignore[index]
    with pytest.raises(TypeError):
        nested["list"] = ()  # type: ignore[index]


def test_extra_refuses_values_that_are_not_json_like() -> None:
    with pytest.raises(TypeError, match="JSON-like"):
        Metadata(extra={"when": datetime(2026, 1, 1)})
    with pytest.raises(TypeError, match="strings"):
        Metadata(extra={1: "x"})  # type: ignore[dict-item]


def test_records_are_hashable_and_equal_by_value() -> None:
    assert _document() == _document()
    assert hash(_document()) == hash(_document())
    assert len({_document(), _document()}) == 1


def test_body_joins_blocks_with_blank_lines() -> None:
    assert _document().body == "One.\n\nTwo"
    assert Document(format="x").body == ""


def test_kinds_are_validated() -> None:
    with pytest.raises(ValueError, match="kind"):
        Block(kind="sidebar", text="x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kind"):
        Link(url=None, text=None, kind="footer")  # type: ignore[arg-type]


def test_quote_offsets_are_validated() -> None:
    with pytest.raises(ValueError, match="offsets"):
        Quote(text="x", speaker=None, cue=None, start=5, end=4)
    with pytest.raises(ValueError, match="offsets"):
        Quote(text="x", speaker=None, cue=None, start=-1, end=0)


def test_none_means_unknown() -> None:
    metadata = Metadata()
    assert metadata.published is None
    assert metadata.language is None
    assert metadata.authors == ()
    assert dict(metadata.extra) == {}


def test_extra_refuses_numbers_json_cannot_hold() -> None:
    with pytest.raises(ValueError, match="not a JSON number"):
        Metadata(extra={"x": float("inf")})
    with pytest.raises(ValueError, match="not a JSON number"):
        Metadata(extra={"x": [float("nan")]})
