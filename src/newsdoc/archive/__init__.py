"""Web archives (WARC, plain or gzip-compressed, as Common Crawl's CC-NEWS): their HTML pages.

Shared machinery: it imports no format. :func:`iter_members` streams an archive record by
record and yields each HTML response as a :class:`Member` (its HTTP body undone), every other
record as a :class:`Skipped`, and each record that cannot be read as a :class:`Broken`; the
load functions then send each member's payload down the usual road. Reading needs FastWARC,
the optional extra ``newsdoc[warc]``, imported only when an archive is read:
:func:`is_archive` and the records need nothing.
"""

from __future__ import annotations

from newsdoc.archive.records import (
    ARCHIVE_FORMAT,
    SKIP_REASONS,
    Broken,
    Member,
    Skipped,
    is_archive,
)
from newsdoc.archive.warc import iter_members, iter_stream

__all__ = [
    "ARCHIVE_FORMAT",
    "SKIP_REASONS",
    "Broken",
    "Member",
    "Skipped",
    "is_archive",
    "iter_members",
    "iter_stream",
]
