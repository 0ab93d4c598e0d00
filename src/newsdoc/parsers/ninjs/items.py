"""The items of a ninjs input: one item, an array of items, or an object listing ``items``.

An entry of a list that is no object is skipped with a warning (``ninjs.skipped``) on the next
document, or on the last one when nothing follows; an input with no item at all is an error.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

import attrs

from newsdoc.codes import NINJS_SKIPPED
from newsdoc.errors import ParseError
from newsdoc.model import Document, ParseWarning
from newsdoc.parsers.ninjs.fields import NAME, lower_keys
from newsdoc.parsers.ninjs.item import read_item
from newsdoc.registry import ParseContext

__all__ = ["documents_of"]

# Fields that make an object an item itself, even beside a field called "items".
_ITEM_FIELDS: Final = frozenset(
    {"uri", "headline", "headlines", "bodies", "body_text", "body_html"}
)
_MAX_SKIP_WARNINGS: Final = 10


def documents_of(
    value: object, context: ParseContext, leading: tuple[ParseWarning, ...]
) -> Iterator[Document]:
    """Every item's Document, in order.

    Raises:
        ParseError: The value is not an object or a list of objects.
    """
    container: dict[str, object] | None = None
    if isinstance(value, Mapping):
        keys = lower_keys(value)
        listed = value.get(keys.get("items", "items"))
        if isinstance(listed, list) and _ITEM_FIELDS.isdisjoint(keys):
            container = {key: item for key, item in value.items() if key != keys["items"]}
            entries: list[object] = listed
        else:
            entries = [value]
    elif isinstance(value, list):
        entries = value
    else:
        msg = f"{context.label}: {NAME}: a ninjs input is an object or a list of objects"
        raise ParseError(msg, source=context.source)
    pending: list[ParseWarning] = list(leading)
    skipped = 0
    held: Document | None = None
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, Mapping):
            if len(pending) < _MAX_SKIP_WARNINGS:
                pending.append(NINJS_SKIPPED(f"item {number} is not an object; skipped"))
            else:
                skipped += 1
            continue
        if skipped:
            pending.append(NINJS_SKIPPED(f"and {skipped:,} more were skipped"))
        if held is not None:
            yield held
        held = read_item(entry, context, tuple(pending), container or None)
        pending, skipped = [], 0
    if held is None:
        msg = f"{context.label}: {NAME}: the input holds no ninjs item (an object)"
        raise ParseError(msg, source=context.source)
    if pending or skipped:
        if skipped:
            pending.append(NINJS_SKIPPED(f"and {skipped:,} more were skipped"))
        held = attrs.evolve(held, warnings=[*held.warnings, *pending])
    yield held
