"""Violation checks after a patch (kg/checks.py) run only where the patch could make a
violation: for each kind of change, added or removed, the restricted checks find every row the
whole-store checks find. Invented IRIs and names, in the shape the mapping gives them."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kg import namespaces as ns
from kg.build import check_rows
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
