"""A text ContentItem's ``DataContent`` to the article's body.

``DataContent`` holds the text inline: a NITF document (``nitf``, or its ``body``), NITF's
body elements bare (``p``, ``hl2``, ``media``: AFP's "bcNITF"), XHTML (``html`` or
``body``, in the XHTML namespace or none), markup escaped as text (``&lt;p&gt;``, or in
CDATA), or plain text. NITF and XHTML are read by the shared NITF reader
(:mod:`newsdoc.iptc.nitf`); plain text becomes paragraphs, split at blank lines (or at line
ends when it has none). A ContentItem that names a file (``Href``) instead is not fetched.
"""

from __future__ import annotations

import copy
import re
from typing import Final

from lxml import etree

from newsdoc.analysis.text import clean_text
from newsdoc.iptc.article import Article
from newsdoc.iptc.nitf import read_nitf, read_nitf_body, read_nitf_markup
from newsdoc.model import Block
from newsdoc.parsers.newsml.metadata import formal_name
from newsdoc.xml.tree import attribute, child, children, key, text_of

__all__ = ["read_text"]

_BLANK_LINE: Final = re.compile(r"\n[ \t\r]*\n")
_MARKUP: Final = re.compile(r"<[A-Za-z!?]")
_DOCUMENT: Final = re.compile(
    r"<\?xml|<!DOCTYPE|<(?:[\w.-]{1,40}:)?(?:nitf|html)[\s/>]", re.IGNORECASE
)


def read_text(item: etree._Element, article: Article, *, max_depth: int) -> str | None:
    """Read the ContentItem ``item``'s text into the article's body.

    Returns ``None`` when it gave blocks, else why it gave none (for the warning).
    """
    data = child(item, "datacontent")
    href = attribute(item, "href")
    notation = formal_name(child(item, "encoding")) or attribute(
        child(item, "encoding"), "notation"
    )
    if data is None:
        if href:
            return f"its text is in a file named by Href ({href[:120]!r}), which is not fetched"
        return "its text ContentItem has no DataContent"
    if notation and notation.lower() not in ("xml", "none", "text"):
        return f"its DataContent is encoded ({notation[:40]}), which is not read"
    before = len(article.blocks)
    element = next(children(data), None)
    if element is not None:
        _read_markup(data, element, article, max_depth=max_depth)
    else:
        text = text_of(data).strip()
        if _MARKUP.match(text):
            # A whole document as it is; body elements (several roots) in one container.
            markup = text if _DOCUMENT.match(text) else f"<div>{text}</div>"
            read_nitf_markup(markup, article, max_depth=max_depth)
        else:
            article.blocks.extend(_paragraphs(text))
    if len(article.blocks) > before:
        return None
    return "its DataContent is empty" if not clean_text(text_of(data)) else "its text is no body"


def _read_markup(
    data: etree._Element, element: etree._Element, article: Article, *, max_depth: int
) -> None:
    name = key(element)
    if name == "nitf":
        read_nitf(element, article, max_depth=max_depth)
    elif name == "html":
        body = child(element, "body")
        if body is not None:
            read_nitf_body(body, article, max_depth=max_depth)
    elif name == "body" and child(element, "body.content", "body.head") is not None:
        wrapper = etree.Element("nitf")  # NITF's body alone: read as a document
        wrapper.append(copy.deepcopy(element))
        read_nitf(wrapper, article, max_depth=max_depth)
    elif name in ("body", "body.content") and len(list(children(data))) == 1:
        read_nitf_body(element, article, max_depth=max_depth)
    else:
        # Body elements bare in DataContent (p, hl2, media...): read as a body.content.
        wrapper = etree.Element("div")
        wrapper.text = data.text
        for node in data:
            wrapper.append(copy.deepcopy(node))
        read_nitf_body(wrapper, article, max_depth=max_depth)


def _paragraphs(text: str) -> list[Block]:
    """Plain text as paragraphs: split at blank lines, else at line ends."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    chunks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    blocks = []
    for chunk in chunks:
        cleaned = clean_text(chunk)
        if cleaned:
            blocks.append(Block(kind="paragraph", text=cleaned))
    return blocks
