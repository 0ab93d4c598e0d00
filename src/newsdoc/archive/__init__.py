"""Web archives (a stand-in until the WARC reader lands: the contract the batch runner uses)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import attrs

from newsdoc.errors import NewsdocError
from newsdoc.limits import Limits

__all__ = ["Broken", "Member", "Skipped", "is_archive", "iter_members"]


@attrs.frozen(kw_only=True)
class Member:
    """One HTML response record of a web archive."""

    source: str
    payload: bytes
    url: str | None = None
    fetched: str | None = None
    record_id: str | None = None
    charset: str | None = None
    content_type: str | None = None


@attrs.frozen(kw_only=True)
class Skipped:
    """A record that is not an HTML response."""

    source: str
    reason: str


@attrs.frozen(kw_only=True)
class Broken:
    """A record that cannot be read."""

    source: str
    message: str


def is_archive(head: bytes) -> bool:
    """Whether ``head`` starts a WARC file."""
    return head.startswith(b"WARC/")


def iter_members(
    path: str | os.PathLike[str], *, limits: Limits
) -> Iterator[Member | Skipped | Broken]:
    """The records of a web archive."""
    msg = f"{os.fspath(path)}: web archives are not read yet"
    raise NewsdocError(msg, source=os.fspath(path))
