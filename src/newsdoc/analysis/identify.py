"""The language a document is written in, told from its text, and how it meets the stated one.

A document's language comes from its source when the source states one; when it states none
(or no language tag), the language is identified from the title and the body with py3langid's
model (langid.py's naive Bayes over byte n-grams, 140 languages, packaged in its wheel: nothing
is downloaded). The model is loaded on the first document that needs it, not on
``import newsdoc`` (it costs about 0.6 s and 90 MB). docs/design-notes.rst has the figures.

The rule (:func:`settle_language`) is conservative: detection names a language only when its
confidence is high enough, and overrides a stated language only on a long text it is all but
certain of, whose language is not a close kin of the stated one (Norwegian's written forms,
Serbo-Croatian's standards, Malay and Indonesian).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs

from newsdoc.analysis.language import normalize_language

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

__all__ = ["Identified", "Settled", "identify", "load_model", "settle_language"]

#: How much text is read: a few hundred words tell a language, and reading costs time (the
#: model walks the text's bytes in Python, about 0.5 µs a byte).
SAMPLE_CHARACTERS: Final = 1500
#: The least confidence at which a language is named for a document that states none. On the
#: evaluation pages' titles, no language named at 0.5 or more was wrong (docs/design-notes.rst).
MIN_CONFIDENCE: Final = 0.5
#: The least confidence, and the least text, at which the text's language replaces a stated one.
OVERRIDE_CONFIDENCE: Final = 0.99
OVERRIDE_LETTERS: Final = 400
#: Fewer letters than this are no text to identify (a name, a word, a date).
MIN_LETTERS: Final = 12

# Languages so close that a page saying one and reading as the other is no mismatch: the
# same primary language for this rule.
_KIN: Final = {
    "nb": "no", "nn": "no",
    "bs": "sh", "hr": "sh", "sr": "sh", "sh": "sh",
    "ms": "ms", "id": "ms", "zsm": "ms",
    "zh": "zh", "yue": "zh", "wuu": "zh", "cmn": "zh",
    "ar": "ar", "ary": "ar", "arz": "ar",
    "gl": "gl", "pt": "gl",
    "ca": "ca", "oc": "ca",
    "af": "af", "nl": "af",
    "fa": "fa", "tg": "fa",
    "uz": "uz", "uzs": "uz",
}  # fmt: skip
# Labels of the model that name no language.
_NO_LANGUAGE: Final = frozenset({"zxx", "und"})
# Languages that never replace a stated one: Latin is what "lorem ipsum" placeholder text
# reads as, on templates and unfinished pages, far more often than a news story's language.
_NEVER_OVERRIDING: Final = frozenset({"la"})


@attrs.frozen
class Identified:
    """The language a text reads as: its primary subtag, the model's confidence, the letters."""

    language: str
    confidence: float
    letters: int


@attrs.frozen
class Settled:
    """A document's language once its stated one and its text's are weighed.

    ``mismatch`` is set when the text's language replaced the stated one: the stated tag.
    """

    language: str | None
    mismatch: str | None = None


_LOCK: Final = threading.Lock()
_LOADED: list[LanguageIdentifier] = []


def _identifier() -> LanguageIdentifier:
    """py3langid's identifier, with probabilities, loaded once, on first use."""
    if not _LOADED:
        with _LOCK:
            if not _LOADED:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _LOADED.append(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True))
    return _LOADED[0]


# Runs of letters (word characters but digits and the underscore), counted by removing them.
_LETTERS: Final = re.compile(r"[^\W\d_]+")


def load_model() -> None:
    """Load the model now rather than on the first document that needs it.

    A worker process of :func:`newsdoc.load_many` does, before it says it is ready: loading
    is part of its start, not of the first input's time limit.
    """
    _identifier()


def identify(text: str) -> Identified | None:
    """The language ``text`` reads as, or ``None`` when it has too few letters to tell.

    The first :data:`SAMPLE_CHARACTERS` characters are read.
    """
    sample = text[:SAMPLE_CHARACTERS]
    letters = len(sample) - len(_LETTERS.sub("", sample))
    if letters < MIN_LETTERS:
        return None
    label, confidence = _identifier().classify(sample)
    language = normalize_language(str(label)) if label not in _NO_LANGUAGE else None
    if language is None:
        return None
    return Identified(language=language, confidence=float(confidence), letters=letters)


def settle_language(stated: str | None, title: str | None, paragraphs: Iterable[str]) -> Settled:
    """The language of a document that states ``stated`` (a BCP 47 tag, or ``None``).

    With nothing stated: the language of the title and body, when the model is confident of
    it (:data:`MIN_CONFIDENCE`); else ``None``. With a language stated: it stands, unless the
    text is long (:data:`OVERRIDE_LETTERS` letters) and confidently (:data:`OVERRIDE_CONFIDENCE`)
    in a language that is not the stated one's primary subtag nor its kin; then the text's
    language (its primary subtag alone: the region or script stated was the other
    language's) replaces it, and ``mismatch`` keeps the stated tag.
    """
    text = _sample(title, paragraphs)
    if stated is not None and len(text) < OVERRIDE_LETTERS:
        return Settled(stated)  # too short to override anything: not worth reading
    found = identify(text)
    if stated is None:
        if found is None or found.confidence < MIN_CONFIDENCE:
            return Settled(None)
        return Settled(found.language)
    if (
        found is None
        or found.confidence < OVERRIDE_CONFIDENCE
        or found.letters < OVERRIDE_LETTERS
        or found.language in _NEVER_OVERRIDING
    ):
        return Settled(stated)
    declared = stated.split("-", 1)[0]
    if _KIN.get(declared, declared) == _KIN.get(found.language, found.language):
        return Settled(stated)
    return Settled(found.language, mismatch=stated)


def _sample(title: str | None, paragraphs: Iterable[str]) -> str:
    """The title and the first paragraphs, up to :data:`SAMPLE_CHARACTERS` characters."""
    parts = [title[:SAMPLE_CHARACTERS]] if title else []
    size = len(parts[0]) if parts else 0
    for paragraph in paragraphs:
        if size >= SAMPLE_CHARACTERS:
            break
        parts.append(paragraph[: SAMPLE_CHARACTERS - size])
        size += len(parts[-1]) + 1
    return "\n".join(parts)
