"""The words and punctuation of a sentence, with their offsets, as the rules read them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Final

# A number keeps its inner separators ("1,495", "19:02", "64-year-old"), not a comma after it.
_TOKEN: Final = re.compile(r"[^\W\d_][\w'’.\-]*|\d(?:[\w.,:\-]*\w)?|[,;:()—–]")

_EDGE: Final = " \t\n\u00a0,;:"


@lru_cache(maxsize=512)
def tokenize(text: str, pattern: re.Pattern[str] = _TOKEN) -> list[tuple[str, int]]:
    """The words and punctuation of ``text`` with their offsets (``pattern``: the language's).

    Cached: the same sentence is read for several quotes (callers must not change the list).
    """
    return [(match.group(0).rstrip("."), match.start()) for match in pattern.finditer(text)]


def token_pattern(elisions: tuple[str, ...], hyphenated: tuple[str, ...]) -> re.Pattern[str]:
    """The token pattern for a language that elides words or hyphenates its pronouns.

    An elided article or preposition becomes a token of its own ("l'" "ambassadeur",
    "dell'" "azienda"; a capital one only before a lower-case letter, so that "D'Angelo"
    stays a name), and so does a pronoun hyphenated to its verb ("dit-il"; in "a-t-elle",
    "a" and "elle", the euphonic "t" left out). Other languages keep :data:`_TOKEN`, which
    does neither and runs faster.
    """
    if not elisions and not hyphenated:
        return _TOKEN
    parts = []
    if elisions:
        by_length = sorted(elisions, key=len, reverse=True)
        lower = "|".join(re.escape(word) for word in by_length)
        upper = "|".join(re.escape(word.capitalize()) for word in by_length)
        parts.append(rf"(?:{lower})['’](?=[^\W\d_])")
        parts.append(rf"(?:{upper})['’](?=[a-zà-ÿ])")
    if hyphenated:
        pronoun = rf"(?:{'|'.join(re.escape(word) for word in hyphenated)})\b"
        parts.append(rf"(?!t-{pronoun})[^\W\d_][\w'’.]*(?:-(?!(?:t-)?{pronoun})[\w'’.]*)*")
    else:
        parts.append(r"[^\W\d_][\w'’.\-]*")
    parts.append(r"\d(?:[\w.,:\-]*\w)?|[,;:()—–]")
    return re.compile("|".join(parts))


def token_at(tokens: list[tuple[str, int]], at: int) -> int:
    """The index of the token written at offset ``at`` (0 when none is)."""
    return next((index for index, (_, start) in enumerate(tokens) if start == at), 0)


def join_phrase(tokens: Sequence[tuple[str, int]]) -> str:
    """The words of ``tokens`` as a phrase: spaced, but an elided word joined to the next."""
    words = [token for token, _ in tokens]
    if not any(word[-1] in "'’" for word in words):
        return " ".join(words)
    parts = [words[0]]
    for (previous, at), (word, start) in pairwise(tokens):
        glued = previous[-1] in "'’" and start == at + len(previous)
        parts.append(word if glued else " " + word)
    return "".join(parts)


@lru_cache(maxsize=512)
def lowered_tokens(text: str, pattern: re.Pattern[str] = _TOKEN) -> list[str]:
    """The tokens of ``text`` (as :func:`tokenize` gives them) in lower case."""
    return [token.lower() for token, _ in tokenize(text, pattern)]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` without the spaces and the punctuation at its edges."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end
