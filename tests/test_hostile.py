"""Hostile input: each gives a Document or a NewsdocError naming the file, within a second.

Nothing here may hang, exhaust memory, recurse without bound or reach the network.
"""

from __future__ import annotations

import codecs
import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Document, LimitExceededError, NewsdocError, ParseError, UnknownFormatError
from tests.helpers import story

# Each case: name, bytes, and the outcome it must give: an error class, or a check on the doc.
Outcome = type[NewsdocError] | Callable[[Document], bool]


def _deep_json() -> bytes:
    return b"[" * 200_000 + b"]" * 200_000


def _deep_json_story() -> bytes:
    nested = "[" * 300 + "]" * 300
    return (
        '{"title": "x", "culture": "en", "format_version": 1, "extra": ' + nested + "}"
    ).encode()


def _nested_divs_story() -> bytes:
    body = "<div>" * 100_000 + "<p>deep text</p>" + "</div>" * 100_000
    return json.dumps(story(body=body)).encode()


def _entity_bomb_story() -> bytes:
    bomb = (
        '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><p>&c;&c;&c;&c;</p>'
    )
    return json.dumps(story(body=bomb)).encode()


def _page_of_cards(count: int) -> bytes:
    cards = "".join(
        f"<div class='card'><h3><a href='/news/{n}'>Story {n}</a></h3><p>x</p></div>"
        for n in range(count)
    )
    return (
        f"<html><body><article><h1>Quay</h1><p>{'The quay story. ' * 60}</p>{cards}"
        "</article></body></html>"
    ).encode()


def _page_of_state(size: int, nesting: int) -> bytes:
    inner = json.dumps({"body": "A sentence of the story. " * (size // 25)})
    state = '{"props": ' + "[" * nesting + inner + "]" * nesting + "}"
    return (
        "<html><body><div id='__next'><h1>Quay</h1></div>"
        f"<script id='__NEXT_DATA__' type='application/json'>{state}</script></body></html>"
    ).encode()


def _page(head: str, body: str = "<p>x</p>") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def _ld(value: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


def _external_entity_story() -> bytes:
    body = '<!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><p>&x;</p>'
    return json.dumps(story(body=body)).encode()


CASES: list[tuple[str, bytes, Outcome]] = [
    ("empty", b"", UnknownFormatError),
    ("whitespace", b" \n\t \r\n", UnknownFormatError),
    ("random-bytes", bytes(range(256)) * 64, UnknownFormatError),
    ("truncated-json", json.dumps(story())[:-40].encode(), ParseError),
    ("two-byte-gzip", b"\x1f\x8b", ParseError),
    ("deep-json", _deep_json(), UnknownFormatError),
    ("deep-json-story", _deep_json_story(), LimitExceededError),
    ("nested-divs", _nested_divs_story(), lambda doc: doc.title == "A title"),
    ("nul-bytes", b"\x00" * 10_000, UnknownFormatError),
    ("nul-in-json", json.dumps(story()).encode().replace(b"A title", b"A\x00title"), ParseError),
    (
        "utf16-story",
        codecs.BOM_UTF16_LE + json.dumps(story(title="Prévot")).encode("utf-16-le"),
        lambda doc: doc.title == "Prévot",
    ),
    (
        "utf16-text",
        "Just a line of text.\n".encode("utf-16"),
        lambda doc: doc.format == "text" and doc.body == "Just a line of text.",
    ),
    # Plain text at its worst: one 4 MB line, and half a million short lines.
    ("text-huge-line", b"word " * 800_000, lambda doc: doc.format == "text"),
    ("text-many-lines", b"Line of text.\n" * 500_000, lambda doc: doc.format == "text"),
    ("entity-bomb", _entity_bomb_story(), lambda doc: len(doc.body) < 10_000),
    ("external-entity", _external_entity_story(), lambda doc: "root:" not in doc.body),
    ("broken-utf8", json.dumps(story()).encode() + b"\xff\xfe", ParseError),
    (
        "huge-line",
        json.dumps(story(body="<p>" + "word " * 400_000 + "</p>")).encode(),
        lambda doc: len(doc.body) > 1_000_000,
    ),
    ("gzip-of-garbage", gzip.compress(bytes(range(256)) * 16), UnknownFormatError),
    # 100,000 nested elements: lxml's own depth limit and ours, never a crash or a hang.
    (
        "nested-divs-page",
        b"<html><body>" + b"<div>" * 100_000 + b"</body></html>",
        lambda doc: doc.format == "html" and doc.blocks == (),
    ),
    (
        "nested-divs-with-text",
        b"<html><body>" + b"<div><p>deep text</p>" * 20_000 + b"</body></html>",
        lambda doc: doc.format == "html",
    ),
    ("story-array-of-junk", json.dumps([story(), 1, "x"]).encode(), ParseError),
    # 20,000 teaser cards in the article, each titled with a link: the cards and the link
    # density are read link by link (an XPath node set of that size sorts in quadratic time).
    ("html-twenty-thousand-cards", _page_of_cards(20_000), lambda doc: "Story 7" not in doc.body),
    # A framework's state of 4 MB holding the story, and one nested past the parser's depth.
    ("html-large-script-state", _page_of_state(4_000_000, 10), lambda doc: len(doc.body) > 1000),
    ("html-deep-script-state", _page_of_state(1_000, 100_000), lambda doc: doc.format == "html"),
    # Strings shaped to make a regular expression backtrack, where a page may put them.
    (
        "html-author-of-capitals-in-a-bracket",
        _page(
            _ld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "(" + "A" * 5000}})
        ),
        lambda doc: doc.metadata.authors == (),
    ),
    (
        "html-author-with-many-co-author-brackets",
        _page(_ld({"@type": "NewsArticle", "author": "Jane Doe" + " (with Ann Lee)" * 2000})),
        lambda doc: doc.format == "html",
    ),
    (
        "html-script-of-underscores",
        _page("", "<p>hi</p><script>__DATA__" + "_" * 200_000 + "</script>"),
        lambda doc: doc.format == "html",
    ),
    (
        "html-title-ending-in-digits",
        _page(f'<meta property="og:title" content="Budget approved | a{"1" * 200_000}A">'),
        lambda doc: doc.format == "html",
    ),
    (
        "html-long-meta-name",
        _page(f'<meta name="{"publish" * 30_000}x" content="2023-01-01">'),
        lambda doc: doc.format == "html",
    ),
    (
        "html-json-ld-of-half-a-million-numbers",
        _page(f'<script type="application/ld+json">[{",".join(["1"] * 490_000)}]</script>'),
        lambda doc: doc.format == "html",
    ),
    # The one walker's loops, once per line, caption and credit: linear.
    (
        "html-twenty-thousand-related-lines",
        _page("", "".join(f'<p>Related: <a href="/r{i}">S {i}</a></p>' for i in range(20_000))),
        lambda doc: doc.format == "html",
    ),
    (
        "html-twenty-thousand-captions",
        _page(
            "",
            "<figure>"
            + "".join(f"<p>L{i}.</p><figcaption>C{i}</figcaption>" for i in range(20_000))
            + "</figure>",
        ),
        lambda doc: doc.format == "html",
    ),
    (
        "html-twenty-thousand-credits",
        _page(
            "",
            "".join(f'<img src="/i{i}.jpg"><p>Photo: A {i}</p><p>© A</p>' for i in range(20_000)),
        ),
        lambda doc: doc.format == "html",
    ),
    # Values no Python call may choke on: a broken canonical address, an infinite date.
    (
        "html-broken-canonical-with-heading-links",
        _page(
            '<link rel="canonical" href="http://[broken/a">',
            "<article><p>"
            + "Words, more. " * 40
            + '</p><h3><a href="/other">Other</a></h3></article>',
        ),
        lambda doc: doc.format == "html",
    ),
    (
        "html-infinite-date",
        _page(
            '<script type="application/ld+json">'
            '{"@type": "NewsArticle", "datePublished": 1e999}</script>'
        ),
        lambda doc: doc.metadata.published is None,
    ),
    # A <title> of 500 parts: the runs of parts a headline could show are not all tried
    # (that was cubic: seconds for this page, minutes for a few thousand parts).
    (
        "html-title-of-many-parts",
        (
            "<html><head><title>" + " | ".join(f"part {i}" for i in range(500)) + "</title>"
            "</head><body><h1>Another headline</h1><p>The story.</p></body></html>"
        ).encode(),
        lambda doc: doc.format == "html",
    ),
    # One paragraph of 3,000 quotes: each lead-in is read in a window, never the whole
    # paragraph again (that was quadratic: minutes for this input).
    (
        "text-one-paragraph-of-quotes",
        b"Title of the story\n\n" + "“We are ready,” he said. ".encode() * 3_000,
        lambda doc: len(doc.quotes) == 3_000,
    ),
    # Chinese quotes with no sentence end between them: each quote's lead-in is looked for
    # within reach, not back to the text's start.
    (
        "text-chinese-quotes-without-sentence-ends",
        (
            "<html lang='zh'><body><article><h1>港口的新闻</h1><p>"
            + "王毅说：“我们准备好了”，" * 3_000
            + "</p></article></body></html>"
        ).encode(),
        lambda doc: doc.metadata.language == "zh" and len(doc.quotes) == 3_000,
    ),
]


@pytest.mark.parametrize(("name", "data", "outcome"), CASES, ids=[case[0] for case in CASES])
def test_hostile_input(tmp_path: Path, name: str, data: bytes, outcome: Outcome) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    started = time.perf_counter()
    if isinstance(outcome, type):
        with pytest.raises(outcome) as info:
            newsdoc.load(path)
        assert str(path) in str(info.value), "the message must name the file"
    else:
        assert outcome(newsdoc.load(path))
    # A generous bound on a slow machine: these must not hang or go quadratic.
    assert time.perf_counter() - started < 1.0 + len(data) / 2_000_000


def test_numbers_json_can_write_but_python_cannot_hold() -> None:
    long_int = b"1" * 5000
    data = b'{"title": "x", "culture": "en", "format_version": 1, "big": ' + long_int
    data += b', "huge": 1e999999, "tiny": -1e999999, "nan": NaN}'
    doc = newsdoc.loads(data)
    extra = doc.metadata.extra
    assert extra["big"] == long_int.decode()
    assert extra["huge"] == "1e999999"
    assert extra["tiny"] == "-1e999999"
    assert extra["nan"] is None
    assert "Infinity" not in newsdoc.to_json(doc)
