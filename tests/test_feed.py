"""The feed format: RFC 822 dates as feeds write them, sniffing, recovery and hostile input."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta, timezone

import pytest

import newsdoc
from newsdoc.analysis.rfc822 import parse_feed_date, parse_rfc822_datetime
from newsdoc.errors import ParseError
from newsdoc.parsers.feed import sniff
from newsdoc.registry import SNIFF_BYTES
from tests.conftest import FIXTURES, fixture_inputs

UTC = UTC


def _zone(hours: float) -> timezone:
    return timezone(timedelta(hours=hours))


# -- dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sat, 07 Sep 2002 09:42:31 GMT", datetime(2002, 9, 7, 9, 42, 31, tzinfo=UTC)),
        ("Sat, 07 Sep 2002 09:42:31 +0200", datetime(2002, 9, 7, 9, 42, 31, tzinfo=_zone(2))),
        ("Sat, 07 Sep 2002 09:42:31 -05:30", datetime(2002, 9, 7, 9, 42, 31, tzinfo=_zone(-5.5))),
        # named zones
        ("Sat, 07 Sep 2002 09:42:31 UT", datetime(2002, 9, 7, 9, 42, 31, tzinfo=UTC)),
        ("Sat, 07 Sep 2002 09:42:31 Z", datetime(2002, 9, 7, 9, 42, 31, tzinfo=UTC)),
        ("Sat, 07 Sep 2002 09:42:31 EST", datetime(2002, 9, 7, 9, 42, 31, tzinfo=_zone(-5))),
        ("Sat, 07 Sep 2002 09:42:31 PDT", datetime(2002, 9, 7, 9, 42, 31, tzinfo=_zone(-7))),
        ("Sat, 07 Sep 2002 09:42:31 cdt", datetime(2002, 9, 7, 9, 42, 31, tzinfo=_zone(-5))),
        # military zones, as RFC 822 lists them
        ("Sat, 07 Sep 2002 09:42:31 A", datetime(2002, 9, 7, 9, 42, 31, tzinfo=_zone(-1))),
        ("Sat, 07 Sep 2002 09:42:31 N", datetime(2002, 9, 7, 9, 42, 31, tzinfo=_zone(1))),
        ("Sat, 07 Sep 2002 09:42:31 Y", datetime(2002, 9, 7, 9, 42, 31, tzinfo=_zone(12))),
        # no seconds, a wrong weekday, no weekday, no comma
        ("Mon, 07 Sep 2002 09:42 GMT", datetime(2002, 9, 7, 9, 42, tzinfo=UTC)),
        ("07 Sep 2002 09:42:31 GMT", datetime(2002, 9, 7, 9, 42, 31, tzinfo=UTC)),
        ("Sat 07 Sep 2002 09:42:31 GMT", datetime(2002, 9, 7, 9, 42, 31, tzinfo=UTC)),
        # two-digit years, as RFC 2822 reads them
        ("Sat, 07 Sep 02 09:42:31 GMT", datetime(2002, 9, 7, 9, 42, 31, tzinfo=UTC)),
        ("Tue, 07 Sep 99 09:42:31 GMT", datetime(1999, 9, 7, 9, 42, 31, tzinfo=UTC)),
        # month spellings and order
        ("Thu, 18 Sept 2024 05:00 -0700", datetime(2024, 9, 18, 5, tzinfo=_zone(-7))),
        ("Thursday, 18 September 2024 05:00 -0700", datetime(2024, 9, 18, 5, tzinfo=_zone(-7))),
        ("Thu, Sep 18 2024 05:00:00 GMT", datetime(2024, 9, 18, 5, tzinfo=UTC)),
        ("Sat, 7 sep 2002 9:42:31 gmt", datetime(2002, 9, 7, 9, 42, 31, tzinfo=UTC)),
        # a numeric offset wins over a zone name beside it
        ("Sat, 07 Sep 2002 09:42:31 GMT+0200", datetime(2002, 9, 7, 9, 42, 31, tzinfo=_zone(2))),
        # no zone: naive
        ("Sat, 07 Sep 2002 09:42:31", datetime(2002, 9, 7, 9, 42, 31)),
        ("7 Sep 2002", datetime(2002, 9, 7)),
        ("Sat, 07 Sep 2002 09:42 PM", datetime(2002, 9, 7, 21, 42)),
        # a misspelt weekday; RFC 850; asctime; a 12-hour clock and a zone
        ("Thus, 3 January 2013 04:24:36 GMT", datetime(2013, 1, 3, 4, 24, 36, tzinfo=UTC)),
        ("Sunday, 06-Nov-94 08:49:37 GMT", datetime(1994, 11, 6, 8, 49, 37, tzinfo=UTC)),
        ("Sun Nov  6 08:49:37 1994", datetime(1994, 11, 6, 8, 49, 37)),
        ("Apr 26, 2013 11:30:00 PM EST", datetime(2013, 4, 26, 23, 30, tzinfo=_zone(-5))),
        ("Mon, 12 Sep 2011 12:00:00 +0000 (UTC)", datetime(2011, 9, 12, 12, tzinfo=UTC)),
    ],
)
def test_rfc822_dates_as_feeds_write_them(text: str, expected: datetime) -> None:
    assert parse_rfc822_datetime(text) == expected
    assert parse_feed_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-06-01T08:00:00-07:00", datetime(2024, 6, 1, 8, tzinfo=_zone(-7))),
        ("2024-06-01T08:00:00Z", datetime(2024, 6, 1, 8, tzinfo=UTC)),
        ("2024-06-01T08:00:00.123+02:00", datetime(2024, 6, 1, 8, 0, 0, 123000, tzinfo=_zone(2))),
        ("2024-06-01", datetime(2024, 6, 1)),
        ("2013-04-02 00:00:01 -0400", datetime(2013, 4, 2, 0, 0, 1, tzinfo=_zone(-4))),
    ],
)
def test_iso_dates(text: str, expected: datetime) -> None:
    assert parse_feed_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "", "yesterday", "Sat, 32 Sep 2002 09:42:31 GMT", "Sat, 07 Foo 2002 09:42:31 GMT",
        "Sat, 07 Sep 2002 25:42:31 GMT", "07 Sep", "Sep 2002", "1 2 3 4 5", "x" * 100,
        "Sat, 07 Sep 2002 09:42:31 J", "Sat, 07 Sep 1066 09:42:31 GMT",
    ],
)  # fmt: skip
def test_not_dates(text: str) -> None:
    assert parse_feed_date(text) is None


# -- sniffing --------------------------------------------------------------------------------------

FEEDS = [path for path in fixture_inputs() if path.parent.name == "feed"]
OTHERS = [path for path in fixture_inputs() if path.parent.name != "feed"]


def test_there_are_feeds_to_sniff() -> None:
    assert len(FEEDS) >= 8


@pytest.mark.parametrize("path", FEEDS, ids=[path.name for path in FEEDS])
def test_every_feed_is_claimed(path: object) -> None:
    assert newsdoc.detect(path) == "feed"  # type: ignore[arg-type]


def test_no_other_fixture_is_claimed() -> None:
    claimed = [
        str(path.relative_to(FIXTURES))
        for path in OTHERS
        if sniff(path.read_bytes()[:SNIFF_BYTES], path.name) > 0
    ]
    assert claimed == []


@pytest.mark.parametrize(
    "head",
    [
        b"<!DOCTYPE html><html><head><title>RSS feeds</title></head><body><rss></rss></body>",
        b"<html><body><p>Our feed: &lt;rss version=2.0&gt;</p></body></html>",
        b'{"title": "A story", "format_version": 3, "culture": "en"}',
        b'{"version": "1.0", "items": []}',
        b"RSS feeds are the oldest way to follow news.\n",
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
        b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        b"<?xml version='1.0'?><!-- a comment",
        b"",
    ],
)
def test_not_a_feed(head: bytes) -> None:
    assert sniff(head, None) == 0.0


@pytest.mark.parametrize(
    "head",
    [
        b'<rss version="2.0">',
        b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- made by hand -->\n<rss version="0.91">',
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "x.dtd"><rss>',
        b'<!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0">',
        b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><feed xmlns="http://www.w3.org/2005/Atom">',
        b'<atom:feed xmlns:atom="http://www.w3.org/2005/Atom">',
        b'<rdf:RDF xmlns="http://purl.org/rss/1.0/" xmlns:rdf="x">',
        b'{\n  "version" : "https:\\/\\/jsonfeed.org\\/version\\/1",\n "items": []}',
    ],
)
def test_a_feed(head: bytes) -> None:
    assert sniff(head, None) >= 0.9


def test_sniffing_beats_the_text_format() -> None:
    data = b"<rss version='2.0'><channel><title>News</title></channel></rss>"
    assert newsdoc.detect(data) == "feed"


# -- reading ---------------------------------------------------------------------------------------


def _rss(items: str, head: str = "") -> bytes:
    return (
        f'{head}<rss version="2.0"><channel><title>Town News</title><language>en</language>'
        f"{items}</channel></rss>"
    ).encode()


def test_load_gives_the_first_item_with_a_warning() -> None:
    data = _rss("<item><title>One</title></item><item><title>Two</title></item>")
    doc = newsdoc.loads(data)
    assert doc.title == "One"
    assert "source.multiple-documents" in [warning.code for warning in doc.warnings]
    assert [doc.title for doc in newsdoc.loads_all(data)] == ["One", "Two"]


def test_a_feed_without_items_is_an_error() -> None:
    with pytest.raises(ParseError, match="holds no items"):
        newsdoc.loads(_rss(""), source="empty.xml")


def test_an_xml_document_that_is_no_feed_is_an_error() -> None:
    with pytest.raises(ParseError, match="root <urlset>"):
        newsdoc.loads(b"<urlset><url/></urlset>", format="feed")


def test_html_entities_and_undeclared_prefixes() -> None:
    data = _rss(
        "<item><title>Caf&eacute; &amp; bar&nbsp;open</title>"
        "<dc:creator>Ana Lima</dc:creator><description>Open&hellip;</description></item>"
    )
    doc = newsdoc.loads(data)
    assert doc.title == "Café & bar open"
    assert [author.name for author in doc.metadata.authors] == ["Ana Lima"]
    assert doc.body == "Open…"


def test_the_body_is_the_richer_of_content_and_summary() -> None:
    data = _rss(
        '<item xmlns:content="http://purl.org/rss/1.0/modules/content/"><title>T</title>'
        "<description>Short.</description>"
        "<content:encoded><![CDATA[<p>The long text.</p><p>More of it.</p>]]></content:encoded>"
        "</item>"
    )
    doc = newsdoc.loads(data)
    assert doc.body == "The long text.\n\nMore of it."
    assert doc.metadata.description == "Short."


def test_a_bad_date_is_a_warning() -> None:
    doc = newsdoc.loads(_rss("<item><title>T</title><pubDate>last Tuesday</pubDate></item>"))
    assert doc.metadata.published is None
    assert "feed.bad-date" in [warning.code for warning in doc.warnings]


def test_a_truncated_feed_keeps_its_items() -> None:
    data = _rss("<item><title>One</title></item><item><title>Two</title></item>")[:-30]
    docs = list(newsdoc.loads_all(data))
    assert [doc.title for doc in docs] == ["One", "Two"]
    assert docs[0].warnings[0].code == "feed.malformed"


def test_a_bom_and_utf16() -> None:
    text = (
        '<?xml version="1.0" encoding="utf-16"?>'
        "<rss><channel><item><title>Ü</title></item></channel></rss>"
    )
    assert newsdoc.loads(b"\xef\xbb\xbf" + text.encode()).title == "Ü"
    assert newsdoc.loads(text.encode("utf-16")).title == "Ü"


def test_rss_title_tags_and_relative_links() -> None:
    data = _rss(
        "<link>https://town.example/news/</link>"
        "<item><title>&lt;b&gt;Breaking:&lt;/b&gt; 3 &lt; 4 &amp;amp; x &gt; y</title>"
        "<link>2024/story.html</link></item>"
    )
    doc = newsdoc.loads(data)
    assert doc.title == "Breaking: 3 < 4 & x > y"
    assert doc.metadata.url == "https://town.example/news/2024/story.html"


def test_feed_authors_are_the_items_default_in_atom_and_json_feed() -> None:
    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>'
        b"<author><name>Feed Writer</name></author>"
        b"<entry><title>A</title></entry>"
        b"<entry><title>B</title><author><name>Own Writer</name></author></entry></feed>"
    )
    names = [[a.name for a in doc.metadata.authors] for doc in newsdoc.loads_all(atom)]
    assert names == [["Feed Writer"], ["Own Writer"]]
    json_feed = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "F",'
        b' "authors": [{"name": "Feed Writer"}], "items": [{"id": "1", "title": "A"}]}'
    )
    assert newsdoc.loads(json_feed).metadata.authors[0].name == "Feed Writer"


def test_rss_090() -> None:
    data = (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        b' xmlns="http://my.netscape.com/rdf/simple/0.9/">'
        b"<channel><title>Old News</title><link>https://old.example/</link></channel>"
        b"<item><title>First</title><link>https://old.example/1</link></item></rdf:RDF>"
    )
    assert newsdoc.detect(data) == "feed"
    doc = newsdoc.loads(data)
    assert (doc.title, doc.metadata.url, doc.metadata.site_name) == (
        "First",
        "https://old.example/1",
        "Old News",
    )
    assert doc.metadata.extra["feed"]["version"] == "rss0.90"  # type: ignore[index]


def test_declared_latin1_with_windows_quotes() -> None:
    text = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel>'
        "<item><title>L\u2019\u00e9t\u00e9</title></item></channel></rss>"
    )
    assert newsdoc.loads(text.encode("cp1252")).title == "L\u2019\u00e9t\u00e9"


# -- hostile input ---------------------------------------------------------------------------------

_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'
        for n in range(1, 10)
    )
    + ']><rss version="2.0"><channel><title>T</title>'
    "<item><title>Bomb &lol9;</title><description>&lol9;&lol9;</description></item>"
    "</channel></rss>"
).encode()


def _bounded(data: bytes) -> list[newsdoc.Document]:
    start = time.process_time()
    try:
        docs = list(newsdoc.loads_all(data, format="feed"))
    except newsdoc.NewsdocError:
        docs = []
    assert time.process_time() - start < 2.0
    return docs


def test_an_entity_bomb_stays_unexpanded() -> None:
    docs = _bounded(_BOMB)
    assert len(docs) == 1
    assert "lol" not in (docs[0].title or "") + docs[0].body


def test_an_external_entity_is_never_read(tmp_path: object) -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">'
        b'<!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]><rss version="2.0"><channel>'
        b"<item><title>A &xxe; B &remote;</title><description>&xxe;</description></item>"
        b"</channel></rss>"
    )
    docs = _bounded(data)
    assert len(docs) == 1
    assert "root:" not in (docs[0].title or "") + docs[0].body


def test_deep_nesting_is_bounded() -> None:
    depth = 10_000
    nested = "<x>" * depth + "deep" + "</x>" * depth
    data = _rss(f"<item><title>Deep</title><description>{nested}</description></item>")
    docs = _bounded(data)
    assert [doc.title for doc in docs] in ([], ["Deep"])
    escaped = _rss(
        f"<item><title>Deep</title><description>{'&lt;div&gt;' * depth}text</description></item>"
    )
    docs = _bounded(escaped)
    assert docs[0].title == "Deep"
