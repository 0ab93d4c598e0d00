"""The NewsML 1 format: sniffing (and the NewsML-G2 boundary), the mapping rules, hostile input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import newsdoc
from newsdoc.parsers.newsml.sniff import sniff
from tests.conftest import FIXTURES, fixture_inputs

NEWSMLS = [path for path in fixture_inputs() if path.parent.name == "newsml"]
OTHERS = [path for path in fixture_inputs() if path.parent.name != "newsml"]
G2_NAMESPACE = "http://iptc.org/std/nar/2006-10-01/"


def _ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(FIXTURES)) for path in paths]


def test_there_are_newsml_fixtures() -> None:
    assert len(NEWSMLS) >= 4


@pytest.mark.parametrize("path", NEWSMLS, ids=_ids(NEWSMLS))
def test_every_newsml_fixture_is_detected(path: Path) -> None:
    assert newsdoc.detect(path) == "newsml"


@pytest.mark.parametrize("path", OTHERS, ids=_ids(OTHERS))
def test_no_other_fixture_is_claimed(path: Path) -> None:
    assert sniff(path.read_bytes()[: newsdoc.registry.SNIFF_BYTES], path.name) == 0.0


@pytest.mark.parametrize(
    "head",
    [
        b"<NewsML>",
        b'<?xml version="1.0"?>\n<!-- wire -->\n<NewsML Version="1.2">',
        b'<!DOCTYPE NewsML SYSTEM "NewsMLv1.2.dtd" [<!ENTITY x "y">]>\n<newsml>',
        b'\xef\xbb\xbf<nml:NewsML xmlns:nml="urn:newsml:iptc.org:20031010:NewsMLv1.2:1">',
        b'<NEWSML xmlns="urn:example">',
    ],
)
def test_a_newsml_root_is_sure(head: bytes) -> None:
    assert sniff(head, None) == 0.95


_NEWSML1_ITEM = b"<NewsItem>\n  <Identification><NewsIdentifier><ProviderId>x</ProviderId>"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # NewsML 1's item alone: capitalised, no G2 namespace, opening with Identification.
        (_NEWSML1_ITEM, 0.9),
        (b'<?xml version="1.0"?><n:NewsItem xmlns:n="urn:x"><n:NewsManagement>', 0.9),
        # NewsML-G2's newsItem: in its namespace, spelt newsItem, opening with itemMeta.
        (f'<newsItem xmlns="{G2_NAMESPACE}" guid="x"><itemMeta>'.encode(), 0.0),
        (b'<newsItem guid="x" standard="NewsML-G2"><Identification>', 0.0),
        (b"<newsItem><Identification>", 0.0),  # G2's spelling, whatever follows
        (f'<NewsItem xmlns="{G2_NAMESPACE}"><Identification>'.encode(), 0.0),
        (b'<NewsItem standard="NewsML-G2" guid="x">', 0.0),
        (b"<NewsItem><itemMeta><itemClass/></itemMeta>", 0.0),  # G2 capitalised, no namespace
        (b"<NewsItem><contentSet>", 0.0),
        (b"<NewsItem>", 0.0),  # says nothing of either
        (f'<newsMessage xmlns="{G2_NAMESPACE}"><header/>'.encode(), 0.0),
        (f'<packageItem xmlns="{G2_NAMESPACE}">'.encode(), 0.0),
    ],
)
def test_the_newsml_g2_boundary(head: bytes, expected: float) -> None:
    assert sniff(head, None) == expected


def test_a_newsml_g2_item_is_never_read_as_newsml() -> None:
    g2 = (
        f'<newsItem xmlns="{G2_NAMESPACE}" guid="urn:x" version="1" standard="NewsML-G2">'
        "<itemMeta><itemClass qcode='ninat:text'/></itemMeta>"
        "<contentMeta><headline>A G2 story</headline></contentMeta></newsItem>"
    ).encode()
    try:
        detected = newsdoc.detect(g2)
    except newsdoc.UnknownFormatError:
        detected = None
    assert detected != "newsml"


@pytest.mark.parametrize(
    "head", [b"<NewsMLx>", b"<html><body><NewsML>", b'{"NewsML": 1}', b"NewsML", b"<nitf>"]
)
def test_other_roots_are_not_newsml(head: bytes) -> None:
    assert sniff(head, None) == 0.0


def _item(component: str, management: str = "", lines: str = "") -> str:
    return (
        "<NewsItem><Identification><NewsIdentifier><ProviderId>p.example</ProviderId>"
        "<NewsItemId>1</NewsItemId><PublicIdentifier>urn:newsml:p.example:1</PublicIdentifier>"
        f"</NewsIdentifier></Identification><NewsManagement>{management}</NewsManagement>"
        f"<NewsComponent>{lines}{component}</NewsComponent></NewsItem>"
    )


def _newsml(*items: str, before: str = "") -> bytes:
    return f"<NewsML>{before}<NewsEnvelope/>{''.join(items)}</NewsML>".encode()


def _text(data: str, media: str = "Text") -> str:
    return (
        f"<ContentItem><MediaType FormalName='{media}'/>"
        f"<DataContent>{data}</DataContent></ContentItem>"
    )


def _codes(doc: newsdoc.Document) -> list[str]:
    return [warning.code for warning in doc.warnings]


def _fields(doc: newsdoc.Document) -> Any:
    return newsdoc.to_dict(doc)["metadata"]["extra"]["newsml"]


def test_plain_text_becomes_paragraphs_at_blank_lines_else_at_line_ends() -> None:
    docs = newsdoc.loads_all(
        _newsml(
            _item(_text("First line\nwrapped.\n\n  Second paragraph.\n")),
            _item(_text("One.\nTwo.\n")),
        )
    )
    assert [[block.text for block in doc.blocks] for doc in docs] == [
        ["First line wrapped.", "Second paragraph."],
        ["One.", "Two."],
    ]


def test_markup_escaped_as_text_is_read_as_markup() -> None:
    escaped = "&lt;p&gt;Escaped &amp;amp; read.&lt;/p&gt;&lt;p&gt;Second.&lt;/p&gt;"
    doc = newsdoc.loads(_newsml(_item(_text(escaped))))
    assert [block.text for block in doc.blocks] == ["Escaped & read.", "Second."]
    cdata = "<![CDATA[<nitf><body><body.content><p>In CDATA.</p></body.content></body></nitf>]]>"
    doc = newsdoc.loads(_newsml(_item(_text(cdata))))
    assert [block.text for block in doc.blocks] == ["In CDATA."]


def test_a_nitf_body_alone_and_an_xhtml_body_alone() -> None:
    nitf_body = (
        "<body><body.head><hedline><hl1>From the NITF head</hl1></hedline></body.head>"
        "<body.content><p>NITF body.</p></body.content></body>"
    )
    doc = newsdoc.loads(_newsml(_item(_text(nitf_body))))
    assert doc.title == "From the NITF head"
    assert [block.text for block in doc.blocks] == ["NITF body."]
    xhtml = "<body xmlns='http://www.w3.org/1999/xhtml'><p>XHTML body.</p></body>"
    doc = newsdoc.loads(_newsml(_item(_text(xhtml))))
    assert [block.text for block in doc.blocks] == ["XHTML body."]


def test_the_news_lines_come_before_the_nitf_head() -> None:
    nitf = (
        "<nitf><body><body.head><hedline><hl1>NITF headline</hl1></hedline>"
        "<byline>By Jon Lie</byline></body.head>"
        "<body.content><p>Text.</p></body.content></body></nitf>"
    )
    lines = (
        "<NewsLines><HeadLine>NewsLines headline</HeadLine><ByLine>Anna Berg</ByLine></NewsLines>"
    )
    doc = newsdoc.loads(_newsml(_item(_text(nitf), lines=lines)))
    assert doc.title == "NewsLines headline"
    assert [author.name for author in doc.metadata.authors] == ["Anna Berg"]


def test_empty_remote_and_encoded_text_are_no_text() -> None:
    empty = newsdoc.loads(_newsml(_item(_text("  "))))
    remote = newsdoc.loads(
        _newsml(_item("<ContentItem Href='story.xml'><MediaType FormalName='Text'/></ContentItem>"))
    )
    encoded = newsdoc.loads(
        _newsml(
            _item(
                "<ContentItem><Encoding Notation='base64'/><MediaType FormalName='Text'/>"
                "<DataContent>SGVsbG8=</DataContent></ContentItem>"
            )
        )
    )
    for doc, words in ((empty, "empty"), (remote, "not fetched"), (encoded, "base64")):
        assert _codes(doc) == ["newsml.no-text"]
        assert words in doc.warnings[0].message
        assert doc.blocks == ()


def test_video_only_is_not_text_and_the_media_are_kept() -> None:
    video = (
        "<NewsComponent><Role FormalName='Main'/><NewsLines><HeadLine>Ferry at dusk</HeadLine>"
        "</NewsLines><ContentItem Href='https://v.example/ferry.mp4'>"
        "<MediaType FormalName='Video'/><MimeType FormalName='video/mp4'/></ContentItem>"
        "</NewsComponent>"
    )
    doc = newsdoc.loads(_newsml(_item(video)))
    assert _codes(doc) == ["newsml.not-text"]
    assert "1 other media item" in doc.warnings[0].message
    assert _fields(doc)["media"] == [
        {
            "type": "video",
            "href": "https://v.example/ferry.mp4",
            "mime_type": "video/mp4",
            "role": "main",
            "caption": "Ferry at dusk",
        }
    ]


def test_an_item_of_updates_only_is_not_text() -> None:
    item = (
        "<NewsItem><Identification/><NewsManagement/>"
        "<Update><Delete DuidRef='photo1'/></Update></NewsItem>"
    )
    doc = newsdoc.loads(_newsml(item))
    assert _codes(doc) == ["newsml.not-text"]
    assert _fields(doc)["updates"] == 1


def test_a_caption_is_the_pictures_not_the_story() -> None:
    photo = (
        "<NewsComponent><Role FormalName='Supporting'/>"
        "<NewsComponent><Role FormalName='Caption'/>"
        f"{_text('<p>The caption.</p>')}</NewsComponent>"
        "<NewsComponent><Role FormalName='Preview'/><ContentItem Href='https://p.example/a.jpg'>"
        "<MediaType FormalName='Photo'/></ContentItem></NewsComponent></NewsComponent>"
    )
    story = f"<NewsComponent>{_text('<p>The story.</p>')}</NewsComponent>"
    doc = newsdoc.loads(_newsml(_item(photo + story)))
    assert [block.text for block in doc.blocks] == ["The story."]
    assert [(image.url, image.caption) for image in doc.metadata.images] == [
        ("https://p.example/a.jpg", "The caption.")
    ]


def test_subject_codes_are_named_by_the_topic_sets() -> None:
    topics = (
        "<TopicSet><Topic Duid='t1'><FormalName>15000000</FormalName>"
        "<Description xml:lang='en'>sport</Description></Topic></TopicSet>"
    )
    metadata = (
        "<DescriptiveMetadata><SubjectCode><Subject FormalName='15000000'/>"
        "<Subject FormalName='01000000'/></SubjectCode><TopicOccurrence Topic='#t1'/>"
        "</DescriptiveMetadata>"
    )
    doc = newsdoc.loads(_newsml(_item(metadata + _text("Text.")), before=topics))
    assert doc.metadata.tags == ("sport",)
    assert _fields(doc)["subjects"] == [
        {"code": "15000000", "level": "Subject", "name": "sport"},
        {"code": "01000000", "level": "Subject"},
    ]


def test_a_bad_date_is_warned_about_and_kept() -> None:
    management = (
        "<FirstCreated>yesterday</FirstCreated>"
        "<ThisRevisionCreated>20240903T1415Z</ThisRevisionCreated>"
    )
    doc = newsdoc.loads(_newsml(_item(_text("Text."), management=management)))
    assert _codes(doc) == ["newsml.bad-date"]
    assert doc.metadata.published is None
    assert doc.metadata.modified is not None
    assert _fields(doc)["unread_dates"] == [{"FirstCreated": "yesterday"}]


def test_items_a_package_carries_inline_follow_it() -> None:
    inner = _item(_text("Inner story."), lines="<NewsLines><HeadLine>Inner</HeadLine></NewsLines>")
    package = _item(
        f"<NewsComponent>{inner}</NewsComponent>",
        lines="<NewsLines><HeadLine>Package</HeadLine></NewsLines>",
    )
    last = _item(_text("Last."), lines="<NewsLines><HeadLine>Last</HeadLine></NewsLines>")
    docs = list(newsdoc.loads_all(_newsml(package, last)))
    assert [doc.title for doc in docs] == ["Package", "Inner", "Last"]
    assert _codes(docs[0]) == ["newsml.not-text"]
    assert _fields(docs[1])["part_of"] == "urn:newsml:p.example:1"


def test_malformed_xml_is_recovered_with_a_warning() -> None:
    data = _newsml(_item(_text("<p>Fish & chips</p><p>unclosed")))
    doc = newsdoc.loads(data)
    assert "newsml.malformed" in _codes(doc)
    assert doc.blocks[0].text == "Fish & chips"


def test_not_newsml_is_a_parse_error() -> None:
    with pytest.raises(newsdoc.ParseError, match="not NewsML"):
        newsdoc.loads(b"<other><p>x</p></other>", format="newsml")
    with pytest.raises(newsdoc.ParseError, match="no NewsItem"):
        newsdoc.loads(b"<NewsML><NewsEnvelope/></NewsML>", format="newsml")
    with pytest.raises(newsdoc.ParseError, match="not XML"):
        newsdoc.loads(b"\x00\x01 nothing", format="newsml")


def test_a_dtd_and_external_entities_are_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    data = (
        f'<!DOCTYPE NewsML SYSTEM "{tmp_path}/missing.dtd" '
        f'[<!ENTITY leak SYSTEM "file://{secret}">]>'
    ).encode() + _newsml(_item(_text("<p>Before &leak; after.</p>")))
    doc = newsdoc.loads(data)
    assert doc.format == "newsml"
    assert [block.text for block in doc.blocks] == ["Before after."]
    assert "SECRET" not in newsdoc.to_json(doc)


def test_entity_expansion_is_refused_or_harmless() -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {name} "{("&" + previous + ";") * 10}">'
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    data = f"<!DOCTYPE NewsML [{entities}]>".encode() + _newsml(_item(_text("<p>&i;</p>")))
    try:
        docs = list(newsdoc.loads_all(data))
    except newsdoc.NewsdocError:
        return
    assert all(len(newsdoc.to_json(doc)) < 100_000 for doc in docs)


@pytest.mark.parametrize(
    "data",
    [
        b"<NewsML>",
        b"<NewsML><NewsItem>",
        b"<NewsML><NewsItem><NewsComponent><ContentItem><DataContent>",
        b"<NewsML/>",
        b"<NewsML><NewsItem/></NewsML>",
        b"<NewsML>" + b"<NewsComponent>" * 3000,
        _newsml(_item("<NewsComponent>" * 200 + _text("deep") + "</NewsComponent>" * 200)),
        b"<NewsML><NewsItem><NewsComponent><ContentItem><DataContent>&#0;&#xD800;</DataContent>",
        b"<NewsML><NewsItem><NewsManagement><FirstCreated>99999999T999999+9999</FirstCreated>",
        b"\xff\xfe<\x00N\x00e\x00w\x00s\x00M\x00L\x00>\x00",
        # An undeclared prefix, which recovery keeps in the tag's name (found by fuzzing).
        b"<NewsML><NewsItem><NewsManagement><x:ThisRevisionCreated>bad</x:ThisRevisionCreated>"
        b"</NewsManagement><NewsComponent><DescriptiveMetadata><SubjectCode>"
        b"<x:Subject FormalName='1'/></SubjectCode></DescriptiveMetadata>",
    ],
)
def test_hostile_input_gives_only_newsdoc_errors(data: bytes) -> None:
    try:
        docs = list(newsdoc.loads_all(data, format="newsml"))
    except newsdoc.NewsdocError:
        return
    for doc in docs:
        newsdoc.to_json(doc)


def test_keyword_properties_xml_lang_and_the_dateline_date() -> None:
    metadata = (
        "<DescriptiveMetadata><DateLineDate>20231124T192141+0000</DateLineDate>"
        "<Property FormalName='Keyword' Value='alerte'/>"
        "<Property FormalName='Keyword' Value='conflit'/></DescriptiveMetadata>"
    )
    item = _item(metadata + _text("<p>Texte.</p>")).replace(
        "<NewsItem>", "<NewsItem xml:lang='fr'>"
    )
    doc = newsdoc.loads(_newsml(item))
    assert doc.metadata.language == "fr"
    assert doc.metadata.tags == ("alerte", "conflit")
    fields = _fields(doc)
    assert fields["dateline_date"] == "20231124T192141+0000"
    assert fields["properties"] == {"Keyword": ["alerte", "conflit"]}
