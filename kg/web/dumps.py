"""Dumps of the served build, made once per build on first request and kept beside the store
(`<store>/dumps/<build>/`), each with its SHA-256. Written by kg/export.py: sorted, so two
builds of the same inputs give the same bytes and the same checksums."""

from __future__ import annotations

import asyncio
import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.export import FORMATS, export
from kg.store import current_build, process_alive

DUMP_FORMATS = ("ttl", "trig", "nq", "jsonld")
FILE_NAMES = {fmt: f"partnerschaftsgraph.{fmt}" for fmt in DUMP_FORMATS}


@dataclass(frozen=True)
class Dump:
    fmt: str
    name: str
    path: Path
    size: int
    sha256: str

    @property
    def media_type(self) -> str:
        return FORMATS[self.fmt].media_type


class Dumps:
    """Makes and finds the dumps of whatever build `<store>/current` points at."""

    def __init__(self, store: Path):
        self.store = store
        self._lock = asyncio.Lock()

    def folder(self) -> Path | None:
        build = current_build(self.store)
        return None if build is None else self.store / "dumps" / build.name

    def ready(self) -> list[Dump]:
        """The dumps already made for the current build (no waiting)."""
        folder = self.folder()
        return [] if folder is None else [d for d in map(lambda f: _read(folder, f),
                                                          DUMP_FORMATS) if d is not None]

    async def all(self) -> list[Dump]:
        """Every dump of the current build, made now if missing (one maker at a time)."""
        async with self._lock:
            if len(self.ready()) < len(DUMP_FORMATS):
                await asyncio.to_thread(self._make_missing)
        return self.ready()

    def _make_missing(self) -> None:
        build = current_build(self.store)
        if build is None:
            return
        folder = self.store / "dumps" / build.name
        folder.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(folder)
        source = ox.Store.read_only(str(build))
        for fmt in DUMP_FORMATS:
            if _read(folder, fmt) is None:
                _write(source, folder, fmt)
        _prune(self.store / "dumps", keep=build.name)


def _read(folder: Path, fmt: str) -> Dump | None:
    path = folder / FILE_NAMES[fmt]
    checksum = path.with_name(path.name + ".sha256")
    if not (path.is_file() and checksum.is_file()):
        return None
    digest = checksum.read_text(encoding="ascii").split()[0]
    return Dump(fmt, path.name, path, path.stat().st_size, digest)


def _write(source: ox.Store, folder: Path, fmt: str) -> None:
    """The dump, then its checksum file, each renamed into place only when complete."""
    path = folder / FILE_NAMES[fmt]
    partial = folder / f".{path.name}.{os.getpid()}.partial"
    export(source, partial, fmt)
    digest = hashlib.sha256()
    with partial.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    os.replace(partial, path)
    sums = folder / f".{path.name}.sha256.{os.getpid()}.partial"
    sums.write_text(f"{digest.hexdigest()}  {path.name}\n", encoding="ascii")
    os.replace(sums, path.with_name(path.name + ".sha256"))


def _remove_abandoned(folder: Path) -> None:
    """Partial files of a process that was stopped while it wrote them."""
    for partial in folder.glob(".*.partial"):
        pid = partial.name.rsplit(".", 2)[-2]
        if pid.isdigit() and not process_alive(int(pid)):
            partial.unlink(missing_ok=True)



def _prune(dumps: Path, keep: str) -> None:
    """Dumps of builds that are no longer served go."""
    for folder in dumps.iterdir():
        if folder.is_dir() and folder.name != keep:
            shutil.rmtree(folder, ignore_errors=True)
