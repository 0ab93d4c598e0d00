"""What a wire story carries besides its text: end marks, trailers, the slug repeated.

- An end mark (``END``, ``ENDS``, ``(END)``, ``-END-``, ``###``; ``MORE`` and ``(MORE)``, that
  a take continues) at the end of the story goes, into ``extra["end_mark"]``.
- AP's trailer line (``AP-NY-12-03-26 1432EST``: the agency and desk, the month, day and year,
  the time and its zone) and IPTC 7901's end line (``171212 JAN 17``: day, hour and minute,
  month, year) give the story's date; they go from the end of the story or after ETX.
- The slug repeated on the story's first line (``BC-Stocks-Open,0095``) goes.
- An editors' note among the first lines (``Eds: ...``, ``Editor's Note: ...``) goes into
  ``extra["editors_note"]``.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Final

import attrs

from newsdoc.analysis.text import comparable

__all__ = ["EndLine", "is_editors_note", "is_end_mark", "is_slug_repeat", "read_end_line"]

_END_MARK: Final = re.compile(
    r"[(-]{0,3} ?(?:ends?|more|ende) ?[)-]{0,3}\.?|# ?# ?#", re.IGNORECASE
)
# AP's trailer: agency and desk, month-day-year, time and zone ("AP-NY-12-03-26 1432EST").
_TRAILER: Final = re.compile(
    r"(?P<desk>[A-Z]{2,6}(?:-[A-Z]{2,6}){0,2})-(?P<month>\d\d)-(?P<day>\d\d)-(?P<year>\d{4}|\d\d)"
    r" {1,3}(?P<hour>\d\d)(?P<minute>\d\d) ?(?P<zone>[A-Z]{1,4})?"
)
# IPTC 7901's end line: day, hour and minute, month, year ("171212 JAN 17").
_END_LINE: Final = re.compile(
    r"(?P<day>\d\d)(?P<hour>\d\d)(?P<minute>\d\d) {1,3}(?P<month>[A-Za-zä]{3,4})\.?"
    r" {1,3}(?P<year>\d{4}|\d\d)"
)
_EDITORS_NOTE: Final = re.compile(r"(?:eds|editor(?:'s|s'|’s)? note) ?:", re.IGNORECASE)
_MOST_MARK_CHARACTERS: Final = 12
# What may follow the slug written again: a comma, a space and the word count.
_MOST_AFTER_SLUG: Final = 8
# A two-digit year from here on is of the 1900s.
_CENTURY_PIVOT: Final = 70
_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            "jan", "feb", "mar mrz mär mae", "apr", "may mai", "jun", "jul", "aug", "sep sept",
            "oct okt", "nov", "dec dez",
        ),
        start=1,
    )
    for name in names.split()
}  # fmt: skip
# The zones trailers are stamped in, as fixed offsets from UTC.
_ZONES: Final = {
    "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    "AKST": -9, "AKDT": -8, "HST": -10, "GMT": 0, "UTC": 0, "UT": 0, "Z": 0, "BST": 1,
    "CET": 1, "CEST": 2, "MEZ": 1, "MESZ": 2, "EET": 2, "EEST": 3,
}  # fmt: skip


@attrs.frozen(kw_only=True)
class EndLine:
    """A trailer or an end line: the line as written, and the moment it states (or ``None``).

    Attributes:
        text: The line.
        agency: The agency and desk of an AP-style trailer ("AP-NY"), else ``None``.
        value: The date and time, timezone-aware when the zone is known; ``None`` when the
            numbers are no date (a 13th month).
    """

    text: str
    agency: str | None
    value: datetime | None


def is_end_mark(text: str) -> bool:
    """Whether ``text`` is an end mark ("END", "(END)", "-ENDS-", "###", "MORE").

    A bare word is a mark in capitals only: "More." and "End." end sentences.
    """
    if len(text) > _MOST_MARK_CHARACTERS or _END_MARK.fullmatch(text) is None:
        return False
    return text.isupper() or text[:1] in "(-#"


def read_end_line(text: str) -> EndLine | None:
    """The trailer or IPTC 7901 end line ``text`` is, or ``None`` when it is neither."""
    if len(text) > 48:
        return None
    match = _TRAILER.fullmatch(text)
    if match is not None:
        zone = match.group("zone")
        offset = _ZONES.get(zone) if zone else None
        value = _moment(
            match.group("year"), int(match.group("month")), match.group("day"), match, offset
        )
        return EndLine(text=text, agency=match.group("desk"), value=value)
    match = _END_LINE.fullmatch(text)
    if match is not None:
        month = _MONTHS.get(match.group("month").lower())
        if month is None:
            return None
        value = _moment(match.group("year"), month, match.group("day"), match, None)
        return EndLine(text=text, agency=None, value=value)
    return None


def _moment(
    year: str, month: int, day: str, match: re.Match[str], offset: int | None
) -> datetime | None:
    full_year = int(year)
    if len(year) == 2:  # "98": 1998, "26": 2026
        full_year += 1900 if full_year >= _CENTURY_PIVOT else 2000
    zone = timezone(timedelta(hours=offset)) if offset is not None else None
    try:
        return datetime(
            full_year,
            month,
            int(day),
            int(match.group("hour")),
            int(match.group("minute")),
            tzinfo=zone,
        )
    except ValueError:
        return None


def is_slug_repeat(text: str, slug: str | None) -> bool:
    """Whether ``text`` is the slug written again, perhaps with the word count after it."""
    if not slug or len(text) > len(slug) + _MOST_AFTER_SLUG:
        return False
    bare = text.rstrip("0123456789").rstrip(", ")
    return bool(bare) and comparable(bare) == comparable(slug)


def is_editors_note(text: str) -> bool:
    """Whether ``text`` is an editors' note to the desk ("Eds: Updates with ...")."""
    return _EDITORS_NOTE.match(text) is not None
