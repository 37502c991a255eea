"""`kg serve` as clients meet it: read-only SPARQL over HTTP, the query page, CORS, and the
last good graph kept while a build fails."""

from __future__ import annotations

import shutil
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from kg.build import build
from kg.paths import DOCUMENTS_DIR
from tests.conftest import free_port, start_server, stop_server, wait_for_endpoint

pytestmark = pytest.mark.server

COUNT_AGREEMENTS = """PREFIX pg: <https://w3id.org/partnerschaftsgraph/ontology#>
SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a pg:Agreement }"""


def count_agreements(url: str) -> int:
    client = SPARQLWrapper(f"{url}/query")
    client.setQuery(COUNT_AGREEMENTS)
    client.setReturnFormat(JSON)
    return int(client.queryAndConvert()["results"]["bindings"][0]["n"]["value"])


def test_an_update_is_refused(endpoint: str):
    client = SPARQLWrapper(f"{endpoint}/update")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    assert count_agreements(endpoint) == 23


def test_the_home_page_links_the_endpoint_and_cors_is_for_the_endpoint(endpoint: str):
    with urllib.request.urlopen(f"{endpoint}/", timeout=5) as response:
        page = response.read().decode("utf-8")
        assert response.headers.get("Access-Control-Allow-Origin") is None
    assert 'href="/query"' in page
    query = urllib.parse.urlencode({"query": "ASK {}"})
    request = urllib.request.Request(f"{endpoint}/query?{query}",
                                     headers={"Origin": "https://example.org"})
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.headers.get("Access-Control-Allow-Origin") in {"*",
                                                                        "https://example.org"}


def test_the_default_graph_is_the_union_of_the_named_graphs(endpoint: str):
    assert count_agreements(endpoint) == 23


def _broken_copy(folder: Path) -> Path:
    """The bundled documents plus one with an impossible date."""
    shutil.copytree(DOCUMENTS_DIR, folder)
    (folder / "kaputt.md").write_text(
        "# Antwort der Landesregierung\n\nAm 31.02.2021 traf der Ministerpräsident den "
        "Gouverneur der Präfektur Kanagawa zu einem Gespräch.\n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_a_broken_document_leaves_the_served_graph_of_a_strict_build_as_it_was(tmp_path: Path):
    store = tmp_path / "store"
    first = build([DOCUMENTS_DIR], store)
    assert first.ok
    port = free_port()
    process = start_server(store, port)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for_endpoint(url, process)
        before = count_agreements(url)
        second = build([_broken_copy(tmp_path / "documents")], store, strict=True)
        assert not second.ok
        assert any("kaputt.md:3" in failure and "31.02.2021" in failure
                   for failure in second.prepared.failures)
        assert (store / "current").resolve() == first.build
        assert not list((store / "builds").glob(".partial-*"))
        assert count_agreements(url) == before
        assert process.poll() is None
    finally:
        stop_server(process)


def test_serving_without_a_build_is_a_clear_error(tmp_path: Path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--store",
                             str(tmp_path / "empty"), "--port", str(free_port())],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "no built graph here yet" in result.stderr


def test_a_stopped_server_frees_its_port(bundled_store: Path):
    port = free_port()
    process = start_server(bundled_store, port)
    url = f"http://127.0.0.1:{port}"
    wait_for_endpoint(url, process)
    stop_server(process)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2)
