"""`kg publish` against real stores: a writable Oxigraph server, and a real Virtuoso when
Debian's virtuoso-opensource is installed (`.ci/run` installs it). The HTTP details that no
well-behaved store shows on demand (a 503, a basic-auth challenge) run against httpx's mock
transport."""

from __future__ import annotations

import base64
import csv
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner, Result

from kg import namespaces as ns
from kg.build import build
from kg.cli import main
from kg.paths import DOCUMENTS_DIR, QUERIES_DIR, SOURCES_FILE
from kg.publish import Client, Refused, Retry, Target, Unreachable, publish
from kg.publish import graphs as local
from kg.publish import target as target_module
from kg.publish.client import credentials_for
from kg.publish.state import STATE_FILE
from kg.publish.verify import compare_answers
from kg.store import current_build
from tests import stores
from tests.conftest import free_port, stop_server

pytestmark = pytest.mark.server

OK, INVALID, ERROR = 0, 1, 2
RETITLED = "bw-pressemitteilung-2024-07-17.txt"  # its title is changed in sources.csv
REMOVED = "nw-kleine-anfrage-17-4514.pdf.txt"
NO_CREDENTIALS = {"KG_PUBLISH_USER": "", "KG_PUBLISH_PASSWORD": "", "NETRC": "/nonexistent"}


# ------------------------------------------------------------------------- builds


@dataclass(frozen=True)
class Versions:
    original: Path
    retitled: Path  # one document's title changed
    shortened: Path  # one document removed


def _build(documents: Path, root: Path) -> Path:
    result = build([documents], root, jobs=1)
    assert result.ok, result.prepared.failures + result.check_failures
    return root


@pytest.fixture(scope="session")
def versions(bundled_store: Path, tmp_path_factory) -> Versions:
    base = tmp_path_factory.mktemp("versions")
    retitled = shutil.copytree(DOCUMENTS_DIR, base / "retitled-documents")
    sources = retitled / SOURCES_FILE.name
    rows = sources.read_text(encoding="utf-8").splitlines(keepends=True)
    [row] = [r for r in rows if r.startswith(RETITLED + ",")]
    fields = row.split(",")
    fields[3] = fields[3] + " (retitled)"
    sources.write_text("".join(",".join(fields) if r is row else r for r in rows),
                       encoding="utf-8")
    shortened = shutil.copytree(DOCUMENTS_DIR, base / "shortened-documents")
    (shortened / REMOVED).unlink()
    return Versions(bundled_store, _build(retitled, base / "retitled"),
                    _build(shortened, base / "shortened"))


def own_copy(root: Path, tmp_path: Path, name: str = "store") -> Path:
    """A copy of a store, so that each test keeps its own publish record."""
    return shutil.copytree(root, tmp_path / name, symlinks=True)


def carry_record(old: Path, new: Path) -> None:
    """What a rebuild in the same store folder keeps: the publish record."""
    shutil.copy(old / STATE_FILE, new / STATE_FILE)


def build_graphs(root: Path) -> dict[str, int]:
    store = ox.Store.read_only(str(current_build(root)))
    return {name: local.read_graph(store, name).triples for name in local.graph_names(store)}


def document_graph(file_name: str) -> str:
    """The graph IRI of a bundled document, by its identifier in sources.csv."""
    with SOURCES_FILE.open(encoding="utf-8", newline="") as handle:
        [document] = [row["document"] for row in csv.DictReader(handle)
                      if row["file"] == file_name]
    return str(ns.document_graph(document))


# ------------------------------------------------------------------------- running kg


def run_publish(*args: object, env: dict[str, str] | None = None) -> Result:
    environment = {**NO_CREDENTIALS, **(env or {})}
    return CliRunner().invoke(main, ["publish", *(str(a) for a in args)], env=environment,
                              prog_name="kg")


def _explain(result: Result) -> str:
    return f"exit {result.exit_code}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}\n" \
           f"exception: {result.exception!r}"


def sent_graphs(result: Result) -> list[str]:
    return [line.split(" sent ", 1)[1].split(":", 1)[0] for line in result.stderr.splitlines()
            if line.startswith("[") and " sent " in line]


def short(name: str) -> str:
    return local.short_name(name)


# ------------------------------------------------------------------------- Oxigraph


@pytest.fixture
def oxigraph(tmp_path: Path) -> Iterator[str]:
    """A writable Oxigraph server with an empty store; its base URL."""
    running = stores.start_oxigraph(tmp_path / "oxigraph")
    try:
        yield running.base
    finally:
        stop_server(running.process)


def remote_counts(base: str, query_path: str = "/query") -> dict[str, int]:
    client = Client(retry=Retry(attempts=0))
    try:
        return Target(client, base, base + query_path, base + "/update").counts()
    finally:
        client.close()


def test_the_bundled_graph_published_to_oxigraph_answers_as_the_build(
        oxigraph: str, versions: Versions, tmp_path: Path):
    root = own_copy(versions.original, tmp_path)
    result = run_publish("--to", f"{oxigraph}/store", "--store", root, "--verify")
    assert result.exit_code == OK, _explain(result)
    assert remote_counts(oxigraph) == build_graphs(root)
    questions = sorted(QUERIES_DIR.glob("cq-*.rq"))
    for question in questions:
        assert f"{question.name}: same answers as the build" in result.stderr
    assert f"{len(questions)} competency questions" in result.stdout
    assert len(sent_graphs(result)) == len(build_graphs(root))


def test_a_second_publish_sends_nothing_and_all_sends_everything(
        oxigraph: str, versions: Versions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = own_copy(versions.original, tmp_path)
    assert run_publish("--to", f"{oxigraph}/store", "--store", root).exit_code == OK
    read_graph, reads = local.read_graph, []

    def counted(store: ox.Store, name: str) -> local.LocalGraph:
        reads.append(name)
        return read_graph(store, name)

    monkeypatch.setattr(local, "read_graph", counted)
    again = run_publish("--to", f"{oxigraph}/store", "--store", root)
    assert again.exit_code == OK, _explain(again)
    assert sent_graphs(again) == []
    assert reads == []  # the build's hashes are known: no graph read again
    assert f"{len(build_graphs(root))} unchanged" in again.stdout
    everything = run_publish("--to", f"{oxigraph}/store", "--store", root, "--all", "--quiet")
    assert everything.exit_code == OK, _explain(everything)
    assert f"{len(build_graphs(root))} graphs sent" in everything.stdout
    assert everything.stderr == ""


def test_one_changed_document_sends_only_its_graph(oxigraph: str, versions: Versions,
                                                    tmp_path: Path):
    before = own_copy(versions.original, tmp_path, "before")
    after = own_copy(versions.retitled, tmp_path, "after")
    assert run_publish("--to", f"{oxigraph}/store", "--store", before).exit_code == OK
    carry_record(before, after)
    result = run_publish("--to", f"{oxigraph}/store", "--store", after)
    assert result.exit_code == OK, _explain(result)
    assert sent_graphs(result) == [short(document_graph(RETITLED))]
    assert remote_counts(oxigraph) == build_graphs(after)


def test_the_graph_of_a_removed_document_is_deleted(oxigraph: str, versions: Versions,
                                                     tmp_path: Path):
    before = own_copy(versions.original, tmp_path, "before")
    after = own_copy(versions.shortened, tmp_path, "after")
    assert run_publish("--to", f"{oxigraph}/store", "--store", before).exit_code == OK
    removed = document_graph(REMOVED)
    assert removed in remote_counts(oxigraph)
    carry_record(before, after)
    result = run_publish("--to", f"{oxigraph}/store", "--store", after)
    assert result.exit_code == OK, _explain(result)
    assert f"deleted {short(removed)}" in result.stderr
    assert remote_counts(oxigraph) == build_graphs(after)
    assert removed not in remote_counts(oxigraph)


def test_graphs_changed_on_the_target_behind_our_back_are_sent_again(
        oxigraph: str, versions: Versions, tmp_path: Path):
    root = own_copy(versions.original, tmp_path)
    assert run_publish("--to", f"{oxigraph}/store", "--store", root).exit_code == OK
    entities = local.SHARED_GRAPHS[2]
    httpx.delete(f"{oxigraph}/store", params={"graph": entities}).raise_for_status()
    result = run_publish("--to", f"{oxigraph}/store", "--store", root)
    assert result.exit_code == OK, _explain(result)
    assert sent_graphs(result) == [short(entities)]


class Interrupted(Exception):
    pass


def test_an_interrupted_publish_is_finished_by_the_next(oxigraph: str, versions: Versions,
                                                         tmp_path: Path):
    root = own_copy(versions.original, tmp_path)
    client = Client(retry=Retry(attempts=0))
    target = Target(client, f"{oxigraph}/store", f"{oxigraph}/query", f"{oxigraph}/update")
    replace, calls = target.replace, []

    def replace_three_then_die(graph: local.LocalGraph) -> None:
        if len(calls) == 3:
            raise Interrupted
        calls.append(graph.name)
        replace(graph)

    target.replace = replace_three_then_die  # type: ignore[method-assign]
    with pytest.raises(Interrupted):
        publish(root, target)
    client.close()
    assert set(remote_counts(oxigraph)) == set(calls)
    recorded = json.loads((root / STATE_FILE).read_text())["targets"][f"{oxigraph}/store"]
    assert sorted(recorded["graphs"]) == sorted(calls)
    result = run_publish("--to", f"{oxigraph}/store", "--store", root)
    assert result.exit_code == OK, _explain(result)
    assert set(sent_graphs(result)) == {short(g) for g in build_graphs(root)} - \
        {short(g) for g in calls}
    assert remote_counts(oxigraph) == build_graphs(root)


@pytest.mark.parametrize("chunk", [target_module.UPDATE_CHUNK_TRIPLES, 500])
def test_the_update_protocol_for_stores_without_gsp(oxigraph: str, versions: Versions,
                                                    tmp_path: Path, chunk: int,
                                                    monkeypatch: pytest.MonkeyPatch):
    """Whole graphs in one request, and large ones through a staging graph (MOVE)."""
    monkeypatch.setattr(target_module, "UPDATE_CHUNK_TRIPLES", chunk)
    root = own_copy(versions.original, tmp_path)
    result = run_publish("--to", f"{oxigraph}/update", "--protocol", "update", "--store", root)
    assert result.exit_code == OK, _explain(result)
    assert remote_counts(oxigraph) == build_graphs(root)  # no staging graph left over
    after = own_copy(versions.shortened, tmp_path, "after")
    carry_record(root, after)
    result = run_publish("--to", f"{oxigraph}/update", "--protocol", "update", "--store", after)
    assert result.exit_code == OK, _explain(result)
    assert remote_counts(oxigraph) == build_graphs(after)


def test_a_target_that_differs_after_the_push_fails_the_check(
        oxigraph: str, versions: Versions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = own_copy(versions.original, tmp_path)
    replace = Target.replace

    def replace_all_but_the_entities(self: Target, graph: local.LocalGraph) -> None:
        if graph.name != local.SHARED_GRAPHS[2]:
            replace(self, graph)

    monkeypatch.setattr(Target, "replace", replace_all_but_the_entities)
    result = run_publish("--to", f"{oxigraph}/store", "--store", root)
    assert result.exit_code == INVALID, _explain(result)
    assert f"check failed: {short(local.SHARED_GRAPHS[2])}:" in result.stderr
    assert "differs from the build" in result.stdout


def titles(target: Target, graph: str) -> set[str]:
    _, rows = target.select(f"SELECT ?title WHERE {{ GRAPH <{graph}> "
                            f"{{ ?d <http://purl.org/dc/terms/title> ?title }} }}")
    return {row["title"]["value"] for row in rows}


def a_failed_upload_leaves_the_graph_as_it_was(target: Target, env: dict[str, str],
                                               versions: Versions, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The new version of the retitled document arrives broken half-way (the store refuses
    it): the target keeps the old version whole, and the next publish puts the new one."""
    before = own_copy(versions.original, tmp_path, "before")
    after = own_copy(versions.retitled, tmp_path, "after")
    assert run_publish("--to", target.url, "--store", before, env=env).exit_code == OK
    carry_record(before, after)
    changed = document_graph(RETITLED)
    old_titles = titles(target, changed)
    read_graph = local.read_graph

    def broken_half_way(store: ox.Store, name: str) -> local.LocalGraph:
        graph = read_graph(store, name)
        if name != changed:
            return graph
        lines = graph.body.splitlines(keepends=True)
        half = len(lines) // 2
        body = b"".join(lines[:half]) + b"<broken\n" + b"".join(lines[half:])
        return local.LocalGraph(name, body, graph.triples, graph.sha256)

    with monkeypatch.context() as patch:
        patch.setattr(local, "read_graph", broken_half_way)
        failed = run_publish("--to", target.url, "--store", after, "--retries", 0, env=env)
    assert failed.exit_code == ERROR, _explain(failed)
    assert failed.stderr.splitlines()[-1].startswith("error: PUT ")
    assert target.counts() == build_graphs(before)  # the old graph whole, no staging graph
    assert titles(target, changed) == old_titles
    result = run_publish("--to", target.url, "--store", after, env=env)
    assert result.exit_code == OK, _explain(result)
    assert sent_graphs(result) == [short(changed)]
    assert target.counts() == build_graphs(after)
    assert titles(target, changed) != old_titles


def test_a_failed_upload_to_oxigraph_leaves_the_graph_as_it_was(
        oxigraph: str, versions: Versions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    client = Client(retry=Retry(attempts=0))
    target = Target(client, f"{oxigraph}/store", f"{oxigraph}/query", f"{oxigraph}/update")
    try:
        a_failed_upload_leaves_the_graph_as_it_was(target, {}, versions, tmp_path, monkeypatch)
    finally:
        client.close()


def test_verify_tells_a_differing_answer(oxigraph: str, versions: Versions, tmp_path: Path):
    root = own_copy(versions.original, tmp_path)
    assert run_publish("--to", f"{oxigraph}/store", "--store", root).exit_code == OK
    client = Client(retry=Retry(attempts=0))
    target = Target(client, f"{oxigraph}/store", f"{oxigraph}/query", f"{oxigraph}/update")
    store = ox.Store.read_only(str(current_build(root)))
    question = QUERIES_DIR / "cq-01-agreements.rq"
    try:
        assert compare_answers(store, target, question) is None
        target.update(f"DELETE WHERE {{ GRAPH ?g {{ ?a <{ns.PG.signedOn}> ?date }} }}")
        difference = compare_answers(store, target, question)
    finally:
        client.close()
    assert difference is not None and difference.startswith(f"{question.name}: ")
    assert "missing there" in difference


# ------------------------------------------------------------------------- errors


def test_an_unreachable_target_is_one_line_and_exit_2(versions: Versions, tmp_path: Path):
    root = own_copy(versions.original, tmp_path)
    url = f"http://127.0.0.1:{free_port()}/store"
    result = run_publish("--to", url, "--store", root)
    assert result.exit_code == ERROR, _explain(result)
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: ") and "cannot connect" in result.stderr
    assert not (root / STATE_FILE).exists() or "graphs\": {}" in (root / STATE_FILE).read_text()


@pytest.mark.parametrize("url", ["http://user:secret@127.0.0.1:1/store", "ftp://127.0.0.1/x",
                                 "127.0.0.1:7878/store"])
def test_an_address_with_credentials_or_without_http_is_a_usage_error(url: str):
    result = run_publish("--to", url)
    assert result.exit_code == ERROR, _explain(result)
    assert "secret" not in result.output
    assert "Error:" in result.stderr


def test_an_unknown_store_layout_asks_for_the_endpoints(versions: Versions):
    result = run_publish("--to", "http://127.0.0.1:1/somewhere", "--store", versions.original)
    assert result.exit_code == ERROR, _explain(result)
    assert "--query-url" in result.stderr and "--update-url" in result.stderr


def test_no_build_is_a_clear_error(tmp_path: Path):
    result = run_publish("--to", "http://127.0.0.1:1/store", "--store", tmp_path)
    assert result.exit_code == ERROR, _explain(result)
    assert "run `kg build` first" in result.stderr


def _sequence(*responses: httpx.Response) -> tuple[httpx.MockTransport, list[httpx.Headers]]:
    """A transport answering with these responses in turn; the headers of each request."""
    seen: list[httpx.Headers] = []
    queue = list(responses)

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(httpx.Headers(request.headers))
        return queue.pop(0)

    return httpx.MockTransport(handle), seen


def test_5xx_and_timeouts_are_retried_with_back_off():
    slept: list[float] = []
    transport, seen = _sequence(httpx.Response(503), httpx.Response(502), httpx.Response(201))
    client = Client(retry=Retry(attempts=3, first_delay_s=0.5, sleep=slept.append),
                    transport=transport, environ={})
    client.request("PUT", "http://store.test/store", content=b"")
    assert len(seen) == 3 and slept == [0.5, 1.0]
    transport, seen = _sequence(*[httpx.Response(500)] * 3)
    client = Client(retry=Retry(attempts=2, sleep=slept.append), transport=transport,
                    environ={})
    with pytest.raises(Unreachable, match=r"HTTP 500.*gave up after 3 attempts"):
        client.request("PUT", "http://store.test/store", content=b"")

    def time_out(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    client = Client(retry=Retry(attempts=1, sleep=slept.append),
                    transport=httpx.MockTransport(time_out), environ={})
    with pytest.raises(Unreachable, match="no answer in time"):
        client.request("GET", "http://store.test/store")


def test_basic_credentials_are_sent_when_asked_and_never_shown():
    challenge = httpx.Response(401, headers={"WWW-Authenticate": 'Basic realm="store"'})
    transport, seen = _sequence(challenge, httpx.Response(204), httpx.Response(204))
    environ = {"KG_PUBLISH_USER": "publisher", "KG_PUBLISH_PASSWORD": "s3cret"}
    client = Client(transport=transport, environ=environ)
    client.request("PUT", "http://store.test/store", content=b"x")
    client.request("PUT", "http://store.test/store", content=b"y")
    assert "authorization" not in seen[0]  # nothing sent before the server asks
    assert seen[1]["authorization"] == "Basic " + base64.b64encode(b"publisher:s3cret").decode()
    assert seen[2]["authorization"] == seen[1]["authorization"]  # no second round trip
    transport, _ = _sequence(challenge, challenge)
    client = Client(transport=transport, environ={**environ, "KG_PUBLISH_PASSWORD": "wrong"})
    with pytest.raises(Refused) as refused:
        client.request("PUT", "http://store.test/store", content=b"x")
    assert "'publisher'" in str(refused.value) and "wrong" not in str(refused.value)


def test_credentials_come_from_the_environment_else_netrc(tmp_path: Path):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine store.test login curator password fromnetrc\n")
    netrc.chmod(0o600)
    url = "http://store.test:8890/sparql-graph-crud-auth"
    found = credentials_for(url, {"NETRC": str(netrc)})
    assert found is not None and (found.user, found.password) == ("curator", "fromnetrc")
    found = credentials_for(url, {"NETRC": str(netrc), "KG_PUBLISH_USER": "u",
                                  "KG_PUBLISH_PASSWORD": "p"})
    assert found is not None and (found.user, found.password) == ("u", "p")
    assert credentials_for("http://elsewhere.test/", {"NETRC": str(netrc)}) is None


# ------------------------------------------------------------------------- Virtuoso


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory) -> Iterator[stores.Virtuoso]:
    if not stores.virtuoso_installed():
        pytest.skip("Virtuoso is not installed here (virtuoso-t, isql-vt: apt-get install "
                    "virtuoso-opensource; .ci/run installs it)")
    running = stores.start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    try:
        yield running
    finally:
        stores.stop_virtuoso(running.running)


def virtuoso_env(virtuoso: stores.Virtuoso, password: str | None = None) -> dict[str, str]:
    return {"KG_PUBLISH_USER": virtuoso.user,
            "KG_PUBLISH_PASSWORD": password or virtuoso.password}


def virtuoso_target(virtuoso: stores.Virtuoso) -> tuple[Client, Target]:
    client = Client(retry=Retry(attempts=0), environ=virtuoso_env(virtuoso))
    return client, Target(client, virtuoso.gsp, virtuoso.sparql, virtuoso.sparql)


def test_the_bundled_graph_published_to_virtuoso_answers_as_the_build(
        virtuoso: stores.Virtuoso, versions: Versions, tmp_path: Path):
    root = own_copy(versions.original, tmp_path)
    result = run_publish("--to", virtuoso.gsp, "--store", root, "--all",
                         env=virtuoso_env(virtuoso))
    assert result.exit_code == OK, _explain(result)
    client, target = virtuoso_target(virtuoso)
    try:
        assert target.counts() == build_graphs(root)
        store = ox.Store.read_only(str(current_build(root)))
        for name in ("cq-01-agreements.rq", "cq-02-partners.rq"):
            assert compare_answers(store, target, QUERIES_DIR / name) is None
    finally:
        client.close()


def test_one_changed_document_republished_to_virtuoso_sends_only_its_graph(
        virtuoso: stores.Virtuoso, versions: Versions, tmp_path: Path):
    before = own_copy(versions.original, tmp_path, "before")
    after = own_copy(versions.retitled, tmp_path, "after")
    env = virtuoso_env(virtuoso)
    assert run_publish("--to", virtuoso.gsp, "--store", before, env=env).exit_code == OK
    carry_record(before, after)
    result = run_publish("--to", virtuoso.gsp, "--store", after, env=env)
    assert result.exit_code == OK, _explain(result)
    assert sent_graphs(result) == [short(document_graph(RETITLED))]
    client, target = virtuoso_target(virtuoso)
    try:
        assert target.counts() == build_graphs(after)
    finally:
        client.close()


def test_wrong_credentials_for_virtuoso_are_one_line_and_exit_2(
        virtuoso: stores.Virtuoso, versions: Versions, tmp_path: Path):
    root = own_copy(versions.original, tmp_path)
    wrong = "not-" + virtuoso.password
    result = run_publish("--to", virtuoso.gsp, "--store", root,
                         env=virtuoso_env(virtuoso, wrong))
    assert result.exit_code == ERROR, _explain(result)
    assert result.stderr.count("\n") == 1
    assert "refused the credentials of user" in result.stderr
    assert wrong not in result.output and virtuoso.password not in result.output
    result = run_publish("--to", virtuoso.gsp, "--store", root)  # none at all
    assert result.exit_code == ERROR, _explain(result)
    assert result.stderr.count("\n") == 1 and "KG_PUBLISH_USER" in result.stderr


@pytest.mark.parametrize(("written", "query", "update"), [
    ("http://h:7878/store", "http://h:7878/query", "http://h:7878/update"),
    ("http://h:7878/update", "http://h:7878/query", "http://h:7878/update"),
    ("https://h/pg/data", "https://h/pg/query", "https://h/pg/update"),
    ("http://h:8890/sparql-graph-crud-auth", "http://h:8890/sparql-auth",
     "http://h:8890/sparql-auth"),
    ("http://h:7200/repositories/pg/rdf-graphs/service", "http://h:7200/repositories/pg",
     "http://h:7200/repositories/pg/statements")])
def test_the_endpoints_beside_a_known_store_s_write_endpoint(written: str, query: str,
                                                             update: str):
    assert target_module.endpoints_beside(written) == (query, update)
    assert target_module.endpoints_beside("http://h/unknown") is None


def test_a_failed_upload_to_virtuoso_leaves_the_graph_as_it_was(
        virtuoso: stores.Virtuoso, versions: Versions, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch):
    client, target = virtuoso_target(virtuoso)
    try:
        a_failed_upload_leaves_the_graph_as_it_was(target, virtuoso_env(virtuoso), versions,
                                                   tmp_path, monkeypatch)
    finally:
        client.close()
