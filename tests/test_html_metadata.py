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
