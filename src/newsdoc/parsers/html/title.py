"""The page's title: which source states it, without the site's name, as the headline shows it."""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from newsdoc.analysis.text import CJK, comparable
from newsdoc.analysis.vocabulary import RELEASE_KIND
from newsdoc.html.meta import PageMeta
from newsdoc.html.tags import heading_text
from newsdoc.model import Block
from newsdoc.parsers.html.header import SHORT_LINE
from newsdoc.parsers.html.titleparts import (
    MIN_HEADLINE_WORDS,
    SITE_WORDS,
    headline_parts,
    host_of,
    names_host,
    part_bounds,
    split_title,
    words,
)

__all__ = [
    "as_shown",
    "choose_title",
    "title_element",
    "title_heading",
    "without_title",
]


def choose_title(meta: PageMeta, opening: list[str]) -> str | None:
    """The page's title, from the sources ``meta`` read and the headings that show it.

    ``opening`` holds the headings the story's text opens with. The site's name the title
    carries is taken away, and becomes ``meta.site_name`` when the page stated none.
    """
    headlines = [headline.text for headline in meta.headlines]
    shown = [*headlines, *opening]
    host = host_of(meta.url)
    title, site = split_title(meta.title, meta.site_name, shown, host)
    title = _shown_title(title, meta, shown, host)
    if site is None and meta.site_name is None and title and meta.document_title != title:
        # og:title gave the headline alone; "<title>headline | Site</title>" names the site.
        _, site = split_title(meta.document_title, None, [title], host)
    if meta.site_name is None and site is not None and _NOT_A_SITE.search(site) is None:
        meta.site_name = site  # "… | tagesschau.de", "… | G1": the name the page gives itself
        # The publication is not its own author, also when its name was learnt from the title
        # ("Finian Cunningham. Sputnik International" in the author meta).
        meta.forget_publication(site)
    if title is None:
        # No title stated anywhere: the page's headline is the title.
        title = next((text for text in headlines if len(text.split()) > 1), None)
    title = _untruncated(title, headlines)
    return _instead_of_site_title(title, meta.site_name or site, host, headlines)


# A title's last part that is not the site's name: a date, a year, a page number.
_NOT_A_SITE: Final = re.compile(r"\d{3}|\d[./]\d|\b(?:page|seite|página|pagina|pag)\.?\s*\d", re.I)
_RELEASE_HEADING: Final = re.compile(rf"{RELEASE_KIND}\s*:?", re.IGNORECASE)


def _shown_title(
    title: str | None, meta: PageMeta, shown: list[str], host: str | None
) -> str | None:
    """The title as the page's headline shows it, when another source's title words it so.

    og:title is often worded for sharing ("Sweden drops Assange rape investigation") while
    the ``<title>`` and the ``<h1>`` read "Julian Assange: Sweden drops rape investigation":
    a later source's title that a headline shows word for word is the headline.
    """
    if not title or not shown:
        return title
    wanted = {comparable(text) for text in shown}
    if comparable(title) in wanted:
        return title
    # It tells of the same story: two words or more in common (not the site's name, which a
    # page may print in its <h1> and its <title> alike).
    words = {word for word in comparable(title).split() if len(word) >= _MIN_SHARED_LENGTH}
    # (Sources often repeat one title: each wording is split once.)
    for candidate in dict.fromkeys(meta.titles[1 : _MAX_TITLES + 1]):
        other, _ = split_title(candidate, meta.site_name, shown, host)
        if not other or (shown_as := comparable(other)) not in wanted:
            continue
        if len(words.intersection(shown_as.split())) >= _MIN_SHARED_WORDS:
            return other
    return title


_MAX_TITLES: Final = 8
_MIN_SHARED_WORDS: Final = 2
_MIN_SHARED_LENGTH: Final = 3


def as_shown(title: str, heading: etree._Element, opening: list[str], meta: PageMeta) -> str:
    """The headline as the page prints it over the story, when it rewords ``title``.

    "HS Roundup: Viera defeats Rockledge" in the metadata, "High School Roundup: Viera defeats
    Rockledge" in the ``<h1>``: the reader's words. Half of the words of each must be the
    other's, unless the heading opens the story's text (``opening``: the headings the body
    starts with), where a headline worded for search engines and sharing apart from the one
    printed ("Council backs harbour budget after a long night") is still the story's own. A
    headline elsewhere that tells of something else keeps the title as stated, and so does a
    title that adds its kicker to the headline.
    """
    shown = heading_text(heading)
    wanted, printed = comparable(title).split(), comparable(shown).split()
    # (Words are counted between spaces, which Chinese and Japanese do not write.)
    if not shown or wanted == printed or len(printed) < MIN_HEADLINE_WORDS or CJK.search(shown):
        return title
    if _shows_title(" ".join(printed), " ".join(wanted)):
        # The title shortened for search engines ("Harbour budget approved | Site" over
        # "<h1>Harbour budget approved after late debate"): the headline is the whole title.
        # The title with its kicker over the headline ("Rail strike: …") stays.
        if len(printed) > len(wanted) and printed[: len(wanted)] == wanted and "|" not in shown:
            return shown
        return title
    if _stated_twice(title, meta):
        # Two sources word the title so (the JSON-LD headline and the <title>, og:title and
        # twitter:title): that is the publisher's title, whatever the heading prints (a live
        # blog's latest entry, a headline shortened for the page's layout).
        return title
    shared = len(set(wanted) & set(printed))
    if shared >= _SHOWN_SHARE * len(set(wanted)) and shared >= _SHOWN_SHARE * len(set(printed)):
        return shown
    if shown in opening and comparable(shown) not in _GENERIC_TITLES:
        return shown
    return title


def _stated_twice(title: str, meta: PageMeta) -> bool:
    """Whether two of the page's title sources state ``title`` (whole, or as one of its parts)."""
    wanted, compared = [title], comparable(title)
    found = 0
    for stated in meta.titles[:_MAX_TITLES]:
        if comparable(stated) == compared or headline_parts(stated, wanted) is not None:
            found += 1
            if found >= _CONFIRMING_SOURCES:
                return True
    return False


_CONFIRMING_SOURCES: Final = 2


_SHOWN_SHARE: Final = 0.5


def without_title(
    blocks: list[Block], title: str | None, site: str | None = None, headline: str | None = None
) -> list[Block]:
    """The blocks without a heading near the top that shows the title or the site's name.

    The same words, or the title's words after a kicker ("Rail strike: Drivers walk out" over
    "Drivers walk out"), or the title's words under a kicker, or the same letters: a kicker
    and a headline in two elements of one heading run together ("Rail strikeDrivers walk
    out"); and a first paragraph that is the title, as pages without a heading print it. The
    ``headline`` that shows the title in other words (the title kept as the metadata words it)
    goes too: it is the story's headline, not its text.
    """
    if not title or not blocks:
        return blocks
    wanted = comparable(title)
    letters = wanted.replace(" ", "")
    name = comparable(site) if site else None
    printed = comparable(headline) if headline else None
    return [
        block
        for index, block in enumerate(blocks)
        if not (
            index < 3
            and block.kind == "heading"
            and (
                _shows_title(shown := comparable(block.text), wanted)
                or shown == name
                or shown == printed
                or shown.replace(" ", "") == letters
                # The kind of page over the title ("<h1>Pressemitteilung</h1>"): a label.
                or _RELEASE_HEADING.fullmatch(block.text.strip()) is not None
            )
        )
        # A page that prints its title in a paragraph ("<p class='titulo'>") opens with it.
        and not (index == 0 and block.kind == "paragraph" and comparable(block.text) == wanted)
    ]


def _untruncated(title: str | None, headlines: list[str]) -> str | None:
    """The headline the page shows when ``title`` is a cut version of it.

    JSON-LD headlines are often cut to about 110 characters, with "…" or mid-word ("… after a
    debate t"); the ``<h1>`` that goes on from the same words is the whole title.
    """
    if not title or not headlines:
        return title
    stem = title.rstrip(" .…")
    ellipsis = len(stem) < len(title.rstrip())
    wanted = comparable(stem)
    if len(wanted) < _MIN_CUT_TITLE:
        return title
    for headline in headlines:
        shown = comparable(headline)
        # Cut with an ellipsis, or inside a word: the next character goes on with it.
        if (
            len(shown) > len(wanted)
            and shown.startswith(wanted)
            and (ellipsis or (stem[-1:].isalnum() and shown[len(wanted)].isalnum()))
        ):
            return headline
    return title


_MIN_CUT_TITLE: Final = 30


def _instead_of_site_title(
    title: str | None, site: str | None, host: str | None, headlines: list[str]
) -> str | None:
    """The page's headline when ``title`` names only the site or the kind of page.

    Some sites give every page their own name ("<title>Harbour Times</title>") or a generic
    one ("Home | Harbour Times", "Startseite - Stadt Musterhausen"): the ``<h1>`` over the
    story is the title then.
    """
    if not title or not headlines or not _names_only_the_site(title, site, host):
        return title
    return next(
        (
            headline
            for headline in headlines
            if len(headline.split()) > 1 and not _names_only_the_site(headline, site, host)
        ),
        title,
    )


def _names_only_the_site(text: str, site: str | None, host: str | None) -> bool:
    folded = comparable(text)
    if site and folded == comparable(site):
        return True
    first = comparable(text[: part_bounds(text)[0][1]])
    if folded in _GENERIC_TITLES or first in _GENERIC_TITLES:
        return True  # "Home", "Home | Harbour Times"
    return host is not None and words(text) <= SITE_WORDS and names_host(text, host)


# What pages are titled that have no title of their own.
_GENERIC_TITLES: Final = frozenset(
    {
        "home", "homepage", "home page", "start", "startseite", "accueil", "inicio", "portada",
        "início", "pagina iniziale", "strona główna", "untitled", "untitled document",
        "untitled page", "document", "article", "news", "nieuws", "nachrichten", "actualités",
        "noticias", "notizie", "notícias", "blog", "index",
    }
)  # fmt: skip


def title_heading(meta: PageMeta, title: str | None) -> etree._Element | None:
    """The heading that shows the page's title: the standfirst and the byline are under it.

    The same words, or most of the heading's words when the title was reworded for search
    engines, or else the first one. Not a heading that shows the site's name.
    """
    if not title:
        return None
    wanted = comparable(title)
    shown = [(headline.element, comparable(headline.text)) for headline in meta.headlines]
    for heading, text in shown:
        if _shows_title(text, wanted):
            return heading
    words = set(wanted.split())
    for heading, text in shown:
        own = text.split()
        if len(own) >= MIN_HEADLINE_WORDS and sum(word in words for word in own) >= 0.6 * len(own):
            return heading
    # A headline worded apart from the title: the first <h1>, unless it is the site's name.
    if (
        shown
        and len(shown[0][1].split()) >= MIN_HEADLINE_WORDS
        and shown[0][1] != comparable(meta.site_name or "")
    ):
        return shown[0][0]
    return None


def _shows_title(heading: str, title: str) -> bool:
    """Whether a heading's words (``comparable``) show the title's, wholly or cut at a word."""
    if heading == title:
        return True
    shorter, longer = sorted((heading, title), key=len)
    # At least three words, and a whole-word end of the other (under a kicker), or a heading
    # that goes on from the title's words (the title shortened for search engines).
    return len(shorter.split()) >= 3 and (
        longer.endswith(f" {shorter}") or (heading is longer and longer.startswith(f"{shorter} "))
    )


def title_element(body: etree._Element, title: str) -> etree._Element | None:
    """The first element whose own text is the title, among the page's first elements."""
    wanted = comparable(title)
    for count, element in enumerate(body.iter(*_TITLE_TAGS)):
        if count >= _TITLE_SCAN:
            break
        text = element.text
        if text and len(text) < SHORT_LINE * 2 and comparable(text) == wanted:
            return element
    return None


_TITLE_TAGS: Final = ("dt", "div", "p", "span", "strong", "b", "td", "h2", "h3", "h4", "h5")
_TITLE_SCAN: Final = 3000
