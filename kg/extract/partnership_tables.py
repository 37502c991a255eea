"""A table of the Land's partnerships ("Partnerregion | Staat | seit", "Partner | Beginn der
Partnerschaft"): its header row names the partnership and the column of its start, each row
after it a partner and its start, as the cell writes it. Apart from `partnerships` because a
row is read by its columns, not as a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.dates import DateValue
from kg.extract.analysis import BlockFacts, Setting
from kg.extract.cues import PARTNERSHIP
from kg.extract.partnership_leads import Leads
from kg.extract.partnership_partners import named_partners
from kg.extract.partnership_words import kind_of
from kg.extract.text import block_span
from kg.records import PartnershipRecord

# A header cell over the partnership's start: "seit", "Partnerschaft seit", "Beginn (der
# Partnerschaft)", "Gründung", "begründet", "Jahr", "unterzeichnet am".
_START_HEADER = re.compile(r"(?i)^(?:\w+\s+)?(?:seit|Beginn|Gründung|Gründungsjahr|begründet|"
                           r"gegründet|Jahr|Datum|Start|unterzeichnet|Unterzeichnung)\b")


@dataclass
class Columns:
    kind: str | None  # the partnership the table lists, from its header or the lead before it
    start: int | None  # the index of the column of the partnership's start


def note_table(facts: BlockFacts, leads: Leads, city: bool) -> Columns | None:
    """The columns of the table a data row belongs to (a header row sets them; any block
    that is no row ends the table)."""
    block = facts.block
    if block.kind != "row":
        leads.table = None
        return None
    if block.header or (leads.table is None and not facts.parties and not facts.dates):
        cells = [c.strip() for c in block.cells]
        kind = next((k for c in cells if (k := kind_of(c, city))), None)
        if kind is None and not any(PARTNERSHIP.search(c) for c in cells):  # not "Partnerstadt"
            kind = leads.section or leads.kind
        start = next((i for i, c in enumerate(cells) if _START_HEADER.match(c)), None)
        leads.table = Columns(kind, start) if kind or start is not None else None
        return None
    return leads.table


def table_row(facts: BlockFacts, setting: Setting, columns: Columns, city: bool
              ) -> list[PartnershipRecord]:
    """The partnerships a data row states: of the table's kind, or of a partnership word in
    the row, with each partner the row names and the start its start cell gives."""
    block = facts.block
    span = block_span(block)
    kind = kind_of(block.text, city) or columns.kind
    if kind is None:
        return []
    within = facts.within(span)
    since = _start_cell(facts, columns.start)
    return [PartnershipRecord(land=setting.land, partner=partner, kind=kind,
                              passage=span.passage(setting.file), since=since)
            for partner in named_partners(span, within, kind, listed=True)]


def _start_cell(facts: BlockFacts, column: int | None) -> DateValue | None:
    """The one date in the row's start cell, as written (a year stays a year)."""
    block = facts.block
    if column is None or column >= len(block.cells) or not block.cells[column].strip():
        return None
    offset = 0
    for index, cell in enumerate(block.cells):
        if not cell:
            continue
        if index == column:
            break
        offset += len(cell) + len(" | ")
    end = offset + len(block.cells[column])
    dates = [d for d in facts.dates if offset <= d.start < end and d.value.complete]
    if len(dates) != 1:
        return None
    value = dates[0].value
    return DateValue(value.start, text=value.text) if value.end is not None else value
