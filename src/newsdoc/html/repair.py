"""Markup that libxml2's limits would cut short, made parseable.

libxml2 (without ``huge_tree``) stops parsing where elements nest deeper than 256, or where
text outgrows its 10 MB buffers, and everything from that point on is lost, the rest of the
page included. When a parse reports such a limit, the markup is flattened (start and end tags
beyond :data:`FLAT_DEPTH` are dropped; their text stays, in the element at that depth) and
parsed again by a parser with ``huge_tree``, whose limits on text are lifted: the input is
already bounded by ``Limits.max_bytes``, and libxml2's HTML parser expands no entity a
document declares, which is what the limits guard against in XML. The flattening is one
linear scan from tag to tag.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from newsdoc.codes import HTML_PARSER_LIMIT
from newsdoc.html.tags import too_deep_warning
from newsdoc.model import ParseWarning

__all__ = ["FLAT_DEPTH", "flattened", "limit_hit", "parser_limit", "repair"]

#: Elements beyond this depth are flattened (libxml2 stops at 256; html, body and the
#: elements the parser implies need room above it).
FLAT_DEPTH: Final = 240

# A tag: its name after an optional slash, its attributes up to the next ">" (never past a
# "<", so that a stray "<" costs a scan to the next one only).
_TAG: Final = re.compile(rb"<(/?)([A-Za-z][^\s/<>]*+)[^<>]*+>")
_COMMENT_END: Final = b"-->"
# Elements whose content is raw text: a "<div>" inside a script is no element.
_RAW: Final = frozenset({b"script", b"style", b"textarea", b"title", b"xmp", b"plaintext"})
_VOID: Final = frozenset(
    {
        b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"keygen",
        b"link", b"meta", b"param", b"source", b"track", b"wbr",
    }
)  # fmt: skip
_LIMIT_ERROR: Final = "ERR_RESOURCE_LIMIT"


def _limit_entry(parser: etree.HTMLParser) -> etree._LogEntry | None:
    """The error by which the parser's last parse stopped at a libxml2 resource limit, if any."""
    return next((entry for entry in parser.error_log if entry.type_name == _LIMIT_ERROR), None)


def limit_hit(parser: etree.HTMLParser) -> bool:
    """Whether the parser's last parse stopped at one of libxml2's resource limits."""
    return _limit_entry(parser) is not None


def parser_limit(parser: etree.HTMLParser) -> tuple[ParseWarning, ...]:
    """A ``html.parser-limit`` warning if the parse still stopped at a limit after repair."""
    entry = _limit_entry(parser)
    if entry is None:
        return ()
    reason = entry.message.strip().split(", ")[0]
    message = f"the HTML parser stopped at its limit ({reason}): what follows is lost"
    return (HTML_PARSER_LIMIT(message),)


def repair(markup: bytes) -> tuple[bytes, tuple[ParseWarning, ...]]:
    """``markup`` flattened beyond :data:`FLAT_DEPTH`, to be parsed with ``huge_tree``.

    Returns the markup and a ``html.too-deep`` warning when elements were flattened.
    """
    flat, dropped = flattened(markup, FLAT_DEPTH)
    return flat, (too_deep_warning(FLAT_DEPTH),) if dropped else ()


def flattened(markup: bytes, depth: int) -> tuple[bytes, int]:
    """``markup`` without the start and end tags of elements nested deeper than ``depth``.

    Depth is counted as the tags are written (a start tag opens, an end tag closes; void
    elements and self-closed tags do not count): a rough measure, as HTML closes some
    elements by itself, which errs towards flattening. Returns the markup and how many tags
    were dropped.
    """
    lowered = markup.lower()
    view = memoryview(markup)
    # One buffer, not a list of the pieces between dropped tags (a million of them for a page
    # of deep chains): the copy costs the size of the markup, no more.
    kept = bytearray()
    kept_from = 0
    level = 0
    dropped = 0
    position = 0
    while True:
        start = markup.find(b"<", position)
        if start < 0:
            break
        if markup.startswith(b"<!--", start):
            end = markup.find(_COMMENT_END, start + 4)
            position = len(markup) if end < 0 else end + len(_COMMENT_END)
            continue
        tag = _TAG.match(markup, start)
        if tag is None:
            position = start + 1
            continue
        position = tag.end()
        closing, name = tag.group(1), tag.group(2).lower()
        if closing:
            drop = level > depth
            level = max(0, level - 1)
        elif name in _VOID or markup[position - 2 : position - 1] == b"/":
            continue
        else:
            level += 1
            drop = level > depth
            if name in _RAW:
                end = lowered.find(b"</" + name, position)
                position = len(markup) if end < 0 else end
                if drop:  # a script too deep goes whole: its code is no text to keep
                    level -= 1
                    closed = markup.find(b">", position)
                    position = len(markup) if closed < 0 else closed + 1
                    kept += view[kept_from:start]
                    kept_from = position
                    dropped += 1
                    continue
        if drop:
            kept += view[kept_from:start]
            kept_from = tag.end()
            dropped += 1
    if not dropped:
        return markup, 0
    kept += view[kept_from:]
    return bytes(kept), dropped
