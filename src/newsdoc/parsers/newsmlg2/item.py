"""One G2 item (news, package, concept, knowledge or planning) to its Document.

The metadata is read first (:mod:`.meta`), so that what the item states wins over what the
NITF it may carry states again; then the content (:mod:`.content`), or, for an item that is no
article, what it groups or describes (:mod:`.kinds`). The item's kind decides its warning: a
package (``newsml-g2.package``), a picture, video, audio, graphic, event or concept
(``newsml-g2.not-text``), a text item with no text (``newsml-g2.no-text``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

import attrs
from lxml import etree

from newsdoc.codes import NEWSML_G2_NO_TEXT, NEWSML_G2_NOT_TEXT, NEWSML_G2_PACKAGE
from newsdoc.iptc.article import Article
from newsdoc.model import Document, Image, ParseWarning
from newsdoc.parsers.newsmlg2.content import PICTURE_CLASSES, read_content_set
from newsdoc.parsers.newsmlg2.fields import EXTRA, qcode_tail
from newsdoc.parsers.newsmlg2.kinds import event_elements, read_concepts, read_package
from newsdoc.parsers.newsmlg2.meta import (
    item_language,
    read_content_meta,
    read_item_meta,
    read_rights,
)
from newsdoc.registry import ParseContext
from newsdoc.xml.tree import attribute, child, children, clean_of, key

__all__ = ["ITEMS", "item_document"]

#: The keys of the elements that are G2 items.
ITEMS: Final = frozenset(
    {"newsitem", "packageitem", "conceptitem", "knowledgeitem", "planningitem", "eventitem"}
)
# Item classes (``ninat:``) that are no text: media, whose content is not words to read.
_MEDIA_CLASSES: Final = frozenset(
    {*PICTURE_CLASSES, "video", "audio", "animated", "interactive", "multimedia"}
)
_CONCEPT_ITEMS: Final = frozenset({"conceptitem", "knowledgeitem", "planningitem", "eventitem"})


def item_document(
    item: etree._Element,
    context: ParseContext,
    *,
    name: str,
    warnings: Iterable[ParseWarning] = (),
    message: Mapping[str, object] | None = None,
) -> Document:
    """The Document of ``item``, in the format called ``name``.

    Args:
        item: The item element.
        context: The parse context.
        name: The format's name.
        warnings: Warnings of the whole file (decoding, malformed XML), given to the item.
        message: The fields of the ``newsMessage`` header that carried the item.
    """
    article = Article(warnings=list(warnings))
    fields: dict[str, object] = {
        "guid": attribute(item, "guid"),
        "version": attribute(item, "version"),
        "standard_version": attribute(item, "standardversion"),
    }
    article.offer("language", item_language(item))
    read_item_meta(item, article, fields)
    read_content_meta(item, article, fields)
    read_rights(item, article, fields)
    fields["parts"] = [_part(part) for part in children(item, "partmeta")]
    item_class = str(fields.get("item_class") or "")
    element = key(item)
    if element == "packageitem":
        read_package(item, article, fields)
        article.warnings.append(NEWSML_G2_PACKAGE(_package_message(fields)))
    elif element in _CONCEPT_ITEMS or event_elements(item):
        kind = read_concepts(item, article, fields)
        article.warnings.append(NEWSML_G2_NOT_TEXT(f"{_a(kind)} item, not an article"))
    else:
        read_content_set(
            item, article, fields, item_class=item_class, max_depth=context.limits.max_depth
        )
        kind = qcode_tail(item_class)
        if kind in _MEDIA_CLASSES:
            _credit_images(article, fields)
            message_ = f"{_a(kind)} item ({item_class}), not an article"
            article.warnings.append(NEWSML_G2_NOT_TEXT(message_))
        elif not article.blocks:
            article.warnings.append(NEWSML_G2_NO_TEXT(_no_text_message(fields)))
    article.offer("title", _string(fields.get("item_title")))
    if article.title is not None and fields.get("item_title") == article.title:
        del fields["item_title"]
    if message:
        fields["message"] = dict(message)
    article.keep(EXTRA, {field: value for field, value in fields.items() if _kept(value)})
    return article.document(name, context)


def _credit_images(article: Article, fields: dict[str, object]) -> None:
    """A media item's images: its renditions and icons, with its caption and credit line."""
    credit = _string(fields.get("creditline"))
    icons = fields.get("icons")
    for icon in icons if isinstance(icons, list) else ():
        url = str(icon)
        if url.startswith(("http://", "https://")) and all(i.url != url for i in article.images):
            article.images.append(Image(url=url))
    article.images[:] = [
        attrs.evolve(
            image,
            caption=image.caption or article.description,
            credit=image.credit or credit,
        )
        for image in article.images
    ]


def _part(part: etree._Element) -> dict[str, str]:
    """A ``partMeta`` (a part of a video, say): its id, time span and description."""
    span = child(part, "timedelim")
    found = {
        "partid": attribute(part, "partid"),
        "start": attribute(span, "start"),
        "end": attribute(span, "end"),
        "timeunit": attribute(span, "timeunit"),
        "description": clean_of(child(part, "description")),
    }
    return {name: value for name, value in found.items() if value}


def _package_message(fields: dict[str, object]) -> str:
    items = fields.get("items")
    count = len(items) if isinstance(items, list) else 0
    return f"a package of {count} item{'s' if count != 1 else ''}: no text of its own"


def _no_text_message(fields: dict[str, object]) -> str:
    if fields.get("inline_xml"):
        return f"the item's inline XML is <{fields['inline_xml']}>, no text this reader knows"
    if fields.get("renditions"):
        return "the item's content is remote (remoteContent), never fetched"
    return "the item carries no inlineXML or inlineData with text"


def _a(kind: str) -> str:
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def _string(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _kept(value: object) -> bool:
    return value not in (None, "", [], {})
