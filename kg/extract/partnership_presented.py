"""Partner regions a page announces by count and country and names only after ("die beiden
Partnerschaften mit Regionen in unseren Nachbarländern A und B, die wir Ihnen auf diesen Seiten
vorstellen", then a block on "Region C" and one on "Woiwodschaft D"): the regions of those
countries the next blocks name, if they are as many as the count says."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.analysis import BlockFacts, Setting, SpanFacts
from kg.extract.text import Span
from kg.records import PartnershipRecord, PartyRef, Passage

_COUNTED = re.compile(r"(?<!\w)(?P<count>beiden|zwei|drei|vier|fünf)\s+(?:\w+\s+)?"
                      r"(?P<word>\w*[Pp]artner(?:schaften|regionen))\s+(?:mit|zu)\s+"
                      r"(?:den\s+)?Regionen\s+in\b")
_COUNTS = {"beiden": 2, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5}
_WITHIN_BLOCKS = 4  # the regions follow soon, before the page turns to other things


@dataclass
class Announced:
    kind: str
    count: int
    countries: set[str]
    passage: Passage
    blocks_left: int = _WITHIN_BLOCKS
    regions: dict[str, PartyRef] = field(default_factory=dict)


def announce(sentence: Span, within: SpanFacts, kind: str, setting: Setting) -> Announced | None:
    """A sentence that counts the Land's partnerships with regions in countries it names."""
    match = _COUNTED.search(sentence.text)
    countries = {f.ref.key for f in within.parties if f.ref.kind == "country"
                 and f.start >= sentence.start + (match.end() if match else 0)}
    if match is None or not countries or any(f.ref.kind == "region" for f in within.parties):
        return None
    return Announced(kind, _COUNTS[match["count"].lower()], countries,
                     sentence.passage(setting.file))


def presented(facts: BlockFacts, setting: Setting, announced: Announced | None
              ) -> tuple[list[PartnershipRecord], Announced | None]:
    """The partnerships once the blocks after the announcement named as many regions of its
    countries as it counted; the announcement as still open, or None."""
    if announced is None:
        return [], None
    for found in facts.parties:
        if found.ref.kind == "region" and found.ref.country in announced.countries:
            announced.regions.setdefault(found.ref.key, found.ref)
    announced.blocks_left -= 1
    if len(announced.regions) > announced.count:
        return [], None
    if len(announced.regions) < announced.count:
        return [], announced if announced.blocks_left > 0 else None
    return [PartnershipRecord(land=setting.land, partner=region, kind=announced.kind,
                              passage=announced.passage)
            for region in announced.regions.values()], None
