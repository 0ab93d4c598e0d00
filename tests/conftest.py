"""Shared test machinery: the golden-file option and the fixture corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (a red CI must be reproducible) and tolerates a loaded
# machine; locally, hypothesis explores anew on each run.
settings.register_profile("ci", derandomize=True, deadline=None, database=None)
settings.register_profile("dev", deadline=2000)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED_SUFFIX = ".expected.json"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/fixtures/**/*.expected.json from the current output (review the diff)",
    )


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--update-golden") and os.environ.get("CI"):
        raise pytest.UsageError(
            "--update-golden is refused when CI is set: golden files are reviewed"
        )


def fixture_inputs() -> list[Path]:
    """Every input file under tests/fixtures/<format>/, sorted.

    ``tests/fixtures/hostile/`` is not a format: its inputs state their outcomes in
    ``outcomes.toml`` (tests/test_hostile.py).
    """
    return sorted(
        path
        for path in FIXTURES.glob("*/*")
        if path.is_file()
        and not path.name.endswith(EXPECTED_SUFFIX)
        and path.parent.name != "hostile"
    )


def expected_path(path: Path) -> Path:
    return path.with_name(path.name + EXPECTED_SUFFIX)


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
