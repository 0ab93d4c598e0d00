"""Building regular expressions that Python's engine runs fast.

Python's ``re`` tries the alternatives of ``a|b|c`` one by one at every position it starts a
match at; it skips ahead in C only to a character some alternative can start with, and with
fifty words that is almost every letter. :func:`by_first_letter` writes such an alternation
with the words grouped under their first letter (``c(?:omment|ookie)|s(?:hare|ocial)``), so
that one comparison per position rules out every word of a letter: twice as fast on the class
names of the Zyte pages, with the same matches.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "DIGIT_RUN",
    "OPTIONAL_SPACE_RUN",
    "SPACE_RUN",
    "by_first_letter",
    "compile_words",
    "without_first_letters",
]

#: White space that opens a pattern (``\s+``), taken from the first character of its run.
#: A search tries a pattern at every character; one that opens with ``\s+`` or ``\s*`` runs
#: from each character of a long run of spaces to the run's end, and a search through 10,000
#: spaces takes seconds (quadratic). From inside a run it cannot match first: the same match
#: starts one character earlier. So the matches are the same, as long as no search is started
#: inside a run (a match that ends in white space takes the whole run: none ends inside one).
SPACE_RUN: Final = r"(?<!\s)\s+"
#: ``\s*`` that opens a pattern, likewise: the run from its first character, or nothing.
OPTIONAL_SPACE_RUN: Final = rf"(?:{SPACE_RUN})?"
#: A number that opens a pattern (``\d+``), likewise from its first digit.
DIGIT_RUN: Final = r"(?<!\d)\d+"

# What may follow a character and make it something other than a literal of its own.
_QUANTIFIERS: Final = frozenset("*+?{")
_SPECIAL: Final = frozenset("\\[().^$|*+?{")


def without_first_letters(words: str) -> str:
    """``"byline|author"`` as ``"yline|uthor"``: words that match whatever case they start in.

    Class names are matched case-sensitively, so that the engine can skip in C to a letter
    that can start a word (IGNORECASE makes these searches about 4 times slower); the words
    lose their first letter, so that "Byline" and "byline" both match. (So does "keyline":
    a word's tail is all that is asked for.) Written out whole at the call, they can be
    searched for.
    """
    return "|".join(word[1:] for word in words.split("|"))


def compile_words(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` of ``pattern`` with its alternatives grouped by :func:`by_first_letter`."""
    return re.compile(by_first_letter(pattern, ignore_case=bool(flags & re.IGNORECASE)), flags)


def by_first_letter(pattern: str, *, ignore_case: bool = False) -> str:
    """``pattern`` with its top-level alternatives grouped by their first character.

    The order of the alternatives of each letter is kept, so what matches at a position is
    what matched before (alternatives of two letters never match at the same position). A
    pattern with an alternative that does not open with a plain literal (an escape, a class,
    a group, an anchor, a literal under a quantifier) is returned as it is: such an
    alternative may match where a word does, and moving words past it would change which of
    the two is taken. With ``ignore_case`` (a pattern compiled with ``re.IGNORECASE``) letters
    are grouped by their lower case, so that "On" and "on" keep their order.
    """
    groups: dict[str, list[str]] = {}
    for alternative in _top_level(pattern):
        first = alternative[:1]
        if not first or first in _SPECIAL or alternative[1:2] in _QUANTIFIERS:
            return pattern
        groups.setdefault(first.lower() if ignore_case else first, []).append(alternative)
    pieces = []
    for members in groups.values():
        if len(members) == 1:
            pieces.append(members[0])
        elif len({member[0] for member in members}) > 1:
            pieces.append(f"(?:{'|'.join(members)})")  # "On|on" under IGNORECASE
        else:
            pieces.append(f"{members[0][0]}(?:{'|'.join(m[1:] for m in members)})")
    return "|".join(pieces)


def _top_level(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` outside every group and character class."""
    alternatives: list[str] = []
    depth = 0
    start = 0
    index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # "[]...]" and "[^]...]": a bracket first in a class is a member.
            if pattern[index + 1 : index + 2] == "^":
                index += 1
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(pattern[start:index])
            start = index + 1
        index += 1
    alternatives.append(pattern[start:])
    return alternatives
