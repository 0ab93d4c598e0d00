"""Documents per second on a 10,000-line JSON Lines file, against its floor, in the same run.

    make bench                       # or: python benchmarks/jsonl.py [--lines 10000]

The file is built in memory from records of the four producers in turn (news-please, fundus,
NewsAPI articles, trafilatura), each with a body of a few paragraphs. Measured:

* the floor: ``json.loads`` of each line alone (splitting the text into lines included);
* the format's parse alone (``Format.parse``: decoding, each line's JSON, the producer's
  reader), before what every format's documents go through;
* ``newsdoc.loads_all`` of the file, every document made and finished (URLs, names, the
  language, quotes).

Each figure is the best of three runs. Results go to stdout and
``benchmarks/results/jsonl.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections.abc import Callable
from pathlib import Path

import newsdoc
from newsdoc.registry import ParseContext, default_registry

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"

_BODY = (
    "The council approved the plan on Tuesday after a debate of four hours.\n"
    "Residents had asked for changes to the route, which now avoids the old market.\n"
    '"We listened to every objection," said Maria Lindqvist, who chairs the transport board.\n'
    "Work is due to start in the spring and to last two years."
)


def _records() -> list[dict[str, object]]:
    return [
        {
            "title": "Council approves the new tram line",
            "maintext": _BODY,
            "date_publish": "2024-03-14 10:00:00",
            "authors": ["Jane Doe"],
            "source_domain": "news.example.org",
            "url": "https://news.example.org/tram",
            "language": "en",
            "description": "Work starts in spring.",
        },
        {
            "title": "Council approves the new tram line",
            "publishing_date": "2024-03-14T10:00:00+00:00",
            "authors": ["Jane Doe"],
            "topics": ["transport"],
            "body": {
                "summary": ["Work starts in spring."],
                "sections": [{"headline": [], "paragraphs": _BODY.split("\n")}],
            },
        },
        {
            "source": {"id": None, "name": "Example Wire"},
            "author": "Jane Doe",
            "title": "Council approves the new tram line",
            "description": "Work starts in spring.",
            "url": "https://wire.example.com/tram",
            "urlToImage": "https://wire.example.com/tram.jpg",
            "publishedAt": "2024-03-14T10:00:00Z",
            "content": _BODY[:200] + "… [+1200 chars]",
        },
        {
            "title": "Council approves the new tram line",
            "author": "Jane Doe",
            "hostname": "news.example.net",
            "date": "2024-03-14",
            "text": _BODY,
            "excerpt": "Work starts in spring.",
            "fingerprint": "abc123",
            "language": "en",
        },
    ]


def build(lines: int) -> bytes:
    """A JSON Lines file of ``lines`` records, the producers in turn."""
    records = [json.dumps(record, ensure_ascii=False) for record in _records()]
    return ("\n".join(records[index % len(records)] for index in range(lines)) + "\n").encode()


def _best(function: Callable[[], int], runs: int = 3) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(runs):
        start = time.perf_counter()
        count = function()
        best = min(best, time.perf_counter() - start)
    return best, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    args = parser.parse_args()
    data = build(args.lines)

    def floor() -> int:
        return sum(1 for line in data.decode("utf-8").splitlines() if json.loads(line))

    parse = default_registry.get("article-json").parse

    def parsed() -> int:
        return sum(1 for _ in parse(data, ParseContext(source="bench.jsonl")))

    def ours() -> int:
        return sum(1 for _ in newsdoc.loads_all(data, source="bench.jsonl"))

    floor_seconds, floor_count = _best(floor)
    parse_seconds, parse_count = _best(parsed)
    ours_seconds, ours_count = _best(ours)
    assert floor_count == parse_count == ours_count == args.lines, (floor_count, ours_count)
    results = {
        "lines": args.lines,
        "megabytes": round(len(data) / 1e6, 2),
        "floor_lines_per_second": round(args.lines / floor_seconds),
        "parse_documents_per_second": round(args.lines / parse_seconds),
        "newsdoc_documents_per_second": round(args.lines / ours_seconds),
        "ratio_to_floor": round(ours_seconds / floor_seconds, 1),
        "python": platform.python_version(),
    }
    print(f"JSON Lines: {args.lines:,} lines, {results['megabytes']} MB")
    print(f"  floor (json.loads of each line): {results['floor_lines_per_second']:>10,} lines/s")
    drafts = results["parse_documents_per_second"]
    print(f"  the format's parse alone:        {drafts:>10,} docs/s")
    docs = results["newsdoc_documents_per_second"]
    print(f"  newsdoc.loads_all:               {docs:>10,} docs/s")
    print(f"  newsdoc takes {results['ratio_to_floor']}x the floor's time")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "jsonl.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
