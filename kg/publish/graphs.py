"""The graphs of the current build as the target will receive them: one N-Triples body per
named graph, its lines sorted so that the same graph always gives the same bytes and hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pyoxigraph as ox

from kg import namespaces as ns

GRAPH_PREFIX = str(ns.GRAPH)
SHARED_GRAPHS = tuple(str(g) for g in (ns.ONTOLOGY_GRAPH, ns.REGISTERS_GRAPH, ns.ENTITIES_GRAPH,
                                       ns.ALIGNMENT_GRAPH, ns.INFERRED_GRAPH))


@dataclass(frozen=True)
class LocalGraph:
    name: str
    body: bytes
    triples: int
    sha256: str


def graph_names(store: ox.Store) -> list[str]:
    """The build's graphs: documents first, then the shared graphs they are read with (so a
    document's entities arrive no earlier than its facts)."""
    names = {g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)}
    shared = [g for g in SHARED_GRAPHS if g in names]
    return sorted(names - set(shared)) + shared


def read_graph(store: ox.Store, name: str) -> LocalGraph:
    triples = (q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
    text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    lines = sorted(set(text.splitlines()))
    body = b"".join(line + b"\n" for line in lines)
    return LocalGraph(name, body, len(lines), hashlib.sha256(body).hexdigest())


def short_name(name: str) -> str:
    """graph/document/x for progress lines: the common prefix says nothing."""
    return "graph/" + name[len(GRAPH_PREFIX):] if name.startswith(GRAPH_PREFIX) else name
