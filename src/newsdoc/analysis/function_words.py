"""Small word lists the text analysis relies on: function words per language, page vocabulary.

Function words (articles, pronouns, prepositions, auxiliaries) make up a third or more of any
prose and almost none of a line of buttons, tags or icon names; counting them tells prose from
page furniture in every language listed here, and which of those languages a text is in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Final

__all__ = [
    "FUNCTION_WORDS",
    "FUNCTION_WORD_SET",
    "PAGE_WORDS",
    "guess_language",
    "guess_language_of",
    "script_language",
    "words",
]

FUNCTION_WORDS: Final[dict[str, frozenset[str]]] = {
    "en": frozenset(
        "the a an and or but of to in on at for with from by as is are was were be been being "
        "has have had do does did will would shall should can could may might must it its this "
        "that these those he she they we you i his her their our your my him them us who which "
        "what when where not no than then there here also into over after before about under "
        "between against during since while if so such".split()
    ),
    "nl": frozenset(
        "de het een en of maar van in op aan voor met uit door als is zijn was waren wordt "
        "worden werd werden heeft hebben had hadden zal zullen zou zouden kan kunnen moet "
        "moeten dit dat deze die hij zij ze wij we jij u ik hun haar ons onze mijn er hier ook "
        "naar over na bij tegen tijdens sinds terwijl als niet geen dan om te tot".split()
    ),
    "fr": frozenset(
        "le la les un une des et ou mais de du au aux en dans sur pour avec par comme est sont "
        "était étaient être a ont avait avaient sera seront serait peut peuvent doit ce cette "
        "ces celui il elle ils elles nous vous je leur leurs son sa ses notre votre mon qui que "
        "quoi où ne pas plus aussi après avant sous entre contre pendant depuis si".split()
    ),
    "de": frozenset(
        "der die das den dem des ein eine einen einem einer und oder aber von zu in im auf an "
        "am für mit aus bei durch als ist sind war waren wird werden wurde wurden hat haben "
        "hatte hatten kann können muss müssen soll sollen dies diese dieser er sie es wir ihr "
        "ich ihre ihren sein seine unser nicht kein keine auch nach über vor unter zwischen "
        "gegen während seit wenn dass so".split()
    ),
    "es": frozenset(
        "el la los las un una unos unas y o pero de del al en sobre para con por como es son "
        "era eran ser está están ha han había será puede pueden debe este esta estos estas ese "
        "esa él ella ellos ellas nosotros vosotros yo su sus nuestro mi que quien cual donde "
        "no más también después antes bajo entre contra durante desde si se lo le les".split()
    ),
    "it": frozenset(
        "il lo la i gli le un uno una e o ma di del della dei delle da dal in nel nella su sul "
        "per con tra fra come è sono era erano essere ha hanno aveva sarà può possono deve "
        "questo questa questi quello quella lui lei loro noi voi io suo sua suoi nostro mio che "
        "chi cui dove non più anche dopo prima sotto contro durante se si".split()
    ),
    "pt": frozenset(
        "o a os as um uma uns umas e ou mas de do da dos das em no na nos nas para com por "
        "como é são era eram ser está estão foi foram tem têm tinha será pode podem deve este "
        "esta estes estas esse essa ele ela eles elas nós vós eu seu sua seus nosso meu que "
        "quem qual onde não mais também depois antes sob entre contra durante desde se".split()
    ),
}

#: Every function word of every language above.
FUNCTION_WORD_SET: Final = frozenset().union(*FUNCTION_WORDS.values())
_ALL_FUNCTION_WORDS: Final = FUNCTION_WORD_SET
# Each function word with the languages it belongs to, for one lookup per word.
_LANGUAGES_OF: Final[dict[str, tuple[str, ...]]] = {
    word: tuple(language for language, vocabulary in FUNCTION_WORDS.items() if word in vocabulary)
    for word in _ALL_FUNCTION_WORDS
}

# Words of page furniture: buttons, icons, sharing, navigation, account and subscription
# prompts, in the languages above. A line made mostly of these is not part of an article.
PAGE_WORDS: Final = frozenset(
    """
    icon icons bicon chevron arrow caret close open menu search share shares sharing tweet
    skip main content navigation toggle
    retweet facebook fb twitter tw x whatsapp telegram tg linkedin pinterest reddit instagram
    ins youtube yt vk vkontakte gp google email mail e-mail print copy link url save saved
    bookmark bookmarks like likes follow followers subscribe subscribed unsubscribe newsletter
    newsletters login logout log sign signin signup register account profile home back top
    next previous prev older newer more less read comments comment reply replies show hide
    expand compress collapse play pause stop mute muted unmute nomuted volume fullscreen
    download upload edit trash delete move filter filters sort tags tag topics topic related
    advertisement advertising advert adverts ad ads sponsored promoted trending cookie cookies
    accept consent settings
    preferences privacy policy terms listen watch gallery photos photo video videos image
    images swipe step stepback stepfor stepforward tap click here loading ok okicon up down
    left right full v rss feed flag ru en nl fr de menu-icon wt fm apps app store
    delen volgen abonneren inloggen reageren lees meer vorige volgende partager suivre
    abonner connexion lire plus précédent suivant teilen folgen abonnieren anmelden
    weiterlesen mehr zurück weiter compartir seguir suscribirse leer más anterior siguiente
    """.split()
)

# Punctuation and digits become spaces before splitting: numbers are not words, and what
# sticks to a word in running text is not part of it. ASCII ones through bytes.translate (C
# speed on any text: str.translate is slow once a text has one non-ASCII character), the few
# common non-ASCII ones by str.replace.
_ASCII_SEPARATORS: Final = bytes(
    32 if chr(code) in ".,;:!?()[]{}\"'<>/\\|*_#@&%+=~^`-0123456789" else code
    for code in range(256)
)
_OTHER_SEPARATORS: Final = "“”‘’«»„‹›…–—"


def words(text: str) -> list[str]:
    """The words of ``text``, in lower case, without punctuation and numbers.

    Apostrophes and hyphens split words ("don't" gives "don" and "t"): the features that use
    words count function words and page vocabulary, for which that is harmless, and every step
    runs at C speed (this runs on every line of every text).
    """
    lowered = text.lower()
    spaced = lowered.encode("utf-8", "replace").translate(_ASCII_SEPARATORS).decode("utf-8")
    if not spaced.isascii():
        for character in _OTHER_SEPARATORS:
            if character in spaced:
                spaced = spaced.replace(character, " ")
    return spaced.split()


def guess_language(tokens: Iterable[str]) -> str | None:
    """The language whose function words are most frequent among ``tokens``, if clear.

    Returns ``None`` unless function words of one language make up at least a fifth of the
    words and clearly outnumber those of the runner-up: a guess for prose, not for a title.
    """
    counts = dict.fromkeys(FUNCTION_WORDS, 0)
    frequencies = Counter(tokens)
    total = sum(frequencies.values())
    for word in frequencies.keys() & _LANGUAGES_OF.keys():
        for language in _LANGUAGES_OF[word]:
            counts[language] += frequencies[word]
    if total < 20:
        return None
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, first), (_, second) = ranked[0], ranked[1]
    if first < total / 5 or first < 1.5 * second:
        return None
    return best


# A few hundred words tell a language; reading more only costs time.
_ENOUGH_WORDS: Final = 400


def guess_language_of(paragraphs: Iterable[str]) -> str | None:
    """:func:`guess_language` for the words of ``paragraphs``, read until there are enough.

    Text in a script that one language writes (kana, Hangul, Han, Greek, Hebrew, Thai...) is
    told by its letters instead, and Cyrillic or Arabic by the letters only some of their
    languages have.
    """
    tokens: list[str] = []
    read: list[str] = []
    size = 0
    for whole in paragraphs:
        paragraph = whole[:_PARAGRAPH_SAMPLE]  # a paragraph of megabytes is not split whole
        tokens.extend(words(paragraph))
        read.append(paragraph)
        size += len(paragraph)
        if len(tokens) >= _ENOUGH_WORDS or size >= _ENOUGH_CHARACTERS:
            break
    return guess_language(tokens) or script_language("".join(read))


_ENOUGH_CHARACTERS: Final = 3000
_PARAGRAPH_SAMPLE: Final = 20_000


def script_language(text: str) -> str | None:
    """The language that ``text``'s script (or the letters it uses) points to, if one does.

    Most of its letters must be of one script. Latin text is left to the function words.
    """
    sample = text[:_SCRIPT_SAMPLE]
    if sample.isascii() or max(sample) < _FIRST_NON_LATIN_CHARACTER:
        return None  # Latin only: told by function words (both tests run in C)
    # Counted once per distinct character, not once per character.
    counts: Counter[str] = Counter()
    letters = 0
    for character, count in Counter(sample).items():
        if character.isalpha():
            letters += count
            script = _script(ord(character))
            if script is not None:
                counts[script] += count
    if letters < _MIN_LETTERS or not counts:
        return None
    # Japanese mixes Han with kana; Chinese has no kana.
    if counts["kana"] >= _KANA_SHARE * letters:
        return "ja"
    script, found = max(counts.items(), key=lambda item: item[1])
    if found < letters / 2:
        return None
    if script == "cyrillic":
        return _cyrillic_language(text)
    if script == "arabic":
        return _arabic_language(text)
    return _SCRIPT_LANGUAGES.get(script)


_MIN_LETTERS: Final = 20
_KANA_SHARE: Final = 0.1
_SCRIPT_RANGES: Final[tuple[tuple[int, int, str], ...]] = (
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x04FF, "cyrillic"),
    (0x0530, 0x058F, "armenian"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0E00, 0x0E7F, "thai"),
    (0x10A0, 0x10FF, "georgian"),
    (0x3040, 0x30FF, "kana"),
    (0x3400, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "hangul"),
)
_SCRIPT_LANGUAGES: Final = {
    "greek": "el", "armenian": "hy", "hebrew": "he", "devanagari": "hi", "thai": "th",
    "georgian": "ka", "han": "zh", "hangul": "ko",
}  # fmt: skip


def _script(code: int) -> str | None:
    if code < _FIRST_NON_LATIN:
        return None  # Latin: told by function words
    for start, end, script in _SCRIPT_RANGES:
        if start <= code <= end:
            return script
    return None


_FIRST_NON_LATIN: Final = 0x0370
_FIRST_NON_LATIN_CHARACTER: Final = chr(_FIRST_NON_LATIN)
# Eight hundred characters tell a script; counting more costs time (0.15 µs a character).
_SCRIPT_SAMPLE: Final = 800


def _cyrillic_language(text: str) -> str:
    """By the letters only some Cyrillic languages write; Russian, the most written, else.

    Ukrainian (ї, є, ґ, and the dotted i more than rarely), Belarusian (ў), Macedonian (ѓ, ќ,
    dze), Serbian (ђ, ћ, џ, љ, њ, je), Bulgarian (ъ as a vowel, often, and no ы or э).
    """
    lowered = text.lower()
    if "ў" in lowered:
        return "be"
    dotted_i = lowered.count("\u0456")  # the dotted i, which Russian does not write
    if any(letter in lowered for letter in "їєґ") or dotted_i > lowered.count("и") / 4:
        return "uk"
    if any(letter in lowered for letter in "ѓќ\u0455"):  # ѓ, ќ, dze
        return "mk"
    if any(letter in lowered for letter in "ђћџљњ\u0458"):  # ..., je
        return "sr"
    if "ы" not in lowered and "э" not in lowered and lowered.count("ъ") > len(lowered) / 200:
        return "bg"
    return "ru"


def _arabic_language(text: str) -> str | None:
    """Urdu (ٹ, ڈ, ڑ, ں, ے), Persian (پ, چ, ژ, گ, ی), else Arabic."""
    if any(letter in text for letter in "ٹڈڑںے"):
        return "ur"
    if any(letter in text for letter in "پچژگ") or "ی" in text:
        return "fa"
    return "ar"
