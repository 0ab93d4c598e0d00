"""What HTML elements mean for a reader: the tables both HTML walkers share."""

from __future__ import annotations

from typing import Final

from lxml import etree

from newsdoc.analysis.text import clean_text
from newsdoc.codes import HTML_TOO_DEEP
from newsdoc.model import BlockKind, ParseWarning

__all__ = [
    "CONTAINERS",
    "DOMINANT",
    "ELEMENTS",
    "KIND_BY_TAG",
    "SKIPPED",
    "TEXTLESS",
    "heading_text",
    "joined_text",
    "spaced_text",
    "too_deep_warning",
]

#: Elements whose own kind a block takes.
KIND_BY_TAG: Final[dict[str, BlockKind]] = {
    "p": "paragraph",
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
    "blockquote": "blockquote",
    "pre": "preformatted",
}

#: Block-level containers: they end the open block but give their content their parent's kind.
CONTAINERS: Final = frozenset(
    {
        "address", "article", "aside", "center", "details", "dialog", "div", "dl", "fieldset",
        "figure", "footer", "header", "hgroup", "main", "nav", "ol", "section", "summary",
        "table", "tbody", "thead", "tfoot", "tr", "ul", "caption", "body", "hr", "html", "form",
    }
)  # fmt: skip

#: Elements that hold text no reader reads (code, styles, form controls): a page loses them
#: before its prose is measured.
TEXTLESS: Final = ("script", "style", "noscript", "template", "select", "textarea", "button")

#: Never text for a reader. An iframe is not here: its address becomes an embed link. A form
#: is not either: some sites wrap whole pages in one; its controls are skipped one by one. Nor
#: are ``<picture>`` and ``<source>``: the ``<img>`` in them is the image (libxml2 may put it
#: inside a ``<source>``, which it does not know to be empty).
SKIPPED: Final = frozenset(
    {
        *TEXTLESS, "object", "embed", "video", "audio", "canvas", "svg", "math", "input",
        "head", "title", "meta", "link", "base", "track", "map",
    }
)  # fmt: skip

#: Every element HTML defines (and the obsolete ones pages still use): a document whose root is
#: another is XML (a feed, a news format), not a page or a fragment.
ELEMENTS: Final = frozenset(
    """a abbr acronym address area article aside audio b base basefont bdi bdo big blink
    blockquote body br button canvas caption center cite code col colgroup data datalist dd del
    details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame
    frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label
    legend li link main map mark marquee menu meta meter nav nobr noframes noscript object ol
    optgroup option output p param picture pre progress q rp rt ruby s samp script search
    section select slot small source span strike strong style sub summary sup svg table tbody
    td template textarea tfoot th thead time title tr track tt u ul var video wbr math
    """.split()
)

#: A block inside one of these kinds keeps the outer kind (a paragraph inside a quote is quote).
DOMINANT: Final[frozenset[str]] = frozenset({"blockquote", "list_item", "preformatted"})


def too_deep_warning(max_depth: int) -> ParseWarning:
    """The warning for markup nested deeper than ``max_depth`` elements."""
    return HTML_TOO_DEEP(
        f"markup nested deeper than {max_depth} elements was flattened: its text is kept",
    )


def spaced_text(element: etree._Element) -> str:
    """The text ``element`` shows, its pieces joined by spaces and cleaned.

    Spaces between the pieces keep words of neighbouring elements apart ("<span>Ana
    Silva</span><span>14/03/2023</span>"), as a short line of metadata needs.
    """
    return clean_text(" ".join(map(str, element.itertext())))


def joined_text(element: etree._Element) -> str:
    """The text ``element`` holds, its pieces run together as libxml2 joins them, cleaned.

    One call into C, faster than :func:`spaced_text`: for a heading or a paragraph, whose
    pieces are spaced as the words they hold.
    """
    return clean_text(etree.tostring(element, method="text", encoding=str, with_tail=False))


def heading_text(element: etree._Element) -> str:
    """The words a heading shows, cleaned, a kicker set apart from the headline it runs into.

    "<h1><span>Rail strike</span>Drivers walk out</h1>" reads "Rail strike Drivers walk out":
    where one piece of text ends in a lower-case letter and the next begins with a capital, the
    two are words of their own.
    """
    pieces = [str(piece) for piece in element.itertext()]
    if len(pieces) < _PIECES:
        return clean_text("".join(pieces))
    joined = [pieces[0]]
    for piece in pieces[1:]:
        if piece[:1].isupper() and joined[-1][-1:].islower():
            joined.append(" ")
        joined.append(piece)
    return clean_text("".join(joined))


_PIECES: Final = 2
