"""The command over corpora: folders, globs, --files-from, outputs, failures, progress, dedupe."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

import newsdoc
from newsdoc.cli import main
from tests.conftest import FIXTURES

PAGES = sorted((FIXTURES / "html").glob("*.html"))[:3]
STORY = FIXTURES / "prezly" / "000_8ad76214cebdd4ac.txt"
SRC = Path(__file__).resolve().parent.parent / "src"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    shutil.copy(PAGES[0], root / PAGES[0].name)
    shutil.copy(PAGES[1], root / "sub" / PAGES[1].name)
    (root / "sub" / "noise.bin").write_bytes(bytes(range(256)))
    return root


def _rows(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def test_a_folder_to_jsonl_accounts_for_every_input(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(folder), "--to", "jsonl", "--jobs", "2"]) == 1
    captured = capsys.readouterr()
    rows = _rows(captured.out)
    assert [row["source"] for row in rows] == [
        str(folder / PAGES[0].name),
        str(folder / "sub" / PAGES[1].name),
        str(folder / "sub" / "noise.bin"),
    ]
    assert rows[0] == newsdoc.to_dict(newsdoc.load(folder / PAGES[0].name))
    assert rows[2]["error"] == "UnknownFormatError"
    assert "no format recognised" in str(rows[2]["message"])
    err = captured.err.splitlines()
    assert err[0].startswith(f"newsdoc: {folder / 'sub' / 'noise.bin'}: no format recognised")
    assert err[1].startswith("newsdoc: 2 documents from 3 inputs; 1 failed;")


def test_globs_and_files_from_stdin(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = f"{folder / PAGES[0].name}\n\n{STORY}\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(listing.encode())))
    pattern = str(folder / "**" / "*.html")
    assert main([pattern, "--files-from", "-", "--jsonl", "-q"]) == 0
    sources = [row["source"] for row in _rows(capsys.readouterr().out)]
    assert sources == [
        str(folder / PAGES[0].name),
        str(folder / "sub" / PAGES[1].name),
        str(folder / PAGES[0].name),
        *(str(STORY) for _ in newsdoc.load_all(STORY)),
    ]


def test_csv_with_chosen_fields(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    argv = [
        str(folder),
        "--to",
        "csv",
        "--fields",
        "source,title,authors,published",
        "-o",
        str(out),
    ]
    assert main([*argv, "-q"]) == 1
    with out.open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert list(rows[0]) == ["source", "title", "authors", "published", "error", "error_message"]
    document = newsdoc.load(folder / PAGES[0].name)
    assert rows[0]["title"] == document.title
    assert rows[0]["authors"] == "; ".join(author.name for author in document.metadata.authors)
    published = document.metadata.published
    assert rows[0]["published"] == (published.isoformat() if published else "")
    assert rows[0]["error"] == ""
    assert rows[2]["source"].endswith("noise.bin")
    assert rows[2]["error"] == "UnknownFormatError"
    assert rows[2]["title"] == ""


def test_jsonl_with_chosen_fields(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(PAGES[0]), "--jsonl", "--fields", "title,url,body"]) == 0
    [row] = _rows(capsys.readouterr().out)
    document = newsdoc.load(PAGES[0])
    assert row == {"title": document.title, "url": document.metadata.url, "body": document.body}


def test_text_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    document = newsdoc.load(PAGES[0])
    assert main([str(PAGES[0]), "--to", "text"]) == 0
    assert capsys.readouterr().out == f"{document.title}\n\n{document.body}\n"
    assert main([str(PAGES[0]), str(PAGES[1]), "--to", "markdown", "-q"]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"# {document.title}\n")
    assert f"\n---\n\n# {newsdoc.load(PAGES[1]).title}\n" in out
    headings = [block.text for block in document.blocks if block.kind == "heading"]
    assert all(f"\n## {heading}\n" in out for heading in headings)


def test_an_output_folder_gets_a_file_per_document_and_the_failures(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert main([str(folder), str(STORY), "-o", f"{out}{os.sep}", "-q"]) == 1
    stem = PAGES[0].name.removesuffix(".html")
    names = sorted(path.name for path in out.iterdir())
    story_files = [name for name in names if name.startswith("000_8ad76214cebdd4ac")]
    assert len(story_files) == sum(1 for _ in newsdoc.load_all(STORY))
    assert f"{stem}.json" in names
    assert "failures.jsonl" in names
    saved = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    assert saved == newsdoc.to_dict(newsdoc.load(folder / PAGES[0].name))
    [failure] = _rows((out / "failures.jsonl").read_text(encoding="utf-8"))
    assert failure["error"] == "UnknownFormatError"


def test_dedupe_drops_copies_and_says_how_many(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.html", "b.html", "c.html"):
        shutil.copy(PAGES[0], tmp_path / name)
    shutil.copy(PAGES[1], tmp_path / "d.html")
    assert main([str(tmp_path), "--jsonl", "--dedupe", "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert [Path(str(row["source"])).name for row in _rows(captured.out)] == ["a.html", "d.html"]
    assert "2 duplicates dropped" in captured.err


def test_detect_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGES[0].read_bytes())))
    assert main(["detect", "-"]) == 0
    assert capsys.readouterr().out == "-: html\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["--format", "bogus", "x"],
        ["--to", "bogus", "x"],
        ["--jobs", "0", "x"],
        ["--jobs", "two", "x"],
        ["--timeout", "-1", "x"],
        ["--fields", "title,nope", "x"],
        ["--to", "text", "--fields", "title", "x"],
        ["--files-from", "/no/such/list.txt"],
        ["--files-from", "-", "-"],
    ],
)
def test_bad_option_values_are_usage_errors(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    assert "usage" in capsys.readouterr().err


def _command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "newsdoc", *argv]


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "100"}


def test_no_progress_bar_when_piped(folder: Path) -> None:
    result = subprocess.run(
        _command(str(folder), "--jsonl"), capture_output=True, text=True, env=_environment()
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2  # the failure, then the summary: no bar
    assert lines[1].startswith("newsdoc: 2 documents from 3 inputs")


def test_a_progress_bar_on_a_terminal(folder: Path, tmp_path: Path) -> None:
    leader, follower = pty.openpty()
    # A terminal of 24 lines of 100 columns (a new pseudo-terminal has none, and a bar of
    # zero columns is not drawn).
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    out = tmp_path / "out.jsonl"
    with subprocess.Popen(
        _command(str(folder), "--jsonl", "-o", str(out)), stderr=follower, env=_environment()
    ) as process:
        os.close(follower)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal is closed when the command ends
                break
            if not chunk:
                break
            seen += chunk
        assert process.wait(timeout=60) == 1
    os.close(leader)
    text = seen.decode("utf-8", "replace")
    assert " docs" in text  # tqdm's counter, with our unit
    assert "docs/s" in text or "s/ docs" in text
    assert "\r" in text  # redrawn in place
    assert "2 documents from 3 inputs" in text


def test_a_web_archive_and_its_skipped_records(capsys: pytest.CaptureFixture[str]) -> None:
    archive = FIXTURES / "warc" / "news.warc.gz"
    assert main([str(archive), str(PAGES[0]), "--jsonl", "--fields", "source,title,url"]) == 0
    captured = capsys.readouterr()
    rows = _rows(captured.out)
    expected = [
        {"source": doc.source, "title": doc.title, "url": doc.metadata.url}
        for doc in newsdoc.load_all(archive)
    ]
    assert rows[:-1] == expected
    assert len(expected) == 2
    assert rows[-1]["source"] == str(PAGES[0])
    assert "archive records skipped (1 metadata, 1 not-html, 1 redirect, 1 request" in captured.err


def test_one_web_archive_goes_to_the_workers(capsys: pytest.CaptureFixture[str]) -> None:
    archive = FIXTURES / "warc" / "news.warc.gz"
    assert main([str(archive), "--jsonl", "--fields", "source"]) == 0
    captured = capsys.readouterr()
    assert len(_rows(captured.out)) == 2
    # The run's summary: its records were tasks of the workers, each with its time limit.
    assert "2 documents from 2 inputs" in captured.err


def test_a_pipe_named_by_the_shell_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    reader, writer = os.pipe()  # what `newsdoc <(cat page.html)` is given: /dev/fd/N
    with os.fdopen(writer, "wb") as stream:
        stream.write(PAGES[0].read_bytes())
    try:
        assert main([f"/dev/fd/{reader}", "--jsonl", "--fields", "title"]) == 0
    finally:
        os.close(reader)
    assert _rows(capsys.readouterr().out) == [{"title": newsdoc.load(PAGES[0]).title}]


def test_an_output_folder_always_lists_its_failures_under_a_name_of_its_own(
    tmp_path: Path,
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(PAGES[0], pages / "failures.html")  # would be failures.jsonl
    out = tmp_path / "out"
    assert main([str(pages), "--to", "jsonl", "-o", f"{out}{os.sep}", "-q"]) == 0
    assert (out / "failures.jsonl").read_text(encoding="utf-8") == ""
    assert (out / "failures-2.jsonl").exists()


def test_an_output_that_cannot_be_written_is_said_plainly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no" / "such" / "out.json"
    assert main([str(PAGES[0]), "-o", str(target)]) == 1
    assert capsys.readouterr().err == f"newsdoc: cannot write {target}: No such file or directory\n"


def test_text_on_a_terminal_that_speaks_ascii(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="ascii"))
    archive = FIXTURES / "warc" / "news.warc.gz"
    assert main([str(archive), "--to", "text", "-q"]) == 0
    sys.stdout.flush()
    assert "march\\xe9 couvert" in raw.getvalue().decode("ascii")
