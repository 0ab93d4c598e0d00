"""IPTC ninjs (News in JSON), versions 1.x, 2.x and 3.x: one Document per item.

ninjs is the IPTC's JSON for news items, as agencies deliver them through their APIs. An input
is one item, a JSON array of items, or an object listing them in ``items``. 1.x and 2.x write
their keys in lower case (``versioncreated``), 3.x in camel case (``versionCreated``); every
version is read by the same rules.

The format is a package, a module per job: this one sniffs and parses; :mod:`.items` finds the
items; :mod:`.item` reads one into its Document; :mod:`.texts` chooses the headline, the
summary and the body; :mod:`.nitf` reads a NITF body; :mod:`.media` reads renditions and
associations; :mod:`.fields` reads an object's fields whatever their spelling.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from newsdoc.model import Document
from newsdoc.parsers._json import JSON_START, load_json
from newsdoc.parsers.ninjs.fields import NAME
from newsdoc.parsers.ninjs.items import documents_of
from newsdoc.registry import Format, ParseContext

__all__ = ["FORMAT"]

# The item names its standard: a ninjs schema URL, IPTC's ninjs path, a "ninjsversion" key, or
# a "standard" object named ninjs (or a provider's variant of it, "TTNINJS").
_STATED: Final = re.compile(
    rb'ninjs-schema|iptc\.org/std/ninjs|"ninjsversion"\s*:|"name"\s*:\s*"[A-Za-z]{0,8}ninjs"',
    re.IGNORECASE,
)
# Every key of the head in one pass (then set operations).
_KEY: Final = re.compile(rb'"([$A-Za-z_][A-Za-z0-9_]{0,40})"\s*:')
# ninjs's own field names (lower-cased): only ninjs writes two of them beside a "uri".
_NINJS_KEYS: Final = frozenset(
    {
        b"versioncreated", b"firstcreated", b"contentcreated", b"embargoed", b"pubstatus",
        b"copyrightholder", b"copyrightnotice", b"usageterms", b"ednote", b"representationtype",
        b"headlines", b"bodies", b"descriptions", b"body_text", b"body_html", b"body_xhtml",
        b"description_text", b"description_html", b"located", b"slugline", b"renditions",
        b"associations", b"altids", b"infosources", b"trustindicators",
    }
)  # fmt: skip
# Keys of a JSON Schema document, which no item has.
_SCHEMA_KEYS: Final = frozenset({b"$defs", b"definitions", b"patternproperties"})
# A "type" of ninjs's vocabulary (the nature of the item).
_TYPE: Final = re.compile(
    rb'"type"\s*:\s*"(?:text|picture|graphic|video|audio|composite|component|event|planning)"'
)


def sniff(head: bytes, name: str | None) -> float:
    """Sure of JSON that states ninjs (0.95), or has a ``uri`` beside ninjs's field names (0.92).

    Field names count in any case (``versionCreated`` is 3.x's ``versioncreated``): two of
    them, or one and a ``type`` of ninjs's vocabulary, beside ``uri``.
    """
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if head.lstrip()[:1] not in JSON_START:
        return 0.0
    keys = {key.lower() for key in _KEY.findall(head)}
    if not keys.isdisjoint(_SCHEMA_KEYS):
        return 0.0  # a JSON Schema (ninjs's own, perhaps), not an item
    if _STATED.search(head) and (
        b"standard" in keys or b"$schema" in keys or b"ninjsversion" in keys
    ):
        return 0.95
    if b"uri" not in keys:
        return 0.0
    found = len(keys & _NINJS_KEYS)
    if found >= 2 or (found == 1 and _TYPE.search(head)):
        return 0.92
    return 0.0


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield every item of ``data``: one item, an array of items, or ``{"items": [...]}``."""
    value, warnings = load_json(data, context, NAME)
    yield from documents_of(value, context, warnings)


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("json",),
    description="IPTC ninjs (News in JSON) 1.x, 2.x and 3.x items, and arrays of them",
)
