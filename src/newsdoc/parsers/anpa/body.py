"""A wire story's text to paragraphs: the line markers read, the control characters gone.

The marks a wire story's lines carry:

- ``^`` at the start of a line opens a paragraph (ANPA 1312's indent mark);
- ``<`` at the end of a line ends the line (ANPA 1312's quad-left mark), and goes;
- a tab or an indent of two spaces or more opens a paragraph;
- ``=`` at the end of a line ends a paragraph (IPTC 7901 copy, the headline's end);
- a blank line ends a paragraph (in a story whose lines are wrapped: none is longer than 100
  characters);
- an end mark or a trailer line (see :mod:`.furniture`) is a paragraph of its own.

A story without any of these marks (one paragraph a line, as many wires send today) gives a
paragraph per line; so does one with blank lines but a line too long to be wrapped. AP's
seven-bit stand-in for a dash, an underscore between spaces (``NEW YORK (AP) _ Stocks...``),
becomes an em dash.
"""

from __future__ import annotations

from typing import Final

import attrs

from newsdoc.analysis.text import clean_text
from newsdoc.parsers.anpa.furniture import is_end_mark, read_end_line

__all__ = ["Paragraph", "paragraphs_of"]

_INDENT: Final = ("\t", "  ")
# Wire copy wrapped for a teleprinter has no longer line: a story with one is written a
# paragraph a line, and its blank lines mark nothing.
_WRAP_WIDTH: Final = 100
# No end mark or trailer line is longer (with a few stray control characters).
_FURNITURE_CHARACTERS: Final = 64


@attrs.frozen
class Paragraph:
    """A paragraph of the story, and how many lines it was written on."""

    text: str
    lines: int


@attrs.frozen
class _Line:
    text: str  # not cleaned yet
    opens: bool  # a mark opens a paragraph here
    closes: bool  # a mark closes the paragraph after this line
    alone: bool = False  # an end mark or a trailer: a paragraph of its own, marked or not


def paragraphs_of(text: str) -> list[Paragraph]:
    """The paragraphs of a story's ``text``, cleaned, empty ones left out."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_read(raw) for raw in text.split("\n")]
    lines.reverse()  # read from the end of the list, each line let go once joined
    marked = any(line.opens or line.closes for line in lines) or (
        _has_blank_line(lines) and all(len(line.text) <= _WRAP_WIDTH for line in lines)
    )
    found: list[Paragraph] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            count = len(current)
            joined = " ".join(current)
            current.clear()
            # Cleaned once a paragraph, not once a line: a third of the time of the marks.
            joined = clean_text(joined)
            if joined:
                found.append(Paragraph(text=_dashes(joined), lines=count))

    while lines:
        line = lines.pop()
        if not line.text:
            flush()
            continue
        if line.opens or line.alone or not marked:
            flush()
        current.append(line.text)
        if line.closes or line.alone:
            flush()
    flush()
    return found


def _read(raw: str) -> _Line:
    """One line with its marks read and taken off."""
    stripped = raw.rstrip().rstrip("<").rstrip()
    opens = raw.startswith(_INDENT) and bool(stripped.strip())
    body = stripped.lstrip()
    if body.startswith("^"):
        opens = True
        body = body.lstrip("^").lstrip()
    closes = False
    if body.endswith("=") and not body.endswith("=="):
        closes = True
        body = body[:-1].rstrip()
    alone = len(body) <= _FURNITURE_CHARACTERS and _is_furniture(clean_text(body))
    return _Line(text=body, opens=opens, closes=closes, alone=alone)


def _is_furniture(text: str) -> bool:
    return is_end_mark(text) or read_end_line(text) is not None


def _dashes(text: str) -> str:
    """``text`` with each underscore between spaces as an em dash.

    Twice, for the underscores that share a space (" _ _ "), which one pass steps over; not a
    regular expression, whose ``sub`` holds a list of every piece (14 times a long line).
    """
    if " _ " not in text:
        return text
    return text.replace(" _ ", " — ").replace(" _ ", " — ")


def _has_blank_line(lines: list[_Line]) -> bool:
    """Whether a blank line stands between two lines of text (not only at either end)."""
    seen_text = False
    blank = False
    for line in lines:
        if not line.text:
            blank = seen_text
        elif blank:
            return True
        else:
            seen_text = True
    return False
