"""Quotation marks paired into quoted stretches, and the speech of dialogue paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import attrs

# Every alternative starts with a literal character, so the regex engine scans for the set of
# first characters in C; written as a character class, it tries each position in turn (2.5 times
# slower on a news body).
MARK: Final = re.compile("``|''|\"|“|”|„|«|»|‟|「|」|『|』")

# Characters after which a straight mark opens a quote.
_OPENS_AFTER: Final = frozenset(" \t\n\u00a0([{—–-/:")

# Styles, and the marks that close each.
_CLOSERS: Final[dict[str, frozenset[str]]] = {
    "curly": frozenset({"”", '"'}),
    "low": frozenset({"“", "”"}),
    "french": frozenset({"»"}),
    "german": frozenset({"«"}),
    "straight": frozenset({'"', "”"}),
    "ptb": frozenset({"''", "”", '"'}),
    "apostrophes": frozenset({"''"}),
    "corner": frozenset({"」"}),  # Japanese and Chinese 「…」
    "white-corner": frozenset({"』"}),  # 『…』, also nested in 「…」
}


@attrs.define
class Span:
    """A quoted stretch: content offsets, and where paragraph reopenings split it."""

    start: int  # first character after the opening mark
    end: int  # the closing mark, or the paragraph end for a quote left open
    breaks: list[tuple[int, int]] = attrs.Factory(list)  # (paragraph end, reopened content)
    dialogue: bool = False  # speech after a dialogue dash, never a phrase of the writer's


def _direction(text: str, position: int, mark: str) -> str:
    """``"open"``, ``"close"`` or ``"either"`` for a mark, from the characters around it."""
    if mark in ("“", "„", "‟", "``", "「", "『"):
        return "open"
    if mark in ("”", "」", "』"):
        return "close"
    before = text[position - 1] if position else "\n"
    after_index = position + len(mark)
    after = text[after_index] if after_index < len(text) else "\n"
    if mark in ("«", "»"):
        # French «…» has the space inside; German »…« has none.
        if before in _OPENS_AFTER and not after.isspace():
            return "open"
        if after.isspace() or after in ".,;:!?)":
            return "close"
        return "either"
    opens = before in _OPENS_AFTER or before in "“‘"
    if opens and not after.isspace():
        return "open"
    if not before.isspace():
        return "close"
    return "either"


_STYLES: Final = {
    "“": "curly",
    "”": "curly",
    "‟": "curly",
    "„": "low",
    "«": "french",
    "»": "german",
    '"': "straight",
    "``": "ptb",
    "''": "apostrophes",
    "「": "corner",
    "」": "corner",
    "『": "white-corner",
    "』": "white-corner",
}
_style: Final = _STYLES.__getitem__


def pair_marks(text: str) -> list[Span]:
    """Pair opening and closing marks into quoted stretches, paragraph-safe (see module doc)."""
    spans: list[Span] = []
    current: Span | None = None
    style = ""
    depth = 0
    may_continue = False  # a quote opened like speech may run on into the next paragraph
    last = 0  # where the search for paragraph breaks resumes
    for match in MARK.finditer(text):
        position, mark = match.start(), match.group(0)
        direction = _direction(text, position, mark)
        if mark == "«":
            direction = "close" if current is not None and style == "german" else "open"
        elif mark == "»" and current is not None and style == "french":
            direction = "close"
        if current is not None:
            brk = text.find("\n", last, position)
            if brk != -1:
                # The quote is open across a paragraph end: reopened or ended there.
                reopened = direction in ("open", "either") and _style(mark) == style
                if reopened and may_continue and not text[brk:position].strip() and depth == 1:
                    current.breaks.append((brk, match.end()))
                    last = match.end()
                    continue
                current.end = brk
                spans.append(current)
                current, depth = None, 0
        last = match.end()
        if current is None:
            if direction == "close":
                continue  # a closing mark with nothing open: a stray, skipped
            current = Span(start=match.end(), end=-1)
            style = _style(mark)
            depth = 1
            may_continue = _opens_speech(text, position)
            continue
        closes = mark in _CLOSERS[style] and (direction != "open" or style == "low")
        if closes:
            depth -= 1
            if depth == 0:
                current.end = position
                spans.append(current)
                current = None
        elif _style(mark) == style and direction == "open" and style in ("curly", "low"):
            depth += 1  # the same explicit opening mark again: a quote inside the quote
        elif _style(mark) == style and direction == "either":
            current.end = position  # straight marks cannot nest: this one closes
            spans.append(current)
            current, depth = None, 0
    if current is not None:
        brk = text.find("\n", current.breaks[-1][1] if current.breaks else current.start)
        current.end = len(text) if brk == -1 else brk
        spans.append(current)
    return spans


# A paragraph that opens with a dialogue dash ("—Estamos listos", "— Мы готовы").
DIALOGUE_LINE: Final = re.compile(r"(?m)^[ \t]*[—―][ \t]?(?=\w|[¿¡«“])")


def with_dialogue(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with the speech of dialogue paragraphs, in order.

    In "—Estamos listos —dijo el alcalde—. Empezamos mañana." the speech is what the
    paragraph's dash opens, up to a dash after a space (the attribution begins), and again
    after the dash that closes the attribution. Marks inside such speech quote within it: the
    speech is the quote.
    """
    speech: list[Span] = []
    for line in DIALOGUE_LINE.finditer(text):
        end = text.find("\n", line.end())
        end = len(text) if end == -1 else end
        speech.extend(_dialogue_speech(text, line.end(), end))
    if not speech:
        return spans
    kept = [
        span
        for span in spans
        if not any(said.start - 1 <= span.start <= said.end for said in speech)
    ]
    return sorted([*kept, *speech], key=lambda span: span.start)


def _dialogue_speech(text: str, start: int, end: int) -> Iterator[Span]:
    """The speech of one dialogue paragraph (``start`` is after its opening dash)."""
    speaking = True
    position = start
    for dash in _DIALOGUE_DASH.finditer(text, start, end):  # the engine finds them, in C
        index = dash.start()
        if index < position:
            continue
        if speaking and text[index - 1].isspace():
            # " —dijo el alcalde": the attribution; the dash stands as a closing mark.
            yield Span(start=position, end=index, dialogue=True)
            speaking = False
        elif not speaking and (index + 1 == end or text[index + 1] in _AFTER_CLOSING_DASH):
            # "alcalde—. Empezamos": the speech goes on after the punctuation.
            position = index + 1
            while position < end and text[position] in _AFTER_CLOSING_DASH:
                position += 1
            speaking = True
    if speaking and position < end and text[position:end].strip():
        yield Span(start=position, end=end, dialogue=True)


_DIALOGUE_DASH: Final = re.compile("[—―]")
_AFTER_CLOSING_DASH: Final = " .,;:!?"


def _opens_speech(text: str, position: int) -> bool:
    """Whether a mark at ``position`` opens a sentence of speech.

    That is: at a paragraph's start, or after a sentence end, a colon, a comma or a dash; not a
    phrase inside the writer's own sentence.
    """
    index = position - 1
    while index >= 0 and text[index] != "\n" and text[index].isspace():
        index -= 1
    return index < 0 or text[index] == "\n" or text[index] in ".:,!?—–;"
