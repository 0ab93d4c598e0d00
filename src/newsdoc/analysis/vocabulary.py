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
    "LEAVE_A_COMMENT",
    "NAME_PARTICLES",
    "PHOTO_CREDIT_WORDS",
    "RELEASE_KIND",
    "RELEASE_NUMBER",
    "TAG_LABEL",
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
