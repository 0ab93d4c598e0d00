"""What a feed and its items say, whatever the dialect, and an item to its Document.

The readers (:mod:`.syndication` for RSS, RDF and Atom, :mod:`.jsonfeed` for JSON Feed) fill
a :class:`Channel` and one :class:`Entry` per item; :func:`entry_document` makes the Document.
The item's content and summary are HTML (plain text is escaped first) and go through the
shared fragment machinery, as a Prezly body does: the richer of the two (the longer text) is
the body, the other, when it says something else, the description.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Final

import attrs

from newsdoc.analysis.rfc822 import parse_feed_date
from newsdoc.analysis.text import clean_text, comparable
from newsdoc.analysis.urls import dedupe_related, resolve_url
from newsdoc.codes import FEED_BAD_DATE, FEED_NO_TITLE
from newsdoc.html.fragment import Fragment, parse_fragment
from newsdoc.model import Author, Block, Document, Image, Metadata, ParseWarning
from newsdoc.parsers.feed.markup import NAME
from newsdoc.registry import ParseContext

__all__ = ["Channel", "Entry", "as_markup", "entry_document", "plain_title", "read_date"]

_TAG: Final = re.compile(r"</?[A-Za-z][^<>]{0,500}>")
# The inline tags an RSS title (plain text by the specification) is found written with.
_INLINE_TAG: Final = re.compile(
    r"</?(?:a|abbr|b|br|cite|code|del|em|font|i|ins|mark|q|s|small|span|strong|sub|sup|u)"
    r"(?=[\s/>])[^<>]{0,500}>",
    re.IGNORECASE,
)
_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t]*\n")
_EMPTY: Final = Fragment(blocks=(), links=(), images=())


@attrs.define
class Channel:
    """What the feed says of itself; ``extra["feed"]`` of every item.

    Attributes:
        version: The dialect: ``"rss2.0"``, ``"rss1.0"``, ``"atom1.0"``, ``"json1.1"``...
        title: The feed's title, the items' ``site_name``.
        language: The feed's language, the items' default.
        authors: The feed's authors, the items' default where the dialect says so (Atom,
            JSON Feed 1.1).
        fields: The feed's other fields (link, description, generator...), for ``extra``.
    """

    version: str
    title: str | None = None
    language: str | None = None
    authors: list[Author] = attrs.Factory(list)
    fields: dict[str, object] = attrs.Factory(dict)

    def extra(self) -> dict[str, object]:
        """The feed's fields for ``metadata.extra["feed"]``, leaving out what is empty."""
        found: dict[str, object] = {"version": self.version, "title": self.title, **self.fields}
        found["authors"] = [author.name for author in self.authors]
        return {key: value for key, value in found.items() if value not in (None, "", [], {})}


@attrs.define
class Entry:
    """One item as read, before it is a Document."""

    title: str | None = None
    url: str | None = None
    content: str | None = None  # HTML
    summary: str | None = None  # HTML
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    authors: list[Author] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    images: list[Image] = attrs.Factory(list)
    extra: dict[str, object] = attrs.Factory(dict)
    warnings: list[ParseWarning] = attrs.Factory(list)

    def add_author(self, name: str | None, url: str | None = None) -> None:
        """Add an author by name, once."""
        name = clean_text(name) if name else ""
        if name and all(author.name != name for author in self.authors):
            self.authors.append(Author(name=name, url=url.strip() if url else None))

    def add_tag(self, tag: str | None) -> None:
        """Add a tag, once."""
        tag = clean_text(tag) if tag else ""
        if tag and tag not in self.tags:
            self.tags.append(tag)

    def add_image(
        self, url: str | None, caption: str | None = None, credit: str | None = None
    ) -> None:
        """Add an image by URL, once; a caption or credit fills in an earlier one's."""
        url = url.strip() if url else ""
        if not url:
            return
        caption = clean_text(caption) if caption else None
        credit = clean_text(credit) if credit else None
        for index, image in enumerate(self.images):
            if image.url == url:
                self.images[index] = Image(
                    url=url, caption=image.caption or caption, credit=image.credit or credit
                )
                return
        self.images.append(Image(url=url, caption=caption or None, credit=credit or None))


def read_date(entry: Entry, raw: str | None, what: str) -> datetime | None:
    """``raw`` as a date, or ``None`` with a ``feed.bad-date`` warning when it is none."""
    if raw is None or not raw.strip():
        return None
    parsed = parse_feed_date(raw)
    if parsed is None:
        entry.warnings.append(FEED_BAD_DATE(f"{what} is not a date: {raw.strip()[:64]!r}"))
    return parsed


def plain_title(raw: str | None, *, markup: bool) -> str | None:
    """A title as text: HTML-escaped entities unescaped, tags dropped.

    A title that is markup (Atom's ``type="html"``) loses every tag; a plain-text title (RSS)
    only HTML's inline tags (``<b>``, ``<em>``), so that "x <y and z> w" stays as written.
    """
    if raw is None:
        return None
    text = (_TAG if markup else _INLINE_TAG).sub("", raw)
    if "&" in text:
        text = html.unescape(text)
    return clean_text(text) or None


def as_markup(text: str | None, kind: str) -> str | None:
    """Content of ``kind`` ``"html"`` or ``"text"`` as HTML: plain text is escaped."""
    if text is None or not text.strip():
        return None
    if kind == "html":
        return text
    paragraphs = (html.escape(part.strip()) for part in _PARAGRAPH_BREAK.split(text))
    return "".join(f"<p>{part}</p>" for part in paragraphs if part)


def entry_document(entry: Entry, channel: Channel, context: ParseContext) -> Document:
    """The item as a Document of the ``feed`` format."""
    warnings = list(entry.warnings)
    link = channel.fields.get("link")
    if entry.url and isinstance(link, str):
        entry.url = resolve_url(entry.url, link.strip())  # a link relative to the feed's site
    limit = context.limits.max_depth
    content = _fragment(entry.content, entry.url, limit)
    summary = _fragment(entry.summary, entry.url, limit)
    body, other = (content, summary) if _length(content) >= _length(summary) else (summary, content)
    warnings.extend(body.warnings)
    description = _text(other.blocks)
    if description and comparable(description) == comparable(_text(body.blocks) or ""):
        description = None
    title = entry.title
    if title is None:
        warnings.append(FEED_NO_TITLE("the item has no title"))
    images = list(entry.images)
    known = {image.url for image in images}
    images.extend(image for image in body.images if image.url not in known)
    extra: dict[str, object] = {"feed": channel.extra(), **entry.extra}
    cards = [{"url": card.url, "title": card.title} for card in body.cards]
    if cards:
        extra["cards"] = cards
    metadata = Metadata(
        published=entry.published,
        modified=entry.modified,
        authors=entry.authors or channel.authors,
        language=entry.language or channel.language,
        url=entry.url,
        site_name=channel.title,
        tags=entry.tags,
        description=description,
        images=images,
        extra=extra,
    )
    return Document(
        format=NAME,
        source=context.source,
        title=title,
        blocks=body.blocks,
        metadata=metadata,
        links=dedupe_related(list(body.links)),
        warnings=warnings,
    )


def _fragment(markup: str | None, url: str | None, max_depth: int) -> Fragment:
    if not markup:
        return _EMPTY
    return parse_fragment(markup, base_url=url, max_depth=max_depth)


def _length(fragment: Fragment) -> int:
    return sum(len(block.text) for block in fragment.blocks)


def _text(blocks: tuple[Block, ...]) -> str | None:
    return "\n\n".join(block.text for block in blocks) or None
