"""The ``newsdoc`` command: documents from files, folders, globs and archives, in five outputs.

Exit status: 0 when every input was handled, 1 when any input failed (each failure is a record
in the output and a line on stderr, and the other inputs are still handled), 2 on bad usage,
130 when interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TextIO

from newsdoc._version import __version__
from newsdoc.api import detect, formats
from newsdoc.archive import ARCHIVE_FORMAT
from newsdoc.batch import DataTask, Input, load_many, read_input
from newsdoc.batch.inputs import failure_of
from newsdoc.cli.output import OUTPUTS, Writer, check_fields, file_name, make_writer
from newsdoc.cli.run import Duplicates, Progress, is_terminal, summary_line
from newsdoc.errors import NewsdocError
from newsdoc.limits import DEFAULT_LIMITS
from newsdoc.model import Document, Failure

__all__ = ["main"]

_DESCRIPTION = """\
Parse news documents and write each one out (JSON by default: the layout of newsdoc.to_dict).

  newsdoc PATH...                  every document of each file, folder (recursive) or glob
  newsdoc - < page.html            standard input
  newsdoc --files-from list.txt    the paths listed in a file, one per line (- reads stdin)
  newsdoc pages/ --to csv -o pages.csv --jobs 4
  newsdoc CC-NEWS-*.warc.gz --to jsonl -o news.jsonl --dedupe
  newsdoc detect PATH...           the detected format of each file (- reads stdin)
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args[:1] == ["detect"]:
            return _detect(_detect_parser().parse_args(args[1:]))
        parser = _main_parser()
        return _parse(parser.parse_args(args), parser)
    except BrokenPipeError:
        # The reader went away (`newsdoc ... | head`); stop quietly, as other filters do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("newsdoc: interrupted\n")
        return 130


def _positive(kind: type[int] | type[float]) -> Callable[[str], int | float]:
    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            msg = f"not a number: {text!r}"
            raise argparse.ArgumentTypeError(msg) from None
        if not value > 0:
            msg = f"must be greater than 0, got {text}"
            raise argparse.ArgumentTypeError(msg)
        return value

    return parse


def _fields(text: str) -> tuple[str, ...]:
    try:
        return check_fields(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdoc",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add = parser.add_argument
    add(
        "paths", nargs="*", metavar="PATH", help="files, folders, globs or web archives; - is stdin"
    )
    add("--files-from", metavar="FILE", help="read more paths from FILE, one per line (- is stdin)")
    add("--to", choices=OUTPUTS, default=None, help="the output format (default json)")
    add("--jsonl", action="store_true", help="the same as --to jsonl")
    add("-o", "--output", metavar="FILE|DIR", help="write to FILE, or one file per document in DIR")
    add("--fields", type=_fields, default=(), metavar="A,B", help="the fields of csv and json rows")
    add("--jobs", type=_positive(int), metavar="N", help="worker processes (default: the cores)")
    add(
        "--timeout",
        type=_positive(float),
        default=60.0,
        metavar="S",
        help="stop an input after S seconds (default 60)",
    )
    add("--dedupe", action="store_true", help="drop documents with the URL or body of an earlier")
    names = (*formats(), ARCHIVE_FORMAT)  # a web archive is named too, though not a format
    add("--format", choices=names, metavar="NAME", help=f"skip detection: {', '.join(names)}")
    add("--strict", action="store_true", help="treat the first parse warning as an error")
    add("--indent", type=int, default=2, metavar="N", help="indentation of JSON (default 2)")
    add("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    add("--version", action="version", version=f"newsdoc {__version__}")
    return parser


def _detect_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdoc detect", description="Print the detected format of each file."
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to look at; - is stdin")
    return parser


def _parse(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if not args.paths and not args.files_from:
        parser.error("give at least one PATH, or --files-from")
    if args.files_from == "-" and "-" in args.paths:
        parser.error("standard input cannot be both a PATH and --files-from")
    output = args.to or ("jsonl" if args.jsonl else "json")
    if args.fields and output not in ("csv", "jsonl", "json"):
        parser.error(f"--fields applies to csv and json outputs, not {output}")
    folder = args.output is not None and (
        os.path.isdir(args.output) or args.output.endswith(("/", os.sep))
    )
    paths_from: TextIO | None = None
    if args.files_from == "-":
        paths_from = sys.stdin
    elif args.files_from:
        try:
            paths_from = open(args.files_from, encoding="utf-8")  # noqa: SIM115
        except OSError as exc:
            parser.error(f"--files-from {args.files_from}: {exc.strerror or exc}")
    inputs = _inputs(args.paths, paths_from)
    single = (
        args.jobs is None and not args.files_from and len(args.paths) == 1 and _plain(args.paths[0])
    )
    if single:
        # One file: parsed here, without starting a worker for it.
        results: Iterator[Document | Failure] = read_input(
            next(iter(inputs)), format=args.format, strict=args.strict
        )
        batch = None
    else:
        batch = load_many(
            inputs, jobs=args.jobs, timeout=args.timeout, format=args.format, strict=args.strict
        )
        results = batch
    duplicates = Duplicates() if args.dedupe else None
    if duplicates is not None:
        results = duplicates.filter(results)
    progress = Progress(
        sys.stderr, enabled=not args.quiet and not single and is_terminal(sys.stderr)
    )
    try:
        status = _write(results, args, output, folder, progress)
    finally:
        progress.close()
        if batch is not None:
            batch.close()
    if batch is not None and not args.quiet:
        dropped = duplicates.dropped if duplicates is not None else None
        sys.stderr.write(summary_line(batch.summary, dropped))
    return status


def _plain(path: str) -> bool:
    return path == "-" or os.path.isfile(path)


def _inputs(paths: list[str], paths_from: TextIO | None) -> Iterator[Input]:
    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1)
            yield DataTask(source="<stdin>", data=data)
        else:
            yield path
    if paths_from is not None:
        # Read as the run goes: a list of millions of paths is never held whole.
        with paths_from:
            for line in paths_from:
                if line.strip():
                    yield line.rstrip("\r\n")


def _write(
    results: Iterator[Document | Failure],
    args: argparse.Namespace,
    output: str,
    folder: bool,
    progress: Progress,
) -> int:
    if folder:
        return _write_folder(results, args, output, progress)
    stream: TextIO
    if args.output is None:
        stream, ascii_only = sys.stdout, not _speaks_utf8(sys.stdout)
    else:
        stream = open(args.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        ascii_only = False
    try:
        writer = make_writer(
            output, stream, ascii_only=ascii_only, indent=args.indent, fields=args.fields
        )
        status = _each(results, writer, progress)
        writer.close()
    finally:
        if stream is not sys.stdout:
            stream.close()
    return status


def _each(results: Iterator[Document | Failure], writer: Writer, progress: Progress) -> int:
    status = 0
    failures = 0
    for item in results:
        if isinstance(item, Failure):
            failures += 1
            status = 1
            _report(item)
            writer.failure(item)
        else:
            writer.document(item)
        if writer.stream is sys.stdout:
            writer.stream.flush()
        progress.update(failures)
    return status


def _write_folder(
    results: Iterator[Document | Failure], args: argparse.Namespace, output: str, progress: Progress
) -> int:
    os.makedirs(args.output, exist_ok=True)
    taken: set[str] = set()
    failures: list[Failure] = []
    for item in results:
        if isinstance(item, Failure):
            _report(item)
            failures.append(item)
        else:
            path = os.path.join(args.output, file_name(item.source, output, taken))
            with open(path, "w", encoding="utf-8", newline="") as stream:
                writer = make_writer(
                    output, stream, ascii_only=False, indent=args.indent, fields=args.fields
                )
                writer.document(item)
                writer.close()
        progress.update(len(failures))
    if failures:
        # The folder accounts for every input: what failed is listed beside what did not.
        with open(os.path.join(args.output, "failures.jsonl"), "w", encoding="utf-8") as stream:
            writer = make_writer("jsonl", stream, ascii_only=False, indent=None, fields=())
            for failure in failures:
                writer.failure(failure)
    return 1 if failures else 0


def _detect(args: argparse.Namespace) -> int:
    status = 0
    for path in args.files:
        try:
            if path == "-":
                name = detect(sys.stdin.buffer.read(DEFAULT_LIMITS.max_bytes + 1))
            else:
                name = detect(path)
        except (NewsdocError, OSError) as exc:
            _report(failure_of(path, exc))
            status = 1
            continue
        sys.stdout.write(f"{path}: {name}\n")
    return status


def _report(failure: Failure) -> None:
    message = failure.message
    if not message.startswith(failure.source):
        message = f"{failure.source}: {message}"
    sys.stderr.write(f"newsdoc: {message}\n")


def _speaks_utf8(stream: TextIO) -> bool:
    encoding = getattr(stream, "encoding", None) or ""
    return encoding.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig")
