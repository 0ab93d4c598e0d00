"""Prezly newsroom stories: the flat export, the API story, and the bare content document.

Prezly (a newsroom platform used by press offices and news agencies) hands out stories as JSON
in three shapes, all read here:

- the flat export: ``body`` is rendered HTML, ``header`` the header image URLs, ``links`` a
  list of related stories;
- the API v2 story: ``content`` is HTML (``format_version`` 1) or a JSON string holding a
  content document (3 and later); images are uploaded-file descriptions;
- the content document on its own: ``{"type": "document", "children": [...]}``.

Text nodes become blocks; images, galleries, embeds, bookmarks and attachments become images and
links; contacts, attachments, buttons, callouts and coverage are kept in ``metadata.extra``.
Every story field that has no typed home is kept in ``metadata.extra`` too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Final
from urllib.parse import quote, urlsplit, urlunsplit

import attrs

from newsdoc.analysis.credits import caption_and_credit, is_related_label, split_credit
from newsdoc.analysis.dates import parse_iso_datetime
from newsdoc.analysis.language import normalize_language
from newsdoc.analysis.text import clean_text, replace_surrogates
from newsdoc.codes import (
    PREZLY_BAD_CONTENT,
    PREZLY_BAD_DATE,
    PREZLY_BAD_FIELD,
    PREZLY_BAD_LANGUAGE,
    PREZLY_NO_TITLE,
    PREZLY_UNKNOWN_NODE,
    PREZLY_UNMAPPED_NODE,
    WarningCode,
)
from newsdoc.errors import ParseError
from newsdoc.html.fragment import parse_fragment
from newsdoc.model import Author, Block, BlockKind, Document, Image, Link, Metadata, ParseWarning
from newsdoc.parsers._json import JSON_START, depth_exceeds, load_json, too_deep
from newsdoc.registry import Format, ParseContext

__all__ = ["FORMAT"]

NAME: Final = "prezly"

# Keys that only Prezly stories carry together; a story is recognised by a title plus these.
_STORY_KEYS: Final = frozenset(
    {
        b"format_version", b"culture", b"short_url", b"newsroom", b"tag_names", b"header_image",
        b"thumbnail_image", b"social_image", b"lifecycle_status", b"is_pinned", b"published_at",
        b"modified_at", b"updated_at",
    }
)  # fmt: skip
_TIMESTAMPS: Final = frozenset({b"published_at", b"modified_at", b"updated_at"})
# A Prezly coverage entry (press clippings about a story) shares newsroom and timestamps with
# a story, but is named by these.
_COVERAGE_KEYS: Final = frozenset(
    {b"author_contact", b"organisation_contact", b"attachment_oembed"}
)
# Every key of the head in one pass: one pattern, then set operations. (A pattern that
# alternates between the wanted keys retries them at every quotation mark, and a substring
# search per key reads the head a dozen times; both cost more than parsing the story.)
_KEY: Final = re.compile(rb'"([a-z_]{2,24})"\s*:')
_DOCUMENT_TYPE: Final = re.compile(rb'"type"\s*:\s*"document"')


def sniff(head: bytes, name: str | None) -> float:
    """How sure we are that ``head`` starts a Prezly story or content document."""
    start = head.lstrip()[:1]
    if start not in JSON_START:
        return 0.0
    keys = set(_KEY.findall(head))
    if b"children" in keys and _DOCUMENT_TYPE.search(head):
        return 0.9
    markers = keys & _STORY_KEYS
    # The timestamps alone are common to many JSON formats; they count only beside the others.
    strong = len(markers - _TIMESTAMPS)
    if not strong or not keys.isdisjoint(_COVERAGE_KEYS):
        return 0.0
    if b"format_version" in markers and strong >= 2:
        return 0.95  # even without a title: a broken story is still Prezly's, with a warning
    if b"title" not in keys:
        return 0.0
    if b"format_version" in markers and len(markers) >= 2:
        return 0.95
    if strong >= 2:
        return 0.8
    return 0.5 if len(markers) >= 2 else 0.2


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield every story in ``data``: one story, a list of them, or ``{"stories": [...]}``."""
    value, decoding_warnings = load_json(data, context, NAME)
    stories = _stories(value, context)
    for story in stories:
        yield _StoryReader(story, context, decoding_warnings).read()


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("json",),
    description="Prezly newsroom story JSON (flat export, API story, content document)",
)


def _stories(value: object, context: ParseContext) -> list[Mapping[str, object]]:
    if isinstance(value, dict):
        listed = value.get("stories")
        if isinstance(listed, list) and "title" not in value:
            value = listed
        else:
            story = value.get("story")
            return [story if isinstance(story, dict) and "title" not in value else value]
    if isinstance(value, list):
        stories: list[Mapping[str, object]] = [item for item in value if isinstance(item, dict)]
        if len(stories) == len(value):  # an empty list is a source with no story
            return stories
    msg = f"{context.label}: prezly: expected a story object or a list of stories"
    raise ParseError(msg, source=context.source)


# Fields this module maps to typed places; everything else in a story goes to metadata.extra.
_MAPPED: Final = frozenset(
    {
        "title", "subtitle", "summary", "published_at", "modified_at", "updated_at", "url",
        "culture", "language", "author", "body", "content", "header", "links", "tag_names",
        "header_image", "thumbnail_image", "social_image",
    }
)  # fmt: skip

# Where Prezly's uploaded files are served from: the file's uuid, then its name.
_CDN: Final = "https://cdn.uc.assets.prezly.com/"
_CDN_FILE: Final = re.compile(r"https?://cdn\.uc\.assets\.prezly\.com/([0-9A-Fa-f-]{8,64})/")

_TEXT_BLOCKS: Final[dict[str, BlockKind]] = {
    "paragraph": "paragraph",
    "heading-one": "heading",
    "heading-two": "heading",
    "block-quote": "blockquote",
    "list-item": "list_item",
}
_CONTAINERS: Final = frozenset({"document", "bulleted-list", "numbered-list", "list-item-text"})
_SILENT: Final = frozenset({"divider", "placeholder"})  # layout, or template holes: no content


@attrs.define
class _Body:
    """What a story body holds, gathered as it is read (HTML or content document)."""

    blocks: list[Block] = attrs.Factory(list)
    links: list[Link] = attrs.Factory(list)
    images: list[Image] = attrs.Factory(list)
    # Per image: how many blocks came before it, to give a credit line to the right image.
    image_blocks: list[int] = attrs.Factory(list)
    credits: list[str] = attrs.Factory(list)  # credit lines that follow no image
    # Everything that is not text and has no typed home: metadata.extra["content"].
    related: list[dict[str, object]] = attrs.Factory(list)
    contacts: list[dict[str, object]] = attrs.Factory(list)
    attachments: list[dict[str, object]] = attrs.Factory(list)
    buttons: list[dict[str, object]] = attrs.Factory(list)
    callouts: list[str] = attrs.Factory(list)
    coverage: list[object] = attrs.Factory(list)
    variables: list[str] = attrs.Factory(list)

    def add_image(self, image: Image) -> None:
        self.images.append(image)
        self.image_blocks.append(len(self.blocks))

    def extra(self) -> dict[str, object]:
        """The non-text content, under the names the docs give, leaving out what is empty."""
        found = {
            "related": self.related,
            "contacts": self.contacts,
            "attachments": self.attachments,
            "buttons": self.buttons,
            "callouts": self.callouts,
            "coverage": self.coverage,
            "variables": list(dict.fromkeys(self.variables)),
        }
        return {key: value for key, value in found.items() if value}


class _StoryReader:
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
        self.warnings.append(code(message))

    def read(self) -> Document:
        story = self.story
        body = _Body()
        if story.get("type") == "document" and "children" in story:
            self._content_document(story, body)
            images = _place_credits(body, [])
            return Document(
                format=NAME,
                source=self.context.source,
                blocks=body.blocks,
                links=_dedupe_related(body.links),
                metadata=Metadata(images=images, extra=_content_extra(body)),
                warnings=self.warnings,
            )
        url = self.url()
        self._body(url, body)
        title = self._text("title")
        if title is None:
            self.warn(PREZLY_NO_TITLE, "the story has no title")
        subtitle = self._text("subtitle")
        headers = self._header_images()
        images = _place_credits(body, headers)
        blocks = _without_repeated_headings(body.blocks, (title, subtitle))
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
            links=_dedupe_related(body.links),
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
            url = _uploaded_file_url(self.story.get(key))
            if url is not None:
                urls.append(url)
        return [Image(url=url) for url in dict.fromkeys(url.strip() for url in urls) if url]

    def _related_links(self, body: _Body) -> None:
        links = self.story.get("links")
        if not isinstance(links, list):
            return
        for item in links:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                text = item.get("title") or item.get("description")
                label = clean_text(text) if isinstance(text, str) else None
                body.links.append(Link(url=item["url"].strip(), text=label or None, kind="related"))

    def _extra(self, body: _Body) -> dict[str, object]:
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
        extra.update(_content_extra(body))
        return extra

    # -- the body -----------------------------------------------------------------------------

    def _body(self, url: str | None, body: _Body) -> None:
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
                document = json.loads(stripped)
            except RecursionError:
                raise too_deep(self.context) from None
            except ValueError:
                self.warn(PREZLY_BAD_CONTENT, "'content' is not valid JSON; the story has no body")
                return
            if depth_exceeds(document, self.context.limits.max_depth, stripped):
                raise too_deep(self.context)
            content = document
        if isinstance(content, dict):
            self._content_document(content, body)
        elif markup is not None or content is not None:
            self.warn(PREZLY_BAD_FIELD, "the story body is neither HTML nor a content document")

    def add_html(self, markup: str, url: str | None, body: _Body) -> None:
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

    def _content_document(self, document: Mapping[str, object], body: _Body) -> None:
        _ContentWalker(self, body).walk(document)


class _ContentWalker:
    """Walks a Prezly content document with an explicit stack, filling a :class:`_Body`."""

    def __init__(self, reader: _StoryReader, body: _Body) -> None:
        self.reader = reader
        self.body = body
        self.unmapped: dict[str, None] = {}
        self.unknown: dict[str, None] = {}

    def walk(self, document: Mapping[str, object]) -> None:
        body = self.body
        stack: list[tuple[object, int]] = [(document, 0)]
        limit = self.reader.context.limits.max_depth
        while stack:
            node, depth = stack.pop()
            if not isinstance(node, dict) or depth > limit:
                continue
            kind = node.get("type")
            children = node.get("children")
            children = children if isinstance(children, list) else []
            if kind in _TEXT_BLOCKS:
                # A list item's nested lists become items of their own, after this one.
                inline = [child for child in children if not _is_list(child)]
                text = clean_text(self._inline_text(inline))
                if text:
                    body.blocks.append(Block(kind=_TEXT_BLOCKS[str(kind)], text=text))
                nested = [child for child in children if _is_list(child)]
                stack.extend((child, depth + 1) for child in reversed(nested))
            elif kind in _CONTAINERS:
                stack.extend((child, depth + 1) for child in reversed(children))
            elif isinstance(kind, str) and kind in _HANDLERS:
                _HANDLERS[kind](self, node)
            elif kind not in _SILENT:
                self.unknown[str(kind)] = None
        if self.unmapped:
            self.reader.warn(
                PREZLY_UNMAPPED_NODE,
                "content nodes with nothing this version can read were left out: "
                + ", ".join(self.unmapped),
            )
        if self.unknown:
            self.reader.warn(
                PREZLY_UNKNOWN_NODE, "content nodes of unknown type: " + ", ".join(self.unknown)
            )

    def _inline_text(self, nodes: list[object]) -> str:
        """The text of inline nodes (text leaves, links, variables), in order."""
        parts: list[str] = []
        # Strings on the stack are separators to emit once the nodes above them are done.
        stack: list[object] = list(reversed(nodes))
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                parts.append(node)
                continue
            if not isinstance(node, dict):
                continue
            text = node.get("text")
            if isinstance(text, str):
                parts.append(text)
                continue
            kind = node.get("type")
            if kind == "variable":
                # A placeholder Prezly fills in when it renders ("publication.date").
                key = node.get("key")
                if isinstance(key, str):
                    self.body.variables.append(key)
                continue
            children = node.get("children")
            if not isinstance(children, list):
                continue
            if kind == "link" and isinstance(node.get("href"), str):
                label = clean_text(_leaf_text(children))
                href = str(node["href"]).strip()
                self.body.links.append(Link(url=href, text=label or None, kind="inline"))
            elif kind in ("list-item-text", "paragraph"):
                stack.append(" ")
            stack.extend(reversed(children))
        return "".join(parts)

    # -- nodes that are not text --------------------------------------------------------------

    def image(self, node: Mapping[str, object]) -> None:
        url = _uploaded_file_url(node.get("file"))
        children = node.get("children")
        caption = clean_text(_leaf_text(children)) if isinstance(children, list) else ""
        self._add_image(url, caption, "image-block")
        href = node.get("href")
        if isinstance(href, str) and href.strip():
            self.body.links.append(Link(url=href.strip(), text=caption or None, kind="inline"))

    def gallery(self, node: Mapping[str, object]) -> None:
        images = node.get("images")
        if not isinstance(images, list) or not images:
            self.unmapped["gallery"] = None
            return
        for item in images:
            if isinstance(item, dict):
                caption = item.get("caption")
                text = clean_text(caption) if isinstance(caption, str) else ""
                self._add_image(_uploaded_file_url(item.get("file")), text, "gallery")

    def _add_image(self, url: str | None, caption: str, kind: str) -> None:
        if url is None:
            self.unmapped[kind] = None
            return
        text: str | None = caption or None
        credit = split_credit(caption) if caption else None
        if credit is not None:
            text = None  # the caption is only a credit
        elif caption:
            text, credit = caption_and_credit(caption)
        self.body.add_image(Image(url=url, caption=text, credit=credit))

    def embed(self, node: Mapping[str, object]) -> None:
        oembed = node.get("oembed")
        oembed = oembed if isinstance(oembed, dict) else {}
        url = oembed.get("url") or node.get("url")
        if not isinstance(url, str) or not url.strip():
            self.unmapped[str(node.get("type"))] = None
            return
        title = oembed.get("title")
        text = clean_text(title) if isinstance(title, str) else ""
        self.body.links.append(Link(url=url.strip(), text=text or None, kind="embed"))

    def bookmark(self, node: Mapping[str, object]) -> None:
        oembed = node.get("oembed")
        oembed = oembed if isinstance(oembed, dict) else {}
        url = node.get("url") or oembed.get("url")
        if not isinstance(url, str) or not url.strip():
            self.unmapped["bookmark"] = None
            return
        title, description = oembed.get("title"), oembed.get("description")
        title = clean_text(title) if isinstance(title, str) else None
        description = clean_text(description) if isinstance(description, str) else None
        self._drop_related_label()
        self.body.links.append(Link(url=url.strip(), text=title or None, kind="related"))
        self.body.related.append(
            {"url": url.strip(), "title": title or None, "description": description or None}
        )

    def _drop_related_label(self) -> None:
        """A "Related news" paragraph just before a bookmark labels it; it is not the story's."""
        blocks = self.body.blocks
        if blocks and blocks[-1].kind != "list_item" and is_related_label(blocks[-1].text):
            blocks.pop()

    def story_bookmark(self, node: Mapping[str, object]) -> None:
        # The node names the story by uuid; an export may add its title and address.
        story = node.get("story")
        if not isinstance(story, dict):
            self.unmapped["story-bookmark"] = None
            return
        title = story.get("title")
        title = clean_text(title) if isinstance(title, str) else None
        url = story.get("url")
        links = story.get("links")
        if not isinstance(url, str) and isinstance(links, dict):
            url = links.get("newsroom_view") or links.get("short")
        url = url.strip() if isinstance(url, str) and url.strip() else None
        self._drop_related_label()
        if url is not None or title:
            self.body.links.append(Link(url=url, text=title or None, kind="related"))
        self.body.related.append({"story_uuid": story.get("uuid"), "url": url, "title": title})

    def attachment(self, node: Mapping[str, object]) -> None:
        file = node.get("file")
        url = _uploaded_file_url(file)
        if url is None or not isinstance(file, dict):
            self.unmapped["attachment"] = None
            return
        description = node.get("description")
        description = clean_text(description) if isinstance(description, str) else ""
        filename = file.get("filename")
        label = description or (filename if isinstance(filename, str) else None)
        self.body.links.append(Link(url=url, text=label or None, kind="related"))
        self.body.attachments.append(
            {
                "url": url,
                "filename": filename,
                "description": description or None,
                "mime_type": file.get("mime_type"),
                "size": file.get("size"),
            }
        )

    def contact(self, node: Mapping[str, object]) -> None:
        contact = node.get("contact")
        if not isinstance(contact, dict):
            self.unmapped["contact"] = None
            return
        record: dict[str, object] = {
            "name": _optional_text(contact.get("name")),
            "email": _optional_text(contact.get("email")),
            "phone": _optional_text(contact.get("phone")),
            "organisation": _optional_text(contact.get("company")),
        }
        # Everything else the contact carries (mobile, website, description, uuid...).
        record.update(
            (key, value)
            for key, value in contact.items()
            if key not in ("name", "email", "phone", "company")
        )
        self.body.contacts.append(record)

    def coverage(self, node: Mapping[str, object]) -> None:
        coverage = node.get("coverage")
        self.body.coverage.append(coverage if coverage is not None else node.get("uuid"))

    def button(self, node: Mapping[str, object]) -> None:
        self.body.buttons.append(
            {"label": _optional_text(node.get("label")), "href": _optional_text(node.get("href"))}
        )

    def callout(self, node: Mapping[str, object]) -> None:
        children = node.get("children")
        text = clean_text(self._inline_text(children)) if isinstance(children, list) else ""
        if text:
            self.body.callouts.append(text)

    def table(self, node: Mapping[str, object]) -> None:
        # One paragraph per row, its cells joined with " | ", as for HTML tables.
        for row in _children(node):
            if isinstance(row, dict) and row.get("type") == "table-row":
                cells = [clean_text(self._inline_text(_children(cell))) for cell in _children(row)]
                text = " | ".join(cell for cell in cells if cell)
                if text:
                    self.body.blocks.append(Block(kind="paragraph", text=text))

    def html(self, node: Mapping[str, object]) -> None:
        content = node.get("content")
        if not isinstance(content, str):
            self.unmapped["html"] = None
            return
        self.reader.add_html(content, self.reader.url(), self.body)


_HANDLERS: Final = {
    "image-block": _ContentWalker.image,
    "image": _ContentWalker.image,
    "gallery": _ContentWalker.gallery,
    "embed": _ContentWalker.embed,
    "video": _ContentWalker.embed,
    "bookmark": _ContentWalker.bookmark,
    "story-bookmark": _ContentWalker.story_bookmark,
    "story-embed": _ContentWalker.story_bookmark,
    "attachment": _ContentWalker.attachment,
    "contact": _ContentWalker.contact,
    "coverage": _ContentWalker.coverage,
    "button-block": _ContentWalker.button,
    "callout": _ContentWalker.callout,
    "table": _ContentWalker.table,
    "html": _ContentWalker.html,
}


def _content_extra(body: _Body) -> dict[str, object]:
    content = body.extra()
    return {"content": content} if content else {}


def _place_credits(body: _Body, headers: list[Image]) -> list[Image]:
    """Credit lines in the body become image credits; the header image takes the rest.

    A paragraph such as "© BELGA PHOTO X" credits the last image before it that has no credit;
    with no such image, the story's header image. It never stays body text.
    """
    images = list(body.images)
    kept: list[Block] = []
    for index, block in enumerate(body.blocks):
        credit = split_credit(block.text) if block.kind != "heading" else None
        if credit is None:
            kept.append(block)
            continue
        for position in range(len(images) - 1, -1, -1):
            if body.image_blocks[position] <= index and images[position].credit is None:
                images[position] = attrs.evolve(images[position], credit=credit)
                break
        else:
            body.credits.append(credit)
    body.blocks = kept
    for credit in body.credits:
        for position, image in enumerate(headers):
            if image.credit is None:
                headers[position] = attrs.evolve(image, credit=credit)
                break
    return _dedupe_images([*headers, *images])


def _dedupe_images(images: list[Image]) -> list[Image]:
    """One image per file: the header image is often the body's first image again.

    Prezly CDN addresses name the file by its uuid, whatever resizing follows; the first
    occurrence keeps its place and takes the caption and credit the others have.
    """
    kept: dict[str, Image] = {}
    for image in images:
        match = _CDN_FILE.match(image.url)
        key = match.group(1).lower() if match else image.url
        first = kept.get(key)
        if first is None:
            kept[key] = image
        else:
            kept[key] = attrs.evolve(
                first, caption=first.caption or image.caption, credit=first.credit or image.credit
            )
    return list(kept.values())


def _without_repeated_headings(blocks: list[Block], titles: tuple[str | None, ...]) -> list[Block]:
    """The blocks without headings that repeat the title or subtitle, or only label links."""
    known = {_comparable(title) for title in titles if title}
    return [
        block
        for block in blocks
        if block.kind != "heading"
        or (_comparable(block.text) not in known and not is_related_label(block.text))
    ]


def _comparable(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", "", text.casefold()).split())


def _dedupe_related(links: list[Link]) -> list[Link]:
    """Links without repeated related ones (same normalised URL); the first keeps any text."""
    seen: dict[str, int] = {}
    kept: list[Link] = []
    for link in links:
        if link.kind != "related" or link.url is None:
            kept.append(link)
            continue
        key = _normalised_url(link.url)
        if key not in seen:
            seen[key] = len(kept)
            kept.append(link)
        elif kept[seen[key]].text is None and link.text:
            kept[seen[key]] = attrs.evolve(kept[seen[key]], text=link.text)
    return kept


def _normalised_url(url: str) -> str:
    """``url`` compared loosely: scheme and host in lower case, no fragment, no trailing "/"."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not pair.startswith("utm_")
    )
    path = parts.path.rstrip("/")
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, parts.netloc.lower().removeprefix("www."), path, query, ""))


_NAME_KEYS: Final = frozenset({"display_name", "name", "first_name", "last_name"})


def _is_list(node: object) -> bool:
    return isinstance(node, dict) and node.get("type") in ("bulleted-list", "numbered-list")


def _children(node: object) -> list[object]:
    children = node.get("children") if isinstance(node, dict) else None
    return children if isinstance(children, list) else []


def _leaf_text(nodes: list[object]) -> str:
    """The text leaves under ``nodes``, in order."""
    parts: list[str] = []
    stack: list[object] = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            text = node.get("text")
            if isinstance(text, str):
                parts.append(text)
            elif isinstance(node.get("children"), list):
                stack.extend(reversed(node["children"]))
    return "".join(parts)


def _optional_text(value: object) -> str | None:
    return (clean_text(value) or None) if isinstance(value, str) else None


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


def _uploaded_file_url(value: object) -> str | None:
    """The URL of a Prezly uploaded file: a URL, or an object or JSON string describing it.

    An uploaded-file description carries a ``cdnUrl``, or only the ``uuid`` and ``filename``
    from which Prezly's CDN address is made.
    """
    if isinstance(value, str):
        if not value.lstrip().startswith("{"):
            return value.strip() or None
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return None
    if not isinstance(value, dict):
        return None
    for key in ("cdnUrl", "cdn_url", "url"):
        url = value.get(key)
        if isinstance(url, str) and url.strip():
            return url.strip()
    uuid, filename = value.get("uuid"), value.get("filename")
    if isinstance(uuid, str) and re.fullmatch(r"[0-9A-Fa-f-]{8,64}", uuid):
        # (A lone surrogate, which JSON can write, cannot be encoded for the URL: U+FFFD.)
        name = quote(replace_surrogates(filename)) if isinstance(filename, str) else ""
        return f"{_CDN}{uuid}/{name}"
    return None
