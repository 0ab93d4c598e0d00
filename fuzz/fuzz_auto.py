#!/usr/bin/env python3
"""Fuzz the sniffing entry points: ``newsdoc.loads(data)`` and ``newsdoc.loads_all(data)``.

Every input goes to ``loads_all``, as bytes (gzip undone, charset detected) or, for one length
in four, as the ``str`` a caller would pass (undecodable bytes become lone surrogates). Inputs
of even length, given as bytes, also go to ``loads`` when ``loads_all`` gave documents (it
parses everything again, so not every input): ``loads`` must give the first of the documents
``loads_all`` gives, with a ``source.multiple-documents`` warning when there are more (the
``load`` docstring).

Run: ``python fuzz/fuzz_auto.py fuzz/corpus/auto fuzz/seeds/auto -runs=1000000`` (see README).
"""

from __future__ import annotations

import attrs
from _common import InvariantError, check, documents, fuzz, newsdoc, text_of

_MULTIPLE = "source.multiple-documents"


def test_one(data: bytes) -> None:
    """Load ``data`` with sniffing, all its documents and (for half) the first."""
    source: str | bytes = text_of(data) if len(data) % 4 == 3 else data
    every = documents(lambda: newsdoc.loads_all(source))
    for document in every:
        check(document)
    if len(data) % 2 or not every:
        return  # (loads fails where loads_all fails, or gives nothing: that is no news)
    first = documents(lambda: [newsdoc.loads(source)])
    if not first:
        raise InvariantError("loads fails where loads_all gives documents", repr(every[0])[:400])
    warned = [warning for warning in first[0].warnings if warning.code == _MULTIPLE]
    if bool(warned) != (len(every) > 1):
        detail = f"{len(every)} documents, {len(warned)} {_MULTIPLE} warnings"
        raise InvariantError("loads' multiple-documents warning is wrong", detail)
    kept = [warning for warning in first[0].warnings if warning.code != _MULTIPLE]
    if attrs.evolve(first[0], warnings=kept) != every[0]:
        raise InvariantError("loads' document is not loads_all's first", repr(first[0])[:400])


if __name__ == "__main__":
    fuzz(test_one)
