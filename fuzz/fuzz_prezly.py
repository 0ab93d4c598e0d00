#!/usr/bin/env python3
r"""Fuzz ``newsdoc.loads(data, format="prezly")`` with stories built from the fuzzer's bytes.

Random bytes are almost never JSON, so most inputs are read as a recipe for a story instead:

- byte 0, the mode: ``mode % 4 == 0`` sends the rest as it is (raw JSON, for the decoder and
  ``load_json``); otherwise its bits choose the wrapping (one story, a list, ``{"stories"}``,
  ``{"story"}``, a bare content document) and the encoding (UTF-8, with a BOM, UTF-16, ASCII
  escapes);
- bytes 1-3: which story fields are present (a bit each);
- bytes 4-7: the seed of a small generator that makes every other choice (each field's JSON
  type, the body's shape: HTML in ``body`` or ``content``, a content document as a JSON string
  or an object, the content nodes' types and attributes);
- the rest, split on ``0xFE`` (never in UTF-8): the strings. The first is the body (HTML, or the
  text of the content document's nodes), the others feed the fields in turn. Undecodable bytes
  become lone surrogates, which ``json.dumps`` writes as ``\udcXX`` escapes.

So a seed is a few header bytes, then real HTML; mutations of the header change the story's
shape, and mutations of the rest change its text.

Run: ``python fuzz/fuzz_prezly.py fuzz/corpus/prezly fuzz/seeds/prezly -runs=1000000``.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from typing import Final

from _common import check, documents, fuzz, newsdoc, text_of

# Story fields, in the order of the presence bits.
_FIELDS: Final = (
    "title", "subtitle", "summary", "intro", "published_at", "modified_at", "updated_at",
    "url", "culture", "language", "author", "newsroom", "categories", "tag_names", "tags",
    "header_image", "thumbnail_image", "social_image", "links", "format_version", "header",
    "lifecycle_status", "uuid", "status",
)  # fmt: skip
# Content node types: Prezly's, one it does not know, and a non-string.
_NODES: Final = (
    "paragraph", "heading-one", "heading-two", "block-quote", "list-item", "bulleted-list",
    "numbered-list", "list-item-text", "link", "variable", "image", "image-block", "gallery",
    "embed", "video", "bookmark", "story-bookmark", "story-embed", "attachment", "contact",
    "coverage", "button-block", "callout", "table", "table-row", "table-cell", "html",
    "divider", "placeholder", "mystery", None, "document",
)  # fmt: skip
_HEADER: Final = 8
_DATES: Final = ("2026-01-02 03:04:05", "2026-01-02T03:04:05+02:00", "2026-13-45", "yesterday")


class _Recipe:
    """The fuzzer's bytes as a header, choices from a small seeded generator, and strings."""

    def __init__(self, data: bytes) -> None:
        header = data[:_HEADER].ljust(_HEADER, b"\x00")
        self.mode = header[0]
        self.present = int.from_bytes(header[1:4], "little")
        self.state = int.from_bytes(header[4:8], "little") | 1
        parts = data[_HEADER:].split(b"\xfe")
        self.body = text_of(parts[0])
        self.strings = [text_of(part) for part in parts[1:]]
        self.taken = 0

    def choice(self) -> int:
        """The next choice, 0 to 255 (xorshift32: cheap, and the same for the same header)."""
        state = self.state
        state ^= state << 13 & 0xFFFFFFFF
        state ^= state >> 17
        state ^= state << 5 & 0xFFFFFFFF
        self.state = state
        return state & 0xFF

    def string(self) -> str:
        """The next string, in turn; a piece of the body when there are none."""
        if not self.strings:
            return self.body[: self.choice()]
        self.taken += 1
        return self.strings[(self.taken - 1) % len(self.strings)]


def _value(recipe: _Recipe, field: str) -> object:
    kind = recipe.choice() % 10
    if kind == 0 and field.endswith("_at"):
        return _DATES[recipe.choice() % len(_DATES)]
    makers: tuple[Callable[[], object], ...] = (
        recipe.string,
        lambda: recipe.choice() - 128,
        lambda: None,
        lambda: [recipe.string(), recipe.string(), recipe.choice()],
        lambda: _record(recipe),
        lambda: recipe.choice() / 7,
        lambda: recipe.choice() % 2 == 0,
        lambda: json.dumps(_record(recipe)),
        lambda: [_record(recipe)],
        recipe.string,
    )
    return makers[kind]()


def _record(recipe: _Recipe) -> dict[str, object]:
    """An author, newsroom, uploaded file, culture or link: the keys Prezly's objects have."""
    keys = ("name", "display_name", "first_name", "last_name", "url", "code", "locale")
    record: dict[str, object] = {key: recipe.string() for key in keys if recipe.choice() % 3 == 0}
    if recipe.choice() % 2:
        record["uuid"] = "0f1e2d3c-1212-4a3b-8c4d-000000000010"
        record["filename"] = recipe.string() or "x.jpg"
        record["version"] = 2
    if recipe.choice() % 3 == 0:
        record["title"] = recipe.string()
    return record


def _content(recipe: _Recipe) -> dict[str, object]:
    """A content document: nodes of fuzzed types around the body's lines, nested a little."""
    lines = recipe.body.split("\n")
    children: list[object] = []
    for index, line in enumerate(lines[:64]):
        node_type = _NODES[recipe.choice() % len(_NODES)]
        node: dict[str, object] = {"type": node_type, "children": [{"text": line}]}
        extra = recipe.choice()
        if extra % 5 == 0:
            node["children"] = [{"type": "paragraph", "children": [{"text": line}, line]}]
        if extra % 7 == 1:
            node.update(url=recipe.string(), href=recipe.string(), content=line)
        if extra % 7 == 2:
            node.update(oembed=_record(recipe), file=_record(recipe), story=_record(recipe))
        if extra % 7 == 3:
            node.update(contact=_record(recipe), images=[{"file": _record(recipe)}, None])
        if extra % 11 == 4 and children:
            children[-1] = {"type": _NODES[index % len(_NODES)], "children": [children[-1], node]}
            continue
        children.append(node)
    return {"type": "document", "version": "0.50", "children": children}


def _story(recipe: _Recipe) -> dict[str, object]:
    story: dict[str, object] = {}
    for bit, field in enumerate(_FIELDS):
        if recipe.present >> bit & 1:
            story[field] = _value(recipe, field)
    shape = recipe.choice() % 4
    if shape == 0:
        story["body"] = recipe.body
    elif shape == 1:
        story["content"] = recipe.body
    elif shape == 2:
        story["content"] = json.dumps(_content(recipe))
    else:
        story["content"] = _content(recipe)
    return story


def newsdoc_input(data: bytes) -> bytes:
    """The bytes the harness gives newsdoc for the fuzzer's ``data`` (fuzz/replay.py saves them)."""
    mode = data[0] if data else 0
    if mode % 4 == 0:
        return data[1:]
    recipe = _Recipe(data)
    story = _story(recipe)
    wrap = mode >> 2 & 7
    value: object
    if wrap == 1:
        value = [story, _story(recipe)]
    elif wrap == 2:
        value = {"stories": [story, story]}
    elif wrap == 3:
        value = {"story": story, "meta": {"count": 1}}
    elif wrap == 4:
        value = _content(recipe)
    else:
        value = story
    ascii_only = bool(mode & 0x20)
    text = json.dumps(value, ensure_ascii=ascii_only)
    encoding = mode >> 6
    raw = text.encode("utf-8", errors="surrogatepass")
    if encoding == 1:
        return codecs.BOM_UTF8 + raw
    if encoding == 2 and not ascii_only:
        return text.encode("utf-16", errors="surrogatepass")
    return raw


def test_one(data: bytes) -> None:
    """Build a story (or take the raw bytes), load it as Prezly and check every document."""
    source = newsdoc_input(data)
    for document in documents(lambda: newsdoc.loads_all(source, format="prezly")):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
