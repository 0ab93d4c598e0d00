"""Every regular expression of the package runs in linear time on its own.

The readers cap and collapse their input before most patterns see it, but a pattern must not
rely on that: each is run here on pumped inputs of 10,000 characters and must finish within a
deadline that a quadratic pattern (seconds) cannot meet, and take no more than about twice as
long on twice the input.

The inputs: a run of one character (letters, digits, spaces, no-break spaces, newlines, tabs,
punctuation, quotation marks, CJK, and every character the pattern names); one of the
pattern's literal fragments repeated (alone and with a space); a fragment followed by a run of
space, a letter, a digit or a period. Each also with a failing character after it. Each input
goes through ``finditer`` (which does the work of ``search``, ``findall``, ``sub`` and
``split``, and of ``match`` at each start) and ``fullmatch``.

The patterns:

* every ``re.Pattern`` reachable from a module's globals, through tuples, lists, sets, dicts,
  the attributes of the package's classes and of instances of them (a NamedTuple of
  patterns);
* the patterns the package builds per language (the token pattern of each quote lexicon, the
  reporting verbs of the East Asian ones), by calling the factories for every lexicon;
* the patterns written inline, ``re.search(r"...", text)``, found in the source by walking
  its syntax tree (a literal pattern string, with literal flags).

What it may miss: a pattern built at run time from other data (an f-string with a value known
only at the call, such as one escaped word), a pattern inside a closure; and inputs that need
more than a literal before the run to reach a slow part (a whole date, then a run of spaces).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, NamedTuple

import pytest

import newsdoc

SIZE = 10_000
# Seconds for one call on SIZE characters. The slowest linear call takes about 15 ms here on
# a loaded machine; a quadratic one takes from 0.2 s to a minute. A call over the deadline is
# timed twice more and its fastest run counts, so that a busy machine does not fail the test.
DEADLINE = 0.1
# A call that takes more than GROWTH_FLOOR at SIZE, and grew more than linearly from the
# screening size, is timed on twice SIZE too: a linear call takes twice as long there, a
# quadratic one four times (a weakly quadratic pattern on a fast machine).
GROWTH_FLOOR = 0.02
MAX_GROWTH = 3.0
# Every input is tried at SCREEN_SIZE first, and only a call much slower than the pattern's
# usual one there (twice its median, and over SCREEN_SECONDS) is tried at SIZE. A quadratic
# call over the deadline at SIZE takes 1 ms at SCREEN_SIZE, twenty times a usual one.
SCREEN_SIZE = 1_000
SCREEN_SECONDS = 0.0002

# The characters whose runs are tried on every pattern.
_CHARACTERS = (
    "aZ7 \u00a0\n\t\r.,;:-\u2013\u2014'\"\u201c\u201d\u00ab\u00bb()[]/|_&!?#@*+=<>{}$%~`\\"
    "\u2019\u2018\u201e\u00e9\u00c9\u00df\u4e2d\u3042\u30a2\ud55c\u0436\u0416\u05d0\u0661"
    "\u3000\u3001\u3002\u300c\u300d\u00b7\u2022\u2026"
)
# What runs after a literal fragment of the pattern ("by" and 10,000 spaces).
_AFTER_FRAGMENT = (" ", "\u00a0", "\n", "a", "7", ".")
# What ends a pumped run, so that a pattern that matched the run has to give it back.
_SUFFIXES = ("", "!", "\n")


class Found(NamedTuple):
    """A pattern and where it was found."""

    where: str  # "module:name"
    pattern: re.Pattern[str]


def _modules() -> Iterator[Any]:
    yield newsdoc
    for info in pkgutil.walk_packages(newsdoc.__path__, "newsdoc."):
        if not info.name.endswith("__main__"):  # importing it runs the command line
            yield importlib.import_module(info.name)


def _walk(value: object, where: str, seen: set[int], depth: int = 0) -> Iterator[Found]:
    if id(value) in seen or depth > 4:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield Found(where, value)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for index, item in enumerate(value):
            yield from _walk(item, f"{where}[{index}]", seen, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(key, f"{where}[key]", seen, depth + 1)
            yield from _walk(item, f"{where}[{key!r}]", seen, depth + 1)
    elif isinstance(value, type):
        if value.__module__.startswith("newsdoc"):
            for name, item in vars(value).items():
                yield from _walk(item, f"{where}.{name}", seen, depth + 1)
    elif type(value).__module__.startswith("newsdoc"):
        attributes = getattr(value, "__dict__", None) or {}
        if hasattr(value, "_asdict"):
            attributes = value._asdict()
        for name in getattr(type(value), "__slots__", ()):
            if hasattr(value, name):
                attributes = {**attributes, name: getattr(value, name)}
        for name, item in attributes.items():
            yield from _walk(item, f"{where}.{name}", seen, depth + 1)


def _factory_patterns() -> Iterator[Found]:
    """The patterns built for each language's lexicon."""
    from newsdoc.analysis import lexicons
    from newsdoc.analysis.quotes import east_asian, grammar

    for language in lexicons.lexicon_languages():
        words = lexicons.lexicon(language)
        assert words is not None
        pattern = grammar.grammar_for(language).pattern
        yield Found(f"{grammar.__name__}:grammar_for({language!r}).pattern", pattern)
        if words.east_asian:
            cues = east_asian._east_asian_cues(words.cues)
            yield Found(f"{east_asian.__name__}:_east_asian_cues({language!r})", cues)


# The ``re`` functions that take a pattern, and where their flags stand among the arguments.
_FLAGS_AT = {"compile": 1, "search": 2, "match": 2, "fullmatch": 2, "findall": 2, "finditer": 2}
_FLAGS_AT |= {"split": 3, "sub": 4, "subn": 4}


def _inline_patterns(module: Any) -> Iterator[Found]:
    """The literal patterns passed to ``re`` functions in a module's source."""
    path = Path(inspect.getfile(module))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in _FLAGS_AT
            and node.args
        ):
            continue
        try:
            source = ast.literal_eval(node.args[0])
        except ValueError:
            continue  # built at run time
        if not isinstance(source, str):
            continue
        flags = 0
        at = _FLAGS_AT[node.func.attr]
        if len(node.args) > at:
            flags = _literal_flags(node.args[at])
        for keyword in node.keywords:
            if keyword.arg == "flags":
                flags = _literal_flags(keyword.value)
        yield Found(f"{module.__name__}:line {node.lineno} (inline)", re.compile(source, flags))


def _imported_names(module: Any) -> set[str]:
    tree = ast.parse(Path(inspect.getfile(module)).read_text(encoding="utf-8"))
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def _literal_flags(node: ast.expr) -> int:
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return int(getattr(re, node.attr))
    if isinstance(node, ast.BinOp):
        return _literal_flags(node.left) | _literal_flags(node.right)
    return 0


def all_patterns() -> list[Found]:
    """Every pattern of the package, each once, under the first name it was found by."""
    found: list[Found] = []
    seen: set[int] = set()
    by_source: set[tuple[str, int]] = set()
    candidates: list[Found] = []
    modules = list(_modules())
    for module in modules:
        imported = _imported_names(module)  # found where they are defined
        for name, value in vars(module).items():
            if name not in imported:
                candidates.extend(_walk(value, f"{module.__name__}:{name}", seen))
    candidates.extend(_factory_patterns())
    for module in modules:
        candidates.extend(_inline_patterns(module))
    for candidate in candidates:
        key = (candidate.pattern.pattern, candidate.pattern.flags)
        if key not in by_source:
            by_source.add(key)
            found.append(candidate)
    return found


def _fragments(pattern: re.Pattern[str]) -> tuple[set[str], set[str]]:
    """The literal strings of ``pattern`` (two characters or more) and the characters it names."""
    strings: set[str] = set()
    characters: set[str] = set()

    def visit(items: Any) -> None:
        run: list[str] = []
        for op, argument in items:
            if op is sre_constants.LITERAL:
                run.append(chr(argument))
                characters.add(chr(argument))
                continue
            if len(run) > 1:
                strings.add("".join(run))
            run = []
            if op is sre_constants.IN:
                for member_op, member in argument:
                    if member_op is sre_constants.LITERAL:
                        characters.add(chr(member))
                    elif member_op is sre_constants.RANGE:
                        characters.update((chr(member[0]), chr(member[1])))
            elif op is sre_constants.BRANCH:
                for branch in argument[1]:
                    visit(branch)
            elif op is sre_constants.SUBPATTERN:
                visit(argument[3])
            elif op in (
                sre_constants.MAX_REPEAT,
                sre_constants.MIN_REPEAT,
                sre_constants.POSSESSIVE_REPEAT,
            ):
                visit(argument[2])
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                visit(argument[1])
            elif op is sre_constants.ATOMIC_GROUP:
                visit(argument)
            elif op is sre_constants.GROUPREF_EXISTS:
                visit(argument[1])
                if argument[2] is not None:
                    visit(argument[2])
        if len(run) > 1:
            strings.add("".join(run))

    visit(sre_parse.parse(pattern.pattern, pattern.flags))
    return strings, characters


# Fragments tried per pattern: a pattern of a hundred words gives a hundred fragments, and
# one word pumped behaves as any other.
_MAX_FRAGMENTS = 24
_MAX_PREFIXES = 8


def _spread(items: list[str], count: int) -> list[str]:
    step = max(1, len(items) // count)
    return items[::step][:count]


def pumped(pattern: re.Pattern[str], size: int) -> Iterator[tuple[str, str]]:
    """Inputs of about ``size`` characters for ``pattern``, each with a name of its kind."""
    strings, characters = _fragments(pattern)
    units: dict[str, str] = {}
    for character in sorted(set(_CHARACTERS) | characters):
        units.setdefault(character, f"run of {character!r}")
    fragments = sorted(strings, key=lambda s: (len(s), s))
    for fragment in _spread(fragments, _MAX_FRAGMENTS):
        units.setdefault(fragment, f"repeated {fragment!r}")
        units.setdefault(fragment + " ", f"repeated {fragment + ' '!r}")
    for unit, kind in units.items():
        body = unit * (size // len(unit))
        for suffix in _SUFFIXES:
            yield (f"{kind} + {suffix!r}" if suffix else kind), body + suffix
    for fragment in _spread(fragments, _MAX_PREFIXES):
        for character in _AFTER_FRAGMENT:
            yield f"{fragment!r} + run of {character!r} + '!'", fragment + character * size + "!"


def _calls(pattern: re.Pattern[str]) -> tuple[tuple[str, Callable[[str], object]], ...]:
    return (
        ("finditer", lambda text: sum(1 for _ in pattern.finditer(text))),
        ("fullmatch", pattern.fullmatch),
    )


def _seconds(call: Callable[[str], object], text: str, runs: int = 1) -> float:
    """The fastest of ``runs`` calls."""
    fastest = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        call(text)
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def slow_calls(pattern: re.Pattern[str]) -> list[str]:
    """How ``pattern`` fails: the inputs over the deadline at SIZE, or that grow too fast."""
    slow: list[str] = []
    screened = dict(pumped(pattern, SCREEN_SIZE))
    full: dict[str, str] = {}
    for name, call in _calls(pattern):
        times = {}
        for kind, text in screened.items():
            times[kind] = _seconds(call, text)
            if times[kind] > DEADLINE:  # no linear call is that slow on so few characters
                slow.append(f"{name} on {kind}: {times[kind]:.2f} s at {SCREEN_SIZE} characters")
                if len(slow) >= 3:
                    return slow
        usual = statistics.median(times.values())
        for kind, small in times.items():
            if small < max(SCREEN_SECONDS, 2 * usual) or small > DEADLINE:
                continue
            full = full or dict(pumped(pattern, SIZE))
            problem = _problem(call, pattern, kind, full[kind], small)
            if problem:
                slow.append(f"{name} on {kind}: {problem}")
                if len(slow) >= 3:
                    return slow  # enough to name the problem
    return slow


def _problem(
    call: Callable[[str], object], pattern: re.Pattern[str], kind: str, text: str, small: float
) -> str | None:
    """What is wrong with ``call`` on ``text``, the input ``kind`` at SIZE, if anything.

    ``small``: its time on the same kind of input at SCREEN_SIZE.
    """
    seconds = _seconds(call, text)
    if DEADLINE < seconds < 3 * DEADLINE:  # perhaps a busy machine: the fastest of three
        seconds = min(seconds, _seconds(call, text, runs=2))
    if seconds > DEADLINE:
        return f"{seconds:.2f} s"
    linear = small * SIZE / SCREEN_SIZE
    if seconds > GROWTH_FLOOR and seconds > 3 * linear:
        seconds = _seconds(call, text, runs=3)
        twice = _seconds(call, dict(pumped(pattern, 2 * SIZE))[kind], runs=3)
        if twice > MAX_GROWTH * seconds:
            return f"{seconds:.3f} s, {twice:.3f} s on twice as many characters"
    return None


PATTERNS = all_patterns()


def test_the_enumeration_finds_the_patterns() -> None:
    names = {found.where for found in PATTERNS}
    assert len(PATTERNS) > 100
    assert "newsdoc.html.furniture:_NEGATIVE" in names
    assert any(
        name.startswith("newsdoc.analysis.quotes.grammar:grammar_for('fr')") for name in names
    )
    assert "newsdoc.analysis.quotes.east_asian:_east_asian_cues('ja')" in names
    assert any(name.endswith("(inline)") for name in names)


@pytest.mark.parametrize("found", PATTERNS, ids=[found.where for found in PATTERNS])
def test_pattern_is_linear_on_pumped_input(found: Found) -> None:
    slow = slow_calls(found.pattern)
    assert not slow, f"{found.where} is not linear: " + "; ".join(slow)
