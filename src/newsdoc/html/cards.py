"""Link previews inside a body (a bookmark card): what one links to, its title, its description.

Prezly and some CMSs render a link to another story as a card: a wrapper marked "bookmark"
holding the link, a title and a description. The walker (:mod:`newsdoc.html.blocks`) hands
a card's start tags and text to a :class:`CardReader` while one is open; what it gathers
becomes a :class:`~newsdoc.html.results.Card` and a ``related`` link.
"""

from __future__ import annotations

from typing import Final, Protocol

from newsdoc.analysis.text import clean_text

__all__ = ["CARD_TAGS", "Attributes", "CardReader", "is_card"]

#: The tags a card is written with.
CARD_TAGS: Final = frozenset({"div", "section", "aside", "figure", "article", "a"})


class Attributes(Protocol):
    """What a parser target gets for a start tag's attributes (a mapping, read only)."""

    def get(self, key: str, /) -> str | None:
        """The value of attribute ``key``, or ``None``."""


def is_card(attrib: Attributes) -> bool:
    """Whether the element is a card's wrapper ("bookmark" in its first class's name)."""
    classes = attrib.get("class")
    return classes is not None and "bookmark" in classes and "__" not in classes.split()[0]


class CardReader:
    """One open card: its link, and the text of the title or description being read."""

    def __init__(self, tag: str, attrib: Attributes) -> None:
        self.fields: dict[str, str] = {}
        self.field: list[str] | None = None  # the text of the field being read, if one is
        self.field_name = ""
        href = attrib.get("href") if tag == "a" else None
        if href and not href.isspace():
            self.fields["href"] = href.strip()

    def start(self, tag: str, attrib: Attributes) -> bool:
        """An element inside the card opens; whether it opens a field (a title, a description)."""
        fields = self.fields
        if tag == "a":
            href = attrib.get("href")
            if href and not href.isspace():
                fields.setdefault("href", href.strip())
        if self.field is not None:
            return False
        classes = attrib.get("class") or ""
        name = (
            "title"
            if "title" in classes
            else "description"
            if "description" in classes
            else "anchor"
            if tag == "a"
            else ""
        )
        if not name:
            return False
        href = attrib.get("href")
        if name == "title" and tag == "a" and href:
            fields["href"] = href.strip()
        self.field = []
        self.field_name = name
        return True

    def data(self, text: str) -> None:
        """A run of text inside the card."""
        if self.field is not None:
            self.field.append(text)

    def end_field(self) -> None:
        """The field being read closes."""
        parts, self.field = self.field, None
        if parts is None:
            return
        text = clean_text("".join(parts))
        name = self.field_name
        if text and name == "anchor":
            name = "title"  # a card with no classes: its first linked text is the title
        if text and name not in self.fields:
            self.fields[name] = text

    def link(self) -> tuple[str, str | None, str | None] | None:
        """What the card links to, its title and description; ``None`` without a link."""
        fields = self.fields
        if "href" not in fields:
            return None
        return fields["href"], fields.get("title"), fields.get("description")
