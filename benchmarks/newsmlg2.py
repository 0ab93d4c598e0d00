"""NewsML-G2: documents per second of newsdoc on a newsMessage of NITF items, against its floor.

    make bench                      # part of it; or:
    python benchmarks/newsmlg2.py [--items 300] [--rounds 7]

The message is generated: a ``newsMessage`` whose ``itemSet`` holds ``--items`` news items,
each with its itemMeta (class, provider, three dates, status), its contentMeta (a creator, two
subjects with names in two languages, a slugline, a main headline and a subheadline, a
summary) and a NITF body inline (a byline, six paragraphs with a quotation and a link, a
picture), about 2.7 KB an item. The floor is the XML parse alone, with the safe parser newsdoc
uses (``newsdoc.html.safe.xml_parser``), so the ratio is what reading the items costs beyond
it. Each figure is the best of ``--rounds``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from lxml import etree
from timing import best

import newsdoc
from newsdoc.html.safe import xml_parser

_NS = "http://iptc.org/std/nar/2006-10-01/"
_ITEM = """
    <newsItem guid="urn:newsml:bench.example:2024:item-{n}" version="1" standard="NewsML-G2"
        standardversion="2.33" xml:lang="en">
      <itemMeta>
        <itemClass qcode="ninat:text"/>
        <provider qcode="nprov:BENCH"><name>Bench Wire</name></provider>
        <versionCreated>2024-09-03T{hour:02d}:{minute:02d}:30Z</versionCreated>
        <firstCreated>2024-09-03T{hour:02d}:{minute:02d}:00Z</firstCreated>
        <pubStatus qcode="stat:usable"/>
      </itemMeta>
      <contentMeta>
        <contentCreated>2024-09-03T{hour:02d}:00:00Z</contentCreated>
        <creator><name>Reporter {n}</name></creator>
        <subject qcode="medtop:04000000"><name xml:lang="de">Wirtschaft</name>
          <name xml:lang="en">economy, business and finance</name></subject>
        <subject qcode="medtop:20000256"><name xml:lang="en">maritime transport</name></subject>
        <slugline>Harbour-Budget-{n}</slugline>
        <headline>Story {n}: council and harbour board agree on the budget</headline>
        <headline role="hlrole:sub">Line {n} passes after a night-long meeting</headline>
        <description role="drol:summary">The council and the board agreed on line {n}.</description>
      </contentMeta>
      <contentSet>
        <inlineXML contenttype="application/nitf+xml">
          <nitf><head><docdata><doc-id id-string="BW-{n}"/></docdata></head><body>
            <body.head><byline>By <person>Reporter {n}</person></byline></body.head>
            <body.content>
              <p>The council and the harbour board agreed on Tuesday on line {n} of the
              budget, after a meeting that lasted well into the night and ended with a vote
              of seven to two.</p>
              <p><q>We have found a way through,</q> said the chair, Anna Berg, after the
              vote. The board will publish the <a href="https://bench.example/{n}/minutes">
              minutes</a> on Friday.</p>
              <media media-type="image"><media-reference
                source="https://bench.example/{n}/photo.jpg"/><media-caption>The meeting.
                </media-caption><media-producer>Bench Wire</media-producer></media>
              <p>Opponents said the plan left too little for the ferries. <q>This is not the
              end of it,</q> said Lars Holm, who voted against.</p>
              <p>The budget goes to the regional assembly in October, where a majority is
              expected to support it.</p>
              <p>The island routes keep their winter timetable; a second evening crossing is
              added on weekdays.</p>
              <p>The board meets again on the first Tuesday of next month.</p>
            </body.content>
          </body></nitf>
        </inlineXML>
      </contentSet>
    </newsItem>"""


def make_message(items: int) -> bytes:
    """A newsMessage of ``items`` news items, each carrying NITF."""
    body = "".join(_ITEM.format(n=n, hour=n // 60 % 24, minute=n % 60) for n in range(1, items + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<newsMessage xmlns="{_NS}">\n<header><sent>2024-09-03T23:59:00Z</sent>'
        "<sender>bench.example</sender><transmitId>bench-1</transmitId></header>\n"
        f"<itemSet>{body}\n</itemSet>\n</newsMessage>\n"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    data = make_message(args.items)

    def floor() -> int:
        root = etree.fromstring(data, parser=xml_parser())
        return len(root.findall(f"{{{_NS}}}itemSet/{{{_NS}}}newsItem"))

    def ours() -> int:
        return sum(1 for _ in newsdoc.loads_all(data, format="newsml-g2"))

    runs: list[tuple[str, Callable[[], int]]] = [
        ("XML parse alone (floor)", floor),
        ("newsdoc load_all", ours),
    ]
    print(
        f"newsml-g2: a newsMessage of {args.items} NITF items, {len(data) / 1024:.0f} KiB,"
        f" best of {args.rounds}"
    )
    floor_seconds = 0.0
    for name, function in runs:
        seconds, count = best(function, args.rounds)
        if count != args.items:
            raise SystemExit(f"{name} read {count} items, not {args.items}")
        floor_seconds = floor_seconds or seconds
        print(
            f"  {name:26} {args.items / seconds:10,.0f} docs/s   "
            f"{seconds * 1000:8.1f} ms  x{seconds / floor_seconds:6.1f} the floor"
        )


if __name__ == "__main__":
    main()
