"""Classified lines assembled into stories, in one pass (the state machine of the package doc)."""

from __future__ import annotations

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
    TAGS,
    URL,
    URL_ONLY,
    URL_TRAIL,
    Line,
    ends_sentence,
)
from newsdoc.parsers.text.story import Story

__all__ = ["Assembler"]


class Assembler:
    """Assembles classified lines into stories, in one pass."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.done: list[Story] = []
        self.story = Story()

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
        if kind == NOISE:
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
        elif (
            story.title is not None
            and not in_body
            and story.subtitle is None
            and (self._is_standfirst(index))
        ):
            story.subtitle = line.text
        else:
            story.add_block("paragraph", line.text)

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
        if not story.blocks and story.subtitle is None and len(line.words) >= 6:
            story.subtitle = line.text
            return
        story.add_block("heading", line.text)

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
            if line.kind != NOISE:
                found.append(line)
                if len(found) == limit:
                    break
        return found

    def _starts_story(self, index: int) -> bool:
        """Whether the headline-like line at ``index`` starts a new story (see the module doc)."""
        line = self.lines[index]
        if self.story.paragraphs < 2:
            return False
        following = self._next(index)
        if not following:
            return False
        score = 0
        if any(after.kind in (DATE, BYLINE, META) for after in following[:2]):
            score += 2
        count = len(line.words)
        score += (count >= 6) + (count >= 8)
        lede = next((after for after in following if after.kind == PROSE), None)
        if lede is not None and len(lede.words) >= 20:
            score += 1
            content = {
                word for word in line.words if len(word) >= 4 and word not in FUNCTION_WORD_SET
            }
            if content and len(content & set(lede.words)) >= 0.4 * len(content):
                score += 1
        if any(word in _CLAUSE_WORDS for word in line.words):
            score += 1
        return score >= 4

    def _next_starts_story(self, index: int) -> bool:
        following = self._next(index, limit=2)
        lines = self.lines
        for position in range(index + 1, min(len(lines), index + 1 + _LOOKAHEAD)):
            line = lines[position]
            if line.kind == NOISE:
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

# Words that make a headline a clause ("Russia has been expelled...") rather than a label.
_CLAUSE_WORDS: Final = frozenset(
    "is are was were has have had will would can could must should been be to says said "
    "wants plans calls vows warns faces gets".split()
)


def _same(text: str, other: str | None) -> bool:
    return other is not None and comparable(text) == comparable(other)


def _first_url(text: str) -> str | None:
    match = URL.search(text)
    return match.group(0).rstrip(URL_TRAIL) if match else None
