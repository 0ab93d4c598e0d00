"""The lxml parsers newsdoc creates read nothing but the document, and refuse entity bombs.

libxml2 2.14 has no HTTP client left, so the live risk of external entities is a local file
read (XXE): a document that names ``file:///...`` must not get that file's content into text.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from lxml import etree

import newsdoc
from newsdoc.html.fragment import parse_fragment
from newsdoc.html.safe import html_parser, utf8_html_parser, xml_parser

SECRET = "TOP-SECRET-CONTENT"


@pytest.fixture
def secret_files(tmp_path: Path) -> tuple[str, str]:
    """A secret text file and a DTD that defines an entity, as file:// URLs."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY fromdtd "{SECRET}">')
    return secret.as_uri(), dtd.as_uri()


def _text_or_nothing(document: bytes, parser: etree.XMLParser) -> str:
    try:
        root = etree.fromstring(document, parser=parser)
    except etree.XMLSyntaxError:
        return ""
    return "".join(str(text) for text in root.itertext())


def test_xml_external_entity_does_not_read_files(secret_files: tuple[str, str]) -> None:
    secret, _ = secret_files
    document = f'<!DOCTYPE r [<!ENTITY ext SYSTEM "{secret}">]><r>&ext;</r>'.encode()
    assert SECRET not in _text_or_nothing(document, xml_parser())


def test_xml_external_dtd_is_not_loaded(secret_files: tuple[str, str]) -> None:
    _, dtd = secret_files
    document = f'<?xml version="1.0"?><!DOCTYPE r SYSTEM "{dtd}"><r>&fromdtd;</r>'.encode()
    assert SECRET not in _text_or_nothing(document, xml_parser())


def test_xml_parameter_entity_does_not_load_a_dtd(secret_files: tuple[str, str]) -> None:
    _, dtd = secret_files
    document = f'<!DOCTYPE r [<!ENTITY % p SYSTEM "{dtd}"> %p;]><r>&fromdtd;</r>'.encode()
    assert SECRET not in _text_or_nothing(document, xml_parser())


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
    root = etree.fromstring(page.encode(), parser=utf8_html_parser())
    assert SECRET not in "".join(str(text) for text in root.itertext())
    doc = newsdoc.loads(page.encode(), format="html")
    assert SECRET not in doc.body


def test_xml_entity_bomb_is_refused_quickly() -> None:
    levels = ['<!ENTITY e0 "lol">'] + [
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)
    ]
    bomb = f'<?xml version="1.0"?><!DOCTYPE r [{"".join(levels)}]><r>&e9;</r>'.encode()
    started = time.perf_counter()
    with pytest.raises(etree.XMLSyntaxError, match="amplification"):
        etree.fromstring(bomb, parser=xml_parser())
    assert time.perf_counter() - started < 1.0
