"""RFC 822 and its heirs: the dates feeds write, and the header block a message opens with.

RSS asks for RFC 822 dates (``Sat, 07 Sep 2002 09:42:31 GMT``); feeds write them with a named
zone (``EST``, ``PDT``, ``UT``, ``Z``), a military letter, no seconds, a weekday that does not
match the date, a two-digit year, ``Sept`` or a full month name, the month before the day, a
comma missing or doubled, or no zone at all. The text is read as tokens, not matched by one
strict pattern, so that each mistake costs nothing; a date that still does not make sense is
``None``. Atom, JSON Feed and ``dc:date`` use ISO 8601 / RFC 3339, which some RSS feeds write
too: :func:`parse_feed_date` reads both. :func:`header_names` reads the RFC 5322 header
block that opens an email, for the sniff functions that claim it or leave it alone.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Final

from newsdoc.analysis.dates import parse_iso_datetime

__all__ = ["header_names", "parse_feed_date", "parse_rfc822_datetime"]

# Longer strings are not dates.
_MAX_LEN: Final = 64
_TOKEN: Final = re.compile(
    r"[+-]\d\d:?\d\d(?!\d)"  # a numeric offset: +0200, -05:00
    r"|(?<!\d)\d{1,2}:\d\d(?::\d\d)?(?:[.,]\d+)?"  # a time, with or without seconds
    r"|\d+"
    r"|[A-Za-z]+"
)
_MONTHS: Final = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_FULL_MONTHS: Final = frozenset(
    {
        "january", "february", "march", "april", "june", "july", "august", "september", "sept",
        "october", "november", "december",
    }
)  # fmt: skip
_WEEKDAYS: Final = frozenset(
    {
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip
# RFC 822's zones (and the ones feeds add), in hours from UTC.
_NAMED_ZONES: Final[dict[str, float]] = {
    "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
    "mdt": -6, "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10, "ast": -4, "adt": -3,
    "nst": -3.5, "ndt": -2.5, "bst": 1, "cet": 1, "cest": 2, "met": 1, "mest": 2, "eet": 2,
    "eest": 3, "wet": 0, "west": 1, "msk": 3, "ist": 5.5, "jst": 9, "kst": 9, "hkt": 8,
    "sgt": 8, "aest": 10, "aedt": 11, "acst": 9.5, "awst": 8, "nzst": 12, "nzdt": 13,
}  # fmt: skip
# RFC 822's military zones as it writes them: A to I are -1 to -9 hours, K to M -10 to -12,
# N to Y +1 to +12 (J is not used). RFC 1123 notes that the signs were printed the wrong way
# round and RFC 2822 says to read them as "-0000"; feeds that write one mean RFC 822's table.
_MILITARY: Final[dict[str, float]] = {
    **{letter: -(index + 1) for index, letter in enumerate("abcdefghi")},
    **{letter: -(index + 10) for index, letter in enumerate("klm")},
    **{letter: index + 1 for index, letter in enumerate("nopqrstuvwxy")},
}
_TWO_DIGIT_PIVOT: Final = 50  # RFC 2822: 00-49 are 2000-2049, 50-99 are 1950-1999
_FIRST_YEAR: Final = 1800
_LAST_YEAR: Final = 2200


def parse_feed_date(value: str) -> datetime | None:
    """A feed's date, RFC 822 or ISO 8601, or ``None`` when it is neither.

    The result is timezone-aware exactly when the text gives a zone.
    """
    text = value.strip()
    if not text or len(text) > _MAX_LEN:
        return None
    if text[:1].isdigit() and text[4:5] == "-":
        return parse_iso_datetime(text)
    return parse_rfc822_datetime(text) or parse_iso_datetime(text)


def parse_rfc822_datetime(value: str) -> datetime | None:
    """An RFC 822 date as feeds write it, or ``None`` when it does not make a date.

    The weekday is ignored (feeds get it wrong, or misspell it: any word before the date is);
    RFC 850's ``06-Nov-94`` and C's ``asctime`` order (``Sun Nov  6 08:49:37 1994``) are read
    too; a two-digit year is read as RFC 2822 says;
    seconds default to zero; without a zone the result is naive.
    """
    text = value.strip()
    if not text or len(text) > _MAX_LEN:
        return None
    day = month = year = None
    clock: tuple[int, int, int] | None = None
    offset: float | None = None
    afternoon: bool | None = None
    for token in _TOKEN.findall(text):
        first = token[0]
        if first in "+-":
            sign = -1 if first == "-" else 1
            digits = token[1:].replace(":", "")
            offset = sign * (int(digits[:2]) + int(digits[2:]) / 60)
        elif ":" in token:
            parts = token.replace(",", ".").split(".")[0].split(":")
            clock = (int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else 0)
        elif first.isdigit():
            number = int(token)
            if len(token) == 4 and year is None:
                year = number
            elif day is None and len(token) <= 2:
                day = number
            elif year is None and len(token) == 2:
                year = number + (2000 if number < _TWO_DIGIT_PIVOT else 1900)
            else:
                return None
        else:
            word = token.lower()
            if word in _WEEKDAYS:
                continue
            if word[:3] in _MONTHS and (len(word) == 3 or word in _FULL_MONTHS):
                if month is not None:
                    return None
                month = _MONTHS[word[:3]]
            elif word in _NAMED_ZONES:
                if offset is None:
                    offset = _NAMED_ZONES[word]
            elif len(word) == 1 and word in _MILITARY:
                offset = _MILITARY[word]
            elif word in {"am", "pm"}:
                afternoon = word == "pm"
            elif day is None and month is None and year is None and clock is None:
                continue  # a weekday misspelt ("Thus"), or in another language, comes first
            else:
                return None
    if day is None or month is None or year is None:
        return None
    hour, minute, second = clock or (0, 0, 0)
    if afternoon is not None and 1 <= hour <= 12:
        hour = hour % 12 + (12 if afternoon else 0)
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        return None
    try:
        zone = None if offset is None else timezone(timedelta(hours=offset))
        return datetime(year, month, day, hour, minute, min(second, 59), tzinfo=zone)
    except ValueError:
        return None


# A header line: a field name (printable ASCII but ":" and space), a colon, and its value.
_HEADER_LINE: Final = re.compile(rb"([!-9;-~]{1,76}):")


def header_names(head: bytes) -> list[bytes] | None:
    """The field names, in lower case, of the RFC 5322 header lines that open ``head``.

    A UTF-8 byte-order mark and an mbox ``From`` line before them are passed over; folded
    continuation lines belong to the header above them; the block ends at the first blank line
    (or where ``head`` ends, within a line). ``None`` when a line before that is no header line
    (prose, markup, a continuation with no header above it).
    """
    lines = head.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    if lines[0].startswith(b"From "):
        lines = lines[1:]
    names: list[bytes] = []
    for number, raw in enumerate(lines):
        line = raw.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t") and number > 0:
            continue
        match = _HEADER_LINE.match(line)
        if match is None:
            if number == len(lines) - 1 and number > 0:
                break  # the head ends within this line
            return None
        names.append(match.group(1).lower())
    return names
