"""Reading and decoding: gzip, size limits, BOMs, declared charsets and detection."""

from __future__ import annotations

import codecs
import gzip
import zlib

import pytest

import newsdoc
from newsdoc import LimitExceededError, Limits, ParseError
from newsdoc.decoding import decode, head_for_sniffing, normalize_charset
from newsdoc.source import gunzip_if_needed, sniff_name

LIMITS = Limits()


def test_plain_data_passes_through() -> None:
    assert gunzip_if_needed(b"plain", "x", LIMITS) == (b"plain", ())


def test_concatenated_gzip_members_are_all_read() -> None:
    data = gzip.compress(b"one ") + gzip.compress(b"two")
    assert gunzip_if_needed(data, "x", LIMITS) == (b"one two", ())


def test_trailing_garbage_is_a_warning() -> None:
    data, warnings = gunzip_if_needed(gzip.compress(b"x") + b"garbage", "x", LIMITS)
    assert data == b"x"
    assert [w.code for w in warnings] == ["source.gzip-trailing-data"]


def test_truncated_gzip_is_a_parse_error_naming_the_source() -> None:
    with pytest.raises(ParseError, match=r"^f\.gz: truncated gzip"):
        gunzip_if_needed(gzip.compress(b"hello world" * 100)[:-12], "f.gz", LIMITS)


def test_broken_gzip_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="broken gzip"):
        gunzip_if_needed(b"\x1f\x8b\x08\x00garbagegarbage", "f.gz", LIMITS)


def test_gzip_bomb_stops_at_the_limit() -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    bomb = compressor.compress(b"\x00" * (64 * 1024 * 1024)) + compressor.flush()
    assert len(bomb) < 100_000
    with pytest.raises(LimitExceededError, match="max_decompressed_bytes") as info:
        gunzip_if_needed(bomb, "bomb.gz", Limits(max_decompressed_bytes=1024 * 1024))
    assert info.value.limit == "max_decompressed_bytes"


def test_sniff_name_drops_folders_and_gz() -> None:
    assert sniff_name("/a/b/story.json.gz") == "story.json"
    assert sniff_name(None) is None


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_a_bom_wins_over_everything(bom: bytes, codec: str) -> None:
    decoded = decode(bom + "Prévot «ok»".encode(codec), declared="latin-1")
    assert decoded.text == "Prévot «ok»"
    assert decoded.encoding == codec
    assert decoded.warnings == ()


def test_a_declared_charset_comes_next() -> None:
    data = "Prévot".encode("iso-8859-15")
    assert decode(data, declared="iso-8859-15").text == "Prévot"


def test_html_latin1_means_windows_1252() -> None:
    data = "“quoted” café".encode("cp1252")
    decoded = decode(data, declared="ISO-8859-1", html=True)
    assert decoded.text == "“quoted” café"
    assert normalize_charset("latin1", html=True) == "cp1252"
    assert normalize_charset("latin1") == "iso8859-1"


def test_a_wrong_declaration_is_a_warning_and_detection_takes_over() -> None:
    data = "naïve café".encode("cp1252")
    decoded = decode(data, declared="utf-8")
    assert decoded.text == "naïve café"
    assert [w.code for w in decoded.warnings] == ["decoding.wrong-charset"]


def test_an_unknown_declaration_is_a_warning() -> None:
    decoded = decode(b"plain", declared="klingon-8")
    assert decoded.text == "plain"
    assert [w.code for w in decoded.warnings] == ["decoding.unknown-charset"]


def test_undeclared_latin1_is_detected() -> None:
    text = "Le ministre a déclaré que la sécurité des diplomates était prioritaire. " * 5
    assert decode(text.encode("cp1252")).text == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("El Gobierno aprobó el miércoles la reforma de la ley de vivienda en España. ", "cp1252"),
        ("Rada gminy przyjęła w środę plan remontu mostu nad rzeką. Bez sprzeciwów. ", "cp1250"),
        ("Obecní rada ve středu schválila opravu mostu přes řeku. Nikdo nebyl proti. ", "cp1250"),
        ("Городской совет в среду одобрил план ремонта моста через реку. ", "cp1251"),
    ],
)
def test_undeclared_legacy_code_pages_of_several_languages_are_detected(
    text: str, codec: str
) -> None:
    decoded = decode((text * 4).encode(codec))
    assert decoded.text == text * 4


def test_utf16_without_bom_is_recognised() -> None:
    text = '{"title": "Hello"}'
    assert decode(text.encode("utf-16-le")).text == text
    assert decode(text.encode("utf-16-be")).text == text
    assert head_for_sniffing(text.encode("utf-16-le")) == text.encode()


def test_undecodable_bytes_become_replacement_characters_with_a_warning() -> None:
    decoded = decode(b"abc\xff\xfe\xfddef", known="utf-8")
    assert decoded.text.startswith("abc")
    assert "\ufffd" in decoded.text
    assert [w.code for w in decoded.warnings] == ["decoding.invalid-bytes"]


def test_head_for_sniffing_strips_a_utf8_bom_and_caps_the_size() -> None:
    assert head_for_sniffing(codecs.BOM_UTF8 + b"{}") == b"{}"
    assert len(head_for_sniffing(b"x" * 100_000, 8192)) == 8192


@pytest.mark.parametrize("declared", ["iso-8859-1", "windows-1252", "iso-8859-2", "koi8-r"])
def test_utf8_under_a_declared_single_byte_charset_is_read_as_utf8(declared: str) -> None:
    # A scraper re-saved the page as UTF-8 and left its <meta charset> behind.
    data = "Der Bürgermeister eröffnet die Brücke über die Förde.".encode()
    decoded = decode(data, declared=declared, html=True)
    assert decoded.text == "Der Bürgermeister eröffnet die Brücke über die Förde."
    assert decoded.encoding == "utf-8"
    assert [w.code for w in decoded.warnings] == ["decoding.undeclared-utf8"]


def test_a_legacy_page_that_is_not_utf8_keeps_its_declared_charset() -> None:
    data = "Der Bürgermeister eröffnet die Brücke.".encode("cp1252")
    decoded = decode(data, declared="iso-8859-1", html=True)
    assert (decoded.text, decoded.encoding, decoded.warnings) == (
        "Der Bürgermeister eröffnet die Brücke.",
        "cp1252",
        (),
    )


def test_a_declared_multibyte_charset_is_not_second_guessed() -> None:
    data = "市議会が予算を可決".encode("shift_jis")
    assert decode(data, declared="shift_jis").text == "市議会が予算を可決"


@pytest.mark.parametrize(
    "label", ["hex", "base64", "rot13", "zlib", "bz2", "uu", "undefined", "unicode_escape", "cp037"]
)
def test_a_codec_that_is_no_text_encoding_is_an_unknown_charset(label: str) -> None:
    decoded = decode(b"<p>Hello</p>", declared=label, html=True)
    assert decoded.text == "<p>Hello</p>"
    assert [w.code for w in decoded.warnings] == ["decoding.unknown-charset"]
    assert normalize_charset(label) is None


def test_an_html_page_saved_as_utf8_under_a_latin1_meta_reads_right() -> None:
    page = (
        "<html><head><meta charset='iso-8859-1'><title>Brücke eröffnet</title></head>"
        "<body><article><p>Der Bürgermeister hat am Montag die neue Brücke über die Förde "
        "eröffnet, nach drei Jahren Bauzeit und einem langen Streit über die Kosten.</p>"
        "</article></body></html>"
    ).encode()
    doc = newsdoc.loads(page)
    assert doc.title == "Brücke eröffnet"
    assert "Bürgermeister" in doc.body
    assert "decoding.undeclared-utf8" in [w.code for w in doc.warnings]
