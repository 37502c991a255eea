"""Answers of a government to a Kleine or Große Anfrage: tables of measures (one event per
row) and the answers' prose. The asker's preface and the questions state nothing."""

from __future__ import annotations

import re

from kg.documents import Block, Document
from kg.extract import agreement_lines, agreements
from kg.extract.analysis import Setting, analyse
from kg.extract.collect import Collector, with_agreements
from kg.extract.cues import (
    ASKER_END,
    ASKER_HEADER_ANSWER,
    ASKER_START,
    PREFACE_END,
    PREFACE_START,
    QUESTION,
)
from kg.extract.events import prose_events, row_event
from kg.extract.ministries import ministry_for_abbreviation
from kg.extract.territories import find_parties
from kg.extract.text import block_span, sentences
from kg.records import MinistryRef, PartyRef

_TITLE_LENGTH = 300
_ABBREVIATION = re.compile(r"^[A-ZÄÖÜ][\wÄÖÜäöü.-]{0,11}$")


def extract_answer(document: Document, setting: Setting, collector: Collector) -> None:
    table_partner: PartyRef | None = None
    caption: Block | None = None
    in_preface = False
    asking = False  # the asker's words begun in a block before run on
    title = True
    for block in document.blocks:
        if block.kind in {"boilerplate", "footnote"}:
            continue
        if title and len(block.text) < _TITLE_LENGTH and \
                not block.text.rstrip().endswith((".", "!", "?")):
            collector.mentions(analyse(block, setting))  # the asker's title, not a statement
            title = False
            asking = _asker_runs_on(block.text, asker_spans(block))
            continue
        title = False
        if PREFACE_START.search(block.text):
            in_preface = True
            asking = False  # the preface's own end marks where the answer begins
            collector.mentions(analyse(block, setting))
            continue
        if in_preface:
            collector.mentions(analyse(block, setting))
            in_preface = not PREFACE_END.search(block.text)
            continue
        if block.kind == "row":
            if caption is not None:  # the first row: the block before it captions the table
                table_partner = _caption_partner(caption, setting) or setting.partner
                caption = None
            if not block.header:
                _row(block, setting, collector, table_partner)
            continue
        caption = block
        carried = _asker_carried(block.text) if asking else None
        if carried is not None and carried >= len(block.text):
            collector.mentions(analyse(block, setting))  # still the asker's words
            continue
        asked = asker_spans(block) + ([(0, carried)] if carried else [])
        _prose(block, setting, collector, asked)
        asking = _asker_runs_on(block.text, asked)


def _row(block: Block, setting: Setting, collector: Collector,
         partner: PartyRef | None) -> None:
    cells = [c.strip() for c in block.cells] or [block.text]
    first = cells[0] if len(cells) > 1 else ""
    description = " ".join(c for c in (cells[1:] if len(cells) > 1 else cells) if c)
    if first and not _ABBREVIATION.match(first):
        description, first = " ".join(c for c in cells if c), ""
    ministry: MinistryRef | None = None
    if first:
        ministry = ministry_for_abbreviation(first, setting.registers, setting.land,
                                             setting.reference, setting.abbreviations)
    facts = analyse(block, setting, ministry=ministry, partner=partner)
    collector.mentions(facts)
    collector.partnerships(facts)
    if ministry is not None:
        collector.extraction.ministries.append((ministry, block_span(block).passage(setting.file)))
    event = row_event(facts, description, ministry, partner, setting)
    within = facts.within(block_span(block))
    keys = []
    fallback = within.foreign_parties() or ([partner] if partner else [])
    for record in agreements.in_statement(block_span(block), within, setting, ministry, fallback,
                                          event.date if event else None):
        record.topic_text = record.title
        keys.append(collector.agreement(record))
    collector.event(with_agreements(event, keys))


def asker_spans(block: Block) -> list[tuple[int, int]]:
    """Where a block of web text holds the asker's words: from "Vorbemerkung der Kleinen
    Anfrage" or the header "Kleine Anfrage … des Abgeordneten" (its title follows) to the
    government's "Antwort" or "Zu 1.", or to "… frage ich den Senat:", and every question."""
    text, spans = block.text, []
    for start in ASKER_START.finditer(text):
        end = next((e for e in ASKER_END.finditer(text, start.end())
                    if not ASKER_HEADER_ANSWER.match(text, e.end())), None)
        spans.append((start.start(), end.start() if end else len(text)))
    spans += [(s.start, s.end) for s in sentences(block) if s.text.rstrip().endswith("?")]
    return spans


def _asker_carried(text: str) -> int:
    """Where the asker's words carried over from the blocks before end in this block: at the
    government's answer ("Antwort der Landesregierung", "… wie folgt beantwortet:", "Zu 1."),
    else they fill it."""
    start = PREFACE_END.match(text)
    if start is not None and start.start() == 0 and text.startswith(("Antwort", "Vorbemerkung")):
        return 0
    end = next((e for e in ASKER_END.finditer(text)
                if not ASKER_HEADER_ANSWER.match(text, e.end())), None)
    return end.start() if end is not None else len(text)


def _asker_runs_on(text: str, asked: list[tuple[int, int]]) -> bool:
    """A block whose asker's words, begun by a header or "hat folgenden Wortlaut:", run to its
    end: a web page that split them into paragraphs goes on with them in the next block."""
    body = len(text.rstrip())
    return any(end >= body and ASKER_START.match(text, start)
               for start, end in asked)


def _caption_partner(caption: Block, setting: Setting) -> PartyRef | None:
    """A table's caption about exactly one country or region ("Maßnahmen … mit Chile",
    "Termine mit Nordufer-Bezug") makes it every row's partner."""
    if caption.kind not in {"heading", "paragraph"} or len(caption.text) > 250:
        return None
    found = find_parties(caption.text, setting.registers, in_compounds=True)
    parties = {(f.ref.kind, f.ref.key): f.ref for f in found
               if f.ref.kind in {"country", "region"} and f.ref.key != "DE"}
    return next(iter(parties.values())) if len(parties) == 1 else None


# A list's item ("- Memorandum … mit der Region A (2015)") is the answer's text, even where
# it looks like a dated title.
_LIST_ITEM = re.compile(r"\s*[-–•*▪]\s+\S")


def _prose(block: Block, setting: Setting, collector: Collector,
          asked: list[tuple[int, int]]) -> None:
    facts = analyse(block, setting)
    collector.mentions(facts)
    heading = block.kind == "heading" and not _LIST_ITEM.match(block.text)
    if heading and not QUESTION.match(block.text):
        for record in agreement_lines.read(facts, setting):  # a numbered list's item
            collector.agreement(record)
    if QUESTION.match(block.text) or heading:
        return  # an answer's headings are the asker's title and the questions
    if asked:
        facts = facts.outside(asked)
    collector.partnerships(facts)
    stated = []
    previous = None
    for sentence in sentences(block):
        if any(a <= sentence.end - 1 < b for a, b in asked):
            continue  # the asker's sentence
        within = facts.within(sentence)
        listed: list[PartyRef] | None = collector.partners_stated_in(previous.span) \
            if previous else None
        for record in agreements.each_partner(sentence, within, previous, setting, listed):
            record.topic_text = facts.masked()
            stated.append((sentence, collector.agreement(record)))
        previous = within
        fallback = agreements.unplaced(within, setting.registers) or facts.one_party_before(
            sentence.start, agreements.both_countries(sentence.text)) or \
            agreements.regions_referred_back(facts, sentence, setting.registers) or \
            agreements.document_partners(setting)
        for record in agreements.in_statement(sentence, within, setting, None, fallback,
                                              agreements.paragraph_date(facts, sentence),
                                              earlier=facts.regions_before(sentence.start)):
            record.topic_text = facts.masked()  # the paragraph says what the agreement is about
            stated.append((sentence, collector.agreement(record)))
    for event in prose_events(facts, setting, None):
        keys = [key for sentence, key in stated if event.description in sentence.text]
        collector.event(with_agreements(event, keys))
