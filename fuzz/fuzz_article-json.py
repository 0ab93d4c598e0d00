#!/usr/bin/env python3
"""Fuzz ``newsdoc.loads_all(data, format="article-json")``: JSON-LD, producers' records, JSON Lines.

Random bytes are seldom JSON: seed with the format's fixtures, whose mutations are (a record
with a field of another type, a line cut off, a key renamed so that another producer's fits).

Run: ``python fuzz/fuzz_article-json.py fuzz/corpus/article-json tests/fixtures/article-json
-runs=1000000`` (README).
"""

from __future__ import annotations

from _common import check, documents, fuzz, newsdoc


def test_one(data: bytes) -> None:
    """Parse ``data`` as article JSON and check every document."""
    for document in documents(lambda: newsdoc.loads_all(data, format="article-json")):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
