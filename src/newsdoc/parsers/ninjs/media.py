"""Renditions and associations: an item's pictures as images, its associated stories as links.

``renditions`` is an object of named renditions in 1.x and 2.x, and a list of renditions, each
with a ``name``, in 3.x; ``associations`` likewise (an object of named items, or a list of
items each with a ``name``). An associated picture or graphic becomes an image (the URL of its
best rendition, its description as the caption, its ``by`` as the credit); an associated text
becomes a related link when it has a headline or a web address. Both fields stay whole in
``metadata.extra``: the images and links are a view of them, not all they hold.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final
from urllib.parse import urlsplit

from newsdoc.analysis.text import clean_text
from newsdoc.codes import NINJS_BAD_FIELD
from newsdoc.model import Image, Link
from newsdoc.parsers.ninjs.fields import Fields, lower_keys

__all__ = ["Pictures", "associated", "http_url", "images_of_renditions", "named"]

#: The associated pictures: each image, with the URLs of all its renditions.
Pictures = list[tuple[Image, frozenset[str]]]

_PICTURES: Final = frozenset({"picture", "graphic"})
_STORIES: Final = frozenset({"text", "composite"})
# Rendition names (or AP's and TT's "usage"), best first: the one made for reading, then the
# original; any other name before a thumbnail. An image browsers do not show (TIFF) comes last.
_BEST: Final = (
    "main", "preview", "viewimage", "web", "large", "baseimage", "original", "highres", "hires",
)  # fmt: skip
_LAST: Final = ("thumbnail", "thumb", "small")
_NOT_SHOWN: Final = ("image/tiff", "image/x-", "image/vnd.")
_IMAGE_ENDINGS: Final = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")


def http_url(value: object) -> str | None:
    """``value`` when it is an absolute http(s) URL, else ``None``."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    start = url[:8].lower()
    if start.startswith("https://"):
        host = url[8:]
    elif start.startswith("http://"):
        host = url[7:]
    else:
        return None
    return url if host[:1] not in ("", "/", "?", "#") else None


def named(value: object) -> Iterator[tuple[str, Mapping[str, object]]]:
    """The objects of an object of named objects (1.x, 2.x) or of a list of them (3.x)."""
    if isinstance(value, Mapping):
        for name, entry in value.items():
            if isinstance(entry, Mapping):
                yield str(name), entry
    elif isinstance(value, list):
        for entry in value:
            if isinstance(entry, Mapping):
                name = _get(entry, "name")
                yield (name if isinstance(name, str) else ""), entry


def _get(entry: Mapping[str, object], name: str) -> object:
    """The field ``name`` (lower case) of ``entry``, in any spelling."""
    if name in entry:
        return entry[name]
    key = lower_keys(entry).get(name)
    return entry[key] if key is not None else None


def _rank(name: str, rendition: Mapping[str, object]) -> int:
    labels = {name.lower()}
    usage = _get(rendition, "usage")
    if isinstance(usage, str):
        labels.add(usage.lower())
    for rank, best in enumerate(_BEST):
        if best in labels:
            return rank
    return len(_BEST) + (1 if labels & set(_LAST) else 0)


def _best_href(renditions: object) -> str | None:
    """The URL of the best image rendition (by name), or ``None``."""
    found: list[tuple[int, int, int, str]] = []
    for order, (name, rendition) in enumerate(named(renditions)):
        href = http_url(_get(rendition, "href"))
        kind = _get(rendition, "contenttype") or _get(rendition, "mimetype")
        if href is None or (isinstance(kind, str) and not kind.lower().startswith("image/")):
            continue
        shown = not (isinstance(kind, str) and kind.lower().startswith(_NOT_SHOWN))
        found.append((0 if shown else 1, _rank(name, rendition), order, href))
    return min(found)[3] if found else None


def _text(entry: Mapping[str, object], *names: str) -> str | None:
    for name in names:
        value = _get(entry, name)
        if isinstance(value, list):  # headlines, descriptions: their first value
            value = next((_get(v, "value") for v in value if isinstance(v, Mapping)), None)
        if isinstance(value, str) and clean_text(value):
            return clean_text(value)
    return None


def _image(entry: Mapping[str, object], renditions: object) -> Image | None:
    url = _best_href(renditions)
    if url is None:
        uri = http_url(_get(entry, "uri"))
        if uri is not None and urlsplit(uri).path.lower().endswith(_IMAGE_ENDINGS):
            url = uri
    if url is None:
        return None
    return Image(
        url=url,
        caption=_text(entry, "description_text", "descriptions", "headline", "headlines"),
        credit=_text(entry, "by", "byline", "copyrightholder"),
    )


def images_of_renditions(fields: Fields) -> list[Image]:
    """The item's own picture (a picture or graphic item's best rendition), if any."""
    renditions = fields.get("renditions")
    if renditions is None:
        return []
    fields.keep("renditions")
    if not isinstance(renditions, Mapping | list):
        fields.bad("renditions", "an object or a list")
        return []
    image = _image(fields.value, renditions)
    return [image] if image is not None else []


def _hrefs(renditions: object) -> frozenset[str]:
    return frozenset(
        href for _, rendition in named(renditions) if (href := http_url(_get(rendition, "href")))
    )


def associated(fields: Fields) -> tuple[Pictures, list[Link]]:
    """The images and related links of the item's associations (kept whole in extra)."""
    value = fields.get("associations")
    if value is None:
        return [], []
    fields.keep("associations")
    if not isinstance(value, Mapping | list):
        fields.bad("associations", "an object or a list")
        return [], []
    entries = value.values() if isinstance(value, Mapping) else value
    if not all(isinstance(entry, Mapping) for entry in entries):
        fields.warn(NINJS_BAD_FIELD, "'associations' holds entries that are not objects; ignored")
    images: Pictures = []
    links: list[Link] = []
    for _, entry in named(value):
        kind = _get(entry, "type")
        kind = kind.lower() if isinstance(kind, str) else ""
        renditions = _get(entry, "renditions")
        if kind in _PICTURES or (not kind and renditions is not None):
            image = _image(entry, renditions)
            if image is not None:
                images.append((image, _hrefs(renditions) | {image.url}))
        elif kind in _STORIES:
            url = http_url(_get(entry, "uri"))
            title = _text(entry, "headline", "headlines", "title")
            if url is not None or title is not None:
                links.append(Link(url=url, text=title, kind="related"))
    return images, links
