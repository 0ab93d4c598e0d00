"""An element of a parsed page to blocks, links and images, skipping what is not the story.

The tree counterpart of :mod:`newsdoc.html.fragment`: a page is parsed once into a tree (the
main-content search needs one), and the chosen subtree is walked here with ``etree.iterwalk``
(no recursion, so no depth can overflow the stack). Elements the caller marks as furniture
(share bars, related-story rails, captions) are skipped whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from lxml import etree

from newsdoc.analysis.credits import caption_and_credit, is_related_label, split_credit
from newsdoc.analysis.text import LINE_BREAK, clean_text
from newsdoc.analysis.urls import embedded_url, resolve_url
from newsdoc.html.fragment import Fragment
from newsdoc.html.tags import CONTAINERS, DOMINANT, KIND_BY_TAG, SKIPPED, spaced_text, too_deep
from newsdoc.model import Block, BlockKind, Image, Link

__all__ = ["walk"]

# The walker also skips figure captions: they become their image's caption, not body text.
_SKIPPED: Final = SKIPPED | {"figcaption"}

# Blocks shorter than this whose text is all link text are dropped.
_LINK_ONLY_MAX: Final = 200
# The most text outside its links that a teaser line's label ("Related:", "SEE MORE:") has.
_MAX_LABEL_CHARS: Final = 60

_INLINE: Final = 0
_PUSHED: Final = 1
_CONTAINER: Final = 2
_SKIP: Final = 3


def walk(
    roots: Iterable[etree._Element],
    *,
    base_url: str | None,
    max_depth: int = 256,
    skip: Callable[[etree._Element], bool] | None = None,
) -> Fragment:
    """Blocks, links and images of ``roots`` (in order), without the elements ``skip`` rejects.

    Args:
        roots: The elements that hold the story, in reading order.
        base_url: What relative URLs are resolved against.
        max_depth: Elements nested deeper than this (below a root) are skipped, with a warning.
        skip: Returns ``True`` for an element whose whole subtree is not the story.
    """
    walker = _Walker(base_url=base_url, max_depth=max_depth, skip=skip)
    for root in roots:
        walker.walk(root)
    return walker.fragment()


def _second_time(element: etree._Element) -> bool:
    """Whether a ``<time>`` follows another with nothing between them.

    Blog themes print the publication and the update dates side by side and hide the second
    with CSS ("March 14, 2023March 16, 2023" to a parser): the second is not read.
    """
    previous = element.getprevious()
    return (
        previous is not None
        and previous.tag == "time"
        and (previous.tail is None or previous.tail.isspace())
    )


class _Walker:
    def __init__(
        self,
        *,
        base_url: str | None,
        max_depth: int,
        skip: Callable[[etree._Element], bool] | None,
    ) -> None:
        self.base_url = base_url
        self.max_depth = max_depth
        self.skip = skip
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.images: list[list[str | None]] = []
        self.too_deep = False
        # How many links are open.
        self.state: dict[str, int] = {"links": 0}

    def walk(self, root: etree._Element) -> None:
        parts: list[str] = []
        # The open block's text outside links: none means a line of links only.
        outside: list[str] = []
        kinds: list[BlockKind] = ["paragraph"]
        opened: list[int] = []
        blocks = self.blocks
        skip = self.skip
        max_depth = self.max_depth

        state = self.state

        def flush() -> None:
            raw = "".join(parts)
            parts.clear()
            kind = kinds[-1]
            text = (
                raw.replace(LINE_BREAK, "\n").strip("\n")
                if kind == "preformatted"
                else clean_text(raw)
            )
            plain = bool(outside)
            label = "".join(outside)
            outside.clear()
            if not text:
                return
            if not plain and kind != "preformatted" and len(text) < _LINK_ONLY_MAX:
                return  # a line that is all link text: a teaser, a "read more", a tag
            if (
                plain
                and len(label) <= _MAX_LABEL_CHARS
                and len(text) < _LINK_ONLY_MAX
                and is_related_label(label.strip(" :|-–—>»").strip())
            ):
                return  # "Related: <a>…</a>", "SEE MORE: <a>…</a>": a teaser with its label
            blocks.append(Block(kind=kind, text=text))

        walker = etree.iterwalk(root, events=("start", "end"))
        first = True
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
                if tag == "a" and action != _SKIP:
                    state["links"] -= 1
                tail = element.tail
                if tail and opened:  # the root's tail is not part of the story
                    parts.append(tail)
                    if not state["links"] and not tail.isspace():
                        outside.append(tail)
                continue
            if not isinstance(tag, str):
                walker.skip_subtree()
                opened.append(_SKIP)
                continue
            if (
                tag in _SKIPPED
                or len(opened) >= max_depth
                or (not first and skip is not None and skip(element))
                or (tag == "time" and _second_time(element))
            ):
                if len(opened) >= max_depth and tag not in _SKIPPED:
                    self.too_deep = True
                if tag == "figcaption":
                    self._caption(element)
                walker.skip_subtree()
                opened.append(_SKIP)
                continue
            first = False
            kind = KIND_BY_TAG.get(tag)
            if kind is not None:
                if parts:
                    flush()
                outer = kinds[-1]
                if outer in DOMINANT and kind in ("paragraph", "blockquote"):
                    kind = outer
                kinds.append(kind)
                action = _PUSHED
            elif tag in CONTAINERS:
                if parts:
                    flush()
                action = _CONTAINER
            else:
                action = self._inline(element, tag, parts)
                if action == _SKIP:
                    walker.skip_subtree()
            opened.append(action)
            if tag == "a" and action != _SKIP:
                state["links"] += 1
            text = element.text
            if text and action != _SKIP:
                parts.append(text)
                if not state["links"] and not text.isspace():
                    outside.append(text)
        if parts:
            flush()

    def _inline(self, element: etree._Element, tag: str, parts: list[str]) -> int:
        if tag == "a":
            href = element.get("href")
            if href and href.strip() and not href.lstrip().startswith("#"):
                # The link's text in one call to libxml2 (itertext makes a string per node).
                raw = etree.tostring(element, method="text", encoding=str, with_tail=False)
                text = clean_text(raw) or None
                self.links.append(
                    Link(url=resolve_url(href.strip(), self.base_url), text=text, kind="inline")
                )
        elif tag == "br":
            parts.append(LINE_BREAK)
        elif tag in ("td", "th"):
            if parts:
                parts.append(" | ")
        elif tag == "img":
            self._image(element)
        elif tag == "iframe":
            self._embed(element)
            return _SKIP
        return _INLINE

    def _embed(self, element: etree._Element) -> None:
        src = element.get("data-iframely-url") or element.get("src") or element.get("data-src")
        if not src or not src.strip() or src.strip() == "about:blank":
            return
        url = embedded_url(resolve_url(src.strip(), self.base_url))
        title = clean_text(element.get("title") or "") or None
        self.links.append(Link(url=url, text=title, kind="embed"))

    def _image(self, element: etree._Element) -> None:
        src = element.get("src") or element.get("data-src") or element.get("data-lazy-src")
        if not src or not src.strip() or src.startswith("data:"):
            return
        if element.get("aria-hidden") == "true" or element.get("role") == "presentation":
            return
        alt = clean_text(element.get("alt") or "") or None
        self.images.append([resolve_url(src.strip(), self.base_url), alt, None])

    def _caption(self, element: etree._Element) -> None:
        """A figure caption is its image's caption (and credit), never body text."""
        text = spaced_text(element)
        if not text or not self.images:
            return
        image = self.images[-1]
        credit = split_credit(text)
        if credit is not None:
            image[2] = credit
        else:
            image[1], found = caption_and_credit(text)
            image[2] = found or image[2]

    def fragment(self) -> Fragment:
        warnings = (too_deep(self.max_depth),) if self.too_deep else ()
        return Fragment(
            blocks=tuple(self.blocks),
            links=tuple(self.links),
            images=tuple(
                Image(url=str(url), caption=caption, credit=credit)
                for url, caption, credit in self.images
            ),
            warnings=warnings,
        )
