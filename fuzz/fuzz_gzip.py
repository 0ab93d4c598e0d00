#!/usr/bin/env python3
"""Fuzz gzip input: ``loads_all`` of gzip members built from the fuzzer's bytes, and ``detect``.

Random bytes are almost never gzip, so the input is a recipe:

- byte 0: the number of members (1 to 4), whether to cut the stream short, whether to add
  bytes that are not gzip after it (or zero padding), and whether to lower
  ``Limits.max_decompressed_bytes`` to byte 1 times 64;
- the rest, split on ``0xFE``: the members' contents, then the trailing bytes.

The same bytes are written to a file for :func:`newsdoc.detect`, which reads only the head of
the file and decompresses its start (``source.read_head``: a separate gzip path). The file is
in a temporary directory of its own, left behind (it holds one small file).

Run: ``python fuzz/fuzz_gzip.py fuzz/corpus/gzip fuzz/seeds/gzip -runs=1000000``.
"""

from __future__ import annotations

import contextlib
import gzip
import tempfile
from pathlib import Path

from _common import check, documents, fuzz, newsdoc

_FILE = Path(tempfile.mkdtemp(prefix="newsdoc-fuzz-gzip-")) / "input.gz"


def _stream(data: bytes) -> tuple[bytes, newsdoc.Limits]:
    flags = data[0] if data else 0
    budget = data[1] if len(data) > 1 else 0
    parts = data[2:].split(b"\xfe")
    members = (flags & 3) + 1
    stream = b"".join(gzip.compress(part, compresslevel=1, mtime=0) for part in parts[:members])
    rest = parts[members:]
    if flags & 4:
        stream = stream[: len(stream) - 1 - budget % 16]
    if flags & 8:
        stream += b"".join(rest) if rest else b"\x00" * (budget % 5)
    limits = newsdoc.Limits(max_decompressed_bytes=64 * budget + 1) if flags & 16 else None
    return stream, limits or newsdoc.Limits()


def newsdoc_input(data: bytes) -> bytes:
    """The gzip stream the harness gives newsdoc (fuzz/replay.py saves it; limits aside)."""
    return _stream(data)[0]


def test_one(data: bytes) -> None:
    """Load the gzip stream from memory and from a file, and detect its format."""
    stream, limits = _stream(data)
    for document in documents(lambda: newsdoc.loads_all(stream, limits=limits)):
        check(document)
    _FILE.write_bytes(stream)
    with contextlib.suppress(newsdoc.NewsdocError):
        newsdoc.detect(_FILE, limits=limits)


if __name__ == "__main__":
    fuzz(test_one)
