"""What the command writes for each document or failure: JSON, JSON Lines, CSV, text, Markdown.

A writer takes results one at a time and holds none of them, so output of any size streams.
Failures are records in the output as well as lines on stderr, so that a JSONL or CSV output
accounts for every input: a failure row has a ``source``, an ``error`` and a message.
"""

from __future__ import annotations

import csv
import json
import os
import re
from collections.abc import Callable, Mapping
from typing import Any, Final, TextIO

from newsdoc.model import Document, Failure
from newsdoc.serialize import to_dict

__all__ = ["FIELDS", "OUTPUTS", "Writer", "check_fields", "file_name", "make_writer"]

OUTPUTS: Final = ("json", "jsonl", "csv", "text", "markdown")
_SUFFIX: Final = {
    "json": ".json",
    "jsonl": ".jsonl",
    "csv": ".csv",
    "text": ".txt",
    "markdown": ".md",
}

_METADATA_FIELDS: Final = (
    "url",
    "published",
    "modified",
    "authors",
    "language",
    "site_name",
    "section",
    "tags",
    "description",
    "images",
    "extra",
)
_DOCUMENT_FIELDS: Final = ("source", "format", "title", "subtitle", "body", "blocks")
_RECORD_FIELDS: Final = ("links", "quotes", "warnings")
#: The names ``--fields`` takes: the document's own fields, ``body``, and the metadata's fields
#: without the ``metadata.`` prefix.
FIELDS: Final = (*_DOCUMENT_FIELDS, *_METADATA_FIELDS, *_RECORD_FIELDS)
_CSV_DEFAULT: Final = (
    "source",
    "format",
    "title",
    "url",
    "published",
    "authors",
    "language",
    "site_name",
    "body",
)
_FAILURE_COLUMNS: Final = ("error", "error_message")


def check_fields(text: str) -> tuple[str, ...]:
    """The field names in a ``--fields`` value; raises ValueError naming an unknown one."""
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in FIELDS]
    if unknown or not names:
        problem = f"unknown field {unknown[0]!r}" if unknown else "no field named"
        msg = f"{problem}; the fields are: {', '.join(FIELDS)}"
        raise ValueError(msg)
    return names


def _flat(document: Document) -> dict[str, Any]:
    """The document as ``to_dict`` lays it out, with the metadata's fields at the top."""
    data = to_dict(document)
    metadata = data.pop("metadata")
    data.update(metadata)
    data["body"] = document.body
    return data


def failure_dict(failure: Failure) -> dict[str, str]:
    """A failure as the JSON outputs write it (a document never has an ``error`` key)."""
    return {"source": failure.source, "error": failure.error, "message": failure.message}


class Writer:
    """Writes results to a stream in one output format."""

    def __init__(self, stream: TextIO, *, ascii_only: bool) -> None:
        self.stream = stream
        self.ascii_only = ascii_only

    def document(self, document: Document) -> None:
        """Write one document."""
        raise NotImplementedError

    def failure(self, failure: Failure) -> None:
        """Write one failure record."""
        raise NotImplementedError

    def close(self) -> None:
        """Write what ends the output, and flush it."""
        self.stream.flush()

    def _json(self, data: object, indent: int | None) -> str:
        return json.dumps(data, indent=indent, sort_keys=True, ensure_ascii=self.ascii_only)


class _Json(Writer):
    """Each document as an indented JSON value; several are a stream that ``jq`` reads."""

    def __init__(
        self, stream: TextIO, *, ascii_only: bool, indent: int | None, fields: tuple[str, ...]
    ) -> None:
        super().__init__(stream, ascii_only=ascii_only)
        self.indent = indent
        self.fields = fields

    def document(self, document: Document) -> None:
        if self.fields:
            flat = _flat(document)
            data: dict[str, Any] = {name: flat[name] for name in self.fields}
        else:
            data = to_dict(document)
        self.stream.write(self._json(data, self.indent) + "\n")

    def failure(self, failure: Failure) -> None:
        self.stream.write(self._json(failure_dict(failure), self.indent) + "\n")


class _Csv(Writer):
    """One row per document; lists joined by "; ", structured values as JSON."""

    def __init__(self, stream: TextIO, *, ascii_only: bool, fields: tuple[str, ...]) -> None:
        super().__init__(stream, ascii_only=ascii_only)
        self.fields = fields or _CSV_DEFAULT
        self.columns = (*self.fields, *(c for c in _FAILURE_COLUMNS if c not in self.fields))
        self.rows = csv.writer(stream)
        self.rows.writerow(self.columns)

    def document(self, document: Document) -> None:
        flat = _flat(document)
        row = [_cell(name, flat[name]) for name in self.fields]
        self.rows.writerow([*row, *([""] * (len(self.columns) - len(row)))])

    def failure(self, failure: Failure) -> None:
        values = {"source": failure.source, "error": failure.error}
        values["error_message"] = failure.message
        self.rows.writerow([values.get(name, "") for name in self.columns])


def _cell(name: str, value: object) -> str:
    if value is None:
        return ""
    if name == "authors" and isinstance(value, list):
        return "; ".join(str(author["name"]) for author in value)
    if name == "images" and isinstance(value, list):
        return "; ".join(str(image["url"]) for image in value)
    if name == "tags" and isinstance(value, list):
        return "; ".join(str(tag) for tag in value)
    if isinstance(value, list | dict):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    return str(value)


class _Text(Writer):
    """The title, a blank line and the body; documents apart by a line of dashes."""

    markdown = False

    def __init__(self, stream: TextIO, *, ascii_only: bool) -> None:
        super().__init__(stream, ascii_only=ascii_only)
        self.first = True

    def _separate(self) -> None:
        if not self.first:
            self.stream.write("\n---\n\n" if self.markdown else "\n" + "-" * 72 + "\n\n")
        self.first = False

    def document(self, document: Document) -> None:
        self._separate()
        if self.markdown:
            self.stream.write(_markdown(document))
            return
        if document.title:
            self.stream.write(document.title + "\n\n")
        self.stream.write(document.body + "\n")

    def failure(self, failure: Failure) -> None:
        self._separate()
        line = f"{failure.source}: failed: {failure.error}: {failure.message}"
        self.stream.write(
            f"<!-- {line.replace('--', '- -')} -->\n" if self.markdown else line + "\n"
        )


class _Markdown(_Text):
    markdown = True


_HEADING: Final = re.compile(r"^(?=[#>*+\-]|\d+[.)] )")


def _markdown(document: Document) -> str:
    lines: list[str] = []
    if document.title:
        lines += [f"# {document.title}", ""]
    if document.subtitle:
        lines += [f"*{document.subtitle}*", ""]
    meta = document.metadata
    byline = [", ".join(author.name for author in meta.authors)] if meta.authors else []
    if meta.published is not None:
        byline.append(meta.published.isoformat())
    if byline:
        lines += [" · ".join(byline), ""]
    if meta.url:
        lines += [f"<{meta.url}>", ""]
    for block in document.blocks:
        text = block.text
        if block.kind == "heading":
            lines.append(f"## {text}")
        elif block.kind == "list_item":
            lines.append(f"- {text}")
        elif block.kind == "blockquote":
            lines.append("\n".join(f"> {line}" for line in text.splitlines()))
        elif block.kind == "preformatted":
            fence = "````" if "```" in text else "```"
            lines.append(f"{fence}\n{text}\n{fence}")
        else:
            # A paragraph that would read as Markdown syntax is escaped at its start.
            lines.append(_HEADING.sub("\\\\", text))
        lines.append("")
    return "\n".join(lines)


def make_writer(
    output: str, stream: TextIO, *, ascii_only: bool, indent: int | None, fields: tuple[str, ...]
) -> Writer:
    """A writer for one of :data:`OUTPUTS`."""
    makers: Mapping[str, Callable[[], Writer]] = {
        "json": lambda: _Json(stream, ascii_only=ascii_only, indent=indent, fields=fields),
        "jsonl": lambda: _Json(stream, ascii_only=ascii_only, indent=None, fields=fields),
        "csv": lambda: _Csv(stream, ascii_only=ascii_only, fields=fields),
        "text": lambda: _Text(stream, ascii_only=ascii_only),
        "markdown": lambda: _Markdown(stream, ascii_only=ascii_only),
    }
    return makers[output]()


_UNSAFE: Final = re.compile(r"[^\w.-]+")
_LONGEST_STEM: Final = 120


def file_name(source: str | None, output: str, taken: set[str]) -> str:
    """A file name for a document in an output folder, unique among ``taken`` (updated).

    Made from the source's base name (a web archive's record keeps its offset), without the
    ``.gz`` and the file's own ending, with the output's ending.
    """
    base = os.path.basename(source or "document").replace("#", "-")
    for ending in (".gz", ".html", ".htm", ".json", ".txt", ".xml", ".warc"):
        if base.lower().endswith(ending):
            base = base[: -len(ending)]
    # Short enough for any file system, with room for "-NNN" and the ending.
    stem = _UNSAFE.sub("_", base).strip("._")[:_LONGEST_STEM] or "document"
    name = stem + _SUFFIX[output]
    number = 1
    while name in taken:
        number += 1
        name = f"{stem}-{number}{_SUFFIX[output]}"
    taken.add(name)
    return name
