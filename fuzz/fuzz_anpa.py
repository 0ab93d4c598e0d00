#!/usr/bin/env python3
"""Fuzz ``newsdoc.loads_all(data, format="anpa")``: any bytes read as agency wire text.

Run: ``python fuzz/fuzz_anpa.py fuzz/corpus/anpa tests/fixtures/anpa -runs=1000000`` (README).
"""

from __future__ import annotations

from _common import check, documents, fuzz, newsdoc


def test_one(data: bytes) -> None:
    """Parse ``data`` as wire text and check every story (``loads_all`` finishes each one)."""
    for document in documents(lambda: newsdoc.loads_all(data, format="anpa")):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
