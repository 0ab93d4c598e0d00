"""The subject of a reporting verb: who the words before it, or its clause, name."""

from __future__ import annotations

from itertools import pairwise

from newsdoc.analysis.function_words import FUNCTION_WORD_SET
from newsdoc.analysis.quotes.grammar import MAX_NOMINAL_TOKENS, Grammar, is_participle
from newsdoc.analysis.quotes.names import (
    name_after_roles,
    name_backward,
    nominal_backward,
    noun_phrase_forward,
    skip_parenthesis,
    subject_at_start,
    whole_name,
)
from newsdoc.analysis.quotes.tokens import join_phrase, token_at
from newsdoc.analysis.quotes.vocabulary import (
    CLAUSE_OPENERS,
    NOT_IN_SPEAKERS,
    OPENING_WORDS,
    ORG_WORDS,
    PREPOSITIONS,
    SUBJECT_GLUE,
    SUBORDINATORS,
    WHEN,
)
from newsdoc.analysis.vocabulary import NAME_PARTICLES


def short_attribution(grammar: Grammar, tokens: list[tuple[str, int]], cue_at: int) -> bool:
    """Whether a sentence after a finished quote is only its attribution.

    ``Smith said.`` or ``Cruz told reporters outside a restaurant.``, not a sentence that
    opens with a preposition or reports more speech (``Kasich said he would…``).
    """
    if tokens[0][0].lower() in CLAUSE_OPENERS or tokens[0][0].lower() in PREPOSITIONS:
        return False
    following = [token.lower() for token, _ in tokens[cue_at + 1 : cue_at + 5]]
    return not ("that" in following or (following and following[0] in grammar.words.pronouns))


def subject_before_cue(
    grammar: Grammar, source: str, tokens: list[tuple[str, int]], cue_at: int
) -> tuple[str, int] | None:
    """The subject between a closing mark and its verb (``…," <subject> said``).

    A name that a prepositional phrase qualifies is the name ("Jeffrey Lewis of the James
    Martin Center wrote"); a subject with no name is taken whole ("the bespectacled,
    71-year-old diplomat said").
    """
    index = 0
    while index < cue_at and grammar.name_word(tokens[index][0], index > 0):
        index += 1
    if (
        index >= 2
        and index < cue_at
        and tokens[index][0].lower() in ("of", "at", "from", "with", "for")
    ):
        return grammar.without_roles(tokens[:index])
    if (
        index >= 2
        and index + 1 < cue_at
        and tokens[index][0] == ","
        and tokens[index + 1][0].lower() in grammar.words.determiners
        and tokens[index + 1][0].lower() not in grammar.words.pronouns
    ):
        # "Nate Silver, the polling guru who founded the site tweeted": an appositive the
        # writer did not close with a second comma
        return grammar.without_roles(tokens[:index])
    phrase = noun_phrase_backward(grammar, tokens, cue_at)
    if phrase is not None:
        return phrase
    end = cue_at
    while end > 0 and tokens[end - 1][0].lower() in grammar.words.auxiliaries | WHEN:
        end -= 1
    subject = [token for token in tokens[:end] if token[0] not in "()"]
    if not subject or len(subject) > MAX_NOMINAL_TOKENS:
        return None
    if any(token.lower() in NOT_IN_SPEAKERS for token, _ in subject):
        return None
    if all(
        token.lower() in FUNCTION_WORD_SET or token.lower() in CLAUSE_OPENERS or token in ","
        for token, _ in subject
    ):
        return None  # "…" and stressed: no subject at all
    return source[subject[0][1] : subject[-1][1] + len(subject[-1][0])], subject[0][1]


def subject_like(grammar: Grammar, tokens: list[tuple[str, int]]) -> bool:
    """Whether the words before a verb can all be its subject.

    A subject, then perhaps appositives between commas or parentheses ("Scott Pruitt, the
    attorney general of Oklahoma, one of the states suing, said"; "Rep. Gwen Moore
    (D-Wis.) said").
    """
    words = grammar.words
    depth = 0
    determined = 0  # words since a determiner: "the clerk", "the campaign's lawyer"
    for token, _ in tokens:
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        if token in ",()" or depth:
            if token == ",":
                break  # what follows the first comma is an appositive
            continue
        lowered = token.lower()
        if (
            token[:1].isupper()
            or lowered in words.determiners
            or lowered in words.pronouns
            or lowered in words.auxiliaries
            or lowered in words.nominal_heads
            or lowered in WHEN
            or lowered in SUBJECT_GLUE
            or grammar.is_role(lowered)
            or lowered in NAME_PARTICLES
        ):
            if lowered in words.determiners:
                determined = 1
            continue
        if determined and determined <= 4:
            determined += 1
            continue
        return False
    return True


def named_before_colon(grammar: Grammar, tokens: list[tuple[str, int]]) -> tuple[str, int] | None:
    """A document or speaking noun that ends a lead-in just before its colon.

    "… is exemplified by this finding:", "… in the following statement:".
    """
    if len(tokens) < 3 or tokens[-1][0] != ":":
        return None
    head = tokens[-2][0].lower()
    if head not in grammar.words.nominal_heads:
        return None
    for index in range(len(tokens) - 3, max(-1, len(tokens) - 6), -1):
        word = tokens[index][0].lower()
        if word in grammar.words.determiners:
            return join_phrase(tokens[index:-1]), tokens[index][1]
        if not word.isalpha() or word in PREPOSITIONS:
            return None
    return None


def after_preposition(tokens: list[tuple[str, int]], at: int) -> bool:
    """Whether the token written at ``at`` follows a preposition."""
    index = token_at(tokens, at)
    return index > 0 and tokens[index - 1][0].lower() in PREPOSITIONS


def main_subject(
    grammar: Grammar, tokens: list[tuple[str, int]], upto: int
) -> tuple[str, int] | None:
    """The subject of the clause before ``tokens[upto]``.

    That of an earlier reporting verb when there is one ("Lewandowski said, adding"),
    else the noun phrase the sentence opens with.
    """
    # "When asked whom she supported, Ms. Sherry smiled and said": a subordinate clause
    # that opens the sentence has a subject and verbs of its own.
    start = 0
    if tokens and tokens[0][0].lower() in SUBORDINATORS:
        start = next((i + 1 for i, (token, _) in enumerate(tokens[:upto]) if token == ","), 0)
    for index in range(upto - 1, start - 1, -1):
        if not grammar.is_cue(tokens, index):
            continue
        if is_participle(tokens[index][0]):
            # "with Donald Trump tweeting that… and asking,": the name before the first one
            named = name_backward(grammar, tokens, index - 1) if index > 0 else None
            if named is not None:
                return named
            continue
        if index == 0 or (index == 1 and tokens[0][0] == ","):
            phrase = noun_phrase_forward(grammar, tokens, index + 1)
        else:
            phrase = noun_phrase_backward(grammar, tokens, index)
        if phrase is not None:
            return phrase
        break
    return clause_subject(grammar, tokens[start:upto])


def clause_subject(grammar: Grammar, tokens: list[tuple[str, int]]) -> tuple[str, int] | None:
    """The noun phrase a clause opens with: a pronoun, "the Vermont senator", a name."""
    if not tokens:
        return None
    words = grammar.words
    if tokens[0][0].lower() in PREPOSITIONS or tokens[0][0].lower() in OPENING_WORDS:
        # "In a Fox interview later that day, Trump went further:", "Hours later, Trump
        # returned the compliment": the subject follows the opening phrase
        comma = next((i for i, (token, _) in enumerate(tokens[:12]) if token == ","), None)
        if comma is None or comma + 1 >= len(tokens):
            return None
        tokens = tokens[comma + 1 :]
        while len(tokens) > 2 and tokens[0][0].isdigit() and tokens[1][0] == ",":
            tokens = tokens[2:]  # "On July 6, 2015, Sanders …": the year ends the phrase
    first = tokens[0][0].lower()
    if first in words.pronouns and (len(tokens) == 1 or first not in words.determiners):
        return first, tokens[0][1]
    if first in words.determiners:
        for index, (token, _) in enumerate(tokens[1:8], start=1):
            lowered = token.lower()
            if token in ",;:" or grammar.is_cue(tokens, index):
                break
            if grammar.is_role(lowered) and index <= 2 and index + 1 < len(tokens):
                following = tokens[index + 1][0]
                if grammar.name_word(following, False) and following.lower() not in words.cues:
                    # "The MP Jan Roe", "Le député Jean Martin": the person the role names
                    # (a role further on is the object of a verb: "… granted Mr. Clarke")
                    return name_after_roles(grammar, tokens, index + 1)
            if grammar.is_role(lowered) or lowered in words.nominal_heads or lowered in ORG_WORDS:
                return join_phrase(tokens[: index + 1]), tokens[0][1]
        return subject_at_start(grammar, tokens)
    for index, (token, _) in enumerate(tokens[:8]):
        if token in ",;:" or token.lower() in words.cues:
            break
        if grammar.name_word(token, False):
            return name_after_roles(grammar, tokens, index)
    return None


def source_label(
    grammar: Grammar, before: str, tokens: list[tuple[str, int]]
) -> tuple[str, int] | None:
    """The source a label before a colon names: after "from", or after a dash."""
    stop = len(tokens) - 1  # the colon
    start = 0
    for index in range(stop - 1, -1, -1):
        token = tokens[index][0]
        if token.lower() == "from" or token in ("—", "–"):
            start = index + 1
            break
    else:
        dash = max(before.rfind(" - "), before.rfind(" – "), before.rfind(" — "))
        if dash == -1:
            return None
        start = next((i for i, (_, at) in enumerate(tokens) if at > dash), stop)
    label = tokens[start:stop]
    if not label or len(label) > 6:
        return None
    if label[0][0].lower() in grammar.words.determiners:
        return join_phrase(label), label[0][1]
    if all(grammar.name_word(token, index > 0) for index, (token, _) in enumerate(label)):
        return grammar.without_roles(label)
    return None


def noun_phrase_backward(
    grammar: Grammar, tokens: list[tuple[str, int]], cue_at: int
) -> tuple[str, int] | None:
    """The subject before the verb, and the offset of its first token."""
    words = grammar.words
    index = cue_at - 1
    while index >= 0 and (
        tokens[index][0].lower() in words.auxiliaries
        or tokens[index][0].lower() in WHEN
        or (tokens[index][0].endswith("ly") and tokens[index][0].islower())
    ):
        # "Smith on Tuesday said", "Kuleba today accused"
        if index >= 1 and tokens[index - 1][0].lower() in ("on", "last", "this", "late"):
            index -= 1
        index -= 1
    if index < 0:
        return None
    if tokens[index][0] == "to" and index >= 2 and tokens[index - 1][0].islower():
        # "Trump was quick to add", "Mr. Cruz seemed to mock", "she went on to say": the
        # subject of the verb the infinitive depends on, a few lower-case words back.
        back = index - 1
        while back > 0 and index - back < 4 and tokens[back][0].isalpha():
            if not tokens[back][0].islower():
                break
            back -= 1
        word = tokens[back][0]
        if grammar.name_word(word, False) or word.lower() in grammar.words.pronouns:
            index = back
    token, at = tokens[index]
    lowered = token.lower()
    if lowered in ("and", "but") and index >= 2:
        # "A spokesman for X declined to comment but said", "Smith said it was early but
        # added": the subject of the clause's verb.
        return main_subject(grammar, tokens, index)
    if lowered in ("who", "which") and index >= 2 and tokens[index - 1][0] == ",":
        # "Loretta Lynch, who told Congress:": the name before the relative clause
        return name_backward(grammar, tokens, index - 2) or nominal_backward(
            grammar, tokens, index - 2
        )
    if lowered in words.pronouns or lowered in words.first_person:
        return lowered, at
    if token == ")":
        # "Rep. Gwen Moore (D-Wis.) said": the name before the parenthesis.
        opening = next((i for i in range(index - 1, -1, -1) if tokens[i][0] == "("), None)
        if opening is not None and opening > 0:
            return name_backward(grammar, tokens, opening - 1) or nominal_backward(
                grammar, tokens, opening - 1
            )
        return None
    if token == ",":
        # "Smith, a spokesman for the party, said", "Pruitt, the attorney general, one of
        # the states suing, said": the name before the appositives.
        commas = [i for i in range(index - 1, -1, -1) if tokens[i][0] == ","][:3]
        # The first stretch between commas that is a name and nothing else ("Johnnie
        # Wilson, of Springfield, Va., said"; "At one point on Sunday, Trump, who has
        # 9 million followers, tweeted"), else the nearest name.
        bounds = [-1, *reversed(commas), index]
        for left, right in pairwise(bounds):
            name = whole_name(grammar, tokens, left + 1, right)
            if name is not None:
                return name
        for comma in commas:
            if comma > 0:
                name = name_backward(grammar, tokens, skip_parenthesis(tokens, comma - 1))
                if name is not None:
                    return name
        if commas and commas[0] > 0:
            return nominal_backward(grammar, tokens, commas[0] - 1)
        return nominal_backward(grammar, tokens, index - 1)
    name = name_backward(grammar, tokens, index)
    if name is not None:
        # "Another intelligence source speaking to Fox News said": the name is the object
        # of a participle inside the subject; the subject is what the participle follows.
        first = token_at(tokens, name[1])
        if (
            first >= 3
            and tokens[first - 1][0].lower() in ("to", "with")
            and tokens[first - 2][0].endswith("ing")
            and tokens[first - 2][0].islower()
            and tokens[first - 2][0].lower() not in grammar.words.cues
        ):
            return noun_phrase_backward(grammar, tokens, first - 2) or name
        return name
    return nominal_backward(grammar, tokens, index)
