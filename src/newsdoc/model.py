"""The records a parse produces: :class:`Document` and the parts it is made of.

Every record is an attrs class, frozen and slotted, with keyword-only fields. Sequences are
tuples (lists passed in are converted), ``None`` means "not known", and ``Metadata.extra`` is a
read-only mapping. Records know nothing of parsing; they are the contract users code against.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Final, Literal, TypeAlias, get_args

import attrs

from newsdoc._frozen import EMPTY, freeze_mapping

__all__ = [
    "BLOCK_KINDS",
    "LINK_KINDS",
    "Author",
    "Block",
    "BlockKind",
    "Document",
    "Failure",
    "Image",
    "Link",
    "LinkKind",
    "Metadata",
    "ParseWarning",
    "Quote",
]

BlockKind: TypeAlias = Literal["paragraph", "heading", "list_item", "blockquote", "preformatted"]
LinkKind: TypeAlias = Literal["inline", "related", "embed", "navigation"]

BLOCK_KINDS: Final[frozenset[str]] = frozenset(get_args(BlockKind))
LINK_KINDS: Final[frozenset[str]] = frozenset(get_args(LinkKind))


@attrs.frozen(kw_only=True)
class Block:
    """One block of the body, in reading order.

    Attributes:
        kind: ``"paragraph"``, ``"heading"``, ``"list_item"``, ``"blockquote"`` or
            ``"preformatted"``.
        text: The clean text of the block, without markup.
    """

    kind: BlockKind = attrs.field(validator=attrs.validators.in_(BLOCK_KINDS))
    text: str


@attrs.frozen(kw_only=True)
class Author:
    """A person or organisation credited with the document.

    Attributes:
        name: The name as the source gives it, without "By".
        url: A profile page, when the source names one.
    """

    name: str
    url: str | None = None


@attrs.frozen(kw_only=True)
class Image:
    """An image that belongs to the document.

    Attributes:
        url: Where the image is.
        caption: The caption shown with it.
        credit: The photographer or agency credit ("BELGA PHOTO EMILE WINDAL").
    """

    url: str
    caption: str | None = None
    credit: str | None = None


@attrs.frozen(kw_only=True)
class Link:
    """A link found in or around the document.

    Attributes:
        url: An absolute ``http(s)`` or ``mailto`` URL, or ``None`` when the source names a
            target without giving its address (navigation in scraped text).
        text: The anchor text, title or description shown for the link.
        kind: ``"inline"`` (a link in the body), ``"related"`` (related stories, bookmarks),
            ``"embed"`` (the embedded post or video itself, not the embed service) or
            ``"navigation"`` (previous/next story).
    """

    url: str | None
    text: str | None
    kind: LinkKind = attrs.field(validator=attrs.validators.in_(LINK_KINDS))


def _check_span(instance: Quote, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0 or (attribute.name == "end" and value < instance.start):
        msg = f"quote offsets must satisfy 0 <= start <= end, got {instance.start}..{value}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Quote:
    """A direct quotation in the body.

    Attributes:
        text: The quoted words without their quotation marks; ``doc.body[start:end] == text``.
        speaker: Who said it: a resolved person's name, an organisation or noun phrase, or
            ``None`` when the text names nobody.
        cue: The attribution words as written ("said", "told", "according to").
        start: Offset of the first character of ``text`` in the body.
        end: Offset just past the last character of ``text`` in the body.
        partial: ``True`` for a fragment quoted inside the writer's own sentence.
    """

    text: str
    speaker: str | None
    cue: str | None
    start: int = attrs.field(validator=_check_span)
    end: int = attrs.field(validator=_check_span)
    partial: bool = False


@attrs.frozen(kw_only=True)
class ParseWarning:
    """A problem the parser noticed in the input and recovered from.

    Attributes:
        code: A stable, dotted code, such as ``"source.multiple-documents"``; every code is
            listed in the documentation.
        message: A sentence for people, naming what was wrong and what was done about it.
    """

    code: str
    message: str


# One converter per element type, not one generic: the attrs mypy plugin does not bind a generic
# converter's type variable, and users' type checkers would reject `Document(blocks=[...])`.
def _authors(value: Iterable[Author]) -> tuple[Author, ...]:
    return tuple(value)


def _images(value: Iterable[Image]) -> tuple[Image, ...]:
    return tuple(value)


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Metadata:
    """What the source says about the document, beyond its text.

    Attributes:
        published: When it was first published; timezone-aware when the source gives the
            zone, naive otherwise.
        modified: When it was last changed, under the same rule.
        authors: The people or organisations credited, in the source's order.
        language: A BCP 47 tag such as ``"en"`` or ``"en-BE"``.
        url: The document's own (canonical) URL.
        site_name: The publication or newsroom.
        section: The section or category the source files it under.
        tags: Keywords and tags, in the source's order, without duplicates.
        description: The source's own summary.
        images: Images that belong to the document (header, inline, gallery).
        extra: Source fields with no typed home, as read-only JSON-like data.
    """

    published: datetime | None = None
    modified: datetime | None = None
    authors: tuple[Author, ...] = attrs.field(default=(), converter=_authors)
    language: str | None = None
    url: str | None = None
    site_name: str | None = None
    section: str | None = None
    tags: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    description: str | None = None
    images: tuple[Image, ...] = attrs.field(default=(), converter=_images)
    extra: Mapping[str, object] = attrs.field(default=EMPTY, converter=freeze_mapping)


def _blocks(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


def _links(value: Iterable[Link]) -> tuple[Link, ...]:
    return tuple(value)


def _quotes(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


def _warnings(value: Iterable[ParseWarning]) -> tuple[ParseWarning, ...]:
    return tuple(value)


_NO_METADATA: Final = Metadata()


@attrs.frozen(kw_only=True)
class Document:
    """One news document: its text in blocks, its metadata, links, quotes and warnings.

    Attributes:
        format: The name of the format that produced it, such as ``"prezly"``.
        source: The path or name it was loaded from, or ``None``.
        title: The headline.
        subtitle: The standfirst or dek shown under the headline.
        blocks: The body, in reading order.
        metadata: Dates, authors, language, URL, tags, images and the source's other fields.
        links: Links in the body, related stories, embeds and navigation.
        quotes: The direct quotations in the body, with offsets into :attr:`body`.
        warnings: What the parser noticed in the input and recovered from.
        body: The text of every block, joined by blank lines (computed once, read-only).
    """

    format: str
    source: str | None = None
    title: str | None = None
    subtitle: str | None = None
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_blocks)
    metadata: Metadata = _NO_METADATA
    links: tuple[Link, ...] = attrs.field(default=(), converter=_links)
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_quotes)
    warnings: tuple[ParseWarning, ...] = attrs.field(default=(), converter=_warnings)

    # attrs turns a cached_property of a slotted class into a slot filled on first access; the
    # docstring above documents it, because the slot has none of its own.
    @functools.cached_property
    def body(self) -> str:
        """The text of every block, joined by blank lines (quote offsets point into it)."""
        return "\n\n".join(block.text for block in self.blocks)


@attrs.frozen(kw_only=True)
class Failure:
    """An input that gave no document (or no more documents), in a run over many inputs.

    :func:`newsdoc.load_many` yields one in the place of the documents an input could not give,
    so that a run's output accounts for every input.

    Attributes:
        source: The input: a path, or ``path#offset`` for a record of a web archive.
        error: The class name of the error, such as ``"ParseError"``, ``"UnknownFormatError"``,
            ``"FileNotFoundError"``, ``"TimeoutError"`` (the input ran past the time limit and
            was stopped) or ``"WorkerDied"`` (the process parsing it died).
        message: What went wrong, for people.
    """

    source: str
    error: str
    message: str
