"""Prezly newsroom stories: the flat export, the API story, and the bare content document.

Prezly (a newsroom platform used by press offices and news agencies) hands out stories as JSON.
This first version maps the title, subtitle, dates, URL, language, author, tags, header images,
the related-links list and the body (rendered HTML, or the JSON content document's text nodes);
every field it does not map is kept in ``metadata.extra``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Final

from newsdoc.analysis.dates import parse_iso_datetime
from newsdoc.analysis.language import normalize_language
from newsdoc.analysis.text import clean_text
from newsdoc.errors import ParseError
from newsdoc.html.fragment import Fragment, parse_fragment
from newsdoc.model import Author, Block, BlockKind, Document, Image, Link, Metadata, ParseWarning
from newsdoc.parsers._json import JSON_START, depth_exceeds, load_json, too_deep
from newsdoc.registry import Format, ParseContext

__all__ = ["FORMAT"]

NAME: Final = "prezly"

# Keys that only Prezly stories carry together; a story is recognised by a title plus these.
_STORY_MARKERS: Final = re.compile(
    rb'"(format_version|culture|short_url|newsroom|tag_names|header_image|thumbnail_image|'
    rb'social_image|lifecycle_status|is_pinned|published_at|modified_at|updated_at)"\s*:'
)
_TIMESTAMPS: Final = frozenset({b"published_at", b"modified_at", b"updated_at"})
_TITLE_KEY: Final = re.compile(rb'"title"\s*:')
_DOCUMENT_TYPE: Final = re.compile(rb'"type"\s*:\s*"document"')
_CHILDREN_KEY: Final = re.compile(rb'"children"\s*:')


def sniff(head: bytes, name: str | None) -> float:
    """How sure we are that ``head`` starts a Prezly story or content document."""
    start = head.lstrip()[:1]
    if start not in JSON_START:
        return 0.0
    if _DOCUMENT_TYPE.search(head) and _CHILDREN_KEY.search(head):
        return 0.9
    markers = {match.group(1) for match in _STORY_MARKERS.finditer(head)}
    # The timestamps alone are common to many JSON formats; they count only beside the others.
    strong = len(markers - _TIMESTAMPS)
    if not strong or not _TITLE_KEY.search(head):
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

_CONTENT_BLOCKS: Final[dict[str, BlockKind]] = {
    "paragraph": "paragraph",
    "heading-one": "heading",
    "heading-two": "heading",
    "block-quote": "blockquote",
    "list-item": "list_item",
}
_CONTENT_CONTAINERS: Final = frozenset({"document", "bulleted-list", "numbered-list"})
# Node types that Prezly documents and that this version does not map yet.
_CONTENT_UNMAPPED: Final = frozenset(
    {
        "image-block", "gallery", "embed", "video", "bookmark", "story-bookmark", "attachment",
        "contact", "coverage", "table", "html", "button-block", "callout", "placeholder",
        "variable", "image",
    }
)  # fmt: skip


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

    def warn(self, code: str, message: str) -> None:
        self.warnings.append(ParseWarning(code=f"prezly.{code}", message=message))

    def read(self) -> Document:
        story = self.story
        if story.get("type") == "document" and "children" in story:
            blocks, links = self._content_document(story)
            return Document(
                format=NAME,
                source=self.context.source,
                blocks=blocks,
                links=links,
                warnings=self.warnings,
            )
        url = self._url()
        blocks, links, images = self._body(url)
        title = self._text("title")
        if title is None:
            self.warn("no-title", "the story has no title")
        metadata = Metadata(
            published=self._date("published_at"),
            modified=self._date("modified_at") or self._date("updated_at"),
            authors=self._authors(),
            language=self._language(),
            url=url,
            tags=self._tags(),
            description=self._text("summary"),
            images=(*self._header_images(), *images),
            extra=_extra(story),
        )
        return Document(
            format=NAME,
            source=self.context.source,
            title=title,
            subtitle=self._text("subtitle"),
            blocks=blocks,
            metadata=metadata,
            links=(*links, *self._related_links()),
            warnings=self.warnings,
        )

    def _text(self, key: str) -> str | None:
        value = self.story.get(key)
        if isinstance(value, str):
            return clean_text(value) or None
        if value is not None:
            self.warn("bad-field", f"{key!r} is not a string; ignored")
        return None

    def _date(self, key: str) -> datetime | None:
        value = self.story.get(key)
        if value is None:
            return None
        parsed = parse_iso_datetime(value) if isinstance(value, str) else None
        if parsed is None:
            self.warn("bad-date", f"{key!r} is not an ISO 8601 date: {str(value)[:64]!r}")
        return parsed

    def _url(self) -> str | None:
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
                self.warn("bad-language", f"{raw[:64]!r} is not a language tag")
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
            self.warn("bad-field", "'author' has no name; ignored")
            return ()
        return (Author(name=name),)

    def _tags(self) -> tuple[str, ...]:
        raw = self.story.get("tag_names")
        if not isinstance(raw, list):
            return ()
        tags = (clean_text(tag) for tag in raw if isinstance(tag, str))
        return tuple(dict.fromkeys(tag for tag in tags if tag))

    def _header_images(self) -> list[Image]:
        urls: list[str] = []
        header = self.story.get("header")
        if isinstance(header, dict):
            urls.extend(value for value in header.values() if isinstance(value, str))
        for key in ("header_image", "thumbnail_image", "social_image"):
            url = _uploaded_file_url(self.story.get(key))
            if url is not None:
                urls.append(url)
        return [Image(url=url) for url in dict.fromkeys(url.strip() for url in urls) if url]

    def _related_links(self) -> list[Link]:
        links = self.story.get("links")
        if not isinstance(links, list):
            return []
        related: list[Link] = []
        for item in links:
            if isinstance(item, dict) and isinstance(item.get("url"), str):
                description = item.get("description")
                text = clean_text(description) if isinstance(description, str) else None
                related.append(Link(url=item["url"].strip(), text=text or None, kind="related"))
        return related

    def _body(
        self, url: str | None
    ) -> tuple[tuple[Block, ...], tuple[Link, ...], tuple[Image, ...]]:
        body = self.story.get("body")
        content = self.story.get("content")
        if isinstance(body, str):
            return self._html(body, url)
        if isinstance(content, str):
            stripped = content.lstrip()
            if stripped.startswith("{"):
                try:
                    document = json.loads(stripped)
                except RecursionError:
                    raise too_deep(self.context) from None
                except ValueError:
                    self.warn("bad-content", "'content' is not valid JSON; the story has no body")
                    return (), (), ()
                if depth_exceeds(document, self.context.limits.max_depth):
                    raise too_deep(self.context)
                content = document
            else:
                return self._html(content, url)
        if isinstance(content, dict):
            blocks, links = self._content_document(content)
            return blocks, links, ()
        if body is not None or content is not None:
            self.warn("bad-field", "the story body is neither HTML nor a content document")
        return (), (), ()

    def _html(
        self, markup: str, url: str | None
    ) -> tuple[tuple[Block, ...], tuple[Link, ...], tuple[Image, ...]]:
        fragment: Fragment = parse_fragment(
            markup, base_url=url, max_depth=self.context.limits.max_depth
        )
        self.warnings.extend(fragment.warnings)
        return fragment.blocks, fragment.links, fragment.images

    def _content_document(
        self, document: Mapping[str, object]
    ) -> tuple[tuple[Block, ...], tuple[Link, ...]]:
        """Text blocks and links of a Prezly content document, walked with an explicit stack."""
        blocks: list[Block] = []
        links: list[Link] = []
        unmapped: dict[str, None] = {}
        unknown: dict[str, None] = {}
        stack: list[tuple[object, int]] = [(document, 0)]
        limit = self.context.limits.max_depth
        while stack:
            node, depth = stack.pop()
            if not isinstance(node, dict) or depth > limit:
                continue
            kind = node.get("type")
            children = node.get("children")
            children = children if isinstance(children, list) else []
            if kind in _CONTENT_BLOCKS:
                # A list item's nested lists become items of their own, after this one.
                inline = [child for child in children if not _is_list(child)]
                text = clean_text(_inline_text(inline, links))
                if text:
                    blocks.append(Block(kind=_CONTENT_BLOCKS[str(kind)], text=text))
                nested = [child for child in children if _is_list(child)]
                stack.extend((child, depth + 1) for child in reversed(nested))
            elif kind in _CONTENT_CONTAINERS or kind == "list-item-text":
                stack.extend((child, depth + 1) for child in reversed(children))
            elif kind in _CONTENT_UNMAPPED:
                unmapped[str(kind)] = None
            elif kind != "divider":
                unknown[str(kind)] = None
        if unmapped:
            self.warn(
                "unmapped-node",
                "content nodes not mapped by this version were left out: " + ", ".join(unmapped),
            )
        if unknown:
            self.warn("unknown-node", "content nodes of unknown type: " + ", ".join(unknown))
        return tuple(blocks), tuple(links)


def _extra(story: Mapping[str, object]) -> dict[str, object]:
    """The story's fields that have no typed home, and mapped ones that carry more than we map."""
    extra = {key: value for key, value in story.items() if key not in _MAPPED}
    # The API's links object holds the short link beside the URL we take.
    if isinstance(story.get("links"), dict):
        extra["links"] = story["links"]
    # An author object may carry an id, email or avatar beside the name.
    author = story.get("author")
    if isinstance(author, dict) and author.keys() - _NAME_KEYS:
        extra["author"] = author
    return extra


_NAME_KEYS: Final = frozenset({"display_name", "name", "first_name", "last_name"})


def _is_list(node: object) -> bool:
    return isinstance(node, dict) and node.get("type") in ("bulleted-list", "numbered-list")


def _inline_text(nodes: list[object], links: list[Link]) -> str:
    """The text of inline nodes (text leaves and links), in order; links are collected."""
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
        children = node.get("children")
        if not isinstance(children, list):
            continue
        if node.get("type") == "link" and isinstance(node.get("href"), str):
            label = clean_text(_leaf_text(children))
            links.append(Link(url=str(node["href"]).strip(), text=label or None, kind="inline"))
        elif node.get("type") in ("list-item-text", "paragraph"):
            stack.append(" ")
        stack.extend(reversed(children))
    return "".join(parts)


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


def _person_name(person: Mapping[str, object]) -> str:
    for key in ("display_name", "name"):
        value = person.get(key)
        if isinstance(value, str) and value.strip():
            return clean_text(value)
    first, last = person.get("first_name"), person.get("last_name")
    parts = [part for part in (first, last) if isinstance(part, str)]
    return clean_text(" ".join(parts))


def _uploaded_file_url(value: object) -> str | None:
    """The URL of a Prezly uploaded image, given as an object or a JSON string describing it."""
    if isinstance(value, str):
        if not value.lstrip().startswith("{"):
            return value.strip() or None
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):
            return None
    if isinstance(value, dict):
        for key in ("cdnUrl", "cdn_url", "url"):
            url = value.get(key)
            if isinstance(url, str) and url.strip():
                return url.strip()
    return None
