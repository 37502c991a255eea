"""Sentences and clauses of a block, with character offsets, and passages citing them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.documents import Block
from kg.extract.cues import ABBREVIATIONS
from kg.records import Passage

# A sentence ends before a space and a capital, or, where a page lost the space, before a
# quotation's opening mark and a capital ("… des Landes.\"Wir …").
_SENTENCE_END = re.compile(r"[.!?](?:[\"”“'’)«»]*)\s+(?=[A-ZÄÖÜ„\"(\d«»‚])"
                           r"|[.!?](?=[\"„“«][A-ZÄÖÜ][a-zäöüß])")
_SEPARATOR = re.compile(r",\s+|\s+sowie\s+|;\s+|\s+und\s+(?=(?:am|im|vom|seit)\s)")


@dataclass(frozen=True)
class Span:
    """A piece of a block's text: a sentence or clause, with its offsets in the block."""

    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    def passage(self, file: str) -> Passage:
        first, last = self.block.line_span(self.start, self.end)
        return Passage(file=file, start_line=first, end_line=last, quote=self.text.strip(),
                       page=self.block.page)

    def sub(self, start: int, end: int) -> Span:
        """A span within this one, by offsets relative to this span's text."""
        return Span(self.block, self.start + start, self.start + end)


def sentences(block: Block) -> list[Span]:
    """Split at sentence ends that are not abbreviations or day ordinals ("am 4. März")."""
    return [Span(block, start, end) for start, end in _sentence_bounds(block.text)]


@lru_cache(maxsize=1024)
def _sentence_bounds(text: str) -> tuple[tuple[int, int], ...]:
    """The sentences' offsets, without the spaces around them; remembered by the text, as a
    block is split into sentences by more than one rule."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if _is_false_end(text, match.start()):
            continue
        bounds.append((start, match.start() + 1))
        start = match.end()
    if text[start:].strip():
        bounds.append((start, len(text.rstrip())))
    return tuple(_trimmed(text, start, end) for start, end in bounds if text[start:end].strip())


_INITIAL = re.compile(r"[A-ZÄÖÜ]\.")
_ORDINAL = re.compile(r"(?<!\d)\d{1,2}\.$")


def _is_false_end(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = text[_word_start(text, dot):dot + 1]
    if word.lstrip("(„\"") in ABBREVIATIONS or _INITIAL.fullmatch(word):
        return True
    return bool(_ORDINAL.search(word))  # a day or ordinal: "am 4.", "der 21."


def _word_start(text: str, end: int) -> int:
    """Where the word that ends at `end` begins: after the last space before it (as
    `str.split` parts words). Only the word is looked at, not all the text before it: a
    sentence end looked at all of it, and a block of many sentences took quadratic time."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return start


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))


def clauses(span: Span, protected: list[tuple[int, int]]) -> list[Span]:
    """Split a sentence at commas, "sowie" and semicolons outside quotes, brackets and the
    protected ranges (names of ministries, which contain commas themselves)."""
    text = span.text
    blocked = _quoted_ranges(text) + [(a - span.start, b - span.start) for a, b in protected]
    cuts = [m for m in _SEPARATOR.finditer(text)
            if not any(a <= m.start() < b for a, b in blocked)]
    pieces, start = [], 0
    for cut in cuts:
        pieces.append(span.sub(start, cut.start()))
        start = cut.end()
    pieces.append(span.sub(start, len(text)))
    return [p for p in pieces if p.text.strip()]


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for pattern in (r"„[^“”\"]*[“”\"]", r"\"[^\"]*\""):
        ranges.extend((m.start(), m.end()) for m in re.finditer(pattern, text))
    return ranges


def block_span(block: Block) -> Span:
    return Span(block, 0, len(block.text))
