"""An HTML fragment (a story body) to blocks, links, images and the credits around them.

lxml parses the markup and calls a *parser target* (:class:`_Builder`) for every start tag, end
tag and run of text; no element tree is built and no Python proxy is made per element, which
makes this about four times faster than walking a tree. Nothing recurses, so no nesting depth
can overflow the stack; past ``max_depth`` elements are skipped with a warning.

Block-level elements start new blocks; inline elements add their text to the open block. What
is not text for a reader is kept out of the body:

- scripts, styles, forms and media are skipped; an ``<iframe>`` becomes an ``embed`` link;
- a *bookmark card* (an element whose class names a bookmark, as Prezly and many CMSs render
  a link preview) becomes a ``related`` link with its title; its description is kept on
  :attr:`Fragment.cards`;
- a label such as "Related news" or "Read also" that introduces cards, or paragraphs that are
  nothing but a link, is dropped, and those links become ``related``;
- a ``<figcaption>`` is the caption of its figure's image, and a credit line ("© Agency",
  "Photo: Name") is the credit of the image before it; credits with no image are returned in
  :attr:`Fragment.credits` for the caller to place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

import attrs
from lxml import etree

from newsdoc.analysis.credits import caption_and_credit, is_related_label, split_credit
from newsdoc.analysis.text import LINE_BREAK, clean_text
from newsdoc.analysis.urls import embedded_url, resolve_url
from newsdoc.html.safe import html_target_parser
from newsdoc.html.tags import CONTAINERS, DOMINANT, KIND_BY_TAG, SKIPPED, too_deep
from newsdoc.model import Block, BlockKind, Image, Link, ParseWarning

__all__ = [
    "Card",
    "Fragment",
    "parse_fragment",
    "without_xml_declaration",
]

# The elements a bookmark card is drawn with.
_CARD_TAGS: Final = frozenset({"div", "section", "aside", "figure", "article", "a"})

_XML_DECLARATION: Final = re.compile(r"\s*<\?xml[^>]{0,200}\?>")


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
        images: Every ``<img src>`` outside cards, in order, with its figure caption and credit.
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


_EMPTY: Final = Fragment(blocks=(), links=(), images=())


def parse_fragment(markup: str, *, base_url: str | None = None, max_depth: int = 256) -> Fragment:
    """Turn an HTML fragment into blocks, links, images and cards.

    Args:
        markup: The HTML, decoded.
        base_url: What relative link and image URLs are resolved against.
        max_depth: Elements nested deeper than this are skipped, with a warning.
    """
    if not markup or markup.isspace():
        return _EMPTY
    markup = without_xml_declaration(markup)
    parser, builder = html_target_parser(_Builder)
    builder.reset(base_url, max_depth)
    try:
        result = etree.fromstring(markup, parser=parser)
    except etree.ParserError:
        # lxml raises this for a document with no elements at all (only whitespace, comments).
        builder.reset(None, max_depth)
        return _EMPTY
    return result if isinstance(result, Fragment) else _EMPTY


def without_xml_declaration(text: str) -> str:
    """``text`` without the XML declaration it starts with, if any.

    lxml refuses a ``str`` that carries an encoding declaration; decoded text needs none.
    """
    declaration = _XML_DECLARATION.match(text)
    return text[declaration.end() :] if declaration else text


# What an element did when it opened, so that its end can undo it.
_INLINE: Final = 0
_PUSHED: Final = 1
_CONTAINER: Final = 2
_ANCHOR: Final = 3
_CARD: Final = 4
_FIGURE: Final = 5
_CAPTION: Final = 6
_CARD_FIELD: Final = 7


class _Builder:
    """The parser target: lxml calls ``start``, ``data`` and ``end``, then ``close``.

    This is the hot loop of every HTML-carrying format: the common path (text and plain
    elements) touches a few lists and sets; links, images, cards and figures are rarer.
    """

    def __init__(self) -> None:
        self.reset(None, 256)

    def reset(self, base_url: str | None, max_depth: int) -> None:
        """Forget the last fragment and get ready for the next."""
        self.base_url = base_url
        self.max_depth = max_depth
        self.too_deep = False
        self.skipping = 0  # >0: inside a skipped element, counting nested starts
        self.opened: list[int] = []
        self.kinds: list[BlockKind] = ["paragraph"]
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        # Per block: whether all of its text was link text (a list of links, not prose).
        self.link_only: list[bool] = []
        self.plain = False  # the open block has text outside links
        self.links: list[Link] = []
        self.link_block: list[int] = []  # per link: the index of the block it sits in
        self.images: list[list[str | None]] = []  # [url, caption, credit]
        self.image_block: list[int] = []
        self.cards: list[Card] = []
        self.anchor: list[str] | None = None  # text of the open <a>
        self.anchor_href: str | None = None
        # A card being read: its href, title and description parts.
        self.card: dict[str, str] | None = None
        self.card_field: list[str] | None = None
        self.card_field_name = ""
        self.figures: list[int] = []  # per open <figure>: len(images) when it opened
        self.caption: list[str] | None = None

    # -- lxml's target protocol --------------------------------------------------------------

    def start(self, tag: str, attrib: Mapping[str, str]) -> None:
        """An element opens."""
        if self.skipping:
            self.skipping += 1
            return
        opened = self.opened
        if tag in SKIPPED or len(opened) >= self.max_depth:
            if tag not in SKIPPED:
                self.too_deep = True
            self.skipping = 1
            return
        if self.card is not None:
            opened.append(self._card_part(tag, attrib))
            return
        kind = KIND_BY_TAG.get(tag)
        if kind is not None:
            if self.parts:
                self._flush()
            outer = self.kinds[-1]
            if outer in DOMINANT and kind in ("paragraph", "blockquote"):
                kind = outer
            self.kinds.append(kind)
            opened.append(_PUSHED)
            return
        if attrib and tag in _CARD_TAGS and _is_card(attrib):
            if self.parts:
                self._flush()
            self._card_start(tag, attrib)
            opened.append(_CARD)
            return
        if tag in CONTAINERS:
            if self.parts:
                self._flush()
            if tag == "figure":
                self.figures.append(len(self.images))
                opened.append(_FIGURE)
            else:
                opened.append(_CONTAINER)
            return
        if tag == "a":
            href = attrib.get("href")
            if href and not href.isspace():
                self.anchor = []
                self.anchor_href = href.strip()
                opened.append(_ANCHOR)
                return
        elif tag == "br":
            self.parts.append(LINE_BREAK)
        elif tag == "td" or tag == "th":
            if self.parts:
                self.parts.append(" | ")
        elif tag == "img":
            self._image(attrib)
        elif tag == "iframe":
            self._embed(attrib)
            self.skipping = 1  # its content is fallback text for browsers without frames
            return
        elif tag == "figcaption" and self.figures:
            if self.parts:
                self._flush()
            self.caption = []
            opened.append(_CAPTION)
            return
        opened.append(_INLINE)

    def data(self, text: str) -> None:
        """A run of text."""
        if self.skipping:
            return
        if self.card is not None:
            if self.card_field is not None:
                self.card_field.append(text)
            return
        if self.caption is not None:
            self.caption.append(text)
            return
        self.parts.append(text)
        if self.anchor is not None:
            self.anchor.append(text)
        elif not self.plain and not text.isspace():
            self.plain = True

    def end(self, tag: str) -> None:
        """An element closes."""
        if self.skipping:
            self.skipping -= 1
            return
        action = self.opened.pop()
        if action == _INLINE:
            return
        if action == _PUSHED:
            if self.parts:
                self._flush()
            self.kinds.pop()
        elif action == _CONTAINER:
            if self.parts:
                self._flush()
        elif action == _ANCHOR:
            self._anchor_end()
        elif action == _CARD_FIELD:
            self._card_field_end()
        elif action == _CARD:
            self._card_end()
        elif action == _FIGURE:
            if self.parts:
                self._flush()
            self.figures.pop()
        elif action == _CAPTION:
            self._caption_end()

    def close(self) -> Fragment:
        """The parse is over: the fragment."""
        if self.parts:
            self._flush()
        fragment = self._finish()
        self.reset(None, self.max_depth)  # drop references to this fragment's data
        return fragment

    # -- blocks -------------------------------------------------------------------------------

    def _flush(self) -> None:
        raw = "".join(self.parts)
        self.parts.clear()
        kind = self.kinds[-1]
        if kind == "preformatted":
            text = raw.replace(LINE_BREAK, "\n").strip("\n")
        else:
            text = clean_text(raw)
        if text:
            self.blocks.append(Block(kind=kind, text=text))
            self.link_only.append(not self.plain)
        self.plain = False

    # -- links, embeds, images ---------------------------------------------------------------

    def _anchor_end(self) -> None:
        parts, href = self.anchor, self.anchor_href
        self.anchor = None
        self.anchor_href = None
        if parts is None or href is None:
            return
        text = clean_text("".join(parts)) or None
        self.links.append(Link(url=resolve_url(href, self.base_url), text=text, kind="inline"))
        # The link sits in the block that is open now, which gets the next index.
        self.link_block.append(len(self.blocks))

    def _embed(self, attrib: Mapping[str, str]) -> None:
        # Lazy-loading and iframely markup keep the real address in a data attribute.
        src = attrib.get("data-iframely-url") or attrib.get("src") or attrib.get("data-src")
        if not src or src.isspace() or src.strip() == "about:blank":
            return
        url = embedded_url(resolve_url(src.strip(), self.base_url))
        title = clean_text(attrib.get("title") or "") or None
        self.links.append(Link(url=url, text=title, kind="embed"))
        self.link_block.append(-1)

    def _image(self, attrib: Mapping[str, str]) -> None:
        src = attrib.get("src") or attrib.get("data-src")
        if not src or src.isspace() or src.startswith("data:"):
            return
        # Icons and spacers marked as decoration are not images of the story.
        if attrib.get("aria-hidden") == "true" or attrib.get("role") == "presentation":
            return
        alt = clean_text(attrib.get("alt") or "") or None
        self.images.append([resolve_url(src.strip(), self.base_url), alt, None])
        self.image_block.append(len(self.blocks))

    def _caption_end(self) -> None:
        parts = self.caption
        self.caption = None
        text = clean_text("".join(parts or ()))
        if not text:
            return
        first = self.figures[-1]
        if len(self.images) > first:  # the caption of the figure's (last) image
            image = self.images[-1]
            credit = split_credit(text)
            if credit is not None:
                image[2] = credit
            else:
                caption, credit = caption_and_credit(text)
                image[1] = caption
                image[2] = credit or image[2]
        else:  # a figure without an image (a pull quote): its caption is text
            self.blocks.append(Block(kind="paragraph", text=text))
            self.link_only.append(False)

    # -- bookmark cards -----------------------------------------------------------------------

    def _card_start(self, tag: str, attrib: Mapping[str, str]) -> None:
        self.card = {}
        href = attrib.get("href") if tag == "a" else None
        if href and not href.isspace():
            self.card["href"] = href.strip()
        # "Related news" just before the first card labels the cards, not the story.
        if self.blocks and is_related_label(self.blocks[-1].text):
            self.blocks.pop()
            self.link_only.pop()

    def _card_part(self, tag: str, attrib: Mapping[str, str]) -> int:
        card = self.card
        assert card is not None
        if tag == "a":
            href = attrib.get("href")
            if href and not href.isspace():
                card.setdefault("href", href.strip())
        if self.card_field is None:
            classes = attrib.get("class", "")
            name = (
                "title"
                if "title" in classes
                else "description"
                if "description" in classes
                else "anchor"
                if tag == "a"
                else ""
            )
            if name:
                if name == "title" and tag == "a" and attrib.get("href"):
                    card["href"] = attrib["href"].strip()
                self.card_field = []
                self.card_field_name = name
                return _CARD_FIELD
        return _INLINE

    def _card_field_end(self) -> None:
        card, parts = self.card, self.card_field
        self.card_field = None
        if card is None or parts is None:
            return
        text = clean_text("".join(parts))
        name = self.card_field_name
        if text and name == "anchor":
            name = "title"  # a card with no classes: its first linked text is the title
        if text and name not in card:
            card[name] = text

    def _card_end(self) -> None:
        card = self.card
        self.card = None
        self.card_field = None
        if not card or "href" not in card:
            return
        url = resolve_url(card["href"], self.base_url)
        title = card.get("title")
        self.cards.append(Card(url=url, title=title, description=card.get("description")))
        self.links.append(Link(url=url, text=title, kind="related"))
        self.link_block.append(-1)

    # -- the end ------------------------------------------------------------------------------

    def _finish(self) -> Fragment:
        blocks, links = self.blocks, self.links
        dropped: set[int] = set()
        related_blocks = self._related_lists(dropped)
        credits: list[str] = []
        self._place_credits(dropped, credits)
        if related_blocks:
            links = [
                attrs.evolve(link, kind="related") if index in related_blocks else link
                for link, index in zip(links, self.link_block, strict=True)
            ]
        if dropped:
            blocks = [block for index, block in enumerate(blocks) if index not in dropped]
        warnings = (too_deep(self.max_depth),) if self.too_deep else ()
        return Fragment(
            blocks=tuple(blocks),
            links=tuple(links),
            images=tuple(
                Image(url=str(url), caption=caption, credit=credit)
                for url, caption, credit in self.images
            ),
            cards=tuple(self.cards),
            credits=tuple(credits),
            warnings=warnings,
        )

    def _related_lists(self, dropped: set[int]) -> set[int]:
        """Drop "Related news" labels and the link-only blocks after them; their indexes."""
        blocks, link_only = self.blocks, self.link_only
        related: set[int] = set()
        for index, block in enumerate(blocks):
            if block.kind == "list_item" or not is_related_label(block.text):
                continue
            following = index + 1
            while following < len(blocks) and link_only[following]:
                related.add(following)
                following += 1
            if following > index + 1:
                dropped.add(index)
                dropped.update(range(index + 1, following))
        return related

    def _place_credits(self, dropped: set[int], credits: list[str]) -> None:
        """Credit lines become the credit of the last image before them without one."""
        images, image_block = self.images, self.image_block
        for index, block in enumerate(self.blocks):
            if index in dropped or block.kind == "heading":
                continue
            credit = split_credit(block.text)
            if credit is None:
                continue
            dropped.add(index)
            for position in range(len(images) - 1, -1, -1):
                if image_block[position] <= index and images[position][2] is None:
                    images[position][2] = credit
                    break
            else:
                credits.append(credit)


def _is_card(attrib: Mapping[str, str]) -> bool:
    classes = attrib.get("class")
    return classes is not None and "bookmark" in classes and "__" not in classes.split()[0]
