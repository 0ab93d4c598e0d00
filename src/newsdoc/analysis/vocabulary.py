"""Words that several rules share, in one place: what they are, and who reads them.

A word list that two rules read alike lives here, so that a language added to one is added
to both. Lists that only look alike but serve different rules say how they differ.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BYLINE_NAME_PARTICLES",
    "COMMENTS_PLURALS",
    "COMMENTS_WORDS",
    "ENGLISH_MONTH",
    "LEAVE_A_COMMENT",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "NAME_PARTICLES",
    "PHOTO_CREDIT_WORDS",
    "RELEASE_KIND",
    "RELEASE_NUMBER",
    "TAG_LABEL",
    "WEEKDAY_NAMES",
]

#: Words that may stand lower-case inside a person's name ("Ursula von der Leyen", "Vincent
#: van Gogh", "Ibn Khaldun"): the quote engine's speakers and the bylines' names.
NAME_PARTICLES: Final = frozenset(
    "de van von der den da di du le la bin al ibn del della dos".split()
)
#: Bylines also read Dutch "ter"/"ten", German "zu", Portuguese "das", and the Spanish and
#: Portuguese "y"/"e" of double surnames ("García y Pérez"): in a byline, a name is all there
#: is; in a story's text, "y" and "e" join two people more often than two surnames.
BYLINE_NAME_PARTICLES: Final = NAME_PARTICLES | frozenset("das ter ten zu y e".split())

#: Words that label a photo credit or a caption's credit ("Photo: Jane Doe", "Foto: ...",
#: "Bild: ...", "Credit: ..."), lower-case.
PHOTO_CREDIT_WORDS: Final = ("photo", "foto", "image", "picture", "credit", "bild", "beeld")

# -- labels, as the sources of patterns (read with IGNORECASE) ----------------------------------
#: A number a release may carry ("Pressemitteilung 45", "Press release No. 12/2023").
RELEASE_NUMBER: Final = r"(?:\s+(?:nr\.?\s*|no\.?\s*|#)?\d[\d/.-]*)?"
#: A press release, as offices and companies title and label them ("Press release",
#: "Pressemitteilung 45", "Communiqué de presse"), as a pattern's source.
RELEASE_KIND: Final = (
    r"(?:(?:press|news|media)\s+release|pressemitteilung|pressemeldung|presseinformation"
    r"|communiqué(?:\s+de\s+presse)?|persbericht|comunicado(?:\s+de\s+prensa)?"
    rf"|nota\s+de\s+prensa|comunicato(?:\s+stampa)?){RELEASE_NUMBER}"
)
#: The labels of a list of tags or topics, in the languages of the lexicons ("Tags:", "Themen:").
TAG_LABEL: Final = (
    r"(?:tags?|tagged(?:\swith)?|topics?|keywords|labels?|trefwoorden|onderwerpen?|mots-clés"
    r"|schlagwörter|themen?|etiquetas|temas?|argomenti)"
)
COMMENTS_PLURALS: Final = (
    r"comments|responses|replies|reactions|reacties|commentaires|kommentare|comentarios|commenti"
)
"""The words that name a page's comments, in the plural, as a pattern's alternatives."""
COMMENTS_WORDS: Final = rf"comment|response|reaction|{COMMENTS_PLURALS}"
"""The words that name a page's comments, as a pattern's alternatives (case to be ignored).

Plural but in English: a German "Kommentar", a Spanish "comentario" alone is an opinion piece.
"""
LEAVE_A_COMMENT: Final = r"leave\s+a\s+(?:comment|reply)"
"""The invitation under a post that opens its comments, as a pattern."""

# -- months and weekdays ---------------------------------------------------------------------
#: The English months' first three letters, in order ("/2019/nov/18/" in a URL).
MONTH_ABBREVIATIONS: Final = (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
)  # fmt: skip
#: An English month, abbreviated or not ("Mar", "Sept", "March"), as a pattern's source
#: (lower case: for a pattern that ignores case).
ENGLISH_MONTH: Final = rf"(?:{'|'.join(MONTH_ABBREVIATIONS)})[a-z]{{0,6}}"

#: Month and weekday names of the languages news is read in, one tuple a month or a day, in
#: order: for dateutil and for the date forms of analysis/dates.
# Croatian "listopada" (October) is left out: it is Polish for November, as read here.
MONTH_NAMES: Final[list[tuple[str, ...]]] = [
    ("Jan", "January", "jan", "januari", "janvier", "janv", "Januar", "jän", "enero", "ene",
     "gennaio", "gen", "janeiro", "stycznia", "styczeń", "ledna", "leden", "января", "январь",
     "ocak", "tammikuuta", "január", "ianuarie", "januára", "siječnja", "siječanj", "січня",
     "Ιανουαρίου"),
    ("Feb", "February", "februari", "février", "févr", "fév", "Februar", "febrero",
     "febbraio", "fevereiro", "fev", "lutego", "luty", "února", "únor", "февраля", "февраль",
     "şubat", "helmikuuta", "február", "februarie", "februára", "veljače", "veljača", "лютого",
     "Φεβρουαρίου"),
    ("Mar", "March", "maart", "mrt", "mars", "März", "Mär", "marzo", "março", "marts",
     "marca", "marzec", "března", "březen", "марта", "март", "mart", "maaliskuuta",
     "március", "martie", "ožujka", "ožujak", "березня", "Μαρτίου"),
    ("Apr", "April", "avril", "avr", "abril", "aprile", "abr", "kwietnia", "kwiecień", "dubna",
     "duben", "апреля", "апрель", "nisan", "huhtikuuta", "április", "aprilie", "apríla",
     "travnja", "travanj", "квітня", "Απριλίου"),
    ("May", "mei", "mai", "mayo", "maggio", "mag", "maio", "maj", "maja", "května", "květen",
     "мая", "май", "mayıs", "toukokuuta", "május", "mája", "svibnja", "svibanj", "травня",
     "Μαΐου"),
    ("Jun", "June", "juni", "juin", "junio", "giugno", "giu", "junho", "czerwca", "czerwiec",
     "června", "červen", "июня", "июнь", "haziran", "kesäkuuta", "június", "iunie", "júna",
     "lipnja", "lipanj", "червня", "Ιουνίου"),
    ("Jul", "July", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho", "lipca",
     "lipiec", "července", "červenec", "июля", "июль", "temmuz", "heinäkuuta", "július",
     "iulie", "júla", "srpnja", "srpanj", "липня", "Ιουλίου"),
    ("Aug", "August", "augustus", "août", "agosto", "ago", "augusti", "sierpnia", "sierpień",
     "srpna", "srpen", "августа", "август", "ağustos", "elokuuta", "augusztus", "augusta",
     "kolovoza", "kolovoz", "серпня", "Αυγούστου"),
    ("Sep", "Sept", "September", "septembre", "septiembre", "settembre", "set", "setembro",
     "września", "wrzesień", "září", "сентября", "сентябрь", "eylül", "syyskuuta",
     "szeptember", "septembrie", "septembra", "rujna", "rujan", "вересня", "Σεπτεμβρίου"),
    ("Oct", "October", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro",
     "out", "października", "październik", "října", "říjen", "октября", "октябрь", "ekim",
     "lokakuuta", "október", "octombrie", "októbra", "жовтня", "Οκτωβρίου"),
    ("Nov", "November", "novembre", "noviembre", "novembro", "listopada", "listopad",
     "listopadu", "ноября", "ноябрь", "kasım", "marraskuuta", "noiembrie", "novembra",
     "studenoga", "studenog", "studeni", "листопада", "Νοεμβρίου"),
    ("Dec", "December", "december", "décembre", "déc", "Dezember", "Dez", "diciembre", "dic",
     "dicembre", "dezembro", "desember", "grudnia", "grudzień", "prosince", "prosinec",
     "декабря", "декабрь", "aralık", "joulukuuta", "decembrie", "decembra", "prosinca",
     "грудня", "Δεκεμβρίου"),
]  # fmt: skip
WEEKDAY_NAMES: Final[list[tuple[str, ...]]] = [
    ("Mon", "Monday", "maandag", "lundi", "Montag", "Mo", "lunes", "lunedì", "segunda-feira",
     "segunda"),
    ("Tue", "Tuesday", "Tues", "dinsdag", "mardi", "Dienstag", "Di", "martes", "martedì",
     "terça-feira", "terça"),
    ("Wed", "Wednesday", "woensdag", "mercredi", "Mittwoch", "Mi", "miércoles", "mercoledì",
     "quarta-feira", "quarta"),
    ("Thu", "Thursday", "Thur", "Thurs", "donderdag", "jeudi", "Donnerstag", "Do", "jueves",
     "giovedì", "quinta-feira", "quinta"),
    ("Fri", "Friday", "vrijdag", "vendredi", "Freitag", "Fr", "viernes", "venerdì",
     "sexta-feira", "sexta"),
    ("Sat", "Saturday", "zaterdag", "samedi", "Samstag", "Sa", "sábado", "sabato"),
    ("Sun", "Sunday", "zondag", "dimanche", "Sonntag", "So", "domingo", "domenica"),
]  # fmt: skip
