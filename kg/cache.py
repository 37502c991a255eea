"""What reading and extraction made of each document, remembered between builds.

    <store>/cache/<pipeline key>/<document key>.pickle

A build also records the fingerprint of all its inputs (`inputs_fingerprint`): a rebuild
whose fingerprint equals the current build's has nothing to do, and keeps that build.

A document's key covers its bytes, its path, and its row in the sources.csv beside it; the
pipeline key covers everything else its extraction depends on: the code (every file of the
kg package), the registers under mappings/ and the ontology with its shapes. What one of them
changes is therefore never reused; a rebuild reads and extracts only new and changed
documents, and is otherwise the same build as a cold one. The same folder holds what mapping
and validation made of each document (kg/graph_cache.py, keys `graph-…`). Entries are written
atomically; an unreadable one is a miss. The cache is the store's own (it holds pickles,
written by this program, read by nothing else).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import shutil
from functools import cache
from pathlib import Path

from kg import __version__
from kg.paths import MAPPINGS_DIR, ONTOLOGY_DIR, QUERIES_DIR

PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def pipeline_key() -> str:
    """A hash of the code, registers and ontology (once per process)."""
    digest = hashlib.sha256(__version__.encode())
    for folder in (PACKAGE_DIR, MAPPINGS_DIR, ONTOLOGY_DIR):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()
                           and "__pycache__" not in p.parts and p.suffix != ".pyc"):
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:24]


def document_key(path: Path, data: bytes, source_row: str) -> str:
    """A document's key: its bytes, its path, and its sources.csv row (`repr` of it)."""
    digest = hashlib.sha256(data)
    digest.update(str(path).encode())
    digest.update(source_row.encode())
    return digest.hexdigest()


def inputs_fingerprint(files: list[Path], strict: bool,
                       keys: dict[Path, str | None]) -> str | None:
    """Everything a build's result depends on: each document's key (kg/scan.py), the
    pipeline key, the violation checks, the derivations, and strictness; None when a file
    cannot be read (then it is built)."""
    digest = hashlib.sha256(f"{pipeline_key()} strict={strict}".encode())
    checks = [*QUERIES_DIR.glob("violation-*.rq"), *QUERIES_DIR.glob("scope-violation-*.rq"),
              *QUERIES_DIR.glob("derive-*.rq")]
    for query in sorted(checks):
        digest.update(query.name.encode() + hashlib.sha256(query.read_bytes()).digest())
    for path in files:
        key = keys.get(path)
        if key is None:
            return None
        digest.update(key.encode())
    return digest.hexdigest()


class ExtractionCache:
    """Get and put by key (a document's, or a graph's); `used` keeps what this build
    touched, for pruning."""

    def __init__(self, root: Path, enabled: bool = True):
        self.folder = root / "cache" / pipeline_key()
        self.enabled = enabled
        self.used: set[str] = set()
        self._listed: set[str] | None = None  # the entries' file names, read once

    def get(self, key: str) -> object | None:
        self.used.add(key)
        if not self.enabled:
            return None
        try:
            with (self.folder / f"{key}.pickle").open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError,
                TypeError, ValueError):
            return None

    def has(self, key: str) -> bool:
        """Whether an entry is there (without reading it): the folder is listed once, not
        a file looked up for each key (a rebuild asks for two keys a document)."""
        if not self.enabled:
            return False
        if self._listed is None:
            try:
                self._listed = set(os.listdir(self.folder))
            except OSError:
                self._listed = set()
        return f"{key}.pickle" in self._listed

    def peek(self, key: str) -> object | None:
        """An entry, without keeping it for this build (what the previous build used)."""
        used = key in self.used
        value = self.get(key)
        if not used:
            self.used.discard(key)
        return value

    def put(self, key: str, value: object) -> None:
        self.used.add(key)
        self.folder.mkdir(parents=True, exist_ok=True)
        final = self.folder / f"{key}.pickle"
        temporary = self.folder / f".{key}.{os.getpid()}.tmp"
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, final)
        if self._listed is not None:
            self._listed.add(final.name)

    def prune(self) -> None:
        """Drop other pipeline keys' entries and entries this build did not use."""
        for other in self.folder.parent.glob("*"):
            if other != self.folder:
                shutil.rmtree(other, ignore_errors=True)
        try:
            with os.scandir(self.folder) as listing:  # 30 000 entries at 10 000 documents:
                names = [entry.name for entry in listing]  # 0.02 s of CPU, Path.glob 0.08 s
        except FileNotFoundError:
            return
        for name in names:
            if name.startswith(".") or name.rpartition(".")[0] not in self.used:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.folder / name)
