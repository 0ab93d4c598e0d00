"""A document's language: stated by its source, identified from its text, or both weighed.

The rule (``newsdoc.analysis.identify.settle_language``) runs once for every format, after the
parser; these tests go through ``newsdoc.loads`` for the formats and through the rule itself
for its thresholds.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import newsdoc
from newsdoc.analysis import identify as identify_module
from newsdoc.analysis.identify import (
    MIN_CONFIDENCE,
    OVERRIDE_CONFIDENCE,
    OVERRIDE_LETTERS,
    Identified,
    Settled,
    identify,
    settle_language,
)
from newsdoc.errors import ParseError

SWAHILI = (
    "Ujenzi wa kizuizi kipya cha mawimbi katika bandari utaanza wiki ijayo, halmashauri ya "
    "jiji ilisema Jumatatu. Mradi huo utachukua miaka miwili na kugharimu euro milioni "
    "arobaini. Wavuvi wa eneo hilo wamesema wanaunga mkono mpango huo, lakini wanataka "
    "kuhakikishiwa kwamba boti zao zitaendelea kuingia na kutoka bandarini wakati wote wa "
    "ujenzi. Meya wa jiji aliwaambia waandishi wa habari kwamba serikali itatoa fidia kwa wale "
    "watakaopoteza kipato chao, na kwamba mikutano ya wananchi itafanyika kila mwezi."
)
GERMAN = (
    "Die Arbeiten am neuen Wellenbrecher im Hafen beginnen in der kommenden Woche, teilte die "
    "Stadtverwaltung am Montag mit. Das Projekt soll zwei Jahre dauern und vierzig Millionen "
    "Euro kosten. Die Fischer der Gegend unterstützen den Plan, wollen aber sicher sein, dass "
    "ihre Boote während der gesamten Bauzeit in den Hafen ein- und auslaufen können. Der "
    "Bürgermeister sagte, die Stadt werde alle entschädigen, die Einnahmen verlieren, und jeden "
    "Monat eine Bürgerversammlung abhalten, um über den Fortschritt zu berichten."
)
PORTUGUESE = (
    "As obras do novo quebra-mar do porto começam na semana que vem, anunciou a prefeitura na "
    "segunda-feira. O projeto vai durar dois anos e custar quarenta milhões de reais. Os "
    "pescadores da região apoiam o plano, mas querem garantias de que seus barcos poderão "
    "entrar e sair do porto durante toda a obra. O prefeito disse que a cidade vai indenizar "
    "quem perder renda e que haverá reuniões com os moradores todos os meses para explicar "
    "o andamento dos trabalhos e ouvir as queixas de cada bairro."
)
NORWEGIAN = (
    "Arbeidet med den nye moloen i havna starter neste uke, opplyste kommunen mandag. Prosjektet "
    "skal ta to år og koste førti millioner euro. Fiskerne i området støtter planen, men vil "
    "være sikre på at båtene deres kan gå inn og ut av havna i hele byggeperioden. Ordføreren "
    "sa at kommunen vil gi erstatning til dem som taper inntekter, og at det blir holdt "
    "folkemøter hver måned for å fortelle hvordan arbeidet går."
)


def _page(body: str, lang: str | None = None, title: str = "Hafen") -> bytes:
    attribute = f' lang="{lang}"' if lang is not None else ""
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in body.split(". "))
    return (
        f"<!doctype html><html{attribute}><head><title>{title}</title></head><body>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def _codes(document: newsdoc.Document) -> list[str]:
    return [warning.code for warning in document.warnings]


# -- nothing stated: the text's language ----------------------------------------------------------


def test_a_page_that_states_no_language_gets_its_texts() -> None:
    doc = newsdoc.loads(_page(GERMAN))
    assert doc.metadata.language == "de"
    assert "language.mismatch" not in _codes(doc)


@pytest.mark.parametrize(
    "record",
    [
        {"title": "Hafenarbeiten beginnen", "maintext": GERMAN, "source_domain": "a.example"},
        {"@type": "NewsArticle", "headline": "Hafenarbeiten beginnen", "articleBody": GERMAN},
    ],
)
def test_a_record_without_a_language_field_gets_its_texts(record: dict[str, str]) -> None:
    assert newsdoc.loads(json.dumps(record).encode()).metadata.language == "de"


def test_a_feed_item_gets_the_language_of_its_text_when_the_feed_states_none() -> None:
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Hafen</title>'
        f"<item><title>Hafenarbeiten</title><description>{GERMAN}</description></item>"
        "</channel></rss>"
    ).encode()
    (item,) = newsdoc.loads_all(feed)
    assert item.metadata.language == "de"


def test_plain_text_gets_the_language_of_its_text() -> None:
    doc = newsdoc.loads(f"Hafenarbeiten beginnen nächste Woche\n\n{GERMAN}\n".encode())
    assert doc.metadata.language == "de"


def test_a_tag_that_is_no_language_is_dropped_and_the_texts_language_taken() -> None:
    doc = newsdoc.loads(_page(GERMAN, lang="utf-8"))
    assert doc.metadata.language == "de"
    assert "metadata.bad-language" in _codes(doc)


def test_a_record_whose_tag_is_no_language_gets_its_texts_with_a_warning() -> None:
    record = {"title": "Hafen", "maintext": GERMAN, "source_domain": "a", "language": "12"}
    doc = newsdoc.loads(json.dumps(record).encode())
    assert doc.metadata.language == "de"
    assert "metadata.bad-language" in _codes(doc)


# -- stated, and the text agrees ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("stated", "body"),
    [("pt-BR", PORTUGUESE), ("de-AT", GERMAN), ("nb", NORWEGIAN), ("nn", NORWEGIAN)],
)
def test_a_stated_dialect_or_region_stays_when_the_text_agrees_on_the_language(
    stated: str, body: str
) -> None:
    doc = newsdoc.loads(_page(body, lang=stated))
    assert doc.metadata.language == stated
    assert "language.mismatch" not in _codes(doc)


def test_a_stated_script_stays_when_the_text_is_that_language() -> None:
    text = "市政府週一宣布，港口新防波堤工程將於下週開工。工程預計歷時兩年，耗資四千萬歐元。" * 8
    assert settle_language("zh-Hant", "港口工程下週開工", [text]).language == "zh-Hant"
    assert settle_language("zh-Hant", "港口工程下週開工", [text]).mismatch is None


@pytest.mark.parametrize(
    ("stated", "read"),
    [
        ("hr", "sr"),
        ("sr-Latn", "bs"),
        ("id", "ms"),
        ("no", "nb"),
        ("nb-NO", "no"),
        ("zh-TW", "yue"),
    ],
)
def test_a_close_kin_of_the_stated_language_is_no_mismatch(
    stated: str, read: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    certain = Identified(language=read, confidence=1.0, letters=1000)
    monkeypatch.setattr(identify_module, "identify", lambda text: certain)
    settled = settle_language(stated, None, ["x" * OVERRIDE_LETTERS])
    assert settled == Settled(stated)


def test_a_reading_just_short_of_certain_leaves_the_stated_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    almost = Identified(language="sw", confidence=OVERRIDE_CONFIDENCE - 0.01, letters=1000)
    monkeypatch.setattr(identify_module, "identify", lambda text: almost)
    assert settle_language("en", None, ["x" * OVERRIDE_LETTERS]) == Settled("en")


# -- stated, and the text is confidently another language -----------------------------------------


def test_a_long_text_confidently_in_another_language_replaces_the_stated_one() -> None:
    doc = newsdoc.loads(_page(SWAHILI, lang="en-US", title="Ujenzi wa bandari kuanza"))
    assert doc.metadata.language == "sw"  # the primary subtag alone: en-US's region is not sw's
    (warning,) = [w for w in doc.warnings if w.code == "language.mismatch"]
    assert "'en-US'" in warning.message
    assert "'sw'" in warning.message


def test_a_mismatch_is_an_error_under_strict() -> None:
    with pytest.raises(ParseError, match=r"language\.mismatch") as info:
        newsdoc.loads(_page(SWAHILI, lang="en"), strict=True)
    assert info.value.code == "language.mismatch"


def test_a_record_that_states_english_over_german_text_reads_as_german() -> None:
    record = {"title": "Hafen", "maintext": GERMAN, "source_domain": "a", "language": "en"}
    doc = newsdoc.loads(json.dumps(record).encode())
    assert doc.metadata.language == "de"
    assert _codes(doc) == ["language.mismatch"]


# -- short or doubtful text -----------------------------------------------------------------------


def test_short_text_never_overrides_a_stated_language() -> None:
    short = GERMAN[:200]
    assert len(short) < OVERRIDE_LETTERS
    doc = newsdoc.loads(_page(short, lang="en"))
    assert doc.metadata.language == "en"
    assert "language.mismatch" not in _codes(doc)


@pytest.mark.parametrize("title", ["Mozilla", "New Zealand", "12.05.2024", "", "OK"])
def test_too_little_text_names_no_language(title: str) -> None:
    assert settle_language(None, title, []).language is None


def test_a_doubtful_reading_names_no_language() -> None:
    found = identify("Hermitian matrix, Hilbert space")
    assert found is None or found.confidence < MIN_CONFIDENCE
    assert settle_language(None, "Hermitian matrix, Hilbert space", []).language is None


def test_placeholder_latin_never_replaces_a_stated_language() -> None:
    lorem = (
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
        "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure "
        "dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. "
        "Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt "
        "mollit anim id est laborum."
    )
    assert settle_language("en", "Document", [lorem]).language == "en"


def test_only_the_first_characters_are_read() -> None:
    # A long body is sampled, not read whole: German after a long Swahili opening is not seen.
    settled = settle_language(None, None, [SWAHILI * 4, GERMAN * 20])
    assert settled.language == "sw"


def test_importing_newsdoc_does_not_load_the_model() -> None:
    code = (
        "import sys, newsdoc; print(sorted(m for m in ('py3langid', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
