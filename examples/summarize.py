"""Print a short, readable summary of each news document given on the command line.

    python examples/summarize.py examples/data/*

Each file may hold several documents (a dump, an export); every one is summarised.
"""

from __future__ import annotations

import sys
import textwrap
from collections import Counter

import newsdoc


def summarize(doc: newsdoc.Document) -> str:
    """A few lines about one document."""
    meta = doc.metadata
    authors = ", ".join(author.name for author in meta.authors) or "unknown"
    published = meta.published.isoformat() if meta.published else "unknown"
    links = Counter(link.kind for link in doc.links)
    lines = [
        f"{doc.title or '(no title)'}",
        f"  format: {doc.format}   language: {meta.language or '?'}   published: {published}",
        f"  by: {authors}",
        f"  body: {len(doc.blocks)} blocks, {len(doc.body.split())} words; "
        f"links: {dict(sorted(links.items())) or 'none'}; images: {len(meta.images)}",
    ]
    if doc.blocks:
        first = textwrap.shorten(doc.blocks[0].text, width=96, placeholder=" ...")
        lines.append(f"  first: {first}")
    for quote in doc.quotes[:3]:
        said = textwrap.shorten(quote.text, width=60, placeholder=" ...")
        lines.append(f"  quote: “{said}” ({quote.speaker or 'nobody named'})")
    lines.extend(f"  warning [{w.code}]: {w.message}" for w in doc.warnings)
    return "\n".join(lines)


def main(paths: list[str]) -> int:
    """Summarise every document in ``paths``; return 1 if any file could not be read."""
    status = 0
    for path in paths:
        print(f"== {path}")
        try:
            for doc in newsdoc.load_all(path):
                print(summarize(doc))
        except (newsdoc.NewsdocError, OSError) as exc:
            print(f"  error: {exc}", file=sys.stderr)
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
