"""Reasoning, in two parts that together give what owlrl gives for this ontology.

1. The ontology's own OWL 2 RL closure, computed with owlrl (under a second: the ontology is
   small, while owlrl over the whole graph would take minutes at a million triples).
2. What that closure implies for instance data: a handful of rules (subclass, subproperty,
   domain, range, inverse), each reading one triple, applied until nothing new follows.
   Because each rule reads one triple, a document's graph is reasoned over where it is
   built (in the worker that maps and validates it) and the graphs shared by all documents
   at the end; only "is it stated in another graph?" needs the whole store (`drop_stated`).

All inferred triples go to the graph `graph/inferred`. tests/test_reason.py checks the rules
against owlrl's closure of ontology plus data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import owlrl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg import fixed
from kg import namespaces as ns
from kg.paths import ONTOLOGY_FILE

_BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))
_TRIVIAL_OBJECTS = {OWL.Thing, RDFS.Resource, OWL.Nothing}
_KEPT_PREDICATES = {RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range,
                    OWL.inverseOf, OWL.equivalentClass, OWL.equivalentProperty,
                    OWL.disjointWith, RDF.type}
_TYPE = RDF.type  # looked up once: a DefinedNamespace's attributes are slow to read


def ontology_graph(path: Path = ONTOLOGY_FILE) -> Graph:
    return _ontology_graph(path)  # one cached value whether `path` is given or not


@cache
def _ontology_graph(path: Path) -> Graph:
    return Graph().parse(path)


def ontology_closure(path: Path = ONTOLOGY_FILE) -> Graph:
    """The ontology's entailments that are not already stated, without owlrl's axiomatic
    noise (statements about RDF/OWL built-ins, reflexive and trivial ones, literal subjects).
    owlrl takes about a second: the result is remembered on disk per ontology file and
    version of this module (kg/fixed.py)."""
    return _ontology_closure(path)


@cache
def _ontology_closure(path: Path) -> Graph:
    entailed = Graph()
    for triple in fixed.remembered("ontology-closure", [path, Path(__file__)],
                                   lambda: _closure_triples(path)):
        entailed.add(triple)
    return entailed


def _closure_triples(path: Path) -> list[tuple]:
    asserted = ontology_graph(path)
    closure = Graph()
    for triple in asserted:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    return sorted(t for t in closure if t not in asserted and _meaningful(t))


def _meaningful(triple: tuple) -> bool:
    subject, predicate, obj = triple
    if isinstance(subject, (Literal, BNode)) or isinstance(obj, BNode):
        return False
    if predicate not in _KEPT_PREDICATES or subject == obj or obj in _TRIVIAL_OBJECTS:
        return False
    if str(subject).startswith(_BUILTIN):
        return False
    if predicate == RDF.type:
        return obj in {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty} and \
            str(subject).startswith(str(ns.PG))
    return True


# ---------------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class InstanceRules:
    """What the ontology and its closure say about instances, as look-ups by class and by
    property: superclasses, superproperties, domains, ranges and inverses (owl:Thing and
    rdfs:Resource left out, as trivial)."""

    superclasses: dict[URIRef, frozenset[URIRef]]
    superproperties: dict[URIRef, frozenset[URIRef]]
    domains: dict[URIRef, frozenset[URIRef]]
    ranges: dict[URIRef, frozenset[URIRef]]
    inverses: dict[URIRef, frozenset[URIRef]]

    def consequences(self, triple: tuple) -> Iterator[tuple]:
        """What one triple implies in one step."""
        subject, predicate, obj = triple
        if predicate == _TYPE:
            for cls in self.superclasses.get(obj, ()):
                yield subject, _TYPE, cls
        for other in self.superproperties.get(predicate, ()):
            yield subject, other, obj
        for cls in self.domains.get(predicate, ()):
            yield subject, _TYPE, cls
        if not isinstance(obj, Literal):
            for cls in self.ranges.get(predicate, ()):
                yield obj, _TYPE, cls
            for other in self.inverses.get(predicate, ()):
                yield obj, other, subject


def instance_rules(path: Path = ONTOLOGY_FILE) -> InstanceRules:
    return _instance_rules(path)


@cache
def _instance_rules(path: Path) -> InstanceRules:
    schema = Graph()
    for triple in (*ontology_graph(path), *ontology_closure(path)):
        schema.add(triple)
    pairs = {predicate: [(s, o) for s, o in schema.subject_objects(predicate)
                         if isinstance(o, URIRef)]
             for predicate in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range,
                               OWL.inverseOf)}
    inverse_pairs = pairs[OWL.inverseOf] + [(o, s) for s, o in pairs[OWL.inverseOf]]
    return InstanceRules(
        superclasses=_lookup(pairs[RDFS.subClassOf], lambda s, o: o not in _TRIVIAL_OBJECTS),
        superproperties=_lookup(pairs[RDFS.subPropertyOf], lambda s, o: s != o),
        domains=_lookup(pairs[RDFS.domain], lambda s, o: o not in _TRIVIAL_OBJECTS),
        ranges=_lookup(pairs[RDFS.range], lambda s, o: o not in _TRIVIAL_OBJECTS),
        inverses=_lookup(inverse_pairs, lambda s, o: True))


def _lookup(pairs: list[tuple], keep) -> dict[URIRef, frozenset[URIRef]]:
    found: dict[URIRef, set[URIRef]] = {}
    for subject, obj in pairs:
        if keep(subject, obj):
            found.setdefault(subject, set()).add(obj)
    return {key: frozenset(values) for key, values in found.items()}


def inferred_triples(triples: Iterable[tuple], rules: InstanceRules | None = None) -> set[tuple]:
    """What the ontology implies for these triples and is not among them. Every rule reads
    one instance triple, so what a set of triples implies is the union of what each implies:
    each document's graph is reasoned over on its own, where it is built, and the union of
    the results is what reasoning over the whole graph gives."""
    rules = rules or instance_rules()
    stated = set(triples)
    found: set[tuple] = set()
    pending = list(stated)
    while pending:
        for consequence in rules.consequences(pending.pop()):
            if consequence not in stated and consequence not in found:
                found.add(consequence)
                pending.append(consequence)
    return found


_INFERRED = f"<{ns.INFERRED_GRAPH}>"
STATED_ELSEWHERE = f"""
    DELETE {{ GRAPH {_INFERRED} {{ ?s ?p ?o }} }}
    WHERE {{ GRAPH {_INFERRED} {{ ?s ?p ?o }} GRAPH ?g {{ ?s ?p ?o }}
             FILTER (?g != {_INFERRED}) }}"""


def drop_stated(store) -> int:
    """Leave in the inferred graph only what no other graph states (a document may imply
    what another states), and return how many triples it holds."""
    store.update(STATED_ELSEWHERE)
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {_INFERRED} {{ ?s ?p ?o }} }}")
    return int(next(iter(result))["n"].value)


__all__ = ["InstanceRules", "drop_stated", "inferred_triples", "instance_rules",
           "ontology_closure", "ontology_graph"]
