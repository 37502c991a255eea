"""The entity and quad counts a build reports (build.json). A patched rebuild (kg/patch.py)
takes the previous build's counts and corrects them by what the patch touched: an entity's
membership of a class changes only with a triple the patch added or removed, whose subject is
then touched; and the patch knows how many quads it added and removed. Counting the whole
store again took most of a one-document rebuild's counts (its quads above all)."""

from __future__ import annotations

import pyoxigraph as ox
from rdflib import RDF

from kg import namespaces as ns

COUNTED = {
    "agreements": "Agreement", "events": "Event", "officials": "Official",
    "posts": "Post", "partner regions": "PartnerRegion", "countries": "Country",
    "organisations": "Organisation", "ministries": "Ministry", "Länder": "Land",
    "documents": "Document", "renderings": "Rendering", "passages": "Passage",
}
TYPE = ox.NamedNode(str(RDF.type))


def count_entities(store: ox.Store) -> dict[str, int]:
    """Each class's distinct members over all graphs, and the store's quads."""
    counts = {}
    for name, cls in COUNTED.items():
        query = (f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a <{ns.PG}{cls}> }}")
        result = store.query(query, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        counts[name] = int(next(iter(result))["n"].value)
    counts["quads"] = len(store)
    return counts


def patched_counts(store: ox.Store, previous: ox.Store, counts: dict[str, int],
                   touched: set[str], quads: int) -> dict[str, int]:
    """`count_entities` of `store`, from the counts of `previous` (the store before the
    patch), the IRIs the patch touched (N-Triples terms) and its number of quads."""
    found = dict(counts)
    names = {f"{ns.PG}{cls}": name for name, cls in COUNTED.items()}
    for iri in touched:
        node = ox.NamedNode(iri[1:-1])
        now, before = _types(store, node), _types(previous, node)
        for kind in (now ^ before) & names.keys():
            found[names[kind]] += 1 if kind in now else -1
    found["quads"] = quads
    return found


def _types(store: ox.Store, node: ox.NamedNode) -> set[str]:
    """The node's classes, in any graph."""
    return {quad.object.value for quad in store.quads_for_pattern(node, TYPE, None, None)
            if isinstance(quad.object, ox.NamedNode)}
