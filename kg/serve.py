"""Serving: the front (kg/front.py) under uvicorn, oxigraph servers behind it (kg/upstream.py).

`kg serve` listens on --host/--port with an ASGI app that speaks the SPARQL protocol itself
(checking SERVICE, keeping the timeout, refusing writes) and relays queries over pooled
keep-alive connections to `oxigraph serve-read-only --union-default-graph` on a private port
of 127.0.0.1, one per served build; every other path goes to the web pages. uvicorn runs with
uvloop and httptools, the fastest event loop and HTTP parser it supports, so that the front
costs little of oxigraph's throughput (bench/serve.py measures it against bare oxigraph).
A build published by `kg build` is picked up without a failed request: see kg/upstream.py.
"""

from __future__ import annotations

import importlib.util
import logging
import shutil
import signal
import socket
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from kg.store import StoreError, current_build
from kg.wikidata.config import WIKIDATA_SPARQL

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT_S = 60  # as Wikidata's query service
DEFAULT_FEDERATION = (WIKIDATA_SPARQL,)
FEDERATION_ENV = "KG_FEDERATION"
SHUTDOWN_GRACE_S = 5  # requests still running at Ctrl-C get this long to finish


def oxigraph_binary() -> str:
    """The `oxigraph` command installed beside this Python, else the one on PATH."""
    sibling = Path(sys.executable).parent / "oxigraph"
    if sibling.is_file():
        return str(sibling)
    found = shutil.which("oxigraph")
    if found is None:
        raise StoreError("the `oxigraph` server is not installed (pip install oxigraph)")
    return found


def child_command(build: Path, port: int) -> list[str]:
    """An oxigraph server behind the front: loopback only, no CORS (the front answers it),
    no --timeout-s (the front keeps the time; see kg/front.py for why)."""
    return [oxigraph_binary(), "serve-read-only", "--location", str(build),
            "--bind", f"127.0.0.1:{port}", "--union-default-graph"]


def federation_endpoints(urls: Iterable[str]) -> frozenset[str]:
    """The SERVICE endpoints allowed, checked to be absolute http(s) IRIs."""
    allowed = set()
    for url in urls:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or any(
                c in url for c in "<>\"{}|\\^` "):
            raise StoreError(f"not an http(s) endpoint IRI for federation: {url!r}")
        allowed.add(url)
    return frozenset(allowed)


def serve(root: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          timeout_s: float = DEFAULT_TIMEOUT_S,
          federation: Iterable[str] = DEFAULT_FEDERATION,
          say: Callable[[str], None] = print) -> int:
    """Serve until interrupted (Ctrl-C, SIGTERM); returns the exit code."""
    import uvicorn

    from kg.front import BrokenAnswer, Settings, create_app
    from kg.upstream import Upstreams

    if current_build(root) is None:
        raise StoreError(f"{root}: no built graph here yet; run `kg build` first")
    allowed = federation_endpoints(federation)
    listener = _listen(host, port)
    upstreams = Upstreams(root, child_command, say,
                          drain_s=timeout_s + 10 if timeout_s else 3600)
    settings = Settings(timeout_s=timeout_s, federation=allowed)

    def ready(child) -> None:
        limit = f"query timeout {timeout_s:g} s" if timeout_s else "no query timeout"
        say(f"serving {child.build.name} at http://{host}:{port}/ (SPARQL endpoint /query; "
            f"read-only; {limit}; SERVICE allowed to: {', '.join(sorted(allowed)) or 'none'}; "
            "Ctrl-C stops)")

    app = create_app(upstreams, settings, _web_app(upstreams, root), ready)
    logging.getLogger("uvicorn.error").addFilter(_QuietBrokenAnswers(BrokenAnswer, say))
    config = uvicorn.Config(app, loop="uvloop", http="httptools", lifespan="on",
                            log_level="warning", access_log=False,
                            timeout_graceful_shutdown=SHUTDOWN_GRACE_S)
    server = uvicorn.Server(config)
    # uvicorn shuts down gracefully on SIGINT/SIGTERM, then raises the signal again with the
    # handler found before: for SIGTERM that should end this function, not the process
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: None)
    try:
        server.run(sockets=[listener])
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        listener.close()
    say("server stopped")
    return 0 if server.started else 2


def _web_app(upstreams, root: Path):
    """The web pages (kg.web) when they are installed, reading the graph over SPARQL from the
    current oxigraph server; None otherwise (the front then serves a minimal home page)."""
    if importlib.util.find_spec("kg.web") is None:
        return None
    from kg.web import create_web_app

    return create_web_app(lambda: f"{upstreams.current.url}/query", root)


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a taken port is a clear error."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as error:
        listener.close()
        raise StoreError(f"cannot listen on {host}:{port}: {error.strerror}") from error
    listener.listen(2048)
    listener.set_inheritable(True)
    return listener


class _QuietBrokenAnswers(logging.Filter):
    """An answer cut off on purpose (kg/front.py) is one line, not a traceback."""

    def __init__(self, kind: type[Exception], say: Callable[[str], None]) -> None:
        super().__init__()
        self.kind = kind
        self.say = say

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, self.kind):
            self.say(f"an answer broke off and its connection was closed: {error}")
            return False
        return True
