"""What the build derives from the whole graph (kg/derive.py, queries/derive-*.rq): each
partner's last contact, by the rules cq-03 states, into graph/inferred."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import derive, registers
from kg import namespaces as ns
from kg.store import quads

DOCUMENT_GRAPH = ox.NamedNode(str(ns.GRAPH["document/test"]))
INFERRED = ox.NamedNode(str(ns.INFERRED_GRAPH))
LAST_CONTACT = ox.NamedNode(str(ns.PG.lastContact))

# Partners: A has contacts of several precisions, a planned one, a later activity that is no
# contact and an undated one; B is reached through an agreement and has two contacts on the
# same day; C has only a planned contact.
DATA = """
@prefix pg: <https://w3id.org/partnerschaftsgraph/ontology#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix event: <https://w3id.org/partnerschaftsgraph/id/event/> .
@prefix type: <https://w3id.org/partnerschaftsgraph/id/event-type/> .
@prefix region: <https://w3id.org/partnerschaftsgraph/id/region/> .
@prefix agreement: <https://w3id.org/partnerschaftsgraph/id/agreement/> .

event:a-month a pg:Event ; pg:eventType type:besuch ; pg:planned false ;
    pg:partner region:A ; sem:hasBeginTimeStamp "2023-10"^^xsd:gYearMonth .
event:a-day a pg:Event ; pg:eventType type:antrittsbesuch ; pg:planned false ;
    pg:partner region:A ; sem:hasBeginTimeStamp "2023-10-10"^^xsd:date .
event:a-year a pg:Event ; pg:eventType type:gespraech ; pg:planned false ;
    pg:partner region:A ; sem:hasBeginTimeStamp "2022"^^xsd:gYear .
event:a-planned a pg:Event ; pg:eventType type:besuch ; pg:planned true ;
    pg:partner region:A ; sem:hasBeginTimeStamp "2024-05-01"^^xsd:date .
event:a-exhibition a pg:Event ; pg:eventType type:ausstellung ; pg:planned false ;
    pg:partner region:A ; sem:hasBeginTimeStamp "2025"^^xsd:gYear .
event:a-undated a pg:Event ; pg:eventType type:besuch ; pg:planned false ;
    pg:partner region:A .

agreement:b a pg:Agreement ; pg:partner region:B .
event:b-one a pg:Event ; pg:eventType type:gespraech ; pg:planned false ;
    pg:agreement agreement:b ; sem:hasBeginTimeStamp "2021-03-04"^^xsd:date .
event:b-two a pg:Event ; pg:eventType type:empfang ; pg:planned false ;
    pg:agreement agreement:b ; sem:hasBeginTimeStamp "2021-03-04"^^xsd:date .
event:b-older a pg:Event ; pg:eventType type:empfang ; pg:planned false ;
    pg:partner region:B ; sem:hasBeginTimeStamp "2020"^^xsd:gYear .

event:c-planned a pg:Event ; pg:eventType type:besuch ; pg:planned true ;
    pg:partner region:C ; sem:hasBeginTimeStamp "2030"^^xsd:gYear .
"""


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    store.bulk_extend(quads(registers.load().vocabularies, ns.REGISTERS_GRAPH))
    store.load(DATA.encode(), ox.RdfFormat.TURTLE, to_graph=DOCUMENT_GRAPH)
    return store


def last_contacts(store: ox.Store) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for quad in store.quads_for_pattern(None, LAST_CONTACT, None, None):
        assert quad.graph_name == INFERRED
        found.setdefault(quad.subject.value.rsplit("/", 1)[-1], set()).add(
            quad.object.value.rsplit("/", 1)[-1])
    return found


def test_the_last_contact_of_each_partner(store: ox.Store):
    added = derive.derive(store)
    assert last_contacts(store) == {"A": {"a-day"}, "B": {"b-one", "b-two"}}
    assert added == 3


def test_deriving_again_adds_nothing(store: ox.Store):
    derive.derive(store)
    assert derive.derive(store) == 0
    assert len(list(store.quads_for_pattern(None, LAST_CONTACT, None, None))) == 3


def test_a_derivation_reads_the_predicates_its_pattern_names():
    query = """# a comment naming ?s ?p is not read
PREFIX ex: <https://example.org/vocabulary#>
CONSTRUCT { ?s ex:derived ?o }
WHERE { ?s a ex:Thing ; ex:linked ?o . ?o ex:broader* <https://example.org/top> .
        FILTER (?o != "not ?s ?p an IRI") }"""
    assert derive.read_predicates(query) == {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "https://example.org/vocabulary#Thing",
        "https://example.org/vocabulary#linked", "https://example.org/vocabulary#broader",
        "https://example.org/top"}


@pytest.mark.parametrize("pattern", ["{ ?s ?p ?o }", "{ ?s a ?c ; ?p ?o }",
                                     "{ ?s a ?c . ?s ?p ?o }"])
def test_a_derivation_with_a_variable_predicate_may_read_anything(pattern: str):
    assert derive.read_predicates(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {pattern}") is None


def test_the_bundled_derivations_read_what_they_match():
    read = derive.predicates_read()
    assert read is not None and str(ns.PG.eventType) in read and str(ns.PG.partner) in read
    assert str(ns.PG.lastContact) not in read  # what they construct, not what they read
