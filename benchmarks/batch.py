"""Documents per second over a corpus: load_many on 1 and 2 workers against the plain loop.

    python benchmarks/batch.py [--rounds 2] [--repeat 3]

The inputs are the corpus's HTML pages (``NEWSDOC_CORPUS``, default ``../shared/corpus``),
listed ``--repeat`` times. Three runs over the same inputs, one after the other, each the best
of ``--rounds``:

* the loop: ``for path in paths: list(newsdoc.load_all(path))`` in this process (the floor a
  batch runner must beat);
* ``newsdoc.load_many(paths, jobs=1)``: what one worker process costs over the loop (starting
  it, sending tasks and documents through a pipe);
* ``newsdoc.load_many(paths, jobs=2)``: the speed-up of a second worker on this machine's cores.

Results go to stdout and ``benchmarks/results/batch.json``. The issue's target: two workers
at least 1.4 times one on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

import newsdoc

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
CORPORA = ("article-extraction-benchmark", "fundus-dev", "readability")


def corpus_pages() -> list[Path]:
    corpus = Path(os.environ.get("NEWSDOC_CORPUS", ROOT.parent / "shared" / "corpus"))
    pages: list[Path] = []
    for name in CORPORA:
        pages += sorted(path for path in (corpus / name).rglob("*.htm*") if path.is_file())
    return pages


def loop(paths: list[Path]) -> int:
    return sum(len(list(newsdoc.load_all(path))) for path in paths)


def batch(paths: list[Path], jobs: int) -> int:
    with newsdoc.load_many(paths, jobs=jobs) as run:
        return sum(isinstance(item, newsdoc.Document) for item in run)


def best_seconds(func: Callable[[], int], rounds: int) -> tuple[float, int]:
    best, documents = float("inf"), 0
    for _ in range(rounds):
        started = time.perf_counter()
        documents = func()
        best = min(best, time.perf_counter() - started)
    return best, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="how many times each page is listed")
    args = parser.parse_args()
    pages = corpus_pages()
    if not pages:
        print("batch: no corpus pages found; set NEWSDOC_CORPUS")
        return
    paths = pages * args.repeat
    runs: dict[str, Callable[[], int]] = {
        "loop (one process)": lambda: loop(paths),
        "load_many jobs=1": lambda: batch(paths, 1),
        "load_many jobs=2": lambda: batch(paths, 2),
    }
    figures: dict[str, dict[str, float]] = {}
    print(
        f"{len(paths):,} inputs ({len(pages)} corpus pages x {args.repeat}), {os.cpu_count()} cores"
    )
    print(f"{'run':<22}{'seconds':>9}{'docs/s':>9}{'vs loop':>9}")
    for name, func in runs.items():
        seconds, documents = best_seconds(func, args.rounds)
        figures[name] = {
            "seconds": seconds,
            "documents": documents,
            "per_second": documents / seconds,
        }
        ratio = figures["loop (one process)"]["seconds"] / seconds
        print(f"{name:<22}{seconds:>9.2f}{documents / seconds:>9.0f}{ratio:>8.2f}x")
    two = figures["load_many jobs=1"]["seconds"] / figures["load_many jobs=2"]["seconds"]
    print(f"two workers against one: {two:.2f}x (target: at least 1.4x on two cores)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    report = {
        "machine": platform.platform(),
        "cores": os.cpu_count(),
        "inputs": len(paths),
        "runs": figures,
        "two_workers_over_one": two,
    }
    (RESULTS / "batch.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
