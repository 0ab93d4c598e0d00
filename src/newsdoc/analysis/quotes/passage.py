"""The text being read: its paragraphs, its quoted stretches and the writer's words around them."""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Final

from newsdoc.analysis.quotes.marks import MARK

if TYPE_CHECKING:
    from newsdoc.analysis.quotes.grammar import Grammar
    from newsdoc.analysis.quotes.marks import Span

_PARAGRAPH_BREAK: Final = re.compile(r"\n\s*")
_SENTENCE_END: Final = re.compile(r"[.!?…][\"”’')\]]*\s+")
_WORD: Final = re.compile(r"\w+")
_LONG_TEXT: Final = 20_000
# Words searched for one by one in a long text before all its words are collected at once.
_LOWER_SEARCHES: Final = 16
# How far before or after a quote its lead-in or attribution is looked for (characters).
WINDOW: Final = 1000


class Passage:
    """A text and its quoted stretches, with where things are in it."""

    def __init__(self, text: str, grammar: Grammar, spans: list[Span]) -> None:
        self.text = text
        self.grammar = grammar
        # Paragraph starts: after every run of line breaks (blank lines are not paragraphs).
        self.paragraphs = [0, *(match.end() for match in _PARAGRAPH_BREAK.finditer(text))]
        self.befores: dict[int, tuple[str, int]] = {}
        self.lower_words: set[str] | None = None
        self.lower_searches = 0
        self.quoted = [(span.start - 1, span.end + 1) for span in spans]  # marks included
        self.quoted_starts = [start for start, _ in self.quoted]

    def written_in_lower_case(self, word: str) -> bool:
        """Whether ``word`` (lower case) stands as a whole word somewhere in the text."""
        if word.isalnum() and len(self.text) > _LONG_TEXT:
            # In a long text, the first few words are searched for whole (a regex search runs
            # in C); past those, one pass collects every lower-case word and the rest are set
            # lookups, so that a text of thousands of quotes stays linear.
            if self.lower_words is None:
                self.lower_searches += 1
                if self.lower_searches <= _LOWER_SEARCHES:
                    # A pattern that starts with the word itself is searched for fast; the
                    # character before it is checked here (a word character is alphanumeric
                    # or an underscore).
                    text = self.text
                    for match in re.finditer(rf"{re.escape(word)}(?!\w)", text):
                        at = match.start()
                        if not at or not (text[at - 1].isalnum() or text[at - 1] == "_"):
                            return True
                    return False
                self.lower_words = {w for w in _WORD.findall(self.text) if w.islower()}
            return word in self.lower_words
        text = self.text
        at = text.find(word)
        while at != -1:
            before = text[at - 1] if at else " "
            after = text[at + len(word) : at + len(word) + 1] or " "
            if not before.isalnum() and not after.isalnum():
                return True
            at = text.find(word, at + 1)
        return False

    def paragraph(self, position: int) -> int:
        """The index of the paragraph ``position`` is in."""
        return bisect.bisect_right(self.paragraphs, position) - 1

    def paragraph_start(self, position: int) -> int:
        """Where the paragraph ``position`` is in starts."""
        return self.paragraphs[self.paragraph(position)]

    def before(self, span: Span) -> tuple[str, int]:
        """The sentence text before the quote's opening mark, and where it starts."""
        cached = self.befores.get(span.start)
        if cached is None:
            cached = self.befores[span.start] = self._find_before(span)
        return cached

    def _find_before(self, span: Span) -> tuple[str, int]:
        mark = (
            span.start - 2
            if self.text[span.start - 2 : span.start] in ("''", "``")
            else (span.start - 1)
        )
        # A lead-in is one sentence: a window keeps a paragraph of thousands of quotes linear.
        floor = max(self.paragraph_start(span.start), mark - WINDOW)
        head = self.unquoted(floor, max(floor, mark))
        cut = self.last_sentence_start(head)
        return head[cut:], floor + cut

    def last_sentence_start(self, text: str) -> int:
        """Where the last sentence of ``text`` starts: after its last real sentence end."""
        for match in reversed(list(_SENTENCE_END.finditer(text))):
            if not self.grammar.is_abbreviation(text, match.start()):
                return match.end()
        return 0

    def unquoted(self, start: int, end: int) -> str:
        """``text[start:end]`` with the quoted stretches in it blanked out (offsets kept).

        The writer's words around them are what attribution reads: in ``“…,” Smith said,
        adding: “…”`` the second quote's lead-in is ``Smith said, adding:``, not the first quote.
        """
        text = self.text
        index = bisect.bisect_left(self.quoted_starts, start)
        pieces: list[str] = []
        at = start
        while index < len(self.quoted):
            quote_start, quote_end = self.quoted[index]
            if quote_end > end:
                break
            pieces.append(text[at:quote_start])
            # Blank the words, keep how the quote ends: ``on "Meet the Press." “…”`` still
            # ends a sentence before the next quote, ``“…,” adding`` still has its comma.
            closing = quote_end - 1
            while closing > quote_start and text[closing - 1] in ".!?,;:":
                closing -= 1
            pieces.append(" " * (closing - quote_start))
            at = closing
            index += 1
        if not pieces:
            return text[start:end]
        pieces.append(text[at:end])
        return "".join(pieces)

    def after(self, span: Span) -> tuple[str, int]:
        """The text after the closing mark, up to the end of its sentence or the next quote."""
        begin = span.end + 1
        if self.text[span.end : span.end + 2] == "''":
            begin += 1
        stop = self.text.find("\n", begin, begin + WINDOW)
        tail = self.text[begin : begin + WINDOW if stop == -1 else stop]
        next_mark = MARK.search(tail)
        if next_mark is not None:
            tail = tail[: next_mark.start()]
        for match in _SENTENCE_END.finditer(tail):
            if match.start() > 0 and not self.grammar.is_abbreviation(tail, match.start()):
                return tail[: match.start() + 1], begin
        return tail, begin

    def inside_quote(self, position: int) -> bool:
        """Whether ``position`` is inside a quoted stretch (or on its marks)."""
        index = bisect.bisect_right(self.quoted_starts, position) - 1
        return index >= 0 and position < self.quoted[index][1]
