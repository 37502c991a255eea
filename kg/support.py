"""How many sources imply each inferred triple, kept so that a rebuild reads it at once.

A build counts, for each triple some graph implies, how many sources imply it (kg/patch.py:
a triple stays in `graph/inferred` while one does). At a thousand documents that is a quarter
of a million counts, keyed by 16 bytes of each triple's digest. Pickled as a Counter they took
a rebuild a quarter of a second to read back (one object per key and count) and as long to
write again. Here they are one bytes object of the keys, sorted, and one array of the counts:
read and written as two buffers. A rebuild changes a few hundred counts: those changes are
kept apart (`changes`), a count is looked up by bisection, and `sealed` merges the changes
into new buffers by copying the unchanged runs between them.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Mapping
from itertools import groupby

WIDTH = 16  # the length of a key (patch.support_key)


class _Keys:
    """The sorted keys as a sequence, for bisect (without a list of a key per triple)."""

    def __init__(self, keys: bytes):
        self.keys = keys

    def __len__(self) -> int:
        return len(self.keys) // WIDTH

    def __getitem__(self, index: int) -> bytes:
        """The key at `index`, which bisection keeps within 0 and len (not checked: a
        lookup asks 18 of these at 250 000 keys, a rebuild thousands of lookups)."""
        return self.keys[index * WIDTH:(index + 1) * WIDTH]


class Support:
    """Each key's count (only positive ones are kept); `update` and `subtract` count sources
    in and out, as a Counter's do."""

    def __init__(self, keys: bytes = b"", counts: array | None = None):
        if len(keys) % WIDTH:
            raise ValueError("support keys are not whole")
        self.keys = keys
        self.counts = array("I") if counts is None else counts
        if len(self.counts) * WIDTH != len(keys):
            raise ValueError("support keys and counts differ in number")
        self.changes: dict[bytes, int] = {}  # key -> its count now (0 or less: none)

    @classmethod
    def of(cls, counter: Mapping[bytes, int]) -> Support:
        """From a Counter."""
        keys = sorted(key for key, n in counter.items() if n > 0)
        return cls(b"".join(keys), array("I", [counter[key] for key in keys]))

    def _base(self, key: bytes) -> int:
        index = bisect.bisect_left(_Keys(self.keys), key)
        if index < len(self.counts) and self.keys[index * WIDTH:(index + 1) * WIDTH] == key:
            return self.counts[index]
        return 0

    def get(self, key: bytes, default: int = 0) -> int:
        found = self.changes.get(key)
        count = self._base(key) if found is None else found
        return count if count > 0 else default

    def __contains__(self, key: object) -> bool:
        return isinstance(key, bytes) and self.get(key) > 0

    def __len__(self) -> int:
        return len(self.sealed().counts)

    def update(self, keys: Iterable[bytes]) -> None:
        self._add(keys, 1)

    def subtract(self, keys: Iterable[bytes]) -> None:
        self._add(keys, -1)

    def _add(self, keys: Iterable[bytes], step: int) -> None:
        changes = self.changes
        for key in keys:
            found = changes.get(key)
            changes[key] = (self._base(key) if found is None else found) + step

    def sealed(self) -> Support:
        """The same counts with the changes merged in (this one, when there are none)."""
        if not self.changes:
            return self
        keys: list[bytes] = []
        counts = array("I")
        start = 0
        base = _Keys(self.keys)
        for key in sorted(self.changes):
            index = bisect.bisect_left(base, key, start)
            keys.append(self.keys[start * WIDTH:index * WIDTH])
            counts.extend(self.counts[start:index])
            start = index
            if index < len(self.counts) and base[index] == key:
                start += 1  # replaced by the change
            if self.changes[key] > 0:
                keys.append(key)
                counts.append(self.changes[key])
        keys.append(self.keys[start * WIDTH:])
        counts.extend(self.counts[start:])
        return Support(b"".join(keys), counts)

    def items(self) -> list[tuple[bytes, int]]:
        """Every key with its count, in the keys' order."""
        sealed = self.sealed()
        keys = sealed.keys
        return [(keys[i * WIDTH:(i + 1) * WIDTH], n) for i, n in enumerate(sealed.counts)]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Support):
            return NotImplemented
        mine, theirs = self.sealed(), other.sealed()
        return mine.keys == theirs.keys and mine.counts == theirs.counts

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[type, tuple[bytes, array]]:
        sealed = self.sealed()
        return Support, (sealed.keys, sealed.counts)


class Tally:
    """A cold build's count of sources, as it loads graph after graph: each key counted in is
    kept as its 16 bytes, in one buffer per first byte, and `sealed` sorts and counts them a
    buffer at a time. A Counter held an object and a table entry per key (about 80 bytes,
    190 MB at ten thousand documents) through validation and reasoning, and its sorting made
    a tuple per key on top."""

    def __init__(self) -> None:
        self.buffers = [bytearray() for _ in range(256)]

    def update(self, keys: Iterable[bytes]) -> None:
        buffers = self.buffers
        for key in keys:
            buffers[key[0]] += key

    def sealed(self) -> Support:
        """The counts (each buffer is emptied as it is counted)."""
        keys = bytearray()  # not a bytes object a key: at the end they would all be there
        counts = array("I")
        for index, buffer in enumerate(self.buffers):
            data = bytes(buffer)
            self.buffers[index] = bytearray()
            run = sorted(data[i:i + WIDTH] for i in range(0, len(data), WIDTH))
            for key, same in groupby(run):
                keys += key
                counts.append(sum(1 for _ in same))
        return Support(bytes(keys), counts)
