"""Values as pages write them: text, escaped text, dates in every form, a date in the URL."""

from __future__ import annotations

import html
import math
import re
from datetime import UTC, datetime
from typing import Final

from newsdoc.analysis.dates import parse_date_line, parse_iso_datetime
from newsdoc.analysis.text import clean_text
from newsdoc.analysis.vocabulary import MONTH_ABBREVIATIONS

__all__ = ["date_in_url", "date_value", "first_text", "text_value", "unescaped"]


def text_value(value: object) -> str | None:
    """A JSON value as clean text, or ``None`` when it is not a non-empty string."""
    if isinstance(value, str):
        return clean_text(value) or None
    return None


_ENTITY: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescaped(text: str | None) -> str | None:
    """``text`` with the HTML character references left in it decoded, and cleaned again."""
    if not text or "&" not in text or not _ENTITY.search(text):
        return text
    return clean_text(html.unescape(text)) or None


def first_text(value: object) -> str | None:
    """The first string of a JSON list (or the string itself), as clean text."""
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), None)
    return text_value(value)


def date_value(value: object) -> datetime | None:
    """A date as pages state it: ISO 8601, a Unix time, digits run together, or words."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, float) and not math.isfinite(value):
            return None  # 1e999, NaN: JSON's numbers that are no time
        value = str(int(value))  # a JSON-LD date given as a number: a Unix time
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.isdigit() and len(text) in (10, 13):
        return _unix_time(int(text))
    if text.isdigit() and len(text) in (12, 14):
        # "20230314100000" ("ptime", "utime"): the date and time with nothing between.
        try:
            return datetime.strptime(text, "%Y%m%d%H%M%S" if len(text) == 14 else "%Y%m%d%H%M")
        except ValueError:
            return None
    parsed = parse_iso_datetime(text)
    if parsed is None:
        line = parse_date_line(text)
        parsed = line.value if line is not None else None
    return parsed


def _unix_time(number: int) -> datetime | None:
    """A Unix time in seconds ("1678783500") or milliseconds, in UTC, if in news's years."""
    seconds = number / 1000 if number >= _MILLISECONDS else number
    if not _FIRST_NEWS_SECOND <= seconds <= _LAST_NEWS_SECOND:
        return None
    return datetime.fromtimestamp(seconds, tz=UTC)


_MILLISECONDS: Final = 10**12
_FIRST_NEWS_SECOND: Final = 788_918_400  # 1995-01-01
_LAST_NEWS_SECOND: Final = 4_102_444_800  # 2100-01-01


# "/2019/11/18/", "/2019-11-18-", "/2019/nov/18/" (as The Guardian writes it), and eight digits
# that end a path's segment or slug ("…-20191115/"), which must name a real day.
_URL_DATE: Final = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2]|[a-z]{3})[/-](0?[1-9]|[12]\d|3[01])(?:/|-|$)"
    r"|[/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/?#.]|$)",
    re.IGNORECASE,
)
_URL_MONTHS: Final = {name: number for number, name in enumerate(MONTH_ABBREVIATIONS, start=1)}


def date_in_url(url: str | None) -> datetime | None:
    """The day a URL's path names ("/2019/11/18/", "/2019/nov/18/", "…-20191115/")."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if match is None:
        return None
    year, month, day = match.groups()[:3] if match.group(1) else match.groups()[3:]
    number = int(month) if month.isdigit() else _URL_MONTHS.get(month.lower())
    if number is None:
        return None  # three letters that are not a month ("/2019/abc/18/")
    try:
        return datetime(int(year), number, int(day))
    except ValueError:
        return None
