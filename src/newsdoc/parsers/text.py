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
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from itertools import pairwise
from typing import Final

import attrs

from newsdoc._regex import OPTIONAL_SPACE_RUN, SPACE_RUN
from newsdoc.analysis.bylines import parse_byline
from newsdoc.analysis.credits import split_credit
from newsdoc.analysis.datelines import TAG_LABEL, read_meta_line
from newsdoc.analysis.dates import DateLine, parse_date_line
from newsdoc.analysis.function_words import FUNCTION_WORD_SET, PAGE_WORDS, guess_language_of, words
from newsdoc.analysis.furniture import is_copyright_line, is_reading_time
from newsdoc.analysis.text import clean_text, comparable, has_digit
from newsdoc.codes import TEXT_NO_CONTENT, TEXT_NO_TITLE
from newsdoc.decoding import decode
from newsdoc.model import Author, Block, BlockKind, Document, Link, Metadata, ParseWarning
from newsdoc.registry import Format, ParseContext

__all__ = ["FORMAT"]

NAME: Final = "text"

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
    decoded = decode(data, known=context.encoding)
    lines = _classify_all(_units(decoded.text))
    stories = _Assembler(lines).stories()
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

# -- lines -----------------------------------------------------------------------------------------

# Kinds of line.
_NOISE: Final = "noise"
_NAVIGATION: Final = "navigation"
_RELATED: Final = "related"
_DATE: Final = "date"
_BYLINE: Final = "byline"
_META: Final = "meta"  # a byline and a date on one line
_TAGS: Final = "tags"
_CRUMBS: Final = "breadcrumbs"
_CAPTION: Final = "caption"
_HEADLINE: Final = "headline"
_PROSE: Final = "prose"
_ITEM: Final = "item"
_QUOTE: Final = "quote"
_URL_ONLY: Final = "url"


@attrs.define
class _Line:
    text: str
    kind: str
    tokens: list[str] | None = None  # the words, computed when first needed
    date: DateLine | None = None
    more_dates: list[DateLine] = attrs.Factory(list)  # a metadata line's update, after its date
    authors: list[str] = attrs.Factory(list)
    values: list[str] = attrs.Factory(list)  # tags, crumbs, or a caption's credit
    blank_before: bool = True

    @property
    def words(self) -> list[str]:
        if self.tokens is None:
            self.tokens = words(self.text)
        return self.tokens


_CLOSERS: Final = "\"'”’»)]」』）"
# Navigation to other stories; matched on the lower-cased line, after a cheap keyword test.
_NAV: Final = re.compile(
    r"(?:«\s*)?\b(?:previous|next|older|newer|prev)\s(?:post|article|story|entry|item|page)\b"
    r"(?:\s*»)?|\b(?:vorige|volgende)\s(?:bericht|artikel)\b|\barticle\s(?:précédent|suivant)\b"
    r"|\b(?:vorheriger|nächster)\s(?:artikel|beitrag)\b|\b(?:artículo|entrada)\s(?:anterior|siguiente)\b"
)
_NAV_KEYS: Final = (
    "previous", "next", "older", "newer", "prev", "vorige", "volgende", "précédent", "suivant",
    "vorheriger", "nächster", "anterior", "siguiente",
)  # fmt: skip
_RELATED_STARTS: Final = (
    "related", "read", "see also", "also read", "more on", "lees ook", "lire aussi",
    "à lire", "lesen sie", "leggi anche", "lea también",
)  # fmt: skip
_CAPTION_KEYS: Final = ("photo", "foto", "image", "picture", "credit", "bild", "beeld")
_RELATED_LEAD: Final = re.compile(
    r"(?:related|read\smore|read\salso|see\salso|also\sread|more\son\sthis|lees\sook|"
    r"lire\saussi|à\slire\saussi|lesen\ssie\sauch|leggi\sanche|lea\stambién)\s*[:\-–—]\s*(.+)",
    re.IGNORECASE,
)
_TAGS_LEAD: Final = re.compile(rf"{TAG_LABEL}\s*:\s*(.+)", re.IGNORECASE)
_CRUMB_SEPARATOR: Final = re.compile(SPACE_RUN + r"(?:>|»|›|/|\\)\s+")
# (White space on both sides of a bracket is one run, not two: "\s*[(]?\s*" splits a run of
# spaces in as many ways as it has characters, and a search through one is cubic.)
_CAPTION_CREDIT: Final = re.compile(
    OPTIONAL_SPACE_RUN + r"(?:[(\[]\s*)?\b(?:photo|foto|image|picture|credit|bild|beeld)\s*:\s*"
    r"(?P<credit>[^()\[\]]{2,80}?)\s*(?:[)\]]\s*)?$"
)
_ITEM_MARK: Final = re.compile(r"(?:[-*•●▪–]|\d{1,2}[.)])\s+(?=\S)")
_URL: Final = re.compile(
    r"\bhttps?://[^\s<>\"'()\[\]]{2,2000}|\bwww\.[a-z0-9-]{1,63}\.[a-z]{2,}[^\s<>\"'()\[\]]*", re.I
)
_URL_TRAIL: Final = ".,;:!?\"'”’»"
# Words and phrases of notices that are not articles: cookies, subscriptions, accounts.
_NOTICE_WORDS: Final = frozenset(
    "cookie cookies consent newsletter newsletters subscribe subscription subscriber "
    "subscribers signup login javascript browser adblocker paywall inbox unsubscribe".split()
)
_NOTICE_PHRASES: Final = (
    "sign up", "log in", "create an account", "ad blocker", "rights reserved", "terms of use",
    "terms of service", "privacy policy", "premium content", "unlimited access",
)  # fmt: skip
_MAX_HEADLINE_WORDS: Final = 25
# Lines longer than this that end like a sentence are prose without further tests.
_LONG: Final = 400
_PROSE_LENGTH: Final = 5000
_MAX_HEADLINE_CHARS: Final = 200


_WRAPPED_LENGTH: Final = 40


def _units(text: str) -> list[tuple[str, bool]]:
    """The text's lines, cleaned, each with whether a blank line came before it.

    Hard-wrapped text (every line under about 80 characters, paragraphs separated by blank
    lines) has its lines joined back into paragraphs.
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = [clean_text(line) for line in raw]
    lengths = [len(line) for line in cleaned if line]
    wrapped = False
    if len(lengths) >= 5 and max(lengths) <= 100:
        followed = sum(1 for line, after in pairwise(cleaned) if line and after)
        ordered = sorted(lengths)
        # Wrapped lines end inside a sentence; short paragraphs of one sentence each (as agency
        # copy is often written) end like sentences, and are not joined. Only lines of a
        # wrapped length count: titles, datelines and bylines end openly either way.
        long_lines = [line for line in cleaned if len(line) >= _WRAPPED_LENGTH]
        open_ended = sum(1 for line in long_lines if not _ends_sentence(line))
        wrapped = (
            followed >= 0.5 * len(lengths)
            and ordered[len(ordered) // 2] >= _WRAPPED_LENGTH
            and open_ended >= 0.5 * len(long_lines)
        )
    units: list[tuple[str, bool]] = []
    blank = True
    for line in cleaned:
        if not line:
            blank = True
            continue
        if wrapped and not blank and units and not _ITEM_MARK.match(line):
            previous, before = units[-1]
            units[-1] = (f"{previous} {line}", before)
        else:
            units.append((line, blank))
        blank = False
    return units


def _classify_all(units: list[tuple[str, bool]]) -> list[_Line]:
    repeats = Counter(text for text, _ in units)
    seen: dict[tuple[str, bool], _Line] = {}
    lines: list[_Line] = []
    for unit in units:
        known = seen.get(unit)
        if known is None:  # a repeated line is classified once
            text, blank = unit
            known = seen[unit] = _classify(text, blank, repeats[text])
        lines.append(known)
    return lines


def _classify(text: str, blank_before: bool, repeats: int) -> _Line:
    line = _Line(text=text, kind=_PROSE, blank_before=blank_before)
    lowered = text.lower()
    if len(text) <= 300:
        nav = _NAV.search(lowered) if _has_any(lowered, _NAV_KEYS) else None
        if nav is not None:
            line.kind = _NAVIGATION
            line.values = [_navigation_title(text, nav)]
            if not line.values[0]:
                line.kind = _NOISE
            return line
        related = _RELATED_LEAD.fullmatch(text) if lowered.startswith(_RELATED_STARTS) else None
        if related is not None and not _URL.fullmatch(related.group(1)):
            line.kind = _RELATED
            line.values = [related.group(1).strip()]
            return line
    date = parse_date_line(text)
    if date is not None:
        line.kind = _DATE
        line.date = date
        return line
    byline = parse_byline(text)
    if byline is not None and has_digit(byline[1]) and _meta_line(line, byline):
        return line  # a byline that runs into its date ("Von Anna Vogt | 14.03.2023, 08:45 Uhr")
    if byline is not None:
        line.kind = _BYLINE
        line.authors, rest = byline
        line.values = [rest] if rest else []
        return line
    if _meta_line(line, byline):
        return line
    # (Every tag line has its label's colon: most lines are spared the expression.)
    tags = _TAGS_LEAD.fullmatch(text) if ":" in text else None
    if tags is not None:
        line.kind = _TAGS
        line.values = [tag.strip() for tag in re.split(r"[,;|#]", tags.group(1)) if tag.strip()]
        return line
    has_url = "http" in lowered or "www." in lowered
    if has_url and _URL.fullmatch(text.rstrip(_URL_TRAIL)):
        line.kind = _URL_ONLY
        return line
    crumbs = _CRUMB_SEPARATOR.split(text) if len(text) <= 200 and _has_crumbs(text) else []
    # Three crumbs or more, or two that start from home ("ホーム > 社会", "Home > World").
    enough = len(crumbs) >= 3 or (len(crumbs) == 2 and crumbs[0].casefold() in _HOME)
    if enough and all(0 < len(crumb.split()) <= 4 for crumb in crumbs):
        line.kind = _CRUMBS
        line.values = crumbs
        return line
    if len(text) > _LONG and _ends_sentence(text) and not _ITEM_MARK.match(text):
        return line  # a long paragraph ended like a sentence: prose
    if len(text) > _PROSE_LENGTH:
        return line  # no furniture, caption or headline runs this long; its words are not read
    tokens = line.words
    if _is_noise(text, tokens, repeats):
        line.kind = _NOISE
        return line
    credit = split_credit(text)
    if credit is not None:
        line.kind = _CAPTION
        line.values = [credit]
        line.text = ""
        return line
    tail = max(0, len(text) - 110)
    caption = (
        _CAPTION_CREDIT.search(lowered, tail)
        if ":" in text[tail:] and _has_any(lowered[tail:], _CAPTION_KEYS)
        else None
    )
    if caption is not None and caption.start() > 0 and len(text) <= 400:
        line.kind = _CAPTION
        line.text = text[: caption.start()].strip(" -–—|")
        line.values = [text[caption.start("credit") : caption.end("credit")].strip()]
        return line
    item = _ITEM_MARK.match(text)
    if item is not None:
        line.kind = _ITEM
        line.text = text[item.end() :]
        return line
    if text.startswith(">"):
        line.kind = _QUOTE
        line.text = text.lstrip("> ")
        return line
    if _is_headline(text, tokens):
        line.kind = _HEADLINE
    return line


def _has_crumbs(text: str) -> bool:
    return " > " in text or " » " in text or " › " in text or " / " in text or " \\ " in text


def _meta_line(line: _Line, byline: tuple[list[str], str] | None) -> bool:
    """A line of metadata in parts: a byline and a date, labelled dates, a date and a place.

    "By Jane Doe | 22 February 2022", "Publié le 14 mars 2023 à 08h45, modifié à 10h30"; not
    two bare dates, which are an event's ("29 November | 2 December 2018").
    """
    text = line.text
    if len(text) > _META_MAX or not has_digit(text):
        return False  # every such line has a date, and dates have digits
    # The line is not one date (the caller looked), and ``byline`` is what it read as a byline.
    found = read_meta_line(text, read=(byline, None))
    if found is None or found.parts < 2 or not (found.dates or found.names):
        return False
    if not found.signed and not found.labelled and len(found.dates) != 1:
        return False
    line.kind = _META
    line.authors = found.names
    line.values = found.others
    line.date = found.dates[0] if found.dates else None
    line.more_dates = found.dates[1:]
    return True


_META_MAX: Final = 160


def _navigation_title(text: str, nav: re.Match[str]) -> str:
    """The title a navigation line names ("Title Previous post Title" gives "Title")."""
    before = text[: nav.start()].strip(" :|-–—«»<>")
    after = text[nav.end() :].strip(" :|-–—«»<>")
    if before and after and before.casefold() != after.casefold():
        return max(before, after, key=len)
    return before or after


def _is_noise(text: str, tokens: list[str], repeats: int) -> bool:
    """Page furniture: buttons, icon names, notices, footers, short repeated lines."""
    if not tokens:
        return True  # only symbols and numbers
    if is_copyright_line(text) or is_reading_time(text):
        return True
    count = len(tokens)
    terminal = _ends_sentence(text)
    if count > 60 and terminal:
        return False  # a long sentence-ended paragraph: prose, whatever words it uses
    if not terminal:
        content = [token for token in tokens if token not in FUNCTION_WORD_SET]
        page = sum(1 for token in content if token in PAGE_WORDS)
        if "icon" in text:
            page += sum(
                1 for token in content if token.endswith("icon") and token not in PAGE_WORDS
            )
        if content and count <= 12 and page >= 0.5 * len(content):
            return True  # "Read more", "Share this article", "Follow us on Twitter"
        if count >= 8 and count - len(content) < 0.08 * count and page >= 0.3 * count:
            return True  # a row of icon and button names
    notices = len(_NOTICE_WORDS.intersection(tokens))
    if count <= 60:
        lowered = text.lower()
        notices += sum(1 for phrase in _NOTICE_PHRASES if phrase in lowered)
        if notices >= 2:
            return True
    if notices and count <= 15 and not _is_headline(text, tokens):
        return True
    return repeats >= 3 and count <= 8


def _has_any(text: str, keys: tuple[str, ...]) -> bool:
    return any(key in text for key in keys)


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (".", "!", "?", "…", ":" or ";", maybe quoted).

    The full stop and the full-width marks of Chinese and Japanese count too.
    """
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_MARKS


_SENTENCE_MARKS: Final = frozenset({".", "!", "?", "…", ":", ";", "。", "\uff01", "\uff1f"})


def _is_headline(text: str, tokens: list[str]) -> bool:
    """Reads as a headline or subheading: short, capitalised, not ended like a sentence."""
    if not tokens or len(tokens) > _MAX_HEADLINE_WORDS or len(text) > _MAX_HEADLINE_CHARS:
        return False
    first = next((character for character in text if character.isalnum()), "")
    # Capitalised, or in a script without case (Chinese, Japanese, Arabic...).
    if not (first.isupper() or first.isdigit() or (first.isalpha() and not first.islower())):
        return False
    return not text.endswith((".", ":", ";", ",", "…", "。")) and not _TERMINAL_QUOTE.search(text)


_TERMINAL_QUOTE: Final = re.compile(r"[.,][\"'”’»]$")

# -- stories ---------------------------------------------------------------------------------------


@attrs.define
class _Story:
    title: str | None = None
    subtitle: str | None = None
    blocks: list[Block] = attrs.Factory(list)
    published: datetime | None = None
    modified: datetime | None = None
    authors: list[str] = attrs.Factory(list)
    byline_rest: list[str] = attrs.Factory(list)
    tags: list[str] = attrs.Factory(list)
    section: str | None = None
    links: list[Link] = attrs.Factory(list)
    captions: list[dict[str, str | None]] = attrs.Factory(list)

    @property
    def paragraphs(self) -> int:
        return sum(1 for block in self.blocks if block.kind != "heading")

    def add_block(self, kind: BlockKind, text: str) -> None:
        self.blocks.append(Block(kind=kind, text=text))
        self._links(text)

    def language(self) -> str | None:
        """The language the body's function words point to (a few hundred words suffice)."""
        return guess_language_of(block.text for block in self.blocks)

    def _links(self, text: str) -> None:
        if "http" not in text and "www." not in text.lower():
            return
        for match in _URL.finditer(text):
            url = match.group(0).rstrip(_URL_TRAIL)
            if url.lower().startswith("www."):
                url = f"https://{url}"
            self.links.append(Link(url=url, text=None, kind="inline"))

    def add_date(self, date: DateLine) -> None:
        if date.value is None:
            return
        if date.kind == "modified":
            self.modified = self.modified or date.value
        elif self.published is None:
            self.published = date.value
        else:
            self.modified = self.modified or date.value

    def document(self, context: ParseContext, warnings: list[ParseWarning]) -> Document:
        while self.blocks and self.blocks[-1].kind == "heading":
            self.blocks.pop()  # a label with nothing under it ("Related") is not a heading
        if self.title is None:
            warnings.append(TEXT_NO_TITLE("no line reads as the title"))
        if not self.blocks:
            warnings.append(
                TEXT_NO_CONTENT(
                    "no line reads as article text (only page furniture, or empty)",
                )
            )
        extra: dict[str, object] = {}
        if self.captions:
            extra["captions"] = self.captions
        if self.byline_rest:
            extra["byline"] = self.byline_rest
        metadata = Metadata(
            published=self.published,
            modified=self.modified,
            authors=tuple(Author(name=name) for name in dict.fromkeys(self.authors)),
            language=self.language(),
            section=self.section,
            tags=tuple(dict.fromkeys(self.tags)),
            extra=extra,
        )
        return Document(
            format=NAME,
            source=context.source,
            title=self.title,
            subtitle=self.subtitle,
            blocks=self.blocks,
            metadata=metadata,
            links=self.links,
            warnings=warnings,
        )


class _Assembler:
    """Assembles classified lines into stories, in one pass."""

    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.done: list[_Story] = []
        self.story = _Story()

    def stories(self) -> list[_Story]:
        lines = self.lines
        for index, line in enumerate(lines):
            self._take(index, line)
        self.done.append(self.story)
        return [story for story in self.done if story.title or story.blocks] or [self.done[-1]]

    def _take(self, index: int, line: _Line) -> None:
        story = self.story
        kind = line.kind
        in_body = bool(story.blocks)
        if kind == _NOISE:
            return
        if kind == _NAVIGATION:
            story.links.append(
                Link(url=_first_url(line.text), text=line.values[0], kind="navigation")
            )
        elif kind == _RELATED:
            story.links.append(Link(url=_first_url(line.text), text=line.values[0], kind="related"))
        elif kind in (_DATE, _BYLINE, _META):
            target = story
            if in_body and self._next_starts_story(index):
                target = self._start_story(None)
            for date in (line.date, *line.more_dates) if line.date is not None else ():
                target.add_date(date)
            target.authors.extend(line.authors)
            target.byline_rest.extend(line.values if kind in (_BYLINE, _META) else [])
        elif kind == _TAGS:
            story.tags.extend(line.values)
        elif kind == _CRUMBS:
            if story.section is None and not in_body:
                crumbs = [crumb for crumb in line.values if crumb.casefold() not in _HOME]
                # The last crumb is often the story itself; the one before it, its section.
                if len(crumbs) >= 2 and _same(crumbs[-1], story.title):
                    crumbs.pop()
                story.section = crumbs[-1] if crumbs else None
        elif kind == _CAPTION:
            if line.text and _same(line.text, story.title):
                line.text = ""
            story.captions.append({"text": line.text or None, "credit": line.values[0]})
        elif kind == _URL_ONLY:
            story._links(line.text)
        elif kind == _HEADLINE:
            self._headline(index, line)
        elif kind == _ITEM:
            story.add_block("list_item", line.text)
        elif kind == _QUOTE:
            story.add_block("blockquote", line.text)
        elif (
            story.title is not None
            and not in_body
            and story.subtitle is None
            and (self._is_standfirst(index))
        ):
            story.subtitle = line.text
        else:
            story.add_block("paragraph", line.text)

    def _headline(self, index: int, line: _Line) -> None:
        story = self.story
        if story.title is None and not story.blocks:
            following = self._next(index, limit=1)
            if len(line.words) < 3 and following and following[0].kind == _HEADLINE:
                # A one- or two-word label over the headline ("World") is its section.
                story.section = story.section or line.text
                return
            story.title = line.text
            return
        if _same(line.text, story.title) or _same(line.text, story.subtitle):
            return  # a caption or a repeat of the title
        if story.blocks and self._starts_story(index):
            self._start_story(line.text)
            return
        if not story.blocks and story.subtitle is None and len(line.words) >= 6:
            story.subtitle = line.text
            return
        story.add_block("heading", line.text)

    def _start_story(self, title: str | None) -> _Story:
        self.done.append(self.story)
        self.story = _Story(title=title)
        return self.story

    def _next(self, index: int, limit: int = 3) -> list[_Line]:
        """The next few lines after ``index`` that are not noise."""
        found: list[_Line] = []
        lines = self.lines
        # No slice (it would copy the rest) and a bounded window: each line looks a fixed
        # distance ahead, so the whole pass stays linear.
        for position in range(index + 1, min(len(lines), index + 1 + _LOOKAHEAD)):
            line = lines[position]
            if line.kind != _NOISE:
                found.append(line)
                if len(found) == limit:
                    break
        return found

    def _starts_story(self, index: int) -> bool:
        """Whether the headline-like line at ``index`` starts a new story (see the module doc)."""
        line = self.lines[index]
        if self.story.paragraphs < 2:
            return False
        following = self._next(index)
        if not following:
            return False
        score = 0
        if any(after.kind in (_DATE, _BYLINE, _META) for after in following[:2]):
            score += 2
        count = len(line.words)
        score += (count >= 6) + (count >= 8)
        lede = next((after for after in following if after.kind == _PROSE), None)
        if lede is not None and len(lede.words) >= 20:
            score += 1
            content = {
                word for word in line.words if len(word) >= 4 and word not in FUNCTION_WORD_SET
            }
            if content and len(content & set(lede.words)) >= 0.4 * len(content):
                score += 1
        if any(word in _CLAUSE_WORDS for word in line.words):
            score += 1
        return score >= 4

    def _next_starts_story(self, index: int) -> bool:
        following = self._next(index, limit=2)
        lines = self.lines
        for position in range(index + 1, min(len(lines), index + 1 + _LOOKAHEAD)):
            line = lines[position]
            if line.kind == _NOISE:
                continue
            if line.kind == _HEADLINE:
                return self._starts_story(position)
            if line.kind not in (_DATE, _BYLINE, _META) or not following:
                return False
        return False

    def _is_standfirst(self, index: int) -> bool:
        """A prose line right after the title that introduces the story rather than starts it."""
        line = self.lines[index]
        if not _ends_sentence(line.text):
            return True
        following = self._next(index, limit=1)
        return bool(following) and (
            following[0].kind in (_DATE, _BYLINE, _META, _CAPTION)
            or (following[0].kind == _HEADLINE and _same(following[0].text, self.story.title))
        )


# How many lines ahead the assembler looks for evidence (past runs of page furniture).
_LOOKAHEAD: Final = 40

# Words that make a headline a clause ("Russia has been expelled...") rather than a label.
_CLAUSE_WORDS: Final = frozenset(
    "is are was were has have had will would can could must should been be to says said "
    "wants plans calls vows warns faces gets".split()
)
_HOME: Final = frozenset(
    {"home", "start", "accueil", "startseite", "inicio", "news", "ホーム", "首页", "홈", "главная"}
)


def _same(text: str, other: str | None) -> bool:
    return other is not None and comparable(text) == comparable(other)


def _first_url(text: str) -> str | None:
    match = _URL.search(text)
    return match.group(0).rstrip(_URL_TRAIL) if match else None
