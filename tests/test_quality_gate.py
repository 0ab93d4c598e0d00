"""Quality gates: newsdoc scored on the evaluation corpus, against pinned floors.

Modelled on trafilatura's ``tests/eval_gate.py``. The corpus and its scorers are not part of
the project (their texts belong to their publishers): they are found through
``NEWSDOC_CORPUS`` (default ``../shared/corpus``) and ``NEWSDOC_TOOLS`` (default
``../shared/tools``), and the gate is skipped where they are absent.

Raising a floor is a commit of its own; lowering one needs a reason in the commit message.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("NEWSDOC_CORPUS", ROOT.parent / "shared" / "corpus"))
TOOLS = Path(os.environ.get("NEWSDOC_TOOLS", ROOT.parent / "shared" / "tools"))

# Measured on the PolNeAR dev split (84 articles, 585 direct quotes); see docs/quotes.rst.
QUOTE_FLOORS = {
    "overlap_f1": 0.965,
    "named_speaker_accuracy": 0.945,
    "pronoun_speaker_accuracy": 0.75,
    "attributed_f1": 0.875,
}


def _run_scorer(scorer: Path, corpus: Path, out: Path, *options: str) -> Path:
    """Run a shared scorer on ``corpus`` with newsdoc plugged in; its JSON summary's path."""
    subprocess.run(
        [
            sys.executable, str(scorer), str(corpus), *options,
            "--pythonpath", str(ROOT / "benchmarks"), "--pythonpath", str(ROOT / "src"),
            "--json-out", str(out),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )  # fmt: skip
    return out


def _score_quotes(tmp_path: Path) -> dict[str, float]:
    polnear = CORPUS / "polnear"
    scorer = TOOLS / "quote_bench.py"
    if not polnear.is_dir() or not scorer.is_file():
        pytest.skip(f"the PolNeAR corpus or its scorer is not at {CORPUS} / {TOOLS}")
    out = _run_scorer(
        scorer, polnear, tmp_path / "quotes.json",
        "--split", "dev", "--systems", "none", "--extra", "newsdoc=adapters:quotes",
        "--mode", "direct",
    )  # fmt: skip
    (row,) = [row for row in json.loads(out.read_text()) if row["system"] == "newsdoc"]
    return {
        "overlap_f1": row["overlap"]["f"],
        "named_speaker_accuracy": row["speaker_named_src_acc"],
        "pronoun_speaker_accuracy": row["speaker_pronoun_src_acc"],
        "attributed_f1": row["attributed"]["f"],
    }


def _below(scores: dict[str, float], floors: dict[str, float]) -> dict[str, tuple[float, float]]:
    """The measures under their floors, as (score, floor)."""
    return {
        name: (round(scores[name], 4), floor)
        for name, floor in floors.items()
        if scores[name] < floor
    }


def test_quotes_on_polnear_dev_stay_above_their_floors(tmp_path: Path) -> None:
    below = _below(_score_quotes(tmp_path), QUOTE_FLOORS)
    assert not below, f"below the pinned floors (score, floor): {below}"


# Measured on the 181 pages of the Zyte article-extraction benchmark; see docs/formats/html.rst.
HTML_FLOORS = {"f1": 0.97, "precision": 0.958, "recall": 0.98}


def test_html_bodies_on_the_zyte_pages_stay_above_their_floors(tmp_path: Path) -> None:
    pages = CORPUS / "article-extraction-benchmark"
    scorer = TOOLS / "extraction_bench.py"
    if not pages.is_dir() or not scorer.is_file():
        pytest.skip(f"the Zyte benchmark or its scorer is not at {CORPUS} / {TOOLS}")
    out = _run_scorer(
        scorer, pages, tmp_path / "html.json",
        "--tools", "none", "--extra", "newsdoc=adapters:body", "--bootstrap", "0",
    )  # fmt: skip
    (row,) = [row for row in json.loads(out.read_text())["rows"] if row["tool"] == "newsdoc"]
    assert row["errors"] == 0
    below = _below(row, HTML_FLOORS)
    assert not below, f"below the pinned floors (score, floor): {below}"
