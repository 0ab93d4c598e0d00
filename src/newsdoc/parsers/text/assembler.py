"""Classified lines assembled into stories, in one pass (the state machine of the package doc)."""

from __future__ import annotations

import re
from typing import Final

from newsdoc.analysis.function_words import FUNCTION_WORD_SET
from newsdoc.analysis.text import comparable
from newsdoc.model import Link
from newsdoc.parsers.text.lines import (
    BYLINE,
    CAPTION,
    CRUMBS,
    DATE,
    HEADLINE,
    HOME,
    ITEM,
    META,
    NAVIGATION,
    NOISE,
    PROSE,
    QUOTE,
    RELATED,
    RULE,
    TAGS,
    URL,
    URL_ONLY,
    URL_TRAIL,
    Line,
    ends_sentence,
    is_headline,
    is_title_case,
    without_final_stop,
)
from newsdoc.parsers.text.story import Story

__all__ = ["Assembler"]


class Assembler:
    """Assembles classified lines into stories, in one pass."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        # Where the last navigation line of the text is: a dump of pages shows each page's
        # links to other stories, evidence that the text holds several.
        self.last_navigation = max(
            (index for index, line in enumerate(lines) if line.kind in (NAVIGATION, RELATED)),
            default=-1,
        )
        self.done: list[Story] = []
        self.story = Story()
        self.deck_follows = False  # the title ended with ";": the next line is its deck

    def stories(self) -> list[Story]:
        """The stories of the text: at least one, though it be empty."""
        lines = self.lines
        for index, line in enumerate(lines):
            self._take(index, line)
        self.done.append(self.story)
        return [story for story in self.done if story.title or story.blocks] or [self.done[-1]]

    def _take(self, index: int, line: Line) -> None:
        story = self.story
        kind = line.kind
        in_body = bool(story.blocks)
        if kind in (NOISE, RULE):
            return
        if kind == NAVIGATION:
            story.links.append(
                Link(url=_first_url(line.text), text=line.values[0], kind="navigation")
            )
        elif kind == RELATED:
            story.links.append(Link(url=_first_url(line.text), text=line.values[0], kind="related"))
        elif kind in (DATE, BYLINE, META):
            target = story
            if in_body and self._next_starts_story(index):
                target = self._start_story(None)
            for date in (line.date, *line.more_dates) if line.date is not None else ():
                target.add_date(date)
            target.authors.extend(line.authors)
            target.byline_rest.extend(line.values if kind in (BYLINE, META) else [])
        elif kind == TAGS:
            story.tags.extend(line.values)
        elif kind == CRUMBS:
            if story.section is None and not in_body:
                crumbs = [crumb for crumb in line.values if crumb.casefold() not in HOME]
                # The last crumb is often the story itself; the one before it, its section.
                if len(crumbs) >= 2 and _same(crumbs[-1], story.title):
                    crumbs.pop()
                story.section = crumbs[-1] if crumbs else None
        elif kind == CAPTION:
            if line.text and _same(line.text, story.title):
                line.text = ""
            story.captions.append({"text": line.text or None, "credit": line.values[0]})
        elif kind == URL_ONLY:
            story.add_links(line.text)
        elif kind == HEADLINE:
            self._headline(index, line)
        elif kind == ITEM:
            story.add_block("list_item", line.text)
        elif kind == QUOTE:
            story.add_block("blockquote", line.text)
        elif story.title is None and not in_body and self._is_stopped_title(index, line):
            story.title = line.text.rstrip(";").rstrip()
            self.deck_follows = line.text.endswith(";")
            return
        elif (
            story.title is not None
            and not in_body
            and story.subtitle is None
            and (self.deck_follows or self._is_standfirst(index))
        ):
            story.subtitle = line.text
            self.deck_follows = False
        else:
            story.add_block("paragraph", line.text)
            self.deck_follows = False

    def _headline(self, index: int, line: Line) -> None:
        story = self.story
        if story.title is None and not story.blocks:
            following = self._next(index, limit=1)
            if len(line.words) < 3 and following and following[0].kind == HEADLINE:
                # A one- or two-word label over the headline ("World") is its section.
                story.section = story.section or line.text
                return
            story.title = line.text
            return
        if _same(line.text, story.title) or _same(line.text, story.subtitle):
            return  # a caption or a repeat of the title
        if story.blocks and self._starts_story(index):
            self._start_story(line.text)
            return
        if story.blocks and _reads_as_sentence(line):
            story.add_block("paragraph", line.text)  # a quotation, a question: not a heading
            return
        if (
            not story.blocks
            and story.subtitle is None
            and (len(line.words) >= 6 or self.deck_follows)
        ):
            story.subtitle = line.text
            self.deck_follows = False
            return
        story.add_block("heading", line.text)

    def _is_stopped_title(self, index: int, line: Line) -> bool:
        """A first line that reads as a headline once its final "." or ";" is set aside.

        Many plain-text dumps end the headline with a full stop ("Pence Gives GOP A Boost."),
        or with a semicolon before the deck on the next line. It is the title when a story
        follows it (a blank line and more text, a longer paragraph, or a byline or date), it
        does not open with a dateline, and it is short or marked as a headline (see
        :func:`_headline_marked`): a long sentence first is a lede.
        """
        bare = without_final_stop(line.text)
        if bare is None or not is_headline(bare, line.words):
            return False
        if len(line.words) > _SENTENCE_TITLE_WORDS and (
            _DATELINE.match(line.text) or not _headline_marked(bare)
        ):
            return False  # a long sentence ("PUTRAJAYA, Nov 22 — Private companies…"): a lede
        following = self._next(index, limit=1)
        if not following:
            return False
        after = following[0]
        if after.kind in (DATE, BYLINE, META, CAPTION):
            return True
        if after.kind not in (PROSE, HEADLINE, ITEM, QUOTE):
            return False
        return after.blank_before or len(after.words) > len(line.words) or line.text.endswith(";")

    def _start_story(self, title: str | None) -> Story:
        self.done.append(self.story)
        self.story = Story(title=title)
        return self.story

    def _next(self, index: int, limit: int = 3) -> list[Line]:
        """The next few lines after ``index`` that are not noise."""
        found: list[Line] = []
        lines = self.lines
        # No slice (it would copy the rest) and a bounded window: each line looks a fixed
        # distance ahead, so the whole pass stays linear.
        for position in range(index + 1, min(len(lines), index + 1 + _LOOKAHEAD)):
            line = lines[position]
            if line.kind not in (NOISE, RULE):
                found.append(line)
                if len(found) == limit:
                    break
        return found

    def _starts_story(self, index: int) -> bool:
        """Whether the headline-like line at ``index`` starts a new story.

        Only on strong evidence: after a story of two paragraphs or more, a line that reads as a
        headline (not a quotation, not several sentences), a new lede after it, and something
        that marks a new story: a byline or date under the headline, a rule line or navigation
        above it, a dateline opening the lede ("BRUSSELS (Reuters) -"), or, in a text that
        has navigation further on, a long headline whose words the lede takes up.
        """
        line = self.lines[index]
        if self.story.paragraphs < 2 or not _reads_as_headline(line.text):
            return False
        following = self._next(index)
        lede = None
        for after in following:
            if after.kind == PROSE:
                lede = after
                break
            if after.kind not in (DATE, BYLINE, META, CAPTION):
                return False  # a subheading over a list, a quotation, another heading
        if lede is None or len(lede.words) < _LEDE_WORDS:
            return False
        if any(after.kind in (DATE, BYLINE, META) for after in following[:2]):
            return True
        if self._previous_kind(index) in (RULE, NAVIGATION, RELATED):
            return True
        if _DATELINE.match(lede.text):
            return True
        if self.last_navigation <= index or len(line.words) < 6:
            return False
        content = {word for word in line.words if len(word) >= 4 and word not in FUNCTION_WORD_SET}
        return bool(content) and len(content & set(lede.words)) >= 0.4 * len(content)

    def _previous_kind(self, index: int) -> str | None:
        """The kind of the nearest line before ``index`` that is not noise."""
        lines = self.lines
        for position in range(index - 1, max(-1, index - 1 - _LOOKAHEAD), -1):
            if lines[position].kind != NOISE:
                return lines[position].kind
        return None

    def _next_starts_story(self, index: int) -> bool:
        following = self._next(index, limit=2)
        lines = self.lines
        for position in range(index + 1, min(len(lines), index + 1 + _LOOKAHEAD)):
            line = lines[position]
            if line.kind in (NOISE, RULE):
                continue
            if line.kind == HEADLINE:
                return self._starts_story(position)
            if line.kind not in (DATE, BYLINE, META) or not following:
                return False
        return False

    def _is_standfirst(self, index: int) -> bool:
        """A prose line right after the title that introduces the story rather than starts it."""
        line = self.lines[index]
        if not ends_sentence(line.text):
            return True
        following = self._next(index, limit=1)
        return bool(following) and (
            following[0].kind in (DATE, BYLINE, META, CAPTION)
            or (following[0].kind == HEADLINE and _same(following[0].text, self.story.title))
        )


# How many lines ahead the assembler looks for evidence (past runs of page furniture).
_LOOKAHEAD: Final = 40

# A title ended like a sentence and not in Title Case has at most this many words.
_SENTENCE_TITLE_WORDS: Final = 15
# A body line shaped like a heading is a sentence of the text when it is a question of this many
# words or more, longer than this with a comma, or this long at all.
_LONG_QUESTION_WORDS: Final = 10
_CLAUSE_WORDS: Final = 12
_LONG_HEADING_WORDS: Final = 18
# A new story's lede is a paragraph of at least this many words.
_LEDE_WORDS: Final = 12
# A dateline opening a lede: a place in capitals, perhaps a date or an agency, and a dash.
# (Possessive: nothing given back, so a run of capitals is read once from each start.)
_DATELINE: Final = re.compile(
    r"\b[A-Z][A-Z.'’-]{1,30}+(?: [A-Z][A-Z.'’-]{1,30}+){0,3}+(?:,[^,()—–-]{1,30}+){0,2}+"
    r"(?: ?\([^()]{1,40}+\))?+ ?[—–-] "
)
_QUOTE_MARKS: Final = "\"'“”‘’«»„\u201a"
# Where one sentence ends and another starts ("time. I want", "Lose safety? Lose work?"); a
# word of three lower-case letters before the full stop, so "U.S. Media", "Mr. Trump" pass.
_SENTENCE_BREAK: Final = re.compile(r"(?:[a-z]{3}\.|[?!])[\"'”’]? [A-Z\"'“‘]")


def _headline_marked(text: str) -> bool:
    """Whether a long line ended like a sentence is still a headline.

    In Title Case, in a script without capitals, or with a kicker ("Laos poisonings: …", "… –
    while …") and not a run of sentences.
    """
    first = next((character for character in text if character.isalpha()), "")
    if first and not first.isupper():
        return True  # no case: Chinese, Japanese, Hindi, Arabic...
    if is_title_case(text):
        return True
    if _SENTENCE_BREAK.search(text) is not None:
        return False  # "Berlin. Der Wirkstoff soll…": sentences
    return any(mark in text for mark in _KICKER_MARKS)


_KICKER_MARKS: Final = (": ", " – ", " — ", " - ", " | ")


def _reads_as_sentence(line: Line) -> bool:
    """A line of the body shaped like a heading that is a sentence of the text.

    It opens with a quotation mark ("“Fewer queues”", a speaker's question), holds more than
    one sentence, is a long question or exclamation, or is long and has a clause in it (a
    comma): subheadings are short phrases ("Who pays", "What changes first").
    """
    text = line.text
    if text[:1] in _QUOTE_MARKS or _SENTENCE_BREAK.search(text) is not None:
        return True
    count = len(line.words)
    if count >= _LONG_QUESTION_WORDS and text.rstrip(_QUOTE_MARKS)[-1:] in ("?", "!"):
        return True
    return count >= _LONG_HEADING_WORDS or (count > _CLAUSE_WORDS and "," in text)


def _reads_as_headline(text: str) -> bool:
    """Not a quotation, nor a line of several sentences: what a new story's headline is not."""
    return text[:1] not in _QUOTE_MARKS and _SENTENCE_BREAK.search(text) is None


def _same(text: str, other: str | None) -> bool:
    return other is not None and comparable(text) == comparable(other)


def _first_url(text: str) -> str | None:
    match = URL.search(text)
    return match.group(0).rstrip(URL_TRAIL) if match else None
