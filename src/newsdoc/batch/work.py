"""One task parsed: its documents, or a failure record in the place of those it could not give.

This is what a worker process runs, and what :func:`read_input` runs in the calling process for
engines that bring their own workers (Spark, Dask). It never raises for an input's sake.
"""

from __future__ import annotations

import pickle
import signal
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection

import attrs

from newsdoc.analysis.identify import load_model
from newsdoc.api import load_all, load_member, loads_all
from newsdoc.archive import ARCHIVE_FORMAT, Skipped
from newsdoc.batch.inputs import DataTask, FileTask, Input, Task, expand, task_source
from newsdoc.batch.paths import failure_of
from newsdoc.limits import DEFAULT_LIMITS, Limits
from newsdoc.model import Document, Failure
from newsdoc.registry import Format, default_registry

__all__ = ["READY", "Options", "read_input", "run_task", "serve"]

#: The index of a worker's first message, ``(READY, None)``: started, and waiting for tasks.
READY = -1


@attrs.frozen(kw_only=True)
class Options:
    """How every task of a run is parsed: the keyword arguments of :func:`newsdoc.load_all`."""

    format: str | None = None
    strict: bool = False
    limits: Limits = DEFAULT_LIMITS
    #: The caller's registered formats, in order, so that a worker knows the same ones (those
    #: registered at run time too); empty in the calling process, which has them.
    formats: tuple[Format, ...] = ()


def run_task(task: Task, options: Options) -> Iterator[Document | Failure]:
    """The documents of one task; a failure record ends it when it cannot go on."""
    source = task_source(task)
    try:
        documents: Iterable[Document]
        if isinstance(task, FileTask):
            documents = load_all(
                task.path, format=options.format, strict=options.strict, limits=options.limits
            )
        elif isinstance(task, DataTask):
            documents = loads_all(
                task.data,
                source=task.source,
                format=options.format,
                strict=options.strict,
                limits=options.limits,
            )
        else:
            # "warc" names the archive the record came from: its page's format is sniffed.
            page_format = None if options.format == ARCHIVE_FORMAT else options.format
            documents = load_member(
                task, format=page_format, strict=options.strict, limits=options.limits
            )
        yield from documents
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException as exc:  # noqa: BLE001 - one input's failure must not end the run
        # NewsdocError and OSError are the input's fault; anything else is a bug (a plugin's,
        # or ours) that one input met: the run still accounts for it and goes on.
        yield failure_of(source, exc)


def read_input(
    source: Input,
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[Document | Failure]:
    """Every document an input holds, or failure records, in this process; never raises.

    The building block for engines that bring their own workers (see the Spark and Dask
    integrations): ``source`` is a file, a folder, a glob or a web archive, as for
    :func:`newsdoc.load_many`. Records of an archive that are not HTML pages are passed over.
    There is no time limit here: the engine's own task limits apply.

    Args:
        source: The input.
        format: The name of a registered format, to skip detection.
        strict: Turn the first parse warning of a document into a failure.
        limits: Safety limits for each file or archive record.

    Yields:
        Documents and :class:`~newsdoc.Failure` records, in the input's order.
    """
    options = Options(format=format, strict=strict, limits=limits)
    for task in expand((source,), limits):
        if isinstance(task, Failure):
            yield task
        elif not isinstance(task, Skipped):
            yield from run_task(task, options)


def serve(connection: Connection, options: Options) -> None:
    """A worker process's loop: tasks in, one message per document or failure, then ``None``.

    Each message is ``(index, item)``; ``(index, None)`` says the task is done. The parent
    stops a worker by closing its end of the pipe, or by killing it when a task runs too long.
    """
    # A worker has a process group of its own; should Ctrl-C reach it anyway, the parent is
    # the one that stops it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if options.formats:
        default_registry.replace_all(options.formats)
    # The language model (0.6 s to load) is part of the worker's start, which the time
    # limit does not count, not of its first input's parse.
    load_model()
    try:
        connection.send((READY, None))
        while True:
            try:
                message = connection.recv()
            except EOFError:
                return
            if message is None:
                return
            index, task = message
            for item in run_task(task, options):
                try:
                    payload = pickle.dumps((index, item), pickle.HIGHEST_PROTOCOL)
                except Exception as exc:  # noqa: BLE001 - a plugin's record that cannot travel
                    connection.send((index, failure_of(task_source(task), exc)))
                    break
                connection.send_bytes(payload)
            connection.send((index, None))
    except OSError:
        return  # the parent is gone (ended, or killed): nobody is left to tell
