"""HTML metadata on page shapes met on pages newsdoc was never tuned on: titles, authors, dates,
languages. Every page here is written for the test."""

from __future__ import annotations

import json

import newsdoc

_PROSE = (
    "<p>The harbour board approved the new quay on Monday after a debate that lasted until "
    "late in the evening, with the port's director promising work would start in spring.</p>"
    "<p>Dock workers welcomed the plan, saying the old quay had been too short for the ships "
    "that call at the port today, while residents asked for a quieter night schedule.</p>"
)


def _load(head: str, body: str, *, lang: str = "en") -> newsdoc.Document:
    lang_attribute = f" lang='{lang}'" if lang else ""
    page = f"<!DOCTYPE html><html{lang_attribute}><head>{head}</head><body>{body}</body></html>"
    return newsdoc.loads(page.encode())


def _ld(value: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


# -- titles ---------------------------------------------------------------------------------------


def test_a_title_two_sources_state_wins_over_a_heading_that_words_it_otherwise() -> None:
    # A live blog: the page's title is stated twice; its <h1> is the latest entry's headline.
    head = _ld({"@type": "NewsArticle", "headline": "Harbour strike: all the news as it happens"})
    head += "<title>Harbour strike: all the news as it happens | Harbour Times</title>"
    body = f"<article><h1>Dockers vote to end the strike after ten days</h1>{_PROSE}</article>"
    doc = _load(head, body)
    assert doc.title == "Harbour strike: all the news as it happens"
    # The heading is still the story's headline, not a line of its text.
    assert doc.blocks[0].text.startswith("The harbour board")


def test_a_title_one_source_states_gives_way_to_the_headline_that_opens_the_story() -> None:
    head = "<title>Board backs quay | Harbour Times</title>"
    headline = "Harbour board backs the new quay after a long night"
    body = f"<article><h1>{headline}</h1>{_PROSE}</article>"
    assert _load(head, body).title == headline


def test_meta_names_are_read_however_they_are_spelled() -> None:
    head = (
        '<meta name="DC:Title" content="Harbour board backs the new quay">'
        '<meta property="article:published:time" content="2024-03-14T08:45:00+01:00">'
        '<meta name="articleAuthor" content="Anna Vogt">'
    )
    doc = _load(head, f"<article>{_PROSE}</article>")
    assert doc.title == "Harbour board backs the new quay"
    assert doc.metadata.published is not None
    assert doc.metadata.published.isoformat() == "2024-03-14T08:45:00+01:00"
    assert [a.name for a in doc.metadata.authors] == ["Anna Vogt"]


def test_an_app_banner_s_maker_is_no_author() -> None:
    head = '<meta name="smartbanner:author" content="Harbour Digital Media">'
    assert _load(head, f"<article>{_PROSE}</article>").metadata.authors == ()


def test_a_json_ld_headline_that_is_a_description_gives_way_to_the_name_the_page_shows() -> None:
    head = _ld({"@type": "Article", "name": "Harbour quay", "headline": "port structure in Ghent"})
    head += "<title>Harbour quay - Harbour Wiki</title>"
    doc = _load(head, f"<article><h1>Harbour quay</h1>{_PROSE}</article>")
    assert doc.title == "Harbour quay"


def test_a_brand_heading_that_ends_the_title_is_not_the_headline() -> None:
    head = "<title>Autumn walk to the old lighthouse :: Anna's notes :: BLOGHOST ::</title>"
    body = f"<header><h1>BLOGHOST</h1></header><article>{_PROSE}</article>"
    assert _load(head, body).title.startswith("Autumn walk to the old lighthouse")


def test_a_lower_case_ending_of_a_title_is_no_site_name() -> None:
    head = "<title>Introducing Quaymaster - a scheduler for harbour cranes</title>"
    doc = _load(head, f"<article>{_PROSE}</article>")
    assert doc.title == "Introducing Quaymaster - a scheduler for harbour cranes"
    assert doc.metadata.site_name is None


def test_a_kicker_run_into_the_headline_is_set_apart() -> None:
    body = (
        "<article><h1><span class='kicker'>Port strike</span>Dockers walk out at dawn</h1>"
        f"{_PROSE}</article>"
    )
    assert _load("", body).title == "Port strike Dockers walk out at dawn"


# -- authors --------------------------------------------------------------------------------------


def test_a_source_that_names_no_one_leaves_the_authors_to_the_next() -> None:
    # JSON-LD gives an account number and an address; the meta author is the writer.
    head = _ld({"@type": "NewsArticle", "author": ["CC7567", "https://example.org/u/123"]})
    head += '<meta name="author" content="Anna Vogt">'
    doc = _load(head, f"<article>{_PROSE}</article>")
    assert [a.name for a in doc.metadata.authors] == ["Anna Vogt"]


def test_a_site_named_after_its_writer_keeps_the_writer() -> None:
    head = "<title>Notes on quays | Margaret Holloway</title>"
    body = (
        "<article><h1>Notes on quays</h1><p class='byline'>By Margaret Holloway</p>"
        f"{_PROSE}</article>"
    )
    doc = _load(head, body)
    assert doc.metadata.site_name == "Margaret Holloway"
    assert [a.name for a in doc.metadata.authors] == ["Margaret Holloway"]


def test_a_publication_is_still_not_its_own_author() -> None:
    head = '<meta property="og:site_name" content="Harbour Times">'
    head += '<meta name="author" content="Harbour Times">'
    assert _load(head, f"<article>{_PROSE}</article>").metadata.authors == ()


# -- languages ------------------------------------------------------------------------------------


def test_a_source_s_language_that_is_no_tag_lets_the_next_source_speak() -> None:
    head = _ld({"@type": "NewsArticle", "headline": "Quay", "inLanguage": "utf-8"})
    head += '<meta property="og:locale" content="en_GB">'
    doc = _load(head, f"<article>{_PROSE}</article>", lang="")
    assert doc.metadata.language == "en-GB"
    assert "metadata.bad-language" not in [w.code for w in doc.warnings]


def test_a_three_letter_code_is_given_as_bcp_47_writes_it() -> None:
    head = _ld({"@type": "NewsArticle", "headline": "Quay", "inLanguage": "eng"})
    assert _load(head, f"<article>{_PROSE}</article>", lang="").metadata.language == "en"


def test_a_lang_that_is_no_language_is_guessed_from_the_text_with_a_warning() -> None:
    doc = _load("", f"<article>{_PROSE}</article>", lang="utf-8")
    assert doc.metadata.language == "en"
    assert "metadata.bad-language" in [w.code for w in doc.warnings]


def _byline_page(byline: str, *, head: str = "", before: str = "") -> newsdoc.Document:
    body = f"{before}<article><h1>Harbour board backs the new quay</h1>{byline}{_PROSE}</article>"
    return _load(head, body)


def _names(doc: newsdoc.Document) -> list[str]:
    return [author.name for author in doc.metadata.authors]


def test_co_authors_in_a_bracket_after_the_writer_are_authors_too() -> None:
    byline = "<p class='auteur'>Marie Dupont (avec Paul Martin et Léa Roux)</p>"
    assert _names(_byline_page(byline)) == ["Marie Dupont", "Paul Martin", "Léa Roux"]
    labelled = "<p class='byline'>By Jane Doe (with John Roe)</p>"
    assert _names(_byline_page(labelled)) == ["Jane Doe", "John Roe"]


def test_byline_labels_with_a_colon_and_german_double_forms() -> None:
    assert _names(_byline_page("<p class='byline'>By: Jane Doe</p>")) == ["Jane Doe"]
    assert _names(_byline_page("<p>Von: Anna Vogt</p>")) == ["Anna Vogt"]
    side = "<ul><li><strong>Autorin/Autor</strong> Anna Vogt</li></ul>"
    assert _names(_byline_page(side)) == ["Anna Vogt"]


def test_a_linked_writer_is_parted_from_the_outlet_named_after_the_link() -> None:
    byline = (
        "<div class='author_fmt'>By <a href='/bio/kelli'>Kelli Moore</a> Harbour Health News</div>"
    )
    assert _names(_byline_page(byline)) == ["Kelli Moore"]


def test_a_comment_s_byline_is_not_the_story_s() -> None:
    comments = (
        "<aside><ul class='comments-list'><li class='comment'><div class='byline'>J J</div>"
        "<p>Great news for the port!</p></li></ul></aside>"
    )
    byline = "<div class='author'>Nataliya Vasquez</div>"
    assert _names(_byline_page(byline, before=comments)) == ["Nataliya Vasquez"]


def test_a_byline_in_a_cite_element_is_read() -> None:
    byline = (
        "<cite class='byline vcard'><span>By </span><span class='fn'>GILLIAN MORROW</span></cite>"
    )
    assert _names(_byline_page(byline)) == ["Gillian Morrow"]


def test_structured_authors_lose_newsroom_initials_and_part_at_other_languages_and() -> None:
    head = _ld(
        {
            "@type": "NewsArticle",
            "author": [{"@type": "Person", "name": "Anna Vogt (obe)"}, "Tom Hale und Eva Lang"],
        }
    )
    assert _names(_byline_page("", head=head)) == ["Anna Vogt", "Tom Hale", "Eva Lang"]
    spanish = _ld({"@type": "NewsArticle", "author": "José Ortega y Gasset"})
    assert _names(_byline_page("", head=spanish)) == ["José Ortega y Gasset"]


# -- dates ----------------------------------------------------------------------------------------


def test_the_date_of_a_teaser_is_not_the_page_s() -> None:
    teaser = (
        "<div class='rail'><a href='/other-story'><h2>Lock gates repaired "
        "<span class='date'>24.04.2023</span></h2></a></div>"
    )
    side = "<ul><li><strong>Datum</strong> 28.04.2023</li></ul>"
    doc = _byline_page(side, before=teaser)
    assert doc.metadata.published is not None
    assert doc.metadata.published.date().isoformat() == "2023-04-28"


def test_an_infobox_birthday_is_no_publication_date() -> None:
    infobox = (
        "<table class='infobox'><tr><td><span class='bday'>1998-02-28</span></td></tr></table>"
    )
    assert _byline_page("", before=infobox).metadata.published is None


def test_a_turkish_update_label_after_the_date() -> None:
    line = "<p class='row'>05.04.2025 - Güncelleme : 06.04.2025</p>"
    doc = _byline_page(line)
    assert doc.metadata.published is not None
    assert doc.metadata.modified is not None
    assert doc.metadata.published.date().isoformat() == "2025-04-05"
    assert doc.metadata.modified.date().isoformat() == "2025-04-06"


def test_a_printed_publication_date_wins_over_one_a_cms_rewrote_on_update() -> None:
    head = _ld(
        {
            "@type": "NewsArticle",
            "headline": "Harbour board backs the new quay",
            "datePublished": "2024-03-16T10:00:00+01:00",
            "dateModified": "2024-03-16T10:00:00+01:00",
        }
    )
    byline = "<p class='meta'>Published: 14 March 2024</p>"
    doc = _byline_page(byline, head=head)
    assert doc.metadata.published is not None
    assert doc.metadata.published.date().isoformat() == "2024-03-14"
    assert doc.metadata.modified is not None
    assert doc.metadata.modified.date().isoformat() == "2024-03-16"


def test_a_stated_publication_date_stays_when_the_update_is_another() -> None:
    head = _ld(
        {
            "@type": "NewsArticle",
            "headline": "Harbour board backs the new quay",
            "datePublished": "2024-03-16T10:00:00+01:00",
            "dateModified": "2024-03-17T10:00:00+01:00",
        }
    )
    doc = _byline_page("<p class='meta'>Published: 14 March 2024</p>", head=head)
    assert doc.metadata.published is not None
    assert doc.metadata.published.date().isoformat() == "2024-03-16"


def test_labelled_lines_beside_the_story_give_its_date_and_author() -> None:
    side = (
        "<aside><ul class='smallList'><li><strong>Datum</strong> 28.04.2023</li>"
        "<li><strong>Autorin/Autor</strong> Anna Vogt</li></ul></aside>"
    )
    doc = _load("", f"<article><h1>Harbour board backs the new quay</h1>{_PROSE}</article>{side}")
    assert doc.metadata.published is not None
    assert doc.metadata.published.date().isoformat() == "2023-04-28"
    assert _names(doc) == ["Anna Vogt"]


def test_standfirsts_under_other_class_names_are_the_subtitle() -> None:
    dek = "The harbour board backed the quay after a debate that lasted until late at night."
    for marker in ("article__excerpt", "art_synopsis", "epigraph", "lead-text", "detail__desc"):
        body = (
            f"<article><h1>Harbour board backs the new quay</h1><p class='{marker}'>{dek}</p>"
            f"{_PROSE}</article>"
        )
        assert _load("", body).subtitle == dek, marker


def test_a_lead_image_is_no_standfirst() -> None:
    body = (
        "<article><h1>Harbour board backs the new quay</h1><div class='lead lead-image'>"
        "<p>The quay at dusk, seen from the water, with two cranes.</p></div>"
        f"{_PROSE}</article>"
    )
    assert _load("", body).subtitle is None


def test_a_spanish_byline_with_an_agency_after_y_keeps_its_writer() -> None:
    for byline in (
        "Por Ana García y EFE",
        "Por Ana García y Agencias",
        "Por Ana García y Redacción",
    ):
        assert _names(_byline_page(f"<p class='byline'>{byline}</p>")) == ["Ana García"], byline
