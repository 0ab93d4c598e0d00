"""JSON-LD: the article objects a page embeds (in arrays, ``@graph`` and ``mainEntity``)."""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator, Sequence
from typing import Final

from lxml import etree

from newsdoc.analysis.text import clean_text, comparable
from newsdoc.html.meta.authors import names_of
from newsdoc.html.meta.record import PageMeta
from newsdoc.html.meta.values import date_value, first_text, text_value

__all__ = ["from_json_ld", "is_article_type", "json_ld_articles", "json_ld_items"]

_ARTICLE_TYPES: Final = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
        "liveblogposting", "scholarlyarticle", "techarticle", "report", "socialmediaposting",
        "advertisernewsarticle", "askpublicnewsarticle",
    }
)  # fmt: skip
# JSON-LD objects that describe the page itself; their dates are the page's.
_PAGE_TYPES: Final = frozenset(
    {"webpage", "itempage", "claimreview", "medicalwebpage", "aboutpage", "qapage", "faqpage"}
)


_MAX_JSON_LD: Final = 1_000_000  # characters of one script; more is not metadata


def json_ld_items(
    scripts: list[etree._Element], pages: list[dict[str, object]] | None = None
) -> Iterator[dict[str, object]]:
    """Every JSON-LD object on the page that is an article, in document order.

    The web-page objects met on the way (``WebPage``, ``ClaimReview``...) are appended to
    ``pages``: they state the page's dates when no article object does.
    """
    for script in scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text or ""
        if not text.strip() or len(text) > _MAX_JSON_LD:
            continue
        yield from json_ld_articles(_tolerant_json(text), pages)


def is_article_type(name: str, *, any_article: bool = False) -> bool:
    """Whether the schema.org type ``name`` is an article's (``NewsArticle``, ``BlogPosting``...).

    ``any_article`` also takes every other type whose name ends in "Article" (a JSON-LD file
    says what it holds; a page's scripts describe much else).
    """
    lowered = name.lower()
    return lowered in _ARTICLE_TYPES or (any_article and lowered.endswith("article"))


def json_ld_articles(
    value: object,
    pages: list[dict[str, object]] | None = None,
    *,
    any_article: bool = False,
    max_items: int | None = None,
) -> Iterator[dict[str, object]]:
    """Every article object of a parsed JSON-LD value, in document order.

    Found at the top, in arrays, in ``@graph`` and in ``mainEntity``; their ``author``,
    ``creator`` and ``publisher`` references (``{"@id": ...}``) are replaced by the objects of
    the value they name. ``any_article`` is as for :func:`is_article_type`; ``max_items`` is
    how many values are looked at, at most.
    """
    nodes = _nodes_by_id(value)
    # Depth first in document order: the stack holds what is still to read, last first
    # (a mainEntity goes to its bottom, read after the rest).
    stack: deque[object] = deque([value])
    seen = 0
    most = _MAX_ITEMS if max_items is None else max_items
    while stack and seen < most:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))
            types = item.get("@type")
            names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
            lowered = {name.lower() for name in names if isinstance(name, str)}
            if not lowered.isdisjoint(_ARTICLE_TYPES) or (
                any_article and any(name.endswith("article") for name in lowered)
            ):
                yield _with_references(item, nodes) if nodes else item
                continue
            if pages is not None and not lowered.isdisjoint(_PAGE_TYPES):
                pages.append(item)
            if isinstance(item.get("mainEntity"), dict | list):
                stack.appendleft(item["mainEntity"])


# The properties whose value may be a reference ({"@id": ...}) to another object of the graph.
_REFERENCED: Final = ("author", "creator", "publisher")
_MAX_NODES: Final = 2000
# The values of one script looked at for article objects, at most.
_MAX_ITEMS: Final = 20_000


def _nodes_by_id(value: object) -> dict[str, dict[str, object]]:
    """The objects of a JSON-LD value that have an ``@id``, by their ``@id``.

    Yoast's graphs refer to the article's author and publisher this way.
    """
    nodes: dict[str, dict[str, object]] = {}
    stack: list[object] = [value]
    seen = 0
    while stack and seen < _MAX_NODES:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            identifier = item.get("@id")
            if isinstance(identifier, str) and len(item) > 1:
                nodes.setdefault(identifier, item)
            stack.extend(child for child in item.values() if isinstance(child, dict | list))
    return nodes


def _with_references(
    item: dict[str, object], nodes: dict[str, dict[str, object]]
) -> dict[str, object]:
    """``item`` with its author, creator and publisher references replaced by the objects."""
    resolved: dict[str, object] = {}
    for key in _REFERENCED:
        value = item.get(key)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        found = [
            nodes.get(str(entry["@id"]), entry)
            if isinstance(entry, dict) and "@id" in entry and "name" not in entry
            else entry
            for entry in values
        ]
        if any(new is not old for new, old in zip(found, values, strict=True)):
            resolved[key] = found if isinstance(value, list) else found[0]
    return {**item, **resolved} if resolved else item


def _tolerant_json(text: str) -> object:
    """JSON as pages write it.

    Wrapped in comments or CDATA, with stray control characters or a trailing comma.
    """
    cleaned = text.strip()
    for prefix, suffix in (("<!--", "-->"), ("/*<![CDATA[*/", "/*]]>*/"), ("<![CDATA[", "]]>")):
        if cleaned.startswith(prefix) and cleaned.endswith(suffix):
            cleaned = cleaned[len(prefix) : -len(suffix)].strip()
    try:
        return json.loads(cleaned, strict=False)
    except (ValueError, RecursionError):
        pass
    repaired = re.sub(r",\s*([}\]])", r"\1", cleaned)
    try:
        return json.loads(repaired, strict=False)
    except (ValueError, RecursionError):
        return None


def from_json_ld(meta: PageMeta, item: dict[str, object], shown: Sequence[str] = ()) -> None:
    """What a JSON-LD article object states: title, dates, authors, tags, images, body.

    ``shown`` holds the titles the page shows (its ``<h1>``, its ``<title>``): when the object's
    ``headline`` is not among them and its ``name`` is, the headline is a short description
    ("Wikimedia list article") and the name is the title.
    """
    meta.is_article = True
    types = item.get("@type")
    meta.json_ld_types.extend([types] if isinstance(types, str) else [])
    headline, name = text_value(item.get("headline")), text_value(item.get("name"))
    if headline and name and _shows(shown, name) and not _shows(shown, headline):
        headline = name
    meta.take("title", headline or name)
    meta.take("description", text_value(item.get("description")))
    # (dateCreated when the item states no publication; a video's uploadDate likewise)
    meta.take(
        "published",
        date_value(item.get("datePublished"))
        or date_value(item.get("dateCreated"))
        or date_value(item.get("uploadDate")),
    )
    meta.take("modified", date_value(item.get("dateModified")))
    meta.take("language", text_value(item.get("inLanguage")))
    meta.take("section", first_text(item.get("articleSection")))
    meta.take("url", _url_of(item.get("mainEntityOfPage")) or text_value(item.get("url")))
    publisher = item.get("publisher")
    if isinstance(publisher, dict):
        meta.take("site_name", text_value(publisher.get("name")))
    # The writer is the "author"; schema.org's "creator" says the same where it is alone.
    meta.take("authors", list(_people(item.get("author") or item.get("creator"))))
    keywords = item.get("keywords")
    if not meta.tags:
        if isinstance(keywords, str):
            meta.tags = [clean_text(word) for word in keywords.split(",")]
        elif isinstance(keywords, list):
            meta.tags = [clean_text(word) for word in keywords if isinstance(word, str)]
    meta.images.extend(_image_urls(item.get("image")))
    body = item.get("articleBody")
    if isinstance(body, str) and body.strip():
        meta.take("article_body", body)


def _people(value: object) -> Iterator[str]:
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str):
            yield from names_of(item)
        elif isinstance(item, dict):
            # A Person may give its name in parts: {"givenName": "Jane", "familyName": "Doe"}.
            name = text_value(item.get("name")) or text_value(
                " ".join(
                    part
                    for part in (item.get("givenName"), item.get("familyName"))
                    if isinstance(part, str)
                )
            )
            if name:
                yield name


def _image_urls(value: object) -> Iterator[str]:
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, str) and item.strip():
            yield item.strip()
        elif isinstance(item, dict):
            url = item.get("url") or item.get("contentUrl")
            if isinstance(url, str) and url.strip():
                yield url.strip()


def _url_of(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        found = value.get("@id") or value.get("url")
        return found.strip() or None if isinstance(found, str) else None
    return None


def _shows(shown: Sequence[str], title: str) -> bool:
    """Whether one of the ``shown`` titles is ``title``, or opens with it as a part."""
    wanted = comparable(title)
    return any(
        (text := comparable(stated)) == wanted or text.startswith(f"{wanted} ") for stated in shown
    )
