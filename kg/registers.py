"""The curated registers under mappings/, loaded once: every name the extractor knows is data.

Lookups fold case, diacritics and hyphenation (through namespaces.slug), so "Ile de Beauval"
finds "Île-de-Beauval" and "Swietokrzyskie" finds "Świętokrzyskie". What no register knows is still
extracted by the extractors; the registers only link and label it.
"""

from __future__ import annotations

import csv
import datetime as dt
import gettext
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

import pycountry
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg import namespaces as ns
from kg.paths import MAPPINGS_DIR

ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")

_T = TypeVar("_T")


@dataclass(frozen=True)
class Land:
    code: str
    label_de: str
    label_en: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    city_state: bool = False  # a city that is a Land: its city partnerships are the Land's
    head_role: str = ""  # the role key of its head of government ("ministerpraesident")


@dataclass(frozen=True)
class LandSign:
    """A word or phrase that tells which Land issued a document (mappings/land-signs.csv):
    `land` is empty for the words of any Land's bodies ("Landtag") and own-words ("des
    Landes") that only count before a Land's name."""

    land: str
    kind: str  # institution, own, issuer, portal, name, place; weak: ministry, locality
    sign: str


@dataclass(frozen=True)
class Country:
    code: str
    label_de: str
    label_en: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    family_name_first: bool = False  # German texts keep the family name first ("Wang Beispiel")


@dataclass(frozen=True)
class Region:
    key: str
    iso_code: str | None
    country: str
    label_de: str
    label_en: str | None
    kind: str | None
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    registered: bool = True


@dataclass(frozen=True)
class RegionKind:
    key: str
    label_de: str
    label_en: str
    words: tuple[str, ...]
    iso_types: tuple[str, ...]


@dataclass(frozen=True)
class Organisation:
    key: str
    label_de: str
    label_en: str | None
    names: tuple[str, ...]
    country: str | None
    kind: str


@dataclass(frozen=True)
class Ministry:
    land: str
    abbreviation: str
    name_de: str
    name_en: str
    valid_from: str
    valid_until: str
    portfolios: tuple[str, ...]
    minister_titles: tuple[str, ...]
    aliases: tuple[str, ...]

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        start = _period_start(self.valid_from)
        end = _period_end(self.valid_until)
        return (start is None or start <= day) and (end is None or day <= end)

    def period_length(self) -> int:
        start = _period_start(self.valid_from) or dt.date(1900, 1, 1)
        end = _period_end(self.valid_until) or dt.date(2100, 1, 1)
        return (end - start).days


@dataclass(frozen=True)
class Role:
    key: str
    label_de: str
    label_en: str
    forms: tuple[str, ...]
    compound_base: bool
    abbreviations: tuple[str, ...]
    domain: str  # whose post it is by default: land, head, diplomat, foreign, parliament, any, …
    stands_for: str = ""  # "head_role": a general title for the territory's own head's role


@dataclass(frozen=True)
class Concept:
    """A SKOS concept the extractor recognises by pattern."""

    key: str
    iri: URIRef
    label_de: str
    label_en: str
    pattern: re.Pattern[str] | None
    order: int
    broader: tuple[str, ...] = ()
    in_prose: bool = True  # event types: may a sentence of prose state one
    agreement_action: bool = False  # event types: concludes or extends an agreement


@dataclass
class _Index:
    """The register entries by folded name (namespaces.slug), one table per kind of lookup."""

    land: dict[str, Land] = field(default_factory=dict)
    land_adjective: dict[str, Land] = field(default_factory=dict)
    country: dict[str, Country] = field(default_factory=dict)
    country_adjective: dict[str, Country] = field(default_factory=dict)
    region: dict[str, Region] = field(default_factory=dict)
    region_adjective: dict[str, Region] = field(default_factory=dict)
    organisation: dict[str, Organisation] = field(default_factory=dict)
    region_kind: dict[str, RegionKind] = field(default_factory=dict)
    role: dict[str, Role] = field(default_factory=dict)


@dataclass(eq=False)
class Registers:
    """Compared and hashed by identity: one instance per mappings folder."""

    laender: dict[str, Land]
    land_signs: tuple[LandSign, ...]
    countries: dict[str, Country]
    regions: dict[str, Region]
    region_kinds: dict[str, RegionKind]
    organisations: dict[str, Organisation]
    organisation_kinds: dict[str, tuple[str, str]]
    ministries: list[Ministry]
    roles: dict[str, Role]
    honorifics: dict[str, tuple[str, str]]
    suffix_posts: dict[str, tuple[str, str]]  # "MdL" -> (role key, scope: "land" or a key)
    event_types: list[Concept]
    topics: list[Concept]
    agreement_kinds: list[Concept]
    vocabularies: Graph = field(repr=False)
    city_names: dict[str, str] = field(default_factory=dict, repr=False)  # folded -> German
    # names of groups of countries ("Benelux-Länder") -> their members' alpha-2 codes
    country_groups: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _index: _Index = field(default_factory=_Index, repr=False)

    # ----------------------------------------------------------------- territory lookups
    def land_named(self, text: str) -> Land | None:
        return _lookup(self._index.land, text)

    def country_named(self, text: str) -> Country | None:
        return _lookup(self._index.country, text)

    def country_of_adjective(self, word: str) -> Country | None:
        return _lookup(self._index.country_adjective, _adjective_stem(word))

    def land_of_adjective(self, word: str) -> Land | None:
        return _lookup(self._index.land_adjective, _adjective_stem(word))

    def region_named(self, text: str, country: str | None = None,
                     search_iso: bool = False) -> Region | None:
        """A registered region; with search_iso (the text named a kind of region), ISO 3166-2 too.
        """
        found = _lookup(self._index.region, text)
        if found is not None and (country is None or found.country == country):
            return found
        if not search_iso:
            return None
        iso = _iso_subdivision(text, country, self)
        return self.regions.get(iso.key, iso) if iso is not None else None

    def region_part_named(self, text: str, country: str) -> Region | None:
        """The one ISO 3166-2 subdivision of the country whose name has the text as one of its
        parts ("Nord" in "Grand-Nord"); for a name the text ties to its country."""
        key = ns.slug(text)
        if len(key) < 4:
            return None
        matches = [s for s in pycountry.subdivisions.get(country_code=country) or ()
                   if key in ns.slug(s.name).split("-")]
        if len(matches) != 1:
            return None
        return _iso_subdivision(matches[0].name, country, self)

    def city_subdivision(self, names: Iterable[str], country: str) -> Region | None:
        """The ISO 3166-2 subdivision that is the city itself (a subdivision of a city or
        capital type), by any of the city's names."""
        keys = {ns.slug(n) for n in names if len(ns.slug(n)) >= 4}
        matches = [s for s in pycountry.subdivisions.get(country_code=country) or ()
                   if ((_CITY_TYPE.search(f"{s.type} {s.name}") and not _NOT_CITY.search(s.type))
                       or self._registered_city(s.code)) and keys & _name_parts(s.name)]
        if len(matches) != 1:
            return None
        found = _iso_subdivision(matches[0].name, country, self)
        return self.regions.get(found.key, found) if found is not None else None

    def german_city_name(self, names: Iterable[str]) -> str | None:
        """The German name of a foreign city by any of its names ("Windhoek" -> its German
        name), so that one city has one IRI however a text spells it."""
        return next((self.city_names[k] for k in map(ns.slug, names) if k in self.city_names),
                    None)

    def _registered_city(self, code: str) -> bool:
        """A subdivision ISO 3166-2 types otherwise that the register says is a city (a
        metropolis governed as a prefecture)."""
        region = self.regions.get(code)
        return region is not None and region.kind == "stadt"

    def region_of_adjective(self, word: str) -> Region | None:
        return _lookup(self._index.region_adjective, _adjective_stem(word))

    def organisation_named(self, text: str) -> Organisation | None:
        return _lookup(self._index.organisation, text)

    def region_kind_of_word(self, word: str) -> RegionKind | None:
        return _lookup(self._index.region_kind, word)

    def region_kind_of_iso_type(self, iso_type: str, country: str) -> RegionKind | None:
        for kind in self.region_kinds.values():
            if f"{country}:{iso_type}" in kind.iso_types:
                return kind
        for kind in self.region_kinds.values():
            if iso_type in kind.iso_types:
                return kind
        return None

    # ----------------------------------------------------------------- ministries
    def ministry_by_abbreviation(self, land: str, abbreviation: str,
                                 day: dt.date | None) -> Ministry | None:
        return _best_ministry([m for m in self.ministries if m.land == land
                               and (m.abbreviation == abbreviation
                                    or abbreviation in m.aliases)], day)

    def ministry_by_name(self, land: str, name: str, day: dt.date | None) -> Ministry | None:
        key = ns.slug(name)
        return _best_ministry([m for m in self.ministries if m.land == land and (
            ns.slug(m.name_de) == key or any(ns.slug(a) == key for a in m.aliases)
            or any(ns.slug("Ministerium für " + p) == key for p in m.portfolios)
            or any(ns.slug("Ministerium " + p) == key for p in m.portfolios))], day)

    def ministry_by_portfolio(self, land: str, portfolio: str,
                              day: dt.date | None) -> Ministry | None:
        key = ns.slug(portfolio)
        return _best_ministry([m for m in self.ministries if m.land == land
                               and any(ns.slug(p) == key for p in m.portfolios)], day)

    def ministry_by_minister_title(self, land: str, title: str,
                                   day: dt.date | None) -> Ministry | None:
        return _best_ministry([m for m in self.ministries if m.land == land
                               and title in m.minister_titles], day)

    # ----------------------------------------------------------------- roles, names
    def role_of_form(self, word: str) -> Role | None:
        return _lookup(self._index.role, word)

    def honorific(self, token: str) -> tuple[str, str] | None:
        return self.honorifics.get(token)


def _lookup(table: dict[str, _T], text: str) -> _T | None:
    """An entry by folded name, else by the name without a final "s" (a genitive)."""
    key = ns.slug(text)
    found = table.get(key)
    if found is None and key.endswith("s"):
        found = table.get(key[:-1])
    return found


def _adjective_stem(word: str) -> str:
    lowered = word.lower()
    for ending in ("en", "er", "es", "em", "e"):
        if lowered.endswith("isch" + ending) or lowered.endswith("sch" + ending):
            return lowered[: -len(ending)]
    return lowered


def _period_start(text: str) -> dt.date | None:
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _period_end(text: str) -> dt.date | None:
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 12, 28)


def _best_ministry(candidates: list[Ministry], day: dt.date | None) -> Ministry | None:
    """The ministry valid on the day with the narrowest remit period; else the nearest other."""
    if not candidates:
        return None
    valid = [m for m in candidates if m.valid_on(day)]
    pool = valid or candidates
    return min(pool, key=lambda m: (m.period_length(), m.abbreviation))


_CITY_TYPE = re.compile(r"(?i)city|capital|municipality|metropolitan|federal entity")
_NOT_CITY = re.compile(r"(?i)corporation")  # a city corporation is a district, not the city


def _name_parts(name: str) -> set[str]:
    folded = {ns.slug(form) for form in _subdivision_name_forms(name)}
    return folded | {part for form in folded for part in form.split("-")}


def _iso_subdivision(text: str, country: str | None, registers: Registers) -> Region | None:
    """A region the registers do not list, found in ISO 3166-2 by its local or German name."""
    key = ns.slug(text)
    for entry in _iso_names().get(key, ()):
        code, country_code, iso_type = entry
        if country and country_code != country:
            continue
        kind = registers.region_kind_of_iso_type(iso_type, country_code)
        subdivision = pycountry.subdivisions.get(code=code)
        label = _german_subdivision_name(subdivision.name) if subdivision else text
        return Region(key=code, iso_code=code, country=country_code, label_de=label,
                      label_en=None, kind=kind.key if kind else None, names=(text,),
                      adjectives=(), registered=False)
    return None


@cache
def _iso_names() -> dict[str, tuple[tuple[str, str, str], ...]]:
    """ISO 3166-2 subdivisions by folded local and German name."""
    names: dict[str, list[tuple[str, str, str]]] = {}
    ordered = sorted(pycountry.subdivisions,
                     key=lambda s: getattr(s, "parent_code", None) is not None)
    for subdivision in ordered:  # first-level subdivisions first: they win among namesakes
        entry = (subdivision.code, subdivision.country_code, subdivision.type)
        for name in _subdivision_name_forms(subdivision.name):
            names.setdefault(ns.slug(name), []).append(entry)
    return {key: tuple(entries) for key, entries in names.items()}


def _subdivision_name_forms(name: str) -> set[str]:
    german = _german_subdivision_name(name)
    forms = {name, german, re.sub(r"\s*\[.*?\]", "", name)}
    for form in list(forms):
        if ", " in form:
            forms.add(" ".join(reversed(form.split(", ", 1))))
        for suffix in (" Sheng", " Shi", " Prefecture", " oblast", " Oblast", " kraj"):
            if form.endswith(suffix):
                forms.add(form[: -len(suffix)])
    return {f for f in forms if f}


@cache
def _german(domain: str) -> gettext.NullTranslations:
    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["de"])
    except OSError:
        return gettext.NullTranslations()


def _german_subdivision_name(name: str) -> str:
    return _german("iso3166-2").gettext(name)


# --------------------------------------------------------------------------- loading


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _rows(name: str, directory: Path) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _load_laender(directory: Path) -> dict[str, Land]:
    return {r["code"]: Land(r["code"], r["label_de"], r["label_en"], _split(r["names"]),
                            _split(r["adjectives"]), r.get("city_state") == "true",
                            r.get("head_role") or "")
            for r in _rows("laender.csv", directory)}


def _load_city_names(directory: Path) -> dict[str, str]:
    return {ns.slug(name): r["label_de"] for r in _rows("city-names.csv", directory)
            for name in (r["label_de"], *_split(r["names"]))}


def _load_country_groups(directory: Path) -> dict[str, tuple[str, ...]]:
    return {name: _split(r["members"]) for r in _rows("country-groups.csv", directory)
            for name in (r["label_de"], *_split(r["names"]))}


def _load_land_signs(directory: Path) -> tuple[LandSign, ...]:
    return tuple(LandSign(r["land"], r["kind"], r["sign"])
                 for r in _rows("land-signs.csv", directory))


def _load_countries(directory: Path) -> dict[str, Country]:
    countries = {r["alpha2"]: Country(r["alpha2"], r["label_de"], r["label_en"],
                                      _split(r["names"]), _split(r["adjectives"]),
                                      r.get("name_order") == "family-first")
                 for r in _rows("countries.csv", directory)}
    german = _german("iso3166-1")
    for entry in pycountry.countries:
        if entry.alpha_2 not in countries:
            label_de = german.gettext(entry.name)
            label_en = getattr(entry, "common_name", entry.name)
            countries[entry.alpha_2] = Country(entry.alpha_2, label_de, label_en,
                                               (label_de, entry.name), ())
    return countries


def _load_regions(directory: Path) -> dict[str, Region]:
    return {r["key"]: Region(r["key"], r["iso3166_2"] or None, r["country"], r["label_de"],
                             r["label_en"] or None, r["kind"] or None,
                             (*_split(r["names"]), r["label_de"]), _split(r["adjectives"]))
            for r in _rows("regions.csv", directory)}


def _load_region_kinds(directory: Path) -> dict[str, RegionKind]:
    return {r["key"]: RegionKind(r["key"], r["label_de"], r["label_en"], _split(r["words"]),
                                 _split(r["iso_types"]))
            for r in _rows("region-kinds.csv", directory)}


def _load_organisations(directory: Path) -> dict[str, Organisation]:
    return {r["key"]: Organisation(r["key"], r["label_de"], r["label_en"] or None,
                                   (*_split(r["names"]), r["label_de"]), r["country"] or None,
                                   r["kind"])
            for r in _rows("organisations.csv", directory)}


def _load_ministries(directory: Path) -> list[Ministry]:
    return [Ministry(r["land"], r["abbreviation"], r["name_de"], r["name_en"], r["valid_from"],
                     r["valid_until"], _split(r["portfolios"]), _split(r["minister_titles"]),
                     _split(r["aliases"]))
            for r in _rows("ministries.csv", directory)]


def _load_roles(directory: Path) -> dict[str, Role]:
    return {r["key"]: Role(r["key"], r["label_de"], r["label_en"], _split(r["forms"]),
                           r["compound_base"] == "yes", _split(r["abbreviations"]), r["domain"],
                           r.get("stands_for") or "")
            for r in _rows("roles.csv", directory)}


def word_list(name: str, directory: Path = MAPPINGS_DIR) -> list[str]:
    """One regular expression per line of a word list under mappings/ (# starts a comment)."""
    lines = (directory / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _occasion_people(directory: Path) -> str:
    """The heads of compounds that name an occasion's people ("Delegationsteilnehmer"), as one
    alternation (mappings/occasion-people-words.txt)."""
    return "|".join(word_list("occasion-people-words.txt", directory))


def _load_concepts(graph: Graph, scheme: str, people: str = "") -> list[Concept]:
    """The concepts of a scheme; an event word that is the first part of a compound naming
    people (the `people` heads) is none of them."""
    concepts = []
    guard = rf"(?!\w*(?:{people})(?!\w))" if people else ""
    scheme_iri = ns.scheme(scheme)
    for concept in graph.subjects(SKOS.inScheme, scheme_iri):
        labels = {lit.language: str(lit) for lit in graph.objects(concept, SKOS.prefLabel)
                  if isinstance(lit, Literal)}
        pattern = graph.value(concept, ns.PG.matchPattern)
        order = graph.value(concept, ns.PG.matchOrder)
        broader = tuple(str(b).rsplit("/", 1)[-1] for b in graph.objects(concept, SKOS.broader))
        in_prose = graph.value(concept, ns.PG.inProse)
        action = graph.value(concept, ns.PG.agreementAction)
        concepts.append(Concept(
            key=str(concept).rsplit("/", 1)[-1], iri=URIRef(str(concept)),
            label_de=labels.get("de", ""), label_en=labels.get("en", ""),
            pattern=re.compile(rf"(?<!\w){guard}(?:{pattern})") if pattern else None,
            order=int(order) if isinstance(order, Literal) else 999, broader=broader,
            in_prose=not isinstance(in_prose, Literal) or bool(in_prose.toPython()),
            agreement_action=isinstance(action, Literal) and bool(action.toPython())))
    return sorted(concepts, key=lambda c: (c.order, c.key))


def _vocabulary_graph(directory: Path, roles: dict[str, Role],
                      region_kinds: dict[str, RegionKind]) -> Graph:
    graph = Graph()
    for name in ("event-types.ttl", "topics.ttl", "agreement-kinds.ttl", "genres.ttl"):
        graph.parse(directory / name)
    _add_scheme(graph, "role", "Funktionen", "Roles")
    for role in roles.values():
        iri = ns.concept("role", role.key)
        graph.add((iri, RDF.type, ns.PG.Role))
        _add_concept(graph, iri, "role", role.label_de, role.label_en)
    _add_scheme(graph, "region-kind", "Gebietsarten", "Kinds of region")
    for kind in region_kinds.values():
        _add_concept(graph, ns.concept("region-kind", kind.key), "region-kind",
                     kind.label_de, kind.label_en)
    return graph


def _add_scheme(graph: Graph, name: str, label_de: str, label_en: str) -> None:
    iri = ns.scheme(name)
    graph.add((iri, RDF.type, SKOS.ConceptScheme))
    graph.add((iri, SKOS.prefLabel, Literal(label_de, lang="de")))
    graph.add((iri, SKOS.prefLabel, Literal(label_en, lang="en")))


def _add_concept(graph: Graph, iri: URIRef, scheme: str, label_de: str, label_en: str) -> None:
    graph.add((iri, RDF.type, SKOS.Concept))
    graph.add((iri, SKOS.inScheme, ns.scheme(scheme)))
    graph.add((iri, SKOS.prefLabel, Literal(label_de, lang="de")))
    if label_en:
        graph.add((iri, SKOS.prefLabel, Literal(label_en, lang="en")))


def _build_index(registers: Registers) -> None:
    index = _Index()
    for land in registers.laender.values():
        _put(index.land, (land.label_de, land.code, *land.names), land)
        _put(index.land_adjective, land.adjectives, land)
    for country in registers.countries.values():
        _put(index.country, (country.label_de, *country.names), country)
        _put(index.country_adjective, country.adjectives, country)
    for region in registers.regions.values():
        _put(index.region, (region.label_de, *region.names), region)
        _put(index.region_adjective, region.adjectives, region)
    for organisation in registers.organisations.values():
        _put(index.organisation, organisation.names, organisation)
    for kind in registers.region_kinds.values():
        _put(index.region_kind, kind.words, kind)
    for role in registers.roles.values():
        _put(index.role, (*role.forms, *role.abbreviations), role)
    registers._index = index


def _put(table: dict[str, _T], names: Iterable[str], value: _T) -> None:
    for name in names:
        table.setdefault(ns.slug(name), value)


def origins(directory: Path = MAPPINGS_DIR) -> dict[URIRef, tuple[str, int]]:
    """Where each registered entity is curated: its mappings file and line, so that a problem
    with a register entity is reported where it can be fixed."""
    return _origins_cached(str(directory))


@cache
def _origins_cached(directory_name: str) -> dict[URIRef, tuple[str, int]]:
    directory = Path(directory_name)
    iri_of_row = {
        "laender.csv": lambda r: ns.land(r["code"]),
        "countries.csv": lambda r: ns.country(r["alpha2"]),
        "regions.csv": lambda r: ns.region(r["iso3166_2"] or None, r["country"], r["label_de"]),
        "organisations.csv": lambda r: ns.organisation(r["key"]),
        "ministries.csv": lambda r: ns.ministry(r["land"], r["abbreviation"]),
        "roles.csv": lambda r: ns.concept("role", r["key"]),
        "region-kinds.csv": lambda r: ns.concept("region-kind", r["key"]),
    }
    found: dict[URIRef, tuple[str, int]] = {}
    for name, iri_of in iri_of_row.items():
        with (directory / name).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                found.setdefault(iri_of(row), (f"mappings/{name}", reader.line_num))
    for name in ("event-types.ttl", "topics.ttl", "agreement-kinds.ttl", "genres.ttl"):
        text = (directory / name).read_text(encoding="utf-8").splitlines()
        graph = Graph().parse(directory / name)
        for subject in set(graph.subjects(RDF.type, None)):
            local = str(subject).rsplit("/", 1)[-1]
            line = next((n for n, t in enumerate(text, 1)
                         if re.match(rf"\S*[:/]{re.escape(local)}>?\s", t)), 1)
            found.setdefault(URIRef(str(subject)), (f"mappings/{name}", line))
    return found


def load(directory: Path = MAPPINGS_DIR) -> Registers:
    """Read every register; cached per directory, as the extractors call it per document."""
    return _load_cached(str(directory))


@cache
def _load_cached(directory_name: str) -> Registers:
    directory = Path(directory_name)
    roles = _load_roles(directory)
    region_kinds = _load_region_kinds(directory)
    vocabularies = _vocabulary_graph(directory, roles, region_kinds)
    rows = _rows("honorifics.csv", directory)
    honorifics = {r["form"]: (r["kind"], r["normalised"]) for r in rows}
    suffix_posts = {r["normalised"]: (r["role"], r["scope"]) for r in rows if r["role"]}
    organisation_kinds = {r["word"]: (r["kind"], r["label_en"])
                          for r in _rows("organisation-kinds.csv", directory)}
    registers = Registers(
        laender=_load_laender(directory), land_signs=_load_land_signs(directory),
        countries=_load_countries(directory),
        regions=_load_regions(directory), region_kinds=region_kinds,
        organisations=_load_organisations(directory), organisation_kinds=organisation_kinds,
        ministries=_load_ministries(directory), roles=roles, honorifics=honorifics,
        suffix_posts=suffix_posts,
        event_types=_load_concepts(vocabularies, "event-type", _occasion_people(directory)),
        topics=_load_concepts(vocabularies, "topic"),
        agreement_kinds=_load_concepts(vocabularies, "agreement-kind"),
        vocabularies=vocabularies, city_names=_load_city_names(directory),
        country_groups=_load_country_groups(directory))
    _build_index(registers)
    return registers
