"""Check a release's sdist and wheel, then install the wheel where no checkout helps, and run it.

    python scripts/check_dist.py dist/ [--python PYTHON]...

``make dist`` runs it after ``python -m build`` and ``twine check``. It checks that:

1. the wheel holds every file of ``src/newsdoc`` (the modules, the lexicons' JSON files,
   ``py.typed``), the licence files and its metadata, and nothing else; the sdist holds the
   licence files, the README, the changelog and the package's files;
2. in a fresh virtual environment of each ``--python`` (by default the interpreter this runs
   under), the wheel installs with its dependencies and nothing more (no pytest, ruff, mypy,
   build or twine);
3. run from a folder outside the checkout, ``newsdoc --version`` prints the wheel's version,
   ``newsdoc detect`` and ``newsdoc --jsonl`` read the bundled examples, and ``import newsdoc``
   comes from the environment and finds its data (``py.typed``, every lexicon).

It exits 1 at the first failed check, saying which.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "newsdoc"
LEXICONS = PACKAGE / "analysis" / "lexicons"
EXAMPLES = ROOT / "examples" / "data"
LICENCE_FILES = ("LICENSE", "NOTICE")
DEV_TOOLS = frozenset({"pytest", "ruff", "mypy", "build", "twine", "hypothesis", "sphinx"})
# What `newsdoc detect` says of the bundled examples, and how many documents they hold.
EXAMPLE_FORMATS = {
    "belga_story.txt": "prezly",
    "ghent_bridges.json": "prezly",
    "harbour_channel.html": "html",
    "port_and_airport.json.gz": "prezly",
    "transport_digest.txt": "text",
}
EXAMPLE_DOCUMENTS = 8

# Run by the installed interpreter: the package and its data come from the environment.
SMOKE = """
import importlib.resources, json, sys
from pathlib import Path
import newsdoc
from newsdoc.analysis.lexicons import lexicon, lexicon_languages

expected = json.loads(sys.argv[1])
package = Path(newsdoc.__file__).resolve().parent
assert package.is_relative_to(Path(sys.prefix).resolve()), package
assert newsdoc.__version__ == expected["version"], newsdoc.__version__
files = importlib.resources.files("newsdoc")
assert files.joinpath("py.typed").is_file(), "py.typed is missing"
lexicons = sorted(p.name for p in files.joinpath("analysis", "lexicons").iterdir()
                  if p.name.endswith(".json"))
assert lexicons == expected["lexicons"], lexicons
for language in lexicon_languages():
    assert lexicon(language) is not None, language
assert set(expected["formats"]) <= set(newsdoc.formats()), newsdoc.formats()
[quote] = newsdoc.extract_quotes('"We are staying in Kyiv," Maxime Prevot said on Wednesday.')
assert quote.speaker == "Maxime Prevot", quote
doc = newsdoc.load(sys.argv[2])
assert doc.format == "prezly" and doc.title.startswith("Belgium summons"), doc.title
print(f"import ok: newsdoc {newsdoc.__version__} from {package}, {len(lexicons)} lexicon files")
"""


class CheckFailed(Exception):
    """A check of the distribution failed; the message says which."""


def check(condition: bool, message: str) -> None:
    """Raise :class:`CheckFailed` with ``message`` unless ``condition`` holds."""
    if not condition:
        raise CheckFailed(message)


def package_files() -> list[str]:
    """The files of ``src/newsdoc`` a distribution must hold, as paths under ``newsdoc/``."""
    return sorted(
        "newsdoc/" + path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )


def only(folder: Path, pattern: str) -> Path:
    """The one file in ``folder`` that matches ``pattern``."""
    found = sorted(folder.glob(pattern))
    check(len(found) == 1, f"expected one {pattern} in {folder}, found {len(found)}")
    return found[0]


def check_wheel(wheel: Path, expected: list[str]) -> str:
    """Check the wheel's contents; its version."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        info = next(name.split("/")[0] for name in names if name.endswith(".dist-info/METADATA"))
        metadata = archive.read(f"{info}/METADATA").decode("utf-8")
    code = sorted(name for name in names if not name.startswith(info))
    missing, extra = sorted(set(expected) - set(code)), sorted(set(code) - set(expected))
    check(not missing, f"the wheel lacks {missing}")
    check(not extra, f"the wheel holds files that are not the package's: {extra}")
    for name in LICENCE_FILES:
        check(f"{info}/licenses/{name}" in names, f"the wheel lacks {name}")
    check("License-Expression: Apache-2.0" in metadata, "no SPDX licence expression")
    check("Requires-Python: >=3.11" in metadata, "no Requires-Python >=3.11")
    version = info.removeprefix("newsdoc-").removesuffix(".dist-info")
    size = wheel.stat().st_size / 1024
    print(f"wheel ok: {wheel.name}, {size:.0f} KiB, {len(code)} files of the package")
    return version


def check_sdist(sdist: Path, expected: list[str]) -> None:
    """Check that the sdist holds the licence, the docs of the release and the package."""
    with tarfile.open(sdist) as archive:
        names = archive.getnames()
    top = names[0].split("/")[0]
    inside = {name.removeprefix(top + "/") for name in names}
    for name in (*LICENCE_FILES, "README.md", "CHANGELOG.md", "pyproject.toml", "PKG-INFO"):
        check(name in inside, f"the sdist lacks {name}")
    missing = sorted(name for name in expected if "src/" + name not in inside)
    check(not missing, f"the sdist lacks {missing}")
    print(f"sdist ok: {sdist.name}, {sdist.stat().st_size / 1024:.0f} KiB, {len(names)} entries")


def run(command: list[str], cwd: Path) -> str:
    """Run ``command`` in ``cwd``; its standard output, or :class:`CheckFailed` if it fails."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        message = f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}"
        raise CheckFailed(message)
    return result.stdout


def check_installed(wheel: Path, version: str, python: str, work: Path) -> None:
    """Install ``wheel`` in a fresh environment of ``python``; run the command and an import."""
    started = time.monotonic()
    env = work / "venv"
    run([python, "-m", "venv", str(env)], work)
    bin_ = env / "bin"
    pip = [str(bin_ / "python"), "-m", "pip", "--disable-pip-version-check"]
    run([*pip, "install", "--quiet", str(wheel)], work)
    listed = json.loads(run([*pip, "list", "--format=json"], work))
    installed = {item["name"].lower() for item in listed}
    check(not installed & DEV_TOOLS, f"dev tools in the environment: {installed & DEV_TOOLS}")
    python_in_env = str(bin_ / "python")
    interpreter = run([python_in_env, "-c", "import sys; print(sys.version.split()[0])"], work)

    examples = work / "examples"
    shutil.copytree(EXAMPLES, examples)
    newsdoc = str(bin_ / "newsdoc")
    out = run([newsdoc, "--version"], work)
    check(out == f"newsdoc {version}\n", f"newsdoc --version printed {out!r}")
    out = run([python_in_env, "-m", "newsdoc", "--version"], work)
    check(out == f"newsdoc {version}\n", f"python -m newsdoc --version printed {out!r}")
    paths = [f"examples/{name}" for name in sorted(EXAMPLE_FORMATS)]
    out = run([newsdoc, "detect", *paths], work)
    wanted = "".join(f"{path}: {EXAMPLE_FORMATS[path[9:]]}\n" for path in paths)
    check(out == wanted, f"newsdoc detect printed {out!r}")
    lines = run([newsdoc, "--jsonl", "-q", *paths], work).splitlines()
    check(len(lines) == EXAMPLE_DOCUMENTS, f"newsdoc --jsonl printed {len(lines)} lines")
    check(all(json.loads(line)["title"] for line in lines), "a document without a title")

    expected = {
        "version": version,
        "lexicons": sorted(path.name for path in LEXICONS.glob("*.json")),
        "formats": ["prezly", "text", "html", "feed", "article-json", "email", "nitf"],
    }
    smoke = [python_in_env, "-c", SMOKE, json.dumps(expected), "examples/belga_story.txt"]
    print(run(smoke, work), end="")
    seconds = time.monotonic() - started
    print(f"installed ok: Python {interpreter.strip()}, command and import, {seconds:.0f} s")


def main() -> int:
    """Check the distributions in the folder given; 0 if every check passes, else 1."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folder", type=Path, help="the folder python -m build wrote to")
    parser.add_argument(
        "--python", action="append", help="an interpreter to install the wheel under (repeatable)"
    )
    args = parser.parse_args()
    expected = package_files()
    try:
        wheel = only(args.folder, "newsdoc-*.whl")
        version = check_wheel(wheel, expected)
        check_sdist(only(args.folder, "newsdoc-*.tar.gz"), expected)
        for python in args.python or [sys.executable]:
            with tempfile.TemporaryDirectory(prefix="newsdoc-dist-") as work:
                check_installed(wheel.resolve(), version, python, Path(work))
    except CheckFailed as failure:
        print(f"check_dist: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
