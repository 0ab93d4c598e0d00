"""Reading a tree by local name, whatever namespace or capitals its producer used.

Agency files carry the standard's namespace, their own, or none; some write ``NewsItem`` for
``newsItem``, and a prefix never declared reaches the tree as part of the name
(``nitf:p``). These helpers compare the *key* of an element: its local name, the namespace
and any such prefix cut off, in lower case.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Final

from lxml import etree

from newsdoc.analysis.text import clean_text

__all__ = ["XML_LANG", "attribute", "child", "children", "clean_of", "descend", "key", "text_of"]

#: The ``xml:lang`` attribute's name in lxml.
XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"


def key(element: etree._Element) -> str:
    """The element's local name in lower case: ``"newsitem"``; ``""`` for a comment or entity."""
    tag: object = element.tag  # a function for comments and entity references
    return _key_of(tag) if isinstance(tag, str) else ""


@functools.lru_cache(maxsize=1024)
def _key_of(tag: str) -> str:
    return tag.rpartition("}")[2].rpartition(":")[2].lower()


def children(element: etree._Element, *names: str) -> Iterator[etree._Element]:
    """The children whose key is one of ``names`` (lower case), in order.

    Every element child when no name is given.
    """
    for node in element:
        name = key(node)
        if name and (not names or name in names):
            yield node


def child(element: etree._Element | None, *names: str) -> etree._Element | None:
    """The first child whose key is one of ``names``, or ``None``."""
    if element is None:
        return None
    return next(children(element, *names), None)


def descend(element: etree._Element | None, path: str) -> etree._Element | None:
    """The first element down ``path`` (keys separated by ``/``: ``"contentmeta/headline"``)."""
    for name in path.split("/"):
        element = child(element, name)
    return element


def attribute(element: etree._Element | None, *names: str) -> str | None:
    """The first of the attributes ``names`` (compared as keys) the element has, cleaned.

    A namespaced attribute (``xml:lang``) matches its local name.
    """
    if element is None:
        return None
    found = {str(name).rpartition("}")[2].lower(): value for name, value in element.attrib.items()}
    for name in names:
        value = found.get(name.lower())
        cleaned = clean_text(str(value)) if value is not None else ""
        if cleaned:
            return cleaned
    return None


def text_of(element: etree._Element) -> str:
    """The text of ``element`` and its descendants, without unexpanded entity references."""
    parts = [element.text or ""]
    for node in element:
        if not isinstance(node, etree._Entity):
            parts.extend(str(text) for text in node.itertext(etree.Element))
        parts.append(node.tail or "")
    return "".join(parts)


def clean_of(element: etree._Element | None) -> str | None:
    """The element's text, whitespace collapsed, or ``None`` when it has none."""
    if element is None:
        return None
    return clean_text(text_of(element)) or None
