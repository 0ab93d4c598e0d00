"""NITF 3.x (News Industry Text Format): one article in XML, as agencies and archives send it.

The file is read by the shared XML machinery (:mod:`newsdoc.xml`: the encoding from a BOM or
the declaration, HTML's named entities that NITF's DTD defines, our safe parser; a DOCTYPE's
DTD, relative or not, is never fetched), and the ``nitf`` element by the shared NITF reader
(:mod:`newsdoc.iptc.nitf`), which NewsML and ninjs use for the NITF they carry.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from newsdoc.codes import NITF_MALFORMED, NITF_NO_BODY
from newsdoc.errors import ParseError
from newsdoc.iptc.article import Article
from newsdoc.iptc.nitf import read_nitf
from newsdoc.model import Document
from newsdoc.registry import Format, ParseContext
from newsdoc.xml.read import read_xml
from newsdoc.xml.root import root_name
from newsdoc.xml.tree import key

__all__ = ["FORMAT"]

NAME: Final = "nitf"


def sniff(head: bytes, name: str | None) -> float:
    """0.95 when the document's root element is ``nitf`` (any prefix or capitals), else 0."""
    root = root_name(head.lstrip())
    return 0.95 if root is not None and root[1].lower() == b"nitf" else 0.0


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield the document's one article.

    Raises:
        ParseError: The bytes are not XML, or their root is not ``nitf``.
    """
    read = read_xml(data, context, NAME)
    if key(read.root) != "nitf":
        msg = f"{context.label}: {NAME}: an XML document with root <{key(read.root)}>, not NITF"
        raise ParseError(msg, source=context.source)
    article = Article(warnings=list(read.warnings))
    if read.problem is not None:
        article.warnings.append(
            NITF_MALFORMED(f"not well-formed XML ({read.problem}); read as far as it goes")
        )
    read_nitf(read.root, article, max_depth=context.limits.max_depth)
    if not article.blocks:
        article.warnings.append(NITF_NO_BODY("the document's body.content holds no text"))
    yield article.document(NAME, context)


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("nitf", "xml"),
    description="IPTC NITF 3.x (News Industry Text Format) articles",
)
