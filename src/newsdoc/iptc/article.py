"""What an IPTC document says, gathered from its parts before it becomes a Document."""

from __future__ import annotations

from datetime import datetime

import attrs

from newsdoc.analysis.text import clean_text, comparable
from newsdoc.analysis.urls import page_url
from newsdoc.model import Author, Block, Document, Image, Link, Metadata, ParseWarning
from newsdoc.registry import ParseContext

__all__ = ["Article"]


@attrs.define
class Article:
    """An article as read so far; a reader fills what its source states, first come first kept.

    The setters keep the first value given (a source's more specific field is read first),
    and ignore empty ones, so that readers can offer every candidate in order of preference.
    """

    title: str | None = None
    subtitle: str | None = None
    description: str | None = None
    blocks: list[Block] = attrs.Factory(list)
    links: list[Link] = attrs.Factory(list)
    images: list[Image] = attrs.Factory(list)
    authors: list[Author] = attrs.Factory(list)
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: list[str] = attrs.Factory(list)
    extra: dict[str, object] = attrs.Factory(dict)
    warnings: list[ParseWarning] = attrs.Factory(list)

    def offer(self, name: str, value: str | None) -> None:
        """Set the text field ``name`` to ``value``, cleaned, unless it is set already."""
        cleaned = clean_text(value) if value else ""
        if cleaned and getattr(self, name) is None:
            setattr(self, name, cleaned)

    def offer_date(self, name: str, value: datetime | None) -> None:
        """Set ``published`` or ``modified`` unless it is set already."""
        if value is not None and getattr(self, name) is None:
            setattr(self, name, value)

    def offer_url(self, value: str | None) -> None:
        """Set the document's URL to ``value`` when it is a web address and none is set."""
        if value and self.url is None:
            self.url = page_url(value)

    # The names and tags added so far, so that "once" stays linear in a file of thousands of
    # keywords; rebuilt if a reader changed the lists itself.
    _author_names: set[str] = attrs.field(factory=set, init=False, repr=False, eq=False)
    _tag_names: set[str] = attrs.field(factory=set, init=False, repr=False, eq=False)

    def add_author(self, name: str | None) -> None:
        """Credit ``name``, once."""
        cleaned = clean_text(name) if name else ""
        if not cleaned:
            return
        if len(self._author_names) != len(self.authors):
            self._author_names = {author.name for author in self.authors}
        if cleaned not in self._author_names:
            self._author_names.add(cleaned)
            self.authors.append(Author(name=cleaned))

    def add_tag(self, tag: str | None) -> None:
        """Add a tag, once."""
        cleaned = clean_text(tag) if tag else ""
        if not cleaned:
            return
        if len(self._tag_names) != len(self.tags):
            self._tag_names = set(self.tags)
        if cleaned not in self._tag_names:
            self._tag_names.add(cleaned)
            self.tags.append(cleaned)

    def keep(self, name: str, value: object) -> None:
        """Keep a source field in ``extra`` (not an empty one; the first value kept)."""
        if value not in (None, "", [], {}) and name not in self.extra:
            self.extra[name] = value

    def document(self, format_name: str, context: ParseContext) -> Document:
        """The Document of the article, in the format called ``format_name``."""
        blocks = self.blocks
        if blocks and self.title and comparable(blocks[0].text) == comparable(self.title):
            blocks = blocks[1:]  # the headline repeated as the body's first line
        subtitle = self.subtitle if self.subtitle != self.title else None
        description = self.description
        if description and subtitle and comparable(description) == comparable(subtitle):
            description = None
        return Document(
            format=format_name,
            source=context.source,
            title=self.title,
            subtitle=subtitle,
            blocks=blocks,
            metadata=Metadata(
                published=self.published,
                modified=self.modified,
                authors=self.authors,
                language=self.language,
                url=self.url,
                site_name=self.site_name,
                section=self.section,
                tags=self.tags,
                description=description,
                images=self.images,
                extra=self.extra,
            ),
            links=self.links,
            warnings=self.warnings,
        )
