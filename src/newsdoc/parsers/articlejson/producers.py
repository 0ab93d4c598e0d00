"""The records of the common producers, each read into a Document.

news-please, fundus, NewsAPI and trafilatura each write an article as a JSON object of their
own keys. A reader per producer maps the fields that have a typed home; every other field goes
to ``metadata.extra`` (with ``"producer"`` naming who wrote the record). Which producer wrote
a record is told by :mod:`.kinds`, from its keys.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Final

from newsdoc.analysis.text import clean_text
from newsdoc.codes import ARTICLE_JSON_TRUNCATED
from newsdoc.model import Block, Document, Image, Metadata
from newsdoc.parsers.articlejson.record import RecordReader, blocks_of, image_of
from newsdoc.registry import ParseContext

__all__ = ["READERS", "truncated"]


def news_please(record: Mapping[str, object], context: ParseContext) -> Document:
    """A news-please record (``maintext``, ``date_publish``, ``authors``, ``source_domain``...)."""
    reader = RecordReader(record, "news-please", context)
    body = reader.raw_text("maintext", "text")
    metadata = Metadata(
        published=reader.date("date_publish"),
        modified=reader.date("date_modify"),
        language=reader.language("language"),
        url=reader.text("url"),
        site_name=reader.text("source_domain"),
        description=reader.text("description"),
    )
    return reader.document(
        title=reader.text("title", "title_page", "title_rss"),
        blocks=blocks_of(body),
        metadata=metadata,
        authors=reader.names("authors"),
        images=[image_of(reader.value("image_url"))],
    )


def fundus(record: Mapping[str, object], context: ParseContext) -> Document:
    """A fundus article (``body`` of ``summary`` and ``sections``, ``publishing_date``...)."""
    reader = RecordReader(record, "fundus", context)
    body = reader.value("body")
    summary: list[str] = []
    blocks: list[Block] = []
    if isinstance(body, Mapping):
        summary = _texts(body.get("summary"))
        sections = body.get("sections")
        for section in sections if isinstance(sections, list) else []:
            if isinstance(section, Mapping):
                blocks.extend(
                    Block(kind="heading", text=t) for t in _texts(section.get("headline"))
                )
                blocks.extend(
                    Block(kind="paragraph", text=t) for t in _texts(section.get("paragraphs"))
                )
    elif isinstance(body, str):
        blocks = blocks_of(body)
    if not blocks:
        blocks = blocks_of(reader.raw_text("plaintext", "text"))
    html = record.get("html")
    url = reader.text("url")
    if url is None and isinstance(html, Mapping):
        found = html.get("responded_url") or html.get("requested_url")
        url = clean_text(found) or None if isinstance(found, str) else None
    site = reader.text("publisher")
    if site is None and isinstance(html, Mapping):
        info = html.get("source_info") or html.get("source")
        name = info.get("publisher") if isinstance(info, Mapping) else None
        site = clean_text(name) or None if isinstance(name, str) else None
    images = reader.value("images")
    if isinstance(images, list) and images:
        reader.kept["images"] = images  # every version, the positions: more than Image holds
    metadata = Metadata(
        published=reader.date("publishing_date"),
        language=reader.language("language", "lang"),
        url=url,
        site_name=site,
        tags=reader.strings("topics"),
    )
    return reader.document(
        title=reader.text("title"),
        subtitle=" ".join(summary) or None,
        blocks=blocks,
        metadata=metadata,
        authors=reader.names("authors"),
        images=[_fundus_image(item) for item in images] if isinstance(images, list) else [],
    )


def newsapi(record: Mapping[str, object], context: ParseContext) -> Document:
    """A NewsAPI article (``source``, ``urlToImage``, ``publishedAt``, a cut-off ``content``)."""
    reader = RecordReader(record, "newsapi", context)
    source = reader.value("source")
    site = None
    if isinstance(source, Mapping):
        name = source.get("name")
        site = clean_text(name) or None if isinstance(name, str) else None
        if source.keys() - {"name"}:
            reader.kept["source"] = source  # its id
    content = reader.raw_text("content")
    cut = truncated(content) if content else None
    if cut is not None:
        content, missing = cut
        reader.warn(
            ARTICLE_JSON_TRUNCATED,
            f"NewsAPI cut the body off: {missing:,} more characters were not given",
        )
    metadata = Metadata(
        published=reader.date("publishedAt"),
        url=reader.text("url"),
        site_name=site,
        description=reader.text("description"),
    )
    return reader.document(
        title=reader.text("title"),
        blocks=blocks_of(content),
        metadata=metadata,
        authors=reader.names("author"),
        images=[image_of(reader.value("urlToImage"))],
    )


def trafilatura(record: Mapping[str, object], context: ParseContext) -> Document:
    """The JSON output of trafilatura (``text``, ``hostname``, ``excerpt``, ``categories``...)."""
    reader = RecordReader(record, "trafilatura", context)
    body = reader.raw_text("text", "raw_text")
    if "text" in record and isinstance(record.get("text"), str):
        reader.used.discard("raw_text")  # the same body without its line breaks: kept
    categories = reader.strings("categories", ";")
    if len(categories) > 1:
        reader.kept["categories"] = record["categories"]
    url = reader.text("url")
    source = record.get("source")
    if url is None and isinstance(source, str) and source.startswith(("http://", "https://")):
        url = reader.text("source")
    metadata = Metadata(
        published=reader.date("date"),
        language=reader.language("language"),
        url=url,
        site_name=reader.text("sitename", "source-hostname", "hostname"),
        section=categories[0] if categories else None,
        tags=reader.strings("tags", ";"),
        description=reader.text("excerpt", "description"),
    )
    return reader.document(
        title=reader.text("title"),
        blocks=blocks_of(body),
        metadata=metadata,
        authors=reader.names("author", ";"),
        images=[image_of(reader.value("image"))],
    )


#: The reader of each producer's records, by the producer's name.
READERS: Final[dict[str, Callable[[Mapping[str, object], ParseContext], Document]]] = {
    "news-please": news_please,
    "fundus": fundus,
    "newsapi": newsapi,
    "trafilatura": trafilatura,
}


def truncated(content: str) -> tuple[str, int] | None:
    """``content`` without NewsAPI's "… [+1234 chars]" and the count, or ``None`` if whole."""
    stripped = content.rstrip()
    if not stripped.endswith(" chars]"):
        return None
    start = stripped.rfind("[+")
    count = stripped[start + 2 : -len(" chars]")] if start >= 0 else ""
    if not count.isdigit():
        return None
    kept = stripped[:start].rstrip().removesuffix("…").removesuffix("...").rstrip()
    return kept, int(count)


def _texts(value: object) -> list[str]:
    """A fundus text sequence (a list of strings, or one string) as clean, non-empty strings."""
    items: list[object] = value if isinstance(value, list) else [value]
    cleaned = (clean_text(item) for item in items if isinstance(item, str))
    return [text for text in cleaned if text]


def _fundus_image(value: object) -> Image | None:
    """A fundus image: its versions' largest URL, its caption and its authors as the credit."""
    if not isinstance(value, Mapping):
        return image_of(value)
    versions = value.get("versions")
    urls: Iterator[tuple[int, str]] = (
        (width if isinstance(width := version.get("width"), int) else 0, version["url"])
        for version in (versions if isinstance(versions, list) else [])
        if isinstance(version, Mapping) and isinstance(version.get("url"), str)
    )
    best = max(urls, default=None, key=lambda pair: pair[0])
    url = best[1] if best is not None else value.get("url")
    if not isinstance(url, str) or not url.strip():
        return None
    caption = value.get("caption") or value.get("description")
    authors = value.get("authors")
    credit = (
        ", ".join(a for a in authors if isinstance(a, str)) if isinstance(authors, list) else ""
    )
    return Image(
        url=url.strip(),
        caption=clean_text(caption) or None if isinstance(caption, str) else None,
        credit=clean_text(credit) or None,
    )
