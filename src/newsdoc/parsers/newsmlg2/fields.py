"""Small readers of NewsML-G2's building blocks: qcodes, names, languages and dates.

Most G2 properties are *concepts*: an element with a ``qcode`` (``medtop:04000000``), a
``uri`` or a ``literal``, and ``name`` children, one per language. These helpers give such an
element's name (in the item's language when it has several), its code, and the choice among
several elements that say the same in different languages.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Final

from lxml import etree

from newsdoc.analysis.dates import parse_iso_datetime
from newsdoc.codes import NEWSML_G2_BAD_DATE
from newsdoc.iptc.article import Article
from newsdoc.xml.tree import XML_LANG, attribute, children, clean_of, key

__all__ = [
    "EXTRA",
    "Index",
    "code_of",
    "concept",
    "date_of",
    "in_language",
    "language_of",
    "name_of",
    "qcode_tail",
    "role_of",
    "texts",
]

#: The key of ``extra`` that holds the G2 fields with no typed home.
EXTRA: Final = "newsml-g2"


class Index:
    """An element's children by key, read once: a metadata block is asked for twenty names."""

    __slots__ = ("_by_key",)

    def __init__(self, element: etree._Element) -> None:
        self._by_key: dict[str, list[etree._Element]] = {}
        for node in element:
            name = key(node)
            if name:
                self._by_key.setdefault(name, []).append(node)

    def children(self, name: str) -> list[etree._Element]:
        """The children whose key is ``name``, in document order."""
        return self._by_key.get(name, [])

    def child(self, name: str) -> etree._Element | None:
        """The first child whose key is ``name``, or ``None``."""
        found = self._by_key.get(name)
        return found[0] if found else None


def qcode_tail(value: str | None) -> str:
    """The code of a qcode or a NewsCodes URI, lower case: ``ninat:picture`` -> ``picture``."""
    if not value:
        return ""
    return value.rstrip("/").rpartition("/")[2].rpartition(":")[2].lower()


def code_of(element: etree._Element | None) -> str | None:
    """The element's ``qcode``, else its ``uri``."""
    return attribute(element, "qcode", "uri")


def role_of(element: etree._Element | None) -> str:
    """The code of the element's ``role`` (``hlrole:sub`` -> ``sub``), lower case."""
    return qcode_tail(attribute(element, "role"))


def language_of(element: etree._Element) -> str | None:
    """The element's own ``xml:lang``, cleaned."""
    value = element.get(XML_LANG)
    return value.strip() or None if value else None


def in_language(elements: Iterable[etree._Element], language: str | None) -> etree._Element | None:
    """Of elements saying the same thing, the one in ``language``.

    Then one with no language of its own (it is in the item's), then the first.
    """
    found = list(elements)
    if not found:
        return None
    wanted = (language or "").lower()
    if wanted:
        for element in found:
            own = (language_of(element) or "").lower()
            if own and (own == wanted or own.split("-")[0] == wanted.split("-")[0]):
                return element
    return next((element for element in found if language_of(element) is None), found[0])


def name_of(element: etree._Element | None, language: str | None) -> str | None:
    """A concept's name: its ``name`` child in ``language``, else its ``literal``.

    ``None`` when it has neither (a bare qcode names nothing a reader can read).
    """
    if element is None:
        return None
    names = [name for name in children(element, "name") if clean_of(name)]
    chosen = in_language(names, language)
    return clean_of(chosen) or attribute(element, "literal")


def concept(element: etree._Element, language: str | None) -> dict[str, str]:
    """A concept element as a record for ``extra``: its name, qcode (or URI) and type."""
    found = {
        "name": name_of(element, language),
        "qcode": code_of(element),
        "type": attribute(element, "type"),
        "role": attribute(element, "role"),
    }
    return {field: value for field, value in found.items() if value}


def texts(elements: Iterable[etree._Element]) -> list[str]:
    """The text of each element, the empty ones left out."""
    return [text for text in map(clean_of, elements) if text]


def date_of(element: etree._Element | None, article: Article) -> datetime | None:
    """The ISO 8601 date in the element's text; a warning when it is not one."""
    value = clean_of(element)
    if element is None or value is None:
        return None
    parsed = parse_iso_datetime(value)
    if parsed is None:
        message = f"<{key(element)}>{value[:40]!r} is not an ISO 8601 date; ignored"
        article.warnings.append(NEWSML_G2_BAD_DATE(message))
    return parsed
