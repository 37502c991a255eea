"""Standing partnerships of the Land, however the text states them: "unterhält
Regionalpartnerschaften mit …", "Partnerregion … seit 1995", "20 Jahre Partnerschaft mit …",
a list of partners under a lead ("folgende Partnerregionen:"), and the agreements that
establish or renew one (see `from_agreements`)."""

from __future__ import annotations

import re

from kg.dates import DateValue, PartialDate
from kg.extract.analysis import BlockFacts, Setting, SpanFacts
from kg.extract.cues import (
    ANNIVERSARY,
    ENDED,
    EXTENSION_ACTION,
    NEGATION,
    OTHER_HOLDER,
    OTHERS_PARTNERSHIP,
    OWN_GOVERNMENT,
    PARTNERSHIP,
    PLANNING,
)
from kg.extract.text import Span, sentences
from kg.records import AgreementRecord, PartnershipRecord, PartyRef

_ITEM = re.compile(r"^\s*(?:[-–•▪►*]|\d{1,2}[.)])\s+")
_SINCE_BEFORE = re.compile(r"(?<!\w)[Ss]eit\s+(?:dem\s+|den\s+|(?:dem\s+)?Jahre?\s+|Anfang\s+|"
                           r"Mitte\s+|Ende\s+)?$")
_STEM = re.compile(r"(?<=[Pp]artner)(?:schaft|region|länder|land|provinz|präfektur|bundesstaat|"
                   r"staat|departement)|(?<=Freundschafts)vertrag")
_REGION_KIND = re.compile(r"region|provinz|präfektur|bundesstaat|departement", re.IGNORECASE)
_NEAR = 150  # characters between a partner's name and the partnership word in a long sentence
_ANNIVERSARY_GAP = 40  # characters between "20 Jahre" and the partnership word it counts


class Leads:
    """A lead that introduces a list of partners ("Das Land unterhält folgende
    Regionalpartnerschaften:") gives its kind to the list items after it."""

    def __init__(self) -> None:
        self.kind: str | None = None


def read(facts: BlockFacts, setting: Setting, leads: Leads) -> list[PartnershipRecord]:
    """The partnerships a block states, each with its sentence as passage."""
    block = facts.block
    is_item = bool(_ITEM.match(block.text))
    lead, leads.kind = (leads.kind if is_item else None), (leads.kind if is_item else None)
    if PARTNERSHIP.search(block.text) is None and lead is None:
        return []
    found: list[PartnershipRecord] = []
    for sentence in sentences(block):
        within = facts.within(sentence)
        kind = _kind(sentence.text) or lead
        if kind is None or NEGATION.search(sentence.text) or PLANNING.search(sentence.text) \
                or sentence.text.rstrip().endswith("?"):
            continue
        partners = _partners(sentence, within, kind, lead is not None)
        if not partners:
            if sentence.text.rstrip().endswith(":") and _kind(sentence.text):
                leads.kind = kind
            continue
        if not _land_holds(sentence, within, setting):
            continue
        ended = bool(ENDED.search(sentence.text))
        for partner, since in _with_start(sentence, within, partners, setting):
            found.append(PartnershipRecord(land=setting.land, partner=partner, kind=kind,
                                           passage=sentence.passage(setting.file), since=since,
                                           ended=ended))
    return found


def _partners(sentence: Span, within: SpanFacts, kind: str, listed: bool) -> list[PartyRef]:
    """The countries, regions and known organisations named near the partnership word (a
    long sentence names other things too); a partner region's kind word rules out countries
    ("die chinesischen Partnerprovinzen": provinces, not China)."""
    partners = within.event_partners()
    if _REGION_KIND.search(kind):
        partners = [p for p in partners if p.kind != "country"]
    regions_of = {p.country for p in partners if p.kind == "region"}
    partners = [p for p in partners if p.kind != "country" or p.key not in regions_of]
    if listed or len(sentence.text) <= _NEAR:
        return partners
    cues = [sentence.start + m.start() for m in PARTNERSHIP.finditer(sentence.text)
            if not OTHERS_PARTNERSHIP.match(m["kind"])]
    near = {f.ref.key for f in within.parties if any(abs(f.start - c) <= _NEAR for c in cues)}
    return [p for p in partners if p.key in near]


def from_agreements(agreements: list[AgreementRecord]) -> list[PartnershipRecord]:
    """An agreement that names a partnership is tied to it: a Partnerschaftserklärung
    establishes it on its signing date; another instrument ("Gemeinsame Erklärung über eine
    verstärkte Partnerschaft"), or an extension, renews it and dates nothing."""
    found = []
    for agreement in agreements:
        stated = _kind(agreement.passage.quote) or _kind(agreement.title) or \
            _kind(agreement.kind.replace("-", ""))
        if stated is None:
            continue
        founds = "partnerschaft" in agreement.kind and \
            not EXTENSION_ACTION.search(agreement.passage.quote)
        for partner in agreement.partners:
            found.append(PartnershipRecord(
                land=agreement.land, partner=partner, kind=stated, passage=agreement.passage,
                since=agreement.date if founds else None, agreement=agreement.local_key))
    return found


def _kind(text: str) -> str | None:
    """The first partnership word of the Land's kind, in the nominative singular."""
    for match in PARTNERSHIP.finditer(text):
        word = match["kind"]
        if OTHERS_PARTNERSHIP.match(word):
            continue
        return _singular(word)
    return None


def _singular(word: str) -> str:
    """"Regionalpartnerschaften" -> "Regionalpartnerschaft", "Partnerländer" -> "Partnerland",
    "Partnerschaftserklärung" -> "Partnerschaft"."""
    stem = _STEM.search(word)
    if stem is None:
        return word.rstrip("-")
    head = word[:stem.start()] + stem.group()
    return head[:-len("länder")] + "land" if head.endswith("länder") else head


def _land_holds(sentence: Span, within: SpanFacts, setting: Setting) -> bool:
    """The Land (or its government) holds the partnership, not a city, district, university
    or parliament named as the holder; a document's own statement about "seine
    Partnerregionen" is the Land's."""
    text = sentence.text
    names_land = any(f.ref.kind == "land" and f.ref.key == setting.land for f in within.parties)
    if names_land or OWN_GOVERNMENT.search(text):
        return True
    others = [f for f in within.parties if f.ref.kind == "land" and f.ref.key != setting.land]
    return not others and not OTHER_HOLDER.search(text)


def _with_start(sentence: Span, within: SpanFacts, partners: list[PartyRef],
                setting: Setting) -> list[tuple[PartyRef, DateValue | None]]:
    """Each partner with the start the sentence gives it: the "seit <date>" after it (before
    the next partner), or one start for all when the sentence gives exactly one."""
    starts = _since_dates(sentence, within) + _anniversary(sentence, setting)
    if len(starts) == 1:
        return [(partner, starts[0][1]) for partner in partners]
    positions = _positions(within, partners)
    result = []
    for index, partner in enumerate(partners):
        begin = positions[index]
        end = positions[index + 1] if index + 1 < len(partners) else sentence.end
        own = [value for at, value in starts if begin <= at < end]
        result.append((partner, own[0] if own else None))
    return result


def _positions(within: SpanFacts, partners: list[PartyRef]) -> list[int]:
    first: dict[str, int] = {}
    for found in within.parties:
        first.setdefault(found.ref.key, found.start)
    return [first.get(p.key, within.span.start) for p in partners]


def _since_dates(sentence: Span, within: SpanFacts) -> list[tuple[int, DateValue]]:
    text = sentence.block.text
    return [(d.start, _start_only(d.value)) for d in within.dates
            if d.value.complete and _SINCE_BEFORE.search(text[max(0, d.start - 24):d.start])]


def _start_only(value: DateValue) -> DateValue:
    return DateValue(value.start, text=value.text) if value.end is not None else value


def _anniversary(sentence: Span, setting: Setting) -> list[tuple[int, DateValue]]:
    """"20 Jahre Partnerschaft" in a document of 2024: since 2004 (a year, nothing finer)."""
    if setting.reference is None:
        return []
    text = sentence.text
    found = []
    for match in ANNIVERSARY.finditer(text):
        after = text[match.end():match.end() + _ANNIVERSARY_GAP]
        cue = PARTNERSHIP.search(after)
        if cue is None or re.search(r"[.;:]", after[:cue.start()]):
            continue
        years = int(match["years"])
        if 0 < years < 200:
            year = setting.reference.year - years
            found.append((sentence.start + match.start(),
                          DateValue(PartialDate(year), text=match.group())))
    return found
