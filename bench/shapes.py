"""What the `sh:or` of three date datatypes costs pyshacl, and what its cheaper equivalents cost.

    .venv/bin/python bench/corpus.py -n 100 -o /tmp/corpus-100
    PYTHONPATH=. .venv/bin/python bench/shapes.py /tmp/corpus-100   # default: bundled documents

The documents are read, extracted and mapped once; their graphs are cut into the chunks a
two-core build validates (kg/build.py), and every chunk is validated in each way, the ways
taking turns in rotating order, --repeats times after one chunk to warm up (the median is
reported):

- *sh:or (pyshacl)*: the shapes file as pyshacl ran it before (property shapes targeted);
- *without the date check*: the same without the seven `sh:or`s, checking nothing instead
  (the floor: what no date check at all would cost);
- *nodeKind + SPARQL*: each `sh:or` replaced by `sh:nodeKind sh:Literal`, plus a SPARQL
  check of the datatypes on an Oxigraph store of the chunk, as `queries/violation-*.rq` run
  on the built store (the query's time is added; loading the store is not, the build loads
  it anyway);
- *validate_graph*: what kg/validate.py does now: pyshacl without the `sh:or`s, the choice of
  datatypes checked in Python with pyshacl's rules.

Each way's problems (focus node, path, value) are compared with the first's on the same data;
with --spoil N every N-th date value is first replaced by a wrong one (a dateTime, a plain
string, an IRI, an ill-typed day, a gYearMonth of month 13 in turn). Beside the times, the
share of the cores other processes used (and the hypervisor took) meanwhile.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import machine
import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH, XSD

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from kg import reason, registers  # noqa: E402  (the product, from this checkout)
from kg.build import VALIDATION_CHUNK, document_files, prepare  # noqa: E402
from kg.mapping import document_triples  # noqa: E402
from kg.paths import DOCUMENTS_DIR, SHAPES_FILE  # noqa: E402
from kg.validate import (  # noqa: E402
    DatatypeChoice,
    Report,
    _targeted_property_shapes,
    _validation_shapes,
    chunk_graph,
    cited_entities,
    validate_graph,
)

logging.getLogger("rdflib.term").setLevel(logging.ERROR)  # no traceback for an ill-typed literal

DATES_QUERY = """
PREFIX pg: <https://w3id.org/partnerschaftsgraph/ontology#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
SELECT ?focus ?path ?value WHERE {
  VALUES (?class ?path) {
    (pg:Document dcterms:date) (pg:Ministry pg:validFrom) (pg:Ministry pg:validUntil)
    (pg:Agreement pg:signedOn) (pg:Partnership pg:since)
    (pg:Event sem:hasBeginTimeStamp) (pg:Event sem:hasEndTimeStamp) }
  ?focus ?path ?value ; a/rdfs:subClassOf* ?class .
  FILTER (!isLiteral(?value) || DATATYPE(?value) NOT IN (xsd:date, xsd:gYearMonth, xsd:gYear)
          || (DATATYPE(?value) = xsd:date
              && !COALESCE(DATATYPE(xsd:date(STR(?value))) = xsd:date, false)))
}"""


def chunk_graphs(paths: list[Path], workers: int = 2) -> list[Graph]:
    """The graphs a build with `workers` cores validates, one per chunk."""
    prepared = prepare(paths, jobs=workers)
    mapped = prepared.mapped
    assert mapped is not None
    documents = sorted(mapped.entries)
    size = max(1, min(VALIDATION_CHUNK, -(-len(documents) // (workers * 2))))
    cited = cited_entities(mapped)
    vocabularies, ontology = registers.load().vocabularies, reason.ontology_graph()
    return [chunk_graph(mapped, {d: document_triples(mapped.entries[d])
                                 for d in documents[i:i + size]}, vocabularies, ontology, cited)
            for i in range(0, len(documents), size)]


def with_node_kind(shapes: Graph) -> Graph:
    """The shapes with each `sh:or` replaced by `sh:nodeKind sh:Literal`."""
    rewritten = Graph()
    rewritten += shapes
    for shape, _ in list(rewritten.subject_objects(SH["or"])):
        rewritten.remove((shape, SH["or"], None))
        rewritten.add((shape, SH.nodeKind, SH.Literal))
    return rewritten


Verdict = tuple[str, str, str, str]  # severity, focus node, path, value


def verdicts(report: Report) -> set[Verdict]:
    return {(p.severity, p.focus.rsplit("<", 1)[-1].rstrip(">"), p.path, p.value)
            for p in report.problems}


def sparql_check(graph: Graph) -> tuple[set[Verdict], Spent]:
    """The rows of the datatype query on a store of the graph, and the query's seconds."""
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    wall, cpu = time.perf_counter(), time.process_time()
    rows = {("error", str(r["focus"].value), str(r["path"].value), str(r["value"].value))
            for r in store.query(DATES_QUERY)}
    return rows, Spent.since(wall, cpu)


Way = Callable[[Graph], tuple[set[Verdict], "Spent"]]


class Spent(tuple[float, float]):
    """Wall and CPU seconds of this process (pyshacl and the query run in it, one core)."""

    @classmethod
    def since(cls, wall: float, cpu: float) -> Spent:
        return cls((time.perf_counter() - wall, time.process_time() - cpu))

    def __add__(self, other: tuple) -> Spent:  # type: ignore[override]
        return Spent((self[0] + other[0], self[1] + other[1]))


def ways() -> dict[str, Way]:
    as_before = _targeted_property_shapes(Graph().parse(SHAPES_FILE))
    without = _validation_shapes()[0]  # since cold9 also without sh:lessThanOrEquals
    node_kind = with_node_kind(as_before)

    def timed(run: Callable[[Graph], Report]) -> Way:
        def measured(graph: Graph) -> tuple[set[Verdict], Spent]:
            wall, cpu = time.perf_counter(), time.process_time()
            report = run(graph)
            return verdicts(report), Spent.since(wall, cpu)
        return measured

    def shacl_and_sparql(graph: Graph) -> tuple[set[Verdict], Spent]:
        found, seconds = timed(lambda g: validate_graph(g, node_kind))(graph)
        rows, query_seconds = sparql_check(graph)
        return found | rows, seconds + query_seconds

    return {"sh:or (pyshacl)": timed(lambda g: validate_graph(g, as_before)),
            "without the date check": timed(lambda g: validate_graph(g, without)),
            "nodeKind + SPARQL": shacl_and_sparql,
            "validate_graph": timed(validate_graph)}


SPOILS = (Literal("2020-05-17T10:00:00", datatype=XSD.dateTime), Literal("17. Mai 2020"),
          URIRef("https://example.org/some-day"), Literal("2020-13-45", datatype=XSD.date),
          Literal("2020-13", datatype=XSD.gYearMonth))


def spoil(graphs: list[Graph], every: int) -> int:
    """Replaces every `every`-th date value by a wrong one (of the kinds in SPOILS)."""
    paths = sorted({c.path for c in _validation_shapes()[1] if isinstance(c, DatatypeChoice)})
    spoiled = 0
    for graph in graphs:
        for n, (s, p, o) in enumerate(sorted(t for path in paths
                                             for t in graph.triples((None, path, None)))):
            if n % every == 0:
                graph.remove((s, p, o))
                graph.add((s, p, SPOILS[spoiled % len(SPOILS)]))
                spoiled += 1
    return spoiled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DOCUMENTS_DIR])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--spoil", type=int, default=0, metavar="N",
                        help="replace every N-th date value by a wrong one (0: none)")
    args = parser.parse_args(argv)
    graphs = chunk_graphs(args.paths)
    spoiled = spoil(graphs, args.spoil) if args.spoil else 0
    triples = sum(len(g) for g in graphs)
    print(f"product commit: {machine.product_version()}; {len(document_files(args.paths))} "
          f"documents in {len(graphs)} chunks ({triples} triples, {spoiled} dates spoiled); "
          f"median of {args.repeats} runs, ways taking turns (in rotating order); "
          f"{machine.CPUS} cores", flush=True)
    runners = ways()
    seconds: dict[str, list[Spent]] = {name: [] for name in runners}
    found: dict[str, list[set[Verdict]]] = {}
    for run in runners.values():  # to warm up: caches of rdflib, pyshacl and the shapes
        run(graphs[0])
    load = machine.OtherLoad()
    names = list(runners)
    for repeat in range(args.repeats):
        for name in names[repeat % len(names):] + names[:repeat % len(names)]:
            run = runners[name]
            total, per_chunk = Spent((0.0, 0.0)), []
            for graph in graphs:
                chunk_verdicts, spent = run(graph)
                total += spent
                per_chunk.append(chunk_verdicts)
            seconds[name].append(total)
            found[name] = per_chunk
    reference = found["sh:or (pyshacl)"]
    base = statistics.median(s[1] for s in seconds["sh:or (pyshacl)"])
    print(f"{'way':<24} {'wall s':>7} {'CPU s':>7} {'CPU share':>9}  problems (focus, path, value)")
    for name, spent in seconds.items():
        wall, median = (statistics.median(s[i] for s in spent) for i in (0, 1))
        missed = sum(len(r - f) for r, f in zip(reference, found[name], strict=True))
        extra = sum(len(f - r) for r, f in zip(reference, found[name], strict=True))
        same = "same" if not missed + extra else f"{missed} missed, {extra} more"
        print(f"{name:<24} {wall:7.2f} {median:7.2f} {median / base:9.0%}  {same}")
    print(f"problems found by sh:or (pyshacl): {sum(len(r) for r in reference)}; "
          f"other load {load.share():.0%}, steal {load.steal_share():.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
