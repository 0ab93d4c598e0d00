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


# -- the golden fixture: tests/fixtures/warc/news.warc.gz ------------------------------------------

_HARBOUR = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge to close for repairs | The Coastal Courier</title>
<meta property="og:site_name" content="The Coastal Courier">
<meta name="author" content="Maria Lindqvist">
<meta property="article:published_time" content="2024-04-30T08:15:00+02:00">
</head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour bridge to close for repairs</h1>
<p class="byline">By Maria Lindqvist</p>
<p>The harbour bridge will close to traffic for six weeks from June, the city council
announced on Tuesday, while engineers replace the bearings under its eastern span.</p>
<p>"We know this is a long time for the people who cross it every day," said Anna Berg, who
chairs the council's transport committee. "But the bearings are forty years old."</p>
<p>Buses will be diverted over the northern ring road; the ferry will run every twenty
minutes instead of every half hour. <a href="/local/ferry-timetable">See the new timetable</a>.</p>
<figure><img src="/images/bridge.jpg" alt="The harbour bridge"><figcaption>The bridge
in March. Photo: Jonas Ek</figcaption></figure>
</article>
<footer>© 2024 The Coastal Courier</footer>
</body></html>
"""

_MARCHE = """<html><head><title>Le marché couvert rouvre ses portes</title></head><body>
<article><h1>Le marché couvert rouvre ses portes</h1>
<p>Après dix-huit mois de travaux, le marché couvert de la place Saint-Michel a rouvert samedi
matin. Les étals des maraîchers, des fromagers et des poissonniers ont retrouvé leur place
sous la charpente rénovée.</p>
<p>« C’est une renaissance pour le quartier », a déclaré la maire, Élodie Marchand, devant
une foule nombreuse. Les commerçants, eux, espèrent que la clientèle sera au rendez-vous.</p>
<p>Le chantier, qui devait durer un an, a pris du retard à cause de la découverte d’une
citerne ancienne sous le parvis. Les archéologues de la ville l’ont étudiée pendant trois
mois avant que les ouvriers puissent couler la nouvelle dalle.</p>
<p>Le marché sera ouvert du mardi au dimanche, de sept heures à quatorze heures, et jusqu’à
dix-neuf heures le vendredi. Un parking à vélos de quatre-vingts places a été installé le
long de la rue des Tanneurs.</p>
</article></body></html>
"""


def fixture_archive() -> bytes:
    """The golden fixture: two pages and the records an archive holds around them.

    ``python -m tests.warcdata`` writes it; its pages are written for the tests.
    """
    harbour = _HARBOUR.encode()
    chunked = (
        b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in (harbour[:700], harbour[700:]))
        + b"0\r\n\r\n"
    )
    records = [
        record("warcinfo", b"software: newsdoc tests\r\nformat: WARC 1.1\r\n", uri=None, number=0),
        record("request", b"GET /local/bridge HTTP/1.1\r\n\r\n", number=1),
        response(
            chunked,
            number=2,
            uri="https://courier.example/local/bridge",
            headers=[("Transfer-Encoding", "chunked")],
        ),
        record("metadata", b"fetchTimeMs: 84\r\n", number=3),
        response(b"\x89PNG\r\n\x1a\n", number=4, content_type="image/png"),
        response(b"", number=5, status="301 Moved Permanently"),
        response(
            gzip.compress(_MARCHE.encode("cp1252"), mtime=0),
            number=6,
            uri="https://journal.example/ville/marche-couvert",
            content_type="text/html; charset=windows-1252",
            headers=[("Content-Encoding", "gzip")],
        ),
    ]
    data, _ = archive(records, packed=True)
    return data


if __name__ == "__main__":
    from pathlib import Path

    target = Path(__file__).parent / "fixtures" / "warc" / "news.warc.gz"
    target.parent.mkdir(exist_ok=True)
    target.write_bytes(fixture_archive())
    print(f"{target}: {target.stat().st_size:,} bytes")
