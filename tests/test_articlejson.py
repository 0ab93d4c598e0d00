"""Article JSON: sniffing (against Prezly, HTML and text too), producers, JSON Lines, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsdoc
from newsdoc import ParseError, UnknownFormatError
from newsdoc.parsers.articlejson import sniff
from newsdoc.parsers.articlejson.kinds import head_kind, kind_of
from newsdoc.parsers.articlejson.producers import truncated
from newsdoc.registry import SNIFF_BYTES, looks_like
from tests.conftest import FIXTURES, fixture_inputs
from tests.helpers import story_bytes

OURS = sorted((FIXTURES / "article-json").glob("*.json*"))
OURS = [path for path in OURS if not path.name.endswith(".expected.json")]
OTHERS = [path for path in fixture_inputs() if path.parent.name in ("prezly", "html", "text")]


def _head(path: Path) -> bytes:
    return path.read_bytes()[:SNIFF_BYTES]


NEWS_PLEASE = {
    "title": "T",
    "maintext": "Body.",
    "date_publish": "2024-01-01 10:00:00",
    "authors": ["A B"],
    "source_domain": "example.com",
}
FUNDUS = {
    "title": "T",
    "publishing_date": "2024-01-01T10:00:00+00:00",
    "topics": ["x"],
    "body": {"summary": ["S."], "sections": [{"headline": [], "paragraphs": ["P."]}]},
}
NEWSAPI = {
    "status": "ok",
    "totalResults": 1,
    "articles": [
        {
            "source": {"id": None, "name": "N"},
            "author": "A B",
            "title": "T",
            "description": "D",
            "url": "https://example.com/a",
            "urlToImage": None,
            "publishedAt": "2024-01-01T10:00:00Z",
            "content": "Body.",
        }
    ],
}
TRAFILATURA = {
    "title": "T",
    "author": "A B",
    "hostname": "example.com",
    "date": "2024-01-01",
    "text": "Body.",
    "excerpt": "E",
    "fingerprint": "abc",
}
JSON_LD = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "T"}


def test_the_fixtures_are_there() -> None:
    assert len(OURS) >= 8
    assert len(OTHERS) >= 20


@pytest.mark.parametrize("path", OURS, ids=lambda path: path.name)
def test_claims_each_of_ours(path: Path) -> None:
    assert sniff(_head(path), path.name) >= 0.9
    assert newsdoc.detect(path) == "article-json"


@pytest.mark.parametrize("path", OTHERS, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_never_claims_a_prezly_html_or_text_fixture(path: Path) -> None:
    assert sniff(_head(path), path.name) == 0.0


def test_never_claims_a_prezly_story_even_with_producer_keys() -> None:
    assert sniff(story_bytes(), None) == 0.0
    # A Prezly story that happens to carry a news-please key stays Prezly's.
    assert sniff(story_bytes(maintext="x", date_publish="2024-01-01"), None) == 0.0
    assert newsdoc.detect(story_bytes(maintext="x")) == "prezly"


@pytest.mark.parametrize(
    ("record", "kind"),
    [
        (NEWS_PLEASE, "news-please"),
        (FUNDUS, "fundus"),
        (NEWSAPI, "newsapi-response"),
        (NEWSAPI["articles"][0], "newsapi"),  # type: ignore[index]
        (TRAFILATURA, "trafilatura"),
        (JSON_LD, "json-ld"),
        ({"@graph": [JSON_LD]}, "json-ld"),
    ],
)
def test_tells_the_producers_apart(record: dict[str, object], kind: str) -> None:
    assert head_kind(json.dumps(record).encode()) == kind
    # By keys, never by their order.
    reordered = dict(reversed(list(record.items())))
    assert head_kind(json.dumps(reordered).encode()) == kind


def test_a_document_cut_off_in_the_head_is_recognised_by_its_first_keys() -> None:
    long = json.dumps({**NEWS_PLEASE, "maintext": "word " * 5000})
    head = long.encode()[:SNIFF_BYTES]
    assert not head.rstrip().endswith(b"}")
    assert head_kind(head) == "news-please"
    assert newsdoc.loads(long).title == "T"


def test_no_producer_no_claim() -> None:
    assert kind_of({"title", "url", "text"}) is None  # keys every producer shares
    assert kind_of({"@type", "headline"}, ["Organization"]) is None
    assert sniff(b'{"status": "error", "code": "apiKeyMissing"}', None) == 0.0
    assert sniff(b"<html><body><p>x</p></body></html>", None) == 0.0
    assert sniff(b"Plain text about maintext and date_publish.", None) == 0.0


def test_every_producer_reads_its_fields() -> None:
    doc = newsdoc.loads(json.dumps(NEWS_PLEASE))
    assert (doc.title, doc.body, doc.metadata.site_name) == ("T", "Body.", "example.com")
    assert doc.metadata.extra["producer"] == "news-please"
    doc = newsdoc.loads(json.dumps(FUNDUS))
    assert (doc.subtitle, doc.body, doc.metadata.tags) == ("S.", "P.", ("x",))
    doc = newsdoc.loads(json.dumps(NEWSAPI))
    assert (doc.metadata.site_name, doc.metadata.authors[0].name) == ("N", "A B")
    assert doc.metadata.extra["response"] == {"status": "ok", "totalResults": 1}
    doc = newsdoc.loads(json.dumps(TRAFILATURA))
    assert (doc.metadata.description, doc.metadata.site_name) == ("E", "example.com")
    assert doc.metadata.extra["fingerprint"] == "abc"


def test_unmapped_fields_go_to_extra() -> None:
    doc = newsdoc.loads(json.dumps({**NEWS_PLEASE, "sentiment": 0.4, "date_publish": "soon"}))
    assert doc.metadata.extra["sentiment"] == 0.4
    assert doc.metadata.extra["date_publish"] == "soon"
    assert [w.code for w in doc.warnings] == ["article-json.bad-date"]


def test_a_truncated_newsapi_body_is_said() -> None:
    assert truncated("Start of the story… [+1234 chars]") == ("Start of the story", 1234)
    assert truncated("A whole story [+ not a count]") is None
    assert truncated("A whole story.") is None
    docs = list(newsdoc.load_all(FIXTURES / "article-json" / "newsapi_truncated.json"))
    assert "article-json.truncated" in [w.code for w in docs[0].warnings]
    assert "[+" not in docs[0].body


def test_an_array_of_records_gives_one_document_each() -> None:
    docs = list(newsdoc.loads_all(json.dumps([NEWS_PLEASE, TRAFILATURA, FUNDUS])))
    producers = [doc.metadata.extra["producer"] for doc in docs]
    assert producers == ["news-please", "trafilatura", "fundus"]


def test_json_lines_in_order_with_bad_lines_as_warnings() -> None:
    lines = [json.dumps(NEWS_PLEASE), "{not json", "", json.dumps(TRAFILATURA), "[1, 2]"]
    docs = list(newsdoc.loads_all("\n".join(lines) + "\n"))
    assert [doc.metadata.extra["producer"] for doc in docs] == ["news-please", "trafilatura"]
    assert not docs[0].warnings
    # The bad line before a document goes on it; the one after the last document, on that.
    messages = [w.message for w in docs[1].warnings if w.code == "article-json.skipped"]
    assert [message.split(" is ")[0] for message in messages] == ["line 2", "line 5"]


def test_json_lines_of_many_bad_lines_count_the_rest() -> None:
    text = "\n".join([json.dumps(TRAFILATURA)] + ["{oops"] * 30 + [json.dumps(TRAFILATURA)])
    docs = list(newsdoc.loads_all(text))
    skipped = [w for w in docs[1].warnings if w.code == "article-json.skipped"]
    assert len(skipped) == 11
    assert skipped[-1].message == "and 20 more were skipped"


def test_json_lines_with_no_record_at_all_is_a_parse_error() -> None:
    text = json.dumps({"a": 1}) + "\n" + json.dumps({"b": 2}) + "\n"
    with pytest.raises(ParseError, match=r"no article record was found.*line 1"):
        list(newsdoc.loads_all(text, format="article-json"))


def test_a_broken_single_document_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="not valid article-json JSON"):
        newsdoc.loads('{\n  "title": "T",\n  "maintext": "x"\n', format="article-json")


def test_load_gives_the_first_with_a_count() -> None:
    doc = newsdoc.load(FIXTURES / "article-json" / "mixed.jsonl")
    assert doc.metadata.extra["producer"] == "news-please"
    assert doc.warnings[-1].code == "source.multiple-documents"


def test_json_ld_reads_as_the_html_format_does() -> None:
    article = {
        **JSON_LD,
        "datePublished": "2024-01-01T10:00:00Z",
        "author": {"@type": "Person", "name": "By Jane Doe"},
        "publisher": {"@type": "Organization", "name": "Herald"},
        "keywords": "a, b",
        "articleBody": "One.\nTwo.",
    }
    script = json.dumps(article)
    page = f'<html><head><script type="application/ld+json">{script}</script></head></html>'
    from_page = newsdoc.loads(page)
    from_file = newsdoc.loads(script)
    for field in ("published", "authors", "site_name", "tags"):
        assert getattr(from_file.metadata, field) == getattr(from_page.metadata, field), field
    assert from_file.title == from_page.title == "T"
    assert from_file.body == "One.\n\nTwo."


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (
            b'{"status": "error", "code": "x", "message": "y"}',
            "a JSON object with keys status, code, message",
        ),
        (b'[{"k": 1, "m": {"n": 2}}]', "a JSON array of objects with keys k, m"),
        (b"[1, 2, 3]", "a JSON array"),
        (
            # A sitemap: XML that no format reads (an <rss> root is the feed format's now).
            b'<?xml version="1.0"?>\n<!-- x -->\n<urlset xmlns="http://www.sitemaps.org/"></urlset>',
            "an XML document with root <urlset>",
        ),
    ],
)
def test_unknown_format_says_what_the_document_looked_like(data: bytes, said: str) -> None:
    assert looks_like(data) == said
    with pytest.raises(UnknownFormatError, match=f"no format recognised the content, {said}"):
        newsdoc.loads(data, source="x.json")


def test_looks_like_is_cheap_on_hostile_heads() -> None:
    assert looks_like(b'{"' + b"a" * SNIFF_BYTES) == "a JSON object"
    assert looks_like(b"[" * SNIFF_BYTES) == "a JSON array"
    assert looks_like(b"\x00\x01 binary") is None
    keys = "".join(f'"k{i}": 1, ' for i in range(20))
    assert looks_like(("{" + keys).encode()).endswith("k7…")


def test_a_line_too_deep_is_skipped_and_the_rest_read() -> None:
    deep = "[" * 300 + "]" * 300
    text = "\n".join([json.dumps(TRAFILATURA), deep, json.dumps(NEWS_PLEASE)])
    docs = list(newsdoc.loads_all(text))
    assert len(docs) == 2
    assert "line 2 nests deeper than limits.max_depth" in docs[1].warnings[0].message


def test_many_bad_lines_are_read_in_linear_time() -> None:
    import time

    record = json.dumps(TRAFILATURA) + "\n"
    text = "{oops\n" * 19 + record + "{oops\n" * 200_000 + record
    start = time.perf_counter()
    docs = list(newsdoc.loads_all(text))
    assert time.perf_counter() - start < 10
    assert len(docs) == 2
    assert docs[1].warnings[-1].message == "and 199,990 more were skipped"


def test_a_line_may_hold_several_documents() -> None:
    text = json.dumps(NEWSAPI) + "\n" + json.dumps([JSON_LD, JSON_LD]) + "\n"
    docs = list(newsdoc.loads_all(text))
    assert [doc.metadata.extra["producer"] for doc in docs] == ["newsapi", "json-ld", "json-ld"]


def test_a_prezly_story_forced_on_the_format_is_refused_plainly() -> None:
    with pytest.raises(ParseError, match="keys fit no producer's record"):
        newsdoc.loads(story_bytes(), format="article-json")


def test_json_ld_references_resolve_across_an_array() -> None:
    people = {"@type": "Person", "@id": "#jane", "name": "Jane Doe"}
    article = {**JSON_LD, "author": {"@id": "#jane"}}
    doc = newsdoc.loads(json.dumps([article, people]))
    assert [author.name for author in doc.metadata.authors] == ["Jane Doe"]


def test_json_lines_whose_first_line_is_bad_are_still_read() -> None:
    text = "{oops\n" + json.dumps(TRAFILATURA) + "\n"
    docs = list(newsdoc.loads_all(text))
    assert docs[0].warnings[0].message.startswith("line 1 is not a JSON object or array")
