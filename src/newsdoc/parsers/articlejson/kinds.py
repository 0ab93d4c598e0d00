"""Who wrote a record, told by its keys (a set: never their order).

One rule serves the sniff function, which sees the keys of the input's first 8 KiB (nested
ones too, of a document perhaps cut off), and the parser, which sees a record's own keys.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Final

from newsdoc.html.meta.jsonld import is_article_type

__all__ = ["JSON_LD", "NEWSAPI_RESPONSE", "head_keys", "head_kind", "kind_of"]

JSON_LD: Final = "json-ld"
NEWSAPI_RESPONSE: Final = "newsapi-response"

# Keys only news-please writes (beside title, url, language and description, which all do).
_NEWS_PLEASE: Final = frozenset(
    {
        "maintext", "date_publish", "date_modify", "date_download", "source_domain",
        "title_page", "title_rss", "localpath", "image_url", "filename",
    }
)  # fmt: skip
# Keys of trafilatura's JSON output that other producers do not write.
_TRAFILATURA: Final = frozenset(
    {
        "hostname", "raw_text", "fingerprint", "excerpt", "source-hostname", "sitename",
        "pagetype", "filedate", "license", "categories",
    }
)  # fmt: skip
_TRAFILATURA_TEXT: Final = frozenset({"text", "raw_text", "title"})
# Keys that Prezly stories carry: a record with them is Prezly's, never ours.
_PREZLY: Final = frozenset(
    {
        "format_version", "culture", "short_url", "newsroom", "tag_names", "header_image",
        "thumbnail_image", "social_image", "lifecycle_status", "is_pinned",
    }
)  # fmt: skip


def kind_of(keys: Collection[str], types: Collection[str] = ()) -> str | None:
    """The producer whose records have ``keys``, or ``None`` when no producer's keys fit.

    ``types`` are the schema.org types the keys' object (or the head) states in ``@type``.
    Returns ``"json-ld"``, ``"newsapi-response"``, ``"newsapi"``, ``"news-please"``,
    ``"fundus"``, ``"trafilatura"`` or ``None``.
    """
    if not _PREZLY.isdisjoint(keys):
        return None
    if ("@type" in keys or "@graph" in keys) and any(
        is_article_type(name, any_article=True) for name in types
    ):
        return JSON_LD
    if "articles" in keys and ("totalResults" in keys or "status" in keys):
        return NEWSAPI_RESPONSE
    if "publishedAt" in keys and ("urlToImage" in keys or "source" in keys):
        return "newsapi"
    news_please = _NEWS_PLEASE.intersection(keys)
    if "maintext" in news_please or len(news_please) >= 2:
        return "news-please"
    if "publishing_date" in keys or ("body" in keys and {"sections", "paragraphs"} <= set(keys)):
        return "fundus"
    if len(_TRAFILATURA.intersection(keys)) >= 2 and not _TRAFILATURA_TEXT.isdisjoint(keys):
        return "trafilatura"
    return None


# Every key of the head in one pass (the way the Prezly sniff reads it): one pattern, then sets.
_KEY: Final = re.compile(rb'"([@A-Za-z_][A-Za-z0-9_@-]{0,40})"\s*:')
_TYPE: Final = re.compile(rb'"@type"\s*:[\s\[]*"([A-Za-z]{1,60})"')


def head_keys(head: bytes) -> set[str]:
    """Every key written in ``head`` (at any depth), as text."""
    return {key.decode("ascii") for key in _KEY.findall(head)}


def head_kind(head: bytes) -> str | None:
    """What :func:`kind_of` says of the keys and ``@type`` values written in ``head``."""
    types = [name.decode("ascii") for name in _TYPE.findall(head)]
    return kind_of(head_keys(head), types)
