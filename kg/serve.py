"""Serving: the `oxigraph` server from PyPI, read-only, over the current build.

Nothing sits between client and server, so serving costs no throughput (bench/serve.py
measures it against the bare server). The server is restarted on the new build when `kg build`
publishes one; until then, and whenever a build fails, the last good build stays served.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kg.store import StoreError, current_build, serving

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
DEFAULT_TIMEOUT_S: int | None = None


def oxigraph_binary() -> str:
    """The `oxigraph` command installed beside this Python, else the one on PATH."""
    sibling = Path(sys.executable).parent / "oxigraph"
    if sibling.is_file():
        return str(sibling)
    found = shutil.which("oxigraph")
    if found is None:
        raise StoreError("the `oxigraph` server is not installed (pip install oxigraph)")
    return found


def server_command(build: Path, host: str, port: int, timeout_s: int | None) -> list[str]:
    """The server's command line. A query timeout is only passed when asked for: oxigraph 0.5
    runs each query in a thread of its own to time it, and under concurrent load that fails
    requests and can abort the server (measured by bench/serve.py)."""
    timeout = ["--timeout-s", str(timeout_s)] if timeout_s else []
    return [oxigraph_binary(), "serve-read-only", "--location", str(build),
            "--bind", f"{host}:{port}", "--cors", "--union-default-graph", *timeout]


def serve(root: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
          timeout_s: int | None = DEFAULT_TIMEOUT_S, say: Callable[[str], None] = print,
          poll_s: float = 1.0) -> int:
    """Serve until interrupted; returns the exit code. The build served is held (see
    store.serving), so that no build prunes it while it is served."""
    stop = _stop_flag()
    with contextlib.ExitStack() as hold:
        build = _hold_current(root, hold)
        process = _start(build, host, port, timeout_s, say)
        if process.poll() is not None:
            say(_stopped(process))
            return 2
        try:
            while not stop["now"]:
                time.sleep(poll_s)
                if process.poll() is not None:
                    say(_stopped(process))
                    return 2
                latest = current_build(root)
                if latest is None or latest == build:
                    continue
                with contextlib.ExitStack() as new_hold:
                    if not new_hold.enter_context(serving(latest)):
                        continue  # pruned before we got to it: look again
                    say(f"a new build was published: {latest.name}; restarting the server")
                    _stop(process)
                    hold.close()
                    hold.enter_context(new_hold.pop_all())
                build = latest
                process = _start(build, host, port, timeout_s, say)
            return 0
        finally:
            _stop(process)
            say("server stopped")


def _hold_current(root: Path, hold: contextlib.ExitStack) -> Path:
    """The current build, held for serving."""
    while True:
        build = current_build(root)
        if build is None:
            raise StoreError(f"{root}: no built graph here yet; run `kg build` first")
        with contextlib.ExitStack() as attempt:
            if attempt.enter_context(serving(build)):
                hold.enter_context(attempt.pop_all())
                return build


def _start(build: Path, host: str, port: int, timeout_s: int | None,
           say: Callable[[str], None]) -> subprocess.Popen:
    """Start the server and say so once it listens; its messages go to a file (a pipe nobody
    reads would block it), shown when it stops."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - open as long as the server runs
    process = subprocess.Popen(server_command(build, host, port, timeout_s),
                               stdout=log, stderr=subprocess.STDOUT)
    process.log = log  # type: ignore[attr-defined]
    if _listening(process, host, port):
        say(f"serving {build.name} at http://{host}:{port}/ (SPARQL endpoint /query; "
            f"read-only; Ctrl-C stops)")
    return process


def _listening(process: subprocess.Popen, host: str, port: int, within_s: float = 60) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection((host, port), timeout=1):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def _stopped(process: subprocess.Popen) -> str:
    """Why the server stopped, in its own words (its error, else its last message)."""
    log = getattr(process, "log", None)
    said = ""
    if log is not None:
        log.seek(0)
        lines = [ln.strip() for ln in log.read().decode("utf-8", "replace").splitlines()]
        errors = [ln for ln in lines if ln.startswith("Error")]
        said = errors[0] if errors else next((ln for ln in reversed(lines) if ln), "")
    reason = f": {said}" if said else ""
    return f"the oxigraph server stopped (exit code {process.returncode}){reason}"


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _stop_flag() -> dict[str, bool]:
    """Ctrl-C and SIGTERM end the loop, so the server is stopped cleanly."""
    flag = {"now": False}

    def handler(signum, frame):
        flag["now"] = True

    signal.signal(signal.SIGINT, handler)
    signal.signal(signal.SIGTERM, handler)
    return flag
