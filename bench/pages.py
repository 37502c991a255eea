"""Time to answer each page of kg/web over a given store (the bundled build by default).

    .venv/bin/python bench/pages.py                       # builds the bundled documents
    .venv/bin/python bench/pages.py --store /tmp/store-1000 --repeat 5

Starts a bare `oxigraph serve-read-only --union-default-graph` over the store's current
build and the pages (kg.web) under uvicorn, each on a free port of 127.0.0.1, asks every page
--repeat times one after the other after one warm-up request, and prints the median and the
slowest answer per page in milliseconds. Dumps are made on the warm-up of /dumps/ (their
first-time cost is printed apart). Both servers are stopped on exit.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from kg.build import build
from kg.paths import DOCUMENTS_DIR
from kg.serve import oxigraph_binary
from kg.store import current_build
from kg.web import create_web_app

PAGES = ["/", "/dashboard", "/dataset", "/.well-known/void", "/id/land/DE-NW",
         "/id/land/DE-NW.ttl", "/id/region/kanagawa-nowhere", "/dumps/"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait(url: str, within_s: float = 60) -> None:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        try:
            if httpx.post(url, data={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise TimeoutError(url)


def timed(client: httpx.Client, url: str) -> tuple[float, int]:
    start = time.perf_counter()
    answer = client.get(url)
    return (time.perf_counter() - start) * 1000, answer.status_code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, help="a kg store [default: build the bundled "
                                                   "documents into a temporary one]")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        store = args.store or Path(scratch) / "store"
        if args.store is None and not build([DOCUMENTS_DIR], store).ok:
            print("error: the bundled documents did not build", file=sys.stderr)
            return 2
        build_dir = current_build(store)
        if build_dir is None:
            print(f"error: {store}: no build", file=sys.stderr)
            return 2
        port = free_port()
        oxigraph = subprocess.Popen([oxigraph_binary(), "serve-read-only",
                                     "--union-default-graph", "--location", str(build_dir),
                                     "--bind", f"127.0.0.1:{port}"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        endpoint = f"http://127.0.0.1:{port}/query"
        web_port = free_port()
        server = uvicorn.Server(uvicorn.Config(create_web_app(lambda: endpoint, store),
                                               host="127.0.0.1", port=web_port,
                                               log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        try:
            wait(endpoint)
            thread.start()
            while not server.started:
                time.sleep(0.05)
            measure(f"http://127.0.0.1:{web_port}", build_dir.name, args.repeat)
        finally:
            server.should_exit = True
            thread.join(timeout=20)
            oxigraph.terminate()
            oxigraph.wait(timeout=20)
    return 0


def measure(base: str, build_name: str, repeat: int) -> None:
    print(f"build {build_name}; {repeat} requests per page after one warm-up")
    print(f"{'page':32} {'status':>6} {'first ms':>9} {'median ms':>10} {'max ms':>8}")
    with httpx.Client(base_url=base, timeout=600, trust_env=False) as client:
        for page in PAGES:
            first, status = timed(client, page)
            times = [timed(client, page)[0] for _ in range(repeat)]
            print(f"{page:32} {status:>6} {first:9.0f} {statistics.median(times):10.0f} "
                  f"{max(times):8.0f}")


if __name__ == "__main__":
    sys.exit(main())
