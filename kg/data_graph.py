"""The rdflib graph pyshacl validates: given all its triples at once, indexed once.

rdflib's default store keeps, for every triple, the graphs it is in; adding a triple and
finding one both pay for that bookkeeping, two thirds of what building and reading a
validation's data graph cost (bench/README.md, "rdflib off the hot path"). A data graph is one
graph that nobody changes while pyshacl reads it, so this store keeps the three indexes of
rdflib's SimpleMemory only (filled in one loop, in the order the triples are given: each
lookup yields what rdflib's default store would, in the same order) and says it is context-
and graph-aware, as pyshacl's wrapper (an rdflib Dataset) asserts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import Graph
from rdflib.paths import Path
from rdflib.plugins.stores.memory import SimpleMemory

Index = dict[Any, dict[Any, dict[Any, int]]]
NO_CONTEXTS: tuple = ()  # rdflib's Graph reads a store's triples without their contexts


class FixedStore(SimpleMemory):
    """SimpleMemory's indexes (its namespace bindings too), for one graph: the one by subject
    filled at once, the two others when first asked for (pyshacl asks for a subject's values
    a thousand times as often as for anything else), from the triples in the order given."""

    context_aware = True
    graph_aware = True

    def __init__(self, triples: Iterable[tuple]):
        super().__init__()
        spo: Index = {}
        added: list[tuple] = []
        append = added.append
        for triple in triples:
            s, p, o = triple
            by_p = spo.get(s)
            if by_p is None:
                by_p = spo[s] = {}
            objects = by_p.get(p)
            if objects is None:
                by_p[p] = {o: 1}
            else:  # one look-up of the object (a literal's hash is computed in Python)
                size = len(objects)
                objects[o] = 1  # an equal key already there stays, as it was first given
                if len(objects) == size:
                    continue
            append(triple)
        self.spo = spo
        self.added = added
        self._by_predicate: dict[Any, list[int]] | None = None
        self._pos: Index = {}
        self._osp: Index | None = None

    def pos_of(self, predicate: Any) -> dict[Any, dict[Any, int]]:
        """The index by predicate, of one predicate: made when first asked for, of its
        triples only (pyshacl asks for the subjects of a few predicates, rdf:type above all;
        most of a graph's objects, literals, are then never hashed again)."""
        found = self._pos.get(predicate)
        if found is None:
            if self._by_predicate is None:
                by_predicate: dict[Any, list[int]] = {}
                for index, (_, p, _) in enumerate(self.added):
                    listed = by_predicate.get(p)
                    if listed is None:
                        listed = by_predicate[p] = []
                    listed.append(index)  # an int, which the garbage collector never visits
                self._by_predicate = by_predicate
            found = self._pos[predicate] = {}
            added = self.added
            for index in self._by_predicate.get(predicate, ()):
                s, _, o = added[index]
                subjects = found.get(o)
                if subjects is None:
                    subjects = found[o] = {}
                subjects[s] = 1
        return found

    @property
    def osp(self) -> Index:
        if self._osp is None:
            self._osp = {}
            for s, p, o in self.added:
                self._osp.setdefault(o, {}).setdefault(s, {})[p] = 1
        return self._osp

    def add(self, triple: tuple, context: Any = None, quoted: bool = False) -> None:
        s, p, o = triple
        objects = self.spo.setdefault(s, {}).setdefault(p, {})
        if o not in objects:
            objects[o] = 1
            self.added.append((s, p, o))
            self._forget()

    def remove(self, triple_pattern: tuple, context: Any = None) -> None:
        removed = set(self.matches(*triple_pattern))
        for s, p, o in removed:
            del self.spo[s][p][o]
        self.added = [t for t in self.added if t not in removed]
        self._forget()

    def _forget(self) -> None:
        """Drops the indexes made from `added`, after a change."""
        self._by_predicate = self._osp = None
        self._pos = {}

    def triples(self, triple_pattern: tuple, context: Any = None) -> Iterator[tuple]:
        return ((t, NO_CONTEXTS) for t in self.matches(*triple_pattern))

    def matches(self, s: Any, p: Any, o: Any) -> Iterator[tuple]:
        """The triples matching a pattern (None for any), as rdflib's default store orders
        them (by subject, else predicate, else object first)."""
        if s is not None:
            by_p = self.spo.get(s)
            if not by_p:
                return
            for p2 in [p] if p is not None else list(by_p):
                objects = by_p.get(p2)
                if objects is None:
                    continue
                if o is not None:
                    if o in objects:
                        yield s, p2, o
                else:
                    for o2 in list(objects):
                        yield s, p2, o2
        elif p is not None:
            by_o = self.pos_of(p)
            if not by_o:
                return
            for o2 in [o] if o is not None else list(by_o):
                for s2 in list(by_o.get(o2, ())):
                    yield s2, p, o2
        elif o is not None:
            for s2, predicates in list(self.osp.get(o, {}).items()):
                for p2 in list(predicates):
                    yield s2, p2, o
        else:
            for s2, by_p in list(self.spo.items()):
                for p2, objects in list(by_p.items()):
                    for o2 in list(objects):
                        yield s2, p2, o2

    def __len__(self, context: Any = None) -> int:
        return len(self.added)


class DataGraph(Graph):
    """A graph on a FixedStore whose look-ups go to the store's indexes directly (each of
    rdflib's takes three generators; pyshacl makes about a million per chunk)."""

    def __init__(self, triples: Iterable[tuple]):
        self.fixed = FixedStore(triples)
        super().__init__(store=self.fixed)

    def triples(self, triple: tuple) -> Iterator[tuple]:  # type: ignore[override]
        if isinstance(triple[1], Path):
            return super().triples(triple)
        return self.fixed.matches(*triple)

    def objects(self, subject: Any = None, predicate: Any = None,  # type: ignore[override]
                unique: bool = False) -> Iterator[Any]:
        if unique or isinstance(predicate, Path) or subject is None or predicate is None:
            return super().objects(subject, predicate, unique)
        return iter(list(self.fixed.spo.get(subject, {}).get(predicate, ())))

    def subjects(self, predicate: Any = None, object: Any = None,  # type: ignore[override]
                 unique: bool = False) -> Iterator[Any]:
        if unique or isinstance(predicate, Path) or predicate is None or object is None:
            return super().subjects(predicate, object, unique)
        return iter(list(self.fixed.pos_of(predicate).get(object, ())))

    def __contains__(self, triple: Any) -> bool:
        s, p, o = triple
        if isinstance(p, Path) or s is None or p is None or o is None:
            return super().__contains__(triple)
        return o in self.fixed.spo.get(s, {}).get(p, ())
