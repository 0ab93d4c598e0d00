#!/usr/bin/env python3
"""Fuzz ``newsdoc.loads(data, format="feed")``: every item of any bytes read as a feed.

Run: ``python fuzz/fuzz_feed.py fuzz/corpus/feed tests/fixtures/feed -runs=1000000`` (README).
"""

from __future__ import annotations

from _common import check, documents, fuzz, newsdoc


def test_one(data: bytes) -> None:
    """Parse ``data`` as a feed and check every item (``loads_all`` finishes each one)."""
    for document in documents(lambda: newsdoc.loads_all(data, format="feed")):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
