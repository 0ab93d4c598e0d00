"""A message's headers, its body part and its attachments, to a Document."""

from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage, Message
from typing import Final

from newsdoc.analysis.rfc822 import parse_feed_date
from newsdoc.analysis.text import clean_text, comparable
from newsdoc.codes import EMAIL_BAD_DATE, EMAIL_NO_BODY, EMAIL_UNDECODABLE_PART
from newsdoc.decoding import decode, normalize_charset
from newsdoc.html.fragment import parse_fragment
from newsdoc.model import Author, Block, Document, Image, Link, Metadata, ParseWarning
from newsdoc.parsers.email.furniture import take_furniture
from newsdoc.registry import ParseContext

__all__ = ["NAME", "read_message"]

NAME: Final = "email"

# Reply and forward prefixes of a subject, as mail programs write them (repeated too).
_PREFIX: Final = re.compile(r"(?:(?:re|fwd?|fw)\s?:\s{0,8})+", re.IGNORECASE)
_PARAGRAPH_BREAK: Final = re.compile(r"\n[ \t]*\n")
# The language an HTML part states on its root or body element.
_HTML_LANG: Final = re.compile(
    r"<(?:html|body)\b[^>]{0,500}?\blang\s{0,4}=\s{0,4}[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3})",
    re.IGNORECASE,
)
# The headers kept in extra["email"], under these keys; address lists are lists.
_KEPT: Final = (
    ("message-id", "message_id"),
    ("to", "to"),
    ("cc", "cc"),
    ("reply-to", "reply_to"),
    ("sender", "sender"),
    ("list-id", "list_id"),
    ("organization", "organization"),
    ("delivered-to", "delivered_to"),
    ("in-reply-to", "in_reply_to"),
)
_LISTS: Final = frozenset({"to", "cc", "reply-to", "delivered-to"})


def read_message(data: bytes, context: ParseContext) -> Document:
    """The message in ``data`` as a Document of the ``email`` format."""
    message = email.message_from_bytes(data, policy=policy.default)
    warnings: list[ParseWarning] = []
    extra: dict[str, object] = {}
    fields: dict[str, object] = {}
    title, prefix = _subject(_header(message, "subject"))
    if prefix:
        fields["subject_prefix"] = prefix
    authors, address = _sender(message)
    if address:
        fields["from"] = address
    for header, key in _KEPT:
        values = [value for value in _headers(message, header) if value]
        if values:
            fields[key] = values if header in _LISTS else values[0]
    published = None
    raw_date = _header(message, "date")
    if raw_date:
        published = parse_feed_date(raw_date)
        if published is None:
            warnings.append(EMAIL_BAD_DATE(f"the Date header is not a date: {raw_date[:64]!r}"))
    body = _body_part(message)
    attachments = _attachments(message, body)
    blocks: list[Block] = []
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()
    language = _header(message, "content-language")
    if body is None:
        warnings.append(EMAIL_NO_BODY("the message has no text or HTML part"))
    else:
        text, part_warnings = _text_of(body)
        warnings.extend(part_warnings)
        language = language or _header(body, "content-language")
        if body.get_content_subtype() == "html":
            declared = _HTML_LANG.search(text[:4096])
            language = language or (declared.group(1) if declared else None)
            fragment = parse_fragment(text, max_depth=context.limits.max_depth)
            blocks, links = list(fragment.blocks), fragment.links
            # A cid: image is a part of this message, listed among the attachments.
            images = tuple(image for image in fragment.images if not _is_cid(image.url))
            warnings.extend(fragment.warnings)
        else:
            blocks = _paragraphs(text)
    blocks, furniture = take_furniture(blocks)
    if body is not None and body.get_content_subtype() != "html":  # wrapped lines joined
        blocks = [Block(kind=block.kind, text=" ".join(block.text.split("\n"))) for block in blocks]
    extra.update(furniture)
    if blocks and title and comparable(blocks[0].text) == comparable(title):
        blocks = blocks[1:]  # the subject repeated as the body's first line
    if fields:
        extra["email"] = fields
    if attachments:
        extra["attachments"] = attachments
    if not blocks and body is not None:
        warnings.append(EMAIL_NO_BODY("the message's body holds no text"))
    return Document(
        format=NAME,
        source=context.source,
        title=title,
        blocks=blocks,
        metadata=Metadata(
            published=published,
            authors=authors,
            language=language.split(",")[0].strip() if language else None,
            images=images,
            extra=extra,
        ),
        links=links,
        warnings=warnings,
    )


def _header(message: Message, name: str) -> str | None:
    values = _headers(message, name)
    return values[0] if values else None


def _headers(message: Message, name: str) -> list[str]:
    """Every value of the header ``name``, decoded and cleaned; a broken one as written."""
    found: list[str] = []
    for key, raw in message.raw_items():
        if key.lower() != name:
            continue
        try:
            value = str(message.policy.header_fetch_parse(key, raw))
        except Exception:  # noqa: BLE001 - the email package can fail on a broken header
            value = str(raw)
        cleaned = clean_text(value)
        if cleaned:
            found.append(cleaned)
    return found


def _subject(raw: str | None) -> tuple[str | None, str | None]:
    """The subject without its reply and forward prefixes, and the prefixes."""
    if raw is None:
        return None, None
    match = _PREFIX.match(raw)
    if match is None:
        return raw, None
    rest = raw[match.end() :].strip()
    return (rest or None), clean_text(match.group(0))


def _sender(message: Message) -> tuple[list[Author], str | None]:
    """The From header's display name as the author, and its address."""
    raw = _header(message, "from")
    if raw is None:
        return [], None
    try:
        addresses = getattr(message["from"], "addresses", ())
    except Exception:  # noqa: BLE001 - an unreadable address: the header as written
        return [], raw
    if not addresses:
        return [], raw
    first = addresses[0]
    name = clean_text(str(first.display_name))
    address = str(first.addr_spec) or None
    return ([Author(name=name)] if name else []), address


def _is_cid(url: str) -> bool:
    return url[:4].lower() == "cid:"


def _is_attachment(part: Message) -> bool:
    return part.get_content_disposition() == "attachment" or part.get_content_maintype() != "text"


def _body_part(message: Message) -> Message | None:
    """The HTML part, else the text part: what a mail program would show."""
    if isinstance(message, EmailMessage):
        try:
            chosen = message.get_body(preferencelist=("html", "plain"))
        except Exception:  # noqa: BLE001 - a broken structure: walk it instead
            chosen = None
        if chosen is not None and not chosen.is_multipart():
            return chosen
    for subtype in ("html", "plain"):
        for part in message.walk():
            if part.get_content_type() == f"text/{subtype}" and not _is_attachment(part):
                return part
    return None


def _attachments(message: Message, body: Message | None) -> list[dict[str, object]]:
    """The attachments and other non-text parts: file name, content type, size in bytes."""
    listed: list[dict[str, object]] = []
    for part in message.walk():
        if part is body or part.is_multipart() or not _is_attachment(part):
            continue
        payload = part.get_payload(decode=True)
        entry: dict[str, object] = {
            "filename": part.get_filename(),
            "content_type": part.get_content_type(),
            "size": len(payload) if isinstance(payload, bytes) else 0,
        }
        listed.append({key: value for key, value in entry.items() if value is not None})
    return listed


def _text_of(part: Message) -> tuple[str, list[ParseWarning]]:
    """The part's text: its transfer encoding undone, then its charset, or one detected."""
    warnings: list[ParseWarning] = []
    payload = part.get_payload(decode=True)
    data = payload if isinstance(payload, bytes) else b""
    broken = [defect for defect in part.defects if "base64" in type(defect).__name__.lower()]
    if broken:
        encoding = part.get("content-transfer-encoding", "")
        warnings.append(
            EMAIL_UNDECODABLE_PART(
                f"the {part.get_content_type()} part's {str(encoding).strip()} is broken;"
                " what could be decoded is read"
            )
        )
    charset = part.get_content_charset()
    declared = charset if charset and normalize_charset(charset) else None
    decoded = decode(data, declared=declared, html=True)
    warnings.extend(decoded.warnings)
    return decoded.text, warnings


def _paragraphs(text: str) -> list[Block]:
    """A text part's paragraphs, their lines kept (the furniture is found by line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = []
    for part in _PARAGRAPH_BREAK.split(text):
        lines = [clean_text(line) for line in part.split("\n")]
        joined = "\n".join(line for line in lines if line)
        if joined:
            blocks.append(Block(kind="paragraph", text=joined))
    return blocks
