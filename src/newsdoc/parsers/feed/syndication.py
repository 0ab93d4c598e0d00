"""RSS 0.90 to 2.0, RDF (RSS 1.0) and Atom 0.3 and 1.0: a feed's tree to a Channel and Entries.

Elements are known by a short key, ``prefix:local``, whatever prefix the feed binds: the core
namespaces of every dialect (none, RSS 0.90's and 1.0's, Atom's two) give no prefix, and the
modules feeds use give their usual one (``content``, ``dc``, ``dcterms``, ``media``, ``itunes``).
A prefix the feed never declares (``<dc:creator>`` without ``xmlns:dc``, which recovery keeps
as a name) is read as if it had been.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from typing import Final

from lxml import etree

from newsdoc.analysis.text import clean_text
from newsdoc.parsers.feed.entry import Channel, Entry, as_markup, plain_title, read_date
from newsdoc.xml.tree import text_of

__all__ = ["read_tree", "version_of"]

_CORE: Final = frozenset(
    {
        "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
        "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#", "http://backend.userland.com/rss2",
        "http://blogs.law.harvard.edu/tech/rss",
    }
)  # fmt: skip
_MODULES: Final = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://search.yahoo.com/mrss/": "media",
    "http://search.yahoo.com/mrss": "media",
    "http://www.itunes.com/dtds/podcast-1.0.dtd": "itunes",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://www.w3.org/1999/xhtml": "xhtml",
}
_XML_LANG: Final = "{http://www.w3.org/XML/1998/namespace}lang"
_RDF_ABOUT: Final = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
_IMAGE_ENDINGS: Final = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")


def key(element: etree._Element) -> str:
    """The element's short key: ``"title"``, ``"dc:creator"``, ``"media:content"``."""
    tag: object = element.tag  # a function for entity references
    if not isinstance(tag, str):
        return ""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        if namespace in _CORE:
            return local
        return f"{_MODULES.get(namespace, '?')}:{local}"
    return tag  # no namespace, or a prefix never declared ("dc:creator" as a name)


def version_of(root: etree._Element) -> str | None:
    """The dialect of a feed's root element, or ``None`` when it is no feed."""
    name = key(root)
    tag: object = root.tag
    namespace = tag[1:].partition("}")[0] if isinstance(tag, str) and tag[:1] == "{" else ""
    if name == "rss":
        version = (root.get("version") or "2.0").strip()
        return f"rss{version}"
    if name in {"rdf:RDF", "RDF"}:
        return "rss0.90" if "netscape" in _namespaces(root) else "rss1.0"
    if name == "feed":
        return "atom0.3" if namespace == "http://purl.org/atom/ns#" else "atom1.0"
    return None


def _namespaces(root: etree._Element) -> str:
    return " ".join(value for value in root.nsmap.values() if value)


def read_tree(root: etree._Element, version: str) -> tuple[Channel, Iterator[Entry]]:
    """The feed's channel and its items, in order."""
    if version.startswith("atom"):
        channel = _atom_channel(root, version)
        entries = (_atom_entry(item, channel) for item in root if key(item) == "entry")
        return channel, entries
    container = next((child for child in root if key(child) == "channel"), root)
    channel = _rss_channel(container, root, version)
    # RSS 0.9x and 1.0 put the items beside the channel; 2.0 inside it.
    items = [child for child in container if key(child) == "item"]
    if container is not root:
        items.extend(child for child in root if key(child) == "item")
    return channel, (_rss_entry(item) for item in items)


def _children(element: etree._Element) -> dict[str, list[etree._Element]]:
    found: dict[str, list[etree._Element]] = {}
    for child in element:
        found.setdefault(key(child), []).append(child)
    return found


def _first(fields: dict[str, list[etree._Element]], *names: str) -> str | None:
    for name in names:
        for element in fields.get(name, ()):
            text = text_of(element).strip()
            if text:
                return text
    return None


def _language(element: etree._Element) -> str | None:
    value = element.get(_XML_LANG)
    return value.strip() if value and value.strip() else None


# -- RSS -----------------------------------------------------------------------------------------


def _rss_channel(container: etree._Element, root: etree._Element, version: str) -> Channel:
    fields = _children(container)
    image = _children(next(iter(fields.get("image", [])), container))
    return Channel(
        version=version,
        title=plain_title(_first(fields, "title", "dc:title"), markup=False),
        language=_first(fields, "language", "dc:language")
        or _language(container)
        or _language(root),
        fields={
            "link": _first(fields, "link"),
            "description": _first(fields, "description", "dc:description"),
            "generator": _first(fields, "generator", "admin:generatorAgent"),
            "copyright": _first(fields, "copyright", "dc:rights"),
            "updated": _first(fields, "lastBuildDate", "dc:date"),
            "image": (_first(image, "url") if "image" in fields else None)
            or next((element.get("href") for element in fields.get("itunes:image", [])), None),
        },
    )


def _rss_entry(item: etree._Element) -> Entry:
    fields = _children(item)
    entry = Entry(language=_first(fields, "dc:language") or _language(item))
    entry.title = plain_title(_first(fields, "title", "dc:title"), markup=False)
    guid_element = next(iter(fields.get("guid", [])), None)
    guid = _first(fields, "guid") or item.get(_RDF_ABOUT)
    entry.url = _first(fields, "link") or _permalink(guid_element, guid)
    entry.content = as_markup(_first(fields, "content:encoded"), "html")
    entry.summary = as_markup(_first(fields, "description", "dc:description"), "html")
    if entry.summary is None:
        entry.summary = as_markup(_first(fields, "itunes:summary", "itunes:subtitle"), "text")
    entry.published = read_date(entry, _first(fields, "pubDate", "dc:date"), "the item's date")
    entry.modified = read_date(
        entry, _first(fields, "dcterms:modified", "updated", "atom:updated"), "its update"
    )
    for name in ("author", "dc:creator", "itunes:author"):
        for element in fields.get(name, ()):
            entry.add_author(_person(text_of(element)))
    for element in fields.get("category", []) + fields.get("dc:subject", []):
        entry.add_tag(text_of(element))
    for element in fields.get("itunes:keywords", []):
        for word in text_of(element).split(","):
            entry.add_tag(word)
    _media(entry, item, fields)
    extra: dict[str, object] = {
        "guid": guid,
        "comments": _first(fields, "comments"),
        "source": _first(fields, "source"),
        "duration": _first(fields, "itunes:duration"),
    }
    entry.extra.update({name: value for name, value in extra.items() if value})
    return entry


def _permalink(element: etree._Element | None, guid: str | None) -> str | None:
    """The guid as the item's link, when it is a permalink (RSS 2.0's default)."""
    if element is None or guid is None or not guid.startswith(("http://", "https://")):
        return None
    return None if (element.get("isPermaLink") or "").strip().lower() == "false" else guid


def _person(text: str) -> str:
    """A name from RSS's ``author``: ``x@y (Name)`` and ``Name <x@y>`` give the name."""
    text = clean_text(text)
    opening, closing = text.find("("), text.rfind(")")
    if "@" in text[:opening] and 0 < opening < closing:
        return text[opening + 1 : closing].strip() or text
    angle = text.find("<")
    if angle > 0 and "@" in text[angle:]:
        return text[:angle].strip().strip('"') or text
    return text


def _media(entry: Entry, item: etree._Element, fields: dict[str, list[etree._Element]]) -> None:
    """Enclosures, ``media:content``/``media:thumbnail`` (also in ``media:group``) as images."""
    enclosures: list[dict[str, object]] = []
    for element in fields.get("enclosure", []):
        url, kind = element.get("url"), (element.get("type") or "").strip().lower()
        if not url:
            continue
        if kind.startswith("image/") or (not kind and url.lower().endswith(_IMAGE_ENDINGS)):
            entry.add_image(url)
        else:
            length = (element.get("length") or "").strip()
            found = {"url": url.strip(), "type": kind or None, "length": length or None}
            enclosures.append({name: value for name, value in found.items() if value})
    groups = [item, *fields.get("media:group", [])]
    for group in groups:
        for element in group:
            name = key(element)
            if name == "media:thumbnail":
                entry.add_image(element.get("url"))
            elif name == "itunes:image" and group is item:
                entry.add_image(element.get("href"))
            elif name == "media:content":
                _media_content(entry, element, enclosures)
    if enclosures:
        entry.extra["enclosures"] = enclosures


def _media_content(
    entry: Entry, element: etree._Element, enclosures: list[dict[str, object]]
) -> None:
    url = element.get("url")
    if not url:
        return
    medium = (element.get("medium") or "").strip().lower()
    kind = (element.get("type") or "").strip().lower()
    fields = _children(element)
    if medium == "image" or kind.startswith("image/") or url.lower().endswith(_IMAGE_ENDINGS):
        caption = _first(fields, "media:description", "media:title")
        entry.add_image(url, caption=caption, credit=_first(fields, "media:credit"))
        for thumbnail in fields.get("media:thumbnail", []):
            entry.add_image(thumbnail.get("url"))
    else:
        found = {"url": url.strip(), "type": kind or medium or None}
        enclosures.append({name: value for name, value in found.items() if value})


# -- Atom ----------------------------------------------------------------------------------------


def _atom_channel(root: etree._Element, version: str) -> Channel:
    fields = _children(root)
    # RFC 4287: the feed's authors are an entry's when it names none.
    authors = Entry()
    _atom_people(authors, fields.get("author", []))
    return Channel(
        version=version,
        title=_atom_text(fields, "title"),
        language=_language(root),
        authors=authors.authors,
        fields={
            "link": _atom_link(fields),
            "description": _atom_text(fields, "subtitle", "tagline"),
            "generator": _first(fields, "generator"),
            "id": _first(fields, "id"),
            "updated": _first(fields, "updated", "modified"),
            "copyright": _atom_text(fields, "rights", "copyright"),
        },
    )


def _atom_entry(item: etree._Element, channel: Channel) -> Entry:
    fields = _children(item)
    entry = Entry(language=_language(item))
    entry.title = _atom_text(fields, "title")
    entry.url = _atom_link(fields)
    content = next(iter(fields.get("content", [])), None)
    if content is not None:
        entry.content = _atom_markup(content)
        source = content.get("src")
        if source and entry.content is None:
            entry.extra["content_src"] = source.strip()
    if entry.content is None:
        entry.content = as_markup(_first(fields, "content:encoded"), "html")
    summary = next(iter(fields.get("summary", [])), None)
    entry.summary = _atom_markup(summary) if summary is not None else None
    published = _first(fields, "published", "issued", "created")
    entry.published = read_date(entry, published, "the entry's date")
    entry.modified = read_date(entry, _first(fields, "updated", "modified"), "its update")
    if entry.published is None and published is None:
        entry.published, entry.modified = entry.modified, None
    authors = fields.get("author", []) + fields.get("dc:creator", [])
    _atom_people(entry, authors + fields.get("contributor", []))
    for element in fields.get("category", []):
        entry.add_tag(element.get("label") or element.get("term") or text_of(element))
    for element in fields.get("link", []):
        if (element.get("rel") or "").strip() == "enclosure" and element.get("href"):
            kind = (element.get("type") or "").strip().lower()
            attributes = {"url": element.get("href"), "type": kind, "length": element.get("length")}
            if kind.startswith("image/"):
                entry.add_image(element.get("href"))
            else:
                enclosures = entry.extra.setdefault("enclosures", [])
                if isinstance(enclosures, list):
                    enclosures.append({name: value for name, value in attributes.items() if value})
    _media(entry, item, fields)
    identifier = _first(fields, "id")
    if identifier:
        entry.extra["guid"] = identifier
    return entry


def _atom_people(entry: Entry, elements: list[etree._Element]) -> None:
    for element in elements:
        person = _children(element)
        if person:
            entry.add_author(_first(person, "name", "email"), _first(person, "uri", "url"))
        else:
            entry.add_author(text_of(element))


def _atom_link(fields: dict[str, list[etree._Element]]) -> str | None:
    """The ``alternate`` link (a link without ``rel`` is one), or ``None``."""
    links = fields.get("link", [])
    for element in links:
        rel = (element.get("rel") or "alternate").strip()
        href = element.get("href") or text_of(element)
        if rel == "alternate" and href.strip():
            return href.strip()
    return None


def _atom_text(fields: dict[str, list[etree._Element]], *names: str) -> str | None:
    """An Atom text construct (a title) as plain text."""
    for name in names:
        for element in fields.get(name, ()):
            kind = (element.get("type") or "text").strip().lower()
            if kind in {"xhtml", "application/xhtml+xml"}:
                return plain_title(text_of(element), markup=False)
            markup = kind in {"html", "text/html"} or (element.get("mode") == "escaped")
            text = plain_title(text_of(element), markup=markup)
            if text:
                return text
    return None


def _atom_markup(element: etree._Element) -> str | None:
    """An Atom content or summary as HTML, whatever its type."""
    kind = (element.get("type") or "text").strip().lower()
    if kind in {"xhtml", "application/xhtml+xml"}:
        return _xhtml(element)
    if kind in {"html", "text/html"} or element.get("mode") == "escaped":
        return as_markup(text_of(element), "html")
    if len(element) and kind != "text":
        return _xhtml(element)  # Atom 0.3's inline XML
    return as_markup(text_of(element), "text")


_XML_NAME: Final = re.compile(r"[A-Za-z_][\w.-]{0,99}")


def _xhtml(element: etree._Element) -> str | None:
    """The XHTML inside an element, without its namespaces, as HTML to read."""
    copy = deepcopy(element)
    for node in copy.iter():
        tag: object = node.tag
        if isinstance(tag, str):  # "{ns}p", or "xhtml:p" with a prefix never declared
            local = tag.rpartition("}")[2].rpartition(":")[2]
            # What follows the prefix may be no name at all ("x:00"): read it as a span.
            node.tag = local if _XML_NAME.fullmatch(local) else "span"
    etree.cleanup_namespaces(copy)
    parts = [copy.text or ""]
    parts.extend(etree.tostring(child, encoding="unicode", method="xml") for child in copy)
    markup = "".join(parts)
    return markup if markup.strip() else None
