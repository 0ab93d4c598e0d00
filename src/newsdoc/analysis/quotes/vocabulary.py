"""The English words the attribution rules know, beside those of each language's lexicon."""

from __future__ import annotations

from typing import Final

# Words that open a sentence capitalised without naming anyone: sentence adverbs, times,
# interjections ("Indeed, …", "Hours later, Trump …", "Wait, it gets better:").
OPENING_WORDS: Final = frozenset(
    "indeed wait outside inside ever never now later earlier today yesterday tonight tomorrow "
    "hours minutes days weeks months years moments seconds decades afterward afterwards "
    "overall ultimately eventually finally again similarly likewise besides anyway rather "
    "certainly clearly obviously apparently fortunately unfortunately sadly hopefully "
    "interestingly notably importantly specifically additionally consequently accordingly "
    "moreover furthermore nevertheless nonetheless otherwise perhaps maybe yes oh well look "
    "listen please thanks sure okay both each every all many some most several few "
    "another".split()
)
FUNCTION_CAPITALS: Final = (
    frozenset(
        "the a an and but or so yet in on at for of to by with from as after before when while "
        "if this that these those it its he she they we i his her their our there here what who "
        "why how where mr mrs ms dr although though because since unless despite during until "
        "meanwhile however still instead also even then once".split()
    )
    | OPENING_WORDS
)
ORG_WORDS: Final = frozenset(
    "ministry department council party committee commission union association agency office "
    "house senate congress court times post news journal university institute foundation "
    "campaign administration government bureau service company corporation group network "
    "times post tribune herald guardian telegraph reuters press nation federation league "
    "organization organisation embassy police army navy bank fund school board convention "
    "treaty assembly parliament nations states republic republics kingdom city county province "
    "region street square airport station hospital center centre museum stadium church river "
    "act law bill plan program programme summit conference war crisis movement forces mission "
    "cabinet staff club inc corp ltd llc media network channel radio tv magazine".split()
)

# Months that are not also names ("May", "June", "April", "August" are both).
MONTHS: Final = frozenset(
    "january february march july september october november december feb sept oct nov dec".split()
)

MALE_TITLES: Final = frozenset({"mr.", "sir.", "lord."})
FEMALE_TITLES: Final = frozenset({"mrs.", "ms.", "miss.", "madam."})
# A capitalised pair after these is rarely a person ("in New York", "the White House").
NOT_BEFORE_PEOPLE: Final = frozenset("the in at from to of into across near a an on".split())
PLACE_STARTS: Final = frozenset(
    "new san los las santa saint st north south east west united great upper lower central "
    "fort port mount lake".split()
)

# Role words that, written just before a capitalised name, make it a person's name.
ROLE_WORDS: Final = frozenset(
    "minister president secretary senator governor mayor chairman chairwoman chair spokesman "
    "spokeswoman spokesperson leader chief nominee candidate director official adviser advisor "
    "ambassador general judge lawyer attorney prime vice deputy professor analyst ceo founder "
    "host anchor reporter correspondent editor commissioner representative politician member "
    "head boss coach actor singer writer author pastor bishop pope king queen prince princess "
    "manager strategist pollster economist activist consul counterpart colleague rival "
    "opponent aide surrogate challenger incumbent congressman congresswoman lawmaker mp mep msp "
    "legislator councillor councilor alderman mr. mrs. "
    "ms. dr. sen. rep. gov. gen. pres. sec. mr mrs ms dr sen rep gov gen pres sec lt col "
    "sgt capt adm".split()
)

TITLE_SMALL_WORDS: Final = frozenset("of the and a an in on at for to with from de la le".split())
STOP_FORWARD: Final = frozenset(
    "in on at during after before about when while because as who which that to of told "
    "says said for from with".split()
)

# Heads of noun phrases that do not name anybody ("the way", "her own").
NOT_HEADS: Final = frozenset("way own one time fact end first same rest other most".split())

# Words inside a subject that are neither capitalised nor nouns ("a spokesman for the party").
SUBJECT_GLUE: Final = frozenset("for of at and the".split())
# Determiners that can stand for the people they count ("three replied", "many said").
QUANTIFIERS: Final = frozenset("one two three four five many several some others".split())
# Past forms of reporting verbs that do not end in "-ed".
PAST_CUES: Final = frozenset("said told wrote spoke".split())
# Words a nominal speaker does not contain (it would be an object or a clause).
NOT_IN_SPEAKERS: Final = frozenset("to as by than with into from about that which".split())
PLURAL_ENDINGS: Final = ("ers", "ists", "ians", "ants", "ents", "ors", "ives", "icials")

# Words that open a subordinate clause before a sentence's main clause.
SUBORDINATORS: Final = frozenset(
    "when if as after before while although though because since until once unless".split()
)

# Words that open a clause of the writer's own rather than a quote's speaker.
CLAUSE_OPENERS: Final = frozenset(
    "which that but and or so because while as if when where although though after before "
    "since until then who whose whom what".split()
)

PARTITIVES: Final = frozenset("one some many several two three four five none each most".split())
PREPOSITIONS: Final = frozenset(
    "at in on for with from by after during before under over about into through".split()
)
# Things that "say" what is written on them: "a sign saying", "an ad asking".
SAYING_THINGS: Final = frozenset(
    "sign signs banner banners ad ads email emails letter letters statement statements tweet "
    "tweets post posts headline headlines message messages video videos poster posters note "
    "notes memo memos release placard placards shirt shirts caption report reports".split()
)

# Time words that may stand between a speaker and the verb ("Kuleba today accused").
WHEN: Final = frozenset(
    "today yesterday tonight now earlier later recently monday tuesday wednesday thursday "
    "friday saturday sunday week month year morning afternoon evening night".split()
)
TIMES: Final = WHEN | MONTHS
