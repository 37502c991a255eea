"""A document's genre, Land, date, identifier and title, from its own text: for documents no
sources file describes."""

from __future__ import annotations

import datetime as dt
import re

from kg import namespaces as ns
from kg.dates import WEEKDAYS, DateError, DateMatch, DateValue, PartialDate, find_dates
from kg.documents import Block, Document
from kg.extract.cues import OPENING_PLACE, RELEASE_DATELINE
from kg.extract.land import land_of
from kg.records import DocumentMeta
from kg.registers import Registers

# An answer: a parliamentary question named by its kind, the government's answer named, the
# asker's "Ich frage die Landesregierung:", a BW "Antrag … und Stellungnahme des …ministeriums",
# a protocol's "Gemeinsame Antwort zu den Fragen 1 und 2:".
_ANSWER = re.compile(r"\b(?:Kleine|Große|Kleinen|Großen|Schriftliche|Schriftlichen|Mündliche|"
                     r"Mündlichen|Dringliche|Dringlichen)(?: [Ss]chriftliche)? Anfrage|"
                     r"Anfrage zum Plenum|Antwort (?:der|des) "
                     r"(?:Landesregierung|Staatsregierung|Senats|Staatsministeriums|Ministeriums)|"
                     r"\b(?:[Ii]ch frage|[Ww]ir fragen|frage ich|fragen wir) (?:die|den) "
                     r"(?:Landesregierung|Staatsregierung|Senat)\b|"
                     r"\bStellungnahme\s+des\s+\w*[Mm]inisteriums\b|"
                     r"\b(?:Gemeinsame )?Antwort zu (?:den )?Fragen? (?:Nr\. ?)?\d")
_PRESS = re.compile(r"\b(?:Pressemitteilung|Pressemeldung|Presseinformation|Medieninformation|"
                    r"Pressestelle|Pressesprecher)\b")
# A report is laid before a Landtag committee, named by its portfolio ("Ausschuss für Europa");
# a committee of others ("des ständigen Ausschusses der Partei", "einen gemeinsamen
# Ausschuss") or the EU's "Ausschuss der Regionen" names no report.
_REPORT = re.compile(r"\b(?:Vorlage|Bericht (?:der|des)|Ausschuss(?:es)? für|"
                     r"Schriftlicher Bericht)\b")
# A plenary protocol is a report of the parliament's session, not a press release: its header
# ("Protokoll der Sitzung vom …", a portal's "Protocol of the Session on …") or the protocol's
# notes of the house in brackets ("(Beifall SPD)", "[Beifall bei der CDU]", "(Zuruf von …)").
_PROTOCOL = re.compile(r"\b(?:Protokoll der Sitzung vom|Protocol of the Session on)\b|"
                       r"[(\[](?:Beifall|Zuruf|Zwischenruf|Heiterkeit)\b")
_IDENTIFIER = re.compile(r"\b(?:Drucksache|Drs\.|Vorlage|Kleine Anfrage|Große Anfrage)\s+"
                         r"(?:Nr\.\s*)?\d+(?:\s?/\s?\d+(?: \d{3})*)?")
_DATE_LINE_LENGTH = 80
_ISSUE_CUE = re.compile(r"(?:\bvom|Stand|Datum(?: des Originals)?|[Vv]eröffentlicht(?: am)?|"
                        r"Erscheinungsdatum|[Ee]rschienen(?: am)?|Ausgegeben(?: am)?|"
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
_ACTS = r"Beschluss|Gesetz|[Vv]ertrag|Erlass|[Aa]bkommen|Übereinkommen|[Vv]ereinbarung|"
_CITED_ACT = re.compile(rf"(?:{_ACTS}(?<![Pp]resse)[Ee]rklärung|Memorandum|Protokoll|[Rr]eform)"
                        r"\w*\b[^.;:]{0,160}?\bvom\s*$")
# A day after "seit", also in a line of its own ("- A: Partnerschaft
# besteht seit dem 1. Mai 2031") dates a fact of its history, not the page.
_HISTORY_BEFORE = re.compile(r"(?<![\w-])seit(?:\s+dem)?\s*$")
# … and of which a report or a status page cites acts and reforms ("des Abkommens vom …", "der
# Gebietsreform vom …"); its own header may be a "Protokoll der Sitzung vom …".
_CITED_IN_REPORT = re.compile(rf"(?:{_ACTS}[Ee]rklärung|Memorandum|[Rr]eform)"
                              r"\w*\b[^.;:]{0,160}?\bvom\s*$")
# A day named relative to the text's own ("am morgigen Donnerstag, 6. März 2031"): the
# text is of the day before (after, the same day).
_RELATIVE_DAY_BEFORE = re.compile(
    r"(?<![\w-])(?P<word>übermorgigen|morgigen|heutigen|gestrigen|vorgestrigen)\s+"
    r"(?:" + WEEKDAYS + r"),?\s*(?:den\s+)?"
    r"(?:\d|$)")
_RELATIVE_SHIFT = {"übermorgigen": -2, "morgigen": -1, "heutigen": 0, "gestrigen": 1,
                   "vorgestrigen": 2}
# A Drucksache's header: its number, perhaps the Landtag and the Wahlperiode, then its day
# ("Drucksache 21/6321 21. Wahlperiode 18.10.21", "Drucksache 7/3850 17.01.2031 (Ausgegeben am …)").
_PRINTED_BEFORE = re.compile(r"\b(?:Drucksache|Drs\.)\s*(?:Nr\.\s*)?\d+\s*/\s*\d+"
                             r"(?:\s+(?:Landtag|\d{1,2}\.\s*Wahlperiode))*\s*$")
# "heute" set beside its day: "sagte er heute, den 8. April 2031", "hat heute (Mittwoch, 15. Juni
# 2031)", "Heute (Montag, 30.01.2031)": the day is the text's own, wherever it stands.
_TODAY_BEFORE = re.compile(r"(?i)\bheute\s*(?:,\s*(?:den\s+|am\s+)?|\(\s*(?:(?:"
                           + WEEKDAYS + r"),?\s*(?:den\s+)?)?)$")
# A press release's stamps in page chrome: a day after a byline's bar ("Von dpa | 22.06.2031,
# 14:11 Uhr", "Nr. 12/2031 | 27.11.2031 | Staatskanzlei") ...
_BAR_BEFORE = re.compile(r"\|\s*$")
# ... a numeric day with its clock time ("07.12.2031, 14:51 Uhr — Erstveröffentlichung"), not
# after a preposition or a weekday, which name an appointment ("am 07.12.2031, 14:00 Uhr") ...
_CLOCK_AFTER = re.compile(r",\s*\d{1,2}:\d\d(?:\s*Uhr)?\b")
_NUMERIC_DAY = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")
_APPOINTMENT_BEFORE = re.compile(r"(?i)(?:\b(?:am|ab|bis|vom|von|zum|seit|um|den|dem|für|zwischen|"
                                 r"und|oder|" + WEEKDAYS + r"),?|[–-])\s*$")
# ... an agency's date line: the day opening a paragraph before the agency's code ("25.06.2031 -
# Beispielstadt (dpa/xy) - Das Land …", "28. September 2031 (XY/AB-Red) Das Land …"), or the day in
# brackets after the place ("Beispielstadt (07. Dezember 2031) - Der Ministerpräsident …").
_AGENCY_AFTER = re.compile(r"\s*(?:[-–]\s*[A-ZÄÖÜ][\w.-]*(?:[ /][A-ZÄÖÜ][\w.-]*)?\s*)?"
                           r"\((?=[^()]*(?:/|\b[A-Z]{2,}|\b(?:dpa|epd|afp|kna|ots)\b))[^()]{1,25}\)")
_PLACE_BRACKET_BEFORE = re.compile(r"(?:^|\s)[A-ZÄÖÜ][\w.-]+\s*\(\s*$")
_BRACKET_DASH_AFTER = re.compile(r"\s*\)\s*[-–]")
# ... and a year-first day ending a line near the top ("… Nordland und Beispielstadt 2031/4/26").
_YEAR_FIRST_DAY = re.compile(r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})\s*$")
# A paragraph ends like one; a heading or a bar of page chrome run into a paragraph does not.
_SENTENCE_END = re.compile(r"[.!?“\"«»)]\s*$")
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
    if _PROTOCOL.search(head):
        return "report"
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
        own_line = None if genre != "press-release" else _bare_date_line(document, block) or \
            (_year_first_day(document, block) if prose < 3 else None)
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
            cited = {"answer": _CITED_ON, "press-release": _CITED_ACT,
                     "report": _CITED_IN_REPORT}.get(genre)
            if _ASKED_ON.search(earlier) or (cited is not None and cited.search(earlier)):
                continue  # "Kleine Anfrage 4506 vom 6. Mai 2031": the question's day
            if _HISTORY_BEFORE.search(before):
                continue  # a page's history ("seit dem 1. Mai 2031"; a chronology's days)
            relative = _RELATIVE_DAY_BEFORE.search(block.text[max(0, match.start - 60):
                                                              match.start + 12])
            if relative and prose < 3:
                return _issued_before(match.value, relative)
            if relative:
                continue  # a day the text names relative to its own dates nothing else
            if len(block.text) <= _DATE_LINE_LENGTH or _ISSUE_CUE.search(before) or \
                    OPENING_PLACE.fullmatch(block.text, 0, match.start) or \
                    _TODAY_BEFORE.search(before) or \
                    _PRINTED_BEFORE.search(block.text[max(0, match.start - 80):match.start]) or \
                    (genre == "press-release" and _release_stamp(block.text, match, prose)) or \
                    (prose < 3 and _WEEKDAY_BEFORE.search(before)):
                return match.value
        month = month or _page_month(document, block)
        prose += block.kind == "paragraph" and _SENTENCE_END.search(block.text) is not None
    return month or (_release_year(document) if genre == "press-release" else None)


def _release_stamp(text: str, match: DateMatch, prose: int) -> bool:
    """Whether the press release's day at `match` is a stamp of its page chrome or an agency's
    date line (see `_BAR_BEFORE`, `_CLOCK_AFTER`, `_AGENCY_AFTER`)."""
    before = text[max(0, match.start - 40):match.start]
    if _BAR_BEFORE.search(before) or (_PLACE_BRACKET_BEFORE.search(before) and
                                      _BRACKET_DASH_AFTER.match(text, match.end)):
        return True
    if not text[:match.start].strip() and _AGENCY_AFTER.match(text, match.end):
        return True
    return prose < 3 and _NUMERIC_DAY.fullmatch(match.value.text or "") is not None and \
        _CLOCK_AFTER.match(text, match.end) is not None and not _APPOINTMENT_BEFORE.search(before)


# A Markdown heading's marks ("## "), which a page converted to Markdown puts before its date line.
_HEADING_MARKS = re.compile(r"^\s{0,3}#{1,6}[ \t]+")


def _source_line(document: Document, number: int) -> str:
    """The document's source line `number` as the date lines are read from: without a Markdown
    heading's marks, which say how the line is shown, not what it states."""
    return _without_heading_marks(document.lines[number - 1])


def _without_heading_marks(line: str) -> str:
    return _HEADING_MARKS.sub("", line, count=1)


def _year_first_day(document: Document, block: Block) -> DateValue | None:
    """The day of a source line of the block that ends in a year-first day ("2031/4/26")."""
    for number in range(block.start_line, block.end_line + 1):
        line = _source_line(document, number)
        found = _YEAR_FIRST_DAY.search(line)
        if found is None or _APPOINTMENT_BEFORE.search(line[:found.start()]):
            continue
        try:
            day = dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
        except ValueError:
            continue
        return DateValue(PartialDate(day.year, day.month, day.day), text=found.group().strip())
    return None


# A release's number with its year at the start of a line near the top, the date of the
# release stated nowhere else: "228/2031 Erstellt von …", "Nummer: 250/2031".
_RELEASE_NUMBER = re.compile(r"^\s*(?:(?:Pressemitteilung|Presseinformation|Medieninformation|"
                             r"Nummer|Nr\.)\s*:?\s*)?\d{1,4}/(?P<year>(?:19|20)\d\d)(?!\d)"
                             r"(?!\s*(?:Drucksache|Wahlperiode))")


def _release_year(document: Document) -> DateValue | None:
    """The year of a press release that gives no date but its number's year."""
    for line in map(_without_heading_marks, document.lines[:15]):
        number = _RELEASE_NUMBER.match(line)
        if number is not None:
            return DateValue(PartialDate(int(number["year"])), text=number.group().strip())
    return None


# A source line that is only a day's date: an optional weekday and "den" before it, an optional
# time after it ("Montag, den 3. Mai 2031 um 18:34 Uhr"), or the page's category run into it
# without a space ("03-05-2031Europa und Internationales").
_BARE_DATE_LINE = re.compile(
    r"^\s*(?:(?:" + WEEKDAYS + r"),?\s*"
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
        line = _BARE_DATE_LINE.match(_source_line(document, number))
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
        for pattern in (_PAGE_DATE_LINE, _PAGE_DATE_PREFIX):
            value = _page_line_month(pattern.match(_source_line(document, number)))
            if value is not None:
                return value
    return None


def _page_line_month(line: re.Match[str] | None) -> DateValue | None:
    """The month a page-date line states, if it states one (" date 2031-03 Von A B" is read
    by the prefix pattern once the line pattern has taken the byline into its date)."""
    if line is None:
        return None
    written = line["date"]
    numeric = _NUMERIC_MONTH.fullmatch(written)
    if numeric:
        year, month = numeric["y1"] or numeric["y2"], numeric["m1"] or numeric["m2"]
        return DateValue(PartialDate(int(year), int(month)), text=written)
    try:
        found = find_dates(written)
    except DateError:
        return None
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
