#!/usr/bin/env python3
"""Fuzz ``newsdoc.loads_all(data, format="ninjs")``: ninjs items of every version, lists of them.

Random bytes are seldom JSON: seed with the format's fixtures, whose mutations are (a field of
another type, a list cut off, a body's content type renamed, an association without renditions).

Run: ``python fuzz/fuzz_ninjs.py fuzz/corpus/ninjs tests/fixtures/ninjs -runs=1000000`` (README).
"""

from __future__ import annotations

from _common import check, documents, fuzz, newsdoc


def test_one(data: bytes) -> None:
    """Parse ``data`` as ninjs and check every document."""
    for document in documents(lambda: newsdoc.loads_all(data, format="ninjs")):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
