"""NITF body markup (or XHTML) to blocks, links and images, through the HTML machinery.

NITF's body elements are HTML's with other names: ``hl2`` a heading, ``block`` a division,
``bq`` a block quotation, ``media`` a figure. The body is copied with HTML's names (the
namespace, NITF's semantic inline elements such as ``person`` or ``chron`` and every attribute
but a link's target dropped), written out and read by the shared fragment machinery that
reads every HTML body (:func:`newsdoc.html.fragment.parse_fragment`). ``<q>`` gets quotation
marks, which NITF leaves to the renderer, so that the quote engine sees the quotation;
``media`` elements become the document's images (their caption and producer kept),
editors' notes (``note``, ``ed-msg``) are kept apart from the body, and a lead paragraph given
twice (in a block of its own, then at the start of the full text) is read once.
"""

from __future__ import annotations

import copy
from typing import Final

import attrs
from lxml import etree

from newsdoc.analysis.text import comparable
from newsdoc.analysis.urls import page_url, resolve_url
from newsdoc.html.fragment import Fragment, parse_fragment
from newsdoc.model import Image
from newsdoc.xml.tree import attribute, child, children, clean_of, key, text_of

__all__ = ["Body", "read_body"]

# NITF's (and XHTML's) block and inline elements, by key, as the HTML element that says the same.
_HTML: Final = {
    **{name: name for name in (
        "p", "a", "em", "strong", "b", "i", "u", "br", "hr", "pre", "sub", "sup", "code",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot",
        "tr", "td", "th", "col", "colgroup", "blockquote", "cite", "q", "h1", "h2", "h3",
        "h4", "h5", "h6", "div", "span", "section", "article", "figure", "figcaption", "img",
    )},
    "hl1": "h2", "hl2": "h3", "block": "div", "bq": "blockquote", "credit": "p", "fn": "p",
    "body.content": "div", "body": "div", "html": "div", "abstract": "div",
}  # fmt: skip
# Elements whose content is not the story: kept apart (notes) or read as media.
_NOTES: Final = frozenset({"note", "ed-msg"})
_MEDIA: Final = frozenset({"media"})
_PICTURES: Final = frozenset({"image", "photo", "graphic", "picture", "illustration"})
_OPEN_QUOTE: Final = "\u201c"
_CLOSE_QUOTE: Final = "\u201d"
_QUOTE_MARKS: Final = frozenset("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a\u2039\u203a")


@attrs.frozen
class Body:
    """A body read: its fragment (blocks, links, images in the text), its media, its notes.

    Attributes:
        fragment: What the HTML machinery read.
        images: The body's ``media`` pictures (after the fragment's own images).
        media: The other media (video, audio, other), as source fields for ``extra``.
        notes: Editors' notes found in the body.
    """

    fragment: Fragment
    images: tuple[Image, ...] = ()
    media: tuple[dict[str, str], ...] = ()
    notes: tuple[str, ...] = ()


def read_body(element: etree._Element, *, base_url: str | None, max_depth: int) -> Body:
    """The body under ``element`` (``body.content``, an XHTML ``body`` or ``html``)."""
    body = copy.deepcopy(element)
    images: list[Image] = []
    media: list[dict[str, str]] = []
    notes: list[str] = []
    for node in list(body.iter()):
        name = key(node)
        if isinstance(node, etree._Entity):
            _remove(node)  # a reference to an entity no one defined: no text to read
        elif name in _MEDIA:
            _read_media(node, base_url, images, media)
            _remove(node)
        elif name in _NOTES:
            note = clean_of(node) or attribute(node, "info")
            if note:
                notes.append(note)
            _remove(node)
    _drop_repeated_leads(body)
    for node in body.iter():
        _as_html(node)
    markup = etree.tostring(body, encoding="unicode", method="html")
    fragment = parse_fragment(markup, base_url=base_url, max_depth=max_depth)
    return Body(fragment, tuple(images), tuple(media), tuple(notes))


def _drop_repeated_leads(body: etree._Element) -> None:
    """Drop a ``block`` whose text the next block opens with: a lead given twice.

    Archives put the lead paragraph in a block of its own before the full text, which repeats
    it.
    """
    blocks = [node for node in body.iter() if key(node) == "block"]
    for block in blocks:
        following = block.getnext()
        if following is None or key(following) != "block":
            continue
        lead = comparable(text_of(block))
        if lead and comparable(text_of(following)).startswith(lead):
            _remove(block)


def _as_html(node: etree._Element) -> None:
    """Give ``node`` its HTML name and no attributes but a link's or image's target."""
    name = key(node)
    if not name:
        return
    kept = [(target, node.get(target)) for target in ("href", "src", "alt")]
    node.attrib.clear()
    node.tag = _HTML.get(name, "span")
    for attribute_name, value in kept:
        if value is not None:
            node.set(attribute_name, value)
    if name == "q" and not _quoted(node):
        node.text = _OPEN_QUOTE + (node.text or "")
        last = node[-1] if len(node) else None
        if last is None:
            node.text += _CLOSE_QUOTE
        else:
            last.tail = (last.tail or "") + _CLOSE_QUOTE


def _quoted(node: etree._Element) -> bool:
    """Whether the quotation already has its marks in its text."""
    text = "".join(str(part) for part in node.itertext()).strip()
    return bool(text) and (text[0] in _QUOTE_MARKS or text[-1] in _QUOTE_MARKS)


def _read_media(
    node: etree._Element, base_url: str | None, images: list[Image], media: list[dict[str, str]]
) -> None:
    kind = (attribute(node, "media-type") or "").lower()
    caption = clean_of(child(node, "media-caption"))
    credit = clean_of(child(node, "media-producer"))
    for reference in children(node, "media-reference"):
        source = attribute(reference, "source", "href", "data")
        if not source:
            continue
        url = page_url(resolve_url(source, base_url))
        mime = attribute(reference, "mime-type") or ""
        if url and (kind in _PICTURES or mime.startswith("image/")):
            images.append(Image(url=url, caption=caption, credit=credit))
        else:
            found = {"type": kind or mime, "source": url or source, "caption": caption or ""}
            media.append({name: value for name, value in found.items() if value})
        return  # the first reference is the media; the others are its other renditions


def _remove(node: etree._Element) -> None:
    """Take ``node`` out of the tree, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail or ""
    previous = node.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(node)
