"""The run's inputs, read ahead on a thread of their own.

Reading the next input can block: a list of paths piped from a slow program, a folder on a
network file system, the next record of a web archive. Read in the loop that gathers results,
it would hold back results that are ready and the checks of the time limits; here a thread
reads ahead into a bounded queue, and wakes the loop through a socket that it waits on with
the workers' pipes.
"""

from __future__ import annotations

import queue
import socket
import threading
from collections.abc import Iterator
from typing import Final, Generic, TypeVar

import attrs

__all__ = ["Feed"]

T = TypeVar("T")
# How long the thread waits on a full queue before it looks again whether the run has ended.
_PATIENCE: Final = 0.1


@attrs.frozen
class _Raised:
    error: BaseException


_END: Final = object()


class Feed(Generic[T]):
    """Items of an iterator, read ahead on a thread, at most ``ahead`` at a time."""

    def __init__(self, items: Iterator[T], ahead: int) -> None:
        self._queue: queue.Queue[object] = queue.Queue(maxsize=ahead)
        self._stop = threading.Event()
        self._wake_reader, self._waker = socket.socketpair()
        self._wake_reader.setblocking(False)
        # A daemon: an input iterator blocked in a read cannot be told to stop, and must not
        # keep the program alive once the run is over.
        self._thread = threading.Thread(
            target=self._read, args=(items,), name="newsdoc-inputs", daemon=True
        )
        self._thread.start()
        self.exhausted = False

    @property
    def waitable(self) -> socket.socket:
        """Ready to read when an item (or the end) may be waiting."""
        return self._wake_reader

    def _read(self, items: Iterator[T]) -> None:
        try:
            for item in items:
                if not self._put(item):
                    return
        except BaseException as exc:  # noqa: BLE001 - handed to the run, raised there
            self._put(_Raised(exc))
            return
        self._put(_END)

    def _put(self, item: object) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=_PATIENCE)
            except queue.Full:
                continue
            try:
                self._waker.send(b"\0")
            except OSError:
                return False  # the run is over
            return True
        return False

    def take(self) -> T | None:
        """The next item if one is ready, else ``None`` (and ``exhausted`` at the end).

        Raises:
            BaseException: What the input iterator raised, in its place among the items.
        """
        if self.exhausted:
            return None
        try:
            item = self._queue.get_nowait()
        except queue.Empty:
            return None
        if item is _END:
            self.exhausted = True
            return None
        if isinstance(item, _Raised):
            self.exhausted = True
            raise item.error
        return item  # type: ignore[return-value]

    def drain(self) -> None:
        """Empty the wake-up socket (once the loop has woken)."""
        try:
            while self._wake_reader.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass

    def close(self) -> None:
        """Stop reading ahead."""
        self._stop.set()
        self._waker.close()
        self._wake_reader.close()
