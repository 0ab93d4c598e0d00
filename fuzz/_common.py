"""What every fuzz harness shares: instrumented imports, the invariants, the run loop.

A harness turns the fuzzer's bytes into a call of a newsdoc entry point and hands every document
it gets to :func:`check`. An input fails (and libFuzzer keeps it as a crash) when:

- the call raises anything but :class:`newsdoc.NewsdocError` (or a subclass);
- a document breaks a promise of the documentation (see :func:`check`);
- it runs past libFuzzer's ``-timeout`` or ``-rss_limit_mb``.

Environment variables:

``NEWSDOC_FUZZ_CHECK_TEXT=0``
    Do not require that no title or author name holds a control character or a bidi override
    or isolate (required by default; off only to fuzz a version from before it was kept).
``NEWSDOC_FUZZ_KEEP_GOING=1``
    Do not stop at the first failure: write each distinct failure (by exception type and the
    innermost newsdoc frame) once to the artifact directory, with its traceback, and go on. For
    long campaigns that should list every failure in one run; off for ``make fuzz``.
``NEWSDOC_FUZZ_SLOW_SECONDS`` (default ``1``)
    In keep-going mode, an input slower than this and than every earlier one is written to the
    artifact directory as ``slow-<ms>-<hash>``, so the slowest inputs are kept without stopping.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import pkgutil
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Final

import atheris

if "newsdoc" in sys.modules:
    raise ImportError("import _common before newsdoc, or newsdoc is not instrumented")

with atheris.instrument_imports(include=["newsdoc"]):
    import newsdoc

    # The registry imports the parsers lazily, after this block, where they would not be
    # instrumented: import every module now, except the one that runs the command line.
    for _module in pkgutil.walk_packages(newsdoc.__path__, "newsdoc."):
        # Not the command line; nor the engines of extras that fuzzing does not install.
        if _module.name.endswith("__main__") or _module.name in ("newsdoc.spark", "newsdoc.dask"):
            continue
        importlib.import_module(_module.name)
    newsdoc.formats()

from invariants import InvariantError, check

from newsdoc import Document, NewsdocError

__all__ = ["InvariantError", "check", "documents", "fuzz", "newsdoc", "text_of"]

KEEP_GOING: Final = os.environ.get("NEWSDOC_FUZZ_KEEP_GOING") == "1"
SLOW_SECONDS: Final = float(os.environ.get("NEWSDOC_FUZZ_SLOW_SECONDS", "1"))


def documents(call: Callable[[], Iterable[Document]]) -> list[Document]:
    """The documents ``call`` gives, or none when it raises a :class:`newsdoc.NewsdocError`.

    Any other exception goes on up: to the fuzzer, that is a crash.
    """
    try:
        return list(call())
    except NewsdocError:
        return []


def text_of(data: bytes) -> str:
    """``data`` as a ``str``, undecodable bytes kept as lone surrogates (as a caller might)."""
    return data.decode("utf-8", errors="surrogateescape")


def fuzz(test_one: Callable[[bytes], None]) -> None:
    """Run libFuzzer on ``test_one``, with the command line's libFuzzer flags."""
    target = _KeepGoing(test_one, _artifact_dir(sys.argv)) if KEEP_GOING else test_one
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


def _artifact_dir(argv: list[str]) -> Path:
    prefix = next((arg.split("=", 1)[1] for arg in argv if arg.startswith("-artifact_prefix=")), "")
    return Path(prefix or "./")


class _KeepGoing:
    """Runs the harness, writing each distinct failure and each new slowest input, and goes on."""

    def __init__(self, test_one: Callable[[bytes], None], directory: Path) -> None:
        self.test_one = test_one
        self.directory = directory
        self.seen: set[str] = set()
        self.slowest = SLOW_SECONDS

    def __call__(self, data: bytes) -> None:
        start = time.perf_counter()
        try:
            self.test_one(data)
        except Exception as exc:  # noqa: BLE001 -- every failure is written, then we go on
            self._failure(data, exc)
        elapsed = time.perf_counter() - start
        if elapsed > self.slowest:
            self.slowest = elapsed
            self._write(f"slow-{elapsed * 1000:.0f}ms-{_digest(data)}", data, None)

    def _failure(self, data: bytes, exc: Exception) -> None:
        frames = traceback.extract_tb(exc.__traceback__)
        ours = [frame for frame in frames if f"{os.sep}newsdoc{os.sep}" in frame.filename]
        where = ours[-1] if ours else frames[-1]
        key = f"{type(exc).__name__}@{Path(where.filename).name}:{where.lineno}"
        if isinstance(exc, InvariantError):
            key = f"invariant {exc.kind}"
        if key in self.seen:
            return
        self.seen.add(key)
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", key)[:80]
        report = "".join(traceback.format_exception(exc))
        self._write(f"crash-{slug}-{_digest(data)}", data, report)
        print(f"NEWSDOC-FUZZ: new failure {key}\n{report}", file=sys.stderr, flush=True)

    def _write(self, name: str, data: bytes, report: str | None) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        (self.directory / name).write_bytes(data)
        if report is not None:
            # The report may quote the input's lone surrogates.
            (self.directory / f"{name}.txt").write_text(
                report, encoding="utf-8", errors="backslashreplace"
            )


def _digest(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()[:12]
