"""A Prezly story's fields to a Document: title, dates, authors, language, tags and the rest."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Final

from newsdoc.analysis.dates import parse_iso_datetime
from newsdoc.analysis.language import normalize_language
from newsdoc.analysis.text import clean_text
from newsdoc.analysis.urls import dedupe_related
from newsdoc.codes import (
    PREZLY_BAD_CONTENT,
    PREZLY_BAD_DATE,
    PREZLY_BAD_FIELD,
    PREZLY_BAD_LANGUAGE,
    PREZLY_NO_TITLE,
    WarningCode,
)
from newsdoc.errors import ParseError
from newsdoc.html.fragment import parse_fragment
from newsdoc.model import Author, Document, Image, Link, Metadata, ParseWarning
from newsdoc.parsers._json import parse_json
from newsdoc.parsers.prezly.body import Body, content_extra, without_repeated_headings
from newsdoc.parsers.prezly.images import place_credits, uploaded_file_url
from newsdoc.parsers.prezly.walker import ContentWalker
from newsdoc.registry import ParseContext

__all__ = ["NAME", "StoryReader"]

NAME: Final = "prezly"

# Fields this module maps to typed places; everything else in a story goes to metadata.extra.
_MAPPED: Final = frozenset(
    {
        "title", "subtitle", "summary", "published_at", "modified_at", "updated_at", "url",
        "culture", "language", "author", "body", "content", "header", "links", "tag_names",
        "header_image", "thumbnail_image", "social_image",
    }
)  # fmt: skip


class StoryReader:
    """Reads one story object into a Document, collecting warnings on the way."""

    def __init__(
        self,
        story: Mapping[str, object],
        context: ParseContext,
        warnings: tuple[ParseWarning, ...],
    ) -> None:
        self.story = story
        self.context = context
        self.warnings: list[ParseWarning] = list(warnings)

    def warn(self, code: WarningCode, message: str) -> None:
        """Record a warning of ``code`` on the story."""
        self.warnings.append(code(message))

    def read(self) -> Document:
        """The story as a Document."""
        story = self.story
        body = Body()
        if story.get("type") == "document" and "children" in story:
            self._content_document(story, body)
            images = place_credits(body, [])
            return Document(
                format=NAME,
                source=self.context.source,
                blocks=body.blocks,
                links=dedupe_related(body.links),
                metadata=Metadata(images=images, extra=content_extra(body)),
                warnings=self.warnings,
            )
        url = self.url()
        self._body(url, body)
        title = self._text("title")
        if title is None:
            self.warn(PREZLY_NO_TITLE, "the story has no title")
        subtitle = self._text("subtitle")
        headers = self._header_images()
        images = place_credits(body, headers)
        blocks = without_repeated_headings(body.blocks, (title, subtitle))
        self._related_links(body)
        metadata = Metadata(
            published=self._date("published_at"),
            modified=self._date("modified_at") or self._date("updated_at"),
            authors=self._authors(),
            language=self._language(),
            url=url,
            site_name=self._site_name(),
            section=self._section(),
            tags=self._tags(),
            description=self._text("summary") or self._text("intro"),
            images=images,
            extra=self._extra(body),
        )
        return Document(
            format=NAME,
            source=self.context.source,
            title=title,
            subtitle=subtitle,
            blocks=blocks,
            metadata=metadata,
            links=dedupe_related(body.links),
            warnings=self.warnings,
        )

    # -- story fields -------------------------------------------------------------------------

    def _text(self, key: str) -> str | None:
        value = self.story.get(key)
        if isinstance(value, str):
            return clean_text(value) or None
        if value is not None:
            self.warn(PREZLY_BAD_FIELD, f"{key!r} is not a string; ignored")
        return None

    def _date(self, key: str) -> datetime | None:
        value = self.story.get(key)
        if value is None:
            return None
        parsed = parse_iso_datetime(value) if isinstance(value, str) else None
        if parsed is None:
            self.warn(PREZLY_BAD_DATE, f"{key!r} is not an ISO 8601 date: {str(value)[:64]!r}")
        return parsed

    def url(self) -> str | None:
        """The story's address: its ``url``, else the newsroom or short link."""
        url = self.story.get("url")
        if isinstance(url, str) and url.strip():
            return url.strip()
        links = self.story.get("links")
        if isinstance(links, dict):
            for key in ("newsroom_view", "short"):
                candidate = links.get(key)
                if isinstance(candidate, str) and candidate.strip():
                    return candidate.strip()
        return None

    def _language(self) -> str | None:
        # The culture ("en_BE", or {"code": "en_BE"}) is more specific than the language ("EN").
        culture = self.story.get("culture")
        if isinstance(culture, dict):
            culture = culture.get("code") or culture.get("locale")
        for raw in (culture, self.story.get("language")):
            if isinstance(raw, str) and raw.strip():
                tag = normalize_language(raw)
                if tag is not None:
                    return tag
                self.warn(PREZLY_BAD_LANGUAGE, f"{raw[:64]!r} is not a language tag")
        return None

    def _authors(self) -> tuple[Author, ...]:
        author = self.story.get("author")
        if author is None:
            return ()
        if isinstance(author, str):
            name = clean_text(author)
        elif isinstance(author, dict):
            name = _person_name(author)
        else:
            name = ""
        if not name:
            self.warn(PREZLY_BAD_FIELD, "'author' has no name; ignored")
            return ()
        return (Author(name=name),)

    def _site_name(self) -> str | None:
        newsroom = self.story.get("newsroom")
        if isinstance(newsroom, dict):
            for key in ("display_name", "name"):
                value = newsroom.get(key)
                if isinstance(value, str) and value.strip():
                    return clean_text(value)
        return None

    def _section(self) -> str | None:
        categories = self.story.get("categories")
        if isinstance(categories, list):
            for category in categories:
                name = _category_name(category)
                if name:
                    return name
        return None

    def _tags(self) -> tuple[str, ...]:
        raw = self.story.get("tag_names")
        if not isinstance(raw, list):
            raw = self.story.get("tags")
        if not isinstance(raw, list):
            return ()
        names = (tag if isinstance(tag, str) else _category_name(tag) for tag in raw)
        tags = (clean_text(name) for name in names if name)
        return tuple(dict.fromkeys(tag for tag in tags if tag))

    def _header_images(self) -> list[Image]:
        urls: list[str] = []
        header = self.story.get("header")
        if isinstance(header, dict):
            urls.extend(value for value in header.values() if isinstance(value, str))
        elif isinstance(header, str):
            urls.append(header)
        for key in ("header_image", "thumbnail_image", "social_image"):
            url = uploaded_file_url(self.story.get(key), self.context, self.warnings)
            if url is not None:
                urls.append(url)
        return [Image(url=url) for url in dict.fromkeys(url.strip() for url in urls) if url]

    def _related_links(self, body: Body) -> None:
        links = self.story.get("links")
        if not isinstance(links, list):
            return
        for item in links:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                text = item.get("title") or item.get("description")
                label = clean_text(text) if isinstance(text, str) else None
                body.links.append(Link(url=item["url"].strip(), text=label or None, kind="related"))

    def _extra(self, body: Body) -> dict[str, object]:
        """Story fields with no typed home, mapped ones that carry more, and non-text content."""
        story = self.story
        extra = {key: value for key, value in story.items() if key not in _MAPPED}
        # The API's links object holds the short link beside the URL we take.
        if isinstance(story.get("links"), dict):
            extra["links"] = story["links"]
        # An author object may carry an id, email or avatar beside the name.
        author = story.get("author")
        if isinstance(author, dict) and author.keys() - _NAME_KEYS:
            extra["author"] = author
        # The summary wins the description; an intro beside it is kept.
        if isinstance(story.get("summary"), str) and story.get("intro") is None:
            extra.pop("intro", None)
        extra.update(content_extra(body))
        return extra

    # -- the body -----------------------------------------------------------------------------

    def _body(self, url: str | None, body: Body) -> None:
        markup = self.story.get("body")
        content = self.story.get("content")
        if isinstance(markup, str):
            self.add_html(markup, url, body)
            return
        if isinstance(content, str):
            stripped = content.lstrip()
            if not stripped.startswith("{"):
                self.add_html(content, url, body)  # format_version 1: rendered HTML
                return
            try:
                content, warnings = parse_json(stripped, self.context, NAME)
            except ParseError:
                self.warn(PREZLY_BAD_CONTENT, "'content' is not valid JSON; the story has no body")
                return
            self.warnings.extend(warnings)
        if isinstance(content, dict):
            self._content_document(content, body)
        elif markup is not None or content is not None:
            self.warn(PREZLY_BAD_FIELD, "the story body is neither HTML nor a content document")

    def add_html(self, markup: str, url: str | None, body: Body) -> None:
        """Add an HTML body (or an HTML node of a content document) to ``body``."""
        fragment = parse_fragment(markup, base_url=url, max_depth=self.context.limits.max_depth)
        self.warnings.extend(fragment.warnings)
        offset = len(body.blocks)
        body.blocks.extend(fragment.blocks)
        body.links.extend(fragment.links)
        for image in fragment.images:
            body.images.append(image)
            body.image_blocks.append(offset)  # the fragment has placed its own credits
        body.credits.extend(fragment.credits)
        body.related.extend(
            {"url": card.url, "title": card.title, "description": card.description}
            for card in fragment.cards
        )

    def _content_document(self, document: Mapping[str, object], body: Body) -> None:
        ContentWalker(self, body).walk(document)


_NAME_KEYS: Final = frozenset({"display_name", "name", "first_name", "last_name"})


def _category_name(category: object) -> str | None:
    if isinstance(category, dict):
        for key in ("display_name", "name", "title"):
            value = category.get(key)
            if isinstance(value, str) and value.strip():
                return clean_text(value)
    return None


def _person_name(person: Mapping[str, object]) -> str:
    for key in ("display_name", "name"):
        value = person.get(key)
        if isinstance(value, str) and value.strip():
            return clean_text(value)
    first, last = person.get("first_name"), person.get("last_name")
    parts = [part for part in (first, last) if isinstance(part, str)]
    return clean_text(" ".join(parts))
