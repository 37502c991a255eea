"""What is computed from fixed files only, remembered on disk between processes.

The ontology's OWL closure (owlrl, kg/reason.py) and the index of GeoNames' cities
(kg/extract/places.py) cost seconds to compute and are the same for every build until the
files they come from change; a one-document rebuild would spend most of its time on them.
Each is kept as

    <cache folder>/<name>-<key>.pickle

where the key covers the files it is computed from (each file's path, size and modification
time, or, for small files, its bytes), the module that computes it and the package version.
The cache folder is $KG_CACHE_DIR, else $XDG_CACHE_HOME/partnerschaftsgraph, else
~/.cache/partnerschaftsgraph. An entry that cannot be read is computed again; one that cannot
be written is not kept (the result is the same either way).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from kg import __version__

T = TypeVar("T")
SMALL = 1 << 20  # files up to this size are keyed by their bytes


def cache_folder() -> Path:
    if os.environ.get("KG_CACHE_DIR"):
        return Path(os.environ["KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "partnerschaftsgraph"


def key(sources: Iterable[Path]) -> str:
    digest = hashlib.sha256(__version__.encode())
    for path in sources:
        status = path.stat()
        digest.update(str(path.resolve()).encode())
        if status.st_size <= SMALL:
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        else:
            digest.update(f"{status.st_size} {status.st_mtime_ns}".encode())
    return digest.hexdigest()[:24]


def remembered(name: str, sources: Iterable[Path], compute: Callable[[], T]) -> T:
    """`compute()`, or what it returned before from the same sources (pass the module
    computing it among them)."""
    try:
        entry = cache_folder() / f"{name}-{key(sources)}.pickle"
    except OSError:
        return compute()
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError,
                             ImportError, TypeError, ValueError), entry.open("rb") as handle:
        return pickle.load(handle)
    value = compute()
    temporary = entry.with_name(f".{entry.name}.{os.getpid()}.tmp")
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
        for older in entry.parent.glob(f"{name}-*.pickle"):
            if older != entry:
                older.unlink(missing_ok=True)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink()
    return value
