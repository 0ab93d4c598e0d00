"""The story in a page's script data, for pages whose markup holds little of it.

Pages rendered by a script ship the article's data to the browser in a script: Next.js's
``<script id="__NEXT_DATA__" type="application/json">``, Nuxt's ``__NUXT_DATA__``, and the
``window.__INITIAL_STATE__ = {...}`` (``__PRELOADED_STATE__``, ``__APOLLO_STATE__``...) of other
frameworks. When the markup holds little of the story, its text is found there: the longest
piece of prose (or of HTML with paragraphs) among the data's strings, preferring one that tells
of the page's title.

The data is untrusted: a script over :data:`MAX_SCRIPT` characters, or of more than 200,000
objects and arrays, is not read; the assignment is looked for in its first characters only;
the walk over its values is iterative and bounded; and a value that is no JSON is passed over.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from typing import Final

from lxml import etree

from newsdoc.analysis.text import comparable, paragraphs

__all__ = ["MAX_SCRIPT", "state_scripts", "story_in_state"]

#: The longest script (characters) whose data is read.
MAX_SCRIPT: Final = 5_000_000
# The values of one script that are looked at, at most; and the objects and arrays it may
# hold to be read at all (json.loads takes some thirty times a script's size for a state made
# of empty objects).
_MAX_VALUES: Final = 200_000
_MAX_CONTAINERS: Final = 200_000
# The shortest text that can be a story.
_MIN_STORY: Final = 400
_STATE_NAME: Final = re.compile(
    r"__(?:NEXT_DATA|NUXT_DATA|NUXT|INITIAL_STATE|PRELOADED_STATE|APOLLO_STATE|APP_STATE"
    r"|INITIAL_DATA|STATE|DATA)__"
)
# "window.__INITIAL_STATE__ = ", "var __DATA__=", "self.app.__STATE__ =": pieces that cannot
# overlap, and read in the script's first characters only (anchored: a search tries it from
# the start alone, not from every character of a long name).
_ASSIGNED: Final = re.compile(
    r"\A\s*(?:(?:window|self|globalThis)\.|(?:var|let|const)\s+)?(?:[\w$]+\.)*"
    r"__[A-Za-z][A-Za-z0-9_]*?__\s*=\s*"
)
_ASSIGNMENT_REACH: Final = 256
# A sentence ends: ".", "!", "?", and the ideographic and full-width ones.
_SENTENCE_END: Final = re.compile("[.!?\u3002\uff01\uff1f](?:\\s|$|<)")
_TAG: Final = re.compile(r"<[^>]{0,200}>")


def state_scripts(scripts: Iterable[etree._Element]) -> list[str]:
    """The texts of those of ``scripts`` that hold a framework's state, in document order."""
    found: list[str] = []
    for script in scripts:
        text = script.text
        if not text or len(text) > MAX_SCRIPT:
            continue
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            continue  # JSON-LD, which the metadata reads
        if _STATE_NAME.search(script.get("id") or "") or _STATE_NAME.search(text[:200]):
            found.append(text)
    return found


def story_in_state(
    scripts: Iterable[str], title: str | None, shown: str | None = None
) -> str | None:
    """The story's text in the state ``scripts`` hold, or ``None`` when they hold none.

    Paragraphs are separated by blank lines; HTML is turned into text. The longest piece of
    prose wins, but a piece that holds most of the title's words wins over a longer one that
    does not (a state often holds other stories too). When the page ``shown`` some of its
    story (its first words), only a piece that holds them or tells of the title is the story.
    """
    wanted = set(comparable(title).split()) if title else set()
    opening = comparable(shown)[:_OPENING] if shown else ""
    best: tuple[bool, int, str] | None = None
    for script in scripts:
        for text in _prose_values(_load(script)):
            words = set(comparable(text[:2000]).split())
            tells = bool(wanted) and len(wanted & words) >= 0.6 * len(wanted)
            if opening and not tells and opening not in comparable(text):
                continue  # another story of the same data
            key = (tells, len(text), text)
            if best is None or key[:2] > best[:2]:
                best = key
    return best[2] if best is not None else None


# The opening words (characters, compared) of the shown story a state's piece must hold.
_OPENING: Final = 60


def _load(script: str) -> object:
    """The JSON a script holds, whole or assigned to a variable; ``None`` if it holds none."""
    text = script.strip()
    if text.count("{") + text.count("[") > _MAX_CONTAINERS:
        return None  # a state of that many objects is no story's, and costs too much memory
    assigned = _ASSIGNED.match(text, 0, _ASSIGNMENT_REACH)
    if assigned is not None:
        text = text[assigned.end() :].rstrip().rstrip(";")
    if not text.startswith(("{", "[")):
        return None
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _prose_values(value: object) -> Iterable[str]:
    """The strings of ``value`` (a JSON document) that read as a story, as text."""
    stack = [value]
    seen = 0
    while stack and seen < _MAX_VALUES:
        item = stack.pop()
        seen += 1
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and len(item) >= _MIN_STORY:
            text = _as_text(item)
            if text is not None:
                yield text


def _as_text(value: str) -> str | None:
    """``value`` as paragraphs of text when it reads as prose, else ``None``."""
    if "<" in value and _TAG.search(value):
        # HTML: paragraphs at their block elements, the tags themselves gone.
        value = re.sub(r"(?i)</?(?:p|div|h[1-6]|li|blockquote|br)\b[^>]{0,200}>", "\n\n", value)
        value = html.unescape(_TAG.sub("", value))
    text = "\n\n".join(paragraphs(value))
    if len(text) < _MIN_STORY or len(_SENTENCE_END.findall(text)) < 3:
        return None
    letters = sum(1 for character in text if character.isalpha() or character.isspace())
    words = text.split()
    if letters < 0.8 * len(text) or sum(map(len, words)) > 12 * len(words):
        return None  # code, a URL list, an encoded blob
    return text
