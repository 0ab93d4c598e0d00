"""Telling NewsML 1 from other XML (NewsML-G2 above all) by the first bytes.

A NewsML 1 document is rooted in ``NewsML`` (the DTD's and the schema's document element);
the schema also declares ``NewsItem`` a global element, and some feeds send an item alone.
NewsML-G2 has an item called ``newsItem`` too: it is in the namespace
``http://iptc.org/std/nar/2006-10-01/`` and opens with ``itemMeta``, where NewsML 1's
``NewsItem`` has no namespace and opens with ``Identification`` and ``NewsManagement``. So a
``NewsItem`` root is NewsML 1 only when its first children say so and nothing says G2.
"""

from __future__ import annotations

import re
from typing import Final

from newsdoc.xml.root import root_name

__all__ = ["sniff"]

SURE: Final = 0.95
# A bare item: sure of it, a little less than of an envelope.
ITEM: Final = 0.9
# NewsML 1's first children of a NewsItem, with any prefix, in any capitals.
_NEWSML1_ITEM: Final = re.compile(
    rb"<(?:[A-Za-z_][\w.-]{0,40}:)?(?:identification|newsidentifier|newsmanagement)[\s/>]",
    re.IGNORECASE,
)
# What only NewsML-G2 says: its namespace, its standard attribute, its item's first children.
_G2: Final = re.compile(
    rb"iptc\.org/std/nar/|newsml-g2|<(?:[A-Za-z_][\w.-]{0,40}:)?(?:itemmeta|contentmeta|contentset)[\s/>]",
    re.IGNORECASE,
)


def sniff(head: bytes, name: str | None) -> float:
    """0.95 for a ``NewsML`` root; 0.9 for a NewsML 1 ``NewsItem`` root; else 0.

    Any prefix, namespace or capitals for ``NewsML``. A ``NewsItem`` root must be spelt with a
    capital (G2's is ``newsItem``), hold NewsML 1's ``Identification`` or ``NewsManagement``,
    and show nothing of G2 (its namespace, ``NewsML-G2``, ``itemMeta``, ``contentMeta``,
    ``contentSet``).
    """
    root = root_name(head.lstrip())
    if root is None:
        return 0.0
    local = root[1]
    if local.lower() == b"newsml":
        return SURE
    if local.lower() != b"newsitem" or local[:1] != b"N":
        return 0.0
    if _G2.search(head) is not None or _NEWSML1_ITEM.search(head) is None:
        return 0.0
    return ITEM
