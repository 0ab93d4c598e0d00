"""HTML article pages: the story without the page around it, and what the page says of itself.

One lxml parse per page. The metadata comes from every source the page offers, with the
precedence of :mod:`newsdoc.html.meta`; the body from the element that :mod:`newsdoc.html.content`
finds to hold the article, walked by :mod:`newsdoc.html.walk` without its furniture. A page that
does not look like an article (a front page, an index) is read all the same, with the
``html.not-an-article`` warning.

The format is a package, a module per job: this one sniffs, decodes and parses; :mod:`.page`
puts the page's Document together; :mod:`.title` chooses the title; :mod:`.header` reads the
story's header (its byline and date line); :mod:`.cleanup` takes the page's furniture out of the
body's blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from lxml import etree

from newsdoc.decoding import decode, normalize_charset
from newsdoc.errors import ParseError
from newsdoc.html.fragment import parse_fragment, without_xml_declaration
from newsdoc.html.repair import limit_hit, parser_limit, repair
from newsdoc.html.safe import utf8_html_parser
from newsdoc.html.tags import ELEMENTS
from newsdoc.model import Document, Metadata, ParseWarning
from newsdoc.parsers.html.page import NAME, NO_TEXT, page_document
from newsdoc.registry import Format, ParseContext
from newsdoc.xml.root import root_name

__all__ = ["FORMAT"]

_PAGE: Final = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_TAG: Final = re.compile(rb"<(p|div|span|a|br|h[1-6]|ul|ol|li|img|table|em|strong|b|i)[\s>/]", re.I)
_CHARSET: Final = re.compile(
    rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE
)


def sniff(head: bytes, name: str | None) -> float:
    """A page (doctype, ``<html>``, ``<head>`` or ``<body>``) is sure; a fragment is likely."""
    stripped = head.lstrip()
    if not stripped.startswith(b"<"):
        return 0.0
    root = root_name(stripped)
    if root is not None and not _is_html_element(root[1]):
        return 0.0  # XML (a feed, a news format, a sitemap), not a page or a fragment
    if _PAGE.search(head):
        return 0.9
    if len(_TAG.findall(head)) >= 2:
        return 0.4  # an HTML fragment (a story body on its own)
    return 0.0


def _is_html_element(name: bytes) -> bool:
    """Whether ``name`` is an element of HTML's, or a custom element (``my-widget``)."""
    text = name.decode("ascii", "replace").lower()
    return text in ELEMENTS or "-" in text


_UTF8_BOM: Final = b"\xef\xbb\xbf"


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield the page's one Document."""
    # Read in a function of its own: its tree, text and markup are freed when it returns, where
    # this generator's frame would keep them alive while the caller works on the document.
    yield _document(data, context)


def _document(data: bytes, context: ParseContext) -> Document:
    # The HTML standard's order: a BOM (decode sees it first), the transport's charset when
    # it names an encoding, then the page's own <meta charset>.
    declared = context.charset
    if declared is None or normalize_charset(declared, html=True) is None:
        declared = None
        match = _CHARSET.search(data[:4096])
        if match is not None:
            declared = match.group(1).decode("ascii", "replace")  # decode says when it is none
    decoded = decode(data, declared=declared, known=context.encoding, html=True)
    text = decoded.text
    warnings: list[ParseWarning] = list(decoded.warnings)
    text = without_xml_declaration(text)
    if not _PAGE.search(text[:8192].encode("utf-8", "replace")):
        return _fragment_document(text, context, warnings)
    if decoded.encoding == "utf-8" and not decoded.warnings and text is decoded.text:
        # Valid UTF-8 as it came: the parser reads the bytes we have (encoding them again
        # would cost a tenth of the parse).
        markup = data.removeprefix(_UTF8_BOM)
    else:
        markup = text.encode("utf-8", "surrogatepass")
    del decoded, text  # the tree is what is read from now on
    parser = utf8_html_parser()
    try:
        root = etree.fromstring(markup, parser=parser)
        if limit_hit(parser):
            markup, repaired = repair(markup)
            parser = utf8_html_parser(huge=True)
            root = etree.fromstring(markup, parser=parser)
            warnings.extend((*repaired, *parser_limit(parser)))
    except (etree.ParserError, ValueError) as exc:
        msg = f"{context.label}: html: the page cannot be parsed: {exc}"
        raise ParseError(msg, source=context.source) from None
    if root is None:
        msg = f"{context.label}: html: the page has no elements"
        raise ParseError(msg, source=context.source)
    del markup
    return page_document(root, context, warnings)


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("html", "htm", "xhtml"),
    description="HTML article pages (and HTML fragments): main text and page metadata",
)


def _fragment_document(text: str, context: ParseContext, warnings: list[ParseWarning]) -> Document:
    fragment = parse_fragment(text, max_depth=context.limits.max_depth)
    if not fragment.blocks:
        warnings.append(NO_TEXT)
    return Document(
        format=NAME,
        source=context.source,
        blocks=fragment.blocks,
        links=fragment.links,
        metadata=Metadata(images=fragment.images),
        warnings=[*warnings, *fragment.warnings],
    )
