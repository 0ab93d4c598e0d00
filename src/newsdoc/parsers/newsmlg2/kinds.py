"""Items that are not articles: packages, and events, concepts, plans and knowledge.

A ``packageItem`` groups other items (``groupSet/group/itemRef``): each becomes a related link
of the package's document and a record of ``extra["newsml-g2"]["items"]``. A ``conceptItem``
(an event is one, with ``eventDetails``), a ``knowledgeItem`` (a set of concepts), a
``planningItem`` (the coverage planned) and the ``events`` a news item may carry inline state
facts, not text: their names, definitions, dates and places are kept in ``extra``, the first
one's name and definition offered as the title and description.
"""

from __future__ import annotations

from lxml import etree

from newsdoc.analysis.urls import page_url
from newsdoc.iptc.article import Article
from newsdoc.model import Link
from newsdoc.parsers.newsmlg2.fields import code_of, in_language, name_of, qcode_tail
from newsdoc.xml.tree import attribute, child, children, clean_of, descend, key

__all__ = ["event_elements", "read_concepts", "read_package"]


def read_package(item: etree._Element, article: Article, fields: dict[str, object]) -> None:
    """A package's item references, in document order, as related links and records."""
    language = article.language
    records: list[dict[str, str]] = []
    # Every itemRef, in document order: in the groups of the groupSet, or (as some senders
    # write it) straight under the package.
    references = (node for node in item.iter(etree.Element) if key(node) == "itemref")
    for reference in references:
        record = _reference(reference, language)
        parent = reference.getparent()
        role = attribute(parent, "role") if parent is not None and key(parent) == "group" else None
        if role:
            record["group"] = role
        records.append(record)
        url = page_url(record.get("href", ""))
        text = record.get("title") or record.get("residref") or record.get("href")
        if url or text:
            article.links.append(Link(url=url, text=text, kind="related"))
    fields["items"] = records


def _reference(reference: etree._Element, language: str | None) -> dict[str, str]:
    found = {
        "residref": attribute(reference, "residref"),
        "href": attribute(reference, "href"),
        "version": attribute(reference, "version"),
        "contenttype": attribute(reference, "contenttype"),
        "item_class": code_of(child(reference, "itemclass")),
        "title": clean_of(in_language(children(reference, "title"), language)),
        "description": clean_of(in_language(children(reference, "description"), language)),
    }
    return {name: value for name, value in found.items() if value}


def event_elements(item: etree._Element) -> list[etree._Element]:
    """The events a news item carries inline (``contentSet/inlineXML/events/event``)."""
    found: list[etree._Element] = []
    content_set = child(item, "contentset")
    if content_set is None:
        return found
    for content in children(content_set, "inlinexml"):
        for events in children(content, "events"):
            found.extend(children(events, "event"))
    return found


def read_concepts(item: etree._Element, article: Article, fields: dict[str, object]) -> str:
    """What a concept, knowledge or planning item (or inline events) states; its kind.

    The kind is ``"event"`` when a concept is an event (``eventDetails``, or a type
    ``cpnat:event``), else the item's: ``"concept"``, ``"knowledge"`` or ``"planning"``.
    """
    name = key(item)
    concepts = list(children(item, "concept"))
    for concept_set in children(item, "conceptset"):
        concepts.extend(children(concept_set, "concept"))
    concepts.extend(event_elements(item))
    concepts.extend(children(item, "event"))
    records = [_concept(found, article.language) for found in concepts]
    if records:
        article.offer("title", _text(records[0].get("name")))
        article.offer("description", _text(records[0].get("definition")))
    events = [record for record in records if record.get("type") == "event"]
    others = [record for record in records if record.get("type") != "event"]
    if events:
        fields["events"] = events
    if others:
        fields["concepts"] = others
    if name == "planningitem":
        coverage = [
            _planning(planning, article.language)
            for coverage_set in children(item, "newscoverageset")
            for news_coverage in children(coverage_set, "newscoverage")
            for planning in children(news_coverage, "planning")
        ]
        coverage = [record for record in coverage if record]
        fields["coverage"] = coverage
        for record in coverage:
            article.offer("title", record.get("headline"))
        return "event" if events else "planning"
    if events:
        return "event"
    return {"knowledgeitem": "knowledge", "newsitem": "event", "eventitem": "event"}.get(
        name, "concept"
    )


def _concept(element: etree._Element, language: str | None) -> dict[str, object]:
    """A concept or event: its name, code, type, definition, and an event's details."""
    record: dict[str, object] = {}
    name = name_of(element, language)
    if name:
        record["name"] = name
    qcode = code_of(child(element, "conceptid"))
    if qcode:
        record["qcode"] = qcode
    details = child(element, "eventdetails")
    kind = qcode_tail(code_of(child(element, "type")))
    if details is not None or key(element) == "event" or kind == "event":
        record["type"] = "event"
    elif kind:
        record["type"] = kind
    definition = clean_of(in_language(children(element, "definition"), language))
    if definition:
        record["definition"] = definition
    if details is not None:
        record.update(_event_details(details, language))
    return record


def _event_details(details: etree._Element, language: str | None) -> dict[str, object]:
    found: dict[str, object] = {}
    dates = child(details, "dates")
    for field in ("start", "end", "duration"):
        value = clean_of(child(dates, field))
        if value:
            found[field] = value
    places = [_named(location, language) for location in children(details, "location")]
    if any(places):
        found["locations"] = [place for place in places if place]
    people = [_named(participant, language) for participant in children(details, "participant")]
    if any(people):
        found["participants"] = [person for person in people if person]
    organisers = [_named(organiser, language) for organiser in children(details, "organiser")]
    if any(organisers):
        found["organisers"] = [organiser for organiser in organisers if organiser]
    status = code_of(child(details, "occurstatus"))
    if status:
        found["status"] = status
    return found


def _named(element: etree._Element, language: str | None) -> str:
    return name_of(element, language) or code_of(element) or ""


def _planning(planning: etree._Element, language: str | None) -> dict[str, str]:
    found = {
        "headline": clean_of(in_language(children(planning, "headline"), language)),
        "item_class": code_of(child(planning, "itemclass")),
        "scheduled": clean_of(child(planning, "scheduled")),
        "description": clean_of(in_language(children(planning, "description"), language)),
        "ed_note": clean_of(child(planning, "ednote")),
        "item_count": _range(child(planning, "itemcount")),
        "subjects": ", ".join(
            filter(None, (name_of(subject, language) for subject in children(planning, "subject")))
        ),
        "service": name_of(descend(planning, "service"), language),
    }
    return {name: value for name, value in found.items() if value}


def _range(element: etree._Element | None) -> str | None:
    low, high = attribute(element, "rangefrom"), attribute(element, "rangeto")
    return f"{low}-{high}" if low and high else low or high


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None
