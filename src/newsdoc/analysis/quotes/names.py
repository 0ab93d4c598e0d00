"""Names and noun phrases read forward or back from a token: who a few words name."""

from __future__ import annotations

from newsdoc.analysis.quotes.grammar import MAX_NAME_TOKENS, MAX_NOMINAL_TOKENS, Grammar
from newsdoc.analysis.quotes.tokens import join_phrase
from newsdoc.analysis.quotes.vocabulary import (
    FUNCTION_CAPITALS,
    NOT_IN_SPEAKERS,
    PARTITIVES,
    PLURAL_ENDINGS,
    QUANTIFIERS,
    SUBJECT_GLUE,
)
from newsdoc.analysis.vocabulary import NAME_PARTICLES


def name_after_roles(
    grammar: Grammar, tokens: list[tuple[str, int]], index: int
) -> tuple[str, int]:
    """The name run at ``index``, or the one after the roles that follow it.

    "Band member Flea", "Clinton campaign manager Robby Mook", "Republican presidential
    candidate Donald Trump": the person, not the words that describe them.
    """
    end = index
    while end < len(tokens) and grammar.name_word(tokens[end][0], end > index):
        end += 1
    run = tokens[index:end]
    between = 0
    role = False
    while end + between < len(tokens) and between < 3:
        token = tokens[end + between][0]
        if grammar.name_word(token, False):
            break
        if token in ",;:()" or token.lower() in grammar.words.cues:
            return grammar.without_roles(run)
        role = role or grammar.is_role(token.lower())
        between += 1
    start = end + between
    if role and start < len(tokens) and grammar.name_word(tokens[start][0], False):
        stop = start
        while stop < len(tokens) and grammar.name_word(tokens[stop][0], stop > start):
            stop += 1
        run = tokens[start:stop]
    return grammar.without_roles(run[:MAX_NAME_TOKENS])


def whole_name(
    grammar: Grammar, tokens: list[tuple[str, int]], start: int, stop: int
) -> tuple[str, int] | None:
    """The name ``tokens[start:stop]`` holds when it holds nothing else.

    A parenthesis after it is allowed ("Durbin (D-Ill.)"); a state or a short initialism
    on its own ("Va", "OH") is not a name.
    """
    end = skip_parenthesis(tokens, stop - 1) + 1
    if end <= start or end - start > MAX_NAME_TOKENS:
        return None
    run = tokens[start:end]
    if not all(grammar.name_word(token, index > 0) for index, (token, _) in enumerate(run)):
        return None
    if len(run) == 1 and (len(run[0][0]) <= 3 or run[0][0].isupper()):
        return None
    return grammar.without_roles(run)


def skip_parenthesis(tokens: list[tuple[str, int]], index: int) -> int:
    """The index before a parenthesis that ends at ``index`` ("Durbin (D-Ill.),")."""
    if index < 0 or tokens[index][0] != ")":
        return index
    opening = next((i for i in range(index - 1, -1, -1) if tokens[i][0] == "("), None)
    return index if opening is None else opening - 1


def subject_at_start(grammar: Grammar, tokens: list[tuple[str, int]]) -> tuple[str, int] | None:
    """The noun phrase a clause starts with: a pronoun, a name, or "a spokesman for X"."""
    words = grammar.words
    first = tokens[0][0].lower()
    if first in words.pronouns:
        return first, tokens[0][1]
    taken: list[tuple[str, int]] = []
    for token, at in tokens[:MAX_NOMINAL_TOKENS]:
        lowered = token.lower()
        if token in ",;:()" or (lowered in words.cues and taken):
            break
        if not (
            token[:1].isupper()
            or lowered in words.determiners
            or lowered in SUBJECT_GLUE
            or grammar.is_role(lowered)
            or lowered in words.nominal_heads
            or lowered in NAME_PARTICLES
        ):
            break
        taken.append((token, at))
    while taken and taken[-1][0].lower() in SUBJECT_GLUE | words.determiners:
        taken.pop()
    if not taken or (len(taken) == 1 and taken[0][0].lower() in FUNCTION_CAPITALS):
        return None
    return join_phrase(taken), taken[0][1]


def name_backward(
    grammar: Grammar, tokens: list[tuple[str, int]], index: int
) -> tuple[str, int] | None:
    """The name that ends at ``tokens[index]``, read back (roles before it dropped)."""
    run: list[tuple[str, int]] = []
    while index >= 0 and len(run) < MAX_NAME_TOKENS:
        if grammar.name_word(tokens[index][0], bool(run)):
            run.append(tokens[index])
        else:
            break
        index -= 1
    while run and run[-1][0].lower() in NAME_PARTICLES:
        run.pop()
    if not run:
        return None
    run.reverse()
    return grammar.without_roles(run)


def nominal_backward(
    grammar: Grammar, tokens: list[tuple[str, int]], index: int
) -> tuple[str, int] | None:
    """A speaker that is not a name: "the ministry", "a spokesperson for the EU"."""
    words = grammar.words
    collected: list[tuple[str, int]] = []
    while index >= 0 and len(collected) < MAX_NOMINAL_TOKENS:
        token = tokens[index][0]
        if token in ",;:()—–" or token.lower() in words.cues:
            break
        collected.append(tokens[index])
        if token.lower() in words.determiners and not (
            # "the mother of three": a count after "of" belongs to the noun before it
            token.lower() in QUANTIFIERS and index > 0 and tokens[index - 1][0] == "of"
        ):
            break
        index -= 1
    if not collected:
        return None
    collected.reverse()
    lowered = [token.lower() for token, _ in collected]
    head = lowered[-1]
    if len(lowered) > 2 and lowered[-2] == "of" and head in QUANTIFIERS:
        head = lowered[-3]  # "the mother of three": the noun before the count
    short_with_determiner = collected[0][0].lower() in words.determiners and len(collected) <= 4
    if (
        head not in words.nominal_heads
        and not grammar.is_role(head)  # "the presumptive Republican presidential nominee"
        and not head.endswith(PLURAL_ENDINGS)
        and not short_with_determiner
    ):
        return None  # "the compliment to Adelson said": not a speaker
    if any(token.lower() in NOT_IN_SPEAKERS for token, _ in collected):
        return None
    return join_phrase(collected), collected[0][1]


def noun_phrase_forward(
    grammar: Grammar, tokens: list[tuple[str, int]], index: int
) -> tuple[str, int] | None:
    """The speaker after the verb: "said Donna Brazile, the chair", "said the ministry"."""
    words = grammar.words
    segment: list[tuple[str, int]] = []
    for token, at in tokens[index : index + 12]:
        lowered = token.lower()
        if token in ",;:()—–" or lowered in grammar.stop_forward:
            # "said one of those advisers": a part of a group speaks
            partitive = lowered == "of" and len(segment) == 1
            if not (partitive and segment[0][0].lower() in PARTITIVES):
                break
        segment.append((token, at))
    if not segment:
        return None
    first = segment[0][0].lower()
    possessive = first in words.determiners and len(segment) > 1  # "his deputy Mark Olsen"
    if (first in words.pronouns and not possessive) or first in words.first_person:
        return first, segment[0][1]
    runs: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    for token, at in segment:
        if grammar.name_word(token, bool(current)):
            current.append((token, at))
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    if runs and all(grammar.is_role(token.lower()) for token, _ in runs[-1]):
        # "said Secretary of State John Kerry": the role alone is not the name
        named = _name_after_complement(grammar, tokens, index + len(segment))
        if named is not None:
            return named
    if runs and first not in words.determiners:
        return grammar.without_roles(runs[-1][:MAX_NAME_TOKENS])
    if runs and runs[-1][-1] == segment[-1] and len(runs[-1]) >= 2:
        # "added his deputy Mark Olsen", "said the party's chairman John Doe": the name.
        return grammar.without_roles(runs[-1][:MAX_NAME_TOKENS])
    if not runs and first not in words.determiners:
        # "said master of ceremonies Asab Al-Tabchi", "said former secretary of state
        # Hillary Clinton": a role with its complement, then the name.
        named = _name_after_complement(grammar, tokens, index + len(segment))
        if named is not None:
            return named
    if first in words.determiners:
        if all(token.lower() in words.auxiliaries for token, _ in segment[1:]):
            return None  # "dijo el lunes": a time, not who spoke
        named = _appositive_name(grammar, tokens, index + len(segment), segment)
        if named is not None:
            return named
        kept = segment[:MAX_NOMINAL_TOKENS]
        return join_phrase(kept), kept[0][1]
    return None


def _appositive_name(
    grammar: Grammar, tokens: list[tuple[str, int]], index: int, segment: list[tuple[str, int]]
) -> tuple[str, int] | None:
    """The name a comma puts after a person's role ("said the spokeswoman, Mary Lopez").

    Only after a role noun, and only a name of two words or more that ends the sentence
    or its clause: the role then describes the person the name gives.
    """
    if index >= len(tokens) or tokens[index][0] != ",":
        return None
    if not any(grammar.is_role(token.lower()) for token, _ in segment):
        return None
    start = end = index + 1
    while end < len(tokens) and grammar.name_word(tokens[end][0], end > start):
        end += 1
    if end == start:
        return None
    if end < len(tokens) and tokens[end][0] not in ",;:()—–":
        return None  # "the spokeswoman, Mary Lopez Agency's": not a name that ends there
    # The run as name_forward reads it: at most MAX_NAME_TOKENS words, roles dropped.
    name = grammar.without_roles(tokens[start:end][:MAX_NAME_TOKENS])
    return name if " " in name[0] else None


def _name_after_complement(
    grammar: Grammar, tokens: list[tuple[str, int]], index: int
) -> tuple[str, int] | None:
    """The name that ends a role's "of" complement ("of state Hillary Clinton").

    Only after "of", and only a name of two words or more before any comma; it starts at
    a known first name when there is one ("of State John Kerry").
    """
    if index >= len(tokens) or tokens[index][0].lower() != "of":
        return None
    for start in range(index + 1, min(index + 5, len(tokens))):
        token = tokens[start][0]
        if token in ",;:()—–":
            return None
        if not grammar.name_word(token, False):
            continue
        run = name_forward(grammar, tokens, start)
        if run is None:
            return None
        words = run[0].split()
        lowered = [word.lower() for word in words]
        first = next((i for i, word in enumerate(lowered) if word in grammar.first_names), 0)
        words = words[first:]
        if len(words) < 2:
            return None
        at = next(at for word, at in tokens[start:] if word == words[0])
        return " ".join(words), at
    return None


def name_forward(
    grammar: Grammar, tokens: list[tuple[str, int]], index: int
) -> tuple[str, int] | None:
    """The name that starts at ``tokens[index]`` (roles before it dropped)."""
    run: list[tuple[str, int]] = []
    for token, at in tokens[index : index + MAX_NAME_TOKENS]:
        if grammar.name_word(token, bool(run)):
            run.append((token, at))
        else:
            break
    return grammar.without_roles(run) if run else None
