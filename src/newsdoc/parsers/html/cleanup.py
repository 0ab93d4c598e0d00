"""The body's blocks without the page around the story: share rows, date lines, bylines, notices.

What a date line or byline in the body states becomes the page's metadata when nothing richer
did; the comments end the story.
"""

from __future__ import annotations

import re
from typing import Final

from newsdoc._regex import DIGIT_RUN
from newsdoc.analysis.bylines import is_agency, opens_with_first_name, split_names
from newsdoc.analysis.furniture import is_furniture_line
from newsdoc.analysis.text import has_digit
from newsdoc.analysis.vocabulary import COMMENTS_PLURALS, COMMENTS_WORDS, LEAVE_A_COMMENT
from newsdoc.html.meta import PageMeta
from newsdoc.model import Block
from newsdoc.parsers.html.header import SHORT_LINE, is_dateline, is_name_over_job

__all__ = ["without_furniture", "without_sign_off"]


def without_furniture(blocks: list[Block], meta: PageMeta) -> list[Block]:
    """The blocks without share rows, tag lists, date lines and bylines.

    A date line or byline inside the article area gives the metadata it states when the
    page stated none elsewhere. A short block of several lines (``<br>`` between them, as
    "The Associated Press / Published Monday, ...") loses those of its lines that are such.
    """
    kept: list[Block] = []
    # Only authors the page stated before its text is read (a date line below may add some).
    stated_authors = bool(meta.authors)
    top = True  # no paragraph of prose yet: the lines above the story
    # A name alone on its line above the story, beside the date line: the byline ("Anna
    # Vogt" over "14 March 2023 · 5 min read", or under it). Where the name is in ``kept``
    # while the next block may be the date line; and whether the last block was one.
    lone_name: tuple[int, str] | None = None
    after_date = False
    for block in blocks:
        text = block.text
        if block.kind == "heading" and _COMMENTS_HEADING.fullmatch(text.strip()):
            break  # the comments begin: nothing after them is the story
        if stated_authors and len(text) <= SHORT_LINE:
            after = _without_author_names(text, meta.authors)
            if after is not None and (not after or is_dateline(after, meta)):
                continue  # the authors' names on a line of their own, maybe with the date
        if block.kind != "preformatted" and len(text) > _SHORT_BLOCK and "\n" in text:
            # A date line and the story run together with only a <br> between ("05/10/2018 -
            # Publicado por: … <br> A equipe …"): the first line goes when it is one.
            first, rest_of_block = text.split("\n", 1)
            if len(first) <= SHORT_LINE and is_dateline(first, meta, top=top):
                block = Block(kind=block.kind, text=rest_of_block)
                text = rest_of_block
        if block.kind != "preformatted" and len(text) <= _SHORT_BLOCK:
            if "\n" not in text:
                if len(text) <= SHORT_LINE:
                    if is_furniture_line(text) or _is_page_notice(text):
                        continue
                    if is_dateline(text, meta, top=top):
                        if top and lone_name is not None and not meta.authors:
                            del kept[lone_name[0]]
                            meta.take("authors", [lone_name[1]])
                        lone_name = None
                        after_date = top
                        continue
                name = _lone_name(text) if top and not meta.authors else None
                if name is not None:
                    if after_date:
                        meta.take("authors", [name])
                        after_date = False
                        continue
                    lone_name = (len(kept), name)
                    kept.append(block)
                    continue
            else:
                # Line by line, only dates and bylines: a short line among others ("OPEN
                # RUN" under an event's dates) is too little to call furniture.
                lines = text.split("\n")
                rest = []
                job = -1  # the line of the job that went with the name before it
                for index, line in enumerate(lines):
                    if index == job or is_dateline(line, meta):
                        continue
                    below = lines[index + 1] if index + 1 < len(lines) else ""
                    if is_name_over_job(line, below, meta, top=top):
                        job = index + 1
                        continue
                    rest.append(line)
                if not rest:
                    continue
                if len(rest) < len(lines):
                    block = Block(kind=block.kind, text="\n".join(rest))
        kept.append(block)
        lone_name = None
        after_date = False
        if block.kind == "paragraph" and len(text) > _PROSE_LINE:
            top = False
    return _without_empty_headings(kept)


# A paragraph this long is the story's: the lines after it are not above the story.
_PROSE_LINE: Final = 100


def without_sign_off(blocks: list[Block], meta: PageMeta) -> list[Block]:
    """The blocks without the writer's name that ends the story on a line of its own.

    Local papers sign a story at its foot ("Anna Vogt", "— Tom Hale", "(Anna Vogt, dpa)"): a
    last paragraph that is only a name opening with a first name one of the lexicons knows,
    perhaps with the news agency whose copy the writer used, is the author.
    """
    if len(blocks) < 2 or blocks[-1].kind != "paragraph":
        return blocks
    name = _lone_name(blocks[-1].text.strip(" ()[]—–-."))
    if name is None:
        return blocks
    meta.take("authors", [name])
    return blocks[:-1]


def _lone_name(text: str) -> str | None:
    """The name that is all of ``text``, perhaps with a news agency ("Anna Vogt, dpa").

    Two or three words that open with a first name one of the lexicons knows: "Anna Vogt" is
    one, "Harbour City Council" is not.
    """
    if len(text) > _MAX_SIGN_OFF or has_digit(text) or not opens_with_first_name(text):
        return None
    names, others = split_names(text)
    if (
        len(names) != 1
        or not all(is_agency(other) for other in others)
        or len(names[0].split()) > _MAX_SIGN_OFF_WORDS
    ):
        return None
    return names[0]


_MAX_SIGN_OFF: Final = 40
_MAX_SIGN_OFF_WORDS: Final = 3


def _without_author_names(text: str, authors: list[str]) -> str | None:
    """What follows the page's authors' names that open ``text``, or ``None`` if none does.

    "Jane Doe and John Roe" gives ""; "Jane Doe 14.03.2023, 08:45" gives the date.
    """
    rest = text.strip()
    found = False
    while rest:
        folded = rest.casefold()
        name = next((n for n in authors if folded.startswith(n.casefold())), None)
        if name is None or (rest[len(name) : len(name) + 1].isalpha()):
            break  # (a date may follow the name without a space: "Ana Silva14/03/2023")
        found = True
        rest = _NAME_JOINER.sub("", rest[len(name) :], count=1)
    return rest if found else None


# What stands between names, or between the last name and a date ("Jane Doe und John Roe |").
_NAME_JOINER: Final = re.compile(r"^[\s,;:|·•/–—-]*(?:(?:and|und|et|en|y|e|&)\s+)?", re.IGNORECASE)

# Lines the page speaks to its reader with, or its CMS left behind: "This slideshow requires
# JavaScript.", a WordPress shortcode ("[button link=…]Send us YOUR review[/button]"), the
# author's address ("Write to Jane Doe at jane.doe@example.com").
# Three patterns, two of them anchored: as one pattern with an alternative that may start
# anywhere, every character of every line was tried against all of them (six times slower).
_BBCODE: Final = re.compile(r"\[\w+[^\]]*\].*\[/\w+\]$")
_CONTACT: Final = re.compile(
    r"(?:write\s+to|contact|e-?mail|reach)\b[^.!?]{0,80}\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\.?$",
    re.IGNORECASE,
)
# A press office's contact under a release ("Pressestelle: Anna Vogt, Telefon 0711 123456",
# "Media contact: …"): a label, and a telephone number or an address to write to.
_PRESS_CONTACT: Final = re.compile(
    r"(?:press(?:e)?(?:stelle|kontakt|sprecher(?:in)?)|press(?:\s+office)?\s+contacts?|media"
    r"\s+(?:contacts?|enquiries|inquiries)|contacto\s+de\s+prensa|contatti\s+stampa"
    r"|perscontact|contact\s+presse|kontakt)\s*:.*(?:\+?\d[\d\s/()-]{6,}\d|@[\w-]+\.)",
    re.IGNORECASE,
)
_JAVASCRIPT: Final = re.compile(
    r"\b(?:requires?|enable|needs?|turn\s+on)\s+javascript\b"
    r"|\bjavascript\s+(?:is\s+)?(?:required|disabled|must\s+be\s+enabled)\b",
    re.IGNORECASE,
)


def _is_page_notice(text: str) -> bool:
    return (
        _BBCODE.match(text) is not None
        or _CONTACT.match(text) is not None
        or _PRESS_CONTACT.match(text) is not None
        or ("javascript" in text.lower() and _JAVASCRIPT.search(text) is not None)
    )


_SHORT_BLOCK: Final = 400


# A heading that opens the comments, all of it: "Comments", "12 comments", "Reacties (4)",
# "3 Responses to “Budget approved”", "2 thoughts on …", "Leave a reply", "Join the
# conversation". Not a heading that starts with such a word ("Response" over a section of the
# story, "Comment réagissent les marchés", "Reactions to the ruling"): a word alone is plural,
# or counted.
_COMMENTS_HEADING: Final = re.compile(
    rf"(?:{DIGIT_RUN}|one|no)\s+(?:{COMMENTS_WORDS}|thoughts?)(?:\s+(?:to|on)\s+.+)?"
    rf"|(?:{COMMENTS_PLURALS})(?:\s*\(\d+\))?\s*:?"
    rf"|(?:{LEAVE_A_COMMENT}|join\s+the\s+(?:discussion|conversation)|add\s+a\s+comment).*",
    re.IGNORECASE,
)


def _without_empty_headings(blocks: list[Block]) -> list[Block]:
    """Blocks without trailing headings.

    A heading with nothing under it heads furniture (a teaser list whose links are gone).
    """
    while blocks and blocks[-1].kind == "heading":
        blocks = blocks[:-1]
    return blocks
