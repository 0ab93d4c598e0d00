"""What a Prezly story body holds, and its headings tidied."""

from __future__ import annotations

import attrs

from newsdoc.analysis.credits import is_related_label
from newsdoc.analysis.text import comparable
from newsdoc.model import Block, Image, Link

__all__ = ["Body", "content_extra", "without_repeated_headings"]


@attrs.define
class Body:
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
        """Add ``image``, after the blocks read so far."""
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


def content_extra(body: Body) -> dict[str, object]:
    """``metadata.extra``'s ``content`` entry, or nothing when the body has no such content."""
    content = body.extra()
    return {"content": content} if content else {}


def without_repeated_headings(blocks: list[Block], titles: tuple[str | None, ...]) -> list[Block]:
    """The blocks without headings that repeat the title or subtitle, or only label links."""
    known = {comparable(title) for title in titles if title}
    return [
        block
        for block in blocks
        if block.kind != "heading"
        or (comparable(block.text) not in known and not is_related_label(block.text))
    ]
