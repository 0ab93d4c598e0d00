"""What is not the story on a page, by its markup: furniture tags, hidden elements, class names.

An element is furniture by its tag (``nav``, ``aside``, ``footer``...), by being hidden or a
landmark that is not the main content, or by a class or id that names furniture (``share``,
``related``, ``comment``...) when it holds little prose of its own, since page builders wrap
whole articles in classes such as ``widget-wrap``. The measures the choice of the article
rests on are here too: an element's text, its share of link text, its class words.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Final

from lxml import etree

from newsdoc._regex import compile_words
from newsdoc.analysis.bylines import GERMAN_AUTHOR_LABEL
from newsdoc.analysis.text import CJK, CJK_CHARACTERS, count_words
from newsdoc.html.tags import joined_text

__all__ = [
    "INLINE",
    "METADATA_LABEL",
    "POSITIVE",
    "class_words",
    "has_negative_class",
    "is_furniture",
    "is_furniture_in_story",
    "is_negative",
    "is_structural_furniture",
    "link_density",
    "near_negative",
    "raw_text",
]

# Every alternative starts with a letter or "-", so that the engine skips in C to where one
# can start, and the words are grouped by that letter (compile_words); word boundaries are
# checked behind the match ("nav(?<=\bnav)" is "\bnav"). With a boundary first, every
# alternative is tried at every character: twice as slow on real classes.
_NEGATIVE: Final = compile_words(
    r"comment|combx|contact|foot|masthead|outbrain|taboola|promo|related|recommend|scroll|"
    r"share|sharing|social|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|"
    r"newsletter|subscri|cookie|consent|banner|breadcrumb|menu|nav(?<=\bnav)|popup|modal|"
    r"advert|ad(?<=\bad)(?:s?\b|-)|-ad\b|signup|login|more-stories|read-more|readmore|"
    r"trending|most-popular|mostread|most-read|teaser|breaking\b(?<=\bbreaking)|byline|"
    r"author-bio|caption|credit|disclaimer|kicker|eyebrow|overline|dachzeile|topline|surtit|"
    r"print|pagination|toolbar|hidden|visually-hidden|sr-only|skip|"
    r"player(?![-_]?\d)|playback|toggle"
)
POSITIVE: Final = compile_words(
    r"article|body|content|entry|hentry|h-entry|main|post|text|blog|story|prose|rich-?text"
)
_POSITIVE_STRONG: Final = compile_words(
    r"article-?body|story-?body|entry-content|post-content|article-content|main-content"
)


def class_words(element: etree._Element) -> str:
    """An element's class and id, lower-cased, as one string."""
    # Lower-cased here, so that the patterns need no IGNORECASE (several times slower).
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip().lower()


@lru_cache(maxsize=4096)
def is_negative(marker: str) -> bool:
    """Whether a class-and-id string names furniture (cached: pages repeat their classes)."""
    return bool(marker) and bool(_NEGATIVE.search(marker)) and not _POSITIVE_STRONG.search(marker)


_FURNITURE_TAGS: Final = frozenset({"nav", "aside", "footer", "menu", "dialog"})
_ROLE_FURNITURE: Final = frozenset(
    {"navigation", "complementary", "contentinfo", "banner", "search", "menu", "dialog"}
)


# The attributes that can make an element furniture whatever its text.
_STRUCTURAL_ATTRIBUTES: Final = frozenset({"hidden", "aria-hidden", "role", "style"})


def is_furniture(element: etree._Element) -> bool:
    """Whether ``element`` (inside the article) is page furniture, not the story.

    Furniture tags (``nav``, ``aside``, ``footer``...), hidden elements, landmark roles and a
    description list of the page's metadata are; an element whose class or id names furniture
    (``share``, ``related``, ``comment``...) is only when it holds little prose of its own
    (under 400 characters) or is mostly links, because page builders wrap whole articles in
    classes such as ``widget-wrap``; one classed ``paywall`` is when it asks the reader to
    subscribe.
    """
    tag = element.tag
    if tag in _FURNITURE_TAGS:
        return True
    if tag == "dl" and _is_metadata_list(element):
        return True
    names = element.keys()
    if not names:
        return False  # most elements: nothing more to read
    if not _STRUCTURAL_ATTRIBUTES.isdisjoint(names) and _hidden_or_landmark(element):
        return True
    if "class" not in names and "id" not in names:
        return False
    marker = class_words(element)
    if is_negative(marker):
        return _prose_length(element) < 400 or link_density(element) > 0.5
    if "paywall" in marker:
        # The text a subscription unlocks carries the class as often as the prompt to
        # subscribe does: the prompt is told by its words.
        return _is_subscription_prompt(element)
    return False


def _is_subscription_prompt(element: etree._Element) -> bool:
    """Whether an element asks the reader to subscribe rather than tells the story.

    Its heading, button or link says so ("Subscribe to keep reading", "Unlock this story"),
    or all it has is a line that does: the story behind a paywall may speak of subscribers.
    """
    for inner in element.iter(_PROMPT_TAGS):
        text = raw_text(inner)
        if len(text) <= _PROMPT_LINE and _SUBSCRIPTION_PROMPT.search(text) is not None:
            return True
    prose = _prose_length(element)
    return prose <= _PROMPT_LINE and _SUBSCRIPTION_PROMPT.search(raw_text(element)) is not None


# Where a prompt to subscribe says so, and the longest line it says it in.
_PROMPT_TAGS: Final = ("h2", "h3", "h4", "h5", "a", "strong", "b", "span")
_PROMPT_LINE: Final = 120
# What a prompt to pay for the rest of the story says, in the languages of the lexicons.
_SUBSCRIPTION_PROMPT: Final = re.compile(
    r"subscri|abonn|\babo\b|suscrib|assin(?:e|atura)|abbona|\bsign\s+in\b|\blog\s*in\b"
    r"|registr|anmelden|inloggen|unlock|premium|freischalten|weiterlesen\s+mit",
    re.IGNORECASE,
)


#: The labels of the page's metadata ("From:", "Published", "Updated", "Topics"), as the terms
#: of a description list or a line's bold label, in the languages the date and byline rules
#: know.
METADATA_LABEL: Final = re.compile(
    r"(?:from|by|(?:first\s+)?published|(?:last\s+)?updated|date|authors?|written\s+by"
    r"|organisations?|organizations?|departments?|topics?|tags?|categor(?:y|ies)|type|location"
    rf"|von|veröffentlicht|aktualisiert|stand|datum|{GERMAN_AUTHOR_LABEL}|autor(?:in|en)?"
    r"|themen?|gepubliceerd"
    r"|bijgewerkt|door|onderwerpen?|publié|mis\s+à\s+jour|par|auteurs?|publicado|actualizado"
    r"|fecha|por|temas?)\s*:?",
    re.IGNORECASE,
)


def _is_metadata_list(element: etree._Element) -> bool:
    """Whether a ``<dl>`` lists the page's metadata: every term it defines is a label for it."""
    terms = [joined_text(term) for term in element.iterchildren("dt")]
    return bool(terms) and all(METADATA_LABEL.fullmatch(term) for term in terms)


def is_structural_furniture(element: etree._Element) -> bool:
    """Furniture by its tag, role or visibility (only ``aria-hidden`` asks for its prose)."""
    if element.tag in _FURNITURE_TAGS:
        return True
    # The attribute names, as one list from C, tell most elements apart (a class, an id)
    # faster than the attribute mapping lxml builds for ``attrib``.
    names = element.keys()
    if not names or _STRUCTURAL_ATTRIBUTES.isdisjoint(names):
        return False
    return _hidden_or_landmark(element)


def _hidden_or_landmark(element: etree._Element) -> bool:
    attributes = element.attrib
    if "hidden" in attributes and not _STREAMED.fullmatch(attributes.get("id") or ""):
        return True
    if attributes.get("aria-hidden") == "true" and _prose_length(element) < _HIDDEN_PROSE:
        # Hidden from screen readers, not from sight: paragraphs of the story (a paywalled
        # part, marked so for assistive technology) are the story; an icon or a duplicated
        # label is not.
        return True
    if (attributes.get("role") or "") in _ROLE_FURNITURE:
        return True
    style = attributes.get("style") or ""
    return "display:none" in style.replace(" ", "") or "visibility:hidden" in style


# The prose (characters in paragraphs) of an aria-hidden element that is the story's.
_HIDDEN_PROSE: Final = 150
# A segment that a streaming renderer sends hidden, for a script to move into its place:
# React's <div hidden id="S:1a"> for <template id="B:1a">. Its content is the page's.
_STREAMED: Final = re.compile(r"S:[0-9a-z]+")


def _prose_length(element: etree._Element) -> int:
    """Characters of text in the element's paragraphs (not in its links or buttons)."""
    return sum(len(joined_text(paragraph)) for paragraph in element.iter("p", "pre", "blockquote"))


def is_furniture_in_story(element: etree._Element) -> bool:
    """Whether ``element``, inside the story's container but not around its core, is furniture.

    :func:`is_furniture`, and a form or its label (a comment form, a poll, a sign-up box);
    but a word of a sentence ("<a class='popup'>glossary</a>", a tooltip) is the sentence's,
    whatever its class says: only hiding it leaves it out.
    """
    tag = element.tag
    if tag in _FORMS:
        return True
    if tag in INLINE:
        if not element.keys():
            return False  # most links and spans: no class, no id, nothing hidden
        if _inside_a_sentence(element):
            return is_structural_furniture(element) or _is_visually_hidden(element)
    return is_furniture(element)


# What a reader fills in, not reads (a page wrapped whole in a <form> holds the story's core,
# and is kept as its ancestor).
_FORMS: Final = frozenset({"form", "label"})
# Elements that stand inside a line of text.
INLINE: Final = frozenset(
    {
        "a", "span", "em", "strong", "b", "i", "u", "s", "sup", "sub", "small", "abbr", "cite",
        "q", "mark", "time", "font", "code", "kbd", "var", "dfn",
    }
)  # fmt: skip
_VISUALLY_HIDDEN: Final = re.compile(r"visually-hidden|sr-only|screen-reader|\bhidden\b")


def _inside_a_sentence(element: etree._Element) -> bool:
    """Whether text runs on both sides of ``element`` within its line."""
    if not (element.tail or "").strip():
        return False
    previous = element.getprevious()
    if previous is not None:
        return bool((previous.tail or "").strip()) or previous.tag in INLINE
    parent = element.getparent()
    return parent is not None and bool((parent.text or "").strip())


def _is_visually_hidden(element: etree._Element) -> bool:
    """Whether a class hides ``element`` from sight ("sr-only", "visually-hidden")."""
    marker = class_words(element)
    return bool(marker) and _VISUALLY_HIDDEN.search(marker) is not None


def near_negative(
    element: etree._Element, known: dict[etree._Element, bool], levels: int = 4
) -> bool:
    """Whether ``element`` or one of its nearest ancestors names furniture in its class.

    ``levels`` elements are looked at, ``element`` itself included.
    """
    current: etree._Element | None = element
    for _ in range(levels):
        if current is None:
            return False
        flag = known.get(current)
        if flag is None:
            flag = known[current] = has_negative_class(current)
        if flag:
            return True
        current = current.getparent()
    return False


def has_negative_class(element: etree._Element) -> bool:
    """Whether an element's class or id names furniture."""
    return is_negative(class_words(element))


def raw_text(element: etree._Element) -> str:
    """The text of an element, concatenated by libxml2 in C.

    Faster than ``itertext`` (a Python string per text node) or an XPath ``string()`` (a
    query per call).
    """
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def link_density(element: etree._Element) -> float:
    """The share of an element's words that are link text."""
    total = _word_count(raw_text(element))
    if not total:
        return 1.0
    links = list(islice(element.iter("a"), _MANY_LINKS))
    if len(links) <= _FEW_LINKS:
        # A paragraph's links: read one by one, cheaper than a query.
        linked = sum(_word_count(raw_text(link)) for link in links)
    elif len(links) < _MANY_LINKS:
        texts = _LINK_TEXTS(element)  # every text node under a link, in one query
        linked = _word_count(" ".join(map(str, texts))) if isinstance(texts, list) else 0
    else:
        # Thousands of links: libxml2 sorts the query's node set in quadratic time, while
        # a link's text is read in one call each (links nested in links count twice).
        linked = sum(_word_count(raw_text(link)) for link in element.iter("a"))
    return min(1.0, linked / total)


# How many links make an element's link text cheaper to read link by link.
_MANY_LINKS: Final = 1000
_FEW_LINKS: Final = 8


def _word_count(text: str) -> int:
    """How many words ``text`` has; in Chinese, Japanese and Korean, a character is a word.

    (Written without spaces, a paragraph of Japanese is one "word" between spaces, and a link
    in it another: the paragraph would read as half links.)
    """
    if text.isascii() or CJK.search(text) is None:
        return count_words(text)
    return len(_WORDS.findall(text))


_WORDS: Final = re.compile(f"[{CJK_CHARACTERS}]|[^\\s{CJK_CHARACTERS}]+")


# Plain strings: lxml's default "smart" ones each keep a reference to their parent element,
# which costs a third of the query on a whole page.
_LINK_TEXTS: Final = etree.XPath(".//a//text()", smart_strings=False)
