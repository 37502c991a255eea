"""Violation checks after a patch (kg/checks.py) run only where the patch could make a
violation: for each kind of change, added or removed, the restricted checks find every row the
whole-store checks find. Invented IRIs and names, in the shape the mapping gives them."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import namespaces as ns
from kg.build import check_rows
from kg.checks import _in_every_where as checks_in_every_where
from kg.checks import restricted
from kg.patch import quad_keys
from kg.paths import QUERIES_DIR

PG, PROV = str(ns.PG), "http://www.w3.org/ns/prov#"
ORG, FOAF, DCT = "http://www.w3.org/ns/org#", "http://xmlns.com/foaf/0.1/", \
    "http://purl.org/dc/terms/"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ID = "https://w3id.org/partnerschaftsgraph/id/test/"
GRAPH = ox.NamedNode(ID + "graph")


def q(s: str, p: str, o: str | ox.Literal) -> ox.Quad:
    obj = o if isinstance(o, ox.Literal) else ox.NamedNode(o)
    return ox.Quad(ox.NamedNode(s), ox.NamedNode(p), obj, GRAPH)


def person(name: str, iri: str, scope: str, passage: str) -> list[ox.Quad]:
    post = iri + "-post"
    return [q(ID + iri, TYPE, PG + "Official"), q(ID + iri, FOAF + "name", ox.Literal(name)),
            q(ID + iri, PROV + "wasDerivedFrom", ID + passage),
            q(ID + post, TYPE, PG + "Post"), q(ID + post, ORG + "heldBy", ID + iri),
            q(ID + post, ORG + "postIn", ID + scope),
            q(ID + post, PROV + "wasDerivedFrom", ID + passage)]


def base() -> list[ox.Quad]:
    """Two namesakes in one document, kept apart by their posts' scopes, and an event:
    no violation."""
    return [q(ID + "passage", PROV + "wasQuotedFrom", ID + "rendering"),
            q(ID + "rendering", DCT + "isFormatOf", ID + "document"),
            q(ID + "other-passage", PROV + "wasQuotedFrom", ID + "other-rendering"),
            q(ID + "other-rendering", DCT + "isFormatOf", ID + "document"),
            *person("Erika Lindqvist", "lindqvist-a", "ministry-a", "passage"),
            *person("Erika Lindqvist", "lindqvist-b", "region-b", "other-passage"),
            q(ID + "event", TYPE, PG + "Event"),
            q(ID + "event", PROV + "wasDerivedFrom", ID + "passage")]


def touched(changed: list[ox.Quad]) -> set[str]:
    nodes = set()
    for key in quad_keys(changed):
        subject, _, value = key.decode().split(" ", 2)
        nodes |= {t for t in (subject, value) if t.startswith("<")}
    return nodes


CHANGES = {
    "a second name added": ([q(ID + "lindqvist-a", FOAF + "name", ox.Literal("E. Lindqvist"))],
                            []),
    "a passage loses its rendering": ([], [q(ID + "passage", PROV + "wasQuotedFrom",
                                             ID + "rendering")]),
    "a fact loses its passage": ([], [q(ID + "event", PROV + "wasDerivedFrom", ID + "passage")]),
    "a post loses its scope": ([q(ID + "lindqvist-b-post", ORG + "postIn", ID + "ministry-a")],
                               [q(ID + "lindqvist-b-post", ORG + "postIn", ID + "region-b")]),
    "a post loses its holder": ([], [q(ID + "lindqvist-b-post", ORG + "heldBy",
                                       ID + "lindqvist-b")]),
    "a namesake added elsewhere": (
        [q(ID + "third-rendering", DCT + "isFormatOf", ID + "document"),
         *person("Erika Lindqvist", "lindqvist-c", "ministry-a", "third-passage"),
         q(ID + "third-passage", PROV + "wasQuotedFrom", ID + "third-rendering")], []),
    "an unrelated event added": ([q(ID + "event-2", TYPE, PG + "Event"),
                                  q(ID + "event-2", PROV + "wasDerivedFrom", ID + "passage")],
                                 []),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_patch_s_checks_find_what_checking_everything_finds(change: str):
    store = ox.Store()
    store.extend(base())
    assert check_rows(store, set()) == [], "the base has no violation"
    added, removed = CHANGES[change]
    for quad in removed:
        store.remove(quad)
    store.extend(added)
    everything = check_rows(store, set())
    assert check_rows(store, set(), touched(added + removed)) == everything
    if change != "an unrelated event added":
        assert everything, "the change makes a violation"


def test_a_patch_that_touched_nothing_checks_nothing():
    store = ox.Store()
    store.extend(base())
    for check in QUERIES_DIR.glob("violation-*.rq"):
        assert restricted(check, store, set()) is None
        assert restricted(check, store, None) == check.read_text(encoding="utf-8")


MINUS_FORM = f"""PREFIX pg: <{PG}>
PREFIX prov: <{PROV}>
SELECT DISTINCT ?fact ?class WHERE {{
  {{ ?fact a pg:Agreement BIND (pg:Agreement AS ?class) }}
  UNION {{ ?fact a pg:Event BIND (pg:Event AS ?class) }}
  UNION {{ ?fact a pg:Official BIND (pg:Official AS ?class) }}
  UNION {{ ?fact a pg:Post BIND (pg:Post AS ?class) }}
  MINUS {{ ?fact prov:wasDerivedFrom ?passage . ?passage prov:wasQuotedFrom ?rendering }}
}}"""


def test_facts_without_a_passage_are_the_rows_the_minus_form_found():
    """violation-fact-without-passage.rq reads OPTIONAL and an unbound rendering where it
    read MINUS (which held every fact's passage rows while it ran): the same rows, on facts
    with no passage, a passage without a rendering, two passages of which one has none, and
    two classes."""
    store = ox.Store()
    store.extend(base())
    store.extend([
        q(ID + "event-bare", TYPE, PG + "Event"),
        q(ID + "agreement-unquoted", TYPE, PG + "Agreement"),
        q(ID + "agreement-unquoted", PROV + "wasDerivedFrom", ID + "loose-passage"),
        q(ID + "event-two", TYPE, PG + "Event"),
        q(ID + "event-two", PROV + "wasDerivedFrom", ID + "loose-passage"),
        q(ID + "event-two", PROV + "wasDerivedFrom", ID + "passage"),
        q(ID + "post-and-official", TYPE, PG + "Post"),
        q(ID + "post-and-official", TYPE, PG + "Official")])

    def rows(query: str) -> list[tuple[str, ...]]:
        return sorted(tuple(str(v) for v in row)
                      for row in store.query(query, use_default_graph_as_union=True))

    found = rows((QUERIES_DIR / "violation-fact-without-passage.rq").read_text(encoding="utf-8"))
    assert found == rows(MINUS_FORM)
    assert {row[0] for row in found} == {f"<{ID}{name}>" for name in (
        "event-bare", "agreement-unquoted", "post-and-official")}
    assert len(found) == 4


PERSON_JOIN_FORM = f"""PREFIX org: <{ORG}>
PREFIX foaf: <{FOAF}>
PREFIX prov: <{PROV}>
PREFIX dcterms: <{DCT}>
PREFIX pg: <{PG}>
SELECT DISTINCT ?person ?other ?name ?document WHERE {{
  {{ SELECT DISTINCT ?person ?name ?document WHERE {{
      ?person a pg:Official ; foaf:name ?name ;
          prov:wasDerivedFrom/prov:wasQuotedFrom/dcterms:isFormatOf ?document }} }}
  {{ SELECT DISTINCT ?other ?name ?document WHERE {{
      ?other a pg:Official ; foaf:name ?name ;
          prov:wasDerivedFrom/prov:wasQuotedFrom/dcterms:isFormatOf ?document }} }}
  FILTER (STR(?person) < STR(?other))
  FILTER NOT EXISTS {{
    ?post org:heldBy ?person ; pg:postFor|org:postIn ?scope .
    ?otherPost org:heldBy ?other ; pg:postFor|org:postIn ?otherScope .
    FILTER (?scope != ?otherScope)
  }}
}}"""


def rendering(passage: str, document: str) -> list[ox.Quad]:
    return [q(ID + passage, PROV + "wasQuotedFrom", ID + passage + "-rendering"),
            q(ID + passage + "-rendering", DCT + "isFormatOf", ID + document)]


def test_namesakes_are_the_rows_the_join_of_every_person_s_documents_found():
    """violation-person-named-twice.rq follows only the passages of persons whose name another
    person bears, each looked up (it listed every person's documents and joined them): the
    same rows, on namesakes in one document and in two, three of one name, a person with two
    names, posts of the same and of different scopes, a passage in two documents, a passage
    without a rendering, and one person without a passage."""
    store = ox.Store()
    store.extend(base())  # two namesakes in one document, posts of different scopes
    store.extend([
        *person("Jonas Brekke", "brekke-a", "ministry-a", "p1"), *rendering("p1", "doc-1"),
        *person("Jonas Brekke", "brekke-b", "ministry-a", "p2"), *rendering("p2", "doc-1"),
        *person("Jonas Brekke", "brekke-c", "ministry-a", "p3"), *rendering("p3", "doc-2"),
        q(ID + "brekke-c", PROV + "wasDerivedFrom", ID + "p4"), *rendering("p4", "doc-1"),
        *rendering("p4", "doc-3"),
        *person("Ida Sørum", "sorum-a", "region-b", "p5"), *rendering("p5", "doc-3"),
        q(ID + "sorum-a", FOAF + "name", ox.Literal("I. Sørum")),
        *person("I. Sørum", "sorum-b", "region-b", "p6"), *rendering("p6", "doc-3"),
        *person("Ida Sørum", "sorum-c", "region-b", "p7"),  # a passage without a rendering
        q(ID + "sorum-d", TYPE, PG + "Official"),  # no passage
        q(ID + "sorum-d", FOAF + "name", ox.Literal("Ida Sørum")),
        *person("Nils Dahl", "dahl-a", "ministry-a", "p8"), *rendering("p8", "doc-4"),
        *person("Nils Dahl", "dahl-b", "region-b", "p9"), *rendering("p9", "doc-4")])

    def rows(query: str) -> list[tuple[str, ...]]:
        return sorted(tuple(str(v) for v in row)
                      for row in store.query(query, use_default_graph_as_union=True))

    check = QUERIES_DIR / "violation-person-named-twice.rq"
    found = rows(check.read_text(encoding="utf-8"))
    assert found == rows(PERSON_JOIN_FORM)
    assert {(row[0], row[1], row[3]) for row in found} == {
        (f"<{ID}{a}>", f"<{ID}{b}>", f"<{ID}{d}>") for a, b, d in (
            ("brekke-a", "brekke-b", "doc-1"), ("brekke-a", "brekke-c", "doc-1"),
            ("brekke-b", "brekke-c", "doc-1"), ("sorum-a", "sorum-b", "doc-3"))}
    for name in ("Jonas Brekke", "I. Sørum"):  # restricted to a name, as after a patch
        clause = f'VALUES ?name {{ "{name}" }}'
        restricted_rows = rows(checks_in_every_where(check.read_text(encoding="utf-8"), clause))
        assert restricted_rows == [row for row in found if row[2] == f'"{name}"']
