"""Partners listed under headings of a page on the Land's partnerships: a heading
"Regionalpartnerschaften" (or "Partnerregionen", "Landespartnerschaften") leads the sections
below it, each headed by its partner ("Provinz A / Land B"), whose sentences often name no
partnership word ("Seit 2031 besteht zwischen dem Land und A eine enge Beziehung"). Such a
sentence states a partnership when it names the Land and a relation word of
`mappings/partnership-relations.txt`, and its partner is the one its section's heading names."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.analysis import BlockFacts, Setting, SpanFacts
from kg.extract.cues import OWN_GOVERNMENT, PARTNERSHIP
from kg.extract.partnership_leads import Leads
from kg.extract.partnership_words import kind_of
from kg.extract.text import Span
from kg.paths import MAPPINGS_DIR
from kg.records import PartyRef

_HEADING_WORDS = 10  # a heading is a short line without a sentence's final stop
_WORD = re.compile(r"(?<![^\s(])[^\W\d_]+")
_PLURAL = re.compile(r"(?:schaften|regionen|länder|provinzen|präfekturen|staaten)$")


@cache
def relation_words() -> re.Pattern[str]:
    lines = (MAPPINGS_DIR / "partnership-relations.txt").read_text(encoding="utf-8").splitlines()
    words = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + ")")


def is_heading(text: str) -> bool:
    """A short line that ends without a stop, colon or question mark."""
    text = text.strip()
    return bool(text) and len(text.split()) <= _HEADING_WORDS and text[-1] not in ".:;!?,"


def note_heading(facts: BlockFacts, city: bool, leads: Leads) -> None:
    """A heading naming the Land's partnerships in the plural opens a section of them; one
    naming others' ("Städtepartnerschaften") or another topic closes it; one naming a partner
    ("Provinz A / Land B") heads the sentences below it."""
    text = facts.block.text
    if not is_heading(text):
        opening = PARTNERSHIP.match(text.lstrip())  # a heading the reader joined to its text
        if opening and _PLURAL.search(opening["kind"]) and kind_of(opening["kind"], city):
            leads.section, leads.heading = kind_of(opening["kind"], city), set()
        return
    words = [m["kind"] for m in PARTNERSHIP.finditer(text)]
    parties = {f.ref.key for f in facts.parties if f.ref.kind != "land"}
    if any(_PLURAL.search(word) for word in words):
        leads.section = kind_of(text, city)
        leads.heading = set()
    elif parties:
        leads.heading = parties
        if kind_of(text, city):  # "Partnerschaft Land A - Region B": B's section
            leads.section = kind_of(text, city)
    elif not words and len(_WORD.findall(text)) > 1:  # not a caption "(© Fotograf)"
        leads.section, leads.heading = None, set()


# "…, an dem sich folgende Regionen beteiligen:": a lead to a list of territories.
_TERRITORY_LEAD = re.compile(r"\bfolgende[nr]?\s+(?:[a-zäöüß]\w*\s+)?(?:Regionen|Länder[n]?|"
                             r"Provinzen|Staaten|Präfekturen|Woiwodschaften|Partner\w*)\b.*:\s*$")


def section_lead(sentence: Span, leads: Leads) -> str | None:
    """In a section of the Land's partnerships, a lead to a list of territories gives the
    list's items the section's kind."""
    return leads.section if _TERRITORY_LEAD.search(sentence.text) else None


def section_kind(sentence: Span, within: SpanFacts, setting: Setting, leads: Leads) -> str | None:
    """The section's kind for a sentence that names the Land and a relation word."""
    if leads.section is None or not relation_words().search(sentence.text):
        return None
    names_land = any(f.ref.kind == "land" and f.ref.key == setting.land for f in within.parties)
    return leads.section if names_land or OWN_GOVERNMENT.search(sentence.text) else None


def in_heading(partners: list[PartyRef], leads: Leads) -> list[PartyRef]:
    """The known regions and countries the section's heading names, or that lie in a country it
    names; all of them where the heading names none."""
    partners = [p for p in partners if p.kind in {"region", "country"} and p.registered]
    if not leads.heading:
        return partners
    return [p for p in partners if p.key in leads.heading or p.country in leads.heading]
