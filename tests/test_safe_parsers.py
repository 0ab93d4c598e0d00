"""The lxml parsers newsdoc creates never fetch anything and never expand entity bombs.

A real HTTP server on the loopback address stands where an attacker's would: documents point
their DTDs and external entities at it, and it must receive no request.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest
from lxml import etree

from newsdoc.html.fragment import parse_fragment
from newsdoc.html.safe import html_parser, xml_parser


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.requests.append(self.path)
        body = b'<!ENTITY secret "LEAKED">'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Recorder.requests = []
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_xml_external_dtd_and_entities_are_not_fetched(server: str) -> None:
    document = (
        f'<?xml version="1.0"?><!DOCTYPE r SYSTEM "{server}/dtd">'
        f'<!DOCTYPE r [<!ENTITY ext SYSTEM "{server}/entity">]><r>&ext;</r>'
    ).encode()
    try:
        root = etree.fromstring(document, parser=xml_parser())
        text = "".join(root.itertext())
    except etree.XMLSyntaxError:
        text = ""
    assert "LEAKED" not in text
    assert _Recorder.requests == []


def test_xml_parameter_entities_are_not_fetched(server: str) -> None:
    document = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "{server}/param"> %p;]>'
        "<r>&secret;</r>"
    ).encode()
    try:
        root = etree.fromstring(document, parser=xml_parser())
        text = "".join(root.itertext())
    except etree.XMLSyntaxError:
        text = ""
    assert "LEAKED" not in text
    assert _Recorder.requests == []


def test_html_doctype_and_fragments_fetch_nothing(server: str) -> None:
    page = f'<!DOCTYPE html SYSTEM "{server}/dtd"><html><body><p>ok</p></body></html>'
    etree.fromstring(page, parser=html_parser())
    fragment = parse_fragment(
        f'<!DOCTYPE p [<!ENTITY ext SYSTEM "{server}/entity">]><p>&ext; text</p>'
        f'<img src="{server}/img.png"><iframe src="{server}/frame"></iframe>'
    )
    assert "LEAKED" not in " ".join(block.text for block in fragment.blocks)
    assert _Recorder.requests == []


def test_xml_entity_bomb_is_refused_quickly() -> None:
    levels = ['<!ENTITY e0 "lol">'] + [
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)
    ]
    bomb = f'<?xml version="1.0"?><!DOCTYPE r [{"".join(levels)}]><r>&e9;</r>'.encode()
    started = time.perf_counter()
    with pytest.raises(etree.XMLSyntaxError, match="amplification"):
        etree.fromstring(bomb, parser=xml_parser())
    assert time.perf_counter() - started < 1.0
