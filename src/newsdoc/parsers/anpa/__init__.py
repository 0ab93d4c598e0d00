"""Agency wire text: IPTC 7901 and ANPA 1312 transmissions, a Document per story.

A wire file is text framed by control characters: SOH, a header line (service and sequence
number, priority, category, slug, word count) and keyword lines, STX, the story, ETX, an end
line or trailer, EOT; many stories in a row, SYN characters as padding. It is seven-bit ASCII
by the standard, but files kept since are Latin-1, Windows-1252 or UTF-8: the whole file is
decoded by :func:`newsdoc.decoding.decode` (a legacy encoding is detected on the text with its
framing characters read as line ends).

The format is a package, a module per job: this one sniffs and parses; :mod:`.frames` cuts
the text into stories at the control characters; :mod:`.header` reads the header's fields;
:mod:`.body` turns a story's marked lines into paragraphs; :mod:`.furniture` knows end marks,
trailers and the slug written again; :mod:`.story` makes the Document.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from newsdoc.decoding import Decoded, decode
from newsdoc.errors import ParseError
from newsdoc.model import Document
from newsdoc.parsers.anpa.frames import CONTROLS, frames_of
from newsdoc.parsers.anpa.story import NAME, story_document
from newsdoc.registry import Format, ParseContext

__all__ = ["FORMAT", "parse", "sniff"]

_SOH: Final = 0x01
_STX: Final = 0x02
_PADDING: Final = b"\x16\r\n \t"
# Control characters a text never holds: NUL to BS, VT, FF, SO to US but the framing ones,
# and DEL. More than a few of them and the input is binary data with SOH at its start.
_FOREIGN: Final = bytes(
    byte for byte in [*range(0x20), 0x7F] if byte not in CONTROLS and byte not in b"\t\n\r"
)
_MOST_FOREIGN: Final = 0.01
_FRAMING_AS_LINES: Final = bytes.maketrans(bytes(sorted(CONTROLS)), b"\n" * len(CONTROLS))


def sniff(head: bytes, name: str | None) -> float:
    """0.9 for a head that opens with SOH and has STX after it; 0.6 without STX; else 0.

    SOH may follow a UTF-8 byte-order mark, SYN padding and blank lines. A head that opens
    with STX and holds ETX or EOT (stories sent without headers) gives 0.6 too. Binary data
    (NUL, or more than 1% of other control characters) is never claimed.
    """
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip(_PADDING)
    if not stripped or stripped[0] not in (_SOH, _STX) or b"\x00" in head:
        return 0.0
    foreign = len(head) - len(head.translate(None, _FOREIGN))
    if foreign > _MOST_FOREIGN * len(head):
        return 0.0
    if stripped[0] == _SOH:
        rest = stripped[1:]
        if not rest.strip(bytes(CONTROLS) + _PADDING):
            return 0.0  # nothing but control characters
        return 0.9 if _STX in rest else 0.6
    return 0.6 if b"\x03" in stripped or b"\x04" in stripped else 0.0


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield a Document per story of the wire file, in order.

    Raises:
        ParseError: The file holds framing but not one story (only control characters and
            white space).
    """
    decoded = _decode(data, context)
    warnings = list(decoded.warnings)
    frames = frames_of(decoded.text)
    del decoded  # the stories' text is in the frames: a copy of a large file less held
    if not frames:
        msg = (
            f"{context.label}: {NAME}: the file holds no story framed by SOH or STX"
            " (only control characters and white space, or no framing at all)"
        )
        raise ParseError(msg, source=context.source)
    # Each frame is let go once its document is made: a file's text is held once, not twice.
    frames.reverse()
    while frames:
        document = story_document(frames.pop(), context, warnings)
        warnings = []
        yield document


def _decode(data: bytes, context: ParseContext) -> Decoded:
    """The file's text: in UTF-8, else in the encoding detected on the text without framing.

    The charset detector takes a text with control characters in it for binary data, and
    gives up: it is asked about the file with the framing characters as line ends.
    """
    decoded = decode(data, declared=context.charset, known=context.encoding)
    if context.encoding is None and decoded.encoding == "utf-8" and decoded.warnings:
        unframed = decode(data.translate(_FRAMING_AS_LINES), declared=context.charset)
        if unframed.encoding != "utf-8":
            return decode(data, known=unframed.encoding)
    return decoded


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("anpa", "nws"),
    description="Agency wire text: IPTC 7901 and ANPA 1312 transmissions (a Document per story)",
)
