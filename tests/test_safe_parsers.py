"""The lxml parsers newsdoc creates read nothing but the document.

libxml2 2.14 has no HTTP client left, so the live risk of external entities is a local file
read (XXE): a document that names ``file:///...`` must not get that file's content into text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

import newsdoc
from newsdoc.html.fragment import parse_fragment
from newsdoc.html.safe import html_parser, utf8_html_parser

SECRET = "TOP-SECRET-CONTENT"


@pytest.fixture
def secret_files(tmp_path: Path) -> tuple[str, str]:
    """A secret text file and a DTD that defines an entity, as file:// URLs."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY fromdtd "{SECRET}">')
    return secret.as_uri(), dtd.as_uri()


def test_html_parsing_reads_no_files(secret_files: tuple[str, str]) -> None:
    secret, dtd = secret_files
    page = f'<!DOCTYPE html SYSTEM "{dtd}"><html><body><p>&fromdtd; ok</p></body></html>'
    root = etree.fromstring(page, parser=html_parser())
    assert SECRET not in "".join(str(text) for text in root.itertext())
    fragment = parse_fragment(
        f'<!DOCTYPE p [<!ENTITY ext SYSTEM "{secret}">]><p>&ext; text</p>'
        f'<iframe src="{secret}"></iframe>'
    )
    assert SECRET not in " ".join(block.text for block in fragment.blocks)
    for huge in (False, True):
        root = etree.fromstring(page.encode(), parser=utf8_html_parser(huge=huge))
        assert SECRET not in "".join(str(text) for text in root.itertext())
    doc = newsdoc.loads(page.encode(), format="html")
    assert SECRET not in doc.body
    # A page past libxml2's depth is parsed again, flattened, with huge_tree: still no file.
    deep = page.replace("<p>", "<div>" * 300 + "<p>The story, ", 1)
    doc = newsdoc.loads(deep.encode(), format="html")
    assert "The story" in doc.body
    assert "html.too-deep" in {warning.code for warning in doc.warnings}
    assert SECRET not in doc.body
