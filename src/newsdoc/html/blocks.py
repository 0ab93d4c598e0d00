"""The one HTML walker: start tags, end tags and text in, blocks, links and images out.

:class:`BlockBuilder` takes the events of an HTML walk, from lxml's parser (an HTML fragment,
:mod:`newsdoc.html.fragment`: no tree is built) or from a walk of a parsed page's article
(:mod:`newsdoc.html.walk`), and turns them into a :class:`Fragment`. Both roads meet the same
rules:

- block-level elements start new blocks; inline elements add their text to the open block;
- scripts, styles, forms and media are skipped; an ``<iframe>`` becomes an ``embed`` link;
- ``<img>`` gives an image (``src``, or the ``data-src``/``data-lazy-src`` of a lazy-loaded
  one); a ``<figcaption>`` is the caption of its figure's image, or text when the figure is a
  pull quote; a credit line ("© Agency", "Photo: Name") is the credit of the image before it,
  and credits with no image are returned in :attr:`Fragment.credits` for the caller to place;
- a *bookmark card* (an element whose class names a bookmark, as Prezly and many CMSs render a
  link preview) becomes a ``related`` link with its title, its description kept on
  :attr:`Fragment.cards`;
- a label such as "Related news" that introduces lines of links, and a line that is a label
  and its links ("Read also: <a>…</a>"), are dropped, and their links become ``related``;
- of two ``<time>`` elements side by side, the second is not read (blog themes print the
  publication and the update dates so, and hide one with CSS).

A page's article is walked with ``drop_link_lines=True``: a short line that is all link text
is a teaser, a tag or a "read more" there; in a story body it is the story's. Nothing recurses;
past ``max_depth`` elements are flattened with a warning: their text is read as part of the
element at that depth.
"""

from __future__ import annotations

import bisect
from typing import Final

import attrs

from newsdoc.analysis.credits import (
    caption_and_credit,
    is_related_label,
    place_credit_lines,
    split_credit,
)
from newsdoc.analysis.text import LINE_BREAK, clean_text
from newsdoc.analysis.urls import embedded_url, resolve_url
from newsdoc.html.cards import CARD_TAGS, Attributes, CardReader, is_card
from newsdoc.html.results import Card, Fragment
from newsdoc.html.tags import CONTAINERS, DOMINANT, KIND_BY_TAG, SKIPPED, too_deep_warning
from newsdoc.model import Block, BlockKind, Image, Link

__all__ = ["Attributes", "BlockBuilder"]


# The elements a bookmark card is drawn with.
# Where an image keeps its address, in the order they are tried: a lazy-loading image's ``src``
# is a placeholder (a logo, a blank GIF) until a script puts the address of its data attribute
# there.
_IMAGE_SOURCES: Final = ("data-src", "data-lazy-src", "data-original", "src")
# A page's line shorter than this whose text is all link text is dropped.
_LINK_ONLY_MAX: Final = 200
# The share of its text a line of links may have outside them ("Story one [VIDEO] | Story two").
_LINE_OF_LINKS: Final = 0.25
# The most text outside its links that a teaser line's label ("Related:", "SEE MORE:") has.
_MAX_LABEL_CHARS: Final = 60

# What an element did when it opened, so that its end can undo it.
_INLINE: Final = 0
_PUSHED: Final = 1
_CONTAINER: Final = 2
_ANCHOR: Final = 3
_CARD: Final = 4
_FIGURE: Final = 5
_CAPTION: Final = 6
_CARD_FIELD: Final = 7


class BlockBuilder:
    """Blocks, links and images from the events of an HTML walk.

    The walk calls :meth:`start`, :meth:`data` and :meth:`end` (lxml's parser-target protocol),
    then :meth:`close`, which returns the :class:`Fragment` and forgets it. :meth:`reset`
    readies the builder for the next walk.
    """

    def __init__(self) -> None:
        self.reset(None, 256)

    def reset(self, base_url: str | None, max_depth: int, *, drop_link_lines: bool = False) -> None:
        """Forget the last walk and get ready for the next.

        Args:
            base_url: What relative URLs are resolved against.
            max_depth: Elements nested deeper than this are flattened, with a warning.
            drop_link_lines: Drop the short lines that are all link text (in a page's article
                they are teasers and tags).
        """
        self.base_url = base_url
        self.max_depth = max_depth
        self.drop_link_lines = drop_link_lines
        self.too_deep = False
        self.skipping = 0  # >0: inside a skipped element, counting nested starts
        self.flat = 0  # elements open past max_depth, read as part of the one at that depth
        self.opened: list[int] = []
        self.kinds: list[BlockKind] = ["paragraph"]
        self.parts: list[str] = []
        self.blocks: list[Block] = []
        # Per block: how many characters of its text are outside links (none: a line of links).
        self.unlinked: list[int] = []
        self.outside: list[str] = []  # the open block's text outside links
        self.linked = False  # the open block has link text
        self.links: list[Link] = []
        self.link_block: list[int] = []  # per link: the index of the block it sits in
        self.teaser_links: set[int] = set()  # links of "Read also: <a>…</a>" lines
        self.line_links = 0  # how many links there were when the last line ended
        self.images: list[list[str | None]] = []  # [url, caption, credit]
        self.image_block: list[int] = []
        self.cards: list[Card] = []
        self.anchors = 0  # how many <a> are open
        self.anchor: list[str] | None = None  # text of the open <a href>
        self.anchor_href: str | None = None
        # A card being read: its href, title and description parts.
        self.card: CardReader | None = None
        # Per open <figure>: the number of images when it opened, and whether it holds a quote.
        self.figures: list[list[int | bool]] = []
        self.caption: list[str] | None = None
        self.after_time = False  # a </time> ended with nothing but spaces since

    # -- the walk's events -------------------------------------------------------------------

    def start(self, tag: str, attrib: Attributes) -> None:
        """An element opens."""
        if self.skipping:
            self.skipping += 1
            return
        after_time = self.after_time
        self.after_time = False
        opened = self.opened
        if tag in SKIPPED or (tag == "time" and after_time):
            self.skipping = 1
            return
        if len(opened) >= self.max_depth:
            self.too_deep = True
            self.flat += 1
            if tag in KIND_BY_TAG or tag in CONTAINERS:
                self.parts.append(" ")  # the words of two flattened paragraphs stay apart
            return
        if self.card is not None:
            opened.append(_CARD_FIELD if self.card.start(tag, attrib) else _INLINE)
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
        if tag in CARD_TAGS and is_card(attrib):
            if self.parts:
                self._flush()
            self._card_start(tag, attrib)
            opened.append(_CARD)
            return
        if tag in CONTAINERS:
            if self.parts:
                self._flush()
            if tag == "figure":
                self.figures.append([len(self.images), False])
                opened.append(_FIGURE)
            else:
                opened.append(_CONTAINER)
            return
        if tag == "a":
            self.anchors += 1
            href = attrib.get("href")
            if self.anchor is None and href and not href.isspace() and href.strip()[0] != "#":
                self.anchor = []
                self.anchor_href = href.strip()
            opened.append(_ANCHOR)
            return
        if tag == "br":
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
        elif tag == "figcaption":
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
        if self.after_time and not text.isspace():
            self.after_time = False
        if self.card is not None:
            self.card.data(text)
            return
        if self.caption is not None:
            self.caption.append(text)
            return
        self.parts.append(text)
        if self.anchors:
            if self.anchor is not None:
                self.anchor.append(text)
            self.linked = self.linked or not text.isspace()
        elif not text.isspace():
            self.outside.append(text)

    def end(self, tag: str) -> None:
        """An element closes."""
        if self.skipping:
            self.skipping -= 1
            if not self.skipping and tag == "time":
                self.after_time = True  # a second one was skipped: a third is not read either
            return
        if self.flat:
            self.flat -= 1
            return
        action = self.opened.pop()
        self.after_time = tag == "time"
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
            self.anchors -= 1
            if not self.anchors:
                self._anchor_end()
        elif action == _CARD_FIELD:
            if self.card is not None:
                self.card.end_field()
        elif action == _CARD:
            self._card_end()
        elif action == _FIGURE:
            if self.parts:
                self._flush()
            self.figures.pop()
        elif action == _CAPTION:
            self._caption_end()

    def close(self) -> Fragment:
        """The walk is over: the fragment."""
        if self.parts:
            self._flush()
        fragment = self._finish()
        self.reset(None, self.max_depth)  # drop references to this walk's data
        return fragment

    # -- blocks -------------------------------------------------------------------------------

    def _flush(self) -> None:
        raw = "".join(self.parts)
        self.parts.clear()
        first_link = self.line_links  # the links of this line are those met since the last
        self.line_links = len(self.link_block)
        kind = self.kinds[-1]
        if kind == "preformatted":
            text = raw.replace(LINE_BREAK, "\n").strip("\n")
        else:
            text = clean_text(raw)
        label = "".join(self.outside)
        self.outside.clear()
        linked = self.linked
        self.linked = False
        if not text:
            return
        if (
            label
            and linked
            and len(label) <= _MAX_LABEL_CHARS
            and len(text) < _LINK_ONLY_MAX
            and is_related_label(label.strip(" :|-–—>»").strip())
        ):
            # "Related: <a>…</a>", "SEE MORE: <a>…</a>": a teaser with its label.
            # Its links: those met since the last line ended (not an embed's, marked -1).
            index = len(self.blocks)
            self.teaser_links.update(
                position
                for position in range(first_link, len(self.link_block))
                if self.link_block[position] == index
            )
            return
        self.blocks.append(Block(kind=kind, text=text))
        self.unlinked.append(len(label.strip()))
        if kind == "blockquote":
            for figure in self.figures:
                figure[1] = True  # a figure of text: a pull quote

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

    def _embed(self, attrib: Attributes) -> None:
        # Lazy-loading and iframely markup keep the real address in a data attribute.
        src = attrib.get("data-iframely-url") or attrib.get("src") or attrib.get("data-src")
        if not src or src.isspace() or src.strip() == "about:blank":
            return
        url = embedded_url(resolve_url(src.strip(), self.base_url))
        title = clean_text(attrib.get("title") or "") or None
        self.links.append(Link(url=url, text=title, kind="embed"))
        self.link_block.append(-1)

    def _image(self, attrib: Attributes) -> None:
        # Icons and spacers marked as decoration are not images of the story.
        if attrib.get("aria-hidden") == "true" or attrib.get("role") == "presentation":
            return
        for name in _IMAGE_SOURCES:
            src = attrib.get(name)
            # (A lazy-loading page's src is often a placeholder: "data:image/gif;base64,…".)
            if src and not src.isspace() and not src.lstrip().startswith("data:"):
                break
        else:
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
        blocks = self.blocks
        if self.figures:
            images, quoted = self.figures[-1]
            image = self.images[-1] if len(self.images) > images else None
            # A figure of text (a pull quote): its caption names the speaker, and is text. A
            # figure of a video or a lazy picture the walk cannot read: the caption goes too.
            as_text = bool(quoted)
        else:
            # A caption outside any figure: the speaker of the quote just before it, or the
            # caption of an image met since the last block, or else text.
            after_quote = bool(blocks) and blocks[-1].kind == "blockquote"
            seen = bool(self.images) and self.image_block[-1] == len(blocks)
            image = self.images[-1] if seen and not after_quote else None
            as_text = image is None
        if image is not None:
            credit = split_credit(text)
            if credit is not None:
                image[2] = credit
            else:
                image[1], found = caption_and_credit(text)
                image[2] = found or image[2]
        elif as_text:
            blocks.append(Block(kind="paragraph", text=text))
            self.unlinked.append(len(text))

    # -- bookmark cards -----------------------------------------------------------------------

    def _card_start(self, tag: str, attrib: Attributes) -> None:
        self.card = CardReader(tag, attrib)
        # "Related news" just before the first card labels the cards, not the story.
        if self.blocks and is_related_label(self.blocks[-1].text):
            self.blocks.pop()
            self.unlinked.pop()

    def _card_end(self) -> None:
        card, self.card = self.card, None
        found = card.link() if card is not None else None
        if found is None:
            return
        href, title, description = found
        url = resolve_url(href, self.base_url)
        self.cards.append(Card(url=url, title=title, description=description))
        self.links.append(Link(url=url, text=title, kind="related"))
        self.link_block.append(-1)

    # -- the end ------------------------------------------------------------------------------

    def _finish(self) -> Fragment:
        blocks, links = self.blocks, self.links
        dropped: set[int] = set()
        related = self._related_lists(dropped)
        images, credits = self._place_credits(dropped)
        if self.drop_link_lines:
            # A short line of links alone, in a page's article: a teaser, a tag, "read more";
            # and a label of related stories whose links were furniture.
            dropped.update(
                index
                for index, (block, unlinked) in enumerate(zip(blocks, self.unlinked, strict=True))
                if block.kind != "preformatted"
                and len(block.text) < _LINK_ONLY_MAX
                and (not unlinked or is_related_label(block.text))
            )
        if related or self.teaser_links:
            links = [
                attrs.evolve(link, kind="related")
                if index in related or position in self.teaser_links
                else link
                for position, (link, index) in enumerate(zip(links, self.link_block, strict=True))
            ]
        if dropped:
            blocks = [block for index, block in enumerate(blocks) if index not in dropped]
        warnings = (too_deep_warning(self.max_depth),) if self.too_deep else ()
        return Fragment(
            blocks=tuple(blocks),
            links=tuple(links),
            images=tuple(images),
            cards=tuple(self.cards),
            credits=tuple(credits),
            warnings=warnings,
        )

    def _related_lists(self, dropped: set[int]) -> set[int]:
        """Drop "Related news" labels and the lines of links after them; their indexes.

        A line of links may have a little text of its own ("Story one [VIDEO] | Story two").
        """
        blocks, unlinked = self.blocks, self.unlinked
        related: set[int] = set()
        for index, block in enumerate(blocks):
            if block.kind == "list_item" or not unlinked[index] or not is_related_label(block.text):
                continue  # (a label is text, not a link that reads "Read more")
            following = index + 1
            while (
                following < len(blocks)
                and unlinked[following] <= _LINE_OF_LINKS * len(blocks[following].text)
                and unlinked[following] < len(blocks[following].text)
            ):
                related.add(following)
                following += 1
            if following > index + 1:
                dropped.add(index)
                dropped.update(range(index + 1, following))
        return related

    def _place_credits(self, dropped: set[int]) -> tuple[list[Image], list[str]]:
        """Credit lines become the credit of the last image before them without one.

        The rule is :func:`~newsdoc.analysis.credits.place_credit_lines`, read on the blocks
        not dropped yet; the credit lines join ``dropped``. Returns the images, and the
        credits that found none.
        """
        images = [Image(url=str(url), caption=text, credit=by) for url, text, by in self.images]
        indexes = [index for index in range(len(self.blocks)) if index not in dropped]
        # An image's place counted in the blocks read: how many of them come before it.
        image_blocks = [bisect.bisect_left(indexes, before) for before in self.image_block]
        read = [self.blocks[index] for index in indexes]
        kept, images, unplaced = place_credit_lines(read, images, image_blocks)
        if len(kept) < len(read):
            still = {id(block) for block in kept}
            dropped.update(index for index in indexes if id(self.blocks[index]) not in still)
        return images, unplaced
