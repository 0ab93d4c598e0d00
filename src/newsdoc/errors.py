"""The exceptions newsdoc raises on purpose.

Fatal problems are exceptions from this tree; problems a parser can recover from are
:class:`~newsdoc.ParseWarning` records on the document instead (see ``strict=``).
"""

from __future__ import annotations

__all__ = [
    "LimitExceededError",
    "MissingDependencyError",
    "NewsdocError",
    "ParseError",
    "UnknownFormatError",
    "source_label",
]


def source_label(source: str | None) -> str:
    """How messages name a source: its path or name, or ``"<data>"`` when it has none."""
    return source if source is not None else "<data>"


class NewsdocError(Exception):
    """Base of every exception newsdoc raises on purpose.

    Args:
        message: What went wrong, naming the source and the problem.
        source: The path or name of the input, when there is one.

    Attributes:
        source: The path or name of the input, or ``None``.
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source


class UnknownFormatError(NewsdocError):
    """No registered format recognised the content (the message lists what was tried).

    Attributes:
        tried: The names of the formats that were asked, in registration order.
    """

    def __init__(
        self, message: str, *, source: str | None = None, tried: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message, source=source)
        self.tried = tried


class ParseError(NewsdocError, ValueError):
    """The format was recognised but the content is broken (or ``strict=True`` met a warning).

    Attributes:
        code: The stable warning code when the error comes from ``strict=True``, else ``None``.
    """

    def __init__(self, message: str, *, source: str | None = None, code: str | None = None) -> None:
        super().__init__(message, source=source)
        self.code = code


class LimitExceededError(NewsdocError):
    """The input is over a safety limit: bytes read, decompressed size, nesting or documents.

    Attributes:
        limit: The name of the :class:`~newsdoc.Limits` field that was exceeded.
    """

    def __init__(self, message: str, *, source: str | None = None, limit: str) -> None:
        super().__init__(message, source=source)
        self.limit = limit


class MissingDependencyError(NewsdocError, ImportError):
    """An optional integration was asked for, but its library is not installed.

    The message names the source and the ``pip install "newsdoc[...]"`` that brings it.

    Attributes:
        package: The missing distribution's import name (``"fastwarc"``).
    """

    def __init__(self, message: str, *, source: str | None = None, package: str) -> None:
        super().__init__(message, source=source)
        self.package = package
