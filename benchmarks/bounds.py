"""Bounds you can state: time and peak memory as each format's worst inputs grow to 50 MB.

    python benchmarks/bounds.py [--max-mb 50]      # also run by make bench

Each shape is grown from 10 KB to 50 MB, and each input is loaded in a forked child of its
own (tests/bounded.py), so that its CPU time and peak resident memory are its own. Time is
linear when the seconds per MB stay level as the size grows; memory is bounded when the peak
stays a small multiple of the size (for gzip, of the expanded size). The shapes are the ones
hostile input takes: one line of words, plain-text stories, HTML with a link in every
paragraph, markup nested past the parser's depth again and again, a story whose HTML body is
one huge paragraph, and gzip of many tiny members.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402
from tests.bounded import run_bounded  # noqa: E402

import newsdoc  # noqa: E402
from newsdoc.html.safe import utf8_html_parser  # noqa: E402
from newsdoc.source import gunzip_if_needed  # noqa: E402

_MB = 1_000_000
SIZES = (10_000, 100_000, 1_000_000, 10_000_000, 50_000_000)
_SENTENCE = "The council approved the budget for new bridges on Tuesday, officials said. "


def _repeat(unit: str, size: int, head: str = "", tail: str = "") -> bytes:
    count = max(1, (size - len(head) - len(tail)) // len(unit.encode()))
    return (head + unit * count + tail).encode()


def _text_line(size: int) -> bytes:
    return _repeat("word ", size)


def _text_stories(size: int) -> bytes:
    story = f"Council approves budget\n\nBy Jane Doe | 1 March 2022\n\n{_SENTENCE * 4}\n\n"
    return _repeat(story, size)


def _html_links(size: int) -> bytes:
    paragraph = f'<p>{_SENTENCE}<a href="/more">More on the bridges</a> and the rest.</p>'
    head = "<html><body><article><h1>Council approves budget</h1>"
    return _repeat(paragraph, size, head, "</article></body></html>")


def _html_deep(size: int) -> bytes:
    chain = "<div>" * 300 + f"<p>{_SENTENCE}</p>" + "</div>" * 300 + f"<p>{_SENTENCE}</p>"
    head = "<html><body><article><h1>Council approves budget</h1>"
    return _repeat(chain, size, head, "</article></body></html>")


def _story_huge_paragraph(size: int) -> bytes:
    body = "<p>" + _SENTENCE * max(1, size // len(_SENTENCE)) + "</p>"
    return json.dumps(
        {"title": "Budget", "culture": "en", "format_version": 1, "body": body}
    ).encode()


def _gzip_members(size: int) -> bytes:
    member = gzip.compress(b"word ")
    return member * max(1, size // len(member))


SHAPES: dict[str, Callable[[int], bytes]] = {
    "text: one line of words": _text_line,
    "text: stories": _text_stories,
    "html: a link in every paragraph": _html_links,
    "html: nested 300 deep, again and again": _html_deep,
    "prezly: one paragraph of the whole size": _story_huge_paragraph,
    "gzip: members of 5 bytes": _gzip_members,
}


def _expanded(data: bytes) -> int:
    return len(gunzip_if_needed(data, "input", newsdoc.Limits())[0])


def _lxml_floor(markup: bytes) -> object:
    """The parse any reader of this markup must do: libxml2's tree of all of it."""
    return etree.fromstring(markup, utf8_html_parser(huge=True))


FLOORS: dict[str, Callable[[bytes], object]] = {
    "text": lambda data: data.decode("utf-8"),
    "html": _lxml_floor,
    "prezly": lambda data: _lxml_floor(json.loads(data)["body"].encode()),
    "gzip": lambda data: gunzip_if_needed(data, "input", newsdoc.Limits()),
}


def measure(max_bytes: int) -> list[dict[str, object]]:
    """Every shape at every size up to ``max_bytes``: CPU seconds and peak memory."""
    newsdoc.loads(b"<html><body><article><p>Warm \xe9 up.</p></article></body></html>")
    newsdoc.loads(_text_stories(2000))
    limits = newsdoc.Limits(max_documents=10**7)
    rows: list[dict[str, object]] = []
    for shape, make in SHAPES.items():
        for size in (size for size in SIZES if size <= max_bytes):
            data = make(size)
            expanded = _expanded(data)

            def load(data: bytes = data) -> int:
                return sum(1 for _ in newsdoc.loads_all(data, limits=limits))

            measured = run_bounded(load, deadline=600)
            floor_of = FLOORS[shape.split(":")[0]]
            floor = run_bounded(lambda data=data, of=floor_of: of(data) is None, deadline=600)
            rows.append(
                {
                    "shape": shape,
                    "bytes": len(data),
                    "expanded_bytes": expanded,
                    "documents": measured.result,
                    "error": measured.error,
                    "cpu_s": measured.cpu_seconds,
                    "s_per_mb": measured.cpu_seconds / (expanded / _MB),
                    "peak_mib": measured.peak_bytes / 2**20,
                    "peak_x_size": measured.peak_bytes / expanded,
                    "floor_cpu_s": floor.cpu_seconds,
                    "floor_peak_mib": floor.peak_bytes / 2**20,
                }
            )
            del data
    return rows


def report(rows: list[dict[str, object]]) -> None:
    print(f"{'shape':42} {'size':>9} {'docs':>5} {'CPU s':>7} {'s/MB':>6} {'x floor':>7} "
          f"{'peak MiB':>9} {'peak/size':>9} {'floor MiB':>9}")  # fmt: skip
    for row in rows:
        size = int(row["bytes"])  # type: ignore[call-overload]
        shown = f"{size / _MB:.2f} MB" if size >= _MB else f"{size / 1000:.0f} KB"
        cpu, floor_cpu = float(row["cpu_s"]), float(row["floor_cpu_s"])  # type: ignore[arg-type]
        print(
            f"{row['shape']!s:42} {shown:>9} {row['documents']!s:>5} {cpu:7.2f} "
            f"{float(row['s_per_mb']):6.2f} {cpu / max(floor_cpu, 1e-3):7.1f} "  # type: ignore[arg-type]
            f"{float(row['peak_mib']):9.0f} {float(row['peak_x_size']):9.1f} "  # type: ignore[arg-type]
            f"{float(row['floor_peak_mib']):9.0f}" + (f"  {row['error']}" if row["error"] else "")  # type: ignore[arg-type]
        )


def main() -> int:
    parser = argparse.ArgumentParser(description="newsdoc time and memory bounds")
    parser.add_argument("--max-mb", type=float, default=50, help="largest input, in MB")
    args = parser.parse_args()
    rows = measure(int(args.max_mb * _MB))
    report(rows)
    out = ROOT / "benchmarks" / "results" / "bounds.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
