"""Reading a WARC file record by record, with FastWARC, in flat memory.

FastWARC (the optional extra ``newsdoc[warc]``) frames the records, undoes gzip and reads the
WARC headers; :mod:`newsdoc.archive.http` reads each response's HTTP message. Neither
FastWARC nor warcio goes on after a corrupt gzip member or a malformed record, so this module
does: it reports the record as :class:`Broken`, finds the next gzip member (or WARC version
line, in a plain file) that starts a record, and reads on from there.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Generator, Iterator
from types import ModuleType
from typing import IO, TYPE_CHECKING, Final

import attrs

from newsdoc.archive.http import HttpProblem, decoded_body, parse_response
from newsdoc.archive.records import Broken, Member, Skipped
from newsdoc.errors import MissingDependencyError
from newsdoc.limits import Limits
from newsdoc.source import GZIP_MAGIC

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

__all__ = ["iter_members", "iter_stream"]

Item = Member | Skipped | Broken

#: The longest WARC header section FastWARC reads before it calls the record malformed.
MAX_WARC_HEADER_BYTES: Final = 64 * 1024
_HTML_TYPES: Final = frozenset({"text/html", "application/xhtml+xml"})
_TYPES: Final = {
    2: "warcinfo",
    4: "response",
    8: "resource",
    16: "request",
    32: "metadata",
    64: "revisit",
    128: "conversion",
    256: "continuation",
}
_SCAN: Final = 1 << 20
_PLAIN_START: Final = re.compile(rb"(?:^|\n)(WARC/(?:1\.[01]|0\.1[78])\r?\n)")


def _fastwarc(label: str) -> ModuleType:
    try:
        import fastwarc.warc
    except ImportError:
        msg = f'{label}: reading a web archive (WARC) needs FastWARC: pip install "newsdoc[warc]"'
        raise MissingDependencyError(msg, source=label, package="fastwarc") from None
    return fastwarc.warc


def iter_members(path: str | os.PathLike[str], *, limits: Limits) -> Iterator[Item]:
    """Every record of the WARC (or WARC.gz) file at ``path``, in order, as it is read.

    Only one record is held in memory at a time, and no more of it than ``limits.max_bytes``.

    Args:
        path: The archive, plain or gzip-compressed (one member per record or one for all).
        limits: ``max_bytes`` caps a record's block; ``max_decompressed_bytes`` what its
            HTTP body may expand to.

    Yields:
        A :class:`Member` for each HTML response, a :class:`Skipped` for each other record,
        a :class:`Broken` for each record that cannot be read.

    Raises:
        MissingDependencyError: FastWARC is not installed.
        OSError: The file cannot be opened.
    """
    label = os.fspath(path)
    _fastwarc(label)  # now, not at the first record
    return _from_file(path, label, limits)


def _from_file(path: str | os.PathLike[str], label: str, limits: Limits) -> Iterator[Item]:
    with open(path, "rb") as handle:
        yield from iter_stream(handle, label, limits=limits)


def iter_stream(stream: IO[bytes], label: str, *, limits: Limits) -> Iterator[Item]:
    """Like :func:`iter_members`, for an open, seekable binary stream named ``label``.

    Raises:
        MissingDependencyError: FastWARC is not installed.
    """
    return _records(_fastwarc(label), stream, label, limits)


def _records(module: ModuleType, stream: IO[bytes], label: str, limits: Limits) -> Iterator[Item]:
    stream.seek(0)
    packed = stream.read(2) == GZIP_MAGIC
    start: int | None = 0
    while start is not None:
        stream.seek(start)
        start = yield from _read_from(module, stream, label, packed, limits)


def _read_from(
    module: ModuleType, stream: IO[bytes], label: str, packed: bool, limits: Limits
) -> Generator[Item, None, int | None]:
    """Read on from the stream's position; return where to resynchronise, or ``None`` at the end."""
    records = iter(
        module.ArchiveIterator(
            stream, parse_http=False, max_header_len=MAX_WARC_HEADER_BYTES, quirks_mode=False
        )
    )
    last: int | None = None
    origin = stream.tell()
    while True:
        try:
            record = next(records)
        except StopIteration:
            return None
        except OSError as exc:
            at = _end_of(stream, last, packed) if last is not None else origin
            yield Broken(source=f"{label}#{at}", message=f"the record is unreadable ({exc})")
            return _next_start(stream, at + 1, packed)
        offset: int = record.stream_pos
        last = offset
        source = f"{label}#{offset}"
        try:
            item = _item(record, source, limits)
        except OSError as exc:
            item = _Framing(source=source, message=f"the record is unreadable ({exc})")
        if isinstance(item, _Framing):
            # The record's framing cannot be trusted (a short read, a length past the limits):
            # what follows is found again by looking, not by believing its Content-Length.
            yield Broken(source=item.source, message=item.message)
            return _next_start(stream, offset + 1, packed)
        yield item


@attrs.frozen(kw_only=True)
class _Framing(Broken):
    """A Broken record after which the archive must be resynchronised."""


def _item(record: WarcRecord, source: str, limits: Limits) -> Item:
    kind = _TYPES.get(int(record.record_type), "other")
    if kind != "response":
        return Skipped(source=source, reason=kind)
    headers = record.headers
    if "application/http" not in (headers.get("Content-Type") or "application/http").lower():
        return Skipped(source=source, reason="not-http")
    length: int = record.content_length
    if length > limits.max_bytes + MAX_WARC_HEADER_BYTES:
        return _Framing(
            source=source,
            message=(
                f"the record's block ({length:,} bytes) is larger than limits.max_bytes "
                f"({limits.max_bytes:,} bytes)"
            ),
        )
    reader = record.reader
    block: bytes = reader.read(length) if reader is not None and length else b""
    if len(block) < length:
        return _Framing(
            source=source,
            message=f"the record is truncated ({len(block):,} of its {length:,} bytes)",
        )
    try:
        response = parse_response(block)
    except HttpProblem as exc:
        return Broken(source=source, message=str(exc))
    del block
    if len(response.body) > limits.max_bytes:
        return Broken(
            source=source,
            message=(
                f"the HTTP body ({len(response.body):,} bytes) is larger than "
                f"limits.max_bytes ({limits.max_bytes:,} bytes)"
            ),
        )
    reason = _skip_reason(response.status)
    content_type, charset = response.media_type()
    if reason is None and content_type is not None and content_type not in _HTML_TYPES:
        reason = "not-html"
    if reason is not None:
        return Skipped(source=source, reason=reason)
    try:
        payload = decoded_body(response, limits)
    except HttpProblem as exc:
        return Broken(source=source, message=str(exc))
    if not payload.strip():
        return Skipped(source=source, reason="empty")
    return Member(
        source=source,
        payload=payload,
        url=(headers.get("WARC-Target-URI") or "").strip("<> ") or None,
        fetched=headers.get("WARC-Date") or None,
        record_id=headers.get("WARC-Record-ID") or None,
        charset=charset,
        content_type=content_type,
    )


def _skip_reason(status: int) -> str | None:
    if 200 <= status < 300:
        return "empty" if status in (204, 205) else None
    return "redirect" if 300 <= status < 400 else "http-error"


def _end_of(stream: IO[bytes], offset: int, packed: bool) -> int:
    """Where the record (or gzip member) that starts at ``offset`` ends.

    ``offset + 1`` when that cannot be told.
    """
    stream.seek(offset)
    if packed:
        decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        read = 0
        try:
            while not decompressor.eof:
                piece = stream.read(64 * 1024)
                if not piece:
                    return offset + 1
                read += len(piece)
                while True:  # bounded steps: the member's text is not kept
                    decompressor.decompress(piece, _SCAN)
                    piece = decompressor.unconsumed_tail
                    if decompressor.eof or not piece:
                        break
        except zlib.error:
            return offset + 1
        return offset + read - len(decompressor.unused_data)
    head = stream.read(MAX_WARC_HEADER_BYTES)
    end = head.find(b"\r\n\r\n")
    found = re.search(rb"\ncontent-length:[ \t]*(\d{1,18})", head[:end], re.IGNORECASE)
    if end < 0 or found is None:
        return offset + 1
    at = offset + end + 4 + int(found.group(1))
    stream.seek(at)
    trailer = stream.read(4)
    return at + len(trailer) - len(trailer.lstrip(b"\r\n"))


def _next_start(stream: IO[bytes], position: int, packed: bool) -> int | None:
    """The offset of the first record that starts at or after ``position``, or ``None``."""
    while True:
        stream.seek(position)
        window = stream.read(_SCAN + 64)
        if len(window) < 4:
            return None
        if packed:
            found = window.find(GZIP_MAGIC + b"\x08", 0, _SCAN + 2)  # magic that starts < _SCAN
            if found < 0:
                position += min(_SCAN, len(window))
                continue
            if _starts_record(window[found:], stream, position + found):
                return position + found
            position += found + 1
            continue
        match = _PLAIN_START.search(window, 0, _SCAN + 32)
        if match is None:
            if len(window) <= _SCAN:
                return None
            position += _SCAN
            continue
        return position + match.start(1)


def _starts_record(window: bytes, stream: IO[bytes], at: int) -> bool:
    """Whether the gzip member at ``at`` starts with a WARC version line."""
    if len(window) < 512:
        stream.seek(at)
        window = stream.read(4096)
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        head = decompressor.decompress(window[:4096], 16)
    except zlib.error:
        return False
    return head.startswith(b"WARC/")
