#!/usr/bin/env python3
"""Fuzz ``newsdoc.loads(data, format="nitf")``: any bytes read as a NITF article.

Run: ``python fuzz/fuzz_nitf.py fuzz/corpus/nitf tests/fixtures/nitf -runs=1000000`` (README).
"""

from __future__ import annotations

from _common import check, documents, fuzz, newsdoc


def test_one(data: bytes) -> None:
    """Parse ``data`` as NITF and check the document (``loads_all`` finishes it)."""
    for document in documents(lambda: newsdoc.loads_all(data, format="nitf")):
        check(document)


if __name__ == "__main__":
    fuzz(test_one)
