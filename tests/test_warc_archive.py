"""Web archives record by record: what newsdoc.archive yields for every kind of record."""

from __future__ import annotations

import gzip
import importlib
import io
import pickle
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsdoc
from newsdoc.archive import (
    SKIP_REASONS,
    Broken,
    Member,
    Skipped,
    is_archive,
    iter_members,
    iter_stream,
)
from tests.warcdata import HTML_PAGE, archive, http, mixed_records, page, record, response

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


def test_a_warc_is_recognised_by_its_version_line() -> None:
    for line in (b"WARC/1.0\r\n", b"WARC/1.1\r\n", b"WARC/0.18\r\n", b"\r\nWARC/1.0\n"):
        assert is_archive(line + b"WARC-Type: warcinfo\r\n")
    for head in (b"", b"WARC", b"WARC/2.0\r\n", b"<html>WARC/1.0\r\n", b"\x00" * 40, b"W" * 9000):
        assert not is_archive(head)


def test_iter_members_sorts_every_record(tmp_path: Path, packed: bool) -> None:
    data, offsets = archive(mixed_records(), packed=packed)
    path = _write(tmp_path, data, "mixed.warc.gz" if packed else "mixed.warc")
    items = _items(path)
    assert [item.source for item in items] == [f"{path}#{offset}" for offset in offsets]
    kinds = [item.reason if isinstance(item, Skipped) else type(item).__name__ for item in items]
    assert kinds == [
        "warcinfo",
        "request",
        "Member",
        "metadata",
        "Member",
        "revisit",
        "resource",
        "not-html",
        "not-html",
        "redirect",
        "http-error",
        "Member",
    ]
    assert all(item.reason in SKIP_REASONS for item in items if isinstance(item, Skipped))
    first = items[2]
    assert isinstance(first, Member)
    assert first.payload == HTML_PAGE
    assert first.url == "https://news.example/world/rivers.html"
    assert first.fetched == "2024-05-01T12:00:00Z"
    assert first.record_id == "<urn:uuid:00000000-0000-0000-0000-000000000002>"
    assert (first.content_type, first.charset) == ("text/html", "utf-8")
    latin = items[4]
    assert isinstance(latin, Member)
    assert (latin.url, latin.charset) == (None, "ISO-8859-1")
    untyped = items[11]
    assert isinstance(untyped, Member)
    assert untyped.content_type is None
    assert pickle.loads(pickle.dumps(first)) == first


def test_undecodable_bodies_are_broken_and_reading_goes_on(tmp_path: Path) -> None:
    records = [
        response(b"abc", number=1, headers=[("Content-Encoding", "br")]),
        response(b"not gzip at all", number=2, headers=[("Content-Encoding", "gzip")]),
        response(b"5\r\nab", number=3, headers=[("Transfer-Encoding", "chunked")]),
        record("response", b"no status line here", number=4),
        response(page("After"), number=5),
    ]
    data, _ = archive(records, packed=True)
    items = _items(_write(tmp_path, data, "bad.warc.gz"))
    assert [type(item).__name__ for item in items] == ["Broken"] * 4 + ["Member"]
    messages = [item.message for item in items if isinstance(item, Broken)]
    assert "'br' cannot be undone" in messages[0]
    assert "broken" in messages[1]
    assert "truncated" in messages[2]
    assert "no HTTP response" in messages[3]


def test_a_corrupt_gzip_member_is_passed_and_the_next_ones_read(tmp_path: Path) -> None:
    data, offsets = archive(
        [response(page(f"Story {n}"), number=n) for n in (1, 2, 3, 4)], packed=True
    )
    spoiled = bytearray(data)
    middle = offsets[1] + (offsets[2] - offsets[1]) // 2
    spoiled[middle : middle + 40] = b"\x00" * 40
    path = _write(tmp_path, bytes(spoiled), "spoiled.warc.gz")
    items = _items(path)
    assert [type(item).__name__ for item in items] == ["Member", "Broken", "Member", "Member"]
    assert [item.source for item in items] == [f"{path}#{offset}" for offset in offsets]
    assert [item.payload for item in items if isinstance(item, Member)][-1] == page("Story 4")


def test_garbage_between_plain_records_is_passed(tmp_path: Path) -> None:
    one, two = response(page("One"), number=1), response(page("Two"), number=2)
    garbage = b"garbage line\r\n\r\n"
    path = _write(tmp_path, one + garbage + two, "garbage.warc")
    items = _items(path)
    assert [type(item).__name__ for item in items] == ["Member", "Broken", "Member"]
    assert items[1].source == f"{path}#{len(one)}"
    assert items[2].source == f"{path}#{len(one) + len(garbage)}"


def test_payloads_over_the_limits_are_broken(tmp_path: Path, packed: bool) -> None:
    bomb = gzip.compress(b" " * 5_000_000)
    records = [
        response(page("Big") + b" " * 20_000, number=1),
        response(bomb, number=2, headers=[("Content-Encoding", "gzip")]),
        response(page("Small"), number=3),
    ]
    data, _ = archive(records, packed=packed)
    path = _write(tmp_path, data, "big.warc")
    items = _items(path, max_bytes=10_000, max_decompressed_bytes=1_000_000)
    assert [type(item).__name__ for item in items] == ["Broken", "Broken", "Member"]
    assert "limits.max_bytes" in items[0].message  # type: ignore[union-attr]
    assert "limits.max_decompressed_bytes" in items[1].message  # type: ignore[union-attr]


def test_hostile_lengths_and_headers_stay_bounded(tmp_path: Path, packed: bool) -> None:
    records = [
        record("response", http(page("Liar")), number=1, length=10**15),
        response(page("Next"), number=2),
    ]
    data, _ = archive(records, packed=packed)
    started = time.perf_counter()
    items = _items(_write(tmp_path, data, "liar.warc"))
    assert [type(item).__name__ for item in items] == ["Broken", "Member"]
    endless_warc = b"WARC/1.1\r\nWARC-Type: response\r\n" + b"X-Pad: " + b"a" * 2_000_000
    items = _items(_write(tmp_path, endless_warc, "endless.warc"))
    assert [type(item).__name__ for item in items] == ["Broken"]
    endless_http = record("response", b"HTTP/1.1 200 OK\r\n" + b"X-Pad: aaaa\r\n" * 20_000)
    items = _items(_write(tmp_path, endless_http, "headers.warc"))
    assert [type(item).__name__ for item in items] == ["Broken"]
    assert "do not end within" in items[0].message  # type: ignore[union-attr]
    assert time.perf_counter() - started < 10


_BASES = [archive(mixed_records(), packed=packed)[0] for packed in (False, True)]


@given(
    base=st.sampled_from(_BASES),
    changes=st.lists(st.tuples(st.integers(0, 10**5), st.integers(0, 255)), max_size=8),
    cut=st.integers(0, 10**5),
)
def test_a_damaged_archive_yields_records_and_never_raises(
    base: bytes, changes: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(base)
    for position, value in changes:
        data[position % len(data)] = value
    damaged = bytes(data[: max(cut, 1)]) if cut < len(data) else bytes(data)
    items = list(iter_stream(io.BytesIO(damaged), "damaged", limits=newsdoc.Limits()))
    assert all(isinstance(item, Member | Skipped | Broken) for item in items)
    assert all(item.source.startswith("damaged#") for item in items)
