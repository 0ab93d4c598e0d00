"""How far the story reaches from the element that scored best: its wrappers, its parts.

An article split over several containers gives each part of the score: an ancestor that adds
a good share of prose holds the whole story (:func:`widened`); siblings that score nearly as
well, or are paragraphs of prose, join it (:func:`with_siblings`, Readability's rule); and a
story built from copies of one template is read in all of them (:func:`parts_of_one_template`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

from lxml import etree

from newsdoc.html.furniture import has_negative_class, is_furniture, link_density
from newsdoc.html.tags import joined_text

__all__ = ["parts_of_one_template", "widened", "with_siblings"]


def widened(
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
    # Wrappers may add nothing for a level or two: up to four ancestors are looked at.
    ancestors: list[etree._Element] = []
    above = best.getparent()
    while len(ancestors) < 4 and above is not None and above is not body:
        ancestors.append(above)
        above = above.getparent()
    # Prose under each of them, counting only paragraphs with no furniture class between, and
    # not the lines of a link list (a footer's, a rail of teasers: mostly link text). Each
    # parent's ancestors are walked once; the lines of a parent that is not under one of
    # them are not measured.
    wanted = {best, *ancestors}
    by_parent: dict[etree._Element, list[tuple[etree._Element, int]]] = {}
    for paragraph, length in paragraphs:
        parent = paragraph.getparent()
        if parent is not None:
            by_parent.setdefault(parent, []).append((paragraph, length))
    prose: dict[etree._Element, int] = {}
    for parent, lines in by_parent.items():
        reached: list[etree._Element] = []
        current: etree._Element | None = parent
        while current is not None and current is not body:
            flag = negative.get(current)
            if flag is None:
                flag = negative[current] = has_negative_class(current)
            if flag:
                break
            if current in wanted:
                reached.append(current)
            current = current.getparent()
        if not reached:
            continue
        length = sum(
            length
            for paragraph, length in lines
            if next(paragraph.iter("a"), None) is None or link_density(paragraph) <= _LINK_LINE
        )
        for element in reached:
            prose[element] = prose.get(element, 0) + length
    own = prose.get(best, 0)
    # Ancestors above the last one with prose enough to be chosen cannot change the answer,
    # and their link densities (a pass over a large subtree each) are not computed.
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


def parts_of_one_template(
    best: etree._Element,
    body: etree._Element,
    paragraphs: list[tuple[etree._Element, int]],
    density_of: Callable[[etree._Element], float],
) -> list[etree._Element] | None:
    """The parts of a story that its page builds from copies of one template, or ``None``.

    A story split by figures, ad slots or teaser boxes into several containers of one kind
    ("<div class='article-widget text'>" a part, an ad between) is each container once:
    ``best`` or the first of its ancestors (a few levels up) that has siblings of its tag and
    classes (those without digits: "story-body-2" is "story-body"), each holding prose and a
    copy of ``best``'s own template, light in links and not furniture, is read with them.
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
                    sibling in with_prose
                    and sibling.tag == node.tag
                    and _signature(sibling) == own
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
    try:
        return any(_signature(inner) == signature for inner in element.iter(tag))
    except ValueError:
        # A tag name that is no XML name ("a\x1b", as libxml2's HTML parser keeps it): lxml
        # refuses to look for it by name, so it is compared by hand.
        return any(inner.tag == tag and _signature(inner) == signature for inner in element.iter())


def with_siblings(
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
        if has_negative_class(sibling):
            continue  # a comment thread or a teaser rail beside the article, however wordy
        if scores.get(sibling, 0.0) >= threshold:
            if density_of(sibling) <= _LINK_LINE:
                chosen.append(sibling)
        elif sibling.tag == "p":
            text = joined_text(sibling)
            density = link_density(sibling)
            if (len(text) > 80 and density < 0.25) or (
                0 < len(text) <= 80 and density == 0 and re.search(r"\.( |$)", text)
            ):
                chosen.append(sibling)
    return chosen
