"""Instruments a phrase names as made without a signing verb of the sentence's own: "der 2031
mit einem Memorandum erweiterte Partnerschaftsvertrag" tells of a memorandum of 2031 by an
attributive participle, whatever the sentence's verb says of the treaty ("soll … ergänzt
werden" plans something else); "die »Erklärung zwischen dem Land und A« vor zehn Jahren" cites
an instrument made then."""

from __future__ import annotations

import re

from kg import namespaces as ns
from kg.dates import DateValue, PartialDate
from kg.extract.agreements import instrument, kinds_in, plain_title, without_context_countries
from kg.extract.analysis import Setting, SpanFacts
from kg.extract.cues import NUMBER_WORD_PATTERN, NUMBER_WORDS, PLANNING
from kg.extract.text import Span
from kg.records import AgreementRecord, PartyRef

# From the article that opens the noun phrase to "mit einem"/"durch eine" before the instrument.
_OPENS = re.compile(r"(?<![\w-])(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]en|[Dd]em|[Dd]es)\s+"
                    r"(?P<phrase>[^.;,:]{0,80}?)(?<![\w-])(?:mit|durch)\s+"
                    r"(?:einem|einer|eines|dem|der|des)\s+(?:(?:neuen|weiteren)\s+)?$")
# The participle that the instrument made something, declined before its noun.
_MADE = re.compile(r"\s+(?:erweitert|ergänzt|erneuert|bekräftigt|bestätigt|verlängert|"
                   r"fortgeschrieben|besiegelt|begründet)e[nmrs]?\s+[A-ZÄÖÜ]")


def made_by_means(span: Span, within: SpanFacts, setting: Setting,
                  fallback: list[PartyRef]) -> list[AgreementRecord]:
    """The instrument an attributive participle names as the means by which a partnership or
    treaty was made, extended or renewed, dated by what the phrase dates (else undated), with
    the sentence's partners, else the fallback's."""
    text, records = span.text, []
    for kind in kinds_in(text, setting.registers):
        opening = _OPENS.search(text[:kind.start])
        if opening is None or not _MADE.match(text, kind.end):
            continue
        first, last = span.start + opening.start("phrase"), span.start + kind.start
        dates = [d.value for d in within.dates if first <= d.start and d.end <= last]
        partners = [f.ref for f in within.parties
                    if f.ref.kind != "land" and f.ref.key != "DE"] or fallback
        partners = list({p.key: p for p in without_context_countries(partners)}.values())
        if not partners or len(dates) > 1:
            continue
        title = plain_title(instrument(text, kind), setting.land, partners, setting.registers)
        date = dates[0] if dates else None
        records.append(AgreementRecord(
            local_key=ns.slug(title) + (f"-{date.start.lexical()}" if date else ""), title=title,
            kind=kind.concept.key, land=setting.land, partners=tuple(partners),
            passage=span.passage(setting.file), date=date,
            ministry=within.ministries[0][0] if within.ministries else None))
    return records


# "Die »Gemeinsame Erklärung zwischen dem Land und A« vor zwanzig Jahren hat …": an
# instrument cited by its title, which names both parties, with the years since it was made.
_CITED_AGO = re.compile(rf"[»„\"](?P<title>[^«“”\"]{{5,200}})[«“”\"]\s+vor\s+"
                        rf"(?P<years>\d{{1,3}}|{NUMBER_WORD_PATTERN})\s+Jahren(?!\w)")


def cited_as_made(span: Span, within: SpanFacts, setting: Setting) -> list[AgreementRecord]:
    """An instrument cited by a title that names it "zwischen" the Land and its partner,
    followed by a count of years ago: made then, counted back from the document's date
    (undated where the document has none). No signing word is needed; without the title's
    parties or the count it is no more than an instrument named."""
    text, records = span.text, []
    if PLANNING.search(text):
        return []
    for match in _CITED_AGO.finditer(text):
        title = match["title"].strip()
        kinds = kinds_in(title, setting.registers)
        if not kinds or kinds[0].start != 0 or not re.search(r"(?<!\w)zwischen(?!\w)", title):
            continue
        first, last = span.start + match.start("title"), span.start + match.end("title")
        inside = [f.ref for f in within.parties if first <= f.start and f.end <= last]
        partners = list({p.key: p for p in inside
                         if p.kind != "land" and p.key != "DE"}.values())
        if not partners or not any(p.kind == "land" and p.key == setting.land for p in inside):
            continue
        years = int(match["years"]) if match["years"].isdigit() else \
            NUMBER_WORDS.get(match["years"].lower(), 0)
        date = DateValue(PartialDate(setting.reference.year - years), text=match.group()) \
            if setting.reference is not None and 0 < years < 200 else None
        records.append(AgreementRecord(
            local_key=ns.slug(title), title=title, kind=kinds[0].concept.key, land=setting.land,
            partners=tuple(partners), passage=span.passage(setting.file), date=date,
            ministry=within.ministries[0][0] if within.ministries else None))
    return records
