"""What was pushed where: per target, the hash and triple count of each graph it received.

    <store>/publish-state.json   {"targets": {URL: {"graphs": {IRI: {"sha256", "triples"}}}}}
    <store>/publish-hashes.json  {"build": NAME, "graphs": {IRI: [sha256, triples]}}
    <store>/.publish.lock        held while a publish runs

The hashes of the current build's graphs are kept because computing them means reading the
whole build (about 20 s per million triples); publishing the same build again (to another
target, or to finish an interrupted publish) then reads only the graphs it sends.

The file is rewritten (to a temporary file, then renamed) as graphs arrive, so a publish that
is interrupted leaves a true record of what the target already has, and the next one sends
only the rest.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

STATE_FILE = "publish-state.json"
HASHES_FILE = "publish-hashes.json"
LOCK_FILE = ".publish.lock"


class StateError(Exception):
    """The state file cannot be read or written, or another publish holds the lock."""


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    with (root / LOCK_FILE).open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise StateError(f"{root}: another `kg publish` is running from this store") \
                from error
        yield


class TargetState:
    """The record for one target, saved at most every `every_s` seconds and on `save()`."""

    def __init__(self, root: Path, target: str, every_s: float = 1.0) -> None:
        self._path = root / STATE_FILE
        self._target = target
        self._every_s = every_s
        self._saved_at = 0.0
        self._all = _read(self._path)
        self.graphs: dict[str, dict] = dict(self._all.get("targets", {})
                                            .get(target, {}).get("graphs", {}))

    def sha256(self, graph: str) -> str | None:
        return self.graphs.get(graph, {}).get("sha256")

    def pushed(self, graph: str, sha256: str, triples: int) -> None:
        self.graphs[graph] = {"sha256": sha256, "triples": triples}
        self._save_now_and_then()

    def deleted(self, graph: str) -> None:
        self.graphs.pop(graph, None)
        self._save_now_and_then()

    def forget(self) -> None:
        self.graphs.clear()

    def save(self) -> None:
        targets = self._all.setdefault("targets", {})
        targets[self._target] = {"graphs": dict(sorted(self.graphs.items()))}
        _write(self._path, self._all)
        self._saved_at = time.monotonic()

    def _save_now_and_then(self) -> None:
        if time.monotonic() - self._saved_at >= self._every_s:
            self.save()


class BuildHashes:
    """The sha256 and triple count of each graph of one build, as far as computed."""

    def __init__(self, root: Path, build: str) -> None:
        self._path = root / HASHES_FILE
        self._build = build
        try:
            saved = _read(self._path)
        except StateError:
            saved = {}  # only a cache: computed again
        graphs = saved.get("graphs") if saved.get("build") == build else None
        self._graphs: dict[str, list] = graphs if isinstance(graphs, dict) else {}
        self._changed = False

    def get(self, graph: str) -> tuple[str, int] | None:
        found = self._graphs.get(graph)
        return (str(found[0]), int(found[1])) if isinstance(found, list) and \
            len(found) == 2 else None

    def set(self, graph: str, sha256: str, triples: int) -> None:
        self._graphs[graph] = [sha256, triples]
        self._changed = True

    def save(self) -> None:
        if self._changed:
            _write(self._path, {"build": self._build, "graphs": self._graphs})


def _write(path: Path, data: dict) -> None:
    """Whole or not at all: a temporary file renamed over the old one."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(temporary, path)
    except OSError as error:
        raise StateError(f"{path}: cannot write ({error.strerror})") from error


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise StateError(f"{path}: cannot read the publish record ({error}); delete it and "
                         f"publish with --all") from error
    return data if isinstance(data, dict) else {}
