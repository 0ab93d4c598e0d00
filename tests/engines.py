"""What the engine tests (Spark, Dask) share: the inputs, and what load_all makes of them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import newsdoc
from tests.conftest import FIXTURES

# A few small fixtures of each format, between them: several documents in one file, quotes,
# authors, links, images, `extra` and warnings.
FIXTURE_INPUTS = (
    FIXTURES / "html" / "jsonld_graph_two_authors.html",
    FIXTURES / "html" / "italian_title_dash_update_in_brackets.html",
    FIXTURES / "text" / "002_cfe5ab7040de100c.txt",
    FIXTURES / "prezly" / "000_8ad76214cebdd4ac.txt",
    FIXTURES / "prezly" / "export_list_of_stories.json",
    # A web archive: its pages are rows, its other records passed over.
    FIXTURES / "warc" / "news.warc.gz",
)


def engine_inputs(folder: Path) -> list[str]:
    """The fixtures, then a missing file and a file of no known format (written in ``folder``)."""
    unknown = folder / "notes.toml"
    unknown.write_text('[tool]\nname = "x"\nversion = 1\n', encoding="utf-8")
    return [*map(str, FIXTURE_INPUTS), str(folder / "missing.html"), str(unknown)]


def expected(paths: list[str], **options: Any) -> list[newsdoc.Document | tuple[str, str]]:
    """``newsdoc.load_all`` of each path: its documents, or ``(source, error class name)``."""
    results: list[newsdoc.Document | tuple[str, str]] = []
    for path in paths:
        try:
            results.extend(newsdoc.load_all(path, **options))
        except (OSError, newsdoc.NewsdocError) as exc:
            results.append((path, type(exc).__name__))
    return results
