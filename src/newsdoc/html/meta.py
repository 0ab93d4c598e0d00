"""What a page says about itself: JSON-LD, meta tags, links, ``<time>``, microdata, bylines.

Every source is read into one :class:`PageMeta`, each field taken from the first source that
has it, in this order of precedence (documented in ``docs/formats/html.rst``):

1. JSON-LD (``NewsArticle``, ``Article``, ``ReportageNewsArticle``, ``BlogPosting``... found at
   the top, in arrays or in ``@graph``; broken JSON is tolerated where it can be);
2. Open Graph and ``article:*`` meta;
3. Twitter cards;
4. Dublin Core, ``citation_*``, ``parsely-*``, ``sailthru.*`` and plain ``name=`` meta;
5. ``itemprop`` microdata and ``<time datetime>``;
6. ``<link rel=canonical>``, ``<html lang>``, ``<title>``, visible bylines;
7. a date in the URL, as the last resort.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import islice
from typing import Final

import attrs
from lxml import etree

from newsdoc.analysis.bylines import (
    ROLE_WORDS,
    TITLE_ABBREVIATIONS,
    given_name_first,
    is_account,
    is_organisation,
    is_publication,
    parse_byline,
    split_names,
)
from newsdoc.analysis.dates import (
    ENGLISH_MONTH,
    MONTH_ABBREVIATIONS,
    parse_date_line,
    parse_iso_datetime,
)
from newsdoc.analysis.furniture import is_furniture_line
from newsdoc.analysis.text import clean_text, comparable
from newsdoc.html.scan import (
    byline_elements,
    date_elements,
    dek_elements,
    headline_elements,
    itemprop_elements,
)
from newsdoc.html.tags import joined_text, spaced_text

__all__ = ["Headline", "PageMeta", "read_meta", "standfirst"]

_ARTICLE_TYPES: Final = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
        "liveblogposting", "scholarlyarticle", "techarticle", "report", "socialmediaposting",
        "advertisernewsarticle", "askpublicnewsarticle",
    }
)  # fmt: skip
# JSON-LD objects that describe the page itself; their dates are the page's.
_PAGE_TYPES: Final = frozenset(
    {"webpage", "itempage", "claimreview", "medicalwebpage", "aboutpage", "qapage", "faqpage"}
)
_ARTICLE_ITEMTYPE: Final = etree.XPath("boolean(//@itemtype[contains(., 'Article')])")
_MAX_JSON_LD: Final = 1_000_000  # characters of one script; more is not metadata


@attrs.frozen
class Headline:
    """A heading that may show the page's title, with its text."""

    element: etree._Element
    text: str


@attrs.define
class PageMeta:
    """Metadata read from a page, before it becomes a :class:`~newsdoc.Metadata`."""

    title: str | None = None
    description: str | None = None
    authors: list[str] = attrs.Factory(list)
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: list[str] = attrs.Factory(list)
    images: list[str] = attrs.Factory(list)
    article_body: str | None = None
    is_article: bool = False  # the page says it is an article (JSON-LD or og:type)
    json_ld_types: list[str] = attrs.Factory(list)
    published_from_url: bool = False  # the last resort: a date line on the page beats it
    base_url: str | None = None  # the page's <base href>
    headlines: list[Headline] = attrs.Factory(list)  # its first <h1> elements
    document_title: str | None = None  # the <title> element's text, whatever the title is
    # Every source's title, in the order of precedence: the one the page shows may be a later one
    # (og:title worded for sharing, the <title> as the headline reads).
    titles: list[str] = attrs.Factory(list)

    @property
    def has_writers(self) -> bool:
        """Whether the authors found so far name someone besides the publication.

        A page may give its own name as the author ("author": {"@type": "Person", "name":
        "AppleInsider"}); the byline it prints is then still worth reading.
        """
        site = self.site_name or ""
        return any(not (site and is_publication(name, site)) for name in self.authors)

    def take(self, field: str, value: object) -> None:
        """Set ``field`` to ``value`` unless it already has one (earlier sources win).

        A date without a time zone gives way to a later source's same moment with one
        (JSON-LD "2023-03-14T10:00:00", ``article:published_time`` "…+01:00").
        """
        if field == "title" and isinstance(value, str) and value:
            self.titles.append(value)
        if value in (None, "", []):
            return
        held = getattr(self, field)
        if held in (None, "", []) or (
            isinstance(held, datetime)
            and isinstance(value, datetime)
            and held.tzinfo is None
            and value.tzinfo is not None
            and value.replace(tzinfo=None) == held
        ):
            setattr(self, field, value)


def read_meta(root: etree._Element, page_url: str | None) -> PageMeta:
    """Everything ``root`` (a parsed page) states about itself."""
    meta = PageMeta()
    found = _elements(root)
    head_meta = _meta_tags(found["meta"])
    pages: list[dict[str, object]] = []
    for item in _json_ld_items(found["script"], pages):
        _from_json_ld(meta, item)
    # Microdata is the page's structured data too: the headline it marks on the page's one
    # <h1> comes before the titles written for sharing and for search engines.
    meta.take("title", _microdata_headline(root, found["h1"]))
    _from_meta_tags(meta, head_meta)
    _from_document(meta, root, found, pages)
    base = found["base"][0].get("href") if found["base"] else None
    meta.base_url = base.strip() if base and base.strip() else None
    # The page's <h1> elements, and a lesser heading marked as the headline (a blog may print
    # its own name in the <h1> and the post's title in "<h3 class='entry-title'>").
    for heading in [*found["h1"][:_MAX_HEADLINES], *islice(headline_elements(root), 1)]:
        text = joined_text(heading)
        if text:
            meta.headlines.append(Headline(element=heading, text=text))
    if meta.published is None:
        meta.published = _date_in_url(meta.url or page_url)
        meta.published_from_url = meta.published is not None
    # Content systems often escape their text twice: "&#8216;" reaches the page as
    # "&amp;#8216;", and the parser undoes only one of them.
    meta.title = _unescaped(meta.title)
    meta.titles = [_unescaped(title) or "" for title in meta.titles]
    meta.description = _unescaped(meta.description)
    meta.site_name = _unescaped(meta.site_name)
    meta.section = _unescaped(meta.section)
    meta.authors = [_unescaped(author) or "" for author in meta.authors]
    meta.tags = [_unescaped(tag) or "" for tag in meta.tags]
    meta.authors = _clean_authors(meta.authors, meta.site_name)
    meta.tags = list(dict.fromkeys(tag for tag in meta.tags if tag))
    meta.images = list(dict.fromkeys(meta.images))
    return meta


def _microdata_headline(root: etree._Element, headings: list[etree._Element]) -> str | None:
    """The text of the ``<h1>`` marked ``itemprop="headline"``, when it is the page's only one.

    A page that marks the headlines of other stories too (teasers of a front page, a rail of
    related stories) says nothing about which is its own.
    """
    marked = [
        heading for heading in headings if "headline" in (heading.get("itemprop") or "").split()
    ]
    if len(marked) != 1:
        return None
    found = _ITEMPROP_HEADLINE(root)
    values = found if isinstance(found, list) else []
    if sum(1 for value in values if "headline" in str(value).split()) != 1:
        return None
    return joined_text(marked[0]) or None


# The itemprop values that name "headline" among others: the test is made on the values alone,
# five times faster than building "' ' + itemprop + ' '" for every element of the page.
_ITEMPROP_HEADLINE: Final = etree.XPath("//@itemprop[contains(., 'headline')]", smart_strings=False)


# The elements metadata is read from, found in one walk of the tree: each walk costs about as
# much as a tenth of the parse, however few elements it finds.
_INDEXED: Final = ("meta", "script", "link", "title", "time", "base", "h1")
_MAX_HEADLINES: Final = 3
_BYLINE_PARTS: Final = re.compile(r"\s+[|·•–—-]\s+")
_MAX_BYLINE_WORDS: Final = 8
_UPDATED_CLASS: Final = re.compile(r"updat|modifi")


def _elements(root: etree._Element) -> dict[str, list[etree._Element]]:
    """The page's ``_INDEXED`` elements by tag, each list in document order."""
    found: dict[str, list[etree._Element]] = {tag: [] for tag in _INDEXED}
    for element in root.iter(_INDEXED):
        found[element.tag].append(element)
    return found


# -- JSON-LD ---------------------------------------------------------------------------------------


def _json_ld_items(
    scripts: list[etree._Element], pages: list[dict[str, object]] | None = None
) -> Iterator[dict[str, object]]:
    """Every JSON-LD object on the page that is an article, in document order.

    The web-page objects met on the way (``WebPage``, ``ClaimReview``...) are appended to
    ``pages``: they state the page's dates when no article object does.
    """
    for script in scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        if not text.strip() or len(text) > _MAX_JSON_LD:
            continue
        value = _tolerant_json(text)
        nodes = _nodes_by_id(value)
        stack: list[object] = [value]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[:0] = item
            elif isinstance(item, dict):
                graph = item.get("@graph")
                if isinstance(graph, list):
                    stack[:0] = graph
                types = item.get("@type")
                names = (
                    [types] if isinstance(types, str) else types if isinstance(types, list) else []
                )
                lowered = {name.lower() for name in names if isinstance(name, str)}
                if not lowered.isdisjoint(_ARTICLE_TYPES):
                    yield _with_references(item, nodes) if nodes else item
                    continue
                if pages is not None and not lowered.isdisjoint(_PAGE_TYPES):
                    pages.append(item)
                if isinstance(item.get("mainEntity"), dict | list):
                    stack.append(item["mainEntity"])


# The properties whose value may be a reference ({"@id": ...}) to another object of the graph.
_REFERENCED: Final = ("author", "creator", "publisher")
_MAX_NODES: Final = 2000


def _nodes_by_id(value: object) -> dict[str, dict[str, object]]:
    """The objects of a JSON-LD value that have an ``@id``, by their ``@id``.

    Yoast's graphs refer to the article's author and publisher this way.
    """
    nodes: dict[str, dict[str, object]] = {}
    stack: list[object] = [value]
    seen = 0
    while stack and seen < _MAX_NODES:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            identifier = item.get("@id")
            if isinstance(identifier, str) and len(item) > 1:
                nodes.setdefault(identifier, item)
            stack.extend(child for child in item.values() if isinstance(child, dict | list))
    return nodes


def _with_references(
    item: dict[str, object], nodes: dict[str, dict[str, object]]
) -> dict[str, object]:
    """``item`` with its author, creator and publisher references replaced by the objects."""
    resolved: dict[str, object] = {}
    for key in _REFERENCED:
        value = item.get(key)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        found = [
            nodes.get(str(entry["@id"]), entry)
            if isinstance(entry, dict) and "@id" in entry and "name" not in entry
            else entry
            for entry in values
        ]
        if any(new is not old for new, old in zip(found, values, strict=True)):
            resolved[key] = found if isinstance(value, list) else found[0]
    return {**item, **resolved} if resolved else item


def _tolerant_json(text: str) -> object:
    """JSON as pages write it.

    Wrapped in comments or CDATA, with stray control characters or a trailing comma.
    """
    cleaned = text.strip()
    for prefix, suffix in (("<!--", "-->"), ("/*<![CDATA[*/", "/*]]>*/"), ("<![CDATA[", "]]>")):
        if cleaned.startswith(prefix) and cleaned.endswith(suffix):
            cleaned = cleaned[len(prefix) : -len(suffix)].strip()
    try:
        return json.loads(cleaned, strict=False)
    except (ValueError, RecursionError):
        pass
    repaired = re.sub(r",\s*([}\]])", r"\1", cleaned)
    try:
        return json.loads(repaired, strict=False)
    except (ValueError, RecursionError):
        return None


def _from_json_ld(meta: PageMeta, item: dict[str, object]) -> None:
    meta.is_article = True
    types = item.get("@type")
    meta.json_ld_types.extend([types] if isinstance(types, str) else [])
    meta.take("title", _text(item.get("headline")) or _text(item.get("name")))
    meta.take("description", _text(item.get("description")))
    # (dateCreated when the item states no publication; a video's uploadDate likewise)
    meta.take(
        "published",
        _date(item.get("datePublished"))
        or _date(item.get("dateCreated"))
        or _date(item.get("uploadDate")),
    )
    meta.take("modified", _date(item.get("dateModified")))
    meta.take("language", _text(item.get("inLanguage")))
    meta.take("section", _first_text(item.get("articleSection")))
    meta.take("url", _url_of(item.get("mainEntityOfPage")) or _text(item.get("url")))
    publisher = item.get("publisher")
    if isinstance(publisher, dict):
        meta.take("site_name", _text(publisher.get("name")))
    if not meta.has_writers:
        # The writer is the "author"; schema.org's "creator" says the same where it is alone.
        meta.authors = list(_people(item.get("author") or item.get("creator")))
    keywords = item.get("keywords")
    if not meta.tags:
        if isinstance(keywords, str):
            meta.tags = [clean_text(word) for word in keywords.split(",")]
        elif isinstance(keywords, list):
            meta.tags = [clean_text(word) for word in keywords if isinstance(word, str)]
    meta.images.extend(_image_urls(item.get("image")))
    body = item.get("articleBody")
    if isinstance(body, str) and body.strip():
        meta.take("article_body", body)


def _people(value: object) -> Iterator[str]:
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            yield from _names_of(item)
        elif isinstance(item, dict):
            # A Person may give its name in parts: {"givenName": "Jane", "familyName": "Doe"}.
            name = _text(item.get("name")) or _text(
                " ".join(
                    part
                    for part in (item.get("givenName"), item.get("familyName"))
                    if isinstance(part, str)
                )
            )
            if name:
                yield name


def _image_urls(value: object) -> Iterator[str]:
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str) and item.strip():
            yield item.strip()
        elif isinstance(item, dict):
            url = item.get("url") or item.get("contentUrl")
            if isinstance(url, str) and url.strip():
                yield url.strip()


def _url_of(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        found = value.get("@id") or value.get("url")
        return found.strip() or None if isinstance(found, str) else None
    return None


# -- meta tags ----------------------------------------------------------------------------------


def _meta_tags(elements: list[etree._Element]) -> dict[str, list[str]]:
    """``<meta>`` values by lower-case property, name or itemprop, in document order.

    An attribute may hold several names (``itemprop="datePublished dateCreated"``, RDFa's
    ``property="og:title dc:title"``): the value is filed under each.
    """
    found: dict[str, list[str]] = {}
    for element in elements:
        content = element.get("content")
        if content is None or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attribute)
            if not key:
                continue
            key = key.strip().lower()
            if " " not in key:  # one name, as almost always
                found.setdefault(key, []).append(content.strip())
                continue
            for name in key.split():
                found.setdefault(name, []).append(content.strip())
    return found


def _from_meta_tags(meta: PageMeta, tags: dict[str, list[str]]) -> None:
    def first(*keys: str) -> str | None:
        for key in keys:
            values = tags.get(key)
            if values:
                return clean_text(values[0]) or None
        return None

    def every(*keys: str) -> list[str]:
        return [clean_text(value) for key in keys for value in tags.get(key, ())]

    if (first("og:type") or "").lower() in ("article", "news", "blog", "newsarticle"):
        meta.is_article = True
    if first("article:published_time", "article:modified_time", "parsely-pub-date",
             "parsely-author", "citation_title", "sailthru.date", "sailthru.author",
             "cxenseparse:recs:publishtime"):  # fmt: skip
        meta.is_article = True
    for title in every("og:title", "twitter:title", "dc.title", "dcterms.title",
                       "citation_title", "parsely-title", "sailthru.title", "headline",
                       "title"):  # fmt: skip
        meta.take("title", title)
    meta.take("description", first("og:description", "twitter:description", "description",
                                   "dc.description", "sailthru.description"))  # fmt: skip
    for key in ("article:published_time", "og:article:published_time", "datepublished",
                "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created",
                "dcterms.available", "citation_publication_date", "citation_date",
                "parsely-pub-date", "sailthru.date", "cxenseparse:recs:publishtime",
                "govuk:first-published-at", "pubdate", "publishdate", "date",
                "og:published_time", "publish-date", "article.published",
                "datecreated", "article:published", "publish_date", "publication_date",
                "publication-date", "dc.date.created", "dc.date.published", "date.available",
                "rnews:datepublished", "originalpublicationdate", "firstpublishedtime",
                "mediator_published_time", "article.created", "ptime", "pdate",
                "created", "original-publish-date", "date_published",
                "article_date_original"):  # fmt: skip
        if meta.published is not None and meta.published.tzinfo is not None:
            break  # an earlier source stated it: the rest are not parsed
        meta.take("published", _date(first(key)))
    for key in ("article:modified_time", "og:article:modified_time", "og:updated_time",
                "datemodified", "dc.date.modified", "dcterms.modified",
                "govuk:public-updated-at", "govuk:updated-at",
                "last-modified", "article.updated", "article:modified", "og:modified_time",
                "lastmod", "revised", "utime", "mediator_modified_time",
                "dcterms.datemodified", "date_modified", "article_date_updated"):  # fmt: skip
        if meta.modified is not None and meta.modified.tzinfo is not None:
            break
        meta.take("modified", _date(first(key)))
    meta.take("site_name", first("og:site_name", "application-name", "publisher",
                                 "dc.publisher", "dcterms.publisher",
                                 "citation_publisher"))  # fmt: skip
    meta.take("section", first("article:section", "og:article:section", "parsely-section",
                               "sailthru.section", "section"))  # fmt: skip
    meta.take("url", first("og:url", "twitter:url", "parsely-link"))
    meta.take("language", first("og:locale", "dc.language", "dcterms.language", "content-language",
                                "language"))  # fmt: skip
    if not meta.has_writers:
        for key in ("article:author", "og:article:author", "author", "dc.creator",
                    "dcterms.creator", "citation_author", "parsely-author", "sailthru.author",
                    "cxenseparse:author", "byl"):  # fmt: skip
            values = every(key)
            names = [name for value in values if not value.startswith("http")
                     for name in _names_of(value)]  # fmt: skip
            if names:
                meta.authors = names
                break
    if not meta.tags:
        tagged = every("article:tag", "og:article:tag")
        if len(tagged) > 1:
            meta.tags = tagged  # one tag a meta element ("Washington, D.C." stays whole)
        else:
            # One element that holds every tag ("US,Gold,Crude Oil"), or the keyword lists.
            lists = tagged or every("keywords", "news_keywords", "parsely-tags", "sailthru.tags")
            meta.tags = [tag.strip() for value in lists for tag in value.split(",")]
    meta.images.extend(every("og:image", "og:image:url", "twitter:image", "twitter:image:src"))


# -- the document itself ------------------------------------------------------------------------


def _from_document(
    meta: PageMeta,
    root: etree._Element,
    found: dict[str, list[etree._Element]],
    pages: list[dict[str, object]] | None = None,
) -> None:
    for link in found["link"]:
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href"):
            meta.take("url", link.get("href", "").strip())
            break
    meta.take("language", (root.get("lang") or root.get("xml:lang") or "").strip() or None)
    titles = found["title"]
    if titles and titles[0] is not root:
        meta.document_title = clean_text("".join(map(str, titles[0].itertext()))) or None
        meta.take("title", meta.document_title)
    if not meta.is_article and _ARTICLE_ITEMTYPE(root):
        meta.is_article = True
    # Microdata is read only for what the richer sources left out (each query scans the page).
    missing = meta.published is None or meta.modified is None or not meta.has_writers
    for element in itemprop_elements(root) if missing else ():
        itemprop = element.get("itemprop")
        if itemprop in ("datePublished", "dateModified"):
            value = element.get("datetime") or element.get("content") or element.text or ""
            meta.take("published" if itemprop == "datePublished" else "modified", _date(value))
        elif itemprop == "author" and not meta.has_writers:
            name = element.find(".//*[@itemprop='name']")
            text = clean_text(
                "".join(map(str, (name if name is not None else element).itertext()))
            ) or element.get("content")
            if text:
                meta.authors = list(_names_of(text))
    if meta.published is None or meta.modified is None:
        _from_times(meta, found["time"])
    for page in pages or ():
        # The JSON-LD page object's dates (Yoast puts them there), after the page's own
        # markup and before a date read from visible text.
        meta.take("published", _date(page.get("datePublished")))
        meta.take("modified", _date(page.get("dateModified")))
    if meta.published is None:
        meta.published = _visible_date(date_elements(root))
    if not meta.has_writers:
        meta.authors = _visible_bylines(byline_elements(root))


def _from_times(meta: PageMeta, times: list[etree._Element]) -> None:
    """The dates of ``<time datetime>`` elements, for those no richer source stated.

    The first is the publication date. A theme that prints the update beside it marks the two
    by class ("entry-date published", then "updated"): then the update is the modified date.
    A time classed "updated" alone is the first one's only date, and still the publication's.
    """
    first = published = updated = None
    for time in times:
        stated = _date(time.get("datetime"))
        if stated is None:
            continue
        first = first or stated
        marker = (time.get("class") or "").lower()
        if "published" not in marker and _UPDATED_CLASS.search(marker) is not None:
            updated = updated or stated
        elif published is None:
            published = stated
        if published is not None and updated is not None:
            break
    meta.take("published", published or first)
    if published is not None:
        meta.take("modified", updated)


_DATE_ATTRIBUTES: Final = ("datetime", "title", "content")


def _visible_date(candidates: Iterable[etree._Element]) -> datetime | None:
    """The first publication date a short element marked as a date states in its text."""
    for element in candidates:
        # The machine-readable date some themes put in an attribute (hAtom's
        # <abbr class="published" title="2023-03-14T08:45:00+01:00">8:45 AM</abbr>).
        marker = (element.get("class") or "").lower()
        updated = "publish" not in marker and _UPDATED_CLASS.search(marker) is not None
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


def _visible_bylines(candidates: Iterable[etree._Element]) -> list[str]:
    """Names in elements marked as a byline (``class="byline"``, ``rel="author"``)."""
    for element in candidates:
        marker = element.get("class") or ""
        if "comment" in marker or "related" in marker:
            continue  # "comment-author", "related-links-author": not the article's writer
        text = spaced_text(element)
        if not text or len(text) > 120:
            continue
        linked = _linked_names(element)
        if linked:
            return linked  # "<a>Anna Vogt</a><a>Tom Hale</a>": one writer a link
        # "Associated Press November 19, 2019, 9:02 AM": the date after the byline goes.
        text = _DATE_AFTER.split(text, maxsplit=1)[0].rstrip(_AFTER_NAME)
        byline = parse_byline(text)
        if byline is not None:
            return byline[0]
        if len(text.split()) <= _MAX_BYLINE_WORDS:
            # "Tom Baxter | Local Democracy Reporter": the name and the role as a list.
            text = _BYLINE_PARTS.sub(", ", text)
        names, others = split_names(text)
        if names:
            return names
        if len(others) == 1 and is_organisation(others[0]):
            return others  # "Associated Press": an agency signs the story
    return []


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


# A date that follows a name ("Jane Doe Nov 19", "Jane Doe Monday, November 18", "Jane Doe -
# 2019-11-19T06:56"): a month and a day, perhaps after the weekday, or a numeric date; and what
# stood between them.
_AFTER_NAME: Final = " ,;|·•-–—"
_DATE_AFTER: Final = re.compile(
    rf"\s+(?=(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:{ENGLISH_MONTH})\.?\s+"
    r"\d{1,2}(?:st|nd|rd|th)?\b|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d\d-\d\d)",
    re.IGNORECASE,
)


# -- helpers ------------------------------------------------------------------------------------


def _text(value: object) -> str | None:
    if isinstance(value, str):
        return clean_text(value) or None
    return None


_ENTITY: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _unescaped(text: str | None) -> str | None:
    """``text`` with the HTML character references left in it decoded, and cleaned again."""
    if not text or "&" not in text or not _ENTITY.search(text):
        return text
    return clean_text(html.unescape(text)) or None


def _first_text(value: object) -> str | None:
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), None)
    return _text(value)


def _date(value: object) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(int(value))  # a JSON-LD date given as a number: a Unix time
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.isdigit() and len(text) in (10, 13):
        return _unix_time(int(text))
    if text.isdigit() and len(text) in (12, 14):
        # "20230314100000" ("ptime", "utime"): the date and time with nothing between.
        try:
            return datetime.strptime(text, "%Y%m%d%H%M%S" if len(text) == 14 else "%Y%m%d%H%M")
        except ValueError:
            return None
    parsed = parse_iso_datetime(text)
    if parsed is None:
        line = parse_date_line(text)
        parsed = line.value if line is not None else None
    return parsed


def _unix_time(number: int) -> datetime | None:
    """A Unix time in seconds ("1678783500") or milliseconds, in UTC, if in news's years."""
    seconds = number / 1000 if number >= _MILLISECONDS else number
    if not _FIRST_NEWS_SECOND <= seconds <= _LAST_NEWS_SECOND:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC)


_MILLISECONDS: Final = 10**12
_FIRST_NEWS_SECOND: Final = 788_918_400  # 1995-01-01
_LAST_NEWS_SECOND: Final = 4_102_444_800  # 2100-01-01


def _names_of(text: str) -> Iterator[str]:
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


def _clean_authors(authors: list[str], site_name: str | None) -> list[str]:
    """Authors as separate names.

    Without "By", roles ("AP Auto Writer"), dates, form labels, URLs, duplicates, and the
    publication posing as its own author.
    """
    site = site_name or ""
    kept: list[str] = []
    for author in authors:
        text = re.sub(r"^(?:by|von|door|par|por)\s+", "", author.strip(), flags=re.IGNORECASE)
        # "jane@example.com (Jane Doe)" (as RSS writes it), "Jane Doe <jane@example.com>",
        # "Jane Doe (@janedoe)": the name without its address or handle.
        text = _ADDRESSED.sub(lambda found: found.group(1) or found.group(2) or "", text)
        for part in _AUTHOR_SEPARATORS.split(text):
            name = _DATE_AFTER.split(part.strip(" .|"), maxsplit=1)[0].rstrip(_AFTER_NAME)
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


_ADDRESSED: Final = re.compile(
    r"^\S+@\S+\s*\(([^()@]+)\)$|^([^<>@]+?)\s*<[^<>\s]+@[^<>\s]+>$|\s*\(@\w+\)?"
)
# Name separators, and a period that ends a word of two letters or more ("Cunningham. Sputnik"),
# not an initial ("Sarah E. Needleman") nor a title the byline rules know ("Prof. Dr. Anna
# Vogt", "Dr. rer. nat. Eva Lang", "Mrs. Jane Doe"): one look-behind per title's last word.
_TITLE_ENDS: Final = sorted(
    {re.split(r"[.-]", title[:-1])[-1] for title in TITLE_ABBREVIATIONS if title.endswith(".")}
)
_AUTHOR_SEPARATORS: Final = re.compile(
    r"\s*(?:,|;|\||\band\b|&|\.(?<=[a-z]{2}\.)"
    + "".join(rf"(?<!\b(?i:{word})\.)" for word in _TITLE_ENDS)
    + r"\s+(?=[A-Z]))\s*"
)
_DOMAIN: Final = re.compile(r"\.(?:com|net|org|co|io|info|news)$", re.IGNORECASE)

# "/2019/11/18/", "/2019-11-18-", "/2019/nov/18/" (as The Guardian writes it), and eight digits
# that end a path's segment or slug ("…-20191115/"), which must name a real day.
_URL_DATE: Final = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|[a-z]{3})[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)"
    r"|[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/?#.]|$)",
    re.IGNORECASE,
)
_URL_MONTHS: Final = {name: number for number, name in enumerate(MONTH_ABBREVIATIONS, start=1)}


def _date_in_url(url: str | None) -> datetime | None:
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match is None:
        return None
    year, month, day = match.groups()[:3] if match.group(1) else match.groups()[3:]
    number = int(month) if month.isdigit() else _URL_MONTHS.get(month.lower())
    if number is None:
        return None  # three letters that are not a month ("/2019/abc/18/")
    try:
        return datetime(int(year), number, int(day))
    except ValueError:
        return None
