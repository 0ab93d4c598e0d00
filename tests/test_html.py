"""The HTML format: sniffing, metadata precedence, titles, authors, the main text, furniture."""

from __future__ import annotations

import json
import warnings
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

import newsdoc
from newsdoc.parsers.html import sniff

FIXTURES = Path(__file__).parent / "fixtures" / "html"

_PROSE = (
    "<p>The council approved a new budget on Monday, raising spending on roads and schools "
    "by four percent, after a debate that lasted until late in the evening.</p>"
    "<p>Opposition members voted against it, saying the city could not afford the new "
    "borrowing, while the majority said the investments were long overdue.</p>"
)


def _page(head: str = "", body: str = _PROSE) -> bytes:
    return f"<!DOCTYPE html><html lang='en'><head>{head}</head><body>{body}</body></html>".encode()


def _ld(value: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


def _budget_story(above: str = "", *, below: str = "", head: str = "") -> newsdoc.Document:
    """The page of the story "Budget approved": ``above`` between its headline and its prose,
    ``below`` after the prose, ``head`` after its ``<title>``."""
    body = f"<article><h1>Budget approved</h1>{above}{_PROSE}{below}</article>"
    return _budget_page(body, head)


def _budget_page(body: str, head: str = "") -> newsdoc.Document:
    """A page titled "Budget approved" whose ``<body>`` is ``body``; ``head`` after its title."""
    return newsdoc.loads(_page(f"<title>Budget approved</title>{head}", body))


# -- sniffing ----------------------------------------------------------------------------------


def test_sniff_tells_a_page_from_a_fragment_xml_json_and_text() -> None:
    page = sniff(b"<!DOCTYPE html><html><head><title>x</title></head><body></body></html>", None)
    fragment = sniff(b"<p>One paragraph.</p><p>And <a href='x'>another</a>.</p>", None)
    assert page > fragment > 0.0
    assert sniff(b"<?xml version='1.0'?><rss version='2.0'><channel></channel></rss>", None) == 0
    assert sniff(b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', None) == 0
    assert sniff(b'{"title": "json"}', None) == 0.0
    assert sniff(b"Plain text with no markup at all.", None) == 0.0


def test_a_page_is_detected_as_html_whatever_its_name() -> None:
    assert newsdoc.detect(FIXTURES / "amp_page.html") == "html"
    data = (FIXTURES / "front_page.html").read_bytes()
    assert newsdoc.loads(data, source="front.txt").format == "html"


# -- metadata ------------------------------------------------------------------------------------


def test_json_ld_wins_over_open_graph_which_wins_over_plain_meta() -> None:
    head = (
        _ld({"@type": "NewsArticle", "headline": "From JSON-LD", "datePublished": "2026-01-02"})
        + '<meta property="og:title" content="From Open Graph">'
        + '<meta property="og:description" content="OG description">'
        + '<meta name="description" content="Plain description">'
        + '<meta property="article:published_time" content="2025-12-31T00:00:00Z">'
    )
    doc = newsdoc.loads(_page(head))
    assert doc.title == "From JSON-LD"
    assert doc.metadata.description == "OG description"
    assert doc.metadata.published == datetime(2026, 1, 2)


def test_json_ld_in_a_graph_with_authors_and_keywords() -> None:
    doc = newsdoc.load(FIXTURES / "jsonld_graph_two_authors.html")
    assert [author.name for author in doc.metadata.authors] == ["Lotte Peeters", "Jonas Wauters"]
    assert doc.metadata.published == datetime(
        2026, 3, 10, 8, 30, tzinfo=timezone(timedelta(hours=1))
    )
    assert doc.metadata.section == "Economy"
    assert doc.metadata.tags == ("port", "shipping", "dredging")
    assert doc.metadata.language == "en-GB"


def test_broken_json_ld_is_read_where_it_can_be() -> None:
    doc = newsdoc.load(FIXTURES / "german_broken_jsonld.html")
    assert [author.name for author in doc.metadata.authors] == ["Anna Müller"]
    assert doc.metadata.published is not None


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Port to deepen channel | The Harbour Gazette", None, "Port to deepen channel"),
        ("Port to deepen channel - Gazette", "Gazette", "Port to deepen channel"),
        ("Gazette :: Port to deepen the shipping channel by two metres", None,
         "Port to deepen the shipping channel by two metres"),
        ("Live: storm crosses the coast", None, "Live: storm crosses the coast"),
    ],
)  # fmt: skip
def test_titles_lose_the_site_name(title: str, site: str | None, expected: str) -> None:
    head = f"<title>{title}</title>"
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    assert newsdoc.loads(_page(head)).title == expected


def test_authors_lose_by_and_the_publication_is_not_an_author() -> None:
    head = (
        '<meta property="og:site_name" content="The Courier">'
        '<meta name="author" content="By Jane Doe and John Roe">'
    )
    doc = newsdoc.loads(_page(head))
    assert [author.name for author in doc.metadata.authors] == ["Jane Doe", "John Roe"]
    courier = {"@type": "Organization", "name": "The Courier"}
    head = _ld({"@type": "NewsArticle", "headline": "x", "author": courier, "publisher": courier})
    assert newsdoc.loads(_page(head)).metadata.authors == ()


def test_json_ld_references_to_the_author_and_publisher_are_followed() -> None:
    # Yoast's graphs name the author and publisher once and refer to them by @id.
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": "https://g.example/#org", "name": "The Gazette"},
            {
                "@type": "NewsArticle",
                "headline": "Budget approved",
                "author": {"@id": "https://g.example/#/person/1"},
                "publisher": {"@id": "https://g.example/#org"},
            },
            {"@type": "Person", "@id": "https://g.example/#/person/1", "name": "Ann Lee"},
        ],
    }
    doc = newsdoc.loads(_page(head=_ld(graph)))
    assert [author.name for author in doc.metadata.authors] == ["Ann Lee"]
    assert doc.metadata.site_name == "The Gazette"


def test_a_page_that_states_no_language_gets_the_one_its_text_is_in() -> None:
    page = "<!DOCTYPE html><html><head></head><body><article>{}</article></body></html>"
    english = newsdoc.loads(page.format(_PROSE).encode())
    assert english.metadata.language == "en"
    dutch = (
        "<p>De gemeenteraad heeft maandag een nieuwe begroting goedgekeurd, met meer geld voor "
        "wegen en scholen, na een debat dat tot laat in de avond duurde.</p><p>De oppositie "
        "stemde tegen en zei dat de stad de nieuwe leningen niet kan betalen, terwijl de "
        "meerderheid vond dat de investeringen al lang nodig waren.</p>"
    )
    assert newsdoc.loads(page.format(dutch).encode()).metadata.language == "nl"


def test_text_escaped_twice_by_the_site_is_decoded() -> None:
    # "&amp;#8216;" in the markup is "&#8216;" after parsing: still a reference to decode.
    head = (
        '<meta property="og:title" content="&amp;#8216;Dredging&amp;#8217; starts &amp;amp; ends">'
    )
    assert newsdoc.loads(_page(head=head)).title == "‘Dredging’ starts & ends"


def test_author_strings_lose_dates_addresses_and_accounts() -> None:
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "author": ["Ann Lee - 2024-03-15", "Harbour.com", "jdadmin", "Tom Baker"],
    }
    doc = newsdoc.loads(_page(head=_ld(article)))
    assert [author.name for author in doc.metadata.authors] == ["Ann Lee", "Tom Baker"]


def test_a_site_account_is_not_an_author() -> None:
    page = _ld({"@context": "https://schema.org", "@type": "NewsArticle", "author": "admin"})
    assert newsdoc.loads(_page(head=page)).metadata.authors == ()


def test_the_json_ld_page_object_states_the_dates_when_the_article_does_not() -> None:
    # Yoast and fact-check pages put datePublished on the WebPage or ClaimReview object.
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "name": "The Harbour Gazette"},
            {
                "@type": "WebPage",
                "datePublished": "2024-03-15T09:30:00+01:00",
                "dateModified": "2024-03-16T10:00:00+01:00",
            },
        ],
    }
    doc = newsdoc.loads(_page(head=_ld(graph)))
    assert doc.metadata.published == datetime(
        2024, 3, 15, 9, 30, tzinfo=timezone(timedelta(hours=1))
    )
    assert doc.metadata.modified == datetime(
        2024, 3, 16, 10, 0, tzinfo=timezone(timedelta(hours=1))
    )


def test_a_time_element_beats_the_page_object_and_a_marked_date_is_last() -> None:
    page = _ld(
        {"@context": "https://schema.org", "@type": "WebPage", "datePublished": "2024-03-15"}
    )
    stated = '<time datetime="2024-03-14T08:00:00Z">yesterday</time>'
    doc = newsdoc.loads(_page(head=page, body=f"<article>{stated}{_PROSE}</article>"))
    assert doc.metadata.published == datetime(2024, 3, 14, 8, 0, tzinfo=UTC)
    # A date the page marks by class, outside the article's text, is the last resort.
    marked = '<div class="meta"><span class="article-publish-date">November 19, 2019, 9:02 AM'
    doc = newsdoc.loads(_page(body=f"{marked}</span></div><article>{_PROSE}</article>"))
    assert doc.metadata.published == datetime(2019, 11, 19, 9, 2)


def test_a_date_in_the_url_is_the_last_resort() -> None:
    doc = newsdoc.load(FIXTURES / "meta_dialects_url_date.html")
    assert doc.metadata.published == datetime(2026, 10, 12)
    assert doc.metadata.url == "https://harbour.example/science/2026/10/12/salt-study"


@pytest.mark.parametrize(
    ("url", "published"),
    [
        ("https://harbour.example/world/2023/mar/14/budget-approved", datetime(2023, 3, 14)),
        ("https://harbour.example/budget-approved-20230314/", datetime(2023, 3, 14)),
        ("https://harbour.example/news/20230314.html", datetime(2023, 3, 14)),
        ("https://harbour.example/item/20231399/", None),  # not a day
        ("https://harbour.example/2023/abc/14/budget", None),  # not a month
    ],
)
def test_the_dates_urls_write(url: str, published: datetime | None) -> None:
    head = f"<title>Budget approved</title><link rel='canonical' href='{url}'>"
    doc = newsdoc.loads(_page(head, f"<article>{_PROSE}</article>"))
    assert doc.metadata.published == published


def test_latin1_declared_in_a_meta_tag() -> None:
    doc = newsdoc.load(FIXTURES / "latin1_meta_charset.html")
    assert doc.title == "La ville rénove la place du Marché"
    assert "présenté" in doc.body


# -- main text ----------------------------------------------------------------------------------


def test_furniture_stays_out_of_the_body() -> None:
    doc = newsdoc.load(FIXTURES / "jsonld_graph_two_authors.html")
    furniture = (
        "cookie", "Share on Facebook", "morning briefing", "Related stories",
        "All rights reserved", "Sport", "A container ship in the main channel",
    )  # fmt: skip
    for text in furniture:
        assert text not in doc.body
    assert doc.blocks[0].text.startswith("The port authority approved on Tuesday")
    assert doc.metadata.images[0].credit == "Jan Janssens"
    assert [link.kind for link in doc.links] == ["related", "related"]


def test_comments_that_outnumber_the_article_are_not_the_article() -> None:
    doc = newsdoc.load(FIXTURES / "comments_outnumber_article.html")
    assert doc.blocks[0].text.startswith("The regional government will reserve one lane")
    assert "reader" not in doc.body


_COMMENT = (
    "I have read this three times, and I still do not see why the council needs more money "
    "for roads, when the schools in my street, the library, and the pool have had leaking "
    "roofs for years, and nobody came to fix them, not once, not even after the letters"
)


def test_comments_written_as_lines_in_a_div_are_not_the_article() -> None:
    # Comment threads often hold their text directly in a div (beside a block for the
    # buttons), in <br> lines, not in <p>s;
    # a class such as "content" on that div must not make the comment the article.
    lines = "<br>".join([_COMMENT] * 4)
    comment = (
        '<div class="comment"><div class="comment_content">'
        f'<div class="content">{lines}<div class="actions">Reply</div></div></div></div>'
    )
    body = f'<div class="article"><div class="content">{_PROSE}</div></div>'
    doc = newsdoc.loads(_page(body=f'{body}<div id="comments">{comment}</div>'))
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    assert "leaking roofs" not in doc.body


def test_a_comment_thread_beside_the_article_does_not_join_it() -> None:
    # However much prose a comment thread holds, it is not a sibling part of the article.
    thread = "".join(f"<p>{_COMMENT}.</p>" for _ in range(20))
    article = f'<article class="post"><h1>Budget</h1><div class="entry">{_PROSE}</div></article>'
    doc = newsdoc.loads(
        _page(body=f'<main>{article}<div class="comments-area">{thread}</div></main>')
    )
    assert "The council approved a new budget" in doc.body
    assert "leaking roofs" not in doc.body


def test_teasers_nested_in_the_article_are_not_its_text() -> None:
    # HTML nests an <article> in another for related content: here, other stories' teasers,
    # each titled with a link to its own page (a permalink to this page would not count).
    teaser = (
        '<article class="post"><h2><a href="/news/other-story-{n}" rel="bookmark">Another '
        "story</a></h2><p>A different story about the harbour, the ferries, the new pier "
        "and the fishermen, told at length so that it weighs more than the article.</p>"
        "<p>It goes on for a second paragraph, with commas, clauses, and details, as teasers "
        "of long-form pieces do, before a link to read the rest.</p></article>"
    )
    teasers = "".join(teaser.format(n=n) for n in range(4))
    body = (
        '<article class="post"><h1><a href="https://city.example/news/budget">Budget</a>'
        f"</h1>{_PROSE}<section>{teasers}</section></article>"
    )
    head = '<link rel="canonical" href="https://city.example/news/budget">'
    doc = newsdoc.loads(_page(head=head, body=body))
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    assert "ferries" not in doc.body


def test_a_breaking_news_ticker_beside_the_article_is_not_part_of_it() -> None:
    item = (
        '<li><a href="/news/{n}">Ferry strike ends after talks</a> HARBOUR CITY: The ferry '
        "crews went back to work on Tuesday, after the union and the operator agreed on a new "
        "contract, ending a strike that had lasted nine days and stranded commuters.</li>"
    )
    ticker = "".join(item.format(n=n) for n in range(6))
    body = (
        f'<div class="main"><div class="article-content">{_PROSE}</div>'
        f'<div class="breaking-news"><h3>Breaking News</h3><ul>{ticker}</ul></div></div>'
    )
    doc = newsdoc.loads(_page(body=body))
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    assert "ferry" not in doc.body.lower()


def test_bylines_and_date_lines_in_the_article_are_metadata_not_text() -> None:
    body = (
        "<article><p>By Jane Doe - 11/19/19 06:56 AM EST</p>"
        "<p>The Associated Press<br>Published Monday, November 18, 2019 8:22AM EST</p>"
        f"{_PROSE}<p>Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET</p>"
        "<p>Open from 29 November 2018 | 20 January 2019</p>"
        "<p>29 November 2018 | 20 January 2019</p></article>"
    )
    doc = newsdoc.loads(_page(body=body))
    texts = [block.text for block in doc.blocks]
    # The agency's line stays (it is not a date line), without the date line under it.
    assert texts[0] == "The Associated Press"
    assert texts[1].startswith("The council approved a new budget")
    assert not any("Jane Doe" in text or "Published" in text for text in texts)
    assert not any("Updated" in text for text in texts)
    # Two bare dates are an event's dates, not the page's: they stay.
    assert texts[-1] == "29 November 2018 | 20 January 2019"
    assert [author.name for author in doc.metadata.authors] == ["Jane Doe"]
    assert doc.metadata.published == datetime(
        2019, 11, 19, 6, 56, tzinfo=timezone(timedelta(hours=-5))
    )


def test_labelled_date_lines_are_metadata_in_every_language_of_the_date_labels() -> None:
    body = (
        "<article><p>Gepubliceerd: 10 mei 2020 | Bijgewerkt: 12 mei 2020</p>"
        f"{_PROSE}<p>10 mei 2020 | 12 mei 2020</p></article>"
    )
    doc = newsdoc.loads(_page(body=body))
    texts = [block.text for block in doc.blocks]
    # The Dutch labels make the first line the page's dates; the bare pair is an event's.
    assert texts[0].startswith("The council approved a new budget")
    assert texts[-1] == "10 mei 2020 | 12 mei 2020"
    assert doc.metadata.published == datetime(2020, 5, 10)


def test_a_name_and_job_above_the_story_is_the_byline_and_below_it_a_person() -> None:
    body = f"<article><p>Mark Ellison, Senior Reporter</p>{_PROSE}</article>"
    doc = newsdoc.loads(_page(body=body))
    assert [author.name for author in doc.metadata.authors] == ["Mark Ellison"]
    assert "Senior Reporter" not in doc.body
    # Inside the story the same line introduces somebody: it stays, naming nobody.
    body = f"<article>{_PROSE}<p>Mark Ellison, Senior Reporter</p>{_PROSE}</article>"
    doc = newsdoc.loads(_page(body=body))
    assert doc.metadata.authors == ()
    assert "Mark Ellison, Senior Reporter" in [block.text for block in doc.blocks]


@pytest.mark.parametrize(
    "lines", ["Mark Ellison<br>Senior Reporter<br>March 14, 2023", "Mark Ellison<br>Staff Writer"]
)
def test_a_name_over_the_job_on_lines_of_their_own_is_the_byline(lines: str) -> None:
    doc = newsdoc.loads(_page(body=f"<article><p>{lines}</p>{_PROSE}</article>"))
    assert [author.name for author in doc.metadata.authors] == ["Mark Ellison"]
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # Inside the story the name is somebody else's: it stays, naming nobody (the job and the
    # date, lines of page metadata wherever they stand, go)
    doc = newsdoc.loads(_page(body=f"<article>{_PROSE}<p>{lines}</p>{_PROSE}</article>"))
    assert doc.metadata.authors == ()
    assert "Mark Ellison" in [block.text for block in doc.blocks]


def test_date_lines_with_a_place_a_separate_time_or_an_update_after_a_comma() -> None:
    body = f"<article><p>Por Lucía Romero | Sevilla - 14 mar 2023 - 08:45 CET</p>{_PROSE}</article>"
    doc = newsdoc.loads(_page(body=body))
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    assert [author.name for author in doc.metadata.authors] == ["Lucía Romero"]
    cet = timezone(timedelta(hours=1))
    assert doc.metadata.published == datetime(2023, 3, 14, 8, 45, tzinfo=cet)
    body = (
        "<article><p>Le 14 mars 2023 à 08h45, modifié le 15 mars 2023 à 10h30</p>"
        f"{_PROSE}</article>"
    )
    doc = newsdoc.loads(_page(body=body))
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    assert (doc.metadata.published, doc.metadata.modified) == (
        datetime(2023, 3, 14, 8, 45),
        datetime(2023, 3, 15, 10, 30),
    )


@pytest.mark.parametrize(
    ("line", "published"),
    [
        # Spanish and Portuguese write "de" between the day, the month and the year; French
        # puts "le" before the day.
        (
            "Cádiz, 9 de mayo de 2024 - 17:20 CEST",
            datetime(2024, 5, 9, 17, 20, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("Coimbra, 9 de maio de 2024", datetime(2024, 5, 9)),
        ("Lyon, le 9 mai 2024 à 17h20", datetime(2024, 5, 9, 17, 20)),
    ],
)
def test_a_date_line_that_opens_with_the_place_in_the_romance_languages(
    line: str, published: datetime
) -> None:
    doc = newsdoc.loads(_page(body=f"<article><p>{line}</p>{_PROSE}</article>"))
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    assert doc.metadata.published == published


def test_an_update_line_gives_the_modification_date() -> None:
    body = f"<article><p>Stand: 15.03.2023 10:30 Uhr</p>{_PROSE}</article>"
    doc = newsdoc.loads(_page(body=body))
    assert doc.metadata.modified == datetime(2023, 3, 15, 10, 30)
    assert doc.metadata.published is None
    assert "Stand" not in doc.body


def test_a_date_line_beats_the_date_in_the_url() -> None:
    head = '<link rel="canonical" href="https://harbour.example/2023/03/14/budget">'
    body = f"<article><p>Published: 14 March 2023, 08:45</p>{_PROSE}</article>"
    assert newsdoc.loads(_page(head, body)).metadata.published == datetime(2023, 3, 14, 8, 45)
    assert newsdoc.loads(_page(head)).metadata.published == datetime(2023, 3, 14)


def test_a_heading_that_shows_the_title_under_its_kicker_is_not_text() -> None:
    head = "<title>Budget vote: Council approves new spending plan | Harbour Gazette</title>"
    body = f"<article><h1>Council approves new spending plan</h1>{_PROSE}</article>"
    doc = newsdoc.loads(_page(head, body))
    assert doc.title == "Budget vote: Council approves new spending plan"
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # The part the title lost is the site's name when the page states none.
    assert doc.metadata.site_name == "Harbour Gazette"


def test_the_short_part_before_a_title_is_not_taken_for_the_site() -> None:
    head = "<title>Opinion | Council approves new spending plan for the harbour</title>"
    doc = newsdoc.loads(_page(head))
    assert doc.title == "Council approves new spending plan for the harbour"
    assert doc.metadata.site_name is None


def test_a_short_signed_and_dated_brief_is_an_article() -> None:
    brief = (
        "<p>The council approved a new budget on Monday after a debate that lasted until late "
        "in the evening. Spending on roads and schools rises by four percent next year.</p>"
    )
    body = f"<article><p>By Jane Doe - 14 March 2023</p>{brief}</article>"
    doc = newsdoc.loads(_page(body=body))
    assert not any(warning.code == "html.not-an-article" for warning in doc.warnings)
    unsigned = newsdoc.loads(_page(body=f"<article>{brief}</article>"))
    assert any(warning.code == "html.not-an-article" for warning in unsigned.warnings)


@pytest.mark.parametrize(
    ("title", "headline", "expected", "site"),
    [
        # The headline is the last part, after the site and a section.
        ("Harbour Council | News | Budget approved", "Budget approved", "Budget approved", None),
        # The headline first, then a section and the site: the last part is the site.
        ("Budget approved | News | Harbour Council", "Budget approved", "Budget approved",
         "Harbour Council"),
        # Two parts of equal length: the headline says which is the title.
        ("Our garden in March – The Potting Shed", "Our garden in March", "Our garden in March",
         "The Potting Shed"),
        # A headline with a separator of its own keeps it.
        ("Storm Ida - what we know | Coast News", "Storm Ida - what we know",
         "Storm Ida - what we know", "Coast News"),
        ("Take Care - a new plan for the harbour", "Take Care - a new plan for the harbour",
         "Take Care - a new plan for the harbour", None),
        # A separator spaced on one side only, or a colon: the headline says where it is.
        ("Ferries cancelled for the weekend- Coast News", "Ferries cancelled for the weekend",
         "Ferries cancelled for the weekend", "Coast News"),
        ("Coast News: Ferries cancelled for the weekend", "Ferries cancelled for the weekend",
         "Ferries cancelled for the weekend", None),
        # A broadcaster's name may hold a digit.
        ("Ferries cancelled for the weekend | Local | WZT9", "Ferries cancelled for the weekend",
         "Ferries cancelled for the weekend", "WZT9"),
    ],
)  # fmt: skip
def test_the_headline_tells_which_parts_of_the_page_title_are_the_title(
    title: str, headline: str, expected: str, site: str | None
) -> None:
    body = f"<article><h1>{headline}</h1>{_PROSE}</article>"
    doc = newsdoc.loads(_page(f"<title>{title}</title>", body))
    assert doc.title == expected
    assert doc.metadata.site_name == site
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Prof. Dr. Lena Brandt", ["Prof. Dr. Lena Brandt"]),
        ("Dr. jur. Nora Falk", ["Dr. jur. Nora Falk"]),
        ("Dr. rer. nat. Eva Lindqvist", ["Dr. rer. nat. Eva Lindqvist"]),
        ("Mag. Nora Falk", ["Mag. Nora Falk"]),
        ("Mrs. Eva Lindqvist", ["Mrs. Eva Lindqvist"]),
        ("Rev. Tom Hale, Nora Falk", ["Rev. Tom Hale", "Nora Falk"]),
        # A period that ends a surname still parts two names
        ("Lindqvist. Lakeside Courier", ["Lindqvist", "Lakeside Courier"]),
    ],
)
def test_titles_before_an_author_meta_name_stay_with_it(content: str, expected: list[str]) -> None:
    doc = newsdoc.loads(_page(f'<meta name="author" content="{content}">'))
    assert [author.name for author in doc.metadata.authors] == expected


def test_the_headline_marked_in_microdata_comes_before_the_titles_for_sharing() -> None:
    head = (
        '<meta property="og:title" content="Council votes yes: what it means for you">'
        "<title>Council votes yes: what it means for you | Lakeside Courier</title>"
    )
    headline = '<h1 itemprop="headline">Harbour budget approved after a late debate</h1>'
    doc = newsdoc.loads(_page(head, f"<article>{headline}{_PROSE}</article>"))
    assert doc.title == "Harbour budget approved after a late debate"
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # A page that marks other stories' headlines too (teasers) does not tell which is its own
    # (here the headline stands apart from the story's text, which it would otherwise open).
    teaser = '<aside><h2 itemprop="headline"><a href="/other">Ferry fares rise</a></h2></aside>'
    body = f"<header>{headline}</header><article>{_PROSE}</article>{teaser}"
    doc = newsdoc.loads(_page(head, body))
    assert doc.title == "Council votes yes: what it means for you"


@pytest.mark.parametrize(
    "title",
    ["Lakeside Courier", "Home | Lakeside Courier", "Startseite - Lakeside Courier", "Untitled"],
)
def test_a_page_titled_only_with_the_site_name_is_titled_by_its_headline(title: str) -> None:
    head = (
        f"<title>{title}</title>"
        '<link rel="canonical" href="https://www.lakesidecourier.example/ferries">'
    )
    body = (
        "<header><h1>Lakeside Courier</h1></header>"
        f"<article><h1>Ferries cancelled for the weekend</h1>{_PROSE}</article>"
    )
    doc = newsdoc.loads(_page(head, body))
    assert doc.title == "Ferries cancelled for the weekend"
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize(
    ("title", "site"),
    [
        # The part before the headline is the site when the page's host spells it...
        ("Lakeside Courier - Ferries cancelled for the weekend", "Lakeside Courier"),
        ("LKC - Press releases - Ferries cancelled for the weekend", "LKC"),
        ("Lakeside Courier: Ferries cancelled for the weekend", "Lakeside Courier"),
        # ... and otherwise may as well be a section.
        ("Transport - Ferries cancelled for the weekend", None),
    ],
)
def test_the_site_before_the_headline_when_the_host_names_it(title: str, site: str | None) -> None:
    host = "lkc.example" if title.startswith("LKC") else "www.lakesidecourier.example"
    head = f'<title>{title}</title><link rel="canonical" href="https://{host}/ferries">'
    body = f"<article><h1>Ferries cancelled for the weekend</h1>{_PROSE}</article>"
    doc = newsdoc.loads(_page(head, body))
    assert doc.title == "Ferries cancelled for the weekend"
    assert doc.metadata.site_name == site


@pytest.mark.parametrize(
    ("name", "value", "field"),
    [
        ("DCTERMS.issued", "2023-03-14", "published"),
        ("DCTERMS.available", "2023-03-14", "published"),
        ("govuk:first-published-at", "2023-03-14T00:00:00", "published"),
        ("cXenseParse:recs:publishtime", "2023-03-14T00:00:00", "published"),
        ("DCTERMS.modified", "2023-03-14", "modified"),
        ("govuk:public-updated-at", "2023-03-14T00:00:00", "modified"),
    ],
)
def test_dublin_core_terms_gov_uk_and_cxense_dates(name: str, value: str, field: str) -> None:
    doc = newsdoc.loads(_page(f'<meta name="{name}" content="{value}">'))
    assert getattr(doc.metadata, field) == datetime(2023, 3, 14)


def test_dublin_core_terms_title_and_language() -> None:
    head = (
        "<title>Budget approved | Press releases | Harbour Council</title>"
        '<meta name="DCTERMS.title" content="Budget approved">'
        '<meta name="DCTERMS.language" content="nl-NL">'
    )
    doc = newsdoc.loads(_page(head))
    assert doc.title == "Budget approved"
    assert doc.metadata.language == "nl-NL"


def test_the_page_title_names_the_site_when_a_meta_tag_gives_the_headline() -> None:
    head = (
        "<title>Ferry timetable changes in May | Local news | Harbour Gazette</title>"
        '<meta property="og:title" content="Ferry timetable changes in May">'
    )
    doc = newsdoc.loads(_page(head))
    assert doc.title == "Ferry timetable changes in May"
    assert doc.metadata.site_name == "Harbour Gazette"
    # A page title that is only the headline names no site.
    head = (
        "<title>Ferry timetable changes in May</title>"
        '<meta property="og:title" content="Ferry timetable changes in May">'
    )
    assert newsdoc.loads(_page(head)).metadata.site_name is None


def test_the_dublin_core_creator_is_the_author() -> None:
    doc = newsdoc.loads(_page('<meta name="DCTERMS.creator" content="Lotte Brink">'))
    assert [author.name for author in doc.metadata.authors] == ["Lotte Brink"]


def test_time_classes_tell_the_update_from_the_publication() -> None:
    times = (
        '<time class="entry-date published" datetime="2023-03-14T08:00:00">March 14, 2023</time>'
        '<time class="updated" datetime="2023-03-16T09:00:00">March 16, 2023</time>'
    )
    body = f"<article><div class='entry-meta'>Posted on {times}</div>{_PROSE}</article>"
    doc = newsdoc.loads(_page(body=body))
    assert doc.metadata.published == datetime(2023, 3, 14, 8)
    assert doc.metadata.modified == datetime(2023, 3, 16, 9)
    # The second date, printed against the first, is not read: the line is a date line.
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # A time classed "updated" alone is the only date the page gives: the publication's.
    alone = '<time class="updated" datetime="2023-03-16T09:00:00">March 16, 2023</time>'
    doc = newsdoc.loads(_page(body=f"<article><p>{alone}</p>{_PROSE}</article>"))
    assert doc.metadata.published == datetime(2023, 3, 16, 9)
    assert doc.metadata.modified is None


def test_a_post_by_the_site_account_is_dated_and_signed_by_nobody() -> None:
    line = "<p>Posted on March 14, 2023 by admin</p>"
    doc = newsdoc.loads(_page(body=f"<article>{line}{_PROSE}</article>"))
    assert doc.metadata.published == datetime(2023, 3, 14)
    assert doc.metadata.authors == ()
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # "by" splits a date line only after a date: a credit line of the story stays text.
    credit = "<p>Additional reporting by Jane Doe</p>"
    doc = newsdoc.loads(_page(body=f"<article>{_PROSE}{credit}</article>"))
    assert doc.blocks[-1].text == "Additional reporting by Jane Doe"


def test_the_kind_of_page_and_its_date_above_the_story_are_a_date_line() -> None:
    line = "<p>Press release | 14-03-2023 | 10:00</p>"
    doc = newsdoc.loads(_page(body=f"<article>{line}{_PROSE}</article>"))
    assert doc.metadata.published == datetime(2023, 3, 14, 10)
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # Below the story's first paragraph, the same shape is an event of the story.
    doc = newsdoc.loads(_page(body=f"<article>{_PROSE}{line}</article>"))
    assert doc.blocks[-1].text == "Press release | 14-03-2023 | 10:00"


def test_a_byline_element_with_the_writers_role_after_a_bar() -> None:
    byline = (
        "<div><span class='writer'>Tom Baxter | Local Democracy Reporter</span> "
        "<span>14/03/2023</span></div>"
    )
    doc = newsdoc.loads(_page(body=f"<article>{byline}{_PROSE}</article>"))
    assert [author.name for author in doc.metadata.authors] == ["Tom Baxter"]
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # The author of a comment is not the article's.
    comment = "<span class='comment-author'>Ann Lee | Reader</span>"
    doc = newsdoc.loads(_page(body=f"<article>{_PROSE}</article>{comment}"))
    assert doc.metadata.authors == ()


def test_a_description_list_of_the_pages_metadata_is_not_text() -> None:
    metadata = (
        "<dl><dt>From:</dt><dd>Department for Harbours</dd>"
        "<dt>Published</dt><dd>14 March 2023</dd></dl>"
    )
    doc = newsdoc.loads(_page(body=f"<article>{metadata}{_PROSE}</article>"))
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # A glossary in the story is text.
    glossary = "<dl><dt>Levy</dt><dd>A tax on each night a visitor stays in the town.</dd></dl>"
    doc = newsdoc.loads(_page(body=f"<article>{_PROSE}{glossary}</article>"))
    assert doc.blocks[-1].text == "A tax on each night a visitor stays in the town."


@pytest.mark.parametrize("marker", ["author", "article-author", "autor", "auteur", "firma"])
def test_an_author_element_names_the_author_and_is_not_text(marker: str) -> None:
    body = f"<article><div class='{marker}'>Jane Doe</div>{_PROSE}</article>"
    doc = newsdoc.loads(_page(body=body))
    assert [author.name for author in doc.metadata.authors] == ["Jane Doe"]
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize("marker", ["datum", "fecha-publicacion", "post-date"])
def test_a_date_element_in_any_language_dates_the_page(marker: str) -> None:
    # Outside the article's text, where only the element's class tells what the date is.
    body = f"<header><span class='{marker}'>14.03.2023</span></header><article>{_PROSE}</article>"
    assert newsdoc.loads(_page(body=body)).metadata.published == datetime(2023, 3, 14)


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("14.03.2023, godz. 10:30", datetime(2023, 3, 14, 10, 30)),
        ("2023年3月14日(火) 午後3時05分", datetime(2023, 3, 14, 15, 5)),
        ("14 марта 2023 г.", datetime(2023, 3, 14)),
    ],
)
def test_a_date_element_printed_in_the_pages_language_dates_the_page(
    printed: str, value: datetime
) -> None:
    body = f"<article><span class='date'>{printed}</span>{_PROSE}</article>"
    doc = newsdoc.loads(_page(body=body))
    assert doc.metadata.published == value
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize("marker", ["article-kicker", "eyebrow", "dachzeile", "surtitre"])
def test_a_kicker_over_the_headline_is_not_text(marker: str) -> None:
    body = f"<article><p class='{marker}'>Press release 112</p><h1>Budget</h1>{_PROSE}</article>"
    doc = newsdoc.loads(_page(body=body))
    assert all("Press release 112" not in block.text for block in doc.blocks)
    assert any(block.text.startswith("The council approved") for block in doc.blocks)


def test_the_authors_names_and_their_date_on_a_line_without_by_are_not_text() -> None:
    head = '<meta name="author" content="Jane Doe, John Roe">'
    body = f"<article><p>Jane Doe and John Roe | 14 March 2023</p>{_PROSE}</article>"
    doc = newsdoc.loads(_page(head, body))
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    assert doc.metadata.published == datetime(2023, 3, 14)
    # A sentence that starts with an author's name is text.
    body = f"<article><p>Jane Doe reported from the council.</p>{_PROSE}</article>"
    assert newsdoc.loads(_page(head, body)).blocks[0].text == "Jane Doe reported from the council."


def test_the_lead_photo_beside_the_text_container_keeps_its_caption() -> None:
    # The text container wins the search; the figure above it, inside the same <article>, is
    # still the story's image with its caption and credit.
    paragraphs = "".join(
        f"<p>Paragraph {n} of the report, with its commas, its clauses, and its figures, "
        "as long as a paragraph of a news story is, to give the container its weight.</p>"
        for n in range(8)
    )
    body = (
        '<article><h1>Budget</h1><figure><img src="https://city.example/hall.jpg">'
        "<figcaption>The city hall at night. Photo: Jan Peeters</figcaption></figure>"
        f'<div class="story-body">{paragraphs}</div></article>'
    )
    doc = newsdoc.loads(_page(body=body))
    assert doc.blocks[0].text.startswith("Paragraph 0 of the report")
    [image] = doc.metadata.images
    assert (image.url, image.caption, image.credit) == (
        "https://city.example/hall.jpg",
        "The city hall at night.",
        "Jan Peeters",
    )


def test_a_well_named_wrapper_with_one_line_does_not_beat_the_story() -> None:
    # "content" in a class name is a hint; an element holding one short line is not the
    # article because of it.
    story = "".join(
        f"<p>Paragraph {n} of the story, with its commas, its clauses, and its figures, as "
        "long as a paragraph of a news story is.</p>"
        for n in range(3)
    )
    body = (
        '<div class="content-wrapper title"><div><p>A short standfirst of the story.</p>'
        f'</div></div><div class="node"><div class="field-items">{story}</div></div>'
    )
    doc = newsdoc.loads(_page(body=body))
    assert [block.text[:11] for block in doc.blocks] == [
        "Paragraph 0",
        "Paragraph 1",
        "Paragraph 2",
    ]


def test_labelled_teasers_notices_and_shortcodes_are_not_text() -> None:
    body = (
        f"<article>{_PROSE}"
        '<p>Related: <a href="/news/ferry-strike">Ferry strike ends after nine days</a></p>'
        '<p>SEE MORE: <a href="/news/dike">The dike held, the engineers say</a></p>'
        "<p>This slideshow requires JavaScript.</p>"
        '<p>[button link="/submit" type="big"]Send us your story[/button]</p>'
        "<p>Write to Ann Lee at ann.lee@harbour.example</p>"
        "<p>05/10/2018 - Publicado por: Clara Borba - Categoria: Saúde - Tags: obras</p>"
        "</article>"
    )
    doc = newsdoc.loads(_page(body=body))
    assert [block.text[:20] for block in doc.blocks] == [
        "The council approved",
        "Opposition members v",
    ]
    assert [author.name for author in doc.metadata.authors] == ["Clara Borba"]
    assert doc.metadata.published == datetime(2018, 10, 5)


def test_a_front_page_is_not_an_article() -> None:
    doc = newsdoc.load(FIXTURES / "front_page.html")
    assert "html.not-an-article" in [warning.code for warning in doc.warnings]


def test_embeds_and_links_resolve_against_base() -> None:
    doc = newsdoc.load(FIXTURES / "embeds_and_base_href.html")
    assert ("https://harbour.example/news/whale-guidelines", "inline") in [
        (link.url, link.kind) for link in doc.links
    ]
    embeds = [link.url for link in doc.links if link.kind == "embed"]
    assert embeds == [
        "https://www.youtube.com/watch?v=Qw3rTy12345",
        "https://x.com/coastguard/status/1800000000000000001",
    ]


def test_quotes_are_found_in_html_bodies() -> None:
    doc = newsdoc.load(FIXTURES / "jsonld_graph_two_authors.html")
    assert [(quote.speaker, quote.cue) for quote in doc.quotes] == [("Ilse De Smet", "said")]


@pytest.mark.parametrize(
    ("stated", "names"),
    [
        ("TOM KRISHER, AP Auto Writer", ["Tom Krisher"]),
        ("Sarah E. Needleman", ["Sarah E. Needleman"]),
        ("Associated Press November 19, 9:02 AM", ["Associated Press"]),
        (
            "Finian Cunningham. Sputnik International",
            ["Finian Cunningham", "Sputnik International"],
        ),
        ("Name (required)", []),
        # "und" after a word cut at its hyphen joins the halves of one name.
        ("Wirtschafts- und Verkehrsamt Kiel", ["Wirtschafts- und Verkehrsamt Kiel"]),
        ("Jana Roth und Tim Berg", ["Jana Roth", "Tim Berg"]),
    ],
)
def test_author_strings_become_clean_names(stated: str, names: list[str]) -> None:
    doc = newsdoc.loads(_page(f'<meta name="author" content="{stated}">'))
    assert [author.name for author in doc.metadata.authors] == names


# -- the standfirst and the story's header -----------------------------------------------------


@pytest.mark.parametrize(
    "marker",
    ['class="article-dek"', 'class="standfirst"', 'class="sub-headline"', 'class="chapo"',
     'itemprop="alternativeHeadline"', 'class="story-summary"', 'class="gem-c-lead-paragraph"',
     'class="article-teaser"'],
)  # fmt: skip
def test_the_standfirst_under_the_headline_is_the_subtitle_not_the_body(marker: str) -> None:
    dek = "Roads and schools get most of the extra money, after a late-night vote"
    doc = _budget_story(f"<p {marker}>{dek}</p>")
    assert doc.subtitle == dek
    assert dek not in doc.body
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize(
    "element",
    [
        # A caption, a teaser cut short, a rail's heading, a byline with its date
        '<figure><figcaption class="summary">The council chamber during the vote on '
        "Monday</figcaption></figure>",
        '<div class="description">Good morning! Here is the news you need to...</div>',
        '<h2 class="subhead">Most Popular Today</h2>',
        '<p class="dek">By Jane Doe | March 14, 2023</p>',
        # The body's own first paragraph, marked as such
        '<p class="article__content--intro">The council met on Monday evening for a vote '
        "on the budget.</p>",
    ],
)
def test_what_is_not_a_standfirst(element: str) -> None:
    doc = _budget_story(element)
    assert doc.subtitle is None


def test_a_blog_name_in_the_h1_is_neither_the_title_nor_over_the_standfirst() -> None:
    body = (
        "<h1 class='title'>Harbour Walks</h1><p class='description'>Notes from the northern "
        "coast, written on foot</p><div class='post hentry'><h3 class='post-title "
        f"entry-title'>The keeper's last winter</h3><div class='post-body'>{_PROSE}</div></div>"
    )
    doc = newsdoc.loads(_page("<title>Harbour Walks: The keeper's last winter</title>", body))
    assert doc.title == "The keeper's last winter"
    assert doc.subtitle is None


def test_a_page_whose_only_text_is_its_introduction_keeps_it_as_the_body() -> None:
    intro = "Forty ships moored in the old docks this weekend for the tall ships festival."
    body = f"<article><h1>Tall ships in pictures</h1><p class='intro'>{intro}</p></article>"
    doc = newsdoc.loads(_page("<title>Tall ships in pictures</title>", body))
    assert doc.subtitle is None
    assert doc.body == intro


@pytest.mark.parametrize(
    ("line", "author", "published"),
    [
        ("Por Ana Ribeiro, N10 Campinas", "Ana Ribeiro", None),
        ("Submitted by Ana Ribeiro on Tue, 03/14/2023 - 16:05", "Ana Ribeiro",
         datetime(2023, 3, 14, 16, 5)),
        ("Written by Ana Ribeiro, MS, RD on March 14, 2023", "Ana Ribeiro",
         datetime(2023, 3, 14)),
        ("By Ana Ribeiro Mar 14, 2023, 4:05 PM", "Ana Ribeiro", datetime(2023, 3, 14, 16, 5)),
        ("Ana Ribeiro March 14, 2023", "Ana Ribeiro", datetime(2023, 3, 14)),
        ("Written by: Ana Ribeiro", "Ana Ribeiro", None),
        ("By the Associated Press", "Associated Press", None),
        ("Solène Morel 14/03/2023", "Solène Morel", datetime(2023, 3, 14)),
    ],
)  # fmt: skip
def test_a_byline_under_the_headline_outside_the_article_is_read(
    line: str, author: str, published: datetime | None
) -> None:
    body = (
        f"<header><h1>Budget approved</h1><div class='meta-row'><p>{line}</p></div></header>"
        f"<article>{_PROSE}</article>"
    )
    doc = _budget_page(body)
    assert [a.name for a in doc.metadata.authors] == [author]
    assert doc.metadata.published == published


@pytest.mark.parametrize(
    "line",
    [
        "Pressemitteilung 112 vom 14. März 2023",
        "Communiqué de presse du 14 mars 2023",
        "Erscheinungsdatum: 14.03.2023",
        "14.03.2023 | Quelle: dpa",
        "Press release | 14 March 2023 | Brussels",
        "Artikel | 14.03.2023 | Bundesministerium für Gesundheit",
        "Statement | 14 March 2023",
        "For Immediate Release: March 14, 2023",
    ],
)
def test_a_date_line_of_a_public_office_or_agency_under_the_headline_is_read(line: str) -> None:
    body = (
        f"<header><h1>Budget approved</h1><div class='meta-row'><p>{line}</p></div></header>"
        f"<article>{_PROSE}</article>"
    )
    doc = _budget_page(body)
    assert doc.metadata.published == datetime(2023, 3, 14)
    assert line not in doc.body


@pytest.mark.parametrize(
    "row",
    [
        # the writer's page linked, the date in its own element
        "<div class='a'><div class='b'><a href='/autor/ana-ribeiro/'>Ana Ribeiro</a></div>"
        "<div class='c'><span>Lisboa</span><span> - </span><span>14 mar 2023</span></div></div>",
        "<div class='row'><a href='https://example.org/author/ana-ribeiro'>Ana Ribeiro</a></div>"
        "<p>14/03/2023</p>",
        # the name and the date in a row of two elements, or run together without a space
        "<div class='row'><div>Ana Ribeiro</div><div>14/03/2023</div></div>",
        "<div class='row'><span class='n'>Ana Ribeiro</span><span>14/03/2023</span></div>",
        # with the place she writes from, run into the date
        "<div class='row'><span>Ana Ribeiro, Lisboa</span><span>14/03/2023</span></div>",
    ],
)
def test_a_header_row_names_its_writer_by_link_or_beside_the_date(row: str) -> None:
    doc = _budget_story(row)
    assert [a.name for a in doc.metadata.authors] == ["Ana Ribeiro"]
    assert doc.metadata.published == datetime(2023, 3, 14)
    assert "Ana Ribeiro" not in doc.body
    assert "14" not in doc.body


def test_a_link_to_a_writer_in_a_list_of_other_stories_is_not_the_author() -> None:
    body = (
        f"<article><h1>Budget approved</h1><p>14/03/2023</p>{_PROSE}</article>"
        "<aside><h2>More from our writers</h2><ul><li><a href='/author/tom-hale'>Tom Hale</a>"
        "</li></ul></aside>"
    )
    doc = _budget_page(body)
    assert doc.metadata.authors == ()


def test_a_kicker_and_headline_run_together_in_one_heading_are_the_title() -> None:
    head = "<title>Budget vote: Council approves new spending plan</title>"
    body = (
        "<article><h2><span>Budget vote</span><span>Council approves new spending plan</span>"
        f"</h2>{_PROSE}</article>"
    )
    doc = newsdoc.loads(_page(head, body))
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize(
    "title",
    [
        "Pressemitteilung: Council approves new spending plan - Harbour City Council",
        "Press release 12/2023 - Council approves new spending plan | Harbour City Council",
        "Communiqué de presse : Council approves new spending plan",
    ],
)
def test_the_kind_of_page_before_a_release_title_is_not_the_title(title: str) -> None:
    body = f"<main><h1>Council approves new spending plan</h1>{_PROSE}</main>"
    doc = newsdoc.loads(_page(f"<title>{title}</title>", body))
    assert doc.title == "Council approves new spending plan"


def test_a_name_alone_at_the_foot_of_the_story_signs_it() -> None:
    doc = _budget_story(below="<p><em>Ana Ribeiro</em></p>")
    assert [a.name for a in doc.metadata.authors] == ["Ana Ribeiro"]
    assert "Ana Ribeiro" not in doc.body
    # A last line that is not a name alone stays text.
    doc = _budget_story(below="<p>Harbour City Council</p>")
    assert doc.metadata.authors == ()
    assert doc.body.endswith("Harbour City Council")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Lena Brandt, dpa", ["Lena Brandt"]),
        ("Lena Brandt (AFP)", ["Lena Brandt"]),
        ("Lena Brandt und Jörg Keil, dpa", ["Lena Brandt", "Jörg Keil"]),
    ],
)
def test_a_name_and_the_agency_whose_copy_it_reworked_sign_the_story(
    line: str, names: list[str]
) -> None:
    doc = _budget_story(f"<p>{line}</p>")
    assert [author.name for author in doc.metadata.authors] == names
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # A photo's credit ("Lena Brandt/dpa") is not a byline.
    doc = _budget_story("<p>Lena Brandt/dpa</p>")
    assert doc.metadata.authors == ()


@pytest.mark.parametrize("line", ["Lena Brandt, dpa", "Lena Brandt, Senior Reporter"])
def test_an_unlabelled_byline_in_the_header_outside_the_story_is_read(line: str) -> None:
    body = (
        f"<header><h1>Budget approved</h1><div class='meta'><span>{line}</span></div></header>"
        f"<main>{_PROSE}</main>"
    )
    doc = _budget_page(body)
    assert [author.name for author in doc.metadata.authors] == ["Lena Brandt"]


def test_credits_with_the_work_in_brackets_name_the_writer() -> None:
    doc = _budget_story("<p>Lena Brandt (Text), Jörg Keil (Fotos)</p>")
    assert [author.name for author in doc.metadata.authors] == ["Lena Brandt"]
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    head = '<meta name="author" content="Lena Brandt (Text), Jörg Keil (Fotos)">'
    doc = _budget_story(head=head)
    assert [author.name for author in doc.metadata.authors] == ["Lena Brandt"]


@pytest.mark.parametrize(
    "above",
    [
        "<p>Lena Brandt</p><p>14 March 2023 · 5 min read</p>",
        "<p>14 March 2023 · 5 min read</p><p>Lena Brandt</p>",
    ],
)
def test_a_name_alone_beside_the_date_line_above_the_story_is_the_byline(above: str) -> None:
    doc = _budget_story(above)
    assert [author.name for author in doc.metadata.authors] == ["Lena Brandt"]
    assert doc.metadata.published == datetime(2023, 3, 14)
    assert doc.blocks[0].text.startswith("The council approved a new budget")


def test_a_name_alone_away_from_a_date_line_is_text() -> None:
    # No date line beside it: a name over the story may be a caption's or a heading's.
    doc = _budget_story("<p>Lena Brandt</p>")
    assert doc.metadata.authors == ()
    assert doc.blocks[0].text == "Lena Brandt"
    # Inside the story, beside a date, it is somebody the story names.
    doc = _budget_story(below="<p>Lena Brandt</p><p>14 March 2023</p><p>The vote came late.</p>")
    assert doc.metadata.authors == ()
    assert "Lena Brandt" in [block.text for block in doc.blocks]


def test_the_dates_of_a_metadata_list_under_the_headline_are_read() -> None:
    above = (
        "<dl><dt>From:</dt><dd><a href='/organisations/transport'>Department for Transport</a>"
        "</dd><dt>Published</dt><dd>14 March 2023</dd><dt>Last updated</dt><dd>15 March 2023"
        "</dd></dl>"
    )
    doc = _budget_story(above)
    assert doc.metadata.published == datetime(2023, 3, 14)
    assert doc.metadata.modified == datetime(2023, 3, 15)
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize(
    "byline",
    [
        "<div class='authors'><a href='/p/lena'>Lena Brandt</a>"
        "<a href='/p/jorg'>Jörg Keil</a></div>",
        "<ul class='authors'><li><a href='/author/lena-brandt'>Lena Brandt</a></li>"
        "<li><a href='/author/jorg-keil'>Jörg Keil</a></li></ul>",
    ],
)
def test_writers_linked_side_by_side_are_one_author_each(byline: str) -> None:
    body = f"<header><h1>Budget approved</h1>{byline}</header><main>{_PROSE}</main>"
    doc = _budget_page(body)
    assert [author.name for author in doc.metadata.authors] == ["Lena Brandt", "Jörg Keil"]
    # Links that are not all names (a feed, a profile elsewhere) are no writers.
    byline = "<div class='byline'><a href='/p/lena'>Lena Brandt</a> <a href='/rss'>Feed</a></div>"
    body = f"<header><h1>Budget approved</h1>{byline}</header><main>{_PROSE}</main>"
    doc = _budget_page(body)
    assert "Feed" not in [author.name for author in doc.metadata.authors]


def test_a_name_and_an_agency_at_the_foot_of_the_story_sign_it() -> None:
    doc = _budget_story(below="<p>(Lena Brandt, dpa)</p>")
    assert [author.name for author in doc.metadata.authors] == ["Lena Brandt"]
    assert "Lena Brandt" not in doc.body
    # Not a name beside something else than an agency.
    doc = _budget_story(below="<p>Lena Brandt, Harbour City</p>")
    assert doc.metadata.authors == ()


def test_a_page_without_headings_prints_its_title_and_date_line_in_paragraphs() -> None:
    story = (
        "The council approved a new budget on Monday, raising spending on roads and schools "
        "by four percent, after a debate that lasted until late in the evening. Opposition "
        "members voted against it, saying the city could not afford the new borrowing, while "
        "the majority said the investments were long overdue and that the roads could not "
        "wait another winter. The mayor signed the budget the same night."
    )
    body = (
        "<div class='col'><p class='titulo'>Council approves new spending plan</p>"
        f"<p><small>14/03/2023 - Published by: Ana Ribeiro - Category: City</small><br>{story}"
        "</p></div>"
    )
    doc = newsdoc.loads(_page("<title>Council approves new spending plan</title>", body))
    assert doc.body == story
    assert doc.metadata.published == datetime(2023, 3, 14)
    assert [author.name for author in doc.metadata.authors] == ["Ana Ribeiro"]


@pytest.mark.parametrize(
    "contact",
    [
        "Pressestelle: Ana Ribeiro, Telefon 0711 123456",
        "Media contact: Ana Ribeiro, press@harbour.example",
    ],
)
def test_a_press_offices_contact_under_a_release_is_not_text(contact: str) -> None:
    body = f"<main><h1>Budget approved</h1>{_PROSE}<p>{contact}</p></main>"
    doc = _budget_page(body)
    assert "Ana Ribeiro" not in doc.body
    assert doc.metadata.authors == ()


def test_the_site_named_only_in_the_title_is_not_an_author() -> None:
    head = (
        "<title>Budget approved - Harbour International</title>"
        '<meta name="author" content="Ana Ribeiro. Harbour International">'
    )
    doc = newsdoc.loads(_page(head, f"<article><h1>Budget approved</h1>{_PROSE}</article>"))
    assert doc.metadata.site_name == "Harbour International"
    assert [author.name for author in doc.metadata.authors] == ["Ana Ribeiro"]


def test_a_sentence_end_inside_an_author_meta_ends_the_name() -> None:
    doc = _budget_story(head='<meta name="author" content="Ana Ribeiro. Harbour Times Online">')
    assert [author.name for author in doc.metadata.authors] == ["Ana Ribeiro"]


@pytest.mark.parametrize(
    "author",
    [
        "Ana Ribeiro, HGN Business",  # a desk named by an acronym
        "Ana Ribeiro, HGN Editor-at-large",  # a job in one hyphenated word
        "Ana Ribeiro, Harbour Gazette",  # the start of the site's name
    ],
)
def test_the_publication_and_its_desks_beside_the_writer_are_not_authors(author: str) -> None:
    head = (
        '<meta property="og:site_name" content="Harbour Gazette Deutschland">'
        f'<meta name="author" content="{author}">'
    )
    doc = _budget_story(head=head)
    assert [author.name for author in doc.metadata.authors] == ["Ana Ribeiro"]


def test_a_desk_of_the_publication_is_not_its_writer() -> None:
    head = (
        '<meta property="og:site_name" content="The Harbour Gazette">'
        '<meta name="author" content="Harbour Gazette Sport">'
    )
    doc = _budget_story(head=head)
    assert doc.metadata.authors == ()


@pytest.mark.parametrize("placeholder", ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z"])
def test_a_placeholder_for_no_date_is_not_the_date(placeholder: str) -> None:
    script = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        f'"NewsArticle", "datePublished": "{placeholder}", "dateModified": "{placeholder}"}}'
        "</script>"
    )
    body = "<article><h1>Budget approved</h1><time datetime='2023-03-14T08:45:00Z'>"
    body += f"14 March</time>{_PROSE}</article>"
    doc = newsdoc.loads(_page(f"<title>Budget approved</title>{script}", body))
    assert doc.metadata.published == datetime(2023, 3, 14, 8, 45, tzinfo=UTC)
    assert doc.metadata.modified is None


def test_a_page_that_names_itself_as_the_author_still_has_its_byline_read() -> None:
    script = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        '"NewsArticle", "author": {"@type": "Person", "name": "Harbour Gazette"}, '
        '"publisher": {"@type": "Organization", "name": "Harbour Gazette"}}</script>'
    )
    byline = "<p class='byline'>By Ana Ribeiro and Tom Hale Monday, March 13, 2023, 04:05 pm PT</p>"
    doc = _budget_story(byline, head=script)
    assert [author.name for author in doc.metadata.authors] == ["Ana Ribeiro", "Tom Hale"]


@pytest.mark.parametrize(
    "header",
    [
        # the title in a box of its own and the date loose after it, no heading on the page
        "<dl class='news-title'><dt>Budget approved</dt></dl> Published: 14 March 2023",
        "<h1>Budget approved</h1> 14.03.2023",
    ],
)
def test_a_date_written_loose_after_the_headline_is_read(header: str) -> None:
    body = f"<div class='news'>{header}<div class='text'>{_PROSE}</div></div>"
    doc = _budget_page(body)
    assert doc.metadata.published == datetime(2023, 3, 14)


def test_the_machine_date_of_a_date_element_is_read_from_its_attribute() -> None:
    body = (
        f"<article><h1>Budget approved</h1>{_PROSE}<p class='post-footer'>Posted at "
        "<abbr class='published' title='2023-03-14T18:20:00Z'>6:20 PM</abbr></p></article>"
    )
    doc = _budget_page(body)
    assert doc.metadata.published == datetime(2023, 3, 14, 18, 20, tzinfo=UTC)


def test_a_reading_time_beside_the_byline_and_date_is_not_text() -> None:
    body = (
        "<article><h1>Budget approved</h1><div>Jane Doe · 6 min read · Jun 2, 2023</div>"
        f"{_PROSE}</article>"
    )
    doc = newsdoc.loads(_page('<title>Budget approved</title><meta name="author" '
                              'content="Jane Doe">', body))  # fmt: skip
    assert doc.metadata.published == datetime(2023, 6, 2)
    assert "min read" not in doc.body


def test_a_time_given_in_two_zones_is_read_once_and_warns_of_nothing() -> None:
    body = (
        "<article><h1>Budget approved</h1><p>Monday, November 18, 2019, 4:05 pm PT | "
        f"7:05 pm ET</p>{_PROSE}</article>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        doc = _budget_page(body)
    published = doc.metadata.published
    assert published is not None
    assert published.astimezone(UTC) == datetime(2019, 11, 19, 0, 5, tzinfo=UTC)


def test_a_related_story_card_does_not_give_the_author() -> None:
    body = (
        "<article><h1>Budget approved</h1><div class='byline'>Associated Press "
        f"November 19, 2019, 9:02 AM</div>{_PROSE}</article><aside><div "
        "class='related-links-author'>Ryan Lee</div></aside>"
    )
    doc = _budget_page(body)
    assert [a.name for a in doc.metadata.authors] == ["Associated Press"]


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        ("Publié le 14 mars 2023 à 08h45, modifié à 10h30", datetime(2023, 3, 14, 8, 45),
         datetime(2023, 3, 14, 10, 30)),
        ("Opublikowano: 14.03.2023 08:45 Aktualizacja: 14.03.2023 10:30",
         datetime(2023, 3, 14, 8, 45), datetime(2023, 3, 14, 10, 30)),
        ("Published 8:45 AM, March 14, 2023 | Updated 1:30 pm", datetime(2023, 3, 14, 8, 45),
         datetime(2023, 3, 14, 13, 30)),
        ("Door Jan Smit | 14 maart 2023, 08:45 | Laatste update: 10:30",
         datetime(2023, 3, 14, 8, 45), datetime(2023, 3, 14, 10, 30)),
        # News agencies sign the line; a dotted date is no time of its own
        ("dpa/AFP | Erstellt: 14.03.2023 - 08:45 Uhr | Aktualisiert: 14.03.2023 - 10:30 Uhr",
         datetime(2023, 3, 14, 8, 45), datetime(2023, 3, 14, 10, 30)),
        ("Veröffentlicht am 14. März 2023 von admin", datetime(2023, 3, 14), None),
        # The kind of page and its number; a name without "Von" before a numeric date
        ("Pressemitteilung 112 | Dienstag, 14. März 2023", datetime(2023, 3, 14), None),
        ("Max Weber 14.03.2023, 08:45 Uhr", datetime(2023, 3, 14, 8, 45), None),
        # Chinese pages label the source and the writer beside the date
        ("2023-03-14 10:30 来源：海港网 作者：王伟", datetime(2023, 3, 14, 10, 30), None),
    ],
)  # fmt: skip
def test_date_lines_above_the_story(
    line: str, published: datetime, modified: datetime | None
) -> None:
    doc = _budget_story(f"<p>{line}</p>")
    assert (doc.metadata.published, doc.metadata.modified) == (published, modified)
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ('<span>Текст: Ирина Волкова</span><span class="divider">·</span>14 марта 2023',
         "Ирина Волкова"),
        ("<span>By Nora Falk</span><span>|</span>14.03.2023", "Nora Falk"),
        # A row of spans as blogging platforms print it: the name, the reading time, the date
        ('<span><a href="/@nfalk">Nora Falk</a></span><span>6 min read</span><span>·</span>'
         "<span>Mar 14, 2023</span>", "Nora Falk"),
        ('<span><a href="/@nfalk">Nora Falk</a></span> <span>6 min read</span> · '
         "<span>Mar 14, 2023</span>", "Nora Falk"),
    ],
)  # fmt: skip
def test_a_divider_between_the_byline_and_the_date_without_spaces_parts_them(
    line: str, name: str
) -> None:
    doc = _budget_story(f"<div>{line}</div>")
    assert [author.name for author in doc.metadata.authors] == [name]
    assert doc.metadata.published == datetime(2023, 3, 14)
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize(
    ("head", "names"),
    [
        ('<meta name="DC.creator" content="Doe, Jane">', ["Jane Doe"]),
        ('<meta name="citation_author" content="García-López, María José">'
         '<meta name="citation_author" content="Roe, J.">', ["María José García-López", "J. Roe"]),
        ('<meta name="author" content="Doe, Jane; Roe, John">', ["Jane Doe", "John Roe"]),
        # Two names, not a surname and its given name
        ('<meta name="author" content="Reuters, AP">', ["Reuters", "AP"]),
        # An address or a handle beside the name, as RSS and social profiles write them
        ('<meta name="author" content="jane.doe@example.com (Jane Doe)">', ["Jane Doe"]),
        ('<meta name="author" content="Jane Doe <jane.doe@example.com>">', ["Jane Doe"]),
        ('<meta name="author" content="Jane Doe (@janedoe), John Roe (@jroe)">',
         ["Jane Doe", "John Roe"]),
        ('<meta name="author" content="Jane Doe, John Roe">', ["Jane Doe", "John Roe"]),
    ],
)  # fmt: skip
def test_names_written_surname_first_are_read_in_order(head: str, names: list[str]) -> None:
    doc = newsdoc.loads(_page(f"<title>Budget approved</title>{head}"))
    assert [author.name for author in doc.metadata.authors] == names


@pytest.mark.parametrize(
    ("title", "head", "body_top", "expected", "site"),
    [
        # The page's host names the site, at either end, even when the parts are as short
        ("Budget approved — Harbour Gazette",
         '<link rel="canonical" href="https://www.harbourgazette.co.uk/news/budget">', "",
         "Budget approved", "Harbour Gazette"),
        ("Harbour Gazette » Budget approved",
         '<link rel="canonical" href="https://harbourgazette.example/budget">', "",
         "Budget approved", "Harbour Gazette"),
        ("Budget approved | BBC News", '<link rel="canonical" href="https://www.bbc.com/news/1">',
         "", "Budget approved", "BBC News"),
        ("Haushalt beschlossen « kleinezeitung.at", "", "<h2>Haushalt beschlossen</h2>",
         "Haushalt beschlossen", "kleinezeitung.at"),
        # Chinese and Japanese sites: a full-width bar, an underscore or a dash with no spaces,
        # and words counted by characters
        ("予算案を可決 市議会｜北海ニュース", "", "", "予算案を可決 市議会", "北海ニュース"),
        ("市议会通过明年预算_海港新闻", "", "", "市议会通过明年预算", "海港新闻"),
        ("市议会通过明年预算 - 海港网", "", "", "市议会通过明年预算", "海港网"),
        # The body's opening heading shows the headline when the page has no <h1>
        ("Budget approved :: Harbour Gazette", "", "<h2>Budget approved</h2>",
         "Budget approved", "Harbour Gazette"),
        # Sections left between the headline and the site go with it
        ("Budget approved | Local | Harbour Gazette",
         '<meta property="og:site_name" content="Harbour Gazette">', "", "Budget approved",
         "Harbour Gazette"),
        ("Budget approved after a long debate - Local News - Harbour Gazette", "", "",
         "Budget approved after a long debate", "Harbour Gazette"),
        # A headline's own second part is not a section
        ("Storm Ida - What We Know - Coast News", "", "", "Storm Ida - What We Know - Coast News",
         None),
    ],
)  # fmt: skip
def test_the_site_is_told_by_the_host_the_opening_heading_and_sections_go(
    title: str, head: str, body_top: str, expected: str, site: str | None
) -> None:
    doc = newsdoc.loads(
        _page(f"<title>{title}</title>{head}", f"<article>{body_top}{_PROSE}</article>")
    )
    assert (doc.title, doc.metadata.site_name) == (expected, site)
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize(
    "writer",
    [
        '"creator": ["Ana Ribeiro"]',
        '"author": {"@type": "Person", "givenName": "Ana", "familyName": "Ribeiro"}',
    ],
)
def test_a_json_ld_writer_given_as_creator_or_in_parts(writer: str) -> None:
    script = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        f'"@type": "NewsArticle", "headline": "Budget approved", {writer}}}</script>'
    )
    doc = newsdoc.loads(_page(f"<title>Budget approved</title>{script}"))
    assert [author.name for author in doc.metadata.authors] == ["Ana Ribeiro"]


@pytest.mark.parametrize(
    "tag",
    [
        '<meta property="article:published" content="2023-03-14T08:45:00Z">',
        '<meta itemprop="dateCreated datePublished" content="2023-03-14T08:45:00Z">',
        '<meta name="publication_date" content="2023-03-14T08:45:00Z">',
        '<meta name="ptime" content="2023-03-14T08:45:00Z">',
    ],
)
def test_more_meta_names_of_the_publication_date(tag: str) -> None:
    doc = newsdoc.loads(_page(f"<title>Budget approved</title>{tag}"))
    assert doc.metadata.published == datetime(2023, 3, 14, 8, 45, tzinfo=UTC)


@pytest.mark.parametrize(
    "byline",
    [
        "<strong class='journalist'>Ana Ribeiro</strong>",
        "<span class='article-reporter'>Ana Ribeiro</span>",
        "<small class='verfasser'>Ana Ribeiro</small>",
        "<h5 class='post-author'>Ana Ribeiro</h5>",
    ],
)
def test_a_byline_marked_by_the_writers_job_or_in_small_print(byline: str) -> None:
    doc = _budget_story(f"<p>{byline}</p>")
    assert [author.name for author in doc.metadata.authors] == ["Ana Ribeiro"]
    assert "Ana Ribeiro" not in doc.body


def test_the_title_is_worded_as_the_headline_the_page_shows() -> None:
    head = (
        '<meta property="og:title" content="Council passes budget">'
        "<title>Harbour council approves budget after late debate | Harbour Gazette</title>"
    )
    body = f"<article><h1>Harbour council approves budget after late debate</h1>{_PROSE}</article>"
    doc = newsdoc.loads(_page(head, body))
    assert doc.title == "Harbour council approves budget after late debate"
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # A headline that tells of something else (a section's name in the <h1>) is not taken.
    body = f"<article><h1>Harbour News</h1>{_PROSE}</article>"
    head = '<meta property="og:title" content="Council passes budget"><title>Harbour News</title>'
    doc = newsdoc.loads(_page(head, body))
    assert doc.title == "Council passes budget"


def test_a_headline_that_rewords_the_title_a_little_is_the_title() -> None:
    head = '<meta property="og:title" content="HS Roundup: Harbour beats Riverside">'
    body = f"<article><h1>High School Roundup: Harbour beats Riverside</h1>{_PROSE}</article>"
    doc = newsdoc.loads(_page(head, body))
    assert doc.title == "High School Roundup: Harbour beats Riverside"
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # A headline that tells of something else leaves the stated title, unless it opens the
    # story's text: then it is the story's own headline, worded apart from the one for sharing.
    body = f"<header><h1>Why the harbour voted as it did</h1></header><article>{_PROSE}</article>"
    assert newsdoc.loads(_page(head, body)).title == "HS Roundup: Harbour beats Riverside"
    body = f"<article><h1>Why the harbour voted as it did</h1>{_PROSE}</article>"
    doc = newsdoc.loads(_page(head, body))
    assert doc.title == "Why the harbour voted as it did"
    assert doc.blocks[0].text.startswith("The council approved a new budget")


def test_a_heading_that_shows_the_site_name_over_the_story_is_not_text() -> None:
    head = (
        "<title>Budget approved | Harbour Gazette</title>"
        '<meta name="twitter:title" content="Budget approved">'
    )
    doc = newsdoc.loads(_page(head, f"<article><h1>Harbour Gazette</h1>{_PROSE}</article>"))
    assert doc.title == "Budget approved"
    assert doc.blocks[0].text.startswith("The council approved a new budget")


def test_a_date_after_an_authors_name_is_not_part_of_it() -> None:
    head = '<meta name="author" content="Jane Doe Nov 19th, Ann Lee - 2019-11-19T06:56">'
    doc = newsdoc.loads(_page(f"<title>Budget approved</title>{head}"))
    assert [author.name for author in doc.metadata.authors] == ["Jane Doe", "Ann Lee"]


def test_a_name_without_by_before_a_numeric_date_is_the_author() -> None:
    body = (
        "<h1>Budget approved</h1><div class='meta-row'><span>Max Weber</span> "
        f"<span>14.03.2023, 08:45 Uhr</span></div><article>{_PROSE}</article>"
    )
    doc = _budget_page(body)
    assert [author.name for author in doc.metadata.authors] == ["Max Weber"]
    # A place is not a person.
    body = body.replace("Max Weber", "New York")
    assert _budget_page(body).metadata.authors == ()


_LONG_HEADLINE = (
    "Council approves a budget that raises spending on roads and schools by four percent "
    "after a debate that ran late into the night"
)


@pytest.mark.parametrize(
    "cut", [_LONG_HEADLINE[:107] + "...", _LONG_HEADLINE[:100], _LONG_HEADLINE[:60] + "…"]
)
def test_a_headline_cut_short_in_json_ld_gives_way_to_the_whole_one(cut: str) -> None:
    head = _ld({"@type": "NewsArticle", "headline": cut})
    doc = newsdoc.loads(_page(head, f"<article><h1>{_LONG_HEADLINE}</h1>{_PROSE}</article>"))
    assert doc.title == _LONG_HEADLINE
    assert doc.blocks[0].text.startswith("The council approved a new budget")


@pytest.mark.parametrize(
    "head",
    [
        '<meta property="og:title" content="Council approves a budget that raises spending">',
        "<title>Council approves a budget that raises spending | Harbour Times</title>",
    ],
)
def test_a_title_shortened_for_search_engines_is_the_whole_headline(head: str) -> None:
    doc = newsdoc.loads(_page(head, f"<article><h1>{_LONG_HEADLINE}</h1>{_PROSE}</article>"))
    assert doc.title == _LONG_HEADLINE
    assert doc.blocks[0].text.startswith("The council approved a new budget")
    # A headline that puts a kicker before the title's words does not replace it.
    body = f"<article><h1>Budget vote: Council approves new spending plan</h1>{_PROSE}</article>"
    doc = newsdoc.loads(_page("<title>Council approves new spending plan</title>", body))
    assert doc.title == "Council approves new spending plan"


def test_a_page_that_states_no_title_is_titled_by_its_headline() -> None:
    doc = newsdoc.loads(_page("", f"<article><h1>Council approves new spending plan</h1>{_PROSE}"))
    assert doc.title == "Council approves new spending plan"
    assert doc.blocks[0].text.startswith("The council approved a new budget")


def test_a_date_without_a_time_zone_gives_way_to_the_same_moment_with_one() -> None:
    head = _ld({"@type": "NewsArticle", "datePublished": "2023-03-14T08:45:00"}) + (
        '<meta property="article:published_time" content="2023-03-14T08:45:00+01:00">'
    )
    doc = newsdoc.loads(_page(head))
    assert doc.metadata.published == datetime(
        2023, 3, 14, 8, 45, tzinfo=timezone(timedelta(hours=1))
    )
    # Another moment with a zone is another statement: the first source still wins.
    head = _ld({"@type": "NewsArticle", "datePublished": "2023-03-14T08:45:00"}) + (
        '<meta property="article:published_time" content="2023-03-15T09:00:00+01:00">'
    )
    # (an aware datetime never equals a naive one)
    assert newsdoc.loads(_page(head)).metadata.published == datetime(2023, 3, 14, 8, 45)


@pytest.mark.parametrize(
    ("head", "published"),
    [
        ('<meta name="ptime" content="20230314084500">', datetime(2023, 3, 14, 8, 45)),
        ('<meta name="date_published" content="2023-03-14">', datetime(2023, 3, 14)),
        ('<meta name="original-publish-date" content="2023-03-14">', datetime(2023, 3, 14)),
        (
            '<meta name="article_date_original" content="Tuesday, March 14, 2023 8:45 AM">',
            datetime(2023, 3, 14, 8, 45),
        ),
        (
            _ld({"@type": "NewsArticle", "dateCreated": "2023-03-14T08:45:00Z"}),
            datetime(2023, 3, 14, 8, 45, tzinfo=UTC),
        ),
        ('<meta name="ptime" content="20231314084500">', None),  # no thirteenth month
    ],
)
def test_more_publication_date_meta_forms(head: str, published: datetime | None) -> None:
    assert newsdoc.loads(_page(head)).metadata.published == published


@pytest.mark.parametrize("stated", ['"1678783500"', '"1678783500000"', "1678783500"])
def test_a_date_stated_as_a_unix_time_is_read(stated: str) -> None:
    head = _ld({"@type": "NewsArticle", "datePublished": json.loads(stated)})
    doc = newsdoc.loads(_page(head))
    assert doc.metadata.published == datetime(2023, 3, 14, 8, 45, tzinfo=UTC)


def test_a_number_outside_news_years_is_no_date() -> None:
    head = '<meta property="article:published_time" content="1234567890123456">'
    assert newsdoc.loads(_page(head)).metadata.published is None


@pytest.mark.parametrize(
    ("header", "author", "published"),
    [
        ("<div class='meta-top'><span>Local</span> <span>March 14, 2023</span></div>", None,
         datetime(2023, 3, 14)),
        ("<p>By Jane Doe</p>", "Jane Doe", None),
    ],
)  # fmt: skip
def test_a_byline_or_date_over_the_headline_is_read(
    header: str, author: str | None, published: datetime | None
) -> None:
    body = f"<div class='story-head'>{header}<h1>Budget approved</h1></div><div>{_PROSE}</div>"
    doc = _budget_page(body)
    assert [a.name for a in doc.metadata.authors] == ([author] if author else [])
    assert doc.metadata.published == published


def test_a_masthead_date_away_from_the_headline_is_not_the_publication_date() -> None:
    body = (
        "<header class='masthead'><p>Tuesday, March 21, 2023</p></header>"
        f"<main><h1>Budget approved</h1><div>{_PROSE}</div></main>"
    )
    assert _budget_page(body).metadata.published is None


def test_open_graph_article_tags_with_the_og_prefix_are_read() -> None:
    head = (
        '<meta property="og:article:author" content="Mira Tanaka">'
        '<meta property="og:article:published_time" content="2023-03-14T08:00:00+0000">'
        '<meta property="og:article:modified_time" content="2023-03-15T09:30:00+0000">'
        '<meta property="og:article:section" content="City Hall">'
        '<meta property="og:article:tag" content="Budget,Roads,Schools">'
    )
    doc = _budget_story(head=head)
    assert [author.name for author in doc.metadata.authors] == ["Mira Tanaka"]
    assert doc.metadata.modified == datetime(2023, 3, 15, 9, 30, tzinfo=UTC)
    assert doc.metadata.section == "City Hall"
    assert doc.metadata.tags == ("Budget", "Roads", "Schools")


def test_one_article_tag_holding_every_tag_is_split_several_are_kept_whole() -> None:
    one = _budget_story(head='<meta property="article:tag" content="Budget, Roads,Schools">')
    several = _budget_story(
        head='<meta property="article:tag" content="Washington, D.C.">'
        '<meta property="article:tag" content="Budget">'
    )
    assert one.metadata.tags == ("Budget", "Roads", "Schools")
    assert several.metadata.tags == ("Washington, D.C.", "Budget")


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Words: Mira Tanaka", ["Mira Tanaka"]),
        ("By Mira Tanaka @miratanaka", ["Mira Tanaka"]),
        ("By Mira Tanaka (@mira_t)", ["Mira Tanaka"]),
        ("By Mira Tanaka @miratanaka and Owen Price @owenprice", ["Mira Tanaka", "Owen Price"]),
        ("Mira Tanaka & Owen Price", ["Mira Tanaka", "Owen Price"]),
        ("Mira Tanaka und Owen Price", ["Mira Tanaka", "Owen Price"]),
    ],
)
def test_bylines_with_handles_a_words_label_or_two_unlabelled_names(
    line: str, names: list[str]
) -> None:
    doc = _budget_story(f'<div class="meta"><span>{line}</span> <span>March 14, 2023</span></div>')
    assert [author.name for author in doc.metadata.authors] == names
    assert doc.metadata.published == datetime(2023, 3, 14)
    assert doc.blocks[0].text.startswith("The council approved")


def test_an_address_after_the_name_is_not_a_handle() -> None:
    from newsdoc.analysis.bylines import without_handles

    assert without_handles("By Mira Tanaka, mira.tanaka@example.com") == (
        "By Mira Tanaka, mira.tanaka@example.com"
    )
    assert without_handles("By Mira Tanaka @mira_t, Staff") == "By Mira Tanaka, Staff"


def test_a_title_in_two_even_halves_at_a_colon_is_the_half_the_headline_shows() -> None:
    body = f"<article><h1>Fährhaus eröffnet</h1>{_PROSE}</article>"
    doc = newsdoc.loads(_page("<title>Gemeinde Uferbach: Fährhaus eröffnet</title>", body))
    assert doc.title == "Fährhaus eröffnet"
    assert doc.blocks[0].text.startswith("The council approved")


def test_a_heading_that_only_names_the_kind_of_page_over_the_title_is_not_text() -> None:
    body = f"<article><h1>Pressemitteilung</h1><h2>Fährhaus eröffnet</h2>{_PROSE}</article>"
    doc = newsdoc.loads(_page("<title>Fährhaus eröffnet</title>", body))
    assert doc.title == "Fährhaus eröffnet"
    assert [block.kind for block in doc.blocks] == ["paragraph", "paragraph"]
