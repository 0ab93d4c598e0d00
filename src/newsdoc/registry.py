"""Formats and how a format is chosen for some bytes.

A format is a name, a cheap ``sniff`` function that gives a confidence for the first few KiB of
the input, and a ``parse`` function that yields documents. Built-in formats are an explicit list;
third-party formats arrive through the ``newsdoc.formats`` entry-point group (loaded lazily, once)
or :func:`register_format`. The core never names a format.
"""

from __future__ import annotations

import importlib
import math
import re
import threading
import warnings
from collections.abc import Callable, Iterable
from typing import Final, Protocol

import attrs

from newsdoc.errors import UnknownFormatError, source_label
from newsdoc.limits import DEFAULT_LIMITS, Limits
from newsdoc.model import Document

__all__ = [
    "ENTRY_POINT_GROUP",
    "SNIFF_BYTES",
    "ByteStream",
    "Format",
    "ParseContext",
    "Registry",
    "default_registry",
    "looks_like",
    "register_format",
]

ENTRY_POINT_GROUP: Final = "newsdoc.formats"

#: How much of the input a sniff function sees, at most.
SNIFF_BYTES: Final = 8192

# The built-in formats, in the order they are asked. Modules, not objects, so that importing
# newsdoc does not import every parser (and lxml) before it is needed.
_BUILTIN_MODULES: Final = (
    "newsdoc.parsers.prezly",
    "newsdoc.parsers.feed",
    "newsdoc.parsers.nitf",
    "newsdoc.parsers.newsml",
    "newsdoc.parsers.newsmlg2",
    "newsdoc.parsers.articlejson",
    "newsdoc.parsers.email",
    "newsdoc.parsers.anpa",
    "newsdoc.parsers.ninjs",
    "newsdoc.parsers.text",
    "newsdoc.parsers.html",
)


@attrs.frozen(kw_only=True)
class ParseContext:
    """What a parse function is told about its input, besides the bytes.

    Attributes:
        source: The path or name the input came from, for messages, or ``None``.
        limits: The safety limits in force; parsers must respect ``max_depth``.
        encoding: The encoding the bytes are known to be in (``"utf-8"`` when the caller passed
            a ``str``), or ``None`` when the parser should work it out.
        charset: The charset the transport declared, as written (the HTTP ``Content-Type``
            header of a web archive's record), or ``None``. Weaker than ``encoding`` and a
            byte-order mark, stronger than what the document declares of itself (the HTML
            standard's order); a label Python does not know is ignored.
        url: Where the input was fetched from (a web archive's ``WARC-Target-URI``), or
            ``None``. A document that states no URL of its own is given this one, and its
            relative links and images are resolved against it.
    """

    source: str | None = None
    limits: Limits = DEFAULT_LIMITS
    encoding: str | None = None
    charset: str | None = None
    url: str | None = None

    @property
    def label(self) -> str:
        """The source's name for messages, or ``"<data>"`` when it has none."""
        return source_label(self.source)


#: ``(head, name) -> confidence``: ``head`` is at most :data:`SNIFF_BYTES` bytes (UTF-16 and
#: UTF-32 input is transcoded to UTF-8 first), ``name`` the source's file name or ``None``.
SniffFunction = Callable[[bytes, str | None], float]
#: ``(data, context) -> documents``: every document in the source, in order.
ParseFunction = Callable[[bytes, ParseContext], Iterable[Document]]


class ByteStream(Protocol):
    """What a stream function reads from: an open binary file, gzip undone."""

    def read(self, size: int = -1, /) -> bytes:
        """Up to ``size`` bytes (all that is left when negative); ``b""`` at the end."""

    def readline(self, size: int = -1, /) -> bytes:
        """The next line, its end of line included, or at most ``size`` bytes of it."""


#: ``(stream, context) -> documents``: the same as a parse function, read from a stream.
StreamFunction = Callable[[ByteStream, ParseContext], Iterable[Document]]


def _name(instance: Format, attribute: attrs.Attribute[str], value: str) -> None:
    if not value or not value.replace("-", "").replace("_", "").isalnum() or value != value.lower():
        msg = f"a format name must be lower-case letters, digits, '-' or '_', got {value!r}"
        raise ValueError(msg)


def _extensions(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(ext.lower().lstrip(".") for ext in value)


@attrs.frozen(kw_only=True)
class Format:
    """A document format: how to recognise it and how to parse it.

    Attributes:
        name: A short lower-case name, such as ``"prezly"``; the value of ``Document.format``.
        sniff: ``(head, name) -> float``: how sure, from 0 to 1, that ``head`` (the first few
            KiB of the input) is in this format. It must be cheap and must not raise.
        parse: ``(data, context) -> Iterable[Document]``: every document in the input. It raises
            only :class:`~newsdoc.NewsdocError` subclasses, and reports recoverable problems as
            :class:`~newsdoc.ParseWarning` records on the documents.
        extensions: File name endings (without the dot) that break a tie between formats that
            sniffed equally sure. They never decide alone.
        description: One line for people, shown in the documentation.
        stream: ``(stream, context) -> Iterable[Document]``, for a format whose sources are
            long runs of records (JSON Lines): the same documents as ``parse``, read from a
            file's stream (gzip undone), so that a file of any size is never held whole.
            ``limits.max_bytes`` is then the stream function's to apply to each record.
            ``None`` (the default): the file is read, within ``limits.max_bytes``, and parsed.
    """

    name: str = attrs.field(validator=_name)
    sniff: SniffFunction
    parse: ParseFunction
    extensions: tuple[str, ...] = attrs.field(default=(), converter=_extensions)
    description: str = ""
    stream: StreamFunction | None = None


class Registry:
    """The formats known to this process, asked in order when sniffing.

    Built-in formats come first, then entry-point formats, then formats registered at run time.
    A later registration under an existing name replaces the earlier format.
    """

    def __init__(self, builtin_modules: Iterable[str] = _BUILTIN_MODULES) -> None:
        self._builtin_modules = tuple(builtin_modules)
        self._formats: dict[str, Format] | None = None
        self._lock = threading.Lock()

    def _loaded(self) -> dict[str, Format]:
        formats = self._formats
        if formats is None:
            with self._lock:
                if self._formats is None:
                    self._formats = self._load()
                formats = self._formats
        return formats

    def _load(self) -> dict[str, Format]:
        formats: dict[str, Format] = {}
        for module_name in self._builtin_modules:
            fmt = importlib.import_module(module_name).FORMAT
            formats[fmt.name] = fmt
        from importlib.metadata import entry_points  # on first use: its import is slow

        for entry_point in entry_points(group=ENTRY_POINT_GROUP):
            try:
                fmt = entry_point.load()
            except (ImportError, AttributeError) as exc:
                warnings.warn(
                    f"newsdoc: the format plugin {entry_point.value!r} could not be loaded: {exc}",
                    RuntimeWarning,
                    stacklevel=2,
                )
                continue
            if not isinstance(fmt, Format):
                warnings.warn(
                    f"newsdoc: the entry point {entry_point.value!r} is not a newsdoc.Format",
                    RuntimeWarning,
                    stacklevel=2,
                )
                continue
            formats[fmt.name] = fmt
        return formats

    def register(self, fmt: Format) -> None:
        """Add ``fmt``, replacing any format of the same name."""
        formats = self._loaded()
        with self._lock:
            self._formats = {**formats, fmt.name: fmt}

    def unregister(self, name: str) -> None:
        """Remove the format called ``name`` (a no-op when there is none)."""
        formats = self._loaded()
        with self._lock:
            self._formats = {key: fmt for key, fmt in formats.items() if key != name}

    def all(self) -> tuple[Format, ...]:
        """Every registered format, in the order they are asked."""
        return tuple(self._loaded().values())

    def replace_all(self, formats: Iterable[Format]) -> None:
        """Make ``formats`` the registered ones, in order (a worker copies its parent's)."""
        with self._lock:
            self._formats = {fmt.name: fmt for fmt in formats}

    def names(self) -> tuple[str, ...]:
        """The names of the registered formats, in the order they are asked."""
        return tuple(self._loaded())

    def get(self, name: str, *, source: str | None = None) -> Format:
        """The format called ``name``.

        Raises:
            UnknownFormatError: No format has that name.
        """
        formats = self._loaded()
        try:
            return formats[name]
        except KeyError:
            known = ", ".join(formats) or "none"
            where = f"{source}: " if source else ""
            msg = f"{where}no format is called {name!r} (registered: {known})"
            raise UnknownFormatError(msg, source=source, tried=tuple(formats)) from None

    def detect(self, head: bytes, name: str | None, *, source: str | None = None) -> Format:
        """The format whose sniff function is surest of ``head``.

        Ties are broken by the file name's extension; a tie that remains, or no format with any
        confidence, raises.

        Raises:
            UnknownFormatError: No format recognised the content, or several did equally.
        """
        formats = self._loaded()
        scored = [(fmt, self._score(fmt, head, name)) for fmt in formats.values()]
        best = max((score for _, score in scored), default=0.0)
        label = source_label(source)
        tried = tuple(formats)
        if best <= 0.0:
            looks = looks_like(head)
            what = f", {looks}" if looks else ""
            msg = f"{label}: no format recognised the content{what} (tried: {', '.join(tried)})"
            raise UnknownFormatError(msg, source=source, tried=tried)
        leaders = [fmt for fmt, score in scored if score == best]
        if len(leaders) > 1:
            extension = _extension(name)
            by_extension = [fmt for fmt in leaders if extension in fmt.extensions]
            if len(by_extension) == 1:
                return by_extension[0]
            names = ", ".join(fmt.name for fmt in leaders)
            msg = f"{label}: the content fits several formats equally ({names}); pass format="
            raise UnknownFormatError(msg, source=source, tried=tried)
        return leaders[0]

    @staticmethod
    def _score(fmt: Format, head: bytes, name: str | None) -> float:
        # A plugin's sniff function is outside our control: a crash there must not stop every
        # other format from being detected, but it must not pass unseen either.
        try:
            score = float(fmt.sniff(head, name))
        except Exception as exc:  # noqa: BLE001 - reported, and the format is skipped
            warnings.warn(
                f"newsdoc: the sniff function of format {fmt.name!r} raised {exc!r}",
                RuntimeWarning,
                stacklevel=3,
            )
            return 0.0
        if math.isnan(score):
            return 0.0
        return min(max(score, 0.0), 1.0)


# A JSON string (perhaps cut off at the end of the head), then a colon if it is a key; or a
# bracket. Every match consumes what it reads, so a scan of the head is linear.
_JSON_TOKEN: Final = re.compile(rb'"((?:[^"\\]|\\.)*)(?:"\s*(:?)|\\?\Z)|[][{}]')
_MARKUP_ROOT: Final = re.compile(rb"<([A-Za-z_][A-Za-z0-9_.:-]{0,63})")
_KEYS_SHOWN: Final = 8


def looks_like(head: bytes) -> str | None:
    """What ``head`` looks like, for the message of a document no format recognised.

    "a JSON object with keys a, b, c…", "a JSON array of objects with keys…", "an XML document
    with root <rss>" (markup rooted in anything but ``<html>``); ``None`` for anything else.
    Cheap: one scan of the head, no parse.
    """
    stripped = head.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()
    start = stripped[:1]
    if start == b"<":
        match = _MARKUP_ROOT.search(stripped)
        if match is None:
            return None
        root = _shown(match.group(1))
        kind = "an HTML document" if root.lower() == "html" else "an XML document"
        return f"{kind} with root <{root}>"
    if start not in (b"{", b"["):
        return None
    # The keys of the top object, or of the array's first object.
    want = 1 if start == b"{" else 2
    keys: list[str] = []
    depth = 0
    for token in _JSON_TOKEN.finditer(stripped):
        text = token.group(0)
        if text in (b"{", b"["):
            depth += 1
        elif text in (b"}", b"]"):
            depth -= 1
            if depth < want:
                break
        elif depth == want and token.group(2):
            key = _shown(token.group(1))
            if key not in keys:
                keys.append(key)
            if len(keys) > _KEYS_SHOWN:
                break
    listed = ", ".join(keys[:_KEYS_SHOWN]) + ("…" if len(keys) > _KEYS_SHOWN else "")
    if start == b"{":
        return f"a JSON object with keys {listed}" if keys else "a JSON object"
    return f"a JSON array of objects with keys {listed}" if keys else "a JSON array"


def _shown(raw: bytes) -> str:
    text = raw[:60].decode("utf-8", "replace")
    return "".join(char if char.isprintable() else "?" for char in text)


def _extension(name: str | None) -> str | None:
    if not name or "." not in name:
        return None
    return name.rsplit(".", 1)[1].lower()


default_registry: Final = Registry()


def register_format(fmt: Format) -> None:
    """Register a format at run time, under its name, replacing any format of that name.

    Formats from installed packages register themselves through the ``newsdoc.formats``
    entry-point group instead, pointing at a :class:`Format` object.

    Args:
        fmt: The format to add.
    """
    default_registry.register(fmt)
