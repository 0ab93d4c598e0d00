"""Each line of a plain text told as furniture, navigation, a date, a byline, prose, and so on."""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from newsdoc._regex import OPTIONAL_SPACE_RUN, SPACE_RUN
from newsdoc.analysis.bylines import parse_byline
from newsdoc.analysis.credits import related_lead, split_credit
from newsdoc.analysis.datelines import read_meta_line
from newsdoc.analysis.dates import parse_date_line
from newsdoc.analysis.furniture import (
    is_copyright_line,
    is_reading_time,
    page_word_counts,
    reads_as_buttons,
)
from newsdoc.analysis.text import has_digit
from newsdoc.analysis.vocabulary import PHOTO_CREDIT_WORDS, TAG_LABEL
from newsdoc.parsers.text.lines import (
    BYLINE,
    CAPTION,
    CRUMBS,
    DATE,
    HEADLINE,
    HOME,
    ITEM,
    ITEM_MARK,
    META,
    NAVIGATION,
    NOISE,
    PROSE,
    QUOTE,
    RELATED,
    RULE,
    TAGS,
    URL,
    URL_ONLY,
    URL_TRAIL,
    Line,
    ends_sentence,
    is_headline,
    is_rule,
)

__all__ = ["classify_all"]

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
_TAGS_LEAD: Final = re.compile(rf"{TAG_LABEL}\s*:\s*(.+)", re.IGNORECASE)
_CRUMB_SEPARATOR: Final = re.compile(SPACE_RUN + r"(?:>|»|›|/|\\)\s+")
# (White space on both sides of a bracket is one run, not two: "\s*[(]?\s*" splits a run of
# spaces in as many ways as it has characters, and a search through one is cubic.)
_CAPTION_CREDIT: Final = re.compile(
    OPTIONAL_SPACE_RUN + r"(?:[(\[]\s*)?\b(?:" + "|".join(PHOTO_CREDIT_WORDS) + r")\s*:\s*"
    r"(?P<credit>[^()\[\]]{2,80}?)\s*(?:[)\]]\s*)?$"
)

# Words and phrases of notices that are not articles: cookies, subscriptions, accounts.
_NOTICE_WORDS: Final = frozenset(
    "cookie cookies consent newsletter newsletters subscribe subscription subscriber "
    "subscribers signup login javascript browser adblocker paywall inbox unsubscribe".split()
)
_NOTICE_PHRASES: Final = (
    "sign up", "log in", "create an account", "ad blocker", "rights reserved", "terms of use",
    "terms of service", "privacy policy", "premium content", "unlimited access",
)  # fmt: skip

# Lines longer than this that end like a sentence are prose without further tests.
_LONG: Final = 400
_PROSE_LENGTH: Final = 5000


def classify_all(units: list[tuple[str, bool]]) -> list[Line]:
    """Each unit of :func:`~.lines.units_of` as a classified line."""
    repeats = Counter(text for text, _ in units)
    seen: dict[tuple[str, bool], Line] = {}
    lines: list[Line] = []
    for unit in units:
        known = seen.get(unit)
        if known is None:  # a repeated line is classified once
            text, blank = unit
            known = seen[unit] = _classify(text, blank, repeats[text])
        lines.append(known)
    return lines


def _classify(text: str, blank_before: bool, repeats: int) -> Line:
    line = Line(text=text, kind=PROSE, blank_before=blank_before)
    lowered = text.lower()
    if len(text) <= 300:
        nav = _NAV.search(lowered) if _has_any(lowered, _NAV_KEYS) else None
        if nav is not None:
            line.kind = NAVIGATION
            line.values = [_navigation_title(text, nav)]
            if not line.values[0]:
                line.kind = NOISE
            return line
        related = related_lead(text)
        if related is not None and not URL.fullmatch(related):
            line.kind = RELATED
            line.values = [related]
            return line
    date = parse_date_line(text)
    if date is not None:
        line.kind = DATE
        line.date = date
        return line
    byline = parse_byline(text)
    if byline is not None and has_digit(byline[1]) and _meta_line(line, byline):
        return line  # a byline that runs into its date ("Von Anna Vogt | 14.03.2023, 08:45 Uhr")
    if byline is not None:
        line.kind = BYLINE
        line.authors, rest = byline
        line.values = [rest] if rest else []
        return line
    if _meta_line(line, byline):
        return line
    # (Every tag line has its label's colon: most lines are spared the expression.)
    tags = _TAGS_LEAD.fullmatch(text) if ":" in text else None
    if tags is not None:
        line.kind = TAGS
        line.values = [tag.strip() for tag in re.split(r"[,;|#]", tags.group(1)) if tag.strip()]
        return line
    has_url = "http" in lowered or "www." in lowered
    if has_url and URL.fullmatch(text.rstrip(URL_TRAIL)):
        line.kind = URL_ONLY
        return line
    crumbs = _CRUMB_SEPARATOR.split(text) if len(text) <= 200 and _has_crumbs(text) else []
    # Three crumbs or more, or two that start from home ("ホーム > 社会", "Home > World").
    enough = len(crumbs) >= 3 or (len(crumbs) == 2 and crumbs[0].casefold() in HOME)
    if enough and all(0 < len(crumb.split()) <= 4 for crumb in crumbs):
        line.kind = CRUMBS
        line.values = crumbs
        return line
    if len(text) > _LONG and ends_sentence(text) and not ITEM_MARK.match(text):
        return line  # a long paragraph ended like a sentence: prose
    if len(text) > _PROSE_LENGTH:
        return line  # no furniture, caption or headline runs this long; its words are not read
    tokens = line.words
    if not tokens and is_rule(text):
        line.kind = RULE  # between stories, often: the assembler takes it as evidence
        return line
    if _is_noise(text, tokens, repeats):
        line.kind = NOISE
        return line
    credit = split_credit(text)
    if credit is not None:
        line.kind = CAPTION
        line.values = [credit]
        line.text = ""
        return line
    tail = max(0, len(text) - 110)
    caption = (
        _CAPTION_CREDIT.search(lowered, tail)
        if ":" in text[tail:] and _has_any(lowered[tail:], PHOTO_CREDIT_WORDS)
        else None
    )
    if caption is not None and caption.start() > 0 and len(text) <= 400:
        line.kind = CAPTION
        line.text = text[: caption.start()].strip(" -–—|")
        line.values = [text[caption.start("credit") : caption.end("credit")].strip()]
        return line
    item = ITEM_MARK.match(text)
    if item is not None:
        line.kind = ITEM
        line.text = text[item.end() :]
        return line
    if text.startswith(">"):
        line.kind = QUOTE
        line.text = text.lstrip("> ")
        return line
    if is_headline(text, tokens):
        line.kind = HEADLINE
    return line


def _has_crumbs(text: str) -> bool:
    return " > " in text or " » " in text or " › " in text or " / " in text or " \\ " in text


def _meta_line(line: Line, byline: tuple[list[str], str] | None) -> bool:
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
    line.kind = META
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
    terminal = ends_sentence(text)
    if count > 60 and terminal:
        return False  # a long sentence-ended paragraph: prose, whatever words it uses
    if not terminal:
        content, page = page_word_counts(tokens, icons="icon" in text)
        if reads_as_buttons(count, content, page):
            return True  # "Read more", "Share this article", "Follow us on Twitter"
        if count >= 8 and count - content < 0.08 * count and page >= 0.3 * count:
            return True  # a row of icon and button names
    notices = len(_NOTICE_WORDS.intersection(tokens))
    if count <= 60:
        lowered = text.lower()
        notices += sum(1 for phrase in _NOTICE_PHRASES if phrase in lowered)
        if notices >= 2:
            return True
    if notices and count <= 15 and not is_headline(text, tokens):
        return True
    return repeats >= 3 and count <= 8


def _has_any(text: str, keys: tuple[str, ...]) -> bool:
    return any(key in text for key in keys)
