"""load_many: folders, globs, order, time limits, lost workers, bounded memory, failure records."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Document, Failure
from newsdoc.batch import pool, read_input
from newsdoc.registry import default_registry
from tests import batch_formats, warcdata
from tests.conftest import FIXTURES
from tests.helpers import story

PAGES = sorted((FIXTURES / "html").glob("*.html"))[:4]
STORY = FIXTURES / "prezly" / "000_8ad76214cebdd4ac.txt"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of pages, one nested, one hidden, and a file no format reads."""
    root = tmp_path / "corpus"
    (root / "nested" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for page in PAGES[:2]:
        shutil.copy(page, root / page.name)
    shutil.copy(PAGES[2], root / "nested" / "deeper" / PAGES[2].name)
    shutil.copy(PAGES[3], root / ".hidden" / PAGES[3].name)
    shutil.copy(PAGES[3], root / ".dotfile.html")
    (root / "nested" / "noise.bin").write_bytes(bytes(range(256)))
    return root


@pytest.fixture
def misbehaving() -> Iterator[None]:
    formats = (
        batch_formats.ENDLESS,
        batch_formats.CRASH,
        batch_formats.BUG,
        batch_formats.LATE_DEATH,
        batch_formats.UNPICKLABLE,
    )
    for fmt in formats:
        newsdoc.register_format(fmt)
    yield
    for fmt in formats:
        default_registry.unregister(fmt.name)


def _titles(items: list[Document | Failure]) -> list[str | None]:
    return [item.title if isinstance(item, Document) else item.error for item in items]


def test_a_folder_is_read_recursively_in_name_order_without_hidden_files(corpus: Path) -> None:
    with newsdoc.load_many(corpus, jobs=2) as batch:
        items = list(batch)
    expected_paths = [
        corpus / PAGES[0].name,
        corpus / PAGES[1].name,
        corpus / "nested" / "deeper" / PAGES[2].name,
        corpus / "nested" / "noise.bin",
    ]
    assert [item.source for item in items] == [str(path) for path in expected_paths]
    for item, path in zip(items[:3], expected_paths, strict=False):
        assert item == newsdoc.load(path)  # the same document as a load in this process
    failure = items[3]
    assert isinstance(failure, Failure)
    assert failure.error == "UnknownFormatError"
    assert "noise.bin" in failure.message
    summary = batch.summary
    assert (summary.inputs, summary.documents, summary.failures) == (4, 3, 1)
    assert summary.seconds > 0


def test_globs_and_missing_inputs_give_failure_records(corpus: Path) -> None:
    inputs = [str(corpus / "**" / "*.html"), str(corpus / "none-*.html"), str(corpus / "gone.html")]
    items = list(newsdoc.load_many(inputs, jobs=1))
    assert [item.source for item in items[:3]] == [
        str(corpus / PAGES[0].name),
        str(corpus / PAGES[1].name),
        str(corpus / "nested" / "deeper" / PAGES[2].name),
    ]
    missing = items[3:]
    assert [(item.error, item.source) for item in missing if isinstance(item, Failure)] == [
        ("FileNotFoundError", str(corpus / "none-*.html")),
        ("FileNotFoundError", str(corpus / "gone.html")),
    ]
    assert "no file matches" in missing[0].message  # type: ignore[union-attr]


def test_several_documents_of_one_input_keep_their_order() -> None:
    items = list(newsdoc.load_many([STORY, PAGES[0], STORY], jobs=2))
    story = list(newsdoc.load_all(STORY))
    assert items == [*story, newsdoc.load(PAGES[0]), *story]


@pytest.mark.usefixtures("misbehaving")
def test_a_runaway_parse_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    endless = tmp_path / "endless.txt"
    endless.write_bytes(b"ENDLESS")
    started = time.monotonic()
    items = list(newsdoc.load_many([endless, PAGES[0], PAGES[1]], jobs=2, timeout=1.0))
    assert time.monotonic() - started < 20
    # What it gave before the limit is kept; then the failure, in the input's place.
    assert _titles(items)[:2] == ["before the loop", "TimeoutError"]
    assert items[1].source == str(endless)
    assert "time limit (1 s)" in items[1].message  # type: ignore[union-attr]
    assert [item.source for item in items[2:]] == [str(PAGES[0]), str(PAGES[1])]


@pytest.mark.usefixtures("misbehaving")
def test_a_worker_that_dies_is_replaced_and_its_input_reported(tmp_path: Path) -> None:
    crash = tmp_path / "crash.txt"
    crash.write_bytes(b"CRASH")
    items = list(newsdoc.load_many([crash, PAGES[0], crash, PAGES[1]], jobs=1))
    assert [item.error if isinstance(item, Failure) else "doc" for item in items] == [
        "WorkerDied",
        "doc",
        "WorkerDied",
        "doc",
    ]
    assert "killed by SIGKILL" in items[0].message  # type: ignore[union-attr]


@pytest.mark.usefixtures("misbehaving")
def test_a_plugin_bug_is_a_failure_record_not_the_end_of_the_run(tmp_path: Path) -> None:
    bug = tmp_path / "bug.txt"
    bug.write_bytes(b"BUG")
    items = list(newsdoc.load_many([bug, PAGES[0]], jobs=1))
    assert _titles(items) == ["first", "KeyError", newsdoc.load(PAGES[0]).title]


def test_as_completed_gives_every_result(corpus: Path) -> None:
    ordered = list(newsdoc.load_many(corpus, jobs=2))
    completed = list(newsdoc.load_many(corpus, jobs=2, ordered=False))
    assert sorted(map(repr, completed)) == sorted(map(repr, ordered))


def test_inputs_are_pulled_only_as_workers_take_them() -> None:
    pulled = 0

    def endless_inputs() -> Iterator[Path]:
        nonlocal pulled
        while True:
            pulled += 1
            yield PAGES[pulled % len(PAGES)]

    with newsdoc.load_many(endless_inputs(), jobs=2) as batch:
        first = [next(batch) for _ in range(3)]
    assert all(isinstance(item, Document) for item in first)
    # The window (16 per worker beyond what was given) and as many read ahead.
    assert pulled <= 3 + 2 * 16 * 2 + 2


def test_strict_turns_a_warning_into_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "untitled.json"
    path.write_text('{"body": "<p>x</p>"}')
    [failure] = newsdoc.load_many([path], jobs=1, format="prezly", strict=True)
    assert isinstance(failure, Failure)
    assert failure.error == "ParseError"
    assert "prezly.no-title" in failure.message


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"jobs": 0}, ValueError),
        ({"timeout": 0}, ValueError),
        ({"timeout": -1.0}, ValueError),
        ({"format": "no-such-format"}, newsdoc.UnknownFormatError),
    ],
)
def test_bad_options_are_refused_before_any_work(options: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        newsdoc.load_many([PAGES[0]], **options)  # type: ignore[arg-type]


def test_a_format_workers_cannot_be_sent_is_refused_by_name() -> None:
    newsdoc.register_format(
        newsdoc.Format(name="closure", sniff=lambda head, name: 0.0, parse=lambda d, c: iter(()))
    )
    try:
        with pytest.raises(ValueError, match="format 'closure' cannot be sent"):
            newsdoc.load_many([PAGES[0]])
    finally:
        default_registry.unregister("closure")


def test_read_input_runs_in_this_process(corpus: Path) -> None:
    items = list(read_input(corpus))
    assert [item.source for item in items] == [
        item.source for item in newsdoc.load_many(corpus, jobs=1)
    ]
    [missing] = read_input(corpus / "gone.html")
    assert isinstance(missing, Failure)
    assert missing.error == "FileNotFoundError"


def test_a_script_read_from_stdin_can_run_a_batch(corpus: Path) -> None:
    # Workers are processes of their own: they never re-run the caller's main module (a
    # script without a __main__ guard, a notebook, a program piped to python).
    script = f"import newsdoc\nprint(sum(1 for _ in newsdoc.load_many({str(corpus)!r}, jobs=2)))\n"
    result = subprocess.run(
        [sys.executable, "-"], input=script, capture_output=True, text=True, check=True
    )
    assert result.stdout == "4\n"
    assert result.stderr == ""


def test_a_slow_reader_does_not_make_an_input_late(tmp_path: Path) -> None:
    dump = tmp_path / "dump.json"
    dump.write_text(json.dumps([story(title=f"Story {number}") for number in range(3)]))
    titles = []
    for item in newsdoc.load_many([dump, PAGES[0]], jobs=1, timeout=0.5):
        titles.append(item.title if isinstance(item, Document) else item.error)
        time.sleep(0.8)  # longer than the limit: the worker waits for us, it is not late
    assert titles == ["Story 0", "Story 1", "Story 2", newsdoc.load(PAGES[0]).title]


def test_an_archive_is_spread_over_the_workers_record_by_record(tmp_path: Path) -> None:
    records = [
        *warcdata.mixed_records(),
        *(warcdata.response(warcdata.page(f"Story {n}"), number=20 + n) for n in range(4)),
    ]
    data, offsets = warcdata.archive(records, packed=True)
    spoiled = bytearray(data)
    # A corrupt gzip member among the stories: the rest of the archive is still read.
    middle = offsets[-3] + (offsets[-2] - offsets[-3]) // 2
    spoiled[middle : middle + 40] = b"\x00" * 40
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(bytes(spoiled))
    with newsdoc.load_many([path, PAGES[0]], jobs=2) as batch:
        items = list(batch)
    documents = [item for item in items if isinstance(item, Document)]
    failures = [item for item in items if isinstance(item, Failure)]
    offsets_read = [int(str(doc.source).rpartition("#")[2]) for doc in documents[:-1]]
    assert offsets_read == sorted(offsets_read)  # in the archive's order
    assert all(str(doc.source).startswith(f"{path}#") for doc in documents[:-1])
    assert documents[-1].source == str(PAGES[0])
    assert [doc.title for doc in documents[-4:-1]] == ["Story 0", "Story 2", "Story 3"]
    assert [failure.source for failure in failures] == [f"{path}#{offsets[-3]}"]
    assert failures[0].error == "ParseError"
    summary = batch.summary
    assert summary.failures == 1
    assert summary.skipped["request"] == 1
    assert summary.skipped["not-html"] >= 2
    assert summary.inputs == len(documents) + 1  # every page record, the broken one, the page


def test_format_warc_names_the_archive_and_its_pages_are_sniffed() -> None:
    archive = FIXTURES / "warc" / "news.warc.gz"
    forced = list(newsdoc.load_many([archive], jobs=1, format="warc"))
    assert forced == list(newsdoc.load_many([archive], jobs=1))
    assert [doc.format for doc in forced] == ["html", "html"]  # type: ignore[union-attr]


def test_open_binary_files_archives_and_documents() -> None:
    archive = FIXTURES / "warc" / "news.warc.gz"
    with archive.open("rb") as stream, PAGES[0].open("rb") as page:
        items = list(newsdoc.load_many([stream, page], jobs=1))
    from_paths = list(newsdoc.load_many([archive, PAGES[0]], jobs=1))
    assert items == from_paths  # the stream's name is the source, as for the path
    with archive.open("rb") as stream:
        assert list(newsdoc.load_many(stream, jobs=1)) == from_paths[:2]


def test_without_posix_the_refusal_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "name", "nt")
    with pytest.raises(NotImplementedError, match="needs a POSIX system"):
        newsdoc.load_many([PAGES[0]])


@pytest.mark.usefixtures("misbehaving")
def test_a_worker_that_dies_while_idle_costs_no_input(tmp_path: Path) -> None:
    late = tmp_path / "late.txt"
    late.write_bytes(b"LATE-DEATH")

    def inputs() -> Iterator[Path]:
        yield late
        # The worker dies meanwhile, with no task: it starts (an interpreter, newsdoc's
        # imports, the language model: about 1 s, more on a busy machine), gives its
        # document, and dies 0.3 s later.
        time.sleep(3.0)
        yield PAGES[0]
        yield PAGES[1]

    items = list(newsdoc.load_many(inputs(), jobs=1))
    assert _titles(items) == [
        "given before dying",
        newsdoc.load(PAGES[0]).title,
        newsdoc.load(PAGES[1]).title,
    ]


@pytest.mark.usefixtures("misbehaving")
def test_a_document_that_cannot_travel_is_a_failure(tmp_path: Path) -> None:
    odd = tmp_path / "odd.txt"
    odd.write_bytes(b"UNPICKLABLE")
    items = list(newsdoc.load_many([odd, PAGES[0]], jobs=1))
    assert isinstance(items[0], Failure)
    assert items[0].source == str(odd)
    assert items[0].error != "WorkerDied"
    assert items[1] == newsdoc.load(PAGES[0])


def test_results_do_not_wait_for_a_slow_source_of_inputs() -> None:
    def inputs() -> Iterator[Path]:
        yield PAGES[0]
        time.sleep(4)
        yield PAGES[1]

    started = time.monotonic()
    with newsdoc.load_many(inputs(), jobs=1) as batch:
        first = next(batch)
        waited = time.monotonic() - started
    assert first == newsdoc.load(PAGES[0])
    assert waited < 3


def test_globs_give_each_file_once_and_never_follow_links_to_folders(corpus: Path) -> None:
    (corpus / "nested" / "loop").symlink_to(corpus, target_is_directory=True)
    (corpus / "link.html").symlink_to(corpus / PAGES[0].name)
    expected = sorted(
        [
            str(corpus / PAGES[0].name),
            str(corpus / PAGES[1].name),
            str(corpus / "link.html"),
            str(corpus / "nested" / "deeper" / PAGES[2].name),
            str(corpus / "nested" / "noise.bin"),
        ]
    )
    for pattern in ("**", "**/*", "**/", "**/**"):
        items = list(read_input(str(corpus / pattern)))
        assert sorted(item.source for item in items) == expected, pattern  # type: ignore[misc]
    folder = list(read_input(corpus))
    assert sorted(item.source for item in folder) == expected  # type: ignore[misc]


def test_what_is_not_a_file_in_a_folder_is_a_failure_and_a_named_pipe_is_read(
    corpus: Path,
) -> None:
    os.mkfifo(corpus / "pipe.html")
    items = list(newsdoc.load_many(corpus, jobs=1, timeout=20))
    [pipe] = [item for item in items if item.source == str(corpus / "pipe.html")]
    assert isinstance(pipe, Failure)
    assert "not a regular file (a FIFO)" in pipe.message
    writer = threading.Thread(
        target=(corpus / "pipe.html").write_bytes, args=(PAGES[0].read_bytes(),)
    )
    writer.start()
    [named] = list(newsdoc.load_many([corpus / "pipe.html"], jobs=1, timeout=20))
    writer.join()
    assert isinstance(named, Document)
    assert named.title == newsdoc.load(PAGES[0]).title


def test_an_input_of_no_known_kind_is_a_failure() -> None:
    items = list(newsdoc.load_many([42, PAGES[0]], jobs=1))  # type: ignore[list-item]
    assert isinstance(items[0], Failure)
    assert items[0].error == "TypeError"
    assert items[1] == newsdoc.load(PAGES[0])


def test_a_format_of_the_main_script_is_refused_up_front(tmp_path: Path) -> None:
    script = (
        "import newsdoc\n"
        "def sniff(head, name):\n    return 0.0\n"
        "def parse(data, context):\n    return iter(())\n"
        "newsdoc.register_format(newsdoc.Format(name='mine', sniff=sniff, parse=parse))\n"
        f"newsdoc.load_many([{str(PAGES[0])!r}])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "format 'mine' cannot be sent to worker processes" in result.stderr
    assert "main script" in result.stderr


def test_workers_that_cannot_start_stop_the_run(tmp_path: Path) -> None:
    module = tmp_path / "gone_formats.py"
    module.write_text(
        "from newsdoc import Format\n"
        "def sniff(head, name):\n    return 0.0\n"
        "def parse(data, context):\n    return iter(())\n"
        "FORMAT = Format(name='gone', sniff=sniff, parse=parse)\n"
    )
    script = (
        "import os, sys, shutil\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import newsdoc, gone_formats\n"
        "newsdoc.register_format(gone_formats.FORMAT)\n"
        f"os.remove({str(module)!r})\n"
        f"shutil.rmtree({str(tmp_path / '__pycache__')!r}, ignore_errors=True)\n"
        "try:\n"
        f"    list(newsdoc.load_many([{str(PAGES[0])!r}] * 5, jobs=1))\n"
        "except newsdoc.NewsdocError as exc:\n"
        "    print('stopped:', exc)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=60
    )
    assert "stopped: newsdoc's worker processes die as they start" in result.stdout


def test_a_worker_that_does_not_start_in_time_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_START_LIMIT", 0.0)  # no worker starts that fast
    items: list[Document | Failure] = []
    with pytest.raises(newsdoc.NewsdocError, match="die as they start"):
        items.extend(newsdoc.load_many(PAGES, jobs=1))
    assert items
    assert all(isinstance(item, Failure) and item.error == "TimeoutError" for item in items)
    assert "did not start in 0 s" in items[0].message  # type: ignore[union-attr]
