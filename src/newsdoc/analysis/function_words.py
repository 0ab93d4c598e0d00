"""Small word lists the text analysis relies on: function words per language, page vocabulary.

Function words (articles, pronouns, prepositions, auxiliaries) make up a third or more of any
prose and almost none of a line of buttons, tags or icon names; counting them tells prose from
page furniture in every language listed here. (Which language a text is in is told by
``analysis/identify``.)
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "FUNCTION_WORDS",
    "FUNCTION_WORD_SET",
    "PAGE_WORDS",
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
