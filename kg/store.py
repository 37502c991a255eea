"""The on-disk store: every build is written aside and swapped in only when it is complete.

    <store>/current -> builds/<name>     the served build (a symbolic link, replaced atomically)
    <store>/builds/<name>/                complete builds (the current and the previous one)
    <store>/builds/.partial-<pid>-<time>  a build being written; removed if it fails
    <store>/builds/.serving-<name>        locked (shared) by each `kg serve` serving <name>
    <store>/.lock                         held while a build runs (it holds the build's pid)

A failed or interrupted build never touches `current`; the next build removes what an
interrupted one left behind. Pruning never removes the current build nor one a server still
serves. Worker processes a build forks do not hold its lock: when the build dies, so does
the lock (and the workers, see kg/build.py).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import functools
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

KEEP_BUILDS = 2


class StoreError(Exception):
    """The store cannot be used: missing, locked by another build, or not a store."""


def current_build(root: Path) -> Path | None:
    link = root / "current"
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


@functools.lru_cache(maxsize=2)
def _opened(build: str, pid: int) -> ox.Store:
    return ox.Store.read_only(build)


def read_only_build(build: Path) -> ox.Store:
    """A published build's store, read-only, opened once in this process (a published build
    does not change; a rebuild reads the current one to copy it, for the entities'
    descriptions and for its counts, and each opening reads every table file's index)."""
    return _opened(str(build), os.getpid())


def open_read_only(root: Path) -> ox.Store:
    build = current_build(root)
    if build is None:
        raise StoreError(f"{root}: no built graph here yet; run `kg build` first")
    return ox.Store.read_only(str(build))


_LOCK_FDS: set[int] = set()


def _release_in_child() -> None:
    """A forked child gets the lock's file descriptor too, and a flock lasts as long as any
    process has it open: the child's copy is pointed at /dev/null, so the lock is the
    build process's alone, and dies with it."""
    if not _LOCK_FDS:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    for fd in _LOCK_FDS:
        os.dup2(null, fd)
    os.close(null)


os.register_at_fork(after_in_child=_release_in_child)


@contextlib.contextmanager
def locked(root: Path, say: Callable[[str], None] = lambda _: None) -> Iterator[None]:
    """Hold the store's build lock; a lock file left by a build process that is no longer
    running (its lock went with it) is taken over, with a message."""
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            holder = _recorded_pid(handle)
            by = f" (process {holder})" if holder else ""
            raise StoreError(f"{root}: another build is writing this store{by}") from error
        previous = _recorded_pid(handle)
        if previous and previous != os.getpid() and not process_alive(previous):
            say(f"{root}: taking over the lock of build process {previous}, which is no "
                "longer running")
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        _LOCK_FDS.add(handle.fileno())
        try:
            yield
        finally:
            _LOCK_FDS.discard(handle.fileno())
            handle.seek(0)
            handle.truncate()


def _recorded_pid(handle) -> int | None:
    handle.seek(0)
    text = handle.read().strip()
    return int(text) if text.isdigit() else None


def process_alive(pid: int) -> bool:
    """Whether a process of that id runs (a lock or partial file of a dead one is stale)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def serving(build: Path) -> Iterator[bool]:
    """Held by a server while it serves `build`: pruning leaves the build alone. Yields
    whether the build still exists once the hold is taken (a build may prune it just
    before). A store the server may not write to (a read-only copy) is served unheld: no
    build can prune it either."""
    try:
        handle = _serving_marker(build).open("a")
    except OSError:
        yield build.is_dir()
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_SH)
        yield build.is_dir()


def _serving_marker(build: Path) -> Path:
    return build.parent / f".serving-{build.name}"


def start_build(root: Path) -> Path:
    """The folder a new build is written to, beside the current one; stale partial builds of
    interrupted runs are removed first."""
    builds = root / "builds"
    builds.mkdir(parents=True, exist_ok=True)
    _remove_partials(builds)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
    return builds / f".partial-{os.getpid()}-{stamp}"


def discard(partial: Path) -> None:
    shutil.rmtree(partial, ignore_errors=True)


def publish(partial: Path, root: Path) -> Path:
    """Point `current` at a finished build (its store already closed) in one rename; if that
    fails, the build is removed again (nothing unpublished is left)."""
    final = partial.parent / partial.name.replace(".partial-", "build-", 1)
    partial.rename(final)
    try:
        link = root / "current"
        temporary = root / f".current-{os.getpid()}"
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        temporary.symlink_to(final.relative_to(root))
        os.replace(temporary, link)
    except BaseException:
        with contextlib.suppress(OSError):
            (root / f".current-{os.getpid()}").unlink()
        if current_build(root) != final.resolve():
            shutil.rmtree(final, ignore_errors=True)
        raise
    _prune(root)
    return final


def _remove_partials(builds: Path) -> None:
    for leftover in builds.glob(".partial-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _prune(root: Path) -> None:
    """Keep the current build, the one before it (a server may not have switched yet), and
    any build a server still serves; the rest goes. Paths are compared resolved (`root` may
    be relative) and builds ordered by their time stamp (not by the pid before it)."""
    current = current_build(root)
    builds = sorted((root / "builds").resolve().glob("build-*"), key=_stamp)
    for old in builds[:-KEEP_BUILDS]:
        if old == current:
            continue
        marker = _serving_marker(old)
        with marker.open("a") as handle:
            try:  # held while removing: a server starting on it waits, then finds it gone
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a server still serves it
            shutil.rmtree(old, ignore_errors=True)
            marker.unlink()


def _stamp(build: Path) -> tuple[str, str]:
    return build.name.rsplit("-", 1)[-1], build.name


# ------------------------------------------------------------------------- rdflib -> oxigraph


def to_oxigraph(term) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _resource(term) -> ox.NamedNode | ox.BlankNode:
    """A subject, which RDF allows to be an IRI or a blank node only."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    assert isinstance(term, BNode)
    return ox.BlankNode(str(term))


def quads(triples: Iterable[tuple], graph: URIRef, made: dict | None = None
          ) -> Iterator[ox.Quad]:
    """rdflib triples as Oxigraph quads in a named graph, skipping what RDF forbids (owlrl
    can produce literal subjects). Each term is converted once (a graph names its nodes,
    predicates and classes many times), or once for several graphs given one `made`;
    rdflib's terms are equal only when of one kind."""
    name = ox.NamedNode(str(graph))
    made = {} if made is None else made
    for subject, predicate, obj in triples:
        if isinstance(subject, Literal) or not isinstance(predicate, URIRef):
            continue
        if (s := made.get(subject)) is None:
            s = made[subject] = _resource(subject)
        if (p := made.get(predicate)) is None:
            p = made[predicate] = ox.NamedNode(str(predicate))
        if (o := made.get(obj)) is None:
            o = made[obj] = to_oxigraph(obj)
        yield ox.Quad(s, p, o, name)
