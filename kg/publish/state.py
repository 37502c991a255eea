"""What was pushed where: per target, the hash and triple count of each graph it received.

    <store>/publish-state.json   {"targets": {URL: {"graphs": {IRI: {"sha256", "triples"}}}}}
    <store>/.publish.lock        held while a publish runs

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
        temporary = self._path.with_name(f".{STATE_FILE}.{os.getpid()}")
        try:
            temporary.write_text(json.dumps(self._all, indent=1, sort_keys=True),
                                 encoding="utf-8")
            os.replace(temporary, self._path)
        except OSError as error:
            raise StateError(f"{self._path}: cannot write ({error.strerror})") from error
        self._saved_at = time.monotonic()

    def _save_now_and_then(self) -> None:
        if time.monotonic() - self._saved_at >= self._every_s:
            self.save()


def _read(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise StateError(f"{path}: cannot read the publish record ({error}); delete it and "
                         f"publish with --all") from error
    return data if isinstance(data, dict) else {}
