"""Hostile input: each gives a Document or a NewsdocError naming the file, within bounds.

The inputs and what each must give are in ``tests/fixtures/hostile/`` (``outcomes.toml``;
the large inputs are made by ``generate.py`` there). Each is loaded in a child process of its
own, so that its CPU time and peak memory are its own: within 1 s of CPU plus 0.5 s per MB,
and within 10 times its size (its expanded size, for gzip) plus 64 MiB. Nothing may hang,
exhaust memory, recurse without bound or reach the network.
"""

from __future__ import annotations

import importlib.util
import tomllib
from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc import Document
from newsdoc.source import gunzip_if_needed
from tests.bounded import run_bounded

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"
OUTCOMES: dict[str, dict[str, Any]] = tomllib.loads((HOSTILE / "outcomes.toml").read_text())

_spec = importlib.util.spec_from_file_location("hostile_generate", HOSTILE / "generate.py")
assert _spec is not None
assert _spec.loader is not None
_generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_generate)
GENERATED = _generate.GENERATED

_MB = 1_000_000
_CPU_SECONDS = 1.0
_CPU_PER_MB = 0.5
_MEMORY_TIMES = 10
_MEMORY_FLOOR = 64 * 1024 * 1024
_KNOWN_KEYS = frozenset(
    {
        "error", "load_as", "gives", "warnings", "title", "authors", "body", "body_has",
        "body_lacks", "body_min", "body_max", "blocks", "no_url", "no_published", "quotes",
        "language", "memory_times",
    }
)  # fmt: skip


# The inputs kept as files, by name (without the extension that tells a reader what it is).
FILES = {
    path.stem: path
    for path in HOSTILE.iterdir()
    if path.is_file() and path.suffix not in (".py", ".toml")
}


def _input(name: str) -> bytes:
    if name in FILES:
        return FILES[name].read_bytes()
    return bytes(GENERATED[name]())


def _expanded_size(data: bytes) -> int:
    """How large gzip data is once expanded (up to the limit); other data's own size."""
    limits = newsdoc.Limits()
    try:
        return max(len(data), len(gunzip_if_needed(data, "input", limits)[0]))
    except newsdoc.LimitExceededError:
        return limits.max_decompressed_bytes
    except newsdoc.ParseError:
        return len(data)


def _failures(doc: Document, case: dict[str, Any]) -> list[str]:
    """What ``doc`` lacks of the outcome ``case`` states."""
    wrong: list[str] = []
    codes = {warning.code for warning in doc.warnings}
    checks: list[tuple[str, bool]] = [
        ("gives", doc.format == case.get("gives", doc.format)),
        ("warnings", set(case.get("warnings", ())) <= codes),
        ("title", doc.title == case.get("title", doc.title)),
        ("body", doc.body == case.get("body", doc.body)),
        ("body_has", all(text in doc.body for text in case.get("body_has", ()))),
        ("body_lacks", not any(text in doc.body for text in case.get("body_lacks", ()))),
        ("body_min", len(doc.body) >= case.get("body_min", 0)),
        ("body_max", len(doc.body) <= case.get("body_max", len(doc.body))),
        ("blocks", len(doc.blocks) == case.get("blocks", len(doc.blocks))),
        ("no_url", not case.get("no_url") or doc.metadata.url is None),
        ("no_published", not case.get("no_published") or doc.metadata.published is None),
        ("quotes", len(doc.quotes) == case.get("quotes", len(doc.quotes))),
        ("language", doc.metadata.language == case.get("language", doc.metadata.language)),
    ]
    if "authors" in case:
        checks.append(("authors", [a.name for a in doc.metadata.authors] == case["authors"]))
    for key, passed in checks:
        if not passed:
            shown = {
                "title": doc.title,
                "body": doc.body[:200],
                "warnings": sorted(codes),
                "gives": doc.format,
            }.get(key, "")
            wrong.append(f"{key}: wanted {case.get(key)!r}, got {shown!r}")
    return wrong


def _warm_up() -> None:
    """Load one small input of each kind, so that lazy imports are not charged to a case."""
    newsdoc.loads(b"<html><body><article><p>\xe9t\xe9 \xab well \xbb he said.</p></article>")
    newsdoc.loads("Title\n\n“We are ready,” he said.\n".encode())
    newsdoc.loads(_input("utf16-story"))


def test_every_case_has_an_input_and_known_keys() -> None:
    assert not FILES.keys() & GENERATED.keys(), "a name is a file or generated, not both"
    assert FILES.keys() | GENERATED.keys() == OUTCOMES.keys(), "every input has an outcome"
    for name, case in OUTCOMES.items():
        assert set(case) <= _KNOWN_KEYS, name


@pytest.mark.parametrize("name", sorted(OUTCOMES))
def test_hostile_input(tmp_path: Path, name: str) -> None:
    case = OUTCOMES[name]
    data = _input(name)
    path = tmp_path / name
    path.write_bytes(data)
    size = _expanded_size(data)
    del data
    _warm_up()

    def load() -> list[str]:
        return _failures(newsdoc.load(path, format=case.get("load_as")), case)

    cpu_bound = _CPU_SECONDS + _CPU_PER_MB * size / _MB
    measured = run_bounded(load, deadline=30 + 10 * cpu_bound)
    if "error" in case:
        assert measured.error is not None, f"{name}: loaded, but {case['error']} was wanted"
        error_class, _, message = measured.error.partition(": ")
        assert error_class == case["error"], measured.error
        assert str(path) in message, "the message must name the file"
    else:
        assert measured.error is None, measured.error
        assert measured.result == [], measured.result
    assert measured.cpu_seconds <= cpu_bound, f"{measured.cpu_seconds:.2f} s of CPU"
    memory_bound = case.get("memory_times", _MEMORY_TIMES) * size + _MEMORY_FLOOR
    assert measured.peak_bytes <= memory_bound, f"{measured.peak_bytes / 2**20:.0f} MiB at peak"


def test_numbers_json_can_write_but_python_cannot_hold() -> None:
    long_int = b"1" * 5000
    data = b'{"title": "x", "culture": "en", "format_version": 1, "big": ' + long_int
    data += b', "huge": 1e999999, "tiny": -1e999999, "nan": NaN}'
    doc = newsdoc.loads(data)
    extra = doc.metadata.extra
    assert extra["big"] == long_int.decode()
    assert extra["huge"] == "1e999999"
    assert extra["tiny"] == "-1e999999"
    assert extra["nan"] is None
    assert "Infinity" not in newsdoc.to_json(doc)
