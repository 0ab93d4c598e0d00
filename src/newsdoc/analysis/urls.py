"""URLs: resolving relative ones, keeping only the schemes a reader can follow, telling repeats."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

import attrs

from newsdoc.model import Link

__all__ = [
    "KEPT_SCHEMES",
    "comparable_url",
    "dedupe_related",
    "embedded_url",
    "is_absolute",
    "page_url",
    "resolve_url",
    "scheme_of",
]

#: The schemes a :class:`~newsdoc.Link` may have; others are dropped with a warning.
KEPT_SCHEMES: Final = frozenset({"http", "https", "mailto"})

# RFC 3986: a letter, then letters, digits, "+", "-" or "."; bounded, so it cannot backtrack.
_SCHEME: Final = re.compile(r"([A-Za-z][A-Za-z0-9+.-]{0,31}):")

# URLs longer than this are not parsed (urlsplit is linear, but nothing real is this long).
_MAX_URL: Final = 8192


def scheme_of(url: str) -> str | None:
    """The lower-case scheme of ``url``, or ``None`` for a relative URL."""
    match = _SCHEME.match(url)
    return match.group(1).lower() if match else None


# A host name at the start of a URL written without its scheme ("example.com/story").
_BARE_HOST: Final = re.compile(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}/")


def page_url(url: str) -> str | None:
    """``url`` as a document's own address: absolute ``http(s)``, or ``None``.

    A scheme-relative address (``//example.com/story``) and one that starts with a host name
    (``example.com/story``) get ``https:``; anything else (a path, ``javascript:``, ``file:``,
    a word) is no address a document can have.
    """
    url = url.strip()
    scheme = scheme_of(url)
    if scheme in ("http", "https"):
        return url
    if scheme is None and url.startswith("//") and len(url) > 2:
        return f"https:{url}"
    if scheme is None and _BARE_HOST.match(url):
        return f"https://{url}"
    return None


def is_absolute(url: str) -> bool:
    """Whether ``url`` has a scheme."""
    return scheme_of(url) is not None


def resolve_url(url: str, base: str | None) -> str:
    """``url`` made absolute against ``base`` when it is relative and ``base`` is absolute.

    Unparseable input is returned unchanged rather than raising.
    """
    url = url.strip()
    if base is None or is_absolute(url) or len(url) > _MAX_URL or len(base) > _MAX_URL:
        return url
    if scheme_of(base) not in ("http", "https"):
        return url
    try:
        if not urlsplit(base).netloc:
            return url
        return urljoin(base, url)
    except ValueError:
        return url


# Embed proxies that carry the embedded page's address in a query parameter.
_EMBED_PROXIES: Final = ("iframely.", "embedly.", "embed.ly")
# The query parameter that holds the embedded address (``url``, else ``src``).
_URL_PARAM: Final = re.compile(r"(?:^|&)url=([^&]*)")
_SRC_PARAM: Final = re.compile(r"(?:^|&)src=([^&]*)")


def embedded_url(src: str) -> str:
    """The address of the thing an embed shows, not of the service that renders it.

    ``https://iframely.net/api/iframe?url=https%3A%2F%2Fx.com%2F...`` gives the x.com URL; a
    cache-busting fragment that such proxies append (``#_cb...``) is dropped. A YouTube or
    Vimeo player address gives the video's own page. Other URLs are returned unchanged.
    """
    if len(src) > _MAX_URL:
        return src
    try:
        parts = urlsplit(src)
    except ValueError:
        return src
    host = parts.netloc.lower()
    if not any(proxy in host for proxy in _EMBED_PROXIES):
        return _player_page(host, parts.path) or src
    found = _URL_PARAM.search(parts.query) or _SRC_PARAM.search(parts.query)
    if found is None:
        return src
    embedded = unquote_plus(found.group(1)).strip()
    if scheme_of(embedded) not in ("http", "https"):
        return src
    target, _, fragment = embedded.partition("#")
    return target if fragment.startswith("_cb") or not fragment else embedded


# Video players whose embed address names the video (youtube.com/embed/ID,
# player.vimeo.com/video/ID).
_YOUTUBE_EMBED: Final = re.compile(r"/embed/([A-Za-z0-9_-]{6,20})/?")
_VIMEO_PLAYER: Final = re.compile(r"/video/([0-9]{1,20})/?")


def _player_page(host: str, path: str) -> str | None:
    """The watch page of a video whose player is embedded, or None for other addresses."""
    host = host.removeprefix("www.")
    if host in ("youtube.com", "youtube-nocookie.com"):
        match = _YOUTUBE_EMBED.fullmatch(path)
        return f"https://www.youtube.com/watch?v={match.group(1)}" if match else None
    if host == "player.vimeo.com":
        match = _VIMEO_PLAYER.fullmatch(path)
        return f"https://vimeo.com/{match.group(1)}" if match else None
    return None


def comparable_url(url: str) -> str:
    """``url`` reduced for comparing: the same page however a link writes its address.

    The scheme (``http`` as ``https``) and host in lower case, no ``www.``, no fragment, no
    trailing "/", no ``utm_`` tracking parameters.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = "&".join(
        pair for pair in parts.query.split("&") if pair and not pair.startswith("utm_")
    )
    path = parts.path.rstrip("/")
    scheme = "https" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, parts.netloc.lower().removeprefix("www."), path, query, ""))


def dedupe_related(links: list[Link]) -> list[Link]:
    """``links`` without repeated related ones (by :func:`comparable_url`).

    The first keeps its place and takes the text of a repeat when it has none; links of other
    kinds are kept as they are.
    """
    seen: dict[str, int] = {}
    kept: list[Link] = []
    for link in links:
        if link.kind != "related" or link.url is None:
            kept.append(link)
            continue
        key = comparable_url(link.url)
        if key not in seen:
            seen[key] = len(kept)
            kept.append(link)
        elif kept[seen[key]].text is None and link.text:
            kept[seen[key]] = attrs.evolve(kept[seen[key]], text=link.text)
    return kept
