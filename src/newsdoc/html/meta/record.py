"""The metadata a page states, as it is gathered, and the one rule of which source wins."""

from __future__ import annotations

from datetime import datetime

import attrs
from lxml import etree

from newsdoc.analysis.bylines import is_publication
from newsdoc.analysis.language import normalize_language
from newsdoc.html.meta.authors import clean_authors
from newsdoc.html.meta.values import unescaped

__all__ = ["Headline", "PageMeta"]


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
    # Languages a source stated that are no BCP 47 tag ("utf-8", "von"): later sources speak.
    bad_languages: list[str] = attrs.Factory(list)

    @property
    def has_writers(self) -> bool:
        """Whether the authors found so far name someone besides the publication.

        A page may give its own name as the author ("author": {"@type": "Person", "name":
        "AppleInsider"}); the byline it prints is then still worth reading.
        """
        site = self.site_name or ""
        return any(not (site and is_publication(name, site)) for name in self.authors)

    @property
    def published_rewritten(self) -> bool:
        """Whether the publication date is the update's, to the second.

        Content systems that rewrite ``datePublished`` on each update state both dates alike;
        the page may still print when the story first appeared.
        """
        return self.published is not None and self.published == self.modified

    def take(self, field: str, value: object, *, printed: bool = False) -> None:
        """Set ``field`` to ``value`` unless it already has one: the one rule of which source wins.

        Sources are read in their order of precedence, and the first that states a field wins,
        but for three cases:

        - a date without a time zone gives way to a later source's same moment with one
          (JSON-LD "2023-03-14T10:00:00", ``article:published_time`` "…+01:00");
        - the publication date a URL names gives way to any date the page states
          (:meth:`take_url_date`), and one that is also the update's, to the second
          (:attr:`published_rewritten`), to an earlier one the page prints with its label
          (``printed``: "Published: 14 March 2024");
        - authors that name only the publication ("author": "AppleInsider") give way to a
          later source's writers (:attr:`has_writers`).

        Each source's value is cleaned before it is weighed: a language tag is normalised, and
        one that is no language lets later sources speak (``"inLanguage": "eng"`` is "en",
        ``lang="utf-8"`` nothing); authors lose what is no name (an account, an address, a
        role), so that a source that names no one leaves the field to the next.
        """
        if field == "title" and isinstance(value, str) and value:
            self.titles.append(value)
        if value in (None, "", []):
            return
        if field == "language" and isinstance(value, str):
            tag = normalize_language(value)
            if tag is None:
                self.bad_languages.append(value)
                return
            value = tag
        if field == "authors":
            if not self.has_writers:
                names = [unescaped(name) or "" for name in value]  # type: ignore[attr-defined]
                names = clean_authors(names, self.site_name)
                if names:
                    self.authors = names
            return
        if (
            field == "published"
            and printed
            and isinstance(value, datetime)
            and self.published is not None
            and self.published_rewritten
            and value.date() < self.published.date()
        ):
            self.published = value
            return
        if field == "published" and self.published_from_url:
            self.published = value  # type: ignore[assignment]
            self.published_from_url = False
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

    def take_url_date(self, value: datetime | None) -> None:
        """The date a URL names, as the publication date of last resort."""
        if self.published is None and value is not None:
            self.published = value
            self.published_from_url = True

    def forget_publication(self, site: str) -> None:
        """Drop the authors that name the publication ``site`` (it is not its own writer)."""
        self.authors = [name for name in self.authors if not is_publication(name, site)]
