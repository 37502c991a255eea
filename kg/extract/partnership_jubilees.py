"""Jubilees counted by partner: "In 2031 jähren sich mehrere Kooperationen: 20 Jahre besteht
die Partnerschaft mit A, seit 15 Jahren gibt es Verbindungen mit B", "Fünf Jahre ist das Land
mit C partnerschaftlich verbunden", "Das 20jährige Jubiläum unserer …-xyzischen
Regionalpartnerschaft" in a document that names its "Jubiläumsjahr 2031". Each clause's count
of years, taken from the jubilee year the text gives, is the start of the relation with the
partners that clause names; it is kept as a cooperation's start (`Leads.cooperation`), which
dates a partnership the document states with that partner (`partner_succession.succeed`)."""

from __future__ import annotations

import re

from kg.dates import DateValue, PartialDate
from kg.extract.analysis import BlockFacts, Setting
from kg.extract.cues import ANNIVERSARY, NOT_EXACT_YEARS, NUMBER_WORDS, PARTNERSHIP, PLANNING
from kg.extract.partnership_leads import Leads
from kg.extract.partnership_sections import relation_words
from kg.extract.partnership_starts import COOPERATION
from kg.extract.territories import find_parties
from kg.extract.text import Span, sentences
from kg.records import PartyRef

# "Im Jubiläumsjahr 2031", "diesem Jubiläumsjahr 2031": the year the text celebrates in.
_JUBILEE_YEAR = re.compile(r"(?<!\w)Jubiläumsjahr(?:es)?\s+(?P<year>(?:19|20)\d\d)(?!\d)")
# "In 2031 jähren sich zahlreiche Kooperationen:", "2031 jährt sich die Partnerschaft …": the
# year of the jubilees the sentence and those after it in its paragraph count.
_RECURRING_IN = re.compile(r"(?<!\w)(?:[Ii][nm]\s+(?:Jahr\s+)?)?(?P<year>(?:19|20)\d\d)\s+"
                           r"(?:jähren|jährt)\s+sich\b")
# A clause that goes on with the relation of the clause before, naming only its partner:
# "Fünf Jahre ist das Land mit A verbunden, seit 30 Jahren mit B und C".
_ELLIPTIC = re.compile(r"\s*(?:und\s+)?(?:seit\s+)?\S+\s+Jahren?\s+mit\b")
_CLAUSE = re.compile(r"[,;:]\s")
# A count of the jubilee itself ("das 20jährige Jubiläum"), which the year the text calls its
# jubilee year dates; another count ("seit 15 Jahren") counts from a year its paragraph gives.
_JUBILEE = re.compile(r"Jubiläum|\d\s*-?\s*jährig|[a-zäöüß]jährig")


def note_jubilees(facts: BlockFacts, setting: Setting, leads: Leads) -> None:
    """Keep, for each partner a clause names with a count of years, the year counted back
    from the jubilee year: the clause's own sentence's ("In 2031 jähren sich …"), else the
    paragraph's before it, else the year the document calls its "Jubiläumsjahr"."""
    block = facts.block
    years = {int(m["year"]) for m in _JUBILEE_YEAR.finditer(block.text)}
    if years:
        leads.jubilee_year = years.pop() if len(years) == 1 and leads.jubilee_year in {
            None, *years} else None
    lead_year: int | None = None
    for sentence in sentences(block):
        recurring = _RECURRING_IN.search(sentence.text)
        lead_year = int(recurring["year"]) if recurring else lead_year
        if (lead_year or leads.jubilee_year) is None or PLANNING.search(sentence.text):
            continue
        related = False
        for start, end in _clauses(sentence):
            clause = sentence.block.text[start:end]
            own = _relation(clause)
            if not own and not (related and _ELLIPTIC.match(clause)):
                related = False
                continue
            related = True
            count = _count(clause)
            year = lead_year or (leads.jubilee_year if _JUBILEE.search(clause) else None)
            partners = {f.ref.key: f.ref for f in facts.within(Span(block, start, end)).parties
                        if f.ref.kind in {"region", "country"} and f.ref.key != "DE"} or \
                _by_adjective(clause, setting)
            if count is None or year is None or not partners:
                continue
            for key in partners:
                leads.cooperation.setdefault(key, (DateValue(PartialDate(year - count),
                                                             text=clause),
                                                   sentence.passage(setting.file)))


# "unserer deutsch-xyzischen Regionalpartnerschaft": the partner named by the adjective of
# its name right before the partnership word.
_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])(?P<adjective>[a-zäöüß][\w-]*(?:isch|sch)e[nrs]?)\s+"
                               r"(?=\w*[Pp]artnerschaft)")


def _by_adjective(clause: str, setting: Setting) -> dict[str, PartyRef]:
    found = {}
    for match in _ADJECTIVE_BEFORE.finditer(clause):
        for part in match["adjective"].split("-"):
            refs = [f.ref for f in find_parties(part, setting.registers, actors_only=False)
                    if f.ref.kind in {"region", "country"} and f.ref.key != "DE"]
            found.update({ref.key: ref for ref in refs})
    return found


def _clauses(sentence: Span) -> list[tuple[int, int]]:
    """Where the sentence's clauses begin and end (commas, semicolons and colons bound them)."""
    text, bounds, start = sentence.block.text, [], sentence.start
    for match in _CLAUSE.finditer(text, sentence.start, sentence.end):
        bounds.append((start, match.start()))
        start = match.end()
    bounds.append((start, sentence.end))
    return bounds


def _relation(clause: str) -> bool:
    return bool(PARTNERSHIP.search(clause) or COOPERATION.search(clause)
                or relation_words().search(clause))


def _count(clause: str) -> int | None:
    """The one exact count of years in the clause ("seit 15 Jahren", "Fünf Jahre", "das
    20jährige Jubiläum"); none where it is approximate ("seit mehr als 20 Jahren")."""
    counts = [m for m in ANNIVERSARY.finditer(clause)
              if not NOT_EXACT_YEARS.search(clause[max(0, m.start() - 20):m.start()])]
    if len(counts) != 1:
        return None
    word = counts[0]["years"]
    years = int(word) if word.isdigit() else NUMBER_WORDS.get(word.lower(), 0)
    return years if 0 < years < 200 else None
