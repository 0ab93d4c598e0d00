"""The promises of newsdoc's documentation that every document must keep, as checks.

The fuzz harnesses run :func:`check` on every document they get; the regression test of the
fuzzers' finds (``tests/test_fuzz_regressions.py``) runs it too, so this module needs nothing
but newsdoc (no atheris). The check that no title or author name holds a control character or
a bidi override or isolate is on (``NEWSDOC_FUZZ_CHECK_TEXT=0`` turns it off, to fuzz a
version from before it was kept).
"""

from __future__ import annotations

import os
import re
import unicodedata
from typing import Final

import newsdoc
from newsdoc import Document

__all__ = ["CHECK_TEXT", "InvariantError", "check"]

CHECK_TEXT: Final = os.environ.get("NEWSDOC_FUZZ_CHECK_TEXT") != "0"

# Link URLs are absolute http(s) or mailto (docs/records.rst, the Link docstring); image URLs
# absolute http(s) (docs/errors.rst, image.dropped).
_LINK_SCHEME: Final = re.compile(r"(?i)(?:https?|mailto):")
_IMAGE_SCHEME: Final = re.compile(r"(?i)https?:")
# Bidi embeddings, overrides and isolates: they reorder what follows them on screen.
_BIDI: Final = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class InvariantError(AssertionError):
    """A document breaks a promise the documentation makes about it.

    Args:
        kind: Which promise, in a few words (failures are told apart by it).
        detail: What was found.
    """

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind


def check(document: Document) -> None:
    """Raise :class:`InvariantError` when ``document`` breaks a documented promise."""
    _check_round_trip(document)
    _check_quotes(document)
    _check_links(document)
    _check_images(document)
    _check_tags(document)
    if CHECK_TEXT:
        _check_text(document)


def _check_round_trip(document: Document) -> None:
    # serialize.from_dict: "the exact inverse" of to_dict; from_json reads what to_json wrote.
    text = newsdoc.to_json(document)
    # docs/errors.rst, decoding.lone-surrogate: lone surrogates, "which no encoder can write",
    # are replaced; so a document's JSON can always be written out as UTF-8.
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvariantError("a lone surrogate in the document", text[:400]) from exc
    back = newsdoc.from_json(text)
    if back != document:
        fields = [
            name
            for name in ("title", "subtitle", "blocks", "metadata", "links", "quotes", "warnings")
            if getattr(back, name) != getattr(document, name)
        ]
        raise InvariantError(f"round trip changes {', '.join(fields)}", repr(back)[:400])
    if newsdoc.to_json(back) != text:
        raise InvariantError("round trip changes the JSON", text[:400])


def _check_quotes(document: Document) -> None:
    # Quote: "doc.body[start:end] == text".
    body = document.body
    for quote in document.quotes:
        if not 0 <= quote.start <= quote.end <= len(body):
            msg = f"{quote.start}..{quote.end} in a body of {len(body)}"
            raise InvariantError("quote offsets outside the body", msg)
        if body[quote.start : quote.end] != quote.text:
            msg = (
                f"body[{quote.start}:{quote.end}] == {body[quote.start : quote.end]!r}, "
                f"but the quote's text is {quote.text!r}"
            )
            raise InvariantError("quote offsets do not slice its text", msg)


def _check_links(document: Document) -> None:
    for link in document.links:
        if link.url is not None and not _LINK_SCHEME.match(link.url):
            raise InvariantError("link URL not absolute http(s) or mailto", link.url[:200])


def _check_images(document: Document) -> None:
    # docs/errors.rst, image.dropped: "Images whose URL is not absolute http(s) were dropped."
    for image in document.metadata.images:
        if not _IMAGE_SCHEME.match(image.url):
            raise InvariantError("image URL not absolute http(s)", image.url[:200])


def _check_tags(document: Document) -> None:
    # Metadata.tags: "in the source's order, without duplicates".
    tags = document.metadata.tags
    if len(set(tags)) != len(tags):
        raise InvariantError("duplicate tags", repr(tags)[:400])


def _check_text(document: Document) -> None:
    named = [("title", document.title)]
    named += [("author name", author.name) for author in document.metadata.authors]
    for what, text in named:
        for char in text or "":
            if char in _BIDI or unicodedata.category(char) == "Cc":
                detail = f"U+{ord(char):04X} in {text[:200]!r}"
                raise InvariantError(f"{what} holds a control or bidi character", detail)
