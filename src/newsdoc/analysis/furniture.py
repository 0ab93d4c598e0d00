"""Short lines that are page furniture rather than article text, in any format.

A line of buttons or share links ("Share this on WhatsApp", "Facebook Twitter Email"), a
copyright footer or a tag list says nothing of the story. Told by its words: most of them
are page vocabulary or function words, and it does not end like a sentence.
"""

from __future__ import annotations

import re
from typing import Final

from newsdoc._regex import DIGIT_RUN
from newsdoc.analysis.function_words import FUNCTION_WORD_SET, PAGE_WORDS, words

__all__ = [
    "is_copyright_line",
    "is_furniture_line",
    "is_reading_time",
    "page_word_counts",
    "reads_as_buttons",
]

_MAX_WORDS: Final = 12
_COPYRIGHT: Final = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}|.{0,80}rights\s+reserved)", re.I)
_TAG_LIST: Final = re.compile(r"(?:tags?|tagged|topics?|keywords)\s*[:\s]", re.IGNORECASE)


# How long the story takes to read or hear: "4 min read", "Reading time: 5 minutes",
# "Lesezeit: 3 Min.", "5 Min. Lesedauer", "Temps de lecture : 4 min", "3 min de lectura",
# "4 minuti di lettura", "Leestijd 3 minuten", "Czas czytania: 4 min".
_MINUTES: Final = r"(?:min(?:ute)?s?\.?|minuten|minutos|minuti|minuty|minuter|minutter|minuuttia)"
_READING: Final = (
    r"(?:read(?:ing)?|listen(?:ing)?)(?:\s+time)?|lesezeit|lesedauer|lecture|lectura|lettura"
    r"|leitura|leestijd|czytania|lukuaika|läsetid|lesetid|læsetid"
)
_READING_TIME: Final = re.compile(
    # (Space without "de" or a colon read one way: "\s+(?:de)?\s*" and "\s*:?\s*" split a
    # run of spaces in as many ways as it is long, and a match that fails after tries them all.)
    rf"(?:(?:temps|tiempo|tempo|czas)\s+(?:(?:de|di)\s*)?)?(?:{_READING})\s*(?::\s*)?"
    r"(?:ca\.\s*)?\d+"
    rf"(?:\s*[-–]\s*\d+)?\s*{_MINUTES}"
    rf"|(?:ca\.\s*)?{DIGIT_RUN}(?:\s*[-–]\s*\d+)?[\s-]*{_MINUTES}\s*(?:(?:de|di)\s+)?(?:{_READING})",
    re.IGNORECASE,
)


def is_reading_time(text: str) -> bool:
    """Whether ``text`` only says how long the story takes to read ("4 min read")."""
    return _READING_TIME.fullmatch(text.strip(" \t·•|⏱🕒")) is not None


def is_furniture_line(text: str) -> bool:
    """Whether a short line is page furniture: buttons, sharing, a tag list, a copyright."""
    if len(text) > 200:
        return False
    if is_copyright_line(text) or is_reading_time(text):
        return True
    tokens = words(text)
    if not tokens or len(tokens) > _MAX_WORDS:
        return _TAG_LIST.match(text) is not None and "," in text and not text.endswith(".")
    if text.rstrip("\"'”’»)]").endswith((".", "!", "?")):
        return False
    content, page = page_word_counts(tokens)
    if not content:
        return False
    return reads_as_buttons(len(tokens), content, page) or _TAG_LIST.match(text) is not None


def page_word_counts(tokens: list[str], *, icons: bool = False) -> tuple[int, int]:
    """How many of ``tokens`` are content words, and how many of those are page vocabulary.

    Content words are those that are not function words; page vocabulary is the words of
    buttons and notices ("share", "subscribe", "facebook").

    With ``icons``, a content word that ends in "icon" counts as page vocabulary too: text
    scraped from a page keeps the names of the icons it showed ("facebookicon").
    """
    content = [token for token in tokens if token not in FUNCTION_WORD_SET]
    page = sum(1 for token in content if token in PAGE_WORDS or (icons and token.endswith("icon")))
    return len(content), page


def reads_as_buttons(count: int, content: int, page: int) -> bool:
    """Whether a line reads as buttons or sharing links ("Read more", "Share this article").

    Short, and half its content words or more from the page: ``count`` is its number of
    words, ``content`` and ``page`` what :func:`page_word_counts` counted.
    """
    return content > 0 and count <= _MAX_WORDS and page >= 0.5 * content


def is_copyright_line(text: str) -> bool:
    """Whether ``text`` opens with a copyright notice: "© 2024 …", "Copyright … rights reserved"."""
    return _COPYRIGHT.match(text) is not None
