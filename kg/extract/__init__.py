"""Extraction: a Document becomes records, by the patterns of its genre.

    answers.py   answers to Kleine/Große Anfragen: table rows and prose
    reports.py   reports to committees: agreement headings and the prose under them
    press.py     press releases: signings, declarations, signature blocks

They share the recognisers: territories, people, ministries, places, events, agreements.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from kg.documents import Document
from kg.extract.analysis import ExtractionError, Setting
from kg.extract.answers import extract_answer
from kg.extract.collect import Collector
from kg.extract.cues import OF_CITIES, OTHER_BODYS_INSTRUMENT, PARTNERS_ARE
from kg.extract.metadata import detect
from kg.extract.ministries import defined_abbreviations
from kg.extract.partnership_english import is_english
from kg.extract.press import extract_press_release
from kg.extract.reports import extract_report
from kg.extract.territories import find_parties
from kg.extract.text import sentences
from kg.records import DocumentMeta, Extraction, PartyRef, RenderingMeta
from kg.registers import Registers
from kg.registers import load as load_registers

__all__ = ["ExtractionError", "extract"]

_GENRES = {"answer": extract_answer, "report": extract_report,
           "press-release": extract_press_release}


def extract(document: Document, meta: DocumentMeta | None = None,
            registers: Registers | None = None) -> Extraction:
    """Everything the document states, each fact with its passage."""
    registers = registers or load_registers()
    meta = meta or detect(document, registers)
    rendering = RenderingMeta(file=document.name, sha256=document.sha256,
                              media_type=document.media_type, rendering=document.rendering,
                              line_count=document.line_count, source=str(document.path))
    setting = Setting(registers, document.name, meta.land, meta.document_id,
                      reference=_reference(meta))
    setting.day_known = meta.date is not None and meta.date.one_day
    if meta.genre == "press-release" and meta.date is not None and meta.date.start.day:
        setting.news_date = setting.reference  # "gestern" needs the day, not a month's end
    elif meta.genre == "press-release" and meta.date is not None and meta.date.start.month \
            and meta.date.end is None:
        setting.news_month = setting.reference  # "am Mittwoch" is of the page's month
    setting.partner = _subject_partner(meta, registers) or _dominant_partner(document, registers)
    setting.partners_named = _partners_named(document, registers)
    setting.about_cities = OF_CITIES.search(meta.title) is not None or \
        OTHER_BODYS_INSTRUMENT.search(meta.title) is not None
    setting.abbreviations = defined_abbreviations("\n".join(b.text for b in document.blocks))
    setting.english = is_english("\n".join(b.text for b in document.blocks))
    collector = Collector(Extraction(meta=meta, rendering=rendering), setting)
    _GENRES.get(meta.genre, extract_report)(document, setting, collector)
    return collector.finish()


def _reference(meta: DocumentMeta) -> dt.date | None:
    return meta.date.latest if meta.date is not None and meta.date.complete else None


def _dominant_partner(document: Document, registers: Registers) -> PartyRef | None:
    """The foreign country or region most of the document's mentions name (over half of them,
    and at least three): what a press release or an answer about one partner is about."""
    counts: Counter[tuple[str, str]] = Counter()
    refs: dict[tuple[str, str], PartyRef] = {}
    for block in document.blocks:
        if block.kind == "boilerplate":
            continue
        for found in find_parties(block.text, registers):
            if found.ref.kind in {"country", "region"} and found.ref.key != "DE":
                key = (found.ref.kind, found.ref.key)
                counts[key] += 1
                refs.setdefault(key, found.ref)
    if not counts:
        return None
    key, count = counts.most_common(1)[0]
    return refs[key] if count >= 3 and count * 2 > sum(counts.values()) else None


def _partners_named(document: Document, registers: Registers) -> tuple[PartyRef, ...]:
    """The foreign parties of the one sentence that says who the partners are ("Partner auf
    der anderen Seite sind die Provinzen A, B und C"): whom a signing that names no party was
    with, wherever the page names them."""
    named: set[tuple[PartyRef, ...]] = set()
    for block in document.blocks:
        if block.kind == "boilerplate":
            continue
        for sentence in sentences(block):
            if PARTNERS_ARE.match(sentence.text):
                named.add(tuple({f.ref.key: f.ref for f in find_parties(sentence.text, registers)
                                 if f.ref.kind in {"country", "region"}
                                 and f.ref.country != "DE"}.values()))
    return next(iter(named)) if len(named) == 1 else ()


def _subject_partner(meta: DocumentMeta, registers: Registers) -> PartyRef | None:
    """The one foreign country or region the document's title is about, if it names one (an
    organisation the title names is its issuer or a body, no partner)."""
    refs = {(f.ref.kind, f.ref.key): f.ref for f in find_parties(meta.title, registers)
            if f.ref.kind in {"country", "region"} and f.ref.key != "DE"}
    return next(iter(refs.values())) if len(refs) == 1 else None
