"""Press releases sent by email: RFC 5322 messages with MIME bodies (``.eml``).

The standard library's :mod:`email` package reads the message with ``policy.default``
(RFC 2047 headers, quoted-printable and base64 parts). The HTML part goes through the shared
fragment machinery, as a Prezly body does; without one, the text part becomes paragraphs.
Attachments are listed in ``metadata.extra``, never read as text.

The format is a package, a module per job: this one sniffs and parses; :mod:`.message` reads
the headers, picks the body and lists the attachments; :mod:`.furniture` takes a release's
furniture ("FOR IMMEDIATE RELEASE", an embargo line, an end mark and the notes after it) out
of the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from newsdoc.analysis.rfc822 import header_names
from newsdoc.model import Document
from newsdoc.parsers.email.message import NAME, read_message
from newsdoc.registry import Format, ParseContext

__all__ = ["FORMAT"]

# An mbox message's first line, after a blank line, with a header line under it.
_MBOX_FROM: Final = re.compile(rb"(\r?\n\r?\n)From [^\r\n]{0,500}\r?\n[!-9;-~]{1,76}:")
# mboxrd's quoting of a body line that opens with "From ".
_QUOTED_FROM: Final = re.compile(rb"(?m)^>(>{0,20}From )")
# The headers of which an email must have one beside From.
_MARKERS: Final = frozenset(
    {b"date", b"subject", b"message-id", b"mime-version", b"received", b"return-path",
     b"delivered-to"}
)  # fmt: skip


def sniff(head: bytes, name: str | None) -> float:
    """0.8 when ``head`` opens with a block of RFC 5322 header lines, else 0.

    After an optional mbox ``From`` line, at least three header lines, ``From:`` among them and
    one of Date, Subject, Message-ID, MIME-Version, Received, Return-Path or Delivered-To,
    and nothing but header lines (and their folded continuations) before the first blank line.
    """
    found = header_names(head)
    if found is None:
        return 0.0
    names = set(found)
    count = len(found)
    if count >= 3 and b"from" in names and not names.isdisjoint(_MARKERS):
        return 0.8
    return 0.0


def parse(data: bytes, context: ParseContext) -> Iterator[Document]:
    """Yield a Document for every message: one for an ``.eml``, each of an mbox's in order."""
    for message in split_mbox(data):
        yield read_message(message, context)


def split_mbox(data: bytes) -> list[bytes]:
    """The messages of an mbox file (each opens with a ``From`` line), or ``[data]``.

    A message starts at a ``From`` line at the very start or after a blank line, followed by
    a header line; ``>From`` lines in a body (mboxrd's quoting) lose one ``>``.
    """
    if not data.startswith(b"From "):
        return [data]
    starts = [0]
    for match in _MBOX_FROM.finditer(data):
        starts.append(match.start() + len(match.group(1)))
    messages = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(data)
        message = _QUOTED_FROM.sub(rb"\1", data[start:end])
        if message.strip():
            messages.append(message)
    return messages or [data]


FORMAT: Final = Format(
    name=NAME,
    sniff=sniff,
    parse=parse,
    extensions=("eml",),
    description="Press releases sent by email (RFC 5322 / MIME, .eml)",
)
