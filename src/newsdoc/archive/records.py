"""What reading a web archive yields, record by record, and how an archive is recognised.

These records are plain data (picklable, so a batch runner can send them to worker processes);
this module imports no WARC library, so recognising an archive costs nothing.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

__all__ = ["ARCHIVE_FORMAT", "SKIP_REASONS", "Broken", "Member", "Skipped", "is_archive"]

#: The name :func:`newsdoc.detect` gives a web archive, and ``format=`` accepts for one.
ARCHIVE_FORMAT: Final = "warc"

# WARC/1.0 and 1.1 (ISO 28500), and the 0.17/0.18 drafts some old crawls still carry.
_VERSION_LINE: Final = re.compile(rb"WARC/(?:1\.[01]|0\.1[78])\r?\n")

#: Why a record is passed over, in the words :attr:`Skipped.reason` uses.
SKIP_REASONS: Final = {
    "warcinfo": "the archive's own description",
    "request": "the request the crawler sent",
    "metadata": "the crawler's notes on a record",
    "revisit": "a capture that repeats an earlier one, with no payload of its own",
    "resource": "a resource record (not an HTTP response)",
    "conversion": "a payload converted from another record",
    "continuation": "a piece of a record segmented across files",
    "other": "a record of a type WARC does not define",
    "not-http": "a response record whose block is no HTTP response",
    "redirect": "an HTTP redirect (status 3xx)",
    "http-error": "an HTTP error (status 4xx or 5xx), or another status without a page",
    "not-html": "the HTTP Content-Type is neither HTML nor missing (an image, a PDF...)",
    "empty": "the HTTP response has no body",
}


def is_archive(head: bytes) -> bool:
    """Whether ``head`` is the start of a WARC file (WARC/1.0, WARC/1.1 or 0.17/0.18).

    Args:
        head: The first bytes of the content, with gzip already undone (what
            ``newsdoc.source.read_head`` returns). A leading blank line is allowed.

    Returns:
        ``True`` when the content starts with a WARC version line. Cheap; never raises.
    """
    return _VERSION_LINE.match(head.lstrip(b"\r\n")[:16]) is not None


@attrs.frozen(kw_only=True)
class Member:
    """One HTML response record of an archive, its HTTP body undone and ready to parse.

    Attributes:
        source: ``"<path>#<offset>"``: the archive and the byte offset of the record in the
            file as stored (of its gzip member when the archive is compressed); seekable.
        payload: The HTTP body, de-chunked and content-decoded.
        url: The record's ``WARC-Target-URI``, or ``None``.
        fetched: The record's ``WARC-Date`` as written (ISO 8601), or ``None``.
        record_id: The record's ``WARC-Record-ID``, or ``None``.
        charset: The charset the HTTP ``Content-Type`` header declares, as written, or ``None``.
        content_type: The HTTP media type, lower-case without parameters, or ``None`` when the
            response states none.
    """

    source: str
    payload: bytes
    url: str | None = None
    fetched: str | None = None
    record_id: str | None = None
    charset: str | None = None
    content_type: str | None = None


@attrs.frozen(kw_only=True)
class Skipped:
    """A record that holds no page to read: counted, not a problem.

    Attributes:
        source: ``"<path>#<offset>"``, as for :class:`Member`.
        reason: One of the short words of ``newsdoc.archive.SKIP_REASONS`` (``"request"``,
            ``"not-html"``).
    """

    source: str
    reason: str


@attrs.frozen(kw_only=True)
class Broken:
    """A record that cannot be read.

    A corrupt gzip member, a truncated record, a payload over a limit, a malformed header.
    Reading goes on after it when the archive can be resynchronised (at the next gzip member
    or WARC version line); a truncated end is one :class:`Broken` and the end.

    Attributes:
        source: ``"<path>#<offset>"``, as for :class:`Member`.
        message: What is wrong, naming the limit when one was passed.
    """

    source: str
    message: str
