"""Events: one per table row, and one per dated occasion in prose."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from itertools import pairwise

from kg.dates import WEEKDAYS, DateError, DateMatch, DateValue, PartialDate, find_dates
from kg.extract.agreements import kind_patterns
from kg.extract.analysis import (
    BlockFacts,
    Setting,
    SpanFacts,
    first_trigger,
    strip_leading_date,
)
from kg.extract.cues import CONTINUATION, DOMESTIC_CONFERENCE, OPENING_PLACE, PLANNING
from kg.extract.partner_cities import is_city_state, partner_cities
from kg.extract.scan import occurs
from kg.extract.text import Span, block_span, clauses, sentences
from kg.records import EventRecord, MinistryRef, PartyRef, PersonMention, PostMention


@dataclass
class Section:
    """The agreements a report section is about (or none) and their partners."""

    agreements: list[str] = field(default_factory=list)
    partners: list[PartyRef] = field(default_factory=list)
    agreement_partners: dict[str, list[PartyRef]] = field(default_factory=dict)


def row_event(facts: BlockFacts, cells_text: str, ministry: MinistryRef | None,
              partner: PartyRef | None, setting: Setting) -> EventRecord | None:
    """A table row is one event, dated or not; a row ending in a colon heads a group."""
    span = block_span(facts.block)
    if cells_text.rstrip().endswith(":"):
        return None
    within = facts.within(span)
    trigger = first_trigger(cells_text, setting.registers.event_types)
    event_type = trigger[0].key if trigger else "sonstige"
    date_match = within.dates[0] if within.dates else None
    description = strip_leading_date(cells_text, _dates_in(cells_text, setting), 0)
    partners = within.event_partners()
    if partner and partner not in partners:
        partners.append(partner)  # a table about one partner: every row concerns it
    return _event(event_type, description, span, within, date_match,
                  (ministry,) if ministry else (), partners, setting, agreements=())


def _dates_in(text: str, setting: Setting) -> list[DateMatch]:
    """The row's own dates, found in the row's text (not in the block's, whose cells are
    joined differently), so that a leading date column is cut off the description."""
    try:
        return find_dates(text, setting.reference, day_known=setting.day_known)
    except DateError:
        return []


def prose_events(facts: BlockFacts, setting: Setting, section: Section | None) -> list[EventRecord]:
    """Each date attached to an event word is one event; later undated sentences that
    continue the occasion ("Im Rahmen dieser Reise traf er …") add their participants."""
    events: list[EventRecord] = []
    protected = [(m[1], m[2]) for m in facts.ministries]
    for sentence in sentences(facts.block):
        if _PRIVATE.search(sentence.text):
            continue  # "Als Privatperson … bereiste er das Land 1985": no office's occasion
        within = facts.within(sentence)
        listed = _years_listed(within.dates, facts.block.text) \
            if re.search(r"\bjeweils\b", sentence.text) else \
            within.dates or _days_of_the_month(sentence, setting)
        dated = _announced_weekdays([d for d in listed if _counts(d, facts.block.text)],
                                    sentence, setting)
        if not dated:
            if events and CONTINUATION.search(sentence.text):
                _join_participants(events[-1], within)
            continue
        pieces = _occasions(clauses(sentence, protected), dated, setting) \
            if len(dated) > 1 and not _one_list(dated, facts.block.text) else [sentence]
        for date_match in dated:
            entry = _chronology_entry(sentence, pieces, dated, date_match)
            event = _prose_event(facts, entry, [entry], date_match, setting, section) \
                if entry is not None else \
                _prose_event(facts, sentence, pieces, date_match, setting, section)
            if event is not None:
                events.append(event)
    return _without_restatements(events)


# A chronology run into one clause ("Juni 1999: Unterzeichnung des Vertrages A/B Mai 2000
# Unterzeichnung …"): this many dates in one clause are entries, each its own occasion.
_CHRONOLOGY = 3


def _chronology_entry(sentence: Span, pieces: list[Span], dated: list[DateMatch],
                      date_match: DateMatch) -> Span | None:
    """The entry of a date in a chronology whose entries run together without a full stop or
    comma between them: from the date to the next date. Its event word and partners are its
    own, not those of the entries around it."""
    piece = next((p for p in pieces if p.start <= date_match.start < p.end), sentence)
    inside = [d for d in dated if piece.start <= d.start < piece.end]
    text = sentence.block.text
    if len(inside) < _CHRONOLOGY or re.match(r"\s*\d", text[date_match.end:]) or any(
            len(re.findall(r"[^\W\d]{2,}", text[a.end:b.start])) < 2 for a, b in pairwise(inside)):
        return None  # "In den Jahren 2007, 2010 und 2013 wurde jeweils …": one list of years
    after = [d.start for d in inside if d.start > date_match.start]
    return Span(sentence.block, date_match.start, min(after) if after else piece.end)


# A private person's journey or visit is no occasion of an office.
_PRIVATE = re.compile(r"\b(?:[Aa]ls\s+Privatperson|[Pp]rivat(?:e[nr]?)?\s+"
                      r"(?:Reise|Besuch|Urlaub)\w*|\bprivat\s+(?:gereist|bereiste|reiste|"
                      r"besuchte))")


# A day a press release names relative to its date: "am Mittwoch", "am Montagabend", "heute",
# "gestern" (not "bis heute", "noch heute", nor a weekday before a date of its own).
_DAY_OF_THE_REPORT = re.compile(
    rf"(?<!\w)(?:[Aa]m\s+(?:{WEEKDAYS})(?:abend|morgen|vormittag|nachmittag|mittag)?|"
    r"(?<!bis )(?<!noch )(?<!seit )"
    r"(?<!Seit )(?:[Hh]eute|[Gg]estern))(?![\w-])(?!\s+noch\b)(?![\s,(]*(?:den\s+)?\d)")


# A sentence told in the past: an auxiliary of the perfect or passive, or a verb in the past
# ("unterzeichnete", "sagte", "unterschrieben", "traf").
_TOLD_AS_PAST = re.compile(r"\b(?:hat|haben|hatte|hatten|wurde|wurden|war|waren|ist|sind)\b|"
                           r"\b[a-zäöüß]{3,}(?:te|ten)\b|\bunterschrieben\b|\b(?:traf|empfing|"
                           r"hielt|kam)(?:en)?\b")


_BARE_WEEKDAY = re.compile(rf"[Aa]m\s+(?:{WEEKDAYS})")


def _announced_weekdays(dated: list[DateMatch], sentence: Span,
                        setting: Setting) -> list[DateMatch]:
    """"Die Ministerin stattet … am Donnerstag einen Besuch ab" in a release of a Wednesday: a
    weekday told in the present is the next such day (on or after the release's), an occasion
    still to come; told in the past ("traf am Donnerstag") it is the last one before."""
    if setting.news_date is None or _TOLD_AS_PAST.search(sentence.text):
        return dated
    found = []
    for date_match in dated:
        value = date_match.value
        if value.one_day and _BARE_WEEKDAY.fullmatch(value.text or "") and \
                value.earliest < setting.news_date:
            day = value.earliest + dt.timedelta(days=7)
            value = DateValue(PartialDate(day.year, day.month, day.day), text=value.text)
            date_match = DateMatch(value, date_match.start, date_match.end)
        found.append(date_match)
    return found


def _days_of_the_month(sentence: Span, setting: Setting) -> list[DateMatch]:
    """"… unterzeichnete am Samstag (Ortszeit) …", "sagte sie am Montagabend bei einer
    Festveranstaltung" in a press release dated only by month: the day is unknown, the
    occasion is of the release's month."""
    if setting.news_month is None or not _TOLD_AS_PAST.search(sentence.text):
        return []  # "A und B unterzeichnen am Donnerstag …": announced, maybe next month
    month = DateValue(PartialDate(setting.news_month.year, setting.news_month.month))
    return [DateMatch(DateValue(month.start, text=m.group()), sentence.start + m.start(),
                      sentence.start + m.end())
            for m in _DAY_OF_THE_REPORT.finditer(sentence.text)][:1]


def _occasions(pieces: list[Span], dated: list[DateMatch], setting: Setting) -> list[Span]:
    """Clauses grouped so that each holds one date: a clause without a date belongs to the
    dated clause before it when that one lacks an event word ("ein MoU … zwischen A und B, C
    geschlossen"), else to the dated clause after it."""
    def has_date(piece: Span) -> bool:
        return any(piece.start <= d.start < piece.end for d in dated)

    def has_trigger(piece: Span) -> bool:
        return first_trigger(piece.text, setting.registers.event_types) is not None

    groups: list[Span] = []
    waiting: Span | None = None
    for piece in pieces:
        if has_date(piece):
            start = waiting.start if waiting is not None else piece.start
            groups.append(Span(piece.block, start, piece.end))
            waiting = None
        elif groups and not has_trigger(groups[-1]) and waiting is None:
            groups[-1] = Span(piece.block, groups[-1].start, piece.end)
        else:
            waiting = Span(piece.block, waiting.start if waiting else piece.start, piece.end)
    if waiting is not None and groups:
        groups[-1] = Span(groups[-1].block, groups[-1].start, waiting.end)
    return groups or pieces


def _years_listed(dates: list[DateMatch], text: str) -> list[DateMatch]:
    """"In den Jahren 2007, 2010 und 2013 wurde jeweils …": in a sentence that says each year
    had its occasion, two years joined by "und" are two dates, not a span (but "zwischen 1995
    und 2003" is one); "In den Jahren 2007 und 2008 gab es regelmäßige Arbeitsbesuche" dates
    no occasion."""
    found = []
    for date_match in dates:
        value = date_match.value
        if value.end is not None and value.start.month is None and value.end.month is None \
                and re.search(r"\d\s+und\s+\d", value.text) \
                and not re.search(r"(?i)zwischen\s+$", text[max(0, date_match.start - 20):
                                                            date_match.start]):
            found += [DateMatch(DateValue(value.start, text=value.text), date_match.start,
                                date_match.end),
                      DateMatch(DateValue(value.end, text=value.text), date_match.start,
                                date_match.end)]
        else:
            found.append(date_match)
    return found


def _one_list(dated: list[DateMatch], text: str) -> bool:
    """Years in one list ("2007, 2010 und 2013"): one clause's occasions, each in its year."""
    return all(d.value.start.month is None for d in dated) and all(
        b.start <= a.end or re.fullmatch(r"\s*(?:,|und)\s*", text[a.end:b.start])
        for a, b in pairwise(dated))


def _counts(date_match: DateMatch, text: str) -> bool:
    """A date of an occasion: not a span of years ("für die Jahre 2023 bis 2025", "in den
    1980er Jahren"), nor the start of a state of affairs ("seit März 2021 bestehende …")."""
    value = date_match.value
    opening = OPENING_PLACE.fullmatch(text, 0, date_match.start)
    if opening is not None and not opening["comma"] and value.one_day:
        return False  # "Beispielstadt 07.02.2031 Die Ministerin hat …": the date of issue
    if _PAPERS_DATE.search(text, max(0, date_match.start - 40), date_match.start):
        return False  # "Drucksache 7/222 08.08.2016 (Ausgegeben am 09.08.2016)": the paper's
    before = text[max(0, date_match.start - 20):date_match.start]
    if re.search(r"\bseit(?:\s+(?:dem|der|den))?(?:\s+Jahre?n?)?\s*$|\bfür\s+(?:die\s+Jahre|"
                 r"den\s+Zeitraum)\s*$", before, re.I):
        return False
    clause = _date_clause(text, date_match)
    if _ANNIVERSARY_FALLS.search(clause) or _ANNIVERSARY_CLAUSE.match(clause):
        return False  # "dessen Unterzeichnung sich am 22. Januar 2031 zum fünften Mal jährt"
    if _NAMES_A_DOCUMENT.search(before) or \
            _NAMES_AN_INSTRUMENT.search(text, max(0, date_match.start - 200), date_match.start) or \
            _QUALIFIES_AN_INSTRUMENT.match(text, date_match.end):
        return False  # "der auf dem Vertrag von 2001 aufbauende …": the date names a document
    spans_years = value.end is not None and value.start.month is None and \
        value.start.year != value.end.year
    return not spans_years


# The date of a parliamentary paper in its header: "Drucksache 21/6321 21. Wahlperiode 18.10.16",
# "Drucksache 7/222 08.08.2016 (Ausgegeben am 09.08.2016)", "eingegangen am …".
_PAPERS_DATE = re.compile(r"(?:\b(?:Drucksache|Drs\.)\s*\d+\s*/\s*\d+|\bWahlperiode|"
                          r"\b(?:[Aa]usgegeben|[Ee]ingegangen|übersandt|[Vv]erteilt)\s+am)\s*$")


# The day an anniversary falls on is no occasion: "… sich am 3. Mai 2031 zum zehnten Mal jährt",
# "jährte sich 2031 zum 25. Mal".
_ANNIVERSARY_FALLS = re.compile(r"(?<!\w)jährt(?:e|en)?\b")
# … and a relative clause on an anniversary dates that anniversary, not the occasion of the
# clause it hangs on: "…, deren 25-jähriges Jubiläum wir in diesem Jahr noch feiern dürfen".
_ANNIVERSARY_CLAUSE = re.compile(r"\s*(?:deren|dessen)\b[^,;]*?(?:Jubiläum|Jahrestag|"
                                 r"Geburtstag|Bestehen)\b")
# A date that names a document or act: "der Vertrag von 2031", "das Gesetz vom 3. Mai 2031".
_NAMES_A_DOCUMENT = re.compile(r"(?:[Vv]ertrag|[Vv]ertrages|[Aa]bkommen|[Gg]esetz|[Gg]esetzes)\s+"
                               r"vo[mn]\s+$")


# An instrument named by its date: "die bisherige Erklärung zur Zusammenarbeit von 1994", "der
# gemeinsamen Erklärung … vom 5. Dezember 2031", "eine gemeinsame Erklärung … aus dem Jahr 2008".
_NAMES_AN_INSTRUMENT = re.compile(
    r"(?:[Ee]rklärung|[Vv]ereinbarung|[Aa]bkommens?|[Mm]emorandum|[Aa]ktionsplan|[Vv]ertrags?)"
    r"(?:e[ns]?|en)?(?:\s+(?:zur|zum|über|zwischen|des|der|mit)\b[^.;:]{0,140}?)?"
    r"\s+(?:vo[mn]|aus\s+dem\s+Jahre?)\s+$")
# A date between an article and a participle that names the instrument ("im Einklang mit der im
# November 2031 unterzeichneten Absichtserklärung"): no occasion of its own sentence.
_QUALIFIES_AN_INSTRUMENT = re.compile(
    r"\s+(?:unterzeichnete|geschlossene|abgeschlossene|vereinbarte|verfasste)[nrms]?\s+"
    r"(?:[a-zäöü]\w*\s+)?\w*(?:[Ee]rklärung|[Vv]ereinbarung|[Aa]bkommen|[Vv]ertrag|"
    r"[Mm]emorandum|[Aa]ktionsplan)")


def _date_clause(text: str, date_match: DateMatch) -> str:
    """The clause around a date: from the comma, semicolon or full stop before it to the one
    after it (the dot of a day's date ends nothing)."""
    stop = r"[,;]|(?<!\d)\.(?!\d)"
    start = max([0] + [m.end() for m in re.finditer(stop, text[:date_match.start])])
    end = re.compile(stop).search(text, date_match.end)
    return text[start:end.start() if end else len(text)]


def _prose_event(facts: BlockFacts, sentence: Span, pieces: list[Span], date_match: DateMatch,
                 setting: Setting, section: Section | None) -> EventRecord | None:
    piece = next((p for p in pieces if p.start <= date_match.start < p.end), sentence)
    found = _trigger_for(piece, sentence, date_match, setting)
    if found is None or not _in_prose(found[0], setting):
        return None
    event_type, trigger_at = found
    own = facts.within(piece)
    if len(pieces) > 1 and trigger_at < piece.start:
        opening = next((p for p in pieces if p.start <= trigger_at < p.end), piece)
        piece = Span(sentence.block, opening.start, piece.end)
    scope = facts.within(piece)
    whole = facts.within(sentence)
    # "am 1. Mai … die Region A sowie am 2. Juni … die Region B": the event word is the
    # first clause's, the partners are the date's own clause's where it names any
    partners = own.event_partners() or scope.event_partners() or \
        (whole.event_partners() if len(pieces) > 1 else [])
    if not partners and DOMESTIC_CONFERENCE.fullmatch(
            _trigger_word(sentence.block.text, trigger_at)):
        return None  # "Die Verkehrsministerkonferenz hat am …": the Länder's, no partner's
    agreements = _section_agreements(section, partners)
    if section:
        partners = _merge_parties(partners, [p for key in agreements
                                             for p in section.agreement_partners.get(key, [])])
    elif not partners and setting.partner:
        partners = [setting.partner]
    partners = partners or scope.foreign_parties()
    if not partners and is_city_state(setting):  # a city-state's partners are cities
        partners = partner_cities(piece, scope, setting)
    if not partners:
        return None  # an occasion with no foreign party is not a partnership's event
    ministries = _ministries(scope) or _only_ministry(whole)
    event = _event(event_type, piece.text.strip(), piece, scope, date_match, ministries,
                   partners, setting, agreements=tuple(agreements),
                   planning_text=sentence.text)
    event.trigger = _trigger_word(sentence.block.text, trigger_at)
    return event


def _trigger_word(text: str, position: int) -> str:
    match = re.match(r"[\w-]+", text[position:])
    return match.group().lower() if match else ""


def _trigger_for(piece: Span, sentence: Span, date_match: DateMatch,
                 setting: Setting) -> tuple[str, int] | None:
    """The event word of a date's clause; else the nearest one before it in the sentence.
    Only types a sentence can state count; a clause that says an agreement was signed or
    extended is a signing or extension, whatever else it names first ("Zum Jubiläum … haben
    … unterschrieben")."""
    types = [c for c in setting.registers.event_types if c.in_prose]
    told = sentence.text  # with what follows an ordinal the sentence ends at ("das 25. …")
    if re.search(r"\d\.\s*$", told):
        told += re.split(r"(?<!\d)[.!?](?:\s|$)", sentence.block.text[sentence.end:],
                         maxsplit=1)[0]
    celebrated = _CELEBRATED.search(told) is not None
    text = piece.text if celebrated else _ANNIVERSARY.sub(_blank, piece.text)
    signing = _agreement_action(text, setting)
    if signing:
        return signing[0], piece.start + signing[1]
    found = first_trigger(text, types)
    if found:
        return found[0].key, piece.start + found[1]
    before = sentence.block.text[sentence.start:date_match.start]
    before = before if celebrated else _ANNIVERSARY.sub(_blank, before)
    candidates = [(c, m.start()) for c in types if c.pattern
                  for m in c.pattern.finditer(before)]
    if not candidates:
        return None
    concept, position = max(candidates, key=lambda item: (item[1], -item[0].order))
    return concept.key, sentence.start + position


# An anniversary is no occasion by itself ("Anlässlich des 20-jährigen Jubiläums betonte …",
# "2018 wird das 60. Jubiläum … einen Schwerpunkt bilden", "das Jubiläumsjahr 2019"): only one
# the sentence says was celebrated ("… wurde das Jubiläum … begangen", "feiern wir das
# Jubiläum") or another event word of the sentence makes an occasion.
_ANNIVERSARY = re.compile(r"(?<!\w)Jubiläum(?:s|en)?(?:jahr\w*)?(?!\w)")
_CELEBRATED = re.compile(r"\b(?:gefeiert|feier(?:n|t|te|ten)|feierlich\w*|begangen|beging(?:en)?|"
                         r"gewürdigt|würdig(?:en|t|te|ten))\b")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _agreement_action(text: str, setting: Setting) -> tuple[str, int] | None:
    """A signing or extension type, where the text also names a kind of agreement."""
    if not occurs(kind_patterns(setting.registers), text):
        return None
    actions = [c for c in setting.registers.event_types if c.agreement_action]
    found = first_trigger(text, actions)
    return (found[0].key, found[1]) if found else None


def _in_prose(event_type: str, setting: Setting) -> bool:
    """Programmes, patronage and answered inquiries are table-row activities, not occasions."""
    return any(c.key == event_type and c.in_prose for c in setting.registers.event_types)


def _section_agreements(section: Section | None, partners: list[PartyRef]) -> list[str]:
    if section is None or not section.agreements:
        return []
    if len(section.agreements) == 1:
        return list(section.agreements)
    keys = {p.key for p in partners}
    named = [a for a in section.agreements
             if keys & {p.key for p in section.agreement_partners.get(a, [])}]
    return named or list(section.agreements)


def _merge_parties(first: list[PartyRef], second: list[PartyRef]) -> list[PartyRef]:
    merged = {(p.kind, p.key): p for p in first}
    for party in second:
        merged.setdefault((party.kind, party.key), party)
    return list(merged.values())


def _ministries(scope: SpanFacts) -> tuple[MinistryRef, ...]:
    """The ministries the text names as actor or host, else the first Land official's."""
    named = tuple(dict.fromkeys(m for m, _, _ in scope.ministries))
    if named:
        return named
    for mention in sorted(scope.mentions(), key=lambda item: item[1]):
        post_scope = mention[0].scope
        if post_scope is not None and post_scope.ministry is not None:
            return (post_scope.ministry,)
    return ()


def _only_ministry(whole: SpanFacts) -> tuple[MinistryRef, ...]:
    """A sentence of several occasions lends its ministry to each only when it names one."""
    named = _ministries(whole)
    return named if len(named) == 1 else ()


def _event(event_type: str, description: str, span: Span, scope: SpanFacts,
           date_match: DateMatch | None, ministries: tuple[MinistryRef, ...],
           partners: list[PartyRef], setting: Setting, agreements: tuple[str, ...],
           planning_text: str = "") -> EventRecord:
    value = date_match.value if date_match else None
    complete = value is not None and value.complete
    return EventRecord(
        event_type=event_type, description=description, passage=span.passage(setting.file),
        date=value if complete else None,
        date_text=value.text if value is not None and not complete else None,
        planned=_planned(planning_text or span.text, value, setting.reference),
        ministries=ministries,
        participants=tuple(p for p, _, _ in scope.persons),
        posts=tuple(p for p, _, _ in scope.posts),
        partners=tuple(partners), places=tuple(dict.fromkeys(p for p, _, _ in scope.places)),
        agreements=agreements)


# "…, die in diesem Jahr … aktualisiert werden soll": the occasion is still to come (the
# instrument the clause names exists; only the event is planned).
_TO_BE_DONE = re.compile(r"\b\w+ werden soll(?:en)?\b")


def _planned(text: str, value: DateValue | None, reference: dt.date | None) -> bool:
    if PLANNING.search(text) or _TO_BE_DONE.search(text):
        return True
    return bool(value and value.complete and reference and value.earliest > reference)


def _join_participants(event: EventRecord, within: SpanFacts) -> None:
    known = {(p.family, p.given) for p in event.participants}
    persons: list[PersonMention] = [p for p, _, _ in within.persons
                                    if (p.family, p.given) not in known]
    posts: list[PostMention] = [p for p, _, _ in within.posts]
    event.participants = event.participants + tuple(persons)
    event.posts = event.posts + tuple(posts)
    event.places = event.places + tuple(p for p, _, _ in within.places
                                        if p not in event.places)


def _without_restatements(events: list[EventRecord]) -> list[EventRecord]:
    """"In diesem Jahr fand der Expertenaustausch … vom 25.-27. September 2023 statt": an event
    stated with a year only is dropped where the same text states one by the same word more
    precisely within that year."""
    def covered(event: EventRecord) -> bool:
        if event.date is None or event.date.start.month is not None:
            return False
        return any(other is not event and other.event_type == event.event_type
                   and other.trigger == event.trigger and other.date is not None
                   and other.date.start.month is not None
                   and other.date.start.year == event.date.start.year
                   and other.planned == event.planned for other in events)
    return [e for e in events if not covered(e)]
