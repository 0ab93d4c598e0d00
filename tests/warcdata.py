"""Small web archives built by hand, byte by byte, for the WARC tests (no library needed)."""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence

HTML_PAGE = (
    b"<!doctype html><html><head><title>Rivers rise in the valley</title></head><body>"
    b"<article><h1>Rivers rise in the valley</h1>"
    b"<p>The river rose by two metres overnight, the water board said on Tuesday, and the "
    b"towns along its banks were told to prepare sandbags before the weekend.</p>"
    b'<p>Read <a href="/weather/forecast">the forecast</a> and '
    b'<a href="https://other.example/about">about us</a>.</p>'
    b"</article></body></html>"
)


def page(title: str, extra: str = "") -> bytes:
    """A small article page whose title and first paragraph name ``title``."""
    return (
        f"<!doctype html><html><head><title>{title}</title>{extra}</head><body><article>"
        f"<h1>{title}</h1><p>{title}: the council met on Monday and agreed the new budget "
        "after a long debate about the roads, the schools and the library.</p>"
        "<p>The vote was close, and the opposition said it would ask again next year.</p>"
        "</article></body></html>"
    ).encode()


def http(
    body: bytes,
    *,
    status: str = "200 OK",
    content_type: str | None = "text/html; charset=utf-8",
    headers: Sequence[tuple[str, str]] = (),
) -> bytes:
    """An HTTP/1.1 response: status line, headers, blank line, body (as given)."""
    lines = [f"HTTP/1.1 {status}"]
    if content_type is not None:
        lines.append(f"Content-Type: {content_type}")
    lines += [f"{name}: {value}" for name, value in headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def record(
    kind: str,
    block: bytes = b"",
    *,
    uri: str | None = "https://news.example/story",
    number: int = 1,
    content_type: str | None = None,
    length: int | None = None,
) -> bytes:
    """One WARC/1.1 record with ``block``; ``length`` overrides the true Content-Length."""
    if content_type is None:
        content_type = {
            "response": "application/http; msgtype=response",
            "request": "application/http; msgtype=request",
            "warcinfo": "application/warc-fields",
        }.get(kind, "text/plain")
    lines = [
        "WARC/1.1",
        f"WARC-Type: {kind}",
        "WARC-Date: 2024-05-01T12:00:00Z",
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>",
    ]
    if uri is not None:
        lines.append(f"WARC-Target-URI: {uri}")
    lines += [
        f"Content-Type: {content_type}",
        f"Content-Length: {len(block) if length is None else length}",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def response(body: bytes, *, number: int = 1, uri: str | None = None, **http_args: object) -> bytes:
    """A response record holding ``http(body, ...)``."""
    target = uri or f"https://news.example/{number}/story"
    return record("response", http(body, **http_args), uri=target, number=number)  # type: ignore[arg-type]


def archive(records: Iterable[bytes], *, packed: bool) -> tuple[bytes, list[int]]:
    """The archive's bytes and each record's offset; ``packed``: one gzip member per record."""
    data = bytearray()
    offsets = []
    for item in records:
        offsets.append(len(data))
        data += gzip.compress(item, mtime=0) if packed else item
    return bytes(data), offsets


LATIN1_PAGE = (
    "<html><head><title>Café society</title></head><body><article><h1>Café society</h1>"
    "<p>À Paris, les cafés ferment plus tôt cette année, disent les propriétaires interrogés "
    "par la chambre de commerce, qui s'inquiète pour l'été.</p></article></body></html>"
).encode("latin-1")


def mixed_records() -> list[bytes]:
    """One record of every kind: warcinfo, request, three pages, and those passed over."""
    return [
        record("warcinfo", b"software: tests\r\n", uri=None, number=0),
        record("request", b"GET /1/story HTTP/1.1\r\n\r\n", number=1),
        response(HTML_PAGE, number=2, uri="https://news.example/world/rivers.html"),
        record("metadata", b"fetchTimeMs: 12\r\n", number=3),
        record(
            "response",
            http(LATIN1_PAGE, content_type="text/html; charset=ISO-8859-1"),
            uri=None,
            number=4,
        ),
        record("revisit", http(b"", status="304 Not Modified"), number=5),
        record("resource", b"<html><body><p>x</p></body></html>", number=6),
        response(b"\xff\xd8\xff\xe0 not a page", number=7, content_type="image/jpeg"),
        response(b"%PDF-1.7", number=8, content_type="application/pdf"),
        response(b"", number=9, status="301 Moved Permanently"),
        response(page("Missing"), number=10, status="404 Not Found"),
        response(page("Untyped story"), number=11, content_type=None),
    ]
