"""Safety limits on what a single load may consume."""

from __future__ import annotations

import attrs

__all__ = ["DEFAULT_LIMITS", "Limits"]

_MIB = 1024 * 1024


def _positive(instance: Limits, attribute: attrs.Attribute[int], value: int) -> None:
    if value <= 0:
        msg = f"limits.{attribute.name} must be a positive integer, got {value!r}"
        raise ValueError(msg)


def _not_negative(instance: Limits, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        msg = f"limits.{attribute.name} must be zero or a positive integer, got {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Limits:
    """Safety limits for one load; the defaults are safe for untrusted input.

    Pass a changed copy to the load functions, for example
    ``newsdoc.load(path, limits=newsdoc.Limits(max_bytes=500 * 1024 * 1024))``.
    Going over a limit raises :class:`~newsdoc.LimitExceededError`, except ``max_quotes`` and
    ``max_depth`` in markup, which warn.

    Attributes:
        max_bytes: The most bytes read from a file or accepted by ``loads`` (100 MiB).
        max_decompressed_bytes: The most bytes gzip input may expand to (256 MiB).
        max_depth: The deepest nesting of JSON values (deeper is refused) or markup elements
            (deeper is flattened, its text kept) a parser follows (256).
        max_documents: The most documents one source may yield (10,000).
        max_quotes: The most quoted stretches of one document's body read for quotes
            (10,000; at about 0.1 ms each). Beyond them the body's quotes are not read, with a
            ``quotes.limit`` warning on the document: not an error, as the document is whole.
            ``0`` reads no quotes at all, and warns of nothing: for pipelines that do not
            need them, the quote pass is often the larger part of a load.
    """

    max_bytes: int = attrs.field(default=100 * _MIB, validator=_positive)
    max_decompressed_bytes: int = attrs.field(default=256 * _MIB, validator=_positive)
    max_depth: int = attrs.field(default=256, validator=_positive)
    max_documents: int = attrs.field(default=10_000, validator=_positive)
    max_quotes: int = attrs.field(default=10_000, validator=_not_negative)


DEFAULT_LIMITS = Limits()
