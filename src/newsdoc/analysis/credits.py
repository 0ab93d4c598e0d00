"""Lines that credit a photo, and labels that announce links to other stories, in any format.

A credit line ("© BELGA PHOTO X", "Photo: Jane Doe") is the credit of an image, never body text:
of the last image before it that has none; a caption may end with one ("A bridge at dusk. © City
of Ghent"). A label such as "Related news"
or "Lees ook" introduces links to other stories, not the story.
"""

from __future__ import annotations

import heapq
import re
from typing import Final

import attrs

from newsdoc.analysis.vocabulary import PHOTO_CREDIT_WORDS
from newsdoc.model import Block, Image

__all__ = [
    "caption_and_credit",
    "is_related_label",
    "place_credit_lines",
    "related_lead",
    "split_credit",
]

# A line that credits a photo rather than saying something: "© BELGA PHOTO X", "(c) AFP",
# "Photo: Jane Doe", "Foto: ...", "Credit: ...", "Image courtesy of ...".
_CREDIT: Final = re.compile(
    r"(?:©|\(c\)\s|copyright\s|(?:"
    + "|".join(word for word in PHOTO_CREDIT_WORDS if word != "credit")
    + r"|credits?)"
    r"(?:\s(?:credit|courtesy(?:\sof)?|by))?\s?:)\s*",
    re.IGNORECASE,
)
_MAX_CREDIT: Final = 120

# Labels that introduce links to other stories, in the languages newsrooms write in.
_RELATED_LABEL: Final = re.compile(
    r"(?:related(?:\s(?:news|stories|articles|content|posts|links|reading))?"
    r"|(?:read|see)\s(?:also|more|next)|also\sread|more\s(?:news|stories|on\sthis(?:\stopic)?)"
    r"|recommended(?:\sfor\syou)?|further\sreading|don[’']?t\smiss"
    r"|lees\sook|lees\smeer|gerelateerd(?:e)?(?:\s(?:nieuws|artikels|artikelen|berichten))?"
    r"|(?:à\s)?lire\saussi|voir\saussi|sur\sle\smême\ssujet|articles?\sliés?"
    r"|lesen\ssie\sauch|mehr\szum\sthema|auch\sinteressant|weitere\sartikel|das\skönnte\ssie"
    r"\sauch\sinteressieren|leggi\sanche|lea\stambién|noticias\srelacionadas"
    r"|関連記事|関連ニュース|あわせて読みたい|相关新闻|相关阅读|相關新聞|관련\s?기사|관련\s?뉴스)",
    re.IGNORECASE,
)
_MAX_LABEL: Final = 60
# What may surround a label or end a caption before its credit (hyphen, en and em dash...).
_LABEL_PUNCTUATION: Final = " :.-\u2013\u2014>\u00bb"
_CAPTION_PUNCTUATION: Final = " (|-\u2013\u2014"


def split_credit(text: str) -> str | None:
    """The credited name when ``text`` is a photo credit line ("© BELGA PHOTO X"), else None."""
    if len(text) > _MAX_CREDIT:
        return None
    match = _CREDIT.match(text)
    if match is None:
        return None
    return text[match.end() :].strip(" .;") or None


def place_credit_lines(
    blocks: list[Block], images: list[Image], image_blocks: list[int]
) -> tuple[list[Block], list[Image], list[str]]:
    """Credit lines among ``blocks`` become the credits of ``images``, and are blocks no more.

    A line that is a credit (:func:`split_credit`; a heading never is) credits the last image
    before it that has no credit yet, ``image_blocks[n]`` being how many blocks came before
    image ``n``.

    Returns:
        The blocks without the credit lines, the images with their credits, and the credits
        that found no image, in order, for the caller to place.
    """
    images = list(images)
    kept: list[Block] = []
    unplaced: list[str] = []
    # The images in the order they come before blocks (``image_blocks`` need not be in order:
    # a format may take back a block it read, such as a label, after an image); those before
    # the block read and still without a credit wait in a heap, the last in the list on top.
    # (Scanning the images back from the end for every credit line was quadratic: 20,000
    # credit lines took 12 s.)
    arriving = sorted(range(len(images)), key=image_blocks.__getitem__)
    waiting: list[int] = []
    next_image = 0
    for index, block in enumerate(blocks):
        while next_image < len(arriving) and image_blocks[arriving[next_image]] <= index:
            position = arriving[next_image]
            if images[position].credit is None:
                heapq.heappush(waiting, -position)
            next_image += 1
        credit = split_credit(block.text) if block.kind != "heading" else None
        if credit is None:
            kept.append(block)
            continue
        if waiting:
            position = -heapq.heappop(waiting)
            images[position] = attrs.evolve(images[position], credit=credit)
        else:
            unplaced.append(credit)
    return kept, images, unplaced


# A related label and, after a colon or a dash, what it announces ("Read also: The quay").
_RELATED_LEAD: Final = re.compile(
    _RELATED_LABEL.pattern + r"\s*[:\-–—]\s*(?P<rest>.+)", re.IGNORECASE
)


def related_lead(text: str) -> str | None:
    """What a line that opens with a related label announces ("Read also: X" gives "X")."""
    found = _RELATED_LEAD.fullmatch(text)
    return found.group("rest").strip() if found is not None else None


def is_related_label(text: str) -> bool:
    """Whether a short line only announces links to other stories ("Related news", "Lees ook")."""
    if len(text) > _MAX_LABEL:
        return False
    return _RELATED_LABEL.fullmatch(text.strip(_LABEL_PUNCTUATION).strip()) is not None


def caption_and_credit(text: str) -> tuple[str | None, str | None]:
    """A caption that ends with its credit ("A bridge. © City of Ghent") split in two."""
    for marker in ("©", "Photo:", "Foto:", "Credit:", "(c) "):
        head, found, tail = text.rpartition(marker)
        if found and head.strip():
            credit = tail.strip(" .;)")
            return head.strip(_CAPTION_PUNCTUATION), credit or None
    return text, None
