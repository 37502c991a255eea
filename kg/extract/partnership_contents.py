"""A report's table of contents run into a paragraph ("1. Partnerschaften des Landes . . . 5
1.1 Provinz A . . . 7 1.2 Land B . . . 10 2. Weitere Kontakte . . . 12"): a chapter headed by
the Land's partnerships in the plural lists one partner per numbered entry under it. Apart
from `partnerships` because entries are read by their numbers and page leaders, not as
sentences."""

from __future__ import annotations

import re

from kg.extract.analysis import BlockFacts, Setting
from kg.extract.partner_cities import is_city_state
from kg.extract.partnership_words import kind_of
from kg.extract.text import Span
from kg.records import PartnershipRecord

# "1.2 Provinz A . . . . 7": a number, a title, dot leaders (or an ellipsis) and a page.
_ENTRY = re.compile(r"(?<![\w.])(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?\s+"
                    r"(?P<title>[^.…\d][^.…]{1,80}?)"
                    r"\.?\s*(?:(?:\.\s*){3,}|…\s*)(?:(?P<page>\d{1,3})(?!\d)|$)")  # cut off
_PLURAL = re.compile(r"(?:schaften|regionen|länder|provinzen)\b")


def read(facts: BlockFacts, setting: Setting) -> list[PartnershipRecord]:
    """The partners a table of contents lists under a chapter of the Land's partnerships."""
    text = facts.block.text
    city = is_city_state(setting)
    found: list[PartnershipRecord] = []
    chapter: str | None = None
    kind: str | None = None
    for entry in _ENTRY.finditer(text):
        number, title = entry["number"], entry["title"]
        if chapter is not None and number.startswith(chapter + "."):
            partners = [f.ref for f in facts.parties
                        if entry.start("title") <= f.start < entry.end("title")
                        and f.ref.kind in {"region", "country"} and f.ref.key != "DE"]
            span = Span(facts.block, entry.start(), entry.end())
            found += [PartnershipRecord(land=setting.land, partner=partner, kind=kind or "",
                                        passage=span.passage(setting.file))
                      for partner in _one_each(partners)]
            continue
        chapter = None
        if _PLURAL.search(title) and kind_of(title, city):
            chapter, kind = number, kind_of(title, city)
    return found


def _one_each(partners: list) -> list:
    """"Provinz A (Land B)": the region, not the country that places it."""
    regions = {p.country for p in partners if p.kind == "region"}
    unique = {p.key: p for p in partners if p.kind == "region" or p.key not in regions}
    return list(unique.values())
