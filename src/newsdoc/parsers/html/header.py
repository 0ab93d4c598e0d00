"""The story's header: the byline and the date line around the headline, unmarked by class.

A short line read as a date line or byline states the page's date and authors when no richer
source did (:func:`is_dateline`); the body's cleanup asks the same of its short blocks.
"""

from __future__ import annotations

import re
from itertools import chain
from typing import Final

from lxml import etree

from newsdoc.analysis.bylines import ROLE_WORDS, opens_with_byline_label, split_names
from newsdoc.analysis.datelines import is_job, read_meta_line
from newsdoc.analysis.text import clean_text, has_digit
from newsdoc.html.furniture import METADATA_LABEL
from newsdoc.html.meta import PageMeta
from newsdoc.html.scan import over_headline, under_headline
from newsdoc.html.tags import spaced_text

__all__ = ["SHORT_LINE", "is_dateline", "is_name_over_job", "read_header", "read_labelled_lines"]


def read_header(heading: etree._Element, meta: PageMeta) -> None:
    """The byline and date line of the story's header, around its headline, unmarked by class.

    "Por Ana Silva, N10 Campinas", "Submitted by Priya Raman on Tue, 03/14/2023 - 16:05":
    each short element there is read as a date line would be in the body. A row of two or
    three short elements (the name in one, the date in the next) is read as one line, and a
    link to the writer's page ("/autor/ana-silva/") names the writer.
    """
    # Loose text right after the headline or its box ("<dl><dt>Title</dt></dl> 기사입력 :[
    # 2018-08-25 15:24 ]") is a line of the header too.
    parent = heading.getparent()
    for node in (heading, parent) if parent is not None else (heading,):
        tail = clean_text(node.tail or "")
        if tail and len(tail) <= SHORT_LINE and has_digit(tail):
            is_dateline(tail, meta, top=True)
    for element in chain(under_headline(heading), over_headline(heading)):
        if element.tag == "dl":
            _read_metadata_list(element, meta)
            continue
        if element.tag == "a" and not meta.authors:
            writer = _author_link(element)
            if writer is not None:
                meta.take("authors", [writer])
            continue
        if element.tag not in _HEADER_TAGS or len(element) > _HEADER_CHILDREN:
            continue
        if any(child.tag not in _INLINE_TAGS for child in element):
            # A wrapper: its lines are its children, met next; a row of short ones may be a
            # byline and its date set apart ("<div>Ana Silva</div><div>14/03/2023</div>").
            row = _row_line(element)
            if row is not None:
                is_dateline(row, meta, top=True)
            continue
        text = spaced_text(element)
        # A date has digits, and a byline its label or, unlabelled, the writer's job or agency
        # after a comma or in brackets ("Jane Doe, Staff Writer", "Anna Vogt (dpa)"): other
        # text is not read further.
        if (
            text
            and len(text) <= SHORT_LINE
            and (
                has_digit(text)
                or opens_with_byline_label(text)
                or (len(text) <= _MAX_NAME_CHARS and ("," in text or text.endswith(")")))
            )
        ):
            is_dateline(text, meta, top=True)
        if meta.authors and meta.published is not None and not meta.published_rewritten:
            return


def read_labelled_lines(root: etree._Element, meta: PageMeta) -> None:
    """The dates and authors of labelled lines anywhere on the page, for those still missing.

    "<li><strong>Datum</strong> 28.04.2023</li>", "<p><b>Autorin/Autor</b> Anna Vogt</p>", a
    row of a table of the page's facts: a side column lists what the header does not say.
    """
    for label in root.iter(_LABEL_TAGS):
        own = label.text
        if (
            not own
            or len(own) > _MAX_LABEL
            or len(label)
            or not METADATA_LABEL.fullmatch(own.strip())
        ):
            continue
        holder = label.getparent()
        if holder is None:
            continue
        if holder.tag == "dl":
            _read_metadata_list(holder, meta)
        elif holder.tag in _LINE_TAGS:
            line = spaced_text(holder)
            if len(line) <= SHORT_LINE:
                is_dateline(line, meta, top=True)
        if meta.authors and meta.published is not None:
            return


_LABEL_TAGS: Final = ("strong", "b", "dt", "th")
_LINE_TAGS: Final = frozenset({"li", "p", "div", "span", "tr", "td"})
_MAX_LABEL: Final = 30


def _read_metadata_list(element: etree._Element, meta: PageMeta) -> None:
    """The dates of a description list of the page's metadata, term by term.

    "<dt>Published</dt><dd>14 March 2023</dd>", as GOV.UK and other public offices list them
    under the title: each term and its definition read as one date line.
    """
    term = ""
    for child in element.iterchildren("dt", "dd"):
        if child.tag == "dt":
            term = spaced_text(child)
            continue
        value = spaced_text(child)
        if term and has_digit(value) and len(term) + len(value) < SHORT_LINE:
            is_dateline(f"{term} {value}", meta, top=True)


def _author_link(element: etree._Element) -> str | None:
    """The name a link to a writer's page shows ("<a href='/author/jane-doe'>Jane Doe</a>")."""
    # The pattern is searched in the whole address: parsing it first would cost more, and
    # fail on a broken one ("http://[x").
    if _AUTHOR_PATH.search(element.get("href") or "") is None:
        return None
    text = spaced_text(element)
    if not text or len(text) > _MAX_NAME_CHARS:
        return None
    names, others = split_names(text)
    return names[0] if len(names) == 1 and not others else None


# A writer's page on a news site, in the languages of the lexicons.
_AUTHOR_PATH: Final = re.compile(
    r"/(?:authors?|autor(?:es|en|in)?|auteurs?|autore|autori|journalist(?:s|en)?|redacteur(?:en)?"
    r"|writers?|reporters?|columnists?)/[^/]",
    re.IGNORECASE,
)
_MAX_NAME_CHARS: Final = 60


def _row_line(element: etree._Element) -> str | None:
    """The texts of a row of two or three short elements, as one line with bars between.

    ``None`` when the row is anything else: more children, one with elements below that are
    not inline, or text of its own outside them.
    """
    if not 2 <= len(element) <= _HEADER_CHILDREN or (element.text or "").strip():
        return None
    parts = []
    for child in element:
        if (
            child.tag not in _HEADER_TAGS
            or (child.tail or "").strip()
            or any(grandchild.tag not in _INLINE_TAGS for grandchild in child)
        ):
            return None
        text = spaced_text(child)
        if not text or len(text) > _MAX_ROW_PART:
            return None
        parts.append(text)
    line = " | ".join(parts)
    return line if has_digit(line) else None


_MAX_ROW_PART: Final = 80
_HEADER_TAGS: Final = frozenset({"p", "div", "span", "address", "small", "li", "footer", "cite"})
_HEADER_CHILDREN: Final = 3
_INLINE_TAGS: Final = frozenset(
    {"a", "span", "time", "abbr", "b", "strong", "em", "i", "small", "br", "img", "svg"}
)


SHORT_LINE: Final = 160


def is_name_over_job(line: str, below: str, meta: PageMeta, *, top: bool) -> bool:
    """Whether ``line`` is a writer's name and ``below``, the line under it, the writer's job.

    "Jane Doe<br>Senior Reporter<br>March 14, 2023" above the story: the name is the byline
    (the job and the date are dropped as lines of their own).
    """
    job = below.strip()
    return is_job(job) and is_dateline(f"{line.strip()}, {job}", meta, top=top)


# A job title that opens a line ("Senior Political Correspondent", "Local Democracy Reporter").
# Anchored: a search tries it at the start alone, not from every letter of a long word.
_ROLE_FIRST: Final = re.compile(
    r"\A(?:[^\W\d_][\w.'’-]*\s+){0,3}?(?:" + "|".join(sorted(ROLE_WORDS)) + r")\b[\s,;|·•–—-]*",
    re.IGNORECASE,
)


def is_dateline(line: str, meta: PageMeta, *, top: bool = False) -> bool:
    """Whether a short line is the page's date line or byline, not the story's.

    One date or one byline, or a byline and its date ("By Jane Doe - 11/19/19 06:56 AM"), or
    labelled dates ("Updated ... / Original ..."); not two bare dates, which are an event's
    (from ... to ...). Above the story (``top``), one bare date with the kind of page
    ("News story | 14-03-2023 | 10:00") is one too. What it states becomes the page's date or
    authors when the page stated none elsewhere.
    """
    text = line.strip()
    if not text or len(text) > SHORT_LINE:
        return False
    role = _ROLE_FIRST.match(text)
    if role is not None:
        # "Local Democracy Reporter 14/03/2023": the writer's job, left when the names are
        # taken from a byline; what follows it decides.
        rest = text[role.end() :]
        if not rest or is_job(text):
            # "Senior Correspondent", "Staff Writer", but not "STAFF" over credits
            return len(text.split()) > 1
        text = rest
    found = read_meta_line(text)
    if found is None or (found.bare and not top):
        return False
    if (
        found.parts > 1
        and not found.signed
        and not found.labelled
        and not (top and len(found.dates) == 1 and not found.labels)
    ):
        return False
    if (found.labels or found.places or found.kinds) and not found.dates and not found.signed:
        return False
    for date in found.dates:
        if date.kind in ("published", "modified"):
            meta.take(date.kind, date.value, printed=date.labelled)
    if not meta.authors:
        meta.take("authors", found.names)
    return True
