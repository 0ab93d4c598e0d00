"""A press release's furniture, out of its body: the release line, the embargo, the end mark.

Three rules, each on whole lines, so that prose is never cut:

- a line "FOR IMMEDIATE RELEASE" among the first three blocks is dropped
  (``extra["release"]`` keeps it);
- a line that opens with "EMBARGOED" or "EMBARGO" among the first three blocks goes to
  ``extra["embargo"]``;
- an end mark on a line of its own after the first block ("###", "# # #", "-ENDS-", "ENDS",
  "- 30 -", "- Ende -", "-fin-") or a "Notes to editors" line ends the body: what follows
  it (notes, "About ..." paragraphs, contacts) goes to ``extra["notes"]`` as text, the mark
  to ``extra["end_mark"]``.

Each rule knows its phrases in English, German, French, Spanish, Italian, Dutch and
Portuguese ("Zur sofortigen Veröffentlichung", "Sperrfrist", "Note aux rédactions").

A forwarded message's header block ("---------- Forwarded message ---------" and the
From/Date/Subject/To lines under it) at the top of the body goes to ``extra["forwarded"]``.
"""

from __future__ import annotations

import re
from typing import Final

from newsdoc.model import Block

__all__ = ["take_furniture"]

# The release line, the embargo, the end marks and the notes heading, in English, German,
# French, Spanish, Italian, Dutch and Portuguese: press offices write their own language.
_RELEASE: Final = re.compile(
    r"(?:for (?:immediate|general) release"
    r"|zur (?:sofortigen )?veröffentlichung"
    r"|pour (?:diffusion|publication) immédiate"
    r"|para (?:su )?(?:difusión|publicación) inmediata"
    r"|para (?:divulgação|publicação) imediata"
    r"|per (?:la )?(?:diffusione|pubblicazione) immediata"
    r"|voor (?:onmiddellijke|directe) (?:publicatie|verspreiding))[.:]?",
    re.IGNORECASE,
)
_EMBARGO: Final = re.compile(r"(?:embargo(?:ed)?|sperrfrist|sous embargo)\b", re.IGNORECASE)
_END_MARK: Final = re.compile(
    r"#\s?#\s?#|-{1,3}\s?(?:ends?|ende|fin|fine|einde|fim)\s?-{1,3}|ends\.?"
    r"|-{1,3}\s?30\s?-{1,3}",
    re.IGNORECASE,
)
_NOTES: Final = re.compile(
    r"(?:notes? to (?:the )?editors?"
    r"|hinweise? (?:für|an) (?:die )?redaktion(?:en)?|notiz für die redaktion"
    r"|notes? (?:aux|à l'attention des|pour les) (?:rédactions?|rédacteurs|éditeurs)"
    r"|notas? (?:para|a) (?:los |os )?(?:editores|redactores|redacciones)"
    r"|note? per (?:le redazioni|i redattori|la redazione)"
    r"|noot voor de redactie)\s?:?",
    re.IGNORECASE,
)
_FORWARD_MARK: Final = re.compile(
    r"-{2,20}\s?(?:forwarded message|original message)\s?-{2,20}|begin forwarded message:",
    re.IGNORECASE,
)
_FORWARD_HEADER: Final = re.compile(r"(from|date|sent|subject|to|cc)\s?:\s?(.*)", re.IGNORECASE)
_HEAD_BLOCKS: Final = 3


def take_furniture(blocks: list[Block]) -> tuple[list[Block], dict[str, object]]:
    """The blocks without the release's furniture, and the furniture for ``extra``."""
    extra: dict[str, object] = {}
    blocks = _forwarded(blocks, extra)
    blocks = _head(blocks, extra)
    return _tail(blocks, extra), extra


def _forwarded(blocks: list[Block], extra: dict[str, object]) -> list[Block]:
    if not blocks:
        return blocks
    lines = blocks[0].text.split("\n")
    if not _FORWARD_MARK.fullmatch(lines[0].strip()):
        return blocks
    headers: dict[str, str] = {}
    rest = blocks[1:]
    tail = lines[1:]
    if not tail and rest:  # the headers in the next block
        tail, rest = rest[0].text.split("\n"), rest[1:]
    kept: list[str] = []
    for index, line in enumerate(tail):
        match = _FORWARD_HEADER.fullmatch(line.strip())
        if match is None:
            kept = tail[index:]
            break
        headers.setdefault(match.group(1).lower(), match.group(2).strip())
    extra["forwarded"] = headers
    remainder = "\n".join(kept).strip()
    return ([Block(kind=blocks[0].kind, text=remainder)] if remainder else []) + rest


def _head(blocks: list[Block], extra: dict[str, object]) -> list[Block]:
    result: list[Block] = []
    for index, block in enumerate(blocks):
        if index >= _HEAD_BLOCKS:
            result.extend(blocks[index:])
            break
        kept = []
        for line in block.text.split("\n"):
            stripped = line.strip()
            if _RELEASE.fullmatch(stripped) and "release" not in extra:
                extra["release"] = stripped
            elif _EMBARGO.match(stripped) and len(stripped) < 120 and "embargo" not in extra:
                extra["embargo"] = stripped
            else:
                kept.append(line)
        if kept:
            result.append(Block(kind=block.kind, text="\n".join(kept)))
    return result


def _tail(blocks: list[Block], extra: dict[str, object]) -> list[Block]:
    for index, block in enumerate(blocks):
        if index == 0:
            continue
        lines = block.text.split("\n")
        for number, line in enumerate(lines):
            stripped = line.strip()
            mark = _END_MARK.fullmatch(stripped) is not None
            if not mark and not _NOTES.fullmatch(stripped):
                continue
            after = lines[number + 1 :] if mark else lines[number:]
            before = "\n".join(lines[:number]).strip()
            notes = ["\n".join(after).strip(), *(later.text for later in blocks[index + 1 :])]
            if mark:
                extra["end_mark"] = stripped
            text = "\n\n".join(note for note in notes if note)
            if text:
                extra["notes"] = text
            head = blocks[:index]
            return [*head, Block(kind=block.kind, text=before)] if before else head
    return blocks
