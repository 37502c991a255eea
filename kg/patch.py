"""A rebuild that patches a copy of the current store instead of loading every graph again.

A cold build loads every document's named graph (with what it implies, into
`graph/inferred`), then the shared graphs (ontology, registers, entities, alignment, with
what they imply and the ontology's closure), drops from `graph/inferred` what another graph
states (kg/reason.py, drop_stated) and adds what the derivations construct (kg/derive.py).
So `graph/inferred` holds each triple some source implies and no graph states, and each
derived triple. A build writes beside its store a manifest of what it loaded:

    manifest.pickle   Manifest: each document's graph key (kg/graph_cache.py), how many
                      sources imply each inferred triple (by its digest, kg/support.py:
                      two buffers, read without an object per triple), what the shared
                      graphs imply, what the derivations constructed, each shared graph's
                      digest, and the store's named graphs

A rebuild copies the current store (Oxigraph's backup: hard links, no copying) and changes
only what differs: the named graphs of changed, added and removed documents, the shared
graphs' changed triples, and, in `graph/inferred`, each triple one of these implies or
states, decided again by the rule above; then it derives again (or, when no triple the
derivations read changed, takes what they derived before). The previous build's derived
triples stay where they are meanwhile, unless the derivations read their predicates; a
derived triple they no longer construct is decided again by the rule.
What it holds is therefore the cold build's (tests/test_incremental.py compares the
exports). The copy is not used (the build loads everything, as a cold one) when there is no
manifest, it was written by other code, registers, ontology or derivations, the current
store's named graphs (those of its copy) differ from the manifest's, or a replaced document's
old graph is no longer remembered.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg import derive, reason
from kg import namespaces as ns
from kg.cache import ExtractionCache, pipeline_key
from kg.graph_cache import DocumentGraph, remembered_quads, triple_line
from kg.pickling import read_remembered
from kg.store import quads, read_only_build
from kg.support import Support, Tally

MANIFEST = "manifest.pickle"
INFERRED = ox.NamedNode(str(ns.INFERRED_GRAPH))
Loaded = Sequence[tuple[str, str, DocumentGraph]]  # (document id, graph key, its graph)


@dataclass
class Manifest:
    key: str  # the code, registers, ontology and derivations it was built with
    documents: dict[str, str]  # document id -> graph key
    support: Support  # inferred triple's support_key -> how many sources imply it
    shared: frozenset[bytes]  # what the shared graphs imply (one source)
    derived: frozenset[bytes]  # what the derivations constructed
    digests: dict[str, str]  # shared graph -> digest of its quads
    graphs: frozenset[str] = frozenset()  # the store's named graphs
    counts: dict[str, int] = field(default_factory=dict)  # its entities and quads (kg/counts.py)
    inferred: int = 0  # the triples `graph/inferred` holds (0: not known)

    def __getstate__(self) -> dict:
        """The triple keys of `shared` and `derived` pickled as one text each, a key a line
        (a key is an N-Triples line: no newline in it), not an object each: a rebuild reads
        and writes the manifest once each, with some 10^5 keys at 10 000 documents."""
        state = dict(vars(self))
        state["shared"] = b"\n".join(self.shared)
        state["derived"] = b"\n".join(self.derived)
        return state

    def __setstate__(self, state: dict) -> None:
        for name in ("shared", "derived"):
            if isinstance(state[name], bytes):
                state[name] = frozenset(state[name].split(b"\n")) if state[name] else \
                    frozenset()
        vars(self).update(state)


def manifest_key() -> str:
    digest = hashlib.sha256(pipeline_key().encode())
    for query in derive.derivations():
        digest.update(query.name.encode() + hashlib.sha256(query.read_bytes()).digest())
    return digest.hexdigest()


def triple_keys(nquads: bytes) -> list[bytes]:
    """Each quad of canonical N-Quads (Oxigraph's serialisation, one quad a line) as its
    triple: the line without its graph name (an IRI, so without spaces) and final dot."""
    return [line.rsplit(b" ", 2)[0] for line in nquads.splitlines() if line]


def support_key(triple_key: bytes) -> bytes:
    """What the support counter keys a triple by: 16 bytes of its digest instead of its
    N-Triples line (a build counts one for every triple it infers, 2.3 million at ten
    thousand documents, and holds the counter to the end)."""
    return hashlib.blake2b(triple_key, digest_size=16).digest()


def support_keys(triple_keys: Iterable[bytes]) -> list[bytes]:
    return [support_key(key) for key in triple_keys]


KEYS_BATCH = 50_000  # quads serialized at a time (`quad_keys`)


def quad_keys(quads: Iterable[ox.Quad]) -> list[bytes]:
    """`triple_keys` of the quads, serialized a batch at a time (not all of what the shared
    graphs imply as one text)."""
    keys: list[bytes] = []
    batch: list[ox.Quad] = []
    for quad in quads:
        batch.append(quad)
        if len(batch) >= KEYS_BATCH:
            keys += triple_keys(ox.serialize(batch, format=ox.RdfFormat.N_QUADS) or b"")
            batch = []
    if batch:
        keys += triple_keys(ox.serialize(batch, format=ox.RdfFormat.N_QUADS) or b"")
    return keys


def _triple(key: bytes) -> ox.Triple:
    (parsed,) = ox.parse(key + b" .\n", format=ox.RdfFormat.N_TRIPLES)
    return parsed.triple


def _named_graphs(store: ox.Store) -> frozenset[str]:
    return frozenset(graph.value for graph in store.named_graphs())


def digest(triples: Iterable[tuple]) -> str:
    """Of a shared graph's rdflib triples, in any order (a rebuild converts to Oxigraph's
    terms only the graphs whose digest changed)."""
    return hashlib.sha256("\n".join(sorted(map(triple_line, triples))).encode()).hexdigest()


def _digest(triples: list[tuple], name: URIRef, known: Mapping[str, str] | None) -> str:
    """A shared graph's digest: given (the entity graph's, from its descriptions), else
    computed."""
    return known[str(name)] if known and str(name) in known else digest(triples)


def read_manifest(build: Path) -> Manifest | None:
    return read_remembered(build / MANIFEST, Manifest)


def write_manifest(build: Path, manifest: Manifest) -> None:
    with (build / MANIFEST).open("wb") as handle:
        pickle.dump(manifest, handle, protocol=pickle.HIGHEST_PROTOCOL)


def copy_current(current: Path | None, partial: Path) -> Manifest | None:
    """Copy the current build's store to `partial` and return its manifest, or None (and
    no copy) when the copy cannot be trusted."""
    if current is None:
        return None
    manifest = read_manifest(current)
    if manifest is None or manifest.key != manifest_key():
        return None
    try:
        source = read_only_build(current)
        source.backup(str(partial))  # a checkpoint: the copy holds what the source does
        if _named_graphs(source) == manifest.graphs:
            return manifest
    except OSError:
        pass
    shutil.rmtree(partial, ignore_errors=True)
    return None


# --------------------------------------------------------------------------- loading


@dataclass
class FullLoad:
    """A round that loads every document graph into an empty store (a cold build's)."""

    store: ox.Store
    documents: dict[str, str] = field(default_factory=dict)
    support: Tally = field(default_factory=Tally)
    shared: frozenset[bytes] = frozenset()
    digests: dict[str, str] = field(default_factory=dict)

    def __call__(self, loaded: Loaded) -> None:
        # each graph's two parts as they are (joined first, a chunk was held twice over)
        for batch in _batches([part for _, _, g in loaded for part in (g.nquads, g.implied)]):
            load_own_nquads(self.store, batch)
        for document, key, graph in loaded:
            self.documents[document] = key
            self.support.update(support_keys(triple_keys(graph.implied)))

    def finish(self, shared: Sequence[tuple[list[tuple], URIRef]],
               shared_implied: Callable[[], Iterable[ox.Quad]],
               known: Mapping[str, str] | None = None) -> int:
        """Load the shared graphs and what they imply, drop what a graph states; the
        number of triples `graph/inferred` holds (`known`: digests already computed, by
        graph name)."""
        for triples, name in shared:
            _extend(self.store, quads(triples, name))
            self.digests[str(name)] = _digest(triples, name, known)
        self.shared = _extend_keyed(self.store, shared_implied())
        self.support.update(support_keys(self.shared))
        return reason.drop_stated(self.store)


EXTEND_BATCH = 100_000  # quads handed to Oxigraph's bulk loader at a time (`_extend`)


def _extend(store: ox.Store, found: Iterable[ox.Quad]) -> None:
    """Add the quads a batch at a time: `bulk_extend` holds all it is given, and its loader
    several times that, at once (the entity graph alone is some 840 000 quads at ten
    thousand documents)."""
    batch: list[ox.Quad] = []
    for quad in found:
        batch.append(quad)
        if len(batch) >= EXTEND_BATCH:
            store.bulk_extend(batch)
            batch = []
    if batch:
        store.bulk_extend(batch)


def _extend_keyed(store: ox.Store, found: Iterable[ox.Quad]) -> frozenset[bytes]:
    """`_extend`, and the quads' `triple_keys`, a batch at a time: neither the quads nor
    their N-Quads are held all at once (what the shared graphs imply is some 100 000 quads
    a thousand documents: as a set of Oxigraph quads, with their keys beside it, it was a
    third of reasoning's peak in the build process)."""
    keys: set[bytes] = set()
    batch: list[ox.Quad] = []
    for quad in found:
        batch.append(quad)
        if len(batch) >= KEYS_BATCH:
            store.bulk_extend(batch)
            keys.update(triple_keys(ox.serialize(batch, format=ox.RdfFormat.N_QUADS) or b""))
            batch = []
    if batch:
        store.bulk_extend(batch)
        keys.update(triple_keys(ox.serialize(batch, format=ox.RdfFormat.N_QUADS) or b""))
    return frozenset(keys)


def load_own_nquads(store: ox.Store, nquads: bytes) -> None:
    """Load document graphs' N-Quads, which Oxigraph itself wrote from its own terms (the
    validation workers' `ox.serialize`, or the same bytes remembered): the loader's checks of
    every IRI and literal again are skipped (`lenient`; a tenth of its CPU)."""
    store.bulk_load(nquads, ox.RdfFormat.N_QUADS, lenient=True)


LOAD_BATCH_BYTES = 8 << 20


def _batches(parts: list[bytes]) -> Iterable[bytes]:
    """The parts joined into batches of about LOAD_BATCH_BYTES: Oxigraph's bulk loader
    holds several times its input in memory while it sorts it, so a chunk of documents is
    loaded a few megabytes at a time."""
    batch: list[bytes] = []
    size = 0
    for part in parts:
        batch.append(part)
        size += len(part)
        if size >= LOAD_BATCH_BYTES:
            yield b"".join(batch)
            batch, size = [], 0
    if batch:
        yield b"".join(batch)


@dataclass
class PatchLoad:
    """A round over a copy of the previous build's store: remembers which documents differ
    from the manifest's, and applies the difference once validation passed."""

    store: ox.Store
    manifest: Manifest
    remembered: ExtractionCache
    documents: dict[str, str] = field(default_factory=dict)
    changed: dict[str, DocumentGraph] = field(default_factory=dict)
    old: dict[str, DocumentGraph] = field(default_factory=dict)
    lean = True  # recalled graphs come without their N-Quads (kg/graph_cache.py)
    broken: bool = False  # an old graph is not remembered: the round must load everything
    support: Support = field(default_factory=Support)
    shared: frozenset[bytes] = frozenset()
    digests: dict[str, str] = field(default_factory=dict)
    changed_triples: set[bytes] = field(default_factory=set)  # added to or removed from a graph
    differ: set[bytes] = field(default_factory=set)  # these were, or more (`derive_again`)
    stated_changed: set[bytes] = field(default_factory=set)  # in a document or shared graph
    flipped: dict[bytes, bool] = field(default_factory=dict)  # in `graph/inferred`: now there?
    inferred_change: int = 0  # triples added to `graph/inferred` less those removed
    quads: int = 0  # how many the store holds, when the manifest counted them (else 0)

    def __call__(self, loaded: Loaded) -> None:
        for document, key, graph in loaded:
            self.documents[document] = key
            if self.manifest.documents.get(document) != key:
                self.changed[document] = self._with_quads(key, graph)
                self._old(document)

    def _with_quads(self, key: str, graph: DocumentGraph, peek: bool = False
                    ) -> DocumentGraph:
        if graph.nquads:
            return graph
        quads = remembered_quads(self.remembered, key, peek)
        if quads is None:
            self.broken = True
            return graph
        return replace(graph, nquads=quads[0], implied=quads[1])

    def _old(self, document: str) -> None:
        key = self.manifest.documents.get(document)
        if key is not None:
            self.old[document] = self._with_quads(key, DocumentGraph(b"", b"", (), frozenset(),
                                                                     frozenset(), ""), peek=True)

    def ready(self) -> bool:
        """Whether the old graph of every changed or removed document is remembered (else
        the copy cannot be patched)."""
        for document in self.manifest.documents.keys() - self.documents.keys():
            self._old(document)
        return not self.broken

    def finish(self, shared: Sequence[tuple[list[tuple], URIRef]],
               shared_implied: Callable[[], Iterable[ox.Quad]],
               known: Mapping[str, str] | None = None) -> int:
        """Replace what changed; the number of triples `graph/inferred` holds. What the
        shared graphs imply is the manifest's while they are unchanged (the ontology's
        closure and the rules are the manifest key's)."""
        assert not self.broken
        self.quads = self.manifest.counts.get("quads", 0)
        candidates = self._replace_documents()
        for triples, name in shared:
            self.digests[str(name)] = _digest(triples, name, known)
            if self.digests[str(name)] != self.manifest.digests.get(str(name)):
                candidates |= self._replace_graph(set(quads(triples, name)),
                                                  ox.NamedNode(str(name)))
        implied = self.manifest.shared if self.digests == self.manifest.digests else \
            frozenset(quad_keys(set(shared_implied())))
        base = self.manifest.support.sealed()
        support = Support(base.keys, base.counts)  # the changes apart from the manifest's
        for graph in self.old.values():
            support.subtract(support_keys(triple_keys(graph.implied)))
        for graph in self.changed.values():
            support.update(support_keys(triple_keys(graph.implied)))
        if implied != self.manifest.shared:
            support.subtract(support_keys(self.manifest.shared))
            support.update(support_keys(implied))
        self.support = support  # a triple no source implies any longer counts 0
        self.shared = implied
        candidates = {key for key in candidates if support_key(key) in self.support}
        candidates |= self.manifest.shared ^ implied
        if not self.derived_kept():
            candidates |= self.manifest.derived
        for graph in (*self.old.values(), *self.changed.values()):
            candidates.update(triple_keys(graph.implied))
        self.decide(candidates)
        self.changed_triples = self.stated_changed | self.flipped.keys()  # see `settle`
        if self.manifest.inferred:  # only `decide` changed `graph/inferred`
            return self.manifest.inferred + self.inferred_change
        return _count(self.store)

    def derived_kept(self) -> bool:
        """Whether the previous build's derived triples may stay in `graph/inferred` while
        the derivations run again: when they read none of the predicates these have, they
        construct over the copy what they would over a store without them. Else each is
        decided again (taken out unless a source implies it) before they run, as in a cold
        build. Kept, they are not taken out and put back by every rebuild (259 at 1 000
        documents, a last contact per partner)."""
        read = derive.predicates_read()
        return read is not None and \
            not any(_predicate(key) in read for key in self.manifest.derived)

    def dropped_derived(self) -> set[bytes]:
        """The previous build's derived triples that `decide` took out of `graph/inferred`."""
        derived = self.manifest.derived
        return {key for key, there in self.flipped.items() if not there and key in derived}

    def _replace_documents(self) -> set[bytes]:
        """Drop the old graphs of changed and removed documents and load the new ones; the
        triples they state."""
        stated: set[bytes] = set()
        for document, graph in self.old.items():
            name = ox.NamedNode(str(ns.document_graph(document)))
            self.quads -= _size(self.store, name)
            self.store.remove_graph(name)
            stated.update(triple_keys(graph.nquads))
        for document in self.old.keys() | self.changed.keys():  # each graph's difference
            before, after = self.old.get(document), self.changed.get(document)
            self.stated_changed |= set(triple_keys(before.nquads) if before else ()) ^ \
                set(triple_keys(after.nquads) if after else ())
        self.differ |= self.stated_changed
        new = b"".join(graph.nquads for graph in self.changed.values())
        if new:
            load_own_nquads(self.store, new)
            stated.update(triple_keys(new))
            self.quads += sum(_size(self.store, ox.NamedNode(str(ns.document_graph(d))))
                              for d in self.changed)
        return stated

    def _replace_graph(self, quads: set[ox.Quad], name: ox.NamedNode) -> set[bytes]:
        """Make a shared graph hold these quads; the triples added or removed."""
        old = set(self.store.quads_for_pattern(None, None, None, name))
        gone, added = old - quads, quads - old
        for quad in gone:
            self.store.remove(quad)
        self.store.extend(added)
        self.quads += len(added) - len(gone)
        changed = set(quad_keys(gone | added))
        self.differ |= changed
        self.stated_changed |= changed
        return changed

    def decide(self, candidates: Iterable[bytes]) -> None:
        """Each candidate is in `graph/inferred` when a source implies it and no other graph
        states it (the derivations add theirs afterwards)."""
        for key in candidates:
            triple = _triple(key)
            quad = ox.Quad(triple.subject, triple.predicate, triple.object, INFERRED)
            wanted = self.support.get(support_key(key), 0) > 0 and \
                not _stated(self.store, triple)
            if wanted and quad not in self.store:
                self.store.add(quad)
                self.quads += 1
                self.inferred_change += 1
                self.differ.add(key)
                self.flipped[key] = True
            elif not wanted and quad in self.store:
                self.store.remove(quad)
                self.quads -= 1
                self.inferred_change -= 1
                self.differ.add(key)
                self.flipped[key] = False

    def settle(self, derived_added: set[bytes]) -> None:
        """What the patch changed, once the derivations added theirs (`derived_added`): the
        triples added to or removed from some graph, for the violation checks and the counts
        (`touched_nodes`). Not every triple of a replaced graph: a document's triples that its
        old graph held too were removed and loaded again, unchanged; nor a derived triple that
        was taken out of `graph/inferred` and put back."""
        changed = set(self.stated_changed)
        for key, there in self.flipped.items():
            if (there or key in derived_added) == there:  # not as before the patch
                changed.add(key)
        self.changed_triples = changed | (derived_added - self.flipped.keys())

    def derive_again(self) -> bool:
        """Whether a triple the derivations read (by its predicate) was added to or removed
        from some graph: if not, they construct what they did for the previous build."""
        read = derive.predicates_read()
        return read is None or any(_predicate(key) in read for key in self.differ)


def _predicate(key: bytes) -> str:
    """The predicate IRI of a triple key (`triple_keys`)."""
    return key.split(b" ", 2)[1][1:-1].decode()


def _stated(store: ox.Store, triple: ox.Triple) -> bool:
    return any(quad.graph_name != INFERRED and isinstance(quad.graph_name, ox.NamedNode)
               for quad in store.quads_for_pattern(triple.subject, triple.predicate,
                                                   triple.object, None))


def _size(store: ox.Store, graph: ox.NamedNode) -> int:
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))


def _count(store: ox.Store) -> int:
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{INFERRED.value}> "
                         "{ ?s ?p ?o } }")
    assert isinstance(result, ox.QuerySolutions)
    return int(next(iter(result))["n"].value)


def finish_derived(store: ox.Store, loading: FullLoad | PatchLoad, inferred: int
                   ) -> tuple[int, Manifest]:
    """Run the derivations; the number of triples `graph/inferred` holds after them, and
    the manifest of the build."""
    derived_keys: frozenset[bytes] | None = None
    if isinstance(loading, PatchLoad) and not loading.derive_again():
        # the previous build's: all of them are still in `graph/inferred` but those the
        # patch took out (a cold build adds each one not already there)
        derived_keys = loading.manifest.derived
        added_keys = loading.dropped_derived()
        added = [ox.Quad(t.subject, t.predicate, t.object, INFERRED)
                 for t in map(_triple, sorted(added_keys))]
    else:
        derived = derive.derived_quads(store)
        if isinstance(loading, PatchLoad) and loading.derived_kept():
            change = loading.inferred_change
            derived_keys = frozenset(quad_keys(derived))
            loading.decide(loading.manifest.derived - derived_keys)  # derived no longer
            inferred += loading.inferred_change - change
        added = [quad for quad in derived if quad not in store]
        added_keys = set(quad_keys(added))
        if derived_keys is None:
            derived_keys = frozenset(quad_keys(derived))
    store.extend(added)
    if isinstance(loading, PatchLoad):
        loading.settle(added_keys)
    support = loading.support.sealed()
    manifest = Manifest(manifest_key(), dict(loading.documents), support,
                        loading.shared, derived_keys, dict(loading.digests))
    if isinstance(loading, PatchLoad):
        loading.quads += len(added)
    manifest.inferred = inferred + len(added)
    return manifest.inferred, manifest


def touched_nodes(loading: FullLoad | PatchLoad) -> set[str] | None:
    """The IRIs a patch touched: the subject and IRI object of each triple it added to or
    removed from some graph, as N-Triples terms; None when everything was loaded, or when
    a touched node is a blank node (it cannot be named in a query: check everything)."""
    if not isinstance(loading, PatchLoad):
        return None
    nodes: set[str] = set()
    for key in loading.changed_triples:
        subject, _, rest = key.partition(b" ")
        _, _, value = rest.partition(b" ")
        for term in (subject, value):
            if term.startswith(b"_:"):
                return None
            if term.startswith(b"<"):
                nodes.add(term.decode())
    return nodes


def seal(store: ox.Store, manifest: Manifest) -> Manifest:
    """The manifest, with the named graphs of the finished store."""
    manifest.graphs = _named_graphs(store)
    return manifest
