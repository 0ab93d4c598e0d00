"""newsdoc on Apache Spark: paths in, a DataFrame of documents and failures out.

Needs the ``spark`` extra (``pip install "newsdoc[spark]"``), and newsdoc installed where the
executors run. ``import newsdoc`` never imports this module, nor PySpark.

>>> import newsdoc.spark  # doctest: +SKIP
>>> frame = newsdoc.spark.read(spark, ["CC-NEWS-20240101.warc.gz"])  # doctest: +SKIP
>>> frame.where("error IS NULL").select("title", "metadata.url").show()  # doctest: +SKIP
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from newsdoc._rows import Column, Paths, columns, paths_of, tuple_rows
from newsdoc._rows import missing_extra as _missing_extra
from newsdoc.limits import DEFAULT_LIMITS, Limits

try:
    from pyspark.sql import types
except ImportError as exc:  # pragma: no cover - the tests run with the extra
    raise _missing_extra(exc, "spark", "pyspark") from exc

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

__all__ = ["read", "rows", "schema"]

# Enough tasks per core that a slow input does not hold the others back, few enough that many
# small files do not drown in the cost of scheduling a task each.
_TASKS_PER_CORE = 4

_SCALARS: dict[str, types.DataType] = {
    "string": types.StringType(),
    "integer": types.LongType(),
    "float": types.DoubleType(),
    "boolean": types.BooleanType(),
    # ISO 8601 text, not TimestampType: a timestamp would move a naive time into the session's
    # zone and drop the offset the source gave; F.to_timestamp() reads the text when needed.
    "datetime": types.StringType(),
    "json": types.StringType(),
}


def _data_type(column: Column) -> types.DataType:
    if column.kind == "struct":
        return _struct(column.fields)
    if column.kind == "array":
        assert column.item is not None  # an array column always has its item
        return types.ArrayType(_data_type(column.item), containsNull=False)
    return _SCALARS[column.kind]


def _struct(fields: Iterable[Column]) -> types.StructType:
    return types.StructType(
        [types.StructField(field.name, _data_type(field), field.nullable) for field in fields]
    )


def schema() -> types.StructType:
    """The schema of :func:`read`'s DataFrame, derived from the records.

    One column per field of :class:`~newsdoc.Document`, in order (``metadata`` a struct;
    ``blocks``, ``links``, ``quotes`` and ``warnings`` arrays of structs), then ``body``,
    ``error`` and ``error_message``. Types follow the fields' type hints: ``str`` is a string,
    ``int`` a long, ``bool`` a boolean, ``X | None`` nullable. Two are text: a datetime is its
    ISO 8601 string (naive or with the source's offset, unchanged: read it with
    ``F.to_timestamp``), and ``metadata.extra`` is a JSON string (``F.from_json`` or
    ``F.get_json_object`` read it). Every top-level column is nullable: a failure's row sets
    only ``source``, ``error`` and ``error_message``.

    Returns:
        A Spark ``StructType``.
    """
    return _struct(columns())


def rows(
    paths: Iterable[str],
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[tuple[object, ...]]:
    """The rows of the inputs' documents and failures, in the order of :func:`schema`.

    The function :func:`read` runs on each partition; use it on your own with
    ``rdd.mapPartitions(functools.partial(newsdoc.spark.rows, strict=True))`` and
    ``spark.createDataFrame(..., newsdoc.spark.schema())``. It never raises for an input's sake:
    an input that gives no document gives a failure row.

    Args:
        paths: Files, folders, globs or web archives, as ``newsdoc.load_many`` takes them.
        format: The name of a registered format, to skip detection.
        strict: Turn the first parse warning of a document into a failure.
        limits: Safety limits for each file or archive record.

    Yields:
        One tuple per document or failure (structs as tuples, arrays as lists).
    """
    return tuple_rows(paths, format=format, strict=strict, limits=limits)


def read(
    spark: SparkSession,
    paths: Paths,
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    partitions: int | None = None,
) -> DataFrame:
    """Parse the inputs on the cluster: a DataFrame of their documents and failures.

    Folders and globs are listed here, on the driver, and the files are spread over
    ``partitions`` tasks, each parsing its files in turn with ``newsdoc.batch.read_input``.
    A file is never split: a web archive (its HTML records each a document) is one task's
    work. A missing file, an unknown format or a broken record is a row with ``error`` set,
    never a failed task. The paths must be readable where the driver and the executors run (a
    shared file system): newsdoc reads local paths only.

    Args:
        spark: The session.
        paths: Files, folders, globs or web archives (or one of them).
        format: The name of a registered format, to skip detection.
        strict: Turn the first parse warning of a document into a failure.
        limits: Safety limits for each file or archive record.
        partitions: How many tasks (default: four per core of the cluster, at most one per
            file).

    Returns:
        A DataFrame of :func:`schema`, lazily computed.

    Raises:
        ValueError: ``partitions`` is not positive.
    """
    inputs = paths_of(paths)
    context = spark.sparkContext
    if partitions is None:
        partitions = min(len(inputs), context.defaultParallelism * _TASKS_PER_CORE)
    elif partitions < 1:
        msg = f"partitions must be a positive integer, got {partitions!r}"
        raise ValueError(msg)
    parse = functools.partial(rows, format=format, strict=strict, limits=limits)
    found = context.parallelize(inputs, max(1, partitions)).mapPartitions(parse)
    return spark.createDataFrame(found, schema())
