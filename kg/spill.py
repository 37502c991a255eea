"""The resolved corpus on disk while a build maps, validates and reasons: resolution needs
every document's extractions at once, but after it each stage reads a chunk of documents at
a time, so a build keeps the entries and extractions in an unnamed temporary file (deleted
when closed) and unpickles one when it is asked for. The build process then holds the
entities and the keys, not some 0.2 MB of records and passages per document
(bench/README.md, *Memory*)."""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Generic, TypeVar, overload

V = TypeVar("V")


class _File:
    """An unnamed temporary file of pickles, each read back by its offset and size."""

    def __init__(self) -> None:
        # open as long as the mapping lives; closed (and so deleted) when it is collected
        self._handle = tempfile.TemporaryFile(prefix="kg-spill-")  # noqa: SIM115

    def put(self, value: object) -> tuple[int, int]:
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self._handle.tell()
        self._handle.write(data)
        return offset, len(data)

    def get(self, where: tuple[int, int]) -> object:
        offset, size = where
        return pickle.loads(os.pread(self._handle.fileno(), size, offset))

    def done(self) -> None:
        self._handle.flush()


class SpilledMapping(Mapping[str, V], Generic[V]):
    """A read-only mapping whose values wait on disk, in the order they were given."""

    def __init__(self, items: Iterable[tuple[str, V]]):
        self._file = _File()
        self._where = {key: self._file.put(value) for key, value in items}
        self._file.done()

    def __getitem__(self, key: str) -> V:
        return self._file.get(self._where[key])  # type: ignore[return-value]

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, key: object) -> bool:
        return key in self._where


class SpilledList(Sequence[V], Generic[V]):
    """A read-only list whose items wait on disk."""

    def __init__(self, items: Iterable[V]):
        self._file = _File()
        self._where = [self._file.put(item) for item in items]
        self._file.done()

    @overload
    def __getitem__(self, index: int) -> V: ...

    @overload
    def __getitem__(self, index: slice) -> list[V]: ...

    def __getitem__(self, index: int | slice) -> V | list[V]:
        if isinstance(index, slice):
            return [self._file.get(w) for w in self._where[index]]  # type: ignore[misc]
        return self._file.get(self._where[index])  # type: ignore[return-value]

    def __len__(self) -> int:
        return len(self._where)
