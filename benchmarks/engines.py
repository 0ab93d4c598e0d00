"""What running newsdoc on Spark or Dask (local mode) adds over the plain loop, per 1,000 documents.

    make bench                       # or: python benchmarks/engines.py [--repeat 3]

The inputs are the corpus's HTML pages (``NEWSDOC_CORPUS``, default ``../shared/corpus``: the
Zyte benchmark, fundus-dev and readability pages, gzipped), listed ``--repeat`` times so that
the run holds at least 1,000 documents. Each is parsed:

* by the plain loop: ``newsdoc.batch.read_input`` over the inputs, in this process;
* by Spark in local mode, ``local[1]`` and ``local[N]``: ``newsdoc.spark.read``, every row
  materialised (the ``noop`` sink);
* by Dask's process scheduler with 1 and N workers: ``newsdoc.dask.bag`` (rows counted in
  the workers) and ``newsdoc.dask.dataframe`` (partition lengths).

Each figure is the best of two runs. With one worker, an engine's time minus the loop's is
what the engine adds (scheduling, moving rows between processes, building them); with N, the
figure is the wall time a user sees. An engine's start (the Spark session, Dask's first pool)
is timed apart and left out of the figures. An engine that is not installed (or Spark without
Java) is skipped. Results go to stdout and ``benchmarks/results/engines.json``.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsdoc.batch import read_input
from newsdoc.model import Failure

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PAGES = ("article-extraction-benchmark/html", "fundus-dev/pages", "readability/pages")


def corpus_pages(corpus: Path) -> list[str]:
    pages: list[str] = []
    for folder in PAGES:
        pages.extend(sorted(str(path) for path in (corpus / folder).glob("*.html.gz")))
    return pages


ROUNDS = 2  # the best of this many runs is kept: other work on the machine only slows one down


def timed(run: Callable[[], int]) -> tuple[float, int]:
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.perf_counter()
        count = run()
        best = min(best, time.perf_counter() - started)
    return best, count


def plain_loop(inputs: list[str]) -> int:
    count = 0
    for path in inputs:
        for _ in read_input(path):
            count += 1
    return count


def bench_spark(inputs: list[str], jobs: int, figures: dict[str, Any]) -> None:
    if importlib.util.find_spec("pyspark") is None or shutil.which("java") is None:
        print("spark: skipped (needs newsdoc[spark] and Java 17+)")
        return
    from pyspark.sql import SparkSession

    import newsdoc.spark

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    for cores in sorted({1, jobs}):
        started = time.perf_counter()
        spark = (
            SparkSession.builder.master(f"local[{cores}]")
            .appName("newsdoc-bench")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        # The first job starts the Python workers: part of the start, not of the figures.
        newsdoc.spark.read(spark, inputs[:cores]).write.format("noop").mode("overwrite").save()
        figures[f"spark local[{cores}] start"] = time.perf_counter() - started

        def run(spark: SparkSession = spark) -> int:
            frame = newsdoc.spark.read(spark, inputs)
            frame.write.format("noop").mode("overwrite").save()
            return len(inputs)  # one document a page (checked by the loop's count)

        figures[f"spark local[{cores}]"] = timed(run)[0]
        spark.stop()


def bench_dask(inputs: list[str], jobs: int, figures: dict[str, Any]) -> None:
    if importlib.util.find_spec("dask") is None:
        print("dask: skipped (needs newsdoc[dask])")
        return
    import newsdoc.dask

    for workers in sorted({1, jobs}):
        options = {"scheduler": "processes", "num_workers": workers}
        started = time.perf_counter()
        newsdoc.dask.bag(inputs[:workers]).count().compute(**options)
        figures[f"dask bag {workers} worker(s) start"] = time.perf_counter() - started
        bag = newsdoc.dask.bag(inputs)
        figures[f"dask bag {workers} worker(s)"] = timed(
            lambda bag=bag, options=options: int(bag.count().compute(**options))
        )[0]
        frame = newsdoc.dask.dataframe(inputs)
        figures[f"dask dataframe {workers} worker(s)"] = timed(
            lambda frame=frame, options=options: int(
                frame.map_partitions(len).compute(**options).sum()
            )
        )[0]


def main() -> int:
    parser = argparse.ArgumentParser(description="newsdoc on Spark and Dask: the cost per 1,000")
    parser.add_argument("--repeat", type=int, default=3, help="times each page is listed")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()
    corpus = Path(os.environ.get("NEWSDOC_CORPUS", ROOT.parent / "shared" / "corpus"))
    pages = corpus_pages(corpus)
    if not pages:
        print(f"engines: skipped (no corpus pages under {corpus})")
        return 0
    inputs = pages * args.repeat
    failures = sum(isinstance(item, Failure) for path in pages for item in read_input(path))
    seconds, documents = timed(lambda: plain_loop(inputs))
    if documents != len(inputs) or failures:
        print(f"engines: {documents} rows for {len(inputs)} pages ({failures} failures)")
    figures: dict[str, Any] = {"plain loop": seconds}
    bench_spark(inputs, args.jobs, figures)
    bench_dask(inputs, args.jobs, figures)

    per_thousand = 1000 / documents
    print(f"{documents} documents ({len(pages)} corpus pages x {args.repeat}), jobs={args.jobs}")
    print(f"{'':34} {'s/1,000 docs':>12} {'added':>8}")
    loop = seconds * per_thousand
    report: dict[str, Any] = {}
    for name, value in figures.items():
        if name.endswith("start"):
            continue
        cost = value * per_thousand
        one_worker = name.endswith(("[1]", " 1 worker(s)"))
        added = f"{cost - loop:+8.2f}" if one_worker else ""
        print(f"{name:34} {cost:12.2f} {added:>8}")
        report[name] = {"seconds": value, "per_1000": cost}
    for name, value in figures.items():
        if name.endswith("start"):
            print(f"{name:34} {value:9.2f} s (once)")
            report[name] = {"seconds": value}
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "engines.json"
    meta = {"documents": documents, "jobs": args.jobs, "python": platform.python_version()}
    out.write_text(json.dumps({**meta, "figures": report}, indent=2) + "\n", encoding="utf-8")
    print(f"written: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
