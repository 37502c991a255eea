"""A cold build's loading (patch.FullLoad) hands the loader each graph's N-Quads and what it
implies as they are: a chunk's bytes are not first joined per document (round h-mem15)."""

from __future__ import annotations

import pyoxigraph as ox

from kg import patch
from kg.graph_cache import DocumentGraph


def _graph(document: str, quads: int) -> DocumentGraph:
    graph = f"<https://example.org/graph/{document}>"
    nquads = "".join(f"<https://example.org/{document}/{i}> <https://example.org/p> "
                     f"\"{i}\" {graph} .\n" for i in range(quads)).encode()
    implied = "".join(f"<https://example.org/{document}/{i}> <https://example.org/q> "
                      f"<https://example.org/c> <https://example.org/inferred> .\n"
                      for i in range(quads // 2)).encode()
    return DocumentGraph(nquads, implied, (), frozenset(), frozenset(), "")


def test_a_chunk_is_loaded_from_the_graphs_own_bytes(monkeypatch):
    graphs = [(f"d{i}", f"key{i}", _graph(f"d{i}", 40)) for i in range(5)]
    handed: list[bytes] = []
    batches = patch._batches

    def recorded(parts):
        handed.extend(parts)
        return batches(parts)

    monkeypatch.setattr(patch, "_batches", recorded)
    monkeypatch.setattr(patch, "LOAD_BATCH_BYTES", 3000)  # batches end inside a document
    load = patch.FullLoad(ox.Store())
    load(graphs)
    own = [part for _, _, g in graphs for part in (g.nquads, g.implied)]
    assert len(handed) == len(own)
    assert all(a is b for a, b in zip(handed, own, strict=True))  # not copies
    assert len(load.store) == 5 * 40 + 5 * 20
    assert load.documents == {f"d{i}": f"key{i}" for i in range(5)}
