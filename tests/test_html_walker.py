"""One HTML walker: a story body (a fragment) and a page's article are read by the same rules."""

from __future__ import annotations

import pytest

import newsdoc
from newsdoc.html.fragment import Fragment, parse_fragment
from newsdoc.html.repair import flattened

_PROSE = (
    "<p>The harbour board approved the new quay on Monday after a debate that lasted until "
    "late in the evening, with the port's director promising work would start in spring.</p>"
    "<p>Dock workers welcomed the plan, saying the old quay had been too short for the ships "
    "that call at the port today, while residents asked for a quieter night schedule.</p>"
)


def _on_a_page(body: str) -> newsdoc.Document:
    page = (
        "<!DOCTYPE html><html lang='en'><head><title>Quay approved</title></head><body>"
        f"<article><h1>Quay approved</h1>{_PROSE}{body}{_PROSE}</article></body></html>"
    )
    return newsdoc.loads(page.encode())


def _in_a_body(body: str) -> Fragment:
    return parse_fragment(f"{_PROSE}{body}{_PROSE}", base_url="https://port.example/news/")


def _both(body: str) -> tuple[newsdoc.Document, Fragment]:
    return _on_a_page(body), _in_a_body(body)


def test_a_lazy_loaded_image_is_read_from_its_data_attribute_on_both_roads() -> None:
    body = (
        '<figure><img src="data:image/gif;base64,R0lGOD" data-lazy-src="https://port.example/q.jpg"'
        ' alt="The quay"><figcaption>The new quay at dusk.</figcaption></figure>'
    )
    page, fragment = _both(body)
    assert [(i.url, i.caption) for i in fragment.images] == [
        ("https://port.example/q.jpg", "The new quay at dusk.")
    ]
    assert ("https://port.example/q.jpg", "The new quay at dusk.") in [
        (i.url, i.caption) for i in page.metadata.images
    ]


@pytest.mark.parametrize("attribute", ["data-src", "data-lazy-src", "data-original"])
def test_a_placeholder_src_gives_way_to_the_lazy_address(attribute: str) -> None:
    body = f'<img src="/img/placeholder.svg" {attribute}="https://port.example/real.jpg">'
    assert [i.url for i in _in_a_body(body).images] == ["https://port.example/real.jpg"]


def test_the_image_inside_a_picture_is_read_and_its_caption_is_not_body_text() -> None:
    # libxml2 does not know <source> to be empty: the <img> ends up inside it.
    body = (
        '<picture><source srcset="https://port.example/q.webp" type="image/webp">'
        '<img src="https://port.example/q.jpg" alt="Quay"></picture>'
        "<figcaption>Cranes over the new quay. Photo: Anna Vogt</figcaption>"
    )
    page, fragment = _both(body)
    for images, blocks in ((page.metadata.images, page.blocks), (fragment.images, fragment.blocks)):
        image = next(i for i in images if i.url == "https://port.example/q.jpg")
        assert image.caption == "Cranes over the new quay."
        assert image.credit == "Anna Vogt"
        assert not any("Cranes" in block.text for block in blocks)


def test_a_pull_quote_keeps_its_speaker_as_text() -> None:
    body = (
        "<figure><blockquote><p>We waited twenty years for this quay.</p></blockquote>"
        "<figcaption>Ilse De Smet, harbour master</figcaption></figure>"
    )
    for blocks in (doc.blocks for doc in _both(body)):
        texts = [block.text for block in blocks]
        quote = texts.index("We waited twenty years for this quay.")
        assert texts[quote + 1] == "Ilse De Smet, harbour master"


def test_a_caption_of_media_the_walk_cannot_read_is_not_body_text() -> None:
    body = (
        '<figure><div class="lazy-container" style="height:300px"></div>'
        "<figcaption>The quay from the air.</figcaption></figure>"
    )
    for blocks in (doc.blocks for doc in _both(body)):
        assert "The quay from the air." not in [block.text for block in blocks]


def test_a_credit_line_credits_the_image_before_it_on_a_page_too() -> None:
    body = '<p><img src="https://port.example/q.jpg" alt="Quay"></p><p>© Port of Harbourtown</p>'
    page, fragment = _both(body)
    assert "© Port of Harbourtown" not in [block.text for block in page.blocks]
    image = next(i for i in page.metadata.images if i.url == "https://port.example/q.jpg")
    assert image.credit == "Port of Harbourtown"
    assert fragment.images[0].credit == "Port of Harbourtown"


def test_a_related_label_and_its_lines_of_links_are_related_links_on_both_roads() -> None:
    body = (
        "<p><strong>Read also</strong></p>"
        '<p><a href="https://port.example/lock">A new lock opens at the northern entrance</a>'
        " [VIDEO]</p>"
        '<p><a href="https://port.example/volumes">Record volumes in the first quarter</a></p>'
    )
    page, fragment = _both(body)
    for doc in (page, fragment):
        texts = [block.text for block in doc.blocks]
        assert "Read also" not in texts
        assert not any(text.startswith(("A new lock", "Record volumes")) for text in texts)
        related = {link.url for link in doc.links if link.kind == "related"}
        assert {"https://port.example/lock", "https://port.example/volumes"} <= related


def test_a_label_and_its_link_on_one_line_is_a_related_link_on_both_roads() -> None:
    body = '<p>Read also: <a href="https://port.example/lock">A new lock opens</a></p>'
    for doc in _both(body):
        assert not any("A new lock" in block.text for block in doc.blocks)
        assert [link.kind for link in doc.links if link.url.endswith("/lock")] == ["related"]


def test_a_short_line_of_links_alone_is_dropped_on_a_page_but_kept_in_a_story_body() -> None:
    body = '<p><a href="https://port.example/quay-plans">Read the quay plans</a></p>'
    page, fragment = _both(body)
    assert "Read the quay plans" not in [block.text for block in page.blocks]
    assert "Read the quay plans" in [block.text for block in fragment.blocks]


def test_of_two_dates_side_by_side_the_second_is_not_read_on_both_roads() -> None:
    body = (
        '<p>Posted <time datetime="2023-03-14">March 14, 2023</time>'
        '<time datetime="2023-03-16">March 16, 2023</time> in Harbour news, with a long '
        "line of text after it so that the line is prose and not a date line at all.</p>"
    )
    for doc in _both(body):
        line = next(block.text for block in doc.blocks if block.text.startswith("Posted"))
        assert "March 14, 2023" in line
        assert "March 16" not in line


def test_an_in_page_anchor_is_no_link_and_a_bookmark_card_is_a_related_link() -> None:
    body = (
        '<h2>Facts <a href="#facts">#</a></h2><p>The quay is 400 metres long and 18 metres '
        'deep.</p><div class="bookmark-card"><a class="bookmark-title" '
        'href="https://port.example/lock">A new lock opens</a></div>'
    )
    for doc in _both(body):
        assert not any(link.url.endswith("#facts") for link in doc.links)
        assert [link.kind for link in doc.links if link.url.endswith("/lock")] == ["related"]


# -- markup past libxml2's limits (html/repair.py) -------------------------------------------------


@pytest.mark.parametrize(
    ("markup", "flat", "dropped"),
    [
        # Past the depth, start and end tags go; their text stays where it was.
        (b"<a><b><c>x</c>y</b>z</a>", b"<a>xyz</a>", 4),
        # Void and self-closed elements do not nest, so they are kept and count for nothing.
        (b"<a><br><img/><b>x</b></a>", b"<a><br><img/>x</a>", 2),
        # A comment or a script is not read for tags; a script too deep goes whole.
        (b"<a><!-- <b> --><b>x</b></a>", b"<a><!-- <b> -->x</a>", 2),
        (b"<a><script>if (a<b) {}</script>x</a>", b"<a>x</a>", 1),
        # Nothing deeper than the limit: the markup as it was.
        (b"<a>x</a><b>y</b>", b"<a>x</a><b>y</b>", 0),
        # A stray "<" is text, not a tag.
        (b"<a>1 < 2 <b>x</b></a>", b"<a>1 < 2 x</a>", 2),
    ],
)
def test_flattening_drops_the_tags_past_the_depth(markup: bytes, flat: bytes, dropped: int) -> None:
    assert flattened(markup, 1) == (flat, dropped)
