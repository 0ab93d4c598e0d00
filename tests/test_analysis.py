"""Shared analysis: language tags, URLs, dates, text cleaning, HTML fragments."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from newsdoc.analysis.credits import place_credit_lines, related_lead
from newsdoc.analysis.dates import parse_iso_datetime
from newsdoc.analysis.function_words import words
from newsdoc.analysis.furniture import (
    is_copyright_line,
    is_furniture_line,
    is_reading_time,
    page_word_counts,
    reads_as_buttons,
)
from newsdoc.analysis.identify import settle_language
from newsdoc.analysis.language import normalize_language
from newsdoc.analysis.text import LINE_BREAK, clean_text, comparable
from newsdoc.analysis.urls import comparable_url, dedupe_related, resolve_url, scheme_of
from newsdoc.html.fragment import parse_fragment
from newsdoc.model import Block, Image, Link


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("en_BE", "en-BE"),
        ("EN", "en"),
        ("en-gb", "en-GB"),
        ("zh_hant_tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("de_DE.UTF-8", "de-DE"),
        ("fr_FR@euro", "fr-FR"),
        ("English", None),
        ("", None),
        ("e", None),
        ("en--GB", None),
        # ISO 639-2 codes and withdrawn ones give way to the two-letter code BCP 47 prefers.
        ("eng", "en"),
        ("ger", "de"),
        ("fra-CA", "fr-CA"),
        ("iw", "he"),
        # Country codes pages give as their language.
        ("kr", "ko"),
        ("jp", "ja"),
        ("cz", "cs"),
        # Languages with no two-letter code keep their three letters.
        ("fil", "fil"),
        ("yue-HK", "yue-HK"),
        # A charset in the lang attribute, or a two-letter code that is no language.
        ("utf-8", None),
        ("iso-8859-1", None),
        ("windows-1252", None),
        ("xx", None),
        # A subtag that cannot stand where it does ends the tag.
        ("en-8", "en"),
        ("de-DE-1996", "de-DE-1996"),
    ],
)
def test_normalize_language(raw: str, tag: str | None) -> None:
    assert normalize_language(raw) == tag


@pytest.mark.parametrize(
    ("url", "base", "result"),
    [
        ("/a", "https://example.org/x/y", "https://example.org/a"),
        ("b", "https://example.org/x/y", "https://example.org/x/b"),
        ("//cdn.example.org/i.jpg", "https://example.org/", "https://cdn.example.org/i.jpg"),
        ("https://other.org/", "https://example.org/", "https://other.org/"),
        ("/a", None, "/a"),
        ("/a", "not a url", "/a"),
        ("  /padded  ", "https://example.org/", "https://example.org/padded"),
    ],
)
def test_resolve_url(url: str, base: str | None, result: str) -> None:
    assert resolve_url(url, base) == result


def test_scheme_of() -> None:
    assert scheme_of("HTTPS://x") == "https"
    assert scheme_of("javascript:alert(1)") == "javascript"
    assert scheme_of("/relative:thing") is None
    assert scheme_of("1abc:x") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-05-27 17:46:51", datetime(2026, 5, 27, 17, 46, 51)),
        ("2026-05-27T17:46:00Z", datetime.fromisoformat("2026-05-27T17:46:00+00:00")),
        ("2026-05-27T17:46:00+02:00", datetime.fromisoformat("2026-05-27T17:46:00+02:00")),
        ("2026-05-27", datetime(2026, 5, 27)),
        ("20260527T174600", datetime(2026, 5, 27, 17, 46)),
        # A day with a zone (NITF's "20080219+0100") is the day, not one o'clock.
        ("20080219+0100", datetime(2008, 2, 19)),
        ("2008-02-19+01:00", datetime(2008, 2, 19)),
        ("20080219Z", datetime(2008, 2, 19)),
        ("yesterday", None),
        ("2026-13-45", None),
        ("9" * 200, None),
    ],
)
def test_parse_iso_datetime(raw: str, expected: datetime | None) -> None:
    assert parse_iso_datetime(raw) == expected


def test_naive_stays_naive_and_offsets_are_kept() -> None:
    naive = parse_iso_datetime("2026-05-27 17:46:51")
    aware = parse_iso_datetime("2026-05-27T17:46:00-05:00")
    assert naive is not None
    assert naive.tzinfo is None
    assert aware is not None
    assert aware.utcoffset() == timedelta(hours=-5)


def test_clean_text() -> None:
    assert clean_text("  a\u00a0\u00a0b \n\t c\u200b ") == "a b c"
    assert clean_text(f"line one {LINE_BREAK} line two{LINE_BREAK}{LINE_BREAK}") == (
        "line one\nline two"
    )
    assert clean_text("\u00a0") == ""


def test_fragment_blocks_in_reading_order() -> None:
    fragment = parse_fragment(
        "<h2>Head</h2><p>One <b>bold</b> &amp; <i>more</i>.</p>"
        "<ul><li>a</li><li><p>b</p></li></ul><blockquote><p>Quoted.</p></blockquote>"
        "<pre>  keep\n    spacing</pre><div>loose <span>div</span> text</div>"
        "<p>&nbsp;</p><script>var x = 1;</script><p>line<br>break</p>"
    )
    assert [(block.kind, block.text) for block in fragment.blocks] == [
        ("heading", "Head"),
        ("paragraph", "One bold & more."),
        ("list_item", "a"),
        ("list_item", "b"),
        ("blockquote", "Quoted."),
        ("preformatted", "  keep\n    spacing"),
        ("paragraph", "loose div text"),
        ("paragraph", "line\nbreak"),
    ]


def test_fragment_links_and_images() -> None:
    fragment = parse_fragment(
        '<p>See <a href="/x">the <b>report</b></a> and <a>no href</a>.'
        '<img src="/i.jpg" alt="A bridge"><img src="data:image/png;base64,xx"></p>',
        base_url="https://example.org/news/",
    )
    assert [(link.url, link.text, link.kind) for link in fragment.links] == [
        ("https://example.org/x", "the report", "inline")
    ]
    assert [(image.url, image.caption) for image in fragment.images] == [
        ("https://example.org/i.jpg", "A bridge")
    ]


def test_fragment_text_after_a_skipped_element_is_kept() -> None:
    fragment = parse_fragment("<p>before<script>x()</script> after</p>")
    assert [block.text for block in fragment.blocks] == ["before after"]


def test_fragment_past_the_depth_limit_is_flattened_with_a_warning() -> None:
    markup = "<div>" * 50 + "<p>deep <b>text</b></p><p>too</p>" + "</div>" * 50 + "<p>shallow</p>"
    fragment = parse_fragment(markup, max_depth=20)
    # Past the limit the paragraphs are no longer told apart; their text is all kept.
    assert [block.text for block in fragment.blocks] == ["deep text too", "shallow"]
    assert [w.code for w in fragment.warnings] == ["html.too-deep"]


@pytest.mark.parametrize("markup", ["", "   ", "<!-- only a comment -->", "<?pi x?>"])
def test_fragment_without_elements(markup: str) -> None:
    assert parse_fragment(markup).blocks == ()


def test_fragment_tables_keep_rows_as_blocks() -> None:
    fragment = parse_fragment(
        "<table><tr><th>Year</th><th>Votes</th></tr><tr><td>2024</td><td>93</td></tr></table>"
    )
    assert [block.text for block in fragment.blocks] == ["Year | Votes", "2024 | 93"]


def test_fragment_iframes_become_embed_links_to_what_they_show() -> None:
    fragment = parse_fragment(
        '<p>Before</p><iframe src="https://www.youtube.com/embed/abc" title="Video">'
        "fallback text</iframe><p>After</p>"
        '<iframe data-iframely-url="https://iframely.net/api/iframe?app=1&amp;url='
        'https%3A%2F%2Fx.com%2Fsomeone%2Fstatus%2F123%23_cb99&amp;key=k"></iframe>'
    )
    assert [block.text for block in fragment.blocks] == ["Before", "After"]
    assert [(link.url, link.text, link.kind) for link in fragment.links] == [
        ("https://www.youtube.com/embed/abc", "Video", "embed"),
        ("https://x.com/someone/status/123", None, "embed"),
    ]


def test_fragment_skips_decorative_images() -> None:
    fragment = parse_fragment(
        '<p><img src="https://e.org/icon.png" aria-hidden="true">'
        '<img src="https://e.org/spacer.gif" role="presentation">'
        '<img src="https://e.org/photo.jpg"></p>'
    )
    assert [image.url for image in fragment.images] == ["https://e.org/photo.jpg"]


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("https://cdn.iframely.com/api/iframe?url=https%3A%2F%2Fexample.org%2Fp%23frag",
         "https://example.org/p#frag"),
        ("https://cdn.embedly.com/widgets/media.html?src=https%3A%2F%2Fv.example%2F1",
         "https://v.example/1"),
        ("https://www.youtube.com/embed/abc?url=https://not.a.proxy",
         "https://www.youtube.com/embed/abc?url=https://not.a.proxy"),
        ("https://iframely.net/api/iframe?url=javascript%3Ax",
         "https://iframely.net/api/iframe?url=javascript%3Ax"),
    ],
)  # fmt: skip
def test_embedded_url(src: str, expected: str) -> None:
    from newsdoc.analysis.urls import embedded_url

    assert embedded_url(src) == expected


def test_comparable_url_tells_the_same_page_however_written() -> None:
    same = comparable_url("https://example.org/a")
    assert comparable_url(" HTTP://WWW.Example.org/a/#top ") == same
    assert comparable_url("https://example.org/a?utm_source=x&utm_medium=y") == same
    assert comparable_url("https://example.org/a?id=2") != same
    assert comparable_url("http://[broken/a") == "http://[broken/a"


def test_dedupe_related_keeps_the_first_and_its_missing_text() -> None:
    links = [
        Link(url="https://example.org/a", text=None, kind="related"),
        Link(url="https://example.org/a", text="Inline", kind="inline"),
        Link(url="http://www.example.org/a/", text="A", kind="related"),
    ]
    assert [(link.url, link.text, link.kind) for link in dedupe_related(links)] == [
        ("https://example.org/a", "A", "related"),
        ("https://example.org/a", "Inline", "inline"),
    ]


def test_credit_lines_credit_the_last_image_before_them_without_one() -> None:
    blocks = [
        Block(kind="paragraph", text="Lede."),
        Block(kind="paragraph", text="© BELGA PHOTO X"),
        Block(kind="heading", text="Photo: not a credit in a heading"),
        Block(kind="paragraph", text="Foto: Y"),
        Block(kind="paragraph", text="(c) Z"),
    ]
    images = [Image(url="https://e.example/a.jpg"), Image(url="https://e.example/b.jpg")]
    kept, credited, unplaced = place_credit_lines(blocks, images, [0, 1])
    assert [block.text for block in kept] == ["Lede.", "Photo: not a credit in a heading"]
    assert [image.credit for image in credited] == ["Y", "BELGA PHOTO X"]
    assert unplaced == ["Z"]
    assert images[0].credit is None  # the caller's list is left as it was


def test_a_line_of_page_words_reads_as_buttons_in_any_format() -> None:
    share = words("Share this article on Facebook")
    assert reads_as_buttons(len(share), *page_word_counts(share))
    prose = words("The council voted on the harbour plan")
    assert not reads_as_buttons(len(prose), *page_word_counts(prose))
    # Icon names count only where the caller says (scraped text keeps them, pages do not).
    icons = words("mailicon printicon")
    assert page_word_counts(icons) == (2, 0)
    assert page_word_counts(icons, icons=True) == (2, 2)


def test_fragment_with_an_xml_declaration() -> None:
    fragment = parse_fragment('<?xml version="1.0" encoding="UTF-8"?><p>Kept.</p>')
    assert [block.text for block in fragment.blocks] == ["Kept."]


def test_control_characters_are_not_text() -> None:
    assert clean_text("a\x01b\x7f c\x0bd") == "ab c d"
    assert [b.text for b in parse_fragment("<p>a\x01\x02b</p>").blocks] == ["ab"]


def test_clean_text_keeps_joiners_that_spelling_needs() -> None:
    persian = "می\u200cخواهم"  # ZWNJ is part of the word
    family = "👨\u200d👩\u200d👧"  # ZWJ joins the emoji sequence
    assert clean_text(persian) == persian
    assert clean_text(family) == family
    assert clean_text("soft\u00adhyphen zero\u200bwidth \ufeffbom") == "softhyphen zerowidth bom"


def test_comparable_ignores_case_punctuation_and_spacing_only() -> None:
    assert comparable("Storm Hits  Coast!") == comparable("storm hits coast") == "storm hits coast"
    assert comparable("Co-op wins") == comparable("co op wins")
    assert comparable("Storm hits coast") != comparable("Storm hits the coast")


def test_copyright_lines_are_furniture_in_any_format() -> None:
    assert is_copyright_line("© 2024 Harbour Times")
    assert is_copyright_line("Copyright Harbour Media Group. All rights reserved.")
    assert not is_copyright_line("The copyright dispute went to court in 2024.")
    assert is_furniture_line("(c) 2023 Example News")
    assert is_furniture_line("Share this on WhatsApp")
    assert not is_furniture_line("The harbour reopened on Monday after the storm.")


@pytest.mark.parametrize(
    "line",
    ["4 min read", "12-minute read", "Reading time: 5 minutes", "5 Min. Lesezeit",
     "Lesedauer: ca. 3 Minuten", "Temps de lecture : 4 min", "3 min de lectura",
     "4 minuti di lettura", "Tempo de leitura: 2 minutos", "Leestijd 3 minuten",
     "Czas czytania: 4 min", "⏱ 6 min read", "8 min listen"],
)  # fmt: skip
def test_reading_times_are_furniture(line: str) -> None:
    assert is_reading_time(line)
    assert is_furniture_line(line)


@pytest.mark.parametrize(
    "line", ["The meeting lasted 4 min.", "She read for 40 minutes", "Read the report"]
)
def test_sentences_about_minutes_are_not_reading_times(line: str) -> None:
    assert not is_reading_time(line)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("港の新しい防波堤の工事が来週から始まる。市によると、完成は二年後になる見込みだ。", "ja"),
        ("港口的新防波堤工程将于下周开始。市政府表示，预计两年后完工。", "zh"),
        ("항구의 새 방파제 공사가 다음 주에 시작된다. 시는 완공까지 2년이 걸린다고 밝혔다.",
         "ko"),
        ("Строительство нового волнореза в порту начнётся на следующей неделе, сообщили в мэрии.",
         "ru"),
        ("Будівництво нового хвилерізу в порту почнеться наступного тижня, повідомили в мерії.",
         "uk"),
        ("Изграђња новог лукобрана у луци почиње следеће недеље, саопштила је градска управа.",
         "sr"),
        ("Η κατασκευή του νέου κυματοθραύστη στο λιμάνι ξεκινά την επόμενη εβδομάδα.", "el"),
        ("يبدأ بناء كاسر الأمواج الجديد في الميناء الأسبوع المقبل، بحسب البلدية.", "ar"),
        ("בניית שובר הגלים החדש בנמל תתחיל בשבוע הבא, כך נמסר מהעירייה.", "he"),
        ("Le chantier du port commence la semaine prochaine.", "fr"),
        ("Die Arbeiten am neuen Wellenbrecher im Hafen beginnen nächste Woche.", "de"),
        ("De bouw van de nieuwe golfbreker in de haven begint volgende week.", "nl"),
        ("Ujenzi wa kizuizi kipya cha mawimbi bandarini utaanza wiki ijayo.", "sw"),
        ("Limanda yeni dalgakıranın inşaatı gelecek hafta başlayacak.", "tr"),
        ("निर्माण कार्य अगले सप्ताह बंदरगाह पर शुरू होगा, नगर निगम ने बताया।", "hi"),
    ],
)  # fmt: skip
def test_a_sentence_is_enough_to_name_its_language_in_any_script(
    text: str, language: str | None
) -> None:
    assert settle_language(None, text, []).language == language


def test_a_language_has_one_lexicon_whatever_its_tag_says() -> None:
    from newsdoc.analysis.quotes import lexicon

    english = lexicon("en")
    assert english is not None
    # Tags of other languages, with and without a lexicon, must not push English out.
    for tag in ("ru", "pt-BR", "pl", "sv", "fi", "hu", "tr", "cs", "el", "da", "no", "ro"):
        lexicon(tag)
    for tag in ("en-US", "en-GB", "EN", "en-au", "de-CH", "fr-BE", "nl-BE", "es-MX", "it-CH"):
        lexicon(tag)
    assert lexicon("en-US") is english
    assert lexicon("EN-gb") is english
    assert lexicon("de-AT") is lexicon("de")
    assert lexicon("ru") is None
    assert lexicon("x1") is None


def test_a_lexicon_with_a_misspelt_key_is_refused_with_the_key_named() -> None:
    from newsdoc.analysis.lexicons import lexicon_from_data

    with pytest.raises(ValueError, match=r"lexicon xx\.json: extra fields found \(cuess\)"):
        lexicon_from_data({"cues": ["said"], "cuess": ["told"]}, "xx")


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ({"cues": "said"}, r"\$\.cues"),  # a string, not a list of words
        ({"cues": ["said", 1]}, r"\$\.cues"),
        ({"phrasal_cues": [["went"]]}, r"\$\.phrasal_cues\[0\]"),
        ({"pronouns": {"he": 1}}, r"\$\.pronouns\['he'\]"),
        ({"null_subject": "no"}, r"\$\.null_subject"),
        (["said"], "not a JSON object"),
    ],
)  # fmt: skip
def test_a_lexicon_value_of_the_wrong_shape_is_refused(data: object, where: str) -> None:
    from newsdoc.analysis.lexicons import lexicon_from_data

    with pytest.raises(ValueError, match=where):
        lexicon_from_data(data, "xx")


def test_a_lexicon_file_reads_as_its_words_in_lower_case() -> None:
    from newsdoc.analysis.lexicons import lexicon_from_data

    words = lexicon_from_data(
        {
            "language": "xx",
            "cues": ["Said"],
            "phrasal_cues": [["Went", "On"]],
            "quotatives": ["と", "라고"],
        },
        "xx",
    )
    assert words.cues == frozenset({"said"})
    assert words.phrasal_cues == frozenset({("went", "on")})
    assert words.quotatives == ("라고", "と")  # longest first
    assert words.auxiliaries == frozenset()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("3 серпня 2023", datetime(2023, 8, 3)),
        ("21. kolovoza 2023, 10:15", datetime(2023, 8, 21, 10, 15)),
        ("5 Δεκεμβρίου 2023", datetime(2023, 12, 5)),
        ("12. októbra 2023", datetime(2023, 10, 12)),
        ("Objavljeno: 2. veljače 2024.", datetime(2024, 2, 2)),
        ("Опубліковано: 30 листопада 2022", datetime(2022, 11, 30)),
    ],
)
def test_dates_in_ukrainian_croatian_greek_and_slovak_month_names(
    line: str, expected: datetime
) -> None:
    from newsdoc.analysis.dates import parse_date_line

    found = parse_date_line(line)
    assert found is not None
    assert found.value == expected


@pytest.mark.parametrize(
    ("line", "announced"),
    [
        ("Read also: The quay reopens", "The quay reopens"),
        ("Lees ook - De kade gaat weer open", "De kade gaat weer open"),
        # Labels the plain-text format did not know before it shared the HTML rule.
        ("Related news: The quay reopens", "The quay reopens"),
        ("Don't miss: The quay reopens", "The quay reopens"),
        ("The quay reopens: what changes", None),
    ],
)
def test_a_related_lead_gives_what_it_announces(line: str, announced: str | None) -> None:
    assert related_lead(line) == announced
