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
from functools import lru_cache
from typing import Final
from urllib.parse import urlsplit

from lxml import etree

from newsdoc._regex import compile_words
from newsdoc.analysis.text import CJK_CHARACTERS, clean_text
from newsdoc.analysis.urls import resolve_url
from newsdoc.html.tags import joined_text

__all__ = ["METADATA_LABEL", "find_article", "is_furniture"]

_PARAGRAPHS: Final = ("p", "pre", "td", "blockquote", "h2", "h3", "li", "dd")
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
    r"print|pagination|toolbar|hidden|visually-hidden|sr-only|skip"
)
_POSITIVE: Final = compile_words(
    r"article|body|content|entry|hentry|h-entry|main|post|text|blog|story|prose|rich-?text"
)
_POSITIVE_STRONG: Final = compile_words(
    r"article-?body|story-?body|entry-content|post-content|article-content|main-content"
)


def _class_words(element: etree._Element) -> str:
    # Lower-cased here, so that the patterns need no IGNORECASE (several times slower).
    return f"{element.get('class') or ''} {element.get('id') or ''}".strip().lower()


@lru_cache(maxsize=4096)
def _is_negative(marker: str) -> bool:
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

    Furniture tags (``nav``, ``aside``, ``footer``...), hidden elements and landmark roles are;
    an element whose class or id names furniture (``share``, ``related``, ``comment``...) is
    only when it holds little prose of its own, because page builders wrap whole articles in
    classes such as ``widget-wrap``.
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
    marker = f"{element.get('class') or ''} {element.get('id') or ''}".strip().lower()
    if _is_negative(marker):
        return _prose_length(element) < 400 or _link_density(element) > 0.5
    if "paywall" in marker:
        # The text a subscription unlocks carries the class as often as the prompt to
        # subscribe does: the prompt is told by its words.
        return _SUBSCRIPTION_PROMPT.search(_raw_text(element)) is not None
    return False


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
    r"|von|veröffentlicht|aktualisiert|stand|datum|autor(?:in|en)?(?:\s*/\s*autor(?:in)?)?"
    r"|themen?|gepubliceerd"
    r"|bijgewerkt|door|onderwerpen?|publié|mis\s+à\s+jour|par|auteurs?|publicado|actualizado"
    r"|fecha|por|temas?)\s*:?",
    re.IGNORECASE,
)


def _is_metadata_list(element: etree._Element) -> bool:
    """Whether a ``<dl>`` lists the page's metadata: every term it defines is a label for it."""
    terms = [joined_text(term) for term in element.iterchildren("dt")]
    return bool(terms) and all(METADATA_LABEL.fullmatch(term) for term in terms)


def _is_structural_furniture(element: etree._Element) -> bool:
    """Furniture by its tag, role or visibility alone (no text needs reading)."""
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


def find_article(
    body: etree._Element, article_body: str | None = None, page_url: str | None = None
) -> tuple[list[etree._Element], float, Callable[[etree._Element], bool]]:
    """The elements that hold the article, in order, and how much prose they hold.

    Returns the chosen elements, a confidence in 0..1 (low for a page whose best element is
    short or mostly links: a front page or a section index), and the furniture test for
    walking them: an element that names furniture in its class is skipped whole unless it
    holds the core of the article. When the core is inside an ``<article>``, another
    ``<article>`` titled with a link to another page is skipped too: it is the teaser of
    another story.
    """
    scores: dict[etree._Element, float] = {}
    furniture: dict[etree._Element, bool] = {}
    kept: list[tuple[etree._Element, int]] = []  # the paragraphs scored, with their lengths
    negative: dict[etree._Element, bool] = {}
    teasers: dict[etree._Element, bool] = {}
    contexts: dict[etree._Element, tuple[bool, bool]] = {}  # per parent: furniture, discount
    texts: list[tuple[etree._Element, str]] = []  # every paragraph of 25 characters or more
    for paragraph in body.iter(*_PARAGRAPHS, "div", "section"):
        if paragraph.tag in ("div", "section"):
            # A container whose own text (between its children, as with <br> lines) is prose
            # holds that prose itself; a div of only text and inline elements is a paragraph.
            loose = _loose_text_of_container(paragraph)
            if loose is not None:
                if len(loose) >= 100 and not _inside_furniture(paragraph, body, furniture):
                    points = _points(loose)
                    if _near_negative(paragraph, negative):
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
        text = _raw_text(paragraph).strip()
        if len(text) < 25 or (len(text) < 40 and len(" ".join(text.split())) < 25):
            continue
        texts.append((paragraph, text))
        if parent is None:
            continue
        # What the paragraph's ancestors say is the same for all its siblings: asked once
        # per parent, then the paragraph's own attributes.
        context = contexts.get(parent)
        if context is None:
            context = contexts[parent] = (
                _inside_furniture(parent, body, furniture),
                _near_negative(parent, negative, levels=3)
                or _in_teaser(parent, body, page_url, teasers),
            )
        in_furniture, discounted = context
        if in_furniture or _is_structural_furniture(paragraph):
            continue
        if paragraph.tag == "li" and paragraph.find("p") is not None:
            continue  # its paragraphs count for it
        points = _points(text)
        if discounted or _has_negative_class(paragraph):
            points *= 0.25  # a comment, a teaser, a related story: prose that is not the story
        kept.append((paragraph, len(text)))
        _credit(scores, parent, points)
    if not scores:
        return [body], 0.0, is_furniture
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
            known = densities[element] = _link_density(element)
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
    best = _widened(best, body, kept, density_of, negative)
    chosen = _with_siblings(best, scores, density_of)
    if len(chosen) == 1:
        chosen = _parts_of_one_template(best, body, kept, density_of) or chosen
    inside = set(chosen)
    prose = sum(length for paragraph, length in kept if _under(paragraph, inside, body))
    density = density_of(best)
    confidence = min(1.0, prose / 1500) * (1 - density)
    keep = {core, *_ancestors(core)}
    # Inside an article, an <article> is related content (HTML's own rule): another story's
    # teaser when it is titled with a link to another page.
    in_article = any(element.tag == "article" for element in keep)

    def skip(element: etree._Element) -> bool:
        if element in keep:
            return False
        if in_article and element.tag == "article" and _is_teaser(element, page_url):
            return True
        if element.tag in _FORMS:
            return True  # a comment form, a poll, a sign-up box: not around the story's core
        if element.tag in _INLINE and _inside_a_sentence(element):
            # A word of a sentence ("<a class='popup'>glossary</a>", a tooltip) is the
            # sentence's, whatever its class says; only hiding it leaves it out.
            return _is_structural_furniture(element) or _is_visually_hidden(element)
        return is_furniture(element)

    return chosen, confidence, skip


# What a reader fills in, not reads (a page wrapped whole in a <form> holds the story's core,
# and is kept as its ancestor).
_FORMS: Final = frozenset({"form", "label"})
# Elements that stand inside a line of text.
_INLINE: Final = frozenset(
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
        return bool((previous.tail or "").strip()) or previous.tag in _INLINE
    parent = element.getparent()
    return parent is not None and bool((parent.text or "").strip())


def _is_visually_hidden(element: etree._Element) -> bool:
    """Whether a class hides ``element`` from sight ("sr-only", "visually-hidden")."""
    marker = _class_words(element)
    return bool(marker) and _VISUALLY_HIDDEN.search(marker) is not None


def _widened(
    best: etree._Element,
    body: etree._Element,
    paragraphs: list[tuple[etree._Element, int]],
    density_of: Callable[[etree._Element], float],
    negative: dict[etree._Element, bool],
) -> etree._Element:
    """``best``, or the ancestor that holds the rest of its article.

    Articles split into several containers (one per section, or text and "continued" parts)
    give each container part of the score; an ancestor that adds a good share of prose, outside
    furniture and not in a link list, holds the whole article.
    """
    # Prose under each element, counting only paragraphs with no furniture class between, and
    # not the lines of a link list (a footer's, a rail of teasers: mostly link text).
    # Paragraphs are summed per parent first: each parent's ancestors are walked once.
    by_parent: dict[etree._Element, int] = {}
    for paragraph, length in paragraphs:
        parent = paragraph.getparent()
        if parent is None or (_ANCHORS(paragraph) and _link_density(paragraph) > _LINK_LINE):
            continue
        by_parent[parent] = by_parent.get(parent, 0) + length
    prose: dict[etree._Element, int] = {}
    for parent, length in by_parent.items():
        current: etree._Element | None = parent
        while current is not None and current is not body:
            flag = negative.get(current)
            if flag is None:
                flag = negative[current] = _has_negative_class(current)
            if flag:
                break
            prose[current] = prose.get(current, 0) + length
            current = current.getparent()
    own = prose.get(best, 0)
    # Wrappers may add nothing for a level or two: up to four ancestors are looked at. Those
    # above the last one with prose enough to be chosen cannot change the answer, and their
    # link densities (a pass over a large subtree each) are not computed.
    ancestors: list[etree._Element] = []
    above = best.getparent()
    while len(ancestors) < 4 and above is not None and above is not body:
        ancestors.append(above)
        above = above.getparent()
    while ancestors and prose.get(ancestors[-1], 0) < own * 1.3:
        ancestors.pop()
    chosen = best
    for parent in ancestors:
        wider = prose.get(parent, 0)
        if wider < own * 1.3:
            # A wrapper that adds little: its links are the chosen element's (a list of
            # references under the story), and it would not be chosen, so its density does
            # not stop the search for the container of the whole story above it.
            continue
        if not own or density_of(parent) > 0.35:
            break
        chosen, own = parent, wider
    return chosen


def _parts_of_one_template(
    best: etree._Element,
    body: etree._Element,
    paragraphs: list[tuple[etree._Element, int]],
    density_of: Callable[[etree._Element], float],
) -> list[etree._Element] | None:
    """The parts of a story that its page builds from copies of one template, or ``None``.

    A story split by figures, ad slots or teaser boxes into several containers of one kind
    ("<div class='article-widget text'>" a part, an ad between) is each container once: the
    first of ``best``'s ancestors (a few levels up) that has siblings of its tag and classes
    (those without digits: "story-body-2" is "story-body"), each holding prose and a copy of
    ``best``'s own template, light in links and not furniture, is read with them.
    """
    signature = _signature(best)
    if not signature:
        return None
    with_prose: set[etree._Element] = set()
    for paragraph, _length in paragraphs:
        for ancestor in paragraph.iterancestors():
            if ancestor in with_prose or ancestor is body:
                break
            with_prose.add(ancestor)
    node = best
    for _ in range(_TEMPLATE_LEVELS):
        parent = node.getparent()
        if parent is None or parent is body:
            return None
        own = _signature(node)
        if own:
            run = [
                sibling
                for sibling in parent
                if sibling is node
                or (
                    sibling.tag == node.tag
                    and _signature(sibling) == own
                    and sibling in with_prose
                    and not is_furniture(sibling)
                    and density_of(sibling) < _PART_DENSITY
                    and _holds_template(sibling, best.tag, signature)
                    and sibling.find(".//h1") is None  # the next story of an endless page
                )
            ]
            if len(run) > 1:
                return run
        node = parent
    return None


# Whether an element holds a link (one query, that stops at the first).
_ANCHORS: Final = etree.XPath("boolean(.//a)")
# The share of link text that makes a paragraph a line of links.
_LINK_LINE: Final = 0.5
_TEMPLATE_LEVELS: Final = 6
_PART_DENSITY: Final = 0.3


def _signature(element: etree._Element) -> frozenset[str]:
    """An element's class names that carry no digits (not "story-body-2", "css-1x2y")."""
    return frozenset(
        name
        for name in (element.get("class") or "").split()
        if not any(character.isdigit() for character in name)
    )


def _holds_template(element: etree._Element, tag: str, signature: frozenset[str]) -> bool:
    """Whether ``element`` is or holds a ``tag`` element of the classes ``signature``."""
    return any(_signature(inner) == signature for inner in element.iter(tag))


def _near_negative(
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
            flag = known[current] = _has_negative_class(current)
        if flag:
            return True
        current = current.getparent()
    return False


def _has_negative_class(element: etree._Element) -> bool:
    return _is_negative(_class_words(element))


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
    return " ".join("".join(pieces).split())


def _with_siblings(
    best: etree._Element,
    scores: dict[etree._Element, float],
    density_of: Callable[[etree._Element], float],
) -> list[etree._Element]:
    """The best element and the siblings that belong with it (Readability's rule).

    Not a sibling that is mostly link text (teasers of other stories), however well it scores.
    """
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, scores.get(best, 0.0) * 0.2)
    chosen: list[etree._Element] = []
    for sibling in parent:
        if sibling is best:
            chosen.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or is_furniture(sibling):
            continue
        if _has_negative_class(sibling):
            continue  # a comment thread or a teaser rail beside the article, however wordy
        if scores.get(sibling, 0.0) >= threshold:
            if density_of(sibling) <= _LINK_LINE:
                chosen.append(sibling)
        elif sibling.tag == "p":
            text = joined_text(sibling)
            density = _link_density(sibling)
            if (len(text) > 80 and density < 0.25) or (
                0 < len(text) <= 80 and density == 0 and re.search(r"\.( |$)", text)
            ):
                chosen.append(sibling)
    return chosen


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
    return True if _is_structural_furniture(element) else None


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
    for visited in path:
        known[visited] = found
    return found


def _class_weight(element: etree._Element) -> float:
    weight = 10.0 if element.tag in ("article", "main") else 0.0
    marker = _class_words(element)
    if marker:
        if _is_negative(marker):
            weight -= 25
        if _POSITIVE.search(marker) and element.tag not in _LISTS:
            # (A list named "articles" or "posts" lists other stories: no bonus.)
            weight += 25
    return weight


_LISTS: Final = frozenset({"ul", "ol"})


def _raw_text(element: etree._Element) -> str:
    """The text of an element, concatenated by libxml2 in C.

    Faster than ``itertext`` (a Python string per text node) or an XPath ``string()`` (a
    query per call).
    """
    return etree.tostring(element, method="text", encoding=str, with_tail=False)


def _link_density(element: etree._Element) -> float:
    """The share of an element's words that are link text."""
    total = _word_count(_raw_text(element))
    if not total:
        return 1.0
    texts = _LINK_TEXTS(element)  # every text node under a link, in one query
    linked = _word_count(" ".join(map(str, texts))) if isinstance(texts, list) else 0
    return min(1.0, linked / total)


def _word_count(text: str) -> int:
    """How many words ``text`` has; in Chinese, Japanese and Korean, a character is a word.

    (Written without spaces, a paragraph of Japanese is one "word" between spaces, and a link
    in it another: the paragraph would read as half links.)
    """
    if text.isascii():
        return len(text.split())
    return len(_WORDS.findall(text))


_WORDS: Final = re.compile(f"[{CJK_CHARACTERS}]|[^\\s{CJK_CHARACTERS}]+")


# Plain strings: lxml's default "smart" ones each keep a reference to their parent element,
# which costs a third of the query on a whole page.
_LINK_TEXTS: Final = etree.XPath(".//a//text()", smart_strings=False)
# The links a teaser is titled with: a permalink, or a link in its heading.
_TITLE_LINKS: Final = etree.XPath(
    ".//a[@rel='bookmark']/@href | .//*[self::h1 or self::h2 or self::h3 or self::h4]//a/@href",
    smart_strings=False,
)


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
        return outer is not None and outer is not stop and _is_teaser(current, page_url)

    return _answer_upwards(element, stop, known, decide)


def _is_teaser(article: etree._Element, page_url: str | None) -> bool:
    """Whether an ``<article>`` is titled with a link to another page than ``page_url``."""
    hrefs = _TITLE_LINKS(article)
    if not isinstance(hrefs, list):
        return False
    page = _page_key(page_url) if page_url else None
    for href in hrefs:
        href = str(href).strip()
        if not href or href.startswith("#"):
            continue
        target = _page_key(resolve_url(href, page_url))
        if page is None or target != page:
            return True
    return False


def _page_key(url: str) -> tuple[str, str]:
    """What tells two pages apart: host and path (not the scheme, query or fragment)."""
    parts = urlsplit(url)
    return parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/")
