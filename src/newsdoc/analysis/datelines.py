"""Lines of page metadata: a byline and its date, labelled dates, in any format.

"By Jane Doe | 14 March 2023", "Publié le 14 mars 2023 à 08h45, modifié à 10h30",
"Por Lucía Romero | Sevilla - 14 mar 2023 - 08:45 CET", "Submitted by admin on Tue,
03/14/2023 - 16:05": a line made only of dates, bylines, a place, a reading time, labelled
sections or tags, and credits for other work. :func:`read_meta_line` splits such a line into
its parts and reads each; the formats decide, each by its own evidence, whether what it found
is the page's metadata.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from newsdoc._regex import DIGIT_RUN, OPTIONAL_SPACE_RUN, SPACE_RUN
from newsdoc.analysis.bylines import (
    ROLE_WORDS,
    is_agency,
    is_credit,
    opens_with_first_name,
    parse_byline,
    without_handles,
)
from newsdoc.analysis.bylines_cjk import CJK_WRITER_LABEL
from newsdoc.analysis.dates import (
    UPDATE_LABEL,
    WEEKDAY_WORDS,
    DateLine,
    parse_date_line,
    updated_at_time,
)
from newsdoc.analysis.furniture import is_reading_time
from newsdoc.analysis.text import has_digit
from newsdoc.analysis.vocabulary import (
    COMMENTS_WORDS,
    ENGLISH_MONTH,
    LEAVE_A_COMMENT,
    RELEASE_KIND,
    RELEASE_NUMBER,
    TAG_LABEL,
)

__all__ = [
    "MetaLine",
    "is_job",
    "read_meta_line",
]


@attrs.define
class MetaLine:
    """What a line of page metadata states, part by part."""

    parts: int  # how many parts the line was read in
    dates: list[DateLine] = attrs.Factory(list)
    names: list[str] = attrs.Factory(list)  # the people its bylines name
    others: list[str] = attrs.Factory(list)  # what its bylines name besides (an agency, a role)
    signed: bool = False  # it holds a byline, even one that names nobody ("by admin")
    labelled: bool = False  # a label or a reading time says it is metadata
    labels: int = 0  # labelled sections, tags and reading times
    places: int = 0  # a place where the story was written ("Madrid")
    kinds: int = 0  # the kind of page ("Press release", "Pressemitteilung 45")
    # A name and the writer's job, with no label ("Jane Doe, Staff Writer"): a byline where
    # bylines stand (above the story), a person introduced anywhere else.
    bare: bool = False


def read_meta_line(
    text: str, *, read: tuple[tuple[list[str], str] | None, DateLine | None] | None = None
) -> MetaLine | None:
    """The dates and bylines of ``text``, or ``None`` when a part of it is something else.

    A line that is one byline or one date is one part; otherwise it is split where such lines
    join their parts (a bar, a bullet or a dash between spaces, "on" before a date, "by" after
    one, the comma or the space before an update, brackets). A time printed apart is read with
    the date before it, and an update given by its time alone is the same day's.

    ``read`` is what :func:`~newsdoc.analysis.bylines.parse_byline` and
    :func:`~newsdoc.analysis.dates.parse_date_line` gave for all of ``text``, when the caller
    has read the line with them already.
    """
    if read is None and "@" in text:
        text = without_handles(text)  # "By Anna Vogt (@annavogt) | March 14, 2023"
    if read is None and _GLUED_DATE.search(text):
        text = _GLUED_DATE.sub(r" \g<0>", text)  # "Anna Vogt, Zürich14.03.2023": run together
    if read is None and _GLUED_BULLET.search(text):
        text = _GLUED_BULLET.sub(r" \g<0> ", text)  # "Текст: Венера Ерофеева·24 сентября 2018"
    whole, whole_date = (parse_byline(text), parse_date_line(text)) if read is None else read
    parts = [text]
    if whole_date is None:
        # A byline may run into its date ("Written by Ann Lee, MS, RD on March 14, 2023").
        # Every split point needs a separator or a date's digits: a line with neither (most
        # short lines of prose) is not split at all.
        if whole is None and _SPLIT_HINT.search(text) is None:
            return _name_and_job(text)
        if whole is None or has_digit(whole[1]):
            # "14 marzo 2023 (modifica il 15 marzo 2023 | 10:30)": what is in brackets is
            # a part.
            split = _PARTS.split(_BRACKETED.sub(r" | \1", text) if "(" in text else text)
            if ":" in text:
                # Before a labelled update anywhere ("… 08:45 Uhr Aktualisiert: …"): a split
                # of its own, as the label's many words would slow the one above on every line.
                split = [piece for part in split for piece in _LABELLED_UPDATE.split(part)]
            if len(split) > 1:
                parts = _rejoined(split)
            elif whole is None:
                return None
    found = MetaLine(parts=len(parts))
    single = len(parts) == 1
    previous = ""
    for part in parts:
        if len(parts) > 1 and _LABELLED_PART.match(part):
            found.labels += 1  # "Categoria: Saúde", "Tags: …" beside the date and the byline
            continue
        if len(parts) > 1 and is_agency(part):
            found.others.append(part)  # "dpa/AFP | Aktualisiert: …": news agencies sign it
            found.signed = True
            continue
        if len(parts) > 1 and not found.kinds and _PAGE_KIND_PART.fullmatch(part):
            # "Press release | 22 February 2022 | Brussels": what the page is, beside where
            # it was written; a shape that an event in a story has too, so it labels nothing.
            found.kinds += 1
            continue
        if len(parts) > 1 and is_credit(part):
            found.others.append(part)  # "| Photographs by Tom Hale": kept, not a writer
            continue
        if len(parts) > 1 and (
            is_reading_time(part) or _SOURCE_PART.match(part) or _COMMENTS_PART.fullmatch(part)
        ):
            # "4 min read · Mar 14, 2023", "来源：新华网", "3 Comments": only page metadata
            # says that
            found.labels += 1
            found.labelled = True
            continue
        if len(parts) > 1 and (found.dates or found.signed) and _FILED_IN.fullmatch(part):
            found.labels += 1  # "Posted on March 14, 2023 in Politics": the post's category
            continue
        dates = found.dates
        if dates and _TIME_ONLY.fullmatch(part):
            # The time of the date before it: read the two together, unless that date had
            # one ("4:05 pm PT / 7:05 pm ET" gives the same moment twice).
            date = None if _TIME_IN.search(previous) else parse_date_line(f"{previous} {part}")
            if date is not None:
                dates[-1] = date
            continue
        if dates and dates[-1].value is not None:
            # "Publié le 14 mars 2023 à 08h45, modifié à 10h30": an update the same day.
            update = updated_at_time(part, dates[-1].value)
            if update is not None:
                dates.append(DateLine(kind="modified", value=update, labelled=True))
                found.labelled = True
                continue
        unlabelled = _ORIGINAL.sub("", part, count=1)
        # A line of one part was read whole above: not read again.
        date = whole_date if single and unlabelled == text else parse_date_line(unlabelled)
        if date is not None:
            dates.append(date)
            found.labelled = found.labelled or unlabelled != part or date.labelled
            previous = unlabelled
            continue
        byline = whole if single else parse_byline(part)
        if byline is not None and len(part.split()) <= _MAX_BYLINE_PART_WORDS:
            found.names.extend(byline[0])
            if byline[1]:
                found.others.append(byline[1])
            found.signed = True  # "Submitted by admin": a byline, though it names nobody
            continue
        if len(parts) > 1 and opens_with_first_name(part):
            # "Max Mustermann 14.03.2023", "Jane Doe, Contributor | March 14, 2023", "Anna
            # Vogt, Zürich 14.03.2023": a name without "By", perhaps with the writer's job or
            # place after a comma. The date's weekday may be left on the name ("Ann Lee Tue
            # 14 Mar 2023"): it goes.
            words = part.split()
            if len(words) > 2 and words[-1].rstrip(".,").casefold() in WEEKDAY_WORDS:
                part = " ".join(words[:-1]).rstrip(",")
            signature = _unlabelled_writers(part)
            if signature is not None:
                names, job = signature
                agency = is_agency(job)
                if (
                    not job
                    or agency
                    or is_job(job)
                    or (job[:1].isupper() and _PLACE_ONLY.fullmatch(job))
                ):
                    found.names.extend(names)
                    if agency:
                        found.others.append(job)  # "Anna Vogt, dpa | 14.03.2023"
                    found.signed = True
                    continue
        if (
            len(parts) > 1
            and found.signed
            and found.dates
            and _CATEGORIES.fullmatch(part)
            and not opens_with_first_name(part)
        ):
            found.labels += 1  # "by Jane Doe | 14 Mar 2023 | Blog, News": the categories
            continue
        if (
            len(parts) > 1
            and not found.places
            and part[:1].isupper()
            and _PLACE_ONLY.fullmatch(part)
        ):
            found.places += 1  # "By Jane Doe | Madrid - 22 Feb 2024": where it was written
            continue
        return None
    return found


def _name_and_job(text: str) -> MetaLine | None:
    """A line that is a writer's name and job or agency, or ``None``.

    "Jane Doe, Staff Writer"; "Anna Vogt, dpa" and "Anna Vogt (dpa)", as German papers sign
    agency copy their own writer reworked. Not "Anna Vogt/dpa": that is a photo's credit.
    """
    writers = _unlabelled_writers(text.strip())
    if writers is None:
        return None
    names, job = writers
    agency = is_agency(job)
    if not (agency or is_job(job)):
        return None
    return MetaLine(parts=1, names=names, others=[job] if agency else [], signed=True, bare=True)


def _unlabelled_writers(text: str) -> tuple[list[str], str] | None:
    """The names a byline without "By" opens with, and what follows them, or ``None``.

    What follows is after a comma or in brackets (the writer's job, place or agency: "Anna
    Vogt und Tom Hale, dpa", "Anna Vogt (dpa)"); two writers may be joined by "and" ("Anna
    Vogt & Tom Hale"). ``None`` unless each is a name with a first name a lexicon knows.
    """
    name, _, after = text.partition(", ")
    if not after and text.endswith(")"):
        name, _, after = text[:-1].partition(" (")
    names = _NAME_JOIN.split(name)
    if not all(_is_unlabelled_name(one) for one in names):
        return None
    return names, after


def _is_unlabelled_name(text: str) -> bool:
    """Whether ``text`` is a name written without "By" (two to four words, a known first name)."""
    return opens_with_first_name(text) and _NAME_ONLY.fullmatch(text) is not None


def is_job(text: str) -> bool:
    """Whether ``text`` names a writer's job ("Contributor", "Senior Editor")."""
    words = text.lower().split()
    return 0 < len(words) <= _MAX_JOB_WORDS and words[-1] in ROLE_WORDS


_MAX_JOB_WORDS: Final = 4


def _rejoined(parts: list[str]) -> list[str]:
    """``parts`` with the words cut off a date's front put back.

    The split before a date's day ("Madrid, 14 mar 2023") also cuts "Dienstag, 14. März
    2023", "on Tue, 03/14/2023" and "modifié le 23 février", and the split before an English
    month cuts "Updated Nov. 19, 2019", and the split before "on" cuts "Last updated on March
    15, 2023": where the two read as one date and the first part alone does not, they are one
    part.
    """
    joined: list[str] = []
    for part in parts:
        joined.append(part)
        # Put back as many parts as read as one date with it ("Last updated" | "on" | "March
        # 15, 2023" is one), the nearest first.
        while (
            len(joined) > 1
            and _DAY_FIRST.match(joined[-1])
            and parse_date_line(joined[-2]) is None
            and parse_date_line(candidate := f"{joined[-2]} {joined[-1]}") is not None
        ):
            joined[-2:] = [candidate]
    return joined


_DAY_FIRST: Final = re.compile(rf"(?:on\s+)?(?:\d{{1,2}}\b|{ENGLISH_MONTH}\.?\s+\d)", re.I)
# The most words one part of a date line ("By Jane Doe and John Roe, Staff | ...") may hold to
# be read as its byline: a part also carries the writers' roles.
_MAX_BYLINE_PART_WORDS: Final = 10
# Where a line of metadata splits into parts. One separator character first, so that the
# engine skips in C to where a part can end; then one of:
# - a bar, a bullet, a slash or a dash between spaces ("By Jane Doe - 11/19/19", "Updated
#   Nov. 19 / Original Nov. 18");
# - before "by" (or "von", "par"...) after a date or a time ("Posted on March 14, 2023 by Jane
#   Doe", "Veröffentlicht am 14. März 2023 von admin");
# - before "on" and its date ("Submitted by Jane Doe on Tue, 03/14/2023"), or "vom", "du",
#   "del" or "van" ("Pressemitteilung 112 vom 14. März 2023", "Communiqué du 14 mars 2023");
# - before an update, after a comma or a time ("Le 22 février 2024 à 19h02, modifié le 23
#   février", "18/08/2023 09h30 Atualizado há 2 horas"), or anywhere before a labelled one
#   ("Erstellt: 14.03.2023, 08:45 Uhr Aktualisiert: 15.03.2023", by _LABELLED_UPDATE);
# - between a name or a place and a date that opens with its day ("Max Mustermann 14.03.2023,
#   08:45 Uhr", "Madrid, 14 mar 2023 - 08:45 CET", "Sevilla, 14 de marzo de 2023", "Paris, le
#   14 mars 2023") or with an English month ("By Jane Doe
#   Mar 14, 2023, 8:45 AM"), or a reading time that opens with its minutes ("Nora Falk 6 min
#   read · Jun 2, 2023");
# - before a Chinese or Japanese label ("2023-03-14 10:30 来源：新华网 作者：张伟").
_PARTS: Final = re.compile(
    # (A dash between spaces from the run's first space: tried from every space of a long run,
    # the search is quadratic.)
    r"[\s,](?:(?<=\s)(?<!\s\s)\s*[-–—|/•·]\s+"
    # A byline after a date or a time ("… 10:00 h. Por Ana García", "… 10:00 Uhr Von …")
    r"|(?:(?<=\d\s)|(?<=\dh\s|h\.\s)|(?<=uhr\s))\s*(?=(?:by|von|par|por|door|di|av|af)\s)"
    r"|(?<=[ap]m\s)\s*(?=by\s)"
    r"|(?<=\s)(?=(?:on|vom|du|del|van)\s+(?:[^\W\d_]+\.?,?\s+)?\d)"
    rf"|(?:(?<=,)\s+|(?<=\d\s))(?=(?:{UPDATE_LABEL})\b)"
    r"|(?:(?<=[^\W\d_]\s)|(?<=[^\W\d_],)\s+)"
    r"(?=\d{1,2}(?:[./-]\d{1,2}[./-]\d{2,4}\b|\.?\s+(?:de\s+)?[^\W\d_]{3,}\.?,?\s+(?:de\s+)?\d{4}\b)"
    r"|\d{1,3}\s?min)"
    r"|(?<=[^\W\d_],)\s+(?=le\s+\d{1,2}\s)"
    rf"|(?<=[^\W\d_]\s)(?={ENGLISH_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b)"
    r"|(?<=\d\s)(?=in\s+[^\W\d_])"
    rf"|(?=(?:来源|來源|编辑|責任編輯|责任编辑|出典|{CJK_WRITER_LABEL})\s*[:：]))",
    re.IGNORECASE,
)
_LABELLED_UPDATE: Final = re.compile(rf"\s(?=(?:{UPDATE_LABEL})\s*:)", re.IGNORECASE)
# A numeric date run into the word before it, as a page's spans are when nothing stood
# between them, and so a reading time run into the byline ("Nora Falk6 min read"). Matched
# from the first digit, the letter checked behind it: a pattern that opens with a look-behind
# is tried at every character.
_GLUED_DATE: Final = re.compile(
    r"\d(?<=[^\W\d_]\d)(?:\d?[./]\d{1,2}[./](?:19|20)?\d\d\b|\d{0,2}\s?[Mm]in)"
)
# A bar or a bullet between two words or numbers with no space around it: a page's divider
# span between the byline, the reading time and the date ("6 min read·Jun 2, 2023"). Between
# two l's the dot is a letter's (Catalan "col·lecció"), and is left alone.
_GLUED_BULLET: Final = re.compile(r"[|•·](?<=[^\W_][|•·])(?=[^\W_])(?<![Ll]·(?=[Ll]))")
# The dash between spaces is found from the dash: every alternative opens with a character.
_SPLIT_HINT: Final = re.compile(r"[\d|•·/–—]|-(?<=\s-)(?=\s)")
_BRACKETED: Final = re.compile(OPTIONAL_SPACE_RUN + r"\(([^()]*)\)")
# A part that is only a time, printed apart from its date ("22 feb 2024 - 19:02 CET").
_TIME_ONLY: Final = re.compile(
    r"\d{1,2}[:.h]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*(?:uhr|h\.?))?(?:\s+[A-Z]{1,4})?", re.IGNORECASE
)
# "and" between two names, in the languages of the byline labels.
_NAME_JOIN: Final = re.compile(SPACE_RUN + r"(?:&|and|und|et|en|y|e|og|och)\s+")
# Two to four capitalised words: a name. (Read whole: anchored, so that a search does not try
# it from every letter.)
_NAME_ONLY: Final = re.compile(r"\A[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w.'’-]*){1,3}")
# A time inside a part, not the day and month of a dotted date ("14.03.2023").
_TIME_IN: Final = re.compile(r"(?<![\d.])\d{1,2}[:.h]\d\d(?![.\d])")
# A part that is only a place, as datelines print where the story was written ("Madrid"), or
# the kind of page with its number ("Pressemitteilung 112").
_PLACE_ONLY: Final = re.compile(
    r"[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,2}(?:\s+(?:Nr\.\s*|No\.\s*|#)?\d{1,4})?"
)
# The comments a post has, as blogs print them beside the date ("3 Comments", "0 comments",
# "1 Kommentar", "Leave a comment", "Kommentare: 4").
_COMMENTS_PART: Final = re.compile(
    rf"(?:{DIGIT_RUN}|no)\s+(?:{COMMENTS_WORDS}|kommentar|commentaire|comentario)|{LEAVE_A_COMMENT}"
    r"|(?:kommentare|comments)\s*(?::\s*)?\d+",  # (not "\s*:?\s*", see dates._LABEL)
    re.IGNORECASE,
)
# The category a post is filed in, after its date or its byline ("in Politics", "in Politics,
# Local", "Filed under Sports").
_FILED_IN: Final = re.compile(
    r"(?:in|filed\s+under|under)\s+[^\W\d_][\w&'’-]*(?:,?\s+[^\W\d_][\w&'’-]*){0,4}"
)
# Categories without a label, after a byline and a date ("Blog, News"): capitalised words.
# (Read whole: anchored, so that a search does not try it from every letter.)
_CATEGORIES: Final = re.compile(r"\A[^\W\d_][\w&'’-]*(?:,\s+[^\W\d_][\w&'’-]*){1,4}")
# The kinds of page printed beside a date: releases, and the other kinds of a public office's
# or a newsroom's pages ("Statement | 22 February 2022", "Artikel | 22.02.2022").
_PAGE_KIND_PART: Final = re.compile(
    rf"{RELEASE_KIND}|(?:press\s+statement|statement|speech|article|news|nachricht|meldung"
    r"|artikel|rede|discours|nieuwsbericht|toespraak|noticia|notícia|discurso|notizia"
    rf"|discorso){RELEASE_NUMBER}",
    re.IGNORECASE,
)
# A labelled part of a metadata line: its section or its tags.
_LABELLED_PART: Final = re.compile(
    rf"(?:categor(?:y|ies|ia|ie|ía)|kategorie|section|secci[oó]n|rubri(?:c|que|ek|k)|{TAG_LABEL})"
    r"\s*:",
    re.IGNORECASE,
)
# The source and the editor, labelled beside the date ("Quelle: dpa", "来源：新华网"): only page
# metadata says that.
_SOURCE_PART: Final = re.compile(
    r"(?:quelle|source|fuente|fonte|bron|źródło|来源|來源|编辑|责任编辑|責任編輯|出典)\s*[:：]",
    re.IGNORECASE,
)
_ORIGINAL: Final = re.compile(
    r"(?:original(?:ly)?(?:\s+published)?|first\s+published)\s*(?::\s*)?",  # see dates._LABEL
    re.I,
)
