"""Running one load in a child process, measured: CPU time and peak memory, under a deadline.

A child of its own is the only honest measure of peak memory (lxml allocates outside Python's
allocator, and the peak of a process never goes down). The child is forked, so it starts with
everything the test process has imported and warmed; what it adds is what the load costs.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import resource
import select
import signal
import time
from collections.abc import Callable
from typing import Any

import attrs

_PAGE = os.sysconf("SC_PAGE_SIZE")


@attrs.frozen
class Measured:
    """What a bounded run gave: the function's result, or the error it raised; and its cost."""

    result: Any
    error: str | None  # "ClassName: message"
    cpu_seconds: float
    peak_bytes: int  # resident memory at the peak, above what the child started with


def _resident() -> int:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * _PAGE


def _release_free_memory() -> None:
    """Give the heap's free pages back, so that what the child allocates shows in its RSS.

    Pages the parent freed stay resident; allocations that reuse them would not count.
    """
    # Not glibc: no trim, and the measure may be a little low.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_bounded(function: Callable[[], Any], *, deadline: float) -> Measured:
    """Run ``function`` in a forked child; kill it after ``deadline`` seconds of wall time.

    Raises:
        TimeoutError: The child did not finish in time.
    """
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report through the pipe, and leave at once
        os.close(reader)
        try:
            _release_free_memory()
            base = _resident()
            started = _cpu()
            try:
                result, error = function(), None
            except Exception as exc:  # noqa: BLE001 (reported to the parent, which judges it)
                result, error = None, f"{type(exc).__name__}: {exc}"
            cpu = _cpu() - started
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - base
            payload = pickle.dumps(Measured(result, error, cpu, max(0, peak)))
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0)
    os.close(writer)
    chunks: list[bytes] = []
    end = time.monotonic() + deadline
    try:
        while True:
            left = end - time.monotonic()
            if left <= 0 or not select.select([reader], [], [], left)[0]:
                os.kill(pid, signal.SIGKILL)
                msg = f"no answer within {deadline:.0f} s"
                raise TimeoutError(msg)
            chunk = os.read(reader, 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(reader)
        os.waitpid(pid, 0)
    measured: Measured = pickle.loads(b"".join(chunks))
    return measured
