"""The road from a path or bytes to documents: read, detect, parse, enrich.

``load``, ``loads``, ``load_all``, ``detect`` and ``formats`` are the public entry points; each
is a thin composition of the steps below, so that every format goes through the same checks.
A web archive takes a road of its own: its records are streamed, and each HTML response goes
down the usual road through ``load_member`` (which batch runners call too).
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterator
from typing import Final

import attrs

from newsdoc.archive import (
    ARCHIVE_FORMAT,
    Broken,
    Member,
    Skipped,
    is_archive,
    iter_members,
    iter_stream,
)
from newsdoc.codes import SOURCE_MULTIPLE_DOCUMENTS
from newsdoc.decoding import head_for_sniffing
from newsdoc.errors import ParseError, UnknownFormatError, source_label
from newsdoc.finish import Opened, finish
from newsdoc.limits import DEFAULT_LIMITS, Limits
from newsdoc.model import Document, ParseWarning
from newsdoc.registry import SNIFF_BYTES, ByteStream, Format, ParseContext, default_registry
from newsdoc.source import (
    check_size,
    gunzip_if_needed,
    head_of,
    open_stream,
    read_head,
    read_path,
    sniff_name,
)

__all__ = ["detect", "formats", "load", "load_all", "load_member", "loads", "loads_all"]

PathArg = str | os.PathLike[str]

# Enough raw bytes for SNIFF_BYTES of text, even when it is UTF-32 or gzip-compressed.
_DETECT_READ: Final = SNIFF_BYTES * 4
# Enough of a file's start (gzip undone) to tell a web archive by its version line.
_ARCHIVE_HEAD: Final = 512


def load(
    path: PathArg,
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Read the file at ``path`` and return its (first) document.

    The format is sniffed from the content, never from the file name. When the source holds
    several documents, the first is returned with a ``source.multiple-documents`` warning that
    says how many there are (counting them parses them); :func:`load_all` returns every one.
    A web archive (WARC) gives its first HTML page's document (see :func:`load_all`).

    Args:
        path: The file to read. Gzip files are decompressed transparently.
        format: The name of a registered format, to skip detection (``"warc"``: read the file
            as a web archive; for an archive, any other name is its pages' format).
        strict: Raise :class:`~newsdoc.ParseError` on the first warning instead of recording it.
        limits: Safety limits (size, decompressed size, nesting depth, documents per source).

    Returns:
        The first document in the file.

    Raises:
        UnknownFormatError: No format recognised the content, or ``format`` names none.
        ParseError: The content is broken, holds no document, or ``strict`` met a warning.
        LimitExceededError: The input is over one of ``limits``.
        OSError: The file cannot be opened or read.
    """
    label = os.fspath(path)
    archive, fmt = _peek(path, label, format, limits)
    if archive:
        return _first_of_archive(
            _archive(iter_members(path, limits=limits), label, format, strict, limits),
            label,
            strict,
            "load_all",
        )
    if fmt is not None and fmt.stream is not None:
        with open_stream(path, limits) as stream:
            return _first(_stream_opened(stream, fmt, label, limits), strict, "load_all")
    data = read_path(path, limits)
    name = fmt.name if fmt is not None else format
    return _first(_open(data, label, None, name, limits), strict, "load_all")


def loads(
    data: str | bytes,
    *,
    source: str | None = None,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Parse a document held in memory; like :func:`load` for data that is not in a file.

    Args:
        data: The document. Bytes are decoded by the format (BOM, declared charset, detection)
            and decompressed when they are gzip; a ``str`` is taken as already decoded.
        source: A name for messages and ``Document.source``, such as the URL or file name it
            came from. Its extension may break a tie between formats, nothing more.
        format: The name of a registered format, to skip detection.
        strict: Raise :class:`~newsdoc.ParseError` on the first warning instead of recording it.
        limits: Safety limits.

    Returns:
        The first document in ``data``.

    Raises:
        UnknownFormatError: No format recognised the content, or ``format`` names none.
        ParseError: The content is broken, holds no document, or ``strict`` met a warning.
        LimitExceededError: The input is over one of ``limits``.
    """
    raw, known = _as_bytes(data, source, limits)
    if _archive_bytes(raw, source, format, limits):
        members = iter_stream(io.BytesIO(raw), source_label(source), limits=limits)
        label = source_label(source)
        return _first_of_archive(
            _archive(members, label, format, strict, limits), label, strict, "loads_all"
        )
    return _first(_open(raw, source, known, format, limits), strict, "loads_all")


def load_all(
    path: PathArg,
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Document]:
    """Read the file at ``path`` and yield every document it holds, in order.

    The file is read and its format detected before this returns, so a missing or unknown file
    raises here; the documents themselves are parsed as they are iterated.

    A web archive (WARC or WARC.gz) is streamed record by record instead, and yields the
    documents of its HTML responses in order (``source`` ``"<path>#<offset>"``, the record's
    facts in ``metadata.extra["warc"]``); its limits apply to each record, not to the file.
    A broken record raises :class:`~newsdoc.ParseError` naming its offset, when it is reached.

    Args:
        path: The file to read. Gzip files are decompressed transparently.
        format: The name of a registered format, to skip detection (``"warc"``: read the file
            as a web archive; for an archive, any other name is its pages' format).
        strict: Raise :class:`~newsdoc.ParseError` on the first warning instead of recording it.
        limits: Safety limits; ``limits.max_documents`` caps how many are yielded.

    Returns:
        An iterator over the documents (exactly one for a single-document source).

    Raises:
        UnknownFormatError: No format recognised the content, or ``format`` names none.
        ParseError: The content is broken, or ``strict`` met a warning (while iterating).
        LimitExceededError: The input is over one of ``limits``.
        OSError: The file cannot be opened or read.
        MissingDependencyError: The file is a web archive and FastWARC is not installed.
    """
    label = os.fspath(path)
    archive, fmt = _peek(path, label, format, limits)
    if archive:
        return _archive(iter_members(path, limits=limits), label, format, strict, limits)
    if fmt is not None and fmt.stream is not None:
        return _streamed(path, fmt, label, strict, limits)
    data = read_path(path, limits)
    name = fmt.name if fmt is not None else format
    return _open(data, label, None, name, limits).documents(strict)


def loads_all(
    data: str | bytes,
    *,
    source: str | None = None,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Document]:
    """Yield every document held in memory; like :func:`load_all` for data not in a file.

    The format is detected before this returns; the documents are parsed as they are iterated.

    Args:
        data: The source. Bytes are decoded and decompressed as by :func:`loads`; a ``str`` is
            taken as already decoded.
        source: A name for messages and ``Document.source``.
        format: The name of a registered format, to skip detection.
        strict: Raise :class:`~newsdoc.ParseError` on the first warning instead of recording it.
        limits: Safety limits; ``limits.max_documents`` caps how many are yielded.

    Returns:
        An iterator over the documents (exactly one for a single-document source).

    Raises:
        UnknownFormatError: No format recognised the content, or ``format`` names none.
        ParseError: The content is broken, or ``strict`` met a warning (while iterating).
        LimitExceededError: The input is over one of ``limits``.
    """
    raw, known = _as_bytes(data, source, limits)
    if _archive_bytes(raw, source, format, limits):
        members = iter_stream(io.BytesIO(raw), source_label(source), limits=limits)
        return _archive(members, source_label(source), format, strict, limits)
    opened = _open(raw, source, known, format, limits)
    return opened.documents(strict)


def detect(path: PathArg | bytes, *, limits: Limits = DEFAULT_LIMITS) -> str:
    """The name of the format a file (or bytes in memory) is in, sniffed from its content.

    Only the start is read: sniffing sees at most its first 8 KiB.

    Args:
        path: The file to look at, or the content itself as bytes. Gzip data is decompressed
            first.
        limits: Safety limits for reading.

    Returns:
        A registered format's name, such as ``"prezly"``, or ``"warc"`` for a web archive.

    Raises:
        UnknownFormatError: No format recognised the content.
        LimitExceededError: The file is over a size limit.
        OSError: The file cannot be opened or read.
    """
    label: str | None
    if isinstance(path, bytes | bytearray):
        label = None
        head = head_of(bytes(path[:_DETECT_READ]), _DETECT_READ, "<data>", limits)
    else:
        label = os.fspath(path)
        # Sniffers see only the first few KiB; a large file is not read whole to detect it.
        head = read_head(path, _DETECT_READ, limits)
    if is_archive(head):
        return ARCHIVE_FORMAT
    return _detect(head, label).name


def formats() -> tuple[str, ...]:
    """The names of the registered formats, in the order they are asked when sniffing."""
    return default_registry.names()


def load_member(
    member: Member,
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Document]:
    """Yield the documents of one web archive record, as :func:`newsdoc.load_all` does for a file.

    The member's payload goes down the usual road: its format is sniffed (unless ``format``
    names one), the charset of its HTTP ``Content-Type`` is the parser's transport charset
    (``ParseContext.charset``), and its target URI is the document's URL when the page
    states none (and the base of its relative links). Each document's ``source`` is the
    member's (``"<archive>#<offset>"``) and its ``metadata.extra["warc"]`` holds the record's
    ``target_uri``, ``date`` and ``record_id``.

    Args:
        member: A record from :func:`newsdoc.archive.iter_members`.
        format: The name of a registered format, to skip detection.
        strict: Raise :class:`~newsdoc.ParseError` on the first warning instead of recording it.
        limits: Safety limits; ``limits.max_documents`` caps how many are yielded.

    Returns:
        An iterator over the record's documents (one for an HTML page).

    Raises:
        UnknownFormatError: No format recognised the payload, or ``format`` names none.
        ParseError: The payload is broken, or ``strict`` met a warning (while iterating).
        LimitExceededError: The payload is over one of ``limits``.
    """
    if format == ARCHIVE_FORMAT:
        format = None  # the archive's own name: its records are sniffed
    return _open(member.payload, member.source, None, format, limits, member).documents(strict)


def _peek(
    path: PathArg, label: str, format_name: str | None, limits: Limits
) -> tuple[bool, Format | None]:
    """Whether a file is a web archive, and else its format, from one look at its start.

    A web archive is sniffed whatever ``format`` says (any name but ``"warc"`` is its pages'
    format). Only a regular file is looked at: what a pipe gives is not given twice; its
    format is found by the parse's own read (``None`` here when ``format`` does not name it).
    """
    if format_name == ARCHIVE_FORMAT:
        return True, None
    given = default_registry.get(format_name, source=label) if format_name else None
    if not stat.S_ISREG(os.stat(path).st_mode):
        return False, given
    head = read_head(path, _DETECT_READ, limits)
    if is_archive(head):
        return True, None
    if given is not None:
        return False, given
    try:
        return False, _detect(head, label)
    except UnknownFormatError:
        return False, None  # the read says so, after its own checks (the size first)


def _stream_opened(stream: ByteStream, fmt: Format, label: str, limits: Limits) -> Opened:
    context = ParseContext(source=label, limits=limits)
    return Opened(data=b"", fmt=fmt, context=context, warnings=(), stream=stream)


def _streamed(
    path: PathArg, fmt: Format, label: str, strict: bool, limits: Limits
) -> Iterator[Document]:
    """The documents of a file read as a stream by its format, never held whole."""
    with open_stream(path, limits) as stream:
        yield from _stream_opened(stream, fmt, label, limits).documents(strict)


def _archive_bytes(
    data: bytes, source: str | None, format_name: str | None, limits: Limits
) -> bool:
    if format_name == ARCHIVE_FORMAT:
        return True
    return is_archive(head_of(data, _ARCHIVE_HEAD, source_label(source), limits))


def _archive(
    items: Iterator[Member | Skipped | Broken],
    label: str,
    format_name: str | None,
    strict: bool,
    limits: Limits,
) -> Iterator[Document]:
    """The documents of every HTML response of an archive, in order; a Broken record raises."""
    for item in items:
        if isinstance(item, Skipped):
            continue
        if isinstance(item, Broken):
            offset = item.source.rpartition("#")[2]
            msg = f"{label}: the web archive's record at offset {offset} is broken: {item.message}"
            raise ParseError(msg, source=item.source)
        yield from load_member(item, format=format_name, strict=strict, limits=limits)


def _first_of_archive(
    documents: Iterator[Document], label: str, strict: bool, all_function: str
) -> Document:
    first = next(documents, None)
    if first is None:
        msg = f"{label}: {ARCHIVE_FORMAT}: the web archive holds no HTML page"
        raise ParseError(msg, source=label)
    more = sum(1 for _ in documents)
    if not more:
        return first
    warning = SOURCE_MULTIPLE_DOCUMENTS(
        f"the web archive holds {more + 1} documents; this is the first, and "
        f"newsdoc.{all_function}() returns every one"
    )
    if strict:
        msg = f"{label}: {warning.code}: {warning.message}"
        raise ParseError(msg, source=first.source, code=warning.code)
    return attrs.evolve(first, warnings=[*first.warnings, warning])


def _as_bytes(data: str | bytes, source: str | None, limits: Limits) -> tuple[bytes, str | None]:
    if isinstance(data, str):
        raw = data.encode("utf-8", errors="surrogatepass")
        check_size(raw, source, limits)
        return raw, "utf-8"
    # Untyped callers pass paths here; tell them, rather than fail deep inside.
    if not isinstance(data, bytes | bytearray | memoryview):
        msg = f"loads() takes str or bytes, not {type(data).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    raw = bytes(data)
    check_size(raw, source, limits)
    return raw, None


def _open(
    data: bytes,
    source: str | None,
    known: str | None,
    format_name: str | None,
    limits: Limits,
    member: Member | None = None,
) -> Opened:
    warnings: tuple[ParseWarning, ...] = ()
    if known is None:
        data, warnings = gunzip_if_needed(data, source_label(source), limits)
    if format_name is not None:
        fmt = default_registry.get(format_name, source=source)
    else:
        fmt = _detect(data, source)
    if member is None:
        context = ParseContext(source=source, limits=limits, encoding=known)
        return Opened(data=data, fmt=fmt, context=context, warnings=warnings)
    context = ParseContext(source=source, limits=limits, charset=member.charset, url=member.url)
    facts = {"target_uri": member.url, "date": member.fetched, "record_id": member.record_id}
    return Opened(data=data, fmt=fmt, context=context, warnings=warnings, extra={"warc": facts})


def _detect(data: bytes, source: str | None) -> Format:
    head = head_for_sniffing(data, SNIFF_BYTES)
    return default_registry.detect(head, sniff_name(source), source=source)


def _first(opened: Opened, strict: bool, all_function: str) -> Document:
    drafts = opened.drafts()
    first = next(drafts, None)
    if first is None:
        msg = f"{opened.context.label}: {opened.fmt.name}: the source holds no document"
        raise ParseError(msg, source=opened.context.source)
    more = sum(1 for _ in drafts)
    extra: tuple[ParseWarning, ...] = ()
    if more:
        extra = (
            SOURCE_MULTIPLE_DOCUMENTS(
                f"the source holds {more + 1} documents; this is the first, and "
                f"newsdoc.{all_function}() returns every one"
            ),
        )
    return finish(first, opened, strict, extra)
