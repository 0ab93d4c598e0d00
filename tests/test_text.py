"""The plain-text format: seeds, noise, structure, datelines, bylines, several stories, sniffing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

import newsdoc
from newsdoc import Link
from newsdoc.analysis.bylines import given_name_first, parse_byline, writers_by_role
from newsdoc.analysis.dates import parse_date_line
from newsdoc.parsers.text import sniff

FIXTURES = Path(__file__).parent / "fixtures" / "text"
SEED_001 = FIXTURES / "001_341cdde2088a4b3c.txt"
SEED_002 = FIXTURES / "002_cfe5ab7040de100c.txt"


# -- the seeds ---------------------------------------------------------------------------------


def test_seed_001_reads_as_a_careful_reader_would() -> None:
    doc = newsdoc.load(SEED_001)
    assert doc.format == "text"
    assert doc.title == "Russia to evacuate its diplomats from Ukraine"
    assert doc.metadata.published == datetime(2022, 2, 22, 19, 2)
    assert doc.subtitle == (
        "Kiev has failed to provide appropriate security for Moscow’s diplomatic staff, "
        "the Foreign Ministry has said"
    )
    assert doc.blocks[0].text.startswith("Moscow is set to withdraw")
    assert doc.blocks[-1].text.endswith("by the separatists themselves.")
    assert "icon" not in doc.body
    assert doc.title not in doc.body  # the caption that repeats the title is gone
    assert doc.warnings == ()


def test_seed_002_holds_two_stories_and_their_navigation() -> None:
    first, second = newsdoc.load_all(SEED_002)
    assert first.title == (
        "The Russian Consul General in Antwerp is among those declared persona non grata by Belgium"
    )
    assert second.title == "Russia has been expelled from the Human Rights Council"
    assert first.blocks[-1].text.endswith("cannot go unanswered, Borel said.")
    assert second.blocks[0].text.startswith("The United Nations General Assembly")
    for doc in (first, second):
        assert "Previous post" not in doc.body
        assert "Next post" not in doc.body
    assert [link for link in second.links if link.kind == "navigation"] == [
        Link(
            url=None,
            text="The Finns want to join NATO because of Russian aggression",
            kind="navigation",
        ),
        Link(
            url=None,
            text="Europe freezes $ 32 billion in assets of Russian oligarchs",
            kind="navigation",
        ),
    ]


def test_load_of_a_dump_returns_the_first_story_with_the_contract_warning() -> None:
    doc = newsdoc.load(SEED_002)
    assert doc.title is not None
    assert doc.title.startswith("The Russian Consul General")
    assert [w.code for w in doc.warnings] == ["source.multiple-documents"]
    assert "2 documents" in doc.warnings[0].message


# -- sniffing ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        b'{"title": "JSON is not text"}',
        b"[1, 2, 3]",
        b"<!DOCTYPE html><html><body><p>Hello there, reader.</p></body></html>",
        b"<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>",
        b"<p>A fragment</p>",
        b"Text with <b>tags</b> in <i>every</i> <a href='x'>other</a> <span>word</span> <em>x</em>",
        bytes(range(256)),
        b"\x00\x01\x02 binary",
        b"12345 67890 12345 67890 +-*/ 12345",
        b"",
    ],
)
def test_sniff_never_claims_json_markup_or_binary(head: bytes) -> None:
    assert sniff(head, None) == 0.0


def test_sniff_claims_prose_with_a_low_score() -> None:
    assert 0.0 < sniff(SEED_001.read_bytes()[:8192], None) < 0.5
    assert 0.0 < sniff("Café au lait à Liège.\n".encode("latin-1"), None) < 0.5


def test_a_prezly_story_named_txt_is_still_prezly() -> None:
    assert newsdoc.detect(Path(__file__).parent / "fixtures/prezly/000_8ad76214cebdd4ac.txt") == (
        "prezly"
    )


# -- dates and bylines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("22 Feb, 2022 19:02", "published", datetime(2022, 2, 22, 19, 2)),
        ("February 22, 2022", "published", datetime(2022, 2, 22)),
        ("2022-02-22T19:02:00Z", "published", datetime(2022, 2, 22, 19, 2, tzinfo=UTC)),
        ("Published: 22.02.2022", "published", datetime(2022, 2, 22)),
        ("Updated 3 hours ago", "modified", None),
        (
            "Updated: Feb. 23, 2022 at 10:15 a.m. CET",
            "modified",
            datetime(2022, 2, 23, 10, 15, tzinfo=timezone(timedelta(hours=1))),
        ),
        ("Tuesday 22 February 2022", "published", datetime(2022, 2, 22)),
        ("22 februari 2022 om 14:05", "published", datetime(2022, 2, 22, 14, 5)),
        # Portuguese, with a weekday of two words
        (
            "segunda-feira, 21 de fevereiro de 2022 às 9:40",
            "published",
            datetime(2022, 2, 21, 9, 40),
        ),
        ("Aktualisiert am 23.02.2022, 10:15 Uhr", "modified", datetime(2022, 2, 23, 10, 15)),
        ("02/22/2022", "published", datetime(2022, 2, 22)),
        # German "Stand" dates the version shown; "Erstellt" is the first; weekday abbreviated
        ("Stand: 14.03.2023 08:45 Uhr", "modified", datetime(2023, 3, 14, 8, 45)),
        ("Erstellt: 14.03.2023, 08:45 Uhr", "published", datetime(2023, 3, 14, 8, 45)),
        ("Zuletzt aktualisiert am 15.03.2023", "modified", datetime(2023, 3, 15)),
        ("Di, 14.03.2023, 08.45 Uhr", "published", datetime(2023, 3, 14, 8, 45)),
        ("modifié le 15 mars 2023 à 10h30", "modified", datetime(2023, 3, 15, 10, 30)),
        ("Publicado el 14 de marzo de 2023 a las 8:45", "published", datetime(2023, 3, 14, 8, 45)),
        ("14 March 2023 • 8:45pm", "published", datetime(2023, 3, 14, 20, 45)),
        # "at" before the time in Italian and Polish; Spanish "h" after it
        ("Pubblicato il 9/05/2024 alle ore 17:20", "published", datetime(2024, 5, 9, 17, 20)),
        ("9 maggio 2024 ore 17:20", "published", datetime(2024, 5, 9, 17, 20)),
        ("9 maja 2024 o 17:20", "published", datetime(2024, 5, 9, 17, 20)),
        ("Actualizado el 9 may 2024 a las 17:20 h", "modified", datetime(2024, 5, 9, 17, 20)),
        # Counted back from a moment the page does not give: a date line without a value
        ("vor 5 Stunden", "published", None),
        ("Il y a 2 jours", "published", None),
        ("gisteren, 21:10", "published", None),
        ("hace 3 horas", "published", None),
        # Central and Northern Europe, Russian, Turkish: month names in their cases, the
        # word "year" after the year, "kl."/"klo"/"godz." before the time, labels
        ("Opublikowano: 14 marca 2023 r., godz. 10:30", "published", datetime(2023, 3, 14, 10, 30)),
        ("Aktualizováno 15. března 2023", "modified", datetime(2023, 3, 15)),
        ("Обновлено 15 марта 2023 г., 10:30", "modified", datetime(2023, 3, 15, 10, 30)),
        ("14 Mart 2023 10:30", "published", datetime(2023, 3, 14, 10, 30)),
        ("Publisert 14. mars 2023 kl. 10:30", "published", datetime(2023, 3, 14, 10, 30)),
        ("Päivitetty 15. maaliskuuta 2023 klo 10.30", "modified", datetime(2023, 3, 15, 10, 30)),
        ("14 martie 2023", "published", datetime(2023, 3, 14)),
        # Year first: Hungarian, Chinese, Japanese, Korean (afternoon marked), numeric
        ("2023. március 14.", "published", datetime(2023, 3, 14)),
        ("2023年3月14日 星期二 10:30", "published", datetime(2023, 3, 14, 10, 30)),
        ("2023年3月14日(火) 午後3時05分", "published", datetime(2023, 3, 14, 15, 5)),
        ("2023년 3월 14일 화요일 오후 3:05", "published", datetime(2023, 3, 14, 15, 5)),
        ("2023/03/14 10:30", "published", datetime(2023, 3, 14, 10, 30)),
        # Italian updates, Portuguese and Italian dates counted back
        ("modifica il 9 maggio 2023 11:40", "modified", datetime(2023, 5, 9, 11, 40)),
        ("Atualizado há 2 horas", "modified", None),
        ("Aggiornato 3 ore fa", "modified", None),
        ("Publié aujourd’hui à 08h45", "published", None),
        ("Last modified on Tue 14 Mar 2023 10.30", "modified", datetime(2023, 3, 14, 10, 30)),
        # Labels that name the date rather than the act
        ("Erscheinungsdatum: 14.03.2023", "published", datetime(2023, 3, 14)),
        ("Publication date: 14 March 2023", "published", datetime(2023, 3, 14)),
        ("Date published: 14 March 2023", "published", datetime(2023, 3, 14)),
        ("Date modified: 15 March 2023", "modified", datetime(2023, 3, 15)),
        ("Last revised on 15 March 2023", "modified", datetime(2023, 3, 15)),
        ("Dated 14 March 2023", "published", datetime(2023, 3, 14)),
        ("Fecha de publicación: 14/03/2023", "published", datetime(2023, 3, 14)),
        ("Data di pubblicazione: 14/03/2023", "published", datetime(2023, 3, 14)),
        ("Publiziert: 14.03.2023, 08:45", "published", datetime(2023, 3, 14, 8, 45)),
        ("Data publikacji: 14.03.2023", "published", datetime(2023, 3, 14)),
        ("Date posted: 14/03/2023", "published", datetime(2023, 3, 14)),
        ("Filed: Mar 14, 2023", "published", datetime(2023, 3, 14)),
        ("Released: March 14, 2023", "published", datetime(2023, 3, 14)),
        # Romanian, Hungarian, Croatian, Ukrainian and Greek labels
        ("Publicat: 14.03.2023 10:30", "published", datetime(2023, 3, 14, 10, 30)),
        ("Frissítve: 2023.03.15. 08:00", "modified", datetime(2023, 3, 15, 8, 0)),
        ("Objavljeno: 14.03.2023.", "published", datetime(2023, 3, 14)),
        (
            "\u041e\u043d\u043e\u0432\u043b\u0435\u043d\u043e: 15.03.2023",
            "modified",
            datetime(2023, 3, 15),
        ),
        (
            "\u0394\u03b7\u03bc\u03bf\u03c3\u03b9\u03b5\u03cd\u03b8\u03b7\u03ba\u03b5: 14/03/2023",
            "published",
            datetime(2023, 3, 14),
        ),
        # Korean, Japanese and Chinese labels
        ("기사입력 :[ 2023-03-14 10:30 ]", "published", datetime(2023, 3, 14, 10, 30)),
        ("수정 2023.03.15 08:00", "modified", datetime(2023, 3, 15, 8, 0)),
        ("公開日：2023年3月14日", "published", datetime(2023, 3, 14)),
        ("更新日：2023年3月15日", "modified", datetime(2023, 3, 15)),
        ("发布时间：2023-03-14 10:30", "published", datetime(2023, 3, 14, 10, 30)),
        # Zones of other continents, and German winter time
        (
            "01:38:07 PM IST Mar 14, 2023",
            "published",
            datetime(2023, 3, 14, 13, 38, 7, tzinfo=timezone(timedelta(hours=5, minutes=30))),
        ),
        (
            "14.03.2023, 08:45 MEZ",
            "published",
            datetime(2023, 3, 14, 8, 45, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "14 March 2023 10:30 AEDT",
            "published",
            datetime(2023, 3, 14, 10, 30, tzinfo=timezone(timedelta(hours=11))),
        ),
        (
            "July 4, 2022 9:02 AM ET",  # US Eastern, in daylight saving time
            "published",
            datetime(2022, 7, 4, 9, 2, tzinfo=timezone(timedelta(hours=-4))),
        ),
    ],
)
def test_date_lines(line: str, kind: str, value: datetime | None) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert (found.kind, found.value) == (kind, value)


@pytest.mark.parametrize(
    "line",
    [
        "The meeting on 22 February 2022 was long.",
        "He was born in 1970 and moved to Ghent.",
        "2022",
        "Section 12.4.2022 of the code",
        "22 Feb",  # no year: cannot be placed
        "Urodził się w 2023 r. w Gdańsku",
        "2023年3月14日に市議会が予算を可決した",
    ],
)
def test_a_date_inside_a_sentence_or_without_a_year_is_not_a_date_line(line: str) -> None:
    assert parse_date_line(line) is None


def test_a_date_in_the_middle_of_the_body_is_not_the_publication_date() -> None:
    doc = newsdoc.load(FIXTURES / "mid_sentence_date_blockquote.txt")
    assert doc.metadata.published is None
    assert "14 July 2019" in doc.body


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("Author: Maria Garcia", ["Maria Garcia"]),
        ("By JANE DOE, Reuters", ["Jane Doe"]),
        ("Written by Ann Lee, Tom Baker & Lisa de Jong", ["Ann Lee", "Tom Baker", "Lisa de Jong"]),
        ("Door Pieter De Vos en An Peeters", ["Pieter De Vos", "An Peeters"]),
        ("Von Anna Müller und Jörg Schmidt", ["Anna Müller", "Jörg Schmidt"]),
        ("Par Sophie Lambert, à Bruxelles", ["Sophie Lambert"]),
        # An agency or a job after the name is not a person
        ("By TOM BAKER, Associated Press", ["Tom Baker"]),
        ("By Lisa de Jong, Chief Political Correspondent", ["Lisa de Jong"]),
        ("By Ann Lee for The Northern Echo", ["Ann Lee"]),
        ("Ein Kommentar von Jörg Schmidt", ["Jörg Schmidt"]),
        ("Gastbeitrag von Jörg Schmidt", ["Jörg Schmidt"]),
        ("Kommentar von Lena Brandt", ["Lena Brandt"]),
        ("Text: Anna Müller", ["Anna Müller"]),
        # Labels of other languages
        ("Автор: Ирина Соколова", ["Ирина Соколова"]),
        ("Yazar: Elif Demir", ["Elif Demir"]),
        ("Autorka: Zofia Wrona", ["Zofia Wrona"]),
        ("Texto: Rui Matos", ["Rui Matos"]),
        ("Kirjoittanut Aino Laine", ["Aino Laine"]),
        ("Submitted by Aino Laine", ["Aino Laine"]),
        # An outlet and its city after the name, and an agency's own name
        ("Por Rui Matos, N10 Campinas", ["Rui Matos"]),
        ("By Rui Matos, European Space Agency", ["Rui Matos"]),
        # Credits for other work, and an agency in brackets, are not writers
        ("By Ines Vidal | Photographs by Rui Matos", ["Ines Vidal"]),
        ("Story by Ines Vidal • Photos by Rui Matos", ["Ines Vidal"]),
        ("Text: Anna Vogt, Fotos: Jan Kühn", ["Anna Vogt"]),
        ("By Ines Vidal with additional reporting by Rui Matos", ["Ines Vidal"]),
        ("Par Claire Morel (avec AFP)", ["Claire Morel"]),
        # Chinese, Japanese and Korean
        ("記者：山田花子", ["山田花子"]),
        ("记者 王伟 陈静", ["王伟", "陈静"]),
        ("取材・文：佐藤健、鈴木愛", ["佐藤健", "鈴木愛"]),
        ("(부산=연합뉴스) 김민준 기자 =", ["김민준"]),
        ("Von Anna Vogt (dpa)", ["Anna Vogt"]),
        ("Текст: Ирина Волкова", ["Ирина Волкова"]),
        # A period that ends a sentence parts the name from the publication after it
        ("By Lena Brandt. Lakeside Times", ["Lena Brandt"]),
        # Academic titles stay with the name
        (
            "Von Prof. Dr. Lena Brandt und Dr. med. Jörg Keil",
            ["Prof. Dr. Lena Brandt", "Dr. med. Jörg Keil"],
        ),
        # A publishing system's account or a newsroom's collective name signs for nobody
        # A colon after the label, a list in capitals, agencies and news organisations
        ("Written by: Ann Lee", ["Ann Lee"]),
        ("Verfasst von Anna Vogt", ["Anna Vogt"]),
        ("Szerző: Kovács Anna", ["Kovács Anna"]),
        ("Rédigé par Claire Morel", ["Claire Morel"]),
        ("A cura di Marco Gatti", ["Marco Gatti"]),
        ("Author(s): Ann Lee, Tom Baker", ["Ann Lee", "Tom Baker"]),
        ("BY ANN LEE AND TOM BAKER", ["Ann Lee", "Tom Baker"]),
        ("By The Associated Press", ["Associated Press"]),
        ("By dpa/AFP", ["dpa", "AFP"]),
        ("Posted by jdadmin", []),
        ("Von Redaktion", []),
        ("By Staff", []),
        ("Door redactie", []),
    ],
)
def test_bylines(line: str, names: list[str]) -> None:
    found = parse_byline(line)
    assert found is not None
    assert found[0] == names


@pytest.mark.parametrize(
    ("line", "writers"),
    [
        ("Lena Brandt (Text), Jörg Keil (Fotos)", ["Lena Brandt"]),
        ("Lena Brandt (Text) und Jörg Keil (Bilder)", ["Lena Brandt"]),
        ("Ines Vidal (words) | Rui Matos (photography)", ["Ines Vidal"]),
        ("Jörg Keil (Fotos)", []),
        # A place or anything else in brackets: not credits
        ("Lena Brandt (Berlin)", None),
        ("Lena Brandt (Text), Harbour City (2023)", None),
        ("The council (Text)", None),
    ],
)
def test_credits_that_give_each_contributors_work_in_brackets(
    line: str, writers: list[str] | None
) -> None:
    assert writers_by_role(line) == writers


@pytest.mark.parametrize(
    "line",
    [
        "by the river we sat",
        "By 2030, half of all cars",
        "Bye",
        "By HARBOUR GAZETTE STAFF",
        "Hunderte von Menschen",
        "記者会見で市長が説明した",
        "文化の日に",
        "시장은 기자회견에서 말했다",
    ],
)
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


# -- noise and structure -----------------------------------------------------------------------


def test_a_byline_of_the_newsroom_is_not_body_text() -> None:
    text = (
        "Harbour ferry timetable changes in May\n\nVon Redaktion\n\n"
        "The harbour ferry will run on a new timetable from the first of May, the operator "
        "said on Monday. Boats will leave every twenty minutes instead of every half hour.\n\n"
        "Evening services are cut back after nine o'clock, when few passengers travel.\n"
    )
    doc = newsdoc.loads(text.encode())
    assert doc.metadata.authors == ()
    assert doc.blocks[0].text.startswith("The harbour ferry will run")
    assert doc.metadata.extra["byline"] == ("Redaktion",)


def _body_of(*lines: str) -> str:
    return newsdoc.loads("\n\n".join(lines).encode(), format="text").body


_STORY = (
    "Harbour cranes return to work after the strike",
    "Dock workers in Antwerp ended their strike on Monday after the unions and the employers "
    "agreed on a new wage deal, the port authority said.",
    "The cranes were back in operation by the afternoon shift.",
)


@pytest.mark.parametrize(
    "noise",
    [
        "Click here to subscribe",
        "Share on WhatsApp",
        "Follow us on Instagram",
        "Sign up for our newsletter to get the best stories in your inbox.",
        "We use cookies to personalise content. By using our site you consent to cookies.",
        "Advertisement",
        "Read more",
        "Show comments",
        "Copyright © 2024 Harbour News. All rights reserved.",
        "arrowicon closeicon shareicon mailicon searchicon menuicon playicon pauseicon",
    ],
)
def test_page_furniture_never_reaches_the_body(noise: str) -> None:
    title, *paragraphs = _STORY
    body = _body_of(title, noise, *paragraphs, noise)
    assert noise not in body
    assert body == "\n\n".join(paragraphs)


def test_short_subheadings_stay_in_their_story() -> None:
    docs = list(newsdoc.loads_all((FIXTURES / "subheadings_and_lists.txt").read_bytes()))
    assert len(docs) == 1
    headings = [block.text for block in docs[0].blocks if block.kind == "heading"]
    assert headings == ["What changes first", "Who pays"]


def test_a_dump_with_bylines_after_each_headline_splits_into_its_stories() -> None:
    docs = list(newsdoc.load_all(FIXTURES / "three_story_digest.txt"))
    assert [doc.metadata.authors[0].name for doc in docs] == [
        "Tom Baker",
        "Lisa de Jong",
        "Tom Baker",
    ]
    assert docs[2].metadata.published == datetime(2022, 3, 4)


def test_urls_in_the_text_are_inline_links() -> None:
    doc = newsdoc.load(FIXTURES / "iso_date_and_links.txt")
    assert [(link.url, link.kind) for link in doc.links] == [
        ("https://data.example.gov/catalogue/new-datasets", "inline"),
        ("https://www.data.example.gov/api", "inline"),
    ]


def test_a_file_of_only_noise_is_a_document_with_no_blocks_and_a_warning() -> None:
    doc = newsdoc.load(FIXTURES / "only_noise.txt")
    assert doc.blocks == ()
    assert "text.no-content" in [w.code for w in doc.warnings]


def test_latin1_and_windows_line_endings() -> None:
    french = newsdoc.load(FIXTURES / "latin1_french.txt")
    assert french.title == "Bruxelles lance une prime à la rénovation énergétique"
    assert french.metadata.language == "fr"
    crlf = newsdoc.load(FIXTURES / "windows_line_endings.txt")
    assert "\r" not in crlf.body
    assert crlf.metadata.published == datetime(2022, 2, 22)


def test_hard_wrapped_lines_are_joined_into_paragraphs() -> None:
    doc = newsdoc.load(FIXTURES / "hard_wrapped_email.txt")
    assert len(doc.blocks) == 3
    assert doc.blocks[0].text.startswith("The central library will stay open until midnight")
    assert doc.blocks[0].text.endswith("the city announced on Tuesday.")


@pytest.mark.parametrize(
    ("line", "labelled"),
    [
        ("Published: 22 February 2022", True),
        ("Bijgewerkt op 22 februari 2022", True),
        ("On 22 February 2022", False),
        ("22 February 2022", False),
    ],
)
def test_a_date_line_says_whether_a_label_names_its_date(line: str, labelled: bool) -> None:
    found = parse_date_line(line)
    assert found is not None
    assert found.labelled is labelled


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doe, Jane", "Jane Doe"),
        ("Müller, Anna", "Anna Müller"),
        ("Dupont, Marie-Claire", "Marie-Claire Dupont"),
        ("Roe, J.", "J. Roe"),
        ("Reuters, AP", "Reuters, AP"),
        ("Smith, Jones", "Smith, Jones"),
        ("Jane Doe, John Roe", "Jane Doe, John Roe"),
    ],
)
def test_names_written_surname_first(text: str, expected: str) -> None:
    assert given_name_first(text) == expected


def test_a_metadata_line_with_an_update_by_its_time_and_a_reading_time() -> None:
    text = (
        "Grève des contrôleurs : le trafic aérien perturbé mardi\n"
        "Par Claire Morel (avec AFP)\n"
        "Publié le 14 mars 2023 à 08h45, modifié à 10h30\n"
        "Temps de lecture : 3 min\n"
        "La moitié des vols au départ de Lyon seront annulés mardi, a annoncé la direction "
        "de l'aéroport lundi soir. Les compagnies préviennent leurs passagers par message.\n"
    )
    doc = newsdoc.loads(text.encode(), format="text")
    assert [author.name for author in doc.metadata.authors] == ["Claire Morel"]
    assert doc.metadata.published == datetime(2023, 3, 14, 8, 45)
    assert doc.metadata.modified == datetime(2023, 3, 14, 10, 30)
    assert doc.metadata.extra["byline"] == ("avec AFP",)
    assert [block.text[:9] for block in doc.blocks] == ["La moitié"]


def test_a_byline_with_a_date_after_on_and_a_photo_credit() -> None:
    text = (
        "Library opening hours change from April\n"
        "Submitted by Priya Raman on Tue, 03/14/2023 - 16:05 | Photographs by Tom Hale\n"
        "From Monday, the library will open at nine on weekdays instead of ten, after a "
        "survey in which four hundred residents asked for earlier hours.\n"
    )
    doc = newsdoc.loads(text.encode(), format="text")
    assert [author.name for author in doc.metadata.authors] == ["Priya Raman"]
    assert doc.metadata.published == datetime(2023, 3, 14, 16, 5)
    assert doc.metadata.extra["byline"] == ("Photographs by Tom Hale",)
    assert len(doc.blocks) == 1


def test_short_paragraphs_of_one_sentence_are_not_taken_for_wrapped_lines() -> None:
    text = (
        "Ferry service returns to the island\n"
        "Harbourside, 14 March 2023 - 08:45 GMT\n"
        "By Ann Lee\n"
        "The ferry to the island ran again on Tuesday after three weeks of repairs.\n"
        "Passengers queued from six in the morning to board the first crossing.\n"
        "The operator said timetables would return to normal by the weekend.\n"
    )
    doc = newsdoc.loads(text.encode(), format="text")
    assert doc.title == "Ferry service returns to the island"
    assert doc.metadata.published == datetime(2023, 3, 14, 8, 45, tzinfo=UTC)
    assert [author.name for author in doc.metadata.authors] == ["Ann Lee"]
    assert [block.text[:12] for block in doc.blocks] == [
        "The ferry to",
        "Passengers q",
        "The operator",
    ]


def test_a_byline_that_runs_into_its_date_and_reading_time() -> None:
    text = (
        "Bundestag beschließt höhere Pendlerpauschale\n"
        "Von Anna Vogt und Jan Kühn | 14.03.2023, 08:45 Uhr | Lesedauer: 3 Min.\n"
        "Der Bundestag hat am Dienstag eine höhere Pendlerpauschale beschlossen. Ab dem 21. "
        "Kilometer können Beschäftigte künftig mehr von der Steuer absetzen.\n"
    )
    doc = newsdoc.loads(text.encode(), format="text")
    assert [author.name for author in doc.metadata.authors] == ["Anna Vogt", "Jan Kühn"]
    assert doc.metadata.published == datetime(2023, 3, 14, 8, 45)
    assert len(doc.blocks) == 1


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("Themen: Pendler, Steuern, Bundestag", ("Pendler", "Steuern", "Bundestag")),
        ("Labels: commuting; tax", ("commuting", "tax")),
        ("Onderwerpen: forenzen, belasting", ("forenzen", "belasting")),
    ],
)
def test_a_labelled_list_of_topics_is_tags_in_every_language(
    line: str, tags: tuple[str, ...]
) -> None:
    title, *paragraphs = _STORY
    doc = newsdoc.loads("\n\n".join([title, *paragraphs, line]).encode(), format="text")
    assert doc.metadata.tags == tags
    assert doc.body == "\n\n".join(paragraphs)


def test_a_labelled_update_after_the_time_of_a_labelled_date() -> None:
    title, *paragraphs = _STORY
    line = "Erstellt: 14.03.2023, 08:45 Uhr Aktualisiert: 15.03.2023, 10:30 Uhr"
    doc = newsdoc.loads("\n\n".join([title, line, *paragraphs]).encode(), format="text")
    assert doc.metadata.published == datetime(2023, 3, 14, 8, 45)
    assert doc.metadata.modified == datetime(2023, 3, 15, 10, 30)
    assert doc.body == "\n\n".join(paragraphs)


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        ("Posted by Ann Lee on March 14, 2023 in Politics", datetime(2023, 3, 14), None),
        ("March 14, 2023 by Ann Lee · 3 Comments", datetime(2023, 3, 14), None),
        ("Ann Lee | March 14, 2023 | 3 comments", datetime(2023, 3, 14), None),
        ("Ann Lee, Contributor | March 14, 2023", datetime(2023, 3, 14), None),
        ("by Ann Lee | 14 Mar 2023 | Blog, News | 0 comments", datetime(2023, 3, 14), None),
        ("Ann Lee | March 14, 2023 | 3 Reactions", datetime(2023, 3, 14), None),
        ("Last updated on March 15, 2023 by Ann Lee", None, datetime(2023, 3, 15)),
        # A date with dashes and a year of two digits; a byline after a time with "h.";
        # the date's weekday run into the name
        ("Ann Lee 14-03-23, 10:00", datetime(2023, 3, 14, 10), None),
        ("14 de marzo de 2023 - 10:00 h. Por Ann Lee", datetime(2023, 3, 14, 10), None),
        ("Ann Lee Tue 14 Mar 2023 10.00 GMT", datetime(2023, 3, 14, 10, tzinfo=UTC), None),
    ],
)
def test_a_blogs_line_of_byline_date_category_and_comments(
    line: str, published: datetime | None, modified: datetime | None
) -> None:
    title, *paragraphs = _STORY
    doc = newsdoc.loads("\n\n".join([title, line, *paragraphs]).encode(), format="text")
    assert [author.name for author in doc.metadata.authors] == ["Ann Lee"]
    assert (doc.metadata.published, doc.metadata.modified) == (published, modified)
    assert doc.body == "\n\n".join(paragraphs)


def test_a_japanese_story_has_its_title_section_date_and_quotes() -> None:
    text = (
        "ホーム > 地域\n"
        "港の新しい防波堤、来週着工\n"
        "2023年3月14日 10時30分\n"
        "港の新しい防波堤の工事が来週から始まる。市によると、完成は二年後になる見込みだ。\n"
        "港湾局長は会見で「工事は予定通り進んでいる」と述べた。\n"
        "この記事をシェアする\n"
    )
    doc = newsdoc.loads(text.encode(), format="text")
    assert doc.title == "港の新しい防波堤、来週着工"
    assert doc.subtitle is None
    assert doc.metadata.section == "地域"
    assert doc.metadata.published == datetime(2023, 3, 14, 10, 30)
    assert doc.metadata.language == "ja"
    assert [block.text[:6] for block in doc.blocks] == ["港の新しい防", "港湾局長は会"]
    assert [quote.text for quote in doc.quotes] == ["工事は予定通り進んでいる"]
