"""Agreements listed one to a line: a table's row, a list's item, or a line of a table a PDF
rendering joined into one paragraph ("Provinz A   Gemeinsame Erklärung   12.03.2004",
"Provinz A – Absichtserklärung – unterzeichnet 2011", "1. Memorandum mit der Region B vom …").
Such lines name an instrument, its partner and its date without a signing verb; read line by
line, each keeps its own partner and date (joined, a row's date went to the next row's
partner). The date is taken as stated: a year stays a year."""

from __future__ import annotations

import re
from itertools import pairwise

from kg import namespaces as ns
from kg.dates import DateValue
from kg.extract.agreements import NOT_A_PARTY, KindMatch, kinds_in, land_label
from kg.extract.analysis import BlockFacts, Setting
from kg.extract.cues import OF_CITIES, OTHER_BODY, OWN_GOVERNMENT, PLANNED_LINE
from kg.extract.territories import Found
from kg.extract.text import Span
from kg.records import AgreementRecord, PartyRef

# A list's item: a bullet, or a number or letter with a full stop or bracket.
_ITEM = re.compile(r"^\s*(?:[-–•▪►*]|\d{1,3}[.)]|[a-z][.)])\s+\S")
# A partnership is a relation, not a document: a list of partnerships lists no instruments.
_NOT_AN_INSTRUMENT = {"regionalpartnerschaft"}
_MAX_LINE = 240


def read(facts: BlockFacts, setting: Setting) -> list[AgreementRecord]:
    """The instruments a block lists, one per line; none where the block is prose."""
    block = facts.block
    if block.kind == "row":
        lines = [Span(block, 0, len(block.text))] if not block.header else []
    else:
        lines = _lines(facts)
        if len(lines) < 2 and not (lines and _ITEM.match(lines[0].text)):
            return []  # a line of its own is a list's only where it is an item
    records = [r for line in lines if (r := _listed(line, facts, setting)) is not None]
    dated = [line for line in lines if _instrument(line.text, setting) is not None  # all three,
             and _date(facts.within(line).dates, setting) is not None  # another's line too
             and _partners(facts.within(line).parties)]
    if block.kind == "paragraph" and len(lines) > 1 and len(dated) < 2 and \
            not all(_ITEM.match(line.text) for line in lines):
        return []  # one line of a wrapped paragraph that happens to name all three: prose
    return records


def _lines(facts: BlockFacts) -> list[Span]:
    """The block's source lines as spans of its text (a paragraph joins them with spaces)."""
    block = facts.block
    starts = [offset for offset, _ in block.line_map] or [0]
    if starts[0] != 0:
        starts = [0, *starts]
    bounds = [*starts, len(block.text)]
    return [Span(block, a, b) for a, b in pairwise(bounds)
            if block.text[a:b].strip()]


def _listed(line: Span, facts: BlockFacts, setting: Setting) -> AgreementRecord | None:
    """A line that names a kind of instrument, a foreign partner and one date, and no plan."""
    text = line.text
    if len(text) > _MAX_LINE or PLANNED_LINE.search(text) or OTHER_BODY.search(text) or \
            OF_CITIES.search(text):
        return None
    kind = _instrument(text, setting)
    if kind is None:
        return None
    within = facts.within(line)
    parties = [f for f in within.parties  # "… in der Region A": where, not with whom
               if not NOT_A_PARTY.search(text[:f.start - line.start])]
    between = re.search(r"\bzwischen\b", text)
    if between is not None and not any(f.ref.kind == "land" and f.start - line.start >
                                       between.start() for f in parties) \
            and not OWN_GOVERNMENT.search(text, between.end()):
        return None  # "Kooperationsvereinbarung zwischen der Region A und dem Komitee B"
    partners = _partners(parties)
    date = _date(within.dates, setting)
    if not partners or len(partners) > 2 or date is None:
        return None
    partner = partners[0]
    title = f"{kind.concept.label_de} zwischen {land_label(setting.registers, setting.land)} " \
        f"und {partner.label_de}"
    return AgreementRecord(
        local_key=f"{ns.slug(title)}-{date.start.lexical()}", title=title,
        kind=kind.concept.key, land=setting.land, partners=(partner,),
        passage=line.passage(setting.file), date=date,
        ministry=within.ministries[0][0] if within.ministries else None)


# A kind after an article or preposition is a mention ("Gespräch über die Gemeinsame
# Erklärung"); one before a genitive, an act of agreeing ("Vereinbarung einer Hospitation").
_MENTIONED = re.compile(r"(?<!\w)(?:der|die|das|den|dem|des|ein|eine|einer|eines|einem|einen|"
                        r"über|zur|zum|zu|von|vom|im|in|am|auf|mit|nach|für)\s+$")
_ACT = re.compile(r"\s+(?:einer|eines)\b")


def _instrument(text: str, setting: Setting) -> KindMatch | None:
    """The kind the line lists: one that opens a name of an instrument."""
    kinds = [k for k in kinds_in(text, setting.registers)
             if k.concept.key not in _NOT_AN_INSTRUMENT and not _MENTIONED.search(text[:k.start])
             and not _ACT.match(text, k.end)]
    return kinds[0] if kinds else None


def _partners(parties: list[Found]) -> list[PartyRef]:
    """The foreign partners a line names: a region rather than the country it lies in."""
    foreign = {f.ref.key: f.ref for f in parties if f.ref.kind != "land" and f.ref.key != "DE"}
    regions = [p for p in foreign.values() if p.kind != "country"]
    placed = {p.country for p in regions}
    return regions + [p for p in foreign.values() if p.kind == "country" and p.key not in placed]


def _date(dates: list, setting: Setting) -> DateValue | None:
    """The line's one date (a second one, "erneuert 2014", is another instrument's: none),
    not after the document's date (a date to come is a plan's)."""
    values = {(d.value.start, d.value.end): d.value for d in dates
              if d.value.complete and d.value.end is None}
    if len(values) != 1:
        return None
    value = next(iter(values.values()))
    if setting.reference is not None and value.earliest > setting.reference:
        return None
    return value
