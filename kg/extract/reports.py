"""Reports of a minister to a Landtag committee: one section per agreement, headed by the
agreement's title and date, then prose on what has happened under it."""

from __future__ import annotations

from kg.dates import DateValue
from kg.documents import Block, Document
from kg.extract import agreements
from kg.extract.agreement_phrases import cited_as_made, made_by_means
from kg.extract.analysis import BlockFacts, Setting, SpanFacts, analyse
from kg.extract.collect import Collector, with_agreements
from kg.extract.events import Section, prose_events
from kg.extract.text import Span, block_span, sentences


def extract_report(document: Document, setting: Setting, collector: Collector) -> None:
    section: Section | None = None
    in_question = False
    heading: DateValue | None = None  # a chronology's date line, for the item below it
    chronology = agreements.is_chronology(document.blocks)
    for block in document.blocks:
        if block.kind in {"boilerplate", "footnote"}:
            continue
        facts = analyse(block, setting, partner=_single_partner(section))
        collector.mentions(facts)
        if block.kind == "heading" and block.text.strip() in {"Frage", "Fragen"}:
            in_question = True
            continue
        if in_question:
            in_question = not (block.kind == "heading" or block.text.startswith("Antwort"))
            if in_question:
                continue
        collector.partnerships(facts)
        end = agreements.heading_end(block.text, setting.registers)
        if end is not None:
            section = _heading_section(facts, Span(block, 0, end), setting, collector, section)
            if end < len(block.text.rstrip()):
                _body(facts, section, setting, collector, start=end)
            continue
        section = _listed_agreements(facts, setting, collector) or section
        _body(facts, section, setting, collector, heading=heading)
        heading = agreements.date_heading(facts) if chronology else None


def _single_partner(section: Section | None):
    """The partner a section is about, when it is about one: posts without a stated country
    belong to it ("der stellvertretende Außenminister" in the section on Hungary)."""
    if section is None or len({p.key for p in section.partners}) != 1:
        return None
    return section.partners[0]


def _heading_section(facts: BlockFacts, heading: Span, setting: Setting, collector: Collector,
                     previous: Section | None) -> Section | None:
    within = facts.within(heading)
    record = agreements.from_heading(within, setting, key=f"h{heading.block.start_line}")
    if record is None:
        return previous
    record.topic_text = facts.masked(heading.start, heading.end)
    key = collector.agreement(record)
    return Section(agreements=[key], partners=list(record.partners),
                   agreement_partners={key: list(record.partners)})


def _listed_agreements(facts: BlockFacts, setting: Setting,
                       collector: Collector) -> Section | None:
    """"Es bestehen Partnerschaften mit A, B und C. Hierzu wurde jeweils eine Erklärung …"."""
    previous: SpanFacts | None = None
    for sentence in sentences(facts.block):
        listed = collector.partners_stated_in(previous.span) if previous else None
        records = agreements.each_partner(sentence, facts.within(sentence), previous, setting,
                                          listed)
        if records:
            section = Section()
            for record in records:
                key = collector.agreement(record)
                section.agreements.append(key)
                section.partners.extend(record.partners)
                section.agreement_partners[key] = list(record.partners)
            return section
        previous = facts.within(sentence)
    return None


def _body(facts: BlockFacts, section: Section | None, setting: Setting, collector: Collector,
          start: int = 0, heading: DateValue | None = None) -> None:
    """Prose under a heading: its text gives the section's agreements their topics."""
    block: Block = facts.block
    if section is not None:
        _add_topic_text(facts, start, section, collector)
    body_facts = facts if start == 0 else _tail(facts, start)
    for sentence in sentences(block):
        if sentence.start < start:
            continue
        within = facts.within(sentence)
        fallback = agreements.unplaced(within, setting.registers) or \
            (section.partners if section else []) or \
            facts.one_party_before(sentence.start, agreements.both_countries(sentence.text)) or \
            agreements.regions_referred_back(facts, sentence, setting.registers) or \
            agreements.document_partners(setting)
        for record in agreements.in_statement(sentence, within, setting, None, fallback,
                                              agreements.paragraph_date(facts, sentence,
                                                                        heading=heading),
                                              in_section=section is not None,
                                              earlier=facts.regions_before(sentence.start)):
            record.topic_text = facts.masked(sentence.start, sentence.end)
            collector.agreement(record)
        for record in [*made_by_means(sentence, within, setting,
                                      fallback or collector.sole_partner()),
                       *cited_as_made(sentence, within, setting)]:
            record.topic_text = facts.masked(sentence.start, sentence.end)
            collector.agreement(record)
    for event in prose_events(body_facts, setting, section):
        collector.event(with_agreements(event, []))


def _add_topic_text(facts: BlockFacts, start: int, section: Section,
                    collector: Collector) -> None:
    """Prose gives its topics to the section's agreements; where the section has several,
    each sentence gives them to those whose partners it names ("Die Zusammenarbeit mit der
    Provinz A umfasste …"), and a sentence naming none to those of the sentence before."""
    targets = list(section.agreements)
    texts: dict[str, list[str]] = {key: [] for key in section.agreements}
    for sentence in sentences(facts.block):
        if sentence.end <= start:
            continue
        if len(section.agreements) > 1:
            named = {p.key for p in facts.within(sentence).foreign_parties()}
            chosen = [key for key in section.agreements
                      if named & {p.key for p in section.agreement_partners.get(key, [])}]
            targets = chosen or targets
        for key in targets:
            texts[key].append(facts.masked(max(start, sentence.start), sentence.end))
    for agreement in collector.extraction.agreements:
        if texts.get(agreement.local_key):
            body = " ".join(texts[agreement.local_key])
            agreement.topic_text = f"{agreement.topic_text}\n{body}".strip()


def _tail(facts: BlockFacts, start: int) -> BlockFacts:
    """The facts of a block after its heading (a PDF rendering may run them together)."""
    tail = BlockFacts(facts.block)
    span = Span(facts.block, start, len(facts.block.text))
    within = facts.within(span)
    tail.parties, tail.ministries = within.parties, within.ministries
    tail.persons, tail.posts = within.persons, within.posts
    tail.places, tail.dates = within.places, within.dates
    return tail


__all__ = ["block_span", "extract_report"]
