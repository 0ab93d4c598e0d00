"""Turn every news document in a folder into JSON Lines, one line per document.

    python examples/to_jsonl.py examples/data --output corpus.jsonl
    python examples/to_jsonl.py pages/ crawl.warc.gz --output - --jobs 4   # to standard output

The inputs (files, folders, globs, web archives) are parsed on worker processes by
``newsdoc.load_many``. Each line is ``newsdoc.to_dict(doc)``; read it back with
``newsdoc.from_dict``. An input that gives no document is written to stderr, and to
``--failures`` as a JSON line when given; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

import newsdoc


def convert(
    inputs: list[str], out: TextIO, failures: TextIO | None, jobs: int | None
) -> newsdoc.Summary:
    """Write every document of ``inputs`` to ``out``; return the run's summary."""
    with newsdoc.load_many(inputs, jobs=jobs, timeout=30) as batch:
        for item in batch:
            if isinstance(item, newsdoc.Failure):
                print(f"failed: {item.message}", file=sys.stderr)
                if failures is not None:
                    record = {"source": item.source, "error": item.error, "message": item.message}
                    failures.write(json.dumps(record) + "\n")
            else:
                out.write(json.dumps(newsdoc.to_dict(item), ensure_ascii=False) + "\n")
    return batch.summary


def main() -> int:
    """Parse the arguments and convert the inputs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="files, folders, globs or web archives")
    parser.add_argument("--output", default="-", help="a file, or - for standard output")
    parser.add_argument("--failures", help="a file for the inputs that gave no document")
    parser.add_argument("--jobs", type=int, help="worker processes (default: one per core)")
    args = parser.parse_args()
    failures = open(args.failures, "w", encoding="utf-8") if args.failures else None  # noqa: SIM115
    try:
        if args.output == "-":
            summary = convert(args.inputs, sys.stdout, failures, args.jobs)
        else:
            with open(args.output, "w", encoding="utf-8") as out:
                summary = convert(args.inputs, out, failures, args.jobs)
    finally:
        if failures is not None:
            failures.close()
    print(
        f"wrote {summary.documents} documents to {args.output}; "
        f"{summary.failures} inputs failed; {summary.seconds:.1f} s",
        file=sys.stderr,
    )
    return 1 if summary.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
