"""One ninjs item (a JSON object) to its Document.

Typed places get what they can hold: the headline, the body, dates, the byline, the language,
subjects as tags, the item's web address, pictures and associated stories. Every field not
read into one, and every list of things read only in part (subjects, people, associations,
renditions, the bodies and headlines not chosen), stays in ``metadata.extra`` under its key
as written: nothing the item states is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from newsdoc.analysis.bylines import parse_byline, split_names
from newsdoc.analysis.text import clean_text, comparable
from newsdoc.codes import NINJS_NO_TEXT, NINJS_NO_TITLE, NINJS_NOT_TEXT
from newsdoc.html.meta.authors import clean_authors, names_of
from newsdoc.iptc.nitf import NITF_FIELDS
from newsdoc.model import Author, Document, Image, Metadata, ParseWarning
from newsdoc.parsers.ninjs.fields import NAME, Fields
from newsdoc.parsers.ninjs.media import (
    Pictures,
    associated,
    http_url,
    images_of_renditions,
    named,
)
from newsdoc.parsers.ninjs.texts import body_of, description_of, headlines_of
from newsdoc.registry import ParseContext

__all__ = ["read_item"]

# Items that are media, not text: a Document of what they state, with a warning.
_MEDIA: Final = frozenset({"picture", "graphic", "video", "audio"})
_PICTURES: Final = frozenset({"picture", "graphic"})
# The people (``rel`` or ``role``) who wrote the item.
_AUTHOR_ROLES: Final = frozenset({"author", "creator", "writer", "byline", "by"})
# The subject lists whose names are tags: 1.x ``subject``, 2.x and 3.x ``subjects``.
_SUBJECTS: Final = ("subjects", "subject")


def read_item(
    item: Mapping[str, object],
    context: ParseContext,
    leading: tuple[ParseWarning, ...] = (),
    container: Mapping[str, object] | None = None,
) -> Document:
    """The Document of one ninjs item.

    ``leading`` are warnings to give first (the decoding's, what was skipped before it);
    ``container`` the other fields of the object the item was listed in, kept in extra.
    """
    max_depth = context.limits.max_depth
    warnings: list[ParseWarning] = list(leading)
    fields = Fields(item, warnings)
    kind = fields.text("type")
    kind = kind.lower() if kind else None
    title, subtitle = headlines_of(fields, max_depth)
    description = description_of(fields, max_depth)
    body = body_of(fields, max_depth)
    warnings.extend(body.warnings)
    own_images = images_of_renditions(fields) if kind in _PICTURES else []
    if own_images and description and own_images[0].caption is None:
        image = own_images[0]
        own_images = [Image(url=image.url, caption=description, credit=image.credit)]
    blocks = list(body.blocks)
    if blocks and title and comparable(blocks[0].text) == comparable(title):
        blocks = blocks[1:]  # the headline repeated at the head of the body
    associated_images, related = associated(fields)
    uri = fields.text("uri")
    url = http_url(uri)
    if uri is not None and url is None:
        fields.keep("uri")
    published = fields.date("firstcreated") or fields.date("contentcreated")
    modified = fields.date("versioncreated")
    authors = _authors(fields)
    language = fields.text("language")
    tags = _tags(fields)
    nitf = body.nitf
    if nitf is not None:  # what the NITF body's head states, where the item states nothing
        title, subtitle = title or nitf.title, subtitle or nitf.subtitle
        description = description or nitf.description
        authors = authors or [author.name for author in nitf.authors]
        published, modified = published or nitf.published, modified or nitf.modified
        language = language or nitf.language
        tags = list(dict.fromkeys([*tags, *nitf.tags]))
        url = url or nitf.url
    if title is None:
        fields.warn(NINJS_NO_TITLE, "the item has no headline")
    if not blocks:
        if kind in _MEDIA:
            fields.warn(NINJS_NOT_TEXT, f"the item is a {kind} item: what it states is read")
        elif body.unread:
            kinds = ", ".join(dict.fromkeys(body.unread))
            fields.warn(NINJS_NO_TEXT, f"the item's only bodies are of types not read ({kinds})")
        else:
            fields.warn(NINJS_NO_TEXT, "the item holds no body text")
    extra: dict[str, object] = {}
    if kind is not None:
        extra["type"] = kind
    extra.update(fields.unread())
    if nitf is not None and nitf.extra:
        stated = dict(nitf.extra)
        extra["nitf"] = {**_mapping(stated.pop(NITF_FIELDS, None)), **stated}
    if container:
        extra["container"] = dict(container)
    return Document(
        format=NAME,
        source=context.source,
        title=title,
        subtitle=subtitle,
        blocks=blocks,
        metadata=Metadata(
            published=published or modified,
            modified=modified,
            authors=[Author(name=name) for name in authors],
            language=language,
            url=url,
            tags=tags,
            description=description,
            images=_merged([*body.images, *own_images], associated_images),
            extra=extra,
        ),
        links=[*body.links, *related],
        warnings=warnings,
    )


def _authors(fields: Fields) -> list[str]:
    """The byline (``by``, 1.x ``byline``), else the people whose role is author.

    The statement stays in extra when it names more than people ("Von Anna Berg, dpa": an
    agency, a role), or no one.
    """
    for name in ("by", "byline"):
        statement = fields.text(name)
        if statement is None:
            continue
        names = clean_authors(list(names_of(statement)), None)
        byline = parse_byline(statement)
        rest = byline[1] if byline is not None else " ".join(split_names(statement)[1])
        if rest.strip() or not names:
            fields.keep(name)
        if names:
            return names
    found: list[str] = []
    for key in ("people", "person"):
        if fields.key(key) is None:
            continue
        for person in fields.objects(key):
            role = _lower(person, "rel") or _lower(person, "role")
            person_name = _lower(person, "name", as_is=True)
            if role in _AUTHOR_ROLES and person_name:
                found.append(person_name)
        fields.keep(key)
    return clean_authors(found, None)


def _mapping(value: object) -> dict[str, object]:
    return dict(value) if isinstance(value, Mapping) else {}


def _lower(entry: Mapping[str, object], name: str, *, as_is: bool = False) -> str | None:
    for key, value in entry.items():
        if key.lower() == name and isinstance(value, str):
            text = clean_text(value)
            return (text if as_is else text.lower()) or None
    return None


def _tags(fields: Fields) -> list[str]:
    """The names of the subjects (1.x ``subject``, 2.x and 3.x ``subjects``) and ``keywords``."""
    found: list[str] = []
    for key in _SUBJECTS:
        if fields.key(key) is None:
            continue
        for _, subject in named(fields.objects(key)):
            name = _lower(subject, "name", as_is=True)
            if name:
                found.append(name)
        fields.keep(key)
    keywords = fields.get("keywords")
    if isinstance(keywords, list):
        found.extend(clean_text(word) for word in keywords if isinstance(word, str))
        if not all(isinstance(word, str) for word in keywords):
            fields.bad("keywords", "a list of text")
    elif isinstance(keywords, str):
        found.append(clean_text(keywords))
    elif keywords is not None:
        fields.bad("keywords", "a list of text")
    return list(dict.fromkeys(tag for tag in found if tag))


def _merged(images: list[Image], pictures: Pictures) -> list[Image]:
    """``images``, then each associated picture not among them already.

    A body often shows an associated picture (one of its renditions): the body's image stays,
    given the picture's caption and credit when it has none.
    """
    kept: dict[str, Image] = {}
    for image in images:
        kept.setdefault(image.url, image)
    for picture, hrefs in pictures:
        shown = next((url for url in sorted(hrefs) if url in kept), None)
        if shown is None:
            kept.setdefault(picture.url, picture)
            continue
        image = kept[shown]
        kept[shown] = Image(
            url=image.url,
            caption=image.caption or picture.caption,
            credit=image.credit or picture.credit,
        )
    return list(kept.values())
