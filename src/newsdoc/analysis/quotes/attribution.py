"""Each quote's kind, cue and speaker, read from the text around it (see the package doc)."""

from __future__ import annotations

import re
from typing import Final

from newsdoc._regex import OPTIONAL_SPACE_RUN
from newsdoc.analysis.function_words import FUNCTION_WORD_SET
from newsdoc.analysis.lexicons import Lexicon
from newsdoc.analysis.quotes.east_asian import EastAsianReader
from newsdoc.analysis.quotes.grammar import MAX_NAME_TOKENS, grammar_for, is_participle
from newsdoc.analysis.quotes.marks import MARK, Span
from newsdoc.analysis.quotes.mentions import Found, Mentions
from newsdoc.analysis.quotes.names import name_backward, name_forward, noun_phrase_forward
from newsdoc.analysis.quotes.passage import WINDOW, Passage
from newsdoc.analysis.quotes.subjects import (
    after_preposition,
    clause_subject,
    main_subject,
    named_before_colon,
    noun_phrase_backward,
    short_attribution,
    source_label,
    subject_before_cue,
    subject_like,
)
from newsdoc.analysis.quotes.tokens import tokenize, trim
from newsdoc.analysis.quotes.vocabulary import (
    CLAUSE_OPENERS,
    FUNCTION_CAPITALS,
    NOT_HEADS,
    ORG_WORDS,
    PREPOSITIONS,
    SAYING_THINGS,
    TITLE_SMALL_WORDS,
    WHEN,
)
from newsdoc.model import Quote

# Particles that may follow a closing 」; "と" alone is the quotative one ("と述べた"), not
# "とは", "という", "との", "とか", "とも", "として".
_JAPANESE_PARTICLES: Final = frozenset("とにをがはのでもへやか")
_QUOTATIVE: Final = re.compile("と(?:も(?!に))?(?![はいのかもし])")  # "と述べた", "とも述べた"


class Attributor:
    """Finds each quote's kind, cue and speaker, reading the text from start to end."""

    def __init__(self, text: str, words: Lexicon, spans: list[Span]) -> None:
        self.text = text
        self.words = words
        self.spans = spans
        self.grammar = grammar_for(words.language)
        self.passage = Passage(text, self.grammar, spans)
        self.mentions = Mentions(text, self.grammar, self.passage)
        self.east_asian = EastAsianReader(text, words, self.mentions)

    def attribute(self) -> tuple[Quote, ...]:
        """The quotes of the spans: those that are quotes, with their kind, cue and speaker."""
        quotes: list[Quote] = []
        previous: tuple[Span, Found | None, int] | None = None  # span, found, paragraph
        for span in self.spans:
            start, end = trim(self.text, span.start, span.end)
            if end <= start:
                continue
            paragraph = self.passage.paragraph(span.start)
            if self._not_a_quote(span, start, end):
                continue
            partial = not span.dialogue and self._is_partial(span)
            found = self._attribution(span, partial)
            if found is None and previous is not None:
                found = self._inherited(span, paragraph, previous)
            if partial and (found is None or found.speaker is None):
                continue  # a scare quote nobody said: not a quotation
            quotes.append(
                Quote(
                    text=self.text[start:end],
                    speaker=found.speaker if found else None,
                    cue=found.cue if found else None,
                    start=start,
                    end=end,
                    partial=partial,
                )
            )
            previous = (span, found, self.passage.paragraph(span.end))
        return tuple(quotes)

    def _not_a_quote(self, span: Span, start: int, end: int) -> bool:
        content = self.text[start:end]
        tokens = content.split()
        if not tokens or not any(character.isalnum() for character in content):
            return True
        before = self.text[max(0, span.start - 30) : span.start - 1].rstrip()
        after = self.text[span.end + 1 : span.end + 30].lstrip()
        # Marcia "Cia" Price: a nickname between the parts of a name.
        if len(tokens) <= 3 and before[-1:].isalpha() and after[:1].isupper():
            last_word = before.rsplit(None, 1)[-1]
            if last_word[:1].isupper():
                return True
        # "Fox News Sunday": a title in Title Case, no sentence in it.
        if 2 <= len(tokens) <= 6 and content[-1:].isalnum():
            capitals = [token for token in tokens if token[:1].isupper()]
            small = [token for token in tokens if token.lower() in TITLE_SMALL_WORDS]
            if len(capitals) + len(small) == len(tokens) and len(capitals) >= 2:
                return True
        return False

    def _is_partial(self, span: Span) -> bool:
        """Embedded in the writer's own sentence rather than standing as what was said."""
        after = self.text[span.end + 1 : span.end + 3]
        if after[:1] and after[:1] in _JAPANESE_PARTICLES:
            # Japanese 「…」と述べた: the quotative particle reports speech. Another particle
            # (「脱獄」とは, 「なし」にして, 「適用」を) makes the quoted words part of the
            # sentence.
            return _QUOTATIVE.match(after) is None
        if self.words.east_asian:
            return self.east_asian.partial(span)
        before = self.passage.before(span)[0].rstrip()
        if not before or before.endswith((":", "—", "–", "：")):
            return False
        if before.endswith(","):
            # "He said, “…”": the attribution leads in; otherwise an aside in running text.
            return self.grammar.cue_in(before.rstrip(","), last=True) is None
        if before.endswith(("(", "[")):
            return True
        content = self.text[span.start : span.end].rstrip()
        # A full sentence after "that" or a verb is still quoted speech, but inside a sentence.
        return not (content[-1:] in ".!?" and content[:1].isupper() and len(content.split()) > 6)

    def _attribution(self, span: Span, partial: bool) -> Found | None:
        if self.words.east_asian:
            # A fragment inside the writer's sentence is left unattributed there, and so is
            # not taken for a quote ("市は「脱獄」とは何かを説明した": a term).
            return None if partial else self.east_asian.attribution(span)
        after, after_start = self.passage.after(span)
        content = self.text[span.start : span.end].rstrip()
        # A quote that ends with a comma hands its sentence to the attribution ("…," the
        # party's longtime strategist Jane Doe said); after one ended like a sentence, only a
        # short "Smith said." attributes it.
        continues = content[-1:] == ","
        ended = content[-1:] in ".!?" and after.lstrip()[:1].isupper()
        limit = 5 if ended else 14 if continues else 8
        found = None
        before, before_start = self.passage.before(span)
        if ended and before.rstrip().endswith((",", ":")):
            # "telling her, “…!” She replied…": the lead-in attributes the quote, and the
            # next sentence is news of its own.
            found = self._from_before(before, before_start, partial)
        if found is None:
            found = self._from_after(after, after_start, limit, continues=continues, ended=ended)
        if found is None:
            found = self._from_before(before, before_start, partial)
        if found is None and not partial and not after.strip(" .,;!?\u00a0"):
            found = self._credit_below(span)
        if found is None and not partial:
            found = self._from_previous_paragraph(span)
        return found

    def _credit_below(self, span: Span) -> Found | None:
        """A dash credit that is a paragraph of its own under the quote ("— Sanders.").

        Fact checks and lists of quotes set the speaker on the line below.
        """
        index = self.passage.paragraph(span.end) + 1
        if index >= len(self.passage.paragraphs):
            return None
        start = self.passage.paragraphs[index]
        stop = self.text.find("\n", start, start + _MAX_CREDIT_LINE + 1)
        line = self.text[start : stop if stop != -1 else start + _MAX_CREDIT_LINE + 1]
        if len(line) > _MAX_CREDIT_LINE:
            return None
        dash = _DASH.match(line)
        if dash is None or dash.end() == 0 or not line[dash.end() : dash.end() + 1].isupper():
            return None
        tokens = tokenize(line[dash.end() :], self.grammar.pattern)
        name = name_forward(self.grammar, tokens, 0)
        if name is None or len(tokens) > MAX_NAME_TOKENS + 2:
            return None
        return self._found(name[0], None, start + dash.end() + name[1])

    def _from_after(
        self,
        after: str,
        offset: int,
        limit: int = 8,
        *,
        continues: bool = False,
        ended: bool = False,
    ) -> Found | None:
        stripped = after.lstrip(" ,.;\u00a0")
        offset += len(after) - len(stripped)
        dash = _DASH.match(stripped)
        if dash is not None and stripped[dash.end() : dash.end() + 1].isupper():
            name = name_forward(
                self.grammar, tokenize(stripped[dash.end() :], self.grammar.pattern), 0
            )
            if name is not None:
                return self._found(name[0], None, offset + dash.end() + name[1])
        according = self._according_to(stripped, offset)
        if according is not None:
            return according
        tokens = tokenize(stripped, self.grammar.pattern)
        cue_at = self.grammar.first_cue(tokens, limit=limit)
        if cue_at is None:
            return None
        cue = tokens[cue_at][0]
        auxiliaries = self.words.auxiliaries
        if is_participle(cue):
            return None  # "…," promising the club will return: the writer goes on
        if ended and after.rstrip().endswith(":"):
            return None  # "…." The candidate reiterated: “…”: the lead-in of the next quote
        if ended and not short_attribution(self.grammar, tokens, cue_at):
            return None  # "…." Kasich said he would have fired him: a sentence of its own
        if cue_at == 0 or all(token[0].lower() in auxiliaries for token in tokens[:cue_at]):
            phrase = noun_phrase_forward(self.grammar, tokens, cue_at + 1)
            if phrase is None and cue_at > 0 and tokens[0][0][:1].isupper():
                phrase = tokens[0]  # "…," Will wrote: a name that is also an auxiliary
            if phrase is None and self.words.null_subject:
                # "«…», dijo.": a language that drops the subject pronoun; the verb's
                # subject is the person the text is about, as "he" or "she" would be.
                position = offset + tokens[cue_at][1]
                self.mentions.collect(position)
                return Found(self.mentions.antecedent("person", position), cue, position)
        elif subject_like(self.grammar, tokens[:cue_at]) or (
            continues and tokens[0][0].lower() not in CLAUSE_OPENERS
        ):
            phrase = subject_before_cue(self.grammar, stripped, tokens, cue_at)
        else:
            return None  # a sentence of the writer's that happens to hold a verb
        if phrase is None:
            return None
        if ended:
            # "This sort of opining, CNN claimed, violates…": a source named inside the
            # writer's sentence, not the subject it opens with.
            comma = next((at for token, at in tokens[:cue_at] if token == ","), None)
            if comma is not None and phrase[1] > comma:
                return None
        return self._found(phrase[0], cue, offset + phrase[1])

    def _from_before(self, before: str, offset: int, partial: bool) -> Found | None:
        according = self._according_to(before, offset)
        if according is not None:
            return according
        stripped = before.rstrip()
        if (
            not partial
            and stripped
            and not stripped.endswith((":", ",", "—", "–"))
            and not _LEAD_IN.search(stripped)
            and not _CUE_THAT.search(stripped)
            and not self.grammar.ends_with_cue(stripped)
        ):
            return None
        tokens = tokenize(before, self.grammar.pattern)
        if not tokens:
            return None
        # "From the report:", "More from Jones:", "Polls missed it - HuffPollster:" (a source
        # label, as digests and newsletters write them)
        if stripped.endswith(":"):
            label = source_label(self.grammar, before, tokens)
            if label is not None:
                return self._found(label[0], None, offset + label[1])
        # "Clinton: “...”" (a transcript's or a list's speaker label)
        if stripped.endswith(":") and len(tokens) <= 6:
            label = (
                name_backward(self.grammar, tokens, len(tokens) - 2) if len(tokens) >= 2 else None
            )
            if label is not None and label[1] == tokens[0][1]:
                return self._found(label[0], None, offset + label[1])
        cue_at = self.grammar.cue_in(before, last=True)
        if cue_at is not None and partial and len(tokens) - cue_at > 10:
            cue_at = None  # too far from the quote to introduce it
        if cue_at is None:
            if stripped.endswith(":") and not partial:
                found = self._sentence_subject(tokens, offset)
                named = named_before_colon(self.grammar, tokens) if found is None else None
                if named is not None:  # "… is exemplified by this finding:"
                    return self._found(named[0], None, offset + named[1])
                return found
            return None
        cue = tokens[cue_at][0]
        if is_participle(cue) and not (
            cue_at > 0 and tokens[cue_at - 1][0].lower() in SAYING_THINGS
        ):
            # "Smith said, adding:", "Trump took to Twitter, writing:": the one who writes is
            # the subject of the clause's verb. A sign, an ad or a letter says things itself
            # ("held up a sign saying").
            # A name just before the participle is its subject ("with Trump reportedly yelling").
            if tokens[cue_at - 1][0] in ",;":
                phrase = main_subject(self.grammar, tokens, cue_at - 1)
            else:
                phrase = noun_phrase_backward(self.grammar, tokens, cue_at)
                # ("wrote in a statement to Wired explaining why…,": the participle does not
                # lead into the quote; the writer does)
                far = len(tokens) - cue_at > 3 and not (
                    # "footage of Trump saying during the debate last week, “…”": only a
                    # phrase of time or place stands between the participle and the quote
                    tokens[cue_at + 1][0].lower() in PREPOSITIONS
                    or tokens[cue_at + 1][0].lower() in WHEN
                )
                if phrase is None or not phrase[0][:1].isupper() or far:
                    phrase = main_subject(self.grammar, tokens, cue_at)
        else:
            phrase = noun_phrase_backward(self.grammar, tokens, cue_at)
            if (
                phrase is not None
                and not phrase[0].endswith(("’s", "'s"))  # "on Trump’s claim that": his
                and after_preposition(tokens, phrase[1])
            ):
                # "Protesters marching through the streets chanted": the noun after a
                # preposition is not who speaks; the clause's subject is.
                subject = main_subject(self.grammar, tokens, cue_at)
                if subject is not None and len(subject[0].split()) <= MAX_NAME_TOKENS:
                    phrase = subject  # (not "The scheduling was so odd that a spokesman")
            if (
                (phrase is None or not phrase[0][:1].isupper())
                and 0 < cue_at < len(tokens) - 1
                and tokens[cue_at - 1][0] == ","
                and self.grammar.name_word(tokens[cue_at + 1][0], False)
            ):
                # "Because of how they crafted it, explained Rosenberg, “…”": inverted
                phrase = noun_phrase_forward(self.grammar, tokens, cue_at + 1) or phrase
        if phrase is None and cue_at + 1 < len(tokens) and tokens[cue_at + 1][0][:1].isupper():
            phrase = noun_phrase_forward(self.grammar, tokens, cue_at + 1)
        if phrase is None:
            return None
        return self._found(phrase[0], cue, offset + phrase[1])

    def _sentence_subject(self, tokens: list[tuple[str, int]], offset: int) -> Found | None:
        """The name or pronoun a sentence starts with (for "X apologized: “...”")."""
        words = self.words
        first = tokens[0][0]
        if first.lower() in words.pronouns:
            return self._found(first.lower(), None, offset + tokens[0][1])
        # "The MP Jan Roe was unmoved:", "Il deputato Marco Bianchi era critico:": an article
        # opens a noun phrase, not a name.
        name = None if first.lower() in words.determiners else name_forward(self.grammar, tokens, 0)
        if name is None or name[0].lower() in FUNCTION_CAPITALS:
            # "A footnote in the report makes that clear:", "The Clinton campaign worded it:"
            name = clause_subject(self.grammar, tokens)
            if name is None:
                return None
        return self._found(name[0], None, offset + name[1])

    def _from_previous_paragraph(self, span: Span) -> Found | None:
        """The speaker of a quote that opens its paragraph, named in the paragraph before.

        That paragraph ends with ``The Times reports:`` or ``Smith said on Monday that the
        plan was dead.``
        """
        floor = self.passage.paragraph_start(span.start)
        if self.text[floor : span.start - 1].strip():
            return self._from_previous_sentence(span, floor)
        index = self.passage.paragraph(span.start)
        if index == 0:
            return None
        start = max(self.passage.paragraphs[index - 1], floor - WINDOW)
        previous = self.text[start:floor].rstrip()
        if not previous or MARK.search(previous[-3:]):
            return None
        return self._from_last_sentence(previous, start, last_cue=False)

    def _from_previous_sentence(self, span: Span, floor: int) -> Found | None:
        """The speaker of a quote that opens a sentence, named by the sentence before it.

        ``Or maybe Jeb Bush, digital consultant Phil Musser says. “…”``; ``…, the editorial
        board writes. “…”``.
        """
        before, before_start = self.passage.before(span)
        if before.strip() or before_start <= floor:
            return None
        previous = self.passage.unquoted(max(floor, before_start - WINDOW), before_start).rstrip()
        if not previous or previous[-1:] not in ".:" or MARK.search(previous):
            return None
        return self._from_last_sentence(previous, floor, last_cue=True)

    def _from_last_sentence(self, previous: str, start: int, *, last_cue: bool) -> Found | None:
        """The speaker the last sentence of ``previous`` names with a reporting verb.

        The verb stands among its first words (``Smith said on Monday that the plan was
        dead.``), or, with ``last_cue``, ends it (``…, Phil Musser says.``).
        """
        # ``previous`` is stripped: no sentence end at its end.
        cut = self.passage.last_sentence_start(previous)
        sentence = previous[cut:]
        if sentence.endswith(":"):
            return self._from_before(sentence, start + cut, partial=False)
        if MARK.search(sentence):
            return None
        tokens = tokenize(sentence, self.grammar.pattern)
        cue_at = self.grammar.cue_in(sentence, last=False)
        if last_cue and (cue_at is None or cue_at > 8):
            cue_at = self.grammar.cue_in(sentence, last=True)
            if cue_at is not None and cue_at < len(tokens) - 3:
                cue_at = None
        elif cue_at is not None and cue_at > 8:
            cue_at = None
        if cue_at is None:
            return None
        phrase = noun_phrase_backward(self.grammar, tokens, cue_at)
        if phrase is None or not (
            phrase[0][:1].isupper() or phrase[0] in self.words.pronouns or last_cue
        ):
            return None
        return self._found(phrase[0], tokens[cue_at][0], start + cut + phrase[1])

    def _inherited(
        self, span: Span, paragraph: int, previous: tuple[Span, Found | None, int]
    ) -> Found | None:
        """The previous quote's speaker, for a quote that continues it or stands alone."""
        _last_span, found, last_paragraph = previous
        if found is None or found.speaker is None:
            return None
        before, before_start = self.passage.before(span)
        if paragraph == last_paragraph and before_start <= found.position < span.start:
            # “…,” Cruz told reporters in Fort Mill, S.C. “…”: the words before the second
            # quote are the first one's attribution, and the second goes on with it.
            return Found(speaker=found.speaker, cue=found.cue, position=found.position)
        before = before.strip()
        if before and not before.endswith((":", ",")):
            return None
        if paragraph in (last_paragraph, last_paragraph + 1):
            return Found(speaker=found.speaker, cue=found.cue, position=found.position)
        return None

    def _according_to(self, text: str, offset: int) -> Found | None:
        lowered = text.lower()
        for cue in self.words.according_to:
            at = lowered.find(cue + " ")
            if at == -1:
                continue
            start = at + len(cue) + 1
            phrase = noun_phrase_forward(
                self.grammar, tokenize(text[start:], self.grammar.pattern), 0
            )
            if phrase is not None:
                return self._found(phrase[0], cue, offset + start + phrase[1])
        return None

    def _found(self, phrase: str, cue: str | None, position: int) -> Found | None:
        if not self._plausible(phrase):
            return None
        speaker = self.mentions.resolve(phrase, position)
        found = Found(speaker=speaker, cue=cue, position=position)
        if speaker is not None:
            self.mentions.last_speaker = self.mentions.mention_for(speaker, phrase, position)
        return found

    def _plausible(self, phrase: str) -> bool:
        """Whether a phrase can name a speaker.

        Not a heading in capitals, and not a common word that stands capitalised only at the
        start of a sentence ("Signs", "Each").
        """
        tokens = phrase.split()
        lowered = phrase.lower()
        if lowered in self.words.pronouns or lowered in self.words.first_person:
            return True
        if phrase.isupper() and (len(tokens) > 1 or len(phrase) > 5):
            return False  # "IOWA POLLS NOT WRONG", a dateline "WASHINGTON"
        if len(tokens) == 1 and phrase[:1].isupper():
            if lowered in self.mentions.surnames or lowered in ORG_WORDS:
                return True
            if lowered in self.words.nominal_heads:
                return True  # "Protesters marching through the streets chanted": who spoke
            # A word the text also writes in lower case is a common word, not a name.
            return not self.passage.written_in_lower_case(lowered)
        if tokens[0].lower() in self.words.determiners:
            head = tokens[-1].lower()
            return len(tokens) >= 2 and head not in NOT_HEADS and head not in FUNCTION_WORD_SET
        return True


# Words after which a quote is still led in by the sentence's verb ("wrote that “…”").
_LEAD_IN: Final = re.compile(r"\b(?:that|as|by|with|saying|was|is|it)\s*$")

# A reporting clause that introduces what follows ("He added, though, that in the end").
_CUE_THAT: Final = re.compile(r"\b\w+(?:ed|s)\b[^.!?]{0,40}\bthat\b")

# A dash that credits a quote ("… — Sonya Herridge").
_DASH: Final = re.compile(OPTIONAL_SPACE_RUN + r"[—–―-]{1,2}\s*")
# The longest line that can be a credit on its own ("- Sen. Bernie Sanders (I-Vt.).").
_MAX_CREDIT_LINE: Final = 60
