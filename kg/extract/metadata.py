"""A document's genre, Land, date, identifier and title, from its own text: for documents no
sources file describes."""

from __future__ import annotations

import datetime as dt
import re

from kg import namespaces as ns
from kg.dates import DateError, DateValue, PartialDate, find_dates
from kg.documents import Block, Document
from kg.extract.cues import OPENING_PLACE, RELEASE_DATELINE
from kg.extract.land import land_of
from kg.records import DocumentMeta
from kg.registers import Registers

_ANSWER = re.compile(r"\b(?:Kleine|Große|Kleinen|Großen|Schriftliche|Schriftlichen|Mündliche|"
                     r"Mündlichen|Dringliche|Dringlichen) Anfrage|"
                     r"Anfrage zum Plenum|Antwort (?:der|des) "
                     r"(?:Landesregierung|Staatsregierung|Senats|Staatsministeriums|Ministeriums)")
_PRESS = re.compile(r"\b(?:Pressemitteilung|Pressemeldung|Presseinformation|Medieninformation|"
                    r"Pressestelle|Pressesprecher)\b")
# A report is laid before a Landtag committee, named by its portfolio ("Ausschuss für Europa");
# a committee of others ("des ständigen Ausschusses der Partei", "einen gemeinsamen
# Ausschuss") or the EU's "Ausschuss der Regionen" names no report.
_REPORT = re.compile(r"\b(?:Vorlage|Bericht (?:der|des)|Ausschuss(?:es)? für|"
                     r"Schriftlicher Bericht)\b")
_IDENTIFIER = re.compile(r"\b(?:Drucksache|Drs\.|Vorlage|Kleine Anfrage|Große Anfrage)\s+"
                         r"(?:Nr\.\s*)?\d+(?:\s?/\s?\d+(?: \d{3})*)?")
_DATE_LINE_LENGTH = 80
_ISSUE_CUE = re.compile(r"(?:\bvom|Stand|Datum(?: des Originals)?|[Vv]eröffentlicht(?: am)?|"
                        r"Erscheinungsdatum|"
                        r"(?:^|\s)[A-ZÄÖÜ][\w.-]+(?: [a-z]\.\s?[A-Z]\w*)?,)\s*:?\s*(?:den\s+)?$")
# The day a question was asked, which an answer repeats in its header: "Kleine Anfrage 4506
# vom …", "Schriftliche Anfrage des Abgeordneten A (Partei) vom …", "Die Kleine Anfrage –
# Drucksache 17/1 – vom …".
_ASKED_ON = re.compile(r"\bAnfrage(?:\s+(?:Nr\.\s*)?\d+|\s+[–-][^–]{0,40}[–-]|"
                       r"\s+(?:des|der|von)\s+[^;:„“]{0,150}?)?\s+vom\s*$")
# The day of another document an answer cites: "laut Pressemitteilung … vom …", "„Bericht der
# Landesregierung über …“ vom …", "ein Beitrag der Zeitung vom …".
_CITED_ON = re.compile(r"(?:Pressemitteilung|Presseerklärung|Bericht|Beitrag|Artikel|Zeitung|"
                       r"Meldung|Beschluss|Gesetz|Vertrag|Erlass|Abkommen|Übereinkommen|"
                       r"Vereinbarung|Memorandum|Protokoll)\w*\b[^.;:]{0,160}?\bvom\s*$")
# … of which a press release or a page cites acts only (its own is a "Pressemitteilung vom …")
# ("das Abkommen zwischen den Regierungen … über … Zusammenarbeit vom …" too)
_CITED_ACT = re.compile(r"(?:Beschluss|Gesetz|[Vv]ertrag|Erlass|[Aa]bkommen|Übereinkommen|"
                        r"[Vv]ereinbarung|(?<![Pp]resse)[Ee]rklärung|Memorandum|Protokoll)\w*\b"
                        r"[^.;:]{0,160}?\bvom\s*$")
# A day named relative to the text's own ("am morgigen Donnerstag, 6. März 2031"): the
# text is of the day before (after, the same day).
_RELATIVE_DAY_BEFORE = re.compile(
    r"(?<![\w-])(?P<word>übermorgigen|morgigen|heutigen|gestrigen|vorgestrigen)\s+"
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag),?\s*(?:den\s+)?"
    r"(?:\d|$)")
_RELATIVE_SHIFT = {"übermorgigen": -2, "morgigen": -1, "heutigen": 0, "gestrigen": 1,
                   "vorgestrigen": 2}
# "am Dienstag, 15. Juli 2031", "am Dienstag (15. Juli 2031)"
_WEEKDAY_BEFORE = re.compile(r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?"
                             r"\s*\(?\s*(?:den\s+)?$")


def detect(document: Document, registers: Registers) -> DocumentMeta:
    text = "\n".join(b.text for b in document.blocks if b.kind != "boilerplate")
    head = text[:3000]
    genre = _genre(head, text)
    land = land_of((text, "\n".join(document.lines)), registers)
    identifier = _identifier(head, genre, document)
    date = _date(document, genre)
    return DocumentMeta(document_id=_document_id(land, identifier, document), identifier=identifier,
                        title=_title(document), land=land, genre=genre, date=date)


def _genre(head: str, text: str) -> str:
    if _ANSWER.search(head):
        return "answer"
    if _PRESS.search(text):
        return "press-release"
    return "report" if _REPORT.search(head) else "press-release"


def _identifier(head: str, genre: str, document: Document) -> str:
    match = _IDENTIFIER.search(head)
    if match:
        return re.sub(r"\s+", " ", match.group())
    return f"{'Pressemitteilung' if genre == 'press-release' else 'Dokument'} {document.name}"


def _date(document: Document, genre: str = "report") -> DateValue | None:
    """The document's date where the text states it as such: a date line near the top
    ("Potsdam, 16. April 2031", "20.06.2031 | Staatskanzlei"), a date after "vom", "Stand" or
    "Datum", or a weekday's date in a press release's lead ("am Dienstag, 15. Juli 2031");
    in a press release, also a source line that is nothing but a day's date ("Montag, den 3.
    Mai 2031 um 18:34 Uhr"), though a web page runs it into the lines around it.
    A date in running text ("seit dem 3. Mai 2031") dates something else, and so do the day an
    answer's question was asked and the day of a document an answer cites ("laut
    Pressemitteilung vom …") or of an act a page cites ("der Vertrag vom …")."""
    own = _release_dateline(document) if genre == "press-release" else None
    if own is not None:
        return own
    prose, month = 0, None
    for block in document.blocks[:40]:
        if block.kind in {"boilerplate", "row"}:
            continue
        own_line = _bare_date_line(document, block) if genre == "press-release" else None
        if own_line is not None:
            return own_line
        try:
            matches = find_dates(block.text)
        except DateError:
            continue
        for match in matches:
            if not match.value.one_day:
                continue
            before = block.text[max(0, match.start - 40):match.start]
            earlier = block.text[max(0, match.start - 200):match.start]
            cited = {"answer": _CITED_ON, "press-release": _CITED_ACT}.get(genre)
            if _ASKED_ON.search(earlier) or (cited is not None and cited.search(earlier)):
                continue  # "Kleine Anfrage 4506 vom 6. Mai 2031": the question's day
            relative = _RELATIVE_DAY_BEFORE.search(block.text[max(0, match.start - 60):
                                                              match.start + 12])
            if relative and prose < 3:
                return _issued_before(match.value, relative)
            if relative:
                continue  # a day the text names relative to its own dates nothing else
            if len(block.text) <= _DATE_LINE_LENGTH or _ISSUE_CUE.search(before) or \
                    OPENING_PLACE.fullmatch(block.text, 0, match.start) or \
                    (prose < 3 and _WEEKDAY_BEFORE.search(before)):
                return match.value
        month = month or _page_month(document, block)
        prose += block.kind == "paragraph"
    return month or (_release_year(document) if genre == "press-release" else None)


# A release's number with its year at the start of a line near the top, the date of the
# release stated nowhere else: "228/2031 Erstellt von …", "Nummer: 250/2031".
_RELEASE_NUMBER = re.compile(r"^\s*(?:(?:Pressemitteilung|Presseinformation|Medieninformation|"
                             r"Nummer|Nr\.)\s*:?\s*)?\d{1,4}/(?P<year>(?:19|20)\d\d)(?!\d)"
                             r"(?!\s*(?:Drucksache|Wahlperiode))")


def _release_year(document: Document) -> DateValue | None:
    """The year of a press release that gives no date but its number's year."""
    for line in document.lines[:15]:
        number = _RELEASE_NUMBER.match(line)
        if number is not None:
            return DateValue(PartialDate(int(number["year"])), text=number.group().strip())
    return None


# A source line that is only a day's date: an optional weekday and "den" before it, an optional
# time after it ("Montag, den 3. Mai 2031 um 18:34 Uhr"), or the page's category run into it
# without a space ("03-05-2031Europa und Internationales").
_BARE_DATE_LINE = re.compile(
    r"^\s*(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag),?\s*"
    r"(?:den\s+)?)?(?P<date>\d{1,2}\.\s*(?:\d{1,2}\.\s*|[A-ZÄÖÜ][a-zäöü]+\s+)\d{4}|"
    r"\d\d-\d\d-\d{4})"
    r"(?:,?\s*(?:um\s+)?\d{1,2}[:.]\d{2}(?:\s*Uhr)?|(?<=\d)[A-ZÄÖÜ][\w -]{0,40}(?<![.!?]))?\s*$")


def _release_dateline(document: Document) -> DateValue | None:
    """The date line after the release's number ("Pressemitteilung Nr.: 12/34 Beispielstadt,
    den 3. Mai 2034"): it outranks a date line of the archive page above it."""
    for block in document.blocks[:40]:
        if block.kind in {"boilerplate", "row"} or "Nr" not in block.text:
            continue
        try:
            matches = find_dates(block.text)
        except DateError:
            continue
        for match in matches:
            if match.value.one_day and \
                    RELEASE_DATELINE.search(block.text[max(0, match.start - 120):match.start]):
                return match.value
    return None


def _bare_date_line(document: Document, block: Block) -> DateValue | None:
    """The day of a source line of the block that states nothing but that day."""
    for number in range(block.start_line, block.end_line + 1):
        line = _BARE_DATE_LINE.match(document.lines[number - 1])
        if line is None:
            continue
        try:
            found = find_dates(line["date"])
        except DateError:
            continue
        if len(found) == 1 and found[0].value.one_day:
            return found[0].value
    return None


def _issued_before(value: DateValue, relative: re.Match[str]) -> DateValue:
    """The day a text was issued that names `value` as its "morgigen Donnerstag"."""
    assert value.start.year and value.start.month and value.start.day
    day = dt.date(value.start.year, value.start.month, value.start.day) + \
        dt.timedelta(days=_RELATIVE_SHIFT[relative["word"]])
    return DateValue(PartialDate(day.year, day.month, day.day), text=relative.group())


# A web page's date line that states a month only: " date 2031-03", "Stand: 03/2031",
# "Zuletzt aktualisiert: März 2031".
_PAGE_DATE_LINE = re.compile(
    r"(?i)^\s*(?:date|datum|stand(?:\s+vom)?|(?:zuletzt\s+)?(?:aktualisiert|geändert)(?:\s+am)?|"
    r"letzte\s+änderung|veröffentlicht(?:\s+am)?)\s*:?\s*(?P<date>\S.{0,30}?)"
    r"(?:\s+[A-ZÄÖÜ][a-zäöüß]+)?\s*$"
)
_NUMERIC_MONTH = re.compile(
    r"(?P<y1>(?:19|20)\d\d)-(?P<m1>0[1-9]|1[0-2])|(?P<m2>0?[1-9]|1[0-2])\s*/\s*(?P<y2>(?:19|20)\d\d)"
)


def _page_month(document: Document, block: Block) -> DateValue | None:
    """The month of a page-date line among the block's source lines, as precise as stated: a
    day's date ends the search before (see `_date`), so this is the fallback."""
    for number in range(block.start_line, block.end_line + 1):
        line = _PAGE_DATE_LINE.match(document.lines[number - 1]) or \
            _PAGE_DATE_PREFIX.match(document.lines[number - 1])
        if line is None:
            continue
        written = line["date"]
        numeric = _NUMERIC_MONTH.fullmatch(written)
        if numeric:
            year, month = numeric["y1"] or numeric["y2"], numeric["m1"] or numeric["m2"]
            return DateValue(PartialDate(int(year), int(month)), text=written)
        try:
            found = find_dates(written)
        except DateError:
            continue
        if len(found) == 1 and found[0].end - found[0].start == len(written):
            value = found[0].value
            if value.complete and value.end is None and value.start.month and not value.start.day:
                return value
    return None


# A page's date run into its first line of text: " date 2031-09 Das Land …".
_PAGE_DATE_PREFIX = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d\d)(?=\s)")

_NOT_TITLE = re.compile(r"Wahlperiode|Drucksache|Landtag\b|LANDTAG|^Seite|Pressemitteilung|"
                        r"^\s*(?:[A-ZÄÖÜ][a-zäöüß]+(?:e|er)\s+)?"  # "Hessische", "Thüringer"
                        r"Staats(?:kanzlei|ministerium)|:$")


# Page furniture that is no title: a banner that links elsewhere ("… Helfende / …:
# beispiel.de/hilfe") or repeats itself in another script.
_FURNITURE = re.compile(r"\b[\w-]+\.(?:de|eu|com|org|net|info)(?:/|\b)|[\u0370-\u03ff\u0400-\u04ff"
                        r"\u0590-\u06ff\u3040-\u30ff\u4e00-\u9fff]")


def _title(document: Document) -> str:
    """The first heading (else paragraph) near the top that reads like a title: not the
    Landtag's letterhead, not a date or number line, not all capitals, no page furniture."""
    candidates = [b for b in document.blocks[:20] if b.kind in {"heading", "paragraph"}
                  and 15 <= len(b.text) <= 250 and not b.text.isupper()
                  and not _NOT_TITLE.search(b.text) and not _has_full_date(b.text)
                  and not _FURNITURE.search(b.text)]
    headings = [b for b in candidates if b.kind == "heading"]
    chosen = (headings or candidates)[:1]
    return chosen[0].text if chosen else document.name


def _has_full_date(text: str) -> bool:
    try:
        return any(m.value.start.day for m in find_dates(text))
    except DateError:
        return True


def _document_id(land: str, identifier: str, document: Document) -> str:
    prefix = land.split("-")[-1].lower()
    if identifier.startswith(("Pressemitteilung", "Dokument")):
        return f"{prefix}-{ns.slug(document.path.stem)}-{document.sha256[:8]}"
    return f"{prefix}-{ns.slug(identifier)}"
