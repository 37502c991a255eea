"""Writable triple stores for the publishing tests, on free ports of 127.0.0.1: an Oxigraph
server (from the venv) and a Virtuoso (Debian's virtuoso-opensource, when installed)."""

from __future__ import annotations

import secrets
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from kg.serve import oxigraph_binary
from tests.conftest import free_port, stop_server

VIRTUOSO_INI = """\
[Database]
DatabaseFile = virtuoso.db
ErrorLogFile = virtuoso.log
LockFile = virtuoso.lck
TransactionFile = virtuoso.trx
xa_persistent_file = virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = virtuoso-temp.db
TransactionFile = virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
CaseMode = 2
DirsAllowed = .
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = .
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


@dataclass
class Running:
    process: subprocess.Popen
    base: str
    log: Path


def wait_until_answering(url: str, process: subprocess.Popen, log: Path,
                         timeout_s: float = 120) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}:\n"
                               f"{log.read_text(errors='replace')[-2000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout_s} s")


def start_oxigraph(location: Path) -> Running:
    """`oxigraph serve` (read-write, union default graph as the CQs expect)."""
    port = free_port()
    log = location.with_suffix(".log")
    with log.open("wb") as output:
        process = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(location),
                                    "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                   stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(f"{base}/query?{urllib.parse.urlencode({'query': 'ASK {}'})}",
                             process, log)
    except BaseException:
        stop_server(process)
        raise
    return Running(process, base, log)


# ------------------------------------------------------------------------- Virtuoso


def virtuoso_installed() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


@dataclass
class Virtuoso:
    running: Running
    sql_port: int
    dba_password: str
    user: str
    password: str

    @property
    def gsp(self) -> str:
        return f"{self.running.base}/sparql-graph-crud-auth"

    @property
    def sparql(self) -> str:
        return f"{self.running.base}/sparql-auth"


def start_virtuoso(folder: Path) -> Virtuoso:
    """A fresh database in `folder`, the dba password changed from the default, and a user
    who may update over SPARQL and the Graph Store Protocol (digest authentication)."""
    sql_port, http_port = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(sql_port=sql_port,
                                                             http_port=http_port))
    log = folder / "console.log"
    with log.open("wb") as output:
        process = subprocess.Popen(["virtuoso-t", "+foreground", "+configfile", "virtuoso.ini"],
                                   cwd=folder, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    running = Running(process, base, log)
    try:
        wait_until_answering(f"{base}/sparql?{urllib.parse.urlencode({'query': 'ASK {}'})}",
                             process, log)
        virtuoso = Virtuoso(running, sql_port, secrets.token_hex(8), "kgpublisher",
                            secrets.token_hex(8))
        isql(virtuoso, f"USER_SET_PASSWORD('dba', '{virtuoso.dba_password}');", password="dba")
        isql(virtuoso, f"DB.DBA.USER_CREATE('{virtuoso.user}', '{virtuoso.password}'); "
                       f'GRANT SPARQL_UPDATE TO "{virtuoso.user}";')
    except BaseException:
        stop_virtuoso(running)
        raise
    return virtuoso


def isql(virtuoso: Virtuoso, statements: str, password: str | None = None) -> str:
    done = subprocess.run(["isql-vt", f"127.0.0.1:{virtuoso.sql_port}", "dba",
                           password or virtuoso.dba_password, f"EXEC={statements}"],
                          capture_output=True, text=True, timeout=60)
    if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
        raise RuntimeError(f"isql failed: {done.stdout}{done.stderr}")
    return done.stdout


def stop_virtuoso(running: Running) -> None:
    """SIGTERM: Virtuoso checkpoints and exits; killed if it takes too long."""
    stop_server(running.process)
