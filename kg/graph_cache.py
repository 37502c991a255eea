"""What mapping and validation made of each document, remembered between builds.

A document's graph is a function of its resolved entry (kg/resolve.py: its extraction with
the IRIs resolution gave the persons, posts and agreements it names, and anything else
resolution decided for it; `graph_key` hashes what the entry is made from); its verdict is
a function of that graph and of what validating it brings in (kg/validate.py, EntityContext:
the descriptions of the entities it reaches, and, of a passage lent from elsewhere for an
entity it gives none of, the triples that type and locate it). So a document is remembered as

    graph-<hash of its entry>  ->  DocumentGraph(verdict, what the verdict read)
    quads-<hash of its entry>  ->  its N-Quads, and what it implies

in the store's cache (kg/cache.py, under the pipeline key: the code, registers, ontology and
shapes). A rebuild takes a document's N-Quads and verdict from there when its entry is
unchanged and the entities it reaches are described as they were; otherwise it maps and
validates the document again. What is remembered is what a cold build computes, so a
rebuild's graph is the cold build's.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from rdflib import Literal, URIRef

from kg.cache import ExtractionCache, pipeline_key
from kg.mapping import Mapped
from kg.resolve import DocumentEntry
from kg.validate import EntityContext, Problem, seeds


@dataclass(frozen=True)
class Reached:
    """The entities a document's validation brought in (sorted names: those its graph gives
    a passage of, and those it does not), and the entities its own nodes name (`seeds`).
    The walk that finds them only follows links within the entities' parts
    (Digests.part), so while the seeds are the same and every part is unchanged, the same
    walk would find the same entities: a rebuild checks a verdict without walking again."""

    own: tuple[str, ...]
    lent: tuple[str, ...]
    seeds: frozenset[str]


@dataclass(frozen=True)
class DocumentGraph:
    """A document's named graph and verdict, with what the verdict depends on beyond it."""

    nquads: bytes  # its named graph
    implied: bytes  # what its graph implies (kg/reason.py), as quads of graph/inferred
    problems: tuple[Problem, ...]
    nodes: frozenset[str]  # the IRIs in its graph, from which its validation reaches entities
    has_passage: frozenset[str]  # the IRIs its graph gives a passage of
    context: str  # a digest of what its validation brought in (context_digest)
    reached: Reached = Reached((), (), frozenset())  # the entities it brought in


def graph_key(entry: DocumentEntry) -> str:
    """Equal entries give equal keys, without hashing the whole entry (its passages and
    records: a second per thousand documents). An entry holds its renderings' extractions
    (their events' records, passages) and what resolution decided for them. Each extraction
    is a function of the file's bytes, path and metadata under the pipeline key
    (kg/cache.py): its RenderingMeta (sha256 of the bytes, name, path) and DocumentMeta, in
    the entry. Resolution decides the document's id (in its meta), the IRIs of the entities
    its events and evidence name, and an event's ministries when the text names none
    (kg/resolve.py); everything else in the entry follows from the extractions alone."""
    digest = hashlib.sha256(pipeline_key().encode())
    digest.update(repr((entry.meta, entry.renderings, entry.sources)).encode())
    for event in entry.events:
        digest.update("\n".join(["", event.iri, *event.participants, "", *event.posts, "",
                                  *event.agreements, repr(event.record.ministries)]).encode())
    digest.update("\n".join(["", *(entity for entity, _ in entry.evidence)]).encode())
    return f"graph-{digest.hexdigest()}"


class Digests:
    """The digest of what validating a document brings in, from the entities it reaches;
    each entity's part is computed once per build."""

    def __init__(self, context: EntityContext):
        self.context = context
        self._parts = (_Parts(self, True), _Parts(self, False))
        self._names = frozenset(context.entities)
        self._shared = frozenset(context.shared_entities())

    def walk(self, nodes: frozenset[str], has_passage: frozenset[str]) -> Reached:
        """The entities validating a graph of these nodes brings in (EntityContext.reached)."""
        found = self.context.reached(nodes, has_passage)
        return Reached(tuple(sorted(n for n, own in found.items() if own)),
                       tuple(sorted(n for n, own in found.items() if not own)),
                       self.seeds(nodes))

    def seeds(self, nodes: frozenset[str]) -> frozenset[str]:
        """Where the walk from these nodes starts: the entities they name, and those every
        validation sees."""
        return (nodes & self._names) | self._shared

    def context_digest(self, nodes: frozenset[str], has_passage: frozenset[str]) -> str:
        return self.digest(self.walk(nodes, has_passage))

    def digest(self, reached: Reached) -> str:
        """The digest of the reached entities' parts (KeyError: one is no longer there)."""
        own, lent = self._parts
        return hashlib.sha256(b"".join([*map(own.__getitem__, reached.own),
                                        *map(lent.__getitem__, reached.lent)])).hexdigest()

    def still(self, reached: Reached) -> str | None:
        """The digest of what the same walk would bring in now, if it would start from the
        same entities (`nodes`' seeds equal `reached.seeds`: the caller checks), else None."""
        try:
            return self.digest(reached)
        except KeyError:
            return None

    def part(self, name: str, own: bool) -> bytes:
        """An entity's description as validation reads it, and the entities the walk goes
        on to from it (its links, and those of a passage lent to it: the lender's document
        and its Land, say), hashed."""
        depended = self.context.depended(name, own)
        description = self.context.mapped.entities[self.context.entities[name]]
        lent = sorted(map(triple_line, depended[len(description):]))
        links = sorted(self.context.links(name, own))
        described = description_digest(self.context.mapped, self.context.entities[name]).hex()
        text = "\n".join([described, *lent, "", *links]) + "\n\n"
        return hashlib.sha256(text.encode()).digest()


def description_text(entity: URIRef, triples: list) -> str:
    """An entity's own triples as text: its name, then a line a triple, sorted."""
    return "\n".join([str(entity), *sorted(map(triple_line, triples)), ""])


def description_digest(mapped: Mapped, entity: URIRef) -> bytes:
    """The sha256 of an entity's description as text (`description_text`), made once a
    build: an entity is reached both with and without a passage of its own, and the entity
    graph's digest reads it too. Only the digest is kept: the texts of every entity, held
    from validation's first key to reasoning, were some 20 MB a thousand documents (about
    200 MB of the build process at ten thousand, at map+validate+load's peak)."""
    triples = mapped.entities[entity]
    found = mapped.described.get(entity)
    if found is None or found[0] is not triples or found[1] != len(triples):  # replaced
        text = description_text(entity, triples)
        found = mapped.described[entity] = (triples, len(triples),
                                            hashlib.sha256(text.encode()).digest())
    return found[2]


def entities_digest(mapped: Mapped) -> str:
    """The digest of the entity graph (its triples are the entities' descriptions, each
    under its subject), from the descriptions' digests the verdicts' digests made."""
    digest = hashlib.sha256()
    for entity in sorted(mapped.entities, key=str):
        digest.update(description_digest(mapped, entity))
    return digest.hexdigest()


class _Parts(dict[str, bytes]):
    """Each entity's part (Digests.part), computed when first asked for."""

    def __init__(self, digests: Digests, own: bool):
        super().__init__()
        self.digests, self.own = digests, own

    def __missing__(self, name: str) -> bytes:
        if name not in self.digests.context.entities:
            raise KeyError(name)
        part = self[name] = self.digests.part(name, self.own)
        return part


class GraphMemory:
    """Recall and remember documents' graphs for one build (`remembered` None: neither)."""

    def __init__(self, remembered: ExtractionCache | None, context: EntityContext):
        self.remembered = remembered
        self.digests = Digests(context)
        self.entries = context.mapped.entries
        self._keys: dict[str, str] = {}

    def key(self, document_id: str) -> str:
        """The document's graph key (computed once a build)."""
        if document_id not in self._keys:
            self._keys[document_id] = graph_key(self.entries[document_id])
        return self._keys[document_id]

    def held(self, document_id: str) -> bool:
        """Whether something is remembered under the document's graph key (a changed or new
        document has nothing: it is validated at once)."""
        return self.remembered is not None and self.remembered.has(self.key(document_id))

    def describe(self, triples: list[tuple], problems: list[Problem], nquads: bytes,
                 implied: bytes = b"", seeded: tuple[set[str], set[str]] | None = None
                 ) -> DocumentGraph:
        """What to remember of a document just mapped and validated (`seeded`: the
        triples' `seeds`, if the caller has them)."""
        nodes, has_passage = map(frozenset, seeded or seeds(triples))
        reached = self.digests.walk(nodes, has_passage)
        return DocumentGraph(nquads, implied, tuple(problems), nodes, has_passage,
                             self.digests.digest(reached), reached)

    def recall(self, document_id: str, with_quads: bool = True) -> DocumentGraph | None:
        """The remembered graph and verdict, if still valid; without `with_quads`, its
        N-Quads are left where they are (empty here: a patched rebuild does not need an
        unchanged document's), though kept for the next build."""
        if self.remembered is None:
            return None
        key = self.key(document_id)
        known = self.remembered.get(key)
        if not isinstance(known, DocumentGraph) or not self.unchanged(known):
            return None
        if not with_quads:
            self.remembered.used.add(quads_key(key))
            return known
        quads = remembered_quads(self.remembered, key)
        return None if quads is None else replace(known, nquads=quads[0], implied=quads[1])

    def unchanged(self, known: DocumentGraph) -> bool:
        """Whether validating the graph would bring in what it did: the walk from its nodes
        starts from the same entities, and the parts of those it reached are unchanged."""
        return known.reached.seeds == self.digests.seeds(known.nodes) and \
            known.context == self.digests.still(known.reached)

    def remember(self, document_id: str, graph: DocumentGraph) -> None:
        """Its verdict and its N-Quads apart: most rebuilds read only the verdicts."""
        if self.remembered is not None:
            key = self.key(document_id)
            self.remembered.put(key, replace(graph, nquads=b"", implied=b""))
            self.remembered.put(quads_key(key), (graph.nquads, graph.implied))


def quads_key(key: str) -> str:
    return key.replace("graph-", "quads-", 1)


def remembered_quads(remembered: ExtractionCache, key: str,
                     peek: bool = False) -> tuple[bytes, bytes] | None:
    """A remembered graph's N-Quads and what it implies (`peek`: not kept for this build)."""
    found = (remembered.peek if peek else remembered.get)(quads_key(key))
    if isinstance(found, tuple) and len(found) == 2 and all(isinstance(q, bytes) for q in found):
        return found
    return None


def triple_line(triple: tuple) -> str:
    """A triple, exactly: its terms (`_term`) joined by tabs; the common kinds written
    directly (a rebuild writes every entity's description)."""
    subject, predicate, obj = triple
    if type(subject) is URIRef and type(predicate) is URIRef:
        if type(obj) is URIRef:
            return f"URIRef {subject}\tURIRef {predicate}\tURIRef {obj}"
        if type(obj) is Literal:
            return (f"URIRef {subject}\tURIRef {predicate}\t"
                    f"L {str(obj)!r} {obj.datatype or ''} {obj.language or ''}")
    return "\t".join(map(_term, triple))


def _term(term) -> str:
    """A term, exactly (kind, text, datatype, language), faster than rdflib's n3()."""
    if isinstance(term, Literal):
        return f"L {str(term)!r} {term.datatype or ''} {term.language or ''}"
    return f"{type(term).__name__} {term}"
