"""A NITF body inside a ninjs item (``contenttype: application/nitf+xml``) to a Fragment."""

from __future__ import annotations

from newsdoc.html.fragment import Fragment, parse_fragment

__all__ = ["nitf_fragment"]


def nitf_fragment(markup: str, max_depth: int) -> Fragment:
    """The body of NITF ``markup``: its blocks, links and images."""
    return parse_fragment(markup, max_depth=max_depth)
