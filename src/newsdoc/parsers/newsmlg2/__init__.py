"""IPTC NewsML-G2: the XML in which agencies deliver news items, packages, events and concepts.

A file holds one item (``newsItem``, ``packageItem``, ``conceptItem``, ``knowledgeItem``,
``planningItem``) or a ``newsMessage`` whose ``itemSet`` holds several: one Document per item,
in order, each with the message header's fields in ``extra["newsml-g2"]["message"]``. The
bytes are read by the shared XML machinery (:mod:`newsdoc.xml`: the encoding, HTML's named
entities, our safe parser, recovery when not well-formed), and the tree by local name, so that
the standard's namespace, a provider's own, none, or capitalised elements read alike.

The package, a module per job: this one sniffs and splits a message into its items;
:mod:`.item` makes an item's Document; :mod:`.meta` reads its metadata, :mod:`.content` its
content, :mod:`.kinds` packages and the items that are no articles; :mod:`.fields` the
building blocks (qcodes, names in a language, dates).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from lxml import etree

from newsdoc.codes import NEWSML_G2_MALFORMED
from newsdoc.errors import ParseError
from newsdoc.iptc.article import Article
from newsdoc.model import Document, ParseWarning
from newsdoc.parsers.newsmlg2.fields import code_of, date_of
from newsdoc.parsers.newsmlg2.item import ITEMS, item_document
from newsdoc.registry import Format, ParseContext
from newsdoc.xml.read import read_xml
from newsdoc.xml.root import root_name
from newsdoc.xml.tree import attribute, child, children, clean_of, key

__all__ = ["FORMAT"]

NAME: Final = "newsml-g2"
# The root elements that are NewsML-G2's, as keys (an eventItem root is no G2 standard's).
_ROOTS: Final = frozenset(
    {b"newsitem", b"newsmessage", b"packageitem", b"conceptitem", b"planningitem", b"knowledgeitem"}
)
_HEADER_TEXTS: Final = (
    ("sender", "sender"),
    ("transmitid", "transmit_id"),
    ("priority", "priority"),
    ("origin", "origin"),
)


# What tells a NewsML 1 NewsItem from a G2 newsItem written with a capital.
_NEWSML_1: Final = re.compile(
    rb"<(?:\w{1,40}:)?(?:Identification|NewsManagement|NewsIdentifier)[\s>]"
)
_G2: Final = re.compile(
    rb"iptc\.org/std/nar/|NewsML-G2|<(?:\w{1,40}:)?(?:itemMeta|contentMeta|contentSet)[\s>]"
)


def sniff(head: bytes, name: str | None) -> float:
    """0.95 when the root element is a G2 item or a ``newsMessage`` (any prefix or capitals).

    A ``NewsItem`` root (capital N) that holds NewsML 1's ``Identification`` or
    ``NewsManagement`` and nothing of G2's (its namespace, ``itemMeta``, ``contentMeta``) is a
    NewsML 1 item, not this format's.
    """
    root = root_name(head.lstrip())
    if root is None or root[1].lower() not in _ROOTS:
        return 0.0
    if root[1] == b"NewsItem" and _NEWSML_1.search(head) and not _G2.search(head):
        return 0.0
    return 0.95


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield a Document per item, in order.

    Raises:
        ParseError: The bytes are not XML, or their root is no G2 item or message.
    """
    read = read_xml(data, context, NAME)
    warnings: list[ParseWarning] = list(read.warnings)
    if read.problem is not None:
        problem = f"not well-formed XML ({read.problem}); read as far as it goes"
        warnings.append(NEWSML_G2_MALFORMED(problem))
    root = read.root
    if key(root) in ITEMS:
        yield item_document(root, context, name=NAME, warnings=warnings)
        return
    if key(root) != "newsmessage":
        msg = f"{context.label}: {NAME}: an XML document with root <{key(root)}>, not NewsML-G2"
        raise ParseError(msg, source=context.source)
    message, header_warnings = _header(child(root, "header"))
    items = [item for item_set in children(root, "itemset") for item in _items(item_set)]
    if not items:
        msg = f"{context.label}: {NAME}: the newsMessage's itemSet holds no item"
        raise ParseError(msg, source=context.source)
    for item in items:
        yield item_document(
            item, context, name=NAME, warnings=[*warnings, *header_warnings], message=message
        )


def _items(item_set: etree._Element) -> Iterator[etree._Element]:
    return (item for item in children(item_set) if key(item) in ITEMS)


def _header(header: etree._Element | None) -> tuple[dict[str, object], list[ParseWarning]]:
    """A message header's fields: when it was sent, by whom, its id, channels and signals."""
    dated = Article()
    if header is None:
        return {}, []
    fields: dict[str, object] = {}
    sent = date_of(child(header, "sent"), dated)
    if sent is not None:
        fields["sent"] = sent.isoformat()
    for element, field in _HEADER_TEXTS:
        value = clean_of(child(header, element))
        if value:
            fields[field] = value
    for element, field in (("destination", "destinations"), ("channel", "channels")):
        values = [text for text in map(clean_of, children(header, element)) if text]
        if values:
            fields[field] = values
    timestamps = {
        attribute(stamp, "role") or "timestamp": text
        for stamp in children(header, "timestamp")
        if (text := clean_of(stamp))
    }
    if timestamps:
        fields["timestamps"] = timestamps
    signals = [code for code in map(code_of, children(header, "signal")) if code]
    if signals:
        fields["signals"] = signals
    return fields, dated.warnings


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("xml", "g2", "newsml"),
    description="IPTC NewsML-G2 items, packages and news messages",
)
