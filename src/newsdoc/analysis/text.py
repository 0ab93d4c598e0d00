"""Whitespace and invisible characters: text as a reader sees it."""

from __future__ import annotations

from typing import Final

__all__ = ["LINE_BREAK", "clean_text"]

#: Marks a hard line break (``<br>``) in text still to be cleaned; a private-use character, so
#: it cannot be confused with the newlines of source formatting, which are plain whitespace.
LINE_BREAK: Final = "\ue000"

# Characters with no width that only get in the way of search and offsets. Checked one by one:
# `in` and `replace` are far cheaper than `str.translate` with a table on short texts.
_INVISIBLE: Final = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")


def clean_text(raw: str) -> str:
    """Collapse runs of whitespace (NBSP included) to one space and drop invisible characters.

    Hard line breaks marked with :data:`LINE_BREAK` become newlines; blank lines they would
    create are dropped.
    """
    text = raw
    for char in _INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    if LINE_BREAK not in text:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.split(LINE_BREAK))
    return "\n".join(line for line in lines if line)
