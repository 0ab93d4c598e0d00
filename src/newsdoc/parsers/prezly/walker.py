"""A Prezly content document, walked node by node into a story's body."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Final

from newsdoc.analysis.credits import caption_and_credit, is_related_label, split_credit
from newsdoc.analysis.text import clean_text
from newsdoc.codes import PREZLY_UNKNOWN_NODE, PREZLY_UNMAPPED_NODE
from newsdoc.model import Block, BlockKind, Image, Link
from newsdoc.parsers.prezly.body import Body
from newsdoc.parsers.prezly.images import uploaded_file_url

if TYPE_CHECKING:  # the reader makes walkers: only its type is wanted here
    from newsdoc.parsers.prezly.story import StoryReader

__all__ = ["ContentWalker"]

_TEXT_BLOCKS: Final[dict[str, BlockKind]] = {
    "paragraph": "paragraph",
    "heading-one": "heading",
    "heading-two": "heading",
    "block-quote": "blockquote",
    "list-item": "list_item",
}
_CONTAINERS: Final = frozenset({"document", "bulleted-list", "numbered-list", "list-item-text"})
_SILENT: Final = frozenset({"divider", "placeholder"})  # layout, or template holes: no content


class ContentWalker:
    """Walks a Prezly content document with an explicit stack, filling a :class:`Body`."""

    def __init__(self, reader: StoryReader, body: Body) -> None:
        self.reader = reader
        self.body = body
        self.unmapped: dict[str, None] = {}
        self.unknown: dict[str, None] = {}

    def walk(self, document: Mapping[str, object]) -> None:
        """Read ``document``'s nodes into the body, warning of those left out."""
        body = self.body
        stack: list[tuple[object, int]] = [(document, 0)]
        limit = self.reader.context.limits.max_depth
        while stack:
            node, depth = stack.pop()
            if not isinstance(node, dict) or depth > limit:
                continue
            kind = node.get("type")
            children = node.get("children")
            children = children if isinstance(children, list) else []
            if kind in _TEXT_BLOCKS:
                # A list item's nested lists become items of their own, after this one.
                inline = [child for child in children if not _is_list(child)]
                text = clean_text(self._inline_text(inline))
                if text:
                    body.blocks.append(Block(kind=_TEXT_BLOCKS[str(kind)], text=text))
                nested = [child for child in children if _is_list(child)]
                stack.extend((child, depth + 1) for child in reversed(nested))
            elif kind in _CONTAINERS:
                stack.extend((child, depth + 1) for child in reversed(children))
            elif isinstance(kind, str) and kind in _HANDLERS:
                _HANDLERS[kind](self, node)
            elif kind not in _SILENT:
                self.unknown[str(kind)] = None
        if self.unmapped:
            self.reader.warn(
                PREZLY_UNMAPPED_NODE,
                "content nodes with nothing this version can read were left out: "
                + ", ".join(self.unmapped),
            )
        if self.unknown:
            self.reader.warn(
                PREZLY_UNKNOWN_NODE, "content nodes of unknown type: " + ", ".join(self.unknown)
            )

    def _inline_text(self, nodes: list[object]) -> str:
        """The text of inline nodes (text leaves, links, variables), in order."""
        parts: list[str] = []
        # Strings on the stack are separators to emit once the nodes above them are done.
        stack: list[object] = list(reversed(nodes))
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                parts.append(node)
                continue
            if not isinstance(node, dict):
                continue
            text = node.get("text")
            if isinstance(text, str):
                parts.append(text)
                continue
            kind = node.get("type")
            if kind == "variable":
                # A placeholder Prezly fills in when it renders ("publication.date").
                key = node.get("key")
                if isinstance(key, str):
                    self.body.variables.append(key)
                continue
            children = node.get("children")
            if not isinstance(children, list):
                continue
            if kind == "link" and isinstance(node.get("href"), str):
                label = clean_text(_leaf_text(children))
                href = str(node["href"]).strip()
                self.body.links.append(Link(url=href, text=label or None, kind="inline"))
            elif kind in ("list-item-text", "paragraph"):
                stack.append(" ")
            stack.extend(reversed(children))
        return "".join(parts)

    # -- nodes that are not text --------------------------------------------------------------

    def _image(self, node: Mapping[str, object]) -> None:
        url = self._file_url(node.get("file"))
        children = node.get("children")
        caption = clean_text(_leaf_text(children)) if isinstance(children, list) else ""
        self._add_image(url, caption, "image-block")
        href = node.get("href")
        if isinstance(href, str) and href.strip():
            self.body.links.append(Link(url=href.strip(), text=caption or None, kind="inline"))

    def _gallery(self, node: Mapping[str, object]) -> None:
        images = node.get("images")
        if not isinstance(images, list) or not images:
            self.unmapped["gallery"] = None
            return
        for item in images:
            if isinstance(item, dict):
                caption = item.get("caption")
                text = clean_text(caption) if isinstance(caption, str) else ""
                self._add_image(self._file_url(item.get("file")), text, "gallery")

    def _file_url(self, value: object) -> str | None:
        return uploaded_file_url(value, self.reader.context, self.reader.warnings)

    def _add_image(self, url: str | None, caption: str, kind: str) -> None:
        if url is None:
            self.unmapped[kind] = None
            return
        text: str | None = caption or None
        credit = split_credit(caption) if caption else None
        if credit is not None:
            text = None  # the caption is only a credit
        elif caption:
            text, credit = caption_and_credit(caption)
        self.body.add_image(Image(url=url, caption=text, credit=credit))

    def _embed(self, node: Mapping[str, object]) -> None:
        oembed = node.get("oembed")
        oembed = oembed if isinstance(oembed, dict) else {}
        url = oembed.get("url") or node.get("url")
        if not isinstance(url, str) or not url.strip():
            self.unmapped[str(node.get("type"))] = None
            return
        title = oembed.get("title")
        text = clean_text(title) if isinstance(title, str) else ""
        self.body.links.append(Link(url=url.strip(), text=text or None, kind="embed"))

    def _bookmark(self, node: Mapping[str, object]) -> None:
        oembed = node.get("oembed")
        oembed = oembed if isinstance(oembed, dict) else {}
        url = node.get("url") or oembed.get("url")
        if not isinstance(url, str) or not url.strip():
            self.unmapped["bookmark"] = None
            return
        title, description = oembed.get("title"), oembed.get("description")
        title = clean_text(title) if isinstance(title, str) else None
        description = clean_text(description) if isinstance(description, str) else None
        self._drop_related_label()
        self.body.links.append(Link(url=url.strip(), text=title or None, kind="related"))
        self.body.related.append(
            {"url": url.strip(), "title": title or None, "description": description or None}
        )

    def _drop_related_label(self) -> None:
        """A "Related news" paragraph just before a bookmark labels it; it is not the story's."""
        blocks = self.body.blocks
        if blocks and blocks[-1].kind != "list_item" and is_related_label(blocks[-1].text):
            blocks.pop()

    def _story_bookmark(self, node: Mapping[str, object]) -> None:
        # The node names the story by uuid; an export may add its title and address.
        story = node.get("story")
        if not isinstance(story, dict):
            self.unmapped["story-bookmark"] = None
            return
        title = story.get("title")
        title = clean_text(title) if isinstance(title, str) else None
        url = story.get("url")
        links = story.get("links")
        if not isinstance(url, str) and isinstance(links, dict):
            url = links.get("newsroom_view") or links.get("short")
        url = url.strip() if isinstance(url, str) and url.strip() else None
        self._drop_related_label()
        if url is not None or title:
            self.body.links.append(Link(url=url, text=title or None, kind="related"))
        self.body.related.append({"story_uuid": story.get("uuid"), "url": url, "title": title})

    def _attachment(self, node: Mapping[str, object]) -> None:
        file = node.get("file")
        url = self._file_url(file)
        if url is None or not isinstance(file, dict):
            self.unmapped["attachment"] = None
            return
        description = node.get("description")
        description = clean_text(description) if isinstance(description, str) else ""
        filename = file.get("filename")
        label = description or (filename if isinstance(filename, str) else None)
        self.body.links.append(Link(url=url, text=label or None, kind="related"))
        self.body.attachments.append(
            {
                "url": url,
                "filename": filename,
                "description": description or None,
                "mime_type": file.get("mime_type"),
                "size": file.get("size"),
            }
        )

    def _contact(self, node: Mapping[str, object]) -> None:
        contact = node.get("contact")
        if not isinstance(contact, dict):
            self.unmapped["contact"] = None
            return
        record: dict[str, object] = {
            "name": _optional_text(contact.get("name")),
            "email": _optional_text(contact.get("email")),
            "phone": _optional_text(contact.get("phone")),
            "organisation": _optional_text(contact.get("company")),
        }
        # Everything else the contact carries (mobile, website, description, uuid...).
        record.update(
            (key, value)
            for key, value in contact.items()
            if key not in ("name", "email", "phone", "company")
        )
        self.body.contacts.append(record)

    def _coverage(self, node: Mapping[str, object]) -> None:
        coverage = node.get("coverage")
        self.body.coverage.append(coverage if coverage is not None else node.get("uuid"))

    def _button(self, node: Mapping[str, object]) -> None:
        self.body.buttons.append(
            {"label": _optional_text(node.get("label")), "href": _optional_text(node.get("href"))}
        )

    def _callout(self, node: Mapping[str, object]) -> None:
        children = node.get("children")
        text = clean_text(self._inline_text(children)) if isinstance(children, list) else ""
        if text:
            self.body.callouts.append(text)

    def _table(self, node: Mapping[str, object]) -> None:
        # One paragraph per row, its cells joined with " | ", as for HTML tables.
        for row in _children(node):
            if isinstance(row, dict) and row.get("type") == "table-row":
                cells = [clean_text(self._inline_text(_children(cell))) for cell in _children(row)]
                text = " | ".join(cell for cell in cells if cell)
                if text:
                    self.body.blocks.append(Block(kind="paragraph", text=text))

    def _html(self, node: Mapping[str, object]) -> None:
        content = node.get("content")
        if not isinstance(content, str):
            self.unmapped["html"] = None
            return
        self.reader.add_html(content, self.reader.url(), self.body)


_HANDLERS: Final = {
    "image-block": ContentWalker._image,
    "image": ContentWalker._image,
    "gallery": ContentWalker._gallery,
    "embed": ContentWalker._embed,
    "video": ContentWalker._embed,
    "bookmark": ContentWalker._bookmark,
    "story-bookmark": ContentWalker._story_bookmark,
    "story-embed": ContentWalker._story_bookmark,
    "attachment": ContentWalker._attachment,
    "contact": ContentWalker._contact,
    "coverage": ContentWalker._coverage,
    "button-block": ContentWalker._button,
    "callout": ContentWalker._callout,
    "table": ContentWalker._table,
    "html": ContentWalker._html,
}


def _is_list(node: object) -> bool:
    return isinstance(node, dict) and node.get("type") in ("bulleted-list", "numbered-list")


def _children(node: object) -> list[object]:
    children = node.get("children") if isinstance(node, dict) else None
    return children if isinstance(children, list) else []


def _leaf_text(nodes: list[object]) -> str:
    """The text leaves under ``nodes``, in order."""
    parts: list[str] = []
    stack: list[object] = list(reversed(nodes))
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            text = node.get("text")
            if isinstance(text, str):
                parts.append(text)
            elif isinstance(node.get("children"), list):
                stack.extend(reversed(node["children"]))
    return "".join(parts)


def _optional_text(value: object) -> str | None:
    return (clean_text(value) or None) if isinstance(value, str) else None
