"""One story of a plain text, as it is gathered, and the Document made of it."""

from __future__ import annotations

from datetime import datetime
from typing import Final

import attrs

from newsdoc.analysis.dates import DateLine
from newsdoc.codes import TEXT_NO_CONTENT, TEXT_NO_TITLE
from newsdoc.model import Author, Block, BlockKind, Document, Link, Metadata, ParseWarning
from newsdoc.parsers.text.lines import URL, URL_TRAIL
from newsdoc.registry import ParseContext

__all__ = ["NAME", "Story"]

NAME: Final = "text"


@attrs.define
class Story:
    """A story as the assembler gathers it, line by line."""

    title: str | None = None
    subtitle: str | None = None
    blocks: list[Block] = attrs.Factory(list)
    published: datetime | None = None
    modified: datetime | None = None
    authors: list[str] = attrs.Factory(list)
    byline_rest: list[str] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    section: str | None = None
    links: list[Link] = attrs.Factory(list)
    captions: list[dict[str, str | None]] = attrs.Factory(list)

    @property
    def paragraphs(self) -> int:
        """How many blocks so far are not headings."""
        return sum(1 for block in self.blocks if block.kind != "heading")

    def add_block(self, kind: BlockKind, text: str) -> None:
        """Add a block, and the web addresses in its text as inline links."""
        self.blocks.append(Block(kind=kind, text=text))
        self.add_links(text)

    def add_links(self, text: str) -> None:
        """Add the web addresses written in ``text`` as inline links."""
        if "http" not in text and "www." not in text.lower():
            return
        for match in URL.finditer(text):
            url = match.group(0).rstrip(URL_TRAIL)
            if url.lower().startswith("www."):
                url = f"https://{url}"
            self.links.append(Link(url=url, text=None, kind="inline"))

    def add_date(self, date: DateLine) -> None:
        """Take a date read from a line: the first is the publication date, a later the update."""
        if date.value is None:
            return
        if date.kind == "modified":
            self.modified = self.modified or date.value
        elif self.published is None:
            self.published = date.value
        else:
            self.modified = self.modified or date.value

    def document(self, context: ParseContext, warnings: list[ParseWarning]) -> Document:
        """The story as a Document, with ``warnings`` and its own."""
        while self.blocks and self.blocks[-1].kind == "heading":
            self.blocks.pop()  # a label with nothing under it ("Related") is not a heading
        if self.title is None:
            warnings.append(TEXT_NO_TITLE("no line reads as the title"))
        if not self.blocks:
            warnings.append(
                TEXT_NO_CONTENT(
                    "no line reads as article text (only page furniture, or empty)",
                )
            )
        extra: dict[str, object] = {}
        if self.captions:
            extra["captions"] = self.captions
        if self.byline_rest:
            extra["byline"] = self.byline_rest
        metadata = Metadata(
            published=self.published,
            modified=self.modified,
            authors=tuple(Author(name=name) for name in dict.fromkeys(self.authors)),
            section=self.section,
            tags=tuple(dict.fromkeys(self.tags)),
            extra=extra,
        )
        return Document(
            format=NAME,
            source=context.source,
            title=self.title,
            subtitle=self.subtitle,
            blocks=self.blocks,
            metadata=metadata,
            links=self.links,
            warnings=warnings,
        )
