"""newsdoc.spark end to end on Spark in local mode: rows against newsdoc.load_all, field by field.

Needs the ``spark`` extra and Java 17+ (``.ci/run`` installs Java when it is missing). One
session serves the module; it reads the inputs once for most tests.
"""

from __future__ import annotations

import json
import sys
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from pyspark.sql import DataFrame, Row, SparkSession, types

import newsdoc
import newsdoc.spark
from newsdoc.model import Document
from tests.engines import engine_inputs, expected


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    with pytest.MonkeyPatch.context() as patch:
        # The executors' Python is this one (with newsdoc and its dependencies), not `python3`.
        patch.setenv("PYSPARK_PYTHON", sys.executable)
        patch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        session = (
            SparkSession.builder.master("local[2]")
            .appName("newsdoc-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate()
        )
        session.sparkContext.setLogLevel("ERROR")
        yield session
        session.stop()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    return engine_inputs(tmp_path_factory.mktemp("spark"))


@pytest.fixture(scope="module")
def frame(spark: SparkSession, inputs: list[str]) -> DataFrame:
    return newsdoc.spark.read(spark, inputs, partitions=3)


@pytest.fixture(scope="module")
def rows(frame: DataFrame) -> list[Row]:
    return frame.collect()


def _record_fields(record: type, struct: types.StructType, where: str) -> Iterator[str]:
    """Every field of ``record`` and of the records inside it, checked against ``struct``."""
    hints = typing.get_type_hints(record)
    for field in attrs.fields(record):
        name = f"{where}.{field.name}"
        assert field.name in struct.fieldNames(), f"{name} is not in the schema"
        yield name
        data_type = struct[field.name].dataType
        hint = hints[field.name]
        if typing.get_origin(hint) is tuple:
            hint = typing.get_args(hint)[0]
            assert isinstance(data_type, types.ArrayType), name
            data_type = data_type.elementType
        if isinstance(hint, type) and attrs.has(hint):
            assert isinstance(data_type, types.StructType), name
            yield from _record_fields(hint, data_type, name)


def test_the_schema_has_every_field_of_every_record() -> None:
    schema = newsdoc.spark.schema()
    seen = set(_record_fields(Document, schema, "Document"))
    # Each record class the document is made of has been walked.
    assert {name.split(".")[-2] for name in seen} >= {
        "Document",
        "blocks",
        "metadata",
        "authors",
        "images",
        "links",
        "quotes",
        "warnings",
    }
    assert schema.fieldNames()[-3:] == ["body", "error", "error_message"]
    assert all(field.nullable for field in schema.fields)


def test_the_schema_types_follow_the_hints() -> None:
    schema = newsdoc.spark.schema()
    quote = typing.cast("types.ArrayType", schema["quotes"].dataType).elementType
    assert isinstance(quote, types.StructType)
    assert quote["start"].dataType == types.LongType()
    assert not quote["start"].nullable
    assert quote["partial"].dataType == types.BooleanType()
    assert quote["speaker"].nullable
    metadata = schema["metadata"].dataType
    assert isinstance(metadata, types.StructType)
    assert metadata["published"].dataType == types.StringType()  # ISO 8601 text
    assert metadata["extra"].dataType == types.StringType()  # JSON text
    assert metadata["tags"].dataType == types.ArrayType(types.StringType(), containsNull=False)


def _document_row(document: Document) -> dict[str, Any]:
    """What a document's row holds, from newsdoc.to_dict, then body and the failure columns."""
    return {
        **newsdoc.to_dict(document),
        "body": document.body,
        "error": None,
        "error_message": None,
    }


def test_rows_are_the_documents_of_load_all(rows: list[Row], inputs: list[str]) -> None:
    wanted = expected(inputs)
    assert len(rows) == len(wanted)
    for row, want in zip(rows, wanted, strict=True):
        if not isinstance(want, Document):
            continue
        got = row.asDict(recursive=True)
        got["metadata"]["extra"] = json.loads(got["metadata"]["extra"])  # JSON text
        assert got == _document_row(want), want.source
        # The fields one reads most, one by one (the equality above covers every field).
        assert row.title == want.title
        assert row.body == want.body
        assert row.source == want.source
        assert row.metadata.url == want.metadata.url
        assert [author.name for author in row.metadata.authors] == [
            author.name for author in want.metadata.authors
        ]
        assert [(block.kind, block.text) for block in row.blocks] == [
            (block.kind, block.text) for block in want.blocks
        ]
        for quote in row.quotes:
            assert row.body[quote.start : quote.end] == quote.text
        assert [(quote.start, quote.end) for quote in row.quotes] == [
            (quote.start, quote.end) for quote in want.quotes
        ]
        assert row.error is None
        assert row.error_message is None
    # Between them the inputs give quotes, several authors, warnings and extra fields.
    assert sum(len(row.quotes or ()) for row in rows) >= 10
    assert any(len(row.metadata.authors) > 1 for row in rows if row.metadata)
    assert any(row.warnings for row in rows)


def test_failures_are_rows(rows: list[Row], inputs: list[str]) -> None:
    failures = [row for row in rows if row.error is not None]
    missing, unknown = inputs[-2:]
    assert [(row.source, row.error) for row in failures] == [
        (missing, "FileNotFoundError"),
        (unknown, "UnknownFormatError"),
    ]
    assert [(row.source, row.error) for row in failures] == [
        want for want in expected(inputs) if isinstance(want, tuple)
    ]
    for row in failures:
        assert row.source in row.error_message
        others = {key: value for key, value in row.asDict().items() if value is not None}
        assert others.keys() == {"source", "error", "error_message"}


def test_the_frame_is_queried_as_usual(frame: DataFrame) -> None:
    assert frame.rdd.getNumPartitions() == 3
    counts = {row.format: row["count"] for row in frame.groupBy("format").count().collect()}
    assert counts == {"html": 4, "text": 2, "prezly": 3, None: 2}  # two pages in the archive
    dated = frame.selectExpr("to_timestamp(metadata.published) AS published").dropna()
    assert dated.count() > 0


def test_one_path_strict_and_a_format(spark: SparkSession, inputs: list[str]) -> None:
    italian = inputs[1]  # a page with a warning: strict turns it into a failure
    [row] = newsdoc.spark.read(spark, italian, strict=True).collect()
    assert (row.source, row.error) == (italian, "ParseError")
    rows = newsdoc.spark.read(spark, [Path(inputs[2])], format="html").collect()
    assert {row.format for row in rows} == {"html"}


def test_the_row_function_runs_without_spark(inputs: list[str]) -> None:
    width = len(newsdoc.spark.schema().fields)
    rows = list(newsdoc.spark.rows(inputs))
    assert len(rows) == len(expected(inputs))
    assert {len(row) for row in rows} == {width}


def test_partitions_must_be_positive(spark: SparkSession) -> None:
    with pytest.raises(ValueError, match="partitions"):
        newsdoc.spark.read(spark, ["x"], partitions=0)
