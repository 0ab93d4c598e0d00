"""Formats that misbehave on purpose, for the batch runner's tests (module-level functions, so
that worker processes can be sent them by name)."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator

from newsdoc import Document, Format, ParseContext


def _sniff_endless(head: bytes, name: str | None) -> float:
    return 1.0 if head.startswith(b"ENDLESS") else 0.0


def _parse_endless(data: bytes, context: ParseContext) -> Iterator[Document]:
    yield Document(format="endless", title="before the loop")
    while True:  # a runaway parse: only a kill stops it
        time.sleep(0.05)


def _sniff_crash(head: bytes, name: str | None) -> float:
    return 1.0 if head.startswith(b"CRASH") else 0.0


def _parse_crash(data: bytes, context: ParseContext) -> Iterator[Document]:
    os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    yield Document(format="crash")


def _sniff_bug(head: bytes, name: str | None) -> float:
    return 1.0 if head.startswith(b"BUG") else 0.0


def _parse_bug(data: bytes, context: ParseContext) -> Iterator[Document]:
    yield Document(format="bug", title="first")
    msg = "a plugin's own bug"
    raise KeyError(msg)


ENDLESS = Format(name="endless", sniff=_sniff_endless, parse=_parse_endless)
CRASH = Format(name="crash", sniff=_sniff_crash, parse=_parse_crash)
BUG = Format(name="bug", sniff=_sniff_bug, parse=_parse_bug)


def _sniff_late_death(head: bytes, name: str | None) -> float:
    return 1.0 if head.startswith(b"LATE-DEATH") else 0.0


def _parse_late_death(data: bytes, context: ParseContext) -> Iterator[Document]:
    # The worker gives its document, then dies while it waits for its next task.
    threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGKILL)).start()
    yield Document(format="late-death", title="given before dying")


def _sniff_unpicklable(head: bytes, name: str | None) -> float:
    return 1.0 if head.startswith(b"UNPICKLABLE") else 0.0


def _parse_unpicklable(data: bytes, context: ParseContext) -> Iterator[Document]:
    class Local(Document):  # a class of a function's own cannot be pickled by name
        pass

    yield Local(format="unpicklable")


LATE_DEATH = Format(name="late-death", sniff=_sniff_late_death, parse=_parse_late_death)
UNPICKLABLE = Format(name="unpicklable", sniff=_sniff_unpicklable, parse=_parse_unpicklable)
