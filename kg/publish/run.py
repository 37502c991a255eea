"""One publish: send the graphs the target lacks, delete those the build no longer has, then
check the target against the build.

A graph is sent when the record says the target never received this version of it, or when
the target's triple count for it is not the build's (someone dropped or changed it, or a
publish broke off while sending it); `send_all` sends everything. Graphs of ours (under the
graph/ namespace) that the build does not have are deleted: documents removed since, staging
graphs of an interrupted update.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.publish import graphs as local
from kg.publish import state as records
from kg.publish.target import Target
from kg.publish.verify import compare_answers, competency_questions, count_differences
from kg.store import StoreError, current_build

Say = Callable[[str], None]


@dataclass
class Outcome:
    build: str
    sent: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    bytes_sent: int = 0
    seconds: float = 0.0
    count_problems: list[str] = field(default_factory=list)
    answer_problems: list[str] = field(default_factory=list)
    questions_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.count_problems and not self.answer_problems


def publish(root: Path, target: Target, send_all: bool = False, verify: bool = False,
            say: Say = lambda _: None) -> Outcome:
    build = current_build(root)
    if build is None:
        raise StoreError(f"{root}: no built graph here yet; run `kg build` first")
    store = ox.Store.read_only(str(build))
    started = time.perf_counter()
    outcome = Outcome(build.name)
    with records.locked(root):
        record = records.TargetState(root, target.url)
        remote = target.counts(first=True)
        names = local.graph_names(store)
        if send_all:
            record.forget()
        known = records.BuildHashes(root, build.name)
        try:
            expected = _send(store, names, remote, record, known, target, outcome, say)
            _delete(set(remote) | set(record.graphs), set(names), record, target, outcome, say)
        finally:
            record.save()
            known.save()
    outcome.seconds = time.perf_counter() - started
    say(f"sent {plural(len(outcome.sent), 'graph')} ({outcome.bytes_sent / 1e6:.1f} MB), "
        f"{outcome.unchanged} unchanged, {len(outcome.deleted)} deleted, "
        f"in {outcome.seconds:.1f} s; checking the triple counts on the target")
    outcome.count_problems = count_differences(expected, target.counts())
    if verify:
        _verify(store, target, outcome, say)
    return outcome


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _send(store: ox.Store, names: list[str], remote: dict[str, int],
          record: records.TargetState, known: records.BuildHashes, target: Target,
          outcome: Outcome, say: Say) -> dict[str, int]:
    """Send what changed; returns the triple count of every graph of the build. A graph
    whose hash this build already knows is read only if it has to be sent."""
    expected = {}
    width = len(str(len(names)))
    for index, name in enumerate(names, 1):
        graph = None
        if known.get(name) is None:
            graph = local.read_graph(store, name)
            known.set(name, graph.sha256, graph.triples)
        sha256, triples = known.get(name) or ("", 0)
        expected[name] = triples
        if record.sha256(name) == sha256 and remote.get(name) == triples:
            outcome.unchanged += 1
            continue
        graph = graph or local.read_graph(store, name)
        started = time.perf_counter()
        target.replace(graph)
        record.pushed(name, graph.sha256, graph.triples)
        outcome.sent.append(name)
        outcome.bytes_sent += len(graph.body)
        say(f"[{index:{width}d}/{len(names)}] sent {local.short_name(name)}: "
            f"{graph.triples} triples in {time.perf_counter() - started:.2f} s")
    return expected


def _delete(known: set[str], wanted: set[str], record: records.TargetState, target: Target,
            outcome: Outcome, say: Say) -> None:
    for name in sorted(known - wanted):
        target.delete(name)
        record.deleted(name)
        outcome.deleted.append(name)
        say(f"deleted {local.short_name(name)} (not in the build)")


def _verify(store: ox.Store, target: Target, outcome: Outcome, say: Say) -> None:
    for query_file in competency_questions():
        problem = compare_answers(store, target, query_file)
        outcome.questions_checked += 1
        if problem:
            outcome.answer_problems.append(problem)
        say(f"{query_file.name}: {'differs' if problem else 'same answers as the build'}")
