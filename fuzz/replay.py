"""Replay fuzzer inputs through a harness, without libFuzzer, and keep them as fixtures.

Usage::

    python fuzz/replay.py HARNESS INPUT... [--save NAME]

``HARNESS`` is ``auto``, ``html``, ``text``, ``prezly``, ``gzip``, ``article-json``, ``feed`` or
``warc``. Each input
runs through the harness's ``test_one`` (the same checks as under the fuzzer); the failure's
traceback is printed.
With ``--save NAME`` (one input), the bytes the harness gave newsdoc (for ``prezly`` and ``gzip``
the story or stream built from the recipe, not the recipe; for ``warc`` the archive) are written to
``tests/fixtures/hostile/fuzz/HARNESS_NAME.EXT``, where ``tests/test_fuzz_regressions.py`` replays
them on every ``make test``, with no atheris.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import traceback
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "hostile" / "fuzz"
EXTENSIONS = {
    "auto": "bin",
    "html": "html",
    "text": "txt",
    "prezly": "json",
    "gzip": "gz",
    "article-json": "json",
    "feed": "xml",
    "warc": "warc",
}


def main(argv: list[str]) -> int:
    """Replay the inputs; return 1 when one of them fails."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("harness", choices=sorted(EXTENSIONS))
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--save", metavar="NAME", help="keep the input as a regression fixture")
    args = parser.parse_args(argv)
    module = importlib.import_module(f"fuzz_{args.harness}")
    failed = 0
    for path in args.inputs:
        data = path.read_bytes()
        try:
            module.test_one(data)
        except Exception:  # noqa: BLE001 -- what the fuzzer calls a crash, reported
            failed += 1
            print(f"== {path}: FAILS", file=sys.stderr)
            traceback.print_exc()
        else:
            print(f"== {path}: passes", file=sys.stderr)
    if args.save:
        if len(args.inputs) != 1:
            parser.error("--save takes one input")
        source = getattr(module, "newsdoc_input", lambda data: data)(args.inputs[0].read_bytes())
        target = FIXTURES / f"{args.harness}_{args.save}.{EXTENSIONS[args.harness]}"
        FIXTURES.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source)
        print(f"saved {target}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
