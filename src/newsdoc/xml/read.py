"""XML bytes to an lxml tree: the encoding, HTML's named entities, and recovery.

The bytes are decoded as every format decodes them (a BOM, then the XML declaration's charset,
then detection: a Latin-1 file without a declaration is common), HTML's named entities that XML
does not define (``&nbsp;``, ``&eacute;``, which NITF and feeds use, declared in a DTD that is
never read) are written as character references, and the text is parsed by our safe XML parser
(:func:`newsdoc.html.safe.xml_parser`: no entity expanded, no DTD, no network). A document that
is not well-formed is parsed again in libxml2's recovery mode, and read as far as it goes; the
caller warns with its own code, naming :attr:`XmlRead.problem`.
"""

from __future__ import annotations

import html.entities
import re
from typing import Final

import attrs
from lxml import etree

from newsdoc.analysis.text import replace_surrogates
from newsdoc.decoding import decode
from newsdoc.errors import ParseError
from newsdoc.html.fragment import without_xml_declaration
from newsdoc.html.safe import xml_parser
from newsdoc.model import ParseWarning
from newsdoc.registry import ParseContext

__all__ = ["XmlRead", "parse_recovering", "read_markup", "read_xml"]

_ENCODING: Final = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""")
_ENTITY: Final = re.compile(r"&(#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
_BARE_AMPERSAND: Final = re.compile(
    r"&(?!#[0-9]{1,8};|#[xX][0-9a-fA-F]{1,8};|[A-Za-z][A-Za-z0-9]{0,31};)"
)
_XML_ENTITIES: Final = frozenset({"amp", "lt", "gt", "quot", "apos"})
# HTML's named entities that end in a semicolon, as character references.
_HTML_ENTITIES: Final = {
    name[:-1]: "".join(f"&#{ord(char)};" for char in value)
    for name, value in html.entities.html5.items()
    if name.endswith(";") and name[:-1] not in _XML_ENTITIES
}


@attrs.frozen
class XmlRead:
    """A document read by :func:`read_xml`.

    Attributes:
        root: The root element.
        text: The decoded text that was parsed (bare ampersands escaped when recovering).
        problem: The first well-formedness error when the document is not well-formed and
            was read in recovery mode, else ``None``.
        warnings: What decoding the bytes gave.
    """

    root: etree._Element
    text: str
    problem: str | None
    warnings: tuple[ParseWarning, ...]


def read_xml(data: bytes, context: ParseContext, name: str) -> XmlRead:
    """The document in ``data``, read for the format called ``name`` (for messages).

    Raises:
        ParseError: The bytes hold no XML element, even in recovery mode.
    """
    declared = context.charset
    if declared is None:
        match = _ENCODING.search(data[:512])
        if match is not None:
            declared = match.group(1).decode("ascii", "replace")
    decoded = decode(data, declared=declared, known=context.encoding, html=True)
    text = without_xml_declaration(decoded.text)
    if "&" in text:
        text = _ENTITY.sub(_character_reference, text)
    try:
        root = etree.fromstring(replace_surrogates(text).encode("utf-8"), parser=xml_parser())
    except etree.XMLSyntaxError as exc:
        problem = _describe(exc)
    else:
        return XmlRead(root, text, None, decoded.warnings)
    # A bare "&" (Fish & Chips) is the commonest break: written as "&amp;" before recovering,
    # which would drop it.
    text = _BARE_AMPERSAND.sub("&amp;", text)
    recovered = parse_recovering(text)
    if recovered is None:
        msg = f"{context.label}: {name}: not XML that can be read: {problem}"
        raise ParseError(msg, source=context.source)
    return XmlRead(recovered, text, problem, decoded.warnings)


def read_markup(text: str) -> etree._Element | None:
    """XML already decoded (carried in JSON, say), read as :func:`read_xml` reads bytes.

    ``None`` when it holds no element, even in recovery mode.
    """
    text = without_xml_declaration(text)
    if "&" in text:
        text = _BARE_AMPERSAND.sub("&amp;", _ENTITY.sub(_character_reference, text))
    return parse_recovering(text)


def parse_recovering(text: str) -> etree._Element | None:
    """``text`` parsed in libxml2's recovery mode; ``None`` when no element can be read."""
    try:
        return etree.fromstring(
            replace_surrogates(text).encode("utf-8"), parser=xml_parser(recover=True)
        )
    except etree.XMLSyntaxError:
        return None


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
