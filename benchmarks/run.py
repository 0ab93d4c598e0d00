"""Speed and memory of newsdoc, against floors measured in the same run.

    make bench                       # or: python benchmarks/run.py [--seconds 0.5]

For every bundled fixture (tests/fixtures/<format>/*) it reports documents per second for
``newsdoc.loads`` and, beside it, the cost of the raw floor for that input: ``json.loads`` for
JSON, an lxml parse of the HTML the document carries. Figures are ratios to those floors, so
they mean the same on a fast or a slow machine. When the evaluation corpus is present
(``NEWSDOC_CORPUS``, default ``../shared/corpus``), the lxml floor is also measured on its 181
HTML pages, for the HTML format to come. Results go to stdout and ``benchmarks/results/``.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from lxml import etree

import newsdoc
from newsdoc.html.safe import html_parser

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
RESULTS = ROOT / "benchmarks" / "results"


def per_call_seconds(func: Callable[[], object], budget: float, rounds: int = 3) -> float:
    """The best (lowest) mean time of one call over ``rounds`` rounds of ``budget`` seconds."""
    func()  # warm caches and lazy imports
    calls = 1
    while True:  # find a call count that fills a round
        started = time.perf_counter()
        for _ in range(calls):
            func()
        elapsed = time.perf_counter() - started
        if elapsed >= budget / 4:
            break
        calls *= 2
    calls = max(1, int(calls * budget / max(elapsed, 1e-9)))
    best = float("inf")
    gc.disable()
    try:
        for _ in range(rounds):
            started = time.perf_counter()
            for _ in range(calls):
                func()
            best = min(best, (time.perf_counter() - started) / calls)
    finally:
        gc.enable()
    return best


def peak_bytes(func: Callable[[], object]) -> int:
    """Peak memory allocated by one call, in bytes (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        func()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def floor_for(data: bytes) -> tuple[str, Callable[[], object]] | None:
    """The raw parse every parser of this input must at least do."""
    head = data.lstrip()[:1]
    if data.startswith(b"\x1f\x8b"):
        return None
    if head in (b"{", b"["):
        return "json.loads", lambda: json.loads(data)
    if head != b"<":
        # Plain text: the least any reader must do is decode it and split it into words.
        return "decode + split", lambda: [
            line.split() for line in data.decode("utf-8", "replace").splitlines()
        ]
    return None


def html_of(doc_data: bytes) -> str | None:
    """The HTML body a JSON story carries, if any (for the lxml floor)."""
    try:
        value = json.loads(doc_data)
    except ValueError:
        return None
    if isinstance(value, dict) and isinstance(value.get("body"), str):
        return str(value["body"])
    return None


def bench_fixtures(budget: float) -> list[dict[str, object]]:
    paths = sorted(FIXTURES.glob("*/*"))
    return [
        bench_one(path, budget)
        for path in paths
        # The hostile inputs have their own measure (benchmarks/bounds.py, the hostile test).
        if path.is_file()
        and not path.name.endswith(".expected.json")
        and path.parent.name != "hostile"
    ]


def bench_one(path: Path, budget: float) -> dict[str, object]:
    data = path.read_bytes()

    def parse() -> object:
        return list(newsdoc.loads_all(data, source=path.name))

    loaded = list(newsdoc.loads_all(data, source=path.name))
    documents = len(loaded)
    seconds = per_call_seconds(parse, budget) / max(documents, 1)
    quote_seconds = sum(
        per_call_seconds(lambda doc=doc: newsdoc.extract_quotes(doc.body), budget / 4)
        for doc in loaded
        if doc.body
    ) / max(documents, 1)
    row: dict[str, object] = {
        "input": f"{path.parent.name}/{path.name}",
        "bytes": len(data),
        "documents": documents,
        "docs_per_s": 1 / seconds,
        "ms_per_doc": seconds * 1000,
        "peak_kib": peak_bytes(parse) / 1024,
        "quotes_share": quote_seconds / seconds,
    }
    floor = floor_for(data)
    if floor is not None:
        label, func = floor
        row["floor"] = label
        row["floor_ms"] = per_call_seconds(func, budget) * 1000
    body = html_of(data)
    if body is not None:
        parser = html_parser()
        row["lxml_body_ms"] = (
            per_call_seconds(lambda: etree.fromstring(body, parser=parser), budget) * 1000
        )
        # The floor of a story with an HTML body is both parses.
        row["floor"] = f"{row.get('floor', '')} + lxml body".lstrip(" +")
        row["floor_ms"] = float(str(row.get("floor_ms", 0.0))) + float(str(row["lxml_body_ms"]))
    return row


def bench_corpus_floor(corpus: Path) -> dict[str, object] | None:
    pages_dir = corpus / "article-extraction-benchmark" / "html"
    if not pages_dir.is_dir():
        return None
    pages = [gzip.decompress(p.read_bytes()) for p in sorted(pages_dir.glob("*.html.gz"))]
    if not pages:
        return None
    parser = html_parser()
    best: list[float] = [float("inf")] * len(pages)
    for _ in range(3):  # three passes over every page; the best time of each page counts
        for index, page in enumerate(pages):
            started = time.perf_counter()
            etree.fromstring(page, parser=parser)
            best[index] = min(best[index], time.perf_counter() - started)
    return {
        "pages": len(pages),
        "lxml_parse_ms_mean": statistics.fmean(best) * 1000,
        "lxml_parse_ms_median": statistics.median(best) * 1000,
    }


def synthetic_text(size: int) -> bytes:
    """About ``size`` bytes of plain-text news: stories with bylines and dates, every line
    different (so that nothing is skipped as a repeat), with page furniture between them."""
    parts: list[str] = []
    total = 0
    number = 0
    while total < size:
        number += 1
        story = (
            f"Council number {number} approves budget of {number * 7} million for new bridges\n"
            f"By Jane Doe{number} and John Roe{number} | {1 + number % 28} March 2022\n\n"
            f"The council of district {number} approved on Tuesday a budget of {number * 7} "
            f"million euros for {number % 9 + 2} new bridges over the canal, officials said.\n\n"
            f'"We have waited {number % 20 + 2} years for this," said alderman Ann Lee{number}, '
            f"who led the project since {1990 + number % 30}.\n\n"
            f"Works on site {number} start in spring and should end within two years.\n\n"
            f"Share this article\nAdvertisement\n\n"
        )
        parts.append(story)
        total += len(story.encode())
    return "".join(parts).encode()


def bench_text_scaling() -> dict[str, object]:
    """Time for a 10 KB and a 10 MB text: linear time gives a ratio near the size ratio."""
    small, large = synthetic_text(10_000), synthetic_text(10_000_000)
    small_seconds = per_call_seconds(lambda: list(newsdoc.loads_all(small)), 0.3)
    # The large file's documents are counted as they stream, as a pipeline consumes them:
    # keeping all ~22,000 alive in a list adds the garbage collector's passes over them, which
    # grow with the number kept, not with the parse (that run gives about x1,100).
    started = time.perf_counter()
    limits = newsdoc.Limits(max_documents=10**6)
    documents = sum(1 for _ in newsdoc.loads_all(large, limits=limits))
    large_seconds = time.perf_counter() - started
    return {
        "small_bytes": len(small),
        "large_bytes": len(large),
        "small_ms": small_seconds * 1000,
        "large_s": large_seconds,
        "large_documents": documents,
        "size_ratio": len(large) / len(small),
        "time_ratio": large_seconds / small_seconds,
    }


def bench_html(corpus: Path) -> dict[str, object] | None:
    """The Zyte pages through the shared scorer: newsdoc beside trafilatura, in one run."""
    scorer = Path(os.environ.get("NEWSDOC_TOOLS", ROOT.parent / "shared" / "tools"))
    scorer = scorer / "extraction_bench.py"
    pages = corpus / "article-extraction-benchmark"
    if not scorer.is_file() or not pages.is_dir():
        return None
    # trafilatura twice: body only, and with its metadata (newsdoc always reads metadata).
    tools = "trafilatura,trafilatura_meta" if importlib.util.find_spec("trafilatura") else "none"
    out = RESULTS / "html.json"
    RESULTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable, str(scorer), str(pages), "--tools", tools,
            "--extra", "newsdoc=adapters:body", "--pythonpath", str(ROOT / "benchmarks"),
            "--pythonpath", str(ROOT / "src"), "--bootstrap", "0", "--json-out", str(out),
        ],
        check=True,
        capture_output=True,
        timeout=1800,
    )  # fmt: skip
    summary = json.loads(out.read_text())
    return {"rows": summary["rows"]}


def main() -> int:
    parser = argparse.ArgumentParser(description="newsdoc speed and memory")
    parser.add_argument("--seconds", type=float, default=0.3, help="time budget per round")
    args = parser.parse_args()
    corpus = Path(os.environ.get("NEWSDOC_CORPUS", ROOT.parent / "shared" / "corpus"))

    rows = bench_fixtures(args.seconds)
    print(f"newsdoc {newsdoc.__version__} on Python {platform.python_version()}, one core\n")
    print(
        "floor: json.loads of the input, plus an lxml parse of the HTML body it carries; for "
        "plain text, decoding it and splitting it into words\n"
    )
    print(f"{'input':44} {'docs/s':>9} {'ms/doc':>8} {'floor ms':>9} {'x floor':>8} "
          f"{'lxml body':>10} {'peak KiB':>9} {'quotes':>7}")  # fmt: skip
    for row in rows:
        floor_ms = row.get("floor_ms")
        ratio = f"{float(row['ms_per_doc']) / float(floor_ms):.1f}" if floor_ms else "-"
        lxml_ms = f"{float(row['lxml_body_ms']):.3f}" if "lxml_body_ms" in row else "-"
        print(
            f"{row['input']:44} {float(row['docs_per_s']):9.0f} {float(row['ms_per_doc']):8.3f} "
            f"{(f'{float(floor_ms):.3f}' if floor_ms else '-'):>9} {ratio:>8} {lxml_ms:>10} "
            f"{float(row['peak_kib']):9.0f} {float(row['quotes_share']):7.0%}"
        )
    scaling = bench_text_scaling()
    print(
        f"\ntext scaling: {scaling['small_bytes']:,} bytes in {float(scaling['small_ms']):.2f} ms, "
        f"{scaling['large_bytes']:,} bytes ({scaling['large_documents']:,} stories) in "
        f"{float(scaling['large_s']):.2f} s: time x{float(scaling['time_ratio']):.0f} for size "
        f"x{float(scaling['size_ratio']):.0f} (linear is about equal)"
    )
    html = bench_html(corpus)
    if html is None:
        print("\n(corpus or scorer not found: the HTML comparison was not run)")
    else:
        print("\nHTML article pages (Zyte benchmark, 181 pages), same run:")
        for row in html["rows"]:  # type: ignore[union-attr]
            print(
                f"  {row['tool']:17} F1 {float(row['f1']):.3f}  "
                f"{float(row['ms_mean']):6.1f} ms/page mean"
            )
    corpus_row = bench_corpus_floor(corpus)
    if corpus_row is None:
        print(f"\n(corpus not found at {corpus}: the lxml floor on real pages was not measured)")
    else:
        print(
            f"\nlxml parse floor on {corpus_row['pages']} benchmark pages: "
            f"{float(corpus_row['lxml_parse_ms_mean']):.2f} ms mean, "
            f"{float(corpus_row['lxml_parse_ms_median']):.2f} ms median"
        )
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "latest.json"
    out.write_text(
        json.dumps(
            {
                "fixtures": rows,
                "text_scaling": scaling,
                "html": html,
                "corpus_floor": corpus_row,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"\nwritten to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
