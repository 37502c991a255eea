"""Dumps of the current build: Turtle, N-Triples and JSON-LD (the union of all graphs, each
triple once) or TriG and N-Quads (the named graphs kept). Statements are sorted and there are
no blank nodes, so two builds of the same inputs give byte-identical files."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from kg import namespaces as ns

FORMATS = {"ttl": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
           "nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS,
           "jsonld": ox.RdfFormat.JSON_LD}
QUAD_FORMATS = {"trig", "nq"}


def _sort_key(quad: ox.Quad) -> tuple[str, str, str, str]:
    return (str(quad.graph_name), str(quad.subject), str(quad.predicate), str(quad.object))


def export(store: ox.Store, output: BinaryIO | Path, fmt: str = "ttl",
           asserted_only: bool = False) -> int:
    """Write the dump; returns the number of statements written."""
    quads = [q for q in store if not (asserted_only and q.graph_name ==
                                      ox.NamedNode(str(ns.INFERRED_GRAPH)))]
    if fmt in QUAD_FORMATS:
        statements: list = sorted(quads, key=_sort_key)
    else:
        unique = {ox.Triple(q.subject, q.predicate, q.object) for q in quads}
        statements = sorted(unique, key=lambda t: (str(t.subject), str(t.predicate),
                                                   str(t.object)))
    prefixes = ns.PREFIXES if fmt in {"ttl", "trig", "jsonld"} else None
    target = str(output) if isinstance(output, Path) else output
    ox.serialize(statements, target, FORMATS[fmt], prefixes=prefixes)
    return len(statements)
