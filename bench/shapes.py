"""What the `sh:or` of three date datatypes costs pyshacl, and what its cheaper equivalents cost.

    .venv/bin/python bench/corpus.py -n 100 -o /tmp/corpus-100
    PYTHONPATH=. .venv/bin/python bench/shapes.py /tmp/corpus-100   # default: bundled documents

The documents are read, extracted and mapped once; their graphs are cut into the chunks a
two-core build validates (kg/build.py), and every chunk is validated in each way, the ways
taking turns, --repeats times after one chunk to warm up (the median is reported):

- *sh:or (pyshacl)*: the shapes file as pyshacl ran it before (property shapes targeted);
- *without the date check*: the same without the seven `sh:or`s, checking nothing instead
  (the floor: what no date check at all would cost);
- *nodeKind + SPARQL*: each `sh:or` replaced by `sh:nodeKind sh:Literal`, plus a SPARQL
  check of the datatypes on an Oxigraph store of the chunk, as `queries/violation-*.rq` run
  on the built store (the query's time is added; loading the store is not, the build loads
  it anyway);
- *validate_graph*: what kg/validate.py does now: pyshacl without the `sh:or`s, the choice of
  datatypes checked in Python with pyshacl's rules.

Each way's problems are compared with the first's on the same data. Beside the times, the
share of the cores other processes used (and the hypervisor took) meanwhile.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import machine
import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import SH

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from kg import reason, registers  # noqa: E402  (the product, from this checkout)
from kg.build import VALIDATION_CHUNK, document_files, prepare  # noqa: E402
from kg.mapping import document_triples  # noqa: E402
from kg.paths import DOCUMENTS_DIR, SHAPES_FILE  # noqa: E402
from kg.validate import (  # noqa: E402
    Report,
    _targeted_property_shapes,
    _validation_shapes,
    chunk_graph,
    cited_entities,
    validate_graph,
)

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


def sparql_check(graph: Graph) -> tuple[int, float]:
    """The rows of the datatype query on a store of the graph, and the query's seconds."""
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    started = time.perf_counter()
    rows = sum(1 for _ in store.query(DATES_QUERY))
    return rows, time.perf_counter() - started


def ways() -> dict[str, Callable[[Graph], tuple[Report, float]]]:
    as_before = _targeted_property_shapes(Graph().parse(SHAPES_FILE))
    without = _validation_shapes()[0]
    node_kind = with_node_kind(as_before)

    def timed(run: Callable[[Graph], Report]) -> Callable[[Graph], tuple[Report, float]]:
        def measured(graph: Graph) -> tuple[Report, float]:
            started = time.perf_counter()
            report = run(graph)
            return report, time.perf_counter() - started
        return measured

    def shacl_and_sparql(graph: Graph) -> tuple[Report, float]:
        report, seconds = timed(lambda g: validate_graph(g, node_kind))(graph)
        _, query_seconds = sparql_check(graph)
        return report, seconds + query_seconds

    return {"sh:or (pyshacl)": timed(lambda g: validate_graph(g, as_before)),
            "without the date check": timed(lambda g: validate_graph(g, without)),
            "nodeKind + SPARQL": shacl_and_sparql,
            "validate_graph": timed(validate_graph)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DOCUMENTS_DIR])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    graphs = chunk_graphs(args.paths)
    triples = sum(len(g) for g in graphs)
    print(f"product commit: {machine.product_version()}; {len(document_files(args.paths))} "
          f"documents in {len(graphs)} chunks ({triples} triples); median of {args.repeats} "
          f"runs, ways taking turns; {machine.CPUS} cores", flush=True)
    runners = ways()
    seconds: dict[str, list[float]] = {name: [] for name in runners}
    problems: dict[str, list] = {}
    for run in runners.values():  # to warm up: caches of rdflib, pyshacl and the shapes
        run(graphs[0])
    load = machine.OtherLoad()
    for _ in range(args.repeats):
        for name, run in runners.items():
            total, found = 0.0, []
            for graph in graphs:
                report, spent = run(graph)
                total += spent
                found.append(report.problems)
            seconds[name].append(total)
            problems[name] = found
    reference = problems["sh:or (pyshacl)"]
    base = statistics.median(seconds["sh:or (pyshacl)"])
    print(f"{'way':<24} {'seconds':>8} {'share':>6}  problems")
    for name, spent in seconds.items():
        median = statistics.median(spent)
        same = "same" if problems[name] == reference else "differ"
        print(f"{name:<24} {median:8.2f} {median / base:6.0%}  {same}")
    print(f"problems on the data: {sum(len(p) for p in reference)}; "
          f"other load {load.share():.0%}, steal {load.steal_share():.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
