"""A feed's bytes to an lxml tree: the encoding, HTML's named entities, and recovery.

The bytes are decoded as every format decodes them (a BOM, then the XML declaration's charset,
then detection: a Latin-1 feed without a declaration is normal), HTML's named entities that XML
does not define (``&nbsp;``, ``&eacute;``) are written as character references, and the text is
parsed by our safe XML parser (:func:`newsdoc.html.safe.xml_parser`: no entity expanded, no DTD,
no network). A feed that is not well-formed is parsed again in libxml2's recovery mode, and
read as far as it goes, with a ``feed.malformed`` warning naming the first error.
"""

from __future__ import annotations

import html.entities
import re
from typing import Final

from lxml import etree

from newsdoc.analysis.text import replace_surrogates
from newsdoc.codes import FEED_MALFORMED
from newsdoc.decoding import decode
from newsdoc.errors import ParseError
from newsdoc.html.fragment import without_xml_declaration
from newsdoc.html.safe import xml_parser
from newsdoc.model import ParseWarning
from newsdoc.registry import ParseContext

__all__ = ["NAME", "read_xml", "text_of"]

NAME: Final = "feed"

_ENCODING: Final = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""")
_ENTITY: Final = re.compile(r"&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
_BARE_AMPERSAND: Final = re.compile(
    r"&(?!#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};)"
)
_ITEM_START: Final = re.compile(r"<(?:[A-Za-z_][\w.-]{0,40}:)?(?:item|entry)[\s>]")
_ITEM_NAMES: Final = frozenset({"item", "entry"})
_XML_ENTITIES: Final = frozenset({"amp", "lt", "gt", "quot", "apos"})
# HTML's named entities that end in a semicolon, as character references.
_HTML_ENTITIES: Final = {
    name[:-1]: "".join(f"&#{ord(char)};" for char in value)
    for name, value in html.entities.html5.items()
    if name.endswith(";") and name[:-1] not in _XML_ENTITIES
}


def read_xml(data: bytes, context: ParseContext) -> tuple[etree._Element, list[ParseWarning]]:
    """The feed's root element and the warnings of reading it.

    Raises:
        ParseError: The bytes hold no XML element, even in recovery mode.
    """
    declared = context.charset
    if declared is None:
        match = _ENCODING.search(data[:512])
        if match is not None:
            declared = match.group(1).decode("ascii", "replace")
    decoded = decode(data, declared=declared, known=context.encoding, html=True)
    warnings: list[ParseWarning] = list(decoded.warnings)
    text = without_xml_declaration(decoded.text)
    if "&" in text:
        text = _ENTITY.sub(_character_reference, text)
    markup = replace_surrogates(text).encode("utf-8")
    try:
        return etree.fromstring(markup, parser=xml_parser()), warnings
    except etree.XMLSyntaxError as exc:
        problem = _describe(exc)
    # A bare "&" (Fish & Chips) is the commonest break: written as "&amp;" before recovering,
    # which would drop it.
    text = _BARE_AMPERSAND.sub("&amp;", text)
    root = _recovered(replace_surrogates(text).encode("utf-8"))
    if root is None:
        msg = f"{context.label}: {NAME}: not XML that can be read: {problem}"
        raise ParseError(msg, source=context.source)
    _read_items_apart(text, root)
    warnings.append(
        FEED_MALFORMED(f"the feed is not well-formed XML ({problem}); read as far as it goes")
    )
    return root, warnings


def _recovered(markup: bytes) -> etree._Element | None:
    try:
        return etree.fromstring(markup, parser=xml_parser(recover=True))
    except etree.XMLSyntaxError:
        return None


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
        wrapper = _recovered(replace_surrogates(chunk).encode("utf-8"))
        item = next((node for node in (() if wrapper is None else wrapper) if _is_item(node)), None)
        if item is not None:
            parent.insert(position, item)
            position += 1


def _is_item(element: etree._Element) -> bool:
    tag = element.tag
    return isinstance(tag, str) and tag.rpartition("}")[2].rpartition(":")[2] in _ITEM_NAMES


def _character_reference(match: re.Match[str]) -> str:
    """HTML's named entity as character references; a reference to no XML character as U+FFFD.

    (libxml2's recovery keeps a reference to a surrogate as bytes that are no UTF-8.)
    """
    name = match.group(1)
    if name[0] != "#":
        return _HTML_ENTITIES.get(name, match.group(0))
    number = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    allowed = number in (0x9, 0xA, 0xD) or 0x20 <= number <= 0xD7FF
    allowed = allowed or 0xE000 <= number <= 0xFFFD or 0x10000 <= number <= 0x10FFFF
    return match.group(0) if allowed else "&#xFFFD;"


def _describe(error: etree.XMLSyntaxError) -> str:
    message = str(error.msg or error).split(" (<string>")[0]
    return message[:160]


def text_of(element: etree._Element) -> str:
    """The text of ``element`` and its descendants, without unexpanded entity references."""
    parts = [element.text or ""]
    for child in element:
        if not isinstance(child, etree._Entity):
            parts.extend(str(text) for text in child.itertext(etree.Element))
        parts.append(child.tail or "")
    return "".join(parts)
