"""Every warning code newsdoc gives, each with its meaning in one line: the one register.

A parser makes its warnings from these (``HTML_NO_TEXT("the page holds no text to read")``),
never from a string of its own; the documentation's table of codes (docs/errors.rst) explains
each at length, and its test checks the page against :data:`REGISTER`. Codes are stable: a
pipeline may filter on them. A format plugin may give codes of its own, under its name.
"""

from __future__ import annotations

from typing import Final

import attrs

from newsdoc.model import ParseWarning

__all__ = ["REGISTER", "WarningCode"]


@attrs.frozen
class WarningCode:
    """A warning code and what it means; called with a message, it makes the warning.

    Attributes:
        code: The code, ``<area>.<what>`` (``html.no-text``).
        meaning: What it tells, in one line.
    """

    code: str
    meaning: str

    def __call__(self, message: str) -> ParseWarning:
        """The warning of this code, with ``message`` saying what happened in this input."""
        return ParseWarning(code=self.code, message=message)


#: Every code, by name, in the order of the documentation's table.
REGISTER: Final[dict[str, WarningCode]] = {}


def _code(code: str, meaning: str) -> WarningCode:
    assert code not in REGISTER, code
    REGISTER[code] = WarningCode(code=code, meaning=meaning)
    return REGISTER[code]


# -- reading the input: every format ---------------------------------------------------------------
SOURCE_MULTIPLE_DOCUMENTS: Final = _code(
    "source.multiple-documents", "the source holds several documents; load gave the first"
)
SOURCE_GZIP_TRAILING_DATA: Final = _code(
    "source.gzip-trailing-data", "bytes after the end of the gzip data were ignored"
)
DECODING_UNKNOWN_CHARSET: Final = _code(
    "decoding.unknown-charset", "the declared charset is unknown; the encoding was detected"
)
DECODING_WRONG_CHARSET: Final = _code(
    "decoding.wrong-charset", "the content is not valid in its declared charset; detected"
)
DECODING_UNDECLARED_UTF8: Final = _code(
    "decoding.undeclared-utf8", "UTF-8 under a declared legacy charset was read as UTF-8"
)
DECODING_INVALID_BYTES: Final = _code(
    "decoding.invalid-bytes", "undecodable bytes were replaced by U+FFFD"
)
DECODING_LONE_SURROGATE: Final = _code(
    "decoding.lone-surrogate", "JSON escapes of lone UTF-16 surrogates became U+FFFD"
)
# -- what every document is checked for --------------------------------------------------------
LINK_DROPPED: Final = _code(
    "link.dropped", "links whose URL is not absolute http(s) or mailto were dropped"
)
IMAGE_DROPPED: Final = _code(
    "image.dropped", "images whose URL is not absolute http(s) were dropped"
)
METADATA_BAD_LANGUAGE: Final = _code(
    "metadata.bad-language", "the stated language is no BCP 47 tag; dropped or guessed"
)
LANGUAGE_MISMATCH: Final = _code(
    "language.mismatch", "the text is confidently in another language than the stated one"
)
METADATA_URL_DROPPED: Final = _code(
    "metadata.url-dropped", "the document's URL is not absolute http(s); dropped"
)
QUOTES_LIMIT: Final = _code(
    "quotes.limit", "more quoted stretches than Limits.max_quotes; the rest were not read"
)
# -- HTML ------------------------------------------------------------------------------------------
HTML_TOO_DEEP: Final = _code(
    "html.too-deep", "markup nested past the depth limit was flattened; its text is kept"
)
HTML_PARSER_LIMIT: Final = _code(
    "html.parser-limit", "the HTML parser stopped at one of its limits; what follows is lost"
)
HTML_BODY_FROM_JSON_LD: Final = _code(
    "html.body-from-json-ld", "the markup held little of the story: the JSON-LD body is used"
)
HTML_BODY_FROM_SCRIPT_DATA: Final = _code(
    "html.body-from-script-data", "the markup held little of the story: script data is used"
)
HTML_HIDDEN_STORY: Final = _code(
    "html.hidden-story", "the story was read from an element the page hides or sets aside"
)
HTML_NO_TEXT: Final = _code("html.no-text", "the page holds no text to read")
HTML_NOT_AN_ARTICLE: Final = _code(
    "html.not-an-article", "the page is no article (a front page, an index): its text as is"
)
# -- Prezly ----------------------------------------------------------------------------------------
PREZLY_NO_TITLE: Final = _code("prezly.no-title", "the story has no title")
PREZLY_BAD_FIELD: Final = _code(
    "prezly.bad-field", "a field of the wrong type or shape was ignored"
)
PREZLY_BAD_DATE: Final = _code("prezly.bad-date", "a date field is not ISO 8601; ignored")
PREZLY_BAD_LANGUAGE: Final = _code("prezly.bad-language", "the culture is no language tag")
PREZLY_BAD_CONTENT: Final = _code(
    "prezly.bad-content", "the content document is not valid JSON; the story has no body"
)
PREZLY_UNMAPPED_NODE: Final = _code(
    "prezly.unmapped-node", "content nodes with no place in a Document were left out"
)
PREZLY_UNKNOWN_NODE: Final = _code(
    "prezly.unknown-node", "content nodes of unknown type were read as text, if they had any"
)
# -- plain text ------------------------------------------------------------------------------------
TEXT_NO_TITLE: Final = _code("text.no-title", "no line reads as the title")
TEXT_NO_CONTENT: Final = _code(
    "text.no-content", "no line reads as article text (only page furniture, or empty)"
)
# -- feeds (RSS, Atom, JSON Feed) ------------------------------------------------------------------
FEED_MALFORMED: Final = _code(
    "feed.malformed", "the feed is not well-formed; it was read as far as it goes"
)
FEED_BAD_DATE: Final = _code("feed.bad-date", "a date is neither RFC 822 nor ISO 8601; ignored")
FEED_BAD_FIELD: Final = _code(
    "feed.bad-field", "a JSON Feed field of the wrong type or shape was ignored"
)
FEED_NO_TITLE: Final = _code("feed.no-title", "the item has no title")
# -- email -----------------------------------------------------------------------------------------
EMAIL_NO_BODY: Final = _code("email.no-body", "the message has no text or HTML part to read")
EMAIL_UNDECODABLE_PART: Final = _code(
    "email.undecodable-part", "a part's transfer encoding is broken; what could be decoded is read"
)
EMAIL_BAD_DATE: Final = _code("email.bad-date", "the Date header is not a date; ignored")
# -- NITF (alone, or inside NewsML and ninjs) -----------------------------------------------------
NITF_MALFORMED: Final = _code(
    "nitf.malformed", "the NITF document is not well-formed XML; it was read as far as it goes"
)
NITF_BAD_DATE: Final = _code(
    "nitf.bad-date", "a NITF date (a norm attribute) is not ISO 8601; ignored"
)
NITF_NO_BODY: Final = _code("nitf.no-body", "the NITF document has no body text")
# -- NewsML 1 -------------------------------------------------------------------------------------
NEWSML_MALFORMED: Final = _code(
    "newsml.malformed", "the NewsML document is not well-formed XML; it was read as far as it goes"
)
NEWSML_NOT_TEXT: Final = _code(
    "newsml.not-text", "the item holds no text (pictures, media or references only)"
)
NEWSML_NO_TEXT: Final = _code(
    "newsml.no-text", "the item's text content is empty, encoded or in a file not fetched"
)
NEWSML_BAD_DATE: Final = _code(
    "newsml.bad-date", "a NewsML date is not ISO 8601; kept as text in extra"
)
# -- article JSON ----------------------------------------------------------------------------------
ARTICLE_JSON_TRUNCATED: Final = _code(
    "article-json.truncated", "the body is cut off (NewsAPI's '[+N chars]'): only its start is read"
)
ARTICLE_JSON_NO_TEXT: Final = _code("article-json.no-text", "the record holds no body text")
ARTICLE_JSON_NO_TITLE: Final = _code("article-json.no-title", "the record has no title")
ARTICLE_JSON_BAD_FIELD: Final = _code(
    "article-json.bad-field", "a field of the wrong type or shape was ignored (kept in extra)"
)
ARTICLE_JSON_BAD_DATE: Final = _code(
    "article-json.bad-date", "a date field could not be read as a date; kept in extra"
)
ARTICLE_JSON_SKIPPED: Final = _code(
    "article-json.skipped", "a line or item before this one was not JSON or no article record"
)
# -- agency wire text (IPTC 7901, ANPA 1312) ------------------------------------------------------
ANPA_TRUNCATED: Final = _code(
    "anpa.truncated", "a story's framing is cut off (no STX, or no ETX or EOT): read as it is"
)
ANPA_NO_TEXT: Final = _code("anpa.no-text", "a story's frame holds a header but no text")
ANPA_NO_TITLE: Final = _code("anpa.no-title", "a story has no headline, keyword or slug")
ANPA_BAD_DATE: Final = _code(
    "anpa.bad-date", "a trailer or end line states no valid date; published is left empty"
)
# -- ninjs -----------------------------------------------------------------------------------------
NINJS_NOT_TEXT: Final = _code(
    "ninjs.not-text", "the item is a picture, graphic, video or audio item: it has no body text"
)
NINJS_NO_TEXT: Final = _code("ninjs.no-text", "the item holds no body that could be read")
NINJS_NO_TITLE: Final = _code("ninjs.no-title", "the item has no headline")
NINJS_BAD_FIELD: Final = _code(
    "ninjs.bad-field", "a field of the wrong type or shape was ignored (kept in extra)"
)
NINJS_BAD_DATE: Final = _code(
    "ninjs.bad-date", "a date field could not be read as a date; kept in extra"
)
NINJS_SKIPPED: Final = _code(
    "ninjs.skipped", "an entry of the list of items was not an object; skipped"
)
# -- NewsML-G2 -------------------------------------------------------------------------------------
NEWSML_G2_MALFORMED: Final = _code(
    "newsml-g2.malformed", "the NewsML-G2 document is not well-formed XML; read as far as it goes"
)
NEWSML_G2_BAD_DATE: Final = _code("newsml-g2.bad-date", "a NewsML-G2 date is not ISO 8601; ignored")
NEWSML_G2_PACKAGE: Final = _code(
    "newsml-g2.package", "a package item: no text of its own, only links to its items"
)
NEWSML_G2_NOT_TEXT: Final = _code(
    "newsml-g2.not-text", "a picture, video, audio, graphic, event or concept item: not an article"
)
NEWSML_G2_NO_TEXT: Final = _code("newsml-g2.no-text", "the news item carries no text to read")
