"""Standing partnerships of the Land, however the text states them: "unterhält
Regionalpartnerschaften mit …", "Partnerregion … seit 2031", "20 Jahre Partnerschaft mit …",
a list of partners under a lead ("folgende Partnerregionen:"). This module walks a block's
sentences and decides which state a partnership; finding the partners, the holder and the
start is left to the modules it imports, and the agreements that establish or renew one to
`agreement_partnerships`."""

from __future__ import annotations

import re

from kg.extract.analysis import BlockFacts, Setting, SpanFacts
from kg.extract.cues import (
    CITY_PARTNERSHIP,
    ENDED,
    NEGATION,
    NUMBER_WORD_PATTERN,
    PARTNERSHIP,
    PLANNING,
)
from kg.extract.partner_cities import (
    as_cities,
    is_city_state,
    partner_cities,
    unknown_cities,
)
from kg.extract.partner_succession import FUSED, note_former, note_merger, succeeded
from kg.extract.partnership_columns import column_heading, row_partners
from kg.extract.partnership_english import english_jubilee, english_kind, english_start
from kg.extract.partnership_followers import FOLLOWED_ON, followers
from kg.extract.partnership_holders import held_by_others, land_holds
from kg.extract.partnership_jubilees import note_jubilees
from kg.extract.partnership_leads import Leads
from kg.extract.partnership_partners import (
    REFERRING,
    counted_before,
    named_before,
    named_partners,
    names_the_plural,
    others_before,
    partner_after,
    refers_back,
    stated_before,
)
from kg.extract.partnership_presented import announce
from kg.extract.partnership_sections import in_heading, note_heading, section_kind, section_lead
from kg.extract.partnership_starts import (
    COOPERATION,
    DEEPENED,
    concluded_today,
    cooperation_start,
    pronoun_founding,
    section_jubilee,
    with_start,
)
from kg.extract.partnership_tables import note_table, table_row
from kg.extract.partnership_words import MULTILATERAL_INSTRUMENT, befriended, kind_of
from kg.extract.territories import countries_of_unnamed_regions
from kg.extract.text import Span, block_span, sentences
from kg.records import PartnershipRecord, PartyRef
from kg.registers import Registers

_ITEM = re.compile(r"^\s*(?:[-–•▪►*]|\d{1,2}[.)])\s+")
_BETWEEN_ITEMS = 6  # words: fewer make no paragraph that would end a list


def read(facts: BlockFacts, setting: Setting, leads: Leads) -> list[PartnershipRecord]:
    """The partnerships a block states, each with its sentence as passage."""
    block = facts.block
    leads.earlier = dict(leads.named)
    leads.named.update({f.ref.key: f.ref for f in facts.parties if f.ref.kind == "region"})
    note_jubilees(facts, setting, leads)
    is_item = bool(_ITEM.match(block.text)) or (leads.kind is not None and _bare_item(facts))
    stated = PARTNERSHIP.search(block.text) is not None or befriended(block.text) is not None \
        or (setting.english and english_kind(block.text) is not None)
    note_heading(facts, is_city_state(setting), leads)
    columns = note_table(facts, leads, is_city_state(setting))
    if columns is not None:  # a row of a table of partnerships
        return table_row(facts, setting, columns, is_city_state(setting))
    if leads.section is not None and not stated and _DATED_ENTRY.search(block.text) and \
            len(block.text.split()) <= _ENTRY_WORDS:
        return _section_entry(facts, setting, leads.section)
    note_former(facts.within(block_span(block)), leads)
    if not stated and leads.stated and (leads.merging is not None or FUSED.search(block.text)):
        for sentence in sentences(block):  # a paragraph on the partner region's merger
            note_merger(sentence, facts.within(sentence), leads)
    if not stated and COOPERATION.search(block.text):
        for sentence in sentences(block):  # "die im Oktober 2031 begründeten … Beziehungen zu A"
            cooperation_start(sentence, facts.within(sentence), facts, setting, leads)
    if not stated and leads.stated_kind and FOLLOWED_ON.search(block.text):
        return [r for s in sentences(block) for r in followers(s, facts.within(s), setting, leads)]
    if not is_item and not stated and len(block.text.split()) < _BETWEEN_ITEMS:
        return []  # a link or caption between the list's items keeps the lead
    lead, leads.kind = (leads.kind if is_item else None), (leads.kind if is_item else None)
    if not stated and lead is None and leads.section is None:
        return []
    found: list[PartnershipRecord] = []
    city = is_city_state(setting)
    previous: str | None = None  # a partnership sentence naming no partner leads the next one
    before: Span | None = None
    last: list[PartnershipRecord] = []  # what the sentence before stated
    here: set[str] = set()  # the partners the paragraph's sentences stated so far
    column: str | None = None  # a flattened table's first column heading ("Partnerstadt")
    for sentence in sentences(block):
        if any(a <= sentence.end - 1 < b for a, b in facts.asked):
            continue  # the asker's title or preface in an answer
        within = facts.within(sentence)
        own = kind_of(sentence.text, city) or befriended(sentence.text) or \
            (english_kind(sentence.text) if setting.english else None)
        listing = previous if _LIST_INTRO.match(sentence.text) or \
            _COUNTED_IN.search(sentence.text) or (_EXAMPLE.match(sentence.text) and before
                                                   and _COUNT.search(before.text)) else \
            names_the_plural(before, sentence, within, city) if before is not None else None
        before = sentence
        sectioned = None if own or lead or listing else section_kind(sentence, within, setting,
                                                                       leads)
        column = column_heading(sentence) or column
        row = column if not (own or lead or listing or sectioned) else None
        kind, listed = own or lead or listing or sectioned or row, own is None
        if own is None and lead is not None and _OWN_RELATION.search(sentence.text):
            kind = None  # "- enge Zusammenarbeit mit A" under a lead of partnerships
        previous = previous if _COUNT_ONLY.fullmatch(sentence.text.strip()) else None
        if kind is not None and NEGATION.search(sentence.text):
            leads.denied.update(p.key for p in named_partners(sentence, within, kind, listed))
        if kind is None and section_lead(sentence, leads):
            leads.kind = section_lead(sentence, leads)  # "folgende Regionen:" in the section
        if kind is None:
            cooperation_start(sentence, within, facts, setting, leads)
            section_jubilee(sentence, within, facts, setting, leads)
            note_merger(sentence, within, leads)
            found += pronoun_founding(sentence, within, last, setting)
            found += followers(sentence, within, setting, leads)  # "1990 folgten A und …"
        last = []
        if kind is None or NEGATION.search(sentence.text) or sentence.text.rstrip().endswith("?") \
                or MULTILATERAL_INSTRUMENT.search(sentence.text):
            continue
        cut = _planned_quotation(sentence.text, city)
        if cut is None and (_planned(sentence.text, city) or _ANNOUNCED.search(sentence.text)
                            or _HYPOTHETICAL.search(sentence.text)
                            or _entered_by_a_signing_to_come(sentence.text, block.text)):
            leads.planned.update(_announced_partners(sentence, within, kind, listed, leads))
            continue
        if sectioned:  # the section's kind word is not the sentence's: it rules out no country
            partners = in_heading(named_partners(sentence, within, "", listed), leads)
        else:
            partners = named_partners(sentence, within, kind, listed)
        if re.search(r"[Rr]egionale[nr]?\s+\w*[Pp]artnerschaft", sentence.text) or \
                kind == "Freundschaftsbeziehung":  # a country's friendship is the state's
            partners = [p for p in partners if p.kind != "country"]  # a region's, not a country's
        if city:
            if CITY_PARTNERSHIP.search(kind):  # a city's partner is a city, not a country
                partners = as_cities(within, [p for p in partners if p.kind != "country"],
                                     setting)
            floor = partner_after(sentence)  # "… Städtepartnerschaft mit B": only what follows
            cities = (partner_cities(sentence, within, setting, floor)
                      if floor is not None else []) or partner_cities(sentence, within, setting)
            partners += [p for p in cities if p.key not in {q.key for q in partners}]
            if not partners:
                partners = unknown_cities(sentence, setting, bool(CITY_PARTNERSHIP.search(kind)))
        if row:  # a table row: the partner is its first cell
            partners = row_partners(sentence, within, partners)
        partners = _without_neighbours(within, _without_other_names(within, partners))
        partners = _not_yet_entered(sentence, within, partners, leads)
        if cut is not None:  # the quotation after the cut plans; what comes before stands
            before_cut = {f.ref.key for f in within.parties if f.end <= sentence.start + cut}
            partners = [p for p in partners if p.key in before_cut]
        partners = _region_for_its_adjective(within, partners, leads, setting.registers)
        if own and refers_back(sentence, within, city):  # "mit dieser Partnerschaft …"
            partners = [p for p in partners if p.key in here] or \
                [leads.stated[k] for k in here if k in leads.stated and len(here) == 1]
        elif not partners and own and not others_before(sentence, city):
            partners = counted_before(sentence, facts) or named_before(sentence, facts) or \
                stated_before(sentence, leads)
        if not partners:
            if own and sentence.text.rstrip().endswith(":"):
                leads.kind = kind
            if own:  # "die beiden Partnerschaften mit Regionen in A und B": named later
                leads.announced = announce(sentence, within, own, setting) or leads.announced
            if own and _OURS.search(sentence.text) and land_holds(sentence, within, setting) \
                    and not held_by_others(sentence, within, city):
                leads.unresolved.append((own, sentence.passage(setting.file)))
            previous = own
            continue
        if not land_holds(sentence, within, setting) or held_by_others(sentence, within, city):
            continue
        partners = succeeded(within, partners, leads)
        ended = bool(ENDED.search(sentence.text))
        for partner, since in with_start(sentence, within, facts, partners, setting, listed):
            since = since or concluded_today(sentence, setting) or \
                (english_start(sentence, within) or english_jubilee(sentence, within, setting)
                 if setting.english else None)
            last.append(PartnershipRecord(land=setting.land, partner=partner, kind=kind,
                                          passage=sentence.passage(setting.file), since=since,
                                          ended=ended))
            leads.stated.setdefault(partner.key, partner)
            leads.stated_kind = kind
            here.add(partner.key)
        found += last
    return found


# A list item under a lead of partnerships that names a relation of its own ("- besonders enge
# Zusammenarbeit mit A", "- close cooperation with A"): that relation, no partnership.
_OWN_RELATION = re.compile(r"(?<![\w-])(?:[Zz]usammenarbeit|[Kk]ooperation|[Cc]ooperation)"
                           r"(?![\w-])")


# "unsere Regionalpartnerschaft", "unserer Partnerschaft": the speaker's, the Land's own.
_OURS = re.compile(r"(?<!\w)unsere[rnms]?\s+(?:[a-zäöüß]\w*\s+)?\w*[Pp]artnerschaft(?!\w*en\b)")


def resolve_ours(records: list[PartnershipRecord], parties: list[PartyRef], leads: Leads,
                 land: str) -> list[PartnershipRecord]:
    """"… nachdem wir im Oktober offiziell unsere Regionalpartnerschaft unterzeichnet haben"
    in a document that states no partnership otherwise: the one foreign region it names."""
    if not leads.unresolved or records:
        return []
    regions = {p.key: p for p in parties if p.kind == "region" and p.registered
               and p.country not in {None, "DE"}}
    if len(regions) != 1:
        return []
    region = next(iter(regions.values()))
    return [PartnershipRecord(land=land, partner=region, kind=kind, passage=passage)
            for kind, passage in leads.unresolved]


# A partnership argued for, not yet entered (round rep17): a motion's slogan after its dash or
# colon ("Städtepartnerschaften weiterentwickeln – für eine Städtepartnerschaft mit A") and one
# that someone speaks or works for ("setzt sich für eine Partnerschaft mit A ein"); not an
# instrument's purpose ("eine Absichtserklärung für eine Landespartnerschaft").
_FOR_ONE = r"für\s+eine[nr]?\s+(?:\w+\s+)?\w*[Pp]artnerschaft\w*"
_ADVOCACY = (r"(?:einsetzen|eintreten|aussprechen|werben|wirbt|plädier\w*|"
             r"stark\s*mach\w*)")
_ADVOCATED = (rf"(?:^|[–:]\s*){_FOR_ONE}|\b{_ADVOCACY}\b[^.;]{{0,80}}?\b{_FOR_ONE}|"
              rf"\b{_FOR_ONE}[^.;]{{0,80}}?\b{_ADVOCACY}\b|"
              rf"\b(?:setzt|setzen|tritt|treten|spricht|sprechen)\b[^.;]{{0,40}}?\b{_FOR_ONE}"
              rf"[^.;]{{0,80}}?\b(?:ein|aus)\b")

# "eine Vereinbarung zur Städtepartnerschaft", "ein Abkommen über eine Partnerschaft": the
# instrument to be signed names the partnership it would enter (round blind18).
_INSTRUMENT_OF = r"[A-ZÄÖÜ]\w+\s+(?:zur|über\s+eine|für\s+eine)\s+(?:[a-zäöüß]\w*\s+)?"

# A partnership announced, not yet entered: "A und B unterzeichnen am Donnerstag eine
# Städtepartnerschaft", "will eine Partnerschaft eingehen", "dass A Partnerregion werden soll",
# "wollen … eine Vereinbarung zur Städtepartnerschaft unterzeichnen", "A bald Partnerstadt".
_ANNOUNCED = re.compile(r"\b(?:unterzeichnen|schließen|besiegeln|begründen|eingehen|vereinbaren)\b"
                        r"(?![^.;]*\bheute\b)[^.;]{0,60}?\beine[nr]?\s+(?:\w+\s+)?\w*"
                        r"[Pp]artnerschaft|\b(?:wollen|will|möchten|möchte|werden|wird|soll|"
                        r"sollen)\b[^.;]{0,80}?\beine[nr]?\s+(?:\w+\s+)?"
                        r"(?:" + _INSTRUMENT_OF + r")?\w*[Pp]artnerschaft\w*\s+"
                        r"(?:\w+\s+){0,6}?(?:eingehen|schließen|begründen|unterzeichnen|besiegeln)\b|"
                        r"\b\w*[Pp]artner\w*\s+werden\s+(?:soll|sollen|will|wollen|möchte|möchten)\b|"
                        r"\b(?:bald|demnächst|in\s+Kürze)\s+(?:\w+\s+)?\w*[Pp]artner(?:stadt|städte|"
                        r"region|land|schaft)\b|" + _ADVOCATED)


# "A geht eine Partnerschaft mit B ein" in a paragraph whose signing is still to come ("Der
# Vertrag soll kommende Woche unterzeichnet werden"): the present announces it.
_ENTERS = re.compile(r"\b(?:geht|gehen)\b[^.;]{0,80}?\w*[Pp]artnerschaft\w*[^.;]{0,120}?\bein\b")
_SIGNING_TO_COME = re.compile(
    r"\b(?:soll|sollen|wird|werden)\b[^.;]{0,80}?\b(?:unterzeichnet|unterschrieben|besiegelt|"
    r"geschlossen|abgeschlossen)\s+werden\b|\b(?:wird|werden)\b[^.;]{0,80}?\b(?:unterzeichnen|"
    r"unterschreiben|besiegeln)\b")


def _entered_by_a_signing_to_come(sentence: str, paragraph: str) -> bool:
    return _ENTERS.search(sentence) is not None and _SIGNING_TO_COME.search(paragraph) is not None


# A partnership only thought of: the condition of, the wish for, the search for, the plan of
# one ("Eine Grundbedingung für eine Partnerschaft ist, dass …", "Interesse an einer
# Partnerschaft", "den Plan einer Partnerschaft zwischen dem Land und A vorgestellt"), or
# what might come into question ("Wie in anderen Partnerschaften könnten … in Betracht kommen").
_HYPOTHETICAL = re.compile(r"\b(?:Bedingung|Grundbedingung|Voraussetzung|Interesse|Wunsch|"
                           r"Suche|Anbahnung|Chancen?)\w*\s+(?:für|an|nach|auf)\s+"
                           r"(?:eine[rnm]?|künftige[rn]?)\s+(?:\w+\s+)?\w*[Pp]artner|"
                           r"\b(?:Plan|Pläne|Planung|Vorhaben|Absicht)\w*\s+(?:einer|zu\s+einer)\s+"
                           r"(?:\w+\s+)?\w*[Pp]artnerschaft|"
                           r"\bin Betracht\s+(?:kommen|kämen|gezogen|zu ziehen)\b")


# "Provinz A (Land B) – seit 2031": a line under a heading of the Land's partnerships that
# names a partner and its start.
def _bare_item(facts: BlockFacts) -> bool:
    """"Folgende Partnerregionen:" followed by paragraphs "A (Land B) – seit 2031": a page that
    lost its list's marks; a short paragraph that opens with a region or a country and ends
    without a full stop is the lead's item as a marked one is (a sentence is none)."""
    text = facts.block.text
    first = next(iter(facts.parties), None)
    return len(text.split()) <= _ENTRY_WORDS and first is not None and \
        not text.rstrip().endswith((".", "!", "?")) and \
        first.ref.kind in {"region", "country"} and \
        re.fullmatch(r"(?:(?:die|der|das|den|dem)\s+)?", text[:first.start], re.IGNORECASE) \
        is not None


_DATED_ENTRY = re.compile(r"(?:^|[\s(–-])seit\s+(?:dem\s+)?(?:Jahre?\s+)?\S*\d{4}\)?\s*$")
_ENTRY_WORDS = 12


def _section_entry(facts: BlockFacts, setting: Setting, kind: str) -> list[PartnershipRecord]:
    """A dated entry of the section's list: its regions (a country only where it names no
    region), each with the entry's start."""
    span = block_span(facts.block)
    within = facts.within(span)
    partners = [p for p in named_partners(span, within, kind, True)
                if p.kind in {"region", "country"} and p.registered]
    if any(p.kind == "region" for p in partners):
        partners = [p for p in partners if p.kind == "region"]
    return [PartnershipRecord(land=setting.land, partner=partner, kind=kind,
                              passage=span.passage(setting.file), since=since)
            for partner, since in with_start(span, within, facts, partners, setting, True)]


def _without_other_names(within: SpanFacts, partners: list[PartyRef]) -> list[PartyRef]:
    """"A (früher B)", "mit A befreundet (früher B)": a region in brackets right after another
    region of its country names that region again (an old or another name), no partner."""
    text = within.span.block.text
    regions = [f for f in within.parties if f.ref.kind == "region"]
    again = {second.ref.key for first in regions for second in regions
             if first.ref.key != second.ref.key and first.ref.country == second.ref.country
             and re.fullmatch(r"(?:\s+[a-zäöüß]+){0,2}\s*\(\s*(?:[a-zäöüß]+\s+)?",
                              text[first.end:second.start])}
    return [p for p in partners if p.key not in again]


def _without_neighbours(within: SpanFacts, partners: list[PartyRef]) -> list[PartyRef]:
    """"in den an A angrenzenden Bezirk B, mit dem das Land … eine Partnerschaft pflegt": a
    region named only as what the partner borders on is no partner."""
    text = within.span.block.text
    bordering = {f.ref.key for f in within.parties if _BORDER_BEFORE.search(text[:f.start])
                 and _BORDER_AFTER.match(text[f.end:])}
    named = {f.ref.key for f in within.parties if f.ref.key not in bordering}
    return [p for p in partners if p.key not in bordering or p.key in named]


_BORDER_BEFORE = re.compile(r"(?<!\w)an\s+(?:de[mnr]\s+|die\s+|das\s+)?$")
_BORDER_AFTER = re.compile(r"\s+(?:an)?grenzend\w*|\s+(?:an)?grenzt\b")


# "bei unserem Besuch A(s)", "die Reise nach A": the country visited, a place.
_VISITED = re.compile(r"(?<!\w)(?:Besuch|Besuchs|Besuches|Reise|Aufenthalt\w*)"
                      r"(?:\s+(?:in|nach))?\s+$")


def _region_for_its_adjective(within: SpanFacts, partners: list[PartyRef], leads: Leads,
                              registers: Registers) -> list[PartyRef]:
    """"Das Land und seine Partnerregion A (of country C) … Eine C-ische Delegation feiert das
    Bestehen der Partnerschaft": a country the sentence names only by its adjective, where the
    text has stated a partner region of that country, stands for that region (its people, its
    partnership), not for a partnership with the country. So does a country named only as the
    place of a visit ("Bei unserem Besuch Cs … die Länderpartnerschaft gefestigt"), where the
    text has named one region of it, and a country whose region the sentence speaks of
    unnamed ("… mit der Ukraine … mit einer ukrainischen Oblast")."""
    text = within.span.block.text
    unnamed = countries_of_unnamed_regions(text[within.span.start:within.span.end], registers)
    result: list[PartyRef] = []
    for partner in partners:
        mentions = [f for f in within.parties if f.ref.key == partner.key]
        regions = {r.key: r for r in leads.stated.values()
                   if r.kind == "region" and r.country == partner.key}
        visited = bool(mentions) and all(
            _VISITED.search(text, max(0, f.start - 30), f.start) for f in mentions)
        if visited and not regions:  # "Bei unserem Besuch Cs … die Länderpartnerschaft"
            regions = {r.key: r for r in leads.named.values()
                       if r.kind == "region" and r.country == partner.key}
        if partner.kind != "country" or not mentions or len(regions) != 1 or \
                not (visited or partner.key in unnamed
                     or all(f.how == "adjective" for f in mentions)):
            result.append(partner)
            continue
        result += [r for r in regions.values() if r.key not in {p.key for p in result}]
    return result


# A partnership striven for or being prepared: "strebt eine Partnerschaft mit A an", "ist in
# Vorbereitung", "eine künftige Partnerschaft".
_INTENDED = re.compile(r"\bstreb\w*\b[^.;]*\ban\b|\bangestrebt\w*|\bin\s+Vorbereitung\b|"
                       r"\b(?:künftige|zukünftige|mögliche)[nrs]?\s+(?:\w+\s+)?\w*[Pp]artnerschaft|"
                       # "will das Land in Kürze eine Partnerschaft mit A eingehen"
                       r"\b(?:will|wollen|möchte|möchten)\b[^.;]*\b(?:eingehen|schließen|abschließen|"
                       r"begründen)\b")


# "in der Partnerregion", "aus unserem Partnerland": an existing partner named as a place.
_PLACE_BEFORE = re.compile(r"(?<!\w)(?:in|aus|nach|im|ins)\s+(?:(?:der|die|den|dem|das|"
                           r"unsere[rnms]?|seine[rnms]?|ihre[rnms]?)\s+)?$")


def _planned(text: str, city: bool) -> bool:
    """A partnership the sentence plans ("Eine Partnerschaft mit A ist geplant"); not one it
    names as existing and plans to deepen ("Die 20-jährige Partnerschaft mit A soll ausgebaut
    werden")."""
    if not PLANNING.search(text) and not _INTENDED.search(text):
        return False
    cue = next((m for m in PARTNERSHIP.finditer(text) if kind_of(m["kind"], city)), None)
    if cue is not None and _PLACE_BEFORE.search(text[:cue.start()]) and \
            not re.search(r"[Pp]artnerschaft|Freundschafts(?:vertrag|beziehung)", cue["kind"]):
        return False  # "Ein Konzert in der Partnerregion ist geplant": the partner is a place
    if cue is None or not DEEPENED.search(text[cue.end():]):
        return True
    before = text[:cue.start()]
    return not REFERRING.search(before) or \
        re.search(r"(?:geplant|künftig|angestrebt|vorgesehen|neu)\w*\s+$", before) is not None


# "Eine davon, A, …", "A zählt dazu": names the sentence counts among the partnerships the
# sentence before named without naming them; a bare count between ("Es sind 17.") keeps them.
_COUNTED_IN = re.compile(r"^(?:Eine?r?|Zwei|Drei|Einige|Viele|Manche)\s+(?:davon|von\s+ihnen|"
                         r"darunter)\b|\b(?:zählt|zählen|gehört|gehören)\s+(?:auch\s+)?dazu\b")
_COUNT_ONLY = re.compile(r"(?:\w+,\s*)?(?:[Ee]s|[Dd]as)\s+sind\s+(?:\d+|\w+)\s*[.!]")


_LIST_INTRO = re.compile(r"(?:Diese|Dies|Das|Es)\s+sind\b|(?:Dazu|Hierzu)\s+(?:gehören|zählen)\b|"
                         r"Zu (?:ihnen|diesen) (?:gehören|zählen)\b|"
                         r"(?:Unter|Zu) (?:ihnen|diesen|den\s+\w+n) (?:befinden|finden) sich\b")
# A sentence that gives an example of the partnerships the sentence before counted ("pflegt
# zwölf offizielle Landespartnerschaften. So gibt es eine Kooperation mit A"; "Darunter ist A",
# "Zum Beispiel …", "Beispielsweise …"): its partners are some of them.
_EXAMPLE = re.compile(r"So\s+(?:gibt\s+es|besteht|bestehen)\b|Darunter\b|Zum\s+Beispiel\b|"
                      r"Beispielsweise\b")
_COUNT = re.compile(rf"(?<![\w.])(?:\d{{1,3}}|{NUMBER_WORD_PATTERN})\s+(?:[a-zäöüß]\w*\s+)?"
                    r"[\w-]*[Pp]artner", re.IGNORECASE)


# "… soll bei dem Besuch auch eine Partnerschaft mit der Region A geschlossen werden": a
# partnership to be entered, in the passive; the partners inside that clause have none yet.
_TO_BE_ENTERED = re.compile(r"\b(?:soll|sollen|wird|werden)\b[^.;]{0,160}?\w*[Pp]artnerschaft\w*"
                            r"[^.;]{0,120}?\b(?:geschlossen|eingegangen|abgeschlossen|unterzeichnet|"
                            r"besiegelt|begründet|vereinbart)\s+werden\b")
# What says a partnership exists right before its word: "die bereits bestehende Partnerschaft".
_STANDING = re.compile(r"\b(?:bestehende[nr]?|bereits|langjährige[nr]?|\d{1,3}-?jährige[nr]?|"
                       r"seit)\b[^.;]{0,30}$")


def _not_yet_entered(sentence: Span, within: SpanFacts, partners: list[PartyRef],
                     leads: Leads) -> list[PartyRef]:
    """Partners of a partnership still to be entered: those inside a clause that announces it
    in the passive ("… soll … eine Partnerschaft mit A geschlossen werden"), noted as planned;
    and a partner the document announced so before, unless the sentence's partnership word
    before it says the partnership stands ("Neben der Partnerschaft mit A soll es …"
    refers to the announced one; "die bereits bestehende Partnerschaft mit B" does not)."""
    clauses = [(sentence.start + m.start(), sentence.start + m.end())
               for m in _TO_BE_ENTERED.finditer(sentence.text)]
    inside = {f.ref.key for f in within.parties if any(a <= f.start and f.end <= b
                                                        for a, b in clauses)}
    leads.planned.update(k for k in inside if k not in leads.stated)
    kept = []
    for partner in partners:
        if partner.key in inside:
            continue
        if partner.key in leads.planned and not _stands(sentence, within, partner):
            continue
        kept.append(partner)
    return kept


def _stands(sentence: Span, within: SpanFacts, partner: PartyRef) -> bool:
    at = next((f.start - sentence.start for f in within.parties if f.ref.key == partner.key),
              None)
    if at is None:
        return True
    cues = [m for m in PARTNERSHIP.finditer(sentence.text) if m.end() <= at]
    return not cues or _STANDING.search(sentence.text[:cues[-1].start()]) is not None


_WITH_PARTNER = re.compile(r"\w*[Pp]artnerschaft\w*\s+(?:mit|zwischen|zu|zur|zum)\b")


def _announced_partners(sentence: Span, within: SpanFacts, kind: str, listed: bool,
                        leads: Leads) -> set[str]:
    """The partners a sentence that plans or announces a partnership names after its
    "Partnerschaft mit|zwischen" (not the partner region it names before as existing)."""
    cue = _WITH_PARTNER.search(sentence.text)
    if cue is None:
        return set()
    after = {f.ref.key for f in within.parties if f.start >= sentence.start + cue.end()}
    return {p.key for p in named_partners(sentence, within, kind, listed)
            if p.key in after and p.key not in leads.stated}


def without_countries_of_regions(records: list[PartnershipRecord]) -> list[PartnershipRecord]:
    """"… auch um die bereits bestehende Partnerschaft mit Polen gehen" in a document that
    states the Land's partnership with a region of Poland: the country stands for that
    region, it is no partner of its own."""
    countries = {r.partner.country for r in records if r.partner.kind == "region"}
    return [r for r in records if r.partner.kind != "country" or r.partner.key not in countries]


# A quotation opened after a comma in the sentence (", \"und auch mit A streben wir … an"): an
# utterance of its own, whose plan is not the clause's before it.
_QUOTATION_OPENS = re.compile(r"[,:;]\s*[„\"“]")


def _planned_quotation(text: str, city: bool) -> int | None:
    """Where a sentence's quotation that plans a partnership begins, if the clause before it
    states one and plans none: "Da sei das Land mit seinen Partnerregionen A und B auf einem
    guten Weg, \"und auch mit C streben wir eine solche Partnerschaft an\"" states A and B."""
    opens = _QUOTATION_OPENS.search(text)
    if opens is None:
        return None
    head, quoted = text[:opens.start()], text[opens.end():]
    if kind_of(head, city) is None or _plans(head, city) or not _plans(quoted, city):
        return None
    return opens.start()


def _plans(text: str, city: bool) -> bool:
    return _planned(text, city) or _ANNOUNCED.search(text) is not None or \
        _HYPOTHETICAL.search(text) is not None
