"""The newsdoc command: JSON out, detect, exit codes, errors on stderr."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import newsdoc
from newsdoc.cli import main
from tests.helpers import SEED, story

SEED_PATH = Path(__file__).parent / SEED


def test_prints_json_of_each_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(SEED_PATH)]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["format"] == "prezly"
    assert data["title"].startswith("Belgium summons Russian ambassador")


def test_jsonl_prints_one_line_per_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps([story(title="One"), story(title="Two")]))
    assert main(["--jsonl", str(dump), str(SEED_PATH)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["title"][:3] for line in lines] == ["One", "Two", "Bel"]


def test_a_missing_file_among_good_ones(capsys: pytest.CaptureFixture[str]) -> None:
    missing = "no/such/file.json"
    assert main(["--jsonl", "-q", str(SEED_PATH), missing, str(SEED_PATH)]) == 1
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    # The failure is a record in its input's place, so the output accounts for every input.
    assert [row.get("error") for row in rows] == [None, "FileNotFoundError", None]
    assert rows[1]["source"] == missing
    assert captured.err == f"newsdoc: {missing}: No such file or directory\n"


def test_an_unknown_file_is_reported_with_its_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "random.bin"
    path.write_bytes(bytes(range(256)))
    assert main([str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err
    assert "no format recognised" in err


def test_detect(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["detect", str(SEED_PATH)]) == 0
    assert capsys.readouterr().out == f"{SEED_PATH}: prezly\n"
    assert main(["detect", str(SEED_PATH), str(tmp_path / "missing")]) == 1
    captured = capsys.readouterr()
    assert captured.out == f"{SEED_PATH}: prezly\n"
    assert "missing" in captured.err


def test_strict_and_format_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "untitled.json"
    path.write_text(json.dumps({"body": "<p>x</p>"}))
    assert main([str(path)]) == 1  # no sniffer claims it
    assert main(["--format", "prezly", str(path)]) == 0
    assert main(["--format", "prezly", "--strict", str(path)]) == 1
    assert "prezly.no-title" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [[], ["detect"], ["--no-such-flag", "x"], ["--indent", "x", "f"]])
def test_bad_usage_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage" in capsys.readouterr().err


def test_version_prints_the_package_version_and_exits_0(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"newsdoc {newsdoc.__version__}\n"


def test_the_version_is_a_release_version() -> None:
    # PEP 440, in the forms the release procedure uses (docs/releasing.rst): 0.2.0, 0.2.0rc1,
    # 0.3.0.dev0.
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?(\.dev\d+)?", newsdoc.__version__)


def test_python_dash_m_newsdoc_is_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsdoc", "detect", str(SEED_PATH)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip().endswith(": prezly")


def test_dash_reads_standard_input() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsdoc", "--jsonl", "-"],
        input=json.dumps([story(title="One"), story(title="Two")]).encode(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["title"], row["source"]) for row in rows] == [
        ("One", "<stdin>"),
        ("Two", "<stdin>"),
    ]


def test_a_reader_that_stops_early_is_not_an_error_per_file() -> None:
    # `newsdoc --jsonl ... | head -1`: the pipe closes after the first line.
    files = [str(SEED_PATH)] * 200
    with subprocess.Popen(
        [sys.executable, "-m", "newsdoc", "--jsonl", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as producer:
        assert producer.stdout is not None
        assert producer.stderr is not None
        first = producer.stdout.readline()
        producer.stdout.close()
        stderr = producer.stderr.read().decode()
        producer.wait(timeout=30)
    assert json.loads(first)["format"] == "prezly"
    assert "Broken pipe" not in stderr
    assert "Traceback" not in stderr
