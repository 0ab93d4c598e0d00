"""An item's management and descriptive metadata: ``itemMeta``, ``contentMeta``, ``rightsInfo``.

What has a typed home (headline, subheadline, description, dates, authors, language, tags,
related links) goes there, first come first kept; everything else the item states is kept in
``extra["newsml-g2"]``, nothing silently dropped.
"""

from __future__ import annotations

from typing import Final

from lxml import etree

from newsdoc.analysis.bylines import is_agency, is_organisation, parse_byline
from newsdoc.analysis.urls import page_url
from newsdoc.iptc.article import Article
from newsdoc.model import Link
from newsdoc.parsers.newsmlg2.fields import (
    Index,
    code_of,
    concept,
    date_of,
    in_language,
    language_of,
    name_of,
    qcode_tail,
    role_of,
    texts,
)
from newsdoc.xml.tree import attribute, child, children, clean_of

__all__ = ["item_language", "read_content_meta", "read_item_meta", "read_rights"]

# Headline roles that make a headline the subheadline, and description roles that are the
# item's summary (a picture's caption is its description too).
_SUB_ROLES: Final = frozenset({"sub", "subheadline", "subtitle", "subhead", "deck", "standfirst"})
_MAIN_ROLES: Final = frozenset({"", "main", "headline", "title"})
_SUMMARY_ROLES: Final = frozenset(
    {"", "summary", "abstract", "caption", "teaser", "lead", "synopsis", "description"}
)
# A contributor's role that says they wrote the item.
_WRITER_ROLE_WORDS: Final = ("author", "writer", "reporter", "correspondent", "journalist")
_ORGANISATION_TYPES: Final = ("organisation", "organization", "org")


def item_language(item: etree._Element) -> str | None:
    """The item's language: ``contentMeta/language@tag``, else the item's ``xml:lang``."""
    meta = child(item, "contentmeta")
    languages = children(meta, "language") if meta is not None else iter(())
    tagged = [attribute(element, "tag") for element in languages]
    return next((tag for tag in tagged if tag), None) or language_of(item)


def read_item_meta(item: etree._Element, article: Article, fields: dict[str, object]) -> None:
    """``itemMeta``: the class, provider, status, dates, notes, signals and links."""
    element = child(item, "itemmeta")
    if element is None:
        return
    meta = Index(element)
    language = article.language
    fields["item_class"] = code_of(meta.child("itemclass"))
    provider = meta.child("provider")
    fields["provider"] = name_of(provider, language) or code_of(provider)
    status = code_of(meta.child("pubstatus"))
    fields["pub_status"] = status
    article.offer_date("published", date_of(meta.child("firstcreated"), article))
    article.offer_date("modified", date_of(meta.child("versioncreated"), article))
    embargoed = meta.child("embargoed")
    when = date_of(embargoed, article)
    fields["embargoed"] = when.isoformat() if when else clean_of(embargoed)
    fields["services"] = [
        name_of(service, language) or code_of(service) for service in meta.children("service")
    ]
    fields["item_title"] = clean_of(in_language(meta.children("title"), language))
    fields["ed_notes"] = texts(meta.children("ednote"))
    fields["signals"] = [code_of(signal) for signal in meta.children("signal") if code_of(signal)]
    fields["generator"] = clean_of(meta.child("generator"))
    fields["profile"] = clean_of(meta.child("profile"))
    links: list[dict[str, str]] = []
    for link in meta.children("link"):
        record = {
            name: value
            for name in ("rel", "href", "residref", "title", "contenttype")
            if (value := attribute(link, name))
        }
        title = record.get("title") or clean_of(child(link, "title"))
        if title:
            record["title"] = title
        if record:
            links.append(record)
        url = page_url(record.get("href", ""))
        if url:
            article.links.append(Link(url=url, text=title or record.get("rel"), kind="related"))
    fields["links"] = links


def read_content_meta(item: etree._Element, article: Article, fields: dict[str, object]) -> None:
    """``contentMeta``: headlines, descriptions, people, subjects and the rest."""
    element = child(item, "contentmeta")
    if element is None:
        return
    meta = Index(element)
    language = article.language
    _read_headlines(meta, article, fields)
    _read_descriptions(meta, article, fields)
    created = date_of(meta.child("contentcreated"), article)
    modified = date_of(meta.child("contentmodified"), article)
    article.offer_date("published", created)
    article.offer_date("modified", modified)
    # Kept when itemMeta's dates were the item's: the content's are other facts then.
    if created is not None and created != article.published:
        fields["content_created"] = created.isoformat()
    if modified is not None and modified != article.modified:
        fields["content_modified"] = modified.isoformat()
    _read_people(meta, article, fields)
    subjects = [concept(subject, language) for subject in meta.children("subject")]
    fields["subjects"] = [subject for subject in subjects if subject]
    for subject in subjects:
        article.add_tag(subject.get("name"))
    keywords = texts(meta.children("keyword"))
    fields["keywords"] = keywords
    for keyword in keywords:
        article.add_tag(keyword)
    fields["genres"] = [
        name_of(genre, language) or code_of(genre) for genre in meta.children("genre")
    ]
    fields["urgency"] = clean_of(meta.child("urgency"))
    fields["slugline"] = clean_of(in_language(meta.children("slugline"), language))
    fields["dateline"] = clean_of(in_language(meta.children("dateline"), language))
    fields["creditline"] = clean_of(in_language(meta.children("creditline"), language))
    fields["located"] = [_place(place, language) for place in meta.children("located")]
    fields["info_sources"] = [
        name_of(source, language) or code_of(source) or attribute(source, "literal")
        for source in meta.children("infosource")
    ]
    fields["audiences"] = [
        name_of(audience, language) or code_of(audience) for audience in meta.children("audience")
    ]
    fields["alt_ids"] = [
        {"type": attribute(alt, "type") or "", "value": text}
        for alt in meta.children("altid")
        if (text := clean_of(alt))
    ]
    fields["icons"] = [href for icon in meta.children("icon") if (href := attribute(icon, "href"))]


def read_rights(item: etree._Element, article: Article, fields: dict[str, object]) -> None:
    """``rightsInfo``: the copyright holder and notice, and the usage terms."""
    language = article.language
    for found in children(item, "rightsinfo"):
        rights = Index(found)
        holder = rights.child("copyrightholder")
        if "copyright_holder" not in fields:
            fields["copyright_holder"] = name_of(holder, language) or code_of(holder)
        notice = clean_of(in_language(rights.children("copyrightnotice"), language))
        if "copyright_notice" not in fields:
            fields["copyright_notice"] = notice
        terms = clean_of(in_language(rights.children("usageterms"), language))
        if terms:
            fields["usage_terms"] = [*_strings(fields.get("usage_terms")), terms]


def _read_headlines(meta: Index, article: Article, fields: dict[str, object]) -> None:
    """The main headline (role-less or main, in the item's language) and the subheadline."""
    language = article.language
    headlines = list(meta.children("headline"))
    main = [headline for headline in headlines if role_of(headline) in _MAIN_ROLES]
    subs = [headline for headline in headlines if role_of(headline) in _SUB_ROLES]
    subs += list(meta.children("subheadline"))
    title = in_language(main, language)
    if title is None:
        title = in_language([found for found in headlines if found not in subs], language)
    subtitle = in_language(subs, language)
    article.offer("title", clean_of(title))
    article.offer("subtitle", clean_of(subtitle))
    others = [
        _labelled(headline)
        for headline in headlines
        if headline is not title and headline is not subtitle
    ]
    fields["headlines"] = [other for other in others if "text" in other]


def _read_descriptions(meta: Index, article: Article, fields: dict[str, object]) -> None:
    descriptions = list(meta.children("description"))
    summaries = [found for found in descriptions if role_of(found) in _SUMMARY_ROLES]
    chosen = in_language(summaries, article.language)
    article.offer("description", clean_of(chosen))
    others = [_labelled(found) for found in descriptions if found is not chosen]
    fields["descriptions"] = [other for other in others if "text" in other]


def _labelled(element: etree._Element) -> dict[str, str]:
    """A headline or description not used: its role, language and text, for ``extra``."""
    found = {
        "role": attribute(element, "role"),
        "language": language_of(element),
        "text": clean_of(element),
    }
    return {name: value for name, value in found.items() if value}


def _read_people(meta: Index, article: Article, fields: dict[str, object]) -> None:
    """Creators, writing contributors and bylines as authors; every one listed in ``extra``.

    People named by ``creator`` (and by ``contributor`` in a writer's role) are the authors;
    an organisation as creator (typed so, the item's provider, an agency) is credited only
    when no person is. A ``by`` line
    is read for names only when no creator or contributor names a person.
    """
    language = article.language
    people: list[str] = []
    organisations: list[str] = []
    creators = [concept(creator, language) for creator in meta.children("creator")]
    contributors = [concept(found, language) for found in meta.children("contributor")]
    for element, record in zip(meta.children("creator"), creators, strict=True):
        name = record.get("name")
        if name:
            organisation = name == fields.get("provider") or _organisation(element, name)
            (organisations if organisation else people).append(name)
    for record in contributors:
        name, role = record.get("name"), record.get("role", "").lower()
        if name and any(word in role for word in _WRITER_ROLE_WORDS) and "descr" not in role:
            people.append(name)
    fields["creators"] = [record for record in creators if record]
    fields["contributors"] = [record for record in contributors if record]
    bylines = texts(meta.children("by"))
    fields["by"] = bylines
    if not people:
        for line in bylines:
            parsed = parse_byline(line) or parse_byline(f"By {line}")
            people.extend(parsed[0] if parsed else ())
    for name in people or organisations:
        article.add_author(name)


def _organisation(element: etree._Element, name: str) -> bool:
    kind = qcode_tail(attribute(element, "type"))
    if any(word in kind for word in _ORGANISATION_TYPES):
        return True
    if child(element, "organisationdetails") is not None:
        return True
    if kind == "person" or child(element, "persondetails") is not None:
        return False
    return is_agency(name) or is_organisation(name)


def _place(element: etree._Element, language: str | None) -> dict[str, object]:
    """A ``located`` place: its name and code, and the names of the places it is in."""
    record: dict[str, object] = dict(concept(element, language))
    broader = [name_of(place, language) for place in children(element, "broader")]
    if any(broader):
        record["broader"] = [name for name in broader if name]
    return record


def _strings(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
