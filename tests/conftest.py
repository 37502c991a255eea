"""Fixtures shared by the tests that need a built store or a running server."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.build import build
from kg.paths import DOCUMENTS_DIR


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_endpoint(url: str, process: subprocess.Popen, timeout_s: float = 60) -> None:
    """Poll the endpoint until it answers a query (or the server process dies)."""
    deadline = time.monotonic() + timeout_s
    query = urllib.parse.urlencode({"query": "ASK {}"})
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/query?{query}", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout_s} s")


# The stand-in Wikidata's address (tests/test_wikidata_federation.py runs it when a test needs
# it): the one endpoint the test servers allow SERVICE to.
STAND_IN_WIKIDATA = f"http://127.0.0.1:{free_port()}/query"


def start_server(store: Path, port: int, *options: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", "--store", str(store),
                             "--port", str(port), "--federation", STAND_IN_WIKIDATA, *options],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def bundled_store(tmp_path_factory) -> Path:
    """The graph of the bundled documents, built once per test session."""
    root = tmp_path_factory.mktemp("store")
    result = build([DOCUMENTS_DIR], root)
    assert result.ok, [str(p) for p in result.prepared.report.errors] + \
        result.prepared.failures + result.check_failures
    return root


@pytest.fixture(scope="session")
def endpoint(bundled_store: Path) -> Iterator[str]:
    """`kg serve` over the bundled graph, on a free port of 127.0.0.1."""
    port = free_port()
    process = start_server(bundled_store, port)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_endpoint(url, process)
        yield url
    finally:
        stop_server(process)
