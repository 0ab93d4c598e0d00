"""The files a path names: the file itself, a folder's files, or a glob's matches.

Folders are walked, and globs matched, by one walk of our own rather than :mod:`glob`'s: it
never follows a link to a folder (a link to a parent would never end), holds an explicit stack
(a tree of any depth is walked), leaves hidden entries out, and gives each file once, in the
order of the sorted paths. Anything that is neither a regular file nor a folder, found in a
folder (a FIFO, a socket, a device), is a failure rather than a read that could block forever.
"""

from __future__ import annotations

import fnmatch
import os
import re
import stat
from collections.abc import Iterator
from typing import Final

from newsdoc.model import Failure

__all__ = ["failure_of", "files_of", "is_pattern"]

_GLOB_CHARACTERS: Final = re.compile(r"[*?\[]")
_ANY_DEPTH: Final = "**"
_LINK_TO_FOLDER: Final = "a link to a folder"


def is_pattern(path: str) -> bool:
    """Whether ``path`` is a glob (and not the name of something that exists)."""
    return not os.path.lexists(path) and _GLOB_CHARACTERS.search(path) is not None


def files_of(path: str) -> Iterator[str | Failure]:
    """The files ``path`` names, in order, and failures for what cannot be read.

    A file gives itself (whatever its kind: a FIFO named on purpose is read as it is); a
    folder its files, recursively; a glob the files it matches (a folder it matches gives its
    files; ``**`` matches folders at any depth), or a failure when it matches nothing.
    """
    if os.path.isdir(path):
        yield from _folder(path)
    elif is_pattern(path):
        yield from _glob(path)
    else:
        yield path


def _entries(folder: str) -> Iterator[os.DirEntry[str]]:
    with os.scandir(folder) as entries:
        return iter(sorted(entries, key=lambda entry: entry.name))


def _folder(root: str) -> Iterator[str | Failure]:
    # Entries in name order, a folder's contents where its name falls: sorted-path order.
    stack: list[Iterator[os.DirEntry[str]]] = []
    try:
        stack.append(_entries(root))
    except OSError as exc:
        yield failure_of(root, exc)
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif entry.name.startswith("."):
            continue
        elif entry.is_dir(follow_symlinks=False):
            try:
                stack.append(_entries(entry.path))
            except OSError as exc:
                yield failure_of(entry.path, exc)
        else:
            kind = _kind(entry)
            if kind is None:
                yield entry.path
            elif kind != _LINK_TO_FOLDER:  # links to folders are not followed
                yield _not_regular(entry.path, kind)


def _kind(entry: os.DirEntry[str]) -> str | None:
    """What an entry that is not a folder is, or ``None`` for a regular file (or a link to one)."""
    try:
        mode = entry.stat().st_mode  # follows a link
    except OSError:
        return None  # a broken link: the read reports it
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _LINK_TO_FOLDER
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _glob(pattern: str) -> Iterator[str | Failure]:
    parts = pattern.split(os.sep)
    first = next(number for number, part in enumerate(parts) if _GLOB_CHARACTERS.search(part))
    base = os.sep.join(parts[:first]) or ("." if not pattern.startswith(os.sep) else os.sep)
    rest = [part for part in parts[first:] if part]
    matches: list[str | Failure] = []
    # (folder, how many parts of the pattern it has matched): a stack, in any order, as the
    # matches are sorted at the end.
    stack = [(base, 0)]
    while stack:
        folder, matched = stack.pop()
        part = rest[matched]
        last = matched + 1 == len(rest)
        if part == _ANY_DEPTH:
            if last:  # "folder/**": every file below it
                matches.append(folder)
                continue
            stack.append((folder, matched + 1))  # "**" as no folder at all
        try:
            entries = list(_entries(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") and not part.startswith("."):
                continue  # hidden, unless the pattern names hidden entries
            is_folder = entry.is_dir(follow_symlinks=False)
            if part == _ANY_DEPTH:
                if is_folder:
                    stack.append((entry.path, matched))
            elif not fnmatch.fnmatchcase(entry.name, part):
                continue
            elif not last:
                if is_folder:
                    stack.append((entry.path, matched + 1))
            elif is_folder:
                matches.append(entry.path)
            else:
                kind = _kind(entry)
                if kind is None:
                    matches.append(entry.path)
                elif kind != _LINK_TO_FOLDER:
                    matches.append(_not_regular(entry.path, kind))
    if not matches:
        message = f"{pattern}: no file matches the pattern"
        yield Failure(source=pattern, error="FileNotFoundError", message=message)
        return
    seen: set[str] = set()
    for match in sorted(matches, key=lambda item: item if isinstance(item, str) else item.source):
        found = _folder(match) if isinstance(match, str) and os.path.isdir(match) else (match,)
        for item in found:
            if isinstance(item, str):
                if item in seen:
                    continue  # "a/**/*" and "a/*/**" reach some files twice
                seen.add(item)
            yield item


def _not_regular(path: str, kind: str) -> Failure:
    message = f"{path}: not a regular file ({kind}); not read"
    return Failure(source=path, error="OSError", message=message)


def failure_of(source: str, exc: BaseException) -> Failure:
    """The failure record of an error met while reading ``source``."""
    if isinstance(exc, OSError) and exc.strerror:
        message = f"{source}: {exc.strerror}"
    else:
        message = str(exc) or type(exc).__name__
    return Failure(source=source, error=type(exc).__name__, message=message)
