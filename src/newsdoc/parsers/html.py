"""HTML article pages: the story without the page around it, and what the page says of itself.

One lxml parse per page. The metadata comes from every source the page offers, with the
precedence of :mod:`newsdoc.html.meta`; the body from the element that :mod:`newsdoc.html.content`
finds to hold the article, walked by :mod:`newsdoc.html.walk` without its furniture. A page that
does not look like an article (a front page, an index) is read all the same, with the
``html.not-an-article`` warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain, islice
from typing import Final
from urllib.parse import urlsplit

from lxml import etree

from newsdoc.analysis.bylines import (
    ROLE_WORDS,
    is_agency,
    is_publication,
    opens_with_byline_label,
    opens_with_first_name,
    split_names,
)
from newsdoc.analysis.datelines import (
    COMMENTS_WORDS,
    LEAVE_A_COMMENT,
    RELEASE_KIND,
    is_job,
    read_meta_line,
)
from newsdoc.analysis.furniture import is_furniture_line
from newsdoc.analysis.language import normalize_language
from newsdoc.analysis.lexicon import guess_language_of
from newsdoc.analysis.text import CJK_CHARACTERS, clean_text, comparable, has_digit
from newsdoc.analysis.urls import resolve_url
from newsdoc.decoding import decode, normalize_charset
from newsdoc.errors import ParseError
from newsdoc.html.content import find_article
from newsdoc.html.fragment import parse_fragment, without_xml_declaration
from newsdoc.html.meta import PageMeta, read_meta, standfirst
from newsdoc.html.safe import utf8_html_parser
from newsdoc.html.scan import over_headline, related_elements, under_headline
from newsdoc.html.tags import joined_text, spaced_text
from newsdoc.html.walk import walk
from newsdoc.model import Author, Block, Document, Image, Link, Metadata, ParseWarning
from newsdoc.registry import Format, ParseContext

__all__ = ["FORMAT"]

NAME: Final = "html"

_PAGE: Final = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_TAG: Final = re.compile(rb"<(p|div|span|a|br|h[1-6]|ul|ol|li|img|table|em|strong|b|i)[\s>/]", re.I)
_XML_ROOTS: Final = re.compile(rb"<(rss|feed|rdf:RDF|nitf|NewsML|newsMessage|urlset)[\s>]")
_CHARSET: Final = re.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE
)


def sniff(head: bytes, name: str | None) -> float:
    """A page (doctype, ``<html>``, ``<head>`` or ``<body>``) is sure; a fragment is likely."""
    stripped = head.lstrip()
    if not stripped.startswith(b"<"):
        return 0.0
    if _XML_ROOTS.search(head[:2048]):
        return 0.0  # a feed or an XML news format, not a page
    if _PAGE.search(head):
        return 0.9
    if len(_TAG.findall(head)) >= 2:
        return 0.4  # an HTML fragment (a story body on its own)
    return 0.0


_UTF8_BOM: Final = b"\xef\xbb\xbf"


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield the page's one Document."""
    declared = None
    match = _CHARSET.search(data[:4096])
    if match is not None:
        declared = normalize_charset(match.group(1).decode("ascii", "replace"), html=True)
    decoded = decode(data, declared=declared, known=context.encoding, html=True)
    text = decoded.text
    warnings: list[ParseWarning] = list(decoded.warnings)
    text = without_xml_declaration(text)
    if not _PAGE.search(text[:8192].encode("utf-8", "replace")):
        yield _fragment_document(text, context, warnings)
        return
    if decoded.encoding == "utf-8" and not decoded.warnings and text is decoded.text:
        # Valid UTF-8 as it came: the parser reads the bytes we have (encoding them again
        # would cost a tenth of the parse).
        markup = data.removeprefix(_UTF8_BOM)
    else:
        markup = text.encode("utf-8", "surrogatepass")
    try:
        root = etree.fromstring(markup, parser=utf8_html_parser())
    except (etree.ParserError, ValueError) as exc:
        msg = f"{context.label}: html: the page cannot be parsed: {exc}"
        raise ParseError(msg, source=context.source) from None
    if root is None:
        msg = f"{context.label}: html: the page has no elements"
        raise ParseError(msg, source=context.source)
    yield _page_document(root, context, warnings)


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("html", "htm", "xhtml"),
    description="HTML article pages (and HTML fragments): main text and page metadata",
)


def _fragment_document(text: str, context: ParseContext, warnings: list[ParseWarning]) -> Document:
    fragment = parse_fragment(text, max_depth=context.limits.max_depth)
    return Document(
        format=NAME,
        source=context.source,
        blocks=fragment.blocks,
        links=fragment.links,
        metadata=Metadata(images=fragment.images),
        warnings=[*warnings, *fragment.warnings],
    )


def _page_document(
    root: etree._Element, context: ParseContext, warnings: list[ParseWarning]
) -> Document:
    meta = read_meta(root, None)
    base = meta.base_url or meta.url
    body = root.find("body")
    if body is None:
        body = root
    chosen, confidence, skip = find_article(body, meta.article_body, base)
    fragment = walk(chosen, base_url=base, max_depth=context.limits.max_depth, skip=skip)
    warnings.extend(fragment.warnings)
    # The headings that may show the title: the <h1>s, and the body's opening heading.
    opening = [block.text for block in fragment.blocks[:2] if block.kind == "heading"]
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
        meta.authors = [name for name in meta.authors if not is_publication(name, site)]
    if title is None:
        # No title stated anywhere: the page's headline is the title.
        title = next((text for text in headlines if len(text.split()) > 1), None)
    title = _untruncated(title, headlines)
    title = _instead_of_site_title(title, meta.site_name or site, host, headlines)
    subtitle = None
    heading = _title_heading(meta, title)
    if heading is not None and title is not None:
        title = _as_shown(title, heading, opening)
        subtitle = standfirst(heading, title)
        if not meta.authors or meta.published is None:
            _read_header(heading, meta)
    elif title is not None and (not meta.authors or meta.published is None):
        # No heading shows the title: the element that does (a "<dt>", a "<p class='titulo'>")
        # heads the story all the same.
        title_element = _title_element(body, title)
        if title_element is not None:
            _read_header(title_element, meta)
    blocks = _without_furniture(_without_title(list(fragment.blocks), title, meta.site_name), meta)
    if not meta.authors:
        blocks = _without_sign_off(blocks, meta)
    if subtitle is not None:
        rest = _without_top(blocks, subtitle)
        if any(block.kind == "paragraph" for block in rest):
            blocks = rest
        else:
            subtitle = None  # the page's only text (a gallery's introduction) is its body
    stated = meta.article_body
    if (
        stated
        and len(stated) > 400
        and sum(len(block.text) for block in blocks) < 0.5 * len(stated)
    ):
        # The page's HTML holds less than half of the body its JSON-LD states (text written
        # by a script, or a teaser): the stated body is the better text.
        blocks = [
            Block(kind="paragraph", text=line)
            for line in (clean_text(part) for part in re.split(r"\n\s*\n|\n", stated))
            if line
        ]
        warnings.append(
            ParseWarning(
                code="html.body-from-json-ld",
                message="the page's markup holds little of the article; the body is the "
                "JSON-LD articleBody",
            )
        )
    prose = sum(len(block.text) for block in blocks if block.kind != "heading")
    prose += len(subtitle or "")
    # Short text that someone signed and dated is a news brief; a front page is neither.
    signed = bool(meta.authors) and meta.published is not None and not meta.published_from_url
    if not meta.is_article and ((prose < 400 and not signed) or confidence < 0.1):
        warnings.append(
            ParseWarning(
                code="html.not-an-article",
                message="the page does not look like an article (little prose, many links); "
                "its text is given as it is",
            )
        )
    # Related stories sit beside the article: look around it, not through the whole page.
    around = chosen[0].getparent() if chosen else None
    around = around.getparent() if around is not None else None
    related = _related_links(related_elements(around if around is not None else body), base)
    language = normalize_language(meta.language) if meta.language else None
    if language is None:
        # A page that states no language: the one its body's function words point to.
        language = guess_language_of(block.text for block in blocks)
    images = [Image(url=url) for url in meta.images]
    metadata = Metadata(
        published=meta.published,
        modified=meta.modified,
        authors=tuple(Author(name=name) for name in meta.authors),
        language=language,
        url=meta.url,
        site_name=meta.site_name,
        section=meta.section,
        tags=tuple(meta.tags),
        description=meta.description,
        images=_merge_images(images, [*fragment.images, *_figures_beside(chosen, base)]),
        extra=_extra(meta),
    )
    return Document(
        format=NAME,
        source=context.source,
        title=title,
        subtitle=subtitle,
        blocks=blocks,
        metadata=metadata,
        links=(*fragment.links, *related),
        warnings=warnings,
    )


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
    if where is None and ending <= _SITE_WORDS and _words(parts[0]) > ending:
        # The site's name is the short part at the end. The short part before a title is
        # not taken: it is as often a section ("Opinion | …").
        where = last
    if where is not None:
        first, end = (1, last) if where == 0 else (0, last - 1)
        while end > first and _is_section(parts[end]) and _words(parts[first]) > _words(parts[end]):
            end -= 1
        return _without_page_kind(title[bounds[first][0] : bounds[end][1]]), parts[where]
    if _words(parts[0]) <= 3 and _words(parts[-1]) > 4:
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


def _as_shown(title: str, heading: etree._Element, opening: list[str]) -> str:
    """The headline as the page prints it over the story, when it rewords ``title``.

    "HS Roundup: Viera defeats Rockledge" in the metadata, "High School Roundup: Viera defeats
    Rockledge" in the ``<h1>``: the reader's words. Half of the words of each must be the
    other's, unless the heading opens the story's text (``opening``: the headings the body
    starts with), where a headline worded for search engines and sharing apart from the one
    printed ("Council backs harbour budget after a long night") is still the story's own. A
    headline elsewhere that tells of something else keeps the title as stated, and so does a
    title that adds its kicker to the headline.
    """
    shown = joined_text(heading)
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
    shared = len(set(wanted) & set(printed))
    if shared >= _SHOWN_SHARE * len(set(wanted)) and shared >= _SHOWN_SHARE * len(set(printed)):
        return shown
    if shown in opening and comparable(shown) not in _GENERIC_TITLES:
        return shown
    return title


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


# Real titles have a few parts; a page's <title> of hundreds is read whole.
_MAX_TITLE_PARTS: Final = 12
_LOOSE_SEPARATORS: Final = re.compile(r"\s*[|\-–—:·•»]\s+|\s+[|\-–—·•»]\s*")


def _without_title(blocks: list[Block], title: str | None, site: str | None = None) -> list[Block]:
    """The blocks without a heading near the top that shows the title or the site's name.

    The same words, or the title's words after a kicker ("Rail strike: Drivers walk out" over
    "Drivers walk out"), or the title's words under a kicker, or the same letters: a kicker
    and a headline in two elements of one heading run together ("Rail strikeDrivers walk
    out"); and a first paragraph that is the title, as pages without a heading print it.
    """
    if not title or not blocks:
        return blocks
    wanted = comparable(title)
    letters = wanted.replace(" ", "")
    name = comparable(site) if site else None
    return [
        block
        for index, block in enumerate(blocks)
        if not (
            index < 3
            and block.kind == "heading"
            and (
                _shows_title(shown := comparable(block.text), wanted)
                or shown == name
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


def _title_heading(meta: PageMeta, title: str | None) -> etree._Element | None:
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


def _read_header(heading: etree._Element, meta: PageMeta) -> None:
    """The byline and date line of the story's header, around its headline, unmarked by class.

    "Por Ana Silva, N10 Campinas", "Submitted by Priya Raman on Tue, 03/14/2023 - 16:05":
    each short element there is read as a date line would be in the body. A row of two or
    three short elements (the name in one, the date in the next) is read as one line, and a
    link to the writer's page ("/autor/ana-silva/") names the writer.
    """
    # Loose text right after the headline or its box ("<dl><dt>Title</dt></dl> 기사입력 :[
    # 2018-08-25 15:24 ]") is a line of the header too.
    parent = heading.getparent()
    for node in (heading, parent) if parent is not None else (heading,):
        tail = clean_text(node.tail or "")
        if tail and len(tail) <= _SHORT_LINE and has_digit(tail):
            _is_dateline(tail, meta, top=True)
    for element in chain(under_headline(heading), over_headline(heading)):
        if element.tag == "dl":
            _read_metadata_list(element, meta)
            continue
        if element.tag == "a" and not meta.authors:
            writer = _author_link(element)
            if writer is not None:
                meta.authors = [writer]
            continue
        if element.tag not in _HEADER_TAGS or len(element) > _HEADER_CHILDREN:
            continue
        if any(child.tag not in _INLINE_TAGS for child in element):
            # A wrapper: its lines are its children, met next; a row of short ones may be a
            # byline and its date set apart ("<div>Ana Silva</div><div>14/03/2023</div>").
            row = _row_line(element)
            if row is not None:
                _is_dateline(row, meta, top=True)
            continue
        text = spaced_text(element)
        # A date has digits, and a byline its label or, unlabelled, the writer's job or agency
        # after a comma or in brackets ("Jane Doe, Staff Writer", "Anna Vogt (dpa)"): other
        # text is not read further.
        if (
            text
            and len(text) <= _SHORT_LINE
            and (
                has_digit(text)
                or opens_with_byline_label(text)
                or (len(text) <= _MAX_NAME_CHARS and ("," in text or text.endswith(")")))
            )
        ):
            _is_dateline(text, meta, top=True)
        if meta.authors and meta.published is not None:
            return


def _read_metadata_list(element: etree._Element, meta: PageMeta) -> None:
    """The dates of a description list of the page's metadata, term by term.

    "<dt>Published</dt><dd>14 March 2023</dd>", as GOV.UK and other public offices list them
    under the title: each term and its definition read as one date line.
    """
    term = ""
    for child in element.iterchildren("dt", "dd"):
        if child.tag == "dt":
            term = spaced_text(child)
            continue
        value = spaced_text(child)
        if term and has_digit(value) and len(term) + len(value) < _SHORT_LINE:
            _is_dateline(f"{term} {value}", meta, top=True)


def _title_element(body: etree._Element, title: str) -> etree._Element | None:
    """The first element whose own text is the title, among the page's first elements."""
    wanted = comparable(title)
    for count, element in enumerate(body.iter(*_TITLE_TAGS)):
        if count >= _TITLE_SCAN:
            break
        text = element.text
        if text and len(text) < _SHORT_LINE * 2 and comparable(text) == wanted:
            return element
    return None


_TITLE_TAGS: Final = ("dt", "div", "p", "span", "strong", "b", "td", "h2", "h3", "h4", "h5")
_TITLE_SCAN: Final = 3000


def _author_link(element: etree._Element) -> str | None:
    """The name a link to a writer's page shows ("<a href='/author/jane-doe'>Jane Doe</a>")."""
    # The pattern is searched in the whole address: parsing it first would cost more, and
    # fail on a broken one ("http://[x").
    if _AUTHOR_PATH.search(element.get("href") or "") is None:
        return None
    text = spaced_text(element)
    if not text or len(text) > _MAX_NAME_CHARS:
        return None
    names, others = split_names(text)
    return names[0] if len(names) == 1 and not others else None


# A writer's page on a news site, in the languages of the lexicons.
_AUTHOR_PATH: Final = re.compile(
    r"/(?:authors?|autor(?:es|en|in)?|auteurs?|autore|autori|journalist(?:s|en)?|redacteur(?:en)?"
    r"|writers?|reporters?|columnists?)/[^/]",
    re.IGNORECASE,
)
_MAX_NAME_CHARS: Final = 60


def _row_line(element: etree._Element) -> str | None:
    """The texts of a row of two or three short elements, as one line with bars between.

    ``None`` when the row is anything else: more children, one with elements below that are
    not inline, or text of its own outside them.
    """
    if not 2 <= len(element) <= _HEADER_CHILDREN or (element.text or "").strip():
        return None
    parts = []
    for child in element:
        if (
            child.tag not in _HEADER_TAGS
            or (child.tail or "").strip()
            or any(grandchild.tag not in _INLINE_TAGS for grandchild in child)
        ):
            return None
        text = spaced_text(child)
        if not text or len(text) > _MAX_ROW_PART:
            return None
        parts.append(text)
    line = " | ".join(parts)
    return line if has_digit(line) else None


_MAX_ROW_PART: Final = 80
_HEADER_TAGS: Final = frozenset({"p", "div", "span", "address", "small", "li", "footer"})
_HEADER_CHILDREN: Final = 3
_INLINE_TAGS: Final = frozenset(
    {"a", "span", "time", "abbr", "b", "strong", "em", "i", "small", "br", "img", "svg"}
)


def _without_top(blocks: list[Block], text: str) -> list[Block]:
    """The blocks without the first of the top few that shows ``text`` (the standfirst)."""
    wanted = comparable(text)
    for index, block in enumerate(blocks[:_TOP_BLOCKS]):
        if comparable(block.text) == wanted:
            return [*blocks[:index], *blocks[index + 1 :]]
    return blocks


_TOP_BLOCKS: Final = 3


def _shows_title(heading: str, title: str) -> bool:
    if heading == title:
        return True
    shorter, longer = sorted((heading, title), key=len)
    # At least three words, and a whole-word end of the other (under a kicker), or a heading
    # that goes on from the title's words (the title shortened for search engines).
    return len(shorter.split()) >= 3 and (
        longer.endswith(f" {shorter}") or (heading is longer and longer.startswith(f"{shorter} "))
    )


def _without_furniture(blocks: list[Block], meta: PageMeta) -> list[Block]:
    """The blocks without share rows, tag lists, date lines and bylines.

    A date line or byline inside the article area gives the metadata it states when the
    page stated none elsewhere. A short block of several lines (``<br>`` between them, as
    "The Associated Press / Published Monday, ...") loses those of its lines that are such.
    """
    kept: list[Block] = []
    # Only authors the page stated before its text is read (a date line below may add some).
    stated_authors = bool(meta.authors)
    top = True  # no paragraph of prose yet: the lines above the story
    # A name alone on its line above the story, beside the date line: the byline ("Anna
    # Vogt" over "14 March 2023 · 5 min read", or under it). Where the name is in ``kept``
    # while the next block may be the date line; and whether the last block was one.
    lone_name: tuple[int, str] | None = None
    after_date = False
    for block in blocks:
        text = block.text
        if stated_authors and len(text) <= _SHORT_LINE:
            after = _without_author_names(text, meta.authors)
            if after is not None and (not after or _is_dateline(after, meta)):
                continue  # the authors' names on a line of their own, maybe with the date
        if block.kind != "preformatted" and len(text) > _SHORT_BLOCK and "\n" in text:
            # A date line and the story run together with only a <br> between ("05/10/2018 -
            # Publicado por: … <br> A equipe …"): the first line goes when it is one.
            first, rest_of_block = text.split("\n", 1)
            if len(first) <= _SHORT_LINE and _is_dateline(first, meta, top=top):
                block = Block(kind=block.kind, text=rest_of_block)
                text = rest_of_block
        if block.kind != "preformatted" and len(text) <= _SHORT_BLOCK:
            if "\n" not in text:
                if len(text) <= _SHORT_LINE:
                    if is_furniture_line(text) or _is_page_notice(text):
                        continue
                    if _is_dateline(text, meta, top=top):
                        if top and lone_name is not None and not meta.authors:
                            del kept[lone_name[0]]
                            meta.authors = [lone_name[1]]
                        lone_name = None
                        after_date = top
                        continue
                name = _lone_name(text) if top and not meta.authors else None
                if name is not None:
                    if after_date:
                        meta.authors = [name]
                        after_date = False
                        continue
                    lone_name = (len(kept), name)
                    kept.append(block)
                    continue
            else:
                # Line by line, only dates and bylines: a short line among others ("OPEN
                # RUN" under an event's dates) is too little to call furniture.
                lines = text.split("\n")
                rest = []
                job = -1  # the line of the job that went with the name before it
                for index, line in enumerate(lines):
                    if index == job or _is_dateline(line, meta):
                        continue
                    below = lines[index + 1] if index + 1 < len(lines) else ""
                    if _is_name_over_job(line, below, meta, top=top):
                        job = index + 1
                        continue
                    rest.append(line)
                if not rest:
                    continue
                if len(rest) < len(lines):
                    block = Block(kind=block.kind, text="\n".join(rest))
        if block.kind == "heading" and _COMMENTS_HEADING.match(text):
            break  # the comments begin: nothing after them is the story
        kept.append(block)
        lone_name = None
        after_date = False
        if block.kind == "paragraph" and len(text) > _PROSE_LINE:
            top = False
    return _without_empty_headings(kept)


_SHORT_LINE: Final = 160


def _is_name_over_job(line: str, below: str, meta: PageMeta, *, top: bool) -> bool:
    """Whether ``line`` is a writer's name and ``below``, the line under it, the writer's job.

    "Jane Doe<br>Senior Reporter<br>March 14, 2023" above the story: the name is the byline
    (the job and the date are dropped as lines of their own).
    """
    job = below.strip()
    return is_job(job) and _is_dateline(f"{line.strip()}, {job}", meta, top=top)


# A paragraph this long is the story's: the lines after it are not above the story.
_PROSE_LINE: Final = 100


def _without_sign_off(blocks: list[Block], meta: PageMeta) -> list[Block]:
    """The blocks without the writer's name that ends the story on a line of its own.

    Local papers sign a story at its foot ("Anna Vogt", "— Tom Hale", "(Anna Vogt, dpa)"): a
    last paragraph that is only a name opening with a first name one of the lexicons knows,
    perhaps with the news agency whose copy the writer used, is the author.
    """
    if len(blocks) < 2 or blocks[-1].kind != "paragraph":
        return blocks
    name = _lone_name(blocks[-1].text.strip(" ()[]—–-."))
    if name is None:
        return blocks
    meta.authors = [name]
    return blocks[:-1]


def _lone_name(text: str) -> str | None:
    """The name that is all of ``text``, perhaps with a news agency ("Anna Vogt, dpa").

    Two or three words that open with a first name one of the lexicons knows: "Anna Vogt" is
    one, "Harbour City Council" is not.
    """
    if len(text) > _MAX_SIGN_OFF or has_digit(text) or not opens_with_first_name(text):
        return None
    names, others = split_names(text)
    if (
        len(names) != 1
        or not all(is_agency(other) for other in others)
        or len(names[0].split()) > _MAX_SIGN_OFF_WORDS
    ):
        return None
    return names[0]


_MAX_SIGN_OFF: Final = 40
_MAX_SIGN_OFF_WORDS: Final = 3


def _without_author_names(text: str, authors: list[str]) -> str | None:
    """What follows the page's authors' names that open ``text``, or ``None`` if none does.

    "Jane Doe and John Roe" gives ""; "Jane Doe 14.03.2023, 08:45" gives the date.
    """
    rest = text.strip()
    found = False
    while rest:
        folded = rest.casefold()
        name = next((n for n in authors if folded.startswith(n.casefold())), None)
        if name is None or (rest[len(name) : len(name) + 1].isalpha()):
            break  # (a date may follow the name without a space: "Ana Silva14/03/2023")
        found = True
        rest = _NAME_JOINER.sub("", rest[len(name) :], count=1)
    return rest if found else None


# What stands between names, or between the last name and a date ("Jane Doe und John Roe |").
_NAME_JOINER: Final = re.compile(r"^[\s,;:|·•/–—-]*(?:(?:and|und|et|en|y|e|&)\s+)?", re.IGNORECASE)

# Lines the page speaks to its reader with, or its CMS left behind: "This slideshow requires
# JavaScript.", a WordPress shortcode ("[button link=…]Send us YOUR review[/button]"), the
# author's address ("Write to Jane Doe at jane.doe@example.com").
# Three patterns, two of them anchored: as one pattern with an alternative that may start
# anywhere, every character of every line was tried against all of them (six times slower).
_BBCODE: Final = re.compile(r"\[\w+[^\]]*\].*\[/\w+\]$")
_CONTACT: Final = re.compile(
    r"(?:write\s+to|contact|e-?mail|reach)\b[^.!?]{0,80}\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$",
    re.IGNORECASE,
)
# A press office's contact under a release ("Pressestelle: Anna Vogt, Telefon 0711 123456",
# "Media contact: …"): a label, and a telephone number or an address to write to.
_PRESS_CONTACT: Final = re.compile(
    r"(?:press(?:e)?(?:stelle|kontakt|sprecher(?:in)?)|press(?:\s+office)?\s+contacts?|media"
    r"\s+(?:contacts?|enquiries|inquiries)|contacto\s+de\s+prensa|contatti\s+stampa"
    r"|perscontact|contact\s+presse|kontakt)\s*:.*(?:\+?\d[\d\s/()-]{6,}\d|@[\w-]+\.)",
    re.IGNORECASE,
)
_JAVASCRIPT: Final = re.compile(
    r"\b(?:requires?|enable|needs?|turn\s+on)\s+javascript\b"
    r"|\bjavascript\s+(?:is\s+)?(?:required|disabled|must\s+be\s+enabled)\b",
    re.IGNORECASE,
)


def _is_page_notice(text: str) -> bool:
    return (
        _BBCODE.match(text) is not None
        or _CONTACT.match(text) is not None
        or _PRESS_CONTACT.match(text) is not None
        or ("javascript" in text.lower() and _JAVASCRIPT.search(text) is not None)
    )


_SHORT_BLOCK: Final = 400
# A job title that opens a line ("Senior Political Correspondent", "Local Democracy Reporter").
_ROLE_FIRST: Final = re.compile(
    r"(?:[^\W\d_][\w.'’-]*\s+){0,3}?(?:" + "|".join(sorted(ROLE_WORDS)) + r")\b[\s,;|·•–—-]*",
    re.IGNORECASE,
)


def _is_dateline(line: str, meta: PageMeta, *, top: bool = False) -> bool:
    """Whether a short line is the page's date line or byline, not the story's.

    One date or one byline, or a byline and its date ("By Jane Doe - 11/19/19 06:56 AM"), or
    labelled dates ("Updated ... / Original ..."); not two bare dates, which are an event's
    (from ... to ...). Above the story (``top``), one bare date with the kind of page
    ("News story | 14-03-2023 | 10:00") is one too. What it states becomes the page's date or
    authors when the page stated none elsewhere.
    """
    text = line.strip()
    if not text or len(text) > _SHORT_LINE:
        return False
    role = _ROLE_FIRST.match(text)
    if role is not None:
        # "Local Democracy Reporter 14/03/2023": the writer's job, left when the names are
        # taken from a byline; what follows it decides.
        rest = text[role.end() :]
        if not rest or is_job(text):
            # "Senior Correspondent", "Staff Writer", but not "STAFF" over credits
            return len(text.split()) > 1
        text = rest
    found = read_meta_line(text)
    if found is None or (found.bare and not top):
        return False
    if (
        found.parts > 1
        and not found.signed
        and not found.labelled
        and not (top and len(found.dates) == 1 and not found.labels)
    ):
        return False
    if (found.labels or found.places or found.kinds) and not found.dates and not found.signed:
        return False
    for date in found.dates:
        if date.kind == "published" and (meta.published is None or meta.published_from_url):
            meta.published = date.value or meta.published
            meta.published_from_url = False
        elif date.kind == "modified" and meta.modified is None:
            meta.modified = date.value
    if found.names and not meta.authors:
        meta.authors = found.names
    return True


# A heading that opens the comments ("12 comments", "Leave a reply", "Reacties").
_COMMENTS_HEADING: Final = re.compile(
    rf"(?:\d+\s+)?(?:{COMMENTS_WORDS})\b|{LEAVE_A_COMMENT}"
    r"|join\s+the\s+(?:discussion|conversation)",
    re.IGNORECASE,
)


def _without_empty_headings(blocks: list[Block]) -> list[Block]:
    """Blocks without trailing headings.

    A heading with nothing under it heads furniture (a teaser list whose links are gone).
    """
    while blocks and blocks[-1].kind == "heading":
        blocks = blocks[:-1]
    return blocks


def _related_links(blocks: list[etree._Element], base: str | None) -> list[Link]:
    """Links of a related-stories block (``class="related..."``), as ``related`` links."""
    links: list[Link] = []
    for element in blocks[:3]:
        for anchor in list(element.iter("a"))[:30]:
            href = anchor.get("href")
            text = spaced_text(anchor)
            if href and text and len(text.split()) >= 3:
                links.append(Link(url=resolve_url(href.strip(), base), text=text, kind="related"))
        if links:
            break
    return list({link.url: link for link in links}.values())


def _figures_beside(chosen: list[etree._Element], base: str | None) -> list[Image]:
    """The figures of the ``<article>`` that holds the body but outside the body's element.

    The lead photo often sits between the headline and the text container; its image and
    caption belong to the story even when its words do not.
    """
    if not chosen:
        return []
    article = chosen[0].getparent()
    for _ in range(3):
        if article is None or article.tag == "article":
            break
        article = article.getparent()
    if article is None or article.tag != "article":
        return []
    inside = set(chosen)
    figures = [
        figure
        for figure in article.iter("figure")
        if not any(ancestor in inside for ancestor in figure.iterancestors())
        and figure not in inside
    ]
    return list(walk(figures, base_url=base).images) if figures else []


def _merge_images(page: list[Image], body: list[Image]) -> list[Image]:
    seen: dict[str, Image] = {}
    for image in (*page, *body):
        known = seen.get(image.url)
        if known is None or (known.caption is None and image.caption):
            seen[image.url] = image
    return list(seen.values())


def _extra(meta: PageMeta) -> dict[str, object]:
    extra: dict[str, object] = {}
    if meta.json_ld_types:
        extra["json_ld_types"] = list(dict.fromkeys(meta.json_ld_types))
    return extra
