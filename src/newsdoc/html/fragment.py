"""An HTML fragment (a story body) to blocks, links, images and the credits around them.

lxml parses the markup and calls a *parser target*, the
:class:`~newsdoc.html.blocks.BlockBuilder` that reads pages too, for every start tag, end tag
and run of text; no element tree is built and no Python proxy is made per element, which makes
this about four times faster than walking a tree. What the builder keeps out of the body, and
what becomes a link, an image or a credit, is told in :mod:`newsdoc.html.blocks`.
"""

from __future__ import annotations

import re
from typing import Final

import attrs
from lxml import etree

from newsdoc._regex import OPTIONAL_SPACE_RUN
from newsdoc.html.blocks import BlockBuilder
from newsdoc.html.repair import limit_hit, parser_limit, repair
from newsdoc.html.results import Card, Fragment
from newsdoc.html.safe import html_target_parser
from newsdoc.model import ParseWarning

__all__ = ["Card", "Fragment", "parse_fragment", "without_xml_declaration"]

_XML_DECLARATION: Final = re.compile(OPTIONAL_SPACE_RUN + r"<\?xml[^>]{0,200}\?>")
_EMPTY: Final = Fragment(blocks=(), links=(), images=())


def parse_fragment(markup: str, *, base_url: str | None = None, max_depth: int = 256) -> Fragment:
    """Turn an HTML fragment into blocks, links, images and cards.

    Args:
        markup: The HTML, decoded.
        base_url: What relative link and image URLs are resolved against.
        max_depth: Elements nested deeper than this are flattened, with a warning.
    """
    if not markup or markup.isspace():
        return _EMPTY
    markup = _without_bogus_declarations(without_xml_declaration(markup))
    parser, builder = html_target_parser(BlockBuilder)
    builder.reset(base_url, max_depth)
    try:
        result = etree.fromstring(markup, parser=parser)
        repaired: tuple[ParseWarning, ...] = ()
        if limit_hit(parser):
            fixed, repaired = repair(markup.encode("utf-8", "surrogatepass"))
            parser, builder = html_target_parser(BlockBuilder, huge=True)
            builder.reset(base_url, max_depth)
            result = etree.fromstring(fixed.decode("utf-8", "surrogatepass"), parser=parser)
            repaired += parser_limit(parser)
    except etree.ParserError:
        # lxml raises this for a document with no elements at all (only whitespace, comments).
        builder.reset(None, max_depth)
        return _EMPTY
    if not isinstance(result, Fragment):
        return _EMPTY
    return attrs.evolve(result, warnings=(*repaired, *result.warnings)) if repaired else result


def _without_bogus_declarations(text: str) -> str:
    """``text`` without the broken XML declarations it opens with (``<?xml ver"1.0" ...>``).

    HTML reads ``<?`` to the next ``>`` as a comment, so dropping it changes nothing; but lxml
    refuses a ``str`` that opens with ``<?xml`` and names an encoding, even a broken one.
    """
    while text.lstrip()[:5].lower() == "<?xml":
        end = text.find(">")
        text = text[end + 1 :] if end >= 0 else ""
    return text


def without_xml_declaration(text: str) -> str:
    """``text`` without the XML declaration it starts with, if any.

    lxml refuses a ``str`` that carries an encoding declaration; decoded text needs none.
    """
    declaration = _XML_DECLARATION.match(text)
    return text[declaration.end() :] if declaration else text
