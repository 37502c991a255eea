"""Standing partnerships of the Land, however the text states them: "unterhält
Regionalpartnerschaften mit …", "Partnerregion … seit 2031", "20 Jahre Partnerschaft mit …",
a list of partners under a lead ("folgende Partnerregionen:"), and the agreements that
establish or renew one (see `from_agreements`)."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

from kg import namespaces as ns
from kg.dates import DateValue, PartialDate
from kg.extract import places
from kg.extract.analysis import BlockFacts, Setting, SpanFacts
from kg.extract.cues import (
    ANNIVERSARY,
    CITY_PARTNERSHIP,
    ENDED,
    EXTENSION_ACTION,
    HELD_BY,
    NEGATION,
    NOT_EXACT_YEARS,
    NOT_NAME_WORDS,
    NUMBER_WORDS,
    OCCASION_PARTNER_AFTER,
    OCCASION_PARTNER_BEFORE,
    OTHER_HOLDER,
    OTHERS_NAMED_AFTER,
    OTHERS_PARTNERSHIP,
    OWN_GOVERNMENT,
    PARLIAMENTS_PARTNERSHIP,
    PARTNERSHIP,
    PLANNING,
)
from kg.extract.territories import region_ref
from kg.extract.text import Span, sentences
from kg.records import AgreementRecord, PartnershipRecord, PartyRef, Passage
from kg.registers import Registers

_ITEM = re.compile(r"^\s*(?:[-–•▪►*]|\d{1,2}[.)])\s+")
_SINCE_BEFORE = re.compile(r"(?<!\w)[Ss]eit\s+(?:dem\s+|den\s+|(?:dem\s+)?Jahre?\s+|Anfang\s+|"
                           r"Mitte\s+|Ende\s+)?$")
_FIRST_INSTRUMENT = re.compile(r"\b(?:die|der|das|einer?)\s+erste[nr]?\b|\berstmal\w*|"
                               r"\bGrundlage\b|\bBeginn\b|\bbegründet|\bbesiegelt")
_BRACKETED_SINCE = re.compile(r"\(\s*(?:[^()\n]{0,40}?[;,]\s*)?(?:seit|ab)\s+(?:dem\s+)?$")
_FOUNDING = re.compile(r"\b(?:wurde|wurden|ist|sind)\b[^.;]*\b(?:begründet|gegründet|geschlossen|"
                       r"eingegangen|besiegelt|ins Leben gerufen|aus der Taufe gehoben)\b|"
                       # "…, die 2005 begründet wurde": the subordinate clause's order
                       r"\b(?:begründet|gegründet|geschlossen|eingegangen|besiegelt)\s+"
                       r"(?:wurde|wurden|worden)\b|"
                       # "Im Jahr 2033 schloss das Land mit A eine Partnerschaft"
                       r"\b(?:schloss|schlossen|begründete|begründeten|besiegelte|besiegelten)\b"
                       r"[^.;]*\b(?:eine|die)\s+(?:\w+\s+)?\w*[Pp]artnerschaft")
# "die 1989 begründete Partnerschaft", "der seit 1995 bestehenden Partnerschaft": a date before
# the participle that qualifies the partnership word right after it.
_ATTRIBUTIVE = re.compile(r"\s*(?:bestehende|begründete|gegründete|geschlossene|eingegangene|"
                          r"besiegelte|vereinbarte|unterzeichnete)[nrs]?\s+(?:[a-zäöüß]\w*\s+)?")
# "Seit dem offiziellen Beginn ihrer Partnerschaft am 24. November 1989": the date of its start.
_BEGINNING = re.compile(r"\b(?:Beginn|Begründung|Gründung|Besiegelung|Start)\s+(?:der|ihrer|seiner|"
                        r"unserer|dieser)\s+(?:\w+\s+)?(?P<word>\w*[Pp]artnerschaft\w*)\s+"
                        r"(?:am|im|vom)\s+(?:Jahre?\s+)?$")
_RESTING = re.compile(r"\b(?:ruht|ruhen|ruhte|ausgesetzt|eingefroren|suspendiert)\b")
_STEM = re.compile(r"(?<=[Pp]artner)(?:schaft|region|länder|land|provinz|präfektur|bundesstaat|"
                   r"staat|departement|woiwodschaft|wojewodschaft|oblast|kanton|stadt|städte)|"
                   r"(?<=Freundschafts)(?:vertrag|provinz|region|präfektur)")
_NETWORK = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+-[Pp]artnerschaft")  # a named network of regions
# "eine Partnerschaft mit einem Nationalstaat (Ungarn)": the country in brackets is the partner.
_STATE_BEFORE = re.compile(r"(?:[Nn]ationalstaat|\bStaat|\bLand)\w*\s*\(\s*$")
_REGION_KIND = re.compile(r"region|provinz|präfektur|bundesstaat|departement|woiwodschaft|"
                          r"wojewodschaft|oblast|kanton", re.IGNORECASE)
_REGION_WORDS = (r"Wojewodschaft|Woiwodschaft|Provinz|Präfektur|Region|Oblast|Bundesstaat|"
                 r"Departement")
_NEAR = 150  # characters between a partner's name and the partnership word in a long sentence
_BETWEEN_ITEMS = 6  # words: fewer make no paragraph that would end a list
_ANNIVERSARY_GAP = 40  # characters between "20 Jahre" and the partnership word it counts


class Leads:
    """A lead that introduces a list of partners ("Das Land unterhält folgende
    Regionalpartnerschaften:") gives its kind to the list items after it."""

    def __init__(self) -> None:
        self.kind: str | None = None
        self.former: dict[str, PartyRef] = {}  # regions the text calls former ("damalige")
        self.successor: dict[str, PartyRef] = {}  # former region key -> the region after it
        self.denied: set[str] = set()  # partners the text says the Land has no partnership with
        self.stated: dict[str, PartyRef] = {}  # partners of the partnerships stated so far
        # "das 25-jährige Jubiläum der Kooperation …": starts of a cooperation, by partner key
        self.cooperation: dict[str, tuple[DateValue, Passage]] = {}
        self.merging: PartyRef | None = None  # a partner region the text says merged
        self.named: dict[str, PartyRef] = {}  # regions the paragraphs before named
        self.earlier: dict[str, PartyRef] = {}  # … before the current paragraph


# "die damalige Wojewodschaft A", "der neu entstandenen Wojewodschaft B", "A, die 1999 in die
# Wojewodschaft B eingegliedert wurde": a region before and after a territorial reform.
_FORMER = re.compile(r"(?<!\w)(?:damalige|ehemalige|frühere|einstige)[nrs]?\s+(?:\w+\s+)?$",
                     re.IGNORECASE)
_NEW = re.compile(r"(?<!\w)(?:neu\s+(?:entstanden|gebildet|geschaffen|gegründet)e[nrs]?|"
                  r"neue[nrs]?)\s+(?:\w+\s+)?$", re.IGNORECASE)
_MERGED_INTO = re.compile(r"^,\s*(?:die|der|das|welche)\b[^,;]*?\b(?:in|mit)\s+"
                          r"(?:die|der|den|dem|das)\s+$")
_MERGED = re.compile(r"^[^,;]*?\b(?:eingegliedert|aufgegangen|aufging|übergegangen|"
                     r"zusammengelegt|fusioniert)\b")


def read(facts: BlockFacts, setting: Setting, leads: Leads) -> list[PartnershipRecord]:
    """The partnerships a block states, each with its sentence as passage."""
    block = facts.block
    leads.earlier = dict(leads.named)
    leads.named.update({f.ref.key: f.ref for f in facts.parties if f.ref.kind == "region"})
    is_item = bool(_ITEM.match(block.text))
    stated = PARTNERSHIP.search(block.text) is not None
    if not stated and leads.stated and (leads.merging is not None or _FUSED.search(block.text)):
        for sentence in sentences(block):  # a paragraph on the partner region's merger
            _merged(sentence, facts.within(sentence), leads)
    if not stated and _COOPERATION.search(block.text):
        for sentence in sentences(block):  # "die im Oktober 2031 begründeten … Beziehungen zu A"
            _cooperation_start(sentence, facts.within(sentence), facts, setting, leads)
    if not is_item and not stated and len(block.text.split()) < _BETWEEN_ITEMS:
        return []  # a link or caption between the list's items keeps the lead
    lead, leads.kind = (leads.kind if is_item else None), (leads.kind if is_item else None)
    if not stated and lead is None:
        return []
    found: list[PartnershipRecord] = []
    city = is_city_state(setting)
    previous: str | None = None  # a partnership sentence naming no partner leads the next one
    before: Span | None = None
    last: list[PartnershipRecord] = []  # what the sentence before stated
    here: set[str] = set()  # the partners the paragraph's sentences stated so far
    for sentence in sentences(block):
        if any(a <= sentence.end - 1 < b for a, b in facts.asked):
            continue  # the asker's title or preface in an answer
        within = facts.within(sentence)
        own = _kind(sentence.text, city)
        listing = previous if _LIST_INTRO.match(sentence.text) else \
            _names_the_plural(before, sentence, within, city) if before is not None else None
        before = sentence
        kind, listed = own or lead or listing, own is None
        previous = None
        if kind is not None and NEGATION.search(sentence.text):
            leads.denied.update(p.key for p in _partners(sentence, within, kind, listed))
        if kind is None:
            _cooperation_start(sentence, within, facts, setting, leads)
            _merged(sentence, within, leads)
            found += _pronoun_founding(sentence, within, last, setting)
        last = []
        if kind is None or NEGATION.search(sentence.text) or _planned(sentence.text, city) \
                or sentence.text.rstrip().endswith("?") \
                or _ANNOUNCED.search(sentence.text):
            continue
        partners = _partners(sentence, within, kind, listed)
        if re.search(r"[Rr]egionale[nr]?\s+\w*[Pp]artnerschaft", sentence.text):
            partners = [p for p in partners if p.kind != "country"]  # a region's, not a country's
        if city:
            if CITY_PARTNERSHIP.search(kind):
                partners = _as_cities(within, partners, setting)
            floor = _partner_after(sentence)  # "… Städtepartnerschaft mit B": only what follows
            cities = (partner_cities(sentence, within, setting, floor)
                      if floor is not None else []) or partner_cities(sentence, within, setting)
            partners += [p for p in cities if p.key not in {q.key for q in partners}]
        if own and _refers_back(sentence, within, city):  # "mit dieser Partnerschaft …"
            partners = [p for p in partners if p.key in here]
        elif not partners and own and not _others_before(sentence, city):
            partners = _named_before(sentence, facts) or _stated_before(sentence, leads)
        if not partners:
            if own and sentence.text.rstrip().endswith(":"):
                leads.kind = kind
            previous = own
            continue
        if not _land_holds(sentence, within, setting) or _held_by_others(sentence, within, city):
            continue
        partners = _succeeded(within, partners, leads)
        ended = bool(ENDED.search(sentence.text))
        for partner, since in _with_start(sentence, within, facts, partners, setting, listed):
            last.append(PartnershipRecord(land=setting.land, partner=partner, kind=kind,
                                          passage=sentence.passage(setting.file), since=since,
                                          ended=ended))
            leads.stated.setdefault(partner.key, partner)
            here.add(partner.key)
        found += last
    return found


_PRONOUN = re.compile(r"(?:Sie|Diese|Er|Es)\s+(?:wurde|ist|war)\b")


def _pronoun_founding(sentence: Span, within: SpanFacts, last: list[PartnershipRecord],
                      setting: Setting) -> list[PartnershipRecord]:
    """"Die Verbindung zwischen dem Land und A gilt als die erste Partnerschaft … Sie wurde im
    September 2031 … begründet": a sentence that refers back by a pronoun to the partnership
    the sentence before stated, and says when it was founded, dates it."""
    founded = _FOUNDING.search(sentence.text)
    if not last or not _PRONOUN.match(sentence.text) or founded is None or \
            re.search(r"\b(?:ein|eine|einen)\b", founded.group()) or \
            any(p.key not in {r.partner.key for r in last} for p in within.event_partners()):
        return []  # a sentence naming another partner is about that one
    text = sentence.block.text
    dates = [d for d in within.dates if d.value.complete and d.value.end is None
             and not _SINCE_BEFORE.search(text[max(0, d.start - 24):d.start])]
    if len(dates) != 1:
        return []
    return [PartnershipRecord(land=r.land, partner=r.partner, kind=r.kind,
                              passage=sentence.passage(setting.file), since=dates[0].value)
            for r in last]


# A partnership announced, not yet entered: "A und B unterzeichnen am Donnerstag eine
# Städtepartnerschaft", "wollen eine Partnerschaft eingehen".
_ANNOUNCED = re.compile(r"\b(?:unterzeichnen|schließen|besiegeln|begründen|eingehen|vereinbaren)\b"
                        r"(?![^.;]*\bheute\b)[^.;]{0,60}?\beine[nr]?\s+(?:\w+\s+)?\w*"
                        r"[Pp]artnerschaft|\b(?:wollen|möchten|werden)\b[^.;]{0,80}?\beine[nr]?\s+"
                        r"(?:\w+\s+)?\w*[Pp]artnerschaft\w*\s+(?:\w+\s+){0,4}?(?:eingehen|schließen|"
                        r"begründen|unterzeichnen|besiegeln)\b")


def _planned(text: str, city: bool) -> bool:
    """A partnership the sentence plans ("Eine Partnerschaft mit A ist geplant"); not one it
    names as existing and plans to deepen ("Die 20-jährige Partnerschaft mit A soll ausgebaut
    werden")."""
    if not PLANNING.search(text):
        return False
    cue = next((m for m in PARTNERSHIP.finditer(text) if _kind(m["kind"], city)), None)
    if cue is None or not _DEEPENED.search(text[cue.end():]):
        return True
    before = text[:cue.start()]
    return not _REFERRING.search(before) or \
        re.search(r"(?:geplant|künftig|angestrebt|vorgesehen|neu)\w*\s+$", before) is not None


def _succeeded(within: SpanFacts, partners: list[PartyRef], leads: Leads) -> list[PartyRef]:
    """A partnership with a region the text calls former ("die damalige Wojewodschaft A")
    continues with the region it names as its successor ("der neu entstandenen Wojewodschaft
    B", "A, die 1999 in die Wojewodschaft B eingegliedert wurde"): the partner is B."""
    text = within.span.block.text
    keys = {p.key for p in partners}
    found = [f for f in within.parties if f.ref.key in keys and f.ref.kind == "region"]
    for first, second in pairwise(found):
        between = text[first.end:second.start]
        if _MERGED_INTO.search(between) and _MERGED.search(text[second.end:]):
            leads.successor[first.ref.key] = second.ref
    for mention in found:
        before = text[max(0, mention.start - 40):mention.start]
        if _FORMER.search(before):
            leads.former[mention.ref.key] = mention.ref
        elif _NEW.search(before) and len(leads.former) == 1:
            former = next(iter(leads.former))
            if former != mention.ref.key:
                leads.successor.setdefault(former, mention.ref)
    return [leads.successor.get(p.key, p) for p in partners
            if p.key not in leads.successor or leads.successor[p.key].key not in keys]


_FUSED = re.compile(r"\b(?:fusionierte|fusionierten|fusioniert|verschmolz|verschmolzen|"
                    r"zusammengelegt|zusammengeschlossen)\b")
_RENAMED = re.compile(r"\bhei(?:ß|β|ss)t\s+(?:nunmehr|nun|jetzt|heute|seitdem|seither)\b|"
                      r"\b(?:zur|zu\s+der)\s+(?:neuen\s+)?(?:Region|Großregion)\b")


def _merged(sentence: Span, within: SpanFacts, leads: Leads) -> None:
    """"Seit 2031 hat das Land mit A eine Partnerregion. … fusionierte A mit ihren
    Nachbarregionen. Die Großregion heißt nunmehr „B“": a partner region merged into a new
    one that the text names is succeeded by it (see `succeed`)."""
    regions = [f for f in within.parties if f.ref.kind == "region"]
    if _FUSED.search(sentence.text):
        merged = [f.ref for f in regions if f.ref.key in leads.stated]
        leads.merging = merged[0] if len(merged) == 1 else None
    renamed = _RENAMED.search(sentence.text)
    if leads.merging is None or renamed is None:
        return
    after = [f.ref for f in regions if f.start >= sentence.start + renamed.end()
             and f.ref.key != leads.merging.key]
    if after:
        leads.successor.setdefault(leads.merging.key, after[0])
        leads.merging = None


_COOPERATION = re.compile(r"(?<![\w-])(?:[\w-]+-)?(?:Kooperation|Zusammenarbeit)\b|"
                          r"\b(?:partnerschaftliche|freundschaftliche)[n]?\s+Beziehungen\b|"
                          # "des Jubiläums 25 Jahre Berlin-A": the jubilee of a pair of names
                          r"\bJubiläum\w*\s+(?:\d{1,3}\s+Jahre\s+)?[A-ZÄÖÜ][\w.]*-[A-ZÄÖÜ]")
# "Im Jahr 2033 vereinbarten das Land und die Region A eine enge Zusammenarbeit", "Die
# partnerschaftlichen Beziehungen zu A gehen auf einen Besuch im Jahr 2031 zurück": the
# cooperation's origin, in the year the sentence gives.
_ORIGIN = re.compile(r"\b(?:vereinbart\w*|besiegelt\w*|begründet\w*|aufgenommen)\b|"
                     r"\b(?:geht|gehen|ging|gingen)\s+auf\b[^.;]*\bzurück\b|"
                     r"^Aus\b[^.;]*\bentwickelt\b")
_DEEPENED = re.compile(r"vertief|ausbau|ausgebaut|erweiter|intensivier|fortgesetzt|fortführ")


def _cooperation_start(sentence: Span, within: SpanFacts, facts: BlockFacts, setting: Setting,
                       leads: Leads) -> None:
    """"aus Anlass des 25-jährigen Jubiläums der Kooperation Hessen-Nordland": the start of the
    cooperation with the one partner the sentence names, kept for a partnership the document
    states with that partner (see `succeed`)."""
    if PLANNING.search(sentence.text) or not _COOPERATION.search(sentence.text):
        return
    partners = within.event_partners() or \
        (partner_cities(sentence, within, setting) if is_city_state(setting) else [])
    starts = _anniversary(sentence, within, facts, setting, [], _COOPERATION) or \
        _origin(sentence, within, setting)
    if len(partners) == 1 and len(starts) == 1:
        leads.cooperation.setdefault(partners[0].key,
                                     (starts[0][1], sentence.passage(setting.file)))


def _origin(sentence: Span, within: SpanFacts, setting: Setting) -> list[tuple[int, DateValue]]:
    """The one date in which the sentence says the cooperation was agreed or began ("Schon im
    Jahr 2033 vereinbarten das Land und A eine enge Zusammenarbeit", "die im Oktober 2031
    begründeten freundschaftlichen Beziehungen"), as precise as stated; not a deepening or an
    extension, and not one the document reports as news (its year or the one before)."""
    text = sentence.text.lstrip("„\"»« ")
    if not _ORIGIN.search(text) or _DEEPENED.search(text) or EXTENSION_ACTION.search(text):
        return []
    dates = [d for d in within.dates if d.value.complete and d.value.end is None
             and not _SINCE_BEFORE.search(sentence.block.text[max(0, d.start - 24):d.start])]
    if len(dates) != 1:
        return []
    year = dates[0].value.start.year
    if year is None or (setting.reference is not None and year >= setting.reference.year - 1):
        return []
    return [(dates[0].start, _start_only(dates[0].value))]


def succeed(records: list[PartnershipRecord], leads: Leads) -> None:
    """Partnerships stated with a former region are its successor's (see `_succeeded`); none
    is stated with a partner the text says the Land has no partnership with ("existiert
    bislang keine Vereinbarung zu einer Länderpartnerschaft" under a title that names one)."""
    records[:] = [r for r in records if r.partner.key not in leads.denied]
    for record in records:
        record.partner = leads.successor.get(record.partner.key, record.partner)
    stated = {r.partner.key: r for r in records}
    for key, (since, passage) in leads.cooperation.items():
        if key in stated:
            known = stated[key]
            records.append(PartnershipRecord(land=known.land, partner=known.partner,
                                             kind=known.kind, passage=passage, since=since))


def _partners(sentence: Span, within: SpanFacts, kind: str, listed: bool) -> list[PartyRef]:
    """The countries, regions and known organisations named near the partnership word (a
    long sentence names other things too); a partner region's kind word rules out countries
    ("die xyzischen Partnerprovinzen": provinces, not the country)."""
    partners = within.event_partners()
    if _REGION_KIND.search(kind):
        partners = [p for p in partners if p.kind != "country"]
    regions_of = {p.country for p in partners if p.kind == "region"}
    text = sentence.block.text
    qualifying = {f.ref.key for f in within.parties if f.ref.kind == "country"
                  and re.search(r"[/(]\s*$", text[max(0, f.start - 3):f.start])
                  and not _STATE_BEFORE.search(text[max(0, f.start - 30):f.start])}
    partners = [p for p in partners if p.kind != "country"
                or (p.key not in regions_of and p.key not in qualifying)]
    partners = _after_with(sentence, within, partners) or partners
    if not listed:
        partners = _paired_with_land(sentence, within, partners)
    if listed or len(sentence.text) <= _NEAR:
        return partners
    cues = [sentence.start + m.start() for m in PARTNERSHIP.finditer(sentence.text)
            if not OTHERS_PARTNERSHIP.match(m["kind"])]
    near = {f.ref.key for f in within.parties if any(abs(f.start - c) <= _NEAR for c in cues)}
    return [p for p in partners if p.key in near]


_AND = re.compile(r"\s+und\s+(?:(?:der|die|das|dem|den)\s+)?(?:[a-zäöüß]\w*\s+)?")


def _paired_with_land(sentence: Span, within: SpanFacts, partners: list[PartyRef]
                      ) -> list[PartyRef]:
    """"Das Land A und die Region B wollen die seit 2031 bestehende Partnerschaft vertiefen und
    die Region C einbeziehen": a partnership word after the Land and one partner named together
    as the subject is theirs; a region the sentence names after it is not a partner."""
    cue = PARTNERSHIP.search(sentence.text)
    if cue is None or _partner_after(sentence) is not None:
        return partners
    text, at = sentence.block.text, sentence.start + cue.start()
    for index, land in enumerate(within.parties[:-1]):
        paired = within.parties[index + 1]
        if land.ref.kind != "land" or paired.ref.kind == "land" or paired.end > at or \
                not _AND.fullmatch(text, land.end, paired.start):
            continue
        between = [f for f in within.parties if paired.end <= f.start < at]
        if all(f.ref.key == paired.ref.key for f in between):  # "Region B (B's other name)"
            return [p for p in partners if p.key == paired.ref.key] or partners
    return partners


# "der Partnerschaft", "ihrer Partnerschaft", "dieser Regionalpartnerschaft": a partnership the
# text has named before.
_REFERRING = re.compile(r"(?<!\w)(?:der|die|das|dem|den|des|ihre[rnms]?|seine[rnms]?|"
                        r"unsere[rnms]?|diese[rnms]?|beider)\s+"
                        r"(?:[a-zäöüß]\w*\s+|\d{1,3}-?jährige[nr]?\s+)?"
                        r"(?:\d{1,3}\s+Jahre\s+[a-zäöüß]\w*\s+)?$",  # "der 15 Jahre währenden"
                        re.IGNORECASE)


# "…, die 2000 mit der gemeinsamen Erklärung in eine formale Partnerschaft mündete": what the
# paragraph is about became a partnership, in the year of the clause.
_BECAME = re.compile(r"\b(?:in\s+eine|zu\s+einer|zur)\s+(?:[a-zäöüß]\w*\s+)?\w*[Pp]artnerschaft\s+"
                     r"(?:\w+\s+){0,2}?(?:mündete|mündeten|wurde|wurden|überführt|umgewandelt|"
                     r"aufgewertet|erhoben)\b")


def _partner_after(sentence: Span) -> int | None:
    """Where the partner of the sentence's first partnership word follows it ("… mit B")."""
    cue = PARTNERSHIP.search(sentence.text)
    if cue is None or not re.match(r"\s+(?:mit|zu|zur|zum)\s", sentence.text[cue.end():]):
        return None
    return sentence.start + cue.end()


def _after_with(sentence: Span, within: SpanFacts, partners: list[PartyRef]) -> list[PartyRef]:
    """"…, weil die Beziehungen zu A …, und 2018 wird das Jubiläum der Städtepartnerschaft mit B
    gefeiert": a partnership word followed by its partner ("mit B", "zu B") has the partners
    named after it in its clause, not those the sentence named before."""
    start = _partner_after(sentence)
    if start is None:
        return []
    foreign = [f for f in within.parties if f.ref.kind != "land"]
    after = {f.ref.key for f in foreign if f.start >= start}
    named_before = {f.ref.key for f in foreign if f.start < start} - after
    return [p for p in partners if p.key not in named_before] if after and named_before else []


def _named_before(sentence: Span, facts: BlockFacts) -> list[PartyRef]:
    """"… die Regionalpartnerschaft zwischen dem Land und der Woiwodschaft rund um X" after
    the paragraph named the region: a kind word without a name refers back to the one
    region of that kind the paragraph named before; so does a partnership word with an
    article or possessive ("Anlass war das 25-jährige Bestehen der Partnerschaft"), to the
    one region or organisation the paragraph named before."""
    refers = re.search(rf"\b(?:zwischen|mit)\b.*\b(?:der|dem|die)\s+(?:{_REGION_WORDS})\b"
                       r"(?!\s+[A-ZÄÖÜ])", sentence.text)
    if refers is None:
        cue = PARTNERSHIP.search(sentence.text)
        if cue is not None and (_REFERRING.search(sentence.text[:cue.start()])
                                or _BECAME.search(sentence.text)) and \
                not re.search(r"(?:en|länder|städte)$", cue["kind"]):  # not "den Partnerregionen"
            return facts.one_party_before(sentence.start) or _named_together(sentence, facts)
        return []
    earlier = {f.ref.key: f.ref for f in facts.parties
               if f.end <= sentence.start and f.ref.kind == "region"}
    return list(earlier.values()) if len(earlier) == 1 else []


def _others_before(sentence: Span, city: bool) -> bool:
    """"Im Rahmen der Dienststellenpartnerschaft zwischen der Polizei A und … Der Besuch diente
    der Vertiefung der Partnerschaft": the paragraph's last partnership word before the
    sentence is another holder's, so the sentence's "der Partnerschaft" refers to it."""
    text = sentence.block.text
    earlier = [m for m in PARTNERSHIP.finditer(text) if m.end() <= sentence.start]
    if not earlier:
        return False
    last = earlier[-1]
    return _kind(last["kind"], city) is None or OTHERS_NAMED_AFTER.match(text, last.start()) \
        is not None


def _refers_back(sentence: Span, within: SpanFacts, city: bool) -> bool:
    """"Für A war die Partnerschaft mit B wichtig. … mit dieser Partnerschaft zur Stabilisierung
    des Landes C beizutragen": a demonstrative partnership word, with a partnership word before
    it in the paragraph and no partner named after it, is that partnership, whatever else its
    sentence names."""
    cue = next((m for m in PARTNERSHIP.finditer(sentence.text) if _kind(m["kind"], city)), None)
    text = sentence.block.text
    if cue is None:
        return False
    at = sentence.start + cue.end()
    if any(re.fullmatch(r"\s+(?:mit|zu|zur|zum|zwischen)\s+(?:(?:der|dem|den|die)\s+)?"
                        r"(?:[a-zäöüß][\w-]*\s+){0,2}", text[at:f.start]) for f in within.parties
           if f.start >= at):
        return False  # "diese Partnerschaft mit A": its partner follows
    demonstrative = re.search(r"(?<!\w)(?:diese[rnms]?|jene[rnms]?)\s+(?:[a-zäöüß]\w*\s+)?$",
                              sentence.text[:cue.start()], re.IGNORECASE)
    return demonstrative is not None and \
        any(m.end() <= sentence.start for m in PARTNERSHIP.finditer(text))


def _stated_before(sentence: Span, leads: Leads) -> list[PartyRef]:
    """"Seit dem offiziellen Beginn ihrer Partnerschaft am 24. November 2031 …" in a paragraph
    that names no partner: the one partner of the partnerships the document stated before, or
    where it stated none, the one region the paragraphs before named, for a partnership the
    sentence says has lasted ("Seit 2031 arbeiten das Land und die Oblast A zusammen. ¶ Die
    20-jährige Partnerschaft …"; not "Diese Partnerschaft ermöglicht …" after a signing)."""
    cue = PARTNERSHIP.search(sentence.text)
    if cue is None or not _REFERRING.search(sentence.text[:cue.start()]) \
            or re.search(r"(?:en|länder|städte)$", cue["kind"]):
        return []
    if leads.stated:
        return list(leads.stated.values()) if len(leads.stated) == 1 else []
    standing = re.search(r"\d{1,3}-?jährige|\bseit\b|\bbestehende", sentence.text)
    return list(leads.earlier.values()) if standing and len(leads.earlier) == 1 else []


def _named_together(sentence: Span, facts: BlockFacts) -> list[PartyRef]:
    """"… arbeitet man mit der Region A und der Region B zusammen. … Bestandteile der
    Partnerschaft sind …": a partnership of several (a trilateral one) refers back to the
    regions that one sentence of the paragraph named together, if the paragraph names no
    other region before it."""
    earlier = [f for f in facts.parties if f.end <= sentence.start and f.ref.kind == "region"]
    if len({f.ref.key for f in earlier}) < 2:
        return []
    text = facts.block.text
    first, last = earlier[0].start, earlier[-1].end
    if re.search(r"[.!?;:]\s", text[first:last]):
        return []  # named in different sentences
    return list({f.ref.key: f.ref for f in earlier}.values())


def from_agreements(agreements: list[AgreementRecord],
                    stated: list[PartnershipRecord] | None = None,
                    dated: dt.date | None = None) -> list[PartnershipRecord]:
    """An agreement that names a partnership is tied to it: a Partnerschaftserklärung
    establishes it on its signing date; another instrument ("Gemeinsame Erklärung über eine
    verstärkte Partnerschaft"), or an extension, renews it and dates nothing. An instrument
    the text calls the first or the basis of a partnership the document states, or one signed
    in the year the document gives as that partnership's start ("20 Jahre Partnerschaft" and
    a declaration of twenty years ago), establishes that partnership."""
    found = []
    stated_with = {p.partner.key: p.kind for p in stated or []}
    started = {(p.partner.key, p.since.start.year) for p in stated or []
               if p.since is not None and p.since.start.month is None}
    for agreement in agreements:
        renews = EXTENSION_ACTION.search(agreement.passage.quote)
        in_year = agreement.date is not None and \
            any((p.key, agreement.date.start.year) in started for p in agreement.partners)
        first = (_FIRST_INSTRUMENT.search(agreement.passage.quote) or in_year) and not renews
        kind = _kind(agreement.passage.quote) or _kind(agreement.title) or \
            _kind(agreement.kind.replace("-", "")) or \
            (next((stated_with[p.key] for p in agreement.partners
                   if p.key in stated_with), None) if first else None)
        if kind is None:
            continue
        founds = ("partnerschaft" in agreement.kind or bool(first)) and not renews
        for partner in agreement.partners:
            found.append(PartnershipRecord(
                land=agreement.land, partner=partner, kind=kind, passage=agreement.passage,
                since=agreement.date if founds else None, agreement=agreement.local_key))
    recent = dated.year - 1 if dated is not None else None
    return found + _founding_declarations(
        [a for a in agreements if recent is None or a.date is None or (a.date.start.year or 0)
         < recent], stated or [], found)  # a signing the text reports as news founds nothing


# "Gemeinsame Erklärung über die Zusammenarbeit", "Kooperationsabkommen": an instrument of
# cooperation; not one that deepens, extends or renews what exists.
_COOPERATION_INSTRUMENT = re.compile(r"Zusammenarbeit|Kooperation|[Pp]artnerschaft")
# "Seit der Unterzeichnung einer Absichtserklärung 2031 arbeiten das Land und A eng zusammen":
# the instrument the cooperation dates from.
_COOPERATING_SINCE = re.compile(r"\b[Ss]eit\s+(?:der|dem)\s+(?:Unterzeichnung|Abschluss|"
                                r"Unterschrift)\b[^.;]*\b(?:zusammen|Zusammenarbeit|Kooperation|"
                                r"kooperier\w*)\b")
_DEEPENS = re.compile(r"Vertiefung|vertieft|vertiefen|Erweiterung|erweitert|Ausbau|Fortschreibung|"
                      r"fortgeschrieben|Intensivierung|verstärkt|weitere[nr]?\b|neue[nr]?\b")


def _day(value: DateValue) -> tuple[int, int, int]:
    return (value.start.year or 0, value.start.month or 0, value.start.day or 0)


def _founding_declarations(agreements: list[AgreementRecord], stated: list[PartnershipRecord],
                           dated: list[PartnershipRecord]) -> list[PartnershipRecord]:
    """A partnership the document states without saying since when starts with the earliest
    instrument of cooperation it names with that partner ("Im April 2031 unterzeichneten das
    Land und die Woiwodschaft A eine Gemeinsame Erklärung über die Zusammenarbeit")."""
    kinds = {p.partner.key: p.kind for p in stated}
    started = {p.partner.key for p in (*stated, *dated) if p.since is not None}
    earliest: dict[str, AgreementRecord] = {}
    for agreement in agreements:
        named = f"{agreement.title} {agreement.kind}"
        cooperation = _COOPERATION_INSTRUMENT.search(named) or \
            agreement.kind == "gemeinsame-erklaerung" or \
            _COOPERATING_SINCE.search(agreement.passage.quote)
        if agreement.date is None or len(agreement.partners) != 1 or not cooperation \
                or _DEEPENS.search(f"{named} {agreement.passage.quote}") or \
                EXTENSION_ACTION.search(agreement.passage.quote):
            continue  # a network of several partners founds no partnership with each
        for partner in agreement.partners:
            known = earliest.get(partner.key)
            if partner.key in kinds and partner.key not in started and (
                    known is None or known.date is None
                    or _day(agreement.date) < _day(known.date)):
                earliest[partner.key] = agreement
    return [PartnershipRecord(land=a.land, partner=next(p for p in a.partners if p.key == key),
                              kind=kinds[key], passage=a.passage, since=a.date,
                              agreement=a.local_key)
            for key, a in earliest.items()]


def _kind(text: str, city: bool = False) -> str | None:
    """The first partnership word of the Land's kind, in the nominative singular; a city
    partnership is the Land's only where the Land is a city."""
    for match in PARTNERSHIP.finditer(text):
        word = match["kind"]
        if not word[0].isupper() or OTHERS_PARTNERSHIP.match(word) or \
                (not city and CITY_PARTNERSHIP.search(word)) or _NETWORK.match(word):
            continue  # "partnerschaftliche Beziehungen", "Oder-Partnerschaft": no partnership
        return _singular(word)
    return None


def is_city_state(setting: Setting) -> bool:
    land = setting.registers.laender.get(setting.land)
    return land is not None and land.city_state


_ANAPHOR = re.compile(r"(?:Sie|Diese|Dort)\b")
_HEAD_BEFORE = re.compile(r"(?P<head>[A-ZÄÖÜ][\w:*]+)\s+(?:der|den|aus\s+den|in\s+den)\s+"
                          r"(?:[a-zäöüß]\w*\s+)?$")


def _names_the_plural(before: Span, sentence: Span, within: SpanFacts, city: bool) -> str | None:
    """"… hat das Land Vertreter der Partnerregionen eingeladen. Die Vertreter aus A, B und C
    …", "In den Partnerregionen … nehmen Beauftragte ihre Arbeit auf. Sie werden in A und B
    …": a plural partnership word naming no partner is followed by a sentence that refers
    back to it (a pronoun, or the noun that governed the word) and names the partners, two or
    more. The plural's kind, or None."""
    cue = next((m for m in PARTNERSHIP.finditer(before.text)
                if re.search(r"(?:en|länder)$", m["kind"]) and _kind(m["kind"], city)), None)
    if cue is None or len({f.ref.key for f in within.parties if f.ref.kind != "land"}) < 2:
        return None
    head = _HEAD_BEFORE.search(before.text[:cue.start()])
    if _ANAPHOR.match(sentence.text) or (head is not None and re.match(
            rf"(?:Die|Der|Den)\s+{re.escape(head['head'])}\b", sentence.text)):
        return _kind(cue["kind"], city)
    return None


_LIST_INTRO = re.compile(r"(?:Diese|Dies|Das|Es)\s+sind\b|(?:Dazu|Hierzu)\s+(?:gehören|zählen)\b|"
                         r"Zu (?:ihnen|diesen) (?:gehören|zählen)\b")
_METROPOLIS = 100_000  # a city-state partners with cities of this size; smaller namesakes are words
_CITY_NAME = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w'’.-]+(?:[ -][A-ZÄÖÜ][\w'’.-]+){0,2}")


def partner_cities(sentence: Span, within: SpanFacts, setting: Setting,
            after: int | None = None) -> list[PartyRef]:
    """Partner cities of a city that is a Land: names GeoNames knows as cities, each the
    region ISO 3166-2 makes of it (a capital city that is a subdivision) or a city of its
    own."""
    taken = [(f.start, f.end) for f in within.parties] + [(d.start, d.end) for d in within.dates]
    registers, found = setting.registers, []
    for match in _CITY_NAME.finditer(sentence.text):
        if match.group() in NOT_NAME_WORDS or re.search(r"\d\.\s*$", sentence.text[:match.start()]):
            continue  # a name after a day's number is a month ("am 21. Okt. 2019")
        for start, words in _name_tails(sentence.start + match.start(), match.group(), registers):
            if (after is not None and start < after) or any(a <= start < b for a, b in taken):
                continue  # "… bei A, … das Jubiläum der Städtepartnerschaft mit B": B's
            city = _city_of(words, registers)
            if city is not None:
                found.append(city)
                break
    return found


def _name_tails(start: int, text: str, registers: Registers) -> list[tuple[int, list[str]]]:
    """A run of capitalised words, and where one of them joins the Land to its partner city by
    a hyphen ("Jahre Berlin-A B"), the run from the partner on, each with where it starts."""
    words = text.split()
    tails, at = [(start, words)], start
    for index, word in enumerate(words):
        land, hyphen, partner = word.partition("-")
        if hyphen and partner[:1].isupper() and registers.land_named(land):
            tails.append((at + len(land) + 1, [partner, *words[index + 1:]]))
        at += len(word) + 1
    return tails


def _city_of(words: list[str], registers: Registers) -> PartyRef | None:
    """The largest city the first words name: the ISO 3166-2 subdivision that is the city,
    or the city of its own."""
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        place = places.city_named(name)
        if place is None or place.country == "DE" or len(name) < 4 or name.isupper() \
                or words[0] in NOT_NAME_WORDS or registers.land_named(name) \
                or registers.country_named(name) or places.city_population(name) < _METROPOLIS:
            continue
        names = (name, *places.city_names(place.geonames_id or ""))
        region = registers.city_subdivision(names, place.country)
        return region_ref(region) if region is not None else PartyRef(
            "region", f"{place.country}/{ns.slug(name)}", name, place.canonical,
            country=place.country, region_kind="stadt", registered=False)
    return None


def _as_cities(within: SpanFacts, partners: list[PartyRef], setting: Setting) -> list[PartyRef]:
    """A city partnership's partner is a city: a region named like a large city of its country
    that is not itself that city ("León (Nicaragua)", a department) is the city."""
    text, result = within.span.block.text, []
    for partner in partners:
        mention = next((f for f in within.parties if f.ref.key == partner.key), None)
        name = text[mention.start:mention.end] if mention is not None else partner.label_de
        city = places.city_in(name, partner.country or "") \
            if partner.kind == "region" and partner.region_kind != "stadt" else None
        if city is None or city[1] < _METROPOLIS:
            result.append(partner)
            continue
        place = city[0]
        region = setting.registers.city_subdivision(
            (name, *places.city_names(place.geonames_id or "")), place.country)
        result.append(region_ref(region) if region is not None else PartyRef(
            "region", f"{place.country}/{ns.slug(name)}", name, place.canonical,
            country=place.country, region_kind="stadt", registered=False))
    return result


def _singular(word: str) -> str:
    """"Regionalpartnerschaften" -> "Regionalpartnerschaft", "Partnerländer" -> "Partnerland",
    "Partnerschaftserklärung" -> "Partnerschaft"."""
    stem = _STEM.search(word)
    if stem is None:
        return word.rstrip("-")
    head = word[:stem.start()] + stem.group()
    for plural, singular in (("länder", "land"), ("städte", "stadt")):
        if head.endswith(plural):
            return head[:-len(plural)] + singular
    return head


def _land_holds(sentence: Span, within: SpanFacts, setting: Setting) -> bool:
    """The Land (or its government) holds the partnership, not a city, district, university
    or parliament named as the holder; a document's own statement about "seine
    Partnerregionen" is the Land's."""
    text = sentence.text
    if PARLIAMENTS_PARTNERSHIP.search(text) or \
            (OTHER_HOLDER.search(text) and not OWN_GOVERNMENT.search(text)):
        return False
    names_land = any(f.ref.kind == "land" and f.ref.key == setting.land for f in within.parties)
    if names_land or OWN_GOVERNMENT.search(text):
        return True
    others = [f for f in within.parties if f.ref.kind == "land" and f.ref.key != setting.land]
    return not others and not OTHER_HOLDER.search(text)


def _held_by_others(sentence: Span, within: SpanFacts, city: bool) -> bool:
    """The sentence's first partnership word of the Land's kind names another holder right
    after it: "Partnerschaften zwischen Bezirken, Landkreisen und Gemeinden", "eine
    Partnerschaft zum Sejmik der Woiwodschaft B", "A ist die Partnerregion von B" (a foreign
    region), "die Messe mit Partnerland A" (a fair's). A city that is a Land holds its city
    partnerships itself."""
    text = sentence.text
    cue = next((m for m in PARTNERSHIP.finditer(text) if _kind(m.group(), city)), None)
    if cue is None:
        return False
    if OCCASION_PARTNER_BEFORE.search(text[max(0, cue.start() - 60):cue.start()]) or \
            OCCASION_PARTNER_AFTER.match(text, cue.start()):
        return True
    other = OTHERS_NAMED_AFTER.match(text, cue.start())
    if other is not None and not (city and other["body"].startswith("St")):
        return True
    by = HELD_BY.match(text, cue.end())
    if by is None:
        return False
    offset = sentence.start + by.end()
    holder = next((f for f in within.parties if f.end > offset), None)  # "Partnerregion von B"
    return holder is not None and holder.start <= offset and holder.ref.kind != "land"


def _with_start(sentence: Span, within: SpanFacts, facts: BlockFacts, partners: list[PartyRef],
                setting: Setting, listed: bool = False) -> list[tuple[PartyRef, DateValue | None]]:
    """Each partner with the start the sentence gives it: the "seit <date>" after it (before
    the next partner), or one start for all when the sentence gives exactly one."""
    since = _since_dates(sentence, within, listed)
    starts = since + _anniversary(sentence, within, facts, setting, [at for at, _ in since])
    text = sentence.block.text
    qualifying = [(d.start, _start_only(d.value)) for d in within.dates
                  if d.start in {at for at, _ in starts} and _qualifies_partnership(text, d.end)]
    positions = _positions(within, partners)
    if len(qualifying) == 1:  # "der seit 1995 bestehenden Partnerschaft mit A, … seit 2010 …"
        later = _after_its_clause(text, qualifying[0][0], positions)
        if later and len(later) < len(partners):  # "…: B, mit der das Land seit 1996 …"
            others = [s for s in starts if s[0] != qualifying[0][0]]
            own = _each_own(positions, others, sentence.end)
            return [(partner, own[index] if index in later else qualifying[0][1])
                    for index, partner in enumerate(partners)]
        starts = qualifying
    if len(starts) == 1:
        return [(partner, starts[0][1]) for partner in partners]
    if _respectively(sentence, positions, starts, len(partners)):
        return [(partner, start) for partner, (_, start) in zip(partners, starts, strict=True)]
    return list(zip(partners, _each_own(positions, starts, sentence.end), strict=True))


def _each_own(positions: list[int], starts: list[tuple[int, DateValue]], end: int
              ) -> list[DateValue | None]:
    """Each partner's start: the first one after its name, before the next partner's."""
    own = []
    for index, begin in enumerate(positions):
        until = positions[index + 1] if index + 1 < len(positions) else end
        own.append(next((value for at, value in starts if begin <= at < until), None))
    return own


def _after_its_clause(text: str, at: int, positions: list[int]) -> set[int]:
    """The partners named after the clause of a start that qualifies the partnership word ("Die
    seit 1962 bestehende Partnerschaft mit A wurde erweitert: B …"): they are not its."""
    end = re.compile(r"[:;]\s").search(text, at)
    return {index for index, position in enumerate(positions)
            if end is not None and position > end.start()}


def _respectively(sentence: Span, positions: list[int], starts: list[tuple[int, DateValue]],
                  count: int) -> bool:
    """"mit A und B seit dem Jahr 2003 bzw. seit dem Jahr 2004": as many starts as partners,
    all after the last partner and joined by "bzw." or "beziehungsweise", go with the partners
    in their order."""
    if len(starts) != count or count < 2 or min(at for at, _ in starts) < max(positions):
        return False
    text = sentence.block.text
    between = text[starts[0][0]:starts[-1][0]]
    return re.search(r"\b(?:bzw\.|beziehungsweise)", between) is not None


def _positions(within: SpanFacts, partners: list[PartyRef]) -> list[int]:
    first: dict[str, int] = {}
    for found in within.parties:
        first.setdefault(found.ref.key, found.start)
    return [first.get(p.key, within.span.start) for p in partners]


def _since_dates(sentence: Span, within: SpanFacts, listed: bool = False
                 ) -> list[tuple[int, DateValue]]:
    """"seit <date>" in the clause of a partnership word ("Seit 1996 bestehen Kontakte, die
    2032 … zur Partnerschaft wurden" dates the contacts, not the partnership), or in brackets
    after a listed partner ("mit A (seit 1991), B (seit 2001)"); the date of a founding
    ("wurde 2005 begründet"). Not what a partnership's rest dates ("ruht seit 2022"). A list
    item under a lead ("- A (Land; seit Mai 2031)") is the partnership's clause as a whole."""
    text = sentence.block.text
    if _RESTING.search(sentence.text):
        return []
    cues = [sentence.start + m.start() for m in PARTNERSHIP.finditer(sentence.text)
            if not _FRAME.search(sentence.text[:m.start()])]
    founded = _FOUNDING.search(sentence.text) or _BECAME.search(sentence.text)
    if founded and re.search(r"\b(?:ein|eine|einen)\b", founded.group()) and \
            not PARTNERSHIP.search(founded.group()):
        founded = None  # "wurde 1992 ein Kooperationsbüro gegründet": something else founded
    found = []
    for d in within.dates:
        if not d.value.complete:
            continue
        before = text[max(0, d.start - 24):d.start]
        in_clause = (listed and not cues) or any(
            not re.search(r"[,;:]\s|(?<=[\w)])\s+Seit\b", _without_relative_clauses(
                text[min(c, d.start):max(c, d.start)])) for c in cues)
        if (_SINCE_BEFORE.search(before) and in_clause) or _BRACKETED_SINCE.search(before) or \
                (founded and in_clause and not _SINCE_BEFORE.search(before)
                 and d.value.end is None) or _qualifies_partnership(text, d.end) or \
                _BEGINNING.search(text[max(0, d.start - 80):d.start]):
            found.append((d.start, _start_only(d.value)))
    return found + _listed_years(within, found)


# "Im Rahmen der Städtepartnerschaft konnten seit 2008 …": the partnership frames the sentence,
# whose "seit" dates something else.
_FRAME = re.compile(r"(?:[Ii]m\s+(?:Rahmen|Zuge)|[Ii]nnerhalb|"
                    r"[Aa]uf\s+(?:der\s+)?(?:Grundlage|Basis))\s+(?:der|dieser|ihrer|seiner|unserer|des|eines?r?)\s+(?:\w+\s+)?$")


def _without_relative_clauses(text: str) -> str:
    """"Die Partnerschaft mit A, die 1999 in B aufging, besteht seit 1992": the relative
    clause does not end the partnership's clause."""
    return re.sub(r",\s*(?:die|der|das|deren|dessen|welche[rs]?)\b[^,;:]*,", " ", text)


def _qualifies_partnership(text: str, end: int) -> bool:
    """"die 1989 begründete Partnerschaft": the date qualifies the partnership word after it."""
    participle = _ATTRIBUTIVE.match(text, end)
    return participle is not None and PARTNERSHIP.match(text, participle.end()) is not None


def _listed_years(within: SpanFacts, starts: list[tuple[int, DateValue]]
                  ) -> list[tuple[int, DateValue]]:
    """"(A seit 1982 und B 1986)": in a list whose partners have their starts, a year right
    after a partner's name is its start too."""
    if not starts:
        return []
    text, taken = within.span.block.text, {at for at, _ in starts}
    ends = {f.end for f in within.parties}
    return [(d.start, _start_only(d.value)) for d in within.dates
            if d.start not in taken and d.value.complete and d.value.start.month is None
            and any(e < d.start and not text[e:d.start].strip() for e in ends)]


def _start_only(value: DateValue) -> DateValue:
    return DateValue(value.start, text=value.text) if value.end is not None else value


def _anniversary(sentence: Span, within: SpanFacts, facts: BlockFacts, setting: Setting,
                 counted_from: list[int], cues: re.Pattern[str] = PARTNERSHIP
                 ) -> list[tuple[int, DateValue]]:
    """"20 Jahre Partnerschaft" in a document of 2024: since 2004 (a year, nothing finer);
    "Die Partnerschaft wurde vor fünf Jahren besiegelt" likewise. Counted from the year the
    sentence gives the occasion ("2019 wurde das 10-jährige Jubiläum gewürdigt"), else from
    the document's date, else from the one year of the paragraph's dates before it ("Am 17.
    Juni 2035 traf … Anlass war das 25-jährige Bestehen der Partnerschaft"). Not a count
    that is approximate ("seit mehr als 20 Jahren") or a span ("in den letzten zehn Jahren")."""
    text = sentence.text
    found = []
    for match in ANNIVERSARY.finditer(text):
        reference = _reference_year(sentence, within, facts, setting, counted_from,
                                    sentence.start + match.start())
        if reference is None:
            continue
        if NOT_EXACT_YEARS.search(text[max(0, match.start() - 20):match.start()]):
            continue
        after = text[match.end():match.end() + _ANNIVERSARY_GAP]
        cue = cues.search(after)
        counted = cue is not None and not re.search(r"[.;:]", after[:cue.start()])
        celebrated = (re.match(r"\s*(?:Bestehen|Jubiläum)", after) and cues.search(
            text[:match.start()])) or (re.search(r"\bJubiläum\w*\s+$", text[:match.start()])
                                      and cues.search(text))  # "… feiert ihr 25-jähriges
        # Bestehen", "anlässlich des Jubiläums 25 Jahre Berlin-A"
        ago = re.search(r"\bvor\s+$", text[:match.start()]) and _FOUNDING.search(text) and \
            cues.search(text)  # "Die Partnerschaft wurde vor fünf Jahren besiegelt"
        prior = list(cues.finditer(text[:match.start()]))
        lasting = prior and not re.search(r"[.;:,]", text[prior[-1].end():match.start()]) and \
            re.search(r"\b(?:besteh|währ|existier)\w*", text[:match.start()])
        # "2018 besteht die Partnerschaft 15 Jahre", "Die Partnerschaft besteht seit 15 Jahren"
        if not counted and not celebrated and not ago and not lasting:
            continue
        word = match["years"]
        years = int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 0)
        if 0 < years < 200:
            found.append((sentence.start + match.start(),
                          DateValue(PartialDate(reference - years), text=match.group())))
    return found


def _reference_year(sentence: Span, within: SpanFacts, facts: BlockFacts, setting: Setting,
                    counted_from: list[int], at: int) -> int | None:
    """The year an anniversary at `at` is counted from: the sentence's nearest year before it
    (not a start), else its first year after it, else the document's, else the one year of
    the paragraph's dates before the sentence."""
    text = sentence.block.text
    own = [(d.start, d.value.start.year) for d in within.dates if d.value.complete
           and d.start not in counted_from and d.value.start.year is not None
           and not re.search(r"(?<!\w)[Ss]eit\s+(?:\w+\s+)?$", text[max(0, d.start - 16):d.start])]
    before = [year for start, year in own if start < at]
    after = [year for start, year in own if start > at]
    if before or after:
        return before[-1] if before else after[0]
    if setting.reference is not None:
        return setting.reference.year
    earlier = {d.value.start.year for d in facts.dates
               if d.end <= sentence.start and d.value.complete and d.value.start.year is not None}
    return earlier.pop() if len(earlier) == 1 else None


def sharpen(records: list[PartnershipRecord]) -> None:
    """A start stated as a year where the same document dates it more precisely in that year
    ("20 Jahre Partnerschaft" and the signing "am 12. Januar 2004") is that date."""
    precise: dict[tuple[str, int | None], DateValue] = {}
    for record in records:
        if record.since is not None and record.since.start.month is not None:
            precise.setdefault((record.partner.key, record.since.start.year), record.since)
    for record in records:
        if record.since is not None and record.since.start.month is None:
            record.since = precise.get((record.partner.key, record.since.start.year),
                                       record.since)
