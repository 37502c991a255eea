"""Golden cases: each folder of tests/golden/ holds one small invented document (`input.*`), its
`sources.csv` row, and `expected.trig`, the RDF the product must map it to: the document's named
graph and the entities graph. A new folder is a new test.

The comparison is `rdflib.compare.isomorphic` per named graph; on a difference the test prints
the triples only expected and only produced (`rdflib.compare.graph_diff`).

To write a new case's expected file with the product (then read every triple by hand!):
    python -m tests.test_golden CASE [CASE ...]      (--force overwrites an existing one)
A case whose `expected.trig` is missing fails instead of being written, so that an unchecked
output is never taken for an expectation.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg import namespaces as ns
from kg.build import Prepared, prepare
from kg.scan import DOCUMENT_SUFFIXES
from kg.sources import read_sources

GOLDEN = Path(__file__).parent / "golden"
EXPECTED = "expected.trig"
# Cases whose expected output the product does not give yet: name -> the product bug, as reported.
KNOWN_BUGS: dict[str, str] = {}


def cases() -> list[Path]:
    return sorted(p for p in GOLDEN.iterdir() if p.is_dir() and not p.name.startswith("."))


def input_file(case: Path) -> Path:
    (found,) = [p for p in case.iterdir() if p.stem == "input" and p.suffix in DOCUMENT_SUFFIXES]
    return found


def run(case: Path) -> tuple[Prepared, dict[URIRef, Graph]]:
    """The case's document through reading, extraction, resolution, mapping and validation:
    its graphs by name (the document's named graph and the entities graph)."""
    prepared = prepare([input_file(case)], jobs=1)
    assert not prepared.failures, prepared.failures
    assert prepared.mapped is not None
    (document_id,) = prepared.mapped.documents
    graphs = {ns.document_graph(document_id): prepared.mapped.documents[document_id],
              ns.ENTITIES_GRAPH: prepared.mapped.entity_graph()}
    return prepared, graphs


def expected_graphs(case: Path) -> dict[URIRef, Graph]:
    dataset = Dataset()
    with warnings.catch_warnings():  # rdflib's TriG parser uses its own deprecated classes
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(case / EXPECTED, format="trig")
    graphs = {}
    for graph in dataset.graphs():
        if len(graph):
            copy = Graph()
            for triple in graph:
                copy.add(triple)
            graphs[graph.identifier] = copy
    return graphs


def readable_diff(name: URIRef, expected: Graph, actual: Graph) -> str:
    """The triples only expected and only produced, one a line, with the project's prefixes."""
    _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
    names = Graph()
    for prefix, namespace in ns.PREFIXES.items():
        names.bind(prefix, namespace)
    lines = [f"graph <{name}> differs:"]
    for label, graph in (("only expected", only_expected), ("only produced", only_actual)):
        lines.append(f"--- {label} ({len(graph)} triples)")
        lines.extend(sorted("    " + " ".join(t.n3(names.namespace_manager) for t in triple)
                            .replace(f"<{ns.ID}", "<id:") + " ." for triple in graph))
    return "\n".join(lines)


def _param(case: Path):
    marks = [pytest.mark.xfail(reason=KNOWN_BUGS[case.name], strict=True)] \
        if case.name in KNOWN_BUGS else []
    return pytest.param(case, id=case.name, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in cases()])
def test_golden_case(case: Path):
    assert (case / EXPECTED).is_file(), f"{case.name}: no {EXPECTED}; write and check one"
    prepared, actual = run(case)
    expected = expected_graphs(case)
    assert set(expected) == set(actual), (sorted(expected), sorted(actual))
    problems = [readable_diff(name, expected[name], actual[name]) for name in sorted(expected)
                if not isomorphic(expected[name], actual[name])]
    assert not problems, "\n\n".join(problems)
    assert prepared.report.conforms, [str(p) for p in prepared.report.errors]


def test_there_is_a_golden_case_of_every_genre():
    genres = {read_sources(c / "sources.csv")[input_file(c).name].meta.genre for c in cases()}
    assert genres == {"press-release", "answer", "report"}


def write_expected(case: Path) -> Path:
    """Write the case's expected.trig from what the product gives now (to be checked by hand)."""
    _, graphs = run(case)
    dataset = Dataset()
    for prefix, namespace in ns.PREFIXES.items():
        dataset.bind(prefix, namespace)
    for name, graph in graphs.items():
        target = dataset.graph(name)
        for triple in graph:
            target.add(triple)
    path = case / EXPECTED
    path.write_text(dataset.serialize(format="trig"), encoding="utf-8")
    return path


if __name__ == "__main__":
    force = "--force" in sys.argv
    for name in (a for a in sys.argv[1:] if a != "--force"):
        if (GOLDEN / name / EXPECTED).exists() and not force:
            sys.exit(f"{name}: {EXPECTED} exists (checked by hand); --force overwrites it")
        print(write_expected(GOLDEN / name))
