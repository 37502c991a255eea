"""Corpora that once broke a build (found by the benchmarks' generator, bench/
FINDINGS-FOR-DEVELOPERS.md): each folder of tests/data/regressions/ must build, and what it
states must come out as the documents say it."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import namespaces as ns
from kg.build import build, run_checks

CASES = Path(__file__).parent / "data" / "regressions"


def built(case: str, tmp_path: Path) -> ox.Store:
    result = build([CASES / case], tmp_path / "store", jobs=1)
    assert result.prepared.ok, [*result.prepared.failures, *map(str, result.prepared.report.errors)]
    assert result.ok, result.check_failures
    return ox.Store.read_only(str(result.build))


def select(store: ox.Store, query: str) -> list[tuple[str, ...]]:
    prefixed = f"PREFIX pg: <{ns.PG}>\nPREFIX org: <http://www.w3.org/ns/org#>\n" \
               f"PREFIX prov: <http://www.w3.org/ns/prov#>\n{query}"
    return sorted(tuple(str(v.value) if v is not None else "" for v in row)
                  for row in store.query(prefixed, use_default_graph_as_union=True))


def test_a_heading_date_without_a_year_leaves_the_agreement_undated(tmp_path: Path):
    store = built("yearless-agreement-date", tmp_path)
    agreements = select(store, "SELECT ?a ?date WHERE { ?a a pg:Agreement "
                               "OPTIONAL { ?a pg:signedOn ?date } }")
    assert agreements, "the agreement is still extracted"
    assert all(date == "" for _, date in agreements)


def test_the_same_surname_in_two_laender_is_two_people(tmp_path: Path):
    store = built("surname-in-two-laender", tmp_path)
    scoped = select(store, "SELECT ?person WHERE { ?person a pg:Official "
                           "FILTER CONTAINS(STR(?person), '~') }")
    scopes = {person.rsplit("~", 1)[1] for (person,) in scoped}
    assert {"DE-HE", "DE-NW"} <= scopes


def test_one_name_twice_in_one_document_fails_the_check(tmp_path: Path):
    """The check the previous case must pass still catches a split person within a document."""
    store = ox.Store()
    store.bulk_extend(built("surname-in-two-laender", tmp_path).quads_for_pattern(None, None, None))
    person, _ = select(store, "SELECT ?p ?passage WHERE { ?p a pg:Official ; "
                                    "prov:wasDerivedFrom ?passage } LIMIT 1")[0]
    twin = ox.NamedNode(person + "-twin")
    for quad in list(store.quads_for_pattern(ox.NamedNode(person), None, None)):
        store.add(ox.Quad(twin, quad.predicate, quad.object, quad.graph_name))
    failures = run_checks(store)
    assert any("violation-person-named-twice" in f and twin.value in f for f in failures)


def test_a_post_whose_stated_scope_wins_keeps_its_passage(tmp_path: Path):
    store = built("post-without-passage", tmp_path)
    unsourced = select(store, "SELECT ?post WHERE { ?post a pg:Post "
                              "FILTER NOT EXISTS { ?post prov:wasDerivedFrom ?passage } }")
    assert unsourced == []
    holders = select(store, "SELECT ?holder (COUNT(DISTINCT ?post) AS ?posts) WHERE { "
                            "?post a pg:Post ; org:heldBy ?holder ; org:role ?role } "
                            "GROUP BY ?holder ?role")
    assert holders and all(posts == "1" for _, posts in holders), \
        "a person's post of one role, stated in one document and implied in another, is one post"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()))
def test_every_regression_case_builds(case: str, tmp_path: Path):
    built(case, tmp_path)


def test_a_fact_without_its_passage_fails_the_check(tmp_path: Path):
    store = ox.Store()
    store.bulk_extend(built("post-without-passage", tmp_path).quads_for_pattern(None, None, None))
    (event,) = select(store, "SELECT ?e WHERE { ?e a pg:Event } ORDER BY ?e LIMIT 1")[0:1]
    derived = ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom")
    for quad in list(store.quads_for_pattern(ox.NamedNode(event[0]), derived, None)):
        store.remove(quad)
    failures = run_checks(store)
    assert any("violation-fact-without-passage" in f and event[0] in f for f in failures)


def test_namesakes_with_posts_of_two_scopes_in_one_document_are_built(tmp_path: Path):
    """Two people of one surname in one document, kept apart by their posts' scopes, are
    what the text says: the check for a person split within a document lets them pass."""
    store = built("namesakes-in-one-document", tmp_path)
    namesakes = select(store, "SELECT DISTINCT ?person ?scope WHERE { ?person a pg:Official . "
                              "?post org:heldBy ?person ; pg:postFor|org:postIn ?scope }")
    assert len({person for person, _ in namesakes}) == 2
    assert len({scope for _, scope in namesakes}) == 2
