"""The build: documents -> extraction -> resolution -> RDF -> SHACL -> store -> reasoning.

Per-document work runs in parallel worker processes: reading and extraction, then, a chunk of
documents at a time, mapping to RDF and validation; a build loads each validated chunk into
the new store as it arrives, so no process ever holds the whole graph. What these made of a
document is remembered in the store and reused by the next build while it still holds
(kg/cache.py, kg/graph_cache.py), and a rebuild starts from a copy of the current store,
replacing only the graphs that changed and what they imply (kg/patch.py). The
cross-document steps (resolution, reasoning, the violation checks) are linear in the size of
the graph.
The new store is written aside and published only when what it holds validated cleanly and
every violation query came back empty. A document that cannot be read or extracted, whose
graph fails validation, or that a violation query cites is set aside: reported, listed in
build.json, and the graph is built again from the other documents (so that nothing only it
brought remains); a strict build publishes nothing instead.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import multiprocessing
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg import alignment, checks, counts, heap, patch, reason, registers, store
from kg import namespaces as ns
from kg.cache import ExtractionCache, inputs_fingerprint, pipeline_key
from kg.documents import DocumentError, read
from kg.extract import ExtractionError, extract
from kg.graph_cache import DocumentGraph, GraphMemory, entities_digest, quads_key
from kg.ledger import (
    FEW_CHANGED,
    Entries,
    Ledger,
    Stored,
    StoredEntities,
    StoredMapped,
    lent_changed,
    read_ledger,
    write_ledger,
)
from kg.mapping import Mapped, document_nodes, document_triples, to_rdf
from kg.patch import FullLoad, Loaded, Manifest, PatchLoad
from kg.paths import DOCUMENTS_DIR, QUERIES_DIR
from kg.records import DocumentMeta, Extraction, RenderingMeta
from kg.resolve import (
    Corpus,
    DocumentEntry,
    Resolution,
    corpus_of,
    people_summary,
    resolve,
    resolve_few,
)
from kg.scan import document_files, file_keys, read_scan, write_scan
from kg.sources import Source, SourcesError, sources_beside
from kg.validate import EntityContext, Problem, Report, seeds, shared_triples, validate_documents
from kg.workers import map_parallel, started, started_here, stream_parallel

EXTRACTED_HERE = 4  # changed files at most that a rebuild extracts in its own process
VALIDATION_CHUNK = 50  # a worker holds its chunk's graph several times over while pyshacl runs
Progress = Callable[[str], None]
Load = Callable[[Loaded], None]  # document graphs, as they are validated


@dataclass(frozen=True)
class SetAside:
    """A document left out of a build, and why (one entry per reason)."""

    file: str
    line: int | None
    reason: str
    document: str | None = None
    stage: str = "read"  # read (reading or extraction), validate, or check

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: error: {self.reason}"

    def as_json(self) -> dict[str, object]:
        return {"file": self.file, "line": self.line, "reason": self.reason,
                "document": self.document, "stage": self.stage}


@dataclass(frozen=True)
class Stated:
    """What a build keeps of an extraction once it is resolved and mapped: its metadata, how
    much it states, and the key it is remembered under (kg/cache.py). The records live on in
    the document's resolved entry only (what an extraction held beside them, about 20 KB a
    document, is let go during validation); a round after documents were set aside reads
    the extraction again (`again`)."""

    meta: DocumentMeta
    rendering: RenderingMeta
    key: str
    agreements: int  # how many it states
    events: int


@dataclass
class Prepared:
    """Everything up to and including validation: what `kg validate` reports."""

    files: list[Path]
    extractions: list[Extraction | Stated] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    set_aside: list[SetAside] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)  # the set-aside documents' errors
    resolution: Resolution | None = None
    mapped: Mapped | None = None
    report: Report = field(default_factory=Report)
    timings: dict[str, float] = field(default_factory=dict)
    # each document's graph key, the entities its verdict was lent a passage for, and its
    # problems; the first citer of each entity (what kg/ledger.py remembers)
    verdicts: dict[str, tuple[str, tuple[str, ...], tuple[Problem, ...]]] = field(
        default_factory=dict, repr=False)
    cited: dict[URIRef, str] = field(default_factory=dict, repr=False)
    unlinked: list[tuple[str, str, str]] | None = None  # known without a resolution
    corpus: Corpus | None = None  # the resolution's corpus-wide tables, once it is let go

    @property
    def ok(self) -> bool:
        return not self.failures and not self.set_aside and self.report.conforms

    def unlinked_entities(self) -> list[tuple[str, str, str]] | None:
        """Entities no register knows (Resolution.unlinked), when resolved or remembered."""
        if self.unlinked is not None:
            return self.unlinked
        return None if self.resolution is None else self.resolution.unlinked()

    def built_files(self) -> list[Path]:
        """The input files that went into the graph."""
        left_out = {entry.file for entry in self.set_aside}
        return [f for f in self.files if str(f) not in left_out]


@dataclass
class BuildResult:
    prepared: Prepared
    build: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)
    check_failures: list[str] = field(default_factory=list)
    checks: list[tuple[str, set[str]]] = field(default_factory=list)
    strict: bool = False
    unchanged: bool = False  # nothing changed: `build` is the current build, kept

    @property
    def ok(self) -> bool:
        """Published (some documents may have been set aside: see prepared.set_aside)."""
        return self.build is not None

    @property
    def publishable(self) -> bool:
        prepared = self.prepared
        return bool(prepared.extractions) and bool(self.counts) and \
            prepared.report.conforms and not self.check_failures and \
            not (self.strict and prepared.set_aside)


def prepare(paths: Iterable[Path] = (DOCUMENTS_DIR,), jobs: int | None = None,
            progress: Progress = lambda _: None, load: Load | None = None) -> Prepared:
    """Read, extract, resolve, map and validate; with `load`, each validated chunk of
    document graphs is handed to it."""
    try:
        prepared = read_documents(paths, jobs, progress)
        if prepared.files:
            assemble(prepared, jobs, progress, load)
    finally:
        collect_all()
    return prepared


def read_documents(paths: Iterable[Path], jobs: int | None = None,
                   progress: Progress = lambda _: None,
                   remembered: ExtractionCache | None = None,
                   keys: dict[Path, str | None] | None = None,
                   started_early: Callable[[], list[Extraction | SetAside]] | None = None
                   ) -> Prepared:
    """Read and extract every document (what `remembered` holds for it, if it does; `keys`:
    the files' keys, if already computed; `started_early`: the outcomes of `extracting`
    these files, started by the caller); the ones that fail are set aside."""
    paths = list(paths)
    prepared = Prepared(files=document_files(paths))
    if not prepared.files:
        names = ", ".join(str(p) for p in paths)
        prepared.failures.append(f"{names}: no documents found (.txt, .md or .pdf files)")
        return prepared
    broken = _broken_sources(prepared.files)
    if broken:  # its documents' metadata would be wrong: nothing is built
        prepared.failures.extend(broken)
        return prepared
    started = time.perf_counter()
    outcomes = started_early() if started_early is not None else \
        _extract_all(prepared.files, jobs, progress, remembered, keys)
    for outcome in outcomes:
        if isinstance(outcome, SetAside):
            prepared.failures.append(str(outcome))
            prepared.set_aside.append(outcome)
        else:
            prepared.extractions.append(outcome)
    heap.release()  # the workers' pickles
    prepared.timings["extract"] = time.perf_counter() - started
    return prepared


def _extract_all(files: list[Path], jobs: int | None, progress: Progress,
                 remembered: ExtractionCache | None,
                 known: dict[Path, str | None] | None = None) -> list[Extraction | SetAside]:
    """Each file's outcome, in the files' order: remembered, or read and extracted (in
    worker processes) and then remembered."""
    with extracting(files, jobs, progress, remembered, known) as outcomes:
        return outcomes()


@contextlib.contextmanager
def extracting(files: list[Path], jobs: int | None, progress: Progress,
               remembered: ExtractionCache | None,
               known: dict[Path, str | None] | None = None
               ) -> Iterator[Extracted]:
    """`_extract_all`, started: a rebuild's workers extract the new and changed documents
    from here on, while this process does other work (copies the current store) and then,
    when the outcomes are asked for, loads what it remembers of the others."""
    if remembered is not None and known is None:
        known = file_keys(files)[0]
    keys = [known.get(f) if remembered and known is not None else None for f in files]
    held = [bool(remembered and key and remembered.has(key)) for key in keys]
    todo = [i for i, kept in enumerate(held) if not kept]
    arguments = [(str(files[i]),) for i in todo]
    if len(todo) == len(files):
        def everything() -> list[Extraction | SetAside]:
            if todo:
                progress(f"reading and extracting {len(todo)} documents")
            fresh = map_parallel(_read_and_extract, arguments, jobs, progress, "extracted")
            outcomes: list[Extraction | SetAside | None] = [None] * len(files)
            _keep(outcomes, todo, fresh, keys, remembered)
            return [o for o in outcomes if o is not None]
        yield Extracted(everything, dict)
        return
    if todo:
        registers.load()  # this process needs them later: read once, before the worker forks
    # a few files are extracted by a thread of this process, not by a worker started for them:
    # both pay the extractor's first use (its patterns and tables, 0.4 s of CPU), the thread
    # no process start and no fork of what this process holds
    start = functools.partial(started_here, progress=progress, verb="extracted") \
        if len(todo) <= EXTRACTED_HERE else \
        functools.partial(started, jobs=jobs, progress=progress, verb="extracted")
    with start(_read_and_extract, arguments) as started_fresh:
        fresh = functools.cache(started_fresh)

        def outcomes() -> list[Extraction | SetAside]:
            if remembered is not None:
                progress(f"{len(files) - len(todo)} of {len(files)} documents unchanged since "
                         "the last build: their extraction is reused")
            if todo:
                progress(f"reading and extracting {len(todo)} documents")
            found: list[Extraction | SetAside | None] = [None] * len(files)
            with without_gc():
                for index, key in enumerate(keys):
                    if held[index] and remembered and key:
                        found[index] = _remembered(remembered.get(key))
            _keep(found, todo, fresh(), keys, remembered)
            lost = [i for i, outcome in enumerate(found) if outcome is None]  # unreadable
            _keep(found, lost, [_read_and_extract(str(files[i])) for i in lost], keys,
                  remembered)
            return [o for o in found if o is not None]

        def changed() -> dict[str, Extraction | SetAside]:
            return {str(files[i]): outcome for i, outcome in zip(todo, fresh(), strict=True)}
        yield Extracted(outcomes, changed)


@dataclass(frozen=True)
class Extracted:
    """`extracting`'s outcomes: every file's (called), or only those of the files it reads
    and extracts, by path (`fresh`: a rebuild that reuses the others' results whole)."""

    outcomes: Callable[[], list[Extraction | SetAside]]
    fresh: Callable[[], dict[str, Extraction | SetAside]]

    def __call__(self) -> list[Extraction | SetAside]:
        return self.outcomes()


def _keep(outcomes: list[Extraction | SetAside | None], indices: list[int],
          fresh: list[Extraction | SetAside], keys: list[str | None],
          remembered: ExtractionCache | None) -> None:
    """Fresh outcomes in their places, and remembered."""
    for index, outcome in zip(indices, fresh, strict=True):
        outcomes[index] = outcome
        key = keys[index]
        if remembered is not None and key:
            remembered.put(key, outcome)


@contextlib.contextmanager
def without_gc() -> Iterator[None]:
    """Python's cyclic garbage collector walks every live object whenever enough new ones
    were made: while a build holds thousands of documents' records, that made unpickling
    them five times slower (bench/README.md). Unpickling, resolving and recalling make
    objects that are kept, or freed by reference counting; no worker is started meanwhile
    (it would inherit the setting). What they made is then left out of later collections
    (gc.freeze) until the build or validation ends (`collect_all`)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def collect_all() -> None:
    """What `without_gc` left out of collections is collected again."""
    gc.unfreeze()


def _remembered(value: object) -> Extraction | SetAside | None:
    return value if isinstance(value, Extraction | SetAside) else None


def _broken_sources(files: list[Path]) -> list[str]:
    """One error for each sources.csv beside the documents that cannot be read."""
    errors = []
    for folder in sorted({f.parent for f in files}):
        try:
            sources_beside(folder / "_")
        except SourcesError as error:
            errors.append(str(error))
        except OSError as error:
            errors.append(f"{folder / 'sources.csv'}: error: cannot be read: {error.strerror}")
    return errors


def assemble(prepared: Prepared, jobs: int | None = None,
             progress: Progress = lambda _: None, load: Load | None = None,
             remembered: ExtractionCache | None = None,
             keys: dict[str, str] | None = None) -> None:
    """Resolve, map and validate the extractions (a build's loading included; what
    `remembered` holds of a document's graph and verdict is reused). With `keys` (each
    remembered extraction's key, by the path it was read from), the extractions are then
    let go (`Stated`): a build holds the documents' records in their resolved entries."""
    started = time.perf_counter()
    prepared.unlinked = prepared.corpus = None  # what an earlier round's resolution had
    with without_gc():
        prepared.resolution = resolve(whole(prepared.extractions))
        if keys is not None:  # before mapping: what it makes takes the memory they leave
            prepared.extractions = [_stated(x, keys) for x in prepared.extractions]
        prepared.mapped = to_rdf(prepared.resolution, registers.load())
        if keys is not None:
            _tables_let_go(prepared)
    heap.release()  # resolution's tables
    prepared.timings["resolve"] = time.perf_counter() - started
    started = time.perf_counter()
    prepared.verdicts = {}
    prepared.report = _validate(prepared.mapped, jobs, progress, load, remembered,
                                prepared)
    key = "map+validate" + ("+load" if load else "")
    prepared.timings[key] = prepared.timings.get(key, 0.0) + time.perf_counter() - started


def whole(extractions: list[Extraction | Stated]) -> list[Extraction]:
    """The extractions, none of them let go (`again` reads those back)."""
    found = [x for x in extractions if isinstance(x, Extraction)]
    if len(found) != len(extractions):
        raise ValueError("extractions let go must be read again first")
    return found


def _stated(extraction: Extraction | Stated, keys: dict[str, str]) -> Extraction | Stated:
    """What is kept of an extraction that can be read again (kept whole if it cannot)."""
    if not isinstance(extraction, Extraction):
        return extraction
    key = keys.get(extraction.rendering.source)
    if key is None:
        return extraction
    return Stated(extraction.meta, extraction.rendering, key, len(extraction.agreements),
                  len(extraction.events))


def again(extractions: list[Extraction | Stated],
          remembered: ExtractionCache | None) -> list[Extraction | Stated]:
    """The extractions let go, read back as they were remembered (or extracted again), with
    the metadata resolution gave them (`resolve` may have renamed a document)."""
    found: list[Extraction | Stated] = []
    for extraction in extractions:
        if isinstance(extraction, Stated):
            back = remembered.get(extraction.key) if remembered is not None else None
            if not isinstance(back, Extraction):
                back = _read_and_extract(extraction.rendering.source)
            if not isinstance(back, Extraction):
                raise RuntimeError(f"{extraction.rendering.source}: could not be read again")
            back.meta = extraction.meta
            extraction = back
        found.append(extraction)
    return found


def _read_and_extract(file_name: str) -> Extraction | SetAside:
    """One document; a failure comes back as what sets it aside instead of an exception."""
    path = Path(file_name)
    try:
        document = read(path)
        source: Source | None = sources_beside(path).get(path.name)
        return extract(document, source.meta if source else None)
    except ExtractionError as error:
        return SetAside(str(path), error.line, error.reason)
    except DocumentError as error:
        return SetAside(str(path), error.line, error.reason)
    except Exception as error:
        where = traceback.extract_tb(error.__traceback__)[-1]
        return SetAside(str(path), None,
                        f"internal error while extracting ({type(error).__name__}: {error}, "
                        f"at {Path(where.filename).name}:{where.lineno}); please report it")


# ------------------------------------------------------------------------- validation

_SHARED: dict[str, object] = {}


def _validate(mapped: Mapped, jobs: int | None, progress: Progress, load: Load | None,
              remembered: ExtractionCache | None = None,
              prepared: Prepared | None = None) -> Report:
    """Each document's graph and verdict: remembered (kg/graph_cache.py) when its entry and
    what it reaches are unchanged, else mapped and validated a chunk at a time in worker
    processes (and then remembered); with `load`, its graph goes to the store."""
    context = EntityContext(mapped, shared_triples(registers.load().vocabularies,
                                                   reason.ontology_graph()))
    memory = GraphMemory(remembered if load else None, context)
    problems: set[Problem] = set()
    verdicts = prepared.verdicts if prepared is not None else {}
    if prepared is not None:
        prepared.cited = context.cited
    _SHARED["memory"] = memory
    reason.instance_rules()  # once (it runs owlrl on the ontology)
    serialize = load is not None

    def collect(outcome: list[tuple[str, DocumentGraph]]) -> None:
        for document, graph in outcome:
            problems.update(graph.problems)
            memory.remember(document, graph)
            verdicts[document] = _verdict(memory.key(document), graph)
            if load is not None:  # a build: its events are done with (about half its entry)
                _without_events(mapped, document)
        if load is not None:
            load([(document, memory.key(document), graph) for document, graph in outcome])
        heap.release()  # the chunk's pickled results and N-Quads (kg/heap.py)

    every = sorted(mapped.entries)
    new = [d for d in every if not memory.held(d)] if memory.remembered else []
    if not 0 < len(new) <= VALIDATION_CHUNK:
        new = []  # a cold build's, or a large change's: validated below, a part to a worker
    early_ones = set(new)
    try:
        with started(_validate_chunk, [(tuple(new), serialize)] if new else [], jobs,
                     progress, "new document graphs validated") as early:
            with without_gc():  # meanwhile (a forked worker validates the new documents)
                documents = _recall(memory, [d for d in every if d not in early_ones],
                                    problems, load, verdicts)
            for outcome in early():
                collect(outcome)
    except BaseException:
        _SHARED.clear()
        raise
    if len(documents) + len(new) < len(mapped.entries):
        progress(f"{len(mapped.entries) - len(documents) - len(new)} of "
                 f"{len(mapped.entries)} document graphs unchanged since the last build: "
                 "their graph and verdict are reused")
    workers = jobs or os.cpu_count() or 1
    size = max(1, min(VALIDATION_CHUNK, -(-len(documents) // (workers * 2))))  # every core busy
    chunks = [documents[i:i + size] for i in range(0, len(documents), size)]
    if documents:
        progress(f"validating {len(documents)} document graphs against the SHACL shapes"
                 + (" and loading them" if load else ""))
    parallel = workers > 1 and len(chunks) >= (2 if len(documents) >= 16 else 8)
    if parallel:  # this process only cuts parts: it keeps the walk's links, not every triple
        context.keep_triples = False
    work = ((_part(context, chunk), serialize) if parallel else (tuple(chunk), serialize)
            for chunk in chunks)
    try:
        stream_parallel(_validate_part if parallel else _validate_chunk, work, len(chunks),
                        jobs, progress, "chunks validated", collect, parallel)
    finally:
        _SHARED.clear()
    return Report(sorted(problems))


def _without_events(mapped: Mapped, document: str) -> None:
    """Once a document's graph is validated, only its passages are read again (the parts of
    later chunks read the passages it lends, kg/validate.py Evidence): its events, 50 KB a
    synthetic document, are let go."""
    entry = mapped.entries[document]
    mapped.entries[document] = DocumentEntry(entry.meta, entry.renderings, [], entry.evidence,
                                             entry.sources)


def _recall(memory: GraphMemory, documents: list[str], problems: set[Problem],
            load: Load | None, verdicts: dict | None = None) -> list[str]:
    """Take what is remembered of the documents (loading their graphs a batch at a time);
    the documents that must be mapped and validated remain."""
    todo: list[str] = []
    batch: list[tuple[str, str, DocumentGraph]] = []
    for document in documents:
        known = memory.recall(document, with_quads=not getattr(load, "lean", False))
        if known is None:
            todo.append(document)
            continue
        problems.update(known.problems)
        batch.append((document, memory.key(document), known))
        if verdicts is not None:
            verdicts[document] = _verdict(memory.key(document), known)
        if load is not None and len(batch) >= VALIDATION_CHUNK:
            load(batch)
            batch = []
    if load is not None and batch:
        load(batch)
    return todo


def _verdict(key: str, graph: DocumentGraph) -> tuple[str, tuple[str, ...], tuple[Problem, ...]]:
    return key, tuple(graph.reached.lent), graph.problems


def _part(context: EntityContext, chunk: list[str]) -> EntityContext:
    """What validating the chunk's documents reads of the corpus (a worker gets only that),
    found without mapping them (the worker does)."""
    return context.part_reaching({d: document_nodes(context.mapped.entries[d]) for d in chunk})


def _validate_part(part: EntityContext, serialize: bool) -> list[tuple[str, DocumentGraph]]:
    """A chunk in a worker process, which holds nothing of the corpus but its part. The
    garbage collector waits for the chunk's end: mapping, pyshacl and serialising keep most
    of what they make until then, and each collection on the way walked all of it (a sixth
    of the worker's time; the peak memory stays the same: bench/README.md, "cold9"). What
    outlives that collection (the worker's shapes, ontology and registers, and the chunk's
    results, freed when sent) is frozen: the next chunk's collection walks only its own
    objects (about half of what it walked before; the chunks' collections found no cycles)."""
    _SHARED["memory"] = GraphMemory(None, part)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _validate_chunk(tuple(part.mapped.entries), serialize)
    finally:
        _SHARED.clear()
        if enabled:
            gc.enable()
            gc.collect()
            if multiprocessing.parent_process() is not None:  # a worker (spawned for this)
                gc.freeze()
        heap.release()  # what pyshacl made (the worker takes the next chunk)


def _validate_chunk(document_ids: tuple[str, ...],
                    serialize: bool) -> list[tuple[str, DocumentGraph]]:
    """Map a chunk's documents, validate them, and (for a build) serialize them."""
    memory = _SHARED["memory"]
    assert isinstance(memory, GraphMemory)
    graphs = {d: document_triples(memory.entries[d]) for d in document_ids}
    seeded = {d: seeds(triples) for d, triples in graphs.items()}  # once, for both below
    verdicts = validate_documents(memory.digests.context, graphs, seeded)
    return [(d, memory.describe(triples, verdicts[d].problems,
                                *(_nquads(triples, d) if serialize else (b"", b"")),
                                seeded=seeded[d]))
            for d, triples in graphs.items()]


def _nquads(triples: list[tuple], document: str) -> tuple[bytes, bytes]:
    """The document's graph, and what it implies in the inferred graph."""
    implied = reason.inferred_triples(triples, reason.instance_rules())
    made: dict = {}  # the implied triples name the graph's nodes and classes again
    return (_serialize(store.quads(triples, ns.document_graph(document), made)),
            _serialize(store.quads(implied, ns.INFERRED_GRAPH, made)))


def _serialize(quads: Iterable[ox.Quad]) -> bytes:
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


# ------------------------------------------------------------------------- the build


def build(paths: Iterable[Path], root: Path, jobs: int | None = None,
          progress: Progress = lambda _: None, strict: bool = False,
          from_scratch: bool = False) -> BuildResult:
    """Prepare into a new store aside and publish it when what it holds is valid; `strict`
    publishes only when no document had to be set aside. What reading and extraction made
    of unchanged documents is reused (kg/cache.py), and what mapping and validation made of
    them while what they cite is unchanged (kg/graph_cache.py), unless `from_scratch`."""
    paths = list(paths)
    with store.locked(root, progress):
        files = document_files(paths)
        keys, scan = file_keys(files, None if from_scratch else
                               read_scan(store.current_build(root)))
        fingerprint = inputs_fingerprint(files, strict, keys)
        unchanged = None if from_scratch else _unchanged(root, fingerprint)
        if unchanged is not None:
            progress(f"nothing changed since {unchanged.build.name if unchanged.build else ''}"
                     ": it stays the current build")
            return unchanged
        partial = store.start_build(root)
        remembered = ExtractionCache(root, enabled=not from_scratch)
        try:
            current = store.current_build(root)
            with extracting(files, jobs, progress, remembered, keys) as extracted:
                base = None if from_scratch else patch.copy_current(current, partial)
                if base is not None and current is not None:
                    progress(f"starting from a copy of {current.name}: only what changed is "
                             "replaced")
                result = _build_aside(partial, paths, jobs, progress, strict, remembered,
                                      base, keys, current, extracted)
            if not result.publishable:
                store.discard(partial)
                return result
            _write_summary(partial, result.prepared, result, fingerprint)
            write_scan(partial, scan)
            progress("publishing the new store")
            result.build = store.publish(partial, root)
            remembered.prune()
        except BaseException:
            store.discard(partial)
            raise
        finally:
            collect_all()
        return result


def _unchanged(root: Path, fingerprint: str | None) -> BuildResult | None:
    """The current build, if it was built from exactly these inputs (its build.json says)."""
    current = store.current_build(root)
    if fingerprint is None or current is None:
        return None
    try:
        summary = json.loads((current / "build.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if summary.get("fingerprint") != fingerprint:
        return None
    prepared = Prepared(files=[Path(f) for f in summary["documents"]],
                        set_aside=[SetAside(**entry) for entry in summary["set_aside"]])
    return BuildResult(prepared, build=current, counts=summary["counts"], unchanged=True)


def _build_aside(partial: Path, paths: Iterable[Path], jobs: int | None,
                 progress: Progress, strict: bool,
                 remembered: ExtractionCache | None = None,
                 base: Manifest | None = None,
                 keys: dict[Path, str | None] | None = None,
                 current: Path | None = None,
                 extracted: Extracted | None = None
                 ) -> BuildResult:
    """The store is closed when this returns (its only reference is this function's), so
    the folder can be renamed and served. Each round builds from the documents not yet set
    aside; a round that finds documents to set aside starts again without them. With
    `base`, the folder holds a copy of the current build that a round patches
    (kg/patch.py), the copy of `current`; once a round has changed it, the next ones load
    everything."""
    oxigraph = ox.Store(str(partial))
    if base is not None and remembered is not None and keys is not None and \
            extracted is not None:
        with without_gc():  # the ledger alone is 100 000s of objects at 10 000 documents
            few = _build_few(oxigraph, base, remembered, keys, current, extracted, progress,
                             strict)
        if few.built is not None:
            oxigraph.flush()
            if few.built.result.publishable:
                patch.write_manifest(partial, patch.seal(oxigraph, few.built.manifest))
                write_ledger(partial, few.built.ledger)
            return few.built.result
        if few.copy_changed:  # and then found wanting: the next round loads everything
            base = None
    prepared = read_documents(paths, jobs, progress, remembered, keys, extracted)
    result = BuildResult(prepared, strict=strict)
    manifest: Manifest | None = None
    patched = False
    by_source = None if remembered is None or keys is None else \
        {str(path): key for path, key in keys.items() if key is not None}
    while prepared.extractions:
        prepared.extractions = again(prepared.extractions, remembered)
        loading: FullLoad | PatchLoad
        if base is not None and remembered is not None:
            loading = PatchLoad(oxigraph, base, remembered)
        else:
            oxigraph.clear()
            loading = FullLoad(oxigraph)
        result.counts, result.checks, result.check_failures = {}, [], []
        assemble(prepared, jobs, progress, load=loading, remembered=remembered,
                 keys=by_source)
        if isinstance(loading, PatchLoad) and not loading.ready():
            progress("the previous build's graphs are not all remembered: loading every one")
            base = None
            continue
        if strict and not prepared.ok:
            break
        errors = prepared.report.errors
        if errors:
            invalid = _invalid_documents(prepared, errors)
            rejected = [p for p in errors if _documents_of(prepared, p) & invalid.keys()]
            prepared.rejected += rejected
            # told once, as the set-aside documents' errors, also when no document is left
            told = set(rejected)
            prepared.report = Report([p for p in prepared.report.problems if p not in told])
            if _set_aside(prepared, invalid, progress, "failed validation"):
                continue
            break
        _let_go(prepared)
        manifest = _reason_and_check(oxigraph, prepared, result, progress, loading, current)
        patched = base is not None
        base = None
        if strict or not result.checks or not all(docs for _, docs in result.checks):
            break
        _set_aside(prepared, {d: [SetAside("", None, message, d, "check")
                                  for message, docs in result.checks if d in docs]
                              for _, docs in result.checks for d in docs},
                   progress, "a violation query cites them")
    oxigraph.flush()
    if not patched:  # a patched copy changed little; compacting it costs a second
        oxigraph.optimize()
    if manifest is not None and result.publishable:
        patch.write_manifest(partial, patch.seal(oxigraph, manifest))
        remembered_ledger = _ledger(prepared, keys, manifest)
        if remembered_ledger is not None:
            write_ledger(partial, remembered_ledger)
    return result


def _tables_let_go(prepared: Prepared) -> None:
    """Once the documents are mapped, what is left to do (validation, reasoning, the checks,
    the summary and the ledger) reads of the resolution only its corpus-wide tables and the
    entities no register knows (the entities' triples and the documents' entries are in
    `prepared.mapped`): its tables of people, posts, agreements and the like are let go (a
    round after documents were set aside resolves again)."""
    resolution = prepared.resolution
    if resolution is None or resolution.people is None:
        return
    prepared.unlinked = resolution.unlinked()
    prepared.corpus = corpus_of(resolution)
    prepared.resolution = Resolution(renamed=resolution.renamed)


def _let_go(prepared: Prepared) -> None:
    """Once the documents' graphs are validated and loaded, reasoning, the checks and the
    ledger read only the documents' ids of their entries: the rest (their passages) is let
    go before reasoning's peak."""
    if prepared.mapped is not None:
        prepared.mapped.entries = {d: DocumentEntry(e.meta, e.renderings)
                                   for d, e in prepared.mapped.entries.items()}
        heap.release()


def _entities_let_go(mapped: Mapped) -> None:
    """Once the entity graph is in the store (and its digest made), the derivations, the
    checks, the ledger and the summary read only the entities' names: their descriptions
    (some 840 000 triples as rdflib terms at ten thousand documents, made together by
    mapping, so their memory is given back together) are let go before the derivations' and
    checks' queries, which peak on top of what the build process still holds."""
    if isinstance(mapped.entities, dict):
        for entity in mapped.entities:
            mapped.entities[entity] = []
        mapped.described.clear()


def _ledger(prepared: Prepared, keys: dict[Path, str | None] | None,
            manifest: Manifest) -> Ledger | None:
    """What a rebuild after a few changes needs of this build (kg/ledger.py); None when it
    could not use it: a document was set aside, or two files' texts gave one id."""
    resolution, mapped = prepared.resolution, prepared.mapped
    if keys is None or prepared.set_aside or prepared.failures or resolution is None or \
            resolution.renamed or mapped is None or \
            len(prepared.extractions) != len(prepared.files) or \
            prepared.verdicts.keys() != mapped.entries.keys():
        return None
    files: dict[str, str] = {}
    documents: dict[str, list[str]] = {}
    for path, extraction in zip(prepared.files, prepared.extractions, strict=True):
        key = keys.get(path)
        if key is None:
            return None
        files[str(path)] = key
        documents.setdefault(extraction.meta.document_id, []).append(str(path))
    verdicts = prepared.verdicts
    return Ledger(
        pipeline_key(), files, {d: tuple(found) for d, found in documents.items()},
        {d: v[0] for d, v in verdicts.items()}, {d: v[1] for d, v in verdicts.items()},
        {d: v[2] for d, v in verdicts.items() if v[2]}, prepared.corpus or corpus_of(resolution),
        prepared.cited, tuple(str(e) for e in mapped.entities),
        manifest.digests[str(ns.ENTITIES_GRAPH)], prepared.unlinked_entities() or [])


@dataclass(frozen=True)
class FewBuilt:
    """A build the short way: its result, and the manifest and ledger to write beside it."""

    result: BuildResult
    manifest: Manifest
    ledger: Ledger


@dataclass(frozen=True)
class FewOutcome:
    """What `_build_few` came to: `built`, or the whole way to take instead; that on the copy
    of the current build as it was, unless the short way had changed the copy
    (`copy_changed`: a violation query then found something), when it loads everything."""

    built: FewBuilt | None = None
    copy_changed: bool = False


WHOLE_WAY = FewOutcome()


def _build_few(oxigraph, base: Manifest, remembered: ExtractionCache,
               keys: dict[Path, str | None], current: Path | None, extracted: Extracted,
               progress: Progress, strict: bool) -> FewOutcome:
    """A rebuild after a few files changed, when each changed document gives the corpus what
    it gave before (kg/ledger.py): only the changed documents, and those that borrow a
    passage of theirs that changed, are resolved, mapped and validated (`FewOutcome`)."""
    started_at = time.perf_counter()
    ledger = read_ledger(current)
    paths = {str(path): key for path, key in keys.items()}
    if ledger is None or current is None or paths.keys() != ledger.files.keys():
        return WHOLE_WAY
    changed = sorted(p for p, key in paths.items() if key != ledger.files[p])
    if not changed or len(changed) > FEW_CHANGED or None in paths.values():
        return WHOLE_WAY
    document_of = ledger.document_of()
    documents = sorted({document_of[p] for p in changed})
    fresh = extracted.fresh()
    extracted_at = time.perf_counter()
    before: list[Extraction] = []
    after: list[Extraction] = []
    for document in documents:
        named = ledger.documents[document]
        if len({Path(p).name for p in named}) != len(named):
            return WHOLE_WAY  # two renderings of one name: resolution may tell them apart
        for path in named:
            old = remembered.peek(ledger.files[path])
            new = fresh[path] if path in fresh else remembered.get(str(paths[path]))
            if path in fresh and isinstance(new, Extraction | SetAside):
                remembered.put(str(paths[path]), new)
            if not isinstance(old, Extraction) or not isinstance(new, Extraction) or \
                    new.meta.document_id != document:
                return WHOLE_WAY
            before.append(old)
            after.append(new)
    if list(map(people_summary, before)) != list(map(people_summary, after)):
        old_resolution = new_resolution = None  # the corpus-wide tables would change
    else:
        old_resolution = resolve_few(before, ledger.corpus)
        new_resolution = resolve_few(after, ledger.corpus)
    if old_resolution is None or new_resolution is None or \
            old_resolution.traces != new_resolution.traces:
        progress("a changed document changes what other documents resolve to: "
                 "resolving every document")
        return WHOLE_WAY
    progress(f"{len(ledger.documents) - len(documents)} of {len(ledger.documents)} documents "
             "unchanged since the last build, and what the changed ones give the others too: "
             "their extraction, graph and verdict are reused")
    remembered.used.update(paths.values())  # type: ignore[arg-type]
    for key in ledger.graph_keys.values():
        remembered.used.update((key, quads_key(key)))
    stored = Stored(current)
    mapped = StoredMapped(Entries(ledger, remembered, new_resolution.documents),
                          StoredEntities(ledger.entities, stored))
    names = set(ledger.entities)
    dirty: set[str] = set()
    for document in documents:
        lends = {e for e, lender in ledger.cited.items() if lender == document}
        dirty |= lent_changed(old_resolution.documents[document],
                              new_resolution.documents[document], lends, names)
    borrowers = [d for d, lent in ledger.lent.items()
                 if dirty and d not in documents and not dirty.isdisjoint(lent)]
    prepared = Prepared(files=[Path(p) for p in paths], extractions=[*after], mapped=mapped,
                        cited=ledger.cited, unlinked=ledger.unlinked)
    prepared.timings["extract"] = extracted_at - started_at
    prepared.timings["resolve"] = time.perf_counter() - extracted_at
    started_at = time.perf_counter()
    context = EntityContext(mapped, shared_triples(registers.load().vocabularies,
                                                   reason.ontology_graph()), ledger.cited)
    memory = GraphMemory(remembered, context)
    todo = tuple(sorted([*documents, *borrowers]))
    if todo:
        progress(f"validating {len(todo)} document graphs against the SHACL shapes")
    _SHARED["memory"] = memory
    try:
        validated = _validate_chunk(todo, True)
    except LookupError:  # a borrower's extraction is no longer remembered
        return WHOLE_WAY
    finally:
        _SHARED.clear()
    problems = {d: ledger.problems.get(d, ()) for d in ledger.documents}
    verdicts = {d: (ledger.graph_keys[d], ledger.lent[d], problems[d]) for d in ledger.documents}
    loading = PatchLoad(oxigraph, base, remembered)
    for document, graph in validated:
        memory.remember(document, graph)
        verdicts[document] = _verdict(memory.key(document), graph)
        problems[document] = graph.problems
    lean = DocumentGraph(b"", b"", (), frozenset(), frozenset(), "")
    loading([(d, key, graph) for d, key, graph in
             ((d, memory.key(d), g) for d, g in validated)])
    loading([(d, ledger.graph_keys[d], lean) for d in ledger.documents if d not in todo])
    prepared.report = Report(sorted({p for found in problems.values() for p in found}))
    prepared.verdicts = verdicts
    prepared.timings["map+validate+load"] = time.perf_counter() - started_at
    if not loading.ready() or prepared.report.errors:
        return WHOLE_WAY  # the whole way sets aside what fails, or loads everything
    result = BuildResult(prepared, strict=strict)
    mapped.entities.digest = ledger.entities_digest  # type: ignore[attr-defined]
    manifest = _reason_and_check(oxigraph, prepared, result, progress, loading, current)
    if result.check_failures:
        return FewOutcome(copy_changed=True)
    files = {path: key for path, key in paths.items() if key is not None}
    return FewOutcome(FewBuilt(result, manifest, replace(
        ledger, files=files, graph_keys={d: v[0] for d, v in verdicts.items()},
        lent={d: v[1] for d, v in verdicts.items()},
        problems={d: v[2] for d, v in verdicts.items() if v[2]})))


def _reason_and_check(oxigraph, prepared: Prepared, result: BuildResult,
                      progress: Progress, loading: FullLoad | PatchLoad,
                      current: Path | None = None) -> Manifest:
    assert prepared.mapped is not None
    started = time.perf_counter()
    progress("loading the entities, registers and ontology, and what they imply")
    shared, implied = _shared_graphs(prepared.mapped)
    progress("reasoning: keeping only what no graph states")
    known = {str(ns.ENTITIES_GRAPH): getattr(prepared.mapped.entities, "digest", None)
             or entities_digest(prepared.mapped)}
    prepared.mapped.described.clear()  # the descriptions' digests: read for the digests only
    inferred = loading.finish(shared, implied, known)
    del shared, implied
    _entities_let_go(prepared.mapped)
    _written(oxigraph)
    progress("deriving what the questions read (queries/derive-*.rq)")
    inferred, manifest = patch.finish_derived(oxigraph, loading, inferred)
    _written(oxigraph)
    result.counts = {"inferred": inferred}
    touched = patch.touched_nodes(loading)
    result.checks = check_rows(oxigraph, set(prepared.mapped.entries), touched)
    heap.release()
    result.check_failures = [message for message, _ in result.checks]
    if not result.check_failures:
        manifest.counts = _count(oxigraph, loading, touched, current)
        result.counts.update(manifest.counts)
    prepared.timings["reason+check"] = time.perf_counter() - started
    return manifest


def _written(oxigraph) -> None:
    """What Oxigraph holds in memory of the writes so far (its write buffers: `drop_stated`'s
    deletions, the derived triples) written to disk, and the allocator's free memory given
    back, before the next step's queries peak on top: at 3 000 documents the build process
    held 108 MB less after loading the shared graphs and 66 MB less after the derivations."""
    oxigraph.flush()
    heap.release()


def _count(oxigraph, loading: FullLoad | PatchLoad, touched: set[str] | None,
           current: Path | None) -> dict[str, int]:
    """The entities and quads: after a patch, the previous build's counts corrected by what
    it touched (kg/counts.py), else counted."""
    if isinstance(loading, PatchLoad) and loading.manifest.counts and touched is not None \
            and current is not None:
        with contextlib.suppress(OSError):
            return counts.patched_counts(oxigraph, store.read_only_build(current),
                                         loading.manifest.counts, touched, loading.quads)
    return counts.count_entities(oxigraph)


def _invalid_documents(prepared: Prepared, errors: list[Problem]) -> dict[str, list[SetAside]]:
    """The documents the errors are located in, each with its reasons (an error located in
    no document, such as an entity's or a register's, sets nothing aside)."""
    found: dict[str, list[SetAside]] = {}
    for problem in errors:
        for document in sorted(_documents_of(prepared, problem)):
            found.setdefault(document, []).append(
                SetAside(problem.file, problem.line or None,
                         f"{problem.message} — {problem.focus}", document, "validate"))
    return found


def _documents_of(prepared: Prepared, problem: Problem) -> set[str]:
    """The document a problem is in: named by the problem itself where the graph tells
    (many documents may share a file name), else every document of that file name."""
    if problem.document:
        return {problem.document}
    return {x.meta.document_id for x in prepared.extractions if x.rendering.file == problem.file}


def _set_aside(prepared: Prepared, documents: dict[str, list[SetAside]], progress: Progress,
               why: str) -> bool:
    """Leave the documents (all their renderings) out of the next round; False when there
    is none to leave out."""
    if not documents:
        return False
    paths = _paths_by_name(prepared.files)
    for document, reasons in sorted(documents.items()):
        renderings = [x.rendering for x in prepared.extractions if x.meta.document_id == document]
        files = sorted({r.file for r in renderings})
        paths |= {r.file: r.source for r in renderings if r.source}
        for entry in reasons:
            file = entry.file or files[0]
            prepared.set_aside.append(SetAside(paths.get(file, file), entry.line,
                                               entry.reason, document, entry.stage))
        named = {entry.file or files[0] for entry in reasons}
        prepared.set_aside.extend(
            SetAside(paths.get(f, f), None, f"another rendering of document {document} "
                     "was set aside", document, reasons[0].stage)
            for f in files if f not in named)
    prepared.extractions = [x for x in prepared.extractions
                            if x.meta.document_id not in documents]
    progress(f"set aside {len(documents)} document(s) ({why}); building again without them")
    return True


def _paths_by_name(files: list[Path]) -> dict[str, str]:
    names: dict[str, list[Path]] = {}
    for file in files:
        names.setdefault(file.name, []).append(file)
    return {name: str(found[0]) for name, found in names.items() if len(found) == 1}


def _shared_graphs(mapped: Mapped) -> tuple[list[tuple[list[tuple], URIRef]],
                                              Callable[[], Iterator[ox.Quad]]]:
    """Everything but the document graphs: ontology, registers, entities and their Wikidata
    alignment, each with its graph's name; and how to compute the ontology's closure with
    what they imply, as quads of the inferred graph (a rebuild whose shared graphs are
    unchanged does not: kg/patch.py)."""
    graphs: list[tuple[list[tuple], URIRef]] = [
        (list(reason.ontology_graph()), ns.ONTOLOGY_GRAPH),
        (list(registers.load().vocabularies), ns.REGISTERS_GRAPH),
        (list(mapped.entity_triples()) if isinstance(mapped.entities, dict)
         else _EntityTriples(mapped), ns.ENTITIES_GRAPH),
        (list(alignment.alignment_graph(alignment.read_alignment(), set(mapped.entities))),
         ns.ALIGNMENT_GRAPH),
    ]
    def implied() -> Iterator[ox.Quad]:
        closure = list(reason.ontology_closure())
        rules = reason.instance_rules()
        found: set[tuple] = reason.inferred_triples(closure, rules)
        for triples, _ in graphs:
            found |= reason.inferred_triples(triples, rules)
        found.difference_update(closure)  # each quad once, without a set of all the quads
        made: dict = {}
        yield from store.quads(closure, ns.INFERRED_GRAPH, made)
        yield from store.quads(found, ns.INFERRED_GRAPH, made)

    return graphs, implied


class _EntityTriples(list):
    """The entity graph's triples, read when iterated (a rebuild whose entities are the
    current build's reads none: kg/ledger.py)."""

    def __init__(self, mapped: Mapped):
        super().__init__()
        self.mapped = mapped

    def __iter__(self) -> Iterator[tuple]:
        return self.mapped.entity_triples()


def run_checks(oxigraph) -> list[str]:
    """queries/violation-*.rq: each row a query returns is a reason the build fails."""
    return [message for message, _ in check_rows(oxigraph, set())]


def check_rows(oxigraph, documents: set[str], touched: set[str] | None = None
               ) -> list[tuple[str, set[str]]]:
    """Each violation row (at most 20 a query), with the documents of `documents` it cites
    by their IRI: those a non-strict build sets aside; a row citing none fails the build.
    With `touched`, the IRIs a patch touched, only rows they can reach (kg/checks.py)."""
    by_iri = {str(ns.document(d)): d for d in documents}
    rows_found = []
    for query_file in sorted(QUERIES_DIR.glob("violation-*.rq")):
        query = checks.restricted(query_file, oxigraph, touched)
        if query is None:
            continue
        rows = [(", ".join(str(v) for v in row), row)
                for row in oxigraph.query(query, use_default_graph_as_union=True)]
        rows.sort(key=lambda found: found[0])
        for values, row in rows[:20]:  # sorted: the same rows restricted or not
            cited = {by_iri[v.value] for v in row
                     if isinstance(v, ox.NamedNode) and v.value in by_iri}
            rows_found.append((f"{query_file.name}: {values}", cited))
    return rows_found


def _write_summary(partial: Path, prepared: Prepared, result: BuildResult,
                   fingerprint: str | None) -> None:
    unlinked = prepared.unlinked_entities()
    assert unlinked is not None
    summary = {
        "fingerprint": fingerprint,
        "documents": [str(f) for f in prepared.built_files()],
        "set_aside": [entry.as_json() for entry in prepared.set_aside],
        "counts": result.counts,
        "warnings": [str(p) for p in prepared.report.warnings],
        "unlinked": [{"kind": k, "iri": i, "label": label}
                     for k, i, label in unlinked],
    }
    (partial / "build.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2),
                                        encoding="utf-8")

