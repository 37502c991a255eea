"""The instance rules give what owlrl's OWL 2 RL closure gives for the data, and reasoning over
each document's graph apart gives what reasoning over the whole graph gives."""

from __future__ import annotations

import owlrl
import pyoxigraph as ox
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg import namespaces as ns
from kg import reason, registers
from kg.build import prepare
from kg.paths import DOCUMENTS_DIR
from kg.store import quads

SAMPLE = [DOCUMENTS_DIR / "bw-pressemitteilung-2024-07-17.txt",
          DOCUMENTS_DIR / "nw-kleine-anfrage-17-4514.pdf.txt"]


@pytest.fixture(scope="module")
def graphs() -> list[Graph]:
    """The sample's graphs as a build loads them: each document's, the entities', the
    registers'."""
    prepared = prepare(SAMPLE, jobs=1)
    return [*prepared.mapped.documents.values(), prepared.mapped.entity_graph(),
            registers.load().vocabularies]


@pytest.fixture(scope="module")
def asserted(graphs: list[Graph]) -> Graph:
    union = Graph()
    for graph in graphs:
        union += graph
    return union


def test_reasoning_over_each_graph_apart_gives_what_the_whole_gives(graphs, asserted):
    store = ox.Store()
    for number, graph in enumerate(graphs):
        store.bulk_extend(quads(graph, URIRef(f"{ns.GRAPH}sample-{number}")))
        store.bulk_extend(quads(reason.inferred_triples(graph), ns.INFERRED_GRAPH))
    count = reason.drop_stated(store)
    inferred = ox.NamedNode(str(ns.INFERRED_GRAPH))
    kept = {(q.subject, q.predicate, q.object)
            for q in store.quads_for_pattern(None, None, None, inferred)}
    whole = {(q.subject, q.predicate, q.object) for q in quads(reason.inferred_triples(asserted),
                                                                ns.INFERRED_GRAPH)}
    assert len(graphs) > 3 and whole and count == len(kept)
    assert kept == whole


def _by_rules(data: Graph) -> set[tuple]:
    return {(str(s), str(p), str(o)) for s, p, o in reason.inferred_triples(data)
            if str(s).startswith(str(ns.ID))}


def _by_owlrl(data: Graph) -> set[tuple]:
    graph = Graph()
    graph += reason.ontology_graph()
    graph += data
    before = set(graph)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return {(str(s), str(p), str(o)) for s, p, o in set(graph) - before
            if _about_instances(s, p, o)}


def _about_instances(s, p, o) -> bool:
    """owlrl's closure without what the rules deliberately leave out: statements about
    non-instances, literal or blank subjects, owl:sameAs and owl:Thing/rdfs:Resource typing,
    and the axiomatic typing of every literal."""
    if isinstance(s, (Literal, BNode)) or not str(s).startswith(str(ns.ID)):
        return False
    if p in {OWL.sameAs} or o in {OWL.Thing, RDFS.Resource}:
        return False
    return not isinstance(o, Literal) or p != RDF.type


def test_rules_and_owlrl_agree_on_the_instances(asserted: Graph):
    rules, owl = _by_rules(asserted), _by_owlrl(asserted)
    assert rules, "the rules inferred nothing"
    assert owl - rules == set(), sorted(owl - rules)[:10]
    assert rules - owl == set(), sorted(rules - owl)[:10]


def test_the_ontology_closure_has_no_literal_subjects_or_builtin_noise():
    closure = reason.ontology_closure()
    assert len(closure) > 0
    assert not [s for s in closure.subjects() if isinstance(s, (Literal, BNode))]
    assert not [s for s in closure.subjects() if str(s).startswith(str(OWL))]
    assert (ns.PG.Land, RDFS.subClassOf, URIRef("https://schema.org/Place")) in closure


def test_the_ontology_stays_in_owl2_rl():
    """No construct owlrl cannot apply fully: no unions or existentials on the right."""
    ontology = reason.ontology_graph()
    forbidden = {OWL.unionOf, OWL.someValuesFrom, OWL.minCardinality, OWL.cardinality,
                 OWL.complementOf}
    assert not [t for t in ontology if t[1] in forbidden]

