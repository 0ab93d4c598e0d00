"""One framed wire story to a Document: header, headline, byline, text, trailer."""

from __future__ import annotations

import re
from typing import Final

from newsdoc.analysis.bylines import ROLE_WORDS, is_organisation, parse_byline
from newsdoc.analysis.text import clean_text
from newsdoc.codes import ANPA_BAD_DATE, ANPA_NO_TEXT, ANPA_NO_TITLE, ANPA_TRUNCATED
from newsdoc.model import Author, Block, Document, Metadata, ParseWarning
from newsdoc.parsers.anpa.body import Paragraph, paragraphs_of
from newsdoc.parsers.anpa.frames import Frame
from newsdoc.parsers.anpa.furniture import (
    EndLine,
    is_editors_note,
    is_end_mark,
    is_slug_repeat,
    read_end_line,
)
from newsdoc.parsers.anpa.header import read_header
from newsdoc.registry import ParseContext

__all__ = ["NAME", "story_document"]

NAME: Final = "anpa"

# A headline is one short line that does not end a sentence.
_HEADLINE_CHARACTERS: Final = 160
_HEAD_PARAGRAPHS: Final = 3
_ROLE_LINE_WORDS: Final = 6
# A dateline that opens the lede: the place, the agency in brackets, perhaps a dash
# ("WASHINGTON (AP) —", "Berlin (KNA)", "PARIS, France (Reuters) -"). Anchored: only ever
# matched at a paragraph's start, and a search would try its bounded scan from every letter.
_DATELINE: Final = re.compile(
    r"\A(?P<place>[^\W\d_][\w.'’ -]{0,40}?(?:, [^\W\d_][\w.'’ -]{0,30}?)?)"
    r" \((?P<agency>[^\W\d_][\w/&. -]{0,30})\)(?: ?[—–-])?(?= )"
)
_MISSING: Final = {
    "STX": "the story has no STX: the transmission was cut off in its header, or sent"
    " without one; the lines after the header line are read as its text",
    "ETX": "the story has no ETX or EOT: the transmission was cut off; its text is read as"
    " far as it goes",
}


def story_document(frame: Frame, context: ParseContext, warnings: list[ParseWarning]) -> Document:
    """The Document of one framed story; ``warnings`` are the file's, for its first story."""
    warnings = list(warnings)
    fields = read_header(frame.header)
    slug = fields.get("slug")
    slug_text = slug if isinstance(slug, str) else None
    if frame.missing is not None:
        warnings.append(ANPA_TRUNCATED(_MISSING[frame.missing]))
    paragraphs = paragraphs_of(frame.text)
    extra: dict[str, object] = {}
    paragraphs, end_lines = _take_tail(paragraphs, extra)
    end_lines.extend(_tail_lines(frame.tail, extra))
    paragraphs = _take_head(paragraphs, slug_text, extra)
    title, paragraphs = _headline(paragraphs)
    if title is None and slug_text:
        title = slug_text
    authors, paragraphs = _byline(paragraphs, extra)
    if paragraphs:
        dateline = _DATELINE.match(paragraphs[0].text)
        if dateline is not None:
            extra["dateline"] = {
                "place": dateline.group("place"),
                "agency": dateline.group("agency"),
            }
    published = None
    for end_line in end_lines:
        if end_line.agency is not None:
            fields.setdefault("agency", end_line.agency)
        if end_line.value is None:
            warnings.append(ANPA_BAD_DATE(f"the trailer {end_line.text!r} states no valid date"))
        elif published is None:
            published = end_line.value
    if end_lines:
        fields["trailer"] = end_lines[0].text
    if title is None:
        warnings.append(ANPA_NO_TITLE("the story has no headline, keyword or slug"))
    if not paragraphs:
        warnings.append(ANPA_NO_TEXT("the story's frame holds no text"))
    if fields:
        extra["anpa"] = fields
    blocks = [Block(kind="paragraph", text=paragraph.text) for paragraph in paragraphs]
    return Document(
        format=NAME,
        source=context.source,
        title=title,
        blocks=blocks,
        metadata=Metadata(
            published=published,
            authors=authors,
            extra=extra,
        ),
        warnings=warnings,
    )


def _take_tail(
    paragraphs: list[Paragraph], extra: dict[str, object]
) -> tuple[list[Paragraph], list[EndLine]]:
    """The paragraphs without the end marks and trailers at their end, and the trailers."""
    end_lines: list[EndLine] = []
    end = len(paragraphs)
    while end:
        text = paragraphs[end - 1].text
        end_line = read_end_line(text)
        if end_line is not None:
            end_lines.insert(0, end_line)
        elif is_end_mark(text):
            extra.setdefault("end_mark", text)
        else:
            break
        end -= 1
    return paragraphs[:end], end_lines


def _tail_lines(tail: str, extra: dict[str, object]) -> list[EndLine]:
    """The trailers and end lines after ETX; an end mark there is kept too."""
    end_lines = []
    for raw in tail.replace("\r", "\n").split("\n"):
        line = clean_text(raw).rstrip("<").strip()
        if not line:
            continue
        end_line = read_end_line(line)
        if end_line is not None:
            end_lines.append(end_line)
        elif is_end_mark(line):
            extra.setdefault("end_mark", line)
    return end_lines


def _take_head(
    paragraphs: list[Paragraph], slug: str | None, extra: dict[str, object]
) -> list[Paragraph]:
    """The paragraphs without the slug written again and the editors' notes at their head."""
    kept: list[Paragraph] = []
    notes: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if index >= _HEAD_PARAGRAPHS:
            kept.extend(paragraphs[index:])
            break
        if not kept and is_slug_repeat(paragraph.text, slug):
            continue
        if is_editors_note(paragraph.text):
            notes.append(paragraph.text)
            continue
        kept.append(paragraph)
    if notes:
        extra["editors_note"] = "\n".join(notes)
    return kept


def _headline(paragraphs: list[Paragraph]) -> tuple[str | None, list[Paragraph]]:
    """The headline (the first paragraph, when it reads as one) and the paragraphs after it."""
    if len(paragraphs) < 2:
        return None, paragraphs
    first = paragraphs[0]
    text = first.text
    if (
        first.lines > 1
        or len(text) > _HEADLINE_CHARACTERS
        or text.endswith((".", ":", ","))
        or parse_byline(text) is not None
        or _DATELINE.match(text) is not None
    ):
        return None, paragraphs
    return text, paragraphs[1:]


def _byline(
    paragraphs: list[Paragraph], extra: dict[str, object]
) -> tuple[list[Author], list[Paragraph]]:
    """The writers of a "By ..." line among the first paragraphs, and the paragraphs without it.

    The writer's job on the line after it ("AP Business Writer") goes with it; both are kept
    in ``extra["byline"]``.
    """
    for index, paragraph in enumerate(paragraphs[:2]):
        byline = (
            parse_byline(paragraph.text) if len(paragraph.text) < _HEADLINE_CHARACTERS else None
        )
        if byline is None:
            continue
        names, other = byline
        lines = [paragraph.text]
        end = index + 1
        if end < len(paragraphs) and _is_role_line(paragraphs[end].text):
            lines.append(paragraphs[end].text)
            end += 1
        extra["byline"] = lines
        authors = [Author(name=name) for name in names]
        if not authors and other:
            authors = [Author(name=other)]
        return authors, paragraphs[:index] + paragraphs[end:]
    return [], paragraphs


def _is_role_line(text: str) -> bool:
    """Whether ``text`` names writers' jobs or house ("AP Farm Writer", "Associated Press")."""
    words = text.rstrip(".").split()
    if not words or len(words) > _ROLE_LINE_WORDS:
        return False
    last = words[-1].lower()
    return last in ROLE_WORDS or last.removesuffix("s") in ROLE_WORDS or is_organisation(text)
