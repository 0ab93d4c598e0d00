"""A NITF document (News Industry Text Format, 3.x) read into an :class:`~.article.Article`.

The head's ``docdata`` and ``pubdata`` and the body's head (``hedline``, ``byline``,
``dateline``, ``abstract``) give the metadata; ``body.content`` the body (:mod:`.body`);
``body.end`` a tagline. What has no typed home is kept in ``extra["nitf"]``. A NewsML item
that carries NITF inline reads it with the same function, into the article it has begun.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Final

from lxml import etree

from newsdoc.analysis.bylines import parse_byline
from newsdoc.analysis.dates import parse_iso_datetime
from newsdoc.codes import NITF_BAD_DATE
from newsdoc.iptc.article import Article
from newsdoc.iptc.body import read_body
from newsdoc.xml.read import read_markup
from newsdoc.xml.tree import XML_LANG, attribute, child, children, clean_of, key

__all__ = [
    "NITF_FIELDS",
    "add_byline_authors",
    "nitf_date",
    "read_nitf",
    "read_nitf_body",
    "read_nitf_markup",
]

#: The key of ``extra`` that holds the NITF fields with no typed home.
NITF_FIELDS: Final = "nitf"
# docdata's one-attribute elements kept as they are: element key -> (attribute, extra key).
_DOCDATA: Final = (
    ("doc-id", "id-string", "doc_id"),
    ("urgency", "ed-urg", "urgency"),
    ("fixture", "fix-id", "fixture"),
    ("du-key", "key", "du_key"),
    ("ed-msg", "info", "editorial_message"),
    ("series", "series.name", "series"),
)
_DATES: Final = (("date.release", "release"), ("date.expire", "expire"))


def read_nitf(root: etree._Element, article: Article, *, max_depth: int) -> None:
    """Read the NITF document ``root`` (a ``nitf`` element) into ``article``."""
    fields: dict[str, object] = {}
    article.offer("language", attribute(root, "baselang") or root.get(XML_LANG))
    head = child(root, "head")
    body = child(root, "body")
    _read_docdata(child(head, "docdata"), article, fields)
    _read_pubdata(child(head, "pubdata"), article, fields)
    _read_body_head(child(body, "body.head"), article, fields)
    article.offer("title", clean_of(child(head, "title")))
    meta = {}
    for element in children(head, "meta") if head is not None else ():
        name, value = attribute(element, "name"), attribute(element, "content")
        if name and value:
            meta[name] = value
    if meta:
        fields["meta"] = meta
    for subject in _all(head, "tobject", "tobject.subject"):
        article.add_tag(attribute(subject, "tobject.subject.matter", "tobject.subject.detail"))
    content = child(body, "body.content")
    if content is not None:
        read_nitf_body(content, article, max_depth=max_depth)
    end = child(body, "body.end")
    if end is not None:
        taglines = [text for text in map(clean_of, children(end, "tagline")) if text]
        if taglines:
            fields["tagline"] = taglines
    if fields:
        article.keep(NITF_FIELDS, fields)


def read_nitf_markup(markup: str, article: Article, *, max_depth: int) -> bool:
    """Read NITF carried as a string (a ninjs body): a whole ``nitf`` document, or a body.

    The markup is parsed by the shared XML machinery (recovering when it is not well-formed);
    returns ``False`` when it holds no element at all, and nothing was read.
    """
    root = read_markup(markup)
    if root is None:
        return False
    if key(root) == "nitf":
        read_nitf(root, article, max_depth=max_depth)
        return True
    content = next((node for node in root.iter() if key(node) == "body.content"), root)
    read_nitf_body(content, article, max_depth=max_depth)
    return True


def read_nitf_body(content: etree._Element, article: Article, *, max_depth: int) -> None:
    """Read a ``body.content`` (or XHTML body) element into the article's body."""
    body = read_body(content, base_url=article.url, max_depth=max_depth)
    article.blocks.extend(body.fragment.blocks)
    article.links.extend(body.fragment.links)
    article.images.extend((*body.fragment.images, *body.images))
    article.warnings.extend(body.fragment.warnings)
    if body.media:
        article.keep("media", list(body.media))
    if body.notes:
        article.keep("notes", list(body.notes))


def nitf_date(element: etree._Element | None, article: Article) -> datetime | None:
    """The date in ``element``'s ``norm`` attribute (ISO 8601, basic or extended)."""
    value = attribute(element, "norm")
    if element is None or value is None:
        return None
    parsed = parse_iso_datetime(value)
    if parsed is None:
        message = f"<{key(element)} norm={value[:40]!r}> is not an ISO 8601 date; ignored"
        article.warnings.append(NITF_BAD_DATE(message))
    return parsed


def _read_body_head(
    head: etree._Element | None, article: Article, fields: dict[str, object]
) -> None:
    if head is None:
        return
    hedline = child(head, "hedline")
    article.offer("title", clean_of(child(hedline, "hl1")))
    article.offer("subtitle", clean_of(child(hedline, "hl2")))
    for byline in children(head, "byline"):
        # A second byline without person elements is the first written another way (an
        # archive's "Doe, John" under "By JOHN DOE"): kept, not read for names.
        _read_byline(byline, article, fields, names=not article.authors)
    distributor = clean_of(child(head, "distributor"))
    if distributor:
        fields["distributor"] = distributor
    dateline = child(head, "dateline")
    if dateline is not None:
        fields["dateline"] = clean_of(dateline)
        article.offer_date("published", nitf_date(child(dateline, "story.date"), article))
    notes = [note for note in map(clean_of, children(head, "note")) if note]
    if notes:
        fields["notes"] = notes
    abstract = clean_of(child(head, "abstract"))
    article.offer("description", abstract)
    rights = clean_of(child(head, "rights"))
    if rights:
        fields["rights"] = rights


def _read_byline(
    byline: etree._Element, article: Article, fields: dict[str, object], *, names: bool
) -> None:
    """The byline's ``person`` elements, or its text read as a byline; the job titles kept."""
    text = clean_of(byline)
    if text:
        fields["byline"] = [*_strings(fields.get("byline")), text]
    people = [name for name in map(clean_of, children(byline, "person")) if name]
    titles = [title for title in map(clean_of, children(byline, "byttl")) if title]
    if titles:
        fields["byline_titles"] = [*_strings(fields.get("byline_titles")), *titles]
    if people:
        for person in people:
            article.add_author(person)
        return
    if text and names:
        add_byline_authors(text, article, titles=titles)


def add_byline_authors(text: str, article: Article, *, titles: Sequence[str] = ()) -> None:
    """Credit the people a byline element's text names ("By Anna Berg", "Anna Berg and Jon Lie").

    The element says it is a byline, so a line without a label is read as if it had one;
    ``titles`` (job titles written in the line, NITF's ``byttl``) are not names. NewsML's
    ``ByLine`` is read with the same rule.
    """
    for title in titles:
        text = text.replace(title, "").strip(" ,;/|-")
    parsed = parse_byline(text) or parse_byline(f"By {text}")
    for name in parsed[0] if parsed else ():
        article.add_author(name)


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _read_docdata(
    docdata: etree._Element | None, article: Article, fields: dict[str, object]
) -> None:
    if docdata is None:
        return
    article.offer_date("published", nitf_date(child(docdata, "date.issue"), article))
    for name, field in _DATES:
        found = nitf_date(child(docdata, name), article)
        if found is not None:
            fields[field] = found.isoformat()
    for name, attribute_name, field in _DOCDATA:
        value = attribute(child(docdata, name), attribute_name)
        if value:
            fields[field] = value
    status = attribute(docdata, "management-status")
    if status:
        fields["management_status"] = status
    for keyword in _all(docdata, "key-list", "keyword"):
        article.add_tag(attribute(keyword, "key"))
    copyright_ = child(docdata, "doc.copyright")
    holder, year = attribute(copyright_, "holder"), attribute(copyright_, "year")
    if holder or year:
        fields["copyright"] = {k: v for k, v in (("holder", holder), ("year", year)) if v}
    evloc = child(docdata, "evloc")
    if evloc is not None:
        place = {name: attribute(evloc, name) for name in ("city", "state-prov", "country")}
        fields["event_location"] = {name: value for name, value in place.items() if value}
    entities = _identified(child(docdata, "identified-content"))
    if entities:
        fields["identified_content"] = entities


def _identified(content: etree._Element | None) -> list[dict[str, str]]:
    """The people, organisations, places and classifiers the document is said to be about."""
    found: list[dict[str, str]] = []
    for element in children(content) if content is not None else ():
        entry = {"type": key(element)}
        text = clean_of(element)
        if text:
            entry["name"] = text
        for name in ("value", "type", "idsrc"):
            value = attribute(element, name)
            if value:
                entry["kind" if name == "type" else name] = value
        if len(entry) > 1:
            found.append(entry)
    return found


def _read_pubdata(
    pubdata: etree._Element | None, article: Article, fields: dict[str, object]
) -> None:
    if pubdata is None:
        return
    article.offer("site_name", attribute(pubdata, "name"))
    article.offer("section", attribute(pubdata, "position.section"))
    article.offer_url(attribute(pubdata, "ex-ref"))
    published = attribute(pubdata, "date.publication")
    if published:
        article.offer_date("published", parse_iso_datetime(published))
    kind = attribute(pubdata, "type")
    if kind:
        fields["publication_type"] = kind


def _all(element: etree._Element | None, parent: str, name: str) -> list[etree._Element]:
    """Every ``name`` element under every ``parent`` child of ``element``."""
    if element is None:
        return []
    return [node for holder in children(element, parent) for node in children(holder, name)]
