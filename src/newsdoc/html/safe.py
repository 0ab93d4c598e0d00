"""The only lxml parsers newsdoc creates: explicit, safe settings, made once.

No entity resolution, no network, no DTD loading, no huge trees: input is untrusted. lxml
parsers are not thread-safe to share, so each thread gets its own (``threading.local``).
"""

from __future__ import annotations

import threading

from lxml import etree

__all__ = ["html_parser", "xml_parser"]

_local = threading.local()


def html_parser() -> etree.HTMLParser:
    """This thread's HTML parser: no network, no comments or processing instructions.

    It is ``lxml.etree.HTMLParser``, not ``lxml.html.HTMLParser``: the latter looks up a Python
    element class for every element, which costs more than the parse itself on small bodies.
    """
    parser: etree.HTMLParser | None = getattr(_local, "html", None)
    if parser is None:
        # lxml-stubs lag behind lxml: default_doctype and collect_ids exist on HTMLParser.
        parser = etree.HTMLParser(  # type: ignore[call-arg]
            no_network=True,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            default_doctype=False,
            collect_ids=False,
            compact=True,
        )
        _local.html = parser
    return parser


def xml_parser() -> etree.XMLParser:
    """This thread's XML parser: no entities resolved, no DTD, no network, no huge trees."""
    parser: etree.XMLParser | None = getattr(_local, "xml", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
        )
        _local.xml = parser
    return parser
