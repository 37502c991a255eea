"""Never a lost build (issue 9, item 6): pruning spares the current build and the ones being
served, a killed build leaves no worker holding the lock, a failed publish leaves nothing
unpublished, and a broken sources.csv is one clear `sources.csv:LINE: error: …`."""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import store
from kg.cli import _Termination, main
from kg.paths import DOCUMENTS_DIR, SOURCES_FILE
from tests.conftest import free_port, start_server, stop_server, wait_for_endpoint

GOOD = ("bw-pressemitteilung-2024-07-17.txt", "nw-kleine-anfrage-17-4514.pdf.txt")


def _finished_build(root: Path, quad_count: int = 1) -> Path:
    partial = store.start_build(root)
    oxigraph = ox.Store(str(partial))
    oxigraph.extend(ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"),
                            ox.Literal(str(i)), ox.NamedNode("urn:g"))
                    for i in range(quad_count))
    oxigraph.flush()
    del oxigraph
    return store.publish(partial, root)


# ------------------------------------------------------------------------- pruning


def test_a_relative_store_never_prunes_the_build_it_just_published(tmp_path: Path,
                                                                   monkeypatch):
    """Older builds of processes with larger pids sorted after the new one, and the relative
    paths never equalled the resolved `current`: the new build was deleted."""
    monkeypatch.chdir(tmp_path)
    root = Path("store")
    for pid, day in (("99999998", "01"), ("99999999", "02")):
        (root / "builds" / f"build-{pid}-202001{day}T000000000000").mkdir(parents=True)
    published = _finished_build(root)
    current = store.current_build(root)
    assert current is not None and current.is_dir()
    assert current == published.resolve()
    left = sorted(p.name for p in (root / "builds").glob("build-*"))
    assert left == sorted(["build-99999999-20200102T000000000000", published.name])


def test_a_served_build_is_not_pruned(tmp_path: Path):
    served = _finished_build(tmp_path)
    with store.serving(served) as present:
        assert present
        for _ in range(3):
            _finished_build(tmp_path)
        assert served.is_dir()
        assert len(list((tmp_path / "builds").glob("build-*"))) == 3
    _finished_build(tmp_path)
    assert not served.exists()
    assert len(list((tmp_path / "builds").glob("build-*"))) == store.KEEP_BUILDS


@pytest.mark.server
def test_kg_serve_holds_the_build_it_serves(tmp_path: Path):
    served = _finished_build(tmp_path)
    port = free_port()
    process = start_server(tmp_path, port)
    try:
        wait_for_endpoint(f"http://127.0.0.1:{port}", process)
        marker = served.parent / f".serving-{served.name}"
        with marker.open("a") as handle, pytest.raises(BlockingIOError):
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        stop_server(process)


# ------------------------------------------------------------------------- publish


def test_a_failed_publish_leaves_no_unpublished_build(tmp_path: Path, monkeypatch):
    first = _finished_build(tmp_path)
    partial = store.start_build(tmp_path)
    ox.Store(str(partial)).add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"),
                                       ox.NamedNode("urn:c")))

    def refuse(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", refuse)
    with pytest.raises(OSError, match="No space"):
        store.publish(partial, tmp_path)
    assert sorted((tmp_path / "builds").glob("build-*")) == [first]
    assert not list((tmp_path / "builds").glob(".partial-*"))
    assert not list(tmp_path.glob(".current-*"))
    assert store.current_build(tmp_path) == first


# ------------------------------------------------------------------------- killed builds


def _corpus(folder: Path, copies: int) -> Path:
    folder.mkdir(parents=True)
    for index in range(copies):
        for name in GOOD:
            shutil.copy(DOCUMENTS_DIR / name, folder / f"{index:03d}-{name}")
    return folder


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_build_leaves_no_worker_holding_the_lock(tmp_path: Path, signum: int):
    documents = _corpus(tmp_path / "documents", 40)
    root = tmp_path / "store"
    build = subprocess.Popen([sys.executable, "-X", "faulthandler", "-m", "kg.cli", "build",
                              str(documents),
                              "--store", str(root), "--jobs", "2", "--quiet"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
            time.sleep(0.05)
            workers = _children(build.pid)
        assert len(workers) >= 2, "the build never started its workers"
        os.kill(build.pid, signum)
        try:
            build.wait(timeout=60)
        except subprocess.TimeoutExpired:
            build.send_signal(signal.SIGABRT)  # faulthandler prints where each thread hangs
            pytest.fail("the build did not end within 60 s of the signal:\n"
                        + build.communicate(timeout=30)[1].decode(errors="replace"))
        deadline = time.monotonic() + 30
        while any(_running(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_running(w) for w in workers), "workers outlived the build"
        said: list[str] = []
        with store.locked(root, say=said.append):
            pass
        if signum == signal.SIGTERM:
            assert build.returncode == 128 + signal.SIGTERM
            assert not list((root / "builds").glob(".partial-*"))
            assert said == []
        else:
            assert said == [f"{root}: taking over the lock of build process {build.pid}, "
                            "which is no longer running"]
    finally:
        if build.poll() is None:
            build.kill()
            build.wait()
        for worker in workers:  # this test's own processes, should the product have failed
            if _running(worker):
                os.kill(worker, signal.SIGKILL)


def test_a_lock_held_by_a_running_build_names_it(tmp_path: Path):
    expected = rf"another build is writing this store \(process {os.getpid()}\)"
    with store.locked(tmp_path), pytest.raises(store.StoreError, match=expected), \
            store.locked(tmp_path):
        pass


# ------------------------------------------------------------------------- sources.csv

HEADER = SOURCES_FILE.read_text(encoding="utf-8").splitlines()[0]


def _rows() -> list[str]:
    lines = SOURCES_FILE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines[1:] if line.split(",", 1)[0] in GOOD]


def _broken_sources(kind: str) -> tuple[bytes, int]:
    """A sources.csv broken in one way, and the line its error names."""
    rows = _rows()
    if kind == "semicolons":
        return (HEADER.replace(",", ";") + "\n").encode() + "\n".join(rows).encode(), 1
    if kind == "missing column":
        columns = HEADER.split(",")
        keep = [i for i, c in enumerate(columns) if c != "land"]
        lines = [HEADER, *rows]
        text = "\n".join(",".join(_fields(line, keep)) for line in lines)
        return text.encode(), 1
    if kind == "unclosed quote":
        broken = rows[1].replace(",", ',"', 3)
        return "\n".join([HEADER, rows[0], broken]).encode() + b"\n", 3
    if kind == "bad date":
        fields = _split(rows[1])
        fields[HEADER.split(",").index("date")] = "31.02.2021"
        return "\n".join([HEADER, rows[0], _join(fields)]).encode(), 3
    if kind == "unknown land":
        fields = _split(rows[1])
        fields[HEADER.split(",").index("land")] = "NRW"
        return "\n".join([HEADER, rows[0], _join(fields)]).encode(), 3
    if kind == "latin-1":  # the first line with an umlaut is named
        lines = [HEADER, *rows]
        first = next(n for n, line in enumerate(lines, 1) if not line.isascii())
        return "\n".join(lines).encode("latin-1"), first
    raise AssertionError(kind)


def _split(line: str) -> list[str]:
    import csv
    return next(csv.reader([line]))


def _join(fields: list[str]) -> str:
    import csv
    import io
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(fields)
    return out.getvalue()


def _fields(line: str, keep: list[int]) -> list[str]:
    values = _split(line)
    return [_join([values[i]]) for i in keep]


def _folder(tmp_path: Path, sources: bytes) -> Path:
    folder = tmp_path / "documents"
    folder.mkdir()
    for name in GOOD:
        shutil.copy(DOCUMENTS_DIR / name, folder / name)
    (folder / "sources.csv").write_bytes(sources)
    return folder


@pytest.mark.parametrize("kind", ["semicolons", "missing column", "unclosed quote",
                                  "bad date", "unknown land", "latin-1"])
def test_a_broken_sources_file_is_one_clear_error(tmp_path: Path, kind: str):
    sources, line = _broken_sources(kind)
    folder = _folder(tmp_path, sources)
    result = CliRunner().invoke(main, ["build", str(folder), "--store", str(tmp_path / "s"),
                                       "-j", "1", "-q"])
    assert result.exit_code == 1, result.output
    errors = [ln for ln in result.stderr.splitlines() if "sources.csv" in ln]
    assert errors == [e for e in errors if e.startswith(f"{folder / 'sources.csv'}:{line}: "
                                                        "error: ")] and len(errors) == 1, \
        result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert store.current_build(tmp_path / "s") is None


def test_a_sources_file_with_a_byte_order_mark_is_read(tmp_path: Path):
    text = "\n".join([HEADER, *_rows()]) + "\n"
    folder = _folder(tmp_path, b"\xef\xbb\xbf" + text.encode())
    result = CliRunner().invoke(main, ["validate", str(folder), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output


def test_a_store_the_server_cannot_write_to_is_served_unheld(tmp_path: Path, monkeypatch):
    served = _finished_build(tmp_path)
    monkeypatch.setattr(store, "_serving_marker", lambda build: tmp_path / "no" / "marker")
    with store.serving(served) as present:  # the marker cannot be created: no error
        assert present


def test_a_term_lost_in_a_finalizer_still_ends_the_build():
    said: list[str] = []
    termination = _Termination(said.append)

    class Finalized:
        def __del__(self):  # an exit raised here is printed as 'Exception ignored', not raised
            termination.handle(signal.SIGTERM, None)

    Finalized()
    with pytest.raises(SystemExit) as ended:
        termination.progress("the next stage")
    assert ended.value.code == 128 + signal.SIGTERM
    assert said == []
