"""What a page says about itself: JSON-LD, meta tags, links, ``<time>``, microdata, bylines.

Every source is read into one :class:`PageMeta`, each field taken from the first source that
has it, in this order of precedence (documented in ``docs/formats/html.rst``):

1. JSON-LD (``NewsArticle``, ``Article``, ``ReportageNewsArticle``, ``BlogPosting``... found at
   the top, in arrays or in ``@graph``; broken JSON is tolerated where it can be);
2. Open Graph and ``article:*`` meta;
3. Twitter cards;
4. Dublin Core, ``citation_*``, ``parsely-*``, ``sailthru.*`` and plain ``name=`` meta;
5. ``itemprop`` microdata and ``<time datetime>``;
6. ``<link rel=canonical>``, ``<html lang>``, ``<title>``, visible bylines;
7. a date in the URL, as the last resort.

A module per source: :mod:`.jsonld`, :mod:`.metatags`, :mod:`.document` (the page's own
elements) and :mod:`.visible` (what the reader sees: bylines and dates marked by class, the
standfirst); :mod:`.values` and :mod:`.authors` read the values they share; :mod:`.record`
holds :class:`PageMeta`, whose ``take`` is the rule of which source wins.
"""

from __future__ import annotations

from itertools import islice
from typing import Final

from lxml import etree

from newsdoc.html.meta.authors import clean_authors
from newsdoc.html.meta.document import from_document, microdata_headline
from newsdoc.html.meta.jsonld import from_json_ld, json_ld_items
from newsdoc.html.meta.metatags import from_meta_tags, meta_tags
from newsdoc.html.meta.record import Headline, PageMeta
from newsdoc.html.meta.values import date_in_url, unescaped
from newsdoc.html.meta.visible import standfirst
from newsdoc.html.scan import headline_elements
from newsdoc.html.tags import heading_text, joined_text

__all__ = ["Headline", "PageMeta", "indexed_elements", "read_meta", "standfirst"]


def read_meta(
    root: etree._Element,
    page_url: str | None,
    found: dict[str, list[etree._Element]] | None = None,
) -> PageMeta:
    """Everything ``root`` (a parsed page) states about itself.

    ``found``: the page's :func:`indexed_elements`, when the caller has them already.
    """
    meta = PageMeta()
    if found is None:
        found = indexed_elements(root)
    head_meta = meta_tags(found["meta"])
    pages: list[dict[str, object]] = []
    # The titles the page shows, that tell a JSON-LD headline from a description.
    shown = [heading_text(heading) for heading in found["h1"][:_MAX_HEADLINES]]
    shown.extend(joined_text(title) for title in found["title"][:1])
    for item in json_ld_items(found["script"], pages):
        from_json_ld(meta, item, shown)
    # Microdata is the page's structured data too: the headline it marks on the page's one
    # <h1> comes before the titles written for sharing and for search engines.
    meta.take("title", microdata_headline(root, found["h1"]))
    from_meta_tags(meta, head_meta)
    from_document(meta, root, found, pages)
    base = found["base"][0].get("href") if found["base"] else None
    meta.base_url = base.strip() if base and base.strip() else None
    # The page's <h1> elements, and a lesser heading marked as the headline (a blog may print
    # its own name in the <h1> and the post's title in "<h3 class='entry-title'>").
    for heading in [*found["h1"][:_MAX_HEADLINES], *islice(headline_elements(root), 1)]:
        text = heading_text(heading)
        if text:
            meta.headlines.append(Headline(element=heading, text=text))
    meta.take_url_date(date_in_url(meta.url or page_url))
    # Content systems often escape their text twice: "&#8216;" reaches the page as
    # "&amp;#8216;", and the parser undoes only one of them.
    meta.title = unescaped(meta.title)
    meta.titles = [unescaped(title) or "" for title in meta.titles]
    meta.description = unescaped(meta.description)
    meta.site_name = unescaped(meta.site_name)
    meta.section = unescaped(meta.section)
    meta.tags = [unescaped(tag) or "" for tag in meta.tags]
    # (Each source's authors were unescaped and cleaned as they were taken; the site's name,
    # which a later source may have stated, is no author either.)
    meta.authors = clean_authors(meta.authors, meta.site_name)
    meta.tags = list(dict.fromkeys(tag for tag in meta.tags if tag))
    meta.images = list(dict.fromkeys(meta.images))
    return meta


# The elements metadata is read from, found in one walk of the tree: each walk costs about as
# much as a tenth of the parse, however few elements it finds.
_INDEXED: Final = ("meta", "script", "link", "title", "time", "base", "h1")
_MAX_HEADLINES: Final = 3


def indexed_elements(root: etree._Element) -> dict[str, list[etree._Element]]:
    """The page's elements metadata is read from, by tag, each list in document order.

    Its ``meta``, ``script``, ``link``, ``title``, ``time``, ``base`` and ``h1`` elements, found
    in one walk.
    """
    found: dict[str, list[etree._Element]] = {tag: [] for tag in _INDEXED}
    for element in root.iter(_INDEXED):
        found[element.tag].append(element)
    return found
