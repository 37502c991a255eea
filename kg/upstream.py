"""The oxigraph servers behind `kg serve`: one child per served build, on a private port.

Each child is `oxigraph serve-read-only --union-default-graph` on a free port of 127.0.0.1,
reachable only through the front (kg/front.py). Requests lease the current child and give it
back when their answer is sent. Two events replace the current child:

- a new build is published (`current` points elsewhere): a child is started on it and, once it
  accepts connections, new requests go to it;
- a query was abandoned (its client left, or it ran out of time) before oxigraph finished it:
  oxigraph does not notice a closed connection until it writes, so a query that computes
  without writing (an aggregate over a cross product) would run on; a fresh child on the same
  build takes the new requests instead.

Either way the old child is retired: the requests it still serves finish on it, and it is
stopped when the last of them is done (abandoned requests don't count), which ends whatever
it was still computing. So no request is refused or cut off by a swap, and no abandoned query
outlives the requests that were running beside it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from kg.store import StoreError, current_build, serving

LOOPBACK = "127.0.0.1"


@dataclass(eq=False)
class Child:
    """One oxigraph server on one build."""

    build: Path
    port: int
    process: subprocess.Popen
    log: IO[bytes]
    in_flight: int = 0
    retired: bool = False
    started: float = field(default_factory=time.monotonic)
    hold: contextlib.ExitStack = field(default_factory=contextlib.ExitStack)  # store.serving

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def alive(self) -> bool:
        return self.process.poll() is None

    def last_words(self) -> str:
        """Why it stopped, in its own words (its error, else its last message)."""
        self.log.seek(0)
        lines = [ln.strip() for ln in self.log.read().decode("utf-8", "replace").splitlines()]
        errors = [ln for ln in lines if ln.startswith("Error")]
        said = errors[0] if errors else next((ln for ln in reversed(lines) if ln), "")
        return f"exit code {self.process.returncode}" + (f": {said}" if said else "")


class Upstreams:
    """The current child, and the retired ones still finishing their requests."""

    def __init__(self, root: Path, command: Callable[[Path, int], list[str]],
                 say: Callable[[str], None] = print, drain_s: float = 3600.0) -> None:
        self.root = root
        self.command = command
        self.say = say
        self.drain_s = drain_s  # a retired child is stopped after this even if still busy
        self.current: Child | None = None
        self.retiring: set[Child] = set()
        self._lock = asyncio.Lock()
        self._tasks: set[asyncio.Task] = set()

    # ------------------------------------------------------------------ leases

    def acquire(self) -> Child:
        child = self.current
        if child is None:
            raise StoreError("no oxigraph server is running")
        child.in_flight += 1
        return child

    def release(self, child: Child) -> None:
        child.in_flight -= 1
        if child.retired and child.in_flight == 0:
            self._stop(child)

    def abandon(self, child: Child) -> None:
        """Give back the lease of a request oxigraph may still be computing: the child is
        replaced (if it is still the current one) and stopped once its other requests end."""
        if child is self.current:
            self._spawn_task(self._replace(child, child.build, f"a query on {child.build.name} "
                                                              "was abandoned unfinished"))
        self.release(child)

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> Child:
        build = current_build(self.root)
        if build is None:
            raise StoreError(f"{self.root}: no built graph here yet; run `kg build` first")
        self.current = await self._launch(build)
        return self.current

    async def watch(self, poll_s: float = 1.0) -> None:
        """Follow `current`, and replace a child that died; runs until cancelled."""
        while True:
            await asyncio.sleep(poll_s)
            child = self.current
            if child is None:
                continue
            latest = current_build(self.root)
            if latest is not None and latest != child.build:
                await self._replace(child, latest, f"a new build was published: {latest.name}")
            elif not child.alive():
                await self._replace(child, child.build, f"the oxigraph server stopped "
                                                        f"({child.last_words()})")

    async def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        for child in [self.current, *self.retiring]:
            if child is not None:
                _terminate(child)
        self.current = None
        self.retiring.clear()

    async def _replace(self, old: Child, build: Path, why: str) -> None:
        """Serve the build from a new child instead of `old` (unless that happened already)."""
        async with self._lock:
            if self.current is not old:
                return
            try:
                new = await self._launch(build)
            except StoreError as error:
                self.say(f"{why}; could not start a server on it ({error}); "
                         "the previous one keeps serving")
                return
            self.current = new
            self.say(f"{why}; now serving {build.name} (requests in flight finish on the "
                     "previous server)")
            self._retire(old)

    def _retire(self, child: Child) -> None:
        child.retired = True
        if child.in_flight == 0 or not child.alive():
            self._stop(child)
            return
        self.retiring.add(child)
        self._spawn_task(self._stop_later(child))

    async def _stop_later(self, child: Child) -> None:
        await asyncio.sleep(self.drain_s)
        if child.alive():
            self.say(f"stopping the previous server on {child.build.name} with "
                     f"{child.in_flight} request(s) still running after {self.drain_s:g} s")
            self._stop(child)

    def _stop(self, child: Child) -> None:
        self.retiring.discard(child)
        _terminate(child)

    def _spawn_task(self, coroutine) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _launch(self, build: Path, attempts: int = 3, within_s: float = 60) -> Child:
        """Start a child on the build and return it once it accepts connections."""
        failure = ""
        hold = contextlib.ExitStack()  # no build prunes the build while it is served
        if not hold.enter_context(serving(build)):
            hold.close()
            raise StoreError(f"{build} was removed before it could be served")
        for _ in range(attempts):  # another process may take the free port first
            port = _free_port()
            log = tempfile.TemporaryFile()  # noqa: SIM115 - open as long as the child runs
            process = subprocess.Popen(self.command(build, port), stdout=log,
                                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       preexec_fn=_die_with_parent)
            child = Child(build, port, process, log)
            if await _listening(child, within_s):
                child.hold = hold
                return child
            failure = child.last_words()
            _terminate(child)
        hold.close()
        raise StoreError(f"the oxigraph server did not start on {build} ({failure})")


async def _listening(child: Child, within_s: float) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline and child.alive():
        try:
            _, writer = await asyncio.open_connection(LOOPBACK, child.port)
        except OSError:
            await asyncio.sleep(0.05)
            continue
        writer.close()
        with contextlib.suppress(OSError):
            await writer.wait_closed()
        return True
    return False


def _terminate(child: Child) -> None:
    """SIGTERM (oxigraph exits at once), SIGKILL if it has not after half a second."""
    if child.process.poll() is None:
        child.process.terminate()
        try:
            child.process.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            child.process.kill()
            child.process.wait(timeout=10)
    child.log.close()
    child.hold.close()


def _die_with_parent() -> None:
    """In the child, before oxigraph starts: be terminated when `kg serve` dies, even by
    SIGKILL, so that no oxigraph server is left behind (Linux; elsewhere a no-op)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return probe.getsockname()[1]
