"""The fuzzers' finds, replayed: each gives documents that keep their promises, or a NewsdocError.

Each file in tests/fixtures/hostile/fuzz/ is named ``<harness>_<what>.<ext>`` and holds the bytes
that harness gave newsdoc (fuzz/replay.py writes them). The promises are fuzz/invariants.py's,
the fuzzers' own, loaded from its file: the tests need no atheris.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType

import pytest

import newsdoc
from newsdoc import Document, NewsdocError

ROOT = Path(__file__).resolve().parent.parent
FINDS = ROOT / "tests" / "fixtures" / "hostile" / "fuzz"

# Finds that still fail, with why, until the library is fixed: strict xfail, so a fix that
# makes one pass fails the run until it is taken off this list.
OPEN: dict[str, str] = {
    "html_control_character_in_tag_name.html": (
        "a tag name with a control character ('<a\\x1b class=r>') reaches lxml's "
        "element.iter(tag) in html.parts._holds_template: ValueError"
    ),
    "prezly_surrogate_in_uploaded_file_name.json": (
        "a lone surrogate in an uploaded file's name (a JSON string inside the story JSON) "
        "reaches urllib.parse.quote: UnicodeEncodeError"
    ),
    "prezly_surrogate_in_content_json.json": (
        "a lone surrogate in a content document given as a JSON string reaches a block's text; "
        "the document cannot be written as UTF-8"
    ),
}


def _invariants() -> ModuleType:
    path = ROOT / "fuzz" / "invariants.py"
    spec = importlib.util.spec_from_file_location("newsdoc_fuzz_invariants", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


INVARIANTS = _invariants()


def _calls(harness: str, data: bytes) -> list[Callable[[], Iterable[Document]]]:
    """The entry points the harness calls with ``data``."""
    if harness == "auto":
        text = data.decode("utf-8", errors="surrogateescape")
        return [
            lambda: newsdoc.loads_all(data),
            lambda: [newsdoc.loads(data)],
            lambda: newsdoc.loads_all(text),
        ]
    if harness == "gzip":
        return [lambda: newsdoc.loads_all(data)]
    return [lambda: newsdoc.loads_all(data, format=harness)]


def _finds() -> list[object]:
    paths = sorted(path for path in FINDS.glob("*") if path.is_file()) if FINDS.is_dir() else []
    return [
        pytest.param(
            path,
            id=path.name,
            marks=[pytest.mark.xfail(reason=OPEN[path.name], strict=True)]
            if path.name in OPEN
            else [],
        )
        for path in paths
    ]


@pytest.mark.parametrize("path", _finds())
def test_fuzz_find(path: Path) -> None:
    harness = path.name.split("_", 1)[0]
    data = path.read_bytes()
    started = time.perf_counter()
    for call in _calls(harness, data):
        try:
            documents = list(call())
        except NewsdocError:
            continue
        for document in documents:
            INVARIANTS.check(document)
    # The fuzzers stop an input at 10 s; a find must now be far from that.
    assert time.perf_counter() - started < 2.0 + len(data) / 1_000_000


def test_every_open_find_is_there() -> None:
    assert [name for name in OPEN if not (FINDS / name).is_file()] == []
