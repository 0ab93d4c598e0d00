"""The ``newsdoc`` command: documents from files, folders, globs and archives, in five outputs.

Exit status: 0 when every input was handled, 1 when any input failed (each failure is a record
in the output and a line on stderr, and the other inputs are still handled), 2 on bad usage,
130 when interrupted.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Final, TextIO

from newsdoc._version import __version__
from newsdoc.api import detect, formats
from newsdoc.archive import ARCHIVE_FORMAT, is_archive
from newsdoc.batch import DataTask, Input, load_many, read_input
from newsdoc.batch.paths import failure_of, is_pattern
from newsdoc.cli.output import OUTPUTS, Writer, check_fields, file_name, make_writer
from newsdoc.cli.run import Duplicates, Progress, is_terminal, summary_line
from newsdoc.errors import NewsdocError
from newsdoc.limits import DEFAULT_LIMITS
from newsdoc.model import Document, Failure
from newsdoc.source import read_head

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
    except _ReaderGone:
        # The reader went away (`newsdoc ... | head`); stop quietly, as other filters do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except _CannotWrite as exc:
        sys.stderr.write(f"newsdoc: cannot write {exc}\n")
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
            # utf-8-sig: a list saved by an editor may start with a byte-order mark.
            paths_from = open(args.files_from, encoding="utf-8-sig")  # noqa: SIM115
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
    """Whether the one path given is parsed in this process, without workers.

    Yes for a file, a pipe (``<(...)``) or standard input; no for a folder, a glob or a web
    archive (whose records go to the workers).
    """
    if path == "-":
        return True
    if is_pattern(path):
        return False
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            return False
        return not stat.S_ISREG(mode) or not is_archive(read_head(path, 4096, DEFAULT_LIMITS))
    except (OSError, NewsdocError):
        return True  # reported by the parse, as for any file


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


class _ReaderGone(Exception):
    """The reader of standard output went away (``newsdoc ... | head``)."""


class _CannotWrite(Exception):
    """The output cannot be written (a missing folder, a full disk)."""

    def __init__(self, path: str, error: OSError) -> None:
        super().__init__(f"{path}: {error.strerror or error}")


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
        reconfigure = getattr(stream, "reconfigure", None)
        if ascii_only and output not in ("json", "jsonl") and reconfigure is not None:
            # Only JSON can escape what a terminal's encoding cannot show: the others say it
            # with backslashes rather than fail on the first such character.
            reconfigure(errors="backslashreplace")
    else:
        stream = _open_output(args.output)
        ascii_only = False
    try:
        writer = make_writer(
            output, stream, ascii_only=ascii_only, indent=args.indent, fields=args.fields
        )
        status = _each(results, writer, progress)
        writer.close()
    except BrokenPipeError as exc:
        raise _ReaderGone from exc
    except OSError as exc:
        raise _CannotWrite(args.output or "<stdout>", exc) from exc
    finally:
        if stream is not sys.stdout:
            stream.close()
    return status


def _open_output(path: str) -> TextIO:
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as exc:
        raise _CannotWrite(path, exc) from exc


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


_FAILURES: Final = "failures.jsonl"


def _write_folder(
    results: Iterator[Document | Failure], args: argparse.Namespace, output: str, progress: Progress
) -> int:
    try:
        os.makedirs(args.output, exist_ok=True)
    except OSError as exc:
        raise _CannotWrite(args.output, exc) from exc
    # The folder accounts for every input: what failed is listed beside what did not (an
    # empty list when nothing did), under a name no document takes.
    taken = {_FAILURES}
    failed = 0
    with _open_output(os.path.join(args.output, _FAILURES)) as listing:
        failures = make_writer("jsonl", listing, ascii_only=False, indent=None, fields=())
        for item in results:
            if isinstance(item, Failure):
                _report(item)
                failures.failure(item)
                failed += 1
            else:
                path = os.path.join(args.output, file_name(item.source, output, taken))
                with _open_output(path) as stream:
                    writer = make_writer(
                        output, stream, ascii_only=False, indent=args.indent, fields=args.fields
                    )
                    writer.document(item)
                    writer.close()
            progress.update(failed)
    return 1 if failed else 0


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
