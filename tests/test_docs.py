"""The documentation keeps up with the code: every warning code and every format has a page."""

from __future__ import annotations

import re
from pathlib import Path

import newsdoc
from newsdoc.codes import REGISTER
from tests.conftest import fixture_inputs

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src" / "newsdoc"
DOCS = ROOT / "docs"


def warning_codes() -> set[str]:
    return set(REGISTER)


def test_codes_are_found() -> None:
    codes = warning_codes()
    assert {"source.multiple-documents", "link.dropped", "prezly.no-title"} <= codes


def test_warnings_are_made_from_the_register_only() -> None:
    # A ParseWarning written out by hand would give a code the register does not hold.
    for path in SRC.rglob("*.py"):
        if path.name in ("codes.py", "model.py"):
            continue
        assert "ParseWarning(" not in path.read_text(encoding="utf-8"), path.name


def test_every_code_has_a_one_line_meaning() -> None:
    for code, entry in REGISTER.items():
        assert entry.code == code
        assert re.fullmatch(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*", code), code
        assert entry.meaning
        assert "\n" not in entry.meaning
        assert len(entry.meaning) <= 90, code


def test_every_warning_code_is_documented() -> None:
    page = (DOCS / "errors.rst").read_text(encoding="utf-8")
    documented = set(
        re.findall(r"``([a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*)``", page)
    )
    assert warning_codes() - documented == set()


def test_every_documented_code_exists() -> None:
    page = (DOCS / "errors.rst").read_text(encoding="utf-8")
    table = page[page.index("Warning codes") :]
    documented = set(re.findall(r"^   \* - ``([a-z0-9.-]+)``$", table, re.MULTILINE))
    assert documented - warning_codes() == set()


def test_every_format_has_a_page() -> None:
    for name in newsdoc.formats():
        assert (DOCS / "formats" / f"{name}.rst").exists(), name


def test_every_code_given_is_registered() -> None:
    given = {
        warning.code
        for path in fixture_inputs()
        for doc in newsdoc.load_all(path)
        for warning in doc.warnings
    }
    assert len(given) >= 5
    assert given <= warning_codes()
