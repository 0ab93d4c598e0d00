"""The lines of a plain text: how the text is cut into them, their kinds, and their shapes."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

import attrs

from newsdoc.analysis.dates import DateLine
from newsdoc.analysis.function_words import words
from newsdoc.analysis.text import clean_text

__all__ = [
    "BYLINE",
    "CAPTION",
    "CRUMBS",
    "DATE",
    "HEADLINE",
    "HOME",
    "ITEM",
    "ITEM_MARK",
    "META",
    "NAVIGATION",
    "NOISE",
    "PROSE",
    "QUOTE",
    "RELATED",
    "RULE",
    "TAGS",
    "URL",
    "URL_ONLY",
    "URL_TRAIL",
    "Line",
    "ends_sentence",
    "is_headline",
    "is_rule",
    "is_title_case",
    "units_of",
    "without_final_stop",
]

# Kinds of line.
NOISE: Final = "noise"
NAVIGATION: Final = "navigation"
RELATED: Final = "related"
DATE: Final = "date"
BYLINE: Final = "byline"
META: Final = "meta"  # a byline and a date on one line
TAGS: Final = "tags"
CRUMBS: Final = "breadcrumbs"
CAPTION: Final = "caption"
HEADLINE: Final = "headline"
PROSE: Final = "prose"
ITEM: Final = "item"
QUOTE: Final = "quote"
URL_ONLY: Final = "url"
RULE: Final = "rule"  # a line drawn across: "* * *", "-----", "___"


@attrs.define
class Line:
    """A line of the text, with its kind and what was read from it."""

    text: str
    kind: str
    tokens: list[str] | None = None  # the words, computed when first needed
    date: DateLine | None = None
    more_dates: list[DateLine] = attrs.Factory(list)  # a metadata line's update, after its date
    authors: list[str] = attrs.Factory(list)
    values: list[str] = attrs.Factory(list)  # tags, crumbs, or a caption's credit
    blank_before: bool = True

    @property
    def words(self) -> list[str]:
        """The line's words (see :func:`~newsdoc.analysis.function_words.words`)."""
        if self.tokens is None:
            self.tokens = words(self.text)
        return self.tokens


_CLOSERS: Final = "\"'”’»)]」』）"
#: The mark of a list item: a bullet or dash, or a number with "." or ")".
ITEM_MARK: Final = re.compile(r"(?:[-*•●▪–]|\d{1,2}[.)])\s+(?=\S)")
#: A web address, with or without its scheme; :data:`URL_TRAIL` is punctuation after it.
URL: Final = re.compile(
    r"\bhttps?://[^\s<>\"'()\[\]]{2,2000}|\bwww\.[a-z0-9-]{1,63}\.[a-z]{2,}[^\s<>\"'()\[\]]*", re.I
)
URL_TRAIL: Final = ".,;:!?\"'”’»"
#: Breadcrumbs that name the home page rather than a section.
HOME: Final = frozenset(
    {"home", "start", "accueil", "startseite", "inicio", "news", "ホーム", "首页", "홈", "главная"}
)
_MAX_HEADLINE_WORDS: Final = 25
_MAX_HEADLINE_CHARS: Final = 200


_WRAPPED_LENGTH: Final = 40


def units_of(text: str) -> list[tuple[str, bool]]:
    """The text's lines, cleaned, each with whether a blank line came before it.

    Hard-wrapped text (every line under about 80 characters, paragraphs separated by blank
    lines) has its lines joined back into paragraphs.
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = [clean_text(line) for line in raw]
    lengths = [len(line) for line in cleaned if line]
    wrapped = False
    if len(lengths) >= 5 and max(lengths) <= 100:
        followed = sum(1 for line, after in pairwise(cleaned) if line and after)
        ordered = sorted(lengths)
        # Wrapped lines end inside a sentence; short paragraphs of one sentence each (as agency
        # copy is often written) end like sentences, and are not joined. Only lines of a
        # wrapped length count: titles, datelines and bylines end openly either way.
        long_lines = [line for line in cleaned if len(line) >= _WRAPPED_LENGTH]
        open_ended = sum(1 for line in long_lines if not ends_sentence(line))
        wrapped = (
            followed >= 0.5 * len(lengths)
            and ordered[len(ordered) // 2] >= _WRAPPED_LENGTH
            and open_ended >= 0.5 * len(long_lines)
        )
    units: list[tuple[str, bool]] = []
    blank = True
    for line in cleaned:
        if not line:
            blank = True
            continue
        if wrapped and not blank and units and not ITEM_MARK.match(line):
            previous, before = units[-1]
            units[-1] = (f"{previous} {line}", before)
        else:
            units.append((line, blank))
        blank = False
    return units


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (".", "!", "?", "…", ":" or ";", maybe quoted).

    The full stop and the full-width marks of Chinese and Japanese count too.
    """
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_MARKS


_SENTENCE_MARKS: Final = frozenset({".", "!", "?", "…", ":", ";", "。", "\uff01", "\uff1f"})


def is_headline(text: str, tokens: list[str]) -> bool:
    """Reads as a headline or subheading: short, capitalised, not ended like a sentence."""
    if not tokens or len(tokens) > _MAX_HEADLINE_WORDS or len(text) > _MAX_HEADLINE_CHARS:
        return False
    first = next((character for character in text if character.isalnum()), "")
    # Capitalised, or in a script without case (Chinese, Japanese, Arabic...).
    if not (first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())):
        return False
    return not text.endswith((".", ":", ";", ",", "…", "。")) and not _TERMINAL_QUOTE.search(text)


_TERMINAL_QUOTE: Final = re.compile(r"[.,][\"'”’»]$")


def without_final_stop(text: str) -> str | None:
    """``text`` without the full stop, semicolon or ellipsis it ends with (inside quotes too).

    "Obama Says Trends Are 'Terrifying.'" gives "Obama Says Trends Are 'Terrifying'", and
    "Author Would Run IF…." gives "Author Would Run IF"; ``None`` when the text ends otherwise.
    """
    core = text.rstrip(_CLOSERS)
    if not core.endswith((".", ";", "…")):
        return None
    return core.rstrip(".;… ") + text[len(core) :]


_RULE_MARKS: Final = frozenset("-_=*~#+•·—–")


def is_rule(text: str) -> bool:
    """A line drawn across the text ("* * *", "-----", "___", "======"), a full stop aside."""
    marks = text.removesuffix(".").replace(" ", "")
    return len(marks) >= 3 and _RULE_MARKS.issuperset(marks)


def is_title_case(text: str) -> bool:
    """Most words of four letters or more start with a capital ("Pence Gives GOP A Boost")."""
    long_words = [word for word in text.split() if len(word.strip(_WORD_EDGES)) >= 4]
    capitals = sum(1 for word in long_words if word.strip(_WORD_EDGES)[:1].isupper())
    return bool(long_words) and capitals >= 0.7 * len(long_words)


_WORD_EDGES: Final = "\"'‘’“”«»()[]¿¡.,;:!?…-–—"
