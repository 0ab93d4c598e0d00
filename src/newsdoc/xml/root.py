"""An XML document's root element, found in its first bytes, for sniff functions."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["root_name"]

_BOM: Final = b"\xef\xbb\xbf"
_ROOT: Final = re.compile(rb"<(?:([A-Za-z_][\w.-]{0,40}):)?([A-Za-z_][\w.-]{0,40})[\s/>]")
_PROLOG_PARTS: Final = 32  # declarations, comments and processing instructions before the root


def root_name(head: bytes) -> tuple[bytes, bytes] | None:
    """The root element's prefix (``b""`` when none) and local name, past the XML prolog.

    ``None`` when ``head`` does not open with markup, or the prolog (an XML declaration,
    comments, processing instructions, a DOCTYPE with or without an internal subset) does not
    end within it.
    """
    text = head.removeprefix(_BOM)
    for _ in range(_PROLOG_PARTS):
        text = text.lstrip()
        if text.startswith(b"<?"):
            end, skip = text.find(b"?>"), 2
        elif text.startswith(b"<!--"):
            end, skip = text.find(b"-->"), 3
        elif text.startswith(b"<!"):
            bracket, close = text.find(b"["), text.find(b">")
            if 0 <= bracket < close:
                end, skip = text.find(b"]>"), 2  # a DOCTYPE with an internal subset
            else:
                end, skip = close, 1
        else:
            break
        if end < 0:
            return None
        text = text[end + skip :]
    match = _ROOT.match(text)
    return (match.group(1) or b"", match.group(2)) if match else None
