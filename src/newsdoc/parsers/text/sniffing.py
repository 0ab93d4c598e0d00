"""Whether some bytes are prose the text format should read, or structured data it must not.

The text format is the fallback for readable prose, so it claims with a low confidence, and it
never claims what is evidently structured data, even when no format reads it: JSON, markup (a
document that starts with ``<``, or whose bytes are mostly tags), an email's header block,
the control-character framing of agency wire copy (IPTC 7901, ANPA 1312), web archives and
binary data. Such a document gets :class:`~newsdoc.UnknownFormatError`, with what it looks
like, rather than a document of its noise.
"""

from __future__ import annotations

import re
from typing import Final

from newsdoc.analysis.rfc822 import header_names
from newsdoc.archive.records import is_archive

__all__ = ["sniff"]

_UTF8_BOM: Final = b"\xef\xbb\xbf"
_TAG: Final = re.compile(rb"</?[A-Za-z][A-Za-z0-9:-]{0,30}(?:\s[^<>]{0,300})?/?>")
_CONTROL_BYTES: Final = bytes([*range(9), 11, 12, *range(14, 32), 127])
_LETTER_BYTES: Final = bytes([*range(65, 91), *range(97, 123), *range(128, 256)])
# Wire framing: SOH opens a message's header, STX its text, ETX ends it; SYN may pad the start.
_SOH: Final = b"\x01"
_STX: Final = b"\x02"
_ETX: Final = b"\x03"
# The names of RFC 5322 and MIME header fields (an article's labels, "Author:", "Title:",
# "Source:", are not among them, and "Date:" alone is not enough).
_MAIL_HEADERS: Final = frozenset(
    {b"from", b"to", b"cc", b"bcc", b"subject", b"date", b"message-id", b"received",
     b"return-path", b"mime-version", b"content-type", b"content-transfer-encoding",
     b"reply-to", b"sender", b"delivered-to", b"in-reply-to", b"references", b"x-mailer"}
)  # fmt: skip
_MARKUP_SHARE: Final = 0.5
_TAG_WINDOW: Final = 8192


def sniff(head: bytes, name: str | None) -> float:
    """A low confidence for readable prose: the fallback when no other format claims the data.

    JSON, markup, email headers, wire copy, web archives and binary data are never claimed
    (see the module doc); prose with a few tags in it (an embedded post) is.
    """
    stripped = head.lstrip().removeprefix(_UTF8_BOM).lstrip()
    if not stripped or stripped[:1] in (b"{", b"[", b"<") or b"\x00" in head:
        return 0.0
    if is_archive(head):
        return 0.0  # a web archive: the load functions read its records
    if _wire_framed(head) or _mail_headers(stripped):
        return 0.0
    if _mostly_markup(head):
        return 0.0  # tag soup: HTML or XML without a proper start
    # Counted on bytes with C-speed translate(): bytes >= 0x80 are taken for letters, which
    # they are in UTF-8 and the Latin code pages that news is written in.
    size = len(head)
    controls = size - len(head.translate(None, _CONTROL_BYTES))
    if controls > 0.03 * size:
        return 0.0  # binary data
    visible = size - head.count(b" ") - head.count(b"\n")
    letters = size - len(head.translate(None, _LETTER_BYTES))
    if letters < 0.5 * visible:
        return 0.0  # mostly digits and symbols
    return 0.2


def _wire_framed(head: bytes) -> bool:
    """Agency wire copy: opened by SOH or STX (after SYN padding), or STX with SOH or ETX."""
    if head.lstrip(b" \t\r\n\x16")[:1] in (_SOH, _STX):
        return True
    return _STX in head and (_SOH in head or _ETX in head)


def _mail_headers(stripped: bytes) -> bool:
    """An RFC 5322 header block first.

    Three header lines or more before the first blank line, nothing else among them, and two
    or more of them the fields of a message.
    """
    names = header_names(stripped)
    return names is not None and len(names) >= 3 and len(_MAIL_HEADERS.intersection(names)) >= 2


def _mostly_markup(head: bytes) -> bool:
    """Tags make up half the visible bytes of the head's start (five tags or more)."""
    if head.count(b"<", 0, _TAG_WINDOW) < 5:
        return False
    tags = _TAG.findall(head, 0, _TAG_WINDOW)
    if len(tags) < 5:
        return False
    window = head[:_TAG_WINDOW]
    visible = len(window) - window.count(b" ") - window.count(b"\n")
    return sum(map(len, tags)) >= _MARKUP_SHARE * visible
