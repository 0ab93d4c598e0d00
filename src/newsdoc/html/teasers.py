"""Teasers of other stories inside a page's article: what they are titled with, and where.

HTML nests an ``<article>`` in another for related content: one titled with a link to another
page is another story's teaser (:func:`is_teaser`). A feed of other stories inside the article
is three or more cards of one kind, each titled with a link to another page of the site
(:func:`teaser_cards`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Final
from urllib.parse import urlsplit

from lxml import etree

from newsdoc.analysis.urls import resolve_url
from newsdoc.html.furniture import raw_text

__all__ = ["is_teaser", "teaser_cards"]


def _title_hrefs(article: etree._Element) -> Iterator[str]:
    """The addresses a teaser is titled with: its permalinks, then the links in its headings.

    (A walk, not an XPath query: libxml2 sorts a large node set in quadratic time.)
    """
    for link in article.iter("a"):
        if link.get("rel") == "bookmark":
            yield link.get("href") or ""
    for heading in article.iter("h1", "h2", "h3", "h4"):
        for link in heading.iter("a"):
            yield link.get("href") or ""


def teaser_cards(roots: list[etree._Element], page_url: str | None) -> set[etree._Element]:
    """The teasers of other stories inside ``roots``: cards of one kind, three or more.

    A feed of other stories under the article ("<div class='feed-item'><h3><a href='/other'>
    …</a></h3><p>summary</p></div>" again and again): each card is titled with a link to
    another page of the same site, and its siblings of its tag and classes are cards of the
    same kind. Items titled with links to other sites (the apps or products a list article
    presents) are the story's.
    """
    cards: set[etree._Element] = set()
    page = _page_key(page_url) if page_url else None
    kinds: dict[etree._Element, Counter[tuple[str, str | None]]] = {}  # per parent, once
    for root in roots:
        # (A walk, not an XPath query: libxml2 sorts a large node set in quadratic time.)
        for link in (link for heading in root.iter(_TEASER_HEADINGS) for link in heading.iter("a")):
            href = (link.get("href") or "").strip()
            if not href or href.startswith("#"):
                continue
            target = _page_key(resolve_url(href, page_url))
            if target == page or not _same_site(target[0], href, page):
                continue
            card = _card_of(link, root, kinds)
            if card is not None:
                cards.add(card)
    return cards


def _same_site(host: str, href: str, page: tuple[str, str] | None) -> bool:
    """Whether a link leads to the page's own site: a relative link, or its host's."""
    if "//" not in href[:12]:
        return True  # "/news/other-story", "other-story.html"
    return page is not None and host == page[0]


def _card_of(
    link: etree._Element,
    root: etree._Element,
    kinds: dict[etree._Element, Counter[tuple[str, str | None]]],
) -> etree._Element | None:
    """The card a heading's link titles: its ancestor with two or more siblings of its kind.

    A card holds its heading and a short summary: not a heading itself (the sections of a
    page whose headings link elsewhere), nor the long text of a list article's item.
    ``kinds`` caches each parent's count of children by tag and class.
    """
    for element in link.iterancestors():
        parent = element.getparent()
        if element is root or parent is None:
            return None
        if element.tag in _HEADINGS:
            continue
        counts = kinds.get(parent)
        if counts is None:
            counts = kinds[parent] = Counter(
                (str(child.tag), child.get("class")) for child in parent
            )
        if counts[(str(element.tag), element.get("class"))] >= _CARDS:
            return element if len(raw_text(element).strip()) <= _CARD_TEXT else None
    return None


# The headings a teaser is titled with, by a link in them.
_TEASER_HEADINGS: Final = ("h2", "h3", "h4")
# How many cards of one kind make a feed of teasers, and the most text a card has.
_CARDS: Final = 3
_CARD_TEXT: Final = 400
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def is_teaser(article: etree._Element, page_url: str | None) -> bool:
    """Whether an ``<article>`` is titled with a link to another page than ``page_url``."""
    page = _page_key(page_url) if page_url else None
    for href in _title_hrefs(article):
        href = href.strip()
        if not href or href.startswith("#"):
            continue
        target = _page_key(resolve_url(href, page_url))
        if page is None or target != page:
            return True
    return False


def _page_key(url: str) -> tuple[str, str]:
    """What tells two pages apart: host and path (not the scheme, query or fragment)."""
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[broken/a": the address as it is
        return url, ""
    return parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/")
