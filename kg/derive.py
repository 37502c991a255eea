"""Facts the build derives from the whole graph so that questions can read them instead of
recomputing them on every request: each queries/derive-*.rq is a CONSTRUCT over the union of
all graphs, and what it constructs goes to `graph/inferred`, beside what the reasoner infers.

They run after reasoning, on the complete graph; what they derive is no premise of the
reasoner's rules (their properties have no axioms that would infer anything new).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg import namespaces as ns
from kg.paths import QUERIES_DIR


def derivations(folder: Path = QUERIES_DIR) -> list[Path]:
    return sorted(folder.glob("derive-*.rq"))


def derive(store: ox.Store, folder: Path = QUERIES_DIR) -> int:
    """Run every derivation, each over the graph as it was before any of them, and add the
    triples not already in `graph/inferred` there; returns the number added."""
    derived = derived_quads(store, folder)
    new = [quad for quad in derived if quad not in store]
    store.extend(new)
    return len(new)


def derived_quads(store: ox.Store, folder: Path = QUERIES_DIR) -> set[ox.Quad]:
    """What the derivations construct over the graph as it is, as quads of `graph/inferred`."""
    graph = ox.NamedNode(str(ns.INFERRED_GRAPH))
    derived: set[ox.Quad] = set()
    for query in derivations(folder):
        triples = store.query(query.read_text(encoding="utf-8"), use_default_graph_as_union=True)
        if not isinstance(triples, ox.QueryTriples):
            raise ValueError(f"{query}: a derivation must be a CONSTRUCT query")
        for triple in triples:
            derived.add(ox.Quad(triple.subject, triple.predicate, triple.object, graph))
    return derived
