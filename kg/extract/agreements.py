"""Agreements: from headings ("<kind> … zwischen … (<date>)"), from sentences and rows where an
instrument is signed, concluded, renewed or extended, and from "jeweils eine <kind>" after a
list of partners."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from kg import namespaces as ns
from kg.dates import WEEKDAYS, DateValue, PartialDate, find_dates
from kg.extract.analysis import BlockFacts, Setting, SpanFacts
from kg.extract.cues import (
    AGREEMENT_ACTION,
    ANNIVERSARY,
    CONTINUATION,
    EACH_AGREEMENT,
    EXTENSION_ACTION,
    HEARSAY,
    NOT_EXACT_YEARS,
    NUMBER_WORD_PATTERN,
    NUMBER_WORDS,
    OF_CITIES,
    OTHER_BODY,
    OWN_GOVERNMENT,
    PASSIVE,
    PAST_OCCASION,
    PLANNED_LINE,
    PLANNING,
    RELEASE_DATELINE,
    SIGNING,
)
from kg.extract.partner_cities import cities_that_are_regions, is_city_state, partner_cities
from kg.extract.scan import any_of, occurs
from kg.extract.territories import countries_of_unnamed_regions
from kg.extract.text import Span
from kg.records import AgreementRecord, MinistryRef, PartyRef
from kg.registers import Concept, Registers

_SIGNING = SIGNING  # mappings/signing-words.txt
# An instrument named as the frame of what the sentence reports: it exists, undated.
_BASIS = re.compile(r"(?:[Ii]m Rahmen|[Aa]uf (?:der )?(?:Grundlage|Basis)|[Gg]emäß|[Ii]n Umsetzung|"
                    # "Die Partnerschaft … basiert auf der Gemeinsamen Erklärung …"
                    r"(?:basiert|basierte|beruht|beruhte|fußt|fußte)\s+auf|"
                    r"(?:[Zz]ur|[Ii]n der) (?:Umsetzung|Verwirklichung))"
                    # "auf der Grundlage unserer be-stehenden Charta": a possessive, a word
                    # broken at a hyphen where the page's line once ended
                    r"\s+(?:(?:der|des|einer|eines|unserer|unseres|ihrer|ihres|seiner|seines)"
                    r"\s+(?:\w+(?:-\w+)?\s+)?|von\s+)$")
# "In der neuesten Vereinbarung über … haben Land und Region …": an instrument in force.
_IN_FORCE = re.compile(r"(?<!\w)[Ii]n\s+(?:der|dem)\s+(?:neuesten|jüngsten|aktuellen|geltenden|"
                       r"derzeit\s+geltenden)\s+$")
# "mit A und B durch Partnerschaftsvereinbarungen verbunden": instruments that bind the Land.
_BY_MEANS_OF = re.compile(r"(?<!\w)durch\s+(?:(?:eine|einen|ein|die|den)\s+)?(?:[a-zäöüß]\w*\s+)?$")
_BOUND = re.compile(r"\s+(?:miteinander\s+|eng\s+)?verbunden\b")


# "Auf der Grundlage unserer bestehenden Charta …": the speaker's own instrument, in the
# Land's document the Land's, whoever the cooperation on its basis is between.
_OURS = re.compile(r"(?<!\w)[Uu]nser(?:e|er|es|em|en)?\s+(?:\w+(?:-\w+)?\s+)?$")


def _bound_by(text: str, kind: KindMatch) -> bool:
    return _BY_MEANS_OF.search(text[:kind.start]) is not None and \
        _BOUND.match(text, kind.end) is not None


_AFTER_SINCE = re.compile(r"(?<!\w)[Ss]eit\s+(?:dem\s+)?$")
# "Seit der Gründung der Regionen im Jahr 2031 hat sich …": a date inside a phrase of "seit"
# dates the start of something else, no occasion a later signing took place at.
_IN_SINCE_PHRASE = re.compile(r"(?<!\w)[Ss]eit\s+(?:de[rmn]|die|das|ihre[rmn]?|seine[rmn]?|"
                              r"unsere[rmn]?)\s+[^.;:,!?]{0,80}$")
# A signing announced, not made: "werden … am kommenden Donnerstag eine Erklärung
# unterzeichnen", "will … schließen", "reist nach A, um eine Vereinbarung zu unterzeichnen".
_SIGN_VERB = r"(?:unterzeichnen|unterschreiben|abschließen|schließen|eingehen|besiegeln|erneuern)"
_PLANNED_SIGNING = re.compile(
    rf"\b(?:wird|werden|will|wollen|möchte|möchten|soll|sollen)\b[^.;]*?\b{_SIGN_VERB}\b"
    rf"(?!\s+(?:hat|haben|wurde))"
    rf"|\bzu\s+{_SIGN_VERB}\b|\bunterzeichnen\s+zu\s+lassen\b"
    # "Unterzeichnet werden soll zudem eine Erklärung …": the participle first, then the plan
    rf"|\b(?:[Uu]nterzeichnet|[Uu]nterschrieben|[Gg]eschlossen|[Aa]bgeschlossen|[Bb]esiegelt|"
    rf"[Ee]rneuert)\s+werden\s+(?:soll|sollen|wird|werden|kann|können|muss|müssen)\b"
    # "Dabei soll eine gemeinsame Absichtserklärung zum Thema … unterzeichnet werden": a modal
    # of the present with the passive infinitive, however far apart, tells a signing to come
    rf"|\b(?:soll|sollen|will|wollen|kann|können|muss|müssen)\b[^.;]*?\b(?:unterzeichnet|"
    rf"unterschrieben|geschlossen|abgeschlossen|besiegelt|erneuert)\s+werden\b"
    # "Geplant ist die Unterzeichnung …", "Vorgesehen ist …": the planning word opens the sentence
    rf"|^\s*(?:Geplant|Vorgesehen|Beabsichtigt)\b"
    # "Die Unterzeichnung des Vertrages findet im Rathaus statt": told in the present, to come
    rf"|\bUnterzeichnung\b[^.;]*?\b(?:findet|finden)\b[^.;]*?\bstatt\b"
    rf"|\b(?:findet|finden)\b[^.;]*?\bUnterzeichnung\b[^.;]*?\bstatt\b"
    # "Die Erklärung wird am 4. Mai von … unterzeichnet": the passive of the present, to come
    rf"|\b(?:wird|werden)\b(?:[^.;]|(?<=\d)\.)*?\b(?:unterzeichnet|unterschrieben|abgeschlossen|"
    rf"besiegelt)\b"
    rf"(?!\s+(?:worden|haben|hat|wurde|wurden)\b)"
    # "Der Staatssekretär reist heute zur Unterzeichnung einer Absichtserklärung nach A": a trip
    # told in the present for the signing, as "reist nach A, um … zu unterzeichnen"
    rf"|\b(?:reist|reisen|fährt|fahren|fliegt|fliegen)\b(?:[^.;]|(?<=\d)\.)*?\bzur\s+"
    rf"Unterzeichnung\b")
# A past the sentence names makes its present a historic one ("Vor mehr als 25 Jahren:
# Gemeinsame Erklärung … wird unterzeichnet"): no announcement.
_HISTORIC = re.compile(r"(?<!\w)(?:[Vv]or\s+(?:(?:mehr\s+als|über|fast|knapp|genau)\s+)?"
                       r"(?:\d{1,3}|\w+)\s+Jahren|[Dd]amals|(?:19|20)\d\d)(?!\w)")
# What a past occasion was for happened: "Am Mittwoch empfing der Ministerpräsident …, um die
# Vereinbarung zu erneuern" (not "reist nach A, um … zu unterzeichnen").
_PAST_PURPOSE = re.compile(rf"\b{PAST_OCCASION.pattern}\b[^.;]*?,\s+um\s+[^.;]*$")


def _signing_clauses(text: str, action: re.Match[str] | None) -> str:
    """The part of a sentence that can announce its signing: without the clauses after ";"
    that do not tell of it ("… unterzeichneten eine Erklärung; ein Gegenbesuch ist geplant")."""
    if action is None or ";" not in text:
        return text
    parts = text.split(";")
    kept, position = [], 0
    for part in parts:
        if position <= action.start() < position + len(part) + 1 or AGREEMENT_ACTION.search(part):
            kept.append(part)
        position += len(part) + 1
    return ";".join(kept)


_QUOTED = re.compile(r"„[^“”]*[“”]|»[^«]*«|\"[^\"]*\"")


@cache
def _topic_patterns(registers: Registers) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each topic's pattern as a whole word, with a plural or genitive ending."""
    return tuple((c.key, re.compile(rf"{c.pattern.pattern}(?:s|es|n|en)?(?![\w])"))
                 for c in registers.topics if c.pattern is not None)


def _topic_matches(text: str, registers: Registers) -> list[tuple[str, list[re.Match[str]]]]:
    """Each topic's matches, as its own `finditer` finds them; one scan of their alternation
    finds the places where any matches, and only there each is tried (topic words are rare)."""
    patterns = _topic_patterns(registers)
    joined = any_of(tuple(p for _, p in patterns))
    if joined is None:
        return [(key, list(p.finditer(text))) for key, p in patterns]
    found: list[list[re.Match[str]]] = [[] for _ in patterns]
    free = [0] * len(patterns)  # where each topic's next match may start (after its last)
    place = joined.search(text)
    while place is not None:
        start = place.start()
        for index, (_, pattern) in enumerate(patterns):
            if free[index] <= start and (match := pattern.match(text, start)):
                found[index].append(match)
                free[index] = max(match.end(), start + 1)
        place = joined.search(text, start + 1)
    return [(key, matches) for (key, _), matches in zip(patterns, found, strict=True)]


def _outside_quotes(text: str, registers: Registers) -> str:
    """What a quotation announces ("„… die Partnerschaft zu erneuern“, sagte A nach der
    Unterzeichnung der Vereinbarung") is not what the narrator reports outside it, where the
    instrument and its signing stand outside."""
    outside = _QUOTED.sub(" ", text)
    if outside != text and AGREEMENT_ACTION.search(outside) and kinds_in(outside, registers):
        return outside
    return text


# A piece of text every match of _PLANNED_SIGNING holds (a verb of signing, a participle, the
# planning word, "Unterzeichnung"): a sentence with none of them announces no signing.
_PLANNED_SIGNING_PIECES = ("unterzeichnen", "unterschreiben", "schließen", "eingehen",
                           "besiegeln", "rneuer", "nterzeichnet", "nterschrieben", "eschlossen",
                           "esiegelt", "Geplant", "Vorgesehen", "Beabsichtigt", "Unterzeichnung")


def _announced(text: str) -> bool:
    """A signing the sentence announces, not one a past occasion was for."""
    if not any(piece in text for piece in _PLANNED_SIGNING_PIECES):
        return False
    return any((not _PAST_PURPOSE.search(text[:m.start()])
                or not re.search(r"\bzu\s+\w+\W*$", text[:m.end()]))
               and not (_PASSIVE_TO_COME.match(m.group()) and _HISTORIC.search(text))
               for m in _PLANNED_SIGNING.finditer(text))


_PASSIVE_TO_COME = re.compile(r"(?:wird|werden)\b(?:[^.;]|(?<=\d)\.)*\b"
                              r"(?:unterzeichnet|unterschrieben|abgeschlossen|besiegelt)$")


# An instrument by which something is renewed is a new one, of the renewal's date: "ihre
# Partnerschaft am 3. Mai 2017 mit einer neuen Gemeinsamen Erklärung erneuert", also in the
# accusative after "durch" ("die 2010 durch eine gemeinsame Erklärung erneuert worden ist").
_MEANS = re.compile(r"\b(?:[Mm]it|[Dd]urch)\s+(?:der\s+Unterzeichnung\s+)?"
                    r"(?:einer|einem|eines|eine|ein|einen)\s+(?:neuen\s+|weiteren\s+)?$")
# Between an instrument and a kind that is its subject: "Vereinbarung über (eine) …".
_SUBJECT = re.compile(r"\s+(?:über|zur|zum|zu|für)\s+(?:(?:die|den|der|eine|einer|einen)\s+)?"
                      r"(?:[a-zäöüß]\w*\s+)?"
                      # "Kommuniqué über die Zukunft der …", "Erklärung zur Vertiefung der …"
                      r"(?:[A-ZÄÖÜ]\w+\s+(?:der|des|unserer|ihrer)\s+(?:[a-zäöüß]\w*\s+)?)?")
_TITLE_DATE = re.compile(r"\s+vom\s+(?P<date>\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)\s*\d{4})"
                         r"\s*$")
_HEADING_DATE = re.compile(r"\((?P<date>[^()]*\d{4}[^()]*)\)\s*")


@dataclass(frozen=True)
class KindMatch:
    concept: Concept
    start: int
    end: int


def kinds_in(text: str, registers: Registers) -> list[KindMatch]:
    """Kinds of agreement named in a text, longest match at each place."""
    return list(_kinds_in(text, registers))


@lru_cache(maxsize=1024)
def _kinds_in(text: str, registers: Registers) -> tuple[KindMatch, ...]:
    """Remembered: a block's text is asked about its kinds several times over."""
    if not occurs(kind_patterns(registers), text):
        return ()
    found = []
    for concept in registers.agreement_kinds:
        if concept.pattern:
            found += [KindMatch(concept, m.start(), m.end())
                      for m in concept.pattern.finditer(text)]
    chosen: list[KindMatch] = []
    for match in sorted(found, key=lambda k: (k.start, -(k.end - k.start))):
        if any(c.start < match.end and match.start < c.end for c in chosen):
            continue
        if chosen and _SUBJECT.fullmatch(text[chosen[-1].end:match.start]):
            continue  # "Vereinbarung über Regionalpartnerschaft": what the instrument is about
        if chosen and re.fullmatch(r"(?:(?!\bmit\b)[^().;]){0,60}\(\s*",
                                   text[chosen[-1].end:match.start]):
            continue  # "Vereinbarung über die Zusammenarbeit (Memorandum of Understanding)"
        chosen.append(match)
    return tuple(chosen)


@cache
def kind_patterns(registers: Registers) -> tuple[re.Pattern[str], ...]:
    """The kinds' patterns: whether any occurs (most texts name none) is one scan (`occurs`)."""
    return tuple(c.pattern for c in registers.agreement_kinds if c.pattern)


def heading_end(text: str, registers: Registers) -> int | None:
    """Where an agreement heading at the start of a block ends (after its "(date)"), if any."""
    kinds = kinds_in(text[:80], registers)
    if not kinds or kinds[0].start > 25:
        return None
    for match in _HEADING_DATE.finditer(text):
        if not find_dates(match["date"]):
            continue
        if match.start() > 600 or re.search(r"\w{3}[.!?]\s+[A-ZÄÖÜ]", text[:match.start()]):
            return None  # a sentence ended before it: prose, whose parenthesis dates else
        return match.end()
    return None


def is_declaration_heading(text: str, registers: Registers) -> bool:
    """A declaration's own title ("Gemeinsame Absichtserklärung zwischen …"), without a date."""
    kinds = kinds_in(text[:60], registers)
    return bool(kinds) and kinds[0].start <= 5 and " zwischen " in text and len(text) < 400 \
        and not text.rstrip().endswith(".")


# A region a line names as where the instrument applies or what it creates ("Vereinbarung
# zur Zusammenarbeit in der Region A", "Vereinbarung zur Errichtung der Region A"): no party.
NOT_A_PARTY = re.compile(r"(?<!\w)(?:in|zur\s+(?:Errichtung|Gründung|Einrichtung))\s+"
                          r"(?:de[rmn]|die|das)\s+(?:Region\s+)?$")


def from_heading(within: SpanFacts, setting: Setting, key: str) -> AgreementRecord | None:
    """The agreement a heading names: its wording is the title, its parenthesis the date."""
    text = within.span.text
    date_match = None
    for candidate in _HEADING_DATE.finditer(text):
        if find_dates(candidate["date"]):
            date_match = candidate
    if date_match is None:  # "Gemeinsame Erklärung über … zwischen A und B vom 03.09.1999"
        trailing = _TITLE_DATE.search(text)
        date_match = trailing if trailing and find_dates(trailing["date"]) else None
    title = re.sub(r"\s+", " ", text[:date_match.start()] if date_match else text).strip()
    kinds = kinds_in(title, setting.registers)
    partners = _partners(within)
    if not partners or not kinds or PLANNED_LINE.search(text):  # "(geplant für 2031)"
        return None
    dates = find_dates(date_match["date"]) if date_match else []
    signed = dates[0].value if dates and dates[0].value.complete else None  # no year: no date
    return AgreementRecord(local_key=key, title=title, kind=kinds[0].concept.key,
                           land=setting.land, partners=tuple(partners),
                           passage=within.span.passage(setting.file),
                           date=signed,
                           ministry=within.ministries[0][0] if within.ministries else None)


def _partners(within: SpanFacts, after: int | None = None,
              until: int | None = None) -> list[PartyRef]:
    """Foreign parties (those named after the kind of instrument, where there are any, up to
    `until`); an organisation named right after its country carries that country."""
    text = within.span.block.text
    parties = [f for f in within.parties if f.ref.kind != "land" and f.ref.key != "DE"
               and (until is None or f.start < until) and not _qualifies_a_place(text, f, within)
               and not in_a_title(text, f.start)]
    if after is not None and any(f.start >= after for f in parties):
        parties = [f for f in parties if f.start >= after]
    result: list[PartyRef] = []
    for index, found in enumerate(parties):
        following = parties[index + 1] if index + 1 < len(parties) else None
        if found.ref.kind == "country" and following and following.ref.kind == "organisation" \
                and following.start - found.end <= 3:
            continue
        ref = found.ref
        before = parties[index - 1] if index > 0 else None
        if ref.kind == "organisation" and ref.country is None and before is not None and \
                before.ref.kind == "country" and found.start - before.end <= 3:
            ref = PartyRef(ref.kind, ref.key, ref.label_de, ref.label_en,
                           country=before.ref.key, registered=ref.registered)
        if all(r.key != ref.key for r in result) and not _own_government(ref, within):
            result.append(ref)
    qualified = {p.key for p in within.foreign_parties()}
    return [r for r in result if r.kind != "country" or r.key in qualified]


# "Bevollmächtigte beim Bund, der Europäischen Union und für …": a body named in the title of
# an official's post, up to the party, in capitalised words, articles and prepositions only.
_TITLE_LEAD = re.compile(r"(?<!\w)(?:Bevollmächtigt|Beauftragt)\w*(?P<gap>(?:[\s,]+(?:beim|bei|für|"
                         r"der|die|dem|den|des|und|sowie|[A-ZÄÖÜ][\w-]*))*)[\s,]+$")


def in_a_title(text: str, start: int) -> bool:
    """A body named in the title of an official's post ("Hamburgs Bevollmächtigte beim Bund,
    der Europäischen Union und für auswärtige Angelegenheiten") is no party of what the
    official signs."""
    return _TITLE_LEAD.search(text[max(0, start - 80):start]) is not None


# "Beispielstadt/Musterstadt (Provinz Nordufer)", "Ort (Stadtbezirk von A, Provinz B)": a region in
# brackets after a place that is no party of its own (a city) says where that place lies.
_AFTER_PLACE = re.compile(r"(?P<word>[A-ZÄÖÜ][\w-]+)\s*\((?:[^()]{0,60}[,\s])?$")
# "drei Regionalpartnerschaften (A/Land, B)", "Partnerregionen (A, B)": a bracket after a word
# of partners lists them; it does not say where a place lies.
_LISTING_WORD = re.compile(r"(?i)partner|kooperation|(?:regionen|provinzen|woiwodschaften|"
                           r"länder|staaten)$")


def _qualifies_a_place(text: str, found, within: SpanFacts) -> bool:
    """A region in brackets after a city's name is that city's region, not a party; so is a
    country in brackets after a place the text names with "in" ("in Beispielstadt
    (Nachbarland)")."""
    before = text[max(0, found.start - 80):found.start]
    match = _AFTER_PLACE.search(before)
    if match is None or found.ref.kind not in {"region", "country"} or \
            _LISTING_WORD.search(match["word"]):
        return False
    bracket = found.start - (len(before) - before.rindex("("))
    if found.ref.kind == "country" and not _IN_PLACE.search(text[max(0, bracket - 60):bracket]):
        return False
    return not any(other.end <= bracket and bracket - other.end <= 2 for other in within.parties)


# "in Beispielstadt (", "im polnischen Musterort (": a place the sentence says where things happen.
_IN_PLACE = re.compile(r"\b(?:in|im|nach|aus)\s+(?:[a-zäöü]\w*\s+)?[A-ZÄÖÜ][\w-]+\s*$")


def without_context_countries(partners: list[PartyRef]) -> list[PartyRef]:
    """A country named beside one of its own regions ("eine italienische Delegation der
    Region A") is the region's context, not a party of its own."""
    regions_of = {p.country for p in partners if p.kind == "region"}
    return [p for p in partners if p.kind != "country" or p.key not in regions_of]


# "die Region im Norden Frankreichs", "einer Provinz der Volksrepublik China": a region named
# by its kind and its place only; the country places it and is no party.
_PLACED = re.compile(r"(?P<word>[A-ZÄÖÜ]\w+)\s+(?:(?:im|in der)\s+(?:äußersten\s+)?(?:Norden|Süden|"
                     r"Osten|Westen|Nordosten|Nordwesten|Südosten|Südwesten|Zentrum|Herzen|Mitte)"
                     r"|der|des)\s+(?:Volksrepublik\s+|Republik\s+)?$")


def placing_countries(within: SpanFacts, registers: Registers) -> set[str]:
    """Countries named only as where an unnamed region lies ("die Region im Norden
    Frankreichs"): the region is the one the paragraph named before, not the country. The
    word before must be a kind of region the register knows (not "Regierung der Republik")."""
    text = within.span.block.text
    placed = set()
    for found in within.parties:
        match = _PLACED.search(text[max(0, found.start - 60):found.start])
        if found.ref.kind == "country" and match and \
                registers.region_kind_of_word(match["word"]) is not None:
            placed.add(found.ref.key)
    return placed


@cache
def _regions_again(registers: Registers) -> re.Pattern[str]:
    words = sorted({w for k in registers.region_kinds.values() for w in k.words
                    if w.endswith("en")}, key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in words)
    return re.compile(r"(?<![\w-])(?:die|den|der|diese[nr]?|alle[nr]?|beide[nr]?)\s+"
                      rf"(?:[a-zäöüß]+\s+){{0,2}}(?:{alternation})(?![\w-])")


def regions_referred_back(facts: BlockFacts, sentence: Span,
                          registers: Registers) -> list[PartyRef]:
    """"Dazu haben Muster und die Kommissare ... für die beteiligten Provinzen eine
    Absichtserklärung unterzeichnet": a plural word of the regions' kind with an article, in a
    sentence that names no region, refers back to the regions the paragraph named before, all
    of them (two at least; one is `one_party_before`'s)."""
    if not _regions_again(registers).search(sentence.text) or \
            any(f.ref.kind == "region" for f in facts.within(sentence).parties):
        return []
    earlier = [r for r in facts.regions_before(sentence.start) if r.country != "DE"]
    return earlier if len(earlier) > 1 else []


def unplaced(within: SpanFacts, registers: Registers) -> list[PartyRef]:
    """The sentence's foreign parties, without countries that only place an unnamed region:
    the partner an unnamed instrument falls back to."""
    placed = placing_countries(within, registers)
    text = within.span.block.text
    titled = {f.ref.key for f in within.parties if in_a_title(text, f.start)}
    return [p for p in within.foreign_parties() if p.key not in placed and p.key not in titled]


def region_for_its_adjective(partners: list[PartyRef], within: SpanFacts,
                             earlier: Sequence[PartyRef],
                             registers: Registers) -> list[PartyRef]:
    """"… die Beziehungen zur Woiwodschaft A ausbauen. … nach der Unterzeichnung einer
    Absichtserklärung mit dem xyzischen Marschall B": a country the sentence names only by its
    adjective (where a person or body comes from) stands for the one region of that country
    the paragraph named before, not for the country. So does a country whose region the
    sentence speaks of unnamed ("… mit der Ukraine … mit einer ukrainischen Oblast")."""
    result: list[PartyRef] = []
    span = within.span
    unnamed = countries_of_unnamed_regions(span.block.text[span.start:span.end],
                                           registers)
    for partner in partners:
        mentions = [f for f in within.parties if f.ref.key == partner.key]
        regions = {r.key: r for r in earlier if r.kind == "region" and r.country == partner.key}
        if partner.kind != "country" or not mentions or len(regions) != 1 or \
                (partner.key not in unnamed and any(f.how != "adjective" for f in mentions)):
            result.append(partner)
            continue
        result += [r for r in regions.values() if r.key not in {p.key for p in result}]
    return result


def _without_origins(partners: list[PartyRef], within: SpanFacts) -> list[PartyRef]:
    """Countries named only as where persons come from ("mit den Amtskollegen aus A, B und
    C") are no parties of an instrument."""
    text, offset = within.span.block.text, within.span.start
    origin: dict[str, bool] = {}
    chain_end = -1
    for found in within.parties:
        if found.ref.kind != "country":
            continue
        lead = text[max(offset, chain_end if chain_end >= 0 else offset):found.start]
        follows = re.search(r"(?<!\w)aus\s+(?:der\s+|dem\s+|den\s+)?$", lead) or \
            (chain_end >= 0 and re.fullmatch(r"\s*(?:,|und|sowie|oder)\s*", lead))
        chain_end = found.end if follows else -1
        origin[found.ref.key] = origin.get(found.ref.key, True) and bool(follows)
    return [p for p in partners if not (p.kind == "country" and origin.get(p.key))]


def document_partners(setting: Setting) -> list[PartyRef]:
    """Whom a signing that names no party was with: the document's one partner, else the
    parties a sentence of it says are the partners ("Partner … sind A und B")."""
    return [setting.partner] if setting.partner else list(setting.partners_named)


def _own_government(ref: PartyRef, within: SpanFacts) -> bool:
    """"Regierung des Landes Baden-Württemberg" read as an organisation is the Land itself."""
    if ref.kind != "organisation" or ref.registered:
        return False
    lands = [f for f in within.parties if f.ref.kind == "land"]
    return any(f.ref.label_de in ref.label_de for f in lands) or "Landes" in ref.label_de


def in_statement(span: Span, within: SpanFacts, setting: Setting,
                 ministry: MinistryRef | None, fallback: list[PartyRef],
                 row_date: DateValue | None, in_section: bool = False,
                 earlier: Sequence[PartyRef] = ()) -> list[AgreementRecord]:
    """Agreements a sentence or row says were made, renewed or extended, or that it names as
    the basis of the cooperation ("im Rahmen der Vereinbarung über … mit der Provinz X");
    `earlier` are the regions the paragraph named before the sentence."""
    text, registers, land = span.text, setting.registers, setting.land
    entries = _chronology(span, within)
    if len(entries) > 1:  # "Juni 1999: … Juni 2007: …": each entry its own statement
        return [record for entry, facts in entries
                for record in in_statement(entry, facts, setting, ministry, [], None, in_section)]
    laid = _laid_the_basis(text, registers)
    action = AGREEMENT_ACTION.search(text) or _by_means(text, registers) or laid
    basis = [k for k in kinds_in(text, registers)
             if (_BASIS.search(text[:k.start]) or _IN_FORCE.search(text[:k.start])
                 or _bound_by(text, k) or _means_of_relations(text, k))
             and k.concept.key not in _NOT_LISTED]  # "im Rahmen der Regionalpartnerschaft"
    each_year = _each_year(text, within, registers)
    said = _outside_quotes(_signing_clauses(text, action), registers)
    if PLANNING.search(said) or _announced(said) or HEARSAY.search(text) or \
            (one_each(text, registers) and not each_year):
        return []
    within = _without_the_venue(within)
    if action is None and all(_bound_by(text, k) for k in basis):
        # none named as the basis, or only "seit 1996 durch eine Vereinbarung verbunden": dated
        found = _dated_entries(span, within, setting, ministry, earlier) or \
            _listed_in_a_row(span, within, setting, ministry, row_date)
        if found or not basis:
            return found
    extension_only = bool(EXTENSION_ACTION.search(text)) and not _SIGNING.search(text)
    if extension_only and in_section:
        return []  # "die Erneuerung der Partnerschaftserklärung": the section's own agreement
    if not _land_is_party(within, _without_own_city_words(text, setting), ministry) and \
            not _basis_of_the_lands(within, laid) and \
            not (action is None and any(_OURS.search(text[:k.start])
                                        or _land_in_citation(span, within, k) for k in basis)):
        if action is not None:  # a headline's undated instrument of the kind is this one
            foreign = frozenset(f.ref.key for f in within.parties
                                if f.ref.kind != "land" and f.ref.key != "DE")
            line = span.passage(setting.file).start_line
            setting.others_signed.update((k.concept.key, foreign, line)
                                         for k in kinds_in(text, registers))
        return []  # "die Städte A und B haben … unterzeichnet": not the Land's agreement
    if not is_city_state(setting) and _of_cities(span, within, _aside(text, action)) and \
            not _the_lands_own(text):
        return []  # "Die Städtepartnerschaft zwischen A und B wurde mit einer Vereinbarung …"
    records = []
    found_kinds = kinds_in(text, registers) or _entered(text, registers) or \
        _named_before(span, within, registers)
    for kind in found_kinds if action is not None else basis:
        if _refers_back(text, kind, within) and _counted_back(text, kind, setting) is None:
            continue  # "Die Erklärung wurde …", unless a count of years dates it
        paired = _dated_partners(within) if not extension_only else []
        if paired:  # "mit A am 3. Mai 2001 …, mit B am 4. Juni 2002": each its own date
            for partner, day in _of_this_kind(paired, kind, found_kinds, within):
                named = plain_title(instrument(text, kind), land, [partner], registers)
                records.append(AgreementRecord(
                    local_key=f"{ns.slug(named)}-{day.start.lexical()}", title=named,
                    kind=kind.concept.key, land=land, partners=(partner,),
                    passage=span.passage(setting.file), date=day,
                    ministry=within.ministries[0][0] if within.ministries else ministry))
            continue
        for title in _titles(text, kind, registers):
            stop = _CLAUSE_STOP.search(text[kind.end:])
            stated = _partners(within, after=span.start + kind.start,
                               until=span.start + kind.end + stop.start() if stop else None)
            if stated and is_city_state(setting) and all(p.kind == "country" for p in stated):
                # "der Abschluss der Städtepartnerschaft mit A … mit A und dem Land B": the city
                cities = partner_cities(span, within, setting, span.start + kind.start)
                stated = list({p.key: p for p in cities}.values()) or stated
            if not stated and is_city_state(setting):  # "das MoU zwischen Hamburg und A"
                stated = partner_cities(span, within, setting, span.start + kind.start) or \
                    partner_cities(span, within, setting) or \
                    ([] if fallback else _one_city_before(span, within, setting))
            if not stated and not is_city_state(setting):  # "ein Memorandum zwischen A und
                stated = cities_that_are_regions(  # dem Land", A a city that is a region
                    span, within, setting, span.start + kind.start,
                    span.start + kind.end + stop.start() if stop else None)
            if not stated and _plural(text, kind):
                continue  # "mit fünf Woiwodschaften Gemeinsame Erklärungen": not named here
            placed = placing_countries(within, registers)
            stated = [p for p in stated if p.key not in placed]
            if not stated and _a_cities_signing(text, within, setting, ministry):
                continue  # "1985 erfolgte die Unterzeichnung …" under "Partnerstädte"
            partners = _without_other_bodies(_without_origins(without_context_countries(
                stated or [p for p in fallback if p.key not in placed]), within))
            partners = region_for_its_adjective(partners, within, earlier, registers)
            if not partners or ("regional" in kind.concept.key
                                and all(p.kind == "country" for p in partners)):
                continue  # a regional partnership is with a region, never a whole country
            title = title or plain_title(instrument(text, kind), land, partners, registers)
            dates: list[DateValue | None] = [None]
            renewed_by = extension_only and _MEANS.search(text[:kind.start]) is not None
            counted = _counted_back(text, kind, setting)
            if counted is not None:  # "zum zehnjährigen Jubiläum der Unterzeichnung des …"
                dates = [counted]
            elif each_year:  # "In den Jahren 2007, 2010 und 2013 wurde jeweils ein MoU …"
                dates = list(each_year)
            elif recurring(text):  # "Seither wird alle zwei Jahre ein Memorandum vereinbart"
                dates = [None]
            elif (not extension_only or renewed_by) and action is not None:
                # "… die Gemeinsame Erklärung … aus dem Jahr 2031 … im Jahr 2051 neu zu
                # verfassen": the sentence's one instrument keeps the year it is cited with
                cited = None if renewed_by or len(found_kinds) > 1 else \
                    _cited_date(span, within, kind)
                dates = ([cited] if cited is not None else []) or \
                    [*_each_day(text, kind, within)] or \
                    [_signing_date(text, within, row_date, kind,
                                   next(iter(kinds_in(text, registers)), None))
                     or _weekday_of_the_month(text, setting)]
            elif action is None or extension_only:  # "basiert auf der Erklärung … aus dem
                dates = [_cited_date(span, within, kind)  # Jahr 2001", "erneuert die … von 1994"
                         or (_since_before(span, within, kind) if action is None else None)
                         or (_since_after(span, within, kind)
                             if action is None and _means_of_relations(text, kind) else None)]
            groups = [partners]
            if len(dates) == 1 and len(partners) > 1 and _plural(text, kind):
                groups = [[p] for p in partners]  # "Partnerschaftserklärungen mit A und B"
            if any(_after_issue(date, setting) for date in dates):
                setting.announced.add((kind.concept.key, frozenset(p.key for p in partners)))
                continue  # "unterzeichnen am morgigen Montag …": announced, not yet signed
            for date in dates:
                for group in groups:
                    named = title if len(groups) == 1 else \
                        plain_title(instrument(text, kind), land, group, registers)
                    own = date if len(groups) == 1 else _partners_date(group[0], date, within)
                    records.append(AgreementRecord(
                        local_key=ns.slug(named) + (f"-{date.start.lexical()}"
                                                    if len(dates) > 1 and date else ""),
                        title=named, kind=kind.concept.key, land=land, partners=tuple(group),
                        passage=span.passage(setting.file), date=own,
                        ministry=within.ministries[0][0] if within.ministries else ministry))
            records += _one_more(span, within, setting, kind, ministry)
    return records


# "…, der im Jahr 2031 noch eine zweite mit der Provinz A folgte": one more of the same kind.
_ONE_MORE = re.compile(r",\s+(?:der|dem|denen|die)\s+(?P<clause>[^.;]*?\beine\s+(?:zweite|weitere|"
                       r"dritte)\b[^.;]*?\bfolgten?\b)")


def _one_more(span: Span, within: SpanFacts, setting: Setting, kind: KindMatch,
              ministry: MinistryRef | None) -> list[AgreementRecord]:
    """A relative clause after the instrument that says another of its kind followed, with its
    own partner and date: that one too."""
    match = _ONE_MORE.search(span.text, kind.end)
    if match is None:
        return []
    start, end = span.start + match.start("clause"), span.start + match.end("clause")
    partners = [f.ref for f in within.parties if start <= f.start < end
                and f.ref.kind != "land" and f.ref.key != "DE"]
    dates = [d.value for d in within.dates if start <= d.start < end and d.value.complete]
    if len({p.key for p in partners}) != 1:
        return []
    title = plain_title(instrument(span.text, kind), setting.land, partners[:1],
                         setting.registers)
    date = dates[0] if len(dates) == 1 else None
    return [AgreementRecord(
        local_key=ns.slug(title) + (f"-{date.start.lexical()}" if date else ""), title=title,
        kind=kind.concept.key, land=setting.land, partners=(partners[0],),
        passage=span.passage(setting.file), date=date,
        ministry=within.ministries[0][0] if within.ministries else ministry)]


# A signing told in the past: "unterzeichneten sie …", "wurde … unterzeichnet".
_REPORTED_SIGNING = re.compile(
    r"(?<!\w)(?:unterzeichnete|unterzeichneten|unterschrieb|unterschrieben|schloss|schlossen|"
    r"besiegelte|besiegelten|signierte|signierten)(?!\w)|(?<!\w)(?:wurde|wurden|hat|haben|hatte|"
    r"hatten|ist|sind|war|waren)\b[^.;]*\b(?:unterzeichnet|geschlossen|abgeschlossen|besiegelt)\b")


# "Kooperationsvereinbarungen des Landes A mit …", "die Erklärung der Landesregierung mit …".
_LANDS_OWN = re.compile(r"(?:vereinbarung|abkommen|erklärung|memorandum|vertrag)\w*\s+"
                        r"(?:des\s+(?:Landes|Freistaate?s)|der\s+(?:Landes|Staats)regierung)\b",
                        re.IGNORECASE)


def _the_lands_own(text: str) -> bool:
    """An instrument the sentence calls the Land's own, also where it speaks of cities: "Beide
    Städte können zur Verwirklichung von Kooperationsvereinbarungen des Landes … beitragen"."""
    return _LANDS_OWN.search(text) is not None


def _one_city_before(span: Span, within: SpanFacts, setting: Setting) -> list[PartyRef]:
    """The one partner city a city-state's paragraph names before the sentence ("besuchte im
    Juni A … Gemeinsam unterzeichneten sie … eine Vereinbarung"): the unnamed partner."""
    if not _REPORTED_SIGNING.search(span.text):
        return []  # "… unterzeichnet gemeinsam mit dem Bürgermeister die Erklärung": a programme
    before = Span(span.block, 0, span.start)
    found = partner_cities(before, replace(within, span=before, parties=[], dates=[]), setting)
    keys = {p.key: p for p in found}
    return list(keys.values()) if len(keys) == 1 else []


def _a_cities_signing(text: str, within: SpanFacts, setting: Setting,
                     ministry: MinistryRef | None) -> bool:
    """In a Land that is no city-state, a document titled on city partnerships ("Partnerstädte
    des Landes") tells of the cities' instruments: a signing there that names neither a party
    nor anyone of the Land is a city's; so too in one titled on another body's instrument
    ("Abkommen zwischen dem Landkreis A und B"): that body's."""
    if not setting.about_cities or is_city_state(setting):
        return False
    return not (ministry or within.ministries or OWN_GOVERNMENT.search(text)
                or any(f.ref.kind == "land" for f in within.parties)
                or any(m.scope is not None and (m.scope.ministry is not None or (
                    m.scope.party is not None and m.scope.party.kind == "land"))
                    for m, _, _ in within.mentions()))


def _without_other_bodies(partners: list[PartyRef]) -> list[PartyRef]:
    """Bodies that are no territory's government ("die Universität A", "die Stadt B", "die
    Kammer C") sign for themselves, not as the Land's partners: "Im Beisein des
    Ministerpräsidenten unterzeichneten die Universität A und die Universität B …"."""
    return [p for p in partners if p.kind != "organisation" or p.registered
            or not OTHER_BODY.match(p.label_de)]


def _of_this_kind(paired: list[tuple[PartyRef, DateValue]], kind: KindMatch,
                  kinds: list[KindMatch], within: SpanFacts) -> list[tuple[PartyRef, DateValue]]:
    """Of partners each dated, those named after this kind and before the next ("Gemeinsame
    Erklärung mit A vom 3. Mai 2001; Absichtserklärung mit B vom …"); all where one kind."""
    later = [k.start for k in kinds if k.start > kind.start]
    if len(kinds) < 2:
        return paired
    start = within.span.start + kind.start
    end = within.span.start + min(later) if later else within.span.end
    keys = {f.ref.key for f in within.parties if start <= f.start < end}
    return [(partner, day) for partner, day in paired if partner.key in keys] or paired


# "Sie wurde am 3. Mai 2031 unterzeichnet", "… bei der Unterzeichnung im Jahr 2031 …": the
# instrument the sentence before named.
_PRONOUN_SIGNED = re.compile(r"^\s*(?P<pronoun>Sie|Es|Er|Diese[rs]?)\s+(?:wurde|ist|war)\b")
_ITS_SIGNING = re.compile(r"(?<!\w)(?:[Bb]ei|[Nn]ach|[Mm]it|[Ss]eit)\s+(?:der|ihrer|seiner)\s+"
                          r"(?P<pronoun>Unterzeichnung)(?!\w)")


def _named_before(span: Span, within: SpanFacts, registers: Registers) -> list[KindMatch]:
    """The one instrument the sentence before named, where this one opens with a pronoun and
    says it was signed ("Die neue Vereinbarung … sieht … vor. Sie wurde am … unterzeichnet")."""
    pronoun = _PRONOUN_SIGNED.match(span.text)
    if pronoun is None or not _SIGNING.search(span.text):
        pronoun = _ITS_SIGNING.search(span.text)  # "bei der Unterzeichnung im Jahr 2031"
        if pronoun is None or not any(d.value.complete for d in within.dates):
            return []
    block = span.block.text
    previous = block[block.rfind(". ", 0, max(0, span.start - 2)) + 1:span.start]
    kinds = [k for k in kinds_in(previous, registers) if k.concept.key not in _NOT_LISTED]
    if len(kinds) != 1:
        return []
    return [KindMatch(kinds[0].concept, pronoun.start("pronoun"), pronoun.end("pronoun"))]


def _without_own_city_words(text: str, setting: Setting) -> str:
    """A city-state's city partnership is the Land's: there "Städtepartnerschaft" names no other
    body (blanked out, the offsets kept)."""
    if not is_city_state(setting):
        return text
    return OF_CITIES.sub(lambda m: " " * len(m.group()), text)


# An instrument made again and again ("Seither wird alle zwei Jahre ein Memorandum vereinbart"):
# it exists, but no date of the paragraph is its signing's.
_RECURRING = re.compile(r"(?<!\w)(?:alle\s+(?:\w+\s+)?Jahre|jährlich|jedes\s+Jahr|regelmäßig|"
                        r"turnusmäßig|turnusgemäß)(?!\w)")
_PRESENT = re.compile(r"(?<!\w)(?:wird|werden)(?!\w)")


def recurring(text: str) -> bool:
    """An instrument made again and again, told in the present ("wird alle zwei Jahre …")."""
    return _RECURRING.search(text) is not None and _PRESENT.search(text) is not None


# "unterzeichneten am Donnerstag in Beispielstadt ein Abkommen": a region's bare name right
# after "in" is where the signing took place (its capital bears its name), not a party.
_VENUE = re.compile(r"(?<!\w)in\s+(?:[A-ZÄÖÜ][^\s/]*\s*/\s*)?$")


def _without_the_venue(within: SpanFacts) -> SpanFacts:
    """The sentence's parties without a region named as the place of the signing, where
    another foreign party is named to sign with."""
    text = within.span.block.text
    venues = [f for f in within.parties if f.ref.kind == "region"
              and _VENUE.search(text[max(0, f.start - 30):f.start])
              and re.fullmatch(r"[A-ZÄÖÜ][\w-]*", text[f.start:f.end].split("/")[0].strip())]
    others = [f for f in within.parties if f.ref.kind != "land" and f.ref.key != "DE"
              and f not in venues]
    if not venues or not others:
        return within
    return replace(within, parties=[f for f in within.parties if f not in venues])


# An instrument by means of which a cooperation became or was confirmed a partnership: "die
# 2031 mit der Gemeinsamen Erklärung in eine formale Partnerschaft mündete", "wurde 2034 durch
# eine weitere Erklärung bestärkt".
_MEANS_BEFORE = re.compile(r"\b(?:[Mm]it|[Dd]urch)\s+(?:der|die|einer|eine|einem|dem|des)\s+"
                           r"(?:[a-zäöüß]\w*\s+){0,2}$")
_CONFIRMED = re.compile(r"(?<!\w)(?:mündete|mündeten|gemündet|bestärkt|bekräftigt|gefestigt|"
                        # "dass die Verbindung … mit einem Briefwechsel 2031 entstanden sei"
                        r"bestätigt|entstanden|entstand)\b")


def _by_means(text: str, registers: Registers) -> re.Match[str] | None:
    """The verb of a clause that says an instrument made or confirmed a partnership, where
    the instrument is named as its means ("durch eine weitere Erklärung bestärkt")."""
    for kind in kinds_in(text, registers):
        if not _MEANS_BEFORE.search(text[:kind.start]):
            continue
        verb = _CONFIRMED.search(text, kind.end)
        if verb is not None and not re.search(r"[.;:]", text[kind.end:verb.start()]) and \
                verb.start() - kind.end <= 80:
            return verb
    return None


# "Im Jahr 2031 war es ein Briefwechsel zwischen A und B, der die Basis für die folgende
# Partnerschaft legte": the instrument that laid a partnership's basis was made (round blind18).
_BASIS_LAID = re.compile(r"^[^.;]{0,160}?,\s*(?:der|die|das|welche[rs]?)\s+(?:auch\s+)?(?:die\s+)?"
                         r"(?:Basis|Grundlage|Grundstein)\s+(?:für|der|des)\s+(?:die\s+|das\s+)?"
                         r"(?:[a-zäöüß]\w*\s+)?\w*[Pp]artnerschaft\w*\b[^.;]{0,80}?"
                         r"\b(?P<verb>legte|legten|schuf|schufen|bildete|bildeten)\b")


def _laid_the_basis(text: str, registers: Registers) -> re.Match[str] | None:
    """The verb of a relative clause that says the instrument just named laid the basis of a
    partnership ("ein Briefwechsel …, der die Basis für die Partnerschaft legte")."""
    for kind in kinds_in(text, registers):
        laid = _BASIS_LAID.search(text[kind.end:])
        if laid is not None:
            return re.compile(re.escape(laid["verb"])).search(text, kind.end + laid.start("verb"))
    return None


def _basis_of_the_lands(within: SpanFacts, laid: re.Match[str] | None) -> bool:
    """The partnership whose basis the instrument laid is the Land's: its clause names the
    Land ("…, der die Basis für die Partnerschaft zwischen dem Land und A legte"), whoever
    the persons the instrument was exchanged between."""
    if laid is None:
        return False
    clause = within.span.start + within.span.text.rfind(",", 0, laid.start())
    return any(f.ref.kind == "land" and clause < f.start < within.span.start + laid.start()
               for f in within.parties)


def _of_cities(span: Span, within: SpanFacts, aside: str | None = None) -> bool:
    """A signing of cities: the sentence names a city partnership or both cities, or it
    continues the occasion, naming no party of its own, of a paragraph that told of a city
    partnership before it ("Anschließend fand die Unterzeichnung der Rahmenvereinbarung
    statt"). A signing told between dashes (`aside`) is judged by its own words."""
    if OF_CITIES.search(aside if aside is not None else span.text):
        return True
    own = within.parties or within.ministries
    return not own and CONTINUATION.match(span.text.lstrip()) is not None and \
        OF_CITIES.search(span.block.text[:span.start]) is not None


# "Im Rahmen der Partnerschaft – der Vertrag wurde 1962 unterzeichnet – fördert der Verband 150
# Städtepartnerschaften": a signing told between dashes, a statement of its own.
_DASHED = re.compile(r"(?<=\s)[-–—]\s+(?P<aside>(?:[^-–—]|(?<=\w)-(?=\w))+?)\s+[-–—](?=\s)")


def _aside(text: str, action: re.Match[str] | None) -> str | None:
    """The words between dashes around the signing verb, if it stands there."""
    if action is None:
        return None
    return next((m["aside"] for m in _DASHED.finditer(text)
                 if m.start("aside") <= action.start() < m.end("aside")), None)


# An anniversary right before an instrument counts back to its signing: "Zehn Jahre
# Partnerschaftsabkommen", "des 25-jährigen Jubiläums der Unterzeichnung der Erklärung".
_SIGNED_AGO = re.compile(r"\s*(?:(?:Jubiläum|Jahrestag)\w*\s+)?(?:(?:der|seit\s+der)\s+"
                         r"Unterzeichnung\s+)?(?:(?:des|der|dem|unseres|unserer|ihres|ihrer)\s+)?"
                         r"(?:[A-ZÄÖÜ]?[a-zäöüß]+(?:en|er|es|e)\s+)?$")


# A signing some years before the document: "der vor 25 Jahren besiegelten Erklärung", "die
# Vereinbarung wurde vor zehn Jahren unterzeichnet".
_AGO = rf"(?<!\w)vor\s+(?P<years>\d{{1,3}}|{NUMBER_WORD_PATTERN})\s+Jahren\b"
_SEALED = r"(?:unterzeichnet|unterschrieben|besiegelt|geschlossen|abgeschlossen)"
_AGO_BEFORE = re.compile(rf"{_AGO}\s+(?:[a-zäöüß]+\s+){{0,3}}?{_SEALED}\w*\s+$", re.IGNORECASE)
_AGO_AFTER = re.compile(rf"^[^.;:]{{0,80}}?{_AGO}[^.;:]{{0,60}}?\b{_SEALED}\b", re.IGNORECASE)


# "Vor 20 Jahren hatte das Land einen Vertrag mit A … unterzeichnet": the count opens the
# instrument's clause, the signing verb closes it.
_AGO_OPENS = re.compile(rf"{_AGO}(?P<gap>[^.;:!?]{{0,200}})$", re.IGNORECASE)
_SIGNED_PAST = r"(?:unterzeichnete|unterschrieb|besiegelte|schloss|schlossen)\w*\b"
_SEALED_AFTER = re.compile(rf"^[^.;:!?]{{0,200}}?\b{_SEALED}\w*\b")


def _ago_around(text: str, kind: KindMatch) -> re.Match[str] | None:
    """A count of years before the instrument and its signing verb after it, in one clause
    with no other date or day ("heute") in it: "Vor 20 Jahren hatte das Land einen
    Partnerschaftsvertrag mit A, also …, unterzeichnet"."""
    count = _AGO_OPENS.search(text[max(0, kind.start - 220):kind.start])
    if count is None:
        return None
    after = _SEALED_AFTER.search(text[kind.end:])
    if after is not None:
        between = count["gap"] + after.group()
    elif re.search(rf"\b{_SEALED}|\b{_SIGNED_PAST}", count["gap"]):
        between = count["gap"]
    else:
        return None
    if re.search(r"\b(?:19|20)\d\d\b|(?<!\w)(?:heute|gestern|neue[nmrs]?)(?!\w)", between):
        return None
    return count


def _counted_back(text: str, kind: KindMatch, setting: Setting) -> DateValue | None:
    """The signing year an anniversary right before the instrument gives, counted back from
    the document's date: "Zehn Jahre Partnerschaftsabkommen" in 2034 -> 2024; so too a
    signing "vor zehn Jahren" said of the instrument."""
    if setting.reference is None:
        return None
    counts = [m for m in ANNIVERSARY.finditer(text[:kind.start])
              if _SIGNED_AGO.fullmatch(text[m.end():kind.start])
              and not NOT_EXACT_YEARS.search(text[max(0, m.start() - 20):m.start()])]
    before, around = max(0, kind.start - 120), max(0, kind.start - 220)
    ago = [(m, at) for m, at in ((_AGO_BEFORE.search(text[before:kind.start]), before),
                                 (_AGO_AFTER.search(text[kind.end:]), kind.end),
                                 (_ago_around(text, kind), around)) if m is not None][:1]
    count, at = (counts[-1], 0) if counts else (ago[0] if ago else (None, 0))
    if count is None:
        return None
    word = count["years"]
    years = int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 0)
    if not 0 < years < 200:
        return None
    reference = setting.reference
    if setting.day_known and _TO_THE_DAY.search(text[:at + count.start("years")]):
        return DateValue(PartialDate(reference.year - years, reference.month, reference.day),
                         text=count.group())  # "Heute vor zehn Jahren unterzeichneten …"
    return DateValue(PartialDate(reference.year - years), text=count.group())


# A count of years to the day of the document: "Heute vor zehn Jahren", "Auf den Tag genau
# vor 20 Jahren".
_TO_THE_DAY = re.compile(r"(?:(?<!\w)[Hh]eute|(?<!\w)[Aa]uf\s+den\s+(?:heutigen\s+)?Tag"
                         r"(?:\s+genau)?|(?<!\w)[Gg]enau\s+heute)\s+vor\s+$")


# What `note_later_occasion` notes for an instrument of any kind.
ANY_KIND = "*"


def note_later_occasion(facts: BlockFacts, occasion: DateValue | None,
                        setting: Setting) -> None:
    """A release that announces an occasion for a later day ("empfängt am 5. Mai den
    Gouverneur von A" in a release of 3 May): an undated signing with its one foreign
    party (the headline's "Unterzeichnung eines Memorandums") is the one to come there."""
    if not _after_issue(occasion, setting) and \
            not any(_after_issue(d.value, setting) for d in facts.dates if d.value.complete):
        return
    foreign = {f.ref.key for f in facts.parties if f.ref.kind != "land" and f.ref.key != "DE"}
    if not foreign and is_city_state(setting):  # a city-state's partner city
        whole = Span(facts.block, 0, len(facts.block.text))
        foreign = {p.key for p in partner_cities(whole, facts.within(whole), setting)}
    if len(foreign) == 1:
        setting.announced.add((ANY_KIND, frozenset(foreign)))


def _after_issue(date: DateValue | None, setting: Setting) -> bool:
    """A signing dated to a day after the document's date is announced, not made."""
    return date is not None and setting.reference is not None and \
        date.start.day is not None and date.earliest > setting.reference


def _listed_in_a_row(span: Span, within: SpanFacts, setting: Setting,
                     ministry: MinistryRef | None, row_date: DateValue | None
                     ) -> list[AgreementRecord]:
    """A table row that lists an instrument ("Provinz A | Gemeinsame Erklärung | 03.05.2001"):
    a cell opens with the kind, another names the partner; the row's date is its date. A kind
    inside a cell's text ("Gespräch über die Gemeinsame Erklärung") lists none."""
    block = span.block
    if block.kind != "row" or len(block.cells) < 2:
        return []
    kind = next((k for k in kinds_in(span.text, setting.registers)
                 if re.search(r"(?:^|\|)\s*$", span.text[:k.start])
                 and _NAMED_CELL.match(span.text[k.end:])), None)
    if kind is None or not _land_is_party(within, span.text, ministry):
        return []
    partners = without_context_countries(_partners(within))
    if not partners or len(partners) > 3:
        return []
    label = instrument(span.text, kind)
    title = plain_title(label, setting.land, partners, setting.registers)
    date = _common_precision(row_date) if row_date and row_date.complete else None
    return [AgreementRecord(
        local_key=ns.slug(title) + (f"-{date.start.lexical()}" if date else ""), title=title,
        kind=kind.concept.key, land=setting.land, partners=tuple(partners),
        passage=span.passage(setting.file), date=date,
        ministry=within.ministries[0][0] if within.ministries else ministry)]


# A cell that names an instrument: a few words ("Gemeinsame Erklärung über Kultur |"), not an
# act of agreeing on something ("Vereinbarung einer Hospitation …").
_NAMED_CELL = re.compile(r"(?!\s+(?:einer|eines|des|der|von|zur|zum)\b)[^|]{0,60}(?:\||$)")


# A chronology's entry opens with its date and a colon: "Juni 2007: Unterzeichnung …".
_ENTRY = re.compile(r"(?:(?<=\s)|^)(?:\d{1,2}\.\s?)?(?:[A-ZÄÖÜ][a-zä]+\s)?\d{4}\s?:\s")


def _chronology(span: Span, within: SpanFacts) -> list[tuple[Span, SpanFacts]]:
    """A run of chronology entries in one sentence (a list whose lines ran together): each
    entry with its own parties and dates, so that one entry's instrument takes no other
    entry's partners, parties or date. Fewer than two entries: none."""
    starts = [m.start() for m in _ENTRY.finditer(span.text)]
    if len(starts) < 2:
        return []
    bounds = [0, *starts] if starts[0] > 0 else starts
    entries = []
    for index, start in enumerate(bounds):
        end = bounds[index + 1] if index + 1 < len(bounds) else len(span.text)
        entry = Span(span.block, span.start + start, span.start + end)
        inside = lambda s, e, entry=entry: entry.start <= s and e <= entry.end  # noqa: E731
        entries.append((entry, replace(
            within, span=entry, parties=[f for f in within.parties if inside(f.start, f.end)],
            ministries=[m for m in within.ministries if inside(m[1], m[2])],
            persons=[p for p in within.persons if inside(p[1], p[2])],
            posts=[p for p in within.posts if inside(p[1], p[1] + 1)],
            places=[p for p in within.places if inside(p[1], p[2])],
            dates=[d for d in within.dates if inside(d.start, d.end)])))
    return entries


_NEXT_TO = re.compile(r"\s*[(,]?\s*(?:wurden?\s+)?(?:seit\s+|im\s+Jahre?\s+|am\s+|im\s+|vom\s+)?")


_BEFORE_WITH = re.compile(r"\s+mit\s+(?:(?:der|dem|den|die)\s+)?")


def _dated_partners(within: SpanFacts) -> list[tuple[PartyRef, DateValue]]:
    """Several partners each named with a date of its own ("mit A am 3. Mai 2001 …, mit B am
    4. Juni 2002"; "mit A (1996) und B (2001)"; "1996 mit A und 2001 mit B"): each with its
    date, where there are two dates or more; else none."""
    text = within.span.block.text
    dated = [d for d in within.dates if d.value.complete and d.value.end is None]
    pairs: dict[str, tuple[PartyRef, DateValue]] = {}
    undated: set[str] = set()  # named without a date of its own (at least once)
    for found in within.parties:
        if found.ref.kind == "land" or found.ref.key == "DE" or found.ref.key in pairs:
            continue
        own = next((d for d in dated if d.start >= found.end
                    and _NEXT_TO.fullmatch(text[found.end:d.start])), None) or \
            next((d for d in dated if d.end <= found.start  # "1998 mit A und 2002 mit B"
                  and _BEFORE_WITH.fullmatch(text[d.end:found.start])), None)
        if own is None:
            if found.ref.kind != "country":  # a country beside its region ("Provinz A (Land B)")
                undated.add(found.ref.key)
            continue
        pairs[found.ref.key] = (found.ref, own.value)  # "mit A, B und C …: A 2004, B 1995"
    if undated - set(pairs):
        return []
    values = {(v.start, v.end) for _, v in pairs.values()}
    return list(pairs.values()) if len(pairs) > 1 and len(values) > 1 else []


def _partners_date(partner: PartyRef, date: DateValue | None,
                   within: SpanFacts) -> DateValue | None:
    """The date of one of several instruments named together: the one in brackets or after
    a comma right after its partner ("mit A (1996), B (2001) und C"); the sentence's date
    only where it states one date for all, and no span of years ("zwischen 1995 und 2003")."""
    text = within.span.block.text
    dated = [d for d in within.dates if d.value.complete]
    for found in within.parties:
        if found.ref.key != partner.key:
            continue
        for d in dated:
            if re.fullmatch(r"\s*[(,]\s*(?:seit\s+|im\s+Jahr\s+|am\s+)?", text[found.end:d.start]):
                return d.value
    if date is None or len({(d.value.start, d.value.end) for d in dated}) > 1:
        return None
    return None if date.end is not None and date.end.year != date.start.year else date


# A partnership formally entered or signed: "ist am 3. Mai 2008 offiziell eine Partnerschaft mit
# der Provinz A eingegangen", "wurde die Partnerschaft zwischen dem Land und A unterzeichnet".
_ENTERED = re.compile(r"\b(?:[Ee]ine|[Dd]ie)\s+(?:\w+\s+)?"
                      r"(?P<word>Partnerschaft\b|partnerschaftliche\s+Zusammenarbeit\b|"
                      # "Die Verschwisterung mit A wurde am 3. Mai 2031 geschlossen."
                      r"Verschwisterung\b)"
                      r"(?:[^.;]|(?<=\d)\.)*?\b(?:eingegangen|unterzeichnet|besiegelt|geschlossen)\b"
                      # "Im Jahr 2031 schloss das Land mit A und B eine Partnerschaft."
                      r"|\b(?:schloss|schlossen)\b[^.;]*?\beine\s+(?:\w+\s+)?"
                      r"(?P<closed>Partnerschaft)\b(?!\w)"
                      # "der Abschluss der Städtepartnerschaft mit A 2031": the conclusion named
                      r"|\bAbschluss\s+(?:der|einer)\s+(?:[a-zäöüß]\w*\s+)?"
                      r"(?P<concluded>(?:[A-ZÄÖÜ]\w*p|P)artnerschaft)(?!\w)")


# A cooperation signed is an instrument of cooperation: one signs documents, not cooperations
# ("mit der Provinz A 2010 eine offizielle Kooperation unterzeichnet").
_SIGNED_COOPERATION = re.compile(r"\b(?:eine|die)\s+(?:\w+\s+)?(?P<word>Kooperation)\b[^.;]*?"
                                 r"\bunterzeichnet\b")


def _entered(text: str, registers: Registers) -> list[KindMatch]:
    """A regional partnership entered, or a cooperation signed, as an instrument, where the
    text names no other."""
    for pattern, key in ((_ENTERED, "regionalpartnerschaft"),
                         (_SIGNED_COOPERATION, "kooperationsvereinbarung")):
        match = pattern.search(text)
        concept = next((c for c in registers.agreement_kinds if c.key == key), None)
        if match is not None and concept is not None:
            word = next(g for g in ("closed", "concluded", "word")
                        if g in pattern.groupindex and match[g])
            return [KindMatch(concept, match.start(word), match.end(word))]
    return []


def _plural(text: str, kind: KindMatch) -> bool:
    """"Gemeinsame Erklärungen", "Memoranden", "Abkommen" is not told apart: plural forms
    that are no singular's."""
    return bool(re.search(r"(?:ungen|nisse|ä\w*e|Memoranden|MoUs)$", text[kind.start:kind.end]))


def _dated_entries(span: Span, within: SpanFacts, setting: Setting,
                   ministry: MinistryRef | None,
                   earlier: Sequence[PartyRef] = ()) -> list[AgreementRecord]:
    """A chronology's entries: "14. Februar 1997 Gemeinsame Erklärung des Landes A und der
    Woiwodschaft B" (a date right before the instrument names its signing), each entry up
    to the next; the Land must be named in the entry."""
    text, offset = span.text, span.start
    kinds = kinds_in(text, setting.registers)
    entries = []
    for kind in kinds:
        date = next((d for d in within.dates if d.value.complete and d.value.end is None
                     and d.end - offset <= kind.start
                     and re.fullmatch(r"[\s:–-]{0,3}", text[d.end - offset:kind.start])), None)
        if date is not None:
            entries.append((date, kind))
    records = [] if entries else _named_with_date(span, within, setting, ministry, kinds,
                                                  earlier)
    for index, (date, kind) in enumerate(entries):
        end = entries[index + 1][0].start - offset if index + 1 < len(entries) else len(text)
        entry = Span(span.block, offset + kind.start, offset + end)
        parties = [f for f in within.parties if entry.start <= f.start < entry.end]
        if not any(f.ref.kind == "land" for f in parties) and \
                not OWN_GOVERNMENT.search(entry.text):
            continue
        if not _between_names_the_land(entry, parties):
            continue  # "August 2031: Vertrag zwischen Beispielstadt und A": the city's
        partners = without_context_countries(_partners(replace(within, parties=parties)))
        if not partners:
            continue
        title = re.sub(r"\s+", " ", entry.text).strip(" ,;.")[:200]
        records.append(AgreementRecord(
            local_key=f"{ns.slug(title)}-{date.value.start.lexical()}", title=title,
            kind=kind.concept.key, land=setting.land,
            partners=tuple(partners), passage=entry.passage(setting.file),
            date=date.value, ministry=within.ministries[0][0] if within.ministries else ministry))
    return records


def _between_names_the_land(entry: Span, parties: list) -> bool:
    """Whether "zwischen" right after an entry's instrument, up to a bracket, a date or the
    clause's end, names the Land (or no "zwischen" follows)."""
    between = re.match(r"[^.;:]{0,40}?\bzwischen\b(?P<rest>[^(.;:\d]*)", entry.text)
    if between is None:
        return True
    start, end = entry.start + between.start("rest"), entry.start + between.end("rest")
    return any(f.ref.kind == "land" and start <= f.start < end for f in parties) or \
        OWN_GOVERNMENT.search(between["rest"]) is not None


# A clause that opens with its own date: "…, am 4. Juni 2005 folgte …", "…, im Mai 2010 …".
_DATED_CLAUSE = r"(?:am|im)\s+(?:Jahre?\s+)?(?:\d{1,2}\.\s?(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)\s?\d{4}|" \
    r"[A-ZÄÖÜ][a-zä]+\s+\d{4}|\d{4})\b"
# Where the parties of an instrument end: another clause ("…, sowie …", "…, die …").
# A subordinate clause of its own ("…, nachdem er Gespräche mit A geführt hatte") ends it too.
_CLAUSE_STOP = re.compile(r",\s+(?:sowie|aber|während|außerdem|die|der|das|welche[rs]?|nachdem|"
                          r"bevor|als|wobei|wo|wie|weil|da)\b|;|,\s+(?=" + _DATED_CLAUSE + ")"
                          # "…, in der beide Partner dem Land A ihre Unterstützung zusichern"
                          r"|,\s+(?:in|mit|nach|durch|bei|auf|über|für|worin|womit)\s+"
                          r"(?:der|dem|denen|welche[mr])\b")
# "die Gemeinsame Erklärung … vom 3. Mai 2001", "der Vertrag … stammt aus dem Jahr 1996"
# … or in brackets after its partner ("MoU mit der Region A (2015)", a list's entry)
# (not one of another thing coordinated after it: "eine Vereinbarung … und ein Projekt … aus
# dem Jahr 2000")
_NAMED_DATE = re.compile(r"^(?![^.;:()]*\b(?:und|sowie)\s+(?:ein|eine|einen|einem|einer)\s)"
                         r"[^.;:()]{0,160}?(?:\b(?:vom|aus\s+dem(?:\s+Jahre?)?)\s+|\(\s*)$")
_STANDING = re.compile(r"\b(?:[Ss]eit|[Bb]ereits seit)\b(?:[^.;]|(?<=\d)\.){0,60}\b(?:besteht|"
                       r"bestehen|gilt|gelten|gibt es|existiert|existieren|verbindet|verbinden|"
                       r"verbunden)\b|"
                       r"\b(?:besteht|bestehen|verbindet|verbinden|gibt es|existiert|existieren)\b"
                       r"[^.;]{0,60}\bseit\b")


# "die Erklärung zur Zusammenarbeit von 1994": a bare year after "von" cites the instrument's.
_NAMED_YEAR = re.compile(r"^[^.;:()]{0,80}?\bvon\s+$")


def _land_in_citation(span: Span, within: SpanFacts, kind: KindMatch) -> bool:
    """The Land is named between an instrument and the date it is cited with ("der
    gemeinsamen Erklärung des Ministerpräsidenten des Landes A und des Ministerpräsidenten
    der Republik B vom 5. Dezember 2031"): a party, whatever a later "zwischen" of another
    instrument says."""
    cited = _cited_date(span, within, kind)
    at = next((d.start for d in within.dates if d.value is cited), None)
    return at is not None and any(f.ref.kind == "land" and
                                  span.start + kind.end <= f.start < at for f in within.parties)


def _cited_date(span: Span, within: SpanFacts, kind: KindMatch) -> DateValue | None:
    """The date an instrument is cited with ("die Erklärung … vom 3. Mai 2001", "… aus dem
    Jahr 2001", "… von 1994"), if one."""
    dated = [d.value for d in within.dates if d.value.complete and d.value.end is None
             and d.start - span.start >= kind.end
             and (_NAMED_DATE.match(lead := span.text[kind.end:d.start - span.start])
                  or (_NAMED_YEAR.match(lead) and d.value.start.month is None))]
    return dated[0] if dated else None


# "Seit 2031 arbeiten beide Seiten auf Grundlage einer Erklärung zusammen": the year the
# clause opens with, right after "seit", and no other clause or date before the instrument.
_SINCE_OPENS = re.compile(r"(?:^|[.;:!?]\s+|,\s+)(?:[Bb]ereits\s+)?[Ss]eit\s+(?:dem\s+Jahre?\s+)?"
                          r"(?P<year>\d{4})\b(?P<gap>[^.;:!?,()\d]{0,120})$")


# "Über die trilaterale Partnerschaftsvereinbarung … pflegt das Land mit A und B seit 2001
# gute Beziehungen": the instrument as the means by which the Land keeps its relations.
_MEANS_LEAD = re.compile(r"^\s*(?:Über|Durch)\s+(?:die|das|den|eine|ein|einen)\s+"
                         r"(?:[a-zäöüß]\w*\s+)?$")
_RELATIONS = re.compile(r"^[^.;:!?]*?\b(?:pflegt|pflegen|unterhält|unterhalten|kooperiert|"
                        r"kooperieren)\b")
_SINCE_IN_CLAUSE = re.compile(r"^[^.;:!?]*?\b[Ss]eit\s+(?:dem\s+Jahre?\s+)?$")


def _means_of_relations(text: str, kind: KindMatch) -> bool:
    return (_MEANS_LEAD.match(text[:kind.start]) is not None
            and _RELATIONS.match(text[kind.end:]) is not None) or \
        (_MEANS_NOW_LEAD.search(text[:kind.start]) is not None
         and _MEANS_NOW.match(text[kind.end:]) is not None)


# "„Mit der Absichtserklärung zwischen dem Land und A schlagen wir ein neues Kapitel auf“",
# "Mit dem Memorandum festigen und pflegen wir unsere Beziehungen": the instrument as the
# means by which the speakers act now; it exists.
_MEANS_NOW_LEAD = re.compile(r"(?:^|[.!?:]\s+|[„\"»]\s*)Mit\s+(?:der|dem)\s+(?:[a-zäöüß]\w*\s+)?$")
_MEANS_NOW = re.compile(r"^[^.;:!?„“»«]*?\s[a-zäöüß]\w*(?:en|t)\s+(?:und\s+[a-zäöüß]\w*\s+)?"
                        r"(?:wir|beide)\b")


def _since_after(span: Span, within: SpanFacts, kind: KindMatch) -> DateValue | None:
    """The year the relations an instrument is the means of are kept "seit" ("Über die
    Vereinbarung pflegt das Land mit A seit 2001 Beziehungen"): the instrument's."""
    dated = [d.value for d in within.dates if d.value.complete and d.value.end is None
             and d.start - span.start >= kind.end
             and _SINCE_IN_CLAUSE.match(span.text[kind.end:d.start - span.start])]
    return dated[0] if dated else None


def _since_before(span: Span, within: SpanFacts, kind: KindMatch) -> DateValue | None:
    """An instrument named as the basis of what a clause says holds "seit" a year ("Seit 2031
    kooperieren beide Seiten auf Grundlage einer Gemeinsamen Erklärung", "Seit 2031 basiert
    die Zusammenarbeit auf der Erklärung"): it stands since then, so it is of that year."""
    opens = _SINCE_OPENS.search(span.text[:kind.start])
    if opens is None:
        return None
    at = span.start + opens.start("year")
    dated = [d.value for d in within.dates if d.start <= at < d.end and d.value.complete
             and d.value.end is None]
    return dated[0] if dated else None


def _named_with_date(span: Span, within: SpanFacts, setting: Setting,
                     ministry: MinistryRef | None, kinds: list[KindMatch],
                     earlier: Sequence[PartyRef] = ()) -> list[AgreementRecord]:
    """An instrument named with its date, as German texts cite them: "die Gemeinsame
    Erklärung vom 3. Mai 2001", "seit 2001 besteht eine Partnerschaftsvereinbarung mit …";
    one that names no partner ("Die letzte Gemeinsame Erklärung vom 3. Mai 2031 …") is with
    the one region the paragraph named before (`earlier`), if it named exactly one."""
    text, offset = span.text, span.start
    records = []
    for kind in kinds:
        if kind.concept.key in _NOT_LISTED:
            continue  # "besteht eine Regionalpartnerschaft (seit 1976)": a relation, no document
        after = _title_end(text, kind)  # "die „Gemeinsame Erklärung über … und dem Land“ vom …"
        dated = [d for d in within.dates if d.value.complete and d.value.end is None
                 and d.start - offset >= after
                 and _NAMED_DATE.match(text[after:d.start - offset])]
        if not dated and _STANDING.search(text):
            dated = [d for d in within.dates if d.value.complete and d.value.end is None
                     and _AFTER_SINCE.search(text[max(0, d.start - offset - 12):d.start - offset])
                     and not _CLAUSE_STOP.search(text[min(kind.end, d.end - offset):
                                                      max(kind.start, d.start - offset)])]
        if not dated or not (_land_is_party(within, text, ministry)
                             or _standing_is_the_lands(within, text)):
            continue
        paired = _dated_partners(within)  # "Abkommen" is singular and plural alike
        if paired:  # "Partnerschaftsvereinbarungen bestehen mit A (seit 1996), B (seit 2001)"
            for partner, day in paired:
                title = plain_title(instrument(text, kind), setting.land, [partner],
                                     setting.registers)
                records.append(AgreementRecord(
                    local_key=f"{ns.slug(title)}-{day.start.lexical()}", title=title,
                    kind=kind.concept.key, land=setting.land, partners=(partner,),
                    passage=span.passage(setting.file), date=day,
                    ministry=within.ministries[0][0] if within.ministries else ministry))
            continue
        stop = _CLAUSE_STOP.search(text[kind.end:])
        partners = _bracketed_after(within, offset + kind.start) or without_context_countries(
            _partners(within, until=offset + kind.end + stop.start() if stop else None))
        if not partners:  # "die Vereinbarung zwischen Berlin und A vom …"
            partners = _cited_cities(span, within, setting, kind, dated[0].start)
        if not partners and len(earlier) == 1 and \
                all(f.ref.kind == "land" for f in within.parties):
            partners = list(earlier)  # "Die letzte Gemeinsame Erklärung vom …": the one before
        if not partners or len(partners) > 3:
            continue
        title = plain_title(instrument(text, kind), setting.land, partners, setting.registers)
        date = dated[0].value
        records.append(AgreementRecord(
            local_key=f"{ns.slug(title)}-{date.start.lexical()}", title=title,
            kind=kind.concept.key, land=setting.land, partners=tuple(partners),
            passage=span.passage(setting.file), date=date,
            ministry=within.ministries[0][0] if within.ministries else ministry))
    return records


_OPENING = re.compile(r"[„\"»“]\s*(?:[A-ZÄÖÜ]\w*\s+){0,2}$")
_CLOSING = {"„": "“”\"", "\"": "\"", "»": "«", "“": "”\""}


def _title_end(text: str, kind: KindMatch) -> int:
    """Where the instrument's title ends: after its closing quotation mark where the kind
    opens a quoted title ("die „Gemeinsame Erklärung über die Zusammenarbeit zwischen A und
    dem Land B“ vom 3. Mai 2001"), else after the kind."""
    opening = _OPENING.search(text[:kind.start])
    if opening is None:
        return kind.end
    closing = re.compile("[" + re.escape(_CLOSING[opening.group(0)[0]]) + "]")
    found = closing.search(text, kind.end)
    return found.end() if found is not None and found.start() - kind.end <= 200 else kind.end


def _cited_cities(span: Span, within: SpanFacts, setting: Setting, kind: KindMatch,
                  date_start: int) -> list[PartyRef]:
    """An instrument cited with its date names its partner city between the instrument and
    the date ("In der Rahmenvereinbarung … zwischen Berlin und A vom 3. Mai 2001 …"): that
    city, not one the rest of the sentence names; a city-state's partner city, or in another
    Land a city that is a region of its country."""
    cited = Span(span.block, span.start, date_start)
    cities = partner_cities(cited, within, setting, span.start + kind.start) \
        if is_city_state(setting) else \
        cities_that_are_regions(cited, within, setting, span.start + kind.start)
    return list({p.key: p for p in cities}.values())


def _bracketed_after(within: SpanFacts, start: int) -> list[PartyRef]:
    """An instrument in brackets right after its partner ("mit der Provinz A (Gemeinsame
    Erklärung vom 3. Mai 2001) und der Region B (…)"): that partner alone."""
    text = within.span.block.text
    bracket = re.search(r"\(\s*$", text[max(0, start - 5):start])
    if bracket is None:
        return []
    at = start - 5 + bracket.start() if start >= 5 else bracket.start()
    return [f.ref for f in within.parties if f.ref.kind != "land" and 0 <= at - f.end <= 1][:1]


def _standing_is_the_lands(within: SpanFacts, text: str) -> bool:
    """Instruments a Land's own text says stand with its partners ("Partnerschafts-
    vereinbarungen bestehen mit A (seit 1996), B …") are the Land's, unless it names another
    body (a city, a university) or the Federation."""
    return not OTHER_BODY.search(text) and not _PARLIAMENT.search(text) and \
        not any(f.ref.key == "DE" for f in within.parties)


def _refers_back(text: str, kind: KindMatch, within: SpanFacts) -> bool:
    """"Die Erklärung wurde in … unterzeichnet" after the paragraph or headline named it:
    the instrument named before, no new one (a sentence of its own date is its own)."""
    before = text[:kind.start]
    if _BACK.search(before) and not re.fullmatch(r"\s*\S+\s+(?:[a-zäöüß]\w*\s+)?", before):
        return True  # "auf der Grundlage dieser Erklärung wurden 2005 Projekte vereinbart"
    return bool(re.search(r"(?:^|[.:;]\s*)(?:Die|Der|Das|Diese[rs]?)\s+$", before)
                or _BACK.search(before)) and not any(d.value.complete for d in within.dates)


# "der beiden Erklärungen", "dieser Vereinbarung", "die genannte Erklärung": named before.
_BACK = re.compile(r"(?<!\w)(?:(?:der|die|den|des|dem)\s+beiden|[Dd]iese[rsnm]?|"
                   r"(?:der|die|das|den|des|dem)\s+(?:oben\s+)?(?:genannte|vorgenannte|erwähnte)\w*)"
                   r"\s+(?:[a-zäöüß]\w*\s+)?$")


def _each_day(text: str, kind: KindMatch, within: SpanFacts) -> list[DateValue]:
    """Instruments named in the plural with a day each ("am 1. März 1999 mit … und am
    4. Mai 2001 mit … Gemeinsame Erklärungen unterzeichnet"): one agreement a day."""
    if not _plural(text, kind):
        return []
    days = list(dict.fromkeys(d.value for d in within.dates
                              if d.value.complete and d.value.end is None
                              and d.value.start.day is not None))
    return days if len(days) > 1 else []


def _each_year(text: str, within: SpanFacts, registers: Registers) -> list[DateValue]:
    """"In den Jahren 2007, 2010 und 2013 wurde jeweils … ein Memorandum unterschrieben": one
    instrument of the singular kind in each year the sentence names (none for one year)."""
    if not re.search(r"\bjeweils\b", text) or not any(not _plural(text, k)
                                                     for k in kinds_in(text, registers)):
        return []
    dates: list[DateValue] = []
    for found in within.dates:
        value = found.value
        if not value.complete:
            continue
        if value.end is None:
            dates.append(value)
        elif " und " in value.text and value.start.month is None and value.end.month is None \
                and not re.search(r"zwischen\s+$", text[:max(0, found.start - within.span.start)]):
            dates += [DateValue(value.start, text=value.text),
                      DateValue(value.end, text=value.text)]
    dates = list(dict.fromkeys(dates))  # "2010 und 2013" is two years, not a span
    return dates if len(dates) > 1 else []


# A sentence that dates itself by the day it is written ("in der heutigen Aktualisierung"):
# the document's date, or none; never another date of its paragraph.
_TODAY = re.compile(r"(?<!\w)(?:heute|heutige[nmrs]?|gestern|gestrige[nmrs]?)(?!\w)")


def paragraph_date(facts: BlockFacts, sentence: Span,
                   before: DateValue | None = None,
                   heading: DateValue | None = None) -> DateValue | None:
    """The date an undated signing sentence takes from its paragraph (see `_paragraph_date`);
    one that says it continues the occasion ("Anschließend unterzeichneten beide …") in a
    paragraph without dates takes the occasion date of the paragraph `before` it; an item of
    a chronology whose date stands alone on the line above it ("18. Januar 2041" / "Erstes
    gemeinsames Kommuniqué …, unterzeichnet …") takes that `heading` date, where the item
    states no date before the sentence. A sentence that dates itself by "heute" takes none."""
    if _TODAY.search(sentence.text):
        return None
    then = _then_date(facts, sentence)
    if then is not None:
        return then
    found = _paragraph_date(facts, sentence)
    undated_before = not any(d.start < sentence.start for d in facts.dates)
    continues = CONTINUATION.match(sentence.text.lstrip()) or _SAME_OCCASION.search(sentence.text)
    if found is None and before is not None and continues and undated_before:
        return before
    if found is None and heading is not None and heading.complete and undated_before:
        return _common_precision(heading)
    return found


def date_heading(facts: BlockFacts) -> DateValue | None:
    """The date a line states and nothing else ("18. Januar 2041", "14. bis 21. Mai 2043",
    "Juli 2044"): a chronology's heading for the item below it."""
    if len(facts.dates) != 1 or not facts.dates[0].value.complete:
        return None
    found = facts.dates[0]
    return found.value if _only_a_date(facts.block.text, found.start, found.end) else None


def _only_a_date(text: str, start: int, end: int) -> bool:
    return re.fullmatch(r"[\s:.,–-]*", text[:start] + text[end:]) is not None


def is_chronology(blocks: Sequence) -> bool:
    """A page that gives two dates or more a line of their own is a chronology (milestones,
    "Chronik"); one date line alone is a release's or a page's own date, not a heading."""
    lines = 0
    for block in blocks:
        text = block.text
        if len(text) > 60:
            continue
        found = [d for d in find_dates(text) if d.value.complete]
        lines += len(found) == 1 and _only_a_date(text, found[0].start, found[0].end)
        if lines >= 2:
            return True
    return False


# "Damals unterzeichneten …": the sentence points back to the time the one before names.
_THEN = re.compile(r"(?:Damals|Seinerzeit|Im\s+(?:selben|gleichen)\s+Jahr|In\s+(?:diesem|jenem)"
                   r"\s+Jahr)\b")


def _then_date(facts: BlockFacts, sentence: Span) -> DateValue | None:
    """A sentence that opens with "Damals" ("… besteht bereits seit 2031. Damals
    unterzeichneten …") is of the one date the sentence right before names, though that
    date follows "seit": the time it began is the time "damals" points to."""
    if not _THEN.match(sentence.text.lstrip()):
        return None
    text = facts.block.text
    before = text.rfind(". ", 0, max(0, sentence.start - 2))
    dates = {(d.value.start, d.value.end): d.value for d in facts.dates
             if before < d.start and d.end <= sentence.start and d.value.complete}
    return next(iter(dates.values())) if len(dates) == 1 else None


# A signing the sentence places at the occasion told before: "zum Abschluss der Veranstaltung",
# "bei dieser Gelegenheit", "im Rahmen des Besuchs", "Im Mittelpunkt der Konsultationen stand
# die Unterzeichnung …", "während der Reise": any phrase of place in an occasion named with its
# article or demonstrative.
_OCCASIONS = (r"(?:Veranstaltung|Konferenz|Kongress|Tagung|Sitzung|Besuch|Treffen|Reise|"
              r"Gespräch|Konsultation|Visite|Aufenthalt|Begegnung|Delegationsreise|Gelegenheit|"
              r"Anlass)\w*")
_SAME_OCCASION = re.compile(r"(?<!\w)(?:(?:zum|am)\s+Abschluss|[Ii]m\s+(?:Rahmen|Mittelpunkt|"
                            r"Zentrum|Verlauf)|[Ww]ährend|[Aa]nlässlich|[Bb]ei|[Aa]uf)\s+"
                            r"(?:der|des|dem|dieser|dieses|diesem)\s+" + _OCCASIONS)


def occasion_date(facts: BlockFacts) -> DateValue | None:
    """The one occasion date a paragraph states (for the paragraph after it), if one."""
    return _paragraph_date(facts, Span(facts.block, len(facts.block.text), len(facts.block.text)))


def _paragraph_date(facts: BlockFacts, sentence: Span) -> DateValue | None:
    """The one occasion date a paragraph gives before a sentence that says what was signed at
    it ("Ministerpräsident X hat am Mittwoch, 3. Mai 2034, … empfangen. … unterzeichneten
    … eine Erklärung"): the date of an undated signing sentence; none where several dates
    precede it."""
    text = facts.block.text
    earlier = set({(d.value.start, d.value.end): d.value for d in facts.dates  # one per day
                   if d.end <= sentence.start and d.value.complete
                   and not _AFTER_SINCE.search(text[max(0, d.start - 12):d.start])
                   and not _IN_SINCE_PHRASE.search(text[max(0, d.start - 100):d.start])
                   and not _CITED.search(text[max(0, d.start - 40):d.start])
                   and not _dateline(text, d.start, d.end)
                   and not _in_the_pluperfect(text, d.start, sentence.start)
                   and not _in_a_plan(text, d.start)}.values())
    if len(earlier) == 1:
        return next(iter(earlier))
    years = {v.start.year for v in earlier} | {v.end.year for v in earlier if v.end}
    if len(years) == 1 and len(earlier) <= 3:  # "im April 2016 … im Juni 2016 … unterzeichneten"
        return DateValue(PartialDate(years.pop()), text=sentence.text[:0])
    before = text.rfind(". ", 0, max(0, sentence.start - 2))  # the sentence right before
    if len(years) > 1 and before >= 0:
        latest = [d.value for d in facts.dates if before < d.start and d.end <= sentence.start
                  and d.value.complete]
        years = {v.start.year for v in latest} | {v.end.year for v in latest if v.end}
        if len(years) == 1:  # "2031 … 2032 …; im April 2035 …, im Juni 2035 …. Beide Seiten"
            return DateValue(PartialDate(years.pop()), text=sentence.text[:0])
    return None


# "Die Erklärung war 2031 … unterzeichnet worden", "hatten … 2031 … vereinbart": background told
# before the occasion, not the occasion a later signing sentence continues.
_PLUPERFECT = re.compile(r"(?<!\w)(?:war|waren)\b[^.;]*\bworden\b|(?<!\w)(?:hatte|hatten)\b[^.;]*\b"
                         r"(?:ge\w+t|\w*unterzeichnet|\w*schlossen|unterschrieben|vereinbart|"
                         r"besiegelt)\b")


def _in_a_plan(text: str, start: int) -> bool:
    """The date stands in a sentence that plans ("Die erste Sitzung soll im Sommer 2031
    stattfinden"): no occasion that was."""
    begin = text.rfind(". ", 0, start) + 1
    end = text.find(". ", start)
    return PLANNING.search(text[begin:end if end >= 0 else len(text)]) is not None


def _in_the_pluperfect(text: str, start: int, limit: int) -> bool:
    """The date stands in a sentence, before `limit`, told in the pluperfect."""
    begin = text.rfind(". ", 0, start) + 1
    end = text.find(". ", start)
    end = limit if end < 0 or end > limit else end
    return _PLUPERFECT.search(text[begin:end]) is not None


# A date that names a document or act, not an occasion: "der Vertrag vom 3. Mai 2031",
# "das Gesetz vom …" (an occasion's span "Reise vom 3. bis 5. Mai" is not preceded so).
_CITED = re.compile(r"(?<![\w-])(?:\w*(?:[Vv]ertrag|[Aa]bkommen|[Gg]esetz|[Bb]eschluss|"
                    r"[Vv]ereinbarung|[Ee]rklärung|[Mm]emorandum|[Pp]rotokoll|[Ss]chreiben))"
                    r"(?:s|es)?\s+vom\s+$")


# "veröffentlicht am 03.05.2031", "Pressemitteilung vom …", "Stand: …": the date of issue.
_ISSUED = re.compile(r"(?:[Vv]eröffentlicht(?:\s+am)?|[Ee]rschienen\s+am|[Ee]rstellt\s+am|"
                     r"(?:Pressemitteilung|Presseinformation|Pressemeldung|Medieninformation)"
                     r"\s+vom|Stand(?:\s+vom)?|Datum)\s*:?\s*$")


def _dateline(text: str, start: int, end: int) -> bool:
    """"Beispielstadt, 3. Mai 2034. Ministerpräsident …": the date of issue opening a press
    release's first paragraph dates the release, not an occasion of the paragraph; so does the
    date line after the release's number, where a page runs it into the text
    ("Pressemitteilung Nr.: 12/34 Beispielstadt, den 3. Mai 2034 Das Land …")."""
    if RELEASE_DATELINE.search(text[max(0, start - 120):start]) or \
            _ISSUED.search(text[max(0, start - 40):start]):
        return True
    return re.fullmatch(r"\s*[A-ZÄÖÜ][\w .()/-]{0,40},\s*(?:den\s+)?", text[:start]) is not None \
        and re.match(r"\s*[.:–-]", text[end:]) is not None


def _land_is_party(within: SpanFacts, text: str, ministry: MinistryRef | None) -> bool:
    """The Land, its government, a ministry or one of its officials takes part; where the text
    says between whom ("zwischen der TU München und der Université de Montréal"), the Land
    or a ministry must be among them, whatever ministry's table row it stands in."""
    block = within.span.block.text
    if _PARLIAMENT.search(text) and not _GOVERNMENT.search(text) and ministry is None \
            and not within.ministries and not any(
                f.ref.kind == "land" and not _PARLIAMENTS_NAME.search(block[:f.start])
                for f in within.parties):
        return False  # "Der Landtagspräsident und … unterzeichneten": the parliament's
    between = re.search(r"\bzwischen\b(?!\s+(?:den\s+|ihren\s+|unseren\s+)?beiden\b"
                        r"|\s+(?:de[mn]\s+)?\d)(.*)", text)
    said = _between_says(within, between) if between is not None else None
    if said is not None:  # "zwischen den/ihren beiden Ländern": the paragraph's two parties
        return said
    if ministry is not None or within.ministries or \
            any(f.ref.kind == "land" for f in within.parties):
        return True
    if OWN_GOVERNMENT.search(text) or re.search(r"\b[Bb]eide(?:n)? (?:Seiten|Ländern?)\b", text):
        return True  # "Beide Seiten unterzeichneten": the paragraph's two parties
    if any(m.scope is not None and (m.scope.ministry is not None or (m.scope.party is not None
                                    and m.scope.party.kind == "land"))
           for m, _, _ in within.mentions()):
        return True
    if not OTHER_BODY.search(text) and any(
            m.role is not None and m.role.domain == "land" and m.scope is None
            for m, _, _ in within.mentions()):
        return True  # "Europaministerin A hat … unterzeichnet": a post only a Land's has
    return _unnamed_actor_is_the_land(within, text)


def _between_says(within: SpanFacts, between: re.Match[str]) -> bool | None:
    """Whether the Land or a ministry is among those "zwischen" names; None where "zwischen"
    stands in another clause than the signing ("Beziehungen zwischen Völkern sind …, daher
    freue ich mich, dass wir heute … unterzeichnen") and so says nothing of who signs."""
    rest = between.group(1)
    other = _OTHER_CLAUSE.search(rest)
    if other is not None and AGREEMENT_ACTION.search(rest, other.end()):
        return None
    offset = within.span.start + between.start(1)
    clause = _CLAUSE_STOP.split(rest[:160])[0]
    limit = offset + len(clause)
    in_clause = lambda start: offset <= start < limit  # noqa: E731
    bracketed = [(offset + m.start(), offset + m.end()) for m in _BRACKETS.finditer(clause)]
    placing = lambda start: any(a < start < b for a, b in bracketed)  # noqa: E731
    block = within.span.block.text
    return bool(any(in_clause(f.start) and not placing(f.start)
                    and not _BODY_NAMED_AFTER.match(block, f.end)
                    and not _BODY_OF_THE_PLACE.search(block[offset:f.start])
                    for f in within.parties if f.ref.kind == "land")
                or any(in_clause(start) for _, start, _ in within.ministries)
                or _own_government_named(clause, offset, within) or _OWN_MINISTRY.match(rest)
                or re.match(r"\s*(?:mir|uns)\b", clause))  # the speaker, the Land's official


def _own_government_named(clause: str, offset: int, within: SpanFacts) -> bool:
    """"zwischen der Landesregierung und …" names the Land's side; "Land" inside a party's
    name ("dem Arbeitgeberverband Nordufer Land") names that party, not the Land."""
    return any(not any(f.start <= offset + m.start() < f.end for f in within.parties)
               for m in OWN_GOVERNMENT.finditer(clause))


_OTHER_CLAUSE = re.compile(r",\s+(?:daher|deshalb|darum|dass|weil|denn|sodass)\b")
# "zwischen der Beispielstadt Port Authority (BPA) und …": a name followed by capitalised words and
# the body's abbreviation in brackets begins that body's name; the body is the party.
# "zwischen den Freiwilligen Feuerwehren von A und B": the Land names where the bodies are.
_BODY_OF_THE_PLACE = re.compile(r"^\s*(?:de[mnrs]|die)\s+(?:[\w-]+\s+){0,2}(?!(?:Land|Landes|"
                                r"Regierung|Landesregierung|Staatsregierung|Freistaat\w*|Senat\w*|"
                                r"Ministerpräsident\w*|Bundesland\w*)\s)[A-ZÄÖÜ][\w-]*\s+"
                                r"(?:von|aus|in)\s+(?:der\s+|dem\s+)?$")
_BODY_NAMED_AFTER = re.compile(r"(?:\s+[A-ZÄÖÜ][\w-]*){1,4}\s+\([A-ZÄÖÜ][A-Za-zÄÖÜ]{1,7}\)")
# A Land in brackets after a body "zwischen" names ("zwischen den Clustern A (Land) und B
# (Region C)") only places that body: the body is the party, not the Land.
_BRACKETS = re.compile(r"\([^()]{0,60}\)")


# A parliament signs for itself, the government for the Land: a sentence that names the
# Landtag or a member or president of it, and no one of the government, is no Land's signing.
_PARLIAMENT = re.compile(r"(?<!\bim )(?<![\w-])(?:Landtag\w*|Abgeordnete\w*|Abgeordnetenhaus\w*|"
                         r"Bürgerschaft\w*)|\w*[Pp]arlament\w*")
# "des Landtages Mecklenburg-Vorpommern", "der Landtag von Beispielland": the Land's name is
# part of its parliament's, and names no party of the Land's government.
_PARLIAMENTS_NAME = re.compile(r"(?:Landtag\w*|Abgeordnetenhaus\w*|Bürgerschaft\w*|"
                               r"\w*[Pp]arlament\w*)\s+(?:(?:von|des\s+Landes|des\s+Freistaate?s)\s+)?$")
_GOVERNMENT = re.compile(r"(?<![\w-])(?:Landesregierung|Staatsregierung|Regierung|Staatskanzlei|"
                         r"Senatskanzlei|Senat|Staatsministerium)\b|\w*[Mm]inister\w*|"
                         r"\w*(?:Bürgermeister|Staatssekretär)\w*")


# "zwischen dem Wirtschaftsministerium und …": a ministry named first, by its word alone.
_OWN_MINISTRY = re.compile(r"\s*(?:dem|des)\s+(?:\w+\s+)?(?!Bundes)\w*[Mm]inisteri(?:um|ums)\b")


def _unnamed_actor_is_the_land(within: SpanFacts, text: str) -> bool:
    """A signing that names no actor of the Land's side ("wurde … unterzeichnet", "Die
    Partnerschaft basiert auf einer 2001 unterzeichneten Erklärung mit der Provinz A") is, in
    the Land's own document, the Land's: unless another body, the Federation, or two foreign
    parties signing with each other are named."""
    if OTHER_BODY.search(text) or any(f.ref.key == "DE" for f in within.parties):
        return False
    signing = _SIGNING.search(text)
    stop = _CLAUSE_STOP.search(text, signing.end()) if signing else None
    cut = within.span.start + stop.start() if stop else None  # "…, in der beide A zusichern"
    foreign = [f for f in within.parties if f.ref.kind != "land" and (cut is None or f.start < cut)]
    if foreign and _SIGNING.search(text) and \
            _WITH.match(text[:max(0, foreign[0].start - within.span.start)]):
        return True  # "Gemeinsam mit den Vertretern der Provinzen A und B unterzeichnete …"
    return len({f.ref.key for f in foreign}) <= 1 or bool(PASSIVE.search(text))


# The foreign parties introduced, at the sentence's start, as those the actor signs with
# ("Gemeinsam mit den Vertretern der Provinzen …"; not "Im Rahmen der Partnerschaft mit …").
_WITH = re.compile(r"\s*(?:[Gg]emeinsam\s+[Mm]it|Mit)\s+(?:de[nmr]|die|den)\s")


@cache
def _land_word(registers: Registers) -> re.Pattern[str]:
    """A Land's name, by its first word, or "Land": "ein MoU Nordrhein-Westfalen – Beispielprovinz"
    names the parties, not the MoU."""
    words = {re.split(r"[\s-]", name)[0] for land in registers.laender.values()
             for name in (land.label_de, *land.names)}
    words = {w for w in words if len(w) > 2}
    alternatives = "|".join(sorted(map(re.escape, words)))
    return re.compile(rf"\s+(?:Land|(?:{alternatives})\b)")


def _titles(text: str, kind: KindMatch, registers: Registers) -> list[str]:
    """"der MoUs Medizintechnik und Energie" -> two MoUs; "ein MoU zwischen … geschlossen" ->
    the instrument and its parties up to the verb."""
    label = instrument(text, kind)
    rest = text[kind.end:]
    named = re.match(r"\s+([A-ZÄÖÜ][\w-]+(?:\s+und\s+[A-ZÄÖÜ][\w-]+)*)(?=$|[\s,.;)])", rest)
    if named and not _land_word(registers).match(rest):
        return [f"{label} {name}" for name in re.split(r"\s+und\s+", named.group(1))]
    tail = re.split(r"\s+(?:wurde|wurden|haben|hat|ist|sind|war|waren|fand|fanden|erfolgte|"
                    r"unterzeichnet|geschlossen|unterschrieben|eingegangen)\b|,\s+(?:das|die|der|u\.\s?a\.)\b|\s+u\.\s?a\.",
                    rest, maxsplit=1)[0]
    tail = re.sub(r"\s*(?:[,;:.]|\bund\b)\s*$", "", tail).strip(" «»\"„“”‚‘’")
    return [f"{label} {tail}".strip() if len(tail) > 3 else ""]


def instrument(text: str, kind: KindMatch) -> str:
    """The instrument as the text names it, in the nominative: a single word other than the
    kind's label as written ("ein Kooperationsabkommen" -> "Kooperationsabkommen");
    else the kind's label ("einer gemeinsamen Erklärung" -> "Gemeinsame Erklärung")."""
    concept = kind.concept
    if concept.key == "memorandum-of-understanding":
        return "MoU"
    written = text[kind.start:kind.end]
    if not re.fullmatch(r"[A-ZÄÖÜ][\w-]+", written) or _PRONOUN_SIGNED.match(written + " war") \
            or written == "Unterzeichnung":  # what stands for the instrument named before
        return concept.label_de
    noun = re.sub(r"(?<=ung)(?:en|s)$|(?<=schaft)en$|(?<=men)s$", "", written)
    if noun.replace("-", "").lower() == concept.label_de.split(" ")[-1].lower():
        return concept.label_de
    return noun


def plain_title(label: str, land: str, partners: list[PartyRef], registers: Registers) -> str:
    """A title for an instrument the text names by kind only."""
    names = " und ".join(p.label_de for p in partners)
    return f"{label} zwischen {land_label(registers, land)} und {names}"


_ON_A_WEEKDAY = re.compile(rf"(?<!\w)am\s+(?:{WEEKDAYS})(?!\w)")


def _weekday_of_the_month(text: str, setting: Setting) -> DateValue | None:
    """"unterzeichnete am Samstag (Ortszeit) …" on a page dated only by month ("date 2031-09"):
    the weekday names no day, but the signing is of the page's month."""
    match, signing = _ON_A_WEEKDAY.search(text), _SIGNING.search(text)
    if setting.day_known or setting.reference is None or match is None or signing is None:
        return None
    if "," in text[min(match.end(), signing.end()):max(match.start(), signing.start())]:
        return None  # "teilte am Mittwoch mit, dass … unterzeichneten": another clause's day
    return DateValue(PartialDate(setting.reference.year, setting.reference.month),
                     text=match.group())


def _signing_date(text: str, within: SpanFacts, row_date: DateValue | None,
                  kind: KindMatch | None = None,
                  signed_before: KindMatch | None = None) -> DateValue | None:
    """The date of the clause with the signing verb, else the row's date, made no more precise
    than both ends of a range agree on ("vom 12. bis 19. Mai 2016" -> May 2016). A clause that
    confirms a cooperation by an instrument ("2011 … mit einer weiteren Erklärung bekräftigt")
    has its verb for the signing's."""
    signing = _SIGNING.search(text) or _CONFIRMED.search(text)
    offset = within.span.start
    block = within.span.block.text  # the release's date line is no occasion of its text
    within = replace(within, dates=[d for d in within.dates if not RELEASE_DATELINE.search(
        block[max(0, d.start - 120):d.start]) and not _dates_another(block, d.start, d.end)])
    candidates = within.dates
    own = _own_clause_dates(text, within, kind, signing.start() if signing else None)
    if own is not None:  # "… unterzeichnet; am 4. Juni 2005 folgte eine Absichtserklärung …"
        return _common_precision(own[0].value) if own and own[0].value.complete else None
    if signing and kind is not None and signed_before is not None and \
            signed_before.end <= _clause_end(text, signing.start()) < kind.start and \
            not _SIGNING.search(text, _clause_end(text, signing.start())):
        # "…, die eine Vereinbarung aus dem Jahr 1995 ergänzt": not the signing's instrument
        later = [d for d in within.dates if d.start - offset >= _clause_end(text, signing.start())]
        return _common_precision(later[-1].value) if later and later[-1].value.complete else None
    adjacent = [d for d in candidates if signing and 0 <= signing.start() - (d.end - offset) <= 2
                and not _in_an_aside(text, d.start - offset, d.end - offset, signing.start())]
    extended = EXTENSION_ACTION.search(text, signing.end()) if signing else None
    before: list = []
    if signing and extended:  # the dates of the extension's own clause are not the signing's
        cut = max(signing.start(), text.rfind(" und ", signing.end(), extended.start()))
        before = [d for d in candidates if d.end - offset <= cut]
    if adjacent:  # "die 2001 geschlossene Vereinbarung …, 2011 verlängert"
        candidates = adjacent
    elif signing and extended and before:
        candidates = before  # "Die 2005 mit A geschlossene Vereinbarung wurde 2015 verlängert"
    elif signing:
        clause_end = _clause_end(text, signing.start())
        candidates = [d for d in within.dates if d.start - offset < clause_end]
        own = [d for d in candidates
               if not _in_an_aside(text, d.start - offset, d.end - offset, signing.start())]
        candidates = own or candidates  # "Am 3. Mai 2039, 25 Jahre nach … 2014, unterzeichneten"
    value = candidates[-1].value if candidates else row_date
    if value is not None and not value.complete:
        value = _in_the_months_year(value, row_date)
    return _common_precision(value) if value and value.complete else None


def _in_the_months_year(day: DateValue, month: DateValue | None) -> DateValue | None:
    """A day without a year in the month the paragraph dates ("im Mai 2031 … am 3. Mai"):
    that month's year; any other yearless day stays undated."""
    if month is None or not month.complete or month.end is not None or day.end is not None \
            or month.start.month is None or month.start.day is not None \
            or month.start.month != day.start.month or day.start.day is None:
        return None
    return DateValue(PartialDate(month.start.year, day.start.month, day.start.day),
                     text=day.text)


# "unserer 2018 gegründeten Repräsentanz", "des am 1. Mai 2004 eröffneten Büros": a date between
# an article and a participle that qualifies a noun dates that noun, unless the participle is a
# signing's ("die 2001 geschlossene Vereinbarung").
_ARTICLE_BEFORE = re.compile(r"(?<!\w)(?:der|die|das|den|dem|des|eine[mnrs]?|ein|unsere[mnrs]?|"
                             r"ihre[mnrs]?|seine[mnrs]?|diese[mnrs]?)\s+(?:(?:am|im)\s+)?$",
                             re.IGNORECASE)
_ATTRIBUTE = re.compile(r"\s+(?P<word>[a-zäöü]\w*(?:t|en)e[nmrs]?)\s+[A-ZÄÖÜ]")


def _dates_another(text: str, start: int, end: int) -> bool:
    match = _ATTRIBUTE.match(text, end)
    if match is None or _ARTICLE_BEFORE.search(text[max(0, start - 20):start]) is None:
        return False
    return not _SIGNING.match(match["word"]) and not AGREEMENT_ACTION.match(match["word"])


def _own_clause_dates(text: str, within: SpanFacts, kind: KindMatch | None,
                      signing: int | None) -> list | None:
    """The dates of an instrument's own clause, after ";" or ", und", where the signing verb
    stands in an earlier clause (none for an extension); None where it has no clause of its
    own."""
    if kind is None or signing is None:
        return None
    seps = [m for m in _CLAUSE_SEPARATOR.finditer(text) if m.end() <= kind.start]
    if not seps or signing >= seps[-1].end():
        return None
    start = seps[-1].start()
    following = _CLAUSE_SEPARATOR.search(text, kind.end)
    end = following.start() if following else len(text)
    if EXTENSION_ACTION.search(text, start, end) and not _SIGNING.search(text, start, end):
        return []  # "Juni 2015: Die Partnerschaftserklärung wird erneuert": no new date
    offset = within.span.start
    own = [d for d in within.dates if start <= d.start - offset and d.end - offset <= end]
    return own or None


# Where a clause or a chronology's entry begins: ";", ", und", "Juni 2015:", "2015 –".
_CLAUSE_SEPARATOR = re.compile(r";|,\s+(?:und|sowie)\s|,\s+(?=" + _DATED_CLAUSE + ")|"
                               # "…, 2021 folgte ein Aktionsplan"
                               r",\s+(?=(?:19|20)\d\d\s+[a-zäöü]\w+)|"
                               r"\s(?:\d{1,2}\.\s?)?(?:[A-ZÄÖÜ][a-zä]+\s)?"
                               r"\d{4}\s?[:–]\s"
                               # "… 1996 … besiegelt und 2016 mit einer neuen Erklärung …"
                               r"|\s+und\s+(?=(?:im\s+(?:Jahr\s+)?)?\d{4}\s+(?:mit|durch)\b)")


# The marks that set an aside off inside a sentence: commas or dashes on both sides.
_ASIDE_MARKS = ((", ", ","), (" – ", " –"), (" - ", " -"), (" — ", " —"))
_ASIDE_WORD = re.compile(rf"(?<!\w)(?!(?:{WEEKDAYS}|den|dem|am|im|vom|Jahr|Jahre)\b)"
                         r"[A-Za-zÄÖÜäöüß]{3,}")


def _in_an_aside(text: str, start: int, end: int, verb: int) -> bool:
    """A date inside an aside set off by commas or dashes that does not hold the signing verb
    ("Am 3. Mai 2039, 25 Jahre nach der ersten Erklärung von 2014, unterzeichneten …", "… in
    Danzig, wo er schon 2014 zu Gast war, eine Erklärung", "– zum Jubiläum der Partnerschaft von
    2014 –"): the aside's date is not the signing's. An aside that is no more than the date
    ("am Mittwoch, 3. Mai 2034, unterzeichneten") is the signing's own date."""
    for opening, closing in _ASIDE_MARKS:
        left = text.rfind(opening, 0, start)
        right = text.find(closing, end)
        if left < 0 or right < 0 or left <= verb < right:
            continue
        if closing == "," and opening == ", " and text.rfind(",", left + 1, start) >= 0:
            continue
        aside = text[left + len(opening):start] + " " + text[end:right]
        if _ASIDE_WORD.search(aside):
            return True
    return False


def _clause_end(text: str, position: int) -> int:
    # "…, die …", "…, mit der die seit 1995 bestehende Partnerschaft bekräftigt wird"
    match = re.search(r",\s+(?:(?:mit|in|durch|nach|bei|auf|über|für)\s+)?"
                      r"(?:das|die|der|dem|denen|welche[rsm]?)\b", text[position:])
    separator = _CLAUSE_SEPARATOR.search(text, position)
    ends = [position + match.start()] if match else []
    return min([*ends, *([separator.start()] if separator else []), len(text)])


def _common_precision(value: DateValue) -> DateValue:
    if value.end is None:
        return value
    start, end = value.start, value.end
    if start.year == end.year and start.month == end.month:
        return DateValue(PartialDate(start.year, start.month), text=value.text)
    if start.year == end.year:
        return DateValue(PartialDate(start.year), text=value.text)
    return DateValue(PartialDate(start.year), end=PartialDate(end.year), text=value.text)


def each_partner(sentence: Span, current: SpanFacts, previous: SpanFacts | None,
                 setting: Setting, listed: list[PartyRef] | None = None) -> list[AgreementRecord]:
    """"Mit A und B hat die Landesregierung jeweils eine Erklärung unterzeichnet", or "Es
    bestehen Partnerschaften mit A, B und C. Hierzu wurde jeweils eine …": one per partner
    the sentence names, else the sentence before (`listed`: the partners the sentence before
    states partnerships with, partner cities among them)."""
    registers, land = setting.registers, setting.land
    if not one_each(sentence.text, registers):
        return []
    kinds = kinds_in(sentence.text, registers)
    if not kinds or not AGREEMENT_ACTION.search(sentence.text):
        return []
    kind = kinds[0].concept
    label = instrument(sentence.text, kinds[0])
    partners = _partners(current) or listed or (_partners(previous) if previous else [])
    records = []
    for partner in partners:
        title = f"{label} zwischen {land_label(registers, land)} und {partner.label_de}"
        records.append(AgreementRecord(
            local_key=f"{ns.slug(kind.key)}-{ns.slug(partner.key)}", title=title,
            kind=kind.key, land=land, partners=(partner,), passage=sentence.passage(setting.file)))
    return records


def one_each(text: str, registers: Registers) -> bool:
    """"jeweils eine Erklärung", "der jeweiligen Partnerschaftsvereinbarung": one instrument
    per partner; "mit den jeweiligen Amtskollegen" names no instrument of each."""
    kinds = kinds_in(text, registers)
    for match in EACH_AGREEMENT.finditer(text):
        if match.group().startswith("jeweils") or \
                any(k.start >= match.end() and not text[match.end():k.start].strip()
                    for k in kinds):
            return True
    return False


def both_countries(text: str) -> bool:
    """"zwischen den beiden Ländern": the Land and the one country named before."""
    return re.search(r"\b[Bb]eiden?\s+Ländern?\b", text) is not None


def land_label(registers: Registers, land: str) -> str:
    entry = registers.laender.get(land)
    return entry.label_de if entry else land


def topics(text: str, registers: Registers) -> tuple[str, ...]:
    """The topic concepts whose patterns occur as whole words in the text an agreement is
    given. Longer matches are taken first: a topic word that is only the head noun of a longer
    topic's phrase ("berufliche Bildung", "erneuerbare Energien") names that narrower topic,
    not also the broader one; a word leading a longer phrase ("Kultur und …") still counts."""
    found = [(m.start(), m.end(), key) for key, matches in _topic_matches(text, registers)
             for m in matches]
    kept: list[tuple[int, int, str]] = []
    for start, end, key in sorted(found, key=lambda m: (m[0] - m[1], m[0])):
        if not any(k != key and _head_of(text, s, e, start, end) for s, e, k in kept):
            kept.append((start, end, key))
    named = {key for _, _, key in kept}
    return tuple(c.key for c in registers.topics if c.key in named)


def _head_of(text: str, start: int, end: int, inner_start: int, inner_end: int) -> bool:
    """The inner match ends the phrase start–end, after one attributive word."""
    return inner_end == end and start < inner_start and \
        re.fullmatch(r"\S+\s+", text[start:inner_start]) is not None


class ListLead:
    """A lead that introduces a list of instruments by their partners ("Folgende
    Partnerschaftsvereinbarungen bestehen:" and then "- Woiwodschaft A (seit 2001)"): one
    instrument per item, of the item's date."""

    def __init__(self) -> None:
        self.kind: KindMatch | None = None
        self.text = ""

    def read(self, facts: BlockFacts, setting: Setting) -> list[AgreementRecord]:
        """The instruments a list's item states; a lead remembered, anything else ends it."""
        block, registers = facts.block, setting.registers
        text = block.text.strip()
        kinds = [k for k in kinds_in(text, registers) if k.concept.key not in _NOT_LISTED]
        foreign = [f for f in facts.parties if f.ref.kind != "land" and f.ref.key != "DE"]
        if text.endswith(":") and kinds and not foreign and not PLANNING.search(text) \
                and not PLANNED_LINE.search(text) \
                and not OTHER_BODY.search(text) and not _PARLIAMENT.search(text):
            self.kind, self.text = kinds[0], text
            return []
        kind, self.kind = self.kind, None
        if kind is None or not _LIST_LINE.match(text) or not foreign or PLANNED_LINE.search(text):
            return []
        self.kind = kind  # the list goes on
        partners = list({f.ref.key: f.ref for f in foreign}.values())
        if len(partners) > 2:
            return []
        dates = [d.value for d in facts.dates if d.value.complete and d.value.end is None]
        date = dates[0] if len(dates) == 1 else None
        label = instrument(self.text, kind)
        title = plain_title(label, setting.land, partners[:1], registers)
        span = Span(block, 0, len(block.text))
        return [AgreementRecord(
            local_key=ns.slug(title) + (f"-{date.start.lexical()}" if date else ""),
            title=title, kind=kind.concept.key, land=setting.land, partners=(partners[0],),
            passage=span.passage(setting.file), date=date)]


# A partnership is a relation, not a document listed by its partners.
_NOT_LISTED = {"regionalpartnerschaft"}
# A list's line: a bullet or a short line without a full stop ("Woiwodschaft A (seit 2001)").
_LIST_LINE = re.compile(r"^(?:[-–•▪►*]\s+\S.*|(?!.*[.!?]$)(?:\S+\s+){0,11}\S+)$", re.DOTALL)
