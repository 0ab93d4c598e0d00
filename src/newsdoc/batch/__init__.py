"""Many inputs at once: folders, globs and web archives, parsed on a pool of worker processes.

:func:`load_many` is the entry point; :func:`read_input` is the same work in the calling
process, for engines that bring their own workers (Spark, Dask).
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType, TracebackType
from typing import IO, cast

import attrs

from newsdoc.archive import ARCHIVE_FORMAT
from newsdoc.batch.inputs import DataTask, Input, expand
from newsdoc.batch.pool import Counts, run
from newsdoc.batch.work import Options, read_input
from newsdoc.limits import DEFAULT_LIMITS, Limits
from newsdoc.model import Document, Failure
from newsdoc.registry import Format, default_registry

__all__ = ["Batch", "DataTask", "Input", "Summary", "load_many", "read_input"]


@attrs.frozen(kw_only=True)
class Summary:
    """What a run over many inputs has done so far.

    Attributes:
        inputs: The inputs handled: files, and records of web archives that hold a page.
        documents: The documents given.
        failures: The :class:`~newsdoc.Failure` records given.
        skipped: Records of web archives passed over, by reason (``"request"``,
            ``"not-html"``...): they are not pages, and not failures.
        seconds: The time since the run started.
    """

    inputs: int
    documents: int
    failures: int
    skipped: Mapping[str, int]
    seconds: float


class Batch(Iterator[Document | Failure]):
    """The documents and failures of a run over many inputs, as they are parsed.

    Iterate it for the results; read :attr:`summary` at any time for the counts. Leaving the
    loop early leaves workers behind until the batch is closed: use it in a ``with`` block, or
    call :meth:`close`.
    """

    def __init__(self, results: Iterator[Document | Failure], counts: Counts) -> None:
        self._results = results
        self._counts = counts
        self._started = time.monotonic()

    def __next__(self) -> Document | Failure:
        return next(self._results)

    def __iter__(self) -> Batch:
        return self

    def close(self) -> None:
        """Stop the worker processes; the batch gives nothing more."""
        close = getattr(self._results, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> Batch:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def summary(self) -> Summary:
        """The counts so far (final once the batch is exhausted)."""
        counts = self._counts
        return Summary(
            inputs=counts.tasks,
            documents=counts.documents,
            failures=counts.failures,
            skipped=MappingProxyType(dict(sorted(counts.skipped.items()))),
            seconds=time.monotonic() - self._started,
        )


def load_many(
    inputs: Iterable[Input] | str | os.PathLike[str] | IO[bytes],
    *,
    jobs: int | None = None,
    timeout: float | None = 60.0,
    ordered: bool = True,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Batch:
    """Parse many inputs on a pool of worker processes; every input accounted for.

    Each input is a file, a folder (its files, recursively, without hidden ones), a glob such
    as ``"pages/**/*.html"``, a web archive (WARC or WARC.gz; needs ``newsdoc[warc]``), whose
    HTML records are parsed each on its own, or an open binary file (an archive on a seekable
    stream you opened, or a document read whole). Every file and record gives its documents,
    or a :class:`~newsdoc.Failure` record in the place of those it could not give: a missing
    file, an unknown format, a broken record, a parse past ``timeout``, a worker that died.
    Nothing is raised for an input's sake.

    Args:
        inputs: Paths, folders, globs, archives and open binary files (or one of them).
        jobs: How many worker processes (default: one per CPU core this process may use).
        timeout: The most seconds the parse of a file or record may go without giving a
            document (each document of a source has the whole time; time spent waiting for the
            caller to take results is not counted). A worker past it is killed and replaced,
            and the input reported as a ``TimeoutError`` failure. ``None``: no limit.
        ordered: Give results in the order of the inputs (default), or as they are ready.
            Either way, memory stays flat: at most 16 inputs per worker are in flight, and
            as many read ahead.
        format: The name of a registered format, to skip detection.
        strict: Turn the first parse warning of a document into a failure.
        limits: Safety limits for each file or archive record.

    Returns:
        A :class:`Batch`: iterate it for :class:`~newsdoc.Document` and
        :class:`~newsdoc.Failure` records, and read its ``summary``.

    Raises:
        NotImplementedError: Not a POSIX system (Windows): use
            :func:`newsdoc.batch.read_input` in processes of your own, or Dask.
        ValueError: ``jobs`` or ``timeout`` is not positive, or a registered format cannot be
            sent to the workers (its functions are not importable by name).
        UnknownFormatError: ``format`` names no registered format.
    """
    if os.name != "posix":
        # The workers inherit a socket by its descriptor, which Windows does not pass on.
        msg = "load_many needs a POSIX system (Linux, macOS) for its worker processes"
        raise NotImplementedError(msg)
    if jobs is None:
        jobs = _cores()
    if jobs < 1:
        msg = f"jobs must be a positive integer, got {jobs!r}"
        raise ValueError(msg)
    if timeout is not None and not timeout > 0:
        msg = f"timeout must be a positive number of seconds or None, got {timeout!r}"
        raise ValueError(msg)
    if format is not None and format != ARCHIVE_FORMAT:
        default_registry.get(format)
    formats = default_registry.all()
    _check_picklable(formats)
    items: Iterable[Input]
    if isinstance(inputs, str | os.PathLike) or hasattr(inputs, "read"):
        items = (cast("Input", inputs),)  # one input, not the characters of a path
    else:
        items = inputs
    counts = Counts()
    results = run(
        expand(items, limits),
        jobs=jobs,
        timeout=timeout,
        ordered=ordered,
        options=Options(format=format, strict=strict, limits=limits, formats=formats),
        counts=counts,
    )
    return Batch(results, counts)


def _check_picklable(formats: tuple[Format, ...]) -> None:
    """Refuse, before any work, a format that worker processes could not be sent."""
    for fmt in formats:
        problem = None
        if any(getattr(f, "__module__", None) == "__main__" for f in (fmt.sniff, fmt.parse)):
            # It pickles by name here, but a worker has no such main module to find it in.
            problem = "they are defined in the main script; move them to a module"
        else:
            try:
                pickle.dumps(fmt)
            except (pickle.PicklingError, AttributeError, TypeError) as exc:
                problem = str(exc)
        if problem is not None:
            msg = (
                f"format {fmt.name!r} cannot be sent to worker processes ({problem}): its "
                "sniff and parse functions must be importable by name (module-level functions "
                "of a module, not lambdas, closures or functions of the main script)"
            )
            raise ValueError(msg)


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1
