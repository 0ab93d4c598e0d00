"""Whitespace and invisible characters: text as a reader sees it."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["LINE_BREAK", "clean_text", "replace_surrogates"]

#: Marks a hard line break (``<br>``) in text still to be cleaned; a private-use character, so
#: it cannot be confused with the newlines of source formatting, which are plain whitespace.
LINE_BREAK: Final = "\ue000"

# Characters with no width that only get in the way of search and offsets. Checked one by one:
# `in` and `replace` are far cheaper than `str.translate` with a table on short texts.
_INVISIBLE: Final = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")


# C0 controls other than whitespace, and DEL: never text, often debris of a broken export.
_CONTROLS: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f]+")
# A code point in the surrogate range is never valid text on its own (JSON "\ud800" makes one).
_SURROGATES: Final = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with lone surrogate code points replaced by U+FFFD, so it can be encoded."""
    return _SURROGATES.sub("\ufffd", text)


def clean_text(raw: str) -> str:
    """Text as a reader sees it: whitespace collapsed, invisible and control characters gone.

    Runs of whitespace (NBSP included) become one space.
    Hard line breaks marked with :data:`LINE_BREAK` become newlines; blank lines they would
    create are dropped.
    """
    text = _CONTROLS.sub("", raw) if _CONTROLS.search(raw) else raw
    for char in _INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    if LINE_BREAK not in text:
        return " ".join(text.split())
    lines = (" ".join(line.split()) for line in text.split(LINE_BREAK))
    return "\n".join(line for line in lines if line)
