"""Partner regions that ceased to exist: a region the text calls former, merged or renamed
passes its partnership to its successor. Once the document is read, `succeed` brings its
partnerships up to date: successors for former regions, none with a partner the text
denies, and the start of a cooperation that became a stated partnership."""

from __future__ import annotations

import re
from itertools import pairwise

from kg.extract.analysis import SpanFacts
from kg.extract.partnership_leads import Leads
from kg.extract.text import Span
from kg.records import PartnershipRecord, PartyRef

# "die damalige Wojewodschaft A", "der neu entstandenen Wojewodschaft B", "A, die 1999 in die
# Wojewodschaft B eingegliedert wurde": a region before and after a territorial reform.
_FORMER = re.compile(r"(?<!\w)(?:damalige|ehemalige|frühere|einstige)[nrs]?\s+(?:\w+\s+)?$",
                     re.IGNORECASE)
_NEW = re.compile(r"(?<!\w)(?:neu\s+(?:entstanden|gebildet|geschaffen|gegründet)e[nrs]?|"
                  r"neue[nrs]?)\s+(?:\w+\s+)?$", re.IGNORECASE)
_MERGED_INTO = re.compile(r"^(?:\s+[a-zäöüß]\w*)?,\s*(?:die|der|das|welche)\b[^,;]*?\b(?:in|mit)\s+"
                          r"(?:die|der|den|dem|das)\s+(?:[a-zäöüß]\w*\s+)?$")  # "in der größeren B"
_MERGED = re.compile(r"^[^,;]*?\b(?:eingegliedert|aufgegangen|aufging|übergegangen|"
                     r"zusammengelegt|fusioniert)\b")
# "die Verständigung mit der Woiwodschaft A …, die 2031 nach der Gebietsreform auf die
# vergrößerte Woiwodschaft B erweitert wurde": the instrument passed from A to B.
_EXTENDED_TO = re.compile(r"^[^,;.]{0,80}?,\s*(?:die|der|das|welche)\b[^,;]*?\bauf\s+"
                          r"(?:die|den|das)\s+(?:[a-zäöüß]\w*\s+)?$")
_EXTENDED = re.compile(r"^[^,;]*?\b(?:erweitert|übertragen|ausgedehnt)\b")


def succeeded(within: SpanFacts, partners: list[PartyRef], leads: Leads) -> list[PartyRef]:
    """A partnership with a region the text calls former ("die damalige Wojewodschaft A")
    continues with the region it names as its successor ("der neu entstandenen Wojewodschaft
    B", "A, die 1999 in die Wojewodschaft B eingegliedert wurde"): the partner is B."""
    text = within.span.block.text
    keys = {p.key for p in partners}
    found = [f for f in within.parties if f.ref.key in keys and f.ref.kind == "region"]
    for first, second in pairwise(found):
        between = text[first.end:second.start]
        if _MERGED_INTO.search(between) and _MERGED.search(text[second.end:]):
            leads.successor[first.ref.key] = second.ref
    regions = [f for f in within.parties if f.ref.kind == "region"]
    for first, second in pairwise(regions):  # the successor need not be a partner named yet
        if first.ref.key in keys and first.ref.country in {None, second.ref.country} and \
                _EXTENDED_TO.search(text[first.end:second.start]) and \
                _EXTENDED.search(text[second.end:]):
            leads.successor[first.ref.key] = second.ref
    for mention in found:
        before = text[max(0, mention.start - 40):mention.start]
        if _FORMER.search(before):
            leads.former[mention.ref.key] = mention.ref
        elif _NEW.search(before) and len(leads.former) == 1:
            former = next(iter(leads.former))
            if former != mention.ref.key:
                leads.successor.setdefault(former, mention.ref)
    return [leads.successor.get(p.key, p) for p in partners
            if p.key not in leads.successor or leads.successor[p.key].key not in keys]


# "die Region A (früher B)": the bracket gives the region's former name.
_OTHER_NAME = re.compile(r"\s*\(\s*(?:früher|ehemals|vormals|einst|zuvor|bis\s+\d{4})\s+")


def note_other_names(text: str, parties: list, leads: Leads) -> None:
    """"Mit der Region A (früher B)": a region in brackets after "früher" right after another
    region of its country is that region's former name, wherever the document names it: its
    partnerships and instruments are A's (see `other_name`)."""
    regions = sorted((f for f in parties if f.ref.kind == "region"), key=lambda f: f.start)
    for first, second in pairwise(regions):
        if first.ref.key != second.ref.key and \
                first.ref.country in {None, "", second.ref.country} and \
                _OTHER_NAME.fullmatch(text, first.end, second.start) and \
                re.match(r"\s*\)", text[second.end:]):
            leads.other_names.setdefault(second.ref.key, first.ref)


def other_name(ref: PartyRef, leads: Leads) -> PartyRef:
    """The region a former name the text gave in brackets stands for (see
    `note_other_names`), else the party itself."""
    return leads.other_names.get(ref.key, ref)


def note_former(within: SpanFacts, leads: Leads) -> None:
    """Regions the text calls former ("die damalige Woiwodschaft A"), wherever it names them."""
    text = within.span.block.text
    for mention in within.parties:
        if mention.ref.kind == "region" and \
                _FORMER.search(text[max(0, mention.start - 40):mention.start]):
            leads.former.setdefault(mention.ref.key, mention.ref)


FUSED = re.compile(r"\b(?:fusionierte|fusionierten|fusioniert|verschmolz|verschmolzen|"
                   r"zusammengelegt|zusammengeschlossen)\b")
_RENAMED = re.compile(r"\bhei(?:ß|β|ss)t\s+(?:nunmehr|nun|jetzt|heute|seitdem|seither)\b|"
                      r"\b(?:zur|zu\s+der)\s+(?:neuen\s+)?(?:Region|Großregion)\b")


def note_merger(sentence: Span, within: SpanFacts, leads: Leads) -> None:
    """"Seit 2031 hat das Land mit A eine Partnerregion. … fusionierte A mit ihren
    Nachbarregionen. Die Großregion heißt nunmehr „B“": a partner region merged into a new
    one that the text names is succeeded by it (see `succeed`)."""
    regions = [f for f in within.parties if f.ref.kind == "region"]
    if FUSED.search(sentence.text):
        merged = [f.ref for f in regions if f.ref.key in leads.stated]
        leads.merging = merged[0] if len(merged) == 1 else None
    renamed = _RENAMED.search(sentence.text)
    if leads.merging is None or renamed is None:
        return
    after = [f.ref for f in regions if f.start >= sentence.start + renamed.end()
             and f.ref.key != leads.merging.key]
    if after:
        leads.successor.setdefault(leads.merging.key, after[0])
        leads.merging = None


def succeed(records: list[PartnershipRecord], leads: Leads) -> None:
    """Partnerships stated with a former region are its successor's (see `succeeded`); none
    is stated with a partner the text says the Land has no partnership with ("existiert
    bislang keine Vereinbarung zu einer Länderpartnerschaft" under a title that names one)."""
    records[:] = [r for r in records if r.partner.key not in leads.denied]
    for record in records:
        record.partner = leads.successor.get(record.partner.key, record.partner)
    _former_to_sole_successor(records, leads)
    stated = {r.partner.key: r for r in records}
    for key, (since, passage) in leads.cooperation.items():
        if key in stated:
            known = stated[key]
            records.append(PartnershipRecord(land=known.land, partner=known.partner,
                                             kind=known.kind, passage=passage, since=since))


def _former_to_sole_successor(records: list[PartnershipRecord], leads: Leads) -> None:
    """A former region the text names no successor for ("seit 2031 Kontakte mit der damaligen
    Woiwodschaft A", on a page on the partnership with the Woiwodschaft B) is the predecessor
    of the one other region of its country the document states a partnership with."""
    for record in records:
        former = record.partner
        if former.key not in leads.former or former.kind != "region":
            continue
        known = former.country not in {None, "", "XX"}  # a region no register knows has none
        others = {r.partner.key: r.partner for r in records
                  if r.partner.kind == "region" and r.partner.key != former.key
                  and r.partner.key not in leads.former
                  and (not known or r.partner.country == former.country)}
        if len(others) == 1:
            record.partner = next(iter(others.values()))
