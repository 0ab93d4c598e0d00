"""Finding the elements that metadata and links are read from.

Elements marked by their class (a byline, a date, a related-stories block) are found by
walking only the tags they can be and testing each class with one regular expression: on the
Zyte pages that costs 40–50 % of an XPath query that tests the attribute nodes with
``contains()`` (libxml2 copies the value for each test), and a caller that wants only the
first one stops the walk there. ``itemprop`` values are compared whole, which XPath does
without copies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from lxml import etree

from newsdoc._regex import compile_words, without_first_letters

__all__ = [
    "byline_elements",
    "date_elements",
    "dek_elements",
    "headline_elements",
    "itemprop_elements",
    "over_headline",
    "related_elements",
    "under_headline",
]

_ITEMPROPS: Final = etree.XPath("//@itemprop[.='datePublished' or .='dateModified' or .='author']")
# "byline", "author", "writer", "contributor", "reporter", "journalist"; German "Redakteur",
# "Verfasser"; German, Spanish and Italian "autor(e)", French
# and Dutch "auteur", Spanish and Italian "firma" (the signature).
_BYLINE_CLASSES: Final = compile_words(
    without_first_letters(
        "byline|author|writer|contributor|reporter|journalist|redakteur|verfasser"
    )
    + "|autor|auteur|firma"
)
_BYLINE_TAGS: Final = (
    "a", "span", "div", "p", "ul", "address", "small", "strong", "em", "b", "h4", "h5", "cite",
)  # fmt: skip
# "article-publish-date", "post-date", "entry-date", "published", "timestamp", "dateline",
# Drupal's "field--name-created"; German and Dutch "datum", Spanish "fecha".
_DATE_CLASSES: Final = compile_words(
    "date|" + without_first_letters("publish|posted|timestamp") + "|created|datum|fecha"
)
_DATE_TAGS: Final = ("span", "div", "p", "time", "small", "li", "abbr")
# The standfirst under a headline: "subtitle", "standfirst", "dek", "deck", "sub-headline",
# "strapline"; French "chapo", German "Untertitel", Spanish "subtítulo", "entradilla", "bajada",
# Italian "sottotitolo", Dutch "ondertitel", Portuguese "linha-fina"; and the weaker "lead",
# "summary", "intro", "description", "teaser" (German sites' standfirst), which only count
# when the class names nothing else.
# Matched on the lower-cased class: without IGNORECASE and with every alternative opening on
# a letter, the engine skips in C to where one can start (7 times faster on a long class).
_DEK_CLASSES: Final = re.compile(
    r"sub-?title|standfirst|dek|deck|sub-?head|strapline|chapo|untertitel"
    r"|subt[ií]tulo|entradilla|bajada|sottotitolo|ondertitel|linha-?fina|alternativeheadline"
    r"|excerpt|synopsis|epigra(?:ph|fe)|lede\b|abstract|(?<![a-z])spot(?![a-z])"
    r"|(?P<weak>lead|summary|intro|description|desc\b|teaser)"
)
# Classes of what the weaker words also name: a lead image, the body's first paragraph.
_NOT_DEK_CLASSES: Final = compile_words(
    r"caption|credit|image|photo|media|asset|video|figure|author|byline|date|time|share"
    r"|social|content|body|text|list|item|card|promo|related|link"
)
_DEK_TAGS: Final = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6", "span", "header"})
# How far under the headline the story's header (its standfirst, byline, date) may reach,
# in elements.
_HEADER_REACH: Final = 40
# A headline that is not an <h1>: hAtom's "entry-title" (Blogger prints it in an <h3>),
# "post-title", "article-title", or microdata's itemprop="headline".
_HEADLINE_CLASSES: Final = re.compile(r"(?:entry|post|article|story)[-_]?title|headline")
_HEADLINE_TAGS: Final = ("h2", "h3", "h4")
_RELATED_CLASSES: Final = compile_words(without_first_letters("related|recommended"))
_RELATED_TAGS: Final = ("aside", "section", "div", "ul", "nav")


def _owners(found: object) -> list[etree._Element]:
    """The elements that own the attribute values an XPath query returned, in order."""
    owners: list[etree._Element] = []
    if not isinstance(found, list):
        return owners
    for value in found:
        getparent = getattr(value, "getparent", None)
        owner = getparent() if getparent is not None else None
        if isinstance(owner, etree._Element):
            owners.append(owner)
    return owners


def itemprop_elements(root: etree._Element) -> list[etree._Element]:
    """Elements with ``itemprop`` ``datePublished``, ``dateModified`` or ``author``."""
    return _owners(_ITEMPROPS(root))


def byline_elements(root: etree._Element) -> Iterator[etree._Element]:
    """Elements marked as a byline or an author (by class or ``rel="author"``), in order."""
    return _marked(root, _BYLINE_TAGS, _BYLINE_CLASSES, rel="author")


def date_elements(root: etree._Element) -> Iterator[etree._Element]:
    """Elements whose class marks a date ("article-publish-date", "posted-on", "timestamp")."""
    return _marked(root, _DATE_TAGS, _DATE_CLASSES)


def headline_elements(root: etree._Element) -> Iterator[etree._Element]:
    """``<h2>``–``<h4>`` elements marked as the headline by class or ``itemprop``, in order."""
    return _marked(root, _HEADLINE_TAGS, _HEADLINE_CLASSES, itemprop=True)


def dek_elements(heading: etree._Element) -> Iterator[etree._Element]:
    """Elements under ``heading``, in order, whose class or ``itemprop`` marks a standfirst."""
    for element in under_headline(heading):
        marker = _class_and_itemprop(element) if element.tag in _DEK_TAGS else None
        if marker is None:
            continue
        lowered = marker.lower()
        found = _DEK_CLASSES.search(lowered)
        if found is not None and not _word_start(marker, found):
            found = next(
                (match for match in _DEK_CLASSES.finditer(lowered) if _word_start(marker, match)),
                None,
            )
        if found is not None and (found.group("weak") is None or _weak_dek(lowered, found)):
            yield element


def _weak_dek(lowered: str, found: re.Match[str]) -> bool:
    """Whether a weak standfirst word ("lead", "teaser") marks one: no class names else.

    Its own class may say it is text ("lead-text", "teaser-text"); another class that names
    an image, a list or the body ("lead-image", "teaser card") says it is not a standfirst.
    """
    own = next(
        (token for token in lowered.split() if found.group() in token),
        found.group(),
    )
    rest = lowered.replace(own, " ")
    return (
        _NOT_DEK_CLASSES.search(rest) is None
        and _NOT_DEK_CLASSES.search(_TEXT_WORD.sub("", own)) is None
    )


_TEXT_WORD: Final = re.compile(r"[-_]?text\b")


def _word_start(marker: str, match: re.Match[str]) -> bool:
    """Whether a short class word starts a word ("dek" of "c-dek", "articleDek"; not "redeker")."""
    start = match.start()
    if match.group() != "dek" or start == 0 or not marker[start - 1].isalpha():
        return True
    return marker[start].isupper()


def over_headline(heading: etree._Element) -> Iterator[etree._Element]:
    """The elements before ``heading`` in its own container, nearest first, and theirs.

    A date or a byline printed over the headline ("March 14, 2023" above it, in the story's
    header); not further up, where a masthead may print today's date.
    """
    for count, sibling in enumerate(heading.itersiblings(preceding=True)):
        if count >= _OVER_REACH:
            return
        yield from sibling.iter()


_OVER_REACH: Final = 4


def _class_and_itemprop(element: etree._Element) -> str | None:
    """The element's class and ``itemprop`` as one string, or ``None`` when it has neither."""
    marker = element.get("class")
    itemprop = element.get("itemprop")
    return marker if itemprop is None else f"{marker or ''} {itemprop}"


def under_headline(heading: etree._Element) -> Iterator[etree._Element]:
    """The elements after ``heading`` that may still be the story's header, in order.

    Only the first few dozen, and none after a paragraph of prose: the story has begun.
    """
    for count, element in enumerate(_following(heading)):
        if count >= _HEADER_REACH:
            return
        tag: object = element.tag  # a function for a comment or a processing instruction
        if not isinstance(tag, str):
            continue
        yield element
        if element.tag == "p" and len(element.text or "") > _PROSE:
            return


_PROSE: Final = 150  # characters of a paragraph's own text that make it the story's


def _following(element: etree._Element) -> Iterator[etree._Element]:
    """The elements after ``element`` in document order (its descendants excepted)."""
    node: etree._Element | None = element
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter()
        node = node.getparent()


def related_elements(root: etree._Element) -> list[etree._Element]:
    """Blocks at or below ``root`` marked as related or recommended stories, in order."""
    return list(_marked(root, _RELATED_TAGS, _RELATED_CLASSES))


def _marked(
    root: etree._Element,
    tags: tuple[str, ...],
    classes: re.Pattern[str],
    rel: str | None = None,
    *,
    itemprop: bool = False,
) -> Iterator[etree._Element]:
    """The ``tags`` elements at or below ``root`` marked by class (or ``rel``), in order.

    With ``itemprop``, the element's ``itemprop`` is read beside its class.
    """
    for element in root.iter(tags):
        marker = _class_and_itemprop(element) if itemprop else element.get("class")
        if (marker is not None and classes.search(marker) is not None) or (
            rel is not None and element.get("rel") == rel
        ):
            yield element
