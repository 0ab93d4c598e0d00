"""JSON Lines read from a file a line at a time: any size in flat memory, the same documents."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import newsdoc

MANY = newsdoc.Limits(max_documents=100_000, max_quotes=0)


def _record(number: int) -> dict[str, Any]:
    return {
        "title": f"Story {number}",
        "maintext": "Words of the story, told at length. " * 40,
        "date_publish": "2024-05-01 10:00:00",
        "authors": ["Ann Lee"],
        "url": f"https://news.example/{number}",
        "language": "en",
        "source_domain": "news.example",
    }


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


def _jsonl(path: Path, count: int) -> Path:
    return _write(path, [json.dumps(_record(number)) for number in range(count)])


def test_a_file_larger_than_max_bytes_is_read_a_line_at_a_time(tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "dump.jsonl", 40)
    small = newsdoc.Limits(max_bytes=2_000, max_documents=100_000)
    assert path.stat().st_size > 20 * small.max_bytes
    streamed = list(newsdoc.load_all(path, limits=small))
    in_memory = list(newsdoc.loads_all(path.read_bytes(), source=str(path)))
    assert streamed == in_memory
    assert [doc.title for doc in streamed] == [f"Story {number}" for number in range(40)]


def test_memory_stays_flat_however_long_the_file(tmp_path: Path) -> None:
    warm = _jsonl(tmp_path / "warm.jsonl", 50)
    list(newsdoc.load_all(warm, limits=MANY))  # lazy imports and caches, once
    peaks = []
    for count in (1_000, 4_000):
        path = _jsonl(tmp_path / f"dump{count}.jsonl", count)
        tracemalloc.start()
        try:
            assert sum(1 for _ in newsdoc.load_all(path, limits=MANY)) == count
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
    # 4 times the lines (1 and 5 MB files), not 4 times the memory: a few lines' worth.
    assert peaks[1] < 1.5 * peaks[0] + 200_000
    assert peaks[1] < 1_000_000


def test_gzip_is_undone_as_it_is_read_within_its_limit(tmp_path: Path) -> None:
    plain = _jsonl(tmp_path / "dump.jsonl", 30)
    packed = tmp_path / "dump.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert [d.title for d in newsdoc.load_all(packed)] == [d.title for d in newsdoc.load_all(plain)]
    tight = newsdoc.Limits(max_decompressed_bytes=plain.stat().st_size // 2)
    with pytest.raises(newsdoc.LimitExceededError, match="max_decompressed_bytes"):
        list(newsdoc.load_all(packed, limits=tight))


def test_a_line_over_the_limit_is_skipped_and_said(tmp_path: Path) -> None:
    huge = json.dumps({**_record(1), "maintext": "x" * 5_000})
    path = _write(tmp_path / "dump.jsonl", [json.dumps(_record(0)), huge, json.dumps(_record(2))])
    documents = list(newsdoc.load_all(path, limits=newsdoc.Limits(max_bytes=3_000)))
    assert [doc.title for doc in documents] == ["Story 0", "Story 2"]
    [warning] = [w for w in documents[1].warnings if w.code == "article-json.skipped"]
    assert "line 2 is longer than limits.max_bytes (3,000)" in warning.message


def test_a_line_in_another_encoding_is_read_and_said(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    latin = json.dumps({**_record(1), "title": "Café crème"}, ensure_ascii=False)
    path.write_bytes(json.dumps(_record(0)).encode() + b"\n" + latin.encode("latin-1") + b"\n")
    documents = list(newsdoc.load_all(path))
    assert [doc.title for doc in documents] == ["Story 0", "Café crème"]
    assert any(w.code.startswith("decoding.") for w in documents[1].warnings)


def test_one_json_document_is_still_read_whole_within_max_bytes(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps([_record(number) for number in range(10)], indent=2))
    assert len(list(newsdoc.load_all(path))) == 10
    with pytest.raises(newsdoc.LimitExceededError, match="not JSON Lines"):
        list(newsdoc.load_all(path, limits=newsdoc.Limits(max_bytes=1_000)))


def test_one_record_alone_is_one_json_document(tmp_path: Path) -> None:
    path = _write(tmp_path / "one.json", [json.dumps(_record(0)), "", "  "])
    streamed = list(newsdoc.load_all(path))
    assert streamed == list(newsdoc.loads_all(path.read_bytes(), source=str(path)))
    assert [doc.title for doc in streamed] == ["Story 0"]
