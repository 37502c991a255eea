"""The build: documents -> extraction -> resolution -> RDF -> SHACL -> store -> reasoning.

Per-document work runs in parallel worker processes: reading and extraction, then, a chunk of
documents at a time, mapping to RDF and validation; a build loads each validated chunk into
the new store as it arrives, so no process ever holds the whole graph. The cross-document
steps (resolution, reasoning, the violation checks) are linear in the size of the graph.
The new store is written aside and published only when every document read, extracted and
validated cleanly and every violation query came back empty.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import time
import traceback
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from kg import alignment, reason, registers, store
from kg import namespaces as ns
from kg.documents import DocumentError, read
from kg.extract import ExtractionError, extract
from kg.mapping import Mapped, document_triples, to_rdf
from kg.paths import DOCUMENTS_DIR, QUERIES_DIR
from kg.records import Extraction
from kg.resolve import Resolution, resolve
from kg.sources import Source, sources_beside
from kg.validate import Problem, Report, chunk_graph, cited_entities, validate_graph

DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".pdf"}
VALIDATION_CHUNK = 200
Progress = Callable[[str], None]
Load = Callable[[bytes], None]


@dataclass
class Prepared:
    """Everything up to and including validation: what `kg validate` reports."""

    files: list[Path]
    extractions: list[Extraction] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    resolution: Resolution | None = None
    mapped: Mapped | None = None
    report: Report = field(default_factory=Report)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failures and self.report.conforms


@dataclass
class BuildResult:
    prepared: Prepared
    build: Path | None = None
    counts: dict[str, int] = field(default_factory=dict)
    check_failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.build is not None


def document_files(paths: Iterable[Path]) -> list[Path]:
    """The documents in the given files and folders (recursively), in a stable order."""
    found: set[Path] = set()
    for path in paths:
        if path.is_dir():
            found.update(p for p in path.rglob("*") if _is_document(p))
        elif path.exists():
            found.add(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return sorted(found)


def _is_document(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES and \
        not path.name.startswith((".", "README")) and \
        not any(part.startswith(".") for part in path.parts)


def prepare(paths: Iterable[Path] = (DOCUMENTS_DIR,), jobs: int | None = None,
            progress: Progress = lambda _: None, load: Load | None = None) -> Prepared:
    """Read, extract, resolve, map and validate; with `load`, each validated chunk of
    document graphs is handed to it as N-Quads."""
    paths = list(paths)
    prepared = Prepared(files=document_files(paths))
    if not prepared.files:
        names = ", ".join(str(p) for p in paths)
        prepared.failures.append(f"{names}: no documents found (.txt, .md or .pdf files)")
        return prepared
    started = time.perf_counter()
    progress(f"reading and extracting {len(prepared.files)} documents")
    outcomes = _map(_read_and_extract, [(str(f),) for f in prepared.files], jobs, progress,
                    "extracted")
    for outcome in outcomes:
        if isinstance(outcome, str):
            prepared.failures.append(outcome)
        else:
            prepared.extractions.append(outcome)
    prepared.timings["extract"] = time.perf_counter() - started
    started = time.perf_counter()
    prepared.resolution = resolve(prepared.extractions)
    prepared.mapped = to_rdf(prepared.resolution, registers.load())
    prepared.timings["resolve"] = time.perf_counter() - started
    started = time.perf_counter()
    prepared.report = _validate(prepared.mapped, jobs, progress, load)
    prepared.timings["map+validate" + ("+load" if load else "")] = \
        time.perf_counter() - started
    return prepared


def _read_and_extract(file_name: str) -> Extraction | str:
    """One document; a failure comes back as "file:line: reason" instead of an exception."""
    path = Path(file_name)
    try:
        document = read(path)
        source: Source | None = sources_beside(path).get(path.name)
        return extract(document, source.meta if source else None)
    except ExtractionError as error:
        return f"{path}:{error.line}: {error.reason}"
    except DocumentError as error:
        return str(error)
    except Exception as error:
        where = traceback.extract_tb(error.__traceback__)[-1]
        return (f"{path}: internal error while extracting ({type(error).__name__}: {error}, "
                f"at {Path(where.filename).name}:{where.lineno}); please report it")


# ------------------------------------------------------------------------- parallel work

_SHARED: dict[str, object] = {}


def _map(function, arguments: list[tuple], jobs: int | None, progress: Progress,
         verb: str, min_items: int = 8, collect: Callable | None = None) -> list:
    """Run function over arguments, in worker processes when there is enough work; with
    `collect`, each result goes to it as it arrives instead of into the returned list."""
    workers = jobs or os.cpu_count() or 1
    results: list = []
    keep = collect or results.append
    if workers <= 1 or len(arguments) < min_items:
        for index, args in enumerate(arguments, 1):
            keep(function(*args))
            _tick(progress, index, len(arguments), verb)
        return results
    context = multiprocessing.get_context("fork")
    gc.freeze()  # the workers' garbage collector then leaves the inherited objects' pages shared
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            chunk = max(1, len(arguments) // (workers * 8))
            for index, result in enumerate(pool.map(function, *zip(*arguments, strict=True),
                                                    chunksize=chunk), 1):
                keep(result)
                _tick(progress, index, len(arguments), verb)
    finally:
        gc.unfreeze()
    return results


def _tick(progress: Progress, index: int, total: int, verb: str) -> None:
    step = max(1, total // 10)
    if index == total or index % step == 0:
        progress(f"  {index}/{total} {verb}")


def _validate(mapped: Mapped, jobs: int | None, progress: Progress,
              load: Load | None) -> Report:
    documents = sorted(mapped.entries)
    workers = jobs or os.cpu_count() or 1
    size = max(1, min(VALIDATION_CHUNK, -(-len(documents) // (workers * 2))))  # every core busy
    chunks = [documents[i:i + size] for i in range(0, len(documents), size)]
    progress(f"validating {len(documents)} document graphs against the SHACL shapes"
             + (" and loading them" if load else ""))
    _SHARED["mapped"] = mapped
    _SHARED["cited"] = cited_entities(mapped)
    problems: set[Problem] = set()

    def collect(outcome: tuple[Report, bytes]) -> None:
        report, nquads = outcome
        problems.update(report.problems)
        if load is not None:
            load(nquads)

    try:
        _map(_validate_chunk, [(tuple(c), load is not None) for c in chunks], jobs, progress,
             "chunks validated", min_items=2 if len(documents) >= 16 else 8, collect=collect)
    finally:
        _SHARED.clear()
    return Report(sorted(problems))


def _validate_chunk(document_ids: tuple[str, ...], serialize: bool) -> tuple[Report, bytes]:
    """Map a chunk's documents, validate them, and (for a build) serialize them."""
    mapped = _SHARED["mapped"]
    assert isinstance(mapped, Mapped)
    cited = _SHARED["cited"]
    assert isinstance(cited, dict)
    graphs = {d: document_triples(mapped.entries[d]) for d in document_ids}
    report = validate_graph(chunk_graph(mapped, graphs, registers.load().vocabularies,
                                        reason.ontology_graph(), cited))
    if not serialize:
        return report, b""
    quads = (q for d, triples in graphs.items()
             for q in store.quads(triples, ns.document_graph(d)))
    return report, ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""


# ------------------------------------------------------------------------- the build


def build(paths: Iterable[Path], root: Path, jobs: int | None = None,
          progress: Progress = lambda _: None) -> BuildResult:
    """Prepare into a new store aside, and when everything is valid publish it."""
    with store.locked(root):
        partial = store.start_build(root)
        try:
            result = _build_aside(partial, paths, jobs, progress)
            if not result.prepared.ok or result.check_failures:
                store.discard(partial)
                return result
            _write_summary(partial, result.prepared, result)
            progress("publishing the new store")
            result.build = store.publish(partial, root)
        except BaseException:
            store.discard(partial)
            raise
        return result


def _build_aside(partial: Path, paths: Iterable[Path], jobs: int | None,
                 progress: Progress) -> BuildResult:
    """The store is closed when this returns (its only reference is this function's), so
    the folder can be renamed and served."""
    oxigraph = ox.Store(str(partial))
    prepared = prepare(paths, jobs, progress,
                       load=lambda nquads: oxigraph.bulk_load(nquads, ox.RdfFormat.N_QUADS))
    result = BuildResult(prepared)
    if not prepared.ok:
        return result
    assert prepared.mapped is not None
    started = time.perf_counter()
    progress("loading the entities, registers and ontology")
    _load_shared(oxigraph, prepared.mapped)
    progress("reasoning (OWL 2 RL rules over the ontology's closure)")
    result.counts = {"inferred": reason.infer(oxigraph)}
    result.check_failures = run_checks(oxigraph)
    if not result.check_failures:
        result.counts.update(count_entities(oxigraph))
    oxigraph.flush()
    oxigraph.optimize()
    prepared.timings["reason+check"] = time.perf_counter() - started
    return result


def _load_shared(oxigraph, mapped: Mapped) -> None:
    """Everything but the document graphs: ontology, its closure, registers, entities and
    their Wikidata alignment."""
    graphs: list[tuple[Iterable[tuple], URIRef]] = [
        (reason.ontology_graph(), ns.ONTOLOGY_GRAPH),
        (reason.ontology_closure(), ns.INFERRED_GRAPH),
        (registers.load().vocabularies, ns.REGISTERS_GRAPH),
        (mapped.entity_triples(), ns.ENTITIES_GRAPH),
        (alignment.alignment_graph(alignment.read_alignment(), set(mapped.entities)),
         ns.ALIGNMENT_GRAPH),
    ]
    for triples, name in graphs:
        oxigraph.bulk_extend(store.quads(triples, name))


def run_checks(oxigraph) -> list[str]:
    """queries/violation-*.rq: each row a query returns is a reason the build fails."""
    failures = []
    for query_file in sorted(QUERIES_DIR.glob("violation-*.rq")):
        rows = list(oxigraph.query(query_file.read_text(encoding="utf-8"),
                                   use_default_graph_as_union=True))
        for row in rows[:20]:
            values = ", ".join(str(v) for v in row)
            failures.append(f"{query_file.name}: {values}")
    return failures


_COUNTS = {
    "agreements": "pg:Agreement", "events": "pg:Event", "officials": "pg:Official",
    "posts": "pg:Post", "partner regions": "pg:PartnerRegion", "countries": "pg:Country",
    "organisations": "pg:Organisation", "ministries": "pg:Ministry", "Länder": "pg:Land",
    "documents": "pg:Document", "renderings": "pg:Rendering", "passages": "pg:Passage",
}


def count_entities(oxigraph) -> dict[str, int]:
    counts = {}
    for name, cls in _COUNTS.items():
        query = (f"PREFIX pg: <{ns.PG}> SELECT (COUNT(DISTINCT ?x) AS ?n) "
                 f"WHERE {{ ?x a {cls} }}")
        counts[name] = int(next(iter(oxigraph.query(query, use_default_graph_as_union=True)))
                           ["n"].value)
    counts["quads"] = len(oxigraph)
    return counts


def _write_summary(partial: Path, prepared: Prepared, result: BuildResult) -> None:
    assert prepared.resolution is not None
    summary = {
        "documents": [str(f) for f in prepared.files],
        "counts": result.counts,
        "warnings": [str(p) for p in prepared.report.warnings],
        "unlinked": [{"kind": k, "iri": i, "label": label}
                     for k, i, label in prepared.resolution.unlinked()],
    }
    (partial / "build.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2),
                                        encoding="utf-8")

