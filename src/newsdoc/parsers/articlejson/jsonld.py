"""schema.org articles in a JSON-LD file: one Document per article object.

The objects are found, and their fields read, by the HTML format's own JSON-LD reader
(:mod:`newsdoc.html.meta.jsonld`: arrays, ``@graph``, ``mainEntity`` and ``@id`` references;
``headline``, ``datePublished``, ``author``, ``publisher``, ``keywords``, ``image``,
``articleBody``...), so that an article reads the same from a file as from a page. Only what a
page has no use for is read here: ``alternativeHeadline`` as the subtitle, and the fields with
no typed home, which go to ``metadata.extra``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Final

from newsdoc.analysis.text import clean_text
from newsdoc.codes import METADATA_BAD_LANGUAGE
from newsdoc.html.meta.jsonld import from_json_ld, json_ld_articles
from newsdoc.html.meta.record import PageMeta
from newsdoc.html.meta.values import unescaped
from newsdoc.model import Document, Image, Metadata
from newsdoc.parsers.articlejson.kinds import JSON_LD
from newsdoc.parsers.articlejson.record import RecordReader, blocks_of
from newsdoc.registry import ParseContext

__all__ = ["articles_in"]

# Fields the shared reader maps in full; each other field goes to metadata.extra, and so do
# the people, publisher and images that say more than the reader takes (a URL, a logo).
_MAPPED: Final = frozenset(
    {
        "headline", "alternativeHeadline", "description", "datePublished", "dateModified",
        "inLanguage", "mainEntityOfPage", "url", "keywords", "articleBody",
    }
)  # fmt: skip
_SIMPLE: Final = {
    "author": frozenset({"@type", "name", "givenName", "familyName"}),
    "creator": frozenset({"@type", "name", "givenName", "familyName"}),
    "publisher": frozenset({"@type", "name"}),
    "image": frozenset({"@type", "url", "contentUrl"}),
}


def articles_in(value: object, context: ParseContext) -> Iterator[Document]:
    """The Document of every article object of a JSON-LD value, in order."""
    most = context.limits.max_documents * 4 + 1000
    for item in json_ld_articles(value, any_article=True, max_items=most):
        yield _read(item, context)


def _read(item: Mapping[str, object], context: ParseContext) -> Document:
    reader = RecordReader(item, JSON_LD, context)
    meta = PageMeta()
    from_json_ld(meta, dict(item))
    reader.used.update(_MAPPED)
    for key, allowed in _SIMPLE.items():
        if _says_no_more(item.get(key), allowed):
            reader.used.add(key)
    section = item.get("articleSection")
    if isinstance(section, str) or (isinstance(section, list) and len(section) <= 1):
        reader.used.add("articleSection")
    title = unescaped(meta.title)
    if title is not None and title == clean_text(str(item.get("name") or "")):
        reader.used.add("name")
    if meta.bad_languages:
        reader.warn(
            METADATA_BAD_LANGUAGE, f"{meta.bad_languages[0][:64]!r} is not a language tag; dropped"
        )
        reader.used.discard("inLanguage")
    subtitle = item.get("alternativeHeadline")
    metadata = Metadata(
        published=meta.published,
        modified=meta.modified,
        language=meta.language,
        url=meta.url,
        site_name=unescaped(meta.site_name),
        section=unescaped(meta.section),
        tags=[tag for tag in dict.fromkeys(unescaped(tag) for tag in meta.tags) if tag],
        description=unescaped(meta.description),
    )
    return reader.document(
        title=title,
        subtitle=clean_text(subtitle) or None if isinstance(subtitle, str) else None,
        blocks=blocks_of(meta.article_body),
        metadata=metadata,
        authors=meta.authors,
        images=[Image(url=url) for url in meta.images],
    )


def _says_no_more(value: object, allowed: frozenset[str]) -> bool:
    """Whether ``value`` (text, an object or a list of them) holds no key beyond ``allowed``."""
    items = value if isinstance(value, list) else [value]
    return all(
        isinstance(item, str) or (isinstance(item, Mapping) and item.keys() <= allowed)
        for item in items
    )
