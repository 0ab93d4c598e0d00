"""The per-language word lists that quote attribution and bylines read.

One JSON file per language in this folder: ``<language>.json`` (reporting verbs, pronouns,
titles, ...) and, for some, ``<language>-first-names.json`` (first names by the gender of most
of their bearers).
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["Lexicon", "lexicon", "lexicon_languages"]


@attrs.frozen(kw_only=True)
class Lexicon:
    """The words attribution rules need in one language (read from ``lexicons/<lang>.json``).

    Attributes:
        language: The language's BCP 47 primary tag.
        cues: Reporting verbs in every form ("say", "said", "tweeted").
        phrasal_cues: Reporting verbs of two words, as (verb, particle) pairs ("shot back",
            "went on"); the verb alone is not a cue.
        according_to: Phrases that credit what follows to a source ("according to").
        auxiliaries: Words that may stand between a speaker and the verb ("has", "also").
        pronouns: Third-person pronouns and their gender ("male", "female", "plural", "thing").
        first_person: Pronouns that never name a quote's speaker.
        determiners: Words that open a noun phrase ("the", "a").
        male_titles: Titles and nouns that mark a man ("Mr.", "Sen." is not one).
        female_titles: Titles and nouns that mark a woman.
        titles: Abbreviated titles that may precede a name ("Sen.", "Dr.").
        abbreviations: Words that end with a period without ending a sentence.
        male_names: Common male first names (lower case).
        female_names: Common female first names (lower case).
        nominal_heads: Nouns that head a speaker that is not a person ("ministry").
        roles: Role nouns that, before a name, are not part of it ("Sprecherin"), beside the
            English ones the rules know.
        role_suffixes: Endings of compound role nouns, in languages that write them as one
            word ("GDL-Chef", "Personalvorstand").
        elisions: Words the language elides before a vowel, written with an apostrophe and
            no space ("l'" of "l'ambassadeur", "dell'" of "dell'azienda"); the rules read them
            as words of their own.
        hyphenated_pronouns: Subject pronouns the language writes after the verb with a
            hyphen ("il" of "dit-il" and of "a-t-il"); the rules read them as words of their
            own, so that "a-t-elle affirmé" has the subject "elle".
        phrase_stops: Words that end a speaker named after the verb, beside the English
            ones ("lors" in "a déclaré le bourgmestre lors de la présentation").
        null_subject: Whether the language drops subject pronouns ("«…», dijo."): a
            reporting verb with no subject then stands for "he" or "she".
        dialogue_dashes: Whether the language writes speech after a dash that opens the
            paragraph, with the attribution between dashes ("—Estamos listos —dijo el
            alcalde—. Empezamos mañana."): such paragraphs are quotes too.
        first_name_genders: The gender most bearers of a first name have (``"male"`` or
            ``"female"``), read from ``lexicons/<lang>-first-names.json`` when there is one; it
            only says how a person already named is referred to (he or she), never who is one.
        east_asian: Whether the language's quotes are attributed by the rules for Chinese,
            Japanese and Korean rather than by word order: ``cues`` are matched inside the
            text (Japanese verbs by their stems, "述べ" of "述べた"), the speaker is the phrase
            a ``subject_markers`` particle ends or the words before the verb, with ``roles``
            written before a name (Chinese "发言人") and ``role_suffixes`` after one (Japanese
            "氏", Korean "장관") dropped.
        subject_markers: The particles that end the subject ("は", "が"; Korean "은", "는").
        quotatives: What joins a quote to the verb after it ("と", "라고"), skipped when the
            speaker is named between them.
        spaced_words: Whether the language separates its words with spaces (Korean): a
            particle then ends a word, and a space does not end the speaker's phrase.
        openers: Words that open a sentence before its subject ("하지만", "しかし"), which are
            not part of the speaker's name.
    """

    language: str
    cues: frozenset[str]
    phrasal_cues: frozenset[tuple[str, str]] = frozenset()
    according_to: tuple[str, ...]
    auxiliaries: frozenset[str]
    pronouns: dict[str, str]
    first_person: frozenset[str]
    determiners: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    titles: frozenset[str]
    abbreviations: frozenset[str]
    male_names: frozenset[str]
    female_names: frozenset[str]
    nominal_heads: frozenset[str]
    roles: frozenset[str] = frozenset()
    role_suffixes: tuple[str, ...] = ()
    elisions: tuple[str, ...] = ()
    hyphenated_pronouns: tuple[str, ...] = ()
    null_subject: bool = False
    dialogue_dashes: bool = False
    phrase_stops: frozenset[str] = frozenset()
    first_name_genders: dict[str, str] = attrs.field(factory=dict)
    east_asian: bool = False
    subject_markers: tuple[str, ...] = ()
    quotatives: tuple[str, ...] = ()
    spaced_words: bool = False
    openers: tuple[str, ...] = ()


def _lexicon_files() -> Traversable:
    """The folder of lexicon files.

    ``importlib.resources`` is imported when a lexicon is first read: its import is a fifth of
    newsdoc's.
    """
    from importlib import resources

    return resources.files("newsdoc.analysis.lexicons")


@lru_cache(maxsize=1)
def lexicon_languages() -> tuple[str, ...]:
    """The languages that have a lexicon, by their primary subtag."""
    folder = _lexicon_files()
    return tuple(
        sorted(
            entry.name.removesuffix(".json")
            for entry in folder.iterdir()
            if entry.name.endswith(".json") and "-" not in entry.name
        )
    )


def lexicon(language: str) -> Lexicon | None:
    """The lexicon for ``language`` (a BCP 47 tag; its primary subtag counts), if there is one."""
    primary = language.split("-", 1)[0].lower()
    if primary not in lexicon_languages():
        return None
    return _load_lexicon(primary)


# One entry per shipped language, kept for the process: cached by the tag instead ("en",
# "en-US", "en-GB" and every language without a lexicon each taking a place), a corpus in
# many languages pushed English out and read its files again, 8 ms each time.
@cache
def _load_lexicon(primary: str) -> Lexicon:
    data = json.loads(_lexicon_files().joinpath(f"{primary}.json").read_text(encoding="utf-8"))
    sets = {
        key: frozenset(str(word).lower() for word in data.get(key, ()))
        for key in (
            "cues", "auxiliaries", "first_person", "determiners", "male_titles",
            "female_titles", "titles", "abbreviations", "male_names", "female_names",
            "nominal_heads", "roles", "phrase_stops",
        )
    }  # fmt: skip
    phrasal = frozenset(
        (str(pair[0]).lower(), str(pair[1]).lower())
        for pair in data.get("phrasal_cues", ())
        if isinstance(pair, list) and len(pair) == 2
    )
    return Lexicon(
        language=primary,
        first_name_genders=_first_name_genders(primary),
        phrasal_cues=phrasal,
        according_to=tuple(str(phrase).lower() for phrase in data.get("according_to", ())),
        role_suffixes=tuple(str(suffix).lower() for suffix in data.get("role_suffixes", ())),
        elisions=tuple(str(word).lower() for word in data.get("elisions", ())),
        hyphenated_pronouns=tuple(
            str(word).lower() for word in data.get("hyphenated_pronouns", ())
        ),
        null_subject=data.get("null_subject") is True,
        east_asian=data.get("east_asian") is True,
        subject_markers=tuple(str(word) for word in data.get("subject_markers", ())),
        quotatives=tuple(
            sorted((str(word) for word in data.get("quotatives", ())), key=len, reverse=True)
        ),
        spaced_words=data.get("spaced_words") is True,
        openers=tuple(
            sorted((str(word) for word in data.get("openers", ())), key=len, reverse=True)
        ),
        dialogue_dashes=data.get("dialogue_dashes") is True,
        pronouns={str(key).lower(): str(value) for key, value in data.get("pronouns", {}).items()},
        **sets,
    )


def _first_name_genders(primary: str) -> dict[str, str]:
    """First names and the gender of most of their bearers, from the language's names file."""
    path = _lexicon_files().joinpath(f"{primary}-first-names.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    genders = {str(name).lower(): "male" for name in data.get("male", ())}
    genders.update((str(name).lower(), "female") for name in data.get("female", ()))
    return genders
