"""Everything the recognisers find in one block, computed once and then cut to spans."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from kg.dates import DateError, DateMatch, find_dates, in_year_near, relative_days
from kg.documents import Block
from kg.extract import people, places, territories
from kg.extract.ministries import Abbreviations, find_ministries
from kg.extract.scan import any_of
from kg.extract.text import Span
from kg.records import MinistryRef, PartyRef, PersonMention, PlaceRef, PostMention
from kg.registers import Concept, Registers


class ExtractionError(Exception):
    """A statement that cannot be right (an impossible date), named with file and line."""

    def __init__(self, file: str, line: int, reason: str):
        super().__init__(f"{file}:{line}: {reason}")
        self.file, self.line, self.reason = file, line, reason


@dataclass
class Setting:
    """The document-wide facts recognisers need: registers, Land, date, defaults."""

    registers: Registers
    file: str
    land: str
    document_id: str
    reference: dt.date | None
    partner: PartyRef | None = None
    day_known: bool = False  # the document's date is a day: "am Montag" can be counted from it
    news_date: dt.date | None = None  # a text that reports what is near its date: a day and
    # month without a year take the year that puts them near it
    news_month: dt.date | None = None  # a press release dated only by month: the days it
    # names relative to its date ("heute", "am Mittwoch") are of that month
    abbreviations: Abbreviations = field(default_factory=Abbreviations)
    # the partners of signings the text announces for a day after its date ("unterzeichnen am
    # morgigen Montag …"): a headline's undated "unterzeichnet Erklärung" with them is that one
    announced: set[tuple[str, frozenset[str]]] = field(default_factory=set)  # kind, partners
    # the kinds and foreign parties of signings the text tells as another body's (the
    # Federation's, a city's, two clusters'): a headline's undated "… unterzeichnet" is that one
    others_signed: set[tuple[str, frozenset[str], int]] = field(default_factory=set)  # and line
    # the title is about city partnerships ("Partnerstädte") or another body's instrument
    # ("Abkommen zwischen dem Landkreis A und B")
    about_cities: bool = False
    # the parties a sentence says are the partners ("Partner … sind A und B"), if one does
    partners_named: tuple[PartyRef, ...] = ()
    english: bool = False  # the document is written in English: names read in English too
    # the regions the text says are now another ("A (seit 2016 B)"), by key: A named again
    # later in the document is B
    renamed: dict[str, PartyRef] = field(default_factory=dict)


# A plural word of the Land's partners before their list: "mit seinen Partnerregionen A und B".
_PARTNERS_LISTED = re.compile(r"(?<![\w-])(?:seine[nmrs]?|ihre[nmrs]?|unsere[nmrs]?)\s+"
                              r"Partner(?:regionen|provinzen|ländern|länder|staaten)\b")


@dataclass
class BlockFacts:
    block: Block
    parties: list[territories.Found] = field(default_factory=list)
    ministries: list[tuple[MinistryRef, int, int]] = field(default_factory=list)
    persons: list[tuple[PersonMention, int, int]] = field(default_factory=list)
    posts: list[tuple[PostMention, int, int]] = field(default_factory=list)
    places: list[tuple[PlaceRef, int, int]] = field(default_factory=list)
    dates: list[DateMatch] = field(default_factory=list)
    asked: list[tuple[int, int]] = field(default_factory=list)  # the asker's words in an answer

    def masked(self, start: int = 0, end: int | None = None) -> str:
        """The text with ministries' names blanked: "Minister für … Medien" names no topic."""
        text = list(self.block.text)
        for _, first, last in self.ministries:
            text[first:last] = " " * (last - first)
        return "".join(text)[start:end]

    def outside(self, spans: list[tuple[int, int]]) -> BlockFacts:
        """The facts of the block without the territories, dates and ministries inside the
        given spans (the asker's words in an answer state nothing; persons still count)."""
        out = lambda s: not any(a <= s < b for a, b in spans)  # noqa: E731
        return BlockFacts(self.block, [f for f in self.parties if out(f.start)],
                          [m for m in self.ministries if out(m[1])], self.persons, self.posts,
                          self.places, [d for d in self.dates if out(d.start)],
                          [*self.asked, *spans])

    def one_party_before(self, start: int, countries: bool = False) -> list[PartyRef]:
        """The one foreign party the paragraph names before `start`, if it names one:
        whom "beide Seiten" or an unnamed instrument's partner refers back to (a country
        too where the text says "die beiden Länder")."""
        kinds = {"region", "organisation"} | ({"country"} if countries else set())
        earlier = {f.ref.key: f.ref for f in self.parties  # a country is often context
                   if f.end <= start and f.ref.kind in kinds and f.ref.key != "DE"}
        return list(earlier.values()) if len(earlier) == 1 else []

    def partners_listed_before(self, start: int) -> list[PartyRef]:
        """The regions the paragraph names before `start` in one list after a plural word of
        the Land's partners ("mit seinen Partnerregionen A in Frankreich und B in Polen"): whom
        an instrument whose sentence names no partner was made with (a trilateral one)."""
        text = self.block.text[:start]
        leads = list(_PARTNERS_LISTED.finditer(text))
        if len(leads) != 1:
            return []
        at = leads[0].end()
        stop = re.search(r"[.;!?](?=\s|$)", text[at:])
        limit = at + stop.start() if stop else start
        listed = {f.ref.key: f.ref for f in self.parties if at < f.end and f.start < limit
                  and f.ref.kind in {"region", "organisation"} and f.ref.country != "DE"}
        return list(listed.values()) if len(listed) > 1 else []

    def regions_before(self, start: int) -> list[PartyRef]:
        """The foreign regions the paragraph names before `start`, each once."""
        return list({f.ref.key: f.ref for f in self.parties
                     if f.end <= start and f.ref.kind == "region"}.values())

    def within(self, span: Span) -> SpanFacts:
        inside = lambda s, e: span.start <= s and e <= span.end  # noqa: E731
        return SpanFacts(
            span=span,
            parties=[f for f in self.parties if inside(f.start, f.end)],
            ministries=[m for m in self.ministries if inside(m[1], m[2])],
            persons=[p for p in self.persons if inside(p[1], p[2]) or inside(p[1], p[1] + 1)],
            posts=[p for p in self.posts if inside(p[1], p[1] + 1)],
            places=[p for p in self.places if inside(p[1], p[2])],
            dates=[d for d in self.dates if inside(d.start, d.end)])


@dataclass
class SpanFacts:
    span: Span
    parties: list[territories.Found]
    ministries: list[tuple[MinistryRef, int, int]]
    persons: list[tuple[PersonMention, int, int]]
    posts: list[tuple[PostMention, int, int]]
    places: list[tuple[PlaceRef, int, int]]
    dates: list[DateMatch]

    def mentions(self) -> list[tuple[PersonMention | PostMention, int, int]]:
        """The persons, then the title-only posts."""
        return [*self.persons, *self.posts]

    def event_partners(self) -> list[PartyRef]:
        """An event's partners: countries, regions and registered organisations (an unknown
        body is a partner only of an agreement, where the text says it is a party)."""
        return [p for p in self.foreign_parties() if p.kind != "organisation" or p.registered]

    def foreign_parties(self) -> list[PartyRef]:
        """Countries, regions and organisations named, each once; a country that only
        qualifies a region or body named just before it ("Provinz Nordufer (Kanada)",
        "Provinz Südhang (Republik Südafrika)") is not a party of its own."""
        text = self.span.block.text
        seen: dict[tuple[str, str], PartyRef] = {}
        for index, found in enumerate(self.parties):
            ref = found.ref
            if ref.kind == "land" or ref.key == "DE":
                continue
            if ref.kind == "country" and index and _qualifies(self.parties[index - 1], found,
                                                              text):
                continue
            seen.setdefault((ref.kind, ref.key), ref)
        return list(seen.values())


def _qualifies(before: territories.Found, country: territories.Found, text: str) -> bool:
    return before.ref.country == country.ref.key and \
        re.fullmatch(r"\s*[(,]\s*", text[before.end:country.start]) is not None


def _without_placing(parties: list[territories.Found], text: str) -> list[territories.Found]:
    """A region of the district named just before it and a comma ("A County, Bundesstaat B
    (USA)") only says where the district lies: no party of its own."""
    return [f for i, f in enumerate(parties) if not (i and _places(parties[i - 1], f, text))]


def _places(before: territories.Found, region: territories.Found, text: str) -> bool:
    return before.ref.kind == "region" and before.ref.region_kind in _DISTRICT_KINDS and \
        region.ref.region_kind not in _DISTRICT_KINDS and \
        before.ref.country == region.ref.country and \
        re.fullmatch(r"\s*,\s*", text[before.end:region.start]) is not None


_DISTRICT_KINDS = {"kreis"}


def analyse(block: Block, setting: Setting, ministry: MinistryRef | None = None,
            partner: PartyRef | None = None) -> BlockFacts:
    """Run every recogniser over a block; ministry and partner are the row's or section's."""
    text, registers = block.text, setting.registers
    day = setting.reference
    facts = BlockFacts(block)
    facts.dates = _dates(block, setting)
    facts.parties = _without_placing(territories.find_parties(text, registers,
                                                              english=setting.english), text)
    setting.renamed.update(territories.renamings(text, registers, english=setting.english))
    facts.parties = [replace(f, ref=setting.renamed[f.ref.key])
                     if f.ref.kind == "region" and f.ref.key in setting.renamed else f
                     for f in facts.parties]
    facts.ministries = find_ministries(text, registers, setting.land, day, setting.abbreviations)
    context = people.Context(registers, setting.land, ministry=ministry,
                             partner=partner or setting.partner, document_id=setting.document_id,
                             day=day)
    passage_of = lambda s, e: Span(block, s, e).passage(setting.file)  # noqa: E731
    mentions = people.find_mentions(text, context, facts.parties, facts.ministries, passage_of)
    facts.persons, facts.posts = mentions.persons, mentions.posts
    facts.parties = _without_persons(facts.parties, facts.persons)
    if block.kind == "signature" and not facts.persons:
        signed = people.signatory(text, context, passage_of)
        facts.persons = [(signed, 0, len(text))] if signed else []
    countries = {f.ref.country for f in facts.parties if f.ref.country}
    if partner and partner.country:
        countries.add(partner.country)
    facts.places = places.find_places(text, registers, countries | {"DE"})
    return facts


def _without_persons(parties: list[territories.Found], persons: list[tuple[PersonMention, int, int]]
                     ) -> list[territories.Found]:
    """An unknown region named after a kind word that is the family name of a person the block
    names ("Partnerregion Beispiel besucht …" in a headline run into a text on "Ministerin Anna
    Beispiel") is that person, no region."""
    families = {m.family.casefold() for m, _, _ in persons if m.family}
    return [f for f in parties if f.ref.registered or f.ref.kind != "region"
            or f.ref.label_de.casefold() not in families]


def _dates(block: Block, setting: Setting) -> list[DateMatch]:
    try:
        found = find_dates(block.text, reference=setting.reference,
                           day_known=setting.day_known)
    except DateError as error:
        offset = block.text.find(error.expression)
        line = block.line_span(offset, offset + len(error.expression))[0] if offset >= 0 \
            else block.start_line
        raise ExtractionError(setting.file, line, str(error)) from error
    if setting.news_month is not None:  # a release dated by month: its days' year, no "heute"
        return [m for m in _news_dates("", found, setting.news_month)]
    return _news_dates(block.text, found, setting.news_date) if setting.news_date else found


def _news_dates(text: str, found: list[DateMatch], dated: dt.date) -> list[DateMatch]:
    """A news text's days by its own date: "heute", "gestern"; and days and months without a
    year take the year near the text's date, unless the block states a year of another date
    (then the year they belong to is not certain)."""
    years = {m.value.start.year for m in found if m.value.start.year is not None}
    completed = []
    for match in found:
        value = in_year_near(match.value, dated) if not match.value.complete else None
        if value is not None and years <= {value.start.year}:
            match = DateMatch(value, match.start, match.end)
        completed.append(match)
    taken = [(m.start, m.end) for m in found]
    completed += [m for m in relative_days(text, dated)
                  if not any(a < m.end and m.start < b for a, b in taken)]
    return sorted(completed, key=lambda m: m.start)


def first_trigger(text: str, concepts: list[Concept]) -> tuple[Concept, int] | None:
    """The event type whose pattern occurs first in the text; ties by the scheme's order.
    One scan of all the patterns at once finds where that is; only there each is tried."""
    joined = any_of(tuple(c.pattern for c in concepts if c.pattern is not None))
    first = joined.search(text) if joined is not None else None
    if joined is not None and first is None:
        return None
    best: tuple[int, int, Concept] | None = None
    for concept in concepts:
        if concept.pattern is None:
            continue
        match = concept.pattern.match(text, first.start()) if first else \
            concept.pattern.search(text)
        if match and (best is None or (match.start(), concept.order) < best[:2]):
            best = (match.start(), concept.order, concept)
    return (best[2], best[0]) if best else None


def strip_leading_date(text: str, dates: list[DateMatch], offset: int) -> str:
    """A table row without its leading date and the colon or dash after it."""
    if dates and dates[0].start - offset <= 4:
        rest = text[dates[0].end - offset:]
        return re.sub(r"^\s*[:\-–]\s*", "", rest).strip() or text
    return text
