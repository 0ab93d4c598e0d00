"""A wire story's header: the header line's fields and the keyword lines under it.

The header line opens with the service and the story's sequence number run together
(``a0487``: service ``a``, number 0487; IPTC 7901's ``bkn014``), then, separated by spaces:
optional selector codes, the priority (one character: ANPA's letters, ``f`` flash, ``b``
bulletin, ``u`` urgent, ``r`` regular, ``d`` deferred; IPTC 7901's digits), the category (one
to three letters), then, in either order, the keyword or slug, a month-day date (``02-19``)
and the word count (digits). Fields are read where they are found; a field a header lacks is
left out, never guessed. A line between the header line and STX is a keyword line (IPTC
7901's "Bundestag/Kinder"): then it is the slug, and the rest of the header line is kept as
the header's optional information.
"""

from __future__ import annotations

import re
from typing import Final

from newsdoc.analysis.text import clean_text

__all__ = ["read_header"]

# The service and the sequence number run together: letters, then digits.
_ID: Final = re.compile(r"([A-Za-z]{0,8})(\d{1,8})")
_MONTH_DAY: Final = re.compile(r"\d\d-\d\d")
_WORD_COUNT: Final = re.compile(r"\d{1,5}")
_SELECTOR: Final = re.compile(r"[A-Za-z]{2,8}")
_CATEGORY: Final = re.compile(r"[A-Za-z]{1,3}")
_PRIORITY_NAMES: Final = {
    "f": "flash",
    "b": "bulletin",
    "u": "urgent",
    "r": "regular",
    "d": "deferred",
}
_MOST_SELECTORS: Final = 3


def read_header(header: str) -> dict[str, object]:
    """The fields of a story's ``header`` (the text between SOH and STX), by name."""
    lines = [
        clean_text(line.rstrip().rstrip("<")) for line in header.replace("\r", "\n").split("\n")
    ]
    lines = [line for line in lines if line]
    if not lines:
        return {}
    fields: dict[str, object] = {"header": lines[0]}
    tokens = lines[0].split()
    index = 0
    identity = _ID.fullmatch(tokens[0])
    if identity is not None:
        if identity.group(1):
            fields["service"] = identity.group(1)
        fields["sequence"] = identity.group(2)
        index = 1
    index = _priority_and_category(tokens, index, fields)
    words: list[str] = []
    for token in tokens[index:]:
        if _MONTH_DAY.fullmatch(token) and "header_date" not in fields:
            fields["header_date"] = token
        elif _WORD_COUNT.fullmatch(token):
            fields["word_count"] = int(token)
        else:
            words.append(token)
    keywords = lines[1:]
    if keywords:
        fields["slug"] = keywords[0]
        if len(keywords) > 1:
            fields["keywords"] = keywords[1:]
        if words:
            fields["header_info"] = " ".join(words)
    elif words:
        fields["slug"] = " ".join(words).rstrip(",")
    return fields


def _priority_and_category(tokens: list[str], start: int, fields: dict[str, object]) -> int:
    """Read the selector codes, the priority and the category from ``start``; the next index.

    Nothing is read unless a one-character priority is found within the first tokens.
    """
    index = start
    while (
        index < len(tokens)
        and index - start < _MOST_SELECTORS
        and _SELECTOR.fullmatch(tokens[index])
        and index + 1 < len(tokens)
    ):
        index += 1
    if index >= len(tokens) or len(tokens[index]) != 1 or not tokens[index].isalnum():
        return start
    if index > start:
        fields["selector"] = " ".join(tokens[start:index])
    priority = tokens[index]
    fields["priority"] = priority
    name = _PRIORITY_NAMES.get(priority.lower())
    if name is not None:
        fields["priority_name"] = name
    index += 1
    if index < len(tokens) and _CATEGORY.fullmatch(tokens[index]):
        fields["category"] = tokens[index]
        index += 1
    return index
