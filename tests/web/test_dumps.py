"""Dumps are made once per build, beside the store, and follow the build being served."""

from __future__ import annotations

import asyncio
import os
import shutil
from pathlib import Path

from kg.store import current_build
from kg.web.dumps import Dumps


def _copy_store(bundled_store: Path, target: Path) -> Path:
    build = current_build(bundled_store)
    assert build is not None
    (target / "builds").mkdir(parents=True)
    shutil.copytree(build, target / "builds" / build.name)
    (target / "current").symlink_to(Path("builds") / build.name)
    return target


def _serve_another_build(store: Path) -> None:
    """What `kg build` does when it publishes: a new build folder, `current` moved to it."""
    build = current_build(store)
    assert build is not None
    newer = build.parent / (build.name + "-next")
    shutil.copytree(build, newer)
    link = store / ".current-next"
    link.symlink_to(Path("builds") / newer.name)
    os.replace(link, store / "current")


def test_dumps_are_made_once_per_build_and_follow_the_served_build(bundled_store: Path,
                                                                     tmp_path: Path):
    store = _copy_store(bundled_store, tmp_path / "store")
    dumps = Dumps(store)
    assert dumps.ready() == []
    first = asyncio.run(dumps.all())
    assert {d.fmt for d in first} == {"ttl", "trig", "nq", "jsonld"}
    made_at = {d.fmt: d.path.stat().st_mtime_ns for d in first}
    again = asyncio.run(dumps.all())
    assert {d.fmt: d.path.stat().st_mtime_ns for d in again} == made_at
    assert not list(store.glob("dumps/*/.*partial"))

    _serve_another_build(store)
    assert dumps.ready() == []
    second = asyncio.run(dumps.all())
    assert {d.sha256 for d in second} == {d.sha256 for d in first}  # same graph, same bytes
    assert [p.name for p in (store / "dumps").iterdir()] == [current_build(store).name]


def test_a_dump_left_half_written_by_a_stopped_process_is_removed(bundled_store: Path,
                                                                    tmp_path: Path):
    store = _copy_store(bundled_store, tmp_path / "store")
    build = current_build(store)
    assert build is not None
    folder = store / "dumps" / build.name
    folder.mkdir(parents=True)
    no_such_process = 2 ** 22 + 7  # above Linux's largest process id
    abandoned = folder / f".partnerschaftsgraph.ttl.{no_such_process}.partial"
    abandoned.write_text("half", encoding="utf-8")
    asyncio.run(Dumps(store).all())
    assert not abandoned.exists()
    assert sorted(p.name for p in folder.iterdir() if not p.name.endswith(".sha256")) == [
        f"partnerschaftsgraph.{fmt}" for fmt in ("jsonld", "nq", "trig", "ttl")]
