#!/usr/bin/env python3
"""Fuzz ``newsdoc.loads(data, format="text")``: every story of any bytes read as scraped text.

Run: ``python fuzz/fuzz_text.py fuzz/corpus/text tests/fixtures/text -runs=1000000`` (README).
"""

from __future__ import annotations

from _common import check, documents, fuzz, newsdoc


def test_one(data: bytes) -> None:
    """Parse ``data`` as text and check every story (``loads_all`` finishes each one)."""
    for document in documents(lambda: newsdoc.loads_all(data, format="text")):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
