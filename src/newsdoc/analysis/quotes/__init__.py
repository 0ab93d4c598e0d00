"""Direct quotations in text: the quoted words, who said them, the cue, and their offsets.

Rules and lexicons, no model. Three passes over the text, each linear:

1. **Marks.** Quotation marks are paired by their style and by the whitespace around them:
   curly, straight, two apostrophes, Penn Treebank (two backticks, then two apostrophes),
   German ``„…“`` and ``»…«``, French ``«…»``. Single quotes inside double ones are content,
   and apostrophes are never marks. A quote left open at the end of a paragraph continues when
   the next paragraph reopens it with the same mark, and ends there otherwise, so one stray
   mark never swallows the rest of the text.
2. **Kind.** A quote embedded in the writer's own sentence is *partial*; a nickname between the
   parts of a name and a title in Title Case are not quotes at all.
3. **Attribution.** The cue (a reporting verb of the language's lexicon, or "according to")
   and the speaker are looked for after the quote (``…," he said``, ``said Donna Brazile, the
   chairwoman``, ``— Sonya Herridge``), before it (``X scolded him:``), in the previous
   paragraph when it ends with a colon, and, for a quote that stands alone or continues a
   quote already attributed, in the quote before it. Surnames and pronouns are resolved to the
   full name mentioned earlier (he and she by gender when the text or the lexicon tells it);
   "I" and "we" inside a quote are never its speaker.

Speaker rules read a lexicon per language (``lexicons/<language>.json``); the mark handling
works for text in any language.

Where each part lives: ``marks`` pairs the marks (pass 1); ``attribution`` runs passes 2 and 3
over a ``passage`` (the text, its paragraphs and quoted stretches), asking a language's
``grammar`` (its lexicon and word rules), ``names`` and ``subjects`` (who a few tokens name) and
``mentions`` (who has been named so far, and who a pronoun stands for); ``east_asian`` holds
the rules of Chinese, Japanese and Korean, ``name_runs`` reads runs of capitalised words,
``tokens`` splits sentences and ``vocabulary`` holds the English words the rules know.
"""

from __future__ import annotations

from newsdoc.analysis.lexicons import Lexicon, lexicon, lexicon_languages
from newsdoc.analysis.quotes.attribution import Attributor
from newsdoc.analysis.quotes.marks import DIALOGUE_LINE, MARK, pair_marks, with_dialogue
from newsdoc.model import Quote

__all__ = ["Lexicon", "extract_quotes", "lexicon", "lexicon_languages", "quotes_within"]


def extract_quotes(
    text: str, *, language: str = "en", max_quotes: int | None = None
) -> tuple[Quote, ...]:
    """The direct quotations in ``text``, in order, with offsets into ``text``.

    Args:
        text: Plain text; paragraphs are separated by line breaks (as in
            :attr:`newsdoc.Document.body`).
        language: The text's language (BCP 47). Quotation marks are found in any language;
            speakers and cues need a lexicon for it, and English is used when there is none.
        max_quotes: Read no more than this many quoted stretches (``None``: all of them);
            each costs about 0.1 ms, so it bounds the time a text of untrusted size takes.

    Returns:
        One :class:`~newsdoc.Quote` per quoted stretch: ``text[q.start:q.end] == q.text``. A
        quote split by its attribution gives two quotes with the same speaker; a quote that
        runs over paragraphs, reopened at each, gives one.
    """
    return quotes_within(text, language=language, max_quotes=max_quotes)[0]


def quotes_within(
    text: str, *, language: str = "en", max_quotes: int | None = None
) -> tuple[tuple[Quote, ...], bool]:
    """:func:`extract_quotes`, and whether ``max_quotes`` left quoted stretches unread."""
    if not text:
        return (), False
    marked = MARK.search(text) is not None
    if not marked and not (("—" in text or "―" in text) and DIALOGUE_LINE.search(text)):
        return (), False
    words = lexicon(language) or lexicon("en")
    assert words is not None  # the English lexicon ships with the package
    spans = pair_marks(text) if marked else []
    if words.dialogue_dashes:
        spans = with_dialogue(text, spans)
    cut = max_quotes is not None and len(spans) > max_quotes
    if cut:
        spans = spans[:max_quotes]
    if not spans:
        return (), cut
    return Attributor(text, words, spans).attribute(), cut
