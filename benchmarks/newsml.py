"""NewsML 1: documents per second of newsdoc on a 300-item envelope, against its floor.

    make bench                      # part of it; or:
    python benchmarks/newsml.py [--items 300] [--rounds 7]

The envelope is generated: one ``NewsML`` document whose ``NewsItem`` elements each carry an
identification, NewsManagement dates, NewsLines (headline, byline, dateline, keywords),
descriptive metadata (language, two subject codes named by a TopicSet, a location), a NITF
story of five paragraphs with a quotation and a link, and a photo component with two
renditions (about 4 KB an item). The floor is the XML parse alone, with the safe parser
newsdoc uses (``newsdoc.html.safe.xml_parser``), so the ratio is what reading the items costs
beyond it. Each figure is the best of ``--rounds``.
"""

from __future__ import annotations

import argparse

from lxml import etree
from timing import best

import newsdoc
from newsdoc.html.safe import xml_parser

_ITEM = """
  <NewsItem>
    <Identification>
      <NewsIdentifier>
        <ProviderId>wire.example</ProviderId>
        <DateId>20240903</DateId>
        <NewsItemId>doc-{n}</NewsItemId>
        <RevisionId PreviousRevision="0" Update="N">1</RevisionId>
        <PublicIdentifier>urn:newsml:wire.example:20240903:doc-{n}:1</PublicIdentifier>
      </NewsIdentifier>
    </Identification>
    <NewsManagement>
      <NewsItemType FormalName="News"/>
      <FirstCreated>20240903T{hour:02d}{minute:02d}00+0100</FirstCreated>
      <ThisRevisionCreated>20240903T{hour:02d}{minute:02d}30+0100</ThisRevisionCreated>
      <Status FormalName="Usable"/>
      <Urgency FormalName="4"/>
    </NewsManagement>
    <NewsComponent>
      <NewsLines>
        <HeadLine>Story {n}: council and harbour board agree on the {n}th budget line</HeadLine>
        <ByLine>By Reporter {n}</ByLine>
        <DateLine>PORT ELLIS, Sept 3</DateLine>
        <CopyrightLine>(c) 2024 Northern Wire Agency</CopyrightLine>
        <KeywordLine>harbour, budget</KeywordLine>
      </NewsLines>
      <AdministrativeMetadata>
        <Provider><Party FormalName="wire.example"/></Provider>
        <Source><Party FormalName="NWA"/></Source>
      </AdministrativeMetadata>
      <DescriptiveMetadata>
        <Language FormalName="en"/>
        <SubjectCode><Subject FormalName="04000000"/></SubjectCode>
        <SubjectCode><SubjectMatter FormalName="11003000"/></SubjectCode>
        <Location HowPresent="Origin"><Property FormalName="City" Value="Port Ellis"/></Location>
      </DescriptiveMetadata>
      <NewsComponent>
        <ContentItem>
          <MediaType FormalName="Text"/>
          <Format FormalName="NITF3.6"/>
          <DataContent>
            <nitf><body><body.content>
              <p>The council and the harbour board agreed on Tuesday on line {n} of the budget,
              after a meeting that lasted well into the night and ended with a vote of seven
              to two.</p>
              <p><q>We have found a way through,</q> said the chair, Anna Berg, after the vote.
              The board will publish the <a href="https://wire.example/{n}/minutes">minutes</a>
              on Friday.</p>
              <p>Opponents said the plan left too little for the ferries. <q>This is not the end
              of it,</q> said Lars Holm, who voted against.</p>
              <p>The budget goes to the regional assembly in October, where the ferry routes
              will be debated again.</p>
              <p>The assembly meets on October 14.</p>
            </body.content></body></nitf>
          </DataContent>
        </ContentItem>
      </NewsComponent>
      <NewsComponent Duid="photo{n}">
        <NewsLines>
          <HeadLine>The board at the vote on line {n}.</HeadLine>
          <CreditLine>NWA/Karin Lund</CreditLine>
        </NewsLines>
        <NewsComponent>
          <Role FormalName="HighDef"/>
          <ContentItem Href="https://media.wire.example/{n}/hd.jpg">
            <MediaType FormalName="Photo"/>
          </ContentItem>
        </NewsComponent>
        <NewsComponent>
          <Role FormalName="Thumbnail"/>
          <ContentItem Href="https://media.wire.example/{n}/thumb.jpg">
            <MediaType FormalName="Photo"/>
          </ContentItem>
        </NewsComponent>
      </NewsComponent>
    </NewsComponent>
  </NewsItem>"""


def make_envelope(items: int) -> bytes:
    """A NewsML 1 envelope of ``items`` items."""
    body = "".join(_ITEM.format(n=n, hour=n // 60 % 24, minute=n % 60) for n in range(1, items + 1))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<NewsML Version="1.2">\n'
        '<TopicSet FormalName="subjects"><Topic Duid="t1"><FormalName>04000000</FormalName>'
        "<Description>economy, business and finance</Description></Topic></TopicSet>\n"
        "<NewsEnvelope><DateAndTime>20240903T180000+0100</DateAndTime>"
        '<Priority FormalName="4"/></NewsEnvelope>'
        f"{body}\n</NewsML>\n"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    data = make_envelope(args.items)

    def floor() -> int:
        root = etree.fromstring(data, parser=xml_parser())
        return len(root.findall("NewsItem"))

    def ours() -> int:
        return sum(1 for _ in newsdoc.loads_all(data, format="newsml"))

    print(
        f"newsml: {args.items}-item NewsML 1 envelope (NITF stories, a photo each), "
        f"{len(data) / 1024:.0f} KiB, best of {args.rounds}"
    )
    floor_seconds = 0.0
    for name, function in (("XML parse alone (floor)", floor), ("newsdoc load_all", ours)):
        seconds, count = best(function, args.rounds)
        if count != args.items:
            raise SystemExit(f"{name} read {count} items, not {args.items}")
        floor_seconds = floor_seconds or seconds
        print(
            f"  {name:26} {args.items / seconds:10,.0f} docs/s  "
            f"{seconds * 1000:8.1f} ms  x{seconds / floor_seconds:6.1f} the floor"
        )


if __name__ == "__main__":
    main()
