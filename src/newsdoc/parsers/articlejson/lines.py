"""JSON Lines read from a file's stream, a line at a time: a file of any size in flat memory.

``limits.max_bytes`` applies to each line rather than to the file. A file whose first line is
not a record on its own, followed by another (one JSON document, perhaps over many lines; or
JSON Lines whose first line is broken), is read whole, within ``limits.max_bytes``, and
parsed as :func:`~newsdoc.parsers.articlejson.parse` does: the same documents either way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Final

from newsdoc.decoding import decode
from newsdoc.errors import LimitExceededError, ParseError
from newsdoc.limits import Limits
from newsdoc.model import Document, ParseWarning
from newsdoc.parsers._json import parse_json
from newsdoc.parsers.articlejson.record import NAME
from newsdoc.parsers.articlejson.stream import line_units, skipped, with_skips
from newsdoc.registry import ByteStream, ParseContext

__all__ = ["stream_documents"]

_BOM: Final = b"\xef\xbb\xbf"
_SKIP_PIECE: Final = 1 << 20


def stream_documents(
    source: ByteStream,
    context: ParseContext,
    parse: Callable[[bytes, ParseContext], Iterable[Document]],
) -> Iterator[Document]:
    """The documents of a file: JSON Lines line by line; anything else whole, by ``parse``."""
    limits = context.limits
    first = source.readline(limits.max_bytes + 1)
    lines: list[bytes] = [first]
    if _is_record(first, context):
        # JSON Lines only when another line follows: one record alone is one JSON document.
        while (line := source.readline(limits.max_bytes + 1)) and not line.strip():
            lines.append(line)
        if line:
            lines.append(line)
            numbered = _numbered(lines, source, limits)
            yield from with_skips(line_units(numbered, context), context)
            return
    data = b"".join(lines)
    data += source.read(limits.max_bytes + 1 - len(data))
    if len(data) > limits.max_bytes:
        msg = (
            f"{context.label}: the file is larger than limits.max_bytes "
            f"({limits.max_bytes:,} bytes), and not JSON Lines, which is read a line at a time"
        )
        raise LimitExceededError(msg, source=context.source, limit="max_bytes")
    yield from parse(data, context)


def _is_record(line: bytes, context: ParseContext) -> bool:
    """Whether ``line`` is a JSON object or array on its own."""
    text = line.removeprefix(_BOM).strip()
    if text[:1] not in (b"{", b"[") or text[-1:] not in (b"}", b"]"):
        return False
    try:
        value, _ = parse_json(text.decode("utf-8"), context, NAME)
    except (UnicodeDecodeError, ParseError, LimitExceededError):
        return False
    return isinstance(value, dict | list)


def _numbered(
    first: list[bytes], source: ByteStream, limits: Limits
) -> Iterator[tuple[int, str] | ParseWarning]:
    """Each line with its number, decoded; a warning for a line over the limit, skipped."""
    number = 0
    pending = iter(first)
    while True:
        raw = next(pending, None)
        if raw is None:
            raw = source.readline(limits.max_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limits.max_bytes:
            while raw and not raw.endswith(b"\n"):  # the rest of the line, unread
                raw = source.readline(_SKIP_PIECE)
            yield skipped(f"line {number} is longer than limits.max_bytes ({limits.max_bytes:,})")
            continue
        if number == 1:
            raw = raw.removeprefix(_BOM)
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError:
            # JSON Lines are UTF-8 (RFC 8259): a line in another encoding is read as detected,
            # and said (decoding.wrong-charset).
            decoded = decode(raw, declared="utf-8")
            yield from decoded.warnings
            yield number, decoded.text
