"""Finding the elements that metadata and links are read from, at C speed.

XPath that tests attribute nodes (``//@class[contains(., 'related')]``) lets libxml2 do the
search, and costs a fraction of a parse; testing every element (``//*[contains(@class, ...)]``)
or walking them in Python costs more than the parse itself.
"""

from __future__ import annotations

from typing import Final

from lxml import etree

__all__ = ["byline_elements", "date_elements", "itemprop_elements", "related_elements"]

_ITEMPROPS: Final = etree.XPath("//@itemprop[.='datePublished' or .='dateModified' or .='author']")
# "byline", "author", "writer", "contributor"; German, Spanish and Italian "autor(e)", French
# and Dutch "auteur", Spanish and Italian "firma" (the signature).
_BYLINES: Final = etree.XPath(
    "//@class[contains(., 'yline') or contains(., 'uthor') or contains(., 'riter') "
    "or contains(., 'ontributor') or contains(., 'autor') or contains(., 'auteur') "
    "or contains(., 'firma')] | //@rel[. = 'author']"
)
# "article-publish-date", "post-date", "entry-date", "published", "timestamp", "dateline";
# German and Dutch "datum", Spanish "fecha".
_DATES: Final = etree.XPath(
    "//@class[contains(., 'date') or contains(., 'ublish') or contains(., 'osted') "
    "or contains(., 'imestamp') or contains(., 'datum') or contains(., 'fecha')]"
)
_DATE_TAGS: Final = frozenset({"span", "div", "p", "time", "small", "li", "abbr"})
_RELATED: Final = etree.XPath(".//@class[contains(., 'elated') or contains(., 'ecommended')]")
_BYLINE_TAGS: Final = frozenset({"a", "span", "div", "p", "address"})
_RELATED_TAGS: Final = frozenset({"aside", "section", "div", "ul", "nav"})


def _owners(found: object, tags: frozenset[str] | None = None) -> list[etree._Element]:
    """The elements that own the attribute values an XPath query returned, in order."""
    owners: list[etree._Element] = []
    if not isinstance(found, list):
        return owners
    for value in found:
        getparent = getattr(value, "getparent", None)
        owner = getparent() if getparent is not None else None
        if isinstance(owner, etree._Element) and (tags is None or owner.tag in tags):
            owners.append(owner)
    return owners


def itemprop_elements(root: etree._Element) -> list[etree._Element]:
    """Elements with ``itemprop`` ``datePublished``, ``dateModified`` or ``author``."""
    return _owners(_ITEMPROPS(root))


def byline_elements(root: etree._Element) -> list[etree._Element]:
    """Elements marked as a byline or an author (by class, id or ``rel="author"``)."""
    return _owners(_BYLINES(root), _BYLINE_TAGS)


def date_elements(root: etree._Element) -> list[etree._Element]:
    """Elements whose class marks a date ("article-publish-date", "posted-on", "timestamp")."""
    return _owners(_DATES(root), _DATE_TAGS)


def related_elements(root: etree._Element) -> list[etree._Element]:
    """Blocks below ``root`` marked as related or recommended stories."""
    return _owners(_RELATED(root), _RELATED_TAGS)
