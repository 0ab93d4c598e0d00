"""One ninjs object's fields, read whatever the version's spelling, and the warnings on the way.

ninjs 1.x and 2.x write their keys in lower case (``versioncreated``, ``contenttype``); 3.x
writes them in camel case (``versionCreated``, ``contentType``). :class:`Fields` reads a key by
its lower-case name, records which keys were read, and gives back every key not read (as
written) for ``metadata.extra``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Final

from newsdoc.analysis.text import clean_text
from newsdoc.codes import NINJS_BAD_DATE, NINJS_BAD_FIELD, WarningCode
from newsdoc.html.meta.values import date_value
from newsdoc.model import ParseWarning

__all__ = ["NAME", "Fields", "lower_keys"]

NAME: Final = "ninjs"


def lower_keys(value: Mapping[str, object]) -> dict[str, str]:
    """Each key of ``value`` by its lower-case name (the first of two that differ in case)."""
    found: dict[str, str] = {}
    for key in value:
        found.setdefault(key.lower(), key)
    return found


class Fields:
    """The fields of one ninjs object (an item, or an association inside one).

    Attributes:
        value: The object, as the JSON gives it.
        warnings: The warnings met reading it, shared with whoever reads it.
        kept: Fields read that go to ``metadata.extra`` all the same (of a wrong type, or
            holding more than their typed place shows), by their key as written.
    """

    def __init__(self, value: Mapping[str, object], warnings: list[ParseWarning]) -> None:
        self.value = value
        self.warnings = warnings
        self.kept: dict[str, object] = {}
        self._keys = lower_keys(value)
        self._read: set[str] = set()

    def warn(self, code: WarningCode, message: str) -> None:
        """Record a warning of ``code``."""
        self.warnings.append(code(message))

    def key(self, name: str) -> str | None:
        """The key of the field ``name`` (lower case) as the object writes it, or ``None``."""
        return self._keys.get(name)

    def get(self, name: str) -> object:
        """The field ``name`` (lower case, any spelling in the object), marked as read."""
        key = self._keys.get(name)
        if key is None:
            return None
        self._read.add(key)
        return self.value[key]

    def keep(self, name: str, value: object | None = None) -> None:
        """Keep the field ``name`` in extra (its own value, or ``value`` in its place)."""
        key = self._keys.get(name)
        if key is not None:
            self.kept[key] = self.value[key] if value is None else value

    def bad(self, name: str, what: str) -> None:
        """Warn that the field ``name`` is not ``what``, and keep it in extra."""
        self.warn(NINJS_BAD_FIELD, f"{self.key(name) or name!r} is not {what}; kept in extra")
        self.keep(name)

    def text(self, name: str) -> str | None:
        """The field ``name`` as clean text; a value of another type is kept, with a warning."""
        value = self.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self.bad(name, "text")
            return None
        return clean_text(value) or None

    def raw_text(self, name: str) -> str | None:
        """The field ``name`` as it is written (a body), if it is non-blank text."""
        value = self.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            self.bad(name, "text")
            return None
        return value if value.strip() else None

    def objects(self, name: str) -> list[Mapping[str, object]]:
        """The field ``name`` as a list of objects; other entries are dropped with a warning.

        A single object stands for a list of one (1.x writes some lists so).
        """
        value = self.get(name)
        if value is None:
            return []
        if isinstance(value, Mapping):
            return [value]
        if not isinstance(value, list):
            self.bad(name, "a list of objects")
            return []
        found = [entry for entry in value if isinstance(entry, Mapping)]
        if len(found) < len(value):
            self.warn(
                NINJS_BAD_FIELD,
                f"{self.key(name)!r} holds entries that are not objects; kept in extra",
            )
            self.keep(name)
        return found

    def date(self, name: str) -> datetime | None:
        """The field ``name`` as a date; one that is no date is kept, with a warning."""
        value = self.get(name)
        if value is None or value == "":
            return None
        parsed = date_value(value)
        if parsed is None:
            self.warn(NINJS_BAD_DATE, f"{self.key(name)!r} is no date: {str(value)[:64]!r}")
            self.keep(name)
        return parsed

    def unread(self) -> Iterator[tuple[str, object]]:
        """Every field not read, and every field kept, by its key as written, in order."""
        for key, value in self.value.items():
            if key in self.kept:
                yield key, self.kept[key]
            elif key not in self._read and value is not None:
                yield key, value
