"""When a partnership started, as its sentence says: "seit <date>", a founding ("wurde 2005
begründet"), an anniversary counted back ("20 Jahre Partnerschaft"), the start of a
cooperation that became one. Kept apart from finding the partners because dating is its own
set of rules, applied after the partners are known."""

from __future__ import annotations

import re

from kg.dates import DateValue, PartialDate
from kg.extract.analysis import BlockFacts, Setting, SpanFacts
from kg.extract.cues import (
    ANNIVERSARY,
    EXTENSION_ACTION,
    NOT_EXACT_YEARS,
    NUMBER_WORDS,
    OTHER_BODY,
    PARTNERSHIP,
    PLANNING,
)
from kg.extract.partner_cities import city_positions, is_city_state, partner_cities
from kg.extract.partnership_leads import Leads
from kg.extract.partnership_words import BEFRIENDED, BOUND
from kg.extract.text import Span
from kg.records import PartnershipRecord, PartyRef

_SINCE_BEFORE = re.compile(r"(?<!\w)[Ss]eit\s+(?:dem\s+|den\s+|(?:dem\s+)?Jahre?\s+|Anfang\s+|"
                           r"Mitte\s+|Ende\s+)?$")
_NOT_ONLY = re.compile(r"(?<!\w)(?:[Nn]icht|[Nn]icht\s+\w+)\s+erst\s+seit\s+(?:dem\s+)?$")
# "der erste politische Besuch seit 2031", "erstmals seit 2031", "zum ersten Mal seit": the
# time since something last happened, not since when the partnership is.
_FIRST_SINCE = re.compile(r"(?<!\w)(?:[Ee]rste[rnms]?\s+(?:[a-zäöüß][\w-]*\s+)?[\w-]*(?:[Bb]esuch|"
                          r"[Tt]reffen|[Rr]eise|[Bb]egegnung|[Gg]espräch|[Ss]itzung|[Kk]onferenz|"
                          r"Visite|Mal)\w*|[Ee]rstmals|[Ww]ieder)\s+seit\s+(?:dem\s+|(?:dem\s+)?Jahre?\s+)?$")
_BRACKETED_SINCE = re.compile(r"\(\s*(?:[^()\n]{0,40}?[;,]\s*)?(?:seit|ab)\s+(?:dem\s+)?$")
_FOUNDING = re.compile(r"\b(?:wurde|wurden|ist|sind)\b[^.;]*\b(?:begründet|gegründet|geschlossen|"
                       r"eingegangen|besiegelt|ins Leben gerufen|aus der Taufe gehoben|"
                       r"formalisiert|aufgenommen|entstanden|offiziell(?=\s*[.;,]))\b|"
                       # "Die Partnerschaft mit A reicht bis ins Jahr 2031 zurück", "datiert aus
                       # dem Jahr 2031", "Der Startschuss für die Partnerschaft fiel 2031"
                       r"\b(?:reicht|reichen|reichte|reichten)\s+bis\s+(?:ins|in\s+das)\s+Jahr\b"
                       r"[^.;]*\bzurück\b|\bdatier(?:t|en|te|ten)\s+(?:aus\s+dem\s+Jahr|aus|von|vom)\b|"
                       r"\bStartschuss\b[^.;]*\bfiel\b|"
                       # "Die Kooperation mit A wurde 2031 zu einer Regionalpartnerschaft
                       # ausgebaut": the partnership begins where the cooperation became one
                       r"\b(?:zu\s+einer|zur)\s+(?:[a-zäöüß]\w*\s+)?\w*[Pp]artnerschaft\s+"
                       r"(?:ausgebaut|aufgewertet|weiterentwickelt|erweitert|erhoben)\b|"
                       # "Am 23. Juni 2031 wurde die Partnerschaft in Form eines Briefwechsels
                       # vereinbart": the partnership itself agreed
                       r"\b(?:wurde|wurden)\s+(?:die|eine|ihre|unsere|diese)\s+(?:[a-zäöüß]\w*\s+)?"
                       r"\w*[Pp]artnerschaft\b[^.;]*\bvereinbart\b|"
                       # "Die Partnerschaft mit A begann 2031 mit einem Besuch"
                       r"[Pp]artnerschaft\w*\b[^.;,]*\b(?:begann|begannen|startete|entstand)\b|"
                       # "A wurde 2031 (zur) Partnerregion des Landes"
                       r"\b(?:wurde|wurden)\s+(?:\S+\s+){0,5}?(?:zur|zum)\s+(?:offiziellen?\s+)?"
                       r"\w*[Pp]artner(?:region|land|provinz|staat|stadt)\b|"
                       r"\b(?:wurde|wurden)\s+(?:(?!(?:die|der|den|dem|das|eine|einer|in|im|"
                       r"unsere|ihre|seine)\b)\S+\s+){0,4}?(?:offizielle\s+)?"
                       r"\w*[Pp]artner(?:region|land|provinz|staat|stadt)\b|"
                       # "…, die 2005 begründet wurde": the subordinate clause's order
                       r"\b(?:begründet|gegründet|geschlossen|eingegangen|besiegelt)\s+"
                       r"(?:wurde|wurden|worden)\b|"
                       # "Im Jahr 2033 schloss das Land mit A eine Partnerschaft"
                       r"\b(?:schloss|schlossen|begründete|begründeten|besiegelte|besiegelten)\b"
                       r"[^.;]*\b(?:eine|die)\s+(?:\w+\s+)?\w*[Pp]artnerschaft|"
                       # "2031 folgte die (formelle) Städtepartnerschaft mit A": the next one
                       r"\b(?:folgte|folgten)\s+(?:\S+\s+){0,2}?(?:die|eine)\s+"
                       r"(?:[a-zäöüß]\w*\s+)?\w*[Pp]artnerschaft\b|"
                       # "Die Partnerschaft mit A geht auf das Jahr 2031 zurück"
                       r"\b(?:geht|gehen|ging|gingen)\s+auf\s+(?:das\s+Jahr|den|die|das|einen|eine)\b"
                       r"[^.;]*\bzurück\b|"
                       # "Die Partnerschaft mit A nahm im Mai 2031 ihren Anfang"
                       r"\b(?:nahm|nahmen)\b[^.;]*\bihren\s+Anfang\b|"
                       # "Das Land und A hatten 2031 ihre Regionalpartnerschaft vereinbart"
                       r"\b(?:haben|hatten|hat|hatte)\b(?:[^.;]|(?<=\d)\.)*\b(?:eine|die|ihre|seine|"
                       r"unsere)\s+"
                       r"(?:\w+\s+)?\w*[Pp]artnerschaft\s+(?:\w+\s+){0,3}?(?:abgeschlossen|geschlossen|"
                       r"vereinbart|begründet|besiegelt|eingegangen)\b")
# ", der im Jahr 2033 eine zweite mit B folgte": a later partnership with its own partner.
_FOLLOWED = re.compile(r",\s*(?:der|dem|die|denen)\b[^.;,]*\bfolgten?\b")
# "die 1989 begründete Partnerschaft", "der seit 1995 bestehenden Partnerschaft": a date before
# the participle that qualifies the partnership word right after it.
_ATTRIBUTIVE = re.compile(r"\s*(?:bestehende|begründete|gegründete|geschlossene|eingegangene|"
                          r"besiegelte|vereinbarte|unterzeichnete)[nrs]?\s+(?:[a-zäöüß]\w*\s+)?")
# "Seit dem offiziellen Beginn ihrer Partnerschaft am 3. Juli 2031": the date of its start.
_BEGINNING = re.compile(r"\b(?:Beginn|Begründung|Gründung|Besiegelung|Start)\s+(?:der|ihrer|seiner|"
                        r"unserer|dieser)\s+(?:\w+\s+)?(?P<word>\w*[Pp]artnerschaft\w*)\s+"
                        r"(?:am|im|vom)\s+(?:Jahre?\s+)?$")
# "einen Partnerschaftsvertrag … unterzeichnet": an instrument of a partnership kind signed.
_SIGNED_INSTRUMENT = re.compile(r"\b[Pp]artnerschafts(?:vertrag|vereinbarung|erklärung|abkommen|"
                                r"urkunde)\w*\b[^.;]*\b(?:unterzeichn|unterschrieb|abgeschlossen|"
                                r"geschlossen)\w*|\b(?:unterzeichn|unterschrieb|schlossen)\w*\b"
                                r"[^.;]*\b[Pp]artnerschafts(?:vertrag|vereinbarung|erklärung|"
                                r"abkommen|urkunde)")
_RESTING = re.compile(r"\b(?:ruht|ruhen|ruhte|ausgesetzt|eingefroren|suspendiert)\b")
# "Die Partnerschaft mit A jährte sich 2031 zum 25. Mal": an anniversary by its count.
_RECURS = re.compile(r"(?<=\bjährt)(?:e|en)?\s+sich\b[^.;]*?\bzum\s+(?P<years>\d{1,3})\.\s+Mal")
_ANNIVERSARY_GAP = 40  # characters between "20 Jahre" and the partnership word it counts
_PRONOUN = re.compile(r"(?:Sie|Diese|Er|Es)\s+(?:wurde|ist|war|entstand|begann|startete)\b|"
                      # "Die Freundschaft zu dieser Region hat erst 2031 begonnen"
                      r"Die\s+(?:Freundschaft|Partnerschaft)\s+(?:zu|mit)\s+(?:dieser|diesem)\b")
# "Sie hat 2031 begonnen", "Sie entstand im Jahr 2031"
_BEGUN = re.compile(r"\b(?:hat|hatte)\b[^.;]*\bbegonnen\b|"
                    r"^(?:Sie|Diese|Er|Es)\s+(?:entstand|begann|startete)\b")


def pronoun_founding(sentence: Span, within: SpanFacts, last: list[PartnershipRecord],
                     setting: Setting) -> list[PartnershipRecord]:
    """"Die Verbindung zwischen dem Land und A gilt als die erste Partnerschaft … Sie wurde im
    September 2031 … begründet": a sentence that refers back by a pronoun to the partnership
    the sentence before stated, and says when it was founded, dates it."""
    founded = _FOUNDING.search(sentence.text) or _BEGUN.search(sentence.text)
    theirs = {r.partner.key for r in last} | {r.partner.country for r in last}
    if not last or not _PRONOUN.match(sentence.text) or founded is None or \
            re.search(r"\b(?:ein|eine|einen)\b", founded.group()) or \
            any(p.key not in theirs for p in within.event_partners()):
        return []  # a sentence naming another partner is about that one ("dieser
        # xyzischen Region": the country of the partner before is no other partner)
    text = sentence.block.text
    dates = [d for d in within.dates if d.value.complete and d.value.end is None
             and not _SINCE_BEFORE.search(text[max(0, d.start - 24):d.start])]
    if len(dates) != 1:
        return []
    return [PartnershipRecord(land=r.land, partner=r.partner, kind=r.kind,
                              passage=sentence.passage(setting.file), since=dates[0].value)
            for r in last]


COOPERATION = re.compile(r"(?<![\w-])(?:[\w-]+-)?(?:Kooperation|Zusammenarbeit)\b|"
                         r"\b(?:partnerschaftliche|freundschaftliche)[n]?\s+(?:Beziehungen|"
                         r"Verbindung(?:en)?)\b|"
                         # "des Jubiläums 25 Jahre Berlin-A": the jubilee of a pair of names
                         r"\bJubiläum\w*\s+(?:\d{1,3}\s+Jahre\s+)?[A-ZÄÖÜ][\w.]*-[A-ZÄÖÜ]")
# "Im Jahr 2033 vereinbarten das Land und die Region A eine enge Zusammenarbeit", "Die
# partnerschaftlichen Beziehungen zu A gehen auf einen Besuch im Jahr 2031 zurück": the
# cooperation's origin, in the year the sentence gives.
_ORIGIN = re.compile(r"\b(?:vereinbart\w*|besiegelt\w*|begründet\w*|aufgenommen)\b|"
                     r"\b(?:geht|gehen|ging|gingen)\s+auf\b[^.;]*\bzurück\b|"
                     r"^Aus\b[^.;]*\bentwickelt\b")
DEEPENED = re.compile(r"[Vv]ertief|[Aa]usbau|ausgebaut|[Ee]rweiter|[Ii]ntensivier|fortgesetzt|"
                      r"[Ff]ortführ|Fortsetzung|[Bb]ekräftig|[Ww]iederbeleb")


def cooperation_start(sentence: Span, within: SpanFacts, facts: BlockFacts, setting: Setting,
                      leads: Leads) -> None:
    """"aus Anlass des 25-jährigen Jubiläums der Kooperation Hessen-Nordland": the start of the
    cooperation with the one partner the sentence names, kept for a partnership the document
    states with that partner (see `succeed`)."""
    if PLANNING.search(sentence.text) or not COOPERATION.search(sentence.text):
        return
    partners = within.event_partners() or \
        (partner_cities(sentence, within, setting) if is_city_state(setting) else [])
    starts = _anniversary(sentence, within, facts, setting, [], COOPERATION) or \
        _origin(sentence, within, setting) or _relation_since(sentence, within)
    if len(partners) == 1 and len(starts) == 1:
        leads.cooperation.setdefault(partners[0].key,
                                     (starts[0][1], sentence.passage(setting.file)))


_JUBILEE = re.compile(r"Jubiläum|Bestehen|Jahrestag")


def section_jubilee(sentence: Span, within: SpanFacts, facts: BlockFacts, setting: Setting,
                    leads: Leads) -> None:
    """"Partnerregion A" over a section whose sentence says "Im Jahr 2031 feierten beide Seiten
    das 20-jährige Jubiläum": the jubilee of the partnership the heading names, kept as its
    cooperation's start (see `succeed`)."""
    if leads.section is None or len(leads.heading) != 1 or PARTNERSHIP.search(sentence.text):
        return
    key = next(iter(leads.heading))
    if any(f.ref.key != key and f.ref.kind != "land" for f in within.parties):
        return
    starts = _anniversary(sentence, within, facts, setting, [], _JUBILEE)
    if len(starts) == 1:
        leads.cooperation.setdefault(key, (starts[0][1], sentence.passage(setting.file)))


def _origin(sentence: Span, within: SpanFacts, setting: Setting) -> list[tuple[int, DateValue]]:
    """The one date in which the sentence says the cooperation was agreed or began ("Schon im
    Jahr 2033 vereinbarten das Land und A eine enge Zusammenarbeit", "die im Oktober 2031
    begründeten freundschaftlichen Beziehungen"), as precise as stated; not a deepening or an
    extension, and not one the document reports as news (its year or the one before)."""
    text = sentence.text.lstrip("„\"»« ")
    if not _ORIGIN.search(text) or DEEPENED.search(text) or EXTENSION_ACTION.search(text):
        return []
    dates = [d for d in within.dates if d.value.complete and d.value.end is None
             and not _SINCE_BEFORE.search(sentence.block.text[max(0, d.start - 24):d.start])]
    if len(dates) != 1:
        return []
    year = dates[0].value.start.year
    if year is None or (setting.reference is not None and year >= setting.reference.year - 1):
        return []
    return [(dates[0].start, _start_only(dates[0].value))]


# "A und B unterhalten seit 1987 eine partnerschaftliche Verbindung", "Die partnerschaftlichen
# Beziehungen bestehen seit 1987": the start of a relation a partnership's adjective qualifies.
_RELATION_AFTER = re.compile(r"\s+(?:eine|die)?\s*(?:enge\s+|intensive\s+)?(?:partnerschaftliche|"
                             r"freundschaftliche)[n]?\s+(?:Verbindung|Beziehung)")
_RELATION_BEFORE = re.compile(r"(?:partnerschaftliche|freundschaftliche)[n]?\s+(?:Verbindung|"
                              r"Beziehung)\w*(?:\s+\S+){0,3}?\s+(?:besteht|bestehen)\s+$")


def _relation_since(sentence: Span, within: SpanFacts) -> list[tuple[int, DateValue]]:
    """The "seit" of a partnership-like relation, right before or after its words ("unterhalten
    seit 1987 eine partnerschaftliche Verbindung"); not another level's later "seit"."""
    text = sentence.block.text
    for d in within.dates:
        before = text[max(0, d.start - 24):d.start]
        if not d.value.complete or not _SINCE_BEFORE.search(before) or \
                _FIRST_SINCE.search(text[max(0, d.start - 80):d.start]):
            continue
        if _RELATION_AFTER.match(text, d.end) or \
                _RELATION_BEFORE.search(text[max(0, d.start - 80):d.start].rsplit("seit", 1)[0]):
            return [(d.start, _start_only(d.value))]
    return []


# "…, die 2000 mit der gemeinsamen Erklärung in eine formale Partnerschaft mündete": what the
# paragraph is about became a partnership, in the year of the clause.
BECAME = re.compile(r"\b(?:in\s+eine|zu\s+einer|zur)\s+(?:[a-zäöüß]\w*\s+)?\w*[Pp]artnerschaft\s+"
                    r"(?:\w+\s+){0,2}?(?:mündete|mündeten|wurde|wurden|überführt|umgewandelt|"
                    r"aufgewertet|erhoben)\b")


def with_start(sentence: Span, within: SpanFacts, facts: BlockFacts, partners: list[PartyRef],
               setting: Setting, listed: bool = False) -> list[tuple[PartyRef, DateValue | None]]:
    """Each partner with the start the sentence gives it: the "seit <date>" after it (before
    the next partner), or one start for all when the sentence gives exactly one."""
    since = _since_dates(sentence, within, listed)
    starts = since + _anniversary(sentence, within, facts, setting, [at for at, _ in since])
    text = sentence.block.text
    qualifying = [(d.start, _start_only(d.value)) for d in within.dates
                  if d.start in {at for at, _ in starts} and _qualifies_partnership(text, d.end)]
    positions = _positions(within, partners, sentence, setting)
    carried = _years_after_partners(sentence, within, positions) if not starts else []
    if carried:  # "die Partnerschaften mit Osaka (1987), León (1989)": each its own year
        return [(partner, value) for partner, (_, value)
                in zip(partners, _each_own_at(positions, carried, sentence.end), strict=True)]
    heading = _years_before_partners(sentence, within, positions) if not starts else []
    if heading:  # "wurden 1979 im chinesischen A, 1989 in B und im japanischen C unterzeichnet"
        text = sentence.block.text
        return [(partner, None if _PLACED.search(text, 0, position) else
                 next((value for at, value in reversed(heading) if at < position), None))
                for partner, position in zip(partners, positions, strict=True)]
    if len(qualifying) == 1:  # "der seit 1995 bestehenden Partnerschaft mit A, … seit 2010 …"
        later = _after_its_clause(text, qualifying[0][0], positions)
        if later and len(later) < len(partners):  # "…: B, mit der das Land seit 1996 …"
            others = [s for s in starts if s[0] != qualifying[0][0]
                      and s[0] not in _paired(sentence, within, partners, starts)[1]]
            own = _each_own(positions, others, sentence.end)
            return [(partner, own[index] if index in later else qualifying[0][1])
                    for index, partner in enumerate(partners)]
        starts = qualifying
    if len(starts) == 1:
        return [(partner, starts[0][1]) for partner in partners]
    if _respectively(sentence, positions, starts, len(partners)):
        return [(partner, start) for partner, (_, start) in zip(partners, starts, strict=True)]
    nearest = _each_own_at(positions, starts, sentence.end)
    paired, elsewhere = _paired(sentence, within, partners, starts)
    taken = {at for at, _ in paired.values()} | elsewhere
    return [(partner, paired[partner.key][1] if partner.key in paired else
             None if at is None or at in taken else value)
            for partner, (at, value) in zip(partners, nearest, strict=True)]


# "A, die seit 2031 mit B verbunden ist": a relative clause on another partner's relation.
_RELATIVE = re.compile(r"\s*(?:die|der|das|welche[rs]?)\b")


def _paired(sentence: Span, within: SpanFacts, partners: list[PartyRef],
            starts: list[tuple[int, DateValue]]
            ) -> tuple[dict[str, tuple[int, DateValue]], set[int]]:
    """Starts the wording ties to one partner ("A seit 2001", right after its name; "…, seit
    2001 mit A", before it in its clause), and those of another relation ("A, die seit 2001
    mit B verbunden ist": A's and B's, not the Land's)."""
    text = sentence.block.text
    keys = {p.key for p in partners}
    mentions = [f for f in within.parties if f.ref.key in keys]
    paired: dict[str, tuple[int, DateValue]] = {}
    others: set[int] = set()
    for at, value in starts:
        named = next((f for f in mentions if _NAME_THEN_SINCE.fullmatch(text, f.end, at)), None)
        if named is not None:
            paired.setdefault(named.ref.key, (at, value))
            continue
        clause = _clause_span(sentence, at)
        after = next((f for f in mentions if at < f.start < clause[1]), None)
        if after is None or not re.search(r"\bmit\s", text[at:after.start]) or \
                re.search(r"\b(?:und|sowie|bzw)\b", text[at:after.start]) or \
                any(clause[0] <= f.start < at for f in mentions):
            continue  # "mit A seit 1987 und mit B seit 2001": the start after A is A's
        before = [f for f in mentions if f.end <= clause[0]]
        if _RELATIVE.match(text, clause[0]) and before and before[-1].ref.key != after.ref.key \
                and re.fullmatch(r"\s*,\s*", text[before[-1].end:clause[0]]):
            others.add(at)  # the relative clause right after another partner's name
        else:
            paired.setdefault(after.ref.key, (at, value))
    return paired, others


def _each_own(positions: list[int], starts: list[tuple[int, DateValue]], end: int
              ) -> list[DateValue | None]:
    return [value for _, value in _each_own_at(positions, starts, end)]


def _each_own_at(positions: list[int], starts: list[tuple[int, DateValue]], end: int
                 ) -> list[tuple[int | None, DateValue | None]]:
    """Each partner's start and where it stands: the first one after its name, before the
    next partner's."""
    own: list[tuple[int | None, DateValue | None]] = []
    taken = -1  # where the start given to the partner before stands
    for index, begin in enumerate(positions):
        until = positions[index + 1] if index + 1 < len(positions) else end
        mine = next(((at, value) for at, value in starts if begin <= at < until), None)
        if mine is None and index:  # ", der im Jahr 2033 eine zweite mit B folgte"
            mine = next(((at, value) for at, value in reversed(starts)
                         if taken < at < begin and at >= positions[index - 1]), None)
        own.append(mine if mine else (None, None))
        taken = mine[0] if mine else taken
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


def _positions(within: SpanFacts, partners: list[PartyRef], sentence: Span | None = None,
               setting: Setting | None = None) -> list[int]:
    """Where the sentence first names each partner: a region or country, else a partner city
    of a city-state by its name."""
    first: dict[str, int] = {}
    for found in within.parties:
        first.setdefault(found.ref.key, found.start)
    if sentence is not None and setting is not None and any(p.key not in first
                                                             for p in partners):
        for key, start in city_positions(sentence, within, setting).items():
            first.setdefault(key, start)
    return [first.get(p.key, within.span.start) for p in partners]


# "Osaka (1987)": a year alone in brackets right after a name.
_NAME_BRACKETED_YEAR = re.compile(r"[A-ZÄÖÜ][\w.-]*\s*\(\s*$")
# "St. Petersburg (damals Leningrad) 1957": a bare year right after a name, a bracket at most
# between.
_NAME_BARE_YEAR = re.compile(r"[A-ZÄÖÜ][\w.-]*(?:\s+\([^()]{2,40}\))?\s+$")


# "1979 im chinesischen A", "1989 in B": a bare year right before a partner's name, a place
# preposition, an article and adjectives at most between.
_YEAR_BEFORE_NAME = re.compile(r"\s+(?:(?:in|im|mit|nach)\s+)?(?:(?:der|dem|den|die|das)\s+)?"
                               r"(?:[a-zäöüß]\w*(?:e|en|er|es|em)\s+)*")


# "B in Nicaragua": a name right after another name and "in" only places it.
_PLACED = re.compile(r"[A-ZÄÖÜ][\w.-]*\s+(?:in|im)\s+$")


def _years_before_partners(sentence: Span, within: SpanFacts, positions: list[int]
                           ) -> list[tuple[int, DateValue]]:
    """In a sentence of partnerships without a "seit", the years that head the items of a
    list of partners, where two or more do ("Partnerschaftsverträge wurden 1979 im
    chinesischen A, 1989 in B und im japanischen C unterzeichnet"): each partner takes the
    last one before its name (C 1989); one such year alone dates the sentence, not a
    partner."""
    text = sentence.block.text
    found = [(d.start, d.value) for d in within.dates
             if d.value.complete and d.value.start.month is None and d.value.end is None
             and any(p > d.end and _YEAR_BEFORE_NAME.fullmatch(text, d.end, p)
                     for p in positions)]
    return found if len(found) >= 2 else []


def _years_after_partners(sentence: Span, within: SpanFacts, positions: list[int]
                          ) -> list[tuple[int, DateValue]]:
    """In a sentence of partnerships without a "seit", the year a listed partner's name
    carries: in brackets right after it ("die Partnerschaften mit Osaka (1987), León
    (1989)"), or bare right after it where two or more partners carry one each ("mit A 1957
    und B 1958"); not a bare year after one name alone ("die Partnerregion A 2031
    besucht")."""
    text = sentence.block.text
    bracketed, bare = [], []
    for d in within.dates:
        if not d.value.complete or d.value.start.month is not None or d.value.end is not None:
            continue
        own = [p for p in positions if p < d.start and d.start - p <= 60
               and not re.search(r"[,;:]", text[p:d.start])]
        if not own:
            continue
        before, after = text[max(own):d.start], text[d.end:d.end + 8]
        if _NAME_BRACKETED_YEAR.search(before) and re.match(r"\s*\)", after):
            bracketed.append((d.start, d.value))
        elif _NAME_BARE_YEAR.search(before):
            bare.append((d.start, d.value))
    return sorted(bracketed + (bare if len(bare) >= 2 else []), key=lambda s: s[0])


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
    cues += [sentence.start + m.start() for m in BEFRIENDED.finditer(sentence.text)]
    cues += [sentence.start + m.start() for m in BOUND.finditer(sentence.text)]
    founded = _FOUNDING.search(sentence.text) or BECAME.search(sentence.text)
    if founded and re.search(r"\b(?:ein|eine|einen)\b", founded.group()) and \
            not PARTNERSHIP.search(founded.group()):
        founded = None  # "wurde 1992 ein Kooperationsbüro gegründet": something else founded
    found: list[tuple[int, DateValue]] = []
    for d in within.dates:
        if not d.value.complete:
            continue
        before = text[max(0, d.start - 24):d.start]
        if _NOT_ONLY.search(before):
            continue  # "Nicht erst seit 2031 ist A ein Partner": it began earlier
        if _BRACKETED_SINCE.search(before) and _renamed_in(text, within, d.end):
            continue  # "die Region A (seit 2016 B)": the renaming's date, no start
        if _FIRST_SINCE.search(text[max(0, d.start - 80):d.start]):
            continue  # "der erste Besuch seit 2031": a gap, no start
        if _SINCE_BEFORE.search(before) and _RECURRING.search(_clause(sentence, d.start)):
            continue  # "Seit 2031 besucht jedes Jahr eine Delegation die Partnerregion"
        if _SINCE_BEFORE.search(before) and _OTHERS_DOING.match(text, d.end):
            continue  # "Seit 2031 widmet sich der Verband der Partnerschaft mit A": its work
        in_clause = (listed and not cues) or any(
            not re.search(r"[,;:]\s|(?<=[\w)])\s+Seit\b", _without_relative_clauses(
                text[min(c, d.start):max(c, d.start)])) for c in cues) or \
            (founded is not None and any(m.start() < d.start < m.end()
                                         for m in _FOLLOWED.finditer(text, sentence.start,
                                                                     sentence.end))) or \
            (founded is not None and any(_RELATIVE_FOUNDING.fullmatch(text, c, d.start)
                                         and sentence.start + founded.start() > d.start
                                         and not re.search(r"[,;:]", text[
                                             d.start:sentence.start + founded.start()])
                                         for c in cues)) or \
            (_EXISTS_AFTER.match(text, d.end) is not None
             and any(_RELATIVE_SINCE.fullmatch(text, c, d.start) for c in cues))
        ahead = _with_partner_after(text, within, d.end)
        if (_SINCE_BEFORE.search(before) and (in_clause or ahead)) or \
                _BRACKETED_SINCE.search(before) or _since_after_name(text, within, d.start) or \
                (_RESPECTIVE.search(before) and any(d.start - at < 40 for at, _ in found)) or \
                (founded and in_clause and not _SINCE_BEFORE.search(before)
                 and d.value.end is None) or _qualifies_partnership(text, d.end) or \
                _BEGINNING.search(text[max(0, d.start - 80):d.start]) or \
                (in_clause and _SINCE_DATED.search(text, max(0, d.start - 130), d.start)):
            found.append((d.start, _start_only(d.value)))
    return found + _listed_years(within, found)


# "Seit 2031 widmet sich der Verband der Partnerschaft mit A": the verb right after the date and
# then another body as its subject (an association, a city, a university): what that body does.
_OTHERS_DOING = re.compile(r"\s+[a-zäöüß]\w*\s+(?:sich\s+)?(?:der|die|das)\s+(?:[a-zäöüß]\w*\s+)?"
                           rf"(?:{OTHER_BODY.pattern})")


# "Die Partnerschaft besteht seit der Vereinbarung über … vom 20. April 2031": the date of what
# the partnership exists since, cited by "vom".
_SINCE_DATED = re.compile(r"(?<!\w)seit\s+(?:der|dem)\s+[A-ZÄÖÜ][^.;:,()]{0,110}?\bvom\s+$")


# "seit 2001 bzw. 2004": the second start of a pair.
_RESPECTIVE = re.compile(r"\s(?:bzw\.|beziehungsweise)\s+(?:seit\s+)?(?:dem\s+)?(?:Jahre?\s+)?$")
# "…, seit 2001 mit der Woiwodschaft A": a start right before its partner.
_WITH_AFTER = re.compile(r"\s+mit\s+(?:der|dem|den)?\s*(?:[a-zäöüß]\w*\s+)?")


def _with_partner_after(text: str, within: SpanFacts, end: int) -> bool:
    match = _WITH_AFTER.match(text, end)
    return match is not None and any(f.start == match.end() and f.ref.kind != "land"
                                     for f in within.parties)


def _renamed_in(text: str, within: SpanFacts, end: int) -> bool:
    """"Region A (seit 1.1.2016 B)": a bracket's "seit" followed by a region's name dates the
    renaming, not a partnership's start ("mit A (seit 1991)" is one)."""
    gap = re.match(r"\s+", text[end:])
    after = end + (gap.end() if gap else 0)
    return gap is not None and any(f.start == after and f.ref.kind != "land"
                                   for f in within.parties)


_NAME_THEN_SINCE = re.compile(r"\s+(?:\([^()]{2,40}\)\s+)?(?:bereits\s+|schon\s+)?seit\s+"
                              r"(?:dem\s+|(?:dem\s+)?Jahre?\s+)?")


def _since_after_name(text: str, within: SpanFacts, at: int) -> bool:
    """"Partnerregionen sind A seit 2001, B seit 1991 und C seit 2012": a "seit" right after a
    partner's name, its country in brackets at most between, is that partner's start."""
    return any(f.end < at and _NAME_THEN_SINCE.fullmatch(text, f.end, at)
               for f in within.parties if f.ref.kind != "land")


# What happens again and again since a date: its "seit" dates the custom, not the partnership.
_RECURRING = re.compile(r"\b(?:jedes|jeden|jede)\s+(?:Jahr|Sommer|Frühjahr|Herbst|Monat)\b|"
                        r"\b(?:all)?jährlich\w*|\bregelmäßig\w*|\balle\s+(?:zwei|drei|vier|fünf|\d)\s+"
                        r"Jahre\b|\bimmer\s+wieder\b")


def _clause(sentence: Span, at: int) -> str:
    start, end = _clause_span(sentence, at)
    return sentence.block.text[start:end]


def _clause_span(sentence: Span, at: int) -> tuple[int, int]:
    """Where the clause of the sentence around offset `at` begins and ends (commas,
    semicolons and colons bound it)."""
    text = sentence.block.text
    start = max([sentence.start] + [m.end() for m in re.finditer(r"[,;:]\s", text[:at])
                                     if m.end() > sentence.start])
    end = re.compile(r"[,;:]\s").search(text, at, sentence.end)
    return start, end.start() if end else sentence.end


# "Die Partnerschaft mit A, die 2031 begründet wurde, …": the founding in the relative clause
# right after the partnership and its partner.
_RELATIVE_FOUNDING = re.compile(r"[^,;:.]*,\s*(?:die|der|welche)\s+(?:[^,;:.]*\s)?"
                                r"(?:im\s+Jahre?\s+|am\s+|im\s+)?")


# "Die Regionalpartnerschaft mit A ist zu erwähnen, die seit 2003 besteht": the relative clause
# that ends the sentence tells since when the partnership (the one thing that "besteht") is.
_RELATIVE_SINCE = re.compile(r"[^,;:.]*,\s*(?:die|welche)\s+(?:bereits\s+|schon\s+|nunmehr\s+)?"
                             r"seit\s+(?:dem\s+|(?:dem\s+)?Jahre?\s+)?")
_EXISTS_AFTER = re.compile(r"\s+(?:besteht|bestehe|existiert)(?:\s*[.;,]|\s*$)")


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
    for match in [*ANNIVERSARY.finditer(text), *_RECURS.finditer(text)]:
        before_count = re.search(r"\b[Vv]or\s+$", text[:match.start()]) is not None
        if before_count and any(d.value.complete and d.end <= sentence.start + match.start()
                                for d in within.dates):
            continue  # "Am 23. Juni 2031 – also vor 40 Jahren – …" restates the date before it
        reference = _reference_year(sentence, within, facts, setting, counted_from,
                                    sentence.start + match.start(), before_count)
        if reference is None:
            continue
        if NOT_EXACT_YEARS.search(text[max(0, match.start() - 20):match.start()]):
            continue
        after = text[match.end():match.end() + _ANNIVERSARY_GAP]
        cue = cues.search(after)
        counted = cue is not None and not re.search(r"[.;:]", after[:cue.start()])
        celebrated = (re.match(r"\s*(?:Bestehen|Jubiläum|Jahrestag)", after) and (
            cues.search(text[:match.start()]) or _later_in_clause(cues, text[match.end():]))) \
            or (re.search(r"\bJubiläum\w*\s+$", text[:match.start()]) and cues.search(text)) \
            or (match.group().endswith("Mal") and cues.search(text))  # "… feiert ihr 25-jähriges
        # Bestehen", "anlässlich des Jubiläums 25 Jahre Berlin-A"
        ago = before_count and cues.search(text) and \
            (_FOUNDING.search(text) or _SIGNED_INSTRUMENT.search(text)) and \
            not DEEPENED.search(text) and not EXTENSION_ACTION.search(text)
        # "Die Partnerschaft wurde vor fünf Jahren besiegelt", "Vor 20 Jahren hatte das Land
        # einen Partnerschaftsvertrag mit A unterzeichnet"
        lasting_since = re.search(r"\b[Ss]eit\s+$", text[:match.start()]) and \
            match.group().rstrip().endswith("Jahren") and cues.search(_clause_text(text,
                                                                                 match.start()))
        # "Seit 30 Jahren sind das Land und A Partnerregionen"
        prior = list(cues.finditer(text[:match.start()]))
        lasting = prior and not re.search(r"[.;:,]", text[prior[-1].end():match.start()]) and \
            re.search(r"\b(?:besteh|währ|existier)\w*", text[:match.start()])
        # "2018 besteht die Partnerschaft 15 Jahre", "Die Partnerschaft besteht seit 15 Jahren"
        if not counted and not celebrated and not ago and not lasting and not lasting_since:
            continue
        word = match["years"]
        years = int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 0)
        if 0 < years < 200:
            day = _day_it_recurs(sentence, within, match) if match.re is _RECURS else None
            start = PartialDate(day.year - years, day.month, day.day) \
                if day is not None and day.year is not None and \
                not (day.month == 2 and day.day == 29) else PartialDate(reference - years)
            found.append((sentence.start + match.start(), DateValue(start, text=match.group())))
    return found


def _day_it_recurs(sentence: Span, within: SpanFacts, match: re.Match[str]
                   ) -> PartialDate | None:
    """"Am 29. Mai 2031 jährt sich zum 25. Mal …": the day the anniversary falls on, stated
    right before the verb (the start is that day, the count of years before)."""
    at = sentence.start + match.start()
    for d in within.dates:
        value = d.value.start
        if d.value.end is None and value.day is not None and value.year is not None and \
                d.end <= at and not re.search(r"[,;:]", sentence.block.text[d.end:at]) and \
                at - d.end <= 12:
            return value
    return None


def _clause_text(text: str, at: int) -> str:
    """The clause of a sentence's text around `at`."""
    start = max([0] + [m.end() for m in re.finditer(r"[,;:]\s", text[:at])])
    end = re.compile(r"[,;:]\s").search(text, at)
    return text[start:end.start() if end else len(text)]


def _later_in_clause(cues: re.Pattern[str], after: str) -> bool:
    """"zum 30-jährigen Jubiläum im Jahr 2031 würdigten beide Seiten die Partnerschaft": the
    partnership word later in the jubilee's clause."""
    clause = re.split(r"[;:]|\.\s", after, maxsplit=1)[0]
    return cues.search(clause) is not None


# "… des 20-jährigen Jubiläums der Partnerschaft in diesem Jahr": the jubilee falls in the
# document's year, whatever year the sentence names before it.
_THIS_YEAR = re.compile(r"[^.;]*?\b(?:in\s+diesem|dieses|im\s+laufenden)\s+Jahr\b")


# "des 20-jährigen Jubiläums der Partnerschaft A-B, das im Jahr 2034 mit Festakten
# stattfand": a relative clause that says when the jubilee was celebrated dates it, whatever
# year the sentence names before it (not one that says when the partnership was concluded).
_CELEBRATED_IN = re.compile(r"[^.;:,]{0,100},\s+(?P<clause>(?:das|welches)\s+[^.;:,]{0,80}?"
                            r"\b(?:stattfand|stattfindet|stattfinden\s+wird|gefeiert|begangen)"
                            r"\w*)")


def _reference_year(sentence: Span, within: SpanFacts, facts: BlockFacts, setting: Setting,
                    counted_from: list[int], at: int, ago: bool = False) -> int | None:
    """The year an anniversary at `at` is counted from: the sentence's nearest year before it
    (not a start), else its first year after it, else the document's, else the one year of
    the paragraph's dates before the sentence. A count back from now ("vor 40 Jahren") counts
    from the document's date only: beside a date of the sentence ("Am 23. Juni 2031 – also
    vor 40 Jahren – wurde …") it restates that date, and counts nothing from it."""
    text = sentence.block.text
    if _THIS_YEAR.match(text, at, sentence.end) or ago:
        return setting.reference.year if setting.reference is not None else None
    own = [(d.start, d.value.start.year) for d in within.dates if d.value.complete
           and d.start not in counted_from and d.value.start.year is not None
           and not re.search(r"(?<!\w)[Ss]eit\s+(?:\w+\s+)?$", text[max(0, d.start - 16):d.start])]
    before = [year for start, year in own if start < at]
    after = [year for start, year in own if start > at]
    celebrated = _CELEBRATED_IN.match(text, at, sentence.end)
    in_clause = [year for start, year in own if celebrated is not None
                 and celebrated.start("clause") <= start < celebrated.end()]
    if in_clause:  # "…, das im Jahr 2034 … stattfand": the jubilee's own year
        return in_clause[0]
    if before or after:
        return before[-1] if before else after[0]
    if setting.reference is not None:
        return setting.reference.year
    earlier = {d.value.start.year for d in facts.dates
               if d.end <= sentence.start and d.value.complete and d.value.start.year is not None}
    return earlier.pop() if len(earlier) == 1 else None


# "Das Land schließt Freundschaftsvertrag mit A": a headline's present tense reports the act
# of the release's day.
_CONCLUDED_NOW = re.compile(r"\b(?:schließt|besiegelt|begründet|unterzeichnet)\b")


def concluded_today(sentence: Span, setting: Setting) -> DateValue | None:
    """A press release's headline that has the Land conclude a partnership in the present
    tense dates it to the release's day."""
    text = sentence.block.text.strip()
    day = setting.news_date
    if day is None or not setting.day_known or text[-1:] in ".:;!?" or \
            not _CONCLUDED_NOW.search(sentence.text) or PLANNING.search(sentence.text):
        return None
    return DateValue(PartialDate(day.year, day.month, day.day), text=day.isoformat())


def sharpen(records: list[PartnershipRecord]) -> None:
    """One start per partnership in a document: of all its statements' starts the earliest
    year, as precisely as any statement gives that year ("20 Jahre Partnerschaft" and the
    signing "am 12. Januar 2004" are 2004-01-12; "die 25 Jahre alte Partnerschaft" beside
    "seit 1991" is 1991). A later start a statement gives counts years loosely or dates a
    renewal, and is no start of its own."""
    starts: dict[str, list[DateValue]] = {}
    for record in records:
        if record.since is not None and record.since.start.year is not None:
            starts.setdefault(record.partner.key, []).append(record.since)
    earliest = {key: _earliest(values) for key, values in starts.items()}
    for record in records:
        if record.since is not None and record.partner.key in earliest:
            record.since = earliest[record.partner.key]


def _earliest(values: list[DateValue]) -> DateValue:
    year = min(v.start.year or 0 for v in values)
    return min((v for v in values if v.start.year == year),
               key=lambda v: (-(v.start.month is not None) - (v.start.day is not None),
                              v.start.month or 0, v.start.day or 0))
