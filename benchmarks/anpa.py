"""Wire text: stories per second of newsdoc on a file of 2,000 stories, against its floor.

    make bench                      # part of it; or:
    python benchmarks/anpa.py [--stories 2000] [--rounds 7]

The file is generated: ANPA 1312 transmissions, each with SYN padding, a header line, the slug
written again, a headline, a byline and the writer's job, six paragraphs marked with ``^`` and
``<`` (about 1.5 KB a story), the trailer and END. The floor is what any reader of the format
must do: the bytes split at the control characters and each story decoded, so the ratio is
what reading the header, the marks, the byline and the trailer costs beyond it: the parser
alone, then ``load_all``, which adds what every format's documents go through (the quotes
found, names and URLs made safe). Each figure is the best of ``--rounds``.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable

from timing import best

import newsdoc
from newsdoc.parsers import anpa
from newsdoc.registry import ParseContext

_STORY = (
    "\x16\x16\x01a{n:04d} r a BC-Council-Budget-{n} 03-14 0240<\r\n\x02"
    "^BC-Council-Budget-{n},0240<\r\n"
    "^Council and harbour board agree on budget line {n}<\r\n"
    "^By ANNA BERG<\r\n"
    "^Associated Press Writer<\r\n"
    "   ^HALDEN, Maine (AP) _ The council and the harbour board agreed on Tuesday on line {n}<\r\n"
    "of the budget, after a meeting that lasted well into the night and ended with a vote<\r\n"
    "of seven to two.<\r\n"
    '   ^"We have found a way through," said the chair, Anna Berg, after the vote. The<\r\n'
    "board will publish the minutes on Friday.<\r\n"
    '   ^Opponents said the plan left too little for the ferries. "This is not the end<\r\n'
    'of it," said Lars Holm, who voted against.<\r\n'
    "   ^The budget goes to the regional assembly in October, where it needs a majority<\r\n"
    "of the members present.<\r\n"
    "   ^The harbour handled a record number of ships last year.<\r\n"
    "   ^END<\r\n"
    "AP-NY-03-14-24 {hour:02d}{minute:02d}EDT<\r\n\x03\x04"
)
_CONTROL = re.compile(rb"[\x01-\x04\x16]+")


def make_wire(stories: int) -> bytes:
    """A wire file of ``stories`` ANPA 1312 stories."""
    return "".join(
        _STORY.format(n=n, hour=n // 60 % 24, minute=n % 60) for n in range(1, stories + 1)
    ).encode("ascii")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    data = make_wire(args.stories)

    def floor() -> int:
        # Each story is two pieces between control characters: its header and its text.
        pieces = [piece.decode("utf-8") for piece in _CONTROL.split(data) if piece]
        return len(pieces) // 2

    def parse_alone() -> int:
        return sum(1 for _ in anpa.parse(data, ParseContext()))

    def ours() -> int:
        return sum(1 for _ in newsdoc.loads_all(data, format="anpa"))

    runs: list[tuple[str, Callable[[], int]]] = [
        ("split and decode (floor)", floor),
        ("the anpa parser alone", parse_alone),
        ("newsdoc load_all", ours),
    ]
    print(
        f"anpa: {args.stories}-story ANPA 1312 file, {len(data) / 1024:.0f} KiB,"
        f" best of {args.rounds}"
    )
    floor_seconds = 0.0
    for name, function in runs:
        seconds, count = best(function, args.rounds)
        if count != args.stories:
            raise SystemExit(f"{name} read {count} stories, not {args.stories}")
        floor_seconds = floor_seconds or seconds
        print(
            f"  {name:26} {args.stories / seconds:10,.0f} docs/s  "
            f"{seconds * 1000:8.1f} ms  x{seconds / floor_seconds:6.1f} the floor"
        )


if __name__ == "__main__":
    main()
