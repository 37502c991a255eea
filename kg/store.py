"""The on-disk store: every build is written aside and swapped in only when it is complete.

    <store>/current -> builds/<name>     the served build (a symbolic link, replaced atomically)
    <store>/builds/<name>/                complete builds (the current and the previous one)
    <store>/builds/.partial-<pid>-<time>  a build being written; removed if it fails
    <store>/.lock                         held while a build runs

A failed or interrupted build never touches `current`; the next build removes what an
interrupted one left behind.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

KEEP_BUILDS = 2


class StoreError(Exception):
    """The store cannot be used: missing, locked by another build, or not a store."""


def current_build(root: Path) -> Path | None:
    link = root / "current"
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def open_read_only(root: Path) -> ox.Store:
    build = current_build(root)
    if build is None:
        raise StoreError(f"{root}: no built graph here yet; run `kg build` first")
    return ox.Store.read_only(str(build))


@contextlib.contextmanager
def locked(root: Path) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    with (root / ".lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise StoreError(f"{root}: another build is writing this store") from error
        yield


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
    """Point `current` at a finished build (its store already closed) in one rename."""
    final = partial.parent / partial.name.replace(".partial-", "build-", 1)
    partial.rename(final)
    link = root / "current"
    temporary = root / f".current-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    temporary.symlink_to(final.relative_to(root))
    os.replace(temporary, link)
    _prune(root)
    return final


def _remove_partials(builds: Path) -> None:
    for leftover in builds.glob(".partial-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _prune(root: Path) -> None:
    """Keep the current build and the one before it (a server may still be reading it)."""
    builds = sorted((root / "builds").glob("build-*"), key=lambda p: p.name)
    current = current_build(root)
    for old in builds[:-KEEP_BUILDS]:
        if old != current:
            shutil.rmtree(old, ignore_errors=True)


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


def quads(triples: Iterable[tuple], graph: URIRef) -> Iterator[ox.Quad]:
    """rdflib triples as Oxigraph quads in a named graph, skipping what RDF forbids (owlrl
    can produce literal subjects)."""
    name = ox.NamedNode(str(graph))
    for subject, predicate, obj in triples:
        if isinstance(subject, Literal) or not isinstance(predicate, URIRef):
            continue
        yield ox.Quad(_resource(subject), ox.NamedNode(str(predicate)), to_oxigraph(obj), name)
