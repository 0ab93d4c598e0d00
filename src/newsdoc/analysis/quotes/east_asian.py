"""Attribution in Chinese, Japanese and Korean: quotes joined to their verb, not by word order."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from newsdoc.analysis.quotes.mentions import Found, Mention

if TYPE_CHECKING:
    from newsdoc.analysis.lexicons import Lexicon
    from newsdoc.analysis.quotes.marks import Span
    from newsdoc.analysis.quotes.mentions import Mentions

# Chinese and Japanese: what ends a sentence, what leads into a quote, what separates clauses,
# and what stands between a quote and the speaker named after it ("」と、", "”，").
_EAST_ASIAN_ENDS: Final = "。\uff01\uff1f\n"  # and the full-width exclamation and question marks
_EAST_ASIAN_LEADS: Final = "：:，,"
_EAST_ASIAN_CLAUSES: Final = ("，", "、", ",", "\uff1b", "：", ":", "」", "』", "”", " ")
_EAST_ASIAN_PUNCTUATION: Final = "、，, "
_EAST_ASIAN_REACH: Final = 40  # characters after a quote read for its verb and speaker
_EAST_ASIAN_BACK: Final = 120  # characters before a quote read for its lead-in
_EAST_ASIAN_CUE_REACH: Final = 4  # characters between a quote and a verb that follows it alone
_EAST_ASIAN_NAME: Final = 16  # the longest speaker phrase ("外交部新闻发言人汪文斌")
_EAST_ASIAN_PERSON: Final = 4  # the longest name left after a role
_MIN_EAST_ASIAN_NAME: Final = 2


@lru_cache(maxsize=8)
def _east_asian_cues(cues: frozenset[str]) -> re.Pattern[str]:
    """The reporting verbs of a language written without spaces, longest first."""
    alternatives = "|".join(re.escape(cue) for cue in sorted(cues, key=len, reverse=True))
    # A Japanese verb's stem goes on in kana ("述べ" of "述べた", "語っ" of "語った"), a Korean
    # one in Hangul ("말했" of "말했다").
    return re.compile(f"(?:{alternatives})[\u3041-\u3096\uac00-\ud7a3]{{0,3}}")


class EastAsianReader:
    """The speaker and verb of quotes in a language written without spaces, or in Korean."""

    def __init__(self, text: str, words: Lexicon, mentions: Mentions) -> None:
        self.text = text
        self.words = words
        self.mentions = mentions

    def partial(self, span: Span) -> bool:
        """Whether a quote is a fragment of the writer's sentence ("他称这一举动“不可接受”。").

        Not when a colon or a comma leads into it, a reporting verb follows it, or it is a
        sentence of its own.
        """
        text = self.text
        # The character before the opening mark, past a space ("말했다: “…”").
        before = text[max(0, span.start - 4) : span.start - 1].rstrip()[-1:]
        ends = self._sentence_ends()
        if before and before in _EAST_ASIAN_LEADS:
            return False  # "表示：“…”": led in
        words = self.words
        if words.spaced_words and words.quotatives:
            # Korean joins speech to its verb with a quotative ("…”고 말했다", "…”라고"); a
            # quote followed by anything else is a term of the sentence ("…” 같은 글을").
            return not text.startswith(words.quotatives, span.end + 1)
        if not before or before in ends:
            return False
        content = text[span.start : span.end].rstrip()
        if content[-1:] in ends or content[-1:] in "，,":
            return False
        after = text[span.end + 1 : span.end + 1 + _EAST_ASIAN_CUE_REACH]
        return _east_asian_cues(self.words.cues).search(after) is None

    def attribution(self, span: Span) -> Found | None:
        """The speaker and verb of a quote in Chinese or Japanese.

        After the quote: "「…」と述べた", "「…」と、岸田首相は述べた", "“…”王毅说。"; before
        it, leading in with a colon or a comma: "外交部发言人汪文斌表示：“…”", "港湾局長は会見で
        「…」と述べた" (the subject, marked by は or が, opens the sentence).
        """
        text = self.text
        opening = span.start - 1
        # The sentence's start, looked for within reach: a text without sentence ends (or a
        # hostile one) is not searched back to its beginning for every quote.
        floor = max(0, opening - _EAST_ASIAN_BACK)
        ends = self._sentence_ends()
        start = max(floor, max(text.rfind(end, floor, opening) for end in ends) + 1)
        after_start = min(span.end + 1, len(text))
        window = text[after_start : after_start + _EAST_ASIAN_REACH]
        stops = [at for at in (window.find(end) for end in ends) if at >= 0]
        after = window[: min(stops, default=len(window))]
        before = text[start:opening]
        cues = _east_asian_cues(self.words.cues)
        lead = before.rstrip()
        led = lead[-1:] in _EAST_ASIAN_LEADS or not lead
        content = text[span.start : span.end].rstrip(" ”」』")
        cue = cues.search(after)
        if led and content[-1:] in ends and cues.search(lead) is not None:
            cue = None  # "…强调：“…。”他还指出": the next sentence's verb is its own
        if cue is not None and cue.start() <= _EAST_ASIAN_CUE_REACH + _EAST_ASIAN_NAME:
            between = after[: cue.start()]
            skipped = self._quotative_length(between)
            named = None
            if not self.words.subject_markers or self._has_subject(between[skipped:]):
                named = self._east_asian_subject(between[skipped:], after_start + skipped)
            if named is None:
                named = self._east_asian_subject(before, start)
            return self._east_asian_found(named, cue.group(0))
        if led:
            # The last reporting verb before the quote leads into it.
            found = max(cues.finditer(lead), key=lambda match: match.start(), default=None)
            if found is not None:
                named = self._east_asian_subject(lead[: found.start()], start)
                return self._east_asian_found(named, found.group(0))
        return None

    def _previous_subject(self, position: int) -> str | None:
        """The subject of the sentence before ``position``, when a particle marks it."""
        if not self.words.subject_markers:
            return None
        text = self.text
        ends = self._sentence_ends()
        floor = max(0, position - _EAST_ASIAN_BACK)
        end = max(text.rfind(mark, floor, position) for mark in ends)
        if end <= floor:
            return None
        start = max(floor, max(text.rfind(mark, floor, end) for mark in ends) + 1)
        sentence = text[start:end]
        if not self._has_subject(sentence):
            return None
        named = self._east_asian_subject(sentence, start)
        if named is None or named[0] in self.words.pronouns or named[0] in self.words.nominal_heads:
            return None  # (not "市": "he" is a person)
        return named[0] if len(named[0]) <= _EAST_ASIAN_PERSON * 2 else None

    def _has_subject(self, segment: str) -> bool:
        """Whether a particle of the subject ends a word of ``segment`` ("山田太郎氏は記者団に")."""
        return any(
            self._marker_at(segment, particle) > 0 for particle in self.words.subject_markers
        )

    def _sentence_ends(self) -> str:
        """What ends a sentence: Korean ends them with the Latin marks too."""
        return _EAST_ASIAN_ENDS + ".?!" if self.words.spaced_words else _EAST_ASIAN_ENDS

    def _marker_at(self, segment: str, particle: str) -> int:
        """Where the last ``particle`` that ends a word stands in ``segment`` (-1: nowhere)."""
        at = segment.rfind(particle)
        if not self.words.spaced_words:
            return at
        while at > 0 and segment[at + len(particle) : at + len(particle) + 1] not in ("", " "):
            at = segment.rfind(particle, 0, at)  # "기자회견에서": not a particle inside a word
        return at

    def _quotative_length(self, between: str) -> int:
        """How much of ``between`` (from a quote to its verb) the quotative and commas take."""
        rest = between.lstrip(_EAST_ASIAN_PUNCTUATION)
        for quotative in self.words.quotatives:
            if rest.startswith(quotative):
                rest = rest[len(quotative) :].lstrip(_EAST_ASIAN_PUNCTUATION)
                break
        return len(between) - len(rest)

    def _east_asian_subject(self, segment: str, offset: int) -> tuple[str, int] | None:
        """Who ``segment`` (the words before a reporting verb) names as the speaker.

        Japanese marks the subject with は or が ("岸田首相は記者団に"); Chinese sets it right
        before the verb, after the sentence's opening phrase ("当天，外交部发言人汪文斌"). What
        the lexicon lists around a name goes when a name is left: a Japanese honorific after
        it ("山田氏" is 山田; a title such as 首相 stays, as 港湾局長 is a title alone), a
        Chinese role before it ("发言人汪文斌" is 汪文斌).
        """
        words = self.words
        # The particles in the lexicon's order, the topic's first: Korean "이" and "가" also end
        # other words ("같이"), as Japanese "が" ends a clause.
        marker = -1
        for particle in words.subject_markers:
            marker = self._marker_at(segment, particle)
            if marker > 0:
                break
        if marker > 0:
            segment = segment[:marker].rstrip()
        clauses = _EAST_ASIAN_CLAUSES[:-1] if words.spaced_words else _EAST_ASIAN_CLAUSES
        cut = max(segment.rfind(mark) for mark in clauses) + 1
        phrase = segment[cut:].strip()
        for opener in words.openers:
            if phrase.startswith(opener) and len(phrase) > len(opener):
                cut += len(opener)  # "하지만 엘제이는", "しかし山田氏は": the sentence's link
                phrase = phrase[len(opener) :].lstrip(" 、，,")
                break
        place = phrase.find("在")  # Chinese "在会上" (at the meeting) before the verb
        if place >= _MIN_EAST_ASIAN_NAME:
            phrase = phrase[:place]
        while True:
            trimmed = phrase
            for word in words.auxiliaries:
                if trimmed.endswith(word) and len(trimmed) > len(word):
                    trimmed = trimmed[: -len(word)]
            if trimmed == phrase:
                break
            phrase = trimmed
        if not phrase or len(phrase) > _EAST_ASIAN_NAME or phrase in words.first_person:
            return None
        at = offset + cut
        if words.spaced_words and " " in phrase:
            # Korean writes the title as a word after the name, often a compound ("박지훈
            # 항만국장"): a last word that ends with a title goes whole.
            name, _, last = phrase.rpartition(" ")
            if last.endswith(tuple(words.role_suffixes)) and len(name) >= _MIN_EAST_ASIAN_NAME:
                phrase = name
        else:
            for suffix in words.role_suffixes:
                if phrase.endswith(suffix) and len(phrase) - len(suffix) >= _MIN_EAST_ASIAN_NAME:
                    phrase = phrase[: -len(suffix)].rstrip()  # "山田氏", "山田容疑者"
                    break
        roles = [phrase.rfind(role) + len(role) for role in words.roles if role in phrase]
        if roles and _MIN_EAST_ASIAN_NAME <= len(phrase) - max(roles) <= _EAST_ASIAN_PERSON:
            at += max(roles)
            phrase = phrase[max(roles) :]
        return phrase, at

    def _east_asian_found(self, named: tuple[str, int] | None, cue: str) -> Found:
        """A quote's verb and speaker.

        "他", "彼女", "그" stand for the last speaker, or else for the subject of the sentence
        before ("엘제이는 … 보였다. 그는 “…”고 말했다": 엘제이).
        """
        if named is None:
            return Found(speaker=None, cue=cue, position=-1)
        speaker, position = named
        if speaker in self.words.pronouns:
            last = self.mentions.last_speaker
            if last is None:
                antecedent = self._previous_subject(position)
                return Found(speaker=antecedent, cue=cue, position=position)
            return Found(speaker=last.name, cue=cue, position=position)
        self.mentions.last_speaker = Mention(name=speaker, gender="", position=position)
        return Found(speaker=speaker, cue=cue, position=position)
