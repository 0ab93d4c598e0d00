"""The only lxml parsers newsdoc creates: explicit, safe settings, made once.

No entity resolution, no network, no DTD loading: input is untrusted. No huge trees either,
except for the one HTML parse that libxml2's limits on text cut short (see
:mod:`newsdoc.html.repair`): its markup has been flattened first, its size is bounded by
``Limits.max_bytes``, and the HTML parser expands no entities a document declares. lxml
parsers are not thread-safe to share, so each thread gets its own (``threading.local``).
"""

from __future__ import annotations

import threading
from typing import Final, TypeVar

from lxml import etree

__all__ = ["html_parser", "html_target_parser", "utf8_html_parser", "xml_parser"]

_local = threading.local()

_Target = TypeVar("_Target")

# The settings every HTML parser gets; see html_parser.
_HTML_SETTINGS: Final[dict[str, bool]] = {
    "no_network": True,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
    "default_doctype": False,
    "collect_ids": False,
    "compact": True,
}


def html_parser() -> etree.HTMLParser:
    """This thread's HTML parser: no network, no comments or processing instructions.

    It is ``lxml.etree.HTMLParser``, not ``lxml.html.HTMLParser``: the latter looks up a Python
    element class for every element, which costs more than the parse itself on small bodies.
    """
    parser: etree.HTMLParser | None = getattr(_local, "html", None)
    if parser is None:
        # lxml-stubs lag behind lxml: default_doctype and collect_ids exist on HTMLParser.
        parser = etree.HTMLParser(**_HTML_SETTINGS)  # type: ignore[arg-type]
        _local.html = parser
    return parser


def utf8_html_parser(*, huge: bool = False) -> etree.HTMLParser:
    """This thread's HTML parser for UTF-8 bytes, whatever the bytes declare.

    The same safe settings as :func:`html_parser`. Text decoded by newsdoc is parsed as its
    UTF-8 encoding: libxml2 reads bytes faster than a Python string. ``huge`` lifts libxml2's
    limits on the size of text (10 MB), for a page flattened by :mod:`newsdoc.html.repair`.
    """
    key = "html_utf8_huge" if huge else "html_utf8"
    parser: etree.HTMLParser | None = getattr(_local, key, None)
    if parser is None:
        settings = {**_HTML_SETTINGS, "huge_tree": huge}
        parser = etree.HTMLParser(encoding="utf-8", **settings)  # type: ignore[arg-type]
        setattr(_local, key, parser)
    return parser


def html_target_parser(
    target_type: type[_Target], *, huge: bool = False
) -> tuple[etree.HTMLParser, _Target]:
    """This thread's HTML parser that feeds a ``target_type`` instance instead of building a tree.

    The same safe settings as :func:`html_parser` (``huge`` as for :func:`utf8_html_parser`).
    The target is made once per thread and type, and reused: its owner resets it before each
    parse.
    """
    key = f"target_{target_type.__module__}.{target_type.__qualname__}_{huge}"
    pair: tuple[etree.HTMLParser, _Target] | None = getattr(_local, key, None)
    if pair is None:
        target = target_type()
        settings = {**_HTML_SETTINGS, "huge_tree": huge}
        parser = etree.HTMLParser(target=target, **settings)  # type: ignore[arg-type]
        pair = (parser, target)
        setattr(_local, key, pair)
    return pair


# The settings of the XML parsers (feeds): no entities resolved, no DTD read, no network.
_XML_SETTINGS: Final[dict[str, bool]] = {
    "resolve_entities": False,
    "load_dtd": False,
    "dtd_validation": False,
    "attribute_defaults": False,
    "no_network": True,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
    "collect_ids": False,
    "compact": True,
    "strip_cdata": True,
}


def xml_parser(*, recover: bool = False) -> etree.XMLParser:
    """This thread's XML parser for UTF-8 bytes: no entities, no DTD, no network.

    Entities a document declares are left unexpanded (an entity bomb stays a few bytes, an
    external entity is never fetched), libxml2's limits on depth and text size stay in force.
    ``recover`` reads a document that is not well-formed as far as libxml2 can.
    """
    key = "xml_recover" if recover else "xml"
    parser: etree.XMLParser | None = getattr(_local, key, None)
    if parser is None:
        parser = etree.XMLParser(encoding="utf-8", recover=recover, **_XML_SETTINGS)  # type: ignore[arg-type]
        setattr(_local, key, parser)
    return parser
