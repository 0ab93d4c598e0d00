"""A feed's bytes to an lxml tree, and the items of a broken feed read one by one.

The bytes are read by the shared XML machinery (:func:`newsdoc.xml.read.read_xml`: the
encoding, HTML's named entities, our safe parser, recovery). A feed that is not well-formed is
read as far as it goes, with a ``feed.malformed`` warning naming the first error; when recovery
lost items, each is read on its own.
"""

from __future__ import annotations

import html
import re
from typing import Final

from lxml import etree

from newsdoc.codes import FEED_MALFORMED
from newsdoc.model import ParseWarning
from newsdoc.registry import ParseContext
from newsdoc.xml.read import parse_recovering
from newsdoc.xml.read import read_xml as read_document

__all__ = ["NAME", "read_xml"]

NAME: Final = "feed"

_ITEM_START: Final = re.compile(r"<(?:[A-Za-z_][\w.-]{0,40}:)?(?:item|entry)[\s>]")
_ITEM_NAMES: Final = frozenset({"item", "entry"})


def read_xml(data: bytes, context: ParseContext) -> tuple[etree._Element, list[ParseWarning]]:
    """The feed's root element and the warnings of reading it.

    Raises:
        ParseError: The bytes hold no XML element, even in recovery mode.
    """
    read = read_document(data, context, NAME)
    warnings = list(read.warnings)
    if read.problem is not None:
        _read_items_apart(read.text, read.root)
        warnings.append(
            FEED_MALFORMED(
                f"the feed is not well-formed XML ({read.problem}); read as far as it goes"
            )
        )
    return read.root, warnings


def _read_items_apart(text: str, root: etree._Element) -> None:
    """Read every item of a broken feed on its own, when recovery lost some of them.

    libxml2's recovery closes an element left open at the end of the document, so that one
    unclosed tag in an item swallows every item after it. Each item's markup (from its start
    tag to the next one's) is then parsed apart, under the root's namespace declarations,
    and the items found replace the ones recovered.
    """
    starts = [match.start() for match in _ITEM_START.finditer(text)]
    recovered = [
        element
        for element in root.iter()
        if _is_item(element) and not any(_is_item(above) for above in element.iterancestors())
    ]
    if len(recovered) >= len(starts) or not recovered:
        return
    parent = recovered[0].getparent()
    if parent is None:
        return
    declarations = "".join(
        f' xmlns{":" + prefix if prefix else ""}="{html.escape(uri)}"'
        for prefix, uri in root.nsmap.items()
    )
    position = parent.index(recovered[0])
    for element in recovered:
        element.getparent().remove(element)  # type: ignore[union-attr]
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        chunk = f"<wrap{declarations}>{text[start:end]}</wrap>"
        wrapper = parse_recovering(chunk)
        item = next((node for node in (() if wrapper is None else wrapper) if _is_item(node)), None)
        if item is not None:
            parent.insert(position, item)
            position += 1


def _is_item(element: etree._Element) -> bool:
    tag = element.tag
    return isinstance(tag, str) and tag.rpartition("}")[2].rpartition(":")[2] in _ITEM_NAMES
