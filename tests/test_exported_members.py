"""The front door: ``newsdoc`` exports exactly the documented names, each with a docstring."""

from __future__ import annotations

import inspect

import newsdoc

# The contract (shared design note api.md), plus the names the Extending and limits sections
# need to be typed (Format, ParseContext, Limits) and loads_all, without which several documents
# held in memory could not all be had; and the batch runner, load_many, with the records it
# gives (Failure) and the objects it returns (Batch, Summary).
CONTRACT = {
    "Author",
    "Batch",
    "Block",
    "Document",
    "Failure",
    "Format",
    "Image",
    "LimitExceededError",
    "Limits",
    "Link",
    "Metadata",
    "NewsdocError",
    "ParseContext",
    "ParseError",
    "ParseWarning",
    "Quote",
    "Summary",
    "UnknownFormatError",
    "__version__",
    "detect",
    "extract_quotes",
    "formats",
    "from_dict",
    "from_json",
    "load",
    "load_all",
    "load_many",
    "loads",
    "loads_all",
    "register_format",
    "to_dict",
    "to_json",
}


def test_all_is_exactly_the_contract() -> None:
    assert set(newsdoc.__all__) == CONTRACT


def test_all_is_sorted_and_unique() -> None:
    assert newsdoc.__all__ == sorted(set(newsdoc.__all__))


def test_every_public_module_attribute_is_in_all() -> None:
    public = {
        name
        for name, value in vars(newsdoc).items()
        if not name.startswith("_") and not inspect.ismodule(value)
    }
    assert public == CONTRACT - {"__version__"}


def test_every_exported_name_has_a_docstring() -> None:
    for name in CONTRACT - {"__version__"}:
        assert inspect.getdoc(getattr(newsdoc, name)), name


def test_exported_objects_say_they_come_from_newsdoc_modules() -> None:
    for name in CONTRACT - {"__version__"}:
        assert getattr(newsdoc, name).__module__.startswith("newsdoc."), name


def test_version_is_a_string() -> None:
    assert isinstance(newsdoc.__version__, str)
    assert newsdoc.__version__[0].isdigit()
