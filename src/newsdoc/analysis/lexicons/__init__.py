"""The per-language word lists that quote attribution and bylines read.

One JSON file per language in this folder: ``<language>.json`` (reporting verbs, pronouns,
titles, ...) and, for some, ``<language>-first-names.json`` (first names by the gender of most
of their bearers).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING, TypeVar

import attrs

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    import cattrs

__all__ = ["Lexicon", "lexicon", "lexicon_from_data", "lexicon_languages"]


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
    return lexicon_from_data(data, primary, _first_name_genders(primary))


def lexicon_from_data(
    data: object, language: str, first_name_genders: dict[str, str] | None = None
) -> Lexicon:
    """The lexicon that the data of a ``<language>.json`` file gives.

    Words are compared in lower case, except the particles, quotatives and openers of the
    languages without case; quotatives and openers are tried longest first.

    Raises:
        ValueError: ``data`` has a key a lexicon does not have (a misspelt one would otherwise
            read as an empty list), or a value of the wrong shape.
    """
    written = _structure(data, _LexiconFile, f"{language}.json")

    def lower(words: tuple[str, ...]) -> frozenset[str]:
        return frozenset(word.lower() for word in words)

    return Lexicon(
        language=language,
        cues=lower(written.cues),
        phrasal_cues=frozenset(
            (verb.lower(), particle.lower()) for verb, particle in written.phrasal_cues
        ),
        according_to=tuple(phrase.lower() for phrase in written.according_to),
        auxiliaries=lower(written.auxiliaries),
        pronouns={pronoun.lower(): gender for pronoun, gender in written.pronouns.items()},
        first_person=lower(written.first_person),
        determiners=lower(written.determiners),
        male_titles=lower(written.male_titles),
        female_titles=lower(written.female_titles),
        titles=lower(written.titles),
        abbreviations=lower(written.abbreviations),
        male_names=lower(written.male_names),
        female_names=lower(written.female_names),
        nominal_heads=lower(written.nominal_heads),
        roles=lower(written.roles),
        role_suffixes=tuple(suffix.lower() for suffix in written.role_suffixes),
        elisions=tuple(word.lower() for word in written.elisions),
        hyphenated_pronouns=tuple(word.lower() for word in written.hyphenated_pronouns),
        null_subject=written.null_subject,
        dialogue_dashes=written.dialogue_dashes,
        phrase_stops=lower(written.phrase_stops),
        first_name_genders=first_name_genders or {},
        east_asian=written.east_asian,
        subject_markers=written.subject_markers,
        quotatives=tuple(sorted(written.quotatives, key=len, reverse=True)),
        spaced_words=written.spaced_words,
        openers=tuple(sorted(written.openers, key=len, reverse=True)),
    )


def _first_name_genders(primary: str) -> dict[str, str]:
    """First names and the gender of most of their bearers, from the language's names file."""
    path = _lexicon_files().joinpath(f"{primary}-first-names.json")
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    written = _structure(data, _FirstNamesFile, path.name)
    genders = {name.lower(): "male" for name in written.male}
    genders.update((name.lower(), "female") for name in written.female)
    return genders


@attrs.frozen(kw_only=True)
class _LexiconFile:
    """A ``<language>.json`` file as written: every key it may have (see :class:`Lexicon`)."""

    language: str = ""  # the file's language, for its reader
    about: str = ""  # where the words come from, for its reader
    cues: tuple[str, ...] = ()
    phrasal_cues: tuple[tuple[str, str], ...] = ()
    according_to: tuple[str, ...] = ()
    auxiliaries: tuple[str, ...] = ()
    pronouns: dict[str, str] = attrs.field(factory=dict)
    first_person: tuple[str, ...] = ()
    determiners: tuple[str, ...] = ()
    male_titles: tuple[str, ...] = ()
    female_titles: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    male_names: tuple[str, ...] = ()
    female_names: tuple[str, ...] = ()
    nominal_heads: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    role_suffixes: tuple[str, ...] = ()
    elisions: tuple[str, ...] = ()
    hyphenated_pronouns: tuple[str, ...] = ()
    null_subject: bool = False
    dialogue_dashes: bool = False
    phrase_stops: tuple[str, ...] = ()
    east_asian: bool = False
    subject_markers: tuple[str, ...] = ()
    quotatives: tuple[str, ...] = ()
    spaced_words: bool = False
    openers: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class _FirstNamesFile:
    """A ``<language>-first-names.json`` file as written."""

    source: str = ""  # where the names come from, for its reader
    rule: str = ""  # how a name's gender was decided, for its reader
    male: tuple[str, ...] = ()
    female: tuple[str, ...] = ()


_File = TypeVar("_File")
_Value = TypeVar("_Value")


def _structure(data: object, kind: type[_File], name: str) -> _File:
    """``data`` read as a ``kind`` of file, every key known; a clear error names the file."""
    import cattrs  # here, not at the top: most documents are read without a lexicon

    if not isinstance(data, dict):
        msg = f"lexicon {name}: not a JSON object"
        raise ValueError(msg)
    try:
        return _converter().structure(data, kind)
    except cattrs.BaseValidationError as error:
        msg = f"lexicon {name}: " + "; ".join(cattrs.transform_error(error))
        raise ValueError(msg) from error


@cache
def _converter() -> cattrs.Converter:
    import cattrs

    # An unknown key is refused: a misspelt one would otherwise read as an empty list.
    converter = cattrs.Converter(forbid_extra_keys=True)
    # A word is a string, a list of words a list, a flag true or false: cattrs would take the
    # number 1 for "1", the string "said" for the words "s", "a", "i", "d", and "no" for true.
    converter.register_structure_hook(str, _exactly(str))
    converter.register_structure_hook(bool, _exactly(bool))
    converter.register_structure_hook_func(lambda kind: kind == tuple[str, ...], _strings)
    return converter


def _exactly(kind: type[_Value]) -> Callable[[object, object], _Value]:
    def structure(value: object, _: object) -> _Value:
        if not isinstance(value, kind):
            msg = f"not a {kind.__name__}: {value!r}"
            raise TypeError(msg)
        return value

    return structure


def _strings(value: object, _: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        msg = f"not a list: {value!r}"
        raise TypeError(msg)
    string = _exactly(str)
    return tuple(string(item, str) for item in value)
