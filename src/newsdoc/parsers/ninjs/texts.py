"""An item's headlines, descriptions and bodies: which is the title, the summary, the body.

ninjs 1.x writes one of each as a plain field (``headline``, ``description_text``,
``body_html``, and more ``body_*`` / ``description_*`` fields named by their kind); 2.x and 3.x
write lists of ``{role, contenttype, value}`` objects (``headlines``, ``descriptions``,
``bodies``). Both are read, the lists first. What was not chosen stays in ``metadata.extra``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

import attrs

from newsdoc.analysis.text import clean_text, paragraphs
from newsdoc.codes import NINJS_BAD_FIELD
from newsdoc.html.fragment import parse_fragment
from newsdoc.iptc.article import Article
from newsdoc.model import Block, Image, Link, ParseWarning
from newsdoc.parsers.ninjs.fields import Fields
from newsdoc.parsers.ninjs.nitf import read_nitf_body

__all__ = ["Body", "body_of", "description_of", "headlines_of"]

# The roles of the headline that is the title, and of one that is a subtitle.
_MAIN_ROLES: Final = frozenset({"main", "default", "headline", "primary", ""})
_SUBTITLE_ROLES: Final = frozenset(
    {
        "sub", "subhead", "subheadline", "sub-headline", "subtitle", "alternative",
        "alternate", "alt", "secondary", "standfirst", "dek", "deck", "strapline",
    }
)  # fmt: skip
# Bodies by kind, the richest first.
_HTML: Final = "html"
_NITF: Final = "nitf"
_TEXT: Final = "text"
_PREFERENCE: Final = (_HTML, _NITF, _TEXT)


@attrs.frozen
class Body:
    """The body read: its blocks, links and images, and what reading it noticed."""

    blocks: tuple[Block, ...] = ()
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    warnings: tuple[ParseWarning, ...] = ()
    #: The content types of bodies that were there but are not read (kept in extra).
    unread: tuple[str, ...] = ()
    #: What a NITF body's head states (its title, byline, dates...), when the body is NITF.
    nitf: Article | None = None


def _role(entry: Mapping[str, object]) -> str:
    role = _field(entry, "role")
    return role.strip().lower() if isinstance(role, str) else ""


def _field(entry: Mapping[str, object], name: str) -> object:
    """The field ``name`` of a list entry, in any spelling (``contentType``, ``contenttype``)."""
    if name in entry:
        return entry[name]
    for key, value in entry.items():
        if key.lower() == name:
            return value
    return None


def _content_type(entry: Mapping[str, object]) -> str:
    kind = _field(entry, "contenttype")
    if not isinstance(kind, str):
        kind = _field(entry, "mimetype")
    return kind.split(";")[0].strip().lower() if isinstance(kind, str) else ""


def _plain(value: str, content_type: str, max_depth: int) -> str | None:
    """A headline or description as plain text: markup, when it is markup, read as HTML."""
    if "html" in content_type or value.lstrip().startswith("<"):
        fragment = parse_fragment(value, max_depth=max_depth)
        text = " ".join(block.text for block in fragment.blocks)
        return clean_text(text) or None
    return clean_text(value) or None


def _entries(fields: Fields, name: str) -> list[Mapping[str, object]]:
    """The entries of a list field that hold a text ``value``; the others are kept, warned."""
    entries = fields.objects(name)
    good = [entry for entry in entries if isinstance(_field(entry, "value"), str)]
    if len(good) < len(entries):
        fields.warn(NINJS_BAD_FIELD, f"{fields.key(name)!r} holds entries without a text value")
        fields.keep(name)
    return good


def headlines_of(fields: Fields, max_depth: int) -> tuple[str | None, str | None]:
    """The title and the subtitle: ``headlines`` (main or default role first), else ``headline``.

    Without a headline, the item's ``title`` (its name, metadata in 2.x and 3.x) is the title.
    Headlines not chosen stay in extra.
    """
    entries = _entries(fields, "headlines")
    title_entry = next((entry for entry in entries if _role(entry) in _MAIN_ROLES), None)
    if title_entry is None:
        title_entry = next((e for e in entries if _role(e) not in _SUBTITLE_ROLES), None)
    sub_entry = next(
        (e for e in entries if e is not title_entry and _role(e) in _SUBTITLE_ROLES), None
    )
    title = subtitle = None
    if title_entry is not None:
        title = _plain(str(_field(title_entry, "value")), _content_type(title_entry), max_depth)
    if sub_entry is not None:
        subtitle = _plain(str(_field(sub_entry, "value")), _content_type(sub_entry), max_depth)
    rest = [entry for entry in entries if entry is not title_entry and entry is not sub_entry]
    if rest and "headlines" not in {key.lower() for key in fields.kept}:
        fields.keep("headlines", rest)
    single = fields.text("headline")
    if title is None:
        title = single
    elif single is not None and single != title:
        fields.keep("headline")
    if title is None and fields.key("title") is not None:
        title = fields.text("title")  # the item's name (2.x, 3.x), when it has no headline
    return title, subtitle


def description_of(fields: Fields, max_depth: int) -> str | None:
    """The summary: the first of ``descriptions``, else a ``description_*`` field.

    ``description_text`` comes first of those; markup is read as text. The others stay in
    extra.
    """
    entries = _entries(fields, "descriptions")
    if entries:
        first = entries[0]
        if len(entries) > 1 and "descriptions" not in {key.lower() for key in fields.kept}:
            fields.keep("descriptions", entries[1:])
        found = _plain(str(_field(first, "value")), _content_type(first), max_depth)
        if found:
            return found
    names = sorted(
        (name for name in _names(fields) if name.startswith("description_")),
        key=lambda name: (name != "description_text", name),
    )
    for name in names:
        value = fields.raw_text(name)
        if value is None:
            continue
        found = _plain(value, "text/html" if "html" in name else "text/plain", max_depth)
        if found:
            for other in names[names.index(name) + 1 :]:
                fields.get(other)
                fields.keep(other)
            return found
    return None


def _names(fields: Fields) -> list[str]:
    return [key.lower() for key in fields.value]


def _kind(content_type: str, value: str) -> str | None:
    """How a body of ``content_type`` is read: as HTML, NITF, plain text, or not at all."""
    if "nitf" in content_type:
        return _NITF
    if "html" in content_type:
        return _HTML
    if content_type in ("", "text", "text/plain"):
        return _HTML if not content_type and value.lstrip().startswith("<") else _TEXT
    return None


def _body_field_kind(suffix: str) -> str | None:
    """How a 1.x ``body_<suffix>`` field is read (``body_html``, ``body_xhtml``, ``body_text``)."""
    if "nitf" in suffix:
        return _NITF
    if "html" in suffix:
        return _HTML
    return _TEXT if suffix in ("text", "plain") else None


def body_of(fields: Fields, max_depth: int) -> Body:
    """The body: HTML first, then NITF, then plain text, from ``bodies`` or ``body_*`` fields.

    A ``bodies`` entry of role ``main`` or ``default`` comes first among its kind. The bodies
    not read stay in extra.
    """
    # (kind, role rank, order, value, field name, the bodies entry or None)
    candidates: list[tuple[str, int, int, str, str, Mapping[str, object] | None]] = []
    unread: list[str] = []
    entries = _entries(fields, "bodies")
    for order, entry in enumerate(entries):
        value = str(_field(entry, "value"))
        content_type = _content_type(entry)
        kind = _kind(content_type, value)
        if kind is None:
            unread.append(content_type)
        elif value.strip():
            rank = 0 if _role(entry) in _MAIN_ROLES else 1
            candidates.append((kind, rank, order, value, "bodies", entry))
    for order, name in enumerate(_names(fields), start=len(entries)):
        if not name.startswith("body_"):
            continue
        named_kind = _body_field_kind(name.removeprefix("body_"))
        text = fields.raw_text(name)
        if text is None:
            continue
        if named_kind is None:
            unread.append(name)
            fields.keep(name)
        else:
            candidates.append((named_kind, 0, order, text, name, None))
    if not candidates:
        if entries:
            fields.keep("bodies", entries)
        return Body(unread=tuple(unread))
    candidates.sort(key=lambda found: (_PREFERENCE.index(found[0]), found[1], found[2]))
    kind, _, _, value, name, chosen = candidates[0]
    others = [entry for entry in entries if entry is not chosen]
    if others:
        fields.keep("bodies", others)
    for _, _, _, _, other, _ in candidates[1:]:
        if other != "bodies":
            fields.keep(other)
    if kind == _TEXT:
        return Body(blocks=tuple(Block(kind="paragraph", text=line) for line in paragraphs(value)))
    if kind == _NITF:
        article = read_nitf_body(value, max_depth)
        return Body(
            blocks=tuple(article.blocks),
            links=tuple(article.links),
            images=tuple(article.images),
            warnings=tuple(article.warnings),
            nitf=article,
        )
    fragment = parse_fragment(value, max_depth=max_depth)
    return Body(
        blocks=fragment.blocks,
        links=fragment.links,
        images=fragment.images,
        warnings=fragment.warnings,
    )
