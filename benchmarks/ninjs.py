"""ninjs: documents per second of newsdoc on an array of ninjs items, against its floor.

    make bench                      # part of it; or:
    python benchmarks/ninjs.py [--items 500] [--rounds 7]

The input is generated: a JSON array of ninjs 2.x text items, each with a main headline and a
subheadline, a description, an HTML body of four paragraphs with a link and a plain-text body
beside it, a byline, dates, two subjects and an associated picture with three renditions
(about 3 KB an item). The floor is ``json.loads`` of the same bytes, so the ratio is what
reading the items costs beyond parsing the JSON. Each figure is the best of ``--rounds``.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable

from timing import best

import newsdoc

_BODY = (
    "<p>The council and the harbour board agreed on Tuesday on line {n} of the budget, after a"
    " meeting that lasted well into the night and ended with a vote of seven to two.</p>"
    "<p>\u201cWe have found a way through,\u201d said the chair, Anna Berg, after the vote. The"
    ' board will publish the <a href="https://news.example/{n}/minutes.html">minutes</a> on'
    " Friday.</p><p>Opponents said the plan left too little for the ferries. \u201cThis is not"
    " the end of it,\u201d said Lars Holm, who voted against.</p>"
    "<p>The budget goes to the regional assembly in October.</p>"
)


def make_item(n: int) -> dict[str, object]:
    """One ninjs 2.x text item."""
    return {
        "uri": f"https://news.example/{n}/story.html",
        "standard": {"name": "ninjs", "version": "2.0"},
        "type": "text",
        "version": "1",
        "versioncreated": f"2024-09-03T{n // 60 % 24:02d}:{n % 60:02d}:00+01:00",
        "pubstatus": "usable",
        "urgency": 4,
        "language": "en",
        "by": f"By Reporter {n}",
        "headlines": [
            {"role": "main", "value": f"Story {n}: council and harbour board agree on line {n}"},
            {"role": "sub", "value": "A vote of seven to two after a night-long meeting"},
        ],
        "descriptions": [{"role": "summary", "value": f"The council agreed on line {n}."}],
        "bodies": [
            {"role": "main", "contenttype": "text/html", "value": _BODY.format(n=n)},
            {"role": "plain", "contenttype": "text/plain", "value": f"The council agreed {n}."},
        ],
        "subjects": [
            {"name": "politics", "uri": "http://cv.iptc.org/newscodes/mediatopic/11000000"},
            {"name": "harbour", "rel": "about"},
        ],
        "associations": {
            "mainpic": {
                "uri": f"urn:pic:{n}",
                "type": "picture",
                "by": "Harbour Board",
                "description_text": "The meeting.",
                "renditions": {
                    name: {"href": f"https://img.example/{n}/{name}.jpg", "mimetype": "image/jpeg"}
                    for name in ("thumbnail", "preview", "original")
                },
            }
        },
    }


def make_items(items: int) -> bytes:
    """A JSON array of ``items`` ninjs items."""
    return json.dumps([make_item(n) for n in range(1, items + 1)]).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    data = make_items(args.items)

    def floor() -> int:
        return len(json.loads(data))

    def ours() -> int:
        return sum(1 for _ in newsdoc.loads_all(data, format="ninjs"))

    def detected() -> int:
        return sum(1 for _ in newsdoc.loads_all(data))

    runs: list[tuple[str, Callable[[], int]]] = [
        ("json.loads alone (floor)", floor),
        ("newsdoc load_all", ours),
        ("newsdoc load_all, sniffed", detected),
    ]
    print(
        f"ninjs: {args.items}-item array of ninjs 2.x items, {len(data) / 1024:.0f} KiB,"
        f" best of {args.rounds}"
    )
    floor_seconds = 0.0
    for name, function in runs:
        seconds, count = best(function, args.rounds)
        if count != args.items:
            raise SystemExit(f"{name} read {count} items, not {args.items}")
        floor_seconds = floor_seconds or seconds
        print(
            f"  {name:26} {args.items / seconds:10,.0f} documents/s  "
            f"{seconds * 1000:8.1f} ms  x{seconds / floor_seconds:6.1f} the floor"
        )


if __name__ == "__main__":
    main()
