"""Builds are written aside and published in one step; nothing half-written is left."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg import store


def _finished_build(root: Path, quad_count: int) -> Path:
    partial = store.start_build(root)
    oxigraph = ox.Store(str(partial))
    oxigraph.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(str(i)),
                            ox.NamedNode("urn:g")) for i in range(quad_count))
    oxigraph.flush()
    del oxigraph
    return store.publish(partial, root)


def test_publish_points_current_at_the_new_build(tmp_path: Path):
    first = _finished_build(tmp_path, 1)
    assert store.current_build(tmp_path) == first
    second = _finished_build(tmp_path, 2)
    assert store.current_build(tmp_path) == second
    assert len(store.open_read_only(tmp_path)) == 2
    assert not list(tmp_path.glob(".current-*"))


def test_old_builds_are_pruned_but_the_previous_one_is_kept(tmp_path: Path):
    builds = [_finished_build(tmp_path, n) for n in range(1, 5)]
    left = sorted((tmp_path / "builds").glob("build-*"))
    assert left == builds[-store.KEEP_BUILDS:]


def test_a_partial_build_is_removed_by_the_next_build(tmp_path: Path):
    _finished_build(tmp_path, 1)
    leftover = tmp_path / "builds" / ".partial-99999-interrupted"
    leftover.mkdir(parents=True)
    (leftover / "junk").write_text("x")
    store.start_build(tmp_path)
    assert not leftover.exists()


def test_discarding_a_build_leaves_current_untouched(tmp_path: Path):
    first = _finished_build(tmp_path, 1)
    partial = store.start_build(tmp_path)
    ox.Store(str(partial)).add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"),
                                       ox.NamedNode("urn:c")))
    store.discard(partial)
    assert not partial.exists()
    assert store.current_build(tmp_path) == first


def test_one_build_at_a_time(tmp_path: Path):
    with store.locked(tmp_path), pytest.raises(store.StoreError, match="another build"), \
            store.locked(tmp_path):
        pass


def test_reading_an_empty_store_is_a_clear_error(tmp_path: Path):
    with pytest.raises(store.StoreError, match="run `kg build` first"):
        store.open_read_only(tmp_path / "nothing")

