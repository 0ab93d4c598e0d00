"""A title's parts: the headline, and the site's name and sections a page adds to it.

"Council approves budget | Local News | Harbour Gazette": the parts between separators, which of
them the page's ``<h1>`` shows, which one its host or its site's name spells, and which are
sections (:func:`split_title`).
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Final
from urllib.parse import urlsplit

from newsdoc._regex import OPTIONAL_SPACE_RUN, SPACE_RUN
from newsdoc.analysis.text import CJK, CJK_CHARACTERS, comparable, has_digit
from newsdoc.analysis.vocabulary import RELEASE_KIND

__all__ = [
    "MIN_HEADLINE_WORDS",
    "SITE_WORDS",
    "headline_parts",
    "host_of",
    "names_host",
    "part_bounds",
    "split_title",
    "words",
]

# Separators between spaces; the full-width bar with or without them ("…市議会｜NHKニュース"); and
# an underscore or a dash between CJK characters, as Chinese sites write them ("…预算_新浪新闻").
_TITLE_SEPARATORS: Final = re.compile(
    rf"{SPACE_RUN}(?:\||-|–|—|::|·|•|»|«)\s+|{OPTIONAL_SPACE_RUN}｜\s*"
    rf"|(?<=[{CJK_CHARACTERS}])[_\-—](?=[{CJK_CHARACTERS}])"
)


def split_title(
    title: str | None,
    site_name: str | None,
    headlines: list[str] | None = None,
    host: str | None = None,
) -> tuple[str | None, str | None]:
    """The title without the " | Site Name" a page adds to it, and the part taken away.

    A page's ``<h1>`` that shows some of the title's parts says which they are, wherever
    they stand ("Government | News | <headline>"); then the last part after them, if any, is
    the site's name. Otherwise the site's name is the part at either end that ``site_name``
    or the page's ``host`` names, or else the short part at the end; short sections left
    before it go too ("<headline> | Local News | Harbour Gazette").
    """
    if not title:
        return None, None
    if headlines:
        shown = headline_parts(title, headlines)
        if shown is not None:
            headline, site_part = shown
            if site_part is None and host is not None:
                site_part = _leading_site(title, headline, host)
            return headline, site_part
    bounds = part_bounds(title)
    if len(bounds) == 1:
        return title, None
    parts = [title[start:end] for start, end in bounds]
    last = len(parts) - 1
    site = (site_name or "").casefold()
    where = next((i for i in (last, 0) if site and parts[i].casefold() == site), None)
    if where is None and host:
        where = next((i for i in (last, 0) if names_host(parts[i], host)), None)
    ending = words(parts[-1])
    if (
        where is None
        and ending <= SITE_WORDS
        and words(parts[0]) > ending
        and not _lower_case_tail(parts[-1])
    ):
        # The site's name is the short part at the end. The short part before a title is
        # not taken: it is as often a section ("Opinion | …"). Nor is a part in lower case
        # that is no domain ("… - an async task framework"): the rest of the title.
        where = last
    if where is not None:
        first, end = (1, last) if where == 0 else (0, last - 1)
        while end > first and _is_section(parts[end]) and words(parts[first]) > words(parts[end]):
            end -= 1
        return _without_page_kind(title[bounds[first][0] : bounds[end][1]]), parts[where]
    if words(parts[0]) <= 3 and words(parts[-1]) > 4 and not _lower_case_tail(parts[-1]):
        return title[bounds[1][0] :], None
    return _without_page_kind(title), None


def _leading_site(title: str, headline: str, host: str) -> str | None:
    """The site's name before the headline in ``title``, when the page's host spells it.

    "Harbour Times - Council approves budget" on ``harbourtimes.example``, "BMWK -
    Pressemitteilungen - …" on ``www.bmwk.de``; a part before the headline that the host does
    not name may as well be a section, and is not taken.
    """
    first = _TITLE_SEPARATORS.split(title[: max(title.find(headline), 0)], maxsplit=1)[0]
    first = first.strip(" :|-–—·•»")
    return first if first and names_host(first, host) else None


def _without_page_kind(title: str) -> str:
    """``title`` without the kind of page that opens it, as offices title their releases.

    "Pressemitteilung: …", "Press release - …" lose it; a kicker ("Bahnstreik: …") stays.
    """
    kind = _PAGE_KIND.match(title)
    if kind is None or len(title[kind.end() :].split()) < MIN_HEADLINE_WORDS:
        return title
    return title[kind.end() :]


# The fewest words a headline has after the kind of page it opens with.
MIN_HEADLINE_WORDS: Final = 3
_PAGE_KIND: Final = re.compile(rf"{RELEASE_KIND}\s*(?::|\s[|–—-])\s+", re.IGNORECASE)


def words(part: str) -> float:
    """How many words a title's part has.

    Chinese, Japanese and Korean are written without spaces: two characters count a word
    ("人民网" is 1.5).
    """
    if not CJK.search(part):
        return len(part.split())
    return sum(len(word) / 2 if CJK.search(word) else 1 for word in part.split())


def host_of(url: str | None) -> str | None:
    """The host of the page's address, if it has one that can be read."""
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:  # "http://[broken": no host to tell the site by
        return None


def part_bounds(title: str) -> list[tuple[int, int]]:
    """Where each of ``title``'s parts starts and ends, between its separators."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for separator in _TITLE_SEPARATORS.finditer(title):
        bounds.append((start, separator.start()))
        start = separator.end()
    bounds.append((start, len(title)))
    return bounds


def _is_section(part: str) -> bool:
    """Whether a title's part reads as a section's name ("Local News", "Politics")."""
    words = part.split()
    return (
        1 <= len(words) <= _SECTION_WORDS
        and all(word[:1].isupper() or word in ("&", "and") for word in words)
        and not has_digit(part)
    )


_SECTION_WORDS: Final = 3
SITE_WORDS: Final = 4


def names_host(part: str, host: str) -> bool:
    """Whether a title's part is the name the page's host spells.

    "Harbour Gazette" on ``www.harbourgazette.co.uk``, "BBC News" on ``www.bbc.com``.
    """
    name = "".join(character for character in part.casefold() if character.isalnum())
    labels = [label for label in host.casefold().split(".") if label not in ("www", "m", "amp")]
    if len(name) < _MIN_HOST_NAME or len(labels) < 2:
        return False
    main = max(labels[:-1], key=len)
    if len(main) < _MIN_HOST_NAME:
        return False
    # "bbcnews" starts with "bbc"; "harbourgazette" is most of "harbourgazette-online", but
    # "news" is too little of "newsweek".
    return name.startswith(main) or (main.startswith(name) and len(name) >= 0.6 * len(main))


_MIN_HOST_NAME: Final = 3


def headline_parts(title: str, headlines: list[str]) -> tuple[str, str | None] | None:
    """The run of ``title``'s parts that a headline shows, and the last part after it."""
    wanted = {comparable(headline) for headline in headlines}
    if comparable(title) in wanted:
        return title, None  # the whole title is the headline, separators and all
    # Where each part starts and ends in the title, so that a run keeps its own separators.
    bounds = part_bounds(title)
    if len(bounds) > _MAX_TITLE_PARTS:
        return None  # not a title of a few parts: every run would cost its length squared
    for first in range(len(bounds)):
        for last in range(len(bounds) - 1, first - 1, -1):
            if last - first == len(bounds) - 1:
                continue  # the whole title, compared above
            shown = title[bounds[first][0] : bounds[last][1]]
            if comparable(shown) in wanted:
                ahead = sum(words(title[start:end]) for start, end in bounds[:first])
                if last == len(bounds) - 1 and ahead > max(words(shown), SITE_WORDS):
                    # The short part that ends the title, shown in an <h1> of its own, after a
                    # headline of many words: the site's brand over its pages ("<post> ::
                    # <blog> :: PIXNET"), not "Harbour Council | News | Budget approved".
                    continue
                # The last part after the headline is the site ("… | News | Harbour Council").
                site = title[bounds[-1][0] :] if last < len(bounds) - 1 else None
                return shown, site
    # A separator spaced on one side only ("Approvato il bilancio- Corriere.it"), or a colon
    # ("Riverside Notes: Council passes budget"): the headline confirms where the title is.
    # The headline is the longer part: a blog that prints its own name in the <h1> gives
    # "Harbour Walks: The lighthouse keeper's last winter".
    for separator in islice(_LOOSE_SEPARATORS.finditer(title), _MAX_TITLE_PARTS):
        before, after = title[: separator.start()], title[separator.end() :]
        # As long as each other, the headline says which it is ("Stadt Seebach: Haushalt
        # beschlossen" under "<h1>Haushalt beschlossen").
        before_words, after_words = words(before), words(after)
        if before_words >= after_words and comparable(before) in wanted:
            return before, after or None
        if after_words >= before_words and comparable(after) in wanted:
            return after, None  # the part before may be the site or a section: not told
    return None


def _lower_case_tail(part: str) -> bool:
    """Whether a title's last part goes on in lower case and is no domain.

    "… - an async task framework" is the rest of the title, not the site's name; "taz.de" is.
    """
    return part[:1].islower() and _DOMAIN_NAME.search(part) is None


# A site's name written as its domain ("taz.de", "rbb24.de"), as lower-case names are.
_DOMAIN_NAME: Final = re.compile(r"\.[a-z]{2,6}$|^(?=[a-z-]*\d)[a-z0-9-]+$")
# Real titles have a few parts; a page's <title> of hundreds is read whole.
_MAX_TITLE_PARTS: Final = 12
_LOOSE_SEPARATORS: Final = re.compile(
    OPTIONAL_SPACE_RUN + r"[|\-–—:·•»]\s+|" + SPACE_RUN + r"[|\-–—·•»]\s*"
)
