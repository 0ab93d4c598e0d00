"""What every document goes through after its parser, whatever its format.

Links and images made absolute (against the document's URL, or the URL it was fetched from),
unsafe URLs dropped, names made safe to display, the language normalised and weighed against
the text's (identified from the text when none is stated), quotes found; then
the ``strict`` check. :class:`Opened` is a source whose format is known.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final, TypeVar

import attrs

from newsdoc._frozen import EMPTY
from newsdoc.analysis.identify import settle_language
from newsdoc.analysis.language import normalize_language
from newsdoc.analysis.quotes import quotes_within
from newsdoc.analysis.text import without_display_controls
from newsdoc.analysis.urls import KEPT_SCHEMES, page_url, resolve_url, scheme_of
from newsdoc.codes import (
    IMAGE_DROPPED,
    LANGUAGE_MISMATCH,
    LINK_DROPPED,
    METADATA_BAD_LANGUAGE,
    METADATA_URL_DROPPED,
    QUOTES_LIMIT,
    WarningCode,
)
from newsdoc.errors import LimitExceededError, ParseError
from newsdoc.model import Document, Image, Link, Metadata, ParseWarning
from newsdoc.registry import ByteStream, Format, ParseContext

__all__ = ["Opened", "finish"]

_IMAGE_SCHEMES: Final = frozenset({"http", "https"})


@attrs.frozen
class Opened:
    """A source whose format is known: what parsing and finishing its documents need."""

    data: bytes
    fmt: Format
    context: ParseContext
    warnings: tuple[ParseWarning, ...]
    #: Entries added to every document's ``metadata.extra`` (a web archive's record facts).
    extra: Mapping[str, object] = EMPTY
    #: The file's stream, for a format that reads one (``Format.stream``); ``data`` is unused.
    stream: ByteStream | None = None

    def documents(self, strict: bool) -> Iterator[Document]:
        """Every document, parsed, enriched and checked as it is iterated."""
        return (finish(draft, self, strict) for draft in self.drafts())

    def drafts(self) -> Iterator[Document]:
        """The parser's documents, with its failures translated and the count limited."""
        limit = self.context.limits.max_documents
        count = 0
        try:
            if self.stream is not None and self.fmt.stream is not None:
                drafts = self.fmt.stream(self.stream, self.context)
            else:
                drafts = self.fmt.parse(self.data, self.context)
            for draft in drafts:
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


def finish(
    draft: Document,
    opened: Opened,
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


def _enrich(draft: Document, opened: Opened, extra_warnings: tuple[ParseWarning, ...]) -> Document:
    warnings: list[ParseWarning] = [*opened.warnings, *draft.warnings, *extra_warnings]
    metadata = _displayable(draft.metadata)
    title, subtitle = (
        without_display_controls(text) if text else text for text in (draft.title, draft.subtitle)
    )
    stated = metadata.url
    # A page that states no URL of its own is where it was fetched from (a web archive's
    # record says where): its URL, and the base its relative links are resolved against.
    url = stated if stated is not None else opened.context.url
    base = page_url(url) if url is not None else None
    if base != stated:
        metadata = attrs.evolve(metadata, url=base)
        if url is not None and base is None:
            warnings.append(
                METADATA_URL_DROPPED(
                    f"the document's URL {url[:200]!r} is not an absolute http(s) "
                    "URL; it was dropped",
                )
            )
    language = _language(draft, title, warnings)
    links = _clean_urls(draft.links, base, KEPT_SCHEMES, LINK_DROPPED, warnings)
    images = _clean_urls(metadata.images, base, _IMAGE_SCHEMES, IMAGE_DROPPED, warnings)
    if language != metadata.language or images is not None:
        metadata = attrs.evolve(
            metadata,
            language=language,
            images=images if images is not None else metadata.images,
        )
    if opened.extra:
        metadata = attrs.evolve(metadata, extra={**metadata.extra, **opened.extra})
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


def _language(draft: Document, title: str | None, warnings: list[ParseWarning]) -> str | None:
    """The document's language: the stated one normalised, weighed against its text's."""
    stated = draft.metadata.language
    if stated is not None:
        normalized = normalize_language(stated)
        if normalized is None:
            warnings.append(
                METADATA_BAD_LANGUAGE(
                    f"{stated[:64]!r} is not a BCP 47 language tag; dropped, and the language "
                    "identified from the text instead",
                )
            )
        stated = normalized
    settled = settle_language(stated, title, (block.text for block in draft.blocks))
    if settled.mismatch is not None:
        warnings.append(
            LANGUAGE_MISMATCH(
                f"the source states the language {settled.mismatch!r}, but the text is "
                f"confidently {settled.language!r}: the text's language is kept",
            )
        )
    return settled.language


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
