"""Worker processes that parse tasks, each within a time limit that really stops it.

Not :mod:`concurrent.futures`: its pool cannot stop one task that runs too long (only the whole
pool), and a worker that dies breaks the pool for every task after it. Here each worker has its
own pipe; a worker past its deadline is killed and replaced, and so is one that dies, and its
task is reported as a failure while the others go on.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Final

import attrs

from newsdoc.archive import Skipped
from newsdoc.batch.inputs import Task, task_source
from newsdoc.batch.work import READY, Options
from newsdoc.model import Document, Failure

__all__ = ["Counts", "run"]

Item = Document | Failure
# Tasks handed out but not yet given back in full, per worker: enough to keep every worker busy
# while the results of a slow task wait to be given in order, and no more (memory stays flat).
_WINDOW_PER_WORKER: Final = 4
# How long a worker asked to stop may take before it is killed.
_STOP_GRACE: Final = 1.0


@attrs.define
class Counts:
    """What a run has done so far, updated as it goes."""

    tasks: int = 0
    documents: int = 0
    failures: int = 0
    skipped: dict[str, int] = attrs.Factory(dict)


@attrs.define(eq=False)
class _Worker:
    process: subprocess.Popen[bytes]
    connection: Connection
    index: int | None = None
    source: str = ""
    deadline: float | None = None
    # Set by the worker's first word: its start (an interpreter, newsdoc's imports) is not
    # counted against the time limit of its first task.
    ready: bool = False


def _spawn(options: Options) -> _Worker:
    """A new worker: ``python -m newsdoc.batch`` with one end of a socket pair.

    A child process of its own, not :mod:`multiprocessing`'s: that re-imports the caller's main
    module in every worker (which breaks scripts without a ``__main__`` guard, notebooks and
    programs read from standard input), or forks the caller with its threads and locks.
    """
    ours, theirs = socket.socketpair()
    environment = dict(os.environ)
    # The worker finds newsdoc (and any format plugin) where this process found it.
    environment["PYTHONPATH"] = os.pathsep.join(path for path in sys.path if path)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdoc.batch", str(theirs.fileno())],
            pass_fds=(theirs.fileno(),),
            stdin=subprocess.DEVNULL,
            env=environment,
        )
    finally:
        theirs.close()
    connection = Connection(ours.detach())
    connection.send(options)
    return _Worker(process=process, connection=connection)


class _Workers:
    """The running workers: started when there is work for them, replaced when lost."""

    def __init__(self, jobs: int, options: Options) -> None:
        self._jobs = jobs
        self._options = options
        self.all: list[_Worker] = []

    def can_take(self) -> bool:
        """Whether a task handed out now would start at once."""
        return len(self.all) < self._jobs or any(worker.index is None for worker in self.all)

    def idle(self) -> _Worker:
        """A worker with no task, started if need be (only when :meth:`can_take`)."""
        for worker in self.all:
            if worker.index is None:
                return worker
        worker = _spawn(self._options)
        self.all.append(worker)
        return worker

    def busy(self) -> list[_Worker]:
        return [worker for worker in self.all if worker.index is not None]

    def discard(self, worker: _Worker) -> None:
        """Kill a worker (past its deadline, or dead already) and forget it."""
        if worker.process.poll() is None:
            worker.process.kill()
        worker.process.wait()
        worker.connection.close()
        self.all.remove(worker)

    def stop(self) -> None:
        """Stop every worker: idle ones are asked, busy ones killed."""
        for worker in self.all:
            if worker.index is None:
                with contextlib.suppress(OSError):
                    worker.connection.send(None)
            else:
                worker.process.kill()
        deadline = time.monotonic() + _STOP_GRACE
        for worker in self.all:
            try:
                worker.process.wait(max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                worker.process.kill()
                worker.process.wait()
            worker.connection.close()
        self.all.clear()


class _Order:
    """Items given back in the order of their tasks, or as they come."""

    def __init__(self, ordered: bool) -> None:
        self._ordered = ordered
        self._next = 0
        self._done = 0
        self._waiting: dict[int, list[Item]] = {}
        self._finished: set[int] = set()

    def item(self, index: int, item: Item) -> Iterator[Item]:
        if not self._ordered or index == self._next:
            yield item
        else:
            self._waiting.setdefault(index, []).append(item)

    def done(self, index: int) -> Iterator[Item]:
        self._done += 1
        self._finished.add(index)
        while self._next in self._finished:
            self._finished.remove(self._next)
            self._next += 1
            yield from self._waiting.pop(self._next, ())

    def open(self, dispatched: int) -> int:
        """How many tasks are handed out and not yet given back in full."""
        return dispatched - (self._next if self._ordered else self._done)


def run(
    tasks: Iterator[Task | Skipped | Failure],
    *,
    jobs: int,
    timeout: float | None,
    ordered: bool,
    options: Options,
    counts: Counts,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[Item]:
    """Parse every task on ``jobs`` worker processes; yield documents and failures."""
    workers = _Workers(jobs, options)
    order = _Order(ordered)
    window = jobs * _WINDOW_PER_WORKER
    dispatched = 0
    exhausted = False

    def count(item: Item) -> Item:
        if isinstance(item, Failure):
            counts.failures += 1
        else:
            counts.documents += 1
        return item

    try:
        while True:
            # Hand tasks out while a worker is free and the window has room.
            while not exhausted and order.open(dispatched) < window and workers.can_take():
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                    break
                if isinstance(task, Skipped):
                    counts.skipped[task.reason] = counts.skipped.get(task.reason, 0) + 1
                    continue
                index = dispatched
                dispatched += 1
                counts.tasks += 1
                if isinstance(task, Failure):  # an input that gave no task: a missing file
                    yield from map(count, order.item(index, task))
                    yield from map(count, order.done(index))
                    continue
                worker = workers.idle()
                worker.index, worker.source = index, task_source(task)
                on_time = timeout is not None and worker.ready
                worker.deadline = clock() + timeout if timeout is not None and on_time else None
                worker.connection.send((index, task))
            busy = workers.busy()
            if not busy:
                if exhausted:
                    return
                continue
            deadlines = [worker.deadline for worker in busy if worker.deadline is not None]
            wait_for = None if not deadlines else max(0.0, min(deadlines) - clock())
            # A worker that dies closes its end: its connection is ready, with nothing in it.
            ready = wait([worker.connection for worker in busy], wait_for)
            for worker in busy:
                if worker.connection in ready:
                    yield from map(count, _receive(worker, workers, order))
                    if worker.index is not None and timeout is not None:
                        # The clock runs from the worker's last word: each document of a
                        # source has the whole time, and a wait for the caller is not counted.
                        worker.deadline = clock() + timeout
            now = clock()
            for worker in workers.busy():
                late = worker.index
                if worker.deadline is None or now < worker.deadline or late is None:
                    continue
                if worker.connection.poll():
                    continue  # it has spoken, and waits to be heard: not late
                message = (
                    f"{worker.source}: parsing took longer than the time limit "
                    f"({timeout:g} s) without giving a document; it was stopped"
                )
                workers.discard(worker)
                failure = Failure(source=worker.source, error="TimeoutError", message=message)
                yield from map(count, order.item(late, failure))
                yield from map(count, order.done(late))
    finally:
        workers.stop()


def _receive(worker: _Worker, workers: _Workers, order: _Order) -> Iterator[Item]:
    """Everything a worker has sent; a worker that died is replaced and its task failed."""
    while True:
        try:
            if not worker.connection.poll():
                return
            index, item = worker.connection.recv()
            if index == READY:
                worker.ready = True
                continue
        except (EOFError, OSError):
            lost = worker.index
            workers.discard(worker)
            code = worker.process.returncode
            message = f"{worker.source}: the worker process parsing it died ({_exit(code)})"
            failure = Failure(source=worker.source, error="WorkerDied", message=message)
            if lost is not None:
                yield from order.item(lost, failure)
                yield from order.done(lost)
            return
        if item is None:
            worker.index, worker.deadline = None, None
            yield from order.done(index)
            return
        yield from order.item(index, item)


def _exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"
