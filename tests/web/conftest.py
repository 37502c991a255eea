"""The pages served as `kg serve` serves them: a bare oxigraph server over the bundled build
and, in front of it on another free port of 127.0.0.1, the pages with /query forwarded."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from kg.serve import oxigraph_binary
from kg.store import current_build
from tests.conftest import free_port, stop_server, wait_for_endpoint
from tests.web.front import front_app


@pytest.fixture(scope="session")
def oxigraph_url(bundled_store: Path) -> Iterator[str]:
    port = free_port()
    build = current_build(bundled_store)
    assert build is not None
    process = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--union-default-graph",
                                "--location", str(build), "--bind", f"127.0.0.1:{port}"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_endpoint(url, process)
        yield url
    finally:
        stop_server(process)


@pytest.fixture(scope="session")
def site(oxigraph_url: str, bundled_store: Path) -> Iterator[str]:
    """The base URL of the pages (uvicorn in a thread of the test process)."""
    port = free_port()
    config = uvicorn.Config(front_app(oxigraph_url, bundled_store), host="127.0.0.1",
                            port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the pages' server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
