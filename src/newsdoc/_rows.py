"""Documents and failures as table rows, for the engines (Spark, Dask); imports no engine.

The columns are derived from the records themselves: :func:`columns` walks the attrs classes of
:class:`~newsdoc.Document` and the type hints of their fields, so that a field added to a record
is a column without anyone writing it down twice. One row holds a document's fields, its
``body`` and the two failure columns, ``error`` and ``error_message``; a failure's row has only
``source``, ``error`` and ``error_message`` set.

Values follow the JSON layout of :func:`newsdoc.to_dict`, except where a table needs a fixed
type: a datetime is its ISO 8601 string (naive or with its offset, as the source gave it) and
``Metadata.extra`` is a JSON string (its values can be any JSON).
"""

from __future__ import annotations

import functools
import json
import os
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, Final, Literal, TypeAlias

import attrs

from newsdoc._frozen import thaw
from newsdoc.limits import DEFAULT_LIMITS, Limits
from newsdoc.model import Document, Failure
from newsdoc.serialize import to_dict

__all__ = [
    "FAILURE_COLUMNS",
    "Column",
    "Kind",
    "Paths",
    "columns",
    "dict_row",
    "dict_rows",
    "missing_extra",
    "paths_of",
    "tuple_row",
    "tuple_rows",
]

#: What a column holds: a scalar, a JSON text, a record (``struct``) or a sequence (``array``).
Kind: TypeAlias = Literal[
    "string", "integer", "float", "boolean", "datetime", "json", "struct", "array"
]

_SCALARS: Final[Mapping[type, Kind]] = {
    # bool before int: a bool is an int to issubclass, never the other way round.
    bool: "boolean",
    int: "integer",
    float: "float",
    str: "string",
    datetime: "datetime",
}


@attrs.frozen(kw_only=True)
class Column:
    """One column (or one field of a struct) of the table of documents.

    Attributes:
        name: The field's name.
        kind: What it holds.
        nullable: Whether it may be null (the field's hint is ``X | None``).
        fields: A struct's fields, in the record's order.
        item: An array's element (never null).
    """

    name: str
    kind: Kind
    nullable: bool
    fields: tuple[Column, ...] = ()
    item: Column | None = None


#: The columns that say why an input gave no document; null in a document's row.
FAILURE_COLUMNS: Final = ("error", "error_message")


def _column(name: str, hint: Any, *, where: str) -> Column:
    """The column of a field whose type hint is ``hint``."""
    nullable = False
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [option for option in typing.get_args(hint) if option is not type(None)]
        if len(options) != 1:
            msg = f"{where}: a union of several types has no column type: {hint!r}"
            raise TypeError(msg)
        nullable = True
        hint = options[0]
        origin = typing.get_origin(hint)
    if origin is Literal and all(isinstance(value, str) for value in typing.get_args(hint)):
        return Column(name=name, kind="string", nullable=nullable)
    if origin is tuple:
        arguments = typing.get_args(hint)
        if len(arguments) != 2 or arguments[1] is not Ellipsis:
            msg = f"{where}: only tuples of one type (tuple[X, ...]) are columns: {hint!r}"
            raise TypeError(msg)
        item = _column("item", arguments[0], where=f"{where}[]")
        return Column(name=name, kind="array", nullable=nullable, item=item)
    if origin is Mapping or hint is Mapping:
        return Column(name=name, kind="json", nullable=nullable)
    if isinstance(hint, type) and attrs.has(hint):
        return Column(name=name, kind="struct", nullable=nullable, fields=_fields(hint))
    for scalar, kind in _SCALARS.items():
        if hint is scalar:
            return Column(name=name, kind=kind, nullable=nullable)
    msg = f"{where}: no column type for {hint!r}"
    raise TypeError(msg)


def _fields(record: type) -> tuple[Column, ...]:
    """The columns of an attrs class's fields, in order, from their resolved type hints."""
    hints = typing.get_type_hints(record)
    return tuple(
        _column(field.name, hints[field.name], where=f"{record.__name__}.{field.name}")
        for field in attrs.fields(record)
    )


@functools.cache
def columns() -> tuple[Column, ...]:
    """The columns of the table of documents, in order.

    Every field of :class:`~newsdoc.Document` (nested records as structs, tuples as arrays),
    then ``body`` and the failure columns. Every column is nullable at this level, because a
    failure's row leaves all but three of them null; inside a struct, a field is nullable when
    its hint says ``| None``.
    """
    top = [attrs.evolve(column, nullable=True) for column in _fields(Document)]
    top.append(Column(name="body", kind="string", nullable=True))
    top.extend(Column(name=name, kind="string", nullable=True) for name in FAILURE_COLUMNS)
    return tuple(top)


def _value(value: object, column: Column) -> object:
    """A record's value in the plain form of its column (tuples for structs, lists for arrays)."""
    if value is None:
        return None
    kind = column.kind
    if kind == "struct":
        return tuple(_value(getattr(value, field.name), field) for field in column.fields)
    if kind == "array":
        item = column.item
        assert item is not None  # an array column always has its item
        return [_value(element, item) for element in typing.cast("Iterable[object]", value)]
    if kind == "datetime":
        return typing.cast("datetime", value).isoformat()
    if kind == "json":
        return json.dumps(thaw(value), ensure_ascii=False, sort_keys=True)
    return value


def tuple_row(item: Document | Failure) -> tuple[object, ...]:
    """A document or failure as a tuple of plain values, in the order of :func:`columns`.

    Structs are tuples and arrays are lists, as engines that take positional rows (Spark) want.
    """
    top = columns()
    if isinstance(item, Failure):
        known = {"source": item.source, "error": item.error, "error_message": item.message}
        return tuple(known.get(column.name) for column in top)
    document_fields = top[: -1 - len(FAILURE_COLUMNS)]
    values = [_value(getattr(item, column.name), column) for column in document_fields]
    values.append(item.body)
    values.extend(None for _ in FAILURE_COLUMNS)
    return tuple(values)


def dict_row(item: Document | Failure) -> dict[str, Any]:
    """A document or failure as a dict: the :func:`newsdoc.to_dict` layout, ``body`` and errors.

    Every row has the same keys: a failure's has ``None`` for all but ``source``, ``error`` and
    ``error_message``.
    """
    if isinstance(item, Failure):
        row: dict[str, Any] = dict.fromkeys(column.name for column in columns())
        row.update(source=item.source, error=item.error, error_message=item.message)
        return row
    row = to_dict(item)
    row["body"] = item.body
    row.update(dict.fromkeys(FAILURE_COLUMNS))
    return row


#: What the engines take: paths, folders, globs and archives, or one of them.
Paths: TypeAlias = "Iterable[str | os.PathLike[str]] | str | os.PathLike[str]"


def paths_of(paths: Paths) -> list[str]:
    """The inputs as a list of paths, folders and globs spread into the files they hold.

    An engine parses each path of the list in one task: a folder or a glob is listed here, on
    the driver, so that its files are spread over the tasks (the order and the files are those
    :func:`newsdoc.batch.read_input` would read). A web archive stays one path. A glob that
    matches nothing, or a folder that cannot be listed, is kept as it is, for its task to
    report.
    """
    from newsdoc.batch.paths import files_of

    if isinstance(paths, str | os.PathLike):
        paths = (paths,)
    listed: list[str] = []
    for item in paths:
        # The failures (a glob that matches nothing, a folder that cannot be listed) keep their
        # path, for its task to report as a row.
        listed.extend(
            found.source if isinstance(found, Failure) else found
            for found in files_of(os.fspath(item))
        )
    return listed


def _rows(
    make: Callable[[Document | Failure], Any],
    paths: Iterable[str],
    *,
    format: str | None,
    strict: bool,
    limits: Limits,
) -> Iterator[Any]:
    # Imported here: newsdoc.batch imports the load functions, which the records do not need.
    from newsdoc.batch import read_input

    for path in paths:
        for item in read_input(path, format=format, strict=strict, limits=limits):
            yield make(item)


def tuple_rows(
    paths: Iterable[str],
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[tuple[object, ...]]:
    """The :func:`tuple_row` of every document and failure of each input, in order."""
    return _rows(tuple_row, paths, format=format, strict=strict, limits=limits)


def dict_rows(
    paths: Iterable[str],
    *,
    format: str | None = None,
    strict: bool = False,
    limits: Limits = DEFAULT_LIMITS,
) -> Iterator[dict[str, Any]]:
    """The :func:`dict_row` of every document and failure of each input, in order."""
    return _rows(dict_row, paths, format=format, strict=strict, limits=limits)


def missing_extra(exc: ImportError, extra: str, module: str) -> ImportError:
    """The error to raise when an optional engine is not installed, naming the extra."""
    msg = (
        f"newsdoc.{extra} needs {module}, which is not installed ({exc}): "
        f'pip install "newsdoc[{extra}]"'
    )
    error = ImportError(msg, name=module)
    error.__cause__ = exc
    return error
