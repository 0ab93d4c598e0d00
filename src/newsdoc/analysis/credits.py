"""Lines that credit a photo, and labels that announce links to other stories, in any format.

A credit line ("© BELGA PHOTO X", "Photo: Jane Doe") is the credit of an image, never body text;
a caption may end with one ("A bridge at dusk. © City of Ghent"). A label such as "Related news"
or "Lees ook" introduces links to other stories, not the story.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["caption_and_credit", "is_related_label", "split_credit"]

# A line that credits a photo rather than saying something: "© BELGA PHOTO X", "(c) AFP",
# "Photo: Jane Doe", "Foto: ...", "Credit: ...", "Image courtesy of ...".
_CREDIT: Final = re.compile(
    r"(?:©|\(c\)\s|copyright\s|(?:photo|foto|image|picture|bild|beeld|credits?)"
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
