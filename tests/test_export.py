"""Dumps are sorted, free of blank nodes, and byte-identical across builds of the same input."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.build import build
from kg.export import export
from kg.paths import DOCUMENTS_DIR
from kg.store import open_read_only

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory) -> tuple[Path, Path]:
    roots = (tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second"))
    for root in roots:
        assert build([DOCUMENTS_DIR], root, jobs=1).ok
    return roots


@pytest.mark.parametrize("fmt", ["ttl", "trig", "nq", "jsonld"])
def test_two_builds_give_the_same_bytes(two_builds, tmp_path: Path, fmt: str):
    dumps = []
    for index, root in enumerate(two_builds):
        target = tmp_path / f"dump-{index}.{fmt}"
        export(open_read_only(root), target, fmt)
        dumps.append(target.read_bytes())
    assert dumps[0] == dumps[1]
    assert len(dumps[0]) > 100_000


def test_turtle_is_the_union_each_triple_once(two_builds, tmp_path: Path):
    target = tmp_path / "graph.ttl"
    count = export(open_read_only(two_builds[0]), target, "ttl")
    graph = Graph().parse(target, format="turtle")
    assert len(graph) == count
    assert not [s for s in graph.subjects() if s.__class__.__name__ == "BNode"]
    assert "@prefix pg: <https://w3id.org/partnerschaftsgraph/ontology#>" in target.read_text()


def test_trig_keeps_the_named_graphs(two_builds, tmp_path: Path):
    target = tmp_path / "graph.trig"
    export(open_read_only(two_builds[0]), target, "trig")
    dataset = Dataset().parse(target, format="trig")
    names = {str(g.identifier) for g in dataset.graphs()}
    assert "https://w3id.org/partnerschaftsgraph/graph/document/nw-vorlage-18-1828" in names
    assert "https://w3id.org/partnerschaftsgraph/graph/entities" in names
    assert "https://w3id.org/partnerschaftsgraph/graph/inferred" in names


def test_asserted_only_leaves_out_the_inferred_graph(two_builds, tmp_path: Path):
    target = tmp_path / "asserted.nq"
    export(open_read_only(two_builds[0]), target, "nq", asserted_only=True)
    assert "graph/inferred" not in target.read_text(encoding="utf-8")
