"""An item's tree of NewsComponents, sorted into what it holds.

A NewsComponent holds NewsComponents, ContentItems, or NewsItems and NewsItemRefs (a
package). The walk sorts the ContentItems: text (``MediaType`` Text, a ``text/`` or XML
``MimeType``, or a ``DataContent`` with no stated type) and pictures (Photo, Graphic, an
``image/`` type), other media (video, audio...) kept as fields. A picture's *group* is the
component that describes it: the one holding its renditions (``HighDef``, ``Quicklook``,
``Thumbnail``...) when the picture's own component is only a rendition. Text inside a group
(other than the item's top component), or under a ``Caption`` role, is that picture's
caption, not the story.
"""

from __future__ import annotations

from typing import Final

import attrs
from lxml import etree

from newsdoc.parsers.newsml.metadata import formal_name
from newsdoc.xml.tree import attribute, child, children, clean_of, key

__all__ = ["Parts", "Picture", "TextPart", "best_rendition", "content_kind", "role_of", "walk"]

# Roles of a component that is one rendition of a picture (NewsML 1's IPTC role codes and
# agencies' own), best first: the picture's address is its best rendition's.
_RENDITIONS: Final = (
    "highdef", "hires", "main", "print", "original", "web", "preview", "lowres", "quicklook",
    "thumbnail", "thumb", "icon",
)  # fmt: skip
_CAPTION_ROLES: Final = frozenset({"caption", "legend", "description", "cutline", "alttext"})
_PICTURE_TYPES: Final = frozenset({"photo", "graphic", "image", "picture", "illustration"})
_TEXT_MIME: Final = frozenset(
    {"application/xml", "application/xhtml+xml", "application/nitf+xml", "application/nitf"}
)
_MAX_COMPONENT_DEPTH: Final = 64


@attrs.define
class TextPart:
    """A text ContentItem that may be the story, and the components above it, top first."""

    item: etree._Element
    chain: list[etree._Element]


@attrs.define
class Picture:
    """A picture: the component that describes it, and its renditions (role, ContentItem)."""

    group: etree._Element
    renditions: list[tuple[str, etree._Element]] = attrs.Factory(list)
    captions: list[str] = attrs.Factory(list)


@attrs.define
class Parts:
    """What an item's components hold, in document order."""

    texts: list[TextPart] = attrs.Factory(list)
    pictures: list[Picture] = attrs.Factory(list)
    media: list[dict[str, str]] = attrs.Factory(list)
    references: list[dict[str, str]] = attrs.Factory(list)
    items: list[etree._Element] = attrs.Factory(list)
    topic_sets: list[etree._Element] = attrs.Factory(list)


def role_of(component: etree._Element) -> str:
    """The component's ``Role@FormalName`` in lower case, or ``""``."""
    return (formal_name(child(component, "role")) or "").lower()


def content_kind(item: etree._Element) -> str:
    """``"text"``, ``"picture"``, or the ContentItem's media type in lower case."""
    media = (formal_name(child(item, "mediatype")) or "").lower()
    mime = (formal_name(child(item, "mimetype")) or "").lower()
    if media in _PICTURE_TYPES or mime.startswith("image/"):
        return "picture"
    if media == "text" or mime.startswith("text/") or mime in _TEXT_MIME:
        return "text"
    if not media and not mime and child(item, "datacontent") is not None:
        return "text"
    return media or mime.partition("/")[0] or "other"


def walk(top: etree._Element) -> Parts:
    """Sort what the item's top component ``top`` holds."""
    parts = Parts()
    groups: dict[int, Picture] = {}
    _visit(top, [top], parts, groups, caption_of=None)
    # Text inside a picture's group is the picture's caption; the top component's is the story.
    stories = []
    for part in parts.texts:
        group = next((groups[id(c)] for c in reversed(part.chain[1:]) if id(c) in groups), None)
        if group is None:
            stories.append(part)
        else:
            text = clean_of(child(part.item, "datacontent"))
            if text:
                group.captions.append(text)
    parts.texts = stories
    return parts


def _visit(
    component: etree._Element,
    chain: list[etree._Element],
    parts: Parts,
    groups: dict[int, Picture],
    caption_of: etree._Element | None,
) -> None:
    if caption_of is None and role_of(component) in _CAPTION_ROLES and len(chain) > 1:
        caption_of = chain[-2]
    for node in children(component):
        name = key(node)
        if name == "newscomponent":
            if len(chain) < _MAX_COMPONENT_DEPTH:
                _visit(node, [*chain, node], parts, groups, caption_of)
        elif name == "newsitem":
            parts.items.append(node)
        elif name == "topicset":
            parts.topic_sets.append(node)
        elif name == "newsitemref":
            reference = attribute(node, "newsitem", "href")
            comment = clean_of(child(node, "comment"))
            found = {"item": reference or "", "comment": comment or ""}
            if reference:
                parts.references.append({k: v for k, v in found.items() if v})
        elif name == "contentitem":
            _content_item(node, component, chain, parts, groups, caption_of)


def _content_item(
    node: etree._Element,
    component: etree._Element,
    chain: list[etree._Element],
    parts: Parts,
    groups: dict[int, Picture],
    caption_of: etree._Element | None,
) -> None:
    kind = content_kind(node)
    if kind == "text":
        if caption_of is not None:
            text = clean_of(child(node, "datacontent"))
            if text:
                _group(caption_of, chain, parts, groups).captions.append(text)
        else:
            parts.texts.append(TextPart(node, chain))
        return
    href = attribute(node, "href")
    if kind == "picture":
        role = role_of(component)
        holder = component
        if role in _RENDITIONS and len(chain) > 1 and child(component, "newslines") is None:
            holder = chain[-2]  # a rendition: the picture is described by its parent
        _group(holder, chain, parts, groups).renditions.append((role, node))
        return
    found = {
        "type": kind,
        "href": href or "",
        "format": formal_name(child(node, "format")) or "",
        "mime_type": formal_name(child(node, "mimetype")) or "",
        "role": role_of(component),
        "caption": clean_of(child(child(component, "newslines"), "headline")) or "",
    }
    parts.media.append({name: value for name, value in found.items() if value})


def _group(
    holder: etree._Element,
    chain: list[etree._Element],
    parts: Parts,
    groups: dict[int, Picture],
) -> Picture:
    picture = groups.get(id(holder))
    if picture is None:
        picture = groups[id(holder)] = Picture(holder)
        parts.pictures.append(picture)
    return picture


def best_rendition(picture: Picture) -> etree._Element | None:
    """The picture's best rendition with an address: by role, else the first."""
    with_href = [(role, item) for role, item in picture.renditions if attribute(item, "href")]
    if not with_href:
        return None

    def rank(entry: tuple[str, etree._Element]) -> int:
        role = entry[0]
        return _RENDITIONS.index(role) if role in _RENDITIONS else _RENDITIONS.index("web")

    return min(with_href, key=rank)[1]
