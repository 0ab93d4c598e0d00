"""A parsed page to its Document: metadata, the article's blocks, the title, the links around it."""

from __future__ import annotations

from typing import Final

from lxml import etree

from newsdoc.analysis.furniture import is_furniture_line
from newsdoc.analysis.text import comparable, paragraphs
from newsdoc.analysis.urls import resolve_url
from newsdoc.codes import (
    HTML_BODY_FROM_JSON_LD,
    HTML_BODY_FROM_SCRIPT_DATA,
    HTML_HIDDEN_STORY,
    HTML_NO_TEXT,
    HTML_NOT_AN_ARTICLE,
    METADATA_BAD_LANGUAGE,
)
from newsdoc.html.content import find_article
from newsdoc.html.furniture import is_structural_furniture
from newsdoc.html.hydration import state_scripts, story_in_state
from newsdoc.html.meta import PageMeta, indexed_elements, read_meta, standfirst
from newsdoc.html.scan import related_elements
from newsdoc.html.tags import TEXTLESS, heading_text, spaced_text
from newsdoc.html.walk import walk
from newsdoc.model import Author, Block, Document, Image, Link, Metadata, ParseWarning
from newsdoc.parsers.html.cleanup import without_furniture, without_sign_off
from newsdoc.parsers.html.header import read_header, read_labelled_lines
from newsdoc.parsers.html.title import (
    as_shown,
    choose_title,
    title_element,
    title_heading,
    without_title,
)
from newsdoc.registry import ParseContext

__all__ = ["NAME", "NO_TEXT", "page_document"]

NAME: Final = "html"


#: The warning for a page or fragment with no text to read.
NO_TEXT: Final = HTML_NO_TEXT("the page holds no text to read")


def page_document(
    root: etree._Element, context: ParseContext, warnings: list[ParseWarning]
) -> Document:
    """The Document of a parsed page: its metadata, the article's blocks, title and links."""
    found = indexed_elements(root)
    meta = read_meta(root, None, found)
    base = meta.base_url or meta.url
    body = root.find("body")
    if body is None:
        body = root
    # The scripts, kept aside (they leave the tree below): a framework's data may hold the
    # story the markup lacks.
    scripts = found["script"]
    # What is never text for a reader (scripts, styles, form controls) goes before the body is
    # scored: its text would count as prose (a <select> of 250 countries, a script's JSON
    # full of commas). The metadata above has read the scripts it needs.
    etree.strip_elements(body, *TEXTLESS, with_tail=False)
    article = find_article(body, meta.article_body, base)
    chosen, confidence = article.elements, article.confidence
    fragment = walk(chosen, base_url=base, max_depth=context.limits.max_depth, skip=article.skip)
    warnings.extend(fragment.warnings)
    if article.unhidden:
        warnings.append(
            HTML_HIDDEN_STORY(
                "the page shows little text; the story is read from an element it "
                "hides or sets aside (hidden, an <aside>)",
            )
        )
    # The headings that may show the title: the <h1>s, and the body's opening heading.
    opening = [block.text for block in fragment.blocks[:2] if block.kind == "heading"]
    title = choose_title(meta, opening)
    subtitle = None
    headline = None  # the heading's words, when they show the title
    heading = title_heading(meta, title)
    if heading is not None and title is not None:
        headline = heading_text(heading)
        title = as_shown(title, heading, opening, meta)
        subtitle = standfirst(heading, title)
        if not meta.authors or meta.published is None or meta.published_rewritten:
            read_header(heading, meta)
    elif title is not None and (not meta.authors or meta.published is None):
        # No heading shows the title: the element that does (a "<dt>", a "<p class='titulo'>")
        # heads the story all the same.
        element = title_element(body, title)
        if element is not None:
            read_header(element, meta)
    blocks = without_title(list(fragment.blocks), title, meta.site_name, headline)
    blocks = without_furniture(blocks, meta)
    if not meta.authors or meta.published is None:
        read_labelled_lines(body, meta)
    if not meta.authors:
        blocks = without_sign_off(blocks, meta)
    if subtitle is not None:
        rest = _without_top(blocks, subtitle)
        if any(block.kind == "paragraph" for block in rest):
            blocks = rest
        else:
            subtitle = None  # the page's only text (a gallery's introduction) is its body
    stated = meta.article_body
    if (
        stated
        and len(stated) > 400
        and sum(len(block.text) for block in blocks) < 0.5 * len(stated)
    ):
        # The page's HTML holds less than half of the body its JSON-LD states (text written
        # by a script, or a teaser): the stated body is the better text.
        blocks = [Block(kind="paragraph", text=line) for line in paragraphs(stated)]
        warnings.append(
            HTML_BODY_FROM_JSON_LD(
                "the page's markup holds little of the article; the body is the "
                "JSON-LD articleBody",
            )
        )
    prose = sum(len(block.text) for block in blocks if block.kind != "heading")
    if prose < _LITTLE_PROSE and scripts:
        shown = next((block.text for block in blocks if block.kind != "heading"), None)
        story = story_in_state(state_scripts(scripts), title, shown)
        if story is not None and len(story) > 2 * prose:
            # The markup holds little of the story, the page's script data holds it (a page
            # a script renders): the data's text is the body.
            blocks = [Block(kind="paragraph", text=part) for part in paragraphs(story)]
            prose = len(story)
            warnings.append(
                HTML_BODY_FROM_SCRIPT_DATA(
                    "the page's markup holds little of the article; the body is read "
                    "from the data a script of the page holds",
                )
            )
    prose += len(subtitle or "")
    fallback = False
    if not blocks:
        # Nothing read as a story: the page's text, but for its menus, footer and hidden
        # parts, is given rather than nothing (a front page's headlines).
        page = walk(
            [body],
            base_url=base,
            max_depth=context.limits.max_depth,
            skip=is_structural_furniture,
            link_lines=True,
        )
        blocks = [block for block in page.blocks if not is_furniture_line(block.text)]
        fallback = bool(blocks)
        if fallback:
            fragment = page
    # Short text that someone signed and dated is a news brief; a front page is neither.
    signed = bool(meta.authors) and meta.published is not None and not meta.published_from_url
    if fallback or (not meta.is_article and ((prose < 400 and not signed) or confidence < 0.1)):
        warnings.append(
            HTML_NOT_AN_ARTICLE(
                "the page does not look like an article (little prose, many links); "
                "its text is given as it is",
            )
        )
    if not blocks:  # (a subtitle alone is the body: none is left here)
        warnings.append(NO_TEXT)
    # Related stories sit beside the article: look around it, not through the whole page.
    around = chosen[0].getparent() if chosen else None
    around = around.getparent() if around is not None else None
    related = _related_links(related_elements(around if around is not None else body), base)
    language = meta.language  # a BCP 47 tag: PageMeta.take normalised it
    if language is None and meta.bad_languages:
        warnings.append(
            METADATA_BAD_LANGUAGE(
                f"{meta.bad_languages[0][:64]!r} is not a BCP 47 language tag; the "
                "language was identified from the text instead",
            )
        )
    images = [Image(url=url) for url in meta.images]
    metadata = Metadata(
        published=meta.published,
        modified=meta.modified,
        authors=tuple(Author(name=name) for name in meta.authors),
        language=language,
        url=meta.url,
        site_name=meta.site_name,
        section=meta.section,
        tags=tuple(meta.tags),
        description=meta.description,
        images=_merge_images(images, [*fragment.images, *_figures_beside(chosen, base)]),
        extra=_extra(meta),
    )
    return Document(
        format=NAME,
        source=context.source,
        title=title,
        subtitle=subtitle,
        blocks=blocks,
        metadata=metadata,
        links=(*fragment.links, *related),
        warnings=warnings,
    )


# Prose (characters) under which the page's script data is looked in for the story.
_LITTLE_PROSE: Final = 400


def _without_top(blocks: list[Block], text: str) -> list[Block]:
    """The blocks without the first of the top few that shows ``text`` (the standfirst)."""
    wanted = comparable(text)
    for index, block in enumerate(blocks[:_TOP_BLOCKS]):
        if comparable(block.text) == wanted:
            return [*blocks[:index], *blocks[index + 1 :]]
    return blocks


_TOP_BLOCKS: Final = 3


def _related_links(blocks: list[etree._Element], base: str | None) -> list[Link]:
    """Links of a related-stories block (``class="related..."``), as ``related`` links."""
    links: list[Link] = []
    for element in blocks[:3]:
        for anchor in list(element.iter("a"))[:30]:
            href = anchor.get("href")
            text = spaced_text(anchor)
            if href and text and len(text.split()) >= 3:
                links.append(Link(url=resolve_url(href.strip(), base), text=text, kind="related"))
        if links:
            break
    return list({link.url: link for link in links}.values())


def _figures_beside(chosen: list[etree._Element], base: str | None) -> list[Image]:
    """The figures of the ``<article>`` that holds the body but outside the body's element.

    The lead photo often sits between the headline and the text container; its image and
    caption belong to the story even when its words do not.
    """
    if not chosen:
        return []
    article = chosen[0].getparent()
    for _ in range(3):
        if article is None or article.tag == "article":
            break
        article = article.getparent()
    if article is None or article.tag != "article":
        return []
    inside = set(chosen)
    figures = [
        figure
        for figure in article.iter("figure")
        if not any(ancestor in inside for ancestor in figure.iterancestors())
        and figure not in inside
    ]
    return list(walk(figures, base_url=base).images) if figures else []


def _merge_images(page: list[Image], body: list[Image]) -> list[Image]:
    seen: dict[str, Image] = {}
    for image in (*page, *body):
        known = seen.get(image.url)
        if known is None or (known.caption is None and image.caption):
            seen[image.url] = image
    return list(seen.values())


def _extra(meta: PageMeta) -> dict[str, object]:
    extra: dict[str, object] = {}
    if meta.json_ld_types:
        extra["json_ld_types"] = list(dict.fromkeys(meta.json_ld_types))
    return extra
