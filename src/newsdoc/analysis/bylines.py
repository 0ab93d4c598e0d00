"""Bylines ("By Jane Doe and John Roe", "Author: ...") to :class:`~newsdoc.Author` records."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["parse_byline", "split_names"]

# A byline is at most this long; longer lines are sentences that happen to start with "By".
_MAX_LINE: Final = 120

_LEAD: Final = re.compile(
    r"(?:(?:written|words|reporting|text|story|report|analysis|interview|posted|published)\s+by"
    r"|(?:publicado|escrito|publié|écrit|veröffentlicht|geschrieben|geplaatst|geschreven"
    r"|pubblicato|scritto)\s+(?:por|par|von|door|da)\s*:?"
    r"|by|authors?\s*:|auteurs?\s*:|autor(?:in|en)?\s*:|door|von|par|por|di|da|av|af)\s+",
    re.IGNORECASE,
)
_SEPARATORS: Final = re.compile(
    r"\s*(?:,|;|&|\band\b|\bund\b|\ben\b|\bet\b|\by\b|\be\b|\bog\b|\boch\b)\s*"
)
# Words that may stand lower-case inside a name ("Ursula von der Leyen", "Vincent van Gogh").
_PARTICLES: Final = frozenset(
    "van von der den de del della di da dos das du le la bin al ibn ter ten zu y".split()
)
_PLACE: Final = re.compile(r"\s+(?:in|at|from|aus|uit|à|en|a)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*$")


def parse_byline(line: str) -> tuple[list[str], str] | None:
    """The person names in ``line`` when it is a byline, and what else it named.

    Returns ``None`` when the line is not a byline. Otherwise the names, in order, and the
    remainder that is not a person's name (an agency such as "Reuters", a role such as
    "Europe correspondent"), so that the caller can keep it.
    """
    text = line.strip()
    if len(text) > _MAX_LINE:
        return None
    lead = _LEAD.match(text)
    if lead is None:
        return None
    rest = text[lead.end() :].strip(" .:")
    if not rest or rest[0].islower():
        return None  # "by the river": a phrase, not a byline
    names, others = split_names(rest)
    if not names:
        return None
    return names, ", ".join(others)


def split_names(text: str) -> tuple[list[str], list[str]]:
    """Split a list of names ("Jane Doe, John Roe and Ann Lee") into names and the rest.

    A name is two to five words, each capitalised or a name particle; one-word parts (often an
    agency) and lower-case parts (a role) go to the rest.
    """
    names: list[str] = []
    others: list[str] = []
    for part in _SEPARATORS.split(text):
        part = _PLACE.sub("", part.strip(" .|/()"))
        if not part:
            continue
        if _is_name(part):
            name = " ".join(part.split())
            names.append(name.title() if name.isupper() else name)
        else:
            others.append(part)
    return names, others


def _is_name(text: str) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= 5:
        return False
    if tokens[0].lower() in _PARTICLES or tokens[-1].lower() in _PARTICLES:
        return False
    return all(
        token[0].isupper() or token.lower() in _PARTICLES for token in tokens if token[0].isalpha()
    ) and any(character.isalpha() for character in text)
