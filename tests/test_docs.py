"""The documentation keeps up with the code: every warning code and every format has a page."""

from __future__ import annotations

import re
from pathlib import Path

import newsdoc

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src" / "newsdoc"
DOCS = ROOT / "docs"

# `code="source.multiple-documents"` anywhere, and `self.warn("no-title", ...)` in a parser
# module, which prefixes the module's format name.
_CODE = re.compile(r'code="([a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*)"')
_CONSTANT = re.compile(r'^_[A-Z_]+: Final = "([a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*)"$', re.MULTILINE)
_WARN = re.compile(r'\.warn\(\s*"([a-z0-9]+(?:-[a-z0-9]+)*)"')


def warning_codes() -> set[str]:
    codes: set[str] = set()
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes.update(_CODE.findall(text))
        codes.update(_CONSTANT.findall(text))
        if path.parent.name == "parsers":
            codes.update(f"{path.stem}.{code}" for code in _WARN.findall(text))
    return codes


def test_codes_are_found() -> None:
    codes = warning_codes()
    assert {"source.multiple-documents", "link.dropped", "prezly.no-title"} <= codes


def test_every_warning_code_is_documented() -> None:
    page = (DOCS / "errors.rst").read_text(encoding="utf-8")
    documented = set(re.findall(r"``([a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*)``", page))
    assert warning_codes() - documented == set()


def test_every_documented_code_exists() -> None:
    page = (DOCS / "errors.rst").read_text(encoding="utf-8")
    table = page[page.index("Warning codes") :]
    documented = set(re.findall(r"^   \* - ``([a-z0-9.-]+)``$", table, re.MULTILINE))
    assert documented - warning_codes() == set()


def test_every_format_has_a_page() -> None:
    for name in newsdoc.formats():
        assert (DOCS / "formats" / f"{name}.rst").exists(), name
