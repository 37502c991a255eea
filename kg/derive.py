"""Facts the build derives from the whole graph so that questions can read them instead of
recomputing them on every request: each queries/derive-*.rq is a CONSTRUCT over the union of
all graphs, and what it constructs goes to `graph/inferred`, beside what the reasoner infers.

They run after reasoning, on the complete graph; what they derive is no premise of the
reasoner's rules (their properties have no axioms that would infer anything new). A query
matches only triples whose predicate it names (`read_predicates`), so a rebuild that changed no
such triple in any graph derives what the previous build derived (kg/patch.py) instead of
running them again over every event.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF

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


_COMMENT = re.compile(r"(?m)(?:^|(?<=\s))#.*$")  # not the "#" inside an IRI
_PREFIX = re.compile(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", re.IGNORECASE)
_FULL = re.compile(r"<([^>\s]*)>")
_NAME = re.compile(r"(?<![\w?$<:])([A-Za-z][\w-]*)?:([\w-]+)")
_A = re.compile(r"(?<![\w?$:<\"-])a(?=\s+[<?$\w:])")
# A variable where a predicate stands: "{ ?s ?p", ". ?s ?p", "; ?p"
_VARIABLE_PREDICATE = re.compile(r"(?:[{.]\s*[?$]\w+\s+[?$]|;\s*[?$])")


def read_predicates(query: str) -> frozenset[str] | None:
    """Every IRI the query's pattern names (from its WHERE on: a superset of the predicates
    it matches), or None when a predicate is a variable (it may match any triple). Comments
    and literals are dropped first."""
    body = re.sub(r'"[^"\n]*"', '""', _COMMENT.sub(" ", query))
    prefixes = dict(_PREFIX.findall(body))
    without = _PREFIX.sub(" ", body)
    where = re.search(r"\bWHERE\b", without, re.IGNORECASE)
    without = without[where.start():] if where else without
    if _VARIABLE_PREDICATE.search(without):
        return None
    found = set(_FULL.findall(without))
    names = _FULL.sub(" ", without)
    found |= {prefixes[prefix or ""] + local for prefix, local in _NAME.findall(names)
              if (prefix or "") in prefixes}
    if _A.search(names):
        found.add(str(RDF.type))
    return frozenset(found)


@cache
def predicates_read(folder: Path = QUERIES_DIR) -> frozenset[str] | None:
    """What the derivations read (`read_predicates` of each), None if one may read any."""
    found: set[str] = set()
    for query in derivations(folder):
        read = read_predicates(query.read_text(encoding="utf-8"))
        if read is None:
            return None
        found |= read
    return frozenset(found)
