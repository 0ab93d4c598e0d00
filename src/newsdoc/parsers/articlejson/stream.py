"""From JSON values (a document's, or each line's) to Documents, and what was skipped on the way.

A value is one record, a NewsAPI response, JSON-LD, or an array of any of these. What fits no
producer (a line that is not JSON, an item of other keys) is skipped, never the end of the
input: :func:`with_skips` gives it as a warning on the next document, or on the last one when
nothing follows, and raises only when the input gives no document at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Final

import attrs

from newsdoc.codes import ARTICLE_JSON_SKIPPED
from newsdoc.errors import LimitExceededError, ParseError
from newsdoc.model import Document, ParseWarning
from newsdoc.parsers._json import parse_json
from newsdoc.parsers.articlejson.jsonld import articles_in
from newsdoc.parsers.articlejson.kinds import JSON_LD, NEWSAPI_RESPONSE, kind_of
from newsdoc.parsers.articlejson.producers import READERS
from newsdoc.parsers.articlejson.record import NAME
from newsdoc.registry import ParseContext

__all__ = [
    "Unit",
    "json_lines",
    "line_units",
    "looks_like_lines",
    "skipped",
    "units_of",
    "with_skips",
]

#: What a value gives: its documents, and a warning for each part of it that was skipped.
Unit = Document | ParseWarning

_LINES_LOOKED_AT: Final = 20
_JSON_LD_KEYS: Final = frozenset({"@context", "@graph", "@type"})
_MAX_SKIP_WARNINGS: Final = 10  # per document; more are counted in one more warning
_MAX_KEYS_SHOWN: Final = 6


def units_of(value: object, context: ParseContext, where: str) -> Iterator[Unit]:
    """The documents of a JSON value, and a warning for each part that was skipped.

    ``where`` names the value in messages ("line 3", "item 2").
    """
    if isinstance(value, list):
        if any(isinstance(item, dict) and not _JSON_LD_KEYS.isdisjoint(item) for item in value):
            yield from _json_ld(value, context, where)  # one graph: its @id references resolve
            return
        if not any(isinstance(item, dict) for item in value):
            yield _skipped(f"{where} is a JSON array that holds no record")
            return
        for index, item in enumerate(value, start=1):
            inner = f"item {index}" if where == "the document" else f"{where}, item {index}"
            if isinstance(item, dict):
                yield from units_of(item, context, inner)
            else:
                yield _skipped(f"{inner} is {_kind_of_value(item)}, not an article record")
        return
    if not isinstance(value, dict):
        yield _skipped(f"{where} is {_kind_of_value(value)}, not an article record")
        return
    types = value.get("@type")
    names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
    kind = kind_of(value.keys(), [name for name in names if isinstance(name, str)])
    if kind == JSON_LD or (kind is None and not _JSON_LD_KEYS.isdisjoint(value)):
        yield from _json_ld(value, context, where)
    elif kind == NEWSAPI_RESPONSE:
        yield from _newsapi_response(value, context, where)
    elif kind is not None:
        yield READERS[kind](value, context)
    else:
        keys = ", ".join(list(value)[:_MAX_KEYS_SHOWN]) + (
            "…" if len(value) > _MAX_KEYS_SHOWN else ""
        )
        yield _skipped(f"{where} is a JSON object whose keys fit no producer's record ({keys})")


def _json_ld(value: object, context: ParseContext, where: str) -> Iterator[Unit]:
    found = False
    for document in articles_in(value, context):
        found = True
        yield document
    if not found:
        yield _skipped(f"{where} is JSON-LD that holds no article object")


def _newsapi_response(
    value: Mapping[str, object], context: ParseContext, where: str
) -> Iterator[Unit]:
    response = {key: item for key, item in value.items() if key != "articles"}
    articles = value.get("articles")
    for index, article in enumerate(articles if isinstance(articles, list) else [], start=1):
        if not isinstance(article, dict):
            yield _skipped(f"{where}: article {index} is {_kind_of_value(article)}, not a record")
            continue
        document = READERS["newsapi"](article, context)
        extra = {**document.metadata.extra, "response": response}
        yield attrs.evolve(document, metadata=attrs.evolve(document.metadata, extra=extra))


def json_lines(text: str, context: ParseContext) -> Iterator[Unit]:
    """The units of every line of JSON Lines ``text``, in order; blank lines are nothing."""
    return line_units(_numbered(text), context)


def _numbered(text: str) -> Iterator[tuple[int, str]]:
    position, number, size = 0, 0, len(text)
    while position < size:
        end = text.find("\n", position)
        if end < 0:
            end = size
        number += 1
        yield number, text[position:end]
        position = end + 1


def line_units(
    lines: Iterable[tuple[int, str] | ParseWarning], context: ParseContext
) -> Iterator[Unit]:
    """The units of numbered lines of JSON Lines (and warnings met reading them), in order."""
    for numbered in lines:
        if isinstance(numbered, ParseWarning):
            yield numbered
            continue
        number, line = numbered[0], numbered[1].strip()
        if not line:
            continue
        if line[0] not in "{[" or line[-1] not in "}]":
            # No record, whatever it holds (a string, a number, a line cut off): not parsed.
            yield _skipped(f"line {number} is not a JSON object or array")
            continue
        try:
            value, warnings = parse_json(line, context, NAME)
        except ParseError as exc:
            reason, _, column = str(exc).partition(" JSON: ")[2].rpartition(" at line 1, column ")
            at = f"column {column}: " if column.isdigit() else ""
            yield _skipped(f"line {number} is not JSON ({at}{reason or 'broken'})")
            continue
        except LimitExceededError:
            yield _skipped(f"line {number} nests deeper than limits.max_depth")
            continue
        yield from warnings
        yield from units_of(value, context, f"line {number}")


def skipped(message: str) -> ParseWarning:
    """The warning for a part of the input that was skipped."""
    return _skipped(message)


def looks_like_lines(text: str, context: ParseContext) -> bool:
    """Whether one of the first lines of ``text`` is a JSON object or array on its own.

    Only the first :data:`_LINES_LOOKED_AT` non-blank lines are read (not a list of them all):
    JSON Lines whose first lines are broken are still JSON Lines, and a broken JSON document
    written over many lines has no line that is JSON by itself.
    """
    position, size, looked = 0, len(text), 0
    while position < size and looked < _LINES_LOOKED_AT:
        end = text.find("\n", position)
        end = size if end < 0 else end
        line = text[position:end].strip()
        position = end + 1
        if not line:
            continue
        looked += 1
        if line[:1] not in "{[" or line[-1:] not in "}]":
            continue
        try:
            value, _ = parse_json(line, context, NAME)
        except (ParseError, LimitExceededError):
            continue
        if isinstance(value, dict | list):
            return True
    return False


def with_skips(
    units: Iterable[Unit], context: ParseContext, leading: Iterable[ParseWarning] = ()
) -> Iterator[Document]:
    """The documents of ``units``, each with the warnings given before it.

    ``leading`` go on the first document (the decoding's). Warnings after the last document
    go on it: each document is held back until the next one is known.

    Raises:
        ParseError: The units hold warnings but no document (nothing in the input fitted).
    """
    pending: list[ParseWarning] = list(leading)
    skipped = 0  # warnings past the limit, counted
    held: Document | None = None
    for unit in units:
        if isinstance(unit, ParseWarning):
            if len(pending) < _MAX_SKIP_WARNINGS:
                pending.append(unit)
            else:
                skipped += 1
            continue
        if pending:
            unit = _add(unit, pending, skipped)
            pending, skipped = [], 0
        if held is not None:
            yield held
        held = unit
    if held is None:
        reasons = "; ".join(w.message for w in pending if w.code == ARTICLE_JSON_SKIPPED.code)
        msg = f"{context.label}: {NAME}: no article record was found"
        raise ParseError(f"{msg} ({reasons})" if reasons else msg, source=context.source)
    if pending:
        held = _add(held, pending, skipped, after=True)
    yield held


def _add(
    document: Document, warnings: list[ParseWarning], skipped: int, *, after: bool = False
) -> Document:
    """``document`` with ``warnings`` of what was skipped before it (or ``after`` it)."""
    added = [*warnings]
    if skipped:
        added.append(ARTICLE_JSON_SKIPPED(f"and {skipped:,} more were skipped"))
    own = list(document.warnings)
    return attrs.evolve(document, warnings=[*own, *added] if after else [*added, *own])


def _skipped(message: str) -> ParseWarning:
    return ARTICLE_JSON_SKIPPED(f"{message}; skipped")


def _kind_of_value(value: object) -> str:
    if isinstance(value, list):
        return "a JSON array"
    if isinstance(value, str):
        return "a JSON string"
    if isinstance(value, bool) or value is None:
        return f"JSON {str(value).lower() if value is not None else 'null'}"
    return "a JSON number"
