"""Properties that hold on any input (hypothesis)."""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timedelta, timezone
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsdoc
from newsdoc import (
    Author,
    Block,
    Document,
    Image,
    Link,
    Metadata,
    NewsdocError,
    ParseWarning,
    Quote,
)
from newsdoc.model import BLOCK_KINDS, LINK_KINDS

text = st.text(max_size=40)
maybe_text = st.none() | text
offsets = st.integers(min_value=0, max_value=10_000)
zones = st.none() | st.builds(
    lambda minutes: timezone(timedelta(minutes=minutes)), st.integers(-14 * 60, 14 * 60)
)
datetimes = st.none() | st.datetimes(timezones=zones)
json_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | text
)
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(text, children, max_size=4),
    max_leaves=12,
)


@st.composite
def quotes(draw: st.DrawFn) -> Quote:
    start = draw(offsets)
    return Quote(
        text=draw(text),
        speaker=draw(maybe_text),
        cue=draw(maybe_text),
        start=start,
        end=start + draw(offsets),
        partial=draw(st.booleans()),
    )


documents = st.builds(
    Document,
    format=st.sampled_from(["prezly", "text", "html"]),
    source=maybe_text,
    title=maybe_text,
    subtitle=maybe_text,
    blocks=st.lists(st.builds(Block, kind=st.sampled_from(sorted(BLOCK_KINDS)), text=text)),
    metadata=st.builds(
        Metadata,
        published=datetimes,
        modified=datetimes,
        authors=st.lists(st.builds(Author, name=text, url=maybe_text), max_size=3),
        language=maybe_text,
        url=maybe_text,
        site_name=maybe_text,
        section=maybe_text,
        tags=st.lists(text, max_size=3),
        description=maybe_text,
        images=st.lists(st.builds(Image, url=text, caption=maybe_text, credit=maybe_text)),
        extra=st.dictionaries(text, json_values, max_size=4),
    ),
    links=st.lists(
        st.builds(Link, url=maybe_text, text=maybe_text, kind=st.sampled_from(sorted(LINK_KINDS)))
    ),
    quotes=st.lists(quotes(), max_size=3),
    warnings=st.lists(st.builds(ParseWarning, code=text, message=text), max_size=3),
)


@given(documents)
@settings(max_examples=150)
def test_round_trip_through_dict_and_json(doc: Document) -> None:
    assert newsdoc.from_dict(newsdoc.to_dict(doc)) == doc
    assert newsdoc.from_json(newsdoc.to_json(doc)) == doc


# Control characters, and the bidirectional embeddings, overrides and isolates.
_DISPLAY_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINK_SCHEMES = ("http://", "https://", "mailto:")


def _check_safe(doc: Document) -> None:
    """What a document promises whatever its input: names that display as they read,
    addresses a reader may follow, quotes that are slices of the body."""
    names = [doc.title, doc.subtitle, doc.metadata.site_name]
    names.extend(author.name for author in doc.metadata.authors)
    for name in names:
        assert name is None or not _DISPLAY_CONTROLS.search(name), repr(name)
    url = doc.metadata.url
    assert url is None or url.startswith(_LINK_SCHEMES[:2]), url
    for link in doc.links:
        assert link.url is None or link.url.lower().startswith(_LINK_SCHEMES), link.url
    for quote in doc.quotes:
        assert doc.body[quote.start : quote.end] == quote.text


def _check_strings(doc: Document) -> None:
    """No field declared ``str`` holds anything else, however broken the input."""
    _check_safe(doc)
    assert isinstance(doc.format, str)
    for value in (doc.title, doc.subtitle, doc.source, doc.metadata.language, doc.metadata.url):
        assert value is None or isinstance(value, str)
    assert all(isinstance(block.text, str) and block.text for block in doc.blocks)
    assert all(isinstance(tag, str) for tag in doc.metadata.tags)
    assert all(isinstance(author.name, str) for author in doc.metadata.authors)
    assert all(link.url is None or isinstance(link.url, str) for link in doc.links)
    for when in (doc.metadata.published, doc.metadata.modified):
        assert when is None or isinstance(when, datetime)
    assert newsdoc.from_dict(newsdoc.to_dict(doc)) == doc


@given(st.binary(max_size=2048))
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
def test_any_bytes_give_a_document_or_a_newsdoc_error(data: bytes) -> None:
    try:
        doc = newsdoc.loads(data)
    except NewsdocError:
        return
    _check_strings(doc)


@given(st.binary(max_size=512))
@settings(max_examples=200)
def test_any_bytes_forced_through_each_format(data: bytes) -> None:
    for name in newsdoc.formats():
        try:
            doc = newsdoc.loads(data, format=name)
        except NewsdocError:
            continue
        _check_strings(doc)


STORY_KEYS = (
    "subtitle", "summary", "published_at", "modified_at", "updated_at", "url", "culture",
    "language", "author", "body", "content", "header", "links", "tag_names", "header_image",
    "thumbnail_image", "social_image",
)  # fmt: skip
story_fields = st.fixed_dictionaries(
    {"title": json_values, "format_version": json_values},
    optional=dict.fromkeys(STORY_KEYS, json_values),
)
html_bodies = st.lists(
    st.sampled_from(
        ["<p>", "</p>", "<div>", "</div>", "<a href='/x'>", "</a>", "<br>", "<li>", "<h2>",
         "</h2>", "<blockquote>", "<pre>", "<script>", "</script>", "text", "&amp;", "&#0;",
         "<img src='javascript:x'>", "<table><tr><td>", "</td><td>", " ", "\n", "“", "\x00"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@given(story_fields, html_bodies)
@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
def test_any_story_shaped_json_gives_a_document_or_a_newsdoc_error(
    fields: dict[str, Any], body: str
) -> None:
    fields = {**fields, "culture": "en", "body": body} if fields.get("body") is None else fields
    try:
        doc = newsdoc.loads(json.dumps(fields), format="prezly")
    except NewsdocError:
        return
    _check_strings(doc)


def test_records_compare_by_all_fields() -> None:
    names = [field.name for field in attrs.fields(Document)]
    assert names == [
        "format", "source", "title", "subtitle", "blocks", "metadata", "links", "quotes",
        "warnings",
    ]  # fmt: skip


tags = st.sampled_from(
    ["p", "div", "span", "a", "b", "li", "ul", "ol", "h1", "h3", "blockquote", "pre", "br",
     "table", "tr", "td", "script", "style", "iframe", "img", "figure", "figcaption", "section"]
)  # fmt: skip
markup = st.recursive(
    st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=12),
    lambda inner: st.builds(
        lambda tag, attrs, children: f"<{tag}{attrs}>{''.join(children)}</{tag}>",
        tags,
        st.sampled_from(["", ' href="/x"', ' src="https://e.org/i.jpg"', ' class="x"']),
        st.lists(inner, max_size=4),
    ),
    max_leaves=30,
)


@given(markup, st.integers(min_value=1, max_value=40))
@settings(max_examples=300)
def test_fragment_on_any_tag_soup(text: str, depth: int) -> None:
    from newsdoc.html.fragment import parse_fragment

    fragment = parse_fragment(text, base_url="https://example.org/a/", max_depth=depth)
    for block in fragment.blocks:
        assert block.text
        assert block.text == block.text.strip() or block.kind == "preformatted"
    for link in fragment.links:
        assert link.url is not None
        assert link.url.startswith("https://example.org/") or link.kind == "embed"


@given(
    markup,
    st.sampled_from(["", "<title>A | Site</title>", '<meta property="og:type" content="article">']),
)
@settings(max_examples=200)
def test_any_page_of_tag_soup_gives_a_consistent_document(body: str, head: str) -> None:
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    doc = newsdoc.loads(page.encode(), format="html", source="https://example.org/a/")
    assert doc.format == "html"
    for block in doc.blocks:
        assert block.text
    for quote in doc.quotes:
        assert doc.body[quote.start : quote.end] == quote.text


# What a page may put where a title, a name or an address goes.
hostile_strings = st.lists(
    st.sampled_from(
        ["Budget", " ", "\u202e", "\u2066", "\u2069", "\u200f", "\x07", "\x1b[31m", "\t",
         "\n", "javascript:alert(1)", "file:///etc/passwd", "//example.org/a", "data:,x",
         "https://example.org/b", "&#x202e;", "&#7;", "vbscript:x", "/relative", "mailto:a@b.c"]
    ),
    min_size=1,
    max_size=6,
).map("".join)  # fmt: skip


@given(hostile_strings, hostile_strings, hostile_strings, hostile_strings)
@settings(max_examples=300)
def test_no_page_can_smuggle_controls_or_unsafe_addresses(
    title: str, author: str, url: str, href: str
) -> None:
    attribute = html.escape
    page = (
        f"<html><head><title>{html.escape(title)}</title>"
        f'<meta name="author" content="{attribute(author)}">'
        f'<meta property="og:url" content="{attribute(url)}">'
        f'<meta property="og:site_name" content="{attribute(author)}"></head>'
        f"<body><article><h1>{html.escape(title)}</h1><p>By {html.escape(author)}</p>"
        f'<p>The story, with <a href="{attribute(href)}">a link</a>, told at length.</p>'
        "</article></body></html>"
    )
    _check_safe(newsdoc.loads(page.encode(), format="html"))


@given(hostile_strings, hostile_strings, hostile_strings)
@settings(max_examples=200)
def test_no_story_can_smuggle_controls_or_unsafe_addresses(
    title: str, author: str, url: str
) -> None:
    fields = {"title": title, "url": url, "culture": "en", "format_version": 1}
    fields["author"] = {"name": author}
    fields["body"] = f'<p>Said "{author}" at <a href="{html.escape(url)}">x</a>.</p>'
    _check_safe(newsdoc.loads(json.dumps(fields), format="prezly"))
