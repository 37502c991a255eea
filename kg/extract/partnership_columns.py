"""A table flattened into running text whose first column is headed by a partnership word
("Partnerstadt Schwerpunkte 2018 A Begegnung … . B Austausch …"): the heading names the
partnership of every row, and each row opens with its partner."""

from __future__ import annotations

import re

from kg.extract.analysis import SpanFacts
from kg.extract.text import Span
from kg.records import PartyRef

# The heading row: a singular partnership word that opens the sentence (or follows its
# colon) and is followed by the next column's heading, not by a preposition, an article or a
# verb ("…: Partnerstadt Schwerpunkte …").
_HEADING = re.compile(r"(?:^|:)\s*(?P<word>Partner(?:stadt|region|land|provinz|präfektur|staat|"
                      r"woiwodschaft|wojewodschaft))\s+(?!(?:mit|von|des|der|ist|war|wird)\b)"
                      r"[A-ZÄÖÜ]")


def column_heading(sentence: Span) -> str | None:
    """The partnership word heading a flattened table's first column, if the sentence opens
    with one."""
    match = _HEADING.search(sentence.text)
    return match["word"] if match else None


def row_partners(sentence: Span, within: SpanFacts, partners: list[PartyRef]) -> list[PartyRef]:
    """Of the partners a row names, those its first cell names: a region or country the text
    names at the row's start, or a city whose name the row's first word begins."""
    opening = sentence.start + len(sentence.text) - len(sentence.text.lstrip())
    first_cell = {f.ref.key for f in within.parties if opening <= f.start < opening + 3}
    words = sentence.text.split()
    first_word = words[0].casefold() if words else None
    return [p for p in partners if p.key in first_cell or (
        first_word is not None and p.kind not in {"country", "organisation"}
        and (p.label_de or "").casefold().split()[:1] == [first_word])]
