"""JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1): a feed object to a Channel and Entries.

Version 1.0's single ``author`` and 1.1's ``authors`` are both read; an item's ``content_html``
is its content and ``content_text`` stands in when there is none; ``summary`` is the summary;
``image`` and ``banner_image``, and attachments of an image type, are images; other attachments
are kept in ``extra["enclosures"]``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from newsdoc.codes import FEED_BAD_FIELD
from newsdoc.errors import ParseError
from newsdoc.model import ParseWarning
from newsdoc.parsers.feed.entry import Channel, Entry, as_markup, plain_title, read_date
from newsdoc.parsers.feed.markup import NAME
from newsdoc.registry import ParseContext

__all__ = ["read_json_feed"]


def read_json_feed(
    value: object, context: ParseContext
) -> tuple[Channel, Iterator[Entry], list[ParseWarning]]:
    """The feed's channel, its items in order, and warnings about the feed object itself.

    Raises:
        ParseError: The JSON is not a feed object with a list of items.
    """
    if not isinstance(value, dict) or not isinstance(value.get("items", []), list):
        msg = f"{context.label}: {NAME}: a JSON Feed is an object with a list of 'items'"
        raise ParseError(msg, source=context.source)
    warnings: list[ParseWarning] = []
    version = str(value.get("version", ""))
    fields: dict[str, object] = {
        "link": _string(value, "home_page_url"),
        "feed_url": _string(value, "feed_url"),
        "description": _string(value, "description"),
        "icon": _string(value, "icon"),
    }
    # JSON Feed 1.1: the feed's authors are an item's when it names none.
    feed_authors = Entry()
    for name, url in _authors(value, warnings):
        feed_authors.add_author(name, url)
    channel = Channel(
        version="json" + version.rstrip("/").rsplit("/", 1)[-1],
        title=plain_title(_string(value, "title"), markup=False),
        language=_string(value, "language"),
        authors=feed_authors.authors,
        fields=fields,
    )
    items = value.get("items", [])
    return channel, (_entry(item) for item in items), warnings


def _entry(item: object) -> Entry:
    entry = Entry()
    if not isinstance(item, dict):
        entry.warnings.append(FEED_BAD_FIELD("an item is not an object; it is read as empty"))
        return entry
    for name in ("title", "url", "external_url", "content_html", "content_text", "summary"):
        if item.get(name) is not None and not isinstance(item.get(name), str):
            entry.warnings.append(FEED_BAD_FIELD(f"the item's {name!r} is not a string"))
    entry.title = plain_title(_string(item, "title"), markup=False)
    entry.url = _string(item, "url") or _string(item, "external_url")
    entry.content = as_markup(_string(item, "content_html"), "html") or as_markup(
        _string(item, "content_text"), "text"
    )
    entry.summary = as_markup(_string(item, "summary"), "text")
    entry.language = _string(item, "language")
    entry.published = read_date(entry, _string(item, "date_published"), "'date_published'")
    entry.modified = read_date(entry, _string(item, "date_modified"), "'date_modified'")
    for name, url in _authors(item, entry.warnings):
        entry.add_author(name, url)
    tags = item.get("tags")
    if isinstance(tags, list):
        for tag in tags:
            entry.add_tag(tag if isinstance(tag, str) else None)
    entry.add_image(_string(item, "image"))
    entry.add_image(_string(item, "banner_image"))
    enclosures: list[dict[str, object]] = []
    attachments = item.get("attachments")
    for attachment in attachments if isinstance(attachments, list) else []:
        if not isinstance(attachment, dict) or not isinstance(attachment.get("url"), str):
            continue
        kind = str(attachment.get("mime_type") or "").lower()
        if kind.startswith("image/"):
            entry.add_image(attachment["url"], caption=_string(attachment, "title"))
        else:
            enclosures.append(
                {
                    name: attachment[name]
                    for name in (
                        "url",
                        "mime_type",
                        "title",
                        "size_in_bytes",
                        "duration_in_seconds",
                    )
                    if attachment.get(name) is not None
                }
            )
    extra = {"guid": item.get("id"), "external_url": _string(item, "external_url")}
    if enclosures:
        extra["enclosures"] = enclosures
    entry.extra.update({name: value for name, value in extra.items() if value is not None})
    return entry


def _string(value: Mapping[str, object], name: str) -> str | None:
    field = value.get(name)
    return field.strip() or None if isinstance(field, str) else None


def _authors(
    value: Mapping[str, object], warnings: list[ParseWarning]
) -> list[tuple[str, str | None]]:
    """``authors`` (1.1), else ``author`` (1.0), as names and URLs."""
    raw = value.get("authors")
    if raw is None:
        raw = [value["author"]] if value.get("author") is not None else []
    found: list[tuple[str, str | None]] = []
    for author in raw if isinstance(raw, list) else [raw]:
        if isinstance(author, dict) and isinstance(author.get("name"), str):
            url = author.get("url")
            found.append((author["name"], url if isinstance(url, str) else None))
        else:
            warnings.append(FEED_BAD_FIELD("an author is not an object with a name; ignored"))
    return found
