#!/usr/bin/env python3
"""Fuzz ``newsdoc.loads(data, format="html")``: every document of any bytes read as a page.

Run: ``python fuzz/fuzz_html.py fuzz/corpus/html tests/fixtures/html -runs=1000000`` (README).
"""

from __future__ import annotations

from _common import check, documents, fuzz, newsdoc


def test_one(data: bytes) -> None:
    """Parse ``data`` as HTML and check every document (``loads_all`` finishes each one)."""
    for document in documents(lambda: newsdoc.loads_all(data, format="html")):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
