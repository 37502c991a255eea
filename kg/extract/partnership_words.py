"""The partnership word a sentence uses and the kind of partnership it names
("Regionalpartnerschaften" -> "Regionalpartnerschaft"), shared by every module that must
tell the Land's partnerships from others'."""

from __future__ import annotations

import re
from functools import cache

from kg.extract.cues import CITY_PARTNERSHIP, OTHERS_PARTNERSHIP, PARTNERSHIP
from kg.registers import load as load_registers

_STEM = re.compile(r"(?<=[Pp]artner)(?:schaft|region|länder|land|provinz|präfektur|bundesstaat|"
                   r"staat|departement|woiwodschaft|wojewodschaft|oblast|kanton|stadt|städte)|"
                   r"(?<=Freundschafts)(?:vertrag|provinz|region|präfektur|beziehung)")
# A named network of regions ("Oder-Partnerschaft"); not a compound broken by a hyphen whose
# first part is a kind of partner ("Städte-partnerschaft", "Regional-Partnerschaft").
_NETWORK = re.compile(r"(?!(?:Städte|Stadt|Regional|Regionen|Länder|Landes)-)"
                      r"[A-ZÄÖÜ][a-zäöüß]+-[Pp]artnerschaft")
# The hyphen of such a compound: "Städte-partnerschaft" is the "Städtepartnerschaft".
_BROKEN_COMPOUND = re.compile(r"^(?P<head>Städte|Stadt|Regional|Regionen|Länder|Landes)-"
                              r"(?P<tail>[Pp]artner)")
_ABBREVIATED = re.compile(r"(?P<name>[A-ZÄÖÜ]{2,})-[Pp]artner")
# An association of citizens for partnerships ("die Arbeit der Partnerschaftsverbände"): its work
# names no partner of the Land.
_ASSOCIATION = re.compile(r"Partnerschafts(?:verb[aä]nd(?:e|es|en)?|verein(?:e|s|en)?|"
                          r"komitee(?:s|n)?|kreis(?:e|es|en)?|gesellschaft(?:en)?)$")
# A network's members ("das 4er-Netzwerk der Regionalpartner … auf die Region B erweitert"): the
# network's word, no bilateral partnership with a region it is extended to.
_NETWORKS_MEMBERS = re.compile(r"[Nn]etzwerk\w*\s+(?:der|seiner|ihrer|unserer)\s+$")


def kind_of(text: str, city: bool = False) -> str | None:
    """The first partnership word of the Land's kind, in the nominative singular; a city
    partnership is the Land's only where the Land is a city."""
    for match in PARTNERSHIP.finditer(text):
        word = match["kind"]
        if not word[0].isupper() or OTHERS_PARTNERSHIP.match(word) or \
                (not city and CITY_PARTNERSHIP.search(word)) or _NETWORK.match(word) or \
                _of_an_organisation(word) or _ASSOCIATION.match(word) or \
                _NETWORKS_MEMBERS.search(text, 0, match.start()):
            continue  # "partnerschaftliche Beziehungen", "Oder-Partnerschaft": no partnership
        return _singular(word)
    return None


def _of_an_organisation(word: str) -> bool:
    """"EU-Partnerländer": the partners of an organisation the registers know by that
    abbreviation (mappings/organisations.csv), not the Land's ("US-Partnerbundesstaat" is)."""
    match = _ABBREVIATED.match(word)
    return match is not None and any(match["name"] in o.names
                                     for o in load_registers().organisations.values())


def _singular(word: str) -> str:
    """"Regionalpartnerschaften" -> "Regionalpartnerschaft", "Partnerländer" -> "Partnerland",
    "Partnerschaftserklärung" -> "Partnerschaft", "Partner-Provinzen" -> "Partnerprovinz"."""
    word = re.sub(r"(?<=^Partner)-(\w)", lambda m: m[1].lower(), word)
    word = _BROKEN_COMPOUND.sub(lambda m: m["head"] + m["tail"].lower(), word)
    stem = _STEM.search(word)
    if stem is None:
        return word.rstrip("-")
    head = word[:stem.start()] + stem.group()
    for plural, singular in (("länder", "land"), ("städte", "stadt")):
        if head.endswith(plural):
            return head[:-len(plural)] + singular
    return head


# A clause's characters: no full stop or semicolon, but the dot of a day's date ("seit dem
# 1. September 2031") does not end it.
_IN_CLAUSE = r"(?:[^.;]|(?<=\d)\.)"
# "Seit 2031 ist das Land mit der Region A befreundet", "Mit A ist das Land befreundet": a
# friendship the verb states, with a partner after "mit" (not "das befreundete Land A").
# The noun in a relation with the partner after "mit": "die Präfektur A, mit der eine
# Freundschaft seit 2031 besteht", "Mit der Provinz A verbindet das Land eine enge Freundschaft"
# (not "die Freundschaft der Völker", a wish or a celebration).
BEFRIENDED = re.compile(rf"\b(?:ist|sind|war|waren)\b{_IN_CLAUSE}{{0,80}}?\bbefreundet\b|"
                         r"\bbefreundet\s+(?:ist|sind)\b|"
                         r"\b[Mm]it\s+(?:der|dem|denen)\b[^.;]{0,60}?\b(?:eine|die)\s+"
                         r"(?:[a-zäöüß]+\s+)?Freundschaft\b(?:\s+seit\b[^.;,]{0,30}?)?\s+"
                         r"(?:besteht|bestehen|verbindet|verbinden)\b|"
                         r"\b[Mm]it\s+(?:der|dem|denen)\b[^.;]{0,60}?\b(?:besteht|bestehen|"
                         r"verbindet|verbinden)\b[^.;]{0,40}?\b(?:eine|die)\s+(?:[a-zäöüß]+\s+)?"
                         r"Freundschaft\b")
_WITH = re.compile(r"\b[Mm]it\b")


# "Das Land und die Provinz A sind seit 2031 partnerschaftlich verbunden": the partner joined to
# the Land by "und" before the verb, instead of after "mit".
@cache
def _paired() -> re.Pattern[str]:
    """The Land (its name, "das Land", "der Freistaat") and its partner joined by "und"
    before the verb that binds them; not two cities ("Die Städte A und B sind … verbunden")."""
    names = sorted({n for land in load_registers().laender.values() for n in land.names},
                   key=len, reverse=True)
    land = r"(?:Land|Freistaat|Landesregierung|" + "|".join(map(re.escape, names)) + ")"
    pair = rf"(?:(?<![\w-]){land}\s+und\b|\bund\s+(?:(?:das|dem|der|den)\s+)?{land}(?![\w-]))"
    return re.compile(rf"{pair}{_IN_CLAUSE}{{0,80}}?\b(?:ist|sind|war|waren)\b{_IN_CLAUSE}{{0,80}}?"
                      r"\b(?:partnerschaftlich\s+verbunden|befreundet)\b")


# "Seit 2031 ist das Land mit der Provinz A partnerschaftlich verbunden": a partnership the
# verb states, with the partner after "mit".
BOUND = re.compile(rf"\b(?:ist|sind)\b{_IN_CLAUSE}{{0,80}}?\bpartnerschaftlich\s+verbunden\b|"
                   r"\bpartnerschaftlich\s+verbunden\s+(?:ist|sind)\b|"
                   # "Das Land ist seit 2031 mit der Region A verschwistert": twinned
                   rf"\b(?:ist|sind)\b{_IN_CLAUSE}{{0,80}}?\bverschwistert\b|"
                   r"\bverschwistert\s+(?:ist|sind)\b")


# A word every match of BEFRIENDED or BOUND holds: a sentence with none of them states neither.
_BOND_WORDS = ("befreundet", "Freundschaft", "verbunden", "verschwistert")


def befriended(text: str) -> str | None:
    """"Freundschaft" where a sentence says the Land and a partner are friends, "Partnerschaft"
    where it says they are bound as partners."""
    if not any(word in text for word in _BOND_WORDS):
        return None
    if not _WITH.search(text) and not _paired().search(text):
        return None
    if BEFRIENDED.search(text):
        return "Freundschaft"
    return "Partnerschaft" if BOUND.search(text) else None


# "Über die trilaterale Partnerschaftsvereinbarung im … Dreieck pflegt das Land mit A und B …
# Beziehungen": a network's instrument of three or more, no bilateral partnership (unlike "die
# … begründete trilaterale Partnerschaft mit A", a partnership).
MULTILATERAL_INSTRUMENT = re.compile(
    r"\b(?:[Tt]rilateral|[Mm]ultilateral|[Dd]reiseitig)\w*\s+(?:[a-zäöüß]\w*\s+)?"
    r"\w*[Pp]artnerschafts(?:vereinbarung|abkommen|erklärung|vertr[aä]g|urkunde)\w*")
