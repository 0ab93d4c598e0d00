"""News feeds: RSS 0.90 to 2.0, RDF (RSS 1.0), Atom 0.3 and 1.0, JSON Feed 1.0 and 1.1.

One Document per item, in feed order. The item's content (``content:encoded``, Atom
``content``, JSON Feed ``content_html``) and its summary (``description``, ``summary``) go
through the shared HTML fragment machinery, as a Prezly body does; the feed's title is each
item's ``site_name`` and its language each item's default; the feed's own fields are kept in
``metadata.extra["feed"]``.

XML feeds are parsed by our safe lxml parser (no entity expanded, no DTD, no network), and one
that is not well-formed is read as far as libxml2's recovery mode goes, with a
``feed.malformed`` warning (:mod:`.markup`). A feed with no items is a :class:`ParseError`: it
holds no document. The package, a module per job: this one sniffs and dispatches;
:mod:`.markup` reads the bytes into a tree; :mod:`.syndication` reads RSS, RDF and Atom;
:mod:`.jsonfeed` reads JSON Feed; :mod:`.entry` makes an item's Document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from newsdoc.errors import ParseError
from newsdoc.model import Document, ParseWarning
from newsdoc.parsers._json import load_json
from newsdoc.parsers.feed.entry import Channel, Entry, entry_document
from newsdoc.parsers.feed.jsonfeed import read_json_feed
from newsdoc.parsers.feed.markup import NAME, read_xml
from newsdoc.parsers.feed.syndication import key, read_tree, version_of
from newsdoc.registry import Format, ParseContext
from newsdoc.xml.root import root_name

__all__ = ["FORMAT"]

_BOMS: Final = (b"\xef\xbb\xbf",)
_JSON_FEED: Final = re.compile(rb'"version"\s*:\s*"https?:(?:\\?/){2}jsonfeed\.org\\?/version\\?/')
_RSS_NAMESPACES: Final = (b"purl.org/rss/1.0/", b"my.netscape.com/rdf/simple/0.9")
_ATOM_NAMESPACES: Final = (b"www.w3.org/2005/Atom", b"purl.org/atom/ns#")


def sniff(head: bytes, name: str | None) -> float:
    """How sure we are that ``head`` starts a feed: by its root element, or JSON Feed's version.

    An RSS root, an RDF root with an RSS namespace, or an Atom ``feed`` root is sure; a
    ``feed`` root without Atom's namespace is likely. HTML pages, Prezly stories and other
    JSON are never claimed.
    """
    for bom in _BOMS:
        head = head.removeprefix(bom)
    stripped = head.lstrip()
    if stripped[:1] == b"{":
        return 0.95 if _JSON_FEED.search(head) else 0.0
    root = root_name(stripped)
    if root is None:
        return 0.0
    local = root[1]
    if local == b"rss":
        return 0.95
    if local == b"RDF":
        return 0.95 if any(namespace in head for namespace in _RSS_NAMESPACES) else 0.0
    if local == b"feed":
        return 0.95 if any(namespace in head for namespace in _ATOM_NAMESPACES) else 0.5
    return 0.0


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield a Document for every item of the feed, in order.

    Raises:
        ParseError: The input is no feed (another XML document, JSON without items), or the
            feed holds no items.
    """
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        value, read_warnings = load_json(data, context, NAME)
        channel, entries, feed_warnings = read_json_feed(value, context)
        warnings = [*read_warnings, *feed_warnings]
    else:
        root, warnings = read_xml(data, context)
        version = version_of(root)
        if version is None:
            msg = f"{context.label}: {NAME}: an XML document with root <{key(root)}>, not a feed"
            raise ParseError(msg, source=context.source)
        channel, entries = read_tree(root, version)
    yield from _documents(channel, entries, warnings, context)


def _documents(
    channel: Channel, entries: Iterator[Entry], warnings: list[ParseWarning], context: ParseContext
) -> Iterator[Document]:
    count = 0
    for entry in entries:
        if count == 0:
            entry.warnings[:0] = warnings
        count += 1
        yield entry_document(entry, channel, context)
    if count == 0:
        title = f" {channel.title!r}" if channel.title else ""
        msg = f"{context.label}: {NAME}: the feed{title} holds no items"
        raise ParseError(msg, source=context.source)


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("rss", "atom", "xml", "rdf"),
    description="News feeds: RSS 0.90-2.0, RDF (RSS 1.0), Atom 0.3 and 1.0, JSON Feed 1.0/1.1",
)
