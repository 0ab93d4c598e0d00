"""Alternations regrouped by their first letter match what they matched before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdoc._regex import (
    OPTIONAL_SPACE_RUN,
    SPACE_RUN,
    by_first_letter,
    compile_words,
    without_first_letters,
)

_WORDS = r"comment|combx|contact|foot|nav(?<=\bnav)|ad(?<=\bad)(?:s?\b|-)|-ad\b|advert|a|ab"


def test_words_are_grouped_under_their_first_letter() -> None:
    grouped = by_first_letter(_WORDS)
    assert grouped == (
        r"c(?:omment|ombx|ontact)|foot|nav(?<=\bnav)|a(?:d(?<=\bad)(?:s?\b|-)|dvert||b)|-ad\b"
    )


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d+|abc|abd",  # an escape first
        r"[ab]c|ad|ae",  # a class first
        r"(?:x|y)z|xa|xb",  # a group first
        r"a?b|ac|ad",  # a literal under a quantifier
        r"^ab|ac",  # an anchor
        r"single",
    ],
)
def test_patterns_that_are_not_only_words_are_left_as_they_are(pattern: str) -> None:
    assert by_first_letter(pattern) == pattern


def test_bars_inside_classes_and_groups_do_not_split() -> None:
    assert by_first_letter(r"x[|]y|x(?:a|b)|xz") == r"x(?:[|]y|(?:a|b)|z)"


def test_under_ignore_case_both_cases_of_a_letter_keep_their_order() -> None:
    pattern = "On|on|off|Up"
    grouped = by_first_letter(pattern, ignore_case=True)
    assert grouped == "(?:On|on|off)|Up"
    assert compile_words(pattern, re.IGNORECASE).match("ON").group() == "ON"


_ALPHABET = "abcdmnotsx- "


@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_grouped_patterns_find_the_same_matches(text: str) -> None:
    before = re.compile(_WORDS)
    after = compile_words(_WORDS)
    assert [m.span() for m in before.finditer(text)] == [m.span() for m in after.finditer(text)]


# Patterns that open with white space, as the package wrote them and as it writes them now.
_OPENING_SPACE = (
    (r"\s*(?:,|;|\band\b)\s*", OPTIONAL_SPACE_RUN + r"(?:,|;|\band\b)\s*"),
    (r"\s+[|-]\s+", SPACE_RUN + r"[|-]\s+"),
    (r"\s*[|-]\s+|\s+[|-]\s*", OPTIONAL_SPACE_RUN + r"[|-]\s+|" + SPACE_RUN + r"[|-]\s*"),
)


@given(st.text(alphabet=" \t\n\xa0,;|-and", max_size=40))
def test_white_space_read_from_the_start_of_its_run_finds_the_same_matches(text: str) -> None:
    for before, after in _OPENING_SPACE:
        found = [m.span() for m in re.finditer(before, text)]
        assert found == [m.span() for m in re.finditer(after, text)]
        assert re.split(before, text) == re.split(after, text)


def test_words_without_first_letters_match_either_case_of_it() -> None:
    assert without_first_letters("byline|author") == "yline|uthor"
    pattern = compile_words(without_first_letters("byline|author"))
    assert [bool(pattern.search(name)) for name in ("Byline", "post-author", "title")] == [
        True,
        True,
        False,
    ]
