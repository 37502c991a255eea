"""How long each competency question takes, how many rows it answers, and rows per second.

    .venv/bin/python bench/queries.py                          # the bundled documents
    .venv/bin/python bench/queries.py --store /tmp/bench/store # a store built before
    .venv/bin/python bench/queries.py --corpus DIR             # build DIR first (kg build)
    .venv/bin/python bench/queries.py --store STORE --endpoint http://127.0.0.1:7878/query

Each queries/cq-*.rq runs through pyoxigraph over the store's current build with the union of
all graphs as the default graph (what `kg serve` answers at /query), every row read; with
--endpoint also by HTTP POST to a running server on this machine (answers as TSV, every byte
read). A question runs once to warm up, then --repeats times; the median is reported. Beside
each, the share of the cores other processes used (and the hypervisor took) meanwhile: the
machine is shared, and a number measured while it was busy is an upper bound. Beside the
time to the last row, the CPU time the question cost (median; pyoxigraph: this process's,
the store's work and the conversion of every value into a Python object; the endpoint: its
server's and the server's children's when --endpoint-pid names it, else the client's). It
depends far less on the other load than the wall time, which on a busy machine mostly
measures the wait for a core.

The target (issue 9): each question answers in at most 1 s on the 1 000-document build, or
at 100 000 rows/s or more when its answer is itself a listing of the whole graph.
"""

from __future__ import annotations

import argparse
import http.client
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import machine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from kg.store import open_read_only  # noqa: E402  (the product, from this checkout)

QUERIES = ROOT / "queries"
BIN = Path(sys.executable).parent
MIN_SECONDS, MAX_RUNS = 1.0, 200
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def build(paths: list[Path], store: Path) -> None:
    """`kg build` of the given documents (none: the bundled ones) into `store`."""
    subprocess.run([str(BIN / "kg"), "build", "--quiet", "--store", str(store),
                    *map(str, paths)], check=True)


def run_local(store, text: str) -> int:
    """Rows of one run through pyoxigraph, every value read."""
    rows = 0
    for solution in store.query(text, use_default_graph_as_union=True):
        for _ in solution:
            pass
        rows += 1
    return rows


def run_remote(endpoint: str, text: str, timeout_s: float) -> int:
    """Rows of one answer of the endpoint (TSV: a header line, then one line a row)."""
    url = urlsplit(endpoint)
    connection = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=timeout_s)
    try:
        connection.request("POST", url.path or "/", body=text.encode("utf-8"),
                           headers={"Content-Type": "application/sparql-query",
                                    "Accept": "text/tab-separated-values"})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise RuntimeError(f"{endpoint} answered {response.status}: {body[:300]!r}")
    return max(0, body.count(b"\n") - 1)


def measure(run, text: str, repeats: int, server: tuple[int, ...] = ()) -> dict:
    """Median of at least `repeats` timed runs after one to warm up, with the other load
    meanwhile; a fast question runs for at least a second, so that the load (counted in clock
    ticks of 10 ms) means something. The CPU time of a run is this process's, or with
    `server` the server processes' (the client's share of an endpoint's answer is small)."""
    rows = run(text)
    load = machine.OtherLoad(server)
    times: list[float] = []
    cpu: list[float] = []
    while len(times) < repeats or (sum(times) < MIN_SECONDS and len(times) < MAX_RUNS):
        started, cpu_before = time.perf_counter(), _cpu_seconds(server)
        rows = run(text)
        times.append(time.perf_counter() - started)
        cpu.append(_cpu_seconds(server) - cpu_before)
    seconds, cpu_seconds = statistics.median(times), statistics.median(cpu)
    return {"rows": rows, "seconds": seconds, "times": times, "cpu_seconds": cpu_seconds,
            "rows_per_s": rows / seconds if seconds else 0.0,
            "rows_per_cpu_s": rows / cpu_seconds if cpu_seconds else 0.0,
            "other_load": load.share(), "steal": load.steal_share()}


def _cpu_seconds(server: tuple[int, ...]) -> float:
    """CPU time so far of the server processes, or of this process when there are none."""
    if server:
        return sum(machine.process_cpu_seconds(pid) for pid in server)
    return time.process_time()


def _server_pids(pid: int | None) -> tuple[int, ...]:
    """The endpoint's process and its children (`kg serve` runs oxigraph): their CPU time is
    the measurement's, not other load."""
    return (pid, *machine.descendants(pid)) if pid else ()


def table(results: list[dict], ways: list[str]) -> str:
    header = f"{'query':<32} {'rows':>7}" + "".join(
        f" {way + ' ms':>14} {'rows/s':>10} {'cpu ms':>8} {'rows/cpu-s':>10} {'other':>6}"
        for way in ways)
    lines = [header, "-" * len(header)]
    for result in results:
        cells = "".join(
            f" {1000 * m['seconds']:>14.1f} {m['rows_per_s']:>10.0f} "
            f"{1000 * m['cpu_seconds']:>8.1f} {m['rows_per_cpu_s']:>10.0f} "
            f"{100 * (m['other_load'] + m['steal']):>5.0f}%"
            for m in (result[way] for way in ways))
        lines.append(f"{result['query']:<32} {result[ways[0]]['rows']:>7}{cells}")
    lines.append("ms: median time to the last row; cpu ms: median CPU time of a run (the "
                 "endpoint's: its server's when --endpoint-pid names it, in clock ticks of "
                 "10 ms, else only this client's); other: the share "
                 "of all cores other processes used or the hypervisor took (steal) during the "
                 "runs (for the endpoint, its server counts as other unless --endpoint-pid "
                 "names it)")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    if args.endpoint and urlsplit(args.endpoint).hostname not in LOOPBACK:
        print(f"--endpoint must be on this machine (127.0.0.1), not {args.endpoint}",
              file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="kg-queries-bench-") as workdir:
        root = args.store
        if root is None:
            root = Path(workdir) / "store"
            print(f"building {args.corpus or 'the bundled documents'} into {root}",
                  file=sys.stderr, flush=True)
            build([args.corpus] if args.corpus else [], root)
        store = open_read_only(root)
        quads = len(store)
        ways = {"pyoxigraph": lambda text: run_local(store, text)}
        if args.endpoint:
            ways["endpoint"] = lambda text: run_remote(args.endpoint, text, args.timeout)
        results = []
        for query in sorted(args.questions.glob("cq-*.rq")):
            if args.queries and not re.search(args.queries, query.name):
                continue
            text = query.read_text(encoding="utf-8")
            result = {"query": query.stem}
            for way, runner in ways.items():
                server = _server_pids(args.endpoint_pid) if way == "endpoint" else ()
                result[way] = measure(runner, text, args.repeats, server)
            print(table([result], list(ways)).splitlines()[2], file=sys.stderr, flush=True)
            results.append(result)
    questions = "" if args.questions == QUERIES else f"questions from {args.questions}; "
    print(f"product commit: {machine.product_version()}; {questions}store: "
          f"{args.store or args.corpus or 'the bundled documents'} ({quads} quads); "
          f"median of {args.repeats} or more runs (at least 1 s) after one to warm up; "
          f"{machine.CPUS} cores")
    print(table(results, list(ways)))
    if args.json:
        args.json.write_text(json.dumps({
            "measured": time.strftime("%Y-%m-%d %H:%M:%S %z"),
            "product": machine.product_version(), "store": str(args.store or args.corpus or ""),
            "quads": quads, "repeats": args.repeats, "cpus": machine.CPUS,
            "endpoint": args.endpoint, "results": results}, indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--store", type=Path,
                        help="a store built before (kg build --store); its current build")
    source.add_argument("--corpus", type=Path,
                        help="documents to build into a temporary store first (e.g. "
                             "bench/corpus.py's output) [default: the bundled documents]")
    parser.add_argument("--endpoint",
                        help="also ask a running SPARQL endpoint on this machine, e.g. "
                             "http://127.0.0.1:7878/query (`kg serve`)")
    parser.add_argument("--endpoint-pid", type=int,
                        help="the endpoint's process id: its CPU time (and its children's) "
                             "then does not count as other load")
    parser.add_argument("--repeats", type=int, default=3,
                        help="timed runs per question and way [default: 3]")
    parser.add_argument("--timeout", type=float, default=600,
                        help="seconds an endpoint may take for one answer [default: 600]")
    parser.add_argument("--questions", type=Path, default=QUERIES,
                        help="the folder of the cq-*.rq files, e.g. an older version's to "
                             "compare [default: queries/]")
    parser.add_argument("--queries", help="only questions whose file name matches this regex")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
