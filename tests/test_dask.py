"""newsdoc.dask end to end on Dask's local schedulers: rows against newsdoc.load_all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas
import pyarrow.parquet
import pytest

import newsdoc
import newsdoc.dask
from newsdoc.model import Document
from tests.engines import engine_inputs, expected


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return engine_inputs(tmp_path_factory.mktemp("dask"))


@pytest.fixture(scope="module")
def rows(inputs: list[str]) -> list[dict[str, Any]]:
    # The bag's default scheduler: worker processes, as on one machine of a cluster.
    found: list[dict[str, Any]] = newsdoc.dask.bag(inputs, partitions=3).compute()
    return found


@pytest.fixture(scope="module")
def frame(inputs: list[str]) -> pandas.DataFrame:
    found: pandas.DataFrame = newsdoc.dask.dataframe(inputs).compute(scheduler="threads")
    return found


def test_bag_rows_are_the_documents_of_load_all(
    rows: list[dict[str, Any]], inputs: list[str]
) -> None:
    wanted = expected(inputs)
    assert len(rows) == len(wanted)
    keys = {*newsdoc.to_dict(newsdoc.Document(format="x")), "body", "error", "error_message"}
    for row, want in zip(rows, wanted, strict=True):
        assert row.keys() == keys  # every row has the same keys
        if isinstance(want, Document):
            assert row == {
                **newsdoc.to_dict(want),
                "body": want.body,
                "error": None,
                "error_message": None,
            }
            fields = {key: row[key] for key in keys - {"body", "error", "error_message"}}
            assert newsdoc.from_dict(fields) == want
            for quote in row["quotes"]:
                assert row["body"][quote["start"] : quote["end"]] == quote["text"]
        else:
            source, error = want
            assert (row["source"], row["error"]) == (source, error)
            assert source in row["error_message"]
            assert {key for key, value in row.items() if value is not None} == {
                "source",
                "error",
                "error_message",
            }


def test_the_dataframe_has_flat_columns(frame: pandas.DataFrame, inputs: list[str]) -> None:
    assert tuple(frame.columns) == newsdoc.dask.COLUMNS
    assert frame["title"].dtype == pandas.StringDtype()
    assert str(frame["authors"].dtype) == "list<item: string>[pyarrow]"
    wanted = expected(inputs)
    assert len(frame) == len(wanted)
    for (_, row), want in zip(frame.iterrows(), wanted, strict=True):
        if isinstance(want, Document):
            assert row["source"] == want.source
            assert row["format"] == want.format
            assert row["body"] == want.body
            assert _value(row["title"]) == want.title
            assert _value(row["url"]) == want.metadata.url
            assert _value(row["language"]) == want.metadata.language
            published = want.metadata.published
            assert _value(row["published"]) == (published and published.isoformat())
            assert list(row["authors"]) == [author.name for author in want.metadata.authors]
            assert list(row["tags"]) == list(want.metadata.tags)
            assert list(row["warnings"]) == [warning.code for warning in want.warnings]
            assert pandas.isna(row["error"])
            assert pandas.isna(row["error_message"])
        else:
            assert (row["source"], row["error"]) == want
            assert pandas.isna(row["title"])
            assert list(row["authors"]) == []


def _value(cell: object) -> object:
    """A cell of a ``string`` column as a Python value (``<NA>`` is ``None``)."""
    return None if cell is pandas.NA else cell


def test_the_dataframe_writes_parquet(inputs: list[str], tmp_path: Path) -> None:
    frame = newsdoc.dask.dataframe(inputs)
    frame.to_parquet(tmp_path / "pages.parquet", compute_kwargs={"scheduler": "sync"})
    # Read by pyarrow: pandas cannot read back the name of the Arrow list type it wrote.
    table = pyarrow.parquet.read_table(tmp_path / "pages.parquet")
    assert str(table.schema.field("authors").type) == "list<element: string>"
    computed = frame.compute(scheduler="sync")
    assert table.column("title").to_pylist() == [_value(title) for title in computed["title"]]
    assert table.column("authors").to_pylist() == [list(names) for names in computed["authors"]]


def test_one_path_strict_and_a_format(inputs: list[str]) -> None:
    italian = inputs[1]  # a page with a warning: strict turns it into a failure
    [row] = newsdoc.dask.bag(italian, strict=True).compute(scheduler="sync")
    assert (row["source"], row["error"]) == (italian, "ParseError")
    rows = newsdoc.dask.bag([Path(inputs[2])], format="html").compute(scheduler="sync")
    assert {row["format"] for row in rows} == {"html"}


def test_partitions(inputs: list[str]) -> None:
    assert newsdoc.dask.bag(inputs, partitions=2).npartitions == 2
    assert newsdoc.dask.bag(inputs).npartitions == len(inputs)
    with pytest.raises(ValueError, match="partitions"):
        newsdoc.dask.bag(inputs, partitions=0)
