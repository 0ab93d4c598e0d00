"""Plain-text news: scraped or copied articles, with the page's noise around them.

The text is read line by line, once. Each line is classified from its own features (length,
punctuation, capitalisation, the share of function words and of page vocabulary, position,
how often it repeats) as page furniture, navigation, a date line, a byline, a photo credit, a
headline-like line or prose. A small state machine then assembles stories: the first
headline-like line is the title, a following line that reads as a standfirst is the subtitle,
and a headline-like line in the body starts a new story only when the text around it says so
(a long, clause-like headline whose words the next paragraph takes up, or a date or byline
right after it); otherwise it is a heading of the same story.

Every step is linear in the size of the text: no line is compared with every other line.

The format is a package, a module per job: this one sniffs and parses; :mod:`.lines` splits
the text into lines and names their kinds; :mod:`.classify` tells each line's kind;
:mod:`.assembler` assembles the lines into stories; :mod:`.story` makes a story's Document.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from newsdoc.archive.records import is_archive
from newsdoc.decoding import decode
from newsdoc.model import Document
from newsdoc.parsers.text.assembler import Assembler
from newsdoc.parsers.text.classify import classify_all
from newsdoc.parsers.text.lines import units_of
from newsdoc.parsers.text.story import NAME
from newsdoc.registry import Format, ParseContext

__all__ = ["FORMAT"]

# -- sniffing ------------------------------------------------------------------------------------

_TAG: Final = re.compile(rb"</?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,300})?/?>")
_CONTROL_BYTES: Final = bytes([*range(9), 11, 12, *range(14, 32), 127])
_LETTER_BYTES: Final = bytes([*range(65, 91), *range(97, 123), *range(128, 256)])


def sniff(head: bytes, name: str | None) -> float:
    """A low confidence for readable prose: the fallback when no other format claims the data.

    JSON (anything that starts with ``{`` or ``[``), markup (anything that starts with ``<``,
    or is dense with tags) and binary data are never claimed.
    """
    stripped = head.lstrip()
    if not stripped or stripped[:1] in (b"{", b"[", b"<") or b"\x00" in head:
        return 0.0
    if is_archive(head):
        return 0.0  # a web archive: the load functions read its records
    if head.count(b"<", 0, 8192) >= 5 and len(_TAG.findall(head, 0, 8192)) >= 5:
        return 0.0  # tag soup: HTML or XML without a proper start
    # Counted on bytes with C-speed translate(): bytes >= 0x80 are taken for letters, which
    # they are in UTF-8 and the Latin code pages that news is written in.
    size = len(head)
    controls = size - len(head.translate(None, _CONTROL_BYTES))
    if controls > 0.03 * size:
        return 0.0  # binary data
    visible = size - head.count(b" ") - head.count(b"\n")
    letters = size - len(head.translate(None, _LETTER_BYTES))
    if letters < 0.5 * visible:
        return 0.0  # mostly digits and symbols
    return 0.2


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield every story in the text (at least one Document, even for a file of only noise)."""
    decoded = decode(data, declared=context.charset, known=context.encoding)
    lines = classify_all(units_of(decoded.text))
    stories = Assembler(lines).stories()
    for index, story in enumerate(stories):
        warnings = list(decoded.warnings) if index == 0 else []
        yield story.document(context, warnings)


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("txt", "text"),
    description="Plain-text news, scraped or copied from a page (noise, datelines, bylines)",
)
