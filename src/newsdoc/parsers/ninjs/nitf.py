"""A NITF body inside a ninjs item (``contenttype: application/nitf+xml``).

It is read by the shared IPTC machinery (:func:`newsdoc.iptc.nitf.read_nitf_markup`), as the
NITF format reads a file. A ninjs body may carry a whole NITF document (head and body) or only
its body. The body's blocks, links and images are the item's; what the NITF head states
(headline, byline, dates, subjects) fills what the ninjs item itself leaves empty, and its
other fields are kept.
"""

from __future__ import annotations

from newsdoc.iptc.article import Article
from newsdoc.iptc.nitf import read_nitf_markup

__all__ = ["read_nitf_body"]


def read_nitf_body(markup: str, max_depth: int) -> Article:
    """The article NITF ``markup`` holds (empty when the markup holds no element)."""
    article = Article()
    read_nitf_markup(markup, article, max_depth=max_depth)
    return article
