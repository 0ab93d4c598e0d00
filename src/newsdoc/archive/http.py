"""An archived HTTP response: its status line and headers read, its body undone.

Bounded on hostile input: the header section must end within :data:`MAX_HEADER_BYTES`, a
chunked body is undone in one pass over bytes already in memory, and a compressed body never
expands past ``limits.max_decompressed_bytes``.
"""

from __future__ import annotations

import re
import zlib
from typing import Final

import attrs

from newsdoc.limits import Limits

__all__ = ["MAX_HEADER_BYTES", "HttpProblem", "HttpResponse", "decoded_body", "parse_response"]

#: The longest HTTP header section read (status line and headers).
MAX_HEADER_BYTES: Final = 64 * 1024
_STATUS_LINE: Final = re.compile(rb"HTTP/\d(?:\.\d)?[ \t]+(\d{3})\b")
_HEADER_END: Final = re.compile(rb"\r?\n\r?\n")
_CHUNK_SIZE: Final = re.compile(rb"[ \t]*([0-9A-Fa-f]{1,16})[ \t]*(?:;[^\r\n]{0,1024})?\r?\n")
# A "deflate" body is a zlib stream by the standard, a raw deflate stream by many servers.
_WBITS: Final = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": 0}
_PIECE: Final = 1 << 20


class HttpProblem(ValueError):
    """The HTTP response cannot be read: malformed, or over a limit (the message says which)."""


@attrs.frozen(kw_only=True)
class HttpResponse:
    """An HTTP response as archived.

    Attributes:
        status: The status code.
        headers: ``(name, value)`` pairs in order, names lower-case.
        body: The body as stored: still transfer- and content-encoded.
    """

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def header(self, name: str) -> str | None:
        """The value of the first header called ``name`` (lower-case), or ``None``."""
        for key, value in self.headers:
            if key == name:
                return value
        return None

    def media_type(self) -> tuple[str | None, str | None]:
        """The ``Content-Type``'s media type (lower-case, no parameters) and declared charset."""
        value = self.header("content-type")
        if value is None:
            return None, None
        kind, _, parameters = value.partition(";")
        charset = None
        for parameter in parameters.split(";"):
            key, _, found = parameter.partition("=")
            if key.strip().lower() == "charset":
                charset = found.strip().strip("\"'") or None
                break
        return kind.strip().lower() or None, charset


def parse_response(block: bytes) -> HttpResponse:
    """Read the status line and headers of the HTTP response ``block``.

    Raises:
        HttpProblem: No status line, or no end to the headers within :data:`MAX_HEADER_BYTES`.
    """
    status = _STATUS_LINE.match(block)
    if status is None:
        msg = f"the block is no HTTP response (it starts {block[:24]!r})"
        raise HttpProblem(msg)
    end = _HEADER_END.search(block, 0, MAX_HEADER_BYTES + 4)
    if end is None:
        if len(block) <= MAX_HEADER_BYTES and block.endswith((b"\n", b"\r\n")):
            end_at = body_at = len(block)  # headers and no body at all
        else:
            msg = f"the HTTP headers do not end within {MAX_HEADER_BYTES:,} bytes"
            raise HttpProblem(msg)
    else:
        end_at, body_at = end.start(), end.end()
    lines = block[:end_at].decode("latin-1").splitlines()[1:]
    headers: list[tuple[str, str]] = []
    for line in lines:
        if line[:1] in (" ", "\t") and headers:  # an obsolete folded continuation
            name, value = headers[-1]
            headers[-1] = (name, f"{value} {line.strip()}")
            continue
        name, colon, value = line.partition(":")
        if colon:
            headers.append((name.strip().lower(), value.strip()))
    return HttpResponse(status=int(status.group(1)), headers=tuple(headers), body=block[body_at:])


def decoded_body(response: HttpResponse, limits: Limits) -> bytes:
    """The body with its chunked transfer-encoding and its content-encodings undone.

    A body that declares chunked transfer-encoding but does not start with a chunk is taken
    as already de-chunked (crawlers often store it so and keep the header).

    Raises:
        HttpProblem: A broken chunked body or compressed stream, an encoding that cannot be
            undone (``br``, ``compress``), or a body that would expand past
            ``limits.max_decompressed_bytes``.
    """
    body = response.body
    transfer = _codings(response.header("transfer-encoding"))
    if transfer and transfer[-1] == "chunked":
        body = _dechunked(body)
    for coding in reversed(_codings(response.header("content-encoding"))):
        if coding == "identity":
            continue
        wbits = _WBITS.get(coding)
        if wbits is None:
            why = " (brotli has no decoder in Python's standard library)" if coding == "br" else ""
            msg = f"the body's content-encoding {coding!r} cannot be undone{why}"
            raise HttpProblem(msg)
        body = _inflated(body, coding, wbits, limits.max_decompressed_bytes)
    return body


def _codings(value: str | None) -> list[str]:
    if not value:
        return []
    return [part.strip().lower() for part in value.split(",") if part.strip()]


def _dechunked(body: bytes) -> bytes:
    first = _CHUNK_SIZE.match(body)
    if first is None:
        return body
    # One growing buffer: a list of a million three-byte chunks would cost far more than them.
    out = bytearray()
    position = 0
    while True:
        if position >= len(body) and out:
            return bytes(out)  # the last chunk is missing, but every chunk came whole
        size_line = _CHUNK_SIZE.match(body, position)
        if size_line is None:
            msg = f"the chunked body is malformed at byte {position:,}"
            raise HttpProblem(msg)
        size = int(size_line.group(1), 16)
        start = size_line.end()
        if size == 0:
            return bytes(out)  # trailers, if any, are of no use here
        if start + size > len(body):
            msg = f"the chunked body is truncated (a chunk of {size:,} bytes at {start:,})"
            raise HttpProblem(msg)
        out += memoryview(body)[start : start + size]
        position = start + size
        if body.startswith(b"\r\n", position):
            position += 2
        elif body.startswith(b"\n", position):
            position += 1


def _inflated(data: bytes, coding: str, wbits: int, budget: int) -> bytes:
    if coding == "deflate" and data[:1] != b"\x78":
        wbits = -zlib.MAX_WBITS  # a raw deflate stream, without the zlib header
    decompressor = zlib.decompressobj(wbits=wbits or zlib.MAX_WBITS)
    out = bytearray()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _PIECE):
            chunk = decompressor.decompress(view[start : start + _PIECE], budget + 1 - len(out))
            out += chunk
            while decompressor.unconsumed_tail and len(out) <= budget:
                out += decompressor.decompress(decompressor.unconsumed_tail, budget + 1 - len(out))
            if len(out) > budget:
                msg = (
                    f"the {coding} body expands beyond limits.max_decompressed_bytes "
                    f"({budget:,} bytes)"
                )
                raise HttpProblem(msg)
            if decompressor.eof:
                break
    except zlib.error as exc:
        msg = f"the {coding} body is broken ({exc})"
        raise HttpProblem(msg) from None
    if not decompressor.eof:
        msg = f"the {coding} body is truncated"
        raise HttpProblem(msg)
    return bytes(out)
