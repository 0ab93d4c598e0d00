"""Prezly newsroom stories: the flat export, the API story, and the bare content document.

Prezly (a newsroom platform used by press offices and news agencies) hands out stories as JSON
in three shapes, all read here:

- the flat export: ``body`` is rendered HTML, ``header`` the header image URLs, ``links`` a
  list of related stories;
- the API v2 story: ``content`` is HTML (``format_version`` 1) or a JSON string holding a
  content document (3 and later); images are uploaded-file descriptions;
- the content document on its own: ``{"type": "document", "children": [...]}``.

Text nodes become blocks; images, galleries, embeds, bookmarks and attachments become images and
links; contacts, attachments, buttons, callouts and coverage are kept in ``metadata.extra``.
Every story field that has no typed home is kept in ``metadata.extra`` too.

The format is a package, a module per job: this one sniffs and finds the stories; :mod:`.story`
reads a story's fields into its Document; :mod:`.walker` walks a content document;
:mod:`.body` holds what a body gathers and tidies it; :mod:`.images` makes uploaded files'
URLs and gives credit lines to images.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Final

from newsdoc.errors import ParseError
from newsdoc.model import Document
from newsdoc.parsers._json import JSON_START, load_json
from newsdoc.parsers.prezly.story import NAME, StoryReader
from newsdoc.registry import Format, ParseContext

__all__ = ["FORMAT"]

# Keys that only Prezly stories carry together; a story is recognised by a title plus these.
_STORY_KEYS: Final = frozenset(
    {
        b"format_version", b"culture", b"short_url", b"newsroom", b"tag_names", b"header_image",
        b"thumbnail_image", b"social_image", b"lifecycle_status", b"is_pinned", b"published_at",
        b"modified_at", b"updated_at",
    }
)  # fmt: skip
_TIMESTAMPS: Final = frozenset({b"published_at", b"modified_at", b"updated_at"})
# A Prezly coverage entry (press clippings about a story) shares newsroom and timestamps with
# a story, but is named by these.
_COVERAGE_KEYS: Final = frozenset(
    {b"author_contact", b"organisation_contact", b"attachment_oembed"}
)
# Every key of the head in one pass: one pattern, then set operations. (A pattern that
# alternates between the wanted keys retries them at every quotation mark, and a substring
# search per key reads the head a dozen times; both cost more than parsing the story.)
_KEY: Final = re.compile(rb'"([a-z_]{2,24})"\s*:')
_DOCUMENT_TYPE: Final = re.compile(rb'"type"\s*:\s*"document"')


def sniff(head: bytes, name: str | None) -> float:
    """How sure we are that ``head`` starts a Prezly story or content document."""
    start = head.lstrip()[:1]
    if start not in JSON_START:
        return 0.0
    keys = set(_KEY.findall(head))
    if b"children" in keys and _DOCUMENT_TYPE.search(head):
        return 0.9
    markers = keys & _STORY_KEYS
    # The timestamps alone are common to many JSON formats; they count only beside the others.
    strong = len(markers - _TIMESTAMPS)
    if not strong or not keys.isdisjoint(_COVERAGE_KEYS):
        return 0.0
    if b"format_version" in markers and strong >= 2:
        return 0.95  # even without a title: a broken story is still Prezly's, with a warning
    if b"title" not in keys:
        return 0.0
    if b"format_version" in markers and len(markers) >= 2:
        return 0.95
    if strong >= 2:
        return 0.8
    return 0.5 if len(markers) >= 2 else 0.2


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield every story in ``data``: one story, a list of them, or ``{"stories": [...]}``."""
    value, decoding_warnings = load_json(data, context, NAME)
    stories = _stories(value, context)
    for story in stories:
        yield StoryReader(story, context, decoding_warnings).read()


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("json",),
    description="Prezly newsroom story JSON (flat export, API story, content document)",
)


def _stories(value: object, context: ParseContext) -> list[Mapping[str, object]]:
    if isinstance(value, dict):
        listed = value.get("stories")
        if isinstance(listed, list) and "title" not in value:
            value = listed
        else:
            story = value.get("story")
            return [story if isinstance(story, dict) and "title" not in value else value]
    if isinstance(value, list):
        stories: list[Mapping[str, object]] = [item for item in value if isinstance(item, dict)]
        if len(stories) == len(value):  # an empty list is a source with no story
            return stories
    msg = f"{context.label}: prezly: expected a story object or a list of stories"
    raise ParseError(msg, source=context.source)
