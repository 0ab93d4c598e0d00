#!/usr/bin/env python3
"""Fuzz web archives: ``loads_all(data, format="warc")`` of a WARC built from the fuzzer's bytes.

Random bytes are almost never a WARC, so the input is a recipe:

- byte 0: whether each record is its own gzip member, whether to cut the archive short,
  whether to overwrite a stretch of it with zero bytes, and whether to lower
  ``Limits.max_bytes`` to byte 1 times 64;
- byte 1: how far each record's stated ``Content-Length`` is off (0 for none);
- the rest, split on ``0xFE``: the records, each an HTTP response whose first byte picks its
  WARC type (response, request, metadata, revisit) and whose other bytes are its HTTP block
  (status line, headers, body as the fuzzer writes them; its first record a page of HTML).

The archive is read from memory (``iter_stream`` over a seekable buffer), record by record:
every page must come out as a document that keeps the promises (``invariants.check``), and
nothing but :class:`newsdoc.NewsdocError` may be raised. Needs the ``warc`` extra (FastWARC).

Run: ``python fuzz/fuzz_warc.py fuzz/corpus/warc fuzz/seeds/warc -runs=1000000``.
"""

from __future__ import annotations

import gzip

from _common import check, documents, fuzz, newsdoc

_TYPES = (b"response", b"request", b"metadata", b"revisit")
_PAGE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
    b"<html><head><title>A page</title></head><body><p>Some words of a story.</p></body></html>"
)


def _archive(data: bytes) -> tuple[bytes, newsdoc.Limits]:
    flags = data[0] if data else 0
    skew = data[1] if len(data) > 1 else 0
    blocks = [_PAGE, *data[2:].split(b"\xfe")]
    records = []
    for number, block in enumerate(blocks):
        kind = _TYPES[block[0] % len(_TYPES)] if block and number else b"response"
        body = block[1:] if number else block
        length = max(0, len(body) + (skew % 7) - 3) if skew else len(body)
        header = (
            b"WARC/1.1\r\nWARC-Type: " + kind + b"\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
            % number
            + b"WARC-Target-URI: https://fuzz.example/"
            + str(number).encode()
            + b"\r\n"
            b"WARC-Date: 2024-05-01T12:00:00Z\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(length).encode() + b"\r\n\r\n"
        )
        record = header + body + b"\r\n\r\n"
        records.append(gzip.compress(record, compresslevel=1, mtime=0) if flags & 1 else record)
    archive = b"".join(records)
    if flags & 2:
        archive = archive[: max(1, len(archive) - 1 - skew)]
    if flags & 4 and len(archive) > 40:
        middle = len(archive) // 2
        archive = archive[:middle] + b"\x00" * 16 + archive[middle + 16 :]
    limits = newsdoc.Limits(max_bytes=64 * (data[1] if len(data) > 1 else 0) + 1)
    return archive, limits if flags & 8 else newsdoc.Limits()


def newsdoc_input(data: bytes) -> bytes:
    """The archive the harness gives newsdoc (fuzz/replay.py saves it; limits aside)."""
    return _archive(data)[0]


def test_one(data: bytes) -> None:
    """Read the archive from memory, every page of it."""
    archive, limits = _archive(data)
    for document in documents(lambda: newsdoc.loads_all(archive, format="warc", limits=limits)):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
