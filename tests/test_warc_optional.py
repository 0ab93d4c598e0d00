"""FastWARC is an optional extra: newsdoc never imports it unasked, and says how to get it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import newsdoc
from newsdoc.archive import iter_members
from newsdoc.errors import MissingDependencyError
from tests.warcdata import archive, page, response

SRC = Path(__file__).resolve().parent.parent / "src"


def test_import_newsdoc_does_not_import_the_warc_library() -> None:
    code = (
        "import sys, newsdoc, newsdoc.archive; "
        "newsdoc.detect(sys.argv[1]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('fastwarc', 'warcio')))"
    )
    sample = Path(__file__).parent / "fixtures" / "prezly"
    first = next(path for path in sorted(sample.iterdir()) if "expected" not in path.name)
    done = subprocess.run(
        [sys.executable, "-c", code, str(first)],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(SRC)},
    )
    assert done.stdout.strip() == "[]"


@pytest.fixture
def without_fastwarc(monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes `import fastwarc.warc` raise ImportError, as when not installed.
    monkeypatch.setitem(sys.modules, "fastwarc", None)
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)


@pytest.mark.usefixtures("without_fastwarc")
def test_without_the_library_reading_a_warc_says_what_to_install(tmp_path: Path) -> None:
    data, _ = archive([response(page("Story"))], packed=True)
    path = tmp_path / "news.warc.gz"
    path.write_bytes(data)
    assert newsdoc.detect(path) == "warc"  # detection needs no library
    for read in (newsdoc.load, newsdoc.load_all):
        with pytest.raises(
            MissingDependencyError, match=r'news\.warc\.gz: .*pip install "newsdoc\[warc\]"'
        ):
            read(path)
    with pytest.raises(MissingDependencyError) as caught:
        iter_members(path, limits=newsdoc.Limits())
    assert isinstance(caught.value, newsdoc.NewsdocError)
    assert (caught.value.package, caught.value.source) == ("fastwarc", str(path))
    with pytest.raises(MissingDependencyError):
        newsdoc.loads(data)
