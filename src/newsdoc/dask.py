"""newsdoc on Dask: paths in, a bag of documents (or a dataframe of their main fields) out.

Needs the ``dask`` extra (``pip install "newsdoc[dask]"``), and newsdoc installed where the
workers run. ``import newsdoc`` never imports this module, nor Dask.

>>> import newsdoc.dask  # doctest: +SKIP
>>> pages = sorted(glob.glob("pages/**/*.html", recursive=True))  # doctest: +SKIP
>>> frame = newsdoc.dask.dataframe(pages)  # doctest: +SKIP
>>> frame[frame.error.isna()][["title", "published"]].compute()  # doctest: +SKIP
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from newsdoc._rows import Paths, dict_rows, paths_of
from newsdoc._rows import missing_extra as _missing_extra
from newsdoc.limits import DEFAULT_LIMITS, Limits

try:
    import dask.bag
    import dask.dataframe
    import pandas
    import pyarrow
except ImportError as exc:  # pragma: no cover - the tests run with the extra
    raise _missing_extra(exc, "dask", "dask[bag,dataframe]") from exc

__all__ = ["COLUMNS", "bag", "dataframe", "flat_row", "rows"]

#: The columns of :func:`dataframe`, in order: text (pandas' ``string``) or Arrow lists of text.
COLUMNS: Final[tuple[str, ...]] = (
    "source",
    "format",
    "title",
    "subtitle",
    "url",
    "published",
    "modified",
    "language",
    "site_name",
    "section",
    "description",
    "authors",
    "tags",
    "body",
    "warnings",
    "error",
    "error_message",
)
_LISTS: Final = frozenset({"authors", "tags", "warnings"})
_FROM_METADATA: Final = frozenset(
    {"url", "published", "modified", "language", "site_name", "section", "description", "tags"}
)


def rows(
    paths: Iterable[str],
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[dict[str, Any]]:
    """The rows of the inputs' documents and failures, as :func:`bag` gives them.

    The function :func:`bag` runs on each partition. A document's row is its
    :func:`newsdoc.to_dict` layout plus ``body``, with ``error`` and ``error_message`` set to
    ``None``; a failure's row has the same keys, all ``None`` but ``source``, ``error`` and
    ``error_message``. It never raises for an input's sake.

    Args:
        paths: Files, folders, globs or web archives, as ``newsdoc.load_many`` takes them.
        format: The name of a registered format, to skip detection.
        strict: Turn the first parse warning of a document into a failure.
        limits: Safety limits for each file or archive record.

    Yields:
        One dict per document or failure.
    """
    return dict_rows(paths, format=format, strict=strict, limits=limits)


def bag(
    paths: Paths,
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    partitions: int | None = None,
) -> dask.bag.Bag:
    """Parse the inputs on the cluster: a bag of their documents and failures, as dicts.

    Folders and globs are listed here, on the client, and the files are spread over
    ``partitions`` tasks, each parsing its files in turn with ``newsdoc.batch.read_input``.
    A file is never split: a web archive is one task's work. A missing file, an unknown format
    or a broken record is a row with ``error`` set, never a failed task. The paths must be
    readable where the client and the workers run. Rows are described in :func:`rows`;
    ``newsdoc.from_dict`` turns a document's row (without its last three keys) back into a
    :class:`~newsdoc.Document`.

    Args:
        paths: Files, folders, globs or web archives (or one of them).
        format: The name of a registered format, to skip detection.
        strict: Turn the first parse warning of a document into a failure.
        limits: Safety limits for each file or archive record.
        partitions: How many tasks (default: one per file, at most 100).

    Returns:
        A lazy ``dask.bag.Bag`` of dicts.

    Raises:
        ValueError: ``partitions`` is not positive.
    """
    inputs = paths_of(paths)
    if partitions is not None and partitions < 1:
        msg = f"partitions must be a positive integer, got {partitions!r}"
        raise ValueError(msg)
    if partitions is None:
        partitions = min(len(inputs), 100)
    parse = functools.partial(_partition, format=format, strict=strict, limits=limits)
    found: dask.bag.Bag = dask.bag.from_sequence(inputs, npartitions=max(1, partitions))
    return found.map_partitions(parse)


def _partition(
    paths: Iterable[str], *, format: str | None, strict: bool, limits: Limits
) -> list[dict[str, Any]]:
    # A list, not a generator: a partition's result must be pickled between processes.
    return list(rows(paths, format=format, strict=strict, limits=limits))


def flat_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """One row of :func:`bag` as a row of :func:`dataframe`: the fields of :data:`COLUMNS`.

    ``authors`` is the list of the authors' names, ``warnings`` the list of the warnings'
    codes; the metadata's fields are columns of their own; datetimes stay ISO 8601 text.
    """
    metadata: Mapping[str, Any] = row.get("metadata") or {}
    flat: dict[str, Any] = {}
    for column in COLUMNS:
        if column == "authors":
            flat[column] = [author["name"] for author in metadata.get("authors", ())]
        elif column == "warnings":
            flat[column] = [warning["code"] for warning in row.get("warnings") or ()]
        elif column in _FROM_METADATA:
            value = metadata.get(column)
            flat[column] = list(value or ()) if column in _LISTS else value
        else:
            flat[column] = row.get(column)
    return flat


def _dtypes() -> dict[str, object]:
    """The columns' types: pandas' ``string``, and Arrow lists of strings (Parquet-ready)."""
    strings = pandas.ArrowDtype(pyarrow.list_(pyarrow.string()))
    return {column: strings if column in _LISTS else pandas.StringDtype() for column in COLUMNS}


def dataframe(
    paths: Paths,
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    partitions: int | None = None,
) -> dask.dataframe.DataFrame:
    """Parse the inputs on the cluster: a dataframe of the documents' main fields.

    The rows of :func:`bag`, made flat by :func:`flat_row`: the columns of :data:`COLUMNS`,
    text of pandas' ``string`` type (``<NA>`` when unknown) except ``authors``, ``tags`` and
    ``warnings``, Arrow lists of text (``list<item: string>[pyarrow]``; a cell is a Python
    list), so that ``to_parquet`` writes them as they are. ``published`` and ``modified`` are
    ISO 8601 text as the source gave them (naive or with an offset):
    ``dask.dataframe.to_datetime(frame.published, utc=True, format="ISO8601")`` makes times
    of them. A failure's row has only ``source``, ``error`` and ``error_message`` set (its lists
    are empty). Parsing holds the GIL: compute the frame on worker processes
    (``frame.persist(scheduler="processes")``, from a script with a ``__main__`` guard) or a
    cluster, not on the threads that Dask's dataframes use by default. For blocks, links, quotes,
    images and ``extra``, use the bag.

    Args:
        paths: Files, folders, globs or web archives (or one of them).
        format: The name of a registered format, to skip detection.
        strict: Turn the first parse warning of a document into a failure.
        limits: Safety limits for each file or archive record.
        partitions: How many tasks (default: one per file, at most 100).

    Returns:
        A lazy ``dask.dataframe.DataFrame``.

    Raises:
        ValueError: ``partitions`` is not positive.
    """
    found = bag(paths, format=format, strict=strict, limits=limits, partitions=partitions)
    dtypes = _dtypes()
    meta = pandas.DataFrame({column: pandas.Series(dtype=object) for column in COLUMNS})
    frame: dask.dataframe.DataFrame = found.map(flat_row).to_dataframe(meta=meta)
    return frame.astype(dtypes)
