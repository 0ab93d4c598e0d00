"""The rules of one language that read words and tokens, whatever the text they come from."""

from __future__ import annotations

from functools import cache
from typing import Final

from newsdoc.analysis.lexicons import Lexicon, lexicon
from newsdoc.analysis.quotes.tokens import join_phrase, lowered_tokens, token_pattern, tokenize
from newsdoc.analysis.quotes.vocabulary import (
    FUNCTION_CAPITALS,
    PAST_CUES,
    QUANTIFIERS,
    ROLE_WORDS,
    STOP_FORWARD,
)
from newsdoc.analysis.vocabulary import NAME_PARTICLES

# The longest name, and the longest speaker that is not a name, in tokens.
MAX_NAME_TOKENS: Final = 5
MAX_NOMINAL_TOKENS: Final = 8


class Grammar:
    """A lexicon, the sets worked out from it once, and the word rules that read them."""

    def __init__(self, words: Lexicon) -> None:
        self.words = words
        # Titles without their period ("gov" for "gov.").
        self.title_stems = frozenset(title[:-1] for title in words.titles if title.endswith("."))
        # The verbs of two-word cues ("shot" of "shot back").
        self.phrasal_heads = frozenset(verb for verb, _ in words.phrasal_cues)
        # The lexicon's male and female first names together.
        self.first_names = words.male_names | words.female_names
        # The English role words and the lexicon's own.
        self.roles = ROLE_WORDS | words.roles
        # How the language's text splits into tokens.
        self.pattern = token_pattern(words.elisions, words.hyphenated_pronouns)
        # The words that end a speaker read after the verb.
        self.stop_forward = STOP_FORWARD | words.phrase_stops
        self.role_suffixes = words.role_suffixes

    def is_role(self, lowered: str) -> bool:
        """Whether a lower-case word is a role noun ("minister", "gdl-chef", "bahnchef")."""
        if lowered in self.roles:
            return True
        suffixes = self.role_suffixes
        return bool(suffixes) and len(lowered) >= 6 and lowered.endswith(suffixes)

    def without_roles(self, run: list[tuple[str, int]]) -> tuple[str, int]:
        """A name run without the titles before the name ("Foreign Minister Dmytro Kuleba")."""
        last_role = max(
            (index for index, (token, _) in enumerate(run) if self.is_role(token.lower())),
            default=-1,
        )
        if 0 <= last_role < len(run) - 1:
            run = run[last_role + 1 :]
        return join_phrase(run), run[0][1]

    def is_abbreviation(self, text: str, period: int) -> bool:
        """Whether the period at ``text[period]`` ends an abbreviation, not a sentence."""
        if text[period] != ".":
            return False
        if text[period + 1 : period + 2] == ")":
            return True  # "Rep. Gwen Moore (D-Wis.) said": a party label, not a sentence end
        head = text[max(0, period - 12) : period]
        word = head.rsplit(None, 1)[-1] if head.strip() else ""
        word = word.lstrip("(\"“'‘").lower()
        return word in self.words.abbreviations or (len(word) == 1 and word.isalpha())

    def name_word(self, token: str, inside: bool) -> bool:
        """Whether ``token`` can be a word of a name (a particle only inside one)."""
        lowered = token.lower()
        return (token[:1].isupper() and lowered not in FUNCTION_CAPITALS) or (
            inside and lowered in NAME_PARTICLES
        )

    def ends_with_cue(self, text: str) -> bool:
        """Whether a reporting verb stands among the last words before a quote.

        ``The ad claims “…”``, ``asked the Cleveland crowd “…”``: a lead-in with no colon.
        """
        tokens = tokenize(text[-60:], self.pattern)
        return any(
            self.is_cue(tokens, index) for index in range(max(0, len(tokens) - 4), len(tokens))
        )

    def first_cue(self, tokens: list[tuple[str, int]], limit: int) -> int | None:
        """The first reporting verb among the first ``limit`` words.

        The words of an appositive are not counted ("Robert Peck, managing director at X, told
        me").
        """
        counted = 0
        inside = False
        for index, (token, _) in enumerate(tokens[:40]):
            if token == ",":
                inside = not inside and index > 0
                continue
            if self.is_cue(tokens, index):
                return index
            if not inside:
                counted += 1
                if counted >= limit:
                    return None
        return None

    def is_cue(self, tokens: list[tuple[str, int]], index: int) -> bool:
        """Whether ``tokens[index]`` is a reporting verb.

        Not capitalised inside a sentence ("Post"), and not a noun after a determiner ("the
        report said", "her post").
        """
        token = tokens[index][0]
        lowered = token.lower()
        if lowered not in self.words.cues:
            # "Trump went on", "Bennett shot back": a verb and its particle
            if lowered not in self.phrasal_heads or index + 1 >= len(tokens):
                return False
            if (lowered, tokens[index + 1][0].lower()) not in self.words.phrasal_cues:
                return False
        if token[:1].isupper() and index > 0:
            return False
        if index == 0:
            return True
        previous = tokens[index - 1][0].lower()
        if previous not in self.words.determiners:
            return True
        # After a number or a quantifier, a verb in the past is still a verb: "the mother of
        # three replied", "many said" (but "three reports", "the report said").
        return previous in QUANTIFIERS and (lowered.endswith("ed") or lowered in PAST_CUES)

    def cue_in(self, text: str, *, last: bool) -> int | None:
        """The index of the first (or ``last``) reporting verb among the tokens of ``text``."""
        tokens = tokenize(text, self.pattern)
        cues = self.words.cues
        # The lexicon lookup first, for every token at once; the rules only for the few hits.
        heads = self.phrasal_heads
        hits = [
            index
            for index, word in enumerate(lowered_tokens(text, self.pattern))
            if word in cues or word in heads
        ]
        for index in reversed(hits) if last else hits:
            if self.is_cue(tokens, index):
                return index
        return None


# One per language with a lexicon, kept for the process: the sets are worked out once, for
# every text in the language.
@cache
def grammar_for(language: str) -> Grammar:
    """The grammar of ``language`` (a primary tag that has a lexicon)."""
    words = lexicon(language)
    assert words is not None  # the caller's lexicon
    return Grammar(words)


def is_participle(cue: str) -> bool:
    """Whether a reporting verb is a present participle ("adding", "writing")."""
    return cue.lower().endswith("ing")
