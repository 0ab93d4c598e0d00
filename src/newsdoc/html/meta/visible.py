"""What the page shows its reader: a date or a byline marked by class, the standfirst."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from itertools import islice
from typing import Final

from lxml import etree

from newsdoc._regex import SPACE_RUN
from newsdoc.analysis.bylines import is_organisation, parse_byline, split_names
from newsdoc.analysis.dates import parse_date_line, parse_iso_datetime
from newsdoc.analysis.furniture import is_furniture_line
from newsdoc.analysis.text import comparable
from newsdoc.html.furniture import class_words
from newsdoc.html.meta.authors import AFTER_NAME, DATE_AFTER
from newsdoc.html.scan import dek_elements
from newsdoc.html.tags import spaced_text

__all__ = ["UPDATED_CLASS", "standfirst", "visible_bylines", "visible_date"]

_BYLINE_PARTS: Final = re.compile(SPACE_RUN + r"[|·•–—-]\s+")
# The most words an element marked as a byline may hold to be read as names (more is prose).
_MAX_BYLINE_ELEMENT_WORDS: Final = 8
UPDATED_CLASS: Final = re.compile(r"updat|modifi")


_DATE_ATTRIBUTES: Final = ("datetime", "title", "content")


def visible_date(candidates: Iterable[etree._Element]) -> datetime | None:
    """The first publication date a short element marked as a date states.

    In its machine-readable attribute (``datetime``, ``title``, ``content``) or else its
    text. Not the date of a teaser (a link that holds a heading), nor one in an infobox or a
    contact card (a birthday, the start of an event).
    """
    for element in candidates:
        if _elsewhere(element, _NOT_THE_PAGE_DATE):
            continue
        # The machine-readable date some themes put in an attribute (hAtom's
        # <abbr class="published" title="2023-03-14T08:45:00+01:00">8:45 AM</abbr>).
        marker = (element.get("class") or "").lower()
        if _NOT_A_PUBLICATION_DATE.search(marker) is not None:
            continue  # "bday", "dtstart": a person's or an event's date
        updated = "publish" not in marker and UPDATED_CLASS.search(marker) is not None
        for name in () if updated else _DATE_ATTRIBUTES:
            value = element.get(name)
            if value and value[:1].isdigit():
                stated = parse_iso_datetime(value.strip())
                if stated is not None:
                    return stated
        text = spaced_text(element)
        if not text or len(text) > 80:
            continue
        line = parse_date_line(text)
        if line is not None and line.kind == "published" and line.value is not None:
            return line.value
    return None


def standfirst(heading: etree._Element, headline: str) -> str | None:
    """The standfirst printed under ``heading`` (marked by its class), if any.

    Not a caption, a byline or a date line, and not the headline again.
    """
    for element in dek_elements(heading):
        if element.find(".//script") is not None or element.find(".//figure") is not None:
            continue
        text = spaced_text(element)
        if not _DEK_MIN <= len(text) <= _DEK_MAX or not _reads_as_prose(text):
            continue
        if text.endswith(("...", "…")):
            continue  # a teaser cut short ("Good morning! This is the news you need to...")
        if (
            comparable(text) == comparable(headline)
            or parse_date_line(text)
            or parse_byline(text)
            or is_furniture_line(text)
        ):
            continue
        return text
    return None


def _reads_as_prose(text: str) -> bool:
    """Whether ``text`` has the lower-case words of a sentence (or is in a script without case).

    Not "Most Popular Today" over a rail, nor "JANIE HAR Nov. 20, 2019 Updated: …".
    """
    cased = lower = 0
    for word in text.split():
        first = word[:1]
        if first.islower():
            lower += 1
            cased += 1
        elif first.isupper():
            cased += 1
    return lower >= 2 or (cased == 0 and len(text) >= _DEK_MIN)


_DEK_MIN: Final = 15
_DEK_MAX: Final = 400


def visible_bylines(candidates: Iterable[etree._Element]) -> list[str]:
    """Names in elements marked as a byline (``class="byline"``, ``rel="author"``).

    Not in the comments or a related story ("comment-author", a byline inside a comment).
    """
    for element in candidates:
        marker = element.get("class") or ""
        if "comment" in marker or "related" in marker:
            continue  # "comment-author", "related-links-author": not the article's writer
        if _elsewhere(element, _COMMENTS):
            continue  # a reader's name on a comment
        text = spaced_text(element)
        if not text or len(text) > 120:
            continue
        linked = _linked_names(element) or _linked_name(element, text)
        if linked:
            return linked  # "<a>Anna Vogt</a><a>Tom Hale</a>": one writer a link
        # "Associated Press November 19, 2019, 9:02 AM": the date after the byline goes.
        text = DATE_AFTER.split(text, maxsplit=1)[0].rstrip(AFTER_NAME)
        byline = parse_byline(text)
        if byline is not None:
            return byline[0]
        if len(text.split()) <= _MAX_BYLINE_ELEMENT_WORDS:
            # "Tom Baxter | Local Democracy Reporter": the name and the role as a list.
            text = _BYLINE_PARTS.sub(", ", text)
        names, others = split_names(text)
        if names:
            return names
        if len(others) == 1 and is_organisation(others[0]):
            return others  # "Associated Press": an agency signs the story
    return []


def _linked_name(element: etree._Element, text: str) -> list[str]:
    """The one writer a byline links, when nothing but an organisation follows the link.

    "By <a>Kelli Miller</a> WebMD Health News": the link tells where the name ends.
    """
    links = list(islice(element.iter("a"), 2))
    if len(links) != 1:
        return []
    shown = spaced_text(links[0])
    lead = text.find(shown) if shown else -1
    if lead < 0 or len(text[:lead].split()) > 1:
        return []  # only a label ("By") may come before the name
    names, _ = split_names(shown)
    after, _ = split_names(text[lead + len(shown) :])
    return names[:1] if len(names) == 1 and not after else []


def _elsewhere(element: etree._Element, pattern: re.Pattern[str]) -> bool:
    """Whether ``element`` stands in another part of the page than the story's header.

    That is, an element a few levels up has a class or id ``pattern`` matches, or is a link
    that holds a heading (the teaser of another story).
    """
    for count, ancestor in enumerate(element.iterancestors()):
        if count >= _ANCESTORS:
            return False
        if pattern.search(class_words(ancestor)) is not None:
            return True
        if ancestor.tag == "a" and ancestor.find(".//h2") is not None:
            return True
    return False


_ANCESTORS: Final = 8
_COMMENTS: Final = re.compile(r"comment|disqus|repl(?:y|ies)")
_NOT_THE_PAGE_DATE: Final = re.compile(r"infobox|vcard|teaser|related")
_NOT_A_PUBLICATION_DATE: Final = re.compile(r"\b(?:bday|dtstart|dtend)\b")


def _linked_names(element: etree._Element) -> list[str]:
    """The writers a byline links one by one, when each of its two or more links is a name.

    Links side by side ("<a>Anna Vogt</a><a>Tom Hale</a>", a list of them) read as one run of
    words; the links tell where each name ends.
    """
    links = list(islice(element.iter("a"), _MAX_LINKED_NAMES + 1))
    if not 2 <= len(links) <= _MAX_LINKED_NAMES:
        return []
    names: list[str] = []
    for link in links:
        found, others = split_names(spaced_text(link))
        if len(found) != 1 or others:
            return []
        names.append(found[0])
    return list(dict.fromkeys(names))


_MAX_LINKED_NAMES: Final = 6
