"""Per-document work in worker processes, and the guarantee that none outlives the build: a
worker dies with the build process, even a killed one (Linux), and an interrupted build stops
its workers at once.

Workers are forked (sharing the build process's memory pages) when the build process holds
little yet, as while it reads documents; later work is handed to spawned workers, which
inherit nothing: a forked worker copies every page of the build process's objects it touches
(reference counts write to them), which came to the size of the resolved corpus per worker.
A spawned worker imports the main module again, so a script that builds needs the usual
`if __name__ == "__main__":` guard.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

Progress = Callable[[str], None]


def map_parallel(function, arguments: list[tuple], jobs: int | None, progress: Progress,
                 verb: str, min_items: int = 8, collect: Callable | None = None) -> list:
    """Run function over arguments, in forked worker processes when there is enough work;
    with `collect`, each result goes to it as it arrives instead of into the returned list.
    Meanwhile this process's cyclic garbage collector is paused: the results it receives are
    kept, and each full collection walked all received so far (a build's extractions: at
    3 000 documents 6.6 of the build process's 10.2 s of CPU while its workers extracted,
    growing per document with the corpus; bench/README.md)."""
    workers = jobs or os.cpu_count() or 1
    results: list = []
    keep = collect or results.append
    if workers <= 1 or len(arguments) < min_items:
        for index, args in enumerate(arguments, 1):
            keep(function(*args))
            _tick(progress, index, len(arguments), verb)
        return results
    context = multiprocessing.get_context("fork")
    gc.freeze()  # the workers' garbage collector then leaves the inherited objects' pages shared
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_worker_start, initargs=(os.getpid(),))
    enabled = gc.isenabled()
    try:
        chunk = max(1, len(arguments) // (workers * 8))
        found = pool.map(function, *zip(*arguments, strict=True), chunksize=chunk)
        gc.disable()  # (the workers are forked by now) what arrives is kept: see below
        for index, result in enumerate(found, 1):
            keep(result)
            _tick(progress, index, len(arguments), verb)
    except BaseException:
        _stop_workers(pool)
        raise
    finally:
        if enabled:
            gc.enable()
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
    return results


@contextlib.contextmanager
def started(function, arguments: list[tuple], jobs: int | None, progress: Progress,
            verb: str) -> Iterator[Callable[[], list]]:
    """Run function over arguments in forked worker processes while the caller does other
    work (a rebuild loads what it remembers of the unchanged documents meanwhile); the
    yielded callable waits for the results, in the arguments' order. With one core, the work
    is done when the results are asked for."""
    cores = jobs or os.cpu_count() or 1
    if cores <= 1 or not arguments:
        yield lambda: map_parallel(function, arguments, 1, progress, verb)
        return
    pool = ProcessPoolExecutor(max_workers=min(cores, len(arguments)),
                               mp_context=multiprocessing.get_context("fork"),
                               initializer=_worker_start, initargs=(os.getpid(),))
    try:
        futures = [pool.submit(function, *args) for args in arguments]

        def results() -> list:
            found = []
            for index, future in enumerate(futures, 1):
                found.append(future.result())
                _tick(progress, index, len(futures), verb)
            pool.shutdown(wait=True)  # its workers are done: none idles while the build goes on
            return found

        yield results
    except BaseException:
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def started_here(function, arguments: list[tuple], progress: Progress,
                 verb: str) -> Iterator[Callable[[], list]]:
    """`started`, for a few arguments: in a thread of this process, sparing a worker process
    and its start. The function hands back a failure of its work as a result (as the
    extraction does); anything it raises (an interruption) reaches the caller, as a worker's
    would. A thread that outlives an interrupted caller ends with this process."""
    results: list = []
    failed: list[BaseException] = []

    def work() -> None:
        try:
            for args in arguments:
                results.append(function(*args))
        except BaseException as error:  # handed to the caller, as a worker's would be
            failed.append(error)

    thread = threading.Thread(target=work, name=f"kg-{verb}", daemon=True)
    thread.start()

    def found() -> list:
        thread.join()
        if failed:
            raise failed[0]
        _tick(progress, len(results), len(arguments), verb)
        return results

    yield found


def stream_parallel(function, arguments: Iterable[tuple], count: int, jobs: int | None,
                    progress: Progress, verb: str, collect: Callable, parallel: bool) -> None:
    """Run function over arguments (`count` of them), each result to `collect` in their
    order; with `parallel`, in spawned worker processes, taking the next arguments only as
    results come back (one per worker and one waiting), so that neither the arguments nor
    the results need all exist at once."""
    workers = jobs or os.cpu_count() or 1
    if not parallel or workers <= 1:
        for index, args in enumerate(arguments, 1):
            collect(function(*args))
            _tick(progress, index, count, verb)
        return
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(
        "spawn"), initializer=_worker_start, initargs=(os.getpid(),))
    pending: deque[Future] = deque()
    try:
        index = 0
        for args in arguments:
            pending.append(pool.submit(function, *args))
            if len(pending) > workers:
                index += 1
                collect(pending.popleft().result())
                _tick(progress, index, count - 1, verb, total_shown=count)
        while pending:
            index += 1
            collect(pending.popleft().result())
            _tick(progress, index, count - 1, verb, total_shown=count)
    except BaseException:
        _stop_workers(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    _tick(progress, count, count, verb)  # once the workers are gone (bench/build.py's stages)


def _worker_start(parent: int) -> None:
    """A worker dies with the build process (on Linux: even when that is killed), so none is
    left behind working for nobody. TERM ends it (the build process may have made TERM an
    exception, which a worker would hand back as a result and go on)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.enable()  # forked while the build process had paused its collector (`map_parallel`)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the line above
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """On an interruption the queued work is dropped and the running work ended at once:
    waiting for it could take as long as the documents in hand."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()


def _tick(progress: Progress, index: int, total: int, verb: str,
          total_shown: int | None = None) -> None:
    """Every tenth of the total, and its end; up to `total` (of `total_shown`)."""
    step = max(1, total // 10)
    if index <= total and (index == total or index % step == 0):
        progress(f"  {index}/{total_shown or total} {verb}")
