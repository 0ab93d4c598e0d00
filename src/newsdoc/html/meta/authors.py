"""Author names as pages state them: bylines in meta values, and the clean-up of every name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from newsdoc._regex import OPTIONAL_SPACE_RUN, SPACE_RUN
from newsdoc.analysis.bylines import (
    ROLE_WORDS,
    TITLE_ABBREVIATIONS,
    given_name_first,
    is_account,
    is_publication,
    parse_byline,
    split_names,
)
from newsdoc.analysis.text import clean_text
from newsdoc.analysis.vocabulary import ENGLISH_MONTH

__all__ = ["AFTER_NAME", "DATE_AFTER", "clean_authors", "names_of"]

# A date that follows a name ("Jane Doe Nov 19", "Jane Doe Monday, November 18", "Jane Doe -
# 2019-11-19T06:56"): a month and a day, perhaps after the weekday, or a numeric date; and what
# stood between them.
AFTER_NAME: Final = " ,;|·•-–—"
DATE_AFTER: Final = re.compile(
    rf"{SPACE_RUN}(?=(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{ENGLISH_MONTH})\.?\s+"
    r"\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d\d-\d\d)",
    re.IGNORECASE,
)


def names_of(text: str) -> Iterator[str]:
    """The people a byline-like string names ("By Jane Doe and John Roe")."""
    text = clean_text(text)
    if "," in text:
        # "Doe, Jane; Roe, John": names written surname first, as Dublin Core and citation
        # meta often are.
        text = "; ".join(given_name_first(part) for part in text.split(";"))
    byline = parse_byline(text)
    if byline is not None:
        yield from byline[0]
        return
    names, _others = split_names(text)
    if names:
        yield from names
    elif text and len(text) <= 80:
        yield text  # a single name, or an organisation, as the page states it


def clean_authors(authors: list[str], site_name: str | None) -> list[str]:
    """Authors as separate names.

    Without "By", roles ("AP Auto Writer"), dates, form labels, URLs, duplicates, and the
    publication posing as its own author.
    """
    site = site_name or ""
    kept: list[str] = []
    for author in authors:
        if len(author) > _MAX_AUTHORS_CHARS:
            continue  # no list of names is this long: a sentence, or a hostile string
        text = _LABEL.sub("", author.strip())
        # "jane@example.com (Jane Doe)" (as RSS writes it), "Jane Doe <jane@example.com>",
        # "Jane Doe (@janedoe)": the name without its address or handle.
        text = _ADDRESSED.sub(lambda found: found.group(1) or found.group(2) or "", text)
        if site and is_publication(text, site):
            continue  # whole, before it is split at its "&" ("Mac & i")
        # A newsroom's initials after a name ("Anna Vogt (obe)", "(cog.)") go; a name in
        # brackets inside a name ("Bruno (Henrique Zecchin) Rodrigues") stays a name.
        text = _INITIALS.sub("", text)
        text = _INNER_NAME.sub(r" \1 ", text)
        for part in _AUTHOR_SEPARATORS.split(text):
            name = DATE_AFTER.split(part.strip(" .|"), maxsplit=1)[0].rstrip(AFTER_NAME)
            if not name or name.startswith("http") or (site and is_publication(name, site)):
                continue
            if any(character in name for character in "()@:0123456789"):
                continue  # a date, a time, a handle or a form label ("Name (required)")
            words = name.split()
            if len(words) > 5 or any(
                part in ROLE_WORDS for word in words for part in word.lower().split("-")
            ):
                continue  # a role or a sentence, not a name ("CNN Editor-at-large")
            if is_account(name):
                continue  # a site account ("admin", "jdadmin"), not a person
            if _DOMAIN.search(name):
                continue  # a publication's address ("Cleveland.com"), not a person
            kept.append(name.title() if name.isupper() and len(name) > 4 else name)
    return list(dict.fromkeys(kept))


# An address with the name after it in brackets, or before it in angle brackets; a handle.
# (The "@" of an address is found by a look-ahead, not by backtracking over "\S+@\S+", which
# tries every split of a run of "@" and is quadratic; the name before "<" is made of pieces
# that cannot overlap, "\s*" then one other character.)
_ADDRESSED: Final = re.compile(
    r"^(?=\S+?@(?!\([^()@]+\)$)\S)\S+\s*\(([^()@]+)\)$"
    r"|^((?:\s*+[^<>@\s])++|\s)\s*<(?=[^<>\s]+?@[^<>\s])[^<>\s]++>$"
    rf"|{OPTIONAL_SPACE_RUN}\(@\w+\)?"
)
# Name separators, and a period that ends a word of two letters or more ("Cunningham. Sputnik"),
# not an initial ("Sarah E. Needleman") nor a title the byline rules know ("Prof. Dr. Anna
# Vogt", "Dr. rer. nat. Eva Lang", "Mrs. Jane Doe"): one look-behind per title's last word.
_TITLE_ENDS: Final = sorted(
    {re.split(r"[.-]", title[:-1])[-1] for title in TITLE_ABBREVIATIONS if title.endswith(".")}
)
_INITIALS: Final = re.compile(OPTIONAL_SPACE_RUN + r"\(\s*[a-zäöüéè]{2,4}\.?\s*\)")
# (Possessive pieces that cannot overlap: a capitalised word, then up to two more after a space.)
_INNER_NAME: Final = re.compile(
    r"\s?\(([A-ZÄÖÜ][\w'’-]++(?:\s[A-ZÄÖÜ][\w'’-]++){0,2})\)\s?(?=[A-ZÄÖÜ])"
)
# The byline labels an author field may keep ("By Jane Doe", "Von: Anna Vogt"): only those
# that open no name, unlike the "Di", "Da" and "Van" the byline rules also read as labels
# ("Di Maio", "Da Silva" are surnames).
# (Space without a colon read one way: "\s*:?\s+" splits a run in as many ways as it is long.)
_LABEL: Final = re.compile(r"^(?:by|von|door|par|por)(?:\s*:\s+|\s+)", re.IGNORECASE)
# The longest string of names an author field holds.
_MAX_AUTHORS_CHARS: Final = 300
# (The conjunctions of other languages only between capitalised words: "Anna Vogt und Tom Hale";
# not the "y" and "e" of Spanish and Portuguese double surnames.)
_AUTHOR_SEPARATORS: Final = re.compile(
    OPTIONAL_SPACE_RUN
    + r"(?:,|;|\||\band\b|&|(?<=[a-zäöüéèß])\s(?:und|et|en|og|och)\s(?=[A-ZÄÖÜÉ])"
    r"|\.(?<=[a-z]{2}\.)"
    + "".join(rf"(?<!\b(?i:{word})\.)" for word in _TITLE_ENDS)
    + r"\s+(?=[A-Z]))\s*"
)
_DOMAIN: Final = re.compile(r"\.(?:com|net|org|co|io|info|news)$", re.IGNORECASE)
