"""What a run over many inputs works on: paths, folders, globs and archives, as tasks.

A task is one unit of work that a worker process parses and the time limit applies to: a file,
bytes read by the caller (standard input), or one record of a web archive. The archive itself is
read here, in the calling process, record by record, so that the records of one archive are
spread over every worker and each has its own time limit.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from typing import IO, Final, TypeAlias

import attrs

from newsdoc.archive import Broken, Member, Skipped, is_archive, iter_members, iter_stream
from newsdoc.batch.paths import failure_of, files_of
from newsdoc.errors import NewsdocError
from newsdoc.limits import Limits
from newsdoc.model import Failure
from newsdoc.source import head_of, read_head

__all__ = ["DataTask", "FileTask", "Input", "Task", "expand", "task_source"]

# Enough of a file's start to tell a web archive, even when it is gzip-compressed.
_HEAD: Final = 4096


@attrs.frozen
class FileTask:
    """A file, read and parsed whole in a worker."""

    path: str


@attrs.frozen
class DataTask:
    """Bytes the caller already holds (standard input), parsed in a worker."""

    source: str
    data: bytes


Task: TypeAlias = FileTask | DataTask | Member
#: What :func:`newsdoc.load_many` takes: a path, folder or glob, an open binary file (a web
#: archive on a stream the caller opened), or an archive's record.
Input: TypeAlias = "str | os.PathLike[str] | IO[bytes] | Member | DataTask"


def task_source(task: Task) -> str:
    """The name a task's documents and failures carry."""
    return task.path if isinstance(task, FileTask) else task.source


def expand(inputs: Iterable[Input], limits: Limits) -> Iterator[Task | Skipped | Failure]:
    """Every task the inputs hold, in order; inputs that hold none give a failure.

    A folder gives its files, recursively, sorted by name, without hidden files and folders
    (those whose names start with a dot); a glob gives the files it matches, sorted (``**``
    matches folders at any depth); a web archive gives its records (see :mod:`.paths`).
    """
    for item in inputs:
        if isinstance(item, Member | DataTask):
            yield item
            continue
        if not isinstance(item, str | os.PathLike):
            if hasattr(item, "read"):
                yield from _stream(item, limits)
            else:
                kind = type(item).__name__
                message = f"{item!r:.100}: a {kind}, not a path, an open file or an archive record"
                yield Failure(source=f"{item!r:.100}", error="TypeError", message=message)
            continue
        for path in files_of(os.fspath(item)):
            if isinstance(path, Failure):
                yield path
            else:
                yield from _file(path, limits)


def _stream(stream: IO[bytes], limits: Limits) -> Iterator[Task | Skipped | Failure]:
    """An open binary file's tasks: a web archive's records, or the file's bytes.

    An archive is read record by record (the stream must be seekable); anything else is read
    whole, within ``limits.max_bytes``, and parsed in a worker.
    """
    name = getattr(stream, "name", None)
    label = name if isinstance(name, str) else "<stream>"
    try:
        head = stream.read(_HEAD)
        if is_archive(head_of(head, _HEAD, label, limits)):
            yield from _members(iter_stream(stream, label, limits=limits), label)
            return
        rest = stream.read(limits.max_bytes + 1 - len(head))
    except (NewsdocError, OSError, ValueError) as exc:  # ValueError: a closed file
        yield failure_of(label, exc)
        return
    yield DataTask(source=label, data=head + rest)


def _members(
    records: Iterator[Member | Skipped | Broken], label: str
) -> Iterator[Task | Skipped | Failure]:
    try:
        for record in records:
            if isinstance(record, Broken):
                yield Failure(source=record.source, error="ParseError", message=record.message)
            else:
                yield record
    except (NewsdocError, OSError) as exc:
        yield failure_of(label, exc)


def _file(path: str, limits: Limits) -> Iterator[Task | Skipped | Failure]:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            # A FIFO or a device named on purpose (a shell's process substitution): its first
            # bytes must not be taken here, so it is no archive; its worker reads it whole.
            yield FileTask(path)
            return
        head = read_head(path, _HEAD, limits)
    except OSError as exc:
        yield failure_of(path, exc)
        return
    except NewsdocError:
        head = b""  # broken gzip: the worker's full read reports it
    if not is_archive(head):
        yield FileTask(path)
        return
    try:
        records = iter_members(path, limits=limits)
    except (NewsdocError, OSError) as exc:
        yield failure_of(path, exc)
        return
    yield from _members(records, path)
