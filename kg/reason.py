"""Reasoning, in two parts that together give what owlrl gives for this ontology.

1. The ontology's own OWL 2 RL closure, computed with owlrl (under a second: the ontology is
   small, while owlrl over the whole graph would take minutes at a million triples).
2. What that closure implies for instance data: a handful of rules (subclass, subproperty,
   domain, range, inverse), run as SPARQL updates inside Oxigraph until nothing new follows.

All inferred triples go to the graph `graph/inferred`. tests/test_reason.py checks the rules
against owlrl's closure of ontology plus data.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import owlrl
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg import namespaces as ns
from kg.paths import ONTOLOGY_FILE

_BUILTIN = (str(RDF), str(RDFS), str(OWL), str(XSD))
_TRIVIAL_OBJECTS = {OWL.Thing, RDFS.Resource, OWL.Nothing}
_KEPT_PREDICATES = {RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range,
                    OWL.inverseOf, OWL.equivalentClass, OWL.equivalentProperty,
                    OWL.disjointWith, RDF.type}


@cache
def ontology_graph(path: Path = ONTOLOGY_FILE) -> Graph:
    return Graph().parse(path)


@cache
def ontology_closure(path: Path = ONTOLOGY_FILE) -> Graph:
    """The ontology's entailments that are not already stated, without owlrl's axiomatic
    noise (statements about RDF/OWL built-ins, reflexive and trivial ones, literal subjects)."""
    asserted = ontology_graph(path)
    closure = Graph()
    for triple in asserted:
        closure.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(closure)
    entailed = Graph()
    for triple in closure:
        if triple not in asserted and _meaningful(triple):
            entailed.add(triple)
    return entailed


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

_INFERRED = f"<{ns.INFERRED_GRAPH}>"
_NOT_TRIVIAL = f"FILTER (?class != <{OWL.Thing}> && ?class != <{RDFS.Resource}>)"

# Each rule reads one instance triple from the graphs named by PREMISES. The types the
# subclass and range rules infer are selected DISTINCT before the NOT EXISTS test: many
# triples point at the same node (every event names its Land), and the test is the costly part.
PREMISES = "PREMISES"
RULES = {
    "subclass": f"""
        INSERT {{ GRAPH {_INFERRED} {{ ?x a ?class }} }}
        WHERE {{ {{ SELECT DISTINCT ?x ?class WHERE {{
                     GRAPH {PREMISES} {{ ?x a ?sub }} GRAPH ?o {{ ?sub <{RDFS.subClassOf}> ?class }}
                     {_NOT_TRIVIAL} }} }}
                 FILTER NOT EXISTS {{ GRAPH ?h {{ ?x a ?class }} }} }}""",
    "subproperty": f"""
        INSERT {{ GRAPH {_INFERRED} {{ ?x ?super ?y }} }}
        WHERE {{ GRAPH ?o {{ ?sub <{RDFS.subPropertyOf}> ?super }} GRAPH {PREMISES} {{ ?x ?sub ?y }}
                 FILTER (?sub != ?super)
                 FILTER NOT EXISTS {{ GRAPH ?h {{ ?x ?super ?y }} }} }}""",
    "domain": f"""
        INSERT {{ GRAPH {_INFERRED} {{ ?x a ?class }} }}
        WHERE {{ {{ SELECT DISTINCT ?x ?class WHERE {{
                     GRAPH ?o {{ ?p <{RDFS.domain}> ?class }} GRAPH {PREMISES} {{ ?x ?p ?y }}
                     {_NOT_TRIVIAL} }} }}
                 FILTER NOT EXISTS {{ GRAPH ?h {{ ?x a ?class }} }} }}""",
    "range": f"""
        INSERT {{ GRAPH {_INFERRED} {{ ?y a ?class }} }}
        WHERE {{ {{ SELECT DISTINCT ?y ?class WHERE {{
                     GRAPH ?o {{ ?p <{RDFS.range}> ?class }} GRAPH {PREMISES} {{ ?x ?p ?y }}
                     FILTER (!isLiteral(?y)) {_NOT_TRIVIAL} }} }}
                 FILTER NOT EXISTS {{ GRAPH ?h {{ ?y a ?class }} }} }}""",
    "inverse": f"""
        INSERT {{ GRAPH {_INFERRED} {{ ?y ?q ?x }} }}
        WHERE {{ {{ GRAPH ?o {{ ?p <{OWL.inverseOf}> ?q }} }} UNION
                 {{ GRAPH ?o {{ ?q <{OWL.inverseOf}> ?p }} }}
                 GRAPH {PREMISES} {{ ?x ?p ?y }} FILTER (!isLiteral(?y))
                 FILTER NOT EXISTS {{ GRAPH ?h {{ ?y ?q ?x }} }} }}""",
}


def infer(store, max_rounds: int = 6) -> int:
    """Apply the instance rules in the store until a round adds nothing; returns the number
    of inferred triples. The first round reads every graph; as each rule reads one instance
    triple, what a later round can still find follows from inferred triples alone, so later
    rounds read only the inferred graph."""
    count = _inferred_count(store)
    premises = "?g"
    for _ in range(max_rounds):
        for rule in RULES.values():
            store.update(rule.replace(PREMISES, premises))
        new_count = _inferred_count(store)
        if new_count == count:
            break
        count, premises = new_count, _INFERRED
    return count


def _inferred_count(store) -> int:
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {_INFERRED} {{ ?s ?p ?o }} }}")
    return int(next(iter(result))["n"].value)


__all__ = ["RULES", "URIRef", "infer", "ontology_closure", "ontology_graph"]
