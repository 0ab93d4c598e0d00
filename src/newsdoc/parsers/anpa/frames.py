"""A wire file's text cut into its stories, by the transmission control characters.

IPTC 7901 and ANPA 1312 frame each story the same way: SOH (start of header) before the
header, STX (start of text) before the story, ETX (end of text) after it, an end line or
trailer after ETX, and EOT (end of transmission) to close; SYN characters may pad the start
of a transmission. A file may hold many stories in a row. Here each SOH opens a story, and so
does an STX after an ETX (a story sent without a header; a file without SOH is read from
each STX); what a cut-off transmission lacks is noted, never guessed past.
"""

from __future__ import annotations

from typing import Final

import attrs

__all__ = ["CONTROLS", "Frame", "frames_of"]

SOH: Final = "\x01"
STX: Final = "\x02"
ETX: Final = "\x03"
EOT: Final = "\x04"
SYN: Final = "\x16"
#: The framing characters, as bytes: what sniffing looks for.
CONTROLS: Final = frozenset(b"\x01\x02\x03\x04\x16")


@attrs.frozen
class Frame:
    """One story's parts, as text, its framing characters taken out.

    Attributes:
        header: The lines between SOH and STX: the header line, then the keyword lines.
        text: The lines between STX and ETX (or EOT): the story.
        tail: The lines between ETX and EOT: the end line or the agency's trailer.
        missing: The framing character the story lacks (``"STX"``, ``"ETX"``), or ``None``.
    """

    header: str
    text: str
    tail: str
    missing: str | None


def frames_of(text: str) -> list[Frame]:
    """The stories of a wire file's ``text``, in order; empty ones (padding) are left out."""
    text = text.replace(SYN, "")
    opened = SOH in text
    if opened:
        pieces = text.split(SOH)
        # Before the first SOH: padding, or the rest of a story whose start was cut off.
        lead = pieces[0]
        pieces = pieces[1:]
        if STX in lead:
            pieces.insert(0, lead)
    else:
        # No SOH: stories framed by STX and ETX alone.
        pieces = [STX + piece for piece in text.split(STX)[1:]]
    found = []
    pieces.reverse()
    while pieces:  # each piece let go once read
        piece = pieces.pop()
        for number, part in enumerate(_stories_in(piece) if opened else [piece]):
            frame = _frame(part, opened=opened and number == 0)
            if frame is not None:
                found.append(frame)
    return found


def _stories_in(piece: str) -> list[str]:
    """``piece`` cut before each STX that follows an ETX.

    Those open stories sent without an SOH of their own; an STX with no ETX before it
    continues the story.
    """
    starts = [0]
    stx = piece.find(STX)
    while stx >= 0:
        etx = piece.find(ETX, stx)
        if etx < 0:
            break
        stx = piece.find(STX, etx)
        if stx >= 0:
            starts.append(stx)
    if len(starts) == 1:
        return [piece]
    return [piece[start:end] for start, end in zip(starts, [*starts[1:], len(piece)], strict=True)]


def _frame(piece: str, *, opened: bool) -> Frame | None:
    header, stx, rest = piece.partition(STX)
    missing = None
    if not stx:
        if not opened:
            return None
        # No STX: the transmission was cut off inside the header, or sent without one. The
        # header line stays the header; the lines after it are read as the story.
        header, _, rest = piece.lstrip("\r\n").partition("\n")
        missing = "STX"
    elif not opened:
        header = ""  # text before STX in a file without SOH: not a header
    body, etx, after = rest.partition(ETX)
    if not etx:
        body, eot, after = rest.partition(EOT)
        if not eot and missing is None:
            missing = "ETX"
    tail = after.partition(EOT)[0]
    # A second STX inside a story (a take sent in parts) is a space: it follows a line end.
    body = body.replace(STX, " ").replace(EOT, " ")
    tail = tail.replace(STX, "\n").replace(ETX, "\n")
    if not (header.strip() or body.strip() or tail.strip()):
        return None
    return Frame(header=header, text=body, tail=tail, missing=missing)
