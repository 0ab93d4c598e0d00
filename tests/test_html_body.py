"""The story's whole text on page shapes newsdoc was never tuned on: a page each, written for
the test, for each kind of loss seen on pages from other publishers."""

from __future__ import annotations

import json

import newsdoc

_STORY = [
    "The harbour board approved the new quay on Monday after a debate that lasted until late in "
    "the evening, with the port's director promising that work would start in the spring.",
    "Dock workers welcomed the plan, saying the old quay had been too short for the ships that "
    "call at the port today, while residents asked for a quieter schedule at night.",
    "The quay will cost forty million euros, shared between the city, the region and the port "
    "company, which expects the first ships to berth there in two years' time.",
    "Opponents said the money would be better spent on the railway line to the port, which has "
    "been waiting for new signals for a decade, and promised to fight the plan in court.",
]


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _load(body: str, head: str = "") -> newsdoc.Document:
    page = (
        "<!DOCTYPE html><html lang='en'><head><title>Quay approved | Harbour Times</title>"
        f"{head}</head><body>{body}</body></html>"
    )
    return newsdoc.loads(page.encode())


def _has_story(doc: newsdoc.Document) -> bool:
    return all(text in doc.body for text in _STORY)


def test_a_list_of_references_under_the_story_does_not_take_its_place() -> None:
    # Each reference is full of commas and scores higher than a paragraph of the story; its
    # list's wrapper is mostly link text.
    references = "".join(
        f"<li><cite>Author {n}, <a href='/ref/{n}'>Report on quays and locks, volume {n}</a>,"
        f" Harbour Press, Ghent, {1990 + n}, pages {n}, {n + 4}, {n + 9}</cite></li>"
        for n in range(12)
    )
    body = (
        f"<div class='page-content'><h1>Quay approved</h1>{_paragraphs(_STORY)}"
        f"<h2>References</h2><div class='reflist'><ol class='references'>{references}</ol>"
        "</div></div>"
    )
    assert _has_story(_load(body))


def test_a_story_streamed_in_a_hidden_segment_is_read() -> None:
    # A streaming renderer sends the page's parts hidden, for a script to move into place.
    body = (
        "<template id='B:1a'></template><script>$RC('B:1a','S:1a')</script>"
        f"<div hidden id='S:1a'><article><h1>Quay approved</h1>{_paragraphs(_STORY)}"
        "</article></div>"
    )
    assert _has_story(_load(body))


def test_a_hidden_element_is_still_not_the_story() -> None:
    body = (
        f"<article><h1>Quay approved</h1>{_paragraphs(_STORY)}</article>"
        "<div hidden id='cookie-dialog'><p>We use cookies to give you the best experience on "
        "our website, to measure traffic and to show you offers that suit you.</p></div>"
    )
    assert "cookies" not in _load(body).body


def test_the_part_of_the_story_behind_a_paywall_class_is_the_story() -> None:
    # Sites mark the text a subscription unlocks with the class, and for screen readers.
    body = (
        f"<article><h1>Quay approved</h1><div class='article-text'>{_paragraphs(_STORY[:2])}"
        f"<div class='paywalled-content'>{_paragraphs(_STORY[2:3])}</div>"
        f"<p class='paywall' aria-hidden='true'>{_STORY[3]}</p></div></article>"
    )
    assert _has_story(_load(body))


def test_a_subscription_prompt_is_still_not_the_story() -> None:
    body = (
        f"<article><h1>Quay approved</h1>{_paragraphs(_STORY)}"
        "<div class='subscribe-box'><p>Subscribe for one euro a month to read on.</p></div>"
        "<div class='paywall'><h2>Keep reading</h2><p>Unlock every story with a premium "
        "account.</p></div>"
        "<span aria-hidden='true'>Share this story</span></article>"
    )
    doc = _load(body)
    assert _has_story(doc)
    assert "Subscribe" not in doc.body
    assert "Unlock" not in doc.body
    assert "Share this story" not in doc.body


def test_the_options_of_a_form_are_not_prose_that_outweighs_the_story() -> None:
    countries = "".join(f"<option>Country number {n}, a long name</option>" for n in range(200))
    form = (
        "<div class='newsletter-box'><div class='form-contents'><div class='field-country'>"
        f"<label>Your country</label><select name='country'>{countries}</select></div></div></div>"
    )
    doc = _load(f"<div class='wrap'><h1>Quay approved</h1>{_paragraphs(_STORY)}</div>{form}")
    assert _has_story(doc)
    assert "Country number" not in doc.body


def test_a_japanese_story_with_topic_links_is_not_taken_for_a_link_list() -> None:
    # Japanese is written without spaces: each paragraph is one "word" between spaces.
    paragraph = (
        "<p>港湾局は月曜日、新しい岸壁の建設を承認した。<a href='/topic/port'>港湾</a>の"
        "関係者によると、工事は春に始まり、二年後に最初の船が着岸する見通しだという。"
        "<a href='/topic/city'>市議会</a>では深夜まで議論が続いた。</p>"
    )
    latest = "".join(
        f"<li><a href='/news/{n}'>ニュース{n}の見出し</a> 別の記事の短い説明がここに入ります</li>"
        for n in range(8)
    )
    body = (
        f"<main><h1>岸壁の建設を承認</h1><div class='story'>{paragraph * 4}</div></main>"
        f"<div class='latest'><ul>{latest}</ul></div>"
    )
    doc = _load(body)
    assert "港湾局は月曜日" in doc.body
    assert "見出し" not in doc.body


def test_a_section_heading_that_starts_like_the_comments_does_not_end_the_story() -> None:
    for heading in ("Response", "Comment réagissent les marchés", "Reactions to the ruling"):
        body = (
            f"<article><h1>Quay approved</h1>{_paragraphs(_STORY[:2])}<h2>{heading}</h2>"
            f"{_paragraphs(_STORY[2:])}</article>"
        )
        assert _has_story(_load(body)), heading


def test_the_comments_heading_still_ends_the_story() -> None:
    comments = (
        "<p>I have lived by the harbour all my life and I cannot remember a plan this bad, "
        "the council should be ashamed of wasting our money on it.</p>"
    )
    for heading in ("Comments", "12 comments", "3 Responses to “Quay approved”", "Leave a reply"):
        body = f"<article><h1>Quay approved</h1>{_paragraphs(_STORY)}<h2>{heading}</h2>{comments}"
        doc = _load(body + "</article>")
        assert _has_story(doc)
        assert "ashamed" not in doc.body, heading


def test_a_word_linked_inside_a_sentence_stays_whatever_its_class() -> None:
    sentence = (
        "<p>The board approved the <a class='popup' href='/glossary/quay'>quay</a> on Monday "
        "after a debate that lasted until late in the evening, with the director's promise.</p>"
    )
    body = f"<article><h1>Quay approved</h1>{sentence}{_paragraphs(_STORY)}</article>"
    assert "approved the quay on Monday" in _load(body).body


def test_a_share_label_at_the_edge_of_a_line_is_still_skipped() -> None:
    body = (
        f"<article><h1>Quay approved</h1>{_paragraphs(_STORY)}"
        "<p><span class='share-label'>Share this story</span> on the harbour's channels</p>"
        "</article>"
    )
    assert "Share this story" not in _load(body).body


def test_a_poll_and_a_comment_form_inside_the_article_are_not_the_story() -> None:
    poll = (
        "<div class='poll'><p>Should the port build the new quay?</p><form>"
        "<label><input type='radio' name='q'>Yes, the port needs room for bigger ships</label>"
        "<label><input type='radio' name='q'>No, the money belongs to the railway</label>"
        "</form></div>"
    )
    form = (
        "<form id='comment_form'><p>We will process your name and e-mail address according "
        "to our privacy policy, which you can read in full at the bottom of every page of this "
        "website, and we will never pass them on to third parties without your consent, as "
        "the law requires; comments appear after a member of the newsroom checked them.</p>"
        "<label>Your comment</label><textarea></textarea></form>"
    )
    body = f"<article><h1>Quay approved</h1>{_paragraphs(_STORY)}{poll}{form}</article>"
    doc = _load(body)
    assert _has_story(doc)
    assert "privacy policy" not in doc.body
    assert "money belongs" not in doc.body


def test_a_page_wrapped_whole_in_a_form_keeps_its_story() -> None:
    story = f"<article><h1>Quay approved</h1>{_paragraphs(_STORY)}</article>"
    body = f"<form id='aspnetForm'>{story}</form>"
    assert _has_story(_load(body))


def test_a_story_built_from_copies_of_one_template_is_read_whole() -> None:
    # The page builds the story from parts of one kind, figures and an ad between them, the
    # text a few levels down in each.
    def part(texts: list[str], number: int) -> str:
        return (
            f"<div class='content-block'><div class='wrapper wrapper-{number}'><div class='inner'>"
            f"<section class='col'><div class='story-text'>{_paragraphs(texts)}</div></section>"
            "</div></div></div>"
        )

    body = (
        "<div id='post'><h1>Quay approved</h1>"
        f"{part(_STORY[:1], 1)}<figure><img src='https://port.example/q.jpg'></figure>"
        "<div class='ad-slot'><p>Advertisement</p></div>"
        f"{part(_STORY[1:2], 2)}<figure><img src='https://port.example/r.jpg'></figure>"
        f"{part(_STORY[2:], 3)}</div>"
        "<div class='more'><h2>Elsewhere</h2><p>Short note on another page of this site.</p></div>"
    )
    assert _has_story(_load(body))


def test_parts_of_the_same_template_that_hold_another_story_are_not_joined() -> None:
    other = (
        "The lock gates at the northern entrance were repaired over the weekend, the port said, "
        "and ships can use the lock again from Tuesday morning, two days ahead of plan."
    )
    body = (
        "<div id='stream'>"
        f"<div class='story-item'><div class='story-text'><h1>Quay approved</h1>"
        f"{_paragraphs(_STORY)}</div></div>"
        f"<div class='story-item'><div class='story-text'><h1>Lock repaired</h1><p>{other}</p>"
        "</div></div></div>"
    )
    doc = _load(body)
    assert _has_story(doc)
    assert "lock gates" not in doc.body


def test_teasers_beside_the_story_do_not_widen_it_to_the_page() -> None:
    # Teasers whose whole text is a link, long enough to be kept as lines of text once the
    # page around them is taken for the story.
    teaser = (
        "<p><a href='/other/{n}'>The lock gates at the northern entrance of the port were "
        "repaired over the weekend, the port said, and ships can use the lock again from "
        "Tuesday morning, two days ahead of the plan the port published in May ({n})</a></p>"
    )
    note = (
        "<p>The port publishes a weekly report on the works at the quays and the locks, "
        "which readers can order by post.</p>"
    )
    body = (
        f"<div class='page'><div class='story'><h1>Quay approved</h1>{_paragraphs(_STORY)}"
        f"</div><div class='more'>{note}{teaser.format(n=1)}{teaser.format(n=2)}</div></div>"
    )
    doc = _load(body)
    assert _has_story(doc)
    assert "lock gates" not in doc.body


def _codes(doc: newsdoc.Document) -> list[str]:
    return [warning.code for warning in doc.warnings]


def test_a_story_the_page_hides_until_a_script_shows_it_is_read_with_a_warning() -> None:
    body = (
        "<div id='app'></div><div hidden id='ssr-content'><article><h1>Quay approved</h1>"
        f"{_paragraphs(_STORY)}</article></div>"
    )
    doc = _load(body)
    assert _has_story(doc)
    assert "html.hidden-story" in _codes(doc)


def test_a_story_in_an_aside_that_is_the_page_s_main_column_is_read() -> None:
    for column in ("<aside class='col-main'>", "<div role='complementary'>"):
        end = "</aside>" if column.startswith("<aside") else "</div>"
        body = (
            "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<div class='layout'>{column}<h1>Quay approved</h1>{_paragraphs(_STORY)}{end}"
            "<div class='col-side'><p>Weather: sunny, 18 degrees.</p></div></div>"
        )
        doc = _load(body)
        assert _has_story(doc), column
        assert "html.hidden-story" in _codes(doc)


def test_a_hidden_element_beside_a_story_the_page_shows_stays_hidden() -> None:
    hidden = (
        "<div hidden class='print-version'><p>The lock gates at the northern entrance were "
        "repaired over the weekend, the port said, and ships can use the lock again from "
        "Tuesday morning, two days ahead of the plan the port published in May.</p>" * 5
    )
    body = f"<article><h1>Quay approved</h1>{_paragraphs(_STORY)}</article>{hidden}</div>"
    doc = _load(body)
    assert _has_story(doc)
    assert "lock gates" not in doc.body
    assert "html.hidden-story" not in _codes(doc)


def test_a_story_only_in_the_page_s_script_data_is_read_from_there_with_a_warning() -> None:
    story_html = "".join(f"<p>{text}</p>" for text in _STORY)
    other = "A short teaser of another story in the same data, about the lock gates."
    data = {
        "props": {
            "pageProps": {
                "article": {"headline": "Quay approved", "body": story_html},
                "related": [{"headline": "Lock repaired", "teaser": other}],
            }
        }
    }
    script = f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>"
    doc = _load(f"<div id='__next'><h1>Quay approved</h1><p>Loading…</p></div>{script}")
    assert _has_story(doc)
    assert "html.body-from-script-data" in _codes(doc)


def test_a_state_assigned_to_a_window_variable_is_read_too() -> None:
    state = {"story": {"title": "Quay approved", "text": "\n\n".join(_STORY)}}
    script = f"<script>window.__INITIAL_STATE__ = {json.dumps(state)};</script>"
    doc = _load(f"<div id='root'><h1>Quay approved</h1></div>{script}")
    assert _has_story(doc)


def test_script_data_does_not_replace_a_story_the_markup_holds() -> None:
    data = {"article": {"body": "\n\n".join(text.upper() for text in _STORY)}}
    script = f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(data)}</script>"
    doc = _load(f"<article><h1>Quay approved</h1>{_paragraphs(_STORY)}</article>{script}")
    assert _has_story(doc)
    assert "html.body-from-script-data" not in _codes(doc)


def test_a_page_where_nothing_reads_as_a_story_gives_its_text_with_a_warning() -> None:
    teasers = "".join(
        f"<div class='teaser'><h3><a href='/news/{n}'>Headline {n} about the harbour</a></h3>"
        f"<a href='/news/{n}'>Read more</a></div>"
        for n in range(6)
    )
    doc = _load(f"<nav><a href='/'>Home</a></nav><main>{teasers}</main>")
    assert "Headline 5 about the harbour" in doc.body
    assert "html.not-an-article" in _codes(doc)


def test_a_page_with_no_text_says_so() -> None:
    doc = _load("<nav><a href='/'>Home</a></nav><div class='player'></div>")
    assert doc.blocks == ()
    assert "html.no-text" in _codes(doc)


def _extra(doc: newsdoc.Document) -> str:
    """What the body holds beside the story."""
    rest = doc.body
    for text in _STORY:
        rest = rest.replace(text, "")
    return rest.strip()


def _around_the_story(extra: str) -> newsdoc.Document:
    return _load(
        f"<article><h1>Quay approved</h1>{_paragraphs(_STORY[:2])}{extra}"
        f"{_paragraphs(_STORY[2:])}</article>"
    )


def test_a_video_player_s_menus_and_an_info_box_s_toggles_are_not_the_story() -> None:
    player = (
        "<div class='video-player'><ul><li>Speed</li><li>Quality</li><li>Subtitles</li></ul>"
        "<p>Playback speed 1x Normal</p></div>"
    )
    toggles = (
        "<div class='infobox'><span class='toggle'>Box open</span><span class='toggle'>Box "
        "close</span><p>The quay is 400 metres long and 18 metres deep.</p></div>"
    )
    doc = _around_the_story(player + toggles)
    assert _has_story(doc)
    assert _extra(doc) == "The quay is 400 metres long and 18 metres deep."


def test_a_sports_table_s_player_rows_stay() -> None:
    rows = "".join(
        f"<tr class='player-2023-{n}'><td>Player {n}</td><td>{n} goals</td></tr>" for n in range(5)
    )
    doc = _around_the_story(f"<table>{rows}</table>")
    assert "Player 3" in doc.body


def test_a_feed_of_other_stories_inside_the_article_is_not_the_story() -> None:
    feed = "".join(
        f"<div class='feed-item'><h3><a href='/news/{n}'>Other story {n} from the harbour</a>"
        f"</h3><p>A short summary of other story {n}, which is about something else.</p></div>"
        for n in range(5)
    )
    doc = _around_the_story(f"<div class='feed'>{feed}</div>")
    assert _has_story(doc)
    assert _extra(doc) == ""


def test_the_items_of_a_list_article_are_its_story() -> None:
    items = "".join(
        f"<div class='item'><h3><a href='/shop/{n}'>Crane model {n}</a></h3>"
        f"<p>{_STORY[n]} {_STORY[(n + 1) % 4]}</p></div>"
        for n in range(4)
    )
    doc = _load(f"<article><h1>The four best harbour cranes</h1>{items}</article>")
    assert "Crane model 3" in doc.body
    assert _has_story(doc)


def test_the_items_of_a_list_article_that_link_to_other_sites_are_its_story() -> None:
    items = "".join(
        f"<div class='item'><h3><a href='https://app{n}.example.com/'>App {n}</a></h3>"
        f"<p>App {n} is fast, simple and free, and it syncs across all of your devices.</p>"
        "</div>"
        for n in range(6)
    )
    intro = "<p>We tested dozens of apps over the past year, for work and for home.</p>"
    doc = _load(f"<article><h1>The best apps</h1><div class='body'>{intro}{items}</div></article>")
    assert "App 5 is fast" in doc.body


def test_a_paywalled_part_that_speaks_of_subscribers_is_the_story() -> None:
    locked = (
        "<div class='paywall'><p>The streaming service added millions of subscribers "
        "in Asia and Europe in the quarter, analysts said, and premium plans sold best.</p></div>"
    )
    doc = _around_the_story(locked)
    assert "millions of subscribers" in doc.body


def test_script_data_does_not_replace_a_short_story_with_another() -> None:
    football = (
        "The football club signed a new striker on Friday, its third signing of the summer, "
        "after weeks of talks with the player's former team in the south of the country."
    )
    other = {"article": {"body": "\n\n".join([football] * 4)}}
    script = f"<script id='__NEXT_DATA__' type='application/json'>{json.dumps(other)}</script>"
    brief = "<p>The council approved the harbour budget on Monday evening.</p>"
    doc = _load(f"<article><h1>Budget approved</h1>{brief}</article>{script}")
    assert "football" not in doc.body
    assert "html.body-from-script-data" not in _codes(doc)


def test_a_cookie_dialog_is_not_taken_for_a_hidden_story() -> None:
    dialog = (
        "<div hidden class='cookie-consent'><p>We and our partners use cookies to store and "
        "access information on your device, to measure traffic and to show you offers that "
        "suit you; you can change your choice at any time in the privacy settings.</p>" * 3
    )
    brief = "<p>The council approved the harbour budget on Monday evening.</p>"
    doc = _load(f"<article><h1>Budget approved</h1>{brief}</article>{dialog}</div>")
    assert "cookies" not in doc.body
    assert "html.hidden-story" not in _codes(doc)
