"""Feeds: items per second of newsdoc on a 500-item feed, against its floor, in the same run.

    make bench                      # part of it; or:
    python benchmarks/feeds.py [--items 500] [--rounds 7]

The feed is generated: RSS 2.0, each item with a title, link, guid, date, author, two
categories, a description and a ``content:encoded`` body of four paragraphs with links and an
image (about 2 KB an item). The floor is the XML parse alone, with the safe parser newsdoc
uses (``newsdoc.html.safe.xml_parser``), so the ratio is what reading the items costs beyond
it. feedparser, when installed, is timed on the same bytes (it is not a dependency; see the
design notes, "Feeds: our parser, not feedparser"). Each figure is the best of ``--rounds``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from lxml import etree
from timing import best

import newsdoc
from newsdoc.html.safe import xml_parser

_ITEM = """
    <item>
      <title>Story {n}: council &amp; harbour board agree on the {n}th budget line</title>
      <link>https://news.example/{n}/story.html</link>
      <guid isPermaLink="false">story-{n}</guid>
      <pubDate>Tue, 03 Sep 2024 {hour:02d}:{minute:02d}:00 +0100</pubDate>
      <dc:creator>Reporter {n}</dc:creator>
      <category>Politics</category>
      <category>Harbour</category>
      <description>&lt;p&gt;The council and the board agreed on line {n}.&lt;/p&gt;</description>
      <content:encoded><![CDATA[
<p>The council and the harbour board agreed on Tuesday on line {n} of the budget, after a
meeting that lasted well into the night and ended with a vote of seven to two.</p>
<p>&ldquo;We have found a way through,&rdquo; said the chair, Anna Berg, after the vote. The
board will publish the <a href="/{n}/minutes.html">minutes</a> on Friday.</p>
<figure><img src="/{n}/photo.jpg" alt="">
<figcaption>The meeting. Photo: Harbour Board</figcaption></figure>
<p>Opponents said the plan left too little for the ferries. &ldquo;This is not the end of
it,&rdquo; said Lars Holm, who voted against. See <a href="https://news.example/ferries">our
ferry coverage</a>.</p>
<p>The budget goes to the regional assembly in October.</p>
]]></content:encoded>
    </item>"""


def make_feed(items: int) -> bytes:
    """An RSS 2.0 feed of ``items`` items."""
    body = "".join(_ITEM.format(n=n, hour=n // 60 % 24, minute=n % 60) for n in range(1, items + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        ' xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
        "<title>Benchmark News</title><link>https://news.example/</link>"
        "<description>Generated</description><language>en</language>"
        f"{body}\n</channel>\n</rss>\n"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    data = make_feed(args.items)

    def floor() -> int:
        root = etree.fromstring(data, parser=xml_parser())
        return len(root.findall("channel/item"))

    def ours() -> int:
        return sum(1 for _ in newsdoc.loads_all(data, format="feed"))

    runs: list[tuple[str, Callable[[], int]]] = [
        ("XML parse alone (floor)", floor),
        ("newsdoc load_all", ours),
    ]
    try:
        import feedparser  # type: ignore[import-untyped]
    except ImportError:
        pass
    else:
        runs.append(("feedparser.parse", lambda: len(feedparser.parse(data).entries)))

    print(
        f"feeds: {args.items}-item RSS 2.0 feed, {len(data) / 1024:.0f} KiB, best of {args.rounds}"
    )
    floor_seconds = 0.0
    for name, function in runs:
        seconds, count = best(function, args.rounds)
        if count != args.items:
            raise SystemExit(f"{name} read {count} items, not {args.items}")
        floor_seconds = floor_seconds or seconds
        print(
            f"  {name:26} {args.items / seconds:10,.0f} items/s  "
            f"{seconds * 1000:8.1f} ms  x{seconds / floor_seconds:6.1f} the floor"
        )


if __name__ == "__main__":
    main()
