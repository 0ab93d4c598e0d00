"""The road from a path or bytes to documents: read, detect, parse, enrich.

``load``, ``loads``, ``load_all``, ``detect`` and ``formats`` are the public entry points; each
is a thin composition of the steps below, so that every format goes through the same checks.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Final, TypeVar

import attrs

from newsdoc.analysis.language import normalize_language
from newsdoc.analysis.quotes import quotes_within
from newsdoc.analysis.text import without_display_controls
from newsdoc.analysis.urls import KEPT_SCHEMES, page_url, resolve_url, scheme_of
from newsdoc.archive import Member
from newsdoc.codes import (
    IMAGE_DROPPED,
    LINK_DROPPED,
    METADATA_BAD_LANGUAGE,
    METADATA_URL_DROPPED,
    QUOTES_LIMIT,
    SOURCE_MULTIPLE_DOCUMENTS,
    WarningCode,
)
from newsdoc.decoding import head_for_sniffing
from newsdoc.errors import LimitExceededError, ParseError, source_label
from newsdoc.limits import DEFAULT_LIMITS, Limits
from newsdoc.model import Document, Image, Link, Metadata, ParseWarning
from newsdoc.registry import SNIFF_BYTES, Format, ParseContext, default_registry
from newsdoc.source import (
    check_size,
    content_head,
    gunzip_if_needed,
    read_head,
    read_path,
    sniff_name,
)

__all__ = ["detect", "formats", "load", "load_all", "loads", "loads_all"]

PathArg = str | os.PathLike[str]

# Enough raw bytes for SNIFF_BYTES of text, even when it is UTF-32 or gzip-compressed.
_DETECT_READ: Final = SNIFF_BYTES * 4
_IMAGE_SCHEMES: Final = frozenset({"http", "https"})


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

    Args:
        path: The file to read. Gzip files are decompressed transparently.
        format: The name of a registered format, to skip detection.
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
    data = read_path(path, limits)
    return _first(_open(data, label, None, format, limits), strict, "load_all")


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

    Args:
        path: The file to read. Gzip files are decompressed transparently.
        format: The name of a registered format, to skip detection.
        strict: Raise :class:`~newsdoc.ParseError` on the first warning instead of recording it.
        limits: Safety limits; ``limits.max_documents`` caps how many are yielded.

    Returns:
        An iterator over the documents (exactly one for a single-document source).

    Raises:
        UnknownFormatError: No format recognised the content, or ``format`` names none.
        ParseError: The content is broken, or ``strict`` met a warning (while iterating).
        LimitExceededError: The input is over one of ``limits``.
        OSError: The file cannot be opened or read.
    """
    label = os.fspath(path)
    data = read_path(path, limits)
    opened = _open(data, label, None, format, limits)
    return opened.documents(strict)


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
        A registered format's name, such as ``"prezly"``.

    Raises:
        UnknownFormatError: No format recognised the content.
        LimitExceededError: The file is over a size limit.
        OSError: The file cannot be opened or read.
    """
    if isinstance(path, bytes | bytearray):
        head = content_head(bytes(path[:_DETECT_READ]), "<data>", _DETECT_READ, limits)
        return _detect(head, None).name
    label = os.fspath(path)
    # Sniffers see only the first few KiB; a large file is not read whole to detect it.
    head = read_head(path, _DETECT_READ, limits)
    return _detect(head, label).name


def formats() -> tuple[str, ...]:
    """The names of the registered formats, in the order they are asked when sniffing."""
    return default_registry.names()


@attrs.frozen
class _Opened:
    """A source whose format is known: what parsing and finishing its documents need."""

    data: bytes
    fmt: Format
    context: ParseContext
    warnings: tuple[ParseWarning, ...]

    def documents(self, strict: bool) -> Iterator[Document]:
        """Every document, parsed, enriched and checked as it is iterated."""
        return (_finish(draft, self, strict) for draft in self.drafts())

    def drafts(self) -> Iterator[Document]:
        """The parser's documents, with its failures translated and the count limited."""
        limit = self.context.limits.max_documents
        count = 0
        try:
            for draft in self.fmt.parse(self.data, self.context):
                count += 1
                if count > limit:
                    msg = (
                        f"{self.context.label}: the source holds more than "
                        f"limits.max_documents ({limit:,}) documents"
                    )
                    raise LimitExceededError(msg, source=self.context.source, limit="max_documents")
                if not isinstance(draft, Document):
                    # A plugin's bug, not the input's fault: say whose. (Typed plugins cannot
                    # get here, hence the ignore; untyped ones can.)
                    kind = type(draft).__name__  # type: ignore[unreachable]
                    msg = f"format {self.fmt.name!r} yielded {kind}, not Document"
                    raise TypeError(msg)
                yield draft
        except RecursionError:
            # Parsers walk with explicit stacks; this is the last line of defence.
            msg = f"{self.context.label}: {self.fmt.name}: the input nests too deeply to parse"
            raise LimitExceededError(msg, source=self.context.source, limit="max_depth") from None


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
    data: bytes, source: str | None, known: str | None, format_name: str | None, limits: Limits
) -> _Opened:
    warnings: tuple[ParseWarning, ...] = ()
    if known is None:
        data, warnings = gunzip_if_needed(data, source_label(source), limits)
    if format_name is not None:
        fmt = default_registry.get(format_name, source=source)
    else:
        fmt = _detect(data, source)
    context = ParseContext(source=source, limits=limits, encoding=known)
    return _Opened(data=data, fmt=fmt, context=context, warnings=warnings)


def _detect(data: bytes, source: str | None) -> Format:
    head = head_for_sniffing(data, SNIFF_BYTES)
    return default_registry.detect(head, sniff_name(source), source=source)


def _first(opened: _Opened, strict: bool, all_function: str) -> Document:
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
    return _finish(first, opened, strict, extra)


def _finish(
    draft: Document,
    opened: _Opened,
    strict: bool,
    extra_warnings: tuple[ParseWarning, ...] = (),
) -> Document:
    """Enrich a parser's document with what does not depend on its format, then check it."""
    document = _enrich(draft, opened, extra_warnings)
    if strict and document.warnings:
        warning = document.warnings[0]
        msg = f"{opened.context.label}: {warning.code}: {warning.message}"
        raise ParseError(msg, source=opened.context.source, code=warning.code)
    return document


def _enrich(draft: Document, opened: _Opened, extra_warnings: tuple[ParseWarning, ...]) -> Document:
    warnings: list[ParseWarning] = [*opened.warnings, *draft.warnings, *extra_warnings]
    metadata = _displayable(draft.metadata)
    title, subtitle = (
        without_display_controls(text) if text else text for text in (draft.title, draft.subtitle)
    )
    url = metadata.url
    base = page_url(url) if url is not None else None
    if base != url:
        metadata = attrs.evolve(metadata, url=base)
        if url is not None and base is None:
            warnings.append(
                METADATA_URL_DROPPED(
                    f"the document's URL {url[:200]!r} is not an absolute http(s) "
                    "URL; it was dropped",
                )
            )
    language = metadata.language
    if language is not None:
        normalized = normalize_language(language)
        if normalized is None:
            warnings.append(
                METADATA_BAD_LANGUAGE(
                    f"{language[:64]!r} is not a BCP 47 language tag; dropped",
                )
            )
        language = normalized
    links = _clean_urls(draft.links, base, KEPT_SCHEMES, LINK_DROPPED, warnings)
    images = _clean_urls(metadata.images, base, _IMAGE_SCHEMES, IMAGE_DROPPED, warnings)
    if language != metadata.language or images is not None:
        metadata = attrs.evolve(
            metadata,
            language=language,
            images=images if images is not None else metadata.images,
        )
    # Quotes are found in the body of every format, unless the parser found them itself.
    quotes = draft.quotes
    most = opened.context.limits.max_quotes
    if not quotes and draft.blocks and most:
        quotes, cut = quotes_within(draft.body, language=language or "en", max_quotes=most)
        if cut:
            warnings.append(
                QUOTES_LIMIT(
                    f"the body has more than {most:,} quoted stretches; the quotes "
                    f"after the first {most:,} were not read (Limits.max_quotes)",
                )
            )
    unchanged = (
        metadata is draft.metadata
        and title is draft.title
        and subtitle is draft.subtitle
        and quotes is draft.quotes
        and links is None
        and len(warnings) == len(draft.warnings)
        and draft.format == opened.fmt.name
        and draft.source == opened.context.source
    )
    if unchanged:
        return draft
    return attrs.evolve(
        draft,
        format=opened.fmt.name,
        source=opened.context.source,
        title=title,
        subtitle=subtitle,
        metadata=metadata,
        links=links if links is not None else draft.links,
        quotes=quotes,
        warnings=warnings,
    )


_WEB: Final = ("https://", "http://")


def _displayable(metadata: Metadata) -> Metadata:
    """``metadata`` with its names free of characters that change how they display."""
    names = [author.name for author in metadata.authors]
    if metadata.site_name is not None:
        names.append(metadata.site_name)
    if all(name.isprintable() for name in names):
        return metadata
    authors = tuple(
        attrs.evolve(author, name=cleaned)
        for author in metadata.authors
        if (cleaned := without_display_controls(author.name))
    )
    site = metadata.site_name and without_display_controls(metadata.site_name)
    return attrs.evolve(metadata, authors=authors, site_name=site or None)


_LinkOrImage = TypeVar("_LinkOrImage", Link, Image)


def _clean_urls(
    items: tuple[_LinkOrImage, ...],
    base: str | None,
    schemes: frozenset[str],
    code: WarningCode,
    warnings: list[ParseWarning],
) -> tuple[_LinkOrImage, ...] | None:
    """Items with their URLs made absolute, without those whose scheme is not in ``schemes``.

    Returns ``None`` when nothing changed, so the caller can keep the original tuple.
    """
    kept: list[_LinkOrImage] = []
    dropped: dict[str, int] = {}
    for item in items:
        if item.url is None or (item.url.startswith(_WEB) and not item.url[-1:].isspace()):
            kept.append(item)  # the common case: absolute already, nothing to resolve
            continue
        url = resolve_url(item.url, base)
        scheme = scheme_of(url)
        if scheme not in schemes:
            key = f"{scheme}:" if scheme else "relative"
            dropped[key] = dropped.get(key, 0) + 1
            continue
        kept.append(item if url == item.url else attrs.evolve(item, url=url))
    if dropped:
        counts = ", ".join(f"{count} {key}" for key, count in sorted(dropped.items()))
        *others, last = sorted(schemes)
        allowed = f"{', '.join(others)} or {last}" if others else last
        warnings.append(code(f"URLs that are not absolute {allowed} were dropped ({counts})"))
    if not dropped and all(new is old for new, old in zip(kept, items, strict=True)):
        return None
    return tuple(kept)


def load_member(
    member: Member,
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Document]:
    """The documents of one record of a web archive (a stand-in until the WARC reader lands)."""
    return loads_all(
        member.payload, source=member.source, format=format, strict=strict, limits=limits
    )
