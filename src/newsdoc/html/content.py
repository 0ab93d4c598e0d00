"""Finding the article in a page: paragraph scoring, link density, class and id hints.

Each paragraph of enough text gives points to its parent and half as many to its grandparent
(more for longer paragraphs and for commas, which prose has and menus do not). An element's
class and id move its score up (``article``, ``content``, ``story``...) or down (``comment``,
``share``, ``related``, ``sidebar``...); a hint that raises it counts in full only once the
element holds a paragraph's worth of points. Prose under comments, teasers and related
stories counts a quarter, and so does the prose of an ``<article>`` nested in another and
titled with a link elsewhere (a teaser). The best element, discounted by the share of its
text that is link text, is the article; siblings that score nearly as well, or are
paragraphs of prose, join it, unless their class names furniture. When the page's JSON-LD
gives the article body, the element that holds most of its opening words is preferred.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

import attrs
from lxml import etree

from newsdoc.analysis.text import clean_text, collapse_spaces
from newsdoc.html.furniture import (
    POSITIVE,
    class_words,
    has_negative_class,
    is_furniture,
    is_furniture_in_story,
    is_negative,
    is_structural_furniture,
    link_density,
    near_negative,
    raw_text,
)
from newsdoc.html.hidden import SHORT_STORY, set_aside_stories, undo, unhide
from newsdoc.html.parts import parts_of_one_template, widened, with_siblings
from newsdoc.html.teasers import is_teaser, teaser_cards

__all__ = ["Article", "find_article"]

_PARAGRAPHS: Final = ("p", "pre", "td", "blockquote", "h2", "h3", "li", "dd")


@attrs.frozen
class Article:
    """Where a page's article is, as :func:`find_article` found it.

    Attributes:
        elements: The elements that hold the article, in order.
        confidence: In 0..1: low for a page whose best element is short or mostly links (a
            front page, a section index).
        skip: The furniture test for walking them (never asked of the article's core and its
            ancestors): furniture by :func:`~newsdoc.html.furniture.is_furniture_in_story`
            (tags, hidden elements, class names, forms), a feed of teaser cards, and inside an
            ``<article>``, another ``<article>`` titled with a link to another page (the
            teaser of another story).
        unhidden: Whether the story was found in an element the page hides or sets aside
            (``hidden``, ``<aside>``, ``role="complementary"``), for want of one elsewhere.
    """

    elements: list[etree._Element]
    confidence: float
    skip: Callable[[etree._Element], bool]
    unhidden: bool = False


def find_article(
    body: etree._Element, article_body: str | None = None, page_url: str | None = None
) -> Article:
    """Where the page's article is: the elements that hold it, and how sure that is.

    When what the page shows holds little prose, and an element it hides or sets aside holds
    much more (a story a script reveals, an ``<aside>`` that is the page's main column), that
    element is made an ordinary part of the page and the article sought again; the second
    answer stands only when it holds more prose than the first, and the page is left as it was
    otherwise.
    """
    found, prose = _find_article(body, article_body, page_url)
    if prose >= SHORT_STORY:
        return found
    hidden = set_aside_stories(body, prose)
    if not hidden:
        return found
    changes: list[tuple[etree._Element, str, str]] = []
    for element in hidden:
        unhide(element, changes)
    again, more = _find_article(body, article_body, page_url)
    if more <= prose:
        undo(changes)
        return found
    return attrs.evolve(again, unhidden=True)


def _find_article(
    body: etree._Element, article_body: str | None, page_url: str | None
) -> tuple[Article, int]:
    """The article where the page shows it, and the prose (characters) it holds."""
    scores: dict[etree._Element, float] = {}
    furniture: dict[etree._Element, bool] = {}
    kept: list[tuple[etree._Element, int]] = []  # the paragraphs scored, with their lengths
    negative: dict[etree._Element, bool] = {}
    teasers: dict[etree._Element, bool] = {}
    contexts: dict[etree._Element, tuple[bool, bool]] = {}  # per parent: furniture, discount
    # Every paragraph of 25 characters or more, to find the JSON-LD body's (kept only then).
    texts: list[tuple[etree._Element, str]] = []
    for paragraph in body.iter(*_PARAGRAPHS, "div", "section"):
        if paragraph.tag in ("div", "section"):
            # A container whose own text (between its children, as with <br> lines) is prose
            # holds that prose itself; a div of only text and inline elements is a paragraph.
            loose = _loose_text_of_container(paragraph)
            if loose is not None:
                if len(loose) >= 100 and not _inside_furniture(paragraph, body, furniture):
                    points = _points(loose)
                    if near_negative(paragraph, negative):
                        points *= 0.25  # a comment written as lines in a div, as paragraphs are
                    _credit(scores, paragraph, points)
                    kept.append((paragraph, len(loose)))
                continue
        parent = paragraph.getparent()
        if parent is not None and article_body is None:
            # The cache is read here first: most parents were answered for a sibling.
            in_furniture = furniture.get(parent)
            if in_furniture is None:
                in_furniture = _inside_furniture(parent, body, furniture)
        else:
            in_furniture = False
        if in_furniture:
            # Most list items of a page are in its menus: inside furniture, their text is not
            # read at all (it is only needed to find the JSON-LD body's paragraphs).
            continue
        # The raw text is enough to measure (cleaning it would cost more than the scoring).
        text = raw_text(paragraph).strip()
        if len(text) < 25 or (len(text) < 40 and len(" ".join(text.split())) < 25):
            continue
        if article_body:
            texts.append((paragraph, text))
        if parent is None:
            continue
        # What the paragraph's ancestors say is the same for all its siblings: asked once
        # per parent, then the paragraph's own attributes.
        context = contexts.get(parent)
        if context is None:
            context = contexts[parent] = (
                _inside_furniture(parent, body, furniture),
                near_negative(parent, negative, levels=3)
                or _in_teaser(parent, body, page_url, teasers),
            )
        in_furniture, discounted = context
        if in_furniture or is_structural_furniture(paragraph):
            continue
        if paragraph.tag == "li" and paragraph.find("p") is not None:
            continue  # its paragraphs count for it
        points = _points(text)
        if discounted or has_negative_class(paragraph):
            points *= 0.25  # a comment, a teaser, a related story: prose that is not the story
        kept.append((paragraph, len(text)))
        _credit(scores, parent, points)
    if not scores:
        return Article(elements=[body], confidence=0.0, skip=is_furniture), 0
    # Class and id hints move a score, but a good name alone does not make an article: the
    # bonus is scaled down for an element with less than a paragraph's worth of points (a
    # title wrapper named "content-wrapper" with one short line must not outrank the story).
    for element, points in scores.items():
        weight = _class_weight(element)
        if weight > 0 and points < _FULL_BONUS_POINTS:
            weight *= points / _FULL_BONUS_POINTS
        scores[element] = points + weight
    densities: dict[etree._Element, float] = {}

    def density_of(element: etree._Element) -> float:
        known = densities.get(element)
        if known is None:
            known = densities[element] = link_density(element)
        return known

    # The best score once discounted by link density, among the eight best: in score order,
    # the search stops when no discount could let a lower score win (densities cost a
    # serialisation and a query of the element's whole subtree).
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)[:8]
    best, value = ranked[0], scores[ranked[0]] * (1 - density_of(ranked[0]))
    for element in ranked[1:]:
        if scores[element] <= value:
            break
        worth = scores[element] * (1 - density_of(element))
        if worth > value:
            best, value = element, worth
    if article_body:
        preferred = _holder_of(body, article_body, texts)
        if preferred is not None:
            best = preferred
    core = best
    best = widened(best, body, kept, density_of, negative)
    chosen = with_siblings(best, scores, density_of)
    if len(chosen) == 1:
        chosen = parts_of_one_template(best, body, kept, density_of) or chosen
    inside = set(chosen)
    prose = sum(
        length for paragraph, length in kept if body in inside or _under(paragraph, inside, body)
    )
    density = density_of(best)
    confidence = min(1.0, prose / 1500) * (1 - density)
    keep = {core, *_ancestors(core)}
    # Inside an article, an <article> is related content (HTML's own rule): another story's
    # teaser when it is titled with a link to another page.
    in_article = any(element.tag == "article" for element in keep)
    cards = teaser_cards(chosen, page_url) - keep

    def skip(element: etree._Element) -> bool:
        if element in keep:
            return False
        if in_article and element.tag == "article" and is_teaser(element, page_url):
            return True
        if element in cards:
            return True
        return is_furniture_in_story(element)

    return Article(elements=chosen, confidence=confidence, skip=skip), prose


# The points from which an element's class and tag count in full (a paragraph's worth).
_FULL_BONUS_POINTS: Final = 3.0


def _points(text: str) -> float:
    """What a paragraph is worth: more for length and for commas, which prose has.

    Commas of Chinese and Japanese ("，", "、") count; decimal commas ("551,88 €") do not.
    """
    commas = text.count(",")
    if commas:
        commas -= len(_DECIMAL_COMMA.findall(text))
    if not text.isascii():
        commas += text.count("，") + text.count("、")
    return 1.0 + commas + min(len(text) // 100, 3)


_DECIMAL_COMMA: Final = re.compile(r",\d")


def _credit(scores: dict[etree._Element, float], holder: etree._Element, points: float) -> None:
    """Give ``points`` to the element that holds a paragraph and half to the one above it."""
    for element, share in ((holder, 1.0), (holder.getparent(), 0.5)):
        if element is None or not isinstance(element.tag, str):
            continue
        scores[element] = scores.get(element, 0.0) + points * share


# Tags that make a div a container of blocks rather than a paragraph written as a div.
_BLOCK_TAGS: Final = frozenset(
    {
        "p", "div", "section", "article", "ul", "ol", "dl", "table", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "pre", "figure", "header", "footer", "aside", "nav", "form",
        "main", "iframe", "video", "script", "style",
    }
)  # fmt: skip


def _loose_text_of_container(element: etree._Element) -> str | None:
    """The text a container holds directly (before its first child and after each child).

    ``None`` when it holds no block element: then it is a paragraph written as a div. One pass
    over the children answers that, and whether there is any text at all: most containers
    hold only the whitespace of indentation, and their text is not put together.
    """
    container = False
    found = False
    for child in element:
        if not container and child.tag in _BLOCK_TAGS:
            container = True
        if not found:
            tail = child.tail
            found = bool(tail) and not tail.isspace()  # type: ignore[union-attr]
    if not container:
        return None
    text = element.text
    if not found and (not text or text.isspace()):
        return ""
    pieces = [text or ""]
    pieces.extend(child.tail or "" for child in element)
    return collapse_spaces("".join(pieces))


def _holder_of(
    body: etree._Element, article_body: str, texts: list[tuple[etree._Element, str]]
) -> etree._Element | None:
    """The smallest element whose paragraphs hold the start and the end of the JSON-LD body."""
    words = clean_text(article_body).split()
    if len(words) < 30:
        return None
    head = " ".join(words[:8])[:40]
    tail = " ".join(words[-8:])[-40:]
    first = last = None
    for paragraph, raw in texts:
        if words[0] not in raw and words[-1] not in raw:
            continue  # a cheap test on the raw text first; cleaning only the candidates
        text = clean_text(raw)
        if first is None and head in text:
            first = paragraph
        if tail in text:
            last = paragraph
    if first is None or last is None:
        return None
    ancestors = set(_ancestors(first))
    for candidate in _ancestors(last):
        if candidate in ancestors:
            return candidate if candidate is not body else None
    return None


def _under(element: etree._Element, roots: set[etree._Element], stop: etree._Element) -> bool:
    """Whether ``element`` is one of ``roots`` or below one of them (searching up to ``stop``)."""
    current: etree._Element | None = element
    while current is not None and current is not stop:
        if current in roots:
            return True
        current = current.getparent()
    return False


def _ancestors(element: etree._Element) -> list[etree._Element]:
    found: list[etree._Element] = []
    current = element.getparent()
    while current is not None:
        found.append(current)
        current = current.getparent()
    return found


def _inside_furniture(
    element: etree._Element, stop: etree._Element, known: dict[etree._Element, bool]
) -> bool:
    """Whether ``element`` or an ancestor below ``stop`` is furniture (answers are cached)."""
    return _answer_upwards(element, stop, known, _furniture_or_unknown)


def _furniture_or_unknown(element: etree._Element) -> bool | None:
    return True if is_structural_furniture(element) else None


def _answer_upwards(
    element: etree._Element,
    stop: etree._Element,
    known: dict[etree._Element, bool],
    decide: Callable[[etree._Element], bool | None],
) -> bool:
    """The first answer ``decide`` gives for ``element`` or an ancestor below ``stop``.

    ``decide`` returns ``None`` to look further up; no answer up to ``stop`` is ``False``.
    Every element passed on the way is cached in ``known`` with the answer, so siblings and
    cousins stop early.
    """
    path: list[etree._Element] = []
    current: etree._Element | None = element
    found = False
    while current is not None and current is not stop:
        cached = known.get(current)
        if cached is not None:
            found = cached
            break
        path.append(current)
        decided = decide(current)
        if decided is not None:
            found = decided
            break
        current = current.getparent()
    # Kept for the element asked about and for ancestors that branch: an element with one
    # child is reached only through that child, already kept (a chain of wrappers nested
    # hundreds deep would otherwise keep a proxy and an entry each).
    known[element] = found
    for visited in path:
        if len(visited) != 1:
            known[visited] = found
    return found


def _class_weight(element: etree._Element) -> float:
    weight = 10.0 if element.tag in ("article", "main") else 0.0
    marker = class_words(element)
    if marker:
        if is_negative(marker):
            weight -= 25
        if POSITIVE.search(marker) and element.tag not in _LISTS:
            # (A list named "articles" or "posts" lists other stories: no bonus.)
            weight += 25
    return weight


_LISTS: Final = frozenset({"ul", "ol"})


def _in_teaser(
    element: etree._Element,
    stop: etree._Element,
    page_url: str | None,
    known: dict[etree._Element, bool],
) -> bool:
    """Whether ``element`` is inside the teaser of another story.

    That is an ``<article>``, nested in another, titled with a link to another page. Answers
    are cached per element on the way up.
    """

    def decide(current: etree._Element) -> bool | None:
        if current.tag != "article":
            return None
        outer = current.getparent()
        while outer is not None and outer is not stop and outer.tag != "article":
            outer = outer.getparent()
        return outer is not None and outer is not stop and is_teaser(current, page_url)

    return _answer_upwards(element, stop, known, decide)
