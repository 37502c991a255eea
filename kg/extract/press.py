"""Press releases on signed declarations: the report of the signing, often followed by the
declaration's full text and its signature blocks."""

from __future__ import annotations

from kg.documents import Document
from kg.extract import agreements, people
from kg.extract.agreement_phrases import cited_as_made, made_by_means
from kg.extract.analysis import Setting, analyse
from kg.extract.collect import Collector, with_agreements
from kg.extract.events import prose_events
from kg.extract.text import Span, block_span, sentences
from kg.records import PartyRef


def extract_press_release(document: Document, setting: Setting, collector: Collector) -> None:
    declaration: str | None = None
    occasion = None  # the occasion date of the last paragraph that states dates
    named: dict[str, PartyRef] = {}  # the regions the paragraphs before named
    heading = None  # a chronology's date line, for the item below it
    chronology = agreements.is_chronology(document.blocks)
    for block in document.blocks:
        if block.kind in {"boilerplate", "footnote"}:
            continue
        facts = analyse(block, setting)
        collector.mentions(facts)
        if block.kind == "signature":
            _sign(block, [p for p, _, _ in facts.persons], setting, collector, declaration)
            continue
        collector.partnerships(facts)
        if agreements.is_declaration_heading(block.text, setting.registers):
            record = agreements.from_heading(facts.within(block_span(block)), setting,
                                             key=f"h{block.start_line}")
            if record is not None:
                record.topic_text = facts.masked()
                declaration = collector.agreement(record)
            continue
        if declaration is not None:
            _add_topic_text(collector, declaration, facts.masked())
        keys = []
        previous = None
        for sentence in sentences(block):
            within = facts.within(sentence)
            listed: list[PartyRef] | None = \
                collector.partners_stated_in(previous.span) if previous else None
            for record in agreements.each_partner(sentence, within, previous, setting, listed):
                record.topic_text = facts.masked(sentence.start, sentence.end)
                keys.append((sentence, collector.agreement(record)))
            previous = within
            fallback = agreements.unplaced(within, setting.registers) or \
                facts.one_party_before(sentence.start, agreements.both_countries(sentence.text)) \
                or facts.partners_listed_before(sentence.start) \
                or agreements.regions_referred_back(facts, sentence, setting.registers) \
                or agreements.document_partners(setting)
            for record in agreements.in_statement(
                    sentence, within, setting, None, fallback,
                    agreements.paragraph_date(facts, sentence, occasion, heading),
                    earlier=facts.regions_before(sentence.start) or list(named.values())):
                record.topic_text = facts.masked(sentence.start, sentence.end)
                keys.append((sentence, collector.agreement(record)))
            for record in [*made_by_means(sentence, within, setting,
                                          fallback or collector.sole_partner()),
                           *cited_as_made(sentence, within, setting)]:
                record.topic_text = facts.masked(sentence.start, sentence.end)
                keys.append((sentence, collector.agreement(record)))
        for event in prose_events(facts, setting, None):
            linked = [key for sentence, key in keys if event.description in sentence.text]
            collector.event(with_agreements(event, linked))
        if facts.dates:
            occasion = agreements.occasion_date(facts)
            agreements.note_later_occasion(facts, occasion, setting)
        named.update({r.key: r for r in facts.regions_before(len(block.text))})
        heading = agreements.date_heading(facts) if chronology else None


def _sign(block, found: list, setting: Setting, collector: Collector,
          declaration: str | None) -> None:
    """A signature block's person signed the declaration it closes."""
    signatories = found
    if not signatories:
        context = people.Context(setting.registers, setting.land, partner=setting.partner,
                                 document_id=setting.document_id)
        passage_of = lambda s, e: Span(block, s, e).passage(setting.file)  # noqa: E731
        person = people.signatory(block.text, context, passage_of)
        signatories = [person] if person else []
        collector.extraction.persons.extend(signatories)
    for agreement in collector.extraction.agreements:
        if agreement.local_key == declaration:
            agreement.signatories = (*agreement.signatories, *signatories[:1])


def _add_topic_text(collector: Collector, key: str, text: str) -> None:
    for agreement in collector.extraction.agreements:
        if agreement.local_key == key:
            agreement.topic_text = f"{agreement.topic_text}\n{text}".strip()
