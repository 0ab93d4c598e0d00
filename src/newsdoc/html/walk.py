"""A parsed page's article to blocks, links and images, without the furniture inside it.

A page is parsed once into a tree (the main-content search needs one); the elements chosen as
the article are walked here with ``etree.iterwalk`` (no recursion, so no depth can overflow the
stack), and their start tags, text and end tags are fed to the same
:class:`~newsdoc.html.blocks.BlockBuilder` that reads HTML fragments, so that a page and a story
body are read by one set of rules. Elements the caller marks as furniture (share bars,
related-story rails) are skipped whole.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

from lxml import etree

from newsdoc.html.blocks import BlockBuilder
from newsdoc.html.results import Fragment

__all__ = ["walk"]

_local = threading.local()  # a builder per thread, made once


def walk(
    roots: Iterable[etree._Element],
    *,
    base_url: str | None,
    max_depth: int = 256,
    skip: Callable[[etree._Element], bool] | None = None,
    link_lines: bool = False,
) -> Fragment:
    """Blocks, links and images of ``roots`` (in order), without the elements ``skip`` rejects.

    Args:
        roots: The elements that hold the story, in reading order.
        base_url: What relative URLs are resolved against.
        max_depth: Elements nested deeper than this (below a root) are flattened, with a warning.
        skip: Returns ``True`` for an element whose whole subtree is not the story (never
            asked of a root).
        link_lines: Keep the short lines that are all link text (a front page's headlines);
            in an article they are teasers and tags, and go.
    """
    builder: BlockBuilder | None = getattr(_local, "builder", None)
    if builder is None:
        builder = _local.builder = BlockBuilder()
    builder.reset(base_url, max_depth, drop_link_lines=not link_lines)
    for root in roots:
        _feed(builder, root, skip)
    return builder.close()


def _feed(
    builder: BlockBuilder,
    root: etree._Element,
    skip: Callable[[etree._Element], bool] | None,
) -> None:
    """Feed the events of ``root``'s subtree (not its tail) to ``builder``."""
    start, data, end = builder.start, builder.data, builder.end
    fed: list[bool] = []  # per open element: whether the builder was told of it
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if event == "end":
            if fed.pop():
                end(element.tag)
            tail = element.tail
            if tail and fed:  # the root's tail is not part of the story
                data(tail)
            continue
        tag = element.tag
        if not isinstance(tag, str) or (fed and skip is not None and skip(element)):
            # A comment or a processing instruction, or furniture: nothing of it is read.
            walker.skip_subtree()
            fed.append(False)
            continue
        start(tag, element)
        fed.append(True)
        if builder.skipping:
            walker.skip_subtree()  # the builder skips it (a script, media, too deep)
            continue
        text = element.text
        if text:
            data(text)
