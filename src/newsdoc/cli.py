"""The ``newsdoc`` command: documents to JSON, or the format of each file.

Exit status: 0 when every file was handled, 1 when any file failed (each failure is reported on
stderr and the other files are still handled), 2 on bad usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from newsdoc._version import __version__
from newsdoc.api import detect, formats, load_all, loads_all
from newsdoc.errors import NewsdocError
from newsdoc.limits import DEFAULT_LIMITS
from newsdoc.model import Document
from newsdoc.serialize import to_dict

__all__ = ["main"]

_DESCRIPTION = """\
Parse news documents and print each as JSON (the layout of newsdoc.to_dict).

  newsdoc FILE...            every document in each file, as JSON (- reads stdin)
  newsdoc --jsonl FILE...    one JSON Lines row per document
  newsdoc detect FILE...     the detected format of each file
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == ["detect"]:
            return _detect(_detect_parser().parse_args(args[1:]))
        return _parse(_main_parser().parse_args(args))
    except BrokenPipeError:
        # The reader went away (`newsdoc ... | head`); stop quietly, as other filters do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdoc",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="files to parse; - reads standard input"
    )
    parser.add_argument("--jsonl", action="store_true", help="print one JSON line per document")
    parser.add_argument(
        "--format",
        metavar="NAME",
        help=f"skip detection and use this format ({', '.join(formats())})",
    )
    parser.add_argument(
        "--strict", action="store_true", help="treat the first parse warning as an error"
    )
    parser.add_argument(
        "--indent", type=int, default=2, metavar="N", help="indentation of JSON (default 2)"
    )
    parser.add_argument("--version", action="version", version=f"newsdoc {__version__}")
    return parser


def _detect_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdoc detect", description="Print the detected format of each file."
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to look at")
    return parser


def _parse(args: argparse.Namespace) -> int:
    out = sys.stdout
    ascii_only = not _speaks_utf8(out)
    indent = None if args.jsonl else args.indent
    status = 0
    for path in args.files:
        try:
            for document in _documents(path, args.format, args.strict):
                text = json.dumps(
                    to_dict(document), indent=indent, sort_keys=True, ensure_ascii=ascii_only
                )
                out.write(text + "\n")
        except BrokenPipeError:
            raise  # the reader is gone: stop, rather than report every later file as failed
        except (NewsdocError, OSError) as exc:
            _report(path, exc)
            status = 1
        out.flush()
    return status


def _documents(path: str, format_name: str | None, strict: bool) -> Iterator[Document]:
    if path != "-":
        return load_all(path, format=format_name, strict=strict)
    data = sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1)
    return loads_all(data, source="<stdin>", format=format_name, strict=strict)


def _detect(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            name = detect(path)
        except (NewsdocError, OSError) as exc:
            _report(path, exc)
            status = 1
            continue
        sys.stdout.write(f"{path}: {name}\n")
    return status


def _report(path: str, exc: BaseException) -> None:
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        sys.stderr.write(f"newsdoc: {path}: {reason}\n")
    else:
        sys.stderr.write(f"newsdoc: {exc}\n")


def _speaks_utf8(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None) or ""
    return encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")
