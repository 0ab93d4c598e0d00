"""IPTC NewsML 1.x: an envelope of news items, as AFP, ANA-MPE, Business Wire and EFE send them.

A ``NewsML`` document holds a ``NewsEnvelope`` (when and by whom it was sent) and one or more
``NewsItem`` elements; each item is one Document, in order (NewsItems that a package carries
inline follow their package). The file is read by the shared XML machinery
(:mod:`newsdoc.xml`: the encoding, HTML's named entities, the safe parser; a DOCTYPE's DTD is
never fetched); an item's components by :mod:`.components`, its metadata by :mod:`.metadata`,
its text by :mod:`.content` (NITF and XHTML through the shared NITF reader), the whole item by
:mod:`.item`; the sniff rule, and the boundary with NewsML-G2, is :mod:`.sniff`'s.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from lxml import etree

from newsdoc.codes import NEWSML_MALFORMED
from newsdoc.errors import ParseError
from newsdoc.iptc.article import Article
from newsdoc.model import Document, ParseWarning
from newsdoc.parsers.newsml.item import read_envelope, read_item
from newsdoc.parsers.newsml.metadata import Fields, Topics, topics_of
from newsdoc.parsers.newsml.sniff import sniff
from newsdoc.registry import Format, ParseContext
from newsdoc.xml.read import read_xml
from newsdoc.xml.tree import child, children, clean_of, key

__all__ = ["FORMAT"]

NAME: Final = "newsml"


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield a Document for every NewsItem of the file, in order.

    Raises:
        ParseError: The bytes are not XML, or their root is neither ``NewsML`` nor
            ``NewsItem``.
    """
    read = read_xml(data, context, NAME)
    root = read.root
    warnings: list[ParseWarning] = list(read.warnings)
    if read.problem is not None:
        warnings.append(
            NEWSML_MALFORMED(f"not well-formed XML ({read.problem}); read as far as it goes")
        )
    if key(root) == "newsml":
        items = list(children(root, "newsitem"))
        scratch = Article()
        envelope = read_envelope(child(root, "newsenvelope"), scratch)
        warnings.extend(scratch.warnings)
        topics = topics_of(children(root, "topicset"))
    elif key(root) == "newsitem":
        items, envelope, topics = [root], {}, {}
    else:
        msg = f"{context.label}: {NAME}: an XML document with root <{key(root)}>, not NewsML 1"
        raise ParseError(msg, source=context.source)
    if not items:
        msg = f"{context.label}: {NAME}: the NewsML document holds no NewsItem"
        raise ParseError(msg, source=context.source)
    # Items in document order; those a package carries inline after it (an explicit stack).
    stack: list[tuple[etree._Element, str | None]] = [(item, None) for item in reversed(items)]
    while stack:
        item, parent = stack.pop()
        yield _document(item, parent, context, warnings, envelope, topics, stack)


def _document(
    item: etree._Element,
    parent: str | None,
    context: ParseContext,
    warnings: list[ParseWarning],
    envelope: Fields,
    topics: Topics,
    stack: list[tuple[etree._Element, str | None]],
) -> Document:
    article = Article(warnings=list(warnings))
    read = read_item(
        item,
        article,
        envelope=envelope,
        topics=topics,
        base_url=context.url,
        max_depth=context.limits.max_depth,
    )
    fields = article.extra.get("newsml")
    if parent is not None and isinstance(fields, dict):
        fields["part_of"] = parent
    identifier = _public_identifier(item)
    stack.extend((nested, identifier) for nested in reversed(read.items))
    return article.document(NAME, context)


def _public_identifier(item: etree._Element) -> str | None:
    identifier = child(child(item, "identification"), "newsidentifier")
    return clean_of(child(identifier, "publicidentifier")) or clean_of(
        child(identifier, "newsitemid")
    )


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("xml", "newsml"),
    description="IPTC NewsML 1.x envelopes of news items (one document per NewsItem)",
)
