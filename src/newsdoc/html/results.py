"""What the HTML walker gives back: a fragment's blocks, links, images, cards and credits."""

from __future__ import annotations

import attrs

from newsdoc.model import Block, Image, Link, ParseWarning

__all__ = ["Card", "Fragment"]


@attrs.frozen(kw_only=True)
class Card:
    """A link preview (bookmark card) found in the markup.

    Attributes:
        url: Where the card points.
        title: The linked story's title, as the card shows it.
        description: The card's description or excerpt of the linked story.
    """

    url: str
    title: str | None
    description: str | None


@attrs.frozen(kw_only=True)
class Fragment:
    """What an HTML fragment holds for a reader.

    Attributes:
        blocks: The text blocks, in reading order.
        links: ``<a href>`` in the kept text as ``inline`` links, cards and labelled link lists
            as ``related`` links, ``<iframe>`` as ``embed`` links to what they show.
        images: Every ``<img>`` outside cards, in order, with its figure caption and credit.
        cards: The bookmark cards, in order.
        credits: Credit lines that follow no image (the caller knows which image they credit).
        warnings: What was wrong with the markup.
    """

    blocks: tuple[Block, ...]
    links: tuple[Link, ...]
    images: tuple[Image, ...]
    cards: tuple[Card, ...] = ()
    credits: tuple[str, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
