"""Documents to JSON-able dicts and back, on one cattrs converter.

The dict layout mirrors the records field by field: datetimes are ISO 8601 strings, tuples are
lists, ``extra`` is a plain dict, and ``None`` fields are kept (the layout never changes shape).
``Document.body`` is derived from the blocks and is not written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from newsdoc._frozen import freeze_mapping, thaw
from newsdoc.errors import ParseError
from newsdoc.model import Document

if TYPE_CHECKING:
    import cattrs

__all__ = ["from_dict", "from_json", "make_converter", "to_dict", "to_json"]


def make_converter() -> cattrs.Converter:
    """A new converter between the records and JSON-able data."""
    import cattrs  # here, not at the top: a program that never serialises does not pay for it

    converter = cattrs.Converter(unstruct_collection_overrides={tuple: list})
    # Not cattrs.preconf.json's hooks: its structure hook hands anything to fromisoformat, so a
    # dict built in Python with datetime values fails, and a number gives no clear message.
    converter.register_unstructure_hook(datetime, datetime.isoformat)
    converter.register_structure_hook(datetime, _structure_datetime)
    converter.register_unstructure_hook_func(_is_extra, thaw)
    converter.register_structure_hook_func(_is_extra, _structure_extra)
    return converter


def _is_extra(type_: object) -> bool:
    return type_ == Mapping[str, object]


def _structure_datetime(value: object, _: type) -> datetime:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        msg = f"expected an ISO 8601 string, got {type(value).__name__}"
        raise TypeError(msg)
    return datetime.fromisoformat(value)


def _structure_extra(value: object, _: type) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        msg = f"expected an object, got {type(value).__name__}"
        raise TypeError(msg)
    return freeze_mapping(value)


@cache
def _converter() -> cattrs.Converter:
    return make_converter()


def to_dict(document: Document) -> dict[str, Any]:
    """The document as JSON-able data (the layout the CLI prints).

    Args:
        document: The document to convert.

    Returns:
        A dict of plain dicts, lists, strings, numbers, booleans and ``None``.
    """
    result: dict[str, Any] = _converter().unstructure(document)
    return result


def from_dict(data: Mapping[str, Any]) -> Document:
    """The document that :func:`to_dict` turned into ``data``; the exact inverse.

    Raises:
        ParseError: ``data`` does not have the layout of a document.
    """
    import cattrs

    try:
        return _converter().structure(data, Document)
    except (cattrs.BaseValidationError, ValueError, TypeError, KeyError) as exc:
        details = (
            "; ".join(cattrs.transform_error(exc))
            if isinstance(exc, cattrs.BaseValidationError)
            else str(exc)
        )
        msg = f"not a newsdoc document: {details}"
        raise ParseError(msg) from exc


def to_json(document: Document, indent: int | None = None) -> str:
    """The document as JSON text: keys sorted, non-ASCII characters kept as they are.

    Args:
        document: The document to convert.
        indent: Spaces per level, or ``None`` for one line.
    """
    return json.dumps(to_dict(document), indent=indent, sort_keys=True, ensure_ascii=False)


def from_json(text: str | bytes) -> Document:
    """The document that :func:`to_json` wrote.

    Raises:
        ParseError: ``text`` is not JSON, or not the layout of a document.
    """
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        msg = f"not a newsdoc document: invalid JSON ({exc})"
        raise ParseError(msg) from None
    if not isinstance(data, dict):
        msg = f"not a newsdoc document: expected a JSON object, got {type(data).__name__}"
        raise ParseError(msg)
    return from_dict(data)
