"""Every fixture against its reviewed expected JSON, field by field.

``tests/fixtures/<format>/NAME`` is an input; ``NAME.expected.json`` beside it holds the list of
its documents as ``newsdoc.to_dict`` gives them (``load_all``), keys sorted, indent 2.
Run ``pytest --update-golden`` to rewrite them, then review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from tests.conftest import FIXTURES, expected_path, fixture_inputs

INPUTS = fixture_inputs()
IDS = [str(path.relative_to(FIXTURES)) for path in INPUTS]


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _differences(expected: Any, actual: Any, path: str = "$") -> list[str]:
    """Every place where two JSON values differ, as readable lines."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        lines: list[str] = []
        for key in sorted(expected.keys() | actual.keys()):
            if key not in actual:
                lines.append(f"{path}.{key}: missing (expected {expected[key]!r:.80})")
            elif key not in expected:
                lines.append(f"{path}.{key}: unexpected {actual[key]!r:.80}")
            else:
                lines.extend(_differences(expected[key], actual[key], f"{path}.{key}"))
        return lines
    if isinstance(expected, list) and isinstance(actual, list):
        lines = []
        if len(expected) != len(actual):
            lines.append(f"{path}: {len(actual)} items, expected {len(expected)}")
        for index, (left, right) in enumerate(zip(expected, actual, strict=False)):
            lines.extend(_differences(left, right, f"{path}[{index}]"))
        return lines
    if expected != actual:
        return [f"{path}: {actual!r:.120} != expected {expected!r:.120}"]
    return []


def test_the_corpus_is_not_empty() -> None:
    assert INPUTS, "tests/fixtures holds no inputs"


@pytest.mark.parametrize("path", INPUTS, ids=IDS)
def test_golden(path: Path, update_golden: bool) -> None:
    actual = [newsdoc.to_dict(doc) for doc in newsdoc.load_all(path)]
    # Sources are named relative to the fixtures, so the files do not depend on the checkout;
    # what follows the path (a web archive record's "#<offset>") is kept.
    for document in actual:
        suffix = document["source"].removeprefix(str(path))
        document["source"] = str(path.relative_to(FIXTURES)) + suffix
    expected_file = expected_path(path)
    if update_golden:
        expected_file.write_text(_dump(actual), encoding="utf-8")
        return
    if not expected_file.exists():
        pytest.fail(
            f"{expected_file.name} is missing: run `pytest --update-golden` and review the file"
        )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    differences = _differences(expected, actual)
    assert not differences, "\n".join(differences)


@pytest.mark.parametrize("path", INPUTS, ids=IDS)
def test_detected_as_its_folder(path: Path) -> None:
    assert newsdoc.detect(path) == path.parent.name


@pytest.mark.parametrize("path", INPUTS, ids=IDS)
def test_expected_files_round_trip(path: Path) -> None:
    expected_file = expected_path(path)
    if not expected_file.exists():
        pytest.fail(f"{expected_file.name} is missing")
    for data in json.loads(expected_file.read_text(encoding="utf-8")):
        assert newsdoc.to_dict(newsdoc.from_dict(data)) == data


def test_no_orphan_expected_files() -> None:
    inputs = {expected_path(path) for path in INPUTS}
    orphans = [p.name for p in FIXTURES.glob("*/*.expected.json") if p not in inputs]
    assert not orphans
