"""The input files and their keys, and what each file was when its bytes were last hashed,
so that a rebuild reads only the files that changed (issue 9).

    scan.pickle   Scan, beside the build's store (kg/patch.py), written with the build

A file's document key (kg/cache.py) hashes its bytes, its path and its row in the sources.csv
beside it. A build remembers, for each file, the key with the file's stat as it was read
(size, mtime, ctime, inode, device) and its sources.csv row. The next build takes the key
without reading the file when its stat and its row are the same and the file is *clean*:
last changed (mtime and ctime) at least `RACY_NS` before the remembered scan began. A file
changed while or shortly before it was last read may have changed again within the same tick
of the file system's clock, leaving its stat as it was: it is read and hashed again (git's
"racy clean" entries). Writing a file changes its ctime, which no program can set back, so
an edit that keeps size and mtime is still seen. Without a remembered scan (a first build,
`from_scratch`, an older store), every file is read.
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kg.cache import document_key
from kg.pickling import read_remembered
from kg.sources import SourcesError, sources_beside

SCAN = "scan.pickle"
DOCUMENT_SUFFIXES = {".txt", ".md", ".markdown", ".pdf"}
# a change this close to a scan may share its timestamp with what the scan read: the
# coarsest file timestamps in common use (FAT's) are 2 s apart
RACY_NS = 2_000_000_000

Stat = tuple[int, int, int, int, int]


@dataclass
class Scan:
    """Each file's key, as found by a scan that began at `since` (ns since the epoch)."""

    since: int
    files: dict[str, tuple[Stat, str, str]] = field(default_factory=dict)  # stat, row, key

    def clean(self, path: str, stat: Stat, row: str) -> str | None:
        """The remembered key of a file, if it is still the file that was read."""
        found = self.files.get(path)
        if found is None or found[0] != stat or found[1] != row:
            return None
        _, mtime, ctime, _, _ = stat
        return found[2] if max(mtime, ctime) < self.since - RACY_NS else None


def document_files(paths: Iterable[Path]) -> list[Path]:
    """The documents in the given files and folders (recursively), in a stable order: no
    hidden file or folder inside a given folder, no README; a folder given by a symbolic link
    is read, one met inside is not. A folder given is read wherever it lies (`../documents`,
    a folder under `~/.local`): the user named it."""
    found: set[str] = set()  # as text: a Path hashes and compares in Python, slowly
    for path in paths:
        if path.is_dir():
            found.update(_documents_under(str(path)))
        elif path.exists():
            found.add(str(path))
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
    return [Path(name) for name in sorted(found, key=_parts)]


def _parts(name: str) -> list[str]:
    """The parts of a normalized path, as Path orders paths by them."""
    return ["/", *name[1:].split("/")] if name.startswith("/") else name.split("/")


def _documents_under(folder: str) -> Iterable[str]:
    try:
        with os.scandir(folder) as listing:
            entries = list(listing)
    except PermissionError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _documents_under(entry.path)
        elif not name.startswith("README") and entry.is_file() and \
                os.path.splitext(name)[1].lower() in DOCUMENT_SUFFIXES:
            yield entry.path


def file_keys(files: list[Path], remembered: Scan | None = None) -> tuple[
        dict[Path, str | None], Scan]:
    """Each file's key (None if the file or its sources.csv cannot be read), each
    sources.csv read once; a clean file `remembered` is not read. With the scan to remember
    (files whose key is None are left out of it)."""
    scan = Scan(time.time_ns())
    keys: dict[Path, str | None] = {}
    rows: dict[str, dict | None] = {}  # by folder
    for path in files:
        folder, name = os.path.split(str(path))
        if folder not in rows:
            try:
                rows[folder] = sources_beside(path)
            except (OSError, SourcesError):
                rows[folder] = None
        beside = rows[folder]
        keys[path] = None if beside is None else \
            _key(path, repr(beside.get(name)), remembered, scan)
    return keys, scan


def _key(path: Path, row: str, remembered: Scan | None, scan: Scan) -> str | None:
    name = str(path)
    try:
        if remembered is not None:
            key = remembered.clean(name, _stat(os.stat(name)), row)
            if key is not None:
                scan.files[name] = remembered.files[name]
                return key
        with path.open("rb") as handle:
            stat = _stat(os.fstat(handle.fileno()))  # of the bytes read, taken before them
            data = handle.read()
    except OSError:
        return None
    key = document_key(path, data, row)
    scan.files[name] = (stat, row, key)
    return key


def _stat(found: os.stat_result) -> Stat:
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)


def read_scan(build: Path | None) -> Scan | None:
    return None if build is None else read_remembered(build / SCAN, Scan)


def write_scan(build: Path, scan: Scan) -> None:
    temporary = build / f".{SCAN}.{os.getpid()}.tmp"
    with temporary.open("wb") as handle:
        pickle.dump(scan, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, build / SCAN)
