"""Web archives through the api: detect, load, load_all, loads and load_member on WARC."""

from __future__ import annotations

import gzip
import importlib
import zlib
from pathlib import Path

import pytest

import newsdoc
from newsdoc.api import load_member
from newsdoc.archive import Broken, Member, Skipped, iter_members
from newsdoc.errors import UnknownFormatError
from newsdoc.parsers.html import FORMAT as HTML
from newsdoc.registry import default_registry
from tests.warcdata import (
    LATIN1_PAGE,
    archive,
    fixture_archive,
    mixed_records,
    page,
    record,
    response,
)

# The test extra installs every optional extra: a missing one fails here, never skips.
importlib.import_module("fastwarc")


def _write(tmp_path: Path, data: bytes, name: str) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _items(path: Path, **limits: int) -> list[Member | Skipped | Broken]:
    return list(iter_members(path, limits=newsdoc.Limits(**limits)))


@pytest.fixture(params=[False, True], ids=["plain", "gz"])
def packed(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


def test_detect_load_all_and_load_agree(tmp_path: Path, packed: bool) -> None:
    data, offsets = archive(mixed_records(), packed=packed)
    path = _write(tmp_path, data, "news.warc.gz" if packed else "news.warc")
    assert newsdoc.detect(path) == "warc"
    docs = list(newsdoc.load_all(path))
    assert [doc.title for doc in docs] == [
        "Rivers rise in the valley",
        "Café society",
        "Untyped story",
    ]
    assert [doc.source for doc in docs] == [f"{path}#{offsets[i]}" for i in (2, 4, 11)]
    assert {doc.format for doc in docs} == {"html"}
    rivers = docs[0]
    assert rivers.metadata.url == "https://news.example/world/rivers.html"
    assert dict(rivers.metadata.extra["warc"]) == {  # type: ignore[call-overload]
        "target_uri": "https://news.example/world/rivers.html",
        "date": "2024-05-01T12:00:00Z",
        "record_id": "<urn:uuid:00000000-0000-0000-0000-000000000002>",
    }
    # Relative links are resolved against the record's target URI.
    assert [link.url for link in rivers.links] == [
        "https://news.example/weather/forecast",
        "https://other.example/about",
    ]
    # The Latin-1 page says its charset only in the HTTP header.
    assert "À Paris" in docs[1].body
    assert docs[1].metadata.url is None
    first = newsdoc.load(path)
    assert first.title == "Rivers rise in the valley"
    assert first.warnings[-1].code == "source.multiple-documents"
    assert "3 documents" in first.warnings[-1].message


def test_a_page_that_states_its_url_keeps_it(tmp_path: Path) -> None:
    canonical = '<link rel="canonical" href="https://news.example/canonical/story">'
    data, _ = archive([response(page("Own URL", canonical), number=1)], packed=True)
    doc = newsdoc.load(_write(tmp_path, data, "own.warc.gz"))
    assert doc.metadata.url == "https://news.example/canonical/story"
    assert doc.metadata.extra["warc"]["target_uri"] == "https://news.example/1/story"  # type: ignore[index]


def test_loads_reads_warc_bytes_too(packed: bool) -> None:
    data, offsets = archive(mixed_records(), packed=packed)
    docs = list(newsdoc.loads_all(data, source="mem.warc"))
    assert [doc.source for doc in docs] == [f"mem.warc#{offsets[i]}" for i in (2, 4, 11)]
    assert newsdoc.loads(data).source == f"<data>#{offsets[2]}"


def test_warc_is_a_name_for_format_but_not_a_registered_format(tmp_path: Path) -> None:
    data, _ = archive([response(page("Named"), number=1)], packed=False)
    path = _write(tmp_path, data, "named.bin")
    assert newsdoc.load(path, format="warc").title == "Named"
    assert "warc" not in newsdoc.formats()
    # format= names the records' format: every page is read as that.
    assert newsdoc.load(path, format="text").format == "text"


def test_a_warc_head_is_no_longer_plain_text() -> None:
    data, _ = archive(mixed_records(), packed=False)
    with pytest.raises(UnknownFormatError):
        default_registry.detect(data[:8192], "x.warc")


def test_chunked_and_compressed_bodies_are_undone(tmp_path: Path, packed: bool) -> None:
    body = page("Chunked story")
    chunked = (
        b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in (body[:100], body[100:])) + b"0\r\n\r\n"
    )
    deflated = zlib.compress(page("Deflated story"))
    records = [
        response(chunked, number=1, headers=[("Transfer-Encoding", "chunked")]),
        response(gzip.compress(page("Gzipped story")), headers=[("Content-Encoding", "gzip")]),
        response(deflated, number=3, headers=[("Content-Encoding", "deflate")]),
        response(deflated[2:-4], number=4, headers=[("Content-Encoding", "deflate")]),
        response(
            b"%x\r\n" % len(gzip.compress(body)) + gzip.compress(body) + b"\r\n0\r\n\r\n",
            number=5,
            headers=[("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")],
        ),
        response(body, number=6, headers=[("Transfer-Encoding", "chunked")]),  # already undone
        response(chunked[:-5], number=7, headers=[("Transfer-Encoding", "chunked")]),  # no 0
    ]
    data, _ = archive(records, packed=packed)
    docs = list(newsdoc.load_all(_write(tmp_path, data, "encoded.warc")))
    assert [doc.title for doc in docs] == [
        "Chunked story",
        "Gzipped story",
        "Deflated story",
        "Deflated story",
        "Chunked story",
        "Chunked story",
        "Chunked story",
    ]


def test_a_truncated_archive_ends_with_one_broken_record(tmp_path: Path, packed: bool) -> None:
    data, offsets = archive(
        [response(page(f"Story {n}"), number=n) for n in (1, 2, 3)], packed=packed
    )
    path = _write(tmp_path, data[:-60], "cut.warc")
    items = _items(path)
    assert [type(item).__name__ for item in items] == ["Member", "Member", "Broken"]
    assert items[-1].source == f"{path}#{offsets[2]}"
    documents = newsdoc.load_all(path)
    assert next(documents).title == "Story 1"
    assert next(documents).title == "Story 2"
    with pytest.raises(newsdoc.ParseError, match=f"cut.warc: .* at offset {offsets[2]} "):
        next(documents)


def test_load_member_uses_the_transport_charset_and_url() -> None:
    member = Member(
        source="x.warc#0",
        payload=LATIN1_PAGE,
        url="https://news.example/fr/cafe",
        charset="iso-8859-1",
        content_type="text/html",
    )
    (doc,) = load_member(member)
    assert "À Paris" in doc.body
    assert (doc.source, doc.metadata.url) == ("x.warc#0", "https://news.example/fr/cafe")
    (text,) = load_member(member, format="text")
    assert text.format == "text"


def test_an_archive_with_no_page(tmp_path: Path) -> None:
    data, _ = archive([record("warcinfo", b"x: y\r\n", uri=None)], packed=False)
    path = _write(tmp_path, data, "empty.warc")
    assert list(newsdoc.load_all(path)) == []
    with pytest.raises(newsdoc.ParseError, match="holds no HTML page"):
        newsdoc.load(path)


def test_the_transport_charset_comes_after_a_bom_and_before_the_meta_tag() -> None:
    text = "<html><head><meta charset='windows-1251'><title>Zoë’s café</title></head></html>"
    utf8 = text.encode("utf-8")
    russian = "<html><head><meta charset='windows-1251'><title>Привет, мир</title></head></html>"

    def title(data: bytes, charset: str | None) -> str | None:
        context = newsdoc.ParseContext(source="x", charset=charset)
        return next(iter(HTML.parse(data, context))).title

    assert title(utf8, "utf-8") == "Zoë’s café"
    assert title(text.encode("cp1252"), "windows-1252") == "Zoë’s café"
    assert title(b"\xef\xbb\xbf" + utf8, "windows-1252") == "Zoë’s café"  # the BOM wins
    # A label no one knows is ignored: the page's own meta tag speaks.
    assert title(russian.encode("cp1251"), "no-such-charset") == "Привет, мир"
    assert title(russian.encode("cp1251"), None) == "Привет, мир"


def test_the_golden_archive_is_what_its_builder_writes() -> None:
    stored = Path(__file__).parent / "fixtures" / "warc" / "news.warc.gz"
    assert stored.stat().st_size < 20_000
    assert gzip.decompress(stored.read_bytes()) == gzip.decompress(fixture_archive())
