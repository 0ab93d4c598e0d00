"""``<meta>`` tags: Open Graph, ``article:*``, Twitter cards, Dublin Core and other dialects."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Final

from lxml import etree

from newsdoc.analysis.text import clean_text
from newsdoc.html.meta.authors import names_of
from newsdoc.html.meta.record import PageMeta
from newsdoc.html.meta.values import date_value

__all__ = ["from_meta_tags", "meta_tags"]


def meta_tags(elements: list[etree._Element]) -> dict[str, list[str]]:
    """``<meta>`` values by property, name or itemprop (:func:`canonical_key`), in document order.

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
            key = key.strip()
            if " " not in key:  # one name, as almost always
                found.setdefault(canonical_key(key), []).append(content.strip())
                continue
            for name in key.split():
                found.setdefault(canonical_key(name), []).append(content.strip())
    return found


def canonical_key(name: str) -> str:
    """A meta name as it is looked up: lower case, ``:``, ``.``, ``_`` and ``-`` alike.

    Pages spell one name many ways: ``dc:title`` and ``DC.title``, ``article:published:time``
    and ``article:published_time``.
    """
    if len(name) > _MAX_NAME:
        return name.lower()  # no name: not cached, not rewritten
    return _canonical(name)


@lru_cache(maxsize=1024)
def _canonical(name: str) -> str:
    return _SEPARATORS.sub(".", name.lower())


_SEPARATORS: Final = re.compile(r"[:._-]+")


def from_meta_tags(meta: PageMeta, tags: dict[str, list[str]]) -> None:
    """What the page's meta tags state, each field from the first dialect that has it."""

    def first(*keys: str) -> str | None:
        for key in keys:
            values = tags.get(canonical_key(key))
            if values:
                return clean_text(values[0]) or None
        return None

    def every(*keys: str) -> list[str]:
        return [clean_text(value) for key in keys for value in tags.get(canonical_key(key), ())]

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
        meta.take("published", date_value(first(key)))
    if meta.published is None:
        # Any other name for it ("article:first_published_at", "sailthru.publishedtime").
        for key in _other_names(tags, _published_name):
            meta.take("published", date_value(first(key)))
    for key in ("article:modified_time", "og:article:modified_time", "og:updated_time",
                "datemodified", "dc.date.modified", "dcterms.modified",
                "govuk:public-updated-at", "govuk:updated-at",
                "last-modified", "article.updated", "article:modified", "og:modified_time",
                "lastmod", "revised", "utime", "mediator_modified_time",
                "dcterms.datemodified", "date_modified", "article_date_updated"):  # fmt: skip
        if meta.modified is not None and meta.modified.tzinfo is not None:
            break
        meta.take("modified", date_value(first(key)))
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
                     for name in names_of(value)]  # fmt: skip
            if names:
                meta.take("authors", names)
                break
        else:
            # Any other name for it ("articleAuthor", "dcterms.author").
            for value in every(*_other_names(tags, _author_name)):
                meta.take("authors", [] if value.startswith("http") else list(names_of(value)))
    if not meta.tags:
        tagged = every("article:tag", "og:article:tag")
        if len(tagged) > 1:
            meta.tags = tagged  # one tag a meta element ("Washington, D.C." stays whole)
        else:
            # One element that holds every tag ("US,Gold,Crude Oil"), or the keyword lists.
            lists = tagged or every("keywords", "news_keywords", "parsely-tags", "sailthru.tags")
            meta.tags = [tag.strip() for value in lists for tag in value.split(",")]
    meta.images.extend(every("og:image", "og:image:url", "twitter:image", "twitter:image:src"))


def _other_names(tags: dict[str, list[str]], wanted: Callable[[str], bool]) -> list[str]:
    """The meta names of ``tags`` (of a name's length) ``wanted`` takes, in the order met."""
    return [key for key in tags if len(key) <= _MAX_NAME and wanted(key)]


def _published_name(key: str) -> bool:
    """Whether a meta name names the publication date, as "sailthru.publishedtime" does.

    "publish" and a date or a time ("article:first_published_at"), not of an update or an
    expiry.
    """
    return (
        "publish" in key
        and key.endswith(("time", "date", ".at"))
        and not any(word in key for word in ("modif", "updat", "expir", "revis"))
    )


def _author_name(key: str) -> bool:
    """Whether a meta name names an author, as "articleAuthor" and "dcterms.author" do.

    Not a Twitter handle, nor the maker of an app a banner offers.
    """
    return key.endswith("author") and not any(
        word in key for word in ("twitter", "smartbanner", "itunes", "app.")
    )


_MAX_NAME: Final = 64  # characters of a meta name: longer, it is no name
