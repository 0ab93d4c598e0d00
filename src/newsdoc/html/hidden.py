"""A story the page hides or sets aside: finding it, and making it an ordinary part of the page.

A page may ship its story in an element it hides until a script shows it (``<div hidden>``), or
lay it out in an ``<aside>`` (or ``role="complementary"``) that is its main column. Such an
element is read as the page's only when it holds far more prose than what the page shows
(:func:`set_aside_stories`); :func:`unhide` records what it changes, and :func:`undo` puts it
back.
"""

from __future__ import annotations

import re
from typing import Final

from lxml import etree

from newsdoc.html.furniture import has_negative_class, raw_text

__all__ = ["SHORT_STORY", "set_aside_stories", "undo", "unhide"]

#: Prose (characters) under which a story is short enough to look for one the page hides.
SHORT_STORY: Final = 500
# The elements a page hides or sets aside, outermost first.
_SET_ASIDE: Final = etree.XPath(
    ".//*[self::aside or @hidden or @role='complementary']"
    "[not(ancestor::*[self::aside or @hidden or @role='complementary'])]"
)
# What makes an element hidden or set aside, as unhide undoes it.
_HIDING: Final = ("hidden", "role", "aria-hidden", "style")


def set_aside_stories(body: etree._Element, shown: int) -> list[etree._Element]:
    """The hidden or set-aside elements whose paragraphs hold far more prose than ``shown``.

    Not those whose class names furniture (a cookie dialog, a newsletter box, a menu).
    """
    found = _SET_ASIDE(body)
    if not isinstance(found, list):
        return []
    wanted = max(SHORT_STORY, 2 * shown)
    return [
        element
        for element in found
        if isinstance(element, etree._Element)
        and not has_negative_class(element)
        and sum(len(raw_text(paragraph).strip()) for paragraph in element.iter("p")) >= wanted
    ]


def unhide(element: etree._Element, changes: list[tuple[etree._Element, str, str]]) -> None:
    """Make ``element`` and what it holds an ordinary part of the page.

    No ``hidden``, no landmark role, no ``display:none``, no ``<aside>``: each change is
    recorded in ``changes`` (the element, the attribute or ``"tag"``, the old value).
    """
    for inner in element.iter("*"):  # (elements: not comments)
        for name in _HIDING:
            value = inner.get(name)
            if value is None or (name == "style" and not _HIDDEN_STYLE.search(value)):
                continue
            changes.append((inner, name, value))
            del inner.attrib[name]
        if inner.tag == "aside":
            changes.append((inner, "tag", "aside"))
            inner.tag = "div"


_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")


def undo(changes: list[tuple[etree._Element, str, str]]) -> None:
    """Put back what :func:`unhide` changed."""
    for element, name, value in reversed(changes):
        if name == "tag":
            element.tag = value
        else:
            element.set(name, value)
