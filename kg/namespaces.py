"""Every IRI the product writes is made here, so that IRIs stay stable and readable.

Scheme (all under BASE):
    ontology#Term                         classes and properties of the ontology
    id/land/DE-NW                         a German Land, by ISO 3166-2 code
    id/country/CL                         a country, by ISO 3166-1 alpha-2 code
    id/region/CA-ON                       a partner region with an ISO 3166-2 code
    id/region/CL/los-lagos                a region without one: country code and name
    id/organisation/ostseerat             another party or body, by name
    id/ministry/DE-HE/HMWK                a ministry, by Land and abbreviation (or name)
    id/person/kenta-morino                a person named in full
    id/person/harada~CL                   a person named by surname only, within a scope
    id/post/CL/generalkonsul              a post: its scope (country, region, Land) and role
    id/agreement/DE-HE/CA-ON/2019-05-03   an agreement: Land, partners, date (or kind when undated)
    id/event/<document>/<date>/<hash>     an event stated in a document
    id/place/CA/toronto                   a place (city), by country and GeoNames name
    id/document/<document>                a source document (the original)
    id/document/<document>/<file>         one rendering of it (a file)
    id/document/<document>/<file>/L12-14  a passage of a rendering, by line span
    id/<scheme>/<concept>                 SKOS concepts (topic, event-type, agreement-kind, ...)
    graph/document/<document>             the named graph of a source document
    graph/entities, graph/ontology, graph/inferred, graph/alignment, graph/registers
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SH, SKOS, TIME, XSD

BASE = "https://w3id.org/partnerschaftsgraph/"
ONTOLOGY_IRI = BASE + "ontology"
ONTOLOGY_VERSION = "0.1.0"



class _Namespace(Namespace):
    """rdflib's Namespace makes a new URIRef, checking every character of it, on each use:
    these remember the terms they made (the same posts, Länder and classes are named hundreds
    of thousands of times in a build; a bounded number, so that memory stays flat)."""

    def term(self, name: str) -> URIRef:
        return _term(self, name) if isinstance(name, str) else super().term(name)


@lru_cache(maxsize=1 << 16)
def _term(namespace: Namespace, name: str) -> URIRef:
    return URIRef(namespace + name)


class Terms:
    """A namespace's terms as plain attributes, each looked up once: rdflib's DefinedNamespace
    (RDF, PROV, DCTERMS, XSD, ...) resolves `RDF.type` through its metaclass on every use,
    3 % of a build's CPU when mapping and validation name them per triple."""

    def __init__(self, namespace):
        self._namespace = namespace
        self._items: dict[str, URIRef] = {}

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):  # not a term (rdflib warns of each name it lacks)
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        term = self._items.get(name)
        if term is None:
            term = self._items[name] = self._namespace[name]
        return term


PG = _Namespace(BASE + "ontology#")
ID = _Namespace(BASE + "id/")
GRAPH = _Namespace(BASE + "graph/")
SHAPES = Namespace(BASE + "shapes#")

ORG = _Namespace("http://www.w3.org/ns/org#")
SEM = _Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
SCHEMA = _Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")
WDT = Namespace("http://www.wikidata.org/prop/direct/")
GEONAMES = Namespace("https://sws.geonames.org/")

PREFIXES: dict[str, str] = {
    "pg": str(PG),
    "id": str(ID),
    "graph": str(GRAPH),
    "org": str(ORG),
    "sem": str(SEM),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "foaf": str(FOAF),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "sh": str(SH),
    "time": str(TIME),
    "wd": str(WD),
    "wdt": str(WDT),
}

ONTOLOGY_GRAPH = GRAPH["ontology"]
ENTITIES_GRAPH = GRAPH["entities"]
INFERRED_GRAPH = GRAPH["inferred"]
ALIGNMENT_GRAPH = GRAPH["alignment"]
REGISTERS_GRAPH = GRAPH["registers"]

_GERMAN_FOLDS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                               "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "ø": "o", "æ": "ae"})


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens; umlauts spelled out as German does. Cached:
    extraction slugs the same names and places hundreds of thousands of times."""
    folded = unicodedata.normalize("NFKD", text.translate(_GERMAN_FOLDS))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub("-", ascii_text).strip("-") or "unnamed"


# The IRI builders below that resolution calls for every mention are cached (pure functions
# of their strings).


def short_hash(*parts: str, length: int = 8) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


@lru_cache(maxsize=1 << 14)
def land(code: str) -> URIRef:
    return ID[f"land/{code}"]


@lru_cache(maxsize=1 << 14)
def country(alpha2: str) -> URIRef:
    return ID[f"country/{alpha2.upper()}"]


@lru_cache(maxsize=1 << 14)
def region(iso_code: str | None, country_code: str | None = None, name: str = "") -> URIRef:
    """A region by ISO 3166-2 code, or by country and name when it has no code we know."""
    if iso_code:
        return ID[f"region/{iso_code}"]
    return ID[f"region/{(country_code or 'XX').upper()}/{slug(name)}"]


@lru_cache(maxsize=1 << 14)
def organisation(name: str) -> URIRef:
    return ID[f"organisation/{slug(name)}"]


@lru_cache(maxsize=1 << 14)
def ministry(land_code: str, key: str) -> URIRef:
    """Register ministries by abbreviation; ministries unknown to the register by their name."""
    return ID[f"ministry/{land_code}/{key if _is_abbreviation(key) else slug(key)}"]


def _is_abbreviation(key: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-zÄÖÜäöü.\-]{1,12}", key)) and " " not in key


@lru_cache(maxsize=1 << 14)
def person(full_name: str) -> URIRef:
    return ID[f"person/{slug(full_name)}"]


@lru_cache(maxsize=1 << 14)
def person_in_scope(surname: str, scope: str) -> URIRef:
    """A person known only by surname: the scope (country, Land, document) keeps namesakes apart."""
    return ID[f"person/{slug(surname)}~{scope}"]


@lru_cache(maxsize=1 << 14)
def post(scope: str, role_key: str) -> URIRef:
    return ID[f"post/{scope}/{slug(role_key)}"]


def agreement(land_code: str, partner_keys: list[str], date_or_kind: str) -> URIRef:
    partners = "+".join(sorted(partner_keys)) or "unknown"
    return ID[f"agreement/{land_code}/{partners}/{date_or_kind}"]


@lru_cache(maxsize=1 << 14)
def partnership(land_code: str, partner_key: str) -> URIRef:
    return ID[f"partnership/{land_code}/{partner_key}"]


def event(document_id: str, date_key: str, description: str) -> URIRef:
    return ID[f"event/{document_id}/{date_key}/{short_hash(slug(description))}"]


@lru_cache(maxsize=1 << 14)
def place(country_code: str, name: str) -> URIRef:
    return ID[f"place/{country_code.upper()}/{slug(name)}"]


def document(document_id: str) -> URIRef:
    return ID[f"document/{document_id}"]


def rendering(document_id: str, file_name: str) -> URIRef:
    return ID[f"document/{document_id}/{slug(file_name)}"]


def passage(document_id: str, file_name: str, start_line: int, end_line: int) -> URIRef:
    return ID[passage_path(document_id, file_name, start_line, end_line)]


def passage_path(document_id: str, file_name: str, start_line: int, end_line: int) -> str:
    """A passage's IRI below ID, as text."""
    return f"document/{document_id}/{slug(file_name)}/L{start_line}-{end_line}"


@lru_cache(maxsize=1 << 14)
def concept(scheme: str, key: str) -> URIRef:
    return ID[f"{scheme}/{slug(key)}"]


def scheme(name: str) -> URIRef:
    return ID[f"{name}"]


def document_graph(document_id: str) -> URIRef:
    return GRAPH[f"document/{document_id}"]
