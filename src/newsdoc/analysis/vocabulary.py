"""Words that several rules share, in one place: what they are, and who reads them.

A word list that two rules read alike lives here, so that a language added to one is added
to both. Lists that only look alike but serve different rules say how they differ.
"""

from __future__ import annotations

from typing import Final

__all__ = ["BYLINE_NAME_PARTICLES", "NAME_PARTICLES", "PHOTO_CREDIT_WORDS"]

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
