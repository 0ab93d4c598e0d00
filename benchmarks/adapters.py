"""newsdoc behind the shared scorers' plug-in interfaces (``--extra NAME=adapters:FUNC``).

``quotes(text)`` is what ``../shared/tools/quote_bench.py`` calls: the quotes of
:func:`newsdoc.extract_quotes` as dicts. A quote that runs over paragraphs is one
:class:`newsdoc.Quote`; the scorer counts each paragraph's part as a quote of its own, so the
parts are passed as ``parts``.
"""

from __future__ import annotations

import re

import newsdoc

_REOPENED = re.compile("\n\\s*(?:[\"“„«»‟]|''|``)")


def quotes(text: str) -> list[dict[str, object]]:
    found = []
    for quote in newsdoc.extract_quotes(text):
        parts = []
        start = quote.start
        for match in _REOPENED.finditer(quote.text):
            parts.append((start, quote.start + match.start()))
            start = quote.start + match.end()
        parts.append((start, quote.end))
        found.append(
            {
                "start": quote.start,
                "end": quote.end,
                "text": quote.text,
                "speaker": quote.speaker,
                "cue": quote.cue,
                "partial": quote.partial,
                "parts": parts,
            }
        )
    return found


def body(html: str, url: str | None) -> str:
    """What ``../shared/tools/extraction_bench.py`` calls: the body text of an HTML page."""
    doc = newsdoc.loads(html.encode("utf-8"), source=url, format="html")
    return doc.body
