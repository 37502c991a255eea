"""The next partners of a chronology: "1958 folgte die südfranzösische Stadt A", "1990
folgten die Hauptstadt B und 1994 die Metropole C", "2031 kam die Provinz D hinzu". After
the document has stated the Land's partnerships, a sentence opened by a year and a verb of
following whose subjects are partners adds a partnership with each, of the kind stated
last, dated by the year before its name (issue 8, branch h-chron18)."""

from __future__ import annotations

import re

from kg.dates import DateValue, PartialDate
from kg.extract.analysis import Setting, SpanFacts
from kg.extract.partner_cities import CITY_WORD, cities_at, is_city_state
from kg.extract.partnership_leads import Leads
from kg.extract.text import Span
from kg.records import PartnershipRecord, PartyRef

# A sentence opened by a year and "folgte(n)", or "kam(en) … hinzu".
FOLLOWED_ON = re.compile(r"^(?:Im\s+Jahre?\s+)?(\d{4})\s+(?:folgten?\b|"
                         r"(?=kam(?:en)?\b[^.;]*\bhinzu\b)kam(?:en)?\b)")
# What may stand between a list item's start and its partner: a year, an article, adjectives
# and a word for a city ("1994 die Metropole", "die südfranzösische Stadt").
_ITEM_HEAD = re.compile(rf"\s*(?:\d{{4}}\s+)?(?:(?:die|der|das|den|dem)\s+)?"
                        rf"(?:[a-zäöüß][\w-]*(?:e|en|er|es|em)\s+)*(?:(?:{CITY_WORD.pattern})\s+)?")
_ITEM_SEPARATOR = re.compile(r",|\bund\b|\bsowie\b")
_YEAR = re.compile(r"(?<![\d.])\d{4}(?!\d)")


def followers(sentence: Span, within: SpanFacts, setting: Setting,
              leads: Leads) -> list[PartnershipRecord]:
    """The partnerships a "2031 folgte A" sentence adds to those the document stated: each
    partner that heads an item of the list after the verb ("… A im Land X und 2032 B in Y":
    A and B, not X and Y), with the last year before its name."""
    opened = FOLLOWED_ON.match(sentence.text)
    if opened is None or leads.stated_kind is None:
        return []
    found: list[tuple[PartyRef, DateValue]] = []
    for start, partner in _candidates(sentence, within, setting):
        gap = sentence.text[opened.end():start - sentence.start]
        items = _ITEM_SEPARATOR.split(gap)
        if len(items) > 1 and not items[0].strip():
            continue
        if not _heads_item(items[-1], setting) or partner.key in {p.key for p, _ in found}:
            continue
        year = _YEAR.findall(sentence.text[:start - sentence.start])[-1]
        found.append((partner, DateValue(PartialDate(int(year)), text=year)))
    return [PartnershipRecord(land=setting.land, partner=partner, kind=leads.stated_kind,
                              passage=sentence.passage(setting.file), since=since)
            for partner, since in found]


def _heads_item(gap: str, setting: Setting) -> bool:
    """Whether only a year, an article, adjectives and a word for a city or a kind of region
    ("die Woiwodschaft", registers' region kinds) stand between an item's start and a name."""
    head = _ITEM_HEAD.match(gap)
    rest = gap[head.end():].strip() if head is not None else gap
    return not rest or (" " not in rest and setting.registers.region_kind_of_word(rest) is not None)


def _candidates(sentence: Span, within: SpanFacts,
                setting: Setting) -> list[tuple[int, PartyRef]]:
    """Registered regions and countries the sentence names (a city-state's partners are
    cities: no countries, and the large cities GeoNames knows), by where they start."""
    city = is_city_state(setting)
    found = [(f.start, f.ref) for f in within.parties if f.ref.registered and
             (f.ref.kind == "region" or (f.ref.kind == "country" and not city))]
    if city:
        found += cities_at(sentence, within, setting)
    return sorted(found, key=lambda pair: pair[0])
