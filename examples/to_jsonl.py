"""Turn every news document in a folder into JSON Lines, one line per document.

    python examples/to_jsonl.py examples/data --output corpus.jsonl
    python examples/to_jsonl.py examples/data --output -        # to standard output

Files that cannot be parsed are reported on stderr and skipped; the exit status is 1 if any
were. Each line is ``newsdoc.to_dict(doc)``; read it back with ``newsdoc.from_dict``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

import newsdoc


def convert(folder: Path, out: TextIO) -> tuple[int, int]:
    """Write every document under ``folder`` to ``out``; return (documents, failed files)."""
    documents = failed = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            for doc in newsdoc.load_all(path):
                out.write(json.dumps(newsdoc.to_dict(doc), ensure_ascii=False) + "\n")
                documents += 1
        except (newsdoc.NewsdocError, OSError) as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            failed += 1
    return documents, failed


def main() -> int:
    """Parse the arguments and convert the folder."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--output", default="-", help="a file, or - for standard output")
    args = parser.parse_args()
    if args.output == "-":
        documents, failed = convert(args.folder, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8") as out:
            documents, failed = convert(args.folder, out)
    print(f"wrote {documents} documents to {args.output}; {failed} files failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
