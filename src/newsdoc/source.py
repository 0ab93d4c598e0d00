"""Reading input: paths and bytes in, size limits enforced, gzip undone."""

from __future__ import annotations

import contextlib
import gzip
import os
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO, Final

from newsdoc.codes import SOURCE_GZIP_TRAILING_DATA
from newsdoc.errors import LimitExceededError, ParseError, source_label
from newsdoc.limits import Limits
from newsdoc.model import ParseWarning
from newsdoc.registry import ByteStream

__all__ = [
    "GZIP_MAGIC",
    "check_size",
    "gunzip_if_needed",
    "head_of",
    "open_stream",
    "read_head",
    "read_path",
    "sniff_name",
]

GZIP_MAGIC: Final = b"\x1f\x8b"
_CHUNK: Final = 1 << 20
# The first piece of a gzip member fed to zlib; the pieces double up to _CHUNK.
_FIRST_STEP: Final = 512
_NOT_ZERO: Final = re.compile(rb"[^\x00]")


def read_path(path: str | os.PathLike[str], limits: Limits) -> bytes:
    """Read a file's bytes, refusing more than ``limits.max_bytes``.

    Raises:
        LimitExceededError: The file is larger than the limit.
        OSError: The file cannot be opened or read.
    """
    label = os.fspath(path)
    with open(path, "rb") as handle:
        # A regular file's size is known: refuse it before reading, not after.
        size = os.fstat(handle.fileno()).st_size
        if size > limits.max_bytes:
            raise _too_big(label, limits, "the file")
        # Read what the size says, then on to the end: a file may grow, and pipes and devices
        # have no size. (One read of max_bytes would allocate that much for every small file.)
        pieces = [handle.read(size + 1)] if size else []
        total = len(pieces[0]) if pieces else 0
        while total <= limits.max_bytes:
            chunk = handle.read(min(_CHUNK, limits.max_bytes + 1 - total))
            if not chunk:
                break
            pieces.append(chunk)
            total += len(chunk)
    if total > limits.max_bytes:
        raise _too_big(label, limits, "the file")
    return pieces[0] if len(pieces) == 1 else b"".join(pieces)


def read_head(path: str | os.PathLike[str], size: int, limits: Limits) -> bytes:
    """The first ``size`` bytes of a file's content, decompressing the start of gzip data.

    For detection, which needs only the start: a large file is not read whole.
    """
    with open(path, "rb") as handle:
        head = handle.read(size)
    return head_of(head, size, os.fspath(path), limits)


def head_of(head: bytes, size: int, label: str, limits: Limits) -> bytes:
    """The first ``size`` bytes of content that starts with ``head``, gzip undone.

    Raises:
        ParseError: ``head`` is gzip data that is broken from its start.
    """
    head = head[:size]
    if not head.startswith(GZIP_MAGIC):
        return head
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        return decompressor.decompress(head, min(size, limits.max_decompressed_bytes))
    except zlib.error as exc:
        raise _broken(label, exc) from None


def _too_big(source: str | None, limits: Limits, what: str) -> LimitExceededError:
    msg = (
        f"{source_label(source)}: {what} is larger than limits.max_bytes "
        f"({limits.max_bytes:,} bytes)"
    )
    return LimitExceededError(msg, source=source, limit="max_bytes")


def check_size(data: bytes, source: str | None, limits: Limits) -> None:
    """Refuse ``data`` when it is larger than ``limits.max_bytes``."""
    if len(data) > limits.max_bytes:
        raise _too_big(source, limits, "the input")


def gunzip_if_needed(
    data: bytes, label: str, limits: Limits
) -> tuple[bytes, tuple[ParseWarning, ...]]:
    """Decompress gzip data (recognised by its magic bytes); return other data unchanged.

    Concatenated gzip members are all decompressed, as ``gzip`` itself does; bytes after the
    last member that are not another member are dropped with a ``source.gzip-trailing-data``
    warning.

    Raises:
        LimitExceededError: The data would expand beyond ``limits.max_decompressed_bytes``.
        ParseError: The gzip stream is broken or truncated.
    """
    if not data.startswith(GZIP_MAGIC):
        return data, ()
    budget = limits.max_decompressed_bytes
    # One growing buffer, not a list of chunks: a member of a few bytes would cost a bytes
    # object of ~40 bytes each (tiny members took 19 times their expanded size).
    expanded = bytearray()
    view = memoryview(data)
    position = 0
    while position < len(data):
        decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        # A member's input is fed in growing steps, not as the whole rest of the data: zlib
        # copies what follows a member's end into unused_data, and with the rest given at
        # once that copy was made once per member (300,000 one-byte members took 37 s).
        step = _FIRST_STEP
        try:
            while not decompressor.eof:
                if position >= len(data):
                    msg = f"{label}: truncated gzip data (the stream ends before its last block)"
                    raise ParseError(msg, source=label)
                piece = view[position : position + step]
                position += len(piece)
                step = min(step * 2, _CHUNK)
                # Decompress in bounded steps: a gzip bomb must not expand in one call.
                chunk = decompressor.decompress(piece, _CHUNK)
                while True:
                    if len(expanded) + len(chunk) > budget:
                        raise _expands_too_far(label, budget)
                    expanded += chunk
                    if decompressor.eof or not decompressor.unconsumed_tail:
                        break
                    chunk = decompressor.decompress(decompressor.unconsumed_tail, _CHUNK)
        except zlib.error as exc:
            raise _broken(label, exc) from None
        position -= len(decompressor.unused_data)
        # Padding of zero bytes between members is allowed, as gzip itself allows it.
        found = _NOT_ZERO.search(data, position)
        position = found.start() if found else len(data)
        if position < len(data) and not data.startswith(GZIP_MAGIC, position):
            warning = SOURCE_GZIP_TRAILING_DATA(
                (f"{len(data) - position:,} bytes after the end of the gzip data were ignored"),
            )
            return bytes(expanded), (warning,)
    return bytes(expanded), ()


def sniff_name(label: str | None) -> str | None:
    """The file name a sniff function sees: the base name, without a ``.gz`` ending."""
    if label is None:
        return None
    name = os.path.basename(label)
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return name or None


class _Expanding:
    """A gzip file's content as a stream, refused past ``limits.max_decompressed_bytes``."""

    def __init__(self, raw: BinaryIO, label: str, limits: Limits) -> None:
        self._gzip = gzip.GzipFile(fileobj=raw, mode="rb")
        self._label = label
        self._budget = limits.max_decompressed_bytes
        self._expanded = 0

    def _count(self, data: bytes) -> bytes:
        self._expanded += len(data)
        if self._expanded > self._budget:
            raise _expands_too_far(self._label, self._budget)
        return data

    def read(self, size: int = -1, /) -> bytes:
        try:
            return self._count(self._gzip.read(size))
        except (OSError, EOFError, zlib.error) as exc:
            raise _broken(self._label, exc) from None

    def readline(self, size: int = -1, /) -> bytes:
        try:
            return self._count(self._gzip.readline(size))
        except (OSError, EOFError, zlib.error) as exc:
            raise _broken(self._label, exc) from None


def _broken(label: str, exc: BaseException) -> ParseError:
    return ParseError(f"{label}: broken gzip data ({exc or type(exc).__name__})", source=label)


def _expands_too_far(label: str, budget: int) -> LimitExceededError:
    msg = f"{label}: gzip data expands beyond limits.max_decompressed_bytes ({budget:,} bytes)"
    return LimitExceededError(msg, source=label, limit="max_decompressed_bytes")


@contextlib.contextmanager
def open_stream(path: str | os.PathLike[str], limits: Limits) -> Iterator[ByteStream]:
    """The content of a file as a stream: gzip undone as it is read, within the limits."""
    label = os.fspath(path)
    with open(path, "rb") as raw:
        if raw.peek(2)[:2] == GZIP_MAGIC:
            yield _Expanding(raw, label, limits)
        else:
            yield raw
