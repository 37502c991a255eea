"""Bounds that keep reading and extraction linear in a document's size.

Much of extraction looks, for each date or name in a block, at the rest of its block or
sentence: fine for a paragraph, quadratic for a 200 KB list that never ends a sentence. So a
paragraph longer than MAX_BLOCK characters is cut, at a sentence end or list item where there
is one, into blocks of at most MAX_BLOCK (no real paragraph is that long); a line longer
than MAX_LINE characters is refused (no document's text has one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from kg.documents.chunks import Chunk
from kg.documents.model import DocumentError
from kg.documents.patterns import closed
from kg.documents.segment import ENUMERATION

MAX_BLOCK = 4_000
MAX_LINE = 100_000
_SENTENCE_END = re.compile(r"[.!?:;][\"'“”»«)]*\s+")


def check_lines(file: str, lines: Sequence[str]) -> None:
    """Refuse a file with a line too long to be a document's text."""
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE:
            raise DocumentError(file, f"a line of {len(line):,} characters: lines longer "
                                      f"than {MAX_LINE:,} are not read (no document's text "
                                      "has one)", number)


def split_long(chunk: Chunk) -> list[Chunk]:
    """A paragraph cut into pieces of at most MAX_BLOCK characters, where it can at a sentence
    end or list item past half of that."""
    if chunk.kind not in ("text", "paragraph") or \
            sum(len(raw) for _, raw in chunk.lines) <= MAX_BLOCK:
        return [chunk]
    pieces: list[Chunk] = []
    current: list[tuple[int, str]] = []
    size = 0
    for number, raw in _line_pieces(chunk.lines):
        natural = bool(current) and (closed(current[-1][1].strip()) or
                                     bool(ENUMERATION.match(raw)))
        if current and ((size >= MAX_BLOCK // 2 and natural) or size + len(raw) > MAX_BLOCK):
            pieces.append(Chunk(chunk.kind, current))
            current, size = [], 0
        current.append((number, raw))
        size += len(raw) + 1
    if current:
        pieces.append(Chunk(chunk.kind, current))
    return pieces


def _line_pieces(lines: Sequence[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """Each line, a line longer than MAX_BLOCK in pieces: after a sentence end, else after a
    space, else anywhere."""
    for number, raw in lines:
        while len(raw) > MAX_BLOCK:
            cut = _cut(raw)
            yield number, raw[:cut]
            raw = raw[cut:]
        yield number, raw


def _cut(text: str) -> int:
    window = text[MAX_BLOCK // 2:MAX_BLOCK]
    ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if ends:
        return MAX_BLOCK // 2 + ends[-1]
    space = window.rfind(" ")
    return MAX_BLOCK // 2 + space + 1 if space >= 0 else MAX_BLOCK
