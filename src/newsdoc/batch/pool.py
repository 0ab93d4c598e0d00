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
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, Final

import attrs

from newsdoc.archive import Skipped
from newsdoc.batch.feed import Feed
from newsdoc.batch.inputs import Task, task_source
from newsdoc.batch.work import READY, Options
from newsdoc.errors import NewsdocError
from newsdoc.model import Document, Failure

__all__ = ["Counts", "run"]

Item = Document | Failure
# Tasks handed out but not yet given back in full, per worker: enough to keep every worker busy
# while the results of a slow task wait to be given in order, and no more (memory stays flat).
# On the corpus pages (2 to 100 ms each), 4 left a worker idle behind a slow page: two workers
# ran 1.32 times the loop; 16 gives 1.66 times (benchmarks/batch.py).
_WINDOW_PER_WORKER: Final = 16
# Tasks sent to a worker at once: the one it works on, and the next.
_TASKS_PER_WORKER: Final = 2
# The most seconds a worker may take to start (an interpreter and newsdoc's imports: about 0.3).
_START_LIMIT: Final = 120.0
# Workers in a row that die before they are ready, after which the run stops.
_STILLBORN: Final = 3
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
    # The tasks sent to it, in order: the first is the one it works on, the next waits in its
    # pipe, so that it never waits for this process between two tasks.
    queue: deque[tuple[int, Task]] = attrs.Factory(deque)
    # When the task it works on is late, if there is a time limit and it has started.
    deadline: float | None = None
    # Set by the worker's first word: its start (an interpreter, newsdoc's imports) is not
    # counted against the time limit of its first task.
    ready: bool = False
    # When it was started: one that is not ready by _START_LIMIT after is stopped.
    started: float = attrs.Factory(time.monotonic)

    @property
    def index(self) -> int | None:
        """The task it works on, or ``None`` when it has none."""
        return self.queue[0][0] if self.queue else None

    @property
    def source(self) -> str:
        """The name of the task it works on."""
        return task_source(self.queue[0][1]) if self.queue else ""


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
            # A group of its own: Ctrl-C at the terminal reaches this process alone, which
            # stops its workers itself (a worker still importing would print a traceback).
            process_group=0,
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
        """Whether a worker has room for a task (or one may be started)."""
        return len(self.all) < self._jobs or any(
            len(worker.queue) < _TASKS_PER_WORKER for worker in self.all
        )

    def least_busy(self) -> _Worker:
        """The worker with the fewest tasks, started if none is idle and there is room."""
        best = min(self.all, key=lambda worker: len(worker.queue), default=None)
        if best is None or (best.queue and len(self.all) < self._jobs):
            best = _spawn(self._options)
            self.all.append(best)
        return best

    def busy(self) -> list[_Worker]:
        return [worker for worker in self.all if worker.queue]

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
            if not worker.queue:
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
        if not self._ordered:
            return  # nothing waits: nothing to keep
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
    # Tasks a lost worker had not started: handed out again before any new one.
    again: deque[tuple[int, Task]] = deque()
    stillborn = 0  # workers in a row that died before they were ready
    dispatched = 0
    feed: Feed[Task | Skipped | Failure] = Feed(tasks, window)

    def count(item: Item) -> Item:
        if isinstance(item, Failure):
            counts.failures += 1
        else:
            counts.documents += 1
        return item

    def start_clock(worker: _Worker) -> None:
        # The clock runs from the worker's last word: each document of a source has the whole
        # time, and neither a wait for the caller nor the worker's own start is counted.
        if not worker.queue:
            worker.deadline = None
        elif not worker.ready:
            worker.deadline = worker.started + _START_LIMIT  # a start that never ends
        else:
            worker.deadline = None if timeout is None else clock() + timeout

    def lose(worker: _Worker, error: str, message: str) -> Iterator[Item]:
        """A worker gone (killed, or dead): its task failed, the ones it had not started kept."""
        nonlocal stillborn
        index = worker.index
        workers.discard(worker)
        stillborn = 0 if worker.ready else stillborn + 1
        if stillborn >= _STILLBORN:
            # Not an input's fault: workers cannot start here (a format that cannot be loaded
            # in them, a broken environment). Every input would fail the same way.
            msg = (
                f"newsdoc's worker processes die as they start ({_exit(worker.process.returncode)}"
                f", {stillborn} in a row); their error output says why"
            )
            raise NewsdocError(msg)
        waiting = list(worker.queue)[1:]
        again.extendleft(reversed(waiting))
        if index is not None:
            failure = Failure(source=worker.source, error=error, message=message)
            yield from map(count, order.item(index, failure))
            yield from map(count, order.done(index))

    try:
        while True:
            # Hand tasks out while a worker has room and the window has room.
            hungry = False  # whether the next input is wanted and not read yet
            while workers.can_take() and (again or not feed.exhausted):
                if again:
                    index, task = again.popleft()
                else:
                    if order.open(dispatched) >= window:
                        break
                    pulled = feed.take()
                    if pulled is None:
                        hungry = not feed.exhausted
                        break
                    if isinstance(pulled, Skipped):
                        counts.skipped[pulled.reason] = counts.skipped.get(pulled.reason, 0) + 1
                        continue
                    index = dispatched
                    dispatched += 1
                    counts.tasks += 1
                    if isinstance(pulled, Failure):  # an input that gave no task: a missing file
                        yield from map(count, order.item(index, pulled))
                        yield from map(count, order.done(index))
                        continue
                    task = pulled
                worker = workers.least_busy()
                worker.queue.append((index, task))
                try:
                    worker.connection.send((index, task))
                except OSError:
                    # It died since it was last heard from: the task goes to another.
                    again.appendleft(worker.queue.pop())
                    code = _exit_status(worker.process)
                    message = f"{worker.source}: the worker process parsing it died ({_exit(code)})"
                    yield from lose(worker, "WorkerDied", message)
                    continue
                if len(worker.queue) == 1:
                    start_clock(worker)
            busy = workers.busy()
            if not busy and not hungry:
                if feed.exhausted and not again:
                    return
                continue
            deadlines = [worker.deadline for worker in busy if worker.deadline is not None]
            wait_for = None if not deadlines else max(0.0, min(deadlines) - clock())
            # A worker that dies closes its end: its connection is ready, with nothing in it.
            waitables: list[Any] = [worker.connection for worker in busy]
            if hungry:
                waitables.append(feed.waitable)
            ready = wait(waitables, wait_for)
            if feed.waitable in ready:
                feed.drain()
            for worker in busy:
                if worker.connection not in ready:
                    continue
                try:
                    yield from map(count, _receive(worker, order))
                except (EOFError, OSError):
                    code = _exit_status(worker.process)
                    message = f"{worker.source}: the worker process parsing it died ({_exit(code)})"
                    yield from lose(worker, "WorkerDied", message)
                    continue
                start_clock(worker)
            now = clock()
            for worker in workers.busy():
                if worker.deadline is None or now < worker.deadline:
                    continue
                if worker.connection.poll():
                    continue  # it has spoken, and waits to be heard: not late
                if not worker.ready:
                    message = (
                        f"{worker.source}: the worker process to parse it did not start in "
                        f"{_START_LIMIT:g} s; it was stopped"
                    )
                else:
                    message = (
                        f"{worker.source}: parsing took longer than the time limit "
                        f"({timeout:g} s) without giving a document; it was stopped"
                    )
                yield from lose(worker, "TimeoutError", message)
    finally:
        feed.close()
        workers.stop()


def _receive(worker: _Worker, order: _Order) -> Iterator[Item]:
    """Everything a worker has sent so far.

    Raises:
        EOFError: The worker is gone (its end of the pipe is closed).
    """
    while worker.connection.poll():
        index, item = worker.connection.recv()
        if index == READY:
            worker.ready = True
        elif item is None:
            worker.queue.popleft()
            yield from order.done(index)
        else:
            yield from order.item(index, item)


def _exit_status(process: subprocess.Popen[bytes]) -> int | None:
    """The exit status of a worker whose pipe has closed: it is ending, or has ended."""
    try:
        return process.wait(_STOP_GRACE)
    except subprocess.TimeoutExpired:
        return None


def _exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit status {code}"
