"""Gathers what a document's blocks state into one Extraction, each fact once."""

from __future__ import annotations

import dataclasses
import re

from kg import namespaces as ns
from kg.extract import (
    agreement_lines,
    agreement_partnerships,
    partner_succession,
    partnership_contents,
    partnership_leads,
    partnership_presented,
    partnership_starts,
    partnerships,
)
from kg.extract.agreements import ANY_KIND, ListLead, recurring, topics
from kg.extract.analysis import BlockFacts, Setting
from kg.extract.cues import EXTENSION_ACTION, SIGNING
from kg.extract.ministries import in_credit
from kg.records import AgreementRecord, EventRecord, Extraction, PartyRef


class Collector:
    def __init__(self, extraction: Extraction, setting: Setting):
        self.extraction = extraction
        self.setting = setting
        self.leads = partnership_leads.Leads()
        self.list_lead = ListLead()

    def mentions(self, facts: BlockFacts) -> None:
        """Persons, posts, ministries and parties a block names, whatever else it states."""
        out = self.extraction
        out.persons.extend(p for p, _, _ in facts.persons)
        out.posts.extend(p for p, _, _ in facts.posts)
        span_of = lambda s, e: facts.block.line_span(s, e)  # noqa: E731
        for ministry, start, end in facts.ministries:
            if in_credit(facts.block.text, start):
                continue  # "Foto: Staatskanzlei": a photo's author, no ministry acting
            first, last = span_of(start, end)
            out.ministries.append((ministry, _passage(facts, start, end, self.setting.file)))
            del first, last
        for found in facts.parties:
            out.parties.append((found.ref, _passage(facts, found.start, found.end,
                                                    self.setting.file)))
        partner_succession.note_other_names(facts.block.text, facts.parties, self.leads)

    def partnerships(self, facts: BlockFacts) -> None:
        """The standing partnerships a block of the government's own text states."""
        shown, self.leads.announced = partnership_presented.presented(facts, self.setting,
                                                                      self.leads.announced)
        self.extraction.partnerships.extend(partnerships.read(facts, self.setting, self.leads))
        self.extraction.partnerships.extend(shown)
        self.extraction.partnerships.extend(partnership_contents.read(facts, self.setting))
        for record in self.list_lead.read(facts, self.setting):
            self.agreement(record)
        for record in agreement_lines.read(facts, self.setting):
            self.agreement(record)

    def partners_stated_in(self, span) -> list[PartyRef]:
        """The partners of the partnerships a sentence states (read before its block's
        agreements), for "… der jeweiligen Partnerschaftsvereinbarung" after it."""
        quote = span.text.strip()
        found = {p.partner.key: p.partner for p in self.extraction.partnerships
                 if p.passage.quote == quote}
        return list(found.values())

    def sole_partner(self) -> list[PartyRef]:
        """The one foreign party the agreements and partnerships found so far are with, if
        they are all with one: whom an instrument named later without a party concerns."""
        found = {a_partner.key: a_partner for a in self.extraction.agreements
                 for a_partner in a.partners}
        found.update((p.partner.key, p.partner) for p in self.extraction.partnerships)
        return list(found.values()) if len(found) == 1 else []

    def event(self, event: EventRecord | None) -> None:
        if event is not None:
            self.extraction.events.append(event)

    def agreement(self, record: AgreementRecord) -> str:
        """Add an agreement, or fold it into one already stated: same kind and partners, and
        dates that do not differ. Returns the key events link to."""
        for known in self.extraction.agreements:
            if _same_agreement(known, record):
                _fold(known, record)
                return known.local_key
        if any(known.local_key == record.local_key for known in self.extraction.agreements):
            # a title alike ("Absichtserklärung (PDF)") for an instrument with other partners
            record.local_key += "-" + "-".join(ns.slug(p.key) for p in record.partners)
        self.extraction.agreements.append(record)
        return record.local_key

    def finish(self) -> Extraction:
        out = self.extraction
        out.persons = _without_genitives(out.persons)
        _by_current_names(out, self.leads)
        same = _repeated_agreements(out.agreements, press=out.meta.genre == "press-release")
        same.update(_succeeded_agreements(out.agreements, self.leads.successor, same))
        theirs = _others(out.agreements, self.setting.others_signed)
        out.agreements = [a for a in out.agreements if a.local_key not in same
                          and not _announced(a, self.setting.announced)
                          and a.local_key not in theirs]
        for event in out.events:
            event.agreements = tuple(dict.fromkeys(same.get(k, k) for k in event.agreements))
        partners_of = {a.local_key: a.partners for a in out.agreements}
        for event in out.events:
            linked = [p for key in event.agreements for p in partners_of.get(key, ())]
            merged = {(p.kind, p.key): p for p in (*event.partners, *linked)}
            event.partners = tuple(merged.values())
        out.events = _merge_repeated_events(out.events)
        out.partnerships.extend(partnerships.resolve_ours(
            out.partnerships, [ref for ref, _ in out.parties], self.leads, self.setting.land))
        out.partnerships.extend(agreement_partnerships.from_agreements(
            out.agreements, out.partnerships, self.setting.reference))
        partner_succession.succeed(out.partnerships, self.leads)
        out.partnerships = partnerships.without_countries_of_regions(out.partnerships)
        partnership_starts.sharpen(out.partnerships)
        known = _named_regions(out)
        for partnership in out.partnerships:
            partnership.partner = known.get(partnership.partner.key, partnership.partner)
        for agreement in out.agreements:
            agreement.topics = topics(agreement.topic_text or agreement.title,
                                      self.setting.registers)
        return out


def _without_genitives(persons: list) -> list:
    """"würdigte der Gouverneur Musters Einsatz": a "given name" that is the genitive of a
    family name the document names ("Ministerpräsident Torsten Muster") with the noun after
    it is no person (the post before it is the other person's, not held by "Musters
    Einsatz")."""
    families = {p.family for p in persons}
    return [p for p in persons
            if not (p.given and p.given.endswith("s") and p.given[:-1] in families - {p.family})]


def _by_current_names(out: Extraction, leads) -> None:
    """Partners named by a former name the text gave in brackets ("A (früher B)") are the
    region it named first, in instruments and partnerships alike."""
    if not leads.other_names:
        return
    for agreement in out.agreements:
        named = [partner_succession.other_name(p, leads) for p in agreement.partners]
        agreement.partners = type(agreement.partners)({p.key: p for p in named}.values())
    for record in out.partnerships:
        record.partner = partner_succession.other_name(record.partner, leads)


_GENERIC_KINDS = {"erklaerung", "vereinbarung"}


def _repeated_agreements(agreements: list, press: bool = False) -> dict[str, str]:
    """An instrument named again less precisely ("Kooperation mit Erklärung besiegelt" over
    the report of its signing on 12 January; "in einer dazu unterzeichneten Erklärung"): the
    same partners, the same or a generic kind, no date or a date that contains the other's
    (a generic kind: or is the other's, "folgende Vereinbarungen: - Gemeinsame Erklärung mit A
    (2010)"). An undated instrument with a country is the one instrument of its kind with regions of
    that country ("Memorandum mit China" beside the one with the Provinz A); and a press
    release reports one signing with each partner: there an undated instrument is the one
    dated instrument with the same partners, however the headline names it ("A und B
    unterzeichnen Kooperationsvereinbarung" over "… unterzeichneten heute eine Gemeinsame
    Erklärung"). Its key -> the key of the agreement it repeats."""
    same: dict[str, str] = {}
    for vague in agreements:
        sole = _sole_dated(vague, agreements, press) if vague.date is None else None
        if sole is not None and sole.local_key not in same:
            same[vague.local_key] = sole.local_key
            continue
        for precise in agreements:
            if precise is vague or precise.date is None or precise.local_key in same:
                continue
            if {p.key for p in vague.partners} != {p.key for p in precise.partners} or \
                    (vague.date is None and renewed_by_another(precise, vague)):
                continue
            if vague.kind != precise.kind and vague.kind not in _GENERIC_KINDS and \
                    not vague.kind.endswith(f"-{precise.kind}") and \
                    not (precise.kind in _GENERIC_KINDS and vague.date is None):
                continue  # "Gemeinsame Absichtserklärung" (the title) is "Diese Absichtserklärung";
                # "unsere Partnerschaftsvereinbarung" is the "neue Vereinbarung" signed on a day
            if not _may_be_that_day(vague, precise):
                continue  # "Am 17. Januar wurde ein Abkommen …": not the one of 2004
            generic = vague.kind in _GENERIC_KINDS and vague.kind != precise.kind
            if vague.date is None or ((vague.date != precise.date or generic) and
                                      vague.date.earliest <= precise.date.earliest and
                                      precise.date.latest <= vague.date.latest):
                same[vague.local_key] = precise.local_key
                break
    return same


def _succeeded_agreements(agreements: list, successor: dict[str, PartyRef],
                          same: dict[str, str]) -> dict[str, str]:
    """An undated instrument with a region the text says succeeded a former one ("die damalige
    Wojewodschaft A" … "mit der neu entstandenen Wojewodschaft B fortgeschrieben") is the dated
    instrument of the same kind signed with the former region: key -> the former's key."""
    former_of = {after.key: before for before, after in successor.items()}
    found: dict[str, str] = {}
    for vague in agreements:
        keys = [p.key for p in vague.partners]
        if vague.date is not None or vague.local_key in same or len(keys) != 1 \
                or keys[0] not in former_of:
            continue
        signed = [a for a in agreements if a.date is not None and a.kind == vague.kind
                  and [p.key for p in a.partners] == [former_of[keys[0]]]]
        if len(signed) == 1:
            found[vague.local_key] = signed[0].local_key
    return found


def _announced(agreement: AgreementRecord, announced: set[tuple[str, frozenset[str]]]) -> bool:
    """An undated instrument of the kind (or a generic kind) and the partners of a signing the
    text announces for a later day is that one, not yet signed: "Musterfrau unterzeichnet
    Erklärung" over "unterzeichnen am morgigen Montag die Gemeinsame Absichtserklärung"."""
    if agreement.date is not None:
        return False
    keys = frozenset(p.key for p in agreement.partners)
    return any(partners == keys and (kind in {agreement.kind, ANY_KIND}
                                     or agreement.kind in _GENERIC_KINDS
                                     or agreement.kind.endswith(f"-{kind}")
                                     or kind.endswith(f"-{agreement.kind}"))
               for kind, partners in announced)


def _others(agreements: list, others: set[tuple[str, frozenset[str], int]]) -> set[str]:
    """Undated instruments named before (a headline's "Aktionsplan unterzeichnet:
    Landesregierung begrüßt Abkommen") of the kind of a signing the text then tells as another
    body's ("Die Außenministerin des Bundes und ihr Amtskollege aus A haben … einen Aktionsplan
    unterzeichnet"), with partners among that signing's (or where it names none), are that
    one: not the Land's; and so is an instrument of a generic kind the same passage names
    beside it ("Abkommen"). Their keys."""
    def theirs(agreement: AgreementRecord) -> bool:
        keys = frozenset(p.key for p in agreement.partners)
        return agreement.date is None and agreement.passage is not None and \
            _a_headline(agreement.passage.quote) and any(
            kind == agreement.kind and agreement.passage.start_line < line
            and (keys <= partners or not partners) for kind, partners, line in others)

    found = [a for a in agreements if theirs(a)]
    passages = {a.passage.start_line for a in found}
    return {a.local_key for a in found} | {
        a.local_key for a in agreements if a.date is None and a.kind in _GENERIC_KINDS
        and a.passage is not None and a.passage.start_line in passages}


def _a_headline(quote: str) -> bool:
    """A line without a sentence's closing stop: a headline or title, not a report of a
    signing with its own actors ("Die Staatsrätin und der Minister haben … unterzeichnet.")."""
    return not quote.rstrip(" \"'“”»«‘’").endswith((".", "!", "?"))


def _may_be_that_day(vague: AgreementRecord, precise: AgreementRecord) -> bool:
    """An undated instrument whose sentence names a day without a year is only an instrument
    signed on that day and month."""
    own = _YEARLESS_DAY.search(vague.passage.quote) if vague.passage else None
    if own is None or vague.date is not None or precise.date is None:
        return True
    day, month = own.group(0).split(".", 1)
    start = precise.date.start
    return start.day == int(day) and start.month == _MONTHS.index(month.strip()[:3]) + 1


_MONTHS = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
# A day and month without a year ("Am 17. Januar wurde … unterzeichnet" in a text without a
# date of its own): the signing's own day, though its year is not known.
_YEARLESS_DAY = re.compile(r"(?<![\w.])\d{1,2}\.\s?(?:Januar|Februar|März|April|Mai|Juni|"
                           r"Juli|August|September|Oktober|November|Dezember)\b(?!,?\s*\d{4})")


def _sole_dated(vague: AgreementRecord, agreements: list, press: bool) -> AgreementRecord | None:
    """The one instrument of the same kind whose partners are regions of the countries that are
    the undated one's only partners, or in a press release the one dated instrument with its
    partners; None if there is none or more than one."""
    keys = {p.key for p in vague.partners}
    countries = {p.key for p in vague.partners if p.kind == "country"}

    def within(other: AgreementRecord) -> bool:  # the regions of the countries it names
        return countries == keys and other.kind == vague.kind and all(
            p.kind != "country" and p.country in countries for p in other.partners)

    own_day = _YEARLESS_DAY.search(vague.passage.quote) if vague.passage else None

    def matches(other: AgreementRecord) -> bool:  # a day of its own: an occasion of its own
        return within(other) or (press and own_day is None and other.date is not None and
                                 {p.key for p in other.partners} == keys and
                                 not renewed_by_another(other, vague))

    if recurring(vague.passage.quote):
        return None  # "Seither wird alle zwei Jahre ein Memorandum vereinbart": none signed once
    found = [a for a in agreements if a is not vague and a.partners and matches(a)]
    return found[0] if len(found) == 1 else None


def renewed_by_another(dated: AgreementRecord, vague: AgreementRecord) -> bool:
    """A dated instrument a sentence says is renewed or extended, naming no signing ("Sie
    erneuert die bisherige Erklärung zur Zusammenarbeit von 1994"), is an older one the
    release cites, not its signing: an undated instrument of another sentence is not it."""
    quote = dated.passage.quote
    return dated.passage != vague.passage and EXTENSION_ACTION.search(quote) is not None \
        and SIGNING.search(quote) is None


def _named_regions(out: Extraction) -> dict[str, PartyRef]:
    """Unknown regions the same document names in full elsewhere: "Nord" beside "Nord
    (Land A)", found as the subdivision "Grand-Nord"; by the key of the unknown one."""
    parts: dict[str, set[PartyRef]] = {}
    for ref, _ in out.parties:
        if ref.kind == "region" and ref.iso_code:
            for part in set(ns.slug(ref.label_de).split("-")) | {ns.slug(ref.label_de)}:
                parts.setdefault(part, set()).add(ref)
    result = {}
    for ref, _ in out.parties:
        if ref.kind == "region" and not ref.registered and not ref.iso_code:
            candidates = parts.get(ns.slug(ref.label_de), set())
            if len(candidates) == 1:
                result[ref.key] = next(iter(candidates))
    return result


def _passage(facts: BlockFacts, start: int, end: int, file: str):
    from kg.extract.text import Span

    return Span(facts.block, start, end).passage(file)


def _same_agreement(known: AgreementRecord, record: AgreementRecord) -> bool:
    ours, theirs = {p.key for p in known.partners}, {p.key for p in record.partners}
    if known.local_key == record.local_key and (ours & theirs or not ours or not theirs):
        return True
    if known.kind != record.kind or ours != theirs:
        return False
    if known.date and record.date:
        return known.date.start == record.date.start
    return not (_named(known.title) and _named(record.title) and known.title != record.title)


def _named(title: str) -> bool:
    """"MoU Medizintechnik", "MoU Energie": instruments told apart by a one-word name."""
    return re.fullmatch(r"\S+ [A-ZÄÖÜ][\w-]+", title) is not None


def _fold(known: AgreementRecord, record: AgreementRecord) -> None:
    """The heading's wording wins as title; a stated date fills a missing one."""
    if record.date and not known.date:
        known.date = record.date
    if len(record.title) > len(known.title) and " zwischen " in record.title:
        known.title = record.title
    known.more_passages = (*known.more_passages, record.passage, *record.more_passages)
    known.signatories = known.signatories + record.signatories
    known.topic_text = f"{known.topic_text}\n{record.topic_text}".strip()
    if known.ministry is None:
        known.ministry = record.ministry
    if known.place is None:
        known.place = record.place


def _merge_repeated_events(events: list[EventRecord]) -> list[EventRecord]:
    """A document that states one occasion twice (a press release and its declaration both
    report the signing) gives one event: same type, same day, same partners."""
    merged: list[EventRecord] = []
    index: dict[tuple, EventRecord] = {}
    for event in events:
        key = _repeat_key(event)
        if key is None or key not in index:
            merged.append(event)
            if key is not None:
                index[key] = event
            continue
        first = index[key]
        known = {(p.family, p.given) for p in first.participants}
        first.participants += tuple(p for p in event.participants
                                    if (p.family, p.given) not in known)
        first.posts += event.posts
        first.places += tuple(p for p in event.places if p not in first.places)
        first.agreements += tuple(a for a in event.agreements if a not in first.agreements)
        first.more_passages += (event.passage, *event.more_passages)
        first.ministries += tuple(m for m in event.ministries if m not in first.ministries)
    return merged


def _repeat_key(event: EventRecord) -> tuple | None:
    if event.date is None or event.date.start.day is None or event.event_type == "sonstige":
        return None
    return (event.event_type, event.date.start, tuple(sorted(p.key for p in event.partners)))


def with_agreements(event: EventRecord | None, keys: list[str]) -> EventRecord | None:
    if event is None or not keys:
        return event
    return dataclasses.replace(event, agreements=tuple(dict.fromkeys((*event.agreements, *keys))))
