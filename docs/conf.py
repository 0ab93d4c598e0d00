"""Sphinx configuration for the newsdoc documentation."""

from __future__ import annotations

import zlib
from pathlib import Path

import newsdoc

project = "newsdoc"
author = "The newsdoc developers"
copyright = "2026, the newsdoc developers"
release = newsdoc.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
]

html_theme = "furo"
html_title = f"newsdoc {release}"

nitpicky = True
# Names from typing that Sphinx cannot link anywhere useful.
nitpick_ignore = [
    ("py:class", "newsdoc.model.BlockKind"),
    ("py:class", "newsdoc.model.LinkKind"),
    ("py:class", "os.PathLike[str]"),
    # load_many's inputs: the docstring says what they are (paths, folders, globs, records).
    ("py:class", "Input"),
    # Batch is made by load_many only: its constructor's types are not public.
    ("py:class", "Counts"),
    # The engines' own classes (newsdoc.spark, newsdoc.dask), whose documentation is theirs.
    ("py:class", "SparkSession"),
    ("py:class", "DataFrame"),
    ("py:class", "pyspark.sql.types.StructType"),
    ("py:class", "dask.bag.Bag"),
    ("py:class", "dask.dataframe.DataFrame"),
    # The paths the engines take (a type alias): "Iterable[str | os.PathLike[str]] | str |
    # os.PathLike[str]", described in each function's Args.
    ("py:class", "Paths"),
]

autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_member_order = "bysource"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = False

# Intersphinx without the network: the build machines reach no documentation sites, so the
# inventories are written here, listing the names our pages link to, with their real URLs.
_INVENTORIES = Path(__file__).parent / "_build" / "inventories"
_PYTHON = {
    "datetime.datetime": ("class", "library/datetime.html#datetime.datetime"),
    "datetime.timezone": ("class", "library/datetime.html#datetime.timezone"),
    "collections.abc.Mapping": ("class", "library/collections.abc.html#collections.abc.Mapping"),
    "collections.abc.Iterator": ("class", "library/collections.abc.html#collections.abc.Iterator"),
    "collections.abc.Iterable": ("class", "library/collections.abc.html#collections.abc.Iterable"),
    "collections.abc.Callable": ("class", "library/collections.abc.html#collections.abc.Callable"),
    "collections.abc.Sequence": ("class", "library/collections.abc.html#collections.abc.Sequence"),
    "os.PathLike": ("class", "library/os.html#os.PathLike"),
    "Exception": ("exception", "library/exceptions.html#Exception"),
    "ValueError": ("exception", "library/exceptions.html#ValueError"),
    "TypeError": ("exception", "library/exceptions.html#TypeError"),
    "OSError": ("exception", "library/exceptions.html#OSError"),
    "FileNotFoundError": ("exception", "library/exceptions.html#FileNotFoundError"),
    "RuntimeWarning": ("exception", "library/exceptions.html#RuntimeWarning"),
    "str": ("class", "library/stdtypes.html#str"),
    "bytes": ("class", "library/stdtypes.html#bytes"),
    "int": ("class", "library/functions.html#int"),
    "float": ("class", "library/functions.html#float"),
    "bool": ("class", "library/functions.html#bool"),
    "dict": ("class", "library/stdtypes.html#dict"),
    "tuple": ("class", "library/stdtypes.html#tuple"),
    "object": ("class", "library/functions.html#object"),
    "None": ("data", "library/constants.html#None"),
    "typing.Any": ("data", "library/typing.html#typing.Any"),
    "typing.TextIO": ("class", "library/typing.html#typing.TextIO"),
}
_ATTRS = {
    "attrs.frozen": ("function", "api.html#attrs.frozen"),
    "attrs.evolve": ("function", "api.html#attrs.evolve"),
}


def _write_inventory(path: Path, project: str, entries: dict[str, tuple[str, str]]) -> str:
    """Write a version-2 Sphinx inventory (objects.inv) and return its path."""
    lines = [f"{name} py:{role} 1 {uri} -" for name, (role, uri) in sorted(entries.items())]
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n# Version: \n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(header.encode() + zlib.compress(("\n".join(lines) + "\n").encode()))
    return str(path)


intersphinx_mapping = {
    "python": (
        "https://docs.python.org/3",
        _write_inventory(_INVENTORIES / "python.inv", "Python", _PYTHON),
    ),
    "attrs": (
        "https://www.attrs.org/en/stable",
        _write_inventory(_INVENTORIES / "attrs.inv", "attrs", _ATTRS),
    ),
}

doctest_global_setup = """
import os
from pathlib import Path
import newsdoc
os.chdir(Path(newsdoc.__file__).resolve().parents[2])
"""

exclude_patterns = ["_build"]
