"""Give the memory the allocator holds free back to the system.

glibc's malloc keeps what a process freed in its heaps (one per thread that allocated, and
Oxigraph's threads do) for later requests, so a build's resident memory stayed at the sum of
every stage's transient peaks: the pickled results of a chunk of documents, a chunk's N-Quads
batched for loading, what a pyshacl run made. `release` after each such step returns the
free pages (malloc_trim(0), which trims every arena): at 2 000 documents a sixth of the build
process's resident memory was free memory held so (bench/README.md). Nothing else changes.
Elsewhere than glibc it does nothing.
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache


@cache
def _trim():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release() -> None:
    """Return the allocator's free memory to the system (a few milliseconds)."""
    trim = _trim()
    if trim is not None:
        trim(0)
