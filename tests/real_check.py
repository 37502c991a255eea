"""Score the product on real documents: build tests/real/ and compare the graph's facts with
each case's expected.json, written from reading the text (see tests/real/README.md).

Used by bench/truth.py (precision, recall and F1 per fact type and split) and by
tests/test_real_documents.py (each development case's facts come out).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg import namespaces as ns
from kg import registers
from kg.build import Prepared, prepare
from kg.records import MinistryRef
from kg.resolve import party_iri

REAL = Path(__file__).parent / "real"
FACT_TYPES = ("partnerships", "since", "agreements", "officials", "events", "ministries")
Fact = tuple[str, ...]


@dataclass
class Case:
    name: str
    folder: Path
    expected: dict
    source: dict

    @property
    def split(self) -> str:
        return self.source.get("split", "dev")

    @property
    def document(self) -> Path:
        return self.folder / self.expected.get("file", "document.txt")

    @property
    def known_misses(self) -> dict[str, dict[str, str]]:
        """Fact type -> fact (as `key|key`) -> why the product misses it."""
        path = self.folder / "known-misses.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@dataclass
class Outcome:
    case: Case
    failure: str | None = None  # why the document gave no graph
    expected: dict[str, set[Fact]] = field(default_factory=dict)
    found: dict[str, set[Fact]] = field(default_factory=dict)

    def misses(self, kind: str) -> set[Fact]:
        return {f for f in self.expected[kind] if not any(_same(f, g) for g in self.found[kind])}

    def false(self, kind: str) -> set[Fact]:
        return {g for g in self.found[kind] if not any(_same(f, g) for f in self.expected[kind])}


def cases(split: str | None = None) -> list[Case]:
    found = []
    for folder in sorted(p for p in REAL.iterdir() if (p / "expected.json").exists()):
        expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        source_file = folder / "source.json"
        source = json.loads(source_file.read_text(encoding="utf-8")) if source_file.exists() \
            else {}
        case = Case(folder.name, folder, expected, source)
        if split is None or case.split == split:
            found.append(case)
    return found


def run(selected: list[Case], jobs: int | None = None) -> list[Outcome]:
    """Build the cases' documents together, as a user's folder is built, and read each case's
    facts back from its named graph and the entities it cites."""
    prepared = prepare([c.document for c in selected], jobs=jobs)
    by_hash = {x.rendering.sha256: x.meta.document_id for x in prepared.extractions}
    entities = prepared.mapped.entity_graph() if prepared.mapped else Graph()
    entities += registers.load().vocabularies  # the labels of registered roles
    outcomes = []
    for case in selected:
        outcome = Outcome(case, expected=expected_facts(case.expected))
        document_id = by_hash.get(hashlib.sha256(case.document.read_bytes()).hexdigest())
        if document_id is None or prepared.mapped is None:
            outcome.failure = _failure(prepared, case) or "no graph"
            outcome.found = {kind: set() for kind in FACT_TYPES}
        else:
            graph = Graph()
            graph += prepared.mapped.documents[document_id]
            graph += entities
            outcome.found = graph_facts(graph)
            own = [x for x in prepared.extractions if x.meta.document_id == document_id]
            outcome.found["ministries"] = {
                ministry_fact(m) for x in own for m, _ in x.ministries if m.land == x.meta.land}
            outcome.found["since"] = _stated_starts(own, prepared)
            outcome.failure = _failure(prepared, case)
        outcomes.append(outcome)
    return outcomes


def _stated_starts(own: list, prepared: Prepared) -> set[Fact]:
    """The partnership starts this document states (the graph keeps the earliest of all
    documents, which another document may have stated), partners keyed as in the graph."""
    assert prepared.resolution is not None
    found = set()
    for extraction in own:
        for statement in extraction.partnerships:
            if statement.since is None:
                continue
            partner = prepared.resolution.parties.get(party_iri(statement.partner),
                                                      statement.partner)
            key = partner.iso_code if partner.kind in {"region", "country"} and partner.iso_code \
                else partner.label_de
            found.add((statement.land, _key(key or ""), statement.since.start.lexical()))
    return found


def _failure(prepared: Prepared, case: Case) -> str | None:
    text = str(case.document)
    reasons = [f for f in prepared.failures if f.startswith(text)]
    reasons += [str(p) for p in prepared.report.errors if p.file and case.name in str(p.file)]
    return "; ".join(reasons) or None


# ----------------------------------------------------------------------------- facts


def expected_facts(expected: dict) -> dict[str, set[Fact]]:
    land = expected.get("land", "")
    return {
        "partnerships": {(land, _key(p["partner"])) for p in expected.get("partnerships", [])},
        "since": {(land, _key(p["partner"]), p["since"])
                  for p in expected.get("partnerships", []) if p.get("since")},
        "agreements": {(land, _key(partner), a.get("date") or "")
                       for a in expected.get("agreements", []) if not a.get("planned")
                       for partner in a["partners"]},
        "officials": {(_name(o["name"]), _role(o.get("role") or ""))
                      for o in expected.get("officials", []) if o.get("role")},
        "events": {(e["date"],) for e in expected.get("events", [])
                   if e.get("date") and not e.get("planned")},
        "ministries": {(_key(m),) for m in expected.get("ministries", [])},
    }


_PREFIXES = """
PREFIX pg: <https://w3id.org/partnerschaftsgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
"""
_PARTNER = """
  OPTIONAL { ?partner pg:iso3166_2 ?iso2 } OPTIONAL { ?partner pg:iso3166_1 ?iso1 }
  OPTIONAL { ?partner rdfs:label ?partnerLabel FILTER (LANG(?partnerLabel) = "de") }
"""
_QUERIES = {
    "partnerships": """SELECT DISTINCT ?land ?iso2 ?iso1 ?partnerLabel ?date WHERE {
        ?fact a pg:Partnership ; pg:land/pg:iso3166_2 ?land ; pg:partner ?partner ;
              prov:wasDerivedFrom ?passage .
        OPTIONAL { ?fact pg:since ?date } PARTNER }""".replace("PARTNER", _PARTNER),
    "agreements": """SELECT DISTINCT ?land ?iso2 ?iso1 ?partnerLabel ?date WHERE {
        ?fact a pg:Agreement ; pg:land/pg:iso3166_2 ?land ; pg:partner ?partner ;
              prov:wasDerivedFrom ?passage .
        OPTIONAL { ?fact pg:signedOn ?date } PARTNER }""".replace("PARTNER", _PARTNER),
    "officials": """SELECT DISTINCT ?name ?role WHERE {
        ?fact a pg:Official ; foaf:name ?name ; prov:wasDerivedFrom ?passage .
        ?post org:heldBy ?fact ; org:role/skos:prefLabel ?role ;
              prov:wasDerivedFrom ?postPassage .
        FILTER (LANG(?role) = "de") }""",
    "events": """SELECT DISTINCT ?date WHERE {
        ?fact a pg:Event ; sem:hasBeginTimeStamp ?date ; pg:planned false ;
              prov:wasDerivedFrom ?passage . }""",
}


def graph_facts(graph: Graph) -> dict[str, set[Fact]]:
    """The facts the document's own passages support: the graph is the document's named
    graph, where its citations are, with the entity descriptions (which cite nothing), so an
    entity only another document cites does not count for this one. (The ministries a
    document names are read from its extraction: a registered ministry cites no passage.)"""
    found: dict[str, set[Fact]] = {kind: set() for kind in FACT_TYPES}
    for kind, query in _QUERIES.items():
        for row in graph.query(_PREFIXES + query):
            found[kind].add(_fact(kind, row.asdict()))
    found["since"] = {f for f in found["partnerships"] if f[2]}
    found["partnerships"] = {f[:2] for f in found["partnerships"]}
    return found


def ministry_fact(ministry: MinistryRef) -> Fact:
    """A found ministry: its abbreviation, its name, then the other names the register gives
    it (`aliases`: "Innenministerium", "Staatskanzlei"), by which a reader may have written it
    as the text names it."""
    fact = (_key(ministry.abbreviation or ministry.label_de), _key(ministry.label_de))
    aliases = {_key(alias) for m in registers.load().ministries
               if ministry.registered and m.land == ministry.land
               and m.abbreviation == ministry.abbreviation and m.name_de == ministry.label_de
               for alias in m.aliases}
    return fact + tuple(sorted(aliases - set(fact)))


def _fact(kind: str, v: dict) -> Fact:
    if kind in {"partnerships", "agreements"}:
        partner = str(v.get("iso2") or v.get("iso1") or v.get("partnerLabel") or "")
        return (str(v["land"]), _key(partner), str(v.get("date") or ""))
    if kind == "officials":
        return (_name(str(v["name"])), _role(str(v["role"])))
    return (str(v["date"]),)


# ----------------------------------------------------------------------------- matching


def _key(text: str) -> str:
    """ISO codes stay as they are; names are compared folded ("Wojewodschaft Großpolen"), a
    city by the German name the register gives any of its spellings ("Windhoek": "Windhuk")."""
    if re.fullmatch(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?", text):
        return text
    text = registers.load().german_city_name([text]) or text
    return ns.slug(unicodedata.normalize("NFKC", text))


def _name(text: str) -> str:
    """Names compare without middle initials, as the graph resolves them ("Marina E. X" is
    "Marina X")."""
    return ns.slug(re.sub(r"(?<=\s)[^\W\d_]\.(?=\s)", "", text))


def _role(text: str) -> str:
    """Roles compare without gender ending: "Ministerpräsidentin" is "Ministerpräsident"; a
    spelling the role register lists is its role ("Wojewode" is "Woiwode")."""
    registered = registers.load().role_of_form(text)
    key = ns.slug(registered.label_de if registered else text).replace("-", "")
    return key[:-2] if key.endswith("in") and len(key) > 6 else key


def _same(expected: Fact, found: Fact) -> bool:
    """A found fact is the expected one: same keys; a name matches a label that contains it;
    a ministry matches by abbreviation, name or a name the register gives it."""
    if len(expected) == 1 and len(found) >= 2:  # a ministry: abbreviation, name, aliases
        return expected[0] in found or any(_contains(name, expected[0]) for name in found[1:])
    if len(expected) != len(found):
        return False
    return all(e == f or (index < 2 and _contains(f, e)) or (index == 2 and _refines(f, e))
               for index, (e, f) in enumerate(zip(expected, found, strict=True)))


def _refines(found: str, expected: str) -> bool:
    """A partnership's start the graph knows more precisely (from another document) than this
    one states it: "2003-10-13" for "2003"."""
    return bool(expected) and found.startswith(expected + "-")


def _contains(found: str, expected: str) -> bool:
    return bool(expected) and not re.fullmatch(r"[A-Z]{2}(?:-[A-Z0-9]{1,3})?", expected) and \
        (expected in found or found in expected) and min(len(found), len(expected)) >= 4


@dataclass
class Score:
    true: int = 0
    false: int = 0
    missed: int = 0

    def add(self, outcome: Outcome, kind: str) -> None:
        self.missed += len(outcome.misses(kind))
        self.false += len(outcome.false(kind))
        self.true += len(outcome.expected[kind]) - len(outcome.misses(kind))

    @property
    def precision(self) -> float:
        return self.true / (self.true + self.false) if self.true + self.false else 1.0

    @property
    def recall(self) -> float:
        return self.true / (self.true + self.missed) if self.true + self.missed else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def scores(outcomes: Iterable[Outcome]) -> dict[str, Score]:
    result = {kind: Score() for kind in FACT_TYPES}
    for outcome in outcomes:
        for kind in FACT_TYPES:
            result[kind].add(outcome, kind)
    return result


def fact_text(fact: Fact) -> str:
    return "|".join(fact)
