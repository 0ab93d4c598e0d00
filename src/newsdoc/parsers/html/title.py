"""The page's title: which source states it, without the site's name, as the headline shows it."""

from __future__ import annotations

import re
from itertools import islice
from typing import Final
from urllib.parse import urlsplit

from lxml import etree

from newsdoc.analysis.datelines import RELEASE_KIND
from newsdoc.analysis.text import CJK_CHARACTERS, comparable, has_digit
from newsdoc.html.meta import PageMeta
from newsdoc.html.tags import heading_text
from newsdoc.model import Block
from newsdoc.parsers.html.header import SHORT_LINE

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
    host = _host(meta.url)
    title, site = _split_title(meta.title, meta.site_name, shown, host)
    title = _shown_title(title, meta, shown, host)
    if site is None and meta.site_name is None and title and meta.document_title != title:
        # og:title gave the headline alone; "<title>headline | Site</title>" names the site.
        _, site = _split_title(meta.document_title, None, [title], host)
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
# Han, kana, hangul and the full-width forms.
_CJK: Final = re.compile(f"[{CJK_CHARACTERS}]")
# Separators between spaces; the full-width bar with or without them ("…市議会｜NHKニュース"); and
# an underscore or a dash between CJK characters, as Chinese sites write them ("…预算_新浪新闻").
_TITLE_SEPARATORS: Final = re.compile(
    rf"\s+(?:\||-|–|—|::|·|•|»|«)\s+|\s*｜\s*|(?<=[{CJK_CHARACTERS}])[_\-—](?=[{CJK_CHARACTERS}])"
)


def _split_title(
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
        shown = _headline_parts(title, headlines)
        if shown is not None:
            headline, site_part = shown
            if site_part is None and host is not None:
                site_part = _leading_site(title, headline, host)
            return headline, site_part
    bounds = _part_bounds(title)
    if len(bounds) == 1:
        return title, None
    parts = [title[start:end] for start, end in bounds]
    last = len(parts) - 1
    site = (site_name or "").casefold()
    where = next((i for i in (last, 0) if site and parts[i].casefold() == site), None)
    if where is None and host:
        where = next((i for i in (last, 0) if _names_host(parts[i], host)), None)
    ending = _words(parts[-1])
    if (
        where is None
        and ending <= _SITE_WORDS
        and _words(parts[0]) > ending
        and not _lower_case_tail(parts[-1])
    ):
        # The site's name is the short part at the end. The short part before a title is
        # not taken: it is as often a section ("Opinion | …"). Nor is a part in lower case
        # that is no domain ("… - an async task framework"): the rest of the title.
        where = last
    if where is not None:
        first, end = (1, last) if where == 0 else (0, last - 1)
        while end > first and _is_section(parts[end]) and _words(parts[first]) > _words(parts[end]):
            end -= 1
        return _without_page_kind(title[bounds[first][0] : bounds[end][1]]), parts[where]
    if _words(parts[0]) <= 3 and _words(parts[-1]) > 4 and not _lower_case_tail(parts[-1]):
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
    return first if first and _names_host(first, host) else None


def _without_page_kind(title: str) -> str:
    """``title`` without the kind of page that opens it, as offices title their releases.

    "Pressemitteilung: …", "Press release - …" lose it; a kicker ("Bahnstreik: …") stays.
    """
    kind = _PAGE_KIND.match(title)
    if kind is None or len(title[kind.end() :].split()) < _MIN_HEADING_WORDS:
        return title
    return title[kind.end() :]


_PAGE_KIND: Final = re.compile(rf"{RELEASE_KIND}\s*(?::|\s[|–—-])\s+", re.IGNORECASE)
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
        other, _ = _split_title(candidate, meta.site_name, shown, host)
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
    if not shown or wanted == printed or len(printed) < _MIN_HEADING_WORDS or _CJK.search(shown):
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
    wanted = [title]
    found = 0
    for stated in meta.titles[:_MAX_TITLES]:
        if comparable(stated) == comparable(title) or _headline_parts(stated, wanted) is not None:
            found += 1
            if found >= _CONFIRMING_SOURCES:
                return True
    return False


_CONFIRMING_SOURCES: Final = 2


_SHOWN_SHARE: Final = 0.5


def _words(part: str) -> float:
    """How many words a title's part has.

    Chinese, Japanese and Korean are written without spaces: two characters count a word
    ("人民网" is 1.5).
    """
    if not _CJK.search(part):
        return len(part.split())
    return sum(len(word) / 2 if _CJK.search(word) else 1 for word in part.split())


def _host(url: str | None) -> str | None:
    try:
        return urlsplit(url).hostname if url else None
    except ValueError:  # "http://[broken": no host to tell the site by
        return None


def _part_bounds(title: str) -> list[tuple[int, int]]:
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
_SITE_WORDS: Final = 4


def _names_host(part: str, host: str) -> bool:
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


def _headline_parts(title: str, headlines: list[str]) -> tuple[str, str | None] | None:
    """The run of ``title``'s parts that a headline shows, and the last part after it."""
    wanted = {comparable(headline) for headline in headlines}
    if comparable(title) in wanted:
        return title, None  # the whole title is the headline, separators and all
    # Where each part starts and ends in the title, so that a run keeps its own separators.
    bounds = _part_bounds(title)
    if len(bounds) > _MAX_TITLE_PARTS:
        return None  # not a title of a few parts: every run would cost its length squared
    for first in range(len(bounds)):
        for last in range(len(bounds) - 1, first - 1, -1):
            if last - first == len(bounds) - 1:
                continue  # the whole title, compared above
            shown = title[bounds[first][0] : bounds[last][1]]
            if comparable(shown) in wanted:
                ahead = sum(_words(title[start:end]) for start, end in bounds[:first])
                if last == len(bounds) - 1 and ahead > max(_words(shown), _SITE_WORDS):
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
        before_words, after_words = _words(before), _words(after)
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
_LOOSE_SEPARATORS: Final = re.compile(r"\s*[|\-–—:·•»]\s+|\s+[|\-–—·•»]\s*")


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
    first = comparable(text[: _part_bounds(text)[0][1]])
    if folded in _GENERIC_TITLES or first in _GENERIC_TITLES:
        return True  # "Home", "Home | Harbour Times"
    return host is not None and _words(text) <= _SITE_WORDS and _names_host(text, host)


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
        if len(own) >= _MIN_HEADING_WORDS and sum(word in words for word in own) >= 0.6 * len(own):
            return heading
    # A headline worded apart from the title: the first <h1>, unless it is the site's name.
    if (
        shown
        and len(shown[0][1].split()) >= _MIN_HEADING_WORDS
        and shown[0][1] != comparable(meta.site_name or "")
    ):
        return shown[0][0]
    return None


_MIN_HEADING_WORDS: Final = 3


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
