"""Sentences and clauses of a block, with character offsets, and passages citing them."""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    text = block.text
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        if _is_false_end(text, match.start()):
            continue
        spans.append(Span(block, start, match.start() + 1))
        start = match.end()
    if text[start:].strip():
        spans.append(Span(block, start, len(text.rstrip())))
    return [_trimmed(span) for span in spans if span.text.strip()]


def _is_false_end(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word = text[:dot + 1].rsplit(None, 1)[-1] if text[:dot + 1].split() else ""
    if word.lstrip("(„\"") in ABBREVIATIONS or re.fullmatch(r"[A-ZÄÖÜ]\.", word):
        return True
    return bool(re.search(r"(?<!\d)\d{1,2}\.$", word))  # a day or ordinal: "am 4.", "der 21."


def _trimmed(span: Span) -> Span:
    text = span.text
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    return Span(span.block, span.start + lead, span.end - trail)


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
