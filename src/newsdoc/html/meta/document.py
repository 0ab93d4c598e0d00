"""What the page's markup states: canonical link, ``lang``, ``<title>``, microdata, ``<time>``."""

from __future__ import annotations

from typing import Final

from lxml import etree

from newsdoc.analysis.text import clean_text
from newsdoc.html.meta.authors import names_of
from newsdoc.html.meta.record import PageMeta
from newsdoc.html.meta.values import date_value
from newsdoc.html.meta.visible import UPDATED_CLASS, visible_bylines, visible_date
from newsdoc.html.scan import (
    byline_elements,
    date_elements,
    itemprop_elements,
)
from newsdoc.html.tags import joined_text

__all__ = ["from_document", "microdata_headline"]

_ARTICLE_ITEMTYPE: Final = etree.XPath("boolean(//@itemtype[contains(., 'Article')])")


def microdata_headline(root: etree._Element, headings: list[etree._Element]) -> str | None:
    """The text of the ``<h1>`` marked ``itemprop="headline"``, when it is the page's only one.

    A page that marks the headlines of other stories too (teasers of a front page, a rail of
    related stories) says nothing about which is its own.
    """
    marked = [
        heading for heading in headings if "headline" in (heading.get("itemprop") or "").split()
    ]
    if len(marked) != 1:
        return None
    found = _ITEMPROP_HEADLINE(root)
    values = found if isinstance(found, list) else []
    if sum(1 for value in values if "headline" in str(value).split()) != 1:
        return None
    return joined_text(marked[0]) or None


# The itemprop values that name "headline" among others: the test is made on the values alone,
# five times faster than building "' ' + itemprop + ' '" for every element of the page.
_ITEMPROP_HEADLINE: Final = etree.XPath("//@itemprop[contains(., 'headline')]", smart_strings=False)


def from_document(
    meta: PageMeta,
    root: etree._Element,
    found: dict[str, list[etree._Element]],
    pages: list[dict[str, object]] | None = None,
) -> None:
    """What the page's own elements state, for the fields the richer sources left empty."""
    for link in found["link"]:
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href"):
            meta.take("url", link.get("href", "").strip())
            break
    meta.take("language", (root.get("lang") or root.get("xml:lang") or "").strip() or None)
    titles = found["title"]
    if titles and titles[0] is not root:
        meta.document_title = clean_text("".join(map(str, titles[0].itertext()))) or None
        meta.take("title", meta.document_title)
    if not meta.is_article and _ARTICLE_ITEMTYPE(root):
        meta.is_article = True
    # Microdata is read only for what the richer sources left out (each query scans the page).
    missing = meta.published is None or meta.modified is None or not meta.has_writers
    for element in itemprop_elements(root) if missing else ():
        itemprop = element.get("itemprop")
        if itemprop in ("datePublished", "dateModified"):
            value = element.get("datetime") or element.get("content") or element.text or ""
            meta.take("published" if itemprop == "datePublished" else "modified", date_value(value))
        elif itemprop == "author" and not meta.has_writers:
            name = element.find(".//*[@itemprop='name']")
            text = clean_text(
                "".join(map(str, (name if name is not None else element).itertext()))
            ) or element.get("content")
            if text:
                meta.take("authors", list(names_of(text)))
    if meta.published is None or meta.modified is None:
        _from_times(meta, found["time"])
    for page in pages or ():
        # The JSON-LD page object's dates (Yoast puts them there), after the page's own
        # markup and before a date read from visible text.
        meta.take("published", date_value(page.get("datePublished")))
        meta.take("modified", date_value(page.get("dateModified")))
    if meta.published is None:
        meta.take("published", visible_date(date_elements(root)))
    if not meta.has_writers:
        meta.take("authors", visible_bylines(byline_elements(root)))


def _from_times(meta: PageMeta, times: list[etree._Element]) -> None:
    """The dates of ``<time datetime>`` elements, for those no richer source stated.

    The first is the publication date. A theme that prints the update beside it marks the two
    by class ("entry-date published", then "updated"): then the update is the modified date.
    A time classed "updated" alone is the first one's only date, and still the publication's.
    """
    first = published = updated = None
    for time in times:
        stated = date_value(time.get("datetime"))
        if stated is None:
            continue
        first = first or stated
        marker = (time.get("class") or "").lower()
        if "published" not in marker and UPDATED_CLASS.search(marker) is not None:
            updated = updated or stated
        elif published is None:
            published = stated
        if published is not None and updated is not None:
            break
    meta.take("published", published or first)
    if published is not None:
        meta.take("modified", updated)
