"""SPARQL throughput of `kg serve` against the bare `oxigraph serve-read-only`, same store.

    .venv/bin/python bench/serve.py                      # 8 connections, 10 s per measurement
    .venv/bin/python bench/serve.py --duration 5 --client python --json serve.json
    .venv/bin/python bench/serve.py --store /work/bench-1000/store   # a store built before

Builds the bundled documents into a temporary store (`kg build --store`), or uses the store
given with --store (e.g. the 1 000-document build: `python bench/corpus.py -n 1000 -o DIR`
then `kg build --store STORE DIR`), then starts `kg serve` on it and, beside it, the bare
`oxigraph serve-read-only` with only the flag that gives the same answers
(`--union-default-graph`); with --with-kg-flags also the oxigraph server `kg serve` runs
behind its front, with exactly its flags. Each listens on a free port of 127.0.0.1.
All get the same queries (a cheap ASK, a SELECT with LIMIT, every queries/cq-*.rq) by HTTP
POST with the same concurrency, one server after the other for each query, each after a
warm-up; a server that stops under load is restarted for the next measurement and marked.
The load generator is wrk when installed (written in C, so the client is not the
bottleneck), else Python processes with keep-alive connections. Client and servers share the
machine's cores, alike for every server; the share other processes took meanwhile is
reported. Every server started here is stopped on exit, error or Ctrl-C.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import math
import multiprocessing
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import machine

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
ACCEPT = "application/sparql-results+json"
CHEAP = {
    "ask": "ASK { ?s ?p ?o }",
    "select-limit": "PREFIX pg: <https://w3id.org/partnerschaftsgraph/ontology#>\n"
                    "SELECT ?agreement WHERE { ?agreement a pg:Agreement } LIMIT 10",
}


@dataclass
class Measurement:
    ok: int  # answered with 200
    errors: int  # other answers, and failed connections, reads and writes
    seconds: float
    latency_ms: dict[str, float]  # "p50", "p90", "p99"

    @property
    def per_second(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0


# ------------------------------------------------------------------------------ servers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def build_store(root: Path) -> Path:
    """The bundled documents, built with `kg build` into a store of our own."""
    subprocess.run([str(BIN / "kg"), "build", "--quiet", "--store", str(root)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (root / "current").resolve()


def launch(command: list[str], log: Path) -> subprocess.Popen:
    """A server in its own process group, so that it and whatever it starts can be stopped
    together (and a Ctrl-C in the terminal reaches only this script, which stops them)."""
    with log.open("wb") as output:
        return subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT,
                                start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM first (`kg serve` then stops its oxigraph), then the whole group, then SIGKILL."""
    if process.poll() is None:
        process.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGTERM)
        time.sleep(0.2)
        os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=10)


@dataclass
class Server:
    """A server under test, restarted (on a new port) when it died during a measurement."""

    name: str
    command: list[str]  # "{port}" stands for the port
    log: Path
    port: int = 0
    process: subprocess.Popen | None = None
    restarts: int = 0

    def start(self) -> None:
        self.port = free_port()
        command = [part.replace("{port}", str(self.port)) for part in self.command]
        self.process = launch(command, self.log)
        wait_ready(self.port, self.process, self.log)

    @property
    def server_pid(self) -> int:
        """The process that answers: oxigraph itself, or the one `kg serve` runs now (it
        replaces it on a new build or after an abandoned query)."""
        return self.pids()[-1] if self.process else 0

    def alive(self) -> bool:
        """The process and, for `kg serve`, an oxigraph server it runs."""
        return self.process is not None and self.process.poll() is None and \
            machine.is_running(self.server_pid)

    def pids(self) -> list[int]:
        return [self.process.pid, *machine.descendants(self.process.pid)] if self.process \
            else []

    def threads(self) -> int:
        """Threads of the oxigraph process, to see whether they pile up."""
        return machine.thread_count(self.server_pid)

    def ensure_running(self) -> None:
        if self.alive():
            return
        if self.process is not None:
            self.restarts += 1
            print(f"  {self.name} had stopped: {_last_line(self.log)}; restarting",
                  file=sys.stderr, flush=True)
            stop(self.process)
        self.start()

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


def _last_line(log: Path) -> str:
    lines = [line for line in log.read_text(errors="replace").splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(no output)"


def wait_ready(port: int, process: subprocess.Popen, log: Path, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server on port {port} exited: {log.read_text()[-2000:]}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            status, _ = post(port, CHEAP["ask"])
            if status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"server on port {port} not ready after {timeout_s}s")


def post(port: int, query: str, connection: http.client.HTTPConnection | None = None
         ) -> tuple[int, bytes]:
    own = connection is None
    connection = connection or http.client.HTTPConnection(HOST, port, timeout=60)
    try:
        connection.request("POST", "/query", body=query.encode("utf-8"),
                           headers={"Content-Type": "application/sparql-query",
                                    "Accept": ACCEPT})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        if own:
            connection.close()


def result_rows(body: bytes) -> int | bool:
    """Rows of a SELECT, or the boolean of an ASK: to check both servers answer alike."""
    parsed = json.loads(body)
    return parsed["boolean"] if "boolean" in parsed else len(parsed["results"]["bindings"])


# ------------------------------------------------------------------------------ load: wrk


WRK_SCRIPT = """wrk.method = "POST"
wrk.headers["Content-Type"] = "application/sparql-query"
wrk.headers["Accept"] = "%s"
wrk.body = [==[%s]==]
"""


def wrk_measure(port: int, query: str, connections: int, seconds: float,
                workdir: Path) -> Measurement:
    script = workdir / "query.lua"
    script.write_text(WRK_SCRIPT % (ACCEPT, query), encoding="utf-8")
    threads = max(1, min(connections, os.cpu_count() or 1))
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--latency",
         "-s", str(script), f"http://{HOST}:{port}/query"],
        check=True, capture_output=True, text=True).stdout
    return parse_wrk(output)


def parse_wrk(output: str) -> Measurement:
    requests = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", output).group(1))
    took = re.search(r"requests in ([\d.]+)(ms|s|m)", output)
    seconds = float(took.group(1)) * {"ms": 0.001, "s": 1, "m": 60}[took.group(2)]
    not_ok = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    errors = not_ok
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), "
                              r"timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    latency = {}
    for percent, value, unit in re.findall(r"^\s+(50|90|99)%\s+([\d.]+)(us|ms|s)\s*$", output,
                                           re.M):
        latency[f"p{percent}"] = float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    return Measurement(requests - not_ok, errors, seconds, latency)


# ------------------------------------------------------------------------------ load: Python


def _client(port: int, query: str, seconds: float, results) -> None:
    """One keep-alive connection sending the query until the time is up."""
    connection = http.client.HTTPConnection(HOST, port, timeout=60)
    latencies, errors = [], 0
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        connection, status, latency = _timed_post(connection, port, query, 60)
        latencies.append(latency)
        errors += status != 200
    connection.close()
    results.put((latencies, errors))


def _timed_post(connection: http.client.HTTPConnection, port: int, query: str,
                timeout: float) -> tuple[http.client.HTTPConnection, int, float]:
    """One query and its latency; a broken connection is replaced (status 0)."""
    started = time.perf_counter()
    try:
        status, _ = post(port, query, connection)
    except (OSError, http.client.HTTPException):
        connection.close()
        connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
        status = 0
    return connection, status, time.perf_counter() - started


def python_measure(port: int, query: str, connections: int, seconds: float) -> Measurement:
    """One process per connection (no GIL between them), like wrk's connections."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    clients = [context.Process(target=_client, args=(port, query, seconds, results))
               for _ in range(connections)]
    started = time.perf_counter()
    for client in clients:
        client.start()
    gathered = [results.get() for _ in clients]
    elapsed = time.perf_counter() - started
    for client in clients:
        client.join()
    latencies = sorted(x for batch, _ in gathered for x in batch)
    errors = sum(e for _, e in gathered)
    return Measurement(len(latencies) - errors, errors, min(elapsed, seconds) or elapsed,
                       {f"p{p}": 1000 * percentile(latencies, p) for p in (50, 90, 99)})


def sequential_measure(port: int, query: str, repeats: int) -> Measurement:
    """The query `repeats` times, one after the other on one keep-alive connection: for
    queries that take seconds (the competency questions over a large build), where a timed
    load run would complete too few of them to count. req/s is then 1 / mean latency."""
    connection = http.client.HTTPConnection(HOST, port, timeout=900)
    latencies, errors = [], 0
    for _ in range(repeats):
        connection, status, latency = _timed_post(connection, port, query, 900)
        latencies.append(latency)
        errors += status != 200
    connection.close()
    ordered = sorted(latencies)
    return Measurement(repeats - errors, errors, sum(latencies),
                       {f"p{p}": 1000 * percentile(ordered, p) for p in (50, 90, 99)})


def percentile(ordered: list[float], percent: int) -> float:
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(len(ordered) * percent / 100))]


# ------------------------------------------------------------------------------ the benchmark


def query_mix() -> dict[str, str]:
    mix = dict(CHEAP)
    for path in sorted(QUERIES.glob("cq-*.rq")):
        mix[path.stem] = path.read_text(encoding="utf-8")
    return mix


def measure(port: int, query: str, args: argparse.Namespace, workdir: Path) -> Measurement:
    if args.client == "sequential":
        return sequential_measure(port, query, args.repeats)
    if args.client == "wrk":
        return wrk_measure(port, query, args.connections, args.duration, workdir)
    return python_measure(port, query, args.connections, args.duration)


def warm_up(port: int, query: str, args: argparse.Namespace, workdir: Path) -> None:
    if args.client == "sequential":
        sequential_measure(port, query, 1)
    elif args.warmup > 0:
        saved = args.duration
        args.duration = args.warmup
        try:
            measure(port, query, args, workdir)
        finally:
            args.duration = saved


def compare(servers: list[Server], args: argparse.Namespace, workdir: Path) -> list[dict]:
    """Each query on each server in turn, after a check that they all give the same result."""
    rows = []
    for name, query in query_mix().items():
        if args.queries and not re.search(args.queries, name):
            continue
        shapes = {}
        for server in servers:
            server.ensure_running()
            status, body = post(server.port, query)
            if status != 200:
                raise RuntimeError(f"{server.name} answered {status} to {name}: {body[:300]!r}")
            shapes[server.name] = result_rows(body)
        row = {"query": name, "result": next(iter(shapes.values())),
               "same_result": len(set(map(str, shapes.values()))) == 1}
        rounds: dict[str, list[dict]] = {server.name: [] for server in servers}
        for _ in range(args.rounds):  # alternating, so that a slow moment hits all servers
            for server in servers:
                rounds[server.name].append(measure_once(server, servers, name, query, args,
                                                        workdir))
        for server in servers:
            row[server.name] = median_round(rounds[server.name])
        rows.append(row)
    return rows


def measure_once(server: Server, servers: list[Server], name: str, query: str,
                 args: argparse.Namespace, workdir: Path) -> dict:
    server.ensure_running()
    warm_up(server.port, query, args, workdir)
    server.ensure_running()
    other = machine.OtherLoad(tuple(pid for each in servers for pid in each.pids()))
    result = measure(server.port, query, args, workdir)
    measured = {"requests_per_s": result.per_second, "ok": result.ok, "errors": result.errors,
                "seconds": result.seconds, "other_load": other.share(),
                "steal": other.steal_share(), "threads_after": server.threads(),
                "stopped": not server.alive(),
                **{f"{k}_ms": v for k, v in result.latency_ms.items()}}
    print(f"  {name:<32} {server.name:<22} {result.per_second:9.1f} req/s  "
          f"p50 {result.latency_ms.get('p50', 0):7.2f} ms  errors {result.errors}  "
          f"threads {measured['threads_after']}"
          f"{'  SERVER STOPPED' if measured['stopped'] else ''}  "
          f"other load {100 * measured['other_load']:.0f}%, steal "
          f"{100 * measured['steal']:.0f}%", file=sys.stderr, flush=True)
    return measured


def median_round(measured: list[dict]) -> dict:
    """The round with the median throughput; errors, stops and other load over all rounds."""
    chosen = dict(sorted(measured, key=lambda m: m["requests_per_s"])[len(measured) // 2])
    chosen["rounds"] = [m["requests_per_s"] for m in measured]
    chosen["errors"] = sum(m["errors"] for m in measured)
    chosen["stopped"] = any(m["stopped"] for m in measured)
    chosen["other_load"] = max(m["other_load"] for m in measured)
    chosen["steal"] = max(m["steal"] for m in measured)
    return chosen


def table(rows: list[dict], names: list[str]) -> str:
    """req/s of every server, the ratio of the first (kg serve) to the last (bare oxigraph),
    and the latencies of those two."""
    first, last = names[0], names[-1]
    short = {name: SHORT.get(name, name) for name in names}
    header = (f"{'query':<31} {'rows':>5} " + "".join(f"{short[n] + ' req/s':>18}" for n in names)
              + f" {'kg/bare':>7}  {'kg p50/p90/p99 ms':>20}  {'bare p50/p90/p99 ms':>20}"
              f" {'errors':>7} {'other':>5}")
    lines = [header, "-" * len(header)]
    for row in rows:
        kg, bare = row[first], row[last]
        ratio = kg["requests_per_s"] / bare["requests_per_s"] if bare["requests_per_s"] else 0
        cells = "".join(f"{row[n]['requests_per_s']:>17.1f}{'!' if row[n]['stopped'] else ' '}"
                        for n in names)
        errors = sum(row[n]["errors"] for n in names)
        other = max(row[n]["other_load"] + row[n]["steal"] for n in names)
        lines.append(f"{row['query']:<31} {row['result']!s:>5} {cells}{ratio:>7.2f}  "
                     f"{_latencies(kg):>20}  {_latencies(bare):>20} {errors:>7} "
                     f"{100 * other:>4.0f}%")
    for label, chosen in (("geometric mean, all", rows),
                          ("geometric mean, cq-*", [r for r in rows
                                                    if r["query"].startswith("cq-")])):
        ratios = [r[first]["requests_per_s"] / r[last]["requests_per_s"]
                  for r in chosen if r[last]["requests_per_s"]]
        if ratios and all(ratios):
            mean = math.exp(sum(math.log(x) for x in ratios) / len(ratios))
            lines.append(f"{label:<31} {'':>5} {'':>{18 * len(names)}}{mean:>7.2f}")
    differing = [r["query"] for r in rows if not r["same_result"]]
    if differing:
        lines.append(f"the servers' results differ for: {', '.join(differing)}")
    lines += ["rows: result rows (or the ASK answer); !: the server stopped during the "
              "measurement (restarted for the next one); other: the largest share of all cores "
              "used by other processes or taken by the hypervisor (steal) during the query's "
              "measurements",
              *(f"{short[n]} = {n}" for n in names)]
    return "\n".join(lines)


def _latencies(result: dict) -> str:
    return "/".join(f"{result.get(f'p{p}_ms', 0):.2f}" for p in (50, 90, 99))


def servers_for(store_root: Path, build: Path, workdir: Path,
                with_kg_flags: bool, kg_timeout: int | None = None) -> list[Server]:
    """`kg serve`, and the bare oxigraph server with only what gives the same answers (the
    union default graph); optionally also the oxigraph server with exactly the flags `kg serve`
    gives it, which separates the cost of the flags from that of the wrapper (none)."""
    from kg.serve import child_command  # the oxigraph server `kg serve` runs behind its front

    kg_flags = child_command(build, 0)
    kg_flags[kg_flags.index(f"{HOST}:0")] = f"{HOST}:{{port}}"
    bare = [kg_flags[0], "serve-read-only", "--location", str(build), "--bind",
            f"{HOST}:{{port}}", "--union-default-graph"]
    timeout = [] if kg_timeout is None else ["--timeout", str(kg_timeout)]
    servers = [Server("kg serve", [str(BIN / "kg"), "serve", "--store", str(store_root),
                                   "--host", HOST, "--port", "{port}", *timeout],
                      workdir / "kg-serve.log")]
    if with_kg_flags:
        servers.append(Server("oxigraph, kg's flags", kg_flags, workdir / "oxigraph-kg.log"))
    servers.append(Server("oxigraph, bare", bare, workdir / "oxigraph-bare.log"))
    return servers


SHORT = {"kg serve": "kg", "oxigraph, kg's flags": "oxi+kgflags", "oxigraph, bare": "bare"}


def _load(args: argparse.Namespace) -> str:
    if args.client == "sequential":
        return (f"sequential, {args.repeats} request(s) one after the other per measurement "
                "after one to warm up")
    return (f"{args.client}, {args.connections} connections, {args.warmup:g} s warm-up + "
            f"{args.duration:g} s per measurement")


def run(args: argparse.Namespace) -> int:
    workdir = Path(tempfile.mkdtemp(prefix="kg-serve-bench-"))
    servers: list[Server] = []
    try:
        if args.store:
            store_root = args.store.resolve()
            build = (store_root / "current").resolve()
        else:
            store_root = workdir / "store"
            build = build_store(store_root)
        servers = servers_for(store_root, build, workdir, args.with_kg_flags, args.kg_timeout)
        for server in servers:
            server.start()
            print(f"{server.name}: {' '.join(server.process.args)}", file=sys.stderr)
        ours = tuple(pid for server in servers for pid in server.pids())
        quiet = machine.OtherLoad(ours)
        time.sleep(2)
        print(f"client {_load(args)}; before the measurements other processes "
              f"use {100 * quiet.share():.0f}% of the cores, the hypervisor takes "
              f"{100 * quiet.steal_share():.0f}%", file=sys.stderr)
        rows = compare(servers, args, workdir)
    except Exception:
        for log in sorted(workdir.glob("*.log")):  # why a server stopped, if one did
            print(f"--- {log.name} (last lines)\n{log.read_text(errors='replace')[-1500:]}",
                  file=sys.stderr)
        raise
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    names = [server.name for server in servers]
    print(f"product commit: {machine.product_version()}")
    print(f"client: {_load(args)}; median of {args.rounds} round(s); "
          f"store: {args.store or 'the bundled documents'}; {machine.CPUS} cores shared by "
          "servers and client")
    print(table(rows, names))
    restarts = {server.name: server.restarts for server in servers if server.restarts}
    if restarts:
        print("restarts after a server stopped: "
              + ", ".join(f"{name} {n}" for name, n in restarts.items()))
    if args.json:
        args.json.write_text(json.dumps({
            "measured": time.strftime("%Y-%m-%d %H:%M:%S %z"),
            "product": machine.product_version(), "client": args.client,
            "connections": args.connections, "duration_s": args.duration,
            "warmup_s": args.warmup, "rounds": args.rounds, "cpus": machine.CPUS,
            "servers": names,
            "commands": {server.name: server.command for server in servers},
            "restarts": restarts, "rows": rows}, indent=2), encoding="utf-8")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--connections", "-c", type=int, default=8)
    parser.add_argument("--duration", "-d", type=float, default=10.0,
                        help="seconds per measurement [default: 10]")
    parser.add_argument("--warmup", type=float, default=2.0,
                        help="seconds of load before each measurement [default: 2]")
    parser.add_argument("--client", choices=["wrk", "python", "sequential"],
                        default="wrk" if shutil.which("wrk") else "python",
                        help="load generator [default: wrk if installed, else python]; "
                             "sequential: --repeats requests one after the other (for queries "
                             "that take seconds)")
    parser.add_argument("--repeats", type=int, default=3,
                        help="requests per measurement with --client sequential [default: 3]")
    parser.add_argument("--kg-timeout", type=int,
                        help="`kg serve --timeout` (its default otherwise)")
    parser.add_argument("--rounds", type=int, default=1,
                        help="measurements per query and server, alternating; the median round "
                             "is reported [default: 1]")
    parser.add_argument("--queries", help="only queries whose name matches this regex")
    parser.add_argument("--with-kg-flags", action="store_true",
                        help="also measure the oxigraph server with the flags `kg serve` gives it")
    parser.add_argument("--store", type=Path,
                        help="a store built before (kg build --store) instead of the bundled "
                             "documents built into a temporary one")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # runs the finally: servers stop
    try:
        return run(args)
    except KeyboardInterrupt:
        print("interrupted; the servers were stopped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
