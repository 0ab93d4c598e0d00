"""Formats as plugins: sniff ranking, ties, run-time registration and entry points."""

from __future__ import annotations

import importlib.metadata
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Document, Format, ParseContext, UnknownFormatError
from newsdoc.registry import Registry, default_registry
from tests.helpers import story_bytes


def _parse_lines(data: bytes, context: ParseContext) -> Iterator[Document]:
    for line in data.decode().splitlines():
        yield Document(format="lines", source=context.source, title=line)


def _format(name: str, score: float, extensions: tuple[str, ...] = ()) -> Format:
    return Format(
        name=name, sniff=lambda head, name_: score, parse=_parse_lines, extensions=extensions
    )


@pytest.fixture
def registry() -> Registry:
    return Registry(builtin_modules=())


def test_highest_confidence_wins(registry: Registry) -> None:
    registry.register(_format("low", 0.2))
    registry.register(_format("high", 0.8))
    assert registry.detect(b"x", None).name == "high"


def test_no_confidence_raises_listing_what_was_tried(registry: Registry) -> None:
    registry.register(_format("a", 0.0))
    registry.register(_format("b", 0.0))
    with pytest.raises(UnknownFormatError, match=r"f\.txt: no format recognised.*tried: a, b"):
        registry.detect(b"x", "f.txt", source="f.txt")


def test_a_tie_is_broken_by_extension_only(registry: Registry) -> None:
    registry.register(_format("a", 0.5, extensions=("xml",)))
    registry.register(_format("b", 0.5, extensions=("rss",)))
    assert registry.detect(b"x", "feed.rss").name == "b"
    with pytest.raises(UnknownFormatError, match="several formats equally"):
        registry.detect(b"x", "feed.txt")


def test_extension_never_overrides_content(registry: Registry) -> None:
    registry.register(_format("a", 0.9))
    registry.register(_format("b", 0.4, extensions=("json",)))
    assert registry.detect(b"x", "story.json").name == "a"


def test_scores_are_clamped_and_nan_is_zero(registry: Registry) -> None:
    registry.register(_format("nan", float("nan")))
    registry.register(_format("big", 7.0))
    registry.register(_format("one", 1.0, extensions=("x",)))
    # 7.0 is clamped to 1.0 and ties with "one"; the extension decides.
    assert registry.detect(b"x", "a.x").name == "one"


def test_a_crashing_sniff_is_reported_and_skipped(registry: Registry) -> None:
    def broken(head: bytes, name: str | None) -> float:
        raise KeyError("oops")

    registry.register(Format(name="broken", sniff=broken, parse=_parse_lines))
    registry.register(_format("fine", 0.5))
    with pytest.warns(RuntimeWarning, match="'broken' raised"):
        assert registry.detect(b"x", None).name == "fine"


def test_register_replaces_a_format_of_the_same_name(registry: Registry) -> None:
    registry.register(_format("a", 0.1))
    registry.register(_format("a", 0.9))
    assert registry.names() == ("a",)
    assert registry.get("a").sniff(b"", None) == 0.9


def test_format_names_are_validated() -> None:
    with pytest.raises(ValueError, match="format name"):
        _format("Not OK", 0.1)


def test_register_format_makes_a_format_usable_end_to_end() -> None:
    newsdoc.register_format(_format("lines", 1.0))
    try:
        assert "lines" in newsdoc.formats()
        doc = newsdoc.loads(b"first\nsecond", source="x.lines")
        assert doc.format == "lines"
        assert doc.title == "first"
        assert [w.code for w in doc.warnings] == ["source.multiple-documents"]
    finally:
        default_registry.unregister("lines")
    assert "lines" not in newsdoc.formats()
    assert newsdoc.loads(story_bytes()).format == "prezly"


class _EntryPoint:
    def __init__(self, value: str, loaded: object = None, error: Exception | None = None):
        self.value = value
        self._loaded = loaded
        self._error = error

    def load(self) -> object:
        if self._error is not None:
            raise self._error
        return self._loaded


def test_entry_points_are_loaded_once_and_bad_ones_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    good = _format("plugin", 0.7)

    def entry_points(*, group: str) -> list[_EntryPoint]:
        calls.append(group)
        return [
            _EntryPoint("pkg:FORMAT", loaded=good),
            _EntryPoint("broken:FORMAT", error=ImportError("no module named broken")),
            _EntryPoint("wrong:FORMAT", loaded=object()),
        ]

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    registry = Registry(builtin_modules=("newsdoc.parsers.prezly",))
    with pytest.warns(RuntimeWarning) as record:
        assert registry.names() == ("prezly", "plugin")
    messages = " ".join(str(item.message) for item in record)
    assert "broken:FORMAT" in messages
    assert "wrong:FORMAT" in messages
    registry.names()
    assert calls == ["newsdoc.formats"]


def test_a_plugin_that_yields_something_else_is_named() -> None:
    def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
        yield {"title": "not a record"}  # type: ignore[misc]

    newsdoc.register_format(Format(name="sloppy", sniff=lambda head, name: 1.0, parse=parse))
    try:
        with pytest.raises(TypeError, match="format 'sloppy' yielded dict"):
            newsdoc.loads(b"anything")
    finally:
        default_registry.unregister("sloppy")


def test_a_format_from_an_installed_distribution(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A real distribution on sys.path, found by importlib.metadata as pip would install it.
    (tmp_path / "newsdoc_lines_plugin.py").write_text(
        "import newsdoc\n"
        "def _parse(data, context):\n"
        "    yield newsdoc.Document(format='lines', source=context.source,\n"
        "                           title=data.decode().splitlines()[0])\n"
        "def _sniff(head, name):\n"
        "    return 0.5 if head.startswith(b'LINES') else 0.0\n"
        "FORMAT = newsdoc.Format(name='lines', parse=_parse, sniff=_sniff)\n"
    )
    dist = tmp_path / "newsdoc_lines_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: newsdoc-lines-plugin\nVersion: 1.0\n"
    )
    (dist / "entry_points.txt").write_text(
        "[newsdoc.formats]\nlines = newsdoc_lines_plugin:FORMAT\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    registry = Registry()  # the built-ins, then whatever is installed
    assert registry.names()[-1] == "lines"
    assert registry.detect(b"LINES of text", None).name == "lines"
    assert registry.detect(story_bytes(), None).name == "prezly"
