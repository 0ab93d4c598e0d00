"""JSON input for any format: decoding, parsing and depth limits, with our errors."""

from __future__ import annotations

import json
import math
import re
from typing import Final

from newsdoc.analysis.text import replace_surrogates
from newsdoc.codes import DECODING_LONE_SURROGATE
from newsdoc.decoding import decode
from newsdoc.errors import LimitExceededError, ParseError
from newsdoc.model import ParseWarning
from newsdoc.registry import ParseContext

__all__ = ["JSON_START", "depth_exceeds", "load_json", "parse_json", "too_deep"]

#: The bytes a JSON text can start with, once whitespace is stripped.
JSON_START: Final = (b"{", b"[")


def load_json(
    data: bytes, context: ParseContext, what: str
) -> tuple[object, tuple[ParseWarning, ...]]:
    """Parse ``data`` as JSON, enforcing ``context.limits.max_depth``.

    Args:
        data: The raw bytes (UTF-8, or UTF-16/32 with a BOM, as RFC 8259 allows).
        context: The parse context, for the source name and limits.
        what: The format's name, for messages.

    Returns:
        The JSON value and the decoding warnings.

    Raises:
        ParseError: The bytes are not JSON.
        LimitExceededError: The JSON nests deeper than the limit.
    """
    decoded = decode(data, known=context.encoding)
    value, warnings = parse_json(decoded.text, context, what)
    return value, (*decoded.warnings, *warnings)


def parse_json(
    text: str, context: ParseContext, what: str
) -> tuple[object, tuple[ParseWarning, ...]]:
    """Parse decoded ``text`` as JSON, as :func:`load_json` does bytes.

    For JSON held in a string of other JSON (a field whose value is a JSON document), which
    needs the same limits and the same care with numbers and lone surrogates.

    Raises:
        ParseError: The text is not JSON.
        LimitExceededError: The JSON nests deeper than the limit.
    """
    try:
        if text.startswith("\ufeff"):  # as json.loads says it
            bom = "Unexpected UTF-8 BOM (decode using utf-8-sig)"
            raise json.JSONDecodeError(bom, text, 0)
        value = _DECODER.decode(text)
    except RecursionError:
        raise too_deep(context) from None
    except json.JSONDecodeError as exc:
        msg = (
            f"{context.label}: not valid {what} JSON: {exc.msg} "
            f"at line {exc.lineno}, column {exc.colno}"
        )
        raise ParseError(msg, source=context.source) from None
    if depth_exceeds(value, context.limits.max_depth, text):
        raise too_deep(context)
    warnings: tuple[ParseWarning, ...] = ()
    if _SURROGATE_ESCAPE.search(text):
        fixed = _without_surrogates(value)
        if fixed != value:
            value = fixed
            warnings = (
                DECODING_LONE_SURROGATE(
                    "JSON escapes of lone UTF-16 surrogates were replaced by U+FFFD",
                ),
            )
    return value, warnings


_MAX_INT_DIGITS: Final = 4300

# JSON can spell a lone surrogate ("\ud800"), which Python accepts and no encoder can write.
_SURROGATE_ESCAPE: Final = re.compile(r"\\u[dD][89a-fA-F]")


def _without_surrogates(value: object) -> object:
    # The depth was checked before this runs, so recursion is bounded by limits.max_depth.
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {replace_surrogates(key): _without_surrogates(item) for key, item in value.items()}
    return value


def _no_constant(name: str) -> None:
    # NaN and Infinity are not JSON (RFC 8259); Python accepts them. Read them as unknown.
    return None


def _int(text: str) -> int | str:
    # Python refuses to convert integers of more than 4,300 digits (a denial-of-service guard);
    # such a number is kept as the text it was rather than failing the whole document.
    return int(text) if len(text) <= _MAX_INT_DIGITS else text


def _float(text: str) -> float | str:
    # 1e999 overflows to infinity, which no JSON can hold: keep the text it was.
    value = float(text)
    return value if math.isfinite(value) else text


# One decoder for every parse: json.loads with hooks builds a new one at each call, which costs
# more than parsing a short JSON Lines line.
_DECODER: Final = json.JSONDecoder(parse_constant=_no_constant, parse_int=_int, parse_float=_float)


def too_deep(context: ParseContext) -> LimitExceededError:
    """The error for JSON nested deeper than the context's limit."""
    msg = f"{context.label}: JSON nested deeper than limits.max_depth ({context.limits.max_depth})"
    return LimitExceededError(msg, source=context.source, limit="max_depth")


def depth_exceeds(value: object, limit: int, text: str | None = None) -> bool:
    """Whether JSON ``value`` nests deeper than ``limit`` (walked with an explicit stack).

    ``text``, the JSON it was read from, allows a shortcut: JSON with no more opening brackets
    than ``limit`` cannot nest deeper, whatever its shape (counting them runs in C).
    """
    if text is not None and text.count("{") + text.count("[") <= limit:
        return False
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: list[object] | tuple[object, ...] = list(item.values())
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
