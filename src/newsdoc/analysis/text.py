"""Whitespace and invisible characters: text as a reader sees it."""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "CJK",
    "CJK_CHARACTERS",
    "CJK_NAME",
    "LINE_BREAK",
    "clean_text",
    "collapse_spaces",
    "comparable",
    "count_words",
    "has_digit",
    "paragraphs",
    "replace_surrogates",
    "without_display_controls",
]

#: Marks a hard line break (``<br>``) in text still to be cleaned; a private-use character, so
#: it cannot be confused with the newlines of source formatting, which are plain whitespace.
LINE_BREAK: Final = "\ue000"

# The scripts written without spaces between words, as regular-expression class ranges.
_KANA: Final = "\u3040-\u30ff"
_HAN: Final = "\u3400-\u4dbf\u4e00-\u9fff"
_HANGUL: Final = "\uac00-\ud7af"
#: Character-class ranges (for inside ``[...]``) of Japanese kana, Chinese characters, Korean
#: syllables and the full-width forms these texts use.
CJK_CHARACTERS: Final = f"{_KANA}{_HAN}{_HANGUL}\uff00-\uffef"
#: A character of Chinese, Japanese or Korean (or a full-width form).
CJK: Final = re.compile(f"[{CJK_CHARACTERS}]")
#: A personal name in Chinese or Japanese (two to six characters) or Korean (two to four).
CJK_NAME: Final = re.compile(f"[{_KANA}{_HAN}]{{2,6}}|[{_HANGUL}]{{2,4}}")

# Never text for a reader: C0 controls other than whitespace, DEL, and invisible characters
# that only get in the way of search and offsets (zero-width space, word joiner, BOM, soft
# hyphen). Not ZWNJ and ZWJ (U+200C, U+200D): Persian and Indic spelling and emoji need them.
_UNWANTED: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f\u200b\u2060\ufeff\u00ad]+")
# A code point in the surrogate range is never valid text on its own (JSON "\ud800" makes one).
_SURROGATES: Final = re.compile("[\ud800-\udfff]")
_PUNCTUATION: Final = re.compile(r"[^\w\s]")
_DIGIT: Final = re.compile(r"\d")


def replace_surrogates(text: str) -> str:
    """``text`` with lone surrogate code points replaced by U+FFFD, so it can be encoded."""
    return _SURROGATES.sub("\ufffd", text)


def clean_text(raw: str) -> str:
    """Text as a reader sees it: whitespace collapsed, invisible and control characters gone.

    Runs of whitespace (NBSP included) become one space. Hard line breaks marked with
    :data:`LINE_BREAK` become newlines; blank lines they would create are dropped.
    """
    if LINE_BREAK not in raw:
        return _clean_line(raw)
    lines = (_clean_line(line) for line in raw.split(LINE_BREAK))
    return "\n".join(line for line in lines if line)


# Characters that change how the text around them is shown: the bidirectional embeddings,
# overrides and isolates (U+202E shows "exe.txt" as "txt.exe"), invisible, so removed; and C0
# and C1 controls, which stand between words, so spaces.
_BIDI_CONTROLS: Final = re.compile("[\u202a-\u202e\u2066-\u2069]+")
_CONTROLS: Final = re.compile("[\x00-\x1f\x7f-\x9f]+")


def without_display_controls(text: str) -> str:
    """``text`` without the control characters that would make it display as something else.

    For names and titles, which are shown on their own: a body keeps the embeddings that
    right-to-left text may need.
    """
    if text.isprintable():  # no control or format character at all: the common case, in C
        return text
    return " ".join(_CONTROLS.sub(" ", _BIDI_CONTROLS.sub("", text)).split())


def count_words(text: str) -> int:
    """``len(text.split())``, without holding every word of a long text as a string."""
    if len(text) < _LONG_LINE:
        return len(text.split())
    collapsed = collapse_spaces(text)
    return collapsed.count(" ") + 1 if collapsed else 0


def has_digit(text: str) -> bool:
    """Whether ``text`` holds a digit (of any script): dates, times and counts all have one."""
    return _DIGIT.search(text) is not None


def comparable(text: str) -> str:
    """``text`` reduced for comparing: casefolded, punctuation turned to spaces, spaces collapsed.

    Two texts that differ only in case, punctuation or spacing reduce to the same string, so a
    heading that repeats a title ("Storm hits coast" and "Storm Hits Coast!") is told.
    """
    return " ".join(_PUNCTUATION.sub(" ", text.casefold()).split())


def _clean_line(raw: str) -> str:
    text = collapse_spaces(raw)
    # Once whitespace is collapsed, almost every text is printable: one C-level check spares the
    # regular expression (slow per character) for the rare text that needs it.
    if text.isprintable():
        return text
    return collapse_spaces(_UNWANTED.sub("", text))


def collapse_spaces(text: str) -> str:
    """``text`` with runs of whitespace as one space, and none at either end.

    The same as ``" ".join(text.split())``, without holding every word of a long text.
    """
    if len(text) < _LONG_LINE:
        return " ".join(text.split())  # fastest on a line of ordinary length
    # Splitting a long line into words holds each word as an object: 20 times its size in
    # memory (a 50 MB line took 1.7 GB). The expression writes one string, with the same result
    # (both split on what str.isspace calls whitespace).
    return _WHITESPACE.sub(" ", text).strip()


_LONG_LINE: Final = 100_000
_WHITESPACE: Final = re.compile(r"[^\S ]\s*| \s+")  # only runs that change


def paragraphs(text: str) -> list[str]:
    """The paragraphs of plain text a source gives as one string, cleaned, empty ones left out.

    Each line is a paragraph (JSON-LD ``articleBody`` and script data separate them by one
    newline or by blank lines alike).
    """
    return [line for line in (clean_text(part) for part in _LINES.split(text)) if line]


_LINES: Final = re.compile(r"\n\s*\n|\n")
