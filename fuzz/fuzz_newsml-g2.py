#!/usr/bin/env python3
"""Fuzz ``newsdoc.loads_all(data, format="newsml-g2")``: any bytes read as NewsML-G2 items.

Run: ``python fuzz/fuzz_newsml-g2.py fuzz/corpus/newsml-g2 tests/fixtures/newsml-g2
-runs=1000000`` (README).
"""

from __future__ import annotations

from _common import check, documents, fuzz, newsdoc


def test_one(data: bytes) -> None:
    """Parse ``data`` as NewsML-G2 and check every document (``loads_all`` finishes each)."""
    for document in documents(lambda: newsdoc.loads_all(data, format="newsml-g2")):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
