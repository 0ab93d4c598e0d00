"""Dates as sources write them, to :class:`~datetime.datetime`."""

from __future__ import annotations

from datetime import datetime
from typing import Final

from dateutil import parser as dateutil_parser

__all__ = ["parse_iso_datetime"]

# Longer strings are not dates; refuse them before any parser sees them.
_MAX_LEN: Final = 64


def parse_iso_datetime(value: str) -> datetime | None:
    """Parse an ISO 8601 date or date-time; ``None`` when it is not one.

    Accepts a space instead of ``T``, a ``Z`` or numeric offset, and fractions of a second. The
    result is timezone-aware exactly when the text gives an offset.
    """
    text = value.strip()
    if not text or len(text) > _MAX_LEN:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dateutil_parser.isoparse(text)
    except (ValueError, OverflowError):
        return None
