"""One NewsItem read into an :class:`~newsdoc.iptc.article.Article`.

``Identification`` and ``NewsManagement`` give the identifiers, dates and status; the item's
top ``NewsComponent``, then the components down to the story's text, give the NewsLines and
metadata (the top component first: first come, first kept); the story's ``DataContent`` the
body (:mod:`.content`); the pictures among the components the images (:mod:`.components`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

import attrs
from lxml import etree

from newsdoc.analysis.dates import parse_iso_datetime
from newsdoc.analysis.urls import page_url, resolve_url
from newsdoc.codes import NEWSML_BAD_DATE, NEWSML_NO_TEXT, NEWSML_NOT_TEXT
from newsdoc.iptc.article import Article
from newsdoc.iptc.nitf import add_byline_authors
from newsdoc.model import Image, Link
from newsdoc.parsers.newsml.components import (
    Parts,
    Picture,
    TextPart,
    best_rendition,
    role_of,
    walk,
)
from newsdoc.parsers.newsml.content import read_text
from newsdoc.parsers.newsml.metadata import (
    Fields,
    Topics,
    formal_name,
    keep_list,
    local_name,
    parties,
    properties,
    read_metadata,
    topics_of,
)
from newsdoc.xml.tree import XML_LANG, attribute, child, children, clean_of, key

__all__ = ["NEWSML_FIELDS", "ItemRead", "read_envelope", "read_item"]

#: The key of ``extra`` that holds the NewsML fields with no typed home.
NEWSML_FIELDS: Final = "newsml"
_IDENTIFIERS = (
    ("providerid", "provider_id"),
    ("dateid", "date_id"),
    ("newsitemid", "news_item_id"),
    ("revisionid", "revision_id"),
    ("publicidentifier", "public_identifier"),
)


@attrs.frozen
class ItemRead:
    """An item read: its article, and the NewsItems its components carry inline."""

    article: Article
    items: tuple[etree._Element, ...]


def read_item(
    item: etree._Element,
    article: Article,
    *,
    envelope: Fields,
    topics: Topics,
    base_url: str | None,
    max_depth: int,
) -> ItemRead:
    """Read the NewsItem ``item`` into ``article`` (which holds the file's warnings)."""
    fields: Fields = {}
    duid = attribute(item, "duid")
    if duid:
        fields["duid"] = duid
    topics = {**topics_of(children(item, "topicset")), **topics}
    _read_identification(child(item, "identification"), fields)
    _read_management(child(item, "newsmanagement"), article, fields, topics)
    if envelope:
        fields["envelope"] = envelope
    updates = [key(node) for node in children(item, "update")]
    if updates:
        fields["updates"] = len(updates)
    top = child(item, "newscomponent")
    nested: tuple[etree._Element, ...] = ()
    if top is None:
        what = "revision updates" if updates else "no NewsComponent"
        article.warnings.append(NEWSML_NOT_TEXT(f"the item holds no text: {what}"))
    else:
        parts = walk(top)
        topics = {**topics_of(parts.topic_sets), **topics}
        nested = tuple(parts.items)
        _read_parts(top, parts, article, fields, topics, base_url, max_depth)
    # Without a Language element, the item's (or its headline's) xml:lang.
    headline = child(child(top, "newslines"), "headline")
    article.offer("language", item.get(XML_LANG) or attribute(headline, "lang"))
    article.keep(NEWSML_FIELDS, fields)
    return ItemRead(article, nested)


def _read_parts(
    top: etree._Element,
    parts: Parts,
    article: Article,
    fields: Fields,
    topics: Topics,
    base_url: str | None,
    max_depth: int,
) -> None:
    role = formal_name(child(top, "role"))
    if role:
        fields["role"] = role
    read_metadata(top, article, fields, topics)
    problems = []
    story = None
    for part in parts.texts:
        for component in part.chain[1:]:  # the story's own components, after the top one
            read_metadata(component, article, fields, topics)
        problem = read_text(part.item, article, max_depth=max_depth)
        if problem is None:
            story = part
            break
        problems.append(problem)
    _keep_content(parts, story, fields)
    _read_pictures(parts.pictures, article, fields, base_url or article.url)
    for reference in parts.references:
        url = page_url(reference["item"])
        if url:
            article.links.append(Link(url=url, text=reference.get("comment"), kind="related"))
    keep_list(fields, "item_refs", parts.references)
    keep_list(fields, "media", parts.media)
    if not article.authors:
        _creators_as_authors(fields, article)
    if story is not None:
        return
    if problems:
        article.warnings.append(NEWSML_NO_TEXT(f"the item holds no text: {problems[0]}"))
        return
    held = _held(parts)
    article.warnings.append(NEWSML_NOT_TEXT(f"the item holds no text, only {held}"))


def _held(parts: Parts) -> str:
    counts = []
    pictures = sum(1 for picture in parts.pictures if picture.renditions)
    for count, name in (
        (pictures, "picture"),
        (len(parts.media), "other media item"),
        (len(parts.references) + len(parts.items), "item reference"),
    ):
        if count:
            counts.append(f"{count} {name}{'s' if count > 1 else ''}")
    return ", ".join(counts) or "metadata"


def _keep_content(parts: Parts, story: TextPart | None, fields: Fields) -> None:
    """The other text ContentItems (alternatives, sidebars, remote files) in the fields."""
    others = []
    for part in parts.texts:
        if part is story:
            continue
        found = {
            "format": formal_name(child(part.item, "format")) or "",
            "mime_type": formal_name(child(part.item, "mimetype")) or "",
            "href": attribute(part.item, "href") or "",
            "role": role_of(part.chain[-1]),
            "text": (clean_of(child(part.item, "datacontent")) or "")[:200],
        }
        others.append({name: value for name, value in found.items() if value})
    keep_list(fields, "other_texts", others)
    if story is not None:
        stated = {
            "format": formal_name(child(story.item, "format")),
            "mime_type": formal_name(child(story.item, "mimetype")),
        }
        text_format = {name: value for name, value in stated.items() if value}
        if text_format:
            fields["text_format"] = text_format


def _read_pictures(
    pictures: list[Picture], article: Article, fields: Fields, base_url: str | None
) -> None:
    files = []
    for picture in pictures:
        rendition = best_rendition(picture)
        if rendition is None:
            continue
        lines = child(picture.group, "newslines")
        caption = (
            clean_of(child(lines, "headline"))
            or next(iter(picture.captions), None)
            or _caption_property(picture)
        )
        credit = clean_of(child(lines, "creditline")) or clean_of(child(lines, "byline"))
        href = attribute(rendition, "href") or ""
        url = page_url(resolve_url(href, base_url))
        if url:
            article.images.append(Image(url=url, caption=caption, credit=credit))
        else:  # a file delivered beside the XML: no address a reader can open
            found = {"href": href, "caption": caption, "credit": credit}
            files.append({name: value for name, value in found.items() if value})
    keep_list(fields, "photos", files)


def _caption_property(picture: Picture) -> str | None:
    for node in (picture.group, *(item for _, item in picture.renditions)):
        for container in (node, child(node, "characteristics")):
            found = properties(container)
            for name, value in found.items():
                if name.lower() in ("caption", "description") and isinstance(value, str):
                    return value
    return None


def _creators_as_authors(fields: Fields, article: Article) -> None:
    """Without a byline, the top component's creators that are people's names."""
    creators = fields.get("creator")
    for creator in creators if isinstance(creators, list) else ():
        if isinstance(creator, str):
            add_byline_authors(creator, article)


def _read_identification(identification: etree._Element | None, fields: Fields) -> None:
    if identification is None:
        return
    identifier = child(identification, "newsidentifier")
    found: dict[str, str] = {}
    for name, field in _IDENTIFIERS:
        value = clean_of(child(identifier, name))
        if value:
            found[field] = value
    revision = child(identifier, "revisionid")
    for name, field in (("previousrevision", "previous_revision"), ("update", "update")):
        value = attribute(revision, name)
        if value:
            found[field] = value
    if found:
        fields["identifier"] = found
    for name, field in (("namelabel", "name_label"), ("datelabel", "date_label")):
        value = clean_of(child(identification, name))
        if value:
            fields[field] = value
    labels = []
    for label in children(identification, "label"):
        kind, text = formal_name(child(label, "labeltype")), clean_of(child(label, "labeltext"))
        if text:
            labels.append({"type": kind, "text": text} if kind else {"text": text})
    keep_list(fields, "labels", labels)


def _read_management(
    management: etree._Element | None, article: Article, fields: Fields, topics: Topics
) -> None:
    if management is None:
        return
    for name, field in (
        ("newsitemtype", "item_type"),
        ("status", "status"),
        ("urgency", "urgency"),
    ):
        value = formal_name(child(management, name))
        if value:
            fields[field] = topics.get(value, value) if name == "newsitemtype" else value
    article.offer_date("published", _date(child(management, "firstcreated"), article, fields))
    article.offer_date("modified", _date(child(management, "thisrevisioncreated"), article, fields))
    change = child(management, "statuswillchange")
    if change is not None:
        future = formal_name(child(change, "futurestatus"))
        when = _date(child(change, "dateandtime"), article, fields)
        found = {"status": future, "at": when.isoformat() if when else None}
        fields["status_will_change"] = {name: value for name, value in found.items() if value}
        status = fields.get("status")
        if when is not None and isinstance(status, str) and status.lower() == "embargoed":
            fields["embargo"] = when.isoformat()
    instructions = [formal_name(node) for node in children(management, "instruction")]
    keep_list(fields, "instructions", instructions)
    for name, field in (("derivedfrom", "derived_from"), ("associatedwith", "associated_with")):
        refs = [attribute(node, "newsitem", "formalname") for node in children(management, name)]
        keep_list(fields, field, refs)
    history = attribute(child(management, "revisionhistory"), "href")
    if history:
        fields["revision_history"] = history
    found_properties = properties(management)
    if found_properties:
        fields["management_properties"] = found_properties


def read_envelope(envelope: etree._Element | None, article: Article) -> Fields:
    """The envelope's fields, which every item of the file keeps."""
    fields: Fields = {}
    if envelope is None:
        return fields
    when = _date(child(envelope, "dateandtime"), article, fields)
    if when is not None:
        fields["date"] = when.isoformat()
    transmission = clean_of(child(envelope, "transmissionid"))
    if transmission:
        fields["transmission_id"] = transmission
    for name, field in (("sentfrom", "sent_from"), ("sentto", "sent_to")):
        keep_list(fields, field, (p for node in children(envelope, name) for p in parties(node)))
    for name, field in (("newsservice", "services"), ("newsproduct", "products")):
        keep_list(fields, field, map(formal_name, children(envelope, name)))
    priority = formal_name(child(envelope, "priority"))
    if priority:
        fields["priority"] = priority
    found = properties(envelope)
    if found:
        fields["properties"] = found
    return fields


def _date(element: etree._Element | None, article: Article, fields: Fields) -> datetime | None:
    """The ISO 8601 date of ``element``'s text; a bad one is warned about and kept as text."""
    value = clean_of(element)
    if element is None or value is None:
        return None
    parsed = parse_iso_datetime(value)
    if parsed is None:
        name = local_name(element)
        message = f"<{name}> {value[:40]!r} is not an ISO 8601 date; kept as text"
        article.warnings.append(NEWSML_BAD_DATE(message))
        keep_list(fields, "unread_dates", [{name: value}])
    return parsed
