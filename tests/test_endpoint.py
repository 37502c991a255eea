"""The endpoint can't be abused: SERVICE only to the federation, a query time limit that ends
in an error status and stops the query, a publish that drops no request, the union default
graph at /store?default, writes refused; and the SPARQL protocol as clients use it."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest
import requests
from rdflib import RDF, Graph, Namespace, URIRef

from kg.front import _complete
from kg.guard import Refused, check
from kg.store import current_build, publish, start_build
from tests.conftest import free_port, start_server, stop_server, wait_for_endpoint

CROSS_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
CROSS_ROWS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT_AGREEMENTS = """PREFIX pg: <https://w3id.org/partnerschaftsgraph/ontology#>
SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a pg:Agreement }"""
JSON = "application/sparql-results+json"
WIKIDATA = frozenset({"https://query.wikidata.org/sparql"})


# ------------------------------------------------------------------------- servers of our own


class Served:
    """`kg serve` with options of the test's own, on a store of its own."""

    def __init__(self, store: Path, *options: str) -> None:
        self.store = store
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = start_server(store, self.port, *options)
        wait_for_endpoint(self.url, self.process)

    def children(self) -> dict[int, str]:
        """The oxigraph servers it runs: pid -> the build they serve."""
        found = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid and \
                    b"serve-read-only" in cmdline:
                found[int(entry.name)] = cmdline[cmdline.index(b"--location") + 1].decode()
        return found

    def stop(self) -> str:
        stop_server(self.process)
        return self.process.stderr.read().decode("utf-8", "replace") if self.process.stderr \
            else ""


def _until(condition, within_s: float = 20) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture()
def own_store(bundled_store: Path, tmp_path: Path) -> Path:
    """A copy of the bundled store, so a test may publish builds in it."""
    root = tmp_path / "store"
    shutil.copytree(bundled_store, root, symlinks=True)
    return root


@pytest.fixture()
def strict(own_store: Path) -> Iterator[Served]:
    served = Served(own_store, "--timeout", "2")
    try:
        yield served
    finally:
        served.stop()


def _republish(root: Path) -> Path:
    """Publish a copy of the current build as a new build, as `kg build` would."""
    partial = start_build(root)
    shutil.copytree(current_build(root), partial)
    return publish(partial, root)


# ------------------------------------------------------------------------- SERVICE


SERVICE_VARIANTS = [
    "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "select * where { service silent <{url}> { ?s ?p ?o } }",
    "PREFIX x: <{url}> SELECT * WHERE { SeRvIcE x: { ?s ?p ?o } }",
    "SELECT * WHERE { BIND(<{url}> AS ?e) SERVICE ?e { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <{url}> { ?s ?p ?o } }",
    "ASK { FILTER EXISTS { SERVICE <{url}> { ?s ?p ?o } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { OPTIONAL { SERVICE <{url}> { ?s ?p ?o } } } } }",
    "SELECT * WHERE { # SERVICE <https://query.wikidata.org/sparql>\n SERVICE <{url}> {} }",
    "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } . "
    "SERVICE <{url}> { ?s ?p ?o } }",
]


@pytest.mark.parametrize("variant", SERVICE_VARIANTS)
def test_the_guard_refuses_every_way_of_naming_another_endpoint(variant: str):
    with pytest.raises(Refused, match="not allowed"):
        check(variant.replace("{url}", "http://127.0.0.1:9/sparql"), WIKIDATA)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
    "PREFIX wdqs: <https://query.wikidata.org/> "
    "SELECT * WHERE { SERVICE SILENT wdqs:sparql { ?s ?p ?o } }",
    "SELECT ?service WHERE { ?service ?p 'service' }  # no SERVICE clause here",
])
def test_the_guard_lets_the_federation_and_the_word_service_pass(query: str):
    check(query, WIKIDATA)


def test_the_guard_refuses_what_it_cannot_check():
    with pytest.raises(Refused, match="could not be parsed"):
        check("SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> {", WIKIDATA)
    with pytest.raises(Refused, match="BASE"):
        check("BASE <https://query.wikidata.org/> SELECT * { SERVICE <sparql> {} }", WIKIDATA)


@pytest.mark.server
def test_service_to_a_local_listener_is_refused_before_any_connection(endpoint: str):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        for variant in SERVICE_VARIANTS:
            query = variant.replace("{url}", url)
            for send in (lambda q: requests.get(f"{endpoint}/query", params={"query": q},
                                                timeout=30),
                         lambda q: requests.post(f"{endpoint}/query", data={"query": q},
                                                 timeout=30),
                         lambda q: requests.post(f"{endpoint}/query", data=q.encode(),
                                                 headers={"Content-Type":
                                                          "application/sparql-query"},
                                                 timeout=30)):
                response = send(query)
                assert response.status_code == 400, (query, response.text)
                assert "not allowed" in response.text
        listener.settimeout(1.0)
        with pytest.raises(TimeoutError):
            listener.accept()


# ------------------------------------------------------------------------- time limit


@pytest.mark.server
@pytest.mark.timeout(120)
def test_a_cross_product_ends_with_an_error_status_and_its_server_is_replaced(strict: Served):
    (before,) = strict.children()
    started = time.monotonic()
    response = requests.post(f"{strict.url}/query", data={"query": CROSS_COUNT},
                             headers={"Accept": JSON}, timeout=60)
    assert response.status_code == 504
    assert "limit of 2 s" in response.text
    assert time.monotonic() - started < 30
    assert _until(lambda: before not in strict.children() and len(strict.children()) == 1)
    answer = requests.post(f"{strict.url}/query", data={"query": COUNT_AGREEMENTS},
                           headers={"Accept": JSON}, timeout=30)
    assert answer.json()["results"]["bindings"][0]["n"]["value"] == "23"


@pytest.mark.server
@pytest.mark.timeout(120)
def test_a_long_streamed_answer_that_runs_out_of_time_breaks_off(strict: Served):
    """Rows were sent already, so no error status can follow: the answer must not end like a
    complete one (no final chunk), which clients report as an error."""
    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        response = requests.post(f"{strict.url}/query", data={"query": CROSS_ROWS},
                                 headers={"Accept": JSON}, timeout=60, stream=True)
        assert response.status_code == 200
        for _ in response.iter_content(1 << 16):
            pass


@pytest.mark.server
@pytest.mark.timeout(120)
def test_a_query_whose_client_left_stops(own_store: Path):
    served = Served(own_store, "--timeout", "0")
    try:
        (before,) = served.children()
        with socket.create_connection(("127.0.0.1", served.port)) as client:
            body = f"query={requests.utils.quote(CROSS_COUNT)}".encode()
            client.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/"
                           b"x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n%s"
                           % (len(body), body))
            time.sleep(1.0)
        assert _until(lambda: not os.path.exists(f"/proc/{before}")
                      or _zombie(before))
        assert len(served.children()) == 1
    finally:
        served.stop()


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def test_a_streamed_answer_is_complete_only_when_it_ends_as_its_format_ends():
    assert _complete(b'"value":"x"}}]}}', JSON)
    assert not _complete(b'{"head":{"vars":["n"]},"results":{"bindings":['
                         b"The SPARQL operation has been cancelled", JSON)
    assert _complete(b"</result></results></sparql>", "application/sparql-results+xml")
    assert not _complete(b"<result>connection refused", "application/sparql-results+xml")
    assert _complete(b"a,b\r\nx,y\r\n", "text/csv; charset=utf-8")
    assert not _complete(b"a,b\r\nx,yError: cancelled", "text/csv")
    assert _complete(b"<a> <b> <c> .\n", "application/n-triples")
    assert _complete(b"", "text/turtle")


# ------------------------------------------------------------------------- publishing


@pytest.mark.server
@pytest.mark.timeout(180)
def test_publishing_under_load_fails_no_request(strict: Served):
    """32 clients query while two new builds are published; every answer is right."""
    stop = threading.Event()
    failures: list[str] = []
    answers = [0]

    def client() -> None:
        with requests.Session() as session:
            while not stop.is_set():
                try:
                    response = session.post(f"{strict.url}/query",
                                            data={"query": COUNT_AGREEMENTS},
                                            headers={"Accept": JSON}, timeout=30)
                    if response.status_code != 200 or \
                            response.json()["results"]["bindings"][0]["n"]["value"] != "23":
                        failures.append(f"{response.status_code} {response.text[:200]}")
                    answers[0] += 1
                except requests.RequestException as error:
                    failures.append(repr(error))

    builds = []
    with ThreadPoolExecutor(32) as pool:
        for _ in range(32):
            pool.submit(client)
        time.sleep(1.0)
        for _ in range(2):
            builds.append(_republish(strict.store))
            served_new = _until(lambda b=builds[-1]: str(b) in strict.children().values())
            time.sleep(1.0)
            assert served_new
        stop.set()
    assert failures == []
    assert answers[0] > 32
    assert _until(lambda: list(strict.children().values()) == [str(builds[-1])])


SLOW = """PREFIX pg: <https://w3id.org/partnerschaftsgraph/ontology#>
SELECT (COUNT(*) AS ?n) WHERE { ?a a pg:Agreement . ?b ?p ?o . ?c a pg:Event . ?d a pg:Land }"""


@pytest.mark.server
@pytest.mark.timeout(300)
def test_a_query_in_flight_during_a_publish_finishes_on_the_old_build(own_store: Path):
    """A query of some seconds is running when a build is published: it is answered by the
    old server, which is stopped right after; new queries went to the new build meanwhile."""
    served = Served(own_store, "--timeout", "0")
    try:
        ((old, _),) = served.children().items()
        with ThreadPoolExecutor(1) as pool:
            slow = pool.submit(requests.post, f"{served.url}/query", data={"query": SLOW},
                               headers={"Accept": JSON}, timeout=240)
            time.sleep(0.3)
            new = _republish(own_store)
            assert _until(lambda: str(new) in served.children().values())
            both = old in served.children()
            answer = slow.result()
        assert both  # the old server was still running the slow query after the swap
        assert answer.status_code == 200
        assert int(answer.json()["results"]["bindings"][0]["n"]["value"]) > 10**6
        assert _until(lambda: list(served.children().values()) == [str(new)])
    finally:
        served.stop()


# ------------------------------------------------------------------------- graph store, writes


@pytest.mark.server
def test_the_default_graph_of_the_store_is_the_union(endpoint: str, bundled_store: Path):
    response = requests.get(f"{endpoint}/store?default",
                            headers={"Accept": "application/n-triples"}, timeout=60)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/n-triples")
    served = ox.Store()
    served.load(response.content, format=ox.RdfFormat.N_TRIPLES)
    store = ox.Store.read_only(str(current_build(bundled_store)))
    union = {(q.subject, q.predicate, q.object) for q in store}
    assert len(served) == len(union) > 9000
    assert {(q.subject, q.predicate, q.object) for q in served} == union


@pytest.mark.server
def test_a_named_graph_is_read_from_the_store(endpoint: str):
    response = requests.get(f"{endpoint}/store", timeout=60,
                            params={"graph": "https://w3id.org/partnerschaftsgraph/graph/"
                                             "entities"},
                            headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    assert "Baden-Württemberg" in response.content.decode("utf-8")


@pytest.mark.server
@pytest.mark.parametrize(("method", "path"), [
    ("POST", "/store?default"), ("PUT", "/store?default"), ("DELETE", "/store?default"),
    ("POST", "/store?graph=urn:x"), ("PUT", "/store"), ("POST", "/update"), ("GET", "/update"),
])
def test_writes_are_refused(endpoint: str, method: str, path: str):
    response = requests.request(method, f"{endpoint}{path}", timeout=30,
                                data="<urn:a> <urn:b> <urn:c> .",
                                headers={"Content-Type": "text/turtle"})
    assert response.status_code == 403
    assert "read-only" in response.text


# ------------------------------------------------------------------------- protocol


@pytest.mark.server
@pytest.mark.parametrize(("accept", "expected", "start"), [
    ("text/csv", "text/csv", "n\r\n23"),
    ("text/tab-separated-values", "text/tab-separated-values", "?n\n"),
    ("application/sparql-results+xml", "application/sparql-results+xml", "<?xml"),
    (JSON, JSON, '{"head"'),
])
def test_results_are_negotiated_as_oxigraph_does(endpoint: str, accept: str, expected: str,
                                                  start: str):
    for response in (requests.get(f"{endpoint}/query", params={"query": COUNT_AGREEMENTS},
                                  headers={"Accept": accept}, timeout=30),
                     requests.post(f"{endpoint}/query", data=COUNT_AGREEMENTS.encode(),
                                   headers={"Accept": accept,
                                            "Content-Type": "application/sparql-query"},
                                   timeout=30)):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(expected)
        assert response.text.startswith(start)


@pytest.mark.server
def test_the_service_description_names_the_dataset_and_its_descriptions(endpoint: str):
    response = requests.get(f"{endpoint}/query", headers={"Accept": "text/turtle"}, timeout=30)
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    [service] = graph.subjects(RDF.type, sd.Service)
    assert str(graph.value(service, sd.endpoint)) == f"{endpoint}/query"
    assert (None, RDF.type, URIRef("http://rdfs.org/ns/void#Dataset")) in graph
    assert (None, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")) in graph


@pytest.mark.server
def test_a_construct_is_turtle_when_asked_and_errors_keep_their_status(endpoint: str):
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"
    response = requests.post(f"{endpoint}/query", data={"query": construct},
                             headers={"Accept": "text/turtle"}, timeout=30)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    broken = requests.post(f"{endpoint}/query", data={"query": "SELECT WHERE {"}, timeout=30)
    assert broken.status_code == 400
    unknown = requests.post(f"{endpoint}/query", data="x", timeout=30,
                            headers={"Content-Type": "text/plain"})
    assert unknown.status_code == 415


@pytest.mark.server
def test_preflight_allows_cross_origin_queries(endpoint: str):
    response = requests.options(f"{endpoint}/query", timeout=30,
                                headers={"Origin": "https://example.org",
                                         "Access-Control-Request-Method": "POST"})
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "*"
    assert "POST" in response.headers["access-control-allow-methods"]


@pytest.mark.server
def test_no_child_outlives_a_killed_server(own_store: Path):
    """Even SIGKILL of `kg serve` ends its oxigraph server."""
    served = Served(own_store)
    (child,) = served.children()
    served.process.kill()
    served.process.wait()
    assert _until(lambda: _zombie(child) or not os.path.exists(f"/proc/{child}"))


# ------------------------------------------------------------------------- the web pages


@pytest.mark.server
def test_the_web_app_gets_every_other_path_and_its_lifespan(bundled_store: Path):
    from contextlib import asynccontextmanager

    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse
    from starlette.routing import Route
    from starlette.testclient import TestClient

    from kg.front import Settings, create_app
    from kg.serve import child_command
    from kg.upstream import Upstreams

    started = []

    @asynccontextmanager
    async def lifespan(app):
        started.append("up")
        yield
        started.append("down")

    pages = Starlette(routes=[Route("/id/{rest:path}", lambda r: PlainTextResponse("page"))],
                      lifespan=lifespan)
    front = create_app(Upstreams(bundled_store, child_command, say=lambda _: None),
                       Settings(timeout_s=10, federation=frozenset()), pages)
    with TestClient(front) as client:
        assert started == ["up"]
        page = client.get("/id/region/JP-14")
        assert (page.status_code, page.text) == (200, "page")
        assert "access-control-allow-origin" not in page.headers
        answer = client.get("/query", params={"query": "ASK {}"}, headers={"Accept": JSON})
        assert answer.json()["boolean"] is True
        assert answer.headers["access-control-allow-origin"] == "*"
        assert client.get("/update").status_code == 403
    assert started == ["up", "down"]
