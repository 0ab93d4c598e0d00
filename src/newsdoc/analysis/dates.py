"""Dates as sources write them, to :class:`~datetime.datetime`."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Final, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
from dateutil import parser as dateutil_parser

from newsdoc._regex import DIGIT_RUN
from newsdoc.analysis.vocabulary import MONTH_NAMES, WEEKDAY_NAMES

__all__ = [
    "UPDATE_LABEL",
    "WEEKDAY_WORDS",
    "DateLine",
    "parse_date_line",
    "parse_iso_datetime",
    "updated_at_time",
]

# Longer strings are not dates; refuse them before any parser sees them.
_MAX_LEN: Final = 64
# A line longer than this is a sentence, not a date line.
_MAX_LINE: Final = 80


# A day without a time but with a zone: 2008-02-19+01:00, 20080219Z.
_ZONED_DAY: Final = re.compile(r"(\d{4}-\d{2}-\d{2}|\d{8})(?:Z|[+-]\d{2}:?\d{2})")


def parse_iso_datetime(value: str) -> datetime | None:
    """Parse an ISO 8601 date or date-time; ``None`` when it is not one.

    Accepts a space instead of ``T``, a ``Z`` or numeric offset, and fractions of a second. The
    result is timezone-aware exactly when the text gives an offset. The placeholders systems
    write for "no date" are not dates: a year before 1800 (Go's zero time, "0001-01-01T00:00:00Z",
    as some CMSs leave in their JSON-LD) and the first instant of 1970 (the Unix epoch).
    """
    text = value.strip()
    if not text or len(text) > _MAX_LEN:
        return None
    zoned_day = _ZONED_DAY.fullmatch(text)
    if zoned_day is not None:
        # A day with a zone ("20080219+0100", as NITF writes one): the day, not one o'clock.
        text = zoned_day.group(1)
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = dateutil_parser.isoparse(text)
        except (ValueError, OverflowError):
            return None
    if parsed.year < _FIRST_YEAR or parsed.replace(tzinfo=None) == _EPOCH:
        return None
    return parsed


_FIRST_YEAR: Final = 1800
_EPOCH: Final = datetime(1970, 1, 1)


@attrs.frozen(kw_only=True)
class DateLine:
    """What a line that only states a date says.

    Attributes:
        kind: ``"published"``, or ``"modified"`` for "Updated ..." lines.
        value: The date, or ``None`` when the line gives none that can be placed ("Updated 3
            hours ago" with nothing to count back from).
        labelled: Whether the line names what the date is ("Published:", "Bijgewerkt op");
            a bare "on" does not.
    """

    kind: Literal["published", "modified"]
    value: datetime | None
    labelled: bool = False


#: The weekdays' names and abbreviations of three letters or more, lower-cased ("tue",
#: "dienstag"): the two-letter ones ("Do", "Di") are as often a surname or a word.
WEEKDAY_WORDS: Final = frozenset(
    name.casefold() for names in WEEKDAY_NAMES for name in names if len(name) >= 3
)


class _ParserInfo(dateutil_parser.parserinfo):
    """dateutil's parser, taught month and weekday names of the languages news is read in."""

    # dateutil reads these class attributes; its stubs type them as pairs only.
    MONTHS = MONTH_NAMES  # type: ignore[assignment]
    WEEKDAYS = WEEKDAY_NAMES  # type: ignore[assignment]
    JUMP = [  # noqa: RUF012
        *dateutil_parser.parserinfo.JUMP,
        "de", "le", "om", "um", "den", "der", "el", "del", "du", "à", "a", "h", "uhr", "het",
    ]  # fmt: skip


_INFO: Final = _ParserInfo()

# Time-zone abbreviations that news sites print, with their offsets. Others are dropped before
# parsing (dateutil would warn about them and return a naive time anyway).
_ZONES: Final[dict[str, int]] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 3600, "WEST": 3600, "CET": 3600,
    "CEST": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800, "EST": -18000, "EDT": -14400,
    "CST": -21600, "CDT": -18000, "MST": -25200, "MDT": -21600, "PST": -28800, "PDT": -25200,
    "AKST": -32400, "AKDT": -28800, "HST": -36000, "BRT": -10800, "ART": -10800,
    "MEZ": 3600, "MESZ": 7200, "WAT": 3600, "CAT": 7200, "SAST": 7200, "EAT": 10800,
    # IST is India's in the news that prints it most (not Ireland's or Israel's).
    "PKT": 18000, "IST": 19800, "WIB": 25200, "SGT": 28800, "HKT": 28800, "PHT": 28800,
    "AWST": 28800, "JST": 32400, "KST": 32400, "ACST": 34200, "AEST": 36000, "AEDT": 39600,
    "NZST": 43200, "NZDT": 46800,
}  # fmt: skip

# US regions that news sites name without saying whether daylight saving applies.
_REGIONS: Final[dict[str, str]] = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
    "PT": "America/Los_Angeles",
}  # fmt: skip
_ZONE: Final = re.compile(
    r"\b(" + "|".join(sorted([*_ZONES, *_REGIONS], key=len, reverse=True)) + r")\b"
)

# The labels a date line may start with; "updated" ones give the modification date. German
# "Stand" ("as of") dates the version shown, so it is a modification date too.
UPDATE_LABEL: Final = (
    r"(?:last\s)?updated?(?:\s(?:on|at))?|(?:last\s)?modified(?:\son)?"
    r"|date\s(?:modified|updated|revised)|(?:last\s)?revised(?:\son)?"
    r"|(?:laatste?\s)?(?:bijgewerkt|update|gewijzigd)(?:\sop)?|aangepast(?:\sop)?"
    r"|mise?\sà\sjour(?:\sle)?|modifié(?:\s(?:le|à))?"
    r"|(?:zuletzt\s)?aktualisiert(?:\sam)?|geändert(?:\sam)?|stand"
    r"|actualizado(?:\sel)?|aggiornato(?:\sil)?|(?:ultima\s)?modific(?:a|ato)(?:\sil)?"
    r"|atualizado(?:\sem)?|zaktualizowano|aktualizacja"
    r"|aktualizováno|aktualizované|uppdaterad|oppdatert|opdateret|päivitetty|обновлено|оновлено"
    r"|güncelle(?:n)?me|actualizat|frissítve|ažurirano|ενημερώθηκε|ενημέρωση"
    # Korean, Japanese, Chinese
    r"|기사수정|최종수정|수정시간|수정|업데이트|最終更新日|更新日時|更新日|更新时间|更新時間|更新于|最后更新|更新"
)
"""The labels of an update, as a pattern's source (shared with the HTML date-line splitter)."""
_LABEL: Final = re.compile(
    rf"(?:(?P<modified>{UPDATE_LABEL})"
    # "Publication date", "Erscheinungsdatum", "Fecha de publicación"... before the verbs
    # and the bare "date" they start with.
    r"|(?:publication|publish(?:ing)?|published|release|issue)\sdate|date\sof\spublication"
    r"|(?:erscheinungs|veröffentlichungs|publikations|publicatie)datum|date\sde\spublication"
    r"|fecha\sde\spublicación|data\sd[ie]\spubblicazione|data\sde\spublicação|issued(?:\son)?"
    r"|data\s(?:publikacji|dodania)|date\s(?:posted|published|created|issued|released)"
    r"|for\simmediate\srelease"
    r"|published(?:\son)?|posted(?:\s(?:on|at))?|(?:created|filed|released)(?:\son)?"
    r"|dated|date|datum|fecha|data|vom|du|del|van|publiziert(?:\sam)?|geplaatst(?:\sop)?"
    r"|gepubliceerd(?:\sop)?|publié(?:\sle)?"
    r"|veröffentlicht(?:\sam)?|erstellt(?:\sam)?|erschienen(?:\sam)?|publicado(?:\s(?:el|em))?"
    r"|pubblicato(?:\sil)?|opublikowano|publikováno|publicerad|publisert|publiceret|julkaistu"
    r"|опубликовано|опубліковано|yayın(?:lanma)?(?:\starihi)?|publicat|közzétéve|objavljeno|publikované"
    r"|δημοσιεύθηκε|δημοσίευση|on"
    # Korean ("기사입력 : 2018-08-25 15:24"), Japanese ("公開日：…"), Chinese ("发布时间：…")
    r"|기사입력|입력시간|입력|등록일|게재일|발행일|公開日時|公開日|掲載日|配信日時|投稿日"
    # (Space without a colon read one way: "\s*:?\s*" splits a run of spaces in as many ways
    # as it is long, and a match that fails after it tries them all.)
    r"|发布时间|發布時間|发布日期|發布日期|发表时间|發表時間|发布于|时间|時間|日期)\b\s*(?:[:：\-–—|]\s*)?",
    re.IGNORECASE,
)
# A date must name a year (before 年/년 too), or be numeric day-month-year. The pattern opens
# with the one digit every date starts with, so that the engine skips in C to the digits (a
# pattern that opens with alternatives is tried at every character: three times as slow);
# what that digit was and the word boundary before it are checked behind it ("(?<!\w\d)"
# after one digit is "\b" before it).
_HAS_DATE: Final = re.compile(
    r"\d(?:(?<!\w\d)(?:(?<=1)[89]\d\d\b|(?<=2)0\d\d\b|\d?[./-]\d{1,2}[./-]\d{2,4}\b)"
    r"|(?<=[12])(?<!\d\d)(?:(?<=1)[89]|(?<=2)0)\d\d(?=[年년]))"
)
_ISO: Final = re.compile(
    r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?)?(?:Z|[+-]\d\d:?\d\d)?"
)
# A date counted back from a moment the page does not give ("3 hours ago", "vor 3 Stunden",
# "yesterday, 19:02"), in the languages of the labels above.
_RELATIVE: Final = re.compile(
    rf"(?:(?:{DIGIT_RUN}|an?|one)\s(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?\sago"
    r"|il\sy\sa\s\d+\s(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|vor\s\d+\s(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)"
    rf"|{DIGIT_RUN}\s(?:seconden?|minuten?|uur|dag(?:en)?|weken?|maand(?:en)?|jaar)\sgeleden"
    r"|hace\s\d+\s(?:segundos?|minutos?|horas?|días?|semanas?|meses?|años?)"
    r"|há\s\d+\s(?:segundos?|minutos?|horas?|dias?|semanas?|meses|anos?)"
    rf"|{DIGIT_RUN}\s(?:secondi|minuti|or[ae]|giorni|settimane|mesi|anni)\sfa"
    r"|just\snow|yesterday|today|gisteren|vandaag|hier|aujourd['’]hui|gestern|heute|ayer|hoy|ieri"
    r"|oggi)(?:,?\s+(?:at\s|om\s|um\s|à\s|a\slas\s)?\d{1,2}[:.h]\d\d(?:\s?[ap]\.?m\.?)?(?:\suhr)?)?",
    re.IGNORECASE,
)
_TOKEN: Final = re.compile(r"[^\W\d_]+", re.UNICODE)
# Words a date line may hold besides the date itself.
_DATE_WORDS: Final = frozenset(
    word.lower()
    for names in (*MONTH_NAMES, *WEEKDAY_NAMES)
    for word in names
) | frozenset(
    {"at", "on", "of", "the", "am", "pm", "a", "p", "m", "h", "de", "le", "om", "um", "den",
     "der", "el", "del", "du", "à", "às", "las", "la", "uhr", "het", "st", "nd", "rd", "th",
     "t", "z", "utc", "gmt", "feira", "r", "o", "godz", "kl", "klo", "alle", "ore", "в", "г",
     "года"}
    | {zone.lower() for zone in (*_ZONES, *_REGIONS)}
    # Chinese, Japanese and Korean: year, month, day, hour, minute, morning and afternoon,
    # and the weekdays ("(火)", "星期二", "화요일").
    | set("年月日時时分년월일시분火水木金土") | {"午前", "午後", "上午", "下午", "오전", "오후"}
    | {f"{prefix}{day}" for prefix in ("星期", "周") for day in "一二三四五六日天"}
    | {f"{day}요일" for day in "월화수목금토일"} | set("一二三四五六天월화수목금토")
)  # fmt: skip
_DEFAULTS: Final = (datetime(2000, 1, 1), datetime(2001, 2, 2))


def parse_date_line(line: str) -> DateLine | None:
    """What ``line`` says when it only states a date ("22 Feb, 2022 19:02", "Updated: ...").

    Returns ``None`` for a line that is anything else, so a date inside a sentence is never
    taken for the line's date. A line that is only a relative date ("3 hours ago") gives a
    :class:`DateLine` without a value. A time with an offset or a known zone abbreviation is
    timezone-aware; otherwise it is naive. Numeric dates are read day first (``03.04.2022``
    is 3 April), unless the first number cannot be a day.
    """
    text = line.strip(" \t|·•-–—[]")
    if not text or len(text) > _MAX_LINE:
        return None
    kind: Literal["published", "modified"] = "published"
    label = _LABEL.match(text)
    labelled = False
    if label is not None:
        if label.group("modified"):
            kind = "modified"
        labelled = label.group(0).strip(" :-–—|").lower() != "on"
        text = text[label.end() :].strip(" []")  # "기사입력 :[ 2018-08-25 15:24 ]"
    if _RELATIVE.fullmatch(text.strip(" .")):
        return DateLine(kind=kind, value=None, labelled=labelled)
    if not _HAS_DATE.search(text):
        return None
    iso = _ISO.fullmatch(text.strip())
    if iso is not None:
        value = parse_iso_datetime(iso.group(0))
        return DateLine(kind=kind, value=value, labelled=labelled) if value is not None else None
    leftovers = [word for word in _TOKEN.findall(text) if word.lower() not in _DATE_WORDS]
    if leftovers:
        return None  # words that are not part of a date: a sentence, not a date line
    value = _parse_loose(text)
    return DateLine(kind=kind, value=value, labelled=labelled) if value is not None else None


def updated_at_time(line: str, published: datetime) -> datetime | None:
    """The update that ``line`` states by its time alone, on the day of ``published``.

    "modifié à 10h30" after "Publié le 14 mars 2023 à 08h45": 14 March 2023, 10:30, in the
    publication's zone. ``None`` when the line is not an update label and a time.
    """
    label = _UPDATE_AT.fullmatch(line.strip(" .,"))
    if label is None:
        return None
    hour, minute = int(label.group("hour")), int(label.group("minute"))
    ampm = (label.group("ampm") or "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return published.replace(hour=hour, minute=minute, second=0, microsecond=0)


_UPDATE_AT: Final = re.compile(
    rf"(?:{UPDATE_LABEL})\s*(?:[:\-–—|]\s*)?(?P<hour>\d{{1,2}})[:.h](?P<minute>\d\d)"
    r"\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*uhr)?(?:\s+[A-Z]{2,5})?",  # the zone is the publication's
    re.IGNORECASE,
)


def _parse_loose(text: str) -> datetime | None:
    zone: tzinfo | None = None
    found = _ZONE.search(text)
    if found is not None:
        zone = _zone(found.group(1))
        # Every zone goes ("4:05 pm PT / 7:05 pm ET"): dateutil warns of the ones it does not know.
        text = _ZONE.sub(" ", text)
    text = _YEAR_WORD.sub("", text)
    value = _parse_common(text.strip(" ,."))
    if value is None:
        value = _parse_with_dateutil(text)
    if value is not None and zone is not None and value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value


# "2023 г.", "2023 года" (Russian), "2023 r." (Polish): the word "year" after the year.
_YEAR_WORD: Final = re.compile(r"(?<=\d{4})\s+(?:г|года|r)\.?(?=$|,|\s)")


def _zone(name: str) -> tzinfo | None:
    """The zone an abbreviation names: a fixed offset, or a US region's rules (ET, PT...)."""
    region = _REGIONS.get(name)
    if region is None:
        return timezone(timedelta(seconds=_ZONES[name]))
    try:
        return ZoneInfo(region)
    except (ZoneInfoNotFoundError, ValueError):
        return None  # no time-zone database on this machine: the time stays naive


_MONTH_NUMBERS: Final = {
    name.lower(): number for number, names in enumerate(MONTH_NAMES, start=1) for name in names
}
# "Mon.", "segunda-feira,". A word that opens a pattern is read from its first letter (as the
# month of "March 14, 2023" is): tried from every letter of a long word, a search is quadratic,
# and from inside a word it cannot match first.
_WEEKDAY: Final = r"(?:(?<![^\W\d_])[^\W\d_]+(?:-[^\W\d_]+)?\.?,?\s+)?"
_MONTH_WORD: Final = r"(?<![^\W\d_])(?P<month>[^\W\d_]+)"
_TIME: Final = (
    r"(?:,?\s+(?:at\s+|om\s+|um\s+|à\s+|às\s+|a\s+las?\s+|alle\s+(?:ore\s+)?|ore\s+|o\s+|kl\.?\s+"
    r"|klo\s+|godz\.?\s+|в\s+|[-|•·/]\s+)?(?P<hour>\d{1,2})[:.h](?P<minute>\d\d)"
    r"(?::(?P<second>\d\d))?\s*(?P<ampm>[ap]\.?m\.?)?(?:\s*(?:uhr|h))?)?"
)
# The forms news sites print most: "22 Feb, 2022 19:02", "February 22, 2022 at 7:02 pm",
# "22.02.2022 19:02". Anything else goes to dateutil, which is slower.
_COMMON: Final = (
    re.compile(
        _WEEKDAY + r"(?P<day>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+)?(?P<month>[^\W\d_]+)\.?,?"
        r"\s+(?:de\s+)?(?P<year>\d{4})" + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        _WEEKDAY
        + _MONTH_WORD
        + r"\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
        + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        _WEEKDAY + r"(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})" + _TIME,
        re.IGNORECASE,
    ),
)


# Year first: "2023年3月14日 10:30" (Chinese, Japanese), "2023년 3월 14일" (Korean),
# "2023. március 14." (Hungarian), "2023/03/14 10:30", "2023.03.14." (East Asia, Hungary).
_YEAR_FIRST: Final = (
    re.compile(
        r"(?P<year>\d{4})\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*(?P<day>\d{1,2})\s*[日일]"
        r"(?:\s*(?!午前|午後|上午|下午|오전|오후)[(（]?[^\W\d_]{1,3}[)）]?)?"  # "(火)", "화요일"
        r"(?:\s*(?P<half>午前|午後|上午|下午|오전|오후)?\s*(?P<hour>\d{1,2})\s*[:時时시]\s*"
        r"(?P<minute>\d\d)\s*[分분]?)?"
    ),
    re.compile(
        r"(?P<year>\d{4})\.?\s+(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})\.?" + _TIME,
        re.IGNORECASE,
    ),
    re.compile(r"(?P<year>\d{4})[./](?P<month>\d{1,2})[./](?P<day>\d{1,2})\.?" + _TIME),
)
_AFTERNOON: Final = frozenset({"午後", "下午", "오후"})


def _parse_common(text: str) -> datetime | None:
    for pattern in _YEAR_FIRST if text[:4].isdigit() else _COMMON:
        match = pattern.fullmatch(text)
        if match is not None:
            return _datetime_of(match.groupdict())
    return None


def _datetime_of(groups: dict[str, str | None]) -> datetime | None:
    """The datetime the named groups of a :data:`_COMMON` or :data:`_YEAR_FIRST` match give."""
    raw_month = groups["month"] or ""
    month = int(raw_month) if raw_month.isdigit() else _MONTH_NUMBERS.get(raw_month.lower())
    if month is None:
        return None
    day, year = int(groups["day"] or 0), int(groups["year"] or 0)
    if month > 12 and day <= 12:
        day, month = month, day  # 02/22/2022: the first number cannot be the day
    hour = int(groups.get("hour") or 0)
    ampm = (groups.get("ampm") or "").lower()
    if (ampm.startswith("p") or groups.get("half") in _AFTERNOON) and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    try:
        return datetime(
            year, month, day, hour, int(groups.get("minute") or 0), int(groups.get("second") or 0)
        )
    except ValueError:
        return None


def _tzinfo(name: str | None, offset: int | None) -> tzinfo | None:
    """The zone dateutil found in a text: its offset, or none (not a warning) for a name."""
    return timezone(timedelta(seconds=offset)) if offset is not None else None


def _parse_with_dateutil(text: str) -> datetime | None:
    results = []
    for default in _DEFAULTS:
        try:
            results.append(
                dateutil_parser.parse(
                    text, parserinfo=_INFO, dayfirst=True, default=default, tzinfos=_tzinfo
                )
            )
        except (ValueError, ArithmeticError):  # minutes of 29 digits: decimal.InvalidOperation
            return None
    first, second = results
    # Both placeholders must have been overwritten: the text named year, month and day.
    if (first.year, first.month, first.day) != (second.year, second.month, second.day):
        return None
    return first
