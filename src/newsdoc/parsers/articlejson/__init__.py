"""Article JSON: schema.org JSON-LD files, the records of news scrapers and APIs, JSON Lines.

Most news datasets circulate as JSON written by a few producers; this format reads them all:

- schema.org JSON-LD as a file: an article object, an array of them, or an ``@graph``
  (``NewsArticle``, ``Article``, ``BlogPosting``, ``LiveBlogPosting`` and every other
  ``*Article`` type), read with the HTML format's own JSON-LD mapping;
- news-please records, fundus articles, NewsAPI responses and trafilatura's JSON output, each
  recognised by its keys (never their order);
- a JSON array of any of these, and JSON Lines of any of these (one value a line).

Each record or article object is one Document, in order. A line or item that fits no producer
is skipped with a warning (``article-json.skipped``) on the next document, never the end of
the input.

The format is a package, a module per job: this one sniffs and parses; :mod:`.kinds` tells
the producer from the keys; :mod:`.producers` reads each producer's record; :mod:`.jsonld`
reads JSON-LD; :mod:`.record` holds what the readers share; :mod:`.stream` turns values and
lines into Documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from newsdoc.decoding import decode
from newsdoc.errors import ParseError
from newsdoc.model import Document
from newsdoc.parsers._json import JSON_START, parse_json
from newsdoc.parsers.articlejson.kinds import head_kind
from newsdoc.parsers.articlejson.lines import stream_documents
from newsdoc.parsers.articlejson.record import NAME
from newsdoc.parsers.articlejson.stream import (
    Unit,
    json_lines,
    looks_like_lines,
    units_of,
    with_skips,
)
from newsdoc.registry import ByteStream, Format, ParseContext

__all__ = ["FORMAT"]


def sniff(head: bytes, name: str | None) -> float:
    """Sure of JSON whose keys (or ``@type``) in the first 8 KiB are a known producer's."""
    if head.lstrip()[:1] not in JSON_START:
        return 0.0
    return 0.9 if head_kind(head) is not None else 0.0


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield every article of ``data``: one JSON document, or JSON Lines, read line by line."""
    decoded = decode(data, known=context.encoding)
    text = decoded.text
    units: Iterator[Unit]
    try:
        value, warnings = parse_json(text, context, NAME)
    except ParseError:
        if not looks_like_lines(text, context):
            raise  # one JSON document, broken
        units = json_lines(text, context)
        leading = decoded.warnings
    else:
        units = units_of(value, context, "the document")
        leading = (*decoded.warnings, *warnings)
    yield from with_skips(units, context, leading)


def stream(source: ByteStream, context: ParseContext) -> Iterator[Document]:
    """The same documents as :func:`parse`, read from a file: JSON Lines a line at a time."""
    return stream_documents(source, context, parse)


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    stream=stream,
    extensions=("json", "jsonl", "jsonld", "ndjson"),
    description=(
        "Article JSON: schema.org JSON-LD files; news-please, fundus, NewsAPI and trafilatura "
        "records; JSON Lines of them"
    ),
)
