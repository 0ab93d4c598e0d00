"""What every producer's record is read with: its fields as text, dates, names and images.

A :class:`RecordReader` wraps one record (a JSON object), reads its fields the same way
whichever producer wrote it, collects the warnings, and makes the Document; what it reads is
named, so that every other field of the record goes to ``metadata.extra``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Final

from newsdoc.analysis.language import normalize_language
from newsdoc.analysis.text import clean_text, paragraphs
from newsdoc.codes import (
    ARTICLE_JSON_BAD_DATE,
    ARTICLE_JSON_BAD_FIELD,
    ARTICLE_JSON_NO_TEXT,
    ARTICLE_JSON_NO_TITLE,
    METADATA_BAD_LANGUAGE,
    WarningCode,
)
from newsdoc.html.meta.authors import clean_authors, names_of
from newsdoc.html.meta.values import date_value
from newsdoc.model import Author, Block, Document, Image, Metadata, ParseWarning
from newsdoc.registry import ParseContext

__all__ = ["NAME", "RecordReader", "blocks_of", "image_of"]

NAME: Final = "article-json"


def blocks_of(text: str | None) -> list[Block]:
    """A plain-text body as paragraphs: each line one (blank lines or single newlines alike)."""
    return [Block(kind="paragraph", text=line) for line in paragraphs(text or "")]


class RecordReader:
    """Reads the fields of one record; :meth:`document` makes its Document.

    Attributes:
        record: The record, a JSON object.
        producer: The producer's name, given in ``metadata.extra["producer"]``.
        context: The parse context.
        warnings: The warnings found so far.
        used: The fields read into typed places (the rest go to ``metadata.extra``).
    """

    def __init__(self, record: Mapping[str, object], producer: str, context: ParseContext) -> None:
        self.record = record
        self.producer = producer
        self.context = context
        self.warnings: list[ParseWarning] = []
        self.used: set[str] = set()
        self.kept: dict[str, object] = {}  # read fields that also go to extra (what they held more)

    def warn(self, code: WarningCode, message: str) -> None:
        """Record a warning of ``code``."""
        self.warnings.append(code(message))

    def value(self, key: str) -> object:
        """The field ``key``, marked as read."""
        self.used.add(key)
        return self.record.get(key)

    def text(self, *keys: str) -> str | None:
        """The first of ``keys`` that holds non-empty text, cleaned."""
        for key in keys:
            value = self.value(key)
            if isinstance(value, str):
                cleaned = clean_text(value)
                if cleaned:
                    return cleaned
            elif value is not None:
                self.warn(ARTICLE_JSON_BAD_FIELD, f"{key!r} is not text; kept in extra")
                self.kept[key] = value
        return None

    def raw_text(self, *keys: str) -> str | None:
        """The first of ``keys`` that holds a non-blank string, as it is (a body)."""
        for key in keys:
            value = self.value(key)
            if isinstance(value, str) and value.strip():
                return value
            if value is not None and not isinstance(value, str):
                self.warn(ARTICLE_JSON_BAD_FIELD, f"{key!r} is not text; kept in extra")
                self.kept[key] = value
        return None

    def date(self, key: str) -> datetime | None:
        """The field ``key`` as a date (ISO 8601, a Unix time, or words)."""
        value = self.value(key)
        if value is None or value == "":
            return None
        parsed = date_value(value)
        if parsed is None:
            self.warn(ARTICLE_JSON_BAD_DATE, f"{key!r} is no date: {str(value)[:64]!r}")
            self.kept[key] = value
        return parsed

    def strings(self, key: str, separator: str | None = None) -> list[str]:
        """The field ``key`` as clean strings: a list, or one string cut at ``separator``."""
        value = self.value(key)
        if isinstance(value, str):
            parts: Iterable[object] = value.split(separator) if separator else [value]
        elif isinstance(value, list):
            parts = value
        else:
            if value is not None:
                self.warn(ARTICLE_JSON_BAD_FIELD, f"{key!r} is not text or a list; kept in extra")
                self.kept[key] = value
            return []
        cleaned = (clean_text(part) for part in parts if isinstance(part, str))
        return list(dict.fromkeys(part for part in cleaned if part))

    def names(self, key: str, separator: str | None = None) -> list[str]:
        """The people the field ``key`` names: a list of names, or a byline-like string."""
        found: list[str] = []
        for part in self.strings(key, separator):
            found.extend(names_of(part))
        return found

    def language(self, *keys: str) -> str | None:
        """The first of ``keys`` that holds a BCP 47 tag, normalised."""
        for key in keys:
            raw = self.text(key)
            if raw is None:
                continue
            tag = normalize_language(raw)
            if tag is not None:
                return tag
            self.warn(METADATA_BAD_LANGUAGE, f"{raw[:64]!r} is not a language tag; dropped")
            self.kept[key] = raw
        return None

    def document(
        self,
        *,
        title: str | None,
        blocks: list[Block],
        metadata: Metadata,
        subtitle: str | None = None,
        authors: Iterable[str] = (),
        images: Iterable[Image | None] = (),
    ) -> Document:
        """The Document of the record, with every field not read in ``metadata.extra``."""
        if title is None:
            self.warn(ARTICLE_JSON_NO_TITLE, "the record has no title")
        if not blocks:
            self.warn(ARTICLE_JSON_NO_TEXT, "the record holds no body text")
        extra: dict[str, object] = {"producer": self.producer}
        for key, value in self.record.items():
            if key not in self.used and value is not None:
                # (a record's own "producer" field, rare, is kept beside ours)
                extra["producer_field" if key == "producer" else key] = value
        extra.update(self.kept)
        names = clean_authors(list(authors), metadata.site_name)
        return Document(
            format=NAME,
            source=self.context.source,
            title=title,
            subtitle=subtitle,
            blocks=blocks,
            metadata=Metadata(
                published=metadata.published,
                modified=metadata.modified,
                authors=[Author(name=name) for name in names],
                language=metadata.language,
                url=metadata.url,
                site_name=metadata.site_name,
                section=metadata.section,
                tags=metadata.tags,
                description=metadata.description,
                images=_unique(images),
                extra=extra,
            ),
            warnings=self.warnings,
        )


def image_of(value: object) -> Image | None:
    """An image as records give one: a URL, or an object with ``url`` (and a caption)."""
    if isinstance(value, str) and value.strip():
        return Image(url=value.strip())
    if isinstance(value, Mapping):
        url = value.get("url") or value.get("contentUrl") or value.get("src")
        if isinstance(url, str) and url.strip():
            caption = value.get("caption") or value.get("description")
            credit = value.get("credit") or value.get("copyright")
            return Image(
                url=url.strip(),
                caption=clean_text(caption) or None if isinstance(caption, str) else None,
                credit=clean_text(credit) or None if isinstance(credit, str) else None,
            )
    return None


def _unique(images: Iterable[Image | None]) -> list[Image]:
    seen: set[str] = set()
    kept: list[Image] = []
    for image in images:
        if image is not None and image.url not in seen:
            seen.add(image.url)
            kept.append(image)
    return kept
