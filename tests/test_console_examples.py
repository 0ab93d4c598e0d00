"""Every console example of the README and the docs that shows its output prints that output.

A console example is a ``$ command`` line in a ```` ```console ```` block of README.md or a
``.. code-block:: console`` block of ``docs/``, and the lines after it up to the next ``$`` are
what it prints on stdout. Commands shown without output (``newsdoc pages/ --to csv ...``) are
not run; the few whose output depends on files or a machine that the tests do not have are
listed in ``NOT_RUN`` with the reason.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Commands shown with their output that cannot be run here, and why.
NOT_RUN = {
    "newsdoc pages/ --to csv -o pages.csv": "a folder of the reader's pages; timings vary",
}

_FENCE = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)
_DIRECTIVE = re.compile(r"^( *)\.\. code-block:: console\n\n((?:\1 +\S.*\n|\n)+)", re.MULTILINE)


def _blocks(path: Path) -> list[str]:
    """The console blocks of a Markdown or reStructuredText file, dedented."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        return [match.group(1) for match in _FENCE.finditer(text)]
    blocks = []
    for match in _DIRECTIVE.finditer(text):
        lines = match.group(2).rstrip("\n").split("\n")
        indent = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
        blocks.append("\n".join(line[indent:] for line in lines) + "\n")
    return blocks


def _examples() -> list[tuple[str, str, str]]:
    """(where, command, expected output) of every example that shows its output."""
    files = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.rst"))]
    found = []
    for path in files:
        for block in _blocks(path):
            command, output = None, []
            for line in [*block.splitlines(), "$ "]:
                if line.startswith("$ "):
                    if command and output:
                        where = str(path.relative_to(ROOT))
                        found.append((where, command, "\n".join(output)))
                    command, output = line[2:].strip(), []
                elif command is not None and line.strip():
                    output.append(line.rstrip())
    return found


EXAMPLES = _examples()


def test_the_docs_show_console_examples() -> None:
    wheres = {where for where, _, _ in EXAMPLES}
    assert {"README.md", "docs/cli.rst"} <= wheres


@pytest.mark.parametrize(("where", "command", "expected"), EXAMPLES)
def test_a_console_example_prints_what_it_shows(
    where: str, command: str, expected: str, tmp_path: Path
) -> None:
    if command in NOT_RUN:
        pytest.skip(NOT_RUN[command])
    # `newsdoc` is this interpreter's module, whether or not a command is on PATH.
    shim = tmp_path / "newsdoc"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newsdoc "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))
    result = subprocess.run(
        command, shell=True, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{where}: {command}\n{result.stderr}"
    printed = "\n".join(line.rstrip() for line in result.stdout.strip("\n").splitlines())
    assert printed == expected, f"{where}: {command}"
