"""A read-only, hashable mapping for JSON-like values, used for ``Metadata.extra``.

Records are frozen, so whatever they hold must be frozen too: a dict inside a frozen record could
still be changed under the user's feet, and would make the record unhashable. ``freeze`` turns
JSON-like data into immutable equivalents (dicts into :class:`FrozenMap`, lists into tuples);
``thaw`` turns it back into plain dicts and lists for serialisation.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from typing import Any, Final

# JSON nesting deeper than this is refused: parsers already cap depth far below it, so only a
# hand-built dict passed to ``from_dict`` can reach it, and recursion must not blow the stack.
_MAX_DEPTH: Final = 200

_SCALARS: Final = (str, int, float, bool, type(None))


class FrozenMap(Mapping[str, object]):
    """An immutable, hashable mapping from strings to frozen JSON-like values."""

    __slots__ = ("_data", "_hash")

    _data: dict[str, object]
    _hash: int | None

    def __init__(self, data: Mapping[str, object] | None = None) -> None:
        self._data = dict(data) if data else {}
        self._hash = None

    def __getitem__(self, key: str) -> object:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


EMPTY: Final = FrozenMap()


def freeze_mapping(value: Mapping[str, object]) -> FrozenMap:
    """Return ``value`` as a :class:`FrozenMap`, freezing nested values.

    Raises:
        TypeError: a key is not a string or a value is not JSON-like.
        ValueError: the value is nested more than ``_MAX_DEPTH`` deep, or holds a float that
            JSON cannot (infinity, NaN).
    """
    if isinstance(value, FrozenMap):
        return value
    if not value:
        return EMPTY
    frozen = _freeze(value, 0)
    assert isinstance(frozen, FrozenMap)
    return frozen


def _freeze(value: object, depth: int) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        msg = f"metadata.extra values must be JSON-like; {value!r} is not a JSON number"
        raise ValueError(msg)
    if isinstance(value, (*_SCALARS, FrozenMap)):
        return value
    if depth >= _MAX_DEPTH:
        msg = f"metadata.extra is nested more than {_MAX_DEPTH} levels deep"
        raise ValueError(msg)
    if isinstance(value, Mapping):
        items: dict[str, object] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                msg = f"metadata.extra keys must be strings, not {type(key).__name__}"
                raise TypeError(msg)
            items[key] = _freeze(item, depth + 1)
        return FrozenMap(items)
    if isinstance(value, list | tuple):
        return tuple(_freeze(item, depth + 1) for item in value)
    msg = f"metadata.extra values must be JSON-like, not {type(value).__name__}"
    raise TypeError(msg)


def thaw(value: object) -> Any:
    """Return a frozen value as plain dicts and lists (JSON-able)."""
    if isinstance(value, Mapping):
        return {key: thaw(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return [thaw(item) for item in value]
    return value
