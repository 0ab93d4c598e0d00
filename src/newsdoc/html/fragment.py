"""An HTML fragment (a story body) to blocks, inline links and images.

One lxml parse, one streaming walk (``etree.iterwalk``: no recursion, so no depth can overflow
the stack). Block-level elements start new blocks; inline elements add their text to the open
block. What is not text for a reader (scripts, styles, forms, embeds) is skipped.
"""

from __future__ import annotations

import re
from typing import Final

import attrs
from lxml import etree

from newsdoc.analysis.text import LINE_BREAK, clean_text
from newsdoc.analysis.urls import embedded_url, resolve_url
from newsdoc.html.safe import html_parser
from newsdoc.model import Block, BlockKind, Image, Link, ParseWarning

__all__ = ["Fragment", "parse_fragment"]

# Elements whose own kind a block takes.
_KIND_BY_TAG: Final[dict[str, BlockKind]] = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "blockquote": "blockquote",
    "pre": "preformatted",
}

# Block-level containers: they end the open block but give their content their parent's kind.
_CONTAINERS: Final = frozenset(
    {
        "address", "article", "aside", "center", "details", "dialog", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "header", "hgroup", "main", "nav", "ol", "section",
        "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption", "body", "hr",
    }
)  # fmt: skip

# Never text for a reader. An iframe is not skipped here: its address becomes an embed link.
_SKIPPED: Final = frozenset(
    {
        "script", "style", "noscript", "template", "object", "embed", "video",
        "audio", "canvas", "svg", "math", "form", "button", "input", "select", "textarea",
        "head", "title", "meta", "link", "base", "source", "track", "map", "picture",
    }
)  # fmt: skip

# What an element did when it opened (see _Walker.walk).
_INLINE: Final = 0
_PUSHED: Final = 1
_CONTAINER: Final = 2
_SKIP: Final = 3

_XML_DECLARATION: Final = re.compile(r"<\?xml[^>]{0,200}\?>")

# A block inside one of these kinds keeps the outer kind (a paragraph inside a quote is quote).
_DOMINANT: Final[frozenset[str]] = frozenset({"blockquote", "list_item", "preformatted"})


@attrs.frozen(kw_only=True)
class Fragment:
    """What an HTML fragment holds for a reader.

    Attributes:
        blocks: The text blocks, in reading order.
        links: Every ``<a href>`` in the kept text as an ``inline`` link, and every
            ``<iframe>`` as an ``embed`` link to what it shows.
        images: Every ``<img src>``, in order.
        warnings: What was wrong with the markup.
    """

    blocks: tuple[Block, ...]
    links: tuple[Link, ...]
    images: tuple[Image, ...]
    warnings: tuple[ParseWarning, ...] = ()


def parse_fragment(markup: str, *, base_url: str | None = None, max_depth: int = 256) -> Fragment:
    """Turn an HTML fragment into blocks, inline links and images.

    Args:
        markup: The HTML, decoded.
        base_url: What relative link and image URLs are resolved against.
        max_depth: Elements nested deeper than this are skipped, with a warning.
    """
    if not markup.strip():
        return Fragment(blocks=(), links=(), images=())
    # lxml refuses a str that carries an XML encoding declaration; the text is decoded already.
    if markup.lstrip().startswith("<?xml"):
        markup = _XML_DECLARATION.sub("", markup.lstrip(), count=1)
    try:
        root = etree.fromstring(markup, parser=html_parser())
    except etree.ParserError:
        # lxml raises this for a document with no elements at all (only whitespace, comments).
        return Fragment(blocks=(), links=(), images=())
    if root is None:
        return Fragment(blocks=(), links=(), images=())
    return _Walker(base_url=base_url, max_depth=max_depth).walk(root)


class _Walker:
    """Walks a tree once, building blocks as it goes.

    ``walk`` is the hot loop of every HTML-carrying format, so it keeps its state in locals and
    calls out only for the rare elements (links, images, embeds).
    """

    def __init__(self, *, base_url: str | None, max_depth: int) -> None:
        self.base_url = base_url
        self.max_depth = max_depth
        self.links: list[Link] = []
        self.images: list[Image] = []

    def walk(self, root: etree._Element) -> Fragment:
        blocks: list[Block] = []
        parts: list[str] = []
        kinds: list[BlockKind] = ["paragraph"]
        # What each open element did on `start`, so that its `end` can undo it.
        opened: list[int] = []
        max_depth = self.max_depth
        too_deep = False

        def flush() -> None:
            raw = "".join(parts)
            parts.clear()
            kind = kinds[-1]
            if kind == "preformatted":
                text = raw.replace(LINE_BREAK, "\n").strip("\n")
            else:
                text = clean_text(raw)
            if text:
                blocks.append(Block(kind=kind, text=text))

        walker = etree.iterwalk(root, events=("start", "end"))
        for event, element in walker:
            tag = element.tag
            if event == "end":
                action = opened.pop()
                if action == _PUSHED:
                    if parts:
                        flush()
                    kinds.pop()
                elif action == _CONTAINER and parts:
                    flush()
                # The tail is text after the element, inside its parent.
                tail = element.tail
                if tail:
                    parts.append(tail)
                continue
            if tag in _SKIPPED or len(opened) >= max_depth:
                too_deep = too_deep or tag not in _SKIPPED
                walker.skip_subtree()  # iterwalk still sends this element's `end`
                opened.append(_SKIP)
                continue
            kind = _KIND_BY_TAG.get(tag)
            if kind is not None:
                if parts:
                    flush()
                outer = kinds[-1]
                if outer in _DOMINANT and kind in ("paragraph", "blockquote"):
                    kind = outer
                kinds.append(kind)
                action = _PUSHED
            elif tag in _CONTAINERS:
                if parts:
                    flush()
                action = _CONTAINER
            else:
                action = self._inline(element, tag, parts)
                if action == _SKIP:
                    walker.skip_subtree()
            opened.append(action)
            text = element.text
            if text and action != _SKIP:
                parts.append(text)
        if parts:
            flush()
        warnings: tuple[ParseWarning, ...] = ()
        if too_deep:
            warnings = (
                ParseWarning(
                    code="html.too-deep",
                    message=f"markup nested deeper than {max_depth} elements was skipped",
                ),
            )
        return Fragment(
            blocks=tuple(blocks),
            links=tuple(self.links),
            images=tuple(self.images),
            warnings=warnings,
        )

    def _inline(self, element: etree._Element, tag: object, parts: list[str]) -> int:
        """Handle an inline element's own meaning; its text is added by the caller."""
        if tag == "a":
            self._link(element)
        elif tag == "br":
            parts.append(LINE_BREAK)
        elif tag in ("td", "th"):
            if parts:
                parts.append(" | ")
        elif tag == "img":
            self._image(element)
        elif tag == "iframe":
            self._embed(element)
            return _SKIP  # its content is fallback text for browsers without frames
        elif not isinstance(tag, str):
            return _SKIP  # a comment or processing instruction that the parser let through
        return _INLINE

    def _link(self, element: etree._Element) -> None:
        href = element.get("href")
        if not href or not href.strip():
            return
        text = clean_text("".join(map(str, element.itertext()))) or None
        self.links.append(
            Link(url=resolve_url(href.strip(), self.base_url), text=text, kind="inline")
        )

    def _embed(self, element: etree._Element) -> None:
        # Lazy-loading and iframely markup keep the real address in a data attribute.
        src = element.get("data-iframely-url") or element.get("src") or element.get("data-src")
        if not src or not src.strip() or src.strip() == "about:blank":
            return
        url = embedded_url(resolve_url(src.strip(), self.base_url))
        title = clean_text(element.get("title") or "") or None
        self.links.append(Link(url=url, text=title, kind="embed"))

    def _image(self, element: etree._Element) -> None:
        src = element.get("src") or element.get("data-src")
        if not src or not src.strip() or src.startswith("data:"):
            return
        # Icons and spacers marked as decoration are not images of the story.
        if element.get("aria-hidden") == "true" or element.get("role") == "presentation":
            return
        alt = clean_text(element.get("alt") or "") or None
        self.images.append(Image(url=resolve_url(src.strip(), self.base_url), caption=alt))
