"""Detection across formats: structured data is never taken for text or a page.

Every fixture is detected as its folder's format (tests/test_golden.py). Here, the general
rule of issue 27: the ``text`` and ``html`` formats never claim a document that is evidently
structured data (XML whose root is not HTML's, email headers, JSON, a wire control sequence),
so that a format's input that its own sniff misses is refused, not read as garbage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsdoc
from newsdoc.parsers.html import sniff as html_sniff
from newsdoc.parsers.text import sniff as text_sniff
from tests.conftest import FIXTURES, fixture_inputs

_LOOSE = frozenset({"text", "html"})
STRUCTURED = [path for path in fixture_inputs() if path.parent.name not in _LOOSE]


def _ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(FIXTURES)) for path in paths]


def test_every_format_has_fixtures() -> None:
    folders = {path.parent.name for path in fixture_inputs()}
    assert set(newsdoc.formats()) <= folders


@pytest.mark.parametrize("path", STRUCTURED, ids=_ids(STRUCTURED))
def test_structured_fixtures_are_not_text_or_html(path: Path) -> None:
    head = path.read_bytes()[: newsdoc.registry.SNIFF_BYTES]
    assert text_sniff(head, path.name) == 0.0
    assert html_sniff(head, path.name) == 0.0


@pytest.mark.parametrize(
    "data",
    [
        b'<?xml version="1.0"?>\n<catalog><book id="1"><title>A</title></book></catalog>',
        b"<root>\n  <p>A paragraph in some XML vocabulary.</p>\n  <p>Another.</p>\n</root>",
        b'<x:doc xmlns:x="urn:example"><x:p>Text</x:p><x:p>More text</x:p></x:doc>',
    ],
)
def test_xml_no_format_reads_is_refused_with_what_it_looked_like(data: bytes) -> None:
    with pytest.raises(newsdoc.UnknownFormatError) as caught:
        newsdoc.loads(data)
    assert "XML" in str(caught.value)
