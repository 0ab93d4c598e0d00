"""What the engines share (newsdoc._rows), and what `import newsdoc` must never pull in."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import attrs
import pytest

import newsdoc
from newsdoc import _rows
from newsdoc.batch.inputs import FileTask, expand
from newsdoc.limits import DEFAULT_LIMITS
from newsdoc.model import Failure


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=60
    )


def test_import_newsdoc_imports_no_engine() -> None:
    code = (
        "import sys, newsdoc, newsdoc.batch, newsdoc.cli\n"
        "loaded = sorted(name for name in sys.modules if name.split('.')[0] in "
        "{'pyspark', 'py4j', 'dask', 'pandas', 'pyarrow', 'newsdoc.spark', 'newsdoc.dask'} "
        "or name in {'newsdoc.spark', 'newsdoc.dask', 'newsdoc._rows'})\n"
        "print(loaded)\n"
    )
    done = _run(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(("module", "blocked"), [("spark", "pyspark"), ("dask", "dask")])
def test_a_missing_extra_is_named(module: str, blocked: str) -> None:
    # A module set to None in sys.modules cannot be imported: the extra is "not installed".
    done = _run(f"import sys; sys.modules[{blocked!r}] = None; import newsdoc.{module}")
    assert done.returncode != 0
    assert "ImportError" in done.stderr
    assert f'pip install "newsdoc[{module}]"' in done.stderr


def test_every_column_is_a_field_of_the_document() -> None:
    names = [column.name for column in _rows.columns()]
    assert names == [
        *(field.name for field in attrs.fields(newsdoc.Document)),
        "body",
        "error",
        "error_message",
    ]


def test_a_field_of_no_column_type_is_refused() -> None:
    @attrs.frozen
    class Odd:
        when: datetime
        counts: dict[str, int]

    with pytest.raises(TypeError, match=r"Odd\.counts: no column type"):
        _rows._fields(Odd)


def test_a_union_of_several_types_is_refused() -> None:
    with pytest.raises(TypeError, match="union"):
        _rows._column("x", int | str | None, where="Odd.x")


def _named(row: tuple[object, ...]) -> dict[str, Any]:
    return dict(zip((column.name for column in _rows.columns()), row, strict=True))


def test_rows_of_a_document_and_a_failure() -> None:
    document = newsdoc.loads(
        '{"title": "Hello", "culture": "en_BE", "format_version": 1,'
        ' "published_at": "2026-01-02 03:04:05", "body": "<p>Hi.</p>", "tags": ["a"]}'
    )
    row = _named(_rows.tuple_row(document))
    assert row["title"] == "Hello"
    assert row["body"] == "Hi."
    assert row["blocks"] == [("paragraph", "Hi.")]
    metadata = dict(zip(("published", "modified"), row["metadata"][:2], strict=True))
    assert metadata == {"published": "2026-01-02T03:04:05", "modified": None}
    assert row["error"] is None
    failure = Failure(source="x.html", error="ParseError", message="x.html: broken")
    assert _rows.dict_row(failure) == dict.fromkeys(row) | {
        "source": "x.html",
        "error": "ParseError",
        "error_message": "x.html: broken",
    }
    failed = _rows.tuple_row(failure)
    assert [value for value in failed if value is not None] == [
        "x.html",
        "ParseError",
        "x.html: broken",
    ]


def test_extra_is_json_text() -> None:
    document = newsdoc.Document(
        format="x", metadata=newsdoc.Metadata(extra={"b": [1, {"c": "é"}], "a": None})
    )
    row = _named(_rows.tuple_row(document))
    names = [field.name for field in attrs.fields(newsdoc.Metadata)]
    extra = row["metadata"][names.index("extra")]
    assert extra == '{"a": null, "b": [1, {"c": "é"}]}'
    assert isinstance(newsdoc.to_dict(document)["metadata"]["extra"], Mapping)


def test_folders_and_globs_are_spread_into_their_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ("b/2.html", "b/1.html", "a.txt", ".x.html", ".hidden/3.html"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    folder = str(tmp_path)
    files = [f"{folder}/a.txt", f"{folder}/b/1.html", f"{folder}/b/2.html"]
    assert _rows.paths_of(folder) == files
    tasks = list(expand([folder], DEFAULT_LIMITS))
    assert [task.path for task in tasks if isinstance(task, FileTask)] == files  # as read_input
    assert _rows.paths_of([Path(folder, "**", "*.html")]) == files[1:]
    assert _rows.paths_of([f"{folder}/none/*.html", "missing.html"]) == [
        f"{folder}/none/*.html",
        "missing.html",
    ]
