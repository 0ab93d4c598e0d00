"""The NewsML-G2 format: sniffing, the mapping rules, the item kinds, and hostile input."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import newsdoc
from newsdoc.parsers.newsmlg2 import sniff
from tests.conftest import FIXTURES, fixture_inputs

G2 = [path for path in fixture_inputs() if path.parent.name == "newsml-g2"]
OTHERS = [path for path in fixture_inputs() if path.parent.name != "newsml-g2"]
_NS = "http://iptc.org/std/nar/2006-10-01/"


def _ids(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(FIXTURES)) for path in paths]


def _item(inner: str, *, attributes: str = "", root: str = "newsItem") -> bytes:
    return f'<{root} xmlns="{_NS}" guid="g1" {attributes}>{inner}</{root}>'.encode()


def _codes(doc: newsdoc.Document) -> list[str]:
    return [warning.code for warning in doc.warnings]


def _g2(doc: newsdoc.Document) -> dict[str, object]:
    extra = newsdoc.to_dict(doc)["metadata"]["extra"]["newsml-g2"]
    assert isinstance(extra, dict)
    return extra


# -- sniffing ----------------------------------------------------------------------------------


def test_there_are_g2_fixtures() -> None:
    assert len(G2) >= 5


@pytest.mark.parametrize("path", G2, ids=_ids(G2))
def test_every_g2_fixture_is_detected(path: Path) -> None:
    assert newsdoc.detect(path) == "newsml-g2"


@pytest.mark.parametrize("path", OTHERS, ids=_ids(OTHERS))
def test_no_other_fixture_is_claimed(path: Path) -> None:
    assert sniff(path.read_bytes()[: newsdoc.registry.SNIFF_BYTES], path.name) == 0.0


@pytest.mark.parametrize(
    "head",
    [
        b"<newsItem>",
        b"<NewsItem>",
        b"<newsMessage>",
        b"<packageItem>",
        b"<conceptItem>",
        b"<planningItem>",
        b"<knowledgeItem>",
        b'<?xml version="1.0"?>\n<!-- a wire -->\n<g2:newsItem xmlns:g2="urn:x">',
        f'\ufeff<newsItem xmlns="{_NS}">'.encode(),
    ],
)
def test_a_g2_root_is_sure(head: bytes) -> None:
    assert sniff(head, None) == 0.95


@pytest.mark.parametrize(
    "head",
    [
        b"<newsItems>",
        b"<NewsML>",
        b"<nitf>",
        b"<html><body><newsItem>",
        b"<eventItem>",
        b"newsItem",
    ],
)
def test_other_roots_are_not_g2(head: bytes) -> None:
    assert sniff(head, None) == 0.0


# -- a news item's fields ----------------------------------------------------------------------


def test_headlines_prefer_the_main_one_in_the_items_language() -> None:
    doc = newsdoc.loads(
        _item(
            "<contentMeta><language tag='de'/>"
            "<headline role='hlrole:short'>Kurz</headline>"
            "<headline xml:lang='en'>In English</headline>"
            "<headline xml:lang='de'>Auf Deutsch</headline>"
            "<headline role='hlrole:sub' xml:lang='de'>Die Unterzeile</headline>"
            "</contentMeta><contentSet><inlineData>Text.</inlineData></contentSet>"
        )
    )
    assert (doc.title, doc.subtitle, doc.metadata.language) == (
        "Auf Deutsch",
        "Die Unterzeile",
        "de",
    )
    assert {"language": "en", "text": "In English"} in _g2(doc)["headlines"]  # type: ignore[operator]


def test_dates_item_meta_first_then_content_meta_and_embargo_in_extra() -> None:
    doc = newsdoc.loads(
        _item(
            "<itemMeta><versionCreated>2024-05-02T10:00:00Z</versionCreated>"
            "<embargoed>2024-05-03T06:00:00Z</embargoed></itemMeta>"
            "<contentMeta><contentCreated>2024-05-01T09:00:00Z</contentCreated>"
            "<contentModified>2024-05-01T09:30:00Z</contentModified></contentMeta>"
            "<contentSet><inlineData>Text.</inlineData></contentSet>"
        )
    )
    assert doc.metadata.published is not None
    assert doc.metadata.modified is not None
    assert doc.metadata.published.isoformat() == "2024-05-01T09:00:00+00:00"  # contentCreated
    assert doc.metadata.modified.isoformat() == "2024-05-02T10:00:00+00:00"  # versionCreated
    extra = _g2(doc)
    assert extra["embargoed"] == "2024-05-03T06:00:00+00:00"
    assert extra["content_modified"] == "2024-05-01T09:30:00+00:00"
    assert "content_created" not in extra  # it is the published date


def test_a_date_that_is_not_iso_is_a_warning() -> None:
    doc = newsdoc.loads(
        _item(
            "<itemMeta><firstCreated>last week</firstCreated></itemMeta>"
            "<contentSet><inlineData>Text.</inlineData></contentSet>"
        )
    )
    assert doc.metadata.published is None
    assert _codes(doc) == ["newsml-g2.bad-date"]


def test_authors_people_before_organisations_and_bylines() -> None:
    people = newsdoc.loads(
        _item(
            "<itemMeta><provider literal='Wire'/></itemMeta><contentMeta>"
            "<creator literal='Wire'/><creator><name>Anna Berg</name></creator>"
            "<contributor role='ctrol:editor'><name>Tom Hale</name></contributor>"
            "<contributor role='ctrol:writer'><name>Jon Lie</name></contributor>"
            "<by>By ANNA BERG</by></contentMeta>"
            "<contentSet><inlineData>Text.</inlineData></contentSet>"
        )
    )
    assert [author.name for author in people.metadata.authors] == ["Anna Berg", "Jon Lie"]
    agency = newsdoc.loads(
        _item(
            "<contentMeta><creator type='cpnat:organisation'><name>Nordwire</name></creator>"
            "</contentMeta><contentSet><inlineData>Text.</inlineData></contentSet>"
        )
    )
    assert [author.name for author in agency.metadata.authors] == ["Nordwire"]
    byline = newsdoc.loads(
        _item(
            "<contentMeta><creator type='cpnat:organisation'><name>Nordwire</name></creator>"
            "<by>By Anna Berg and Jon Lie</by></contentMeta>"
            "<contentSet><inlineData>Text.</inlineData></contentSet>"
        )
    )
    assert [author.name for author in byline.metadata.authors] == ["Anna Berg", "Jon Lie"]


def test_subjects_names_are_tags_and_qcodes_stay_in_extra() -> None:
    doc = newsdoc.loads(
        _item(
            "<contentMeta><subject qcode='medtop:1'><name xml:lang='fr'>voile</name>"
            "<name xml:lang='en'>sailing</name></subject><subject qcode='x:unknown'/>"
            "<keyword>boats</keyword></contentMeta>"
            "<contentSet><inlineData>Text.</inlineData></contentSet>",
            attributes='xml:lang="en-GB"',
        )
    )
    assert doc.metadata.tags == ("sailing", "boats")
    assert _g2(doc)["subjects"] == [
        {"name": "sailing", "qcode": "medtop:1"},
        {"qcode": "x:unknown"},
    ]


def test_inline_data_plain_text_and_escaped_html() -> None:
    plain = newsdoc.loads(_item("<contentSet><inlineData>One.\n\nTwo.</inlineData></contentSet>"))
    assert [block.text for block in plain.blocks] == ["One.", "Two."]
    html = newsdoc.loads(
        _item(
            "<contentSet><inlineData contenttype='text/html'>&lt;p&gt;One &amp;amp; "
            "&lt;b&gt;two&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Three.&lt;/p&gt;</inlineData></contentSet>"
        )
    )
    assert [block.text for block in html.blocks] == ["One & two.", "Three."]


def test_an_xhtml_head_is_never_the_body() -> None:
    doc = newsdoc.loads(
        _item(
            "<contentSet><inlineXML contenttype='application/xhtml+xml'>"
            "<html xmlns='http://www.w3.org/1999/xhtml'><head><title>Head title</title>"
            "<script>var x = 1;</script><style>p {}</style></head>"
            "<body><p>The body.</p></body></html></inlineXML></contentSet>"
        )
    )
    assert doc.title == "Head title"  # no headline: the head's title is the fallback
    assert [block.text for block in doc.blocks] == ["The body."]


def test_the_first_inline_content_is_the_body_and_the_others_are_listed() -> None:
    doc = newsdoc.loads(
        _item(
            "<contentSet><inlineData contenttype='text/plain'>Plain.</inlineData>"
            "<inlineXML contenttype='application/nitf+xml'><nitf><body><body.content>"
            "<p>NITF.</p></body.content></body></nitf></inlineXML></contentSet>"
        )
    )
    assert [block.text for block in doc.blocks] == ["Plain."]
    assert _g2(doc)["alternatives"] == ["application/nitf+xml"]


def test_nitf_inside_gives_its_fields_and_its_warnings() -> None:
    doc = newsdoc.loads(
        _item(
            "<contentMeta><headline>The G2 headline</headline></contentMeta>"
            "<contentSet><inlineXML><nitf><head><docdata><date.issue norm='soon'/>"
            "<doc-id id-string='D1'/></docdata></head><body><body.head><hedline>"
            "<hl1>The NITF headline</hl1><hl2>The NITF deck</hl2></hedline></body.head>"
            "<body.content><p>Text.</p></body.content></body></nitf></inlineXML></contentSet>"
        )
    )
    assert (doc.title, doc.subtitle) == ("The G2 headline", "The NITF deck")
    assert _codes(doc) == ["nitf.bad-date"]
    assert newsdoc.to_dict(doc)["metadata"]["extra"]["nitf"]["doc_id"] == "D1"


def test_known_fields_without_a_typed_home_are_kept() -> None:
    doc = newsdoc.loads(
        _item(
            "<rightsInfo><copyrightHolder><name>Wire</name></copyrightHolder>"
            "<copyrightNotice>(c) Wire</copyrightNotice><usageTerms>No archive.</usageTerms>"
            "</rightsInfo><itemMeta><itemClass qcode='ninat:text'/><provider qcode='nprov:W'/>"
            "<pubStatus qcode='stat:usable'/><signal qcode='sig:update'/>"
            "<edNote>Corrects the spelling.</edNote>"
            "<link rel='irel:seeAlso' href='https://wire.example/a' title='Earlier'/></itemMeta>"
            "<contentMeta><urgency>2</urgency><slugline>SLUG</slugline><dateline>OSLO</dateline>"
            "<genre qcode='genre:x'/><located><name>Oslo</name></located>"
            "<infoSource literal='Police'/></contentMeta>"
            "<contentSet><inlineData>Text.</inlineData></contentSet>",
            attributes='version="7"',
        )
    )
    extra = _g2(doc)
    expected = {
        "guid": "g1",
        "version": "7",
        "item_class": "ninat:text",
        "provider": "nprov:W",
        "pub_status": "stat:usable",
        "signals": ["sig:update"],
        "ed_notes": ["Corrects the spelling."],
        "urgency": "2",
        "slugline": "SLUG",
        "dateline": "OSLO",
        "genres": ["genre:x"],
        "located": [{"name": "Oslo"}],
        "info_sources": ["Police"],
        "copyright_holder": "Wire",
        "copyright_notice": "(c) Wire",
        "usage_terms": ["No archive."],
    }
    assert {name: extra.get(name) for name in expected} == expected
    assert [(link.url, link.text, link.kind) for link in doc.links] == [
        ("https://wire.example/a", "Earlier", "related")
    ]


# -- items that are not articles ---------------------------------------------------------------


@pytest.mark.parametrize("kind", ["picture", "graphic", "video", "audio"])
def test_media_items_are_not_text(kind: str) -> None:
    doc = newsdoc.loads(
        _item(
            f"<itemMeta><itemClass qcode='ninat:{kind}'/></itemMeta><contentMeta>"
            "<headline>A view</headline><description role='drol:caption'>The view.</description>"
            "<creditline>Wire/Photographer</creditline></contentMeta><contentSet>"
            "<remoteContent href='https://cdn.example/a.jpg' contenttype='image/jpeg'/>"
            "<remoteContent href='relative/b.jpg' contenttype='image/jpeg'/></contentSet>"
        )
    )
    assert (doc.title, doc.blocks, doc.metadata.description) == ("A view", (), "The view.")
    assert _codes(doc) == ["newsml-g2.not-text"]
    renditions = _g2(doc)["renditions"]
    assert isinstance(renditions, list)
    assert len(renditions) == 2
    pictures = [(image.url, image.caption, image.credit) for image in doc.metadata.images]
    if kind in ("picture", "graphic"):
        assert pictures == [("https://cdn.example/a.jpg", "The view.", "Wire/Photographer")]
    else:
        assert pictures == []


def test_a_text_item_without_text() -> None:
    doc = newsdoc.loads(
        _item(
            "<contentMeta><headline>Head only</headline></contentMeta>"
            "<contentSet><remoteContent href='https://wire.example/a.txt'/></contentSet>"
        )
    )
    assert doc.title == "Head only"
    assert _codes(doc) == ["newsml-g2.no-text"]


def test_a_package_links_to_its_items() -> None:
    doc = newsdoc.loads(
        _item(
            "<contentMeta><headline>Package</headline></contentMeta><groupSet><group role='main'>"
            "<itemRef residref='urn:a' href='https://wire.example/a.xml'><title>A</title></itemRef>"
            "<itemRef residref='urn:b'/></group></groupSet>",
            root="packageItem",
        )
    )
    assert [(link.url, link.text, link.kind) for link in doc.links] == [
        ("https://wire.example/a.xml", "A", "related"),
        (None, "urn:b", "related"),
    ]
    assert _codes(doc) == ["newsml-g2.package"]


@pytest.mark.parametrize(
    ("inner", "root", "title"),
    [
        ("<concept><type qcode='cpnat:person'/><name>Lars Holm</name></concept>",
         "conceptItem", "Lars Holm"),
        ("<conceptSet><concept><name>Ferries</name></concept></conceptSet>",
         "knowledgeItem", "Ferries"),
        ("<newsCoverageSet><newsCoverage><planning><headline>Vote story</headline></planning>"
         "</newsCoverage></newsCoverageSet>", "planningItem", "Vote story"),
        ("<contentSet><inlineXML><events><event><name>Vote</name></event></events></inlineXML>"
         "</contentSet>", "newsItem", "Vote"),
    ],
)  # fmt: skip
def test_concepts_plans_and_events_are_not_text(inner: str, root: str, title: str) -> None:
    doc = newsdoc.loads(_item(inner, root=root))
    assert (doc.title, doc.blocks) == (title, ())
    assert _codes(doc) == ["newsml-g2.not-text"]


# -- messages ----------------------------------------------------------------------------------


def test_a_message_gives_its_items_in_order_with_its_header() -> None:
    data = (
        f"<newsMessage xmlns='{_NS}'><header><sent>2024-01-02T03:04:05Z</sent>"
        "<sender>wire.example</sender><transmitId>T-1</transmitId></header><itemSet>"
        "<newsItem><contentMeta><headline>One</headline></contentMeta>"
        "<contentSet><inlineData>1.</inlineData></contentSet></newsItem>"
        "<newsItem><contentMeta><headline>Two</headline></contentMeta>"
        "<contentSet><inlineData>2.</inlineData></contentSet></newsItem>"
        "</itemSet></newsMessage>"
    ).encode()
    docs = list(newsdoc.loads_all(data))
    assert [doc.title for doc in docs] == ["One", "Two"]
    assert _g2(docs[1])["message"] == {
        "sent": "2024-01-02T03:04:05+00:00",
        "sender": "wire.example",
        "transmit_id": "T-1",
    }
    first = newsdoc.loads(data)
    assert first.title == "One"
    assert _codes(first) == ["source.multiple-documents"]


def test_a_message_without_items_and_other_xml_are_parse_errors() -> None:
    with pytest.raises(newsdoc.ParseError, match="holds no item"):
        newsdoc.loads(b"<newsMessage><header/><itemSet/></newsMessage>")
    with pytest.raises(newsdoc.ParseError, match="not NewsML-G2"):
        newsdoc.loads(b"<other><p>x</p></other>", format="newsml-g2")
    with pytest.raises(newsdoc.ParseError, match="not XML"):
        newsdoc.loads(b"\x00\x01 nothing", format="newsml-g2")


# -- robustness and hostile input --------------------------------------------------------------


def test_malformed_xml_is_read_with_a_warning() -> None:
    doc = newsdoc.loads(
        b"<newsItem><contentMeta><headline>Fish & Chips</headline></contentMeta><contentSet>"
        b"<inlineXML><html><body><p>One<p>Two</body></html></inlineXML></contentSet></newsItem>"
    )
    assert doc.title == "Fish & Chips"
    assert [block.text for block in doc.blocks] == ["One", "Two"]
    assert _codes(doc) == ["newsml-g2.malformed"]


def test_capitals_prefixes_and_no_namespace_read_alike() -> None:
    plain = _item(
        "<contentMeta><headline>H</headline></contentMeta>"
        "<contentSet><inlineData>Body.</inlineData></contentSet>"
    )
    shouting = (
        b'\xef\xbb\xbf<NewsItem xmlns="urn:agency"><ContentMeta><HeadLine>H</HeadLine>'
        b"</ContentMeta><ContentSet><InlineData>Body.</InlineData></ContentSet></NewsItem>"
    )
    prefixed = (
        b'<g2:newsItem xmlns:g2="http://iptc.org/std/nar/2006-10-01/"><g2:contentMeta>'
        b"<g2:headline>H</g2:headline></g2:contentMeta><g2:contentSet>"
        b"<g2:inlineData>Body.</g2:inlineData></g2:contentSet></g2:newsItem>"
    )
    for data in (plain, shouting, prefixed):
        doc = newsdoc.loads(data)
        assert (doc.format, doc.title, [block.text for block in doc.blocks]) == (
            "newsml-g2",
            "H",
            ["Body."],
        )


def _bounded(data: bytes) -> list[newsdoc.Document]:
    start = time.process_time()
    try:
        docs = list(newsdoc.loads_all(data, format="newsml-g2"))
    except newsdoc.NewsdocError:
        docs = []
    assert time.process_time() - start < 2.0
    return docs


def test_entities_are_never_expanded_nor_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    lol = "".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    data = (
        f'<!DOCTYPE newsItem SYSTEM "{tmp_path}/g2.dtd" [<!ENTITY lol0 "lol">{lol}'
        f'<!ENTITY leak SYSTEM "file://{secret}"><!ENTITY net SYSTEM "http://127.0.0.1:9/x">]>'
        "<newsItem><contentMeta><headline>A &leak; B &lol9; C &net;</headline></contentMeta>"
        "<contentSet><inlineData>Before &leak;&lol9; after.</inlineData></contentSet></newsItem>"
    ).encode()
    docs = _bounded(data)
    assert len(docs) == 1
    text = newsdoc.to_json(docs[0])
    assert "SECRET" not in text
    assert "lol" not in (docs[0].title or "") + docs[0].body


def test_deep_nesting_and_a_huge_attribute_are_bounded() -> None:
    depth = 10_000
    nested = "<div>" * depth + "deep" + "</div>" * depth
    deep = _item(
        f"<contentSet><inlineXML><html><body>{nested}</body></html></inlineXML></contentSet>"
    )
    assert len(_bounded(deep)) <= 1
    huge = "x" * 5_000_000
    attribute = _item(
        f"<contentMeta><headline role='{huge}'>H</headline></contentMeta>"
        f"<contentSet><remoteContent href='https://a.example/{huge}'/></contentSet>"
    )
    docs = _bounded(attribute)
    assert [doc.title for doc in docs] in ([], ["H"])


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<newsItem",
        b"<newsItem/>",
        b"<newsMessage/>",
        b"<newsItem><contentSet><inlineXML/><inlineData encoding='base64'>!!</inlineData>"
        b"</contentSet></newsItem>",
        b"<packageItem><groupSet><group><itemRef/></group></groupSet></packageItem>",
        b"<newsItem>" + b"&#0;&#xD800;&bogus;" * 100 + b"</newsItem>",
    ],
)
def test_broken_input_gives_a_document_or_a_newsdoc_error(data: bytes) -> None:
    try:
        docs = list(newsdoc.loads_all(data, format="newsml-g2"))
    except newsdoc.NewsdocError:
        return
    assert all(doc.format == "newsml-g2" for doc in docs)


def test_item_refs_straight_under_a_package_are_read() -> None:
    doc = newsdoc.loads(
        _item("<itemRef residref='N1'/><itemRef residref='N2'/>", root="packageItem")
    )
    assert [link.text for link in doc.links] == ["N1", "N2"]


def test_inline_xml_with_only_a_comment_has_no_text() -> None:
    doc = newsdoc.loads(_item("<contentSet><inlineXML><!-- NITF here --></inlineXML></contentSet>"))
    assert _codes(doc) == ["newsml-g2.no-text"]


def test_an_xhtml_body_gives_its_language_when_the_item_states_none() -> None:
    doc = newsdoc.loads(
        _item(
            "<contentSet><inlineXML><html xml:lang='sv'><body><p>Hej.</p></body></html>"
            "</inlineXML></contentSet>"
        )
    )
    assert doc.metadata.language == "sv"
