"""The data graph pyshacl validates (kg/data_graph.py) answers as rdflib's default graph does:
every look-up, in the same order, and so every verdict."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import RDF, RDFS, XSD

from kg import reason, registers
from kg.build import prepare
from kg.data_graph import DataGraph
from kg.validate import chunk_graph, validate_graph
from tests.test_shapes import BREAKS, SAMPLE

EX = Namespace("https://example.org/beispiel#")
TRIPLES = [
    (EX.vertrag, RDF.type, EX.Vereinbarung),
    (EX.vertrag, RDFS.label, Literal("Absichtserklärung Beispielprovinz", lang="de")),
    (EX.vertrag, EX.partner, EX.beispielprovinz),
    (EX.vertrag, EX.partner, EX.musterland),
    (EX.vertrag, EX.unterzeichnet, Literal("2019-05-17", datatype=XSD.date)),
    (EX.beispielprovinz, RDF.type, EX.Region),
    (EX.musterland, RDF.type, EX.Region),
    (EX.vertrag, EX.partner, EX.beispielprovinz),  # repeated: held once
    (EX.reise, RDF.type, EX.Ereignis),
    (EX.reise, EX.partner, EX.beispielprovinz),
    (EX.Region, RDFS.subClassOf, EX.Ort),
]
TERMS = [None, EX.vertrag, EX.reise, EX.partner, RDF.type, EX.beispielprovinz, EX.Region,
         EX.fehlt, Literal("2019-05-17", datatype=XSD.date)]


def rdflib_graph(triples) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def in_order(found, *pattern) -> list:
    """What a look-up found, in its order (all triples come from rdflib's in no order)."""
    return sorted(found) if all(term is None for term in pattern) else list(found)


def answers(graph: Graph) -> list:
    """Every look-up pyshacl and kg/validate.py make, with each pattern of TERMS."""
    found: list = [len(graph), sorted(graph)]
    for s in TERMS:
        for p in TERMS:
            found.append(in_order(graph.objects(s, p), s, p))
            found.append(in_order(graph.subjects(p, s), p, s))
            for o in TERMS:
                found.append(in_order(graph.triples((s, p, o)), s, p, o))
                found.append((s, p, o) in graph if None not in (s, p, o) else None)
    found.append(list(graph.transitive_subjects(RDFS.subClassOf, EX.Ort)))
    found.append(list(graph.subject_objects(EX.partner)))
    found.append(list(graph.triples((None, EX.partner / RDF.type, None))))
    return found


def test_every_look_up_answers_as_rdflibs_graph_in_the_same_order():
    assert answers(DataGraph(TRIPLES)) == answers(rdflib_graph(TRIPLES))


def test_it_answers_alike_after_triples_are_added_and_removed():
    fixed, memory = DataGraph(TRIPLES), rdflib_graph(TRIPLES)
    for graph in (fixed, memory):
        graph.add((EX.musterland, EX.partner, EX.vertrag))
        graph.remove((EX.vertrag, EX.partner, None))
        graph.remove((None, None, EX.Region))
    assert answers(fixed) == answers(memory)


@pytest.fixture(scope="module")
def valid() -> Graph:
    prepared = prepare(SAMPLE, jobs=1)
    return chunk_graph(prepared.mapped, prepared.mapped.documents, registers.load().vocabularies,
                       reason.ontology_graph())


@pytest.mark.parametrize("shape", sorted(BREAKS))
def test_pyshacl_gives_the_same_verdict_on_either_graph(valid: Graph, shape: str):
    """Each shape's broken statement, in a graph of rdflib's default store and in a DataGraph
    given the same triples in the same order (which label is a node's first depends on it)."""
    triples = list(valid)  # in the order the chunk gave them
    memory = rdflib_graph(triples)
    BREAKS[shape][1](memory)
    kept = [t for t in triples if t in memory]
    broken = kept + sorted(set(memory) - set(kept))
    problems = validate_graph(memory).problems
    assert problems
    assert validate_graph(DataGraph(broken)).problems == problems


def test_the_chunk_graph_is_one(valid: Graph):
    assert isinstance(valid, DataGraph)
