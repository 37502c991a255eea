"""What a build remembers of the corpus as a whole, so that a rebuild after a few documents
changed reads, resolves and validates only what the change reaches (issue 9).

    ledger.pickle   Ledger, beside the build's store and manifest (kg/patch.py)

It holds what the cross-document steps made of the whole corpus and what each document's
graph and verdict depend on beyond the document itself:

- the corpus-wide tables that resolving one document reads (kg/resolve.py, `Corpus`: the
  people's names and posts), so a document can be resolved again without the others;
- each file's extraction key, each document's files, graph key (kg/graph_cache.py), the
  verdict's problems and the entities it was lent a passage for;
- which document first cites each entity (the lender of its passage), the entities' names,
  the entity graph's digest and the entities no register knows.

A rebuild in which only a few files changed (none added or removed) resolves each changed
document twice, as it was and as it is, among the remembered tables (`resolve_few`). When
the two traces are equal, the document gives the corpus-wide tables exactly what it gave, so
every other document resolves as before and every entity is described as before: the
changed documents alone are mapped and validated, and so are the documents that borrow a
passage whose locating triples changed (`lent_changed`). The other documents' graphs and
verdicts are the ones remembered, and their extractions are not read at all; an entity's
description, when validation needs it, is read from the current build's entity graph
(`StoredEntities`). Any other change (a trace that differs, a document added, removed,
renamed or set aside) takes the whole way (kg/build.py), as a cold build would.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from kg import namespaces as ns
from kg.cache import ExtractionCache, pipeline_key
from kg.graph_cache import triple_line
from kg.mapping import Evidence
from kg.records import Extraction
from kg.resolve import Corpus, DocumentEntry, resolve_few
from kg.validate import LOCATING, Problem

LEDGER = "ledger.pickle"
FEW_CHANGED = 20  # changed files at most for the short way; more take the whole way


@dataclass
class Ledger:
    key: str  # the pipeline key it was written under
    files: dict[str, str]  # each built file's path -> its extraction key
    documents: dict[str, tuple[str, ...]]  # document id -> its files' paths
    graph_keys: dict[str, str]  # document id -> graph key
    lent: dict[str, frozenset[str]]  # document id -> the entities its verdict was lent for
    problems: dict[str, tuple[Problem, ...]]  # document id -> its verdict's problems
    corpus: Corpus
    cited: dict[URIRef, str]  # entity -> the document that cites it first
    entities: tuple[str, ...]  # every entity's IRI
    entities_digest: str
    unlinked: list[tuple[str, str, str]] = field(default_factory=list)

    def document_of(self) -> dict[str, str]:
        return {path: document for document, paths in self.documents.items()
                for path in paths}


def read_ledger(build: Path | None) -> Ledger | None:
    if build is None:
        return None
    try:
        with (build / LEDGER).open("rb") as handle:
            ledger = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            TypeError, ValueError):
        return None
    return ledger if isinstance(ledger, Ledger) and ledger.key == pipeline_key() else None


def write_ledger(build: Path, ledger: Ledger) -> None:
    with (build / LEDGER).open("wb") as handle:
        pickle.dump(ledger, handle, protocol=pickle.HIGHEST_PROTOCOL)


# --------------------------------------------------------------------------- documents


class Entries(Mapping[str, DocumentEntry]):
    """Every document's resolved entry by id, in the ledger's order: the changed ones as
    resolved, the others resolved again among the remembered tables when asked for (a
    lender's passages, a borrower validated again)."""

    def __init__(self, ledger: Ledger, remembered: ExtractionCache,
                 known: dict[str, DocumentEntry]):
        self.ledger, self.remembered = ledger, remembered
        self.known = dict(known)
        self.order = sorted(ledger.documents)

    def __getitem__(self, document_id: str) -> DocumentEntry:
        found = self.known.get(document_id)
        if found is None:
            paths = self.ledger.documents[document_id]
            extractions = [self.remembered.get(self.ledger.files[p]) for p in paths]
            if not all(isinstance(x, Extraction) for x in extractions):
                raise LookupError(f"{document_id}: its extraction is no longer remembered")
            found = resolve_few(extractions, self.ledger.corpus).documents[document_id]
            self.known[document_id] = found
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.order)

    def __len__(self) -> int:
        return len(self.order)

    def __contains__(self, document_id: object) -> bool:
        return document_id in self.ledger.documents


# ---------------------------------------------------------------------------- entities

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class StoredEntities(Mapping[URIRef, list[tuple]]):
    """Each entity's description (its triples in the entity graph), read from a build's
    store when first asked for: the current build's, whose entities are this build's while
    no changed document's trace differs."""

    def __init__(self, names: tuple[str, ...], build: Path):
        self.names = names
        self.build = build
        self.found: dict[URIRef, list[tuple]] = {}
        self._known = frozenset(names)
        self._store: tuple[int, ox.Store] | None = None

    def _read(self) -> ox.Store:
        if self._store is None or self._store[0] != os.getpid():  # not a forked one's
            self._store = (os.getpid(), ox.Store.read_only(str(self.build)))
        return self._store[1]

    def __getitem__(self, entity: URIRef) -> list[tuple]:
        found = self.found.get(entity)
        if found is None:
            if str(entity) not in self._known:
                raise KeyError(entity)
            graph = ox.NamedNode(str(ns.ENTITIES_GRAPH))
            found = self.found[entity] = [
                (entity, URIRef(q.predicate.value), _term(q.object))
                for q in self._read().quads_for_pattern(ox.NamedNode(str(entity)), None, None,
                                                        graph)]
        return found

    def __iter__(self) -> Iterator[URIRef]:
        return (URIRef(name) for name in self.names)

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, entity: object) -> bool:
        return str(entity) in self._known if isinstance(entity, URIRef) else False


def _term(term) -> URIRef | Literal:
    """An Oxigraph term as the rdflib term mapping made it."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    assert isinstance(term, ox.Literal), term
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


# ------------------------------------------------------------------------ lent passages


def lent_changed(before: DocumentEntry, after: DocumentEntry, entities: set[URIRef],
                 names: Mapping[str, object]) -> set[str]:
    """Of the entities a changed document lends its passage to (it cites them first), those
    whose lent passage a borrower's verdict reads differently: its locating triples
    (validate.LOCATING), or the entities it links to (kg/graph_cache.py, `Digests.part`)."""
    old, new = Evidence(before), Evidence(after)
    return {str(e) for e in entities if _lent(old, e, names) != _lent(new, e, names)}


def _lent(evidence: Evidence, entity: URIRef, names: Mapping[str, object]) -> tuple:
    if entity not in evidence.passages:
        return ()
    triples = evidence.triples(entity)
    return (sorted(triple_line(t) for t in triples if t[1] in LOCATING),
            sorted(str(t[2]) for t in triples if isinstance(t[2], URIRef)
                   and str(t[2]) in names))

