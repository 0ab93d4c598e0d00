"""The house's import rules, read from the source (docs/contributing.rst says why).

- records (``model``, ``_frozen``) import nothing of ours but each other;
- shared machinery (``analysis``, ``html``) and the core rooms import no format;
- a format (``parsers.<name>``, a module or a package) imports no other format;
- only the entry points (the package itself, ``cli``, ``__main__``, the batch worker) import
  ``api`` and ``cli``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SRC / "newsdoc"
_RECORDS = frozenset({"newsdoc.model", "newsdoc._frozen"})
# The batch runner's worker is an entry point too: it runs the load functions on each task.
_ENTRY_POINTS = frozenset({"newsdoc", "newsdoc.cli", "newsdoc.__main__", "newsdoc.batch.work"})
_MAX_LINES = 500  # a room that grows past this is split by job


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """Every newsdoc module ``path`` imports, at its top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in names if name.split(".")[0] == "newsdoc" and name in MODULES}


def _format_of(module: str) -> str | None:
    """The format a module belongs to (``parsers.<name>`` and below), if any."""
    parts = module.split(".")
    if len(parts) >= 3 and parts[1] == "parsers" and not parts[2].startswith("_"):
        return parts[2]
    return None


def test_the_rules_see_the_rooms() -> None:
    assert {"newsdoc.model", "newsdoc.api", "newsdoc.html.blocks"} <= MODULES.keys()
    assert {_format_of(name) for name in MODULES} >= {"prezly", "text", "html", None}
    assert "newsdoc.model" in _imports(MODULES["newsdoc.api"])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_follow_the_rules(module: str) -> None:
    imported = _imports(MODULES[module])
    if module in _RECORDS:
        assert imported <= _RECORDS, "records import nothing of ours"
    own = _format_of(module)
    formats = {name for name in imported if _format_of(name) is not None}
    if own is None:
        if module not in ("newsdoc.parsers", "newsdoc.registry"):
            assert not formats, "shared machinery and the core import no format"
    else:
        assert {_format_of(name) for name in formats} <= {own}, "a format imports no other"
    if module not in _ENTRY_POINTS:
        assert not imported & {"newsdoc.api", "newsdoc.cli"}, "only entry points import api"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_rooms_are_of_a_size(module: str) -> None:
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= _MAX_LINES, f"{module}: {lines} lines; split it by job"
