"""NITF: documents per second of newsdoc on NITF articles, against its floor, in the same run.

    make bench                      # part of it; or:
    python benchmarks/nitf.py [--documents 300] [--rounds 7]

The documents are generated: NITF 3.6, each with a head (docdata with a doc-id, urgency, dates
and keywords; pubdata), a hedline, a byline with a person, a dateline, an abstract and a body
of six paragraphs with quotations, a heading, a list and a photo (about 3 KB each). Each is
loaded on its own, as files are (detection included). The floor is the XML parse alone of the
same bytes, with the safe parser newsdoc uses (``newsdoc.html.safe.xml_parser``), so the ratio
is what reading the article costs beyond it. Each figure is the best of ``--rounds``.
"""

from __future__ import annotations

import argparse

from lxml import etree
from timing import best

import newsdoc
from newsdoc.html.safe import xml_parser

_DOCUMENT = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nitf SYSTEM "nitf-3-6.dtd">
<nitf version="-//IPTC//DTD NITF 3.6//EN" baselang="en-GB">
<head>
  <title>Story {n}: council &amp; harbour board agree on the {n}th budget line</title>
  <docdata management-status="usable">
    <doc-id id-string="BENCH-{n}"/>
    <urgency ed-urg="3"/>
    <date.issue norm="20240903T{hour:02d}{minute:02d}00+0100"/>
    <key-list><keyword key="harbour"/><keyword key="budget"/></key-list>
  </docdata>
  <pubdata type="web" name="Benchmark Wire" ex-ref="https://wire.example/{n}.html"/>
</head>
<body>
  <body.head>
    <hedline><hl1>Story {n}: council &amp; harbour board agree on the {n}th budget line</hl1>
    <hl2>The vote ended a session that lasted into the night</hl2></hedline>
    <byline>By <person>Reporter {n}</person>, <byttl>Staff</byttl></byline>
    <dateline><location>PORT ELLIS</location>,
    <story.date norm="20240903">Sept. 3</story.date></dateline>
    <abstract><p>The council and the board agreed on line {n}.</p></abstract>
  </body.head>
  <body.content>
    <p>The council and the harbour board agreed on Tuesday on line {n} of the budget, after a
    meeting that lasted well into the night and ended with a vote of seven to two.</p>
    <p><q>We have found a way through,</q> said the chair, Anna Berg, after the vote. The
    board will publish the <a href="/{n}/minutes.html">minutes</a> on Friday.</p>
    <media media-type="image"><media-reference source="https://wire.example/{n}.jpg"/>
    <media-caption>The meeting.</media-caption>
    <media-producer>Harbour Board</media-producer></media>
    <hl2>The ferries</hl2>
    <p>Opponents said the plan left too little for the ferries. <q>This is not the end of
    it,</q> said Lars Holm, who voted against.</p>
    <ul><li>Three routes keep their timetable.</li><li>Two lose a late sailing.</li></ul>
    <p>The budget goes to the regional assembly in October &mdash; a month later than planned.</p>
  </body.content>
</body>
</nitf>
"""


def make_documents(count: int) -> list[bytes]:
    """``count`` NITF documents."""
    return [
        _DOCUMENT.format(n=n, hour=n // 60 % 24, minute=n % 60).encode()
        for n in range(1, count + 1)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    documents = make_documents(args.documents)

    def floor() -> int:
        return sum(etree.fromstring(data, parser=xml_parser()) is not None for data in documents)

    def ours() -> int:
        return sum(newsdoc.loads(data).format == "nitf" for data in documents)

    size = sum(map(len, documents)) / len(documents)
    print(f"nitf: {args.documents} NITF articles of {size / 1024:.1f} KiB, best of {args.rounds}")
    floor_seconds = 0.0
    for name, function in (("XML parse alone (floor)", floor), ("newsdoc loads", ours)):
        seconds, count = best(function, args.rounds)
        if count != args.documents:
            raise SystemExit(f"{name} read {count} documents, not {args.documents}")
        floor_seconds = floor_seconds or seconds
        print(
            f"  {name:26} {args.documents / seconds:10,.0f} docs/s   "
            f"{seconds * 1000:8.1f} ms  x{seconds / floor_seconds:6.1f} the floor"
        )


if __name__ == "__main__":
    main()
