"""Runs of capitalised words in running text, and which of them may name a person."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from newsdoc.analysis.quotes.grammar import grammar_for
from newsdoc.analysis.quotes.vocabulary import FUNCTION_CAPITALS, ORG_WORDS, TIMES

# A run of capitalised words (titles such as "Mr." are words of the run; particles may join).
# A word of four letters or more that ends with a period ends its sentence, and the run: in
# "… Urban League. Scott joked", "Scott" starts a run of its own ("Gov.", "U.S." do not end).
# Capital letters of the Latin alphabets (ASCII, Latin-1, Latin Extended-A): "Émilie",
# "Łukasz" and "Šimon" open names as "Anna" does.
_CAPITALS: Final = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
NAME_RUN: Final = re.compile(
    rf"[{_CAPITALS}][\w'’\-.]*(?:(?<![\w'’\-]{{4}}\.)[ \t\u00a0]+"
    rf"(?:(?:de|van|von|der|den|da|di|du|le|la|bin|al)[ \t\u00a0]+)?[{_CAPITALS}][\w'’\-.]*){{0,7}}"
)


# What a single capitalised word is, by how the text writes it ("Reuters", "Clinton’s"): its
# lower-case form and its kind. A dict, not lru_cache: this is the hottest lookup of the pass.
FUNCTION_WORD: Final = 0
ORG_WORD: Final = 1
_OTHER_WORD: Final = 2
SINGLE_WORDS: Final[dict[str, tuple[str, int]]] = {}
_MAX_SINGLE_WORDS: Final = 50_000


def single_word(raw: str) -> tuple[str, int]:
    """A single capitalised word's lower-case form and kind, kept in ``SINGLE_WORDS``."""
    word = raw.rstrip(".,").removesuffix("’s").removesuffix("'s").lower()
    kind = (
        FUNCTION_WORD
        if word in FUNCTION_CAPITALS
        else ORG_WORD
        if word in ORG_WORDS
        else _OTHER_WORD
    )
    if len(SINGLE_WORDS) >= _MAX_SINGLE_WORDS:
        SINGLE_WORDS.clear()  # a bound on memory; the common words come back at once
    SINGLE_WORDS[raw] = (word, kind)
    return word, kind


@lru_cache(maxsize=8192)
def run_words(raw: str, language: str) -> tuple[tuple[str, ...], tuple[str, ...], bool] | None:
    """The words of a run of capitalised words that may name someone, or ``None``.

    As the text writes them and lower-cased, with whether a title opens them. It depends on
    the run alone, so it is cached: names recur within a text and across texts.
    """
    grammar = grammar_for(language)
    words = grammar.words
    title_stems = grammar.title_stems
    raw_tokens = raw.split()
    # A word that ends a sentence ends the run ("Clinton. He said"); a title or an
    # initialism does not ("Gov.", "U.S.").
    if "." in raw:
        for index, token in enumerate(raw_tokens[:-1]):
            if (
                token.endswith(".")
                and len(token) > 2
                and token.lower() not in words.titles
                and "." not in token[:-1]
            ):
                raw_tokens = raw_tokens[: index + 1]
                break
    possessive = "’s" in raw or "'s" in raw
    if possessive and any(token.endswith(("’s", "'s")) for token in raw_tokens[:-1]):
        # "Russia’s Consul General": a possessor and a noun, not a name; but "NBC’s Dante
        # Chinni": a possessor, then a first name and a surname, is that person.
        owner = max(i for i, token in enumerate(raw_tokens[:-1]) if token.endswith(("’s", "'s")))
        named = raw_tokens[owner + 1 :]
        if len(named) < 2 or named[0].lower() not in words.first_name_genders:
            return None
        raw_tokens = named
        possessive = "’s" in named[-1] or "'s" in named[-1]
    if possessive or "." in raw:
        tokens = [token.rstrip(".,").removesuffix("’s").removesuffix("'s") for token in raw_tokens]
    else:
        tokens = raw_tokens  # nothing to strip (the common case)
    # The words lower-cased in one call (they hold no spaces, so they split back).
    lowered = " ".join(tokens).lower().split()
    first = 0
    titled = lowered[0] in title_stems
    while first < len(lowered) and lowered[first] in FUNCTION_CAPITALS and not titled:
        first += 1
        titled = first < len(lowered) and lowered[first] in title_stems
    if first:
        tokens, lowered = tokens[first:], lowered[first:]
    if not tokens or not TIMES.isdisjoint(lowered):
        return None  # "Late Saturday", "Last March": a time, not a person
    if len(lowered) > 2 and not words.cues.isdisjoint(lowered[2:]):
        # A headline in Title Case: "Chris Christie Calls Hillary Clinton …" is a name, then
        # a verb (a name of two words or more never holds one after them).
        verb = next(index for index in range(2, len(lowered)) if lowered[index] in words.cues)
        tokens, lowered = tokens[:verb], lowered[:verb]
    # "Former Pennsylvania Gov. Ed Rendell", "Retired U.S. Army Gen. Carter Ham": the name is
    # what follows the last title in the run.
    if len(tokens) > 2 and not title_stems.isdisjoint(lowered[1:-1]):
        title_at = max(
            index for index in range(1, len(tokens) - 1) if lowered[index] in title_stems
        )
        tokens, lowered = tokens[title_at:], lowered[title_at:]
        titled = True
    return tuple(tokens), tuple(lowered), titled
