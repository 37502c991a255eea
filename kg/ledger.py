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
(`StoredEntities`), and a passage an unchanged document lends from its remembered N-Quads
(`QuadsEvidence`). Any other change (a new name, a trace that differs, a document added,
removed, renamed or set aside, a validation error or a violation) takes the whole way
(kg/build.py), as a cold build would.
"""

from __future__ import annotations

import functools
import pickle
from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import PROV

from kg import namespaces as ns
from kg.cache import ExtractionCache, pipeline_key
from kg.graph_cache import remembered_quads, triple_line
from kg.mapping import Evidence, Mapped
from kg.pickling import read_remembered
from kg.records import Extraction
from kg.resolve import Corpus, DocumentEntry, resolve_few
from kg.store import read_only_build
from kg.validate import LOCATING, Problem

LEDGER = "ledger.pickle"
FEW_CHANGED = 20  # changed files at most for the short way; more take the whole way


@dataclass
class Ledger:
    key: str  # the pipeline key it was written under
    files: dict[str, str]  # each built file's path -> its extraction key
    documents: dict[str, tuple[str, ...]]  # document id -> its files' paths
    graph_keys: dict[str, str]  # document id -> graph key
    lent: dict[str, tuple[str, ...]]  # document id -> the entities its verdict was lent for
    problems: dict[str, tuple[Problem, ...]]  # document id -> its verdict's problems
    corpus: Corpus
    cited: dict[URIRef, str]  # entity -> the document that cites it first
    entities: tuple[str, ...]  # every entity's IRI
    entities_digest: str
    unlinked: list[tuple[str, str, str]] = field(default_factory=list)

    def __getstate__(self) -> dict:
        """Pickled small: each entity name and document id once (the lent sets and the first
        citers name them again), the first citers as two lists (rdflib checks an IRI each
        time one is unpickled)."""
        names = {name: name for name in (*self.entities, *self.documents)}
        state = dict(vars(self))
        state["entities"] = tuple(names.values())[:len(self.entities)]
        get = names.get  # called by map with each name twice: get(name, name), in C
        state["lent"] = {get(d, d): tuple(map(get, lent, lent)) for d, lent in self.lent.items()}
        cited = list(map(str, self.cited))
        state["cited"] = (tuple(map(get, cited, cited)),
                          tuple(map(get, self.cited.values(), self.cited.values())))
        return state

    def __setstate__(self, state: dict) -> None:
        if isinstance(state["cited"], tuple):
            cited, lenders = state["cited"]
            state["cited"] = dict(zip(map(_uri, cited), lenders, strict=True))
        vars(self).update(state)

    def document_of(self) -> dict[str, str]:
        return {path: document for document, paths in self.documents.items()
                for path in paths}


def read_ledger(build: Path | None) -> Ledger | None:
    if build is None:
        return None
    ledger = read_remembered(build / LEDGER, Ledger)
    return ledger if ledger is not None and ledger.key == pipeline_key() else None


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
            extractions = [x for p in paths
                           if isinstance(x := self.remembered.get(self.ledger.files[p]),
                                         Extraction)]
            if len(extractions) != len(paths):
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


class Stored:
    """A build's store, read-only, opened in the process that reads it (not inherited by a
    forked one). It keeps a literal of a type derived from xsd:integer as an xsd:integer:
    no entity description has one (tests/test_incremental.py)."""

    def __init__(self, build: Path):
        self.build = build

    def triples(self, subject: str, predicate: URIRef | None, graph: URIRef
                ) -> list[tuple]:
        found = read_only_build(self.build).quads_for_pattern(
            ox.NamedNode(subject), None if predicate is None else ox.NamedNode(str(predicate)),
            None, ox.NamedNode(str(graph)))
        return [(_uri(subject), _uri(q.predicate.value), _term(q.object)) for q in found]


class StoredMapped(Mapped):
    """A build's documents (`Entries`) and entities (`StoredEntities`); a passage an unchanged
    document lends is read from its remembered N-Quads (`QuadsEvidence`)."""

    def __init__(self, entries: Entries, entities: StoredEntities):
        super().__init__(entries=entries, entities=entities)  # type: ignore[arg-type]

    def evidence(self, document_id: str) -> Evidence:
        entries = self.entries
        if isinstance(entries, Entries) and document_id not in entries.known:
            quads = remembered_quads(entries.remembered, entries.ledger.graph_keys[document_id])
            if quads is None:
                raise LookupError(f"{document_id}: its graph is no longer remembered")
            return QuadsEvidence(document_id, quads[0])  # type: ignore[return-value]
        return super().evidence(document_id)


class QuadsEvidence:
    """`mapping.Evidence` of a document from its graph's N-Quads (as mapping made them: a
    store keeps some datatypes only as their base type): an entity's first passage there (by
    IRI), the passage's triples, and its rendering's and document's."""

    def __init__(self, document_id: str, nquads: bytes):
        self.document_id = document_id
        # a subject's lines are found when asked for (a few of a lender's): each line here
        # starts after a newline
        self.nquads = b"\n" + nquads
        self._parsed: dict[str, list[tuple]] = {}

    def _triples(self, subject: str) -> list[tuple]:
        found = self._parsed.get(subject)
        if found is None:
            found = self._parsed[subject] = self._parse(subject)
        return found

    def _parse(self, subject: str) -> list[tuple]:
        text, head = self.nquads, f"\n<{subject}> ".encode()
        lines = []
        at = text.find(head)
        while at >= 0:
            end = text.find(b"\n", at + 1)
            end = len(text) if end < 0 else end
            lines.append(text[at + 1:end])
            at = text.find(head, end)
        if not lines:
            return []
        quads = ox.parse(b"\n".join(lines), format=ox.RdfFormat.N_QUADS)
        return [(_uri(subject), _uri(q.predicate.value), _term(q.object)) for q in quads]

    def triples(self, entity: URIRef) -> list[tuple]:
        passages = [t for t in self._triples(str(entity)) if t[1] == PROV.wasDerivedFrom]
        if not passages:
            raise LookupError(f"{entity}: no passage in {self.document_id}")
        first = min(passages, key=lambda t: str(t[2]))
        found = [first, *self._triples(str(first[2]))]
        rendering = next(str(t[2]) for t in found if t[1] == PROV.wasQuotedFrom)
        for subject in (str(ns.document(self.document_id)), rendering):
            found += self._triples(subject)
        return found

    def only(self, entities: object) -> QuadsEvidence:
        return self


class StoredEntities(Mapping[URIRef, list[tuple]]):
    """Each entity's description (its triples in the entity graph), read from a build's
    store when first asked for: the current build's, whose entities are this build's while
    no changed document's trace differs."""

    def __init__(self, names: tuple[str, ...], stored: Stored):
        self.names = names
        self.stored = stored
        self.found: dict[URIRef, list[tuple]] = {}
        self._known = frozenset(names)
        self._iris: list[URIRef] | None = None

    def __getitem__(self, entity: URIRef) -> list[tuple]:
        found = self.found.get(entity)
        if found is None:
            if str(entity) not in self._known:
                raise KeyError(entity)
            found = self.found[entity] = self.stored.triples(str(entity), None,
                                                             ns.ENTITIES_GRAPH)
        return found

    def __iter__(self) -> Iterator[URIRef]:
        if self._iris is None:
            self._iris = list(map(_uri, self.names))
        return iter(self._iris)

    def __len__(self) -> int:
        return len(self.names)

    def __contains__(self, entity: object) -> bool:
        return str(entity) in self._known if isinstance(entity, URIRef) else False


_uri = functools.partial(str.__new__, URIRef)  # of an IRI that was one: not checked again


def _term(term) -> URIRef | Literal:
    """An Oxigraph term as the rdflib term mapping made it."""
    if isinstance(term, ox.NamedNode):
        return _uri(term.value)
    assert isinstance(term, ox.Literal), term
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


# ------------------------------------------------------------------------ lent passages


def lent_changed(before: DocumentEntry, after: DocumentEntry, entities: set[URIRef],
                 names: Container[str]) -> set[str]:
    """Of the entities a changed document lends its passage to (it cites them first), those
    whose lent passage a borrower's verdict reads differently: its locating triples
    (validate.LOCATING), or the entities it links to (kg/graph_cache.py, `Digests.part`)."""
    old, new = Evidence(before), Evidence(after)
    return {str(e) for e in entities if _lent(old, e, names) != _lent(new, e, names)}


def _lent(evidence: Evidence, entity: URIRef, names: Container[str]) -> tuple:
    if entity not in evidence.passages:
        return ()
    triples = evidence.triples(entity)
    return (sorted(triple_line(t) for t in triples if t[1] in LOCATING),
            sorted(str(t[2]) for t in triples if isinstance(t[2], URIRef)
                   and str(t[2]) in names))

