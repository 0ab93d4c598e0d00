"""The example scripts run, and say what they should about the bundled documents."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import newsdoc

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"
DATA = EXAMPLES / "data"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, cwd=ROOT
    )


def test_summarize_prints_each_document() -> None:
    result = _run(str(EXAMPLES / "summarize.py"), *sorted(map(str, DATA.iterdir())))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Belgium summons Russian ambassador over threats to Kyiv diplomats" in out
    assert "Ghent to open three cycling bridges" in out
    assert "Brussels airport expects busy spring holiday" in out  # second story of the .gz
    assert "format: prezly   language: en-BE   published: 2026-05-27T17:46:00" in out
    assert "by: Flanders News Service" in out


def test_summarize_reports_a_bad_file_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01")
    result = _run(str(EXAMPLES / "summarize.py"), str(bad), str(DATA / "belga_story.txt"))
    assert result.returncode == 1
    assert str(bad) in result.stderr
    assert "Belgium summons" in result.stdout


def test_to_jsonl_writes_one_line_per_document(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    result = _run(str(EXAMPLES / "to_jsonl.py"), str(DATA), "--output", str(output))
    assert result.returncode == 0, result.stderr
    lines = output.read_text(encoding="utf-8").splitlines()
    docs = [newsdoc.from_dict(json.loads(line)) for line in lines]
    # 4 Prezly stories, 1 HTML page, 3 stories in one text digest.
    assert len(docs) == 8
    assert sorted(doc.format for doc in docs) == ["html"] + ["prezly"] * 4 + ["text"] * 3
    assert "wrote 8 documents" in result.stderr


def test_to_jsonl_records_what_failed(tmp_path: Path) -> None:
    output, failures = tmp_path / "out.jsonl", tmp_path / "failures.jsonl"
    missing = str(tmp_path / "missing.html")
    arguments = ["--output", str(output), "--failures", str(failures), "--jobs", "1"]
    result = _run(
        str(EXAMPLES / "to_jsonl.py"), str(DATA / "ghent_bridges.json"), missing, *arguments
    )
    assert result.returncode == 1
    assert len(output.read_text(encoding="utf-8").splitlines()) == 1
    [failure] = [json.loads(line) for line in failures.read_text(encoding="utf-8").splitlines()]
    assert failure == {
        "source": missing,
        "error": "FileNotFoundError",
        "message": f"{missing}: No such file or directory",
    }
    assert "1 inputs failed" in result.stderr


def test_the_readme_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    script = tmp_path / "readme_example.py"
    script.write_text(code, encoding="utf-8")
    result = _run(str(script))
    assert result.returncode == 0, result.stderr
    assert "prezly Belgium summons Russian ambassador" in result.stdout
    assert "heading    European response" in result.stdout
