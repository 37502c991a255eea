"""Who a partnership sentence names as the Land's partner: the countries, regions and
organisations near the partnership word, or, where it names none, the partner it refers back
to. Separate from deciding whether a sentence states a partnership at all."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from kg.extract.analysis import BlockFacts, SpanFacts
from kg.extract.cues import OTHERS_NAMED_AFTER, OTHERS_PARTNERSHIP, OWN_GOVERNMENT, PARTNERSHIP
from kg.extract.partnership_english import PARTNERSHIP_EN, english_kind
from kg.extract.partnership_leads import Leads
from kg.extract.partnership_starts import BECAME
from kg.extract.partnership_words import BEFRIENDED, BOUND, kind_of
from kg.extract.text import Span
from kg.records import PartyRef
from kg.registers import load as load_registers

# "eine Partnerschaft mit einem Nationalstaat (Ungarn)": the country in brackets is the partner.
_STATE_BEFORE = re.compile(r"(?:[Nn]ationalstaat|\bStaat|\bLand)\w*\s*\(\s*$")
# "eine deutsch-beispielische Partnerschaftsvereinbarung": the two states' relation (or a
# club's name), no partner of the Land.
_HOME_PAIR = re.compile(r"(?i)deutsch-")
_REGION_KIND = re.compile(r"region|provinz|präfektur|bundesstaat|departement|woiwodschaft|"
                          r"wojewodschaft|oblast|kanton", re.IGNORECASE)
_REGION_WORDS = (r"Wojewodschaft|Woiwodschaft|Provinz|Präfektur|Region|Oblast|Bundesstaat|"
                 r"Departement")
_NEAR = 150  # characters between a partner's name and the partnership word in a long sentence


def named_partners(sentence: Span, within: SpanFacts, kind: str, listed: bool) -> list[PartyRef]:
    """The countries, regions and known organisations named near the partnership word (a
    long sentence names other things too); a partner region's kind word rules out countries
    ("die xyzischen Partnerprovinzen": provinces, not the country)."""
    text = sentence.block.text
    states = {f.ref.key for f in within.parties if f.ref.kind == "country"
              and _STATE_BEFORE.search(text[max(0, f.start - 30):f.start])}
    with_home = {f.ref.key for f in within.parties if f.ref.kind == "country"
                 and f.how == "adjective" and _HOME_PAIR.match(text, f.start)}
    causes = {f.ref.key for f in within.parties
              if _in_a_cause(text, sentence.start, f.start, f.end)}
    partners = [p for p in within.event_partners() if not _member_of(p)
                and p.key not in with_home | causes]
    if _REGION_KIND.search(kind):
        items = _countries_listed_with_regions(text, within)
        partners = [p for p in partners if p.kind != "country" or p.key in states | items]
    regions_of = {p.country for p in partners if p.kind == "region"}
    qualifying = {f.ref.key for f in within.parties if f.ref.kind == "country"
                  and (re.search(r"[/(]\s*$", text[max(0, f.start - 3):f.start])
                       or _CAPITAL_OF.search(text[max(0, f.start - 24):f.start])
                       or _states_pair().search(text[max(0, f.start - 60):f.start])
                       or _where_regions_lie(text, sentence.start, f.start))
                  and f.ref.key not in states}
    partners = [p for p in partners if p.kind != "country"
                or (p.key not in regions_of and p.key not in qualifying)]
    placing_regions = _locating_regions(text, within)
    partners = [p for p in partners if p.key not in placing_regions]
    partners = _after_with(sentence, within, partners) or partners
    partners = _within_the_list_after(sentence, within, partners)
    if not listed:
        partners = _paired_with_land(sentence, within, partners)
    if listed or len(sentence.text) <= _NEAR or _counted(sentence, within, partners):
        return partners
    cues = [sentence.start + m.start() for m in PARTNERSHIP.finditer(sentence.text)
            if not OTHERS_PARTNERSHIP.match(m["kind"])
            and not _between_others(text, sentence.start + m.end(), within)]
    cues += [sentence.start + m.start() for m in BEFRIENDED.finditer(sentence.text)]
    cues += [sentence.start + m.start() for m in BOUND.finditer(sentence.text)
             if not _between_others(text, sentence.start + m.end(), within)]
    if english_kind(kind):  # an English sentence's partnership words
        cues += [sentence.start + m.start() for m in PARTNERSHIP_EN.finditer(sentence.text)]
    near = [any(abs(f.start - c) <= _NEAR
                and not _entry_between(text, min(c, f.start), max(c, f.start) + 1)
                for c in cues) for f in within.parties]
    placing = _placing_a_city(text, within)
    return [p for p in partners if p.key in _with_their_list(text, within, near)
            and p.key not in placing]


# "A in B": only "in" and an article between a region and the next.
_PLACED_IN = re.compile(r"\s+i[nm]\s+(?:(?:der|dem|den|die|das)\s+)?$")


def _locating_regions(text: str, within: SpanFacts) -> set[str]:
    """"Mecklenburg County in North Carolina": a region named right after another region of
    the same country and "in" says where that one lies; it is no partner of its own (as a
    country after "in" is none)."""
    regions = [f for f in within.parties if f.ref.kind == "region"]
    return {f.ref.key for f in regions
            if any(g.ref.key != f.ref.key and g.ref.country == f.ref.country
                   and g.end <= f.start and _PLACED_IN.fullmatch(text[g.end:f.start])
                   for g in regions)}


# "Partnerschaftsvertrag zwischen A und B" where neither is the Land: a partnership of others
# (two cities, a town and a district) in a long sentence of several.
_BETWEEN = re.compile(r"(?:\s+[A-ZÄÖÜ]\w*)?\s+zwischen\s+")  # "… Zusammenarbeit zwischen"
_CLAUSE = 100
_JOINED = re.compile(r"\s(?:und|sowie)\s")


def _between_others(text: str, end: int, within: SpanFacts) -> bool:
    between = _BETWEEN.match(text, end)
    if between is None:
        return False
    start = between.end()
    joined = _JOINED.search(text, start, start + _CLAUSE)
    end = joined.end() + 40 if joined else start + _CLAUSE  # "A und dem Land", not beyond
    return OWN_GOVERNMENT.search(text, start, end) is None and not any(
        f.ref.kind == "land" and start <= f.start < end for f in within.parties)


# "Chemnitz/Taiyuan (A)", "Yandu (Stadtbezirk von Yancheng, Provinz A)": a region in brackets
# after a word that is no party, partnership or region word places that word (a city), in a
# long sentence; no partner.
_IN_BRACKETS_AFTER = re.compile(r"(?P<word>[A-ZÄÖÜ][\w-]+)\s*\([^()]{0,50}$")


# "B, die Hauptstadt Cs", "die Hauptstadt von C": the country a capital is of.
_CAPITAL_OF = re.compile(r"\b[Hh]auptstadt\s+(?:von\s+)?$")


def _placing_a_city(text: str, within: SpanFacts) -> set[str]:
    """The regions the sentence names only so."""
    placing, elsewhere = set(), set()
    for f in within.parties:
        before = _IN_BRACKETS_AFTER.search(text, max(within.span.start, f.start - 80), f.start)
        if f.ref.kind != "region" or before is None or \
                re.search(r"(?i)partner|freund", before["word"]) or \
                _REGION_KIND.search(before["word"]) or \
                any(g.end == before.end("word") for g in within.parties):
            elsewhere.add(f.ref.key)
        else:
            placing.add(f.ref.key)
    return placing - elsewhere


# "wegen des Krieges in A", "angesichts der Lage in A", "infolge des Angriffs auf A": a place
# named in a cause or circumstance of the sentence is where something happens, no partner.
_CAUSE = re.compile(r"(?<!\w)(?:wegen|aufgrund|auf Grund|infolge|angesichts|trotz)\s+"
                    r"(?:des|der|dem|den)\s+(?:[a-zäöüß]\w*\s+)?[A-ZÄÖÜ]\w*\s+"
                    r"(?:in|gegen|auf|um|im)\s+(?:(?:der|die|das|den|dem)\s+)?$")


# "der Krieg gegen A", "Bs Angriffskrieg", "der Bische Krieg": the parties of a war.
_WAR_ON = re.compile(r"(?<!\w)(?:Kriege?s?|Angriffs?|Angriffskriege?s?|Invasion|Überfalls?|"
                     r"Aggression)\s+(?:gegen|in|auf)\s+(?:(?:der|die|das|den|dem)\s+)?$")
_WAR_OF = re.compile(r"s?\s+(?:[a-zäöüß]\w*\s+)?(?:Angriffs)?[Kk]rieg\w*|"
                     r"e[nrsm]?\s+(?:[a-zäöüß]\w*\s+)?(?:Angriffs|Vernichtungs)?[Kk]rieg\w*")


# "– bezogen auf A –", "in Bezug auf A", "hinsichtlich der Region A": the place a remark is
# about, no partner.
_TOPIC = re.compile(r"(?<!\w)(?:bezogen auf|in Bezug auf|mit Bezug auf|bezüglich|hinsichtlich)\s+"
                    r"(?:(?:der|die|das|den|dem|des)\s+)?(?:[A-ZÄÖÜ]\w*\s+)?$")


def _in_a_cause(text: str, start: int, at: int, end: int) -> bool:
    """The party at `at` … `end` ends a cause phrase of its sentence ("wegen des Krieges in
    A"), is the topic of a remark ("bezogen auf A") or is a party of a war ("der Krieg gegen
    A", "As Krieg")."""
    return _CAUSE.search(text, max(start, at - 80), at) is not None or \
        _TOPIC.search(text, max(start, at - 40), at) is not None or \
        _WAR_ON.search(text, max(start, at - 40), at) is not None or \
        _WAR_OF.match(text, end) is not None


# What joins the names of a list: commas, "und", "sowie", a country in brackets after a name.
_LIST_GAP = re.compile(r"[\s,()]*(?:\b(?:und|sowie)\b)?[\s,()]*")
# Between two items of one list: a comma, "und" or "sowie", after the item's bracket.
_ITEM_GAP = re.compile(r"(?:\s*\([^()]{0,40}\))?\s*"
                       r"(?:,\s*(?:und\s+|sowie\s+)?|\s+(?:und|sowie)\s+)")


def _countries_listed_with_regions(text: str, within: SpanFacts) -> set[str]:
    """"seinen Partnerregionen A, B (Land), C und D": a country named by its name as an item of
    a list of regions is a partner as they are (a whole country a Land calls a partner
    region); one in brackets after a region places it, and one named by adjective ("die
    beispielischen Partnerprovinzen") says where the provinces lie."""
    items: set[str] = set()
    unbracketed = [p for p in within.parties
                 if re.search(r"\(\s*$", text[max(0, p.start - 3):p.start]) is None]
    listed_region = False
    for before, party in pairwise(unbracketed):
        joined = _ITEM_GAP.fullmatch(text, before.end, party.start) is not None
        listed_region = joined and (listed_region or before.ref.kind == "region")
        if listed_region and party.ref.kind == "country" and party.how == "name":
            items.add(party.ref.key)
    return items


def _with_their_list(text: str, within: SpanFacts, near: list[bool]) -> set[str]:
    """"A, B (Land C), D … - die Regierung unterzieht ihre Partnerschaften …": a list of names
    is named as a whole; if one of its names stands near the partnership word, all do."""
    runs: list[list[int]] = []
    for index, party in enumerate(within.parties):
        if index and _LIST_GAP.fullmatch(text, within.parties[index - 1].end, party.start):
            runs[-1].append(index)
        else:
            runs.append([index])
    return {within.parties[i].ref.key for run in runs if any(near[i] for i in run) for i in run}


# The page number that ends an entry of a table of contents run into one paragraph
# ("Partnerschaft mit der Provinz A (Land) 8 Zusammenarbeit mit der Provinz B 10"): a
# partnership word and a partner on either side of it belong to different entries. A count
# of years, months or times in one clause with both ("ist seit 15 Jahren Partnerregion") is
# no page number.
_ENTRY_END = re.compile(r"(?:(?<=\s)|(?<=[a-z)]))\d{1,3}(?![\d.,:/])\s+(?=[A-ZÄÖÜ])")
_COUNT_NOUN = re.compile(r"(?:Jahr|Monat|Woche|Tag|Mal|Jubiläum)\w*\b")


def _entry_between(text: str, start: int, end: int) -> bool:
    one_clause = re.search(r"[,;:]", text[start:end]) is None
    return any(not (one_clause and _COUNT_NOUN.match(text, m.end()))
               for m in _ENTRY_END.finditer(text, start, end))


def _member_of(partner: PartyRef) -> bool:
    """A union of states the Land belongs to (`international` in mappings/organisations.csv:
    "Förderprogramme der Union") frames partnerships, it is none's partner."""
    if partner.kind != "organisation":
        return False
    organisation = load_registers().organisations.get(partner.key)
    return organisation is not None and organisation.kind == "international"


# "Partnerschaften mit Regionen in unseren Nachbarländern A und B": the countries say where the
# partner regions lie.
_REGIONS_IN = re.compile(rf"\b(?:{_REGION_WORDS})(?:en)?\s+in\s+"
                         r"(?:(?:den|der|dem|unseren|unserem|ihren)\s+)?(?:[\w-]+\s+)?")


@cache
def _states_pair() -> re.Pattern[str]:
    """"Beziehungen zwischen <the Länder's country> und A" (its names from the country
    register): the states' relation, which the Land's partnership serves."""
    home = load_registers().countries["DE"]
    names = "|".join(re.escape(n) for n in sorted({home.label_de, *home.names}, key=len,
                                                    reverse=True))
    return re.compile(rf"\bzwischen\s+(?:der\s+|dem\s+)?(?:{names})\s+und\s+"
                      r"(?:der\s+|dem\s+)?(?:Republik\s+|Königreich\s+)?$")


def _where_regions_lie(text: str, start: int, at: int) -> bool:
    """The country at `at` is one of those after "Regionen in …" in its clause."""
    for match in _REGIONS_IN.finditer(text, start, at):
        if not re.search(r"[.;:!?(]|\b(?:mit|zu|sowie)\b", text[match.end():at]):
            return True
    return False


_COUNT = re.compile(r"(?<!\w)(?P<count>beiden|beide|zwei|drei|vier|fünf|sechs|sieben|acht)\s+"
                    r"(?:[a-zäöüß]\w*\s+)?$", re.IGNORECASE)
_COUNTS = {"beiden": 2, "beide": 2, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
           "sieben": 7, "acht": 8}


def _counted(sentence: Span, within: SpanFacts, partners: list[PartyRef]) -> bool:
    """"… zwischen dem Land, der Region A und der Region B … mit den Vertretern der drei
    Partnerregionen": a counted plural partnership word counts the parties its sentence named,
    the Land among them or not, however far before it they stand."""
    for cue in PARTNERSHIP.finditer(sentence.text):
        count = _COUNT.search(sentence.text[:cue.start()])
        if count is None or not re.search(r"(?:en|länder)$", cue["kind"]):
            continue
        number = _COUNTS[count["count"].lower()]
        names_land = any(f.ref.kind == "land" for f in within.parties) or \
            OWN_GOVERNMENT.search(sentence.text) is not None
        if len(partners) == number or (names_land and len(partners) == number - 1):
            return True
    return False


_AND = re.compile(r"\s+und\s+(?:(?:der|die|das|dem|den)\s+)?(?:[a-zäöüß]\w*\s+)?")


def _paired_with_land(sentence: Span, within: SpanFacts, partners: list[PartyRef]
                      ) -> list[PartyRef]:
    """"Das Land A und die Region B wollen die seit 2031 bestehende Partnerschaft vertiefen und
    die Region C einbeziehen": a partnership word after the Land and one partner named together
    as the subject is theirs; a region the sentence names after it is not a partner."""
    cue = PARTNERSHIP.search(sentence.text)
    if cue is None or partner_after(sentence) is not None:
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
REFERRING = re.compile(r"(?<!\w)(?:der|die|das|dem|den|des|ihre[rnms]?|seine[rnms]?|"
                       r"unsere[rnms]?|diese[rnms]?|beider)\s+"
                       r"(?:[a-zäöüß]\w*\s+|\d{1,3}-?jährige[nr]?\s+)?"
                       r"(?:\d{1,3}\s+Jahre\s+[a-zäöüß]\w*\s+)?"  # "der 15 Jahre währenden"
                       r"(?:seit\s+(?:\d{1,3}|[a-zäöüß]+)\s+Jahr(?:en|zehnten)\s+"
                       r"[a-zäöüß]\w*\s+)?$",  # "der seit zehn Jahren bestehenden"
                       re.IGNORECASE)


# "the partnership", "renew the Twinning Agreement", "their partnership": in English.
_REFERRING_EN = re.compile(r"(?<!\w)(?:the|its|their|our|this)\s+(?:[a-z][\w-]*\s+)?$",
                           re.IGNORECASE)


def partner_after(sentence: Span) -> int | None:
    """Where the partner of the sentence's first partnership word follows it ("… mit B")."""
    cue = PARTNERSHIP.search(sentence.text)
    if cue is None or not re.match(r"\s+(?:mit|zu|zur|zum)\s", sentence.text[cue.end():]):
        return None
    return sentence.start + cue.end()


def _after_with(sentence: Span, within: SpanFacts, partners: list[PartyRef]) -> list[PartyRef]:
    """"…, weil die Beziehungen zu A …, und 2018 wird das Jubiläum der Städtepartnerschaft mit B
    gefeiert": a partnership word followed by its partner ("mit B", "zu B") has the partners
    named after it in its clause, not those the sentence named before."""
    start = partner_after(sentence)
    if start is None:
        return []
    foreign = [f for f in within.parties if f.ref.kind != "land"]
    after = {f.ref.key for f in foreign if f.start >= start}
    named_before = {f.ref.key for f in foreign if f.start < start} - after
    return [p for p in partners if p.key not in named_before] if after and named_before else []


# What may stand between two names of a list: commas, a conjunction, an article, an adjective
# or a country's preposition ("A und der Region B", "A in Land C, D").
_RUN_GAP = re.compile(r"[\s,()/]*(?:\b(?:und|sowie|bzw\.|oder|in|im)\b)?\s*"
                      r"(?:(?:der|dem|den|die|des)\s+)?(?:[a-zäöüß][\w-]*\s+)?[\s,()]*")


def _within_the_list_after(sentence: Span, within: SpanFacts, partners: list[PartyRef]
                           ) -> list[PartyRef]:
    """"Partnerschaften mit den Regionen A und B ungeachtet des Angriffs auf C": the partners
    of a partnership word followed by "mit"/"zu" and a list of regions are that list, not a
    country the sentence names further on for another reason."""
    start = partner_after(sentence)
    if start is None:
        return partners
    text = sentence.block.text
    after = [f for f in within.parties if f.start >= start and f.ref.kind != "land"]
    if not after or not re.fullmatch(r"\s+\S+\s+(?:(?:der|dem|den|die|des)\s+)?"
                                     r"(?:[a-zäöüß][\w-]*\s+){0,2}", text[start:after[0].start]):
        return partners
    end = after[0].end
    for found in after[1:]:
        if not _RUN_GAP.fullmatch(text, end, found.start):
            break
        end = found.end
    if not any(f.ref.kind == "region" for f in after if f.end <= end):
        return partners
    inside = {f.ref.key for f in within.parties if f.end <= end}
    beyond = {f.ref.key for f in after if f.start >= end and f.ref.kind == "country"
              and f.ref.key not in inside
              and not PARTNERSHIP.search(text, end, f.start)}  # "…, und mit A (Land) …"
    return [p for p in partners if p.key not in beyond]


def named_before(sentence: Span, facts: BlockFacts) -> list[PartyRef]:
    """"… die Regionalpartnerschaft zwischen dem Land und der Woiwodschaft rund um X" after
    the paragraph named the region: a kind word without a name refers back to the one
    region of that kind the paragraph named before; so does a partnership word with an
    article or possessive ("Anlass war das 25-jährige Bestehen der Partnerschaft"), to the
    one region or organisation the paragraph named before."""
    refers = re.search(rf"\b(?:zwischen|mit)\b.*\b(?:der|dem|die)\s+(?P<word>{_REGION_WORDS})\b"
                       r"(?!\s+[A-ZÄÖÜ])", sentence.text)
    if refers is None:
        cue = PARTNERSHIP.search(sentence.text)
        english = PARTNERSHIP_EN.search(sentence.text) if cue is None else None
        if english is not None and _REFERRING_EN.search(sentence.text[:english.start()]) and \
                english_kind(english["kind"]) == english["kind"].lower():  # not a plural
            return [p for p in facts.one_party_before(sentence.start) if not _member_of(p)]
        if cue is not None and (REFERRING.search(sentence.text[:cue.start()])
                                or BECAME.search(sentence.text)) and \
                not re.search(r"(?:en|länder|städte)$", cue["kind"]):  # not "den Partnerregionen"
            if _with_a_place_before(sentence, facts):
                return []  # "die nun begründete Partnerschaft mit X" (a town): that one
            if _COUNTRY_WORD.search(cue["kind"]):  # "dem ostafrikanischen Partnerland"
                return _one_country_before(sentence, facts)
            before = facts.one_party_before(sentence.start) or _named_together(sentence, facts) \
                or _paired_country_before(sentence, facts)
            return [p for p in before if not _member_of(p)]  # "die EU …, unsere Partnerschaft"
        return []
    earlier = {f.ref.key: f.ref for f in facts.parties
               if f.end <= sentence.start and f.ref.kind == "region"}
    if len(earlier) > 1:  # "der Woiwodschaft" after a voivodeship and a French region
        kind = load_registers().region_kind_of_word(refers["word"])
        earlier = {k: r for k, r in earlier.items() if kind and r.region_kind == kind.key}
    return list(earlier.values()) if len(earlier) == 1 else []


# A country's partnership word ("Partnerland", "Partnerstaat") refers back to a country only,
# never to the associations or regions the paragraph named in between (round blind18).
_COUNTRY_WORD = re.compile(r"(?:land|staat)$")


def _one_country_before(sentence: Span, facts: BlockFacts) -> list[PartyRef]:
    """"Am 23. Juni 2031 wurde die Partnerschaft zwischen dem Land und A vereinbart … mehr als
    50 Vereine … dem ostafrikanischen Partnerland": the one foreign country named before."""
    earlier = {f.ref.key: f.ref for f in facts.parties
               if f.end <= sentence.start and f.ref.kind == "country" and f.ref.key != "DE"}
    return list(earlier.values()) if len(earlier) == 1 else []


# "Partnerschaft mit X": the partnership whose partner follows the word; "beide Städte", "die
# Stadt X": a paragraph on towns.
_WITH_A_NAME = re.compile(r"\s+mit\s+(?:der\s+Stadt\s+)?(?P<name>[A-ZÄÖÜ][\w-]+)")
_TOWNS = re.compile(r"\b(?:[Bb]eide[n]?|[Zz]wei|[Dd]ie|[Dd]er|[Dd]en)\s+(?:\w+en\s+)?"
                    r"(?:Städte[n]?|Kommunen)\b|\b(?:[Dd]ie|[Dd]er)\s+Stadt\s+[A-ZÄÖÜ]")


def _with_a_place_before(sentence: Span, facts: BlockFacts) -> bool:
    """"Die Stadt A hat … Die nun begründete Partnerschaft mit B eröffnet … Beide Städte …
    Ich wünsche der Partnerschaft …": in a paragraph on towns that named a partnership with a
    name that is no foreign party, a partnership word that refers back is the towns', not the
    Land's with a region the paragraph names for another reason."""
    text = facts.block.text[:sentence.start]
    if not _TOWNS.search(facts.block.text):
        return False
    for cue in PARTNERSHIP.finditer(text):
        name = _WITH_A_NAME.match(text, cue.end())
        if name is not None and \
                not any(f.start <= name.start("name") < f.end for f in facts.parties):
            return True
    return False


# "… Regionalpartnerschaften mit den beiden polnischen Nachbarregionen": partners counted by a
# plural noun of regions, with no name.
_COUNTED_REGIONS = re.compile(
    r"\b(?:mit|zu|zwischen)\s+(?:den|unseren|seinen|ihren)\s+(?P<count>beiden|zwei|drei|vier|"
    r"fünf|sechs|sieben|acht)\s+(?:[a-zäöüß]\w*\s+)?[\w-]*(?:[Rr]egionen|[Pp]rovinzen|"
    r"[Ww]oiwodschaften|[Ww]ojewodschaften|[Pp]räfekturen|[Bb]undesstaaten|[Oo]blaste)\b")


def counted_before(sentence: Span, facts: BlockFacts) -> list[PartyRef]:
    """"Das Land hat 2031 mit der Region A und 2033 mit der Region B Erklärungen unterzeichnet.
    Damit wurde die Grundlage der Partnerschaften mit den beiden Nachbarregionen gelegt": a
    partnership word followed by a counted plural of regions refers back to the regions the
    paragraph named before it, if they are as many (and of the country its adjective names)."""
    counted = _COUNTED_REGIONS.search(sentence.text)
    if counted is None:
        return []
    within = [f for f in facts.parties if sentence.start + counted.start() <= f.start
              and f.end <= sentence.start + counted.end()]
    countries = {f.ref.key for f in within if f.ref.kind == "country" and f.how == "adjective"}
    earlier = {f.ref.key: f.ref for f in facts.parties
               if f.end <= sentence.start and f.ref.kind == "region"
               and (not countries or f.ref.country in countries)}
    number = _COUNTS[counted["count"].lower()]
    return list(earlier.values()) if len(earlier) == number else []


def others_before(sentence: Span, city: bool) -> bool:
    """"Im Rahmen der Dienststellenpartnerschaft zwischen der Polizei A und … Der Besuch diente
    der Vertiefung der Partnerschaft": the paragraph's last partnership word before the
    sentence is another holder's, so the sentence's "der Partnerschaft" refers to it."""
    text = sentence.block.text
    earlier = [m for m in PARTNERSHIP.finditer(text) if m.end() <= sentence.start]
    if not earlier:
        return False
    last = earlier[-1]
    return kind_of(last["kind"], city) is None or OTHERS_NAMED_AFTER.match(text, last.start()) \
        is not None


def refers_back(sentence: Span, within: SpanFacts, city: bool) -> bool:
    """"Für A war die Partnerschaft mit B wichtig. … mit dieser Partnerschaft zur Stabilisierung
    des Landes C beizutragen": a demonstrative partnership word, with a partnership word before
    it in the paragraph and no partner named after it, is that partnership, whatever else its
    sentence names."""
    cue = next((m for m in PARTNERSHIP.finditer(sentence.text) if kind_of(m["kind"], city)), None)
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


# "Die beiden Metropolen unterhalten seit 35 Jahren eine Städtepartnerschaft": the pair the
# sentence's subject names is the Land and its one partner stated before.
_PAIR = re.compile(r"(?:Die\s+beiden|Beide)\s+[A-ZÄÖÜ][a-zäöüß]+\s+(?!\w+\s+(?:de[rs]|von)\b)")


def stated_before(sentence: Span, leads: Leads) -> list[PartyRef]:
    """"Seit dem offiziellen Beginn ihrer Partnerschaft am 24. November 2031 …" in a paragraph
    that names no partner: the one partner of the partnerships the document stated before, or
    where it stated none, the one region the paragraphs before named, for a partnership the
    sentence says has lasted ("Seit 2031 arbeiten das Land und die Oblast A zusammen. ¶ Die
    20-jährige Partnerschaft …"; not "Diese Partnerschaft ermöglicht …" after a signing)."""
    cue = PARTNERSHIP.search(sentence.text)
    if cue is not None and _PAIR.match(sentence.text) and \
            not re.search(r"(?:en|länder|städte)$", cue["kind"]):
        return list(leads.stated.values()) if len(leads.stated) == 1 else []
    if cue is None or not REFERRING.search(sentence.text[:cue.start()]) \
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


_ANAPHOR = re.compile(r"(?:Sie|Diese|Dort)\b")
_HEAD_BEFORE = re.compile(r"(?P<head>[A-ZÄÖÜ][\w:*]+)\s+(?:der|den|aus\s+den|in\s+den)\s+"
                          r"(?:[a-zäöüß]\w*\s+)?$")


def names_the_plural(before: Span, sentence: Span, within: SpanFacts, city: bool) -> str | None:
    """"… hat das Land Vertreter der Partnerregionen eingeladen. Die Vertreter aus A, B und C
    …", "In den Partnerregionen … nehmen Beauftragte ihre Arbeit auf. Sie werden in A und B
    …": a plural partnership word naming no partner is followed by a sentence that refers
    back to it (a pronoun, or the noun that governed the word) and names the partners, two or
    more. The plural's kind, or None."""
    cue = next((m for m in PARTNERSHIP.finditer(before.text)
                if re.search(r"(?:en|länder)$", m["kind"]) and kind_of(m["kind"], city)), None)
    if cue is None or len({f.ref.key for f in within.parties if f.ref.kind != "land"}) < 2:
        return None
    head = _HEAD_BEFORE.search(before.text[:cue.start()])
    if _ANAPHOR.match(sentence.text) or (head is not None and re.match(
            rf"(?:Die|Der|Den)\s+{re.escape(head['head'])}\b", sentence.text)):
        return kind_of(cue["kind"], city)
    last = before.text.rstrip()[-1:] in ".!" and \
        not re.search(r"\w", before.text[cue.end():].rstrip(" .!"))
    regions = {f.ref.key for f in within.parties if f.ref.kind == "region"}
    if last and len(regions) >= 2 and any(f.ref.kind == "land" for f in within.parties):
        return kind_of(cue["kind"], city)  # "… in seine Partnerregionen. Mit A und B bildet
    return None                           # das Land …": the next sentence names them


# "die Zusammenarbeit zwischen Thüringen und A", "A und das Land": a country paired with a Land.
_PAIRED = re.compile(r"\s+(?:und|mit)\s+(?:(?:der|dem|den|die|das)\s+)?")


def _paired_country_before(sentence: Span, facts: BlockFacts) -> list[PartyRef]:
    """"… die Zusammenarbeit zwischen Thüringen und A. … Man habe vereinbart, die
    Partnerschaft neu zu beleben": a partnership word with an article refers back to the one
    foreign country the paragraph named before it, where it named it paired with a Land
    (a country named alone is context: "Reise nach A")."""
    earlier = [f for f in facts.parties if f.end <= sentence.start]
    foreign = {f.ref.key for f in earlier if f.ref.kind in {"country", "region", "organisation"}
               and f.ref.key != "DE" and f.ref.country != "DE"}
    if len(foreign) != 1:
        return []
    text = facts.block.text
    lands = [f for f in earlier if f.ref.kind == "land"]
    for f in earlier:
        if f.ref.kind != "country" or f.ref.key not in foreign:
            continue
        if any(_PAIRED.fullmatch(text[land.end:f.start]) or
               _PAIRED.fullmatch(text[f.end:land.start]) for land in lands):
            return [f.ref]
    return []
