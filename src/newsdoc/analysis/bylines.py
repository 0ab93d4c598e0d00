"""Bylines ("By Jane Doe and John Roe", "Author: ...") to :class:`~newsdoc.Author` records."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

from newsdoc._regex import OPTIONAL_SPACE_RUN, SPACE_RUN
from newsdoc.analysis.bylines_cjk import cjk_byline
from newsdoc.analysis.lexicons import lexicon, lexicon_languages
from newsdoc.analysis.vocabulary import BYLINE_NAME_PARTICLES

__all__ = [
    "ACCOUNTS",
    "GERMAN_AUTHOR_LABEL",
    "ROLE_WORDS",
    "TITLE_ABBREVIATIONS",
    "given_name_first",
    "is_account",
    "is_agency",
    "is_credit",
    "is_organisation",
    "is_publication",
    "opens_with_byline_label",
    "opens_with_first_name",
    "parse_byline",
    "split_names",
    "without_handles",
    "writers_by_role",
]

# A byline is at most this long; longer lines are sentences that happen to start with "By".
_MAX_LINE: Final = 120
# The longest list of names read (a structured author field may hold a dozen).
_MAX_NAMES: Final = 300

#: German's double forms of "author", with or without the slash ("Autorin/Autor",
#: "Autor*in", "Autor:innen"), as a pattern's source.
GERMAN_AUTHOR_LABEL: Final = r"autor(?:in)?\s*/\s*autor(?:in)?|autor(?:\*|:|_)in(?:nen)?"
_LEAD: Final = re.compile(
    r"(?:(?:written|words|reporting|text|story|report|analysis|interview|posted|published|submitted"
    r"|commentary|opinion|column|essay|review)\s+by\s*:?"
    r"|(?:publicado|escrito|redactado|publié|écrit|rédigé|veröffentlicht|geschrieben|verfasst"
    r"|erstellt|gepostet|geplaatst|geschreven|pubblicato|scritto)\s+(?:por|par|von|door|da)\s*:?"
    r"|a\s+cura\s+di"
    r"|eine?\s+[A-ZÄÖÜ]\w+\s+von"  # "Ein Kommentar von", "Eine Analyse von"
    # The same without the article ("Gastbeitrag von", "Kommentar von"): only the kinds of
    # piece, as "Hunderte von" opens sentences.
    r"|(?:gast)?(?:kommentar|beitrag|analyse|kolumne|essay|reportage|bericht|rezension|kritik"
    r"|glosse|leitartikel|einordnung|interview)\s+von"
    r"|by|authors?\s*:|author\(s\)\s*:|auteurs?\s*:|autor(?:in|en|ka|zy)?\s*:|автор(?:ы)?\s*:|yazar\s*:"
    # German's double forms, with a colon or without ("Autorin/Autor", "Autor*in:").
    rf"|{GERMAN_AUTHOR_LABEL}\s*:?"
    # The short labels with a colon ("By: Jane Doe", "Von: Anna Vogt").
    r"|(?:by|door|von|par|por|di|da|av|af)\s*:"
    r"|szerző\s*:|συντάκτης\s*:"
    r"|(?:text|texte|tekst|texto|testo|текст|words)\s*:|kirjoittanut"
    r"|door|von|par|por|di|da|av|af)\s+",
    re.IGNORECASE,
)
# A conjunction after a word cut at its hyphen joins two halves of one name ("Presse- und
# Informationsamt"), not two names.
_SEPARATOR: Final = OPTIONAL_SPACE_RUN + r"(?:,|;|&|(?<!-\s)\b(?:{})\b)\s*"
_SEPARATORS: Final = re.compile(_SEPARATOR.format("and|und|en|et|y|e|og|och"))
# The same in capitals, but for the conjunctions of one letter, which are initials there.
_CAPITAL_SEPARATORS: Final = re.compile(_SEPARATOR.format("AND|UND|EN|ET|OG|OCH"))
# Where the writer is, or whom for ("in Brussels", "for The Guardian"): not part of the name.
_PLACE: Final = re.compile(
    SPACE_RUN
    + r"(?:in|at|from|for|aus|uit|à|en|a|für|pour|voor|para)\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*$"
)
# Words that make a byline part a job rather than a person ("Senior Correspondent").
ROLE_WORDS: Final = frozenset(
    "writer correspondent editor reporter staff contributor columnist producer photographer "
    "intern desk bureau-chief redakteur redakteurin korrespondent korrespondentin "
    "correspondant correspondante journaliste journalist redacteur verslaggever "
    "corresponsal periodista redactor".split()
)
# Last words of a newsroom's collective signature ("Jerusalem Post Staff", "Redaktion").
_COLLECTIVE_WORDS: Final = frozenset(
    "staff desk team newsroom bureau redaktion redactie rédaction redacción redação redazione"
    " agencias agências".split()
)
# The accounts and collective signatures that publishing systems sign posts with when nobody
# set a name: "admin", a newsroom's "Redaktion", a "guest". Names ending in "admin" are ones too.
ACCOUNTS: Final = frozenset(
    {"admin", "administrator", "site admin", "webmaster", "editor", "editors", "editorial",
     "staff", "redactie", "rédaction", "redaktion", "redacción", "redazione", "guest", "gast",
     "invité", "гость", "user", "root"}
)  # fmt: skip


def is_account(name: str) -> bool:
    """Whether ``name`` is a publishing system's account, not a person ("admin", "Redaktion")."""
    folded = name.strip().casefold()
    return folded in ACCOUNTS or folded.endswith("admin")


# Last words of the name of a news organisation ("Associated Press", "Nine News").
_ORGANISATION_WORDS: Final = _COLLECTIVE_WORDS | frozenset(
    "press news agency agencies times post journal media wire network radio tv television "
    "magazine herald tribune gazette online presse nachrichten agentur agence".split()
)


def opens_with_byline_label(line: str) -> bool:
    """Whether ``line`` starts the way a byline does ("By", "Von", "Written by", "Autor:")."""
    return _LEAD.match(line) is not None


# The credit for other work that may follow the writers' names on a byline.
_CREDIT_WORK: Final = (
    r"(?:with\s+)?(?:additional\s+)?"
    r"(?:reporting|editing|edited|photos?|photographs?|photography|pictures?|images?"
    r"|illustrations?|graphics|video|fotos?|bilder|grafik|mitarbeit|übersetzung"
    r"|translation|translated|research)\b"
)
# (Found from the first space of a run: see _regex.SPACE_RUN. Read by search alone.)
_CREDITS: Final = re.compile(rf"(?<!\s)(?:\s*[|•·;,.—–]\s*|\s+-\s+|\s+){_CREDIT_WORK}", re.I)
_CREDIT: Final = re.compile(rf"{_CREDIT_WORK}\s*(?:by\b|:)", re.IGNORECASE)


def is_credit(part: str) -> bool:
    """Whether ``part`` credits other work than the writing ("Photographs by …", "Fotos: …")."""
    return _CREDIT.match(part) is not None


_BRACKETED_TAIL: Final = re.compile(OPTIONAL_SPACE_RUN + r"\(([^()]*)\)\s*$")


def writers_by_role(text: str) -> list[str] | None:
    """The writers of a line that gives each contributor's work in brackets, or ``None``.

    "Anna Vogt (Text), Tom Hale (Fotos)", as magazines credit a piece: the names whose work
    is the text. ``None`` when the line is not only such credits.
    """
    if not text.endswith(")") or len(text) > _MAX_LINE:
        return None
    writers: list[str] = []
    for piece in _ROLE_PIECES.split(text.strip()):
        found = _NAME_AND_ROLE.fullmatch(piece)
        if found is None:
            return None
        name, role = found.group(1), found.group(2).strip().casefold()
        if role in _WRITING:
            if not _is_name(name):
                return None
            writers.append(name)
        elif _CREDIT_ROLE.fullmatch(role) is None:
            return None  # "Anna Vogt (Berlin)": a place, not a piece of work
    return writers


# One contributor after another: the closing bracket, then a comma, a bar, "und", "and".
_ROLE_PIECES: Final = re.compile(r"(?<=\))\s*(?:[,;|/&]|\b(?:und|and|et|y|e)\b)\s*")
_NAME_AND_ROLE: Final = re.compile(r"([^\W\d_][^()]{2,60}?)\s*\(([^()]{1,30})\)")
# The work of the writer, in the languages of the byline labels.
_WRITING: Final = frozenset(
    "text texte tekst texto testo текст words worte author autor autorin auteur autore "
    "reporting redaktion interview".split()
)
_CREDIT_ROLE: Final = re.compile(_CREDIT_WORK, re.IGNORECASE)


def without_handles(text: str) -> str:
    """``text`` without the social-media handles a byline prints after names ("@annavogt").

    An address ("anna.vogt@example.com") is left as it is.
    """
    return _HANDLE.sub("", text) if "@" in text else text


# "@annavogt" after a space, or in brackets; at most 30 characters, as platforms allow.
_HANDLE: Final = re.compile(OPTIONAL_SPACE_RUN + r"(?:\(@\w{1,30}\)|(?<!\S)@\w{1,30}(?![\w.@]))")


def given_name_first(text: str) -> str:
    """A name written surname first ("Doe, Jane", "García-López, María José") in reading order.

    Only when what follows the comma is an initial or opens with a known first name: "Reuters,
    AP" and "Smith, Jones" are two names, and stay as they are.
    """
    found = _SURNAME_FIRST.fullmatch(text.strip())
    if found is None:
        return text
    given = found.group(2)
    first = given.split()[0].split("-")[0]
    if not _INITIAL.fullmatch(first) and _plain(first.casefold()) not in _first_names():
        return text
    return f"{given} {found.group(1)}"


# One surname (perhaps hyphenated), a comma, and one or two given names or initials.
_SURNAME_FIRST: Final = re.compile(
    r"\A([^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)?),\s*"  # (read whole: anchored for a search)
    r"((?:[^\W\d_][\w'’]*|[A-Z]\.)(?:[\s-](?:[^\W\d_][\w'’]*|[A-Z]\.))?)"
)
_INITIAL: Final = re.compile(r"[A-Z]\.")


def opens_with_first_name(text: str) -> bool:
    """Whether ``text`` starts with a capitalised first name one of the lexicons knows."""
    first = text.split(None, 1)[0] if text else ""
    return first[:1].isupper() and _plain(first.casefold()) in _first_names()


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    """The first names every quote lexicon knows, without accents."""
    names: set[str] = set()
    for language in lexicon_languages():
        found = lexicon(language)
        if found is not None:
            names.update(found.first_name_genders, found.male_names, found.female_names)
    return frozenset(_plain(name) for name in names)


def _plain(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


# News agencies, one or several ("dpa/AFP", "AP, Reuters"), as a part of their own.
_AGENCY: Final = (
    r"(?:AP|AFP|Reuters|dpa|epd|KNA|ANP|Belga|EFE|ANSA|Europa\sPress|PA(?:\sMedia)?|Xinhua"
    r"|TASS|Kyodo|APA|SDA|Keystone-SDA|ČTK|PAP|NTB|TT|Ritzau|Lusa|AAP|CP|UPI|PTI|IANS|Agencia"
    r"|Agencias|Agenzie|Agences?|Agenturen|Agencies)"
)
_AGENCY_SEPARATOR: Final = OPTIONAL_SPACE_RUN + r"(?:/|,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*"
_AGENCIES: Final = re.compile(rf"{_AGENCY}(?:{_AGENCY_SEPARATOR}{_AGENCY})*\.?")
_AGENCY_SEPARATORS: Final = re.compile(_AGENCY_SEPARATOR)


def is_agency(name: str) -> bool:
    """Whether ``name`` is a news agency, or several ("Reuters", "dpa/AFP", "AP, Reuters")."""
    return _AGENCIES.fullmatch(name) is not None


def is_publication(name: str, site: str) -> bool:
    """Whether ``name`` is the site named ``site``, the start of its name, or one of its desks.

    "Business Insider" on "Business Insider Deutschland" is the publication, and "Telegraph
    Sport" or "News Nation Bureau" a desk of The Telegraph or News Nation, not a writer. A
    site named after a person ("Jane Doe", "Jane Doe (jdoe)") is that person's, who writes it:
    a name of two to four capitalised words that opens with a known first name and reads as no
    organisation is a writer.
    """
    folded, site = name.casefold(), site.casefold().removeprefix("the ")
    folded_bare = folded.removeprefix("the ")
    if folded_bare.startswith(f"{site} "):
        return True  # a desk: "Telegraph Sport"
    if folded_bare != site and not (
        len(folded.split()) >= 2 and site.startswith(f"{folded_bare} ")
    ):
        return False
    words = name.split()
    return not (
        2 <= len(words) <= _MAX_PERSON_SITE_WORDS
        and len(words[0]) >= _MIN_PERSON_SITE_FIRST  # not "Al Jazeera", "Le Figaro"
        and all(word[:1].isupper() for word in words)  # not "Mac & i"
        and opens_with_first_name(name)
        and not is_organisation(name)
    )


_MAX_PERSON_SITE_WORDS: Final = 4
_MIN_PERSON_SITE_FIRST: Final = 3


def is_organisation(name: str) -> bool:
    """Whether ``name`` reads as a news organisation's ("Associated Press", "Nine News")."""
    tokens = name.split()
    return (
        2 <= len(tokens) <= 5
        and tokens[-1].lower() in _ORGANISATION_WORDS
        and all(token[:1].isupper() or token.lower() in BYLINE_NAME_PARTICLES for token in tokens)
    )


def parse_byline(line: str) -> tuple[list[str], str] | None:
    """The person names in ``line`` when it is a byline, and what else it named.

    Returns ``None`` when the line is not a byline. Otherwise the names, in order, and the
    remainder that is not a person's name (an agency such as "Reuters", a role such as
    "Europe correspondent"), so that the caller can keep it.
    """
    text = without_handles(line).strip()
    if len(text) > _MAX_LINE:
        return None
    lead = _LEAD.match(text)
    if lead is None:
        # Without a label: credits with the work in brackets ("Anna Vogt (Text), Tom Hale
        # (Fotos)"), or a byline in Chinese, Japanese or Korean.
        credited = writers_by_role(text)
        return (credited, "") if credited is not None else cjk_byline(text)
    rest = text[lead.end() :].strip(" .:")
    # Credits for other work end the writers' names ("Jane Doe | Photographs by John Roe",
    # "Anna Müller, Fotos: Max Mustermann", "… with additional reporting by …").
    credit = _CREDITS.search(rest)
    credits = []
    if credit is not None:
        credits.append(rest[credit.start() :].strip(" |•·;,.—–-"))
        rest = rest[: credit.start()].strip(" .:")
    agency = _BRACKETED_TAIL.search(rest)
    if agency is not None:  # "Marie Dupont (avec AFP)", "Anna Müller (dpa)"
        rest = rest[: agency.start()]
        coauthors = _coauthors(agency.group(1))
        if coauthors is not None:
            # "Marie Dupont (avec Paul Martin et Léa Roux)": the writers it was written with.
            names, others = split_names(rest)
            if names:
                return [*names, *coauthors[0]], ", ".join([*others, *coauthors[1], *credits])
    if is_account(rest):
        return [], rest  # "Posted by admin": a byline that names nobody
    if rest[:4].casefold() == "the " and is_organisation(rest[4:]):
        rest = rest[4:]  # "By the Associated Press"
    if not rest or (rest[0].islower() and not is_agency(rest)):
        return None  # "by the river": a phrase, not a byline; "by dpa" is one
    names, others = split_names(rest)
    if not names:
        # "By Reuters", "By dpa/AFP", "By The Associated Press": agencies or an organisation
        # sign the story. Not its own staff ("By Harbour Gazette Staff"), which is nobody.
        if is_agency(rest):
            return [part for part in _AGENCY_SEPARATORS.split(rest.rstrip(".")) if part], ""
        if is_organisation(rest) and rest.split()[-1].lower() not in _COLLECTIVE_WORDS:
            return [rest.title() if rest.isupper() else rest], ""
        return None
    if agency is not None:
        others.append(agency.group(1).strip())
    return names, ", ".join([*others, *credits])


def _coauthors(bracketed: str) -> tuple[list[str], list[str]] | None:
    """The names and the rest of a bracket that opens with "with" ("avec X et Y"), or ``None``."""
    found = _WITH.match(bracketed)
    if found is None:
        return None
    inner = bracketed[found.end() :]
    if is_agency(inner.strip()):
        return None  # "(avec AFP)": the agency whose copy was used, kept as it is written
    return split_names(inner)


# "With" in the languages of the lexicons, opening a bracket of co-authors.
_WITH: Final = re.compile(OPTIONAL_SPACE_RUN + r"(?:with|avec|mit|con|com|met|med)\s+", re.I)


def split_names(text: str) -> tuple[list[str], list[str]]:
    """Split a list of names ("Jane Doe, John Roe and Ann Lee") into names and the rest.

    A name is two to five words, each capitalised or a name particle; one-word parts (often an
    agency) and lower-case parts (a role) go to the rest. Co-authors in a bracket after the
    names ("Jane Doe (with John Roe and Ann Lee)") are names too.
    """
    if len(text) > _MAX_NAMES:
        return [], [text]  # no list of names is this long
    tail = _BRACKETED_TAIL.search(text)
    coauthors = _coauthors(tail.group(1)) if tail is not None else None
    if tail is not None and coauthors is not None:
        before, rest = split_names(text[: tail.start()])  # (a few brackets deep at most)
        return [*before, *coauthors[0]], [*rest, *coauthors[1]]
    names: list[str] = []
    others: list[str] = []
    # "JANE DOE AND JOHN ROE": the conjunctions of a line in capitals are capitals too.
    separators = _CAPITAL_SEPARATORS if text.isupper() else _SEPARATORS
    for part in _parts(separators, text):
        part = _PLACE.sub("", part.strip(" .|/()"))
        if not part:
            continue
        name, organisation = _name_and_organisation(part)
        if name is not None:
            names.append(name.title() if name.isupper() else name)
            if organisation:
                others.append(organisation)
        else:
            others.append(part)
    return names, others


def _parts(separators: re.Pattern[str], text: str) -> list[str]:
    """``text`` split at ``separators``, but for a double surname joined by "y" or "e".

    "José Ortega y Gasset", "Ana Silva e Souza": one word after the conjunction is the second
    half of a surname, not a name of its own ("Ana García y Luis Pérez" is two names).
    """
    parts = separators.split(text)
    if len(parts) == 1 or not _DOUBLE_SURNAME.search(text):
        return parts
    joined = [parts[0]]
    position = len(parts[0])
    for part in parts[1:]:
        found = separators.match(text, position)
        separator = found.group() if found is not None else ""
        position += len(separator) + len(part)
        words = part.split()
        if (
            separator.strip() in ("y", "e")
            and len(words) == 1
            and words[0][:1].isupper()
            and not _signs_alone(words[0])
        ):
            joined[-1] = f"{joined[-1]}{separator}{part}"
        else:
            joined.append(part)
    return joined


_DOUBLE_SURNAME: Final = re.compile(r"\s[ye]\s")


def _signs_alone(word: str) -> bool:
    """Whether a word after "y" is no surname but what signs beside the writer.

    An agency ("EFE"), a newsroom ("Redacción", "Agencias"), a role, or a word in capitals.
    """
    lowered = word.lower()
    return (
        word.isupper() or is_agency(word) or lowered in _COLLECTIVE_WORDS or lowered in ROLE_WORDS
    )


def _name_and_organisation(part: str) -> tuple[str | None, str]:
    """A name, and the organisation written after it ("ERIC TUCKER Associated Press")."""
    tokens = part.split()
    if _is_name(part):
        return " ".join(tokens), ""
    last = tokens[-1].lower() if tokens else ""
    if len(tokens) >= 3 and last in _ORGANISATION_WORDS and last not in _COLLECTIVE_WORDS:
        for cut in (2, 1, 3):
            name = " ".join(tokens[:-cut])
            if cut == 1 and not name.isupper():
                continue  # "European Space Agency" is one name; "JANE DOE Agency" is two
            if len(tokens) - cut >= 2 and _is_name(name):
                # "Anna Vogt. Harbour Times": the period ends the sentence, not the name.
                if name.endswith(".") and len(tokens[-cut - 1]) > _MAX_ABBREVIATED:
                    name = name[:-1]
                return name, " ".join(tokens[-cut:])
    return None, part


_MAX_ABBREVIATED: Final = 3  # "E.", "Dr.", "Jr." end with a period inside a name
#: Academic, honorific and military titles written before a name, lower-cased, longer than
#: the abbreviations every name may hold ("Dr.", "E."); and the faculty after a German "Dr."
#: ("Prof. Dr. med. Anna Vogt", "Dipl.-Ing.", "Mrs. Jane Doe", "Rev. John Roe").
TITLE_ABBREVIATIONS: Final = frozenset(
    {"prof.", "dipl.", "dipl.-ing.", "ing.", "mag.", "med.", "phil.", "rer.", "nat.", "jur.",
     "habil.", "univ.-prof.", "dres.", "mme.", "mlle.", "sra.", "srta.", "dott.", "dott.ssa",
     "prof.ssa", "mrs.", "hon.", "rev.", "msgr.", "sen.", "rep.", "gov.", "gen.", "col.",
     "capt.", "maj.", "sgt."}
)  # fmt: skip
_MIN_ACRONYM: Final = 3


def _is_name(text: str) -> bool:
    tokens = text.split()
    if not 2 <= len(tokens) <= 5 or any(character.isdigit() for character in text):
        return False  # "N10 Campinas": an outlet and its city, not a person
    lowered = [token.lower() for token in tokens]
    if lowered[0] in BYLINE_NAME_PARTICLES or lowered[-1] in BYLINE_NAME_PARTICLES:
        return False
    if any(
        token.endswith(".") and len(token) > _MAX_ABBREVIATED and low not in TITLE_ABBREVIATIONS
        for token, low in zip(tokens[:-1], lowered, strict=False)
    ):
        return False  # "Ana Ribeiro. Harbour": a sentence ends inside (not "Dr.", "E.")
    if not text.isupper() and any(
        token.isalpha() and token.isupper() and len(token) >= _MIN_ACRONYM for token in tokens
    ):
        return False  # "CNN Business", "BBC Sport": an acronym names an organisation
    if lowered[-1] in _ORGANISATION_WORDS or not ROLE_WORDS.isdisjoint(lowered):
        return False  # an agency ("Associated Press") or a job ("Senior Correspondent")
    return all(
        token[0].isupper() or low in BYLINE_NAME_PARTICLES or low in TITLE_ABBREVIATIONS
        for token, low in zip(tokens, lowered, strict=True)
        if token[0].isalpha()
    ) and any(character.isalpha() for character in text)
