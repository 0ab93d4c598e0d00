"""A NewsComponent's metadata: its NewsLines, administrative and descriptive metadata.

NewsML 1 states most things as an element with a ``FormalName`` attribute (a code from a
vocabulary), people and organisations as ``Party`` elements, and anything else as
``Property`` name/value pairs. What has a typed home in a Document goes there (through the
article's first-come setters, so that the main component, read first, wins); the rest is kept
in the item's fields, ``extra["newsml"]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from lxml import etree

from newsdoc.iptc.article import Article
from newsdoc.iptc.nitf import add_byline_authors
from newsdoc.xml.tree import attribute, child, children, clean_of, key

__all__ = [
    "Fields",
    "Topics",
    "formal_name",
    "grouped",
    "keep_list",
    "local_name",
    "parties",
    "properties",
    "read_metadata",
    "read_news_lines",
    "topics_of",
]

#: The item's fields kept in ``extra["newsml"]``.
Fields = dict[str, object]
#: Topic names by the codes and ids that refer to them (a TopicSet's Topic).
Topics = dict[str, str]

# NewsLines kept as they are: element key -> field.
_LINES: Final = (
    ("dateline", "dateline"),
    ("creditline", "credit"),
    ("copyrightline", "copyright"),
    ("rightsline", "rights"),
    ("seriesline", "series"),
    ("slugline", "slug"),
)
_PARTIES: Final = (
    ("provider", "provider"),
    ("creator", "creator"),
    ("source", "source"),
    ("contributor", "contributor"),
)
_SUBJECT_LEVELS: Final = ("subject", "subjectmatter", "subjectdetail", "subjectqualifier")
_KEYWORD_SEPARATORS: Final = re.compile(r"[;,]")
_KEYWORD_PROPERTIES: Final = frozenset({"keyword", "keywords"})


def grouped(element: etree._Element) -> dict[str, list[etree._Element]]:
    """The element children of ``element`` by key, each list in document order."""
    found: dict[str, list[etree._Element]] = {}
    for node in children(element):
        found.setdefault(key(node), []).append(node)
    return found


def local_name(element: etree._Element) -> str:
    """The element's name as written, without namespace or prefix (an undeclared prefix too)."""
    return str(element.tag).rpartition("}")[2].rpartition(":")[2]


def formal_name(element: etree._Element | None) -> str | None:
    """The element's ``FormalName`` attribute, or ``None``."""
    return attribute(element, "formalname")


def keep_list(fields: Fields, name: str, values: Iterable[object]) -> None:
    """Add ``values`` to the list ``fields[name]``, each once."""
    found = fields.get(name)
    listed: list[object] = found if isinstance(found, list) else []
    seen = {repr(value) for value in listed}  # a set: thousands of codes stay linear
    for value in values:
        shown = repr(value)
        if value not in (None, "", {}) and shown not in seen:
            seen.add(shown)
            listed.append(value)
    if listed:
        fields[name] = listed


def properties(element: etree._Element | None) -> dict[str, object]:
    """The ``Property`` children of ``element`` as name -> value (a list when repeated).

    A property that holds properties (a ``Location``'s address) is a mapping of its own.
    """
    values: dict[str, list[object]] = {}
    seen: set[tuple[str, str]] = set()  # thousands of properties stay linear
    for node in children(element, "property") if element is not None else ():
        name = formal_name(node)
        if not name:
            continue
        nested = properties(node) if len(node) else {}
        value: object = nested or attribute(node, "value") or clean_of(node)
        if value in (None, "", {}) or (name, repr(value)) in seen:
            continue
        seen.add((name, repr(value)))
        values.setdefault(name, []).append(value)
    return {name: found[0] if len(found) == 1 else found for name, found in values.items()}


def parties(element: etree._Element | None) -> list[object]:
    """The ``Party`` children of ``element``: a name, or a mapping when it has properties."""
    found: list[object] = []
    for party in children(element, "party") if element is not None else ():
        name = formal_name(party) or clean_of(party)
        extra = properties(party)
        if extra:
            found.append({"name": name, **extra} if name else extra)
        elif name:
            found.append(name)
    return found


def topics_of(elements: Iterable[etree._Element]) -> Topics:
    """The names of the Topics of every ``TopicSet`` among ``elements``.

    A topic is named by its first ``Description`` (else its ``FormalName``), and found by its
    ``Duid`` (``#gen1``) and by its ``FormalName`` (the code a ``Subject`` or ``Genre`` gives).
    """
    names: Topics = {}
    for topic_set in elements:
        if key(topic_set) != "topicset":
            continue
        for topic in children(topic_set, "topic"):
            code = clean_of(child(topic, "formalname"))
            name = clean_of(child(topic, "description")) or code
            if not name:
                continue
            duid = attribute(topic, "duid")
            if duid:
                names.setdefault(f"#{duid}", name)
            if code:
                names.setdefault(code, name)
    return names


def read_news_lines(lines: etree._Element | None, article: Article, fields: Fields) -> None:
    """``NewsLines``: title, subtitle, byline, keywords and the lines kept as written."""
    if lines is None:
        return
    by = grouped(lines)
    headlines = [text for text in map(clean_of, by.get("headline", ())) if text]
    if headlines:
        article.offer("title", headlines[0])
        keep_list(fields, "headlines", headlines[1:])
    for subheadline in by.get("subheadline", ()):
        article.offer("subtitle", clean_of(subheadline))
    titles = [text for text in map(clean_of, by.get("bylinetitle", ())) if text]
    keep_list(fields, "byline_titles", titles)
    names_before = len(article.authors)
    for byline in by.get("byline", ()):
        text = clean_of(byline)
        if text is None:
            continue
        keep_list(fields, "byline", [text])
        if len(article.authors) == names_before:  # a second byline is the first, respelt
            add_byline_authors(text, article, titles=titles)
    for name, field in _LINES:
        for line in by.get(name, ()):
            text = clean_of(line)
            if text and field not in fields:
                fields[field] = text
    for line in by.get("keywordline", ()):
        for keyword in _KEYWORD_SEPARATORS.split(clean_of(line) or ""):
            article.add_tag(keyword)
    news_lines = []
    for line in by.get("newsline", ()):
        kind = formal_name(child(line, "newslinetype"))
        text = clean_of(child(line, "newslinetext"))
        if text:
            news_lines.append({"type": kind, "text": text} if kind else {"text": text})
    keep_list(fields, "news_lines", news_lines)


def read_metadata(
    component: etree._Element, article: Article, fields: Fields, topics: Topics
) -> None:
    """A component's NewsLines, administrative, rights and descriptive metadata."""
    read_news_lines(child(component, "newslines"), article, fields)
    admin = child(component, "administrativemetadata")
    if admin is not None:
        for name, field in _PARTIES:
            keep_list(fields, field, (p for node in children(admin, name) for p in parties(node)))
        for name in ("filename", "systemidentifier"):
            value = clean_of(child(admin, name))
            if value:
                fields.setdefault(name.replace("identifier", "_identifier"), value)
        _keep_properties(fields, properties(admin))
    rights = child(component, "rightsmetadata")
    if rights is not None:
        _read_rights(rights, fields)
    descriptive = child(component, "descriptivemetadata")
    if descriptive is not None:
        _read_descriptive(descriptive, article, fields, topics)
    for metadata in children(component, "metadata"):
        kind = formal_name(child(metadata, "metadatatype"))
        found = properties(metadata)
        if found:
            keep_list(fields, "metadata", [{"type": kind, **found} if kind else found])


def _read_descriptive(
    descriptive: etree._Element, article: Article, fields: Fields, topics: Topics
) -> None:
    by = grouped(descriptive)
    languages = [code for code in map(formal_name, by.get("language", ())) if code]
    if languages:
        article.offer("language", languages[0])
        keep_list(fields, "languages", languages[1:])
    genre = formal_name(next(iter(by.get("genre", ())), None))
    if genre:
        fields.setdefault("genre", topics.get(genre, genre))
    subjects = []
    for code in by.get("subjectcode", ()):
        for level in children(code, *_SUBJECT_LEVELS):
            value = formal_name(level)
            if not value:
                continue
            entry = {"code": value, "level": local_name(level)}
            name = topics.get(value) or topics.get(attribute(level, "vocabulary") or "")
            if name and name != value:
                entry["name"] = name
                article.add_tag(name)
            subjects.append(entry)
    keep_list(fields, "subjects", subjects)
    keep_list(fields, "of_interest_to", map(formal_name, by.get("ofinterestto", ())))
    locations = []
    for location in by.get("location", ()):
        place: dict[str, object] = {}
        how = attribute(location, "howpresent")
        if how:
            place["how_present"] = how
        place.update(properties(location))
        if len(place) > (1 if how else 0):
            locations.append(place)
    keep_list(fields, "locations", locations)
    for occurrence in by.get("topicoccurrence", ()):
        reference = attribute(occurrence, "topic")
        name = topics.get(reference or "")
        if name:
            article.add_tag(name)
        keep_list(fields, "topics", [name or reference])
    dateline_date = clean_of(next(iter(by.get("datelinedate", ())), None))
    if dateline_date:
        fields.setdefault("dateline_date", dateline_date)
    found = properties(descriptive)
    for property_name, stated in found.items():
        if property_name.lower() in _KEYWORD_PROPERTIES:  # AFP's keywords
            for keyword in stated if isinstance(stated, list) else [stated]:
                article.add_tag(keyword if isinstance(keyword, str) else None)
    _keep_properties(fields, found)


def _read_rights(rights: etree._Element, fields: Fields) -> None:
    copyright_ = child(rights, "copyright")
    holder = clean_of(child(copyright_, "copyrightholder"))
    date = clean_of(child(copyright_, "copyrightdate"))
    if holder or date:
        found = {"holder": holder, "date": date}
        fields.setdefault("copyright_holder", {k: v for k, v in found.items() if v})
    usage = [clean_of(node) for node in children(rights, "usagerights")]
    keep_list(fields, "usage_rights", usage)


def _keep_properties(fields: Fields, found: dict[str, object]) -> None:
    if not found:
        return
    kept = fields.get("properties")
    merged: dict[str, object] = dict(kept) if isinstance(kept, dict) else {}
    for name, value in found.items():
        merged.setdefault(name, value)
    fields["properties"] = merged
