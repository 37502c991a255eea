"""Partner cities of a city that is a Land (a city-state partners with cities, whose names
the registers do not list): names GeoNames knows as large cities, made regions or cities of
their own. Also used by `kg.extract.agreements`."""

from __future__ import annotations

import re

from kg import namespaces as ns
from kg.extract import places
from kg.extract.analysis import Setting, SpanFacts
from kg.extract.cues import NOT_NAME_WORDS
from kg.extract.territories import region_ref
from kg.extract.text import Span
from kg.records import PartyRef, PlaceRef
from kg.registers import Registers


def is_city_state(setting: Setting) -> bool:
    land = setting.registers.laender.get(setting.land)
    return land is not None and land.city_state


_METROPOLIS = 100_000  # a city-state partners with cities of this size; smaller namesakes are words
# A word for cities before a city's name: "Städte", "Hauptstadt", "Hauptstadtregion", "Metropole".
CITY_WORD = re.compile(r"\w*(?:[Ss]tadt|[Ss]tädte\w*|[Ss]tadtregion)|Metropol(?:e|region)\w*")
# A city's name: capitalised words, with the lower-case particles of names between them
# ("A es B", "A de B").
_CITY_NAME = re.compile(r"(?<![\w-])[A-ZÄÖÜ][\w'’.-]+(?:(?:[ -](?:es|el|al|de|da|do|dos|du|la|le|"
                        r"di|del|sur|upon))?[ -][A-ZÄÖÜ][\w'’.-]+){0,2}")


def partner_cities(sentence: Span, within: SpanFacts, setting: Setting,
            after: int | None = None) -> list[PartyRef]:
    """Partner cities of a city that is a Land: names GeoNames knows as cities, each the
    region ISO 3166-2 makes of it (a capital city that is a subdivision) or a city of its
    own."""
    return [city for _, city in cities_at(sentence, within, setting, after)]


def cities_at(sentence: Span, within: SpanFacts, setting: Setting,
               after: int | None = None) -> list[tuple[int, PartyRef]]:
    """The large cities a sentence names, each with where its name starts in the block."""
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
                found.append((start, city))
                break
    return found


def city_positions(sentence: Span, within: SpanFacts, setting: Setting) -> dict[str, int]:
    """Where the sentence first names each large city, by the city's key."""
    first: dict[str, int] = {}
    for start, city in cities_at(sentence, within, setting):
        first.setdefault(city.key, start)
    return first


# "in A", "nach A", "aus A": where something happens or someone comes from, no party.
_PLACE_LEAD = re.compile(r"(?<!\w)(?:in|im|nach|aus|von|bei)\s+(?:der\s+)?$")


def cities_that_are_regions(sentence: Span, within: SpanFacts, setting: Setting,
                            after: int | None = None, until: int | None = None
                            ) -> list[PartyRef]:
    """A city that is itself a region of its country (a capital with the status of a province
    or federal subject, ISO 3166-2) is a government like any region: in a Land that is no
    city-state it is a party where the instrument's clause (up to `until`) names it as one
    ("ein Memorandum zwischen A und dem Land", "mit der Stadt A"), not where it says where
    things happen ("in A")."""
    text = sentence.block.text
    return [city for start, city in cities_at(sentence, within, setting, after)
            if city.iso_code and (until is None or start < until)
            and not _PLACE_LEAD.search(text[max(0, start - 20):start])]


def _name_tails(start: int, text: str, registers: Registers) -> list[tuple[int, list[str]]]:
    """A run of capitalised words, the run after a word for cities ("zu den Städten A, B",
    "Hauptstadt A"), and where a word joins the Land to its partner city by a hyphen ("Jahre
    Berlin-A B"), the run from the partner on, each with where it starts."""
    words = text.split()
    tails, at = [], start
    for index, word in enumerate(words):
        if index == 0 or CITY_WORD.fullmatch(words[index - 1]):
            tails.append((at, words[index:]))
        land, hyphen, partner = word.partition("-")
        if hyphen and partner[:1].isupper() and registers.land_named(land):
            tails.append((at + len(land) + 1, [partner, *words[index + 1:]]))
        at += len(word) + 1
    return tails


def _city_of(words: list[str], registers: Registers) -> PartyRef | None:
    """The largest city the first words name, also in the genitive ("Moskaus"): the ISO 3166-2
    subdivision that is the city, or the city of its own."""
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        place = places.city_named(name)
        if place is None and re.search(r"[^s]s$", name):  # "Moskaus Oberbürgermeister"
            name = name[:-1]
            place = places.city_named(name)
        if place is None or place.country == "DE" or len(name) < 4 or name.isupper() \
                or words[0] in NOT_NAME_WORDS or registers.land_named(name) \
                or registers.country_named(name) or places.city_population(name) < _METROPOLIS:
            continue
        return _city_ref(name, place, registers)
    return None


def _city_ref(name: str, place: PlaceRef, registers: Registers) -> PartyRef:
    """The ISO 3166-2 subdivision that is the city, else the city of its own, keyed by its
    German name where the register knows one (another spelling is the same city)."""
    names = (name, *places.city_names(place.geonames_id or ""))
    region = registers.city_subdivision(names, place.country)
    if region is not None:
        return region_ref(region)
    label = registers.german_city_name(names) or name
    return PartyRef("region", f"{place.country}/{ns.slug(label)}", label, place.canonical,
                    country=place.country, region_kind="stadt", registered=False)


def as_cities(within: SpanFacts, partners: list[PartyRef], setting: Setting) -> list[PartyRef]:
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
        result.append(_city_ref(name, city[0], setting.registers))
    return result


# A city named right after a city partnership word: "Städtepartnerschaft mit A", "Partnerschaft
# mit der Stadt A (Land B)", "Partnerstadt A".
_NAMED_AFTER = re.compile(
    r"(?:[Ss]tädtepartnerschaft\w*|Partnerschaft\w*)\s+mit\s+(?P<city>der\s+(?:[\w-]+\s+)?Stadt\s+)?"
    r"(?P<name>[A-ZÄÖÜ][\w'’-]+(?:[ -][A-ZÄÖÜ][\w'’-]+)?)"
    r"|Partnerstadt\s+(?P<other>[A-ZÄÖÜ][\w'’-]+(?:[ -][A-ZÄÖÜ][\w'’-]+)?)")
_IN_BRACKETS = re.compile(r"\s*\((?P<country>[^()]{2,40})\)")


def unknown_cities(sentence: Span, setting: Setting, of_cities: bool) -> list[PartyRef]:
    """A partner city no register and no list of large cities knows, named right after a
    city partnership word (or "Partnerschaft mit der Stadt A" where the kind is no city's): a
    city of its own, keyed by its country in brackets or none, so that it is still extracted
    (and listed as unlinked)."""
    registers, found = setting.registers, []
    for match in _NAMED_AFTER.finditer(sentence.text):
        name = match["name"] or match["other"]
        if not of_cities and not match["city"]:
            continue
        if name.split()[0] in NOT_NAME_WORDS or registers.land_named(name) or \
                registers.country_named(name) or registers.region_named(name):
            continue
        place = places.city_named(name)
        if place is not None and place.country == "DE":
            continue  # a German city's partnership is not the city-state's
        if place is not None:
            found.append(_city_ref(name, place, registers))
            continue
        bracket = _IN_BRACKETS.match(sentence.text, match.end())
        country = registers.country_named(bracket["country"]) if bracket else None
        code = country.code if country is not None else None
        found.append(PartyRef("region", f"{code or 'XX'}/{ns.slug(name)}", name, None,
                              country=code, region_kind="stadt", registered=False))
    return found
