"""The command's run over its inputs: duplicates dropped, progress shown, a summary at the end."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

from newsdoc.analysis.text import comparable
from newsdoc.analysis.urls import comparable_url
from newsdoc.model import Document, Failure

if TYPE_CHECKING:
    from newsdoc.batch import Summary

__all__ = ["Duplicates", "Progress", "is_terminal", "summary_line"]


class Duplicates:
    """Drops exact duplicates: the same body once normalised, or the same URL and title.

    Syndicated copies of one story carry the same text under other addresses; a crawl holds
    the same address twice. The URL counts only with the title: pages that name a section or
    the home page as their canonical URL are different stories under one address. Texts are
    compared casefolded, without punctuation or spacing; only a digest of each is kept, so
    memory grows by a few dozen bytes per document.
    """

    def __init__(self) -> None:
        self._seen: set[bytes] = set()
        self.dropped = 0

    def filter(self, items: Iterable[Document | Failure]) -> Iterator[Document | Failure]:
        """``items`` without the documents seen before (failures always pass)."""
        for item in items:
            if isinstance(item, Document) and self._repeats(item):
                self.dropped += 1
                continue
            yield item

    def _repeats(self, document: Document) -> bool:
        keys = []
        if document.metadata.url:
            title = comparable(document.title or "")
            keys.append(b"u" + _digest(f"{comparable_url(document.metadata.url)} {title}"))
        text = comparable(document.body)
        if text:
            keys.append(b"b" + _digest(text))
        repeated = any(key in self._seen for key in keys)
        self._seen.update(keys)
        return repeated


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Progress:
    """A progress bar with documents per second on a terminal; nothing when piped."""

    def __init__(self, stream: TextIO, *, enabled: bool) -> None:
        self._bar: Any = None
        if enabled:
            from tqdm import tqdm  # only a terminal needs it

            self._bar = tqdm(
                file=stream, unit=" docs", dynamic_ncols=True, mininterval=0.2, leave=False
            )

    def update(self, failures: int) -> None:
        """One more document or failure given."""
        if self._bar is not None:
            if failures:
                self._bar.set_postfix(failed=failures, refresh=False)
            self._bar.update()

    def close(self) -> None:
        """Take the bar off the screen."""
        if self._bar is not None:
            self._bar.close()


def summary_line(summary: Summary, dropped: int | None) -> str:
    """The last line of a run, for stderr."""
    rate = summary.documents / summary.seconds if summary.seconds > 0 else 0.0
    parts = [
        f"{summary.documents:,} documents from {summary.inputs:,} inputs",
        f"{summary.failures:,} failed",
    ]
    skipped = sum(summary.skipped.values())
    if skipped:
        reasons = ", ".join(f"{count:,} {reason}" for reason, count in summary.skipped.items())
        parts.append(f"{skipped:,} archive records skipped ({reasons})")
    if dropped is not None:
        written = summary.documents - dropped
        parts.append(f"{dropped:,} duplicates dropped ({written:,} written)")
    return f"newsdoc: {'; '.join(parts)}; {summary.seconds:.1f} s ({rate:,.0f} documents/s)\n"


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is a terminal (a progress bar is for people, not pipes)."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
