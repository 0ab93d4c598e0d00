"""Who has been named so far in a text, and who a pronoun or a surname stands for."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice
from typing import TYPE_CHECKING, Final

import attrs

from newsdoc.analysis.quotes.name_runs import (
    FUNCTION_WORD,
    NAME_RUN,
    ORG_WORD,
    SINGLE_WORDS,
    run_words,
    single_word,
)
from newsdoc.analysis.quotes.vocabulary import (
    FEMALE_TITLES,
    MALE_TITLES,
    NOT_BEFORE_PEOPLE,
    OPENING_WORDS,
    ORG_WORDS,
    PLACE_STARTS,
    PREPOSITIONS,
    WHEN,
)

if TYPE_CHECKING:
    from newsdoc.analysis.quotes.grammar import Grammar
    from newsdoc.analysis.quotes.passage import Passage

# He, his, him, himself, she, her, herself as whole words ("He", "His", "She" and "Her" may open
# a sentence). Written to start with a character set so that the engine skips to candidates
# in C: a pattern that opens with a word boundary is tried at every position (3 times slower).
_GENDERED: Final = re.compile(
    r"[HhSs](?<!\w.)(?:(?<=H)(?:e|is|er)|(?<=h)(?:e|is|im|imself|er|erself)|(?<=[Ss])he)\b"
)
# How many of the latest mentions a pronoun may reach back to.
_MENTIONS_BACK: Final = 400


def _latest(mentions: list[Mention]) -> Iterator[Mention]:
    """The latest mentions first, at most ``_MENTIONS_BACK`` of them."""
    return islice(reversed(mentions), _MENTIONS_BACK)


@attrs.define
class Mention:
    """A person or an organisation named at ``position``."""

    name: str
    gender: str  # "male", "female", "plural", "thing" or "" when unknown
    position: int
    # Named as the subject of its clause; None until asked (see Mentions._subject): most
    # mentions are never candidates for a pronoun, and the test reads the text around them.
    subject: bool | None = False
    end: int = -1  # where the name ends, for that test

    def again(self, position: int, end: int = -1, subject: bool | None = None) -> Mention:
        """The same person named again at ``position`` (cheaper than ``attrs.evolve``)."""
        return Mention(self.name, self.gender, position, subject, end)


@attrs.define
class Found:
    """Who said a quote, with the verb, and where the speaker is written."""

    speaker: str | None
    cue: str | None
    position: int  # where the speaker is written, for "the previous speaker"


class Mentions:
    """The people and organisations a text names, collected as it is read from start to end."""

    def __init__(self, text: str, grammar: Grammar, passage: Passage) -> None:
        self.text = text
        self.grammar = grammar
        self.words = grammar.words
        self.passage = passage
        self.people: list[Mention] = []  # people named so far, in order
        self.orgs: list[Mention] = []
        self.surnames: dict[str, Mention] = {}
        self.scanned = 0  # mentions are collected up to here
        self.last_speaker: Mention | None = None

    def collect(self, upto: int) -> None:
        """Record the people and organisations named in the text before ``upto``."""
        if upto <= self.scanned:
            return
        chunk = self.text[self.scanned : upto]
        base = self.scanned
        self.scanned = upto
        surnames = self.surnames
        for match in NAME_RUN.finditer(chunk):
            raw, at = match.group(0), match.start()
            if " " not in raw and "\t" not in raw and "\u00a0" not in raw:
                # One capitalised word (most of them: sentence starts, places, surnames):
                # only a surname seen before tells anything.
                single = SINGLE_WORDS.get(raw)
                if single is None:
                    single = single_word(raw)
                word, kind = single
                if kind == FUNCTION_WORD:
                    continue
                if kind == ORG_WORD:  # "Congress", "Reuters", "Police"
                    position = base + at
                    self.orgs.append(
                        Mention(name=raw.rstrip(".,"), gender="thing", position=position)
                    )
                    continue
                known = surnames.get(word)
                if known is not None:
                    position = base + at
                    self.people.append(known.again(position, base + at + len(raw)))
                continue
            words = run_words(raw, self.words.language)
            if words is None:
                continue
            tokens, lowered, titled = list(words[0]), list(words[1]), words[2]
            position = base + at
            end = position + len(raw)
            preceding = self.text[max(0, position - 24) : position].rsplit(None, 1)
            word_before = preceding[-1].lower() if preceding else ""
            if not ORG_WORDS.isdisjoint(lowered) or (word_before == "the" and len(tokens) >= 2):
                self.orgs.append(Mention(name=" ".join(tokens), gender="thing", position=position))
                continue
            if len(tokens) == 1:
                known = self.surnames.get(lowered[0])
                if known is not None:  # a surname again: that person is the latest mention
                    self.people.append(known.again(position, end))
                continue
            if titled:
                title = lowered[0]
                tokens = tokens[1:]
                lowered = lowered[1:]
                if not tokens:
                    continue
                gender = (
                    "male"
                    if title + "." in MALE_TITLES
                    else "female"
                    if title + "." in FEMALE_TITLES
                    else ""
                )
                self._add_person(tokens, position, gender, end)
                continue
            if (
                len(tokens) > 2
                and lowered[0] in self.words.determiners
                and self.grammar.is_role(lowered[1])
            ):
                tokens, lowered = tokens[1:], lowered[1:]  # "Die Ministerin Anna Vogt"
            while len(tokens) > 1 and self.grammar.is_role(lowered[0]):
                word_before = lowered[0]  # "Mayor Sarah Wouters": the role marks a person
                tokens = tokens[1:]
                lowered = lowered[1:]
            if lowered[0] in self.words.determiners:
                continue  # "Sprecherin der Stadt": a role and what it serves, not a name
            first_name = self._first_name_at(lowered)
            if first_name:
                # "(Secretary of) State John F. Kerry": the end of a title before a first name.
                tokens, lowered = tokens[first_name:], lowered[first_name:]
                word_before = "mr."
            personal = (
                self.grammar.is_role(word_before)
                or lowered[0] in self.grammar.first_names
                or lowered[-1] in self.surnames
                or (
                    2 <= len(tokens) <= 3
                    and word_before not in NOT_BEFORE_PEOPLE
                    and lowered[0] not in PLACE_STARTS
                    and all(token[1:].islower() or len(token) <= 2 for token in tokens)
                )
            )
            if personal and len(tokens) >= 2 and len(tokens[-1]) >= 2:
                self._add_person(tokens, position, end=end)

    def _participle_follows(self, end: int) -> bool:
        """Whether a participle follows the name that ends at ``end``.

        An aside between dashes may stand between them ("Clinton — who has called for tax
        hikes — lambasting the plan").
        """
        after = self.text[end : end + 160]
        if after[:3] in (" — ", " – ", " - "):
            close = after.find(after[:3], 3)
            after = after[close + 3 :] if close != -1 else ""
        words = after.split(None, 1)
        return bool(words) and words[0].endswith("ing") and words[0].islower()

    def _introduced(self, after: str) -> bool:
        """Whether the words after a name and its comma give the person's role.

        "Henry Crespo, president of …", "Jane Doe, a senior fellow at …": a new voice is
        introduced, and the next "he" or "she" is likely to be that person.
        """
        words = after.split(None, 3)[:3]
        if words and words[0].lower() in self.words.determiners:
            words = words[1:]
        return any(self.grammar.is_role(word.lower().strip(",.")) for word in words[:2])

    def _first_name_at(self, lowered: list[str]) -> int:
        """Where a first name starts the name in a run of capitalised words, or 0.

        Only after other capitalised words (the end of a title: "State" of "Secretary of State
        John F. Kerry"), and only with a surname after it.
        """
        if len(lowered) < 3 or lowered[0] in self.grammar.first_names:
            return 0
        return next(
            (i for i in range(1, len(lowered) - 1) if lowered[i] in self.grammar.first_names), 0
        )

    def _add_person(
        self, tokens: list[str], position: int, gender: str = "", end: int = -1
    ) -> Mention:
        gender = gender or self._gender(tokens, position) or self._gender_from_pronouns(position)
        mention = Mention(" ".join(tokens), gender, position, subject=None, end=end)
        surname = tokens[-1].lower()
        known = self.surnames.get(surname)
        if known is not None and not gender:
            mention.gender = known.gender
        if known is None or len(mention.name) >= len(known.name):
            self.surnames[surname] = mention
        self.people.append(mention)
        return mention

    def _subject(self, mention: Mention) -> bool:
        """Whether ``mention`` names the subject of its clause (decided once, when asked)."""
        subject = mention.subject
        if subject is None:
            subject = mention.subject = self._is_subject(mention.position, mention.end)
        return subject

    def _is_subject(self, position: int, end: int) -> bool:
        """Whether the name written at ``position`` (to ``end``) is the subject of its clause.

        It opens its sentence, perhaps after titles and roles ("Conservative economist Aparna
        Mathur"), or after an opening phrase ("On Tuesday, Clinton criticized", "The minister of
        the economy, Mr. Villarreal, argues"), or a reporting verb follows it ("Mr. Obama said").
        """
        text = self.text
        if self.passage.inside_quote(position):
            return False  # "“If Pence’s goal was…,” he wrote": named by the speaker
        if end > position:
            after = text[end : end + 24].lstrip(" ,")
            if after.startswith("("):
                after = after[after.find(")") + 1 :].lstrip(" ,")
            next_word = after.split(None, 1)[0].lower() if after.strip() else ""
            if next_word in self.words.cues:
                return True
            if text[end : end + 2] == ", " and self._introduced(after):
                return True
        floor = max(0, position - 160)
        head = text[floor:position]
        if head.endswith(" with ") and self._participle_follows(end):
            return True  # "with Hillary Clinton — who… — lambasting the plan": its subject
        # (A run of capitalised words keeps the period that ends its sentence.)
        if end > position and (text[end - 1] == "." or text[end : end + 1] in (".", ",")):
            # Inverted: "…, noted NBC's Dante Chinni." names the speaker of its clause.
            before = head.rsplit(None, 3)[-3:]
            if any(word.lower() in self.words.cues for word in before[-2:]):
                return True
        period = head.rfind(". ")
        while period > 0 and self.grammar.is_abbreviation(head, period):
            period = head.rfind(". ", 0, period)  # "U.N. secretary general": not an end
        start = max(period, head.rfind("? "), head.rfind("! "), head.rfind("\n"))
        if start == -1 and floor > 0:
            return False
        prefix = head[start + 1 :].strip(" \"“”'’")
        words = prefix.split()
        if not words:
            return True
        if "," not in prefix:
            # Titles and roles before the name: capitalised words, ending with a role word.
            return len(words) <= 6 and (
                self.grammar.is_role(words[-1].lower()) or all(word[:1].isupper() for word in words)
            )
        if not prefix.endswith(","):
            return False
        first = words[0].lower()
        return (
            first in PREPOSITIONS
            or first in self.words.determiners
            or first.endswith("ing")
            or first in WHEN
            or first in OPENING_WORDS  # "Hours before boarding a flight, Scott campaigned"
        )

    def mention_for(self, speaker: str, phrase: str, position: int) -> Mention:
        """The mention of a speaker found as ``phrase`` (a pronoun gives the gender)."""
        lowered = phrase.lower()
        gender = self.words.pronouns.get(lowered)
        if gender is None:
            known = self.surnames.get(speaker.split()[-1].lower())
            gender = known.gender if known is not None and known.name == speaker else ""
            if not speaker[:1].isupper():
                gender = "thing"  # "the ministry", "officials"
        return Mention(name=speaker, gender=gender, position=position)

    def _gender_from_pronouns(self, position: int) -> str:
        """The gender of the first "he"/"his" or "she"/"her" in the next 200 characters.

        The pronoun that follows a name in the same passage usually stands for it.
        """
        window = self.text[position : position + 200]
        found = _GENDERED.search(window)
        if found is None:
            return ""
        return "male" if found.group(0).lower() in ("he", "his", "him", "himself") else "female"

    def _gender(self, tokens: list[str], position: int) -> str:
        words = self.words
        first = tokens[0].lower()
        before = self.text[max(0, position - 12) : position].lower().split()
        title = before[-1] if before else ""
        if first in words.male_titles or title in words.male_titles:
            return "male"
        if first in words.female_titles or title in words.female_titles:
            return "female"
        if first in words.male_names:
            return "male"
        if first in words.female_names:
            return "female"
        return words.first_name_genders.get(first, "")

    def resolve(self, speaker: str, position: int) -> str | None:
        """A pronoun or surname replaced by the full name it stands for; "I"/"we": nobody."""
        words = self.words
        lowered = speaker.lower()
        self.collect(position)
        if lowered in words.first_person:
            return None
        gender = words.pronouns.get(lowered)
        if gender is not None:
            return self.antecedent(gender, position) or speaker
        tokens = speaker.split()
        if tokens[0].lower() in words.titles or tokens[0].lower() + "." in words.titles:
            tokens = tokens[1:] or tokens
        known = self.surnames.get(tokens[-1].lower())
        if (
            known is not None
            and (len(tokens) == 1 or len(known.name.split()) > len(tokens))
            and (len(tokens) == 1 or known.name.endswith(" ".join(tokens[1:])))
        ):
            self.people.append(known.again(position, subject=self._subject(known)))
            return known.name
        if len(tokens) >= 2 and speaker[:1].isupper():
            return self._add_person(tokens, position).name
        return " ".join(tokens)

    def antecedent(self, gender: str, position: int) -> str | None:
        """Who "he", "she", "it" or "they" stands for.

        The last speaker, unless a person (or organisation) whose gender agrees was named at
        the start of a later sentence; else the last such person named.
        """
        last = self.last_speaker
        if gender in ("male", "female", "person"):
            # "person": a dropped pronoun ("dijo"), which agrees with anyone's gender.
            agreeing = ("male", "female", "") if gender == "person" else (gender, "")
            subject = next(
                (
                    mention
                    for mention in _latest(self.people)
                    if mention.position <= position
                    and mention.gender in agreeing
                    and self._subject(mention)
                ),
                None,
            )
            if (
                last is not None
                and last.gender in agreeing
                and last.position <= position
                and (subject is None or subject.position <= last.position)
            ):
                return last.name
            if subject is not None:
                return subject.name
            for mention in _latest(self.people):
                if mention.position <= position and mention.gender in agreeing:
                    return mention.name
            return None
        if last is not None and last.gender in ("thing", "plural") and last.position <= position:
            latest_org = next((m for m in _latest(self.orgs) if m.position <= position), None)
            if latest_org is None or latest_org.position <= last.position:
                return last.name
        for mention in _latest(self.orgs):
            if mention.position <= position:
                return mention.name
        return None
