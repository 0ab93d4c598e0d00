"""Prezly's uploaded files as image URLs, one image per file, and credit lines given to images."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import quote

import attrs

from newsdoc.analysis.credits import place_credit_lines
from newsdoc.errors import ParseError
from newsdoc.model import Image, ParseWarning
from newsdoc.parsers._json import parse_json
from newsdoc.parsers.prezly.body import Body
from newsdoc.registry import ParseContext

__all__ = ["place_credits", "uploaded_file_url"]

# Where Prezly's uploaded files are served from: the file's uuid, then its name.
_CDN: Final = "https://cdn.uc.assets.prezly.com/"
_CDN_FILE: Final = re.compile(r"https?://cdn\.uc\.assets\.prezly\.com/([0-9A-Fa-f-]{8,64})/")


def place_credits(body: Body, headers: list[Image]) -> list[Image]:
    """Credit lines in the body become image credits; the header image takes the rest.

    A paragraph such as "© BELGA PHOTO X" credits the last image before it that has no credit
    (:func:`~newsdoc.analysis.credits.place_credit_lines`); with no such image, the story's
    header image. It never stays body text.
    """
    body.blocks, images, unplaced = place_credit_lines(body.blocks, body.images, body.image_blocks)
    body.credits.extend(unplaced)
    for credit in body.credits:
        for position, image in enumerate(headers):
            if image.credit is None:
                headers[position] = attrs.evolve(image, credit=credit)
                break
    return _dedupe_images([*headers, *images])


def _dedupe_images(images: list[Image]) -> list[Image]:
    """One image per file: the header image is often the body's first image again.

    Prezly CDN addresses name the file by its uuid, whatever resizing follows; the first
    occurrence keeps its place and takes the caption and credit the others have.
    """
    kept: dict[str, Image] = {}
    for image in images:
        match = _CDN_FILE.match(image.url)
        key = match.group(1).lower() if match else image.url
        first = kept.get(key)
        if first is None:
            kept[key] = image
        else:
            kept[key] = attrs.evolve(
                first, caption=first.caption or image.caption, credit=first.credit or image.credit
            )
    return list(kept.values())


def uploaded_file_url(
    value: object, context: ParseContext, warnings: list[ParseWarning]
) -> str | None:
    """The URL of a Prezly uploaded file: a URL, or an object or JSON string describing it.

    An uploaded-file description carries a ``cdnUrl``, or only the ``uuid`` and ``filename``
    from which Prezly's CDN address is made. A JSON string is read as the story is (its
    warnings join ``warnings``); one that is not JSON gives no URL.
    """
    if isinstance(value, str):
        if not value.lstrip().startswith("{"):
            return value.strip() or None
        try:
            value, found = parse_json(value, context, "uploaded-file")
        except ParseError:
            return None
        warnings.extend(found)
    if not isinstance(value, dict):
        return None
    for key in ("cdnUrl", "cdn_url", "url"):
        url = value.get(key)
        if isinstance(url, str) and url.strip():
            return url.strip()
    uuid, filename = value.get("uuid"), value.get("filename")
    if isinstance(uuid, str) and re.fullmatch(r"[0-9A-Fa-f-]{8,64}", uuid):
        # (No lone surrogate can reach quote(): every JSON parse replaced them.)
        name = quote(filename) if isinstance(filename, str) else ""
        return f"{_CDN}{uuid}/{name}"
    return None
