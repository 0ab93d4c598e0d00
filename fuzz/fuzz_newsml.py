#!/usr/bin/env python3
"""Fuzz ``newsdoc.loads_all(data, format="newsml")``: any bytes read as a NewsML 1 envelope.

Run: ``python fuzz/fuzz_newsml.py fuzz/corpus/newsml tests/fixtures/newsml -runs=1000000``
(README).
"""

from __future__ import annotations

from _common import check, documents, fuzz, newsdoc


def test_one(data: bytes) -> None:
    """Parse ``data`` as NewsML 1 and check every item's document."""
    for document in documents(lambda: newsdoc.loads_all(data, format="newsml")):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
