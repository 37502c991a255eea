"""How the build scales: wall time and peak memory per stage at 100, 1 000 and 10 000 documents.

    .venv/bin/python bench/build.py                       # sizes 100,1000,10000
    .venv/bin/python bench/build.py --sizes 100,1000 --jobs 2 --json build.json
    .venv/bin/python bench/build.py --sizes 10000 --limit-minutes 60

Each size runs `kg.build.build` on a synthetic corpus (bench/corpus.py) in a fresh Python
process, so peak memory is that run's own. Stage times are the product's own
(`Prepared.timings`). The build's progress messages tell which stage a moment belongs to, and
this process samples the memory of the build process and its worker processes meanwhile:
the peak RSS of the build process, and RSS and PSS summed over it and its workers (PSS counts
pages shared after fork once rather than once per process).

The stages are the build's: read+extract (worker processes), resolve (the whole corpus, in
the build process), map+validate+load (workers map and validate a chunk of documents at a
time, the build process loads each validated chunk into the new store meanwhile), and
reason+check+publish. When the product refuses a build (a document failed validation), the
run reports why and the stages it got through. A run can be stopped after a time limit or
when memory runs short; it then reports the stages it finished and how far the last one got.
After a finished build, pyoxigraph bulk-loads the build's own output (written as N-Quads)
into a fresh store, in this process once the build's has ended, and the report gives the
build's time against it (issue 9's ratio). Nothing here asserts anything: it prints numbers.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import machine

HERE = Path(__file__).resolve().parent
STAGES = ("read+extract", "resolve", "map+validate+load", "reason+check+publish")
PRODUCT_TIMINGS = {"extract": "read+extract", "resolve": "resolve",
                   "map+validate+load": "map+validate+load",
                   "reason+check": "reason+check+publish"}
SAMPLE_EVERY_S = 0.2
PSS_EVERY_S = 2.0
HEARTBEAT_S = 60.0


# ------------------------------------------------------------------------------ memory


def _status_kb(pid: int | str, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0


def _pss_kb(pid: int | str) -> int:
    """Proportional set size: shared pages divided among the processes sharing them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return _status_kb(pid, "VmRSS")
    return 0


class MemorySampler(threading.Thread):
    """Samples, from outside, the memory of the measuring process and its workers, and keeps
    three peaks per stage: the resident set (RSS) of the build process, the RSS summed over it
    and its workers (an upper bound: pages shared after fork count once per process), and
    their proportional sets summed (PSS: shared pages divided among the sharers).

    It runs in the parent, not in the build's process: there a sampling thread would wait for
    the GIL while a long query runs in Oxigraph. RSS is cheap to read and sampled every 0.2 s;
    PSS makes the kernel walk every mapping (16 ms at 1.7 GB, holding the process's memory
    lock), so it is sampled every 2 s only, lest the sampling slow down the build."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.started = time.monotonic()
        self.stage = "start"
        self.peak_rss_kb: dict[str, int] = {}
        self.peak_rss_all_kb: dict[str, int] = {}
        self.peak_pss_all_kb: dict[str, int] = {}
        self.workers_seen = 0
        self._halt = threading.Event()

    def run(self) -> None:
        ticks = 0
        while not self._halt.is_set():
            self.sample(with_pss=ticks % round(PSS_EVERY_S / SAMPLE_EVERY_S) == 0)
            ticks += 1
            if ticks % round(HEARTBEAT_S / SAMPLE_EVERY_S) == 0:
                self.heartbeat()
            self._halt.wait(SAMPLE_EVERY_S)

    def heartbeat(self) -> None:
        """A line every minute: progress of a long stage, and how memory grows."""
        peaks = self.peaks_mb(self.stage)
        print(f"  ({time.monotonic() - self.started:7.1f}s, benchmark) in {self.stage}: "
              f"RSS {_status_kb(self.pid, 'VmRSS') / 1024:.0f} MB, peak so far "
              f"{peaks['peak_rss_mb']:.0f} MB, with workers {peaks['peak_rss_all_mb']:.0f} "
              f"MB", file=sys.stderr, flush=True)

    def sample(self, with_pss: bool = False) -> None:
        if not machine.is_running(self.pid):
            return
        processes = [self.pid, *machine.descendants(self.pid)]
        self.workers_seen = max(self.workers_seen, len(processes) - 1)
        stage = self.stage
        _peak(self.peak_rss_kb, stage, _status_kb(self.pid, "VmRSS"))
        _peak(self.peak_rss_all_kb, stage, sum(_status_kb(p, "VmRSS") for p in processes))
        if with_pss:
            _peak(self.peak_pss_all_kb, stage, sum(_pss_kb(p) for p in processes))

    def enter(self, stage: str) -> None:
        self.sample(with_pss=True)  # the last moment of the stage before
        self.stage = stage
        self.sample(with_pss=True)

    def stop(self) -> None:
        self._halt.set()
        self.join()

    def peaks_mb(self, stage: str) -> dict[str, float]:
        return {"peak_rss_mb": self.peak_rss_kb.get(stage, 0) / 1024,
                "peak_rss_all_mb": self.peak_rss_all_kb.get(stage, 0) / 1024,
                "peak_pss_all_mb": self.peak_pss_all_kb.get(stage, 0) / 1024}


def _peak(peaks: dict[str, int], stage: str, value: int) -> None:
    peaks[stage] = max(peaks.get(stage, 0), value)


def stage_of(message: str, current: str) -> str:
    """The stage a progress message of kg.build starts (or the current one)."""
    text = message.strip()
    if text.startswith("reading and extracting"):
        return "read+extract"
    if text.endswith("extracted") and _is_last_tick(text):
        return "resolve"
    if text.startswith("validating"):
        return "map+validate+load"
    if text.endswith("chunks validated") and _is_last_tick(text):
        return "reason+check+publish"
    return current


def _is_last_tick(text: str) -> bool:
    done, total = text.split()[0].split("/")
    return done == total


PROGRESS_LINE = re.compile(r"\s*\[\s*([\d.]+)s\] (.*)")


# ------------------------------------------------------------------------------ one run


def run_once(corpus: Path, store_root: Path, jobs: int | None) -> dict:
    """The build of one corpus, timed; runs in the child process, which prints every progress
    message with its time (the parent reads stages and memory from them)."""
    started = time.perf_counter()
    from kg.build import build  # imported here: the import is part of the run's memory

    marks: dict[str, float] = {}
    current = ["start"]

    def progress(message: str) -> None:
        stage = stage_of(message, current[0])
        if stage != current[0]:
            marks[stage] = time.perf_counter()
            current[0] = stage
        print(f"  [{time.perf_counter() - started:7.1f}s] {message.strip()}", file=sys.stderr,
              flush=True)

    build_started = time.perf_counter()
    result = build([corpus], store_root, jobs=jobs, progress=progress)
    prepared = result.prepared
    end = time.perf_counter()
    observed = observed_durations(marks, end)
    stages = {}
    for product_name, stage in PRODUCT_TIMINGS.items():
        # The product records a stage's time only when the build gets past it (a refused
        # build has no "reason+check"); the time observed between progress messages stands in.
        seconds = prepared.timings.get(product_name, observed.get(stage))
        if seconds is not None:
            stages[stage] = {"seconds": seconds}
    errors = prepared.report.errors
    check_failures = result.check_failures
    return {
        "documents": len(prepared.files),
        "ok": result.ok,
        "failures": (prepared.failures + [str(p) for p in errors] + check_failures)[:10],
        "failure_counts": {"read or extract": len(prepared.failures),
                           "validation errors": len(errors),
                           "check failures": len(check_failures)},
        "validation_errors_by_message": dict(Counter(p.message for p in errors).most_common()),
        "jobs": jobs or os.cpu_count(),
        "build_seconds": end - build_started,
        "stages": stages,
        "stated": {"agreements": sum(_how_many(x.agreements) for x in prepared.extractions),
                   "events": sum(_how_many(x.events) for x in prepared.extractions)},
        "counts": result.counts,
        "peak_rss_mb": _status_kb("self", "VmHWM") / 1024,
        "product": machine.product_version(),
    }


def _how_many(stated: int | list) -> int:
    """An extraction's records, or their number (what a build keeps: kg/build.py Stated)."""
    return stated if isinstance(stated, int) else len(stated)


def observed_durations(marks: dict[str, float], end: float) -> dict[str, float]:
    """Each stage's time from its first progress message to the next stage's."""
    ordered = sorted(marks.items(), key=lambda item: item[1])
    ends = [start for _, start in ordered[1:]] + [end]
    return {stage: finish - start for (stage, start), finish in zip(ordered, ends, strict=True)}


def child_main(args: argparse.Namespace) -> int:
    if not args.rebuilds:
        print(json.dumps(run_once(args.corpus, args.store, args.jobs)))
        return 0
    # on a copy of the corpus (the kept one stays as generated), one document changed later
    corpus = args.store.parent / f"{args.store.name}-corpus"
    shutil.copytree(args.corpus, corpus, ignore=shutil.ignore_patterns(".complete"))
    try:
        result = run_once(corpus, args.store, args.jobs)
        result["rebuilds"] = rebuilds(corpus, args.store, args.jobs)
    finally:
        shutil.rmtree(corpus, ignore_errors=True)
    print(json.dumps(result))
    return 0


def bulk_load_own_output(store_root: Path) -> dict:
    """The floor a build is compared with (issue 9): pyoxigraph bulk-loading the build's own
    output, written as N-Quads, into a fresh store. It runs in the benchmark's process after
    the measured build has ended, so it adds nothing to the build's memory peaks."""
    import pyoxigraph as ox

    from kg.store import current_build

    built = current_build(store_root)
    assert built is not None
    # The store is closed before its folder is removed: while it is open, its background
    # threads may still write files there ("Directory not empty" from the cleanup).
    with tempfile.TemporaryDirectory(dir=store_root.parent, prefix="bulk-",
                                     ignore_cleanup_errors=True) as scratch:
        dump = Path(scratch) / "output.nq"
        ox.serialize(ox.Store.read_only(str(built)), str(dump), ox.RdfFormat.N_QUADS)
        started = time.perf_counter()
        store = ox.Store(str(Path(scratch) / "store"))
        store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
        store.flush()
        seconds = time.perf_counter() - started
        result = {"seconds": seconds, "quads": len(store),
                  "nquads_mb": dump.stat().st_size / 2**20}
        del store
        return result


def rebuilds(corpus: Path, store_root: Path, jobs: int | None) -> dict[str, dict]:
    """A rebuild with nothing changed, then one after a sentence was added to one document:
    their wall time and the product's stage times."""
    from kg.build import build

    def timed() -> dict:
        said: list[str] = []
        started = time.perf_counter()
        result = build([corpus], store_root, jobs=jobs, progress=said.append)
        reused = [m.split(" since")[0] for m in said if "unchanged since" in m]
        return {"seconds": time.perf_counter() - started, "ok": result.ok,
                "stages": {k: round(v, 2) for k, v in result.prepared.timings.items()},
                "reused": reused}

    runs = {"unchanged": timed()}
    changed = sorted(corpus.rglob("*.txt"))[0]
    with changed.open("a", encoding="utf-8") as document:
        document.write("\nWeitere Informationen folgen.\n")
    runs["one document changed"] = timed()
    return runs


# ------------------------------------------------------------------------------ the sizes


def corpus_for(size: int, seed: int, workdir: Path) -> Path:
    """The corpus of this size, generated once and kept in workdir (it is deterministic)."""
    folder = workdir / f"corpus-seed{seed}-{size}"
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, str(HERE / "corpus.py"), "--documents", str(size),
                        "--seed", str(seed), "--output", str(folder)], check=True)
        print(f"generated {size} documents in {time.perf_counter() - started:.1f}s",
              file=sys.stderr)
        done.touch()
    return folder


def measure(size: int, seed: int, jobs: int | None, workdir: Path, limit_s: float | None,
            min_free_mb: float, with_rebuilds: bool = False) -> dict:
    """One size in a fresh process, with a fresh store that is deleted afterwards. A run that
    is stopped (time limit, memory) gives what its progress messages showed."""
    corpus = corpus_for(size, seed, workdir)
    store_root = Path(tempfile.mkdtemp(prefix=f"store-{size}-", dir=workdir))
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "--corpus",
               str(corpus), "--store", str(store_root)]
    if jobs:
        command += ["--jobs", str(jobs)]
    if with_rebuilds:
        command += ["--rebuilds"]
    print(f"building {size} documents ...", file=sys.stderr, flush=True)
    started = time.perf_counter()
    other = machine.OtherLoad()
    try:
        run = run_child(command, limit_s, min_free_mb)
        store_mb = _folder_mb(store_root)
        if run.stopped is None:
            print(f"bulk-loading the output of {size} documents ...", file=sys.stderr, flush=True)
            bulk = bulk_load_own_output(store_root)
    finally:
        shutil.rmtree(store_root, ignore_errors=True)
    elapsed = time.perf_counter() - started
    if run.stopped is None:
        result = json.loads(run.stdout.strip().splitlines()[-1])
    else:
        result = partial_result(size, run.lines, elapsed, jobs)
        result["stopped_because"] = run.stopped
        result["product"] = machine.product_version()
    for stage, row in result["stages"].items():
        row.update(run.sampler.peaks_mb(stage))
    result["workers_seen"] = run.sampler.workers_seen
    result["process_seconds"] = elapsed
    result["store_mb"] = store_mb
    if run.stopped is None and result["ok"]:
        result["bulk_load"] = bulk
    result["other_load"] = other.share()  # share of all cores other processes used meanwhile
    result["steal"] = other.steal_share()  # share of all cores the hypervisor took meanwhile
    return result


@dataclass
class ChildRun:
    stdout: str
    lines: list[str]
    stopped: str | None  # why it was stopped; None when it finished
    sampler: MemorySampler


def run_child(command: list[str], limit_s: float | None, min_free_mb: float) -> ChildRun:
    """Run the measuring child, echoing its progress and sampling its memory. Stop it and its
    workers (its own process group) when it runs longer than limit_s, or when the machine's
    available memory falls below min_free_mb (rather than let the kernel's OOM killer pick a
    victim, perhaps another user's process)."""
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    sampler = MemorySampler(child.pid)
    sampler.start()
    lines: list[str] = []

    def echo() -> None:
        for line in child.stderr:
            lines.append(line.rstrip("\n"))
            print(line, end="", file=sys.stderr, flush=True)
            match = PROGRESS_LINE.match(line)
            if match:
                stage = stage_of(match[2], sampler.stage)
                if stage != sampler.stage:
                    sampler.enter(stage)

    reader = threading.Thread(target=echo, daemon=True)
    reader.start()
    stdout_chunks: list[str] = []
    collector = threading.Thread(target=lambda: stdout_chunks.append(child.stdout.read()),
                                 daemon=True)
    collector.start()
    started = time.monotonic()
    stopped = None
    try:
        while child.poll() is None and stopped is None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(timeout=1)
            if limit_s is not None and time.monotonic() - started > limit_s:
                stopped = f"time limit of {limit_s / 60:g} min (--limit-minutes)"
            elif machine.available_mb() < min_free_mb:
                stopped = (f"available memory below {min_free_mb:.0f} MB (--min-free-mb) at "
                           f"{time.monotonic() - started:.0f} s")
    finally:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        sampler.stop()
    reader.join(timeout=5)
    if stopped is not None:
        print(f"stopped the run: {stopped}", file=sys.stderr)
        return ChildRun("", lines, stopped, sampler)
    collector.join()
    if child.returncode != 0:
        raise RuntimeError(f"the measuring process failed (exit {child.returncode}):\n"
                           + "\n".join(lines[-30:]))
    return ChildRun("".join(stdout_chunks), lines, None, sampler)


def partial_result(size: int, lines: list[str], elapsed: float, jobs: int | None) -> dict:
    """What a stopped run's progress lines tell: the stages it finished, how far the last one
    got, and that stage's time extrapolated from its progress ticks."""
    starts: dict[str, float] = {}
    ticks: dict[str, tuple[int, int, float]] = {}
    stage, last = "start", 0.0
    for line in lines:
        match = PROGRESS_LINE.match(line)
        if not match:
            continue
        at, message = float(match[1]), match[2]
        last = at
        tick = re.match(r"(\d+)/(\d+) ", message)
        if tick:
            ticks[stage] = (int(tick[1]), int(tick[2]), at)
        new = stage_of(message, stage)
        if new != stage:
            stage = new
            starts[stage] = at
    ordered = sorted(starts.items(), key=lambda item: item[1])
    stages = {}
    for index, (name, begun) in enumerate(ordered):
        complete = index + 1 < len(ordered)
        end = ordered[index + 1][1] if complete else max(last, elapsed - 1)
        row = {"seconds": end - begun, "complete": complete}
        if not complete and name in ticks:
            done, total, at = ticks[name]
            row["progress"] = f"{done}/{total} after {at - begun:.0f} s"
            if done:
                row["extrapolated_seconds"] = (at - begun) * total / done
        stages[name] = row
    return {"documents": size, "ok": False, "timed_out": True, "jobs": jobs or os.cpu_count(),
            "build_seconds": elapsed, "stages": stages, "counts": {}, "failure_counts": {},
            "failures": [], "stopped_after_s": elapsed}


def _folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


# ------------------------------------------------------------------------------ report


def stage_table(results: list[dict]) -> str:
    header = (f"{'docs':>6}  {'stage':<22} {'seconds':>9} {'ms/doc':>8} {'RSS MB':>8} "
              f"{'RSS all MB':>11} {'PSS all MB':>11}")
    lines = [header, "-" * len(header)]
    for result in results:
        n = result["documents"]
        for stage in STAGES:
            row = result["stages"].get(stage)
            label = stage
            if row is None:
                lines.append(f"{n:>6}  {label:<22} {'(not reached)':>13}")
                continue
            if not row.get("complete", True):
                estimate = row.get("extrapolated_seconds")
                lines.append(f"{n:>6}  {label:<22} {'>' + format(row['seconds'], '.0f'):>9} "
                             f"{'':>8} stopped at {row.get('progress', '?')}"
                             + (f"; whole stage ~{estimate:.0f} s" if estimate else ""))
                continue
            lines.append(f"{n:>6}  {label:<22} {row['seconds']:>9.1f} "
                         f"{1000 * row['seconds'] / n:>8.1f} {_memory(row)}")
        if result.get("timed_out"):
            lines.append(f"{n:>6}  {'stopped after':<22} {result['stopped_after_s']:>9.0f}  "
                         f"({result.get('stopped_because', '')})")
            lines.append("")
            continue
        total = result["build_seconds"]
        peaks = {key: max((s.get(key, 0) for s in result["stages"].values()), default=0)
                 for key in ("peak_rss_mb", "peak_rss_all_mb", "peak_pss_all_mb")}
        lines.append(f"{n:>6}  {'build total':<22} {total:>9.1f} {1000 * total / n:>8.1f} "
                     f"{_memory(peaks)}")
        lines.append("")
    return "\n".join(lines)


def _memory(row: dict) -> str:
    """The three peaks; "-" where a stopped run did not report one."""
    cells = [(row.get(key), width) for key, width in
             (("peak_rss_mb", 8), ("peak_rss_all_mb", 11), ("peak_pss_all_mb", 11))]
    return " ".join(f"{value:>{width}.0f}" if value is not None else f"{'-':>{width}}"
                    for value, width in cells)


def summary_table(results: list[dict]) -> str:
    header = (f"{'docs':>6} {'ok':>3} {'docs/s':>7} {'quads':>10} {'inferred':>9} "
              f"{'agreements':>10} {'events':>8} {'store MB':>9} {'process s':>10} "
              f"{'other load':>10} {'steal':>6}")
    lines = [header, "-" * len(header)]
    for r in results:
        counts = r["counts"]
        other = f"{100 * r['other_load']:>9.0f}%" if "other_load" in r else f"{'-':>10}"
        other += f" {100 * r['steal']:>5.0f}%" if "steal" in r else f" {'-':>6}"
        if r.get("timed_out"):
            lines.append(f"{r['documents']:>6} stopped after {r['stopped_after_s']:.0f} s"
                         f"{'':>50}{other}")
            continue
        lines.append(f"{r['documents']:>6} {'yes' if r['ok'] else 'NO':>3} "
                     f"{r['documents'] / r['build_seconds']:>7.1f} {counts.get('quads', 0):>10} "
                     f"{counts.get('inferred', 0):>9} {counts.get('agreements', 0):>10} "
                     f"{counts.get('events', 0):>8} {r['store_mb']:>9.1f} "
                     f"{r['process_seconds']:>10.1f} {other}")
    return "\n".join(lines)


def ratio_table(results: list[dict]) -> str:
    """Cost per document at each size, and its ratio to the next smaller size: 1.0 is flat."""
    sizes = [r["documents"] for r in results]
    header = f"{'stage':<20}" + "".join(f"{f'ms/doc@{n}':>15}" for n in sizes) + "".join(
        f"{f'x {b}/{a}':>15}" for a, b in itertools.pairwise(sizes))
    lines = [header, "-" * len(header)]
    for stage in (*STAGES, "build total"):
        per_doc = [_seconds(r, stage) / r["documents"] if _seconds(r, stage) is not None
                   else None for r in results]
        cells = "".join(f"{1000 * v:>15.2f}" if v is not None else f"{'-':>15}" for v in per_doc)
        ratios = "".join(f"{b / a:>15.2f}" if a and b else f"{'-':>15}"
                         for a, b in itertools.pairwise(per_doc))
        lines.append(f"{stage:<20}{cells}{ratios}")
    return "\n".join(lines)


def _seconds(result: dict, stage: str) -> float | None:
    if stage == "build total":
        return None if result.get("timed_out") else result["build_seconds"]
    row = result["stages"].get(stage)
    return row["seconds"] if row and row.get("complete", True) else None


def report(results: list[dict]) -> str:
    versions = sorted({r.get("product", "unknown") for r in results})
    parts = [f"product commit: {', '.join(versions)}", "",
             "Per stage: wall seconds, and peak memory (RSS of the build process; RSS and PSS "
             "summed over it and its worker processes):", stage_table(results)]
    parts += ["Totals (other load: the share of all cores that processes other than the "
              "benchmark's used during the run; steal: the share the hypervisor took; above a "
              "few per cent either inflates the times):",
              summary_table(results)]
    if len(results) > 1:
        parts += ["", "Cost per document across sizes (ratio 1.00 = flat):", ratio_table(results)]
    for r in (r for r in results if "bulk_load" in r):
        bulk = r["bulk_load"]
        parts += ["", f"Build of {r['documents']} documents against pyoxigraph bulk-loading its "
                      f"output ({bulk['quads']} quads, {bulk['nquads_mb']:.0f} MB of N-Quads), "
                      "right after it on the same machine:",
                  f"  build {r['build_seconds']:.1f} s, bulk_load {bulk['seconds']:.1f} s, "
                  f"ratio {r['build_seconds'] / bulk['seconds']:.1f}x"]
    for r in (r for r in results if "rebuilds" in r):
        parts += ["", f"Rebuilds of {r['documents']} documents in the same store (cold build "
                      f"{r['build_seconds']:.1f} s):"]
        for what, run in r["rebuilds"].items():
            parts += [f"  {what:<22} {run['seconds']:7.1f} s  ok={run['ok']}  "
                      + ", ".join(f"{k} {v:.1f}s" for k, v in run["stages"].items())]
            parts += [f"  {'':<22} {reused}" for reused in run.get("reused", [])]
    for r in (r for r in results if not r["ok"] and not r.get("timed_out")):
        counts = ", ".join(f"{n} {what}" for what, n in r["failure_counts"].items())
        parts += ["", f"build of {r['documents']} documents REFUSED by the product ({counts}):"]
        parts += [f"  {n:6d} x {message}" for message, n in
                  r.get("validation_errors_by_message", {}).items()]
        parts += ["  first ones:", *(f"    {f}" for f in r["failures"])]
    return "\n".join(parts)


def parent_main(args: argparse.Namespace) -> int:
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    workdir = args.workdir
    workdir.mkdir(parents=True, exist_ok=True)
    results = []
    for size in sizes:
        limit_s = args.limit_minutes * 60 if args.limit_minutes else None
        results.append(measure(size, args.seed, args.jobs, workdir, limit_s,
                               args.min_free_mb, args.rebuilds))
        print(report(results[-1:]), file=sys.stderr)
        if args.json:  # written after every size, so a long run leaves its partial results
            _write_json(args.json, results, args)
    print(report(results))
    return 0


def _write_json(path: Path, results: list[dict], args: argparse.Namespace) -> None:
    document = {"measured": time.strftime("%Y-%m-%d %H:%M:%S %z"), "seed": args.seed,
                "cpus": os.cpu_count(), "results": results}
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000,10000",
                        help="comma-separated corpus sizes [default: 100,1000,10000]")
    parser.add_argument("--jobs", "-j", type=int, default=None,
                        help="worker processes for the build [default: all cores]")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed [default: 1]")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "partnerschaftsgraph-bench",
                        help="where corpora are kept and stores written")
    parser.add_argument("--limit-minutes", type=float, default=None,
                        help="stop a size's run after this long and report how far it got")
    parser.add_argument("--min-free-mb", type=float, default=1500,
                        help="stop a run when the machine's available memory falls below this "
                             "[default: 1500]")
    parser.add_argument("--rebuilds", action="store_true",
                        help="after each cold build, time a rebuild with nothing changed and "
                             "one after one document changed (what the store remembers)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    return child_main(args) if args.child else parent_main(args)


if __name__ == "__main__":
    sys.exit(main())
