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

The format is a package, a module per job: this one parses; :mod:`.sniffing` tells prose
from structured data; :mod:`.lines` splits
the text into lines and names their kinds; :mod:`.classify` tells each line's kind;
:mod:`.assembler` assembles the lines into stories; :mod:`.story` makes a story's Document.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from newsdoc.decoding import decode
from newsdoc.model import Document
from newsdoc.parsers.text.assembler import Assembler
from newsdoc.parsers.text.classify import classify_all
from newsdoc.parsers.text.lines import units_of
from newsdoc.parsers.text.sniffing import sniff
from newsdoc.parsers.text.story import NAME
from newsdoc.registry import Format, ParseContext

__all__ = ["FORMAT"]


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
