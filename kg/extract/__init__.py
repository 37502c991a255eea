"""Extraction: a Document becomes records, by the patterns of its genre.

    answers.py   answers to Kleine/Große Anfragen: table rows and prose
    reports.py   reports to committees: agreement headings and the prose under them
    press.py     press releases: signings, declarations, signature blocks

They share the recognisers: territories, people, ministries, places, events, agreements.
"""

from __future__ import annotations

import datetime as dt

from kg.documents import Document
from kg.extract.analysis import ExtractionError, Setting
from kg.extract.answers import extract_answer
from kg.extract.collect import Collector
from kg.extract.metadata import detect
from kg.extract.press import extract_press_release
from kg.extract.reports import extract_report
from kg.extract.territories import find_parties
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
                              line_count=document.line_count)
    setting = Setting(registers, document.name, meta.land, meta.document_id,
                      reference=_reference(meta))
    setting.partner = _subject_partner(meta, registers)
    collector = Collector(Extraction(meta=meta, rendering=rendering), setting)
    _GENRES.get(meta.genre, extract_report)(document, setting, collector)
    return collector.finish()


def _reference(meta: DocumentMeta) -> dt.date | None:
    return meta.date.latest if meta.date is not None and meta.date.complete else None


def _subject_partner(meta: DocumentMeta, registers: Registers) -> PartyRef | None:
    """The one foreign country or region the document's title is about, if it names one."""
    refs = {(f.ref.kind, f.ref.key): f.ref for f in find_parties(meta.title, registers)
            if f.ref.kind != "land" and f.ref.key != "DE"}
    return next(iter(refs.values())) if len(refs) == 1 else None
