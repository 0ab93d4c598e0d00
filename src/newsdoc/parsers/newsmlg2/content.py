"""An item's ``contentSet``: the text carried inline, and the renditions referred to.

``inlineXML`` carries NITF (read by the shared NITF reader, :mod:`newsdoc.iptc.nitf`, into
the article begun from the item's metadata, which comes first) or XHTML (its ``body`` read by
the shared body reader; the ``head`` never); ``inlineData`` carries plain text (each line a
paragraph) or, by its content type, HTML, escaped or not. The first inline content that gives
text is the body; later alternatives (another format of the same text) are only listed.
``remoteContent`` elements are renditions by reference, never fetched: a picture's become its
images, and every one is listed in ``extra``.
"""

from __future__ import annotations

import base64
import binascii
from typing import Final

from lxml import etree

from newsdoc.analysis.text import paragraphs
from newsdoc.analysis.urls import page_url
from newsdoc.html.fragment import parse_fragment
from newsdoc.iptc.article import Article
from newsdoc.iptc.nitf import read_nitf, read_nitf_body
from newsdoc.model import Block, Image
from newsdoc.parsers.newsmlg2.fields import qcode_tail
from newsdoc.xml.tree import attribute, child, children, clean_of, key, text_of

__all__ = ["PICTURE_CLASSES", "read_content_set"]

#: Item classes whose renditions are pictures.
PICTURE_CLASSES: Final = frozenset({"picture", "graphic", "photo", "image"})
# Elements an XHTML or HTML body is made of, when inlineXML carries them without a wrapper.
_BODY_ELEMENTS: Final = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre",
     "section", "article", "figure", "hl1", "hl2", "block", "bq"}
)  # fmt: skip
_RENDITION_FIELDS: Final = (
    "rendition", "href", "residref", "contenttype", "format", "size", "width", "height",
    "duration", "durationunit",
)  # fmt: skip
_MARKUP_TYPES: Final = ("html", "xml")


def read_content_set(
    item: etree._Element,
    article: Article,
    fields: dict[str, object],
    *,
    item_class: str,
    max_depth: int,
) -> None:
    """Read the item's ``contentSet`` into ``article``: the body, and the renditions."""
    content_set = child(item, "contentset")
    if content_set is None:
        return
    alternatives: list[str] = []
    renditions: list[dict[str, str]] = []
    for content in children(content_set):
        name = key(content)
        if name == "remotecontent":
            renditions.append(_rendition(content, article, item_class))
        elif name in ("inlinexml", "inlinedata"):
            kind = attribute(content, "contenttype") or name
            if article.blocks:
                alternatives.append(kind)
            elif name == "inlinexml":
                _read_inline_xml(content, article, fields, max_depth=max_depth)
            else:
                _read_inline_data(content, article, max_depth=max_depth)
    fields["renditions"] = [found for found in renditions if found]
    fields["alternatives"] = alternatives


def _read_inline_xml(
    content: etree._Element, article: Article, fields: dict[str, object], *, max_depth: int
) -> None:
    """NITF, XHTML (its ``body``), a bare body, or XML that is no text (events: kept apart)."""
    root = next(children(content), None)
    if root is None:
        return
    name = key(root)
    if name == "nitf":
        read_nitf(root, article, max_depth=max_depth)
    elif name == "html":
        article.offer("language", attribute(root, "lang"))  # xml:lang or lang
        body = child(root, "body")
        if body is not None:
            read_nitf_body(body, article, max_depth=max_depth)
        article.offer("title", _head_title(root))
    elif name in ("body", "body.content"):
        read_nitf_body(root, article, max_depth=max_depth)
    elif name in _BODY_ELEMENTS:
        read_nitf_body(content, article, max_depth=max_depth)
    else:
        fields["inline_xml"] = name  # SportsML, events, a format of the provider's own


def _head_title(html: etree._Element) -> str | None:
    return clean_of(child(child(html, "head"), "title"))


def _read_inline_data(content: etree._Element, article: Article, *, max_depth: int) -> None:
    """Plain text as paragraphs; HTML (by content type, or escaped markup) as a fragment."""
    text = text_of(content)
    if (attribute(content, "encoding") or "").lower() == "base64":
        try:
            text = base64.b64decode(text, validate=False).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            return
    kind = (attribute(content, "contenttype") or "").lower()
    stripped = text.lstrip()
    markup = any(word in kind for word in _MARKUP_TYPES) or (
        not kind.startswith("text/plain") and stripped.startswith("<") and ">" in stripped
    )
    if markup:
        fragment = parse_fragment(text, base_url=article.url, max_depth=max_depth)
        article.blocks.extend(fragment.blocks)
        article.links.extend(fragment.links)
        article.images.extend(fragment.images)
        article.warnings.extend(fragment.warnings)
        return
    article.blocks.extend(Block(kind="paragraph", text=line) for line in paragraphs(text))


def _rendition(content: etree._Element, article: Article, item_class: str) -> dict[str, str]:
    """A ``remoteContent`` as a record; a picture's web rendition an image too."""
    record = {name: value for name in _RENDITION_FIELDS if (value := attribute(content, name))}
    mime = record.get("contenttype", "").lower()
    url = page_url(record.get("href", ""))
    picture = qcode_tail(item_class) in PICTURE_CLASSES or (
        mime.startswith("image/") and not item_class
    )
    if url and picture and not any(image.url == url for image in article.images):
        article.images.append(Image(url=url, caption=article.description))
    return record
