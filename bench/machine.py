"""What was measured (the product's commit) and how busy the machine was with work other than
the benchmark's own: the numbers are only worth something when the benchmark had the cores to
itself, so both benchmarks report it."""

from __future__ import annotations

import os
import resource
import subprocess
import time
from pathlib import Path

TICKS_PER_S = os.sysconf("SC_CLK_TCK")
REPOSITORY = Path(__file__).resolve().parent.parent
CPUS = os.cpu_count() or 1


def busy_cpu_seconds() -> tuple[float, float]:
    """CPU time the machine's processes have had since boot, and the time the hypervisor took
    from the virtual CPUs while they wanted to run (steal)."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(v) for v in stat.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq) / TICKS_PER_S, steal / TICKS_PER_S


def own_children_cpu_seconds() -> float:
    """CPU time of this process's finished (waited-for) descendants."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def available_mb() -> float:
    """MemAvailable: what the machine can still give without swapping (there is no swap)."""
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    return float("inf")


def is_running(pid: int) -> bool:
    """The process exists and is not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def thread_count(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def process_cpu_seconds(pid: int) -> float:
    """CPU time of a running process (utime + stime), 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS_PER_S
    except (OSError, IndexError, ValueError):
        return 0.0


class OtherLoad:
    """The share of the machine's cores used by processes other than ours during a span, and
    the share the hypervisor stole (a virtual machine's neighbours).

    Ours are the finished children (counted by the kernel when we wait for them) plus any
    running processes whose ids are given."""

    def __init__(self, running: tuple[int, ...] = ()) -> None:
        self.started = time.monotonic()
        self.busy, self.steal = busy_cpu_seconds()
        self.children = own_children_cpu_seconds() + _self_cpu()
        self.running = {pid: process_cpu_seconds(pid) for pid in running}

    def share(self) -> float:
        """Other processes' share of all cores since the start."""
        busy, _ = busy_cpu_seconds()
        ours = own_children_cpu_seconds() + _self_cpu() - self.children
        # a process that ended meanwhile takes its CPU time with it: then this overestimates
        ours += sum(max(0.0, process_cpu_seconds(pid) - before)
                    for pid, before in self.running.items())
        return max(0.0, busy - self.busy - ours) / self._capacity()

    def steal_share(self) -> float:
        """The hypervisor's share of all cores since the start."""
        _, steal = busy_cpu_seconds()
        return (steal - self.steal) / self._capacity()

    def _capacity(self) -> float:
        return max(time.monotonic() - self.started, 1e-9) * CPUS


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def descendants(pid: int) -> list[int]:
    """Child processes, recursively (the build's process pool), from /proc's children lists."""
    found, pending = [], [pid]
    while pending:
        parent = pending.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                found.append(child)
                pending.append(child)
    return found


def product_version() -> str:
    """The product's commit, marked dirty when kg/, queries/ or mappings/ have local changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(REPOSITORY), *args], capture_output=True,
                              text=True, check=False).stdout.strip()

    if not (REPOSITORY / ".git").exists():  # a `git archive`, as side-by-side runs use
        return _archived_commit()
    commit = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "kg", "queries", "mappings", "ontology")
    return commit + ("+dirty" if dirty else "")


def _archived_commit() -> str:
    """bench/COMMIT, which `git archive` fills in (export-subst in .gitattributes)."""
    try:
        stamped = (REPOSITORY / "bench" / "COMMIT").read_text(encoding="utf-8").strip()
    except OSError:
        return "unknown"
    return "unknown" if not stamped or stamped.startswith("$Format") else stamped + " (archive)"
