"""Federated queries through `kg serve`, against a second local Oxigraph server standing in for
Wikidata (tests/data/wikidata/fixture.ttl) - and with that server down."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.paths import QUERIES_DIR
from kg.serve import oxigraph_binary
from kg.wikidata.client import WikidataError, WikidataUnreachable
from kg.wikidata.federation import ask, use_endpoint
from tests.conftest import STAND_IN_WIKIDATA, stop_server, wait_for_endpoint

DATA = Path(__file__).parent / "data" / "wikidata"
REGIONS = QUERIES_DIR / "federated-partner-regions.rq"
COUNTRIES = QUERIES_DIR / "federated-partner-countries.rq"
WD = "http://www.wikidata.org/entity/"
PARTNER_REGION = "https://w3id.org/partnerschaftsgraph/id/region/"


def _start_fixture_server(location: Path, port: int) -> subprocess.Popen:
    return subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", str(location),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


@pytest.fixture(scope="module")
def wikidata_store(tmp_path_factory) -> Path:
    location = tmp_path_factory.mktemp("wikidata-fixture")
    store = ox.Store(str(location))
    store.load(path=str(DATA / "fixture.ttl"), format=ox.RdfFormat.TURTLE)
    store.flush()
    del store
    return location


STAND_IN_PORT = int(STAND_IN_WIKIDATA.split(":")[2].split("/")[0])


@pytest.fixture()
def wikidata(wikidata_store: Path) -> Iterator[str]:
    """The stand-in Wikidata's SPARQL endpoint (the one `kg serve` allows SERVICE to in the
    tests); stopped after each test."""
    process = _start_fixture_server(wikidata_store, STAND_IN_PORT)
    try:
        wait_for_endpoint(STAND_IN_WIKIDATA.removesuffix("/query"), process)
        yield STAND_IN_WIKIDATA
    finally:
        stop_server(process)


def _dead_endpoint() -> str:
    """The allowed endpoint while nobody listens on it (the tests using this one don't start
    the stand-in)."""
    return STAND_IN_WIKIDATA


def _query(path: Path, endpoint: str) -> str:
    return use_endpoint(path.read_text(encoding="utf-8"), endpoint)


def _by_partner(rows: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["partner"].removeprefix(PARTNER_REGION): row for row in rows}


# ------------------------------------------------------------------------- use_endpoint


def test_use_endpoint_rewrites_every_wikidata_service_and_nothing_else():
    query = ("SELECT * { ?s ?p <https://query.wikidata.org/sparql> "
             "SERVICE <https://query.wikidata.org/sparql> { ?a ?b ?c } "
             "service silent <https://query.wikidata.org/sparql> { ?d ?e ?f } }")
    rewritten = use_endpoint(query, "http://127.0.0.1:9/query")
    assert rewritten == ("SELECT * { ?s ?p <https://query.wikidata.org/sparql> "
                         "SERVICE <http://127.0.0.1:9/query> { ?a ?b ?c } "
                         "service silent <http://127.0.0.1:9/query> { ?d ?e ?f } }")


@pytest.mark.parametrize("query", [REGIONS, COUNTRIES], ids=lambda q: q.stem)
def test_example_queries_name_the_real_endpoint(query: Path):
    text = query.read_text(encoding="utf-8")
    assert "<https://query.wikidata.org/sparql>" in text
    assert "query.wikidata.org" not in use_endpoint(text, "http://127.0.0.1:9/query")


def test_use_endpoint_refuses_what_is_not_an_endpoint_iri():
    with pytest.raises(ValueError, match="not an http"):
        use_endpoint("SELECT * {}", "http://x> } DROP ALL { <y")


def test_rewriting_from_the_command_line(tmp_path: Path, capsys):
    from kg.wikidata.federation import main as rewrite

    assert rewrite([str(REGIONS), "http://127.0.0.1:9/query"]) == 0
    assert "SERVICE SILENT <http://127.0.0.1:9/query>" in capsys.readouterr().out


# ------------------------------------------------------------------------- Wikidata up


@pytest.mark.server
def test_partner_regions_are_joined_with_the_stand_in_wikidata(endpoint: str, wikidata: str):
    rows = _by_partner(ask(f"{endpoint}/query", _query(REGIONS, wikidata)))
    silesia = rows["PL-24"]
    assert silesia["item"] == WD + "Q54181"
    assert silesia["coordinates"] == "Point(19.0 50.3)"
    assert silesia["headOfGovernment"] == WD + "Q109936"
    assert silesia["headOfGovernmentLabel"] == "Andreas Pinkwart"
    assert silesia["iso"] == silesia["wikidataIso"] == "PL-24"
    assert rows["FR-HDF"]["coordinates"] == "Point(2.8 50.0)"
    assert "headOfGovernment" not in rows["FR-HDF"]
    assert "coordinates" not in rows["IT-21"]  # the stand-in has nothing on it
    assert len(rows) == 13  # every linked partner region of the graph


@pytest.mark.server
def test_partner_countries_get_their_population(endpoint: str, wikidata: str):
    rows = ask(f"{endpoint}/query", _query(COUNTRIES, wikidata))
    population = {r["country"].rsplit("/", 1)[1]: r.get("population") for r in rows}
    assert population == {"GB": "60000001", "GH": "30000001", "HU": "9000001", "MK": None}


# ------------------------------------------------------------------------- Wikidata down


@pytest.mark.server
def test_silent_service_gives_the_graphs_rows_with_wikidata_columns_unbound(endpoint: str):
    rows = _by_partner(ask(f"{endpoint}/query", _query(REGIONS, _dead_endpoint())))
    assert len(rows) == 13
    assert rows["PL-24"]["item"] == WD + "Q54181"
    for row in rows.values():
        assert not {"coordinates", "headOfGovernment", "wikidataIso"} & row.keys()


@pytest.mark.server
def test_a_stopped_wikidata_makes_the_non_silent_query_raise(endpoint: str,
                                                            wikidata_store: Path):
    process = _start_fixture_server(wikidata_store, STAND_IN_PORT)
    try:
        wait_for_endpoint(STAND_IN_WIKIDATA.removesuffix("/query"), process)
        query = _query(COUNTRIES, STAND_IN_WIKIDATA)
        assert len(ask(f"{endpoint}/query", query)) == 4
    finally:
        stop_server(process)
    with pytest.raises(WikidataError, match="HTTP 502"):
        ask(f"{endpoint}/query", query)


@pytest.mark.server
def test_a_failed_service_is_an_error_status_not_a_cut_off_200(endpoint: str):
    """Oxigraph answers HTTP 200 and a body cut off after the results' head, with its error
    message at the end, when a non-silent SERVICE fails; `kg serve` turns that into 502."""
    import requests

    response = requests.post(f"{endpoint}/query",
                             data={"query": _query(COUNTRIES, _dead_endpoint())},
                             headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert response.status_code == 502
    assert response.text.startswith("The query failed while its results were being written")
    assert "head" not in response.text


def test_ask_raises_when_the_endpoint_is_down():
    with pytest.raises(WikidataUnreachable, match="Connection refused"):
        ask(_dead_endpoint(), "SELECT * {}")


# ------------------------------------------------------------------------- online diff


@pytest.mark.server
def test_wikidata_diff_reads_p190_from_the_sparql_endpoint(bundled_store: Path, wikidata: str):
    result = CliRunner().invoke(main, ["wikidata-diff", "--store", str(bundled_store),
                                       "--endpoint", wikidata])
    assert result.exit_code == 0, result.stderr
    statements = [line.split("\t")[:3] for line in result.stdout.splitlines()
                  if line.startswith("Q")]
    assert ["Q1198", "P190", "Q54181"] not in statements
    assert ["Q54181", "P190", "Q1198"] not in statements
    assert ["Q1198", "P190", "Q18677767"] not in statements
    assert ["Q18677767", "P190", "Q1198"] in statements
    assert ["Q1198", "P190", "Q1216"] in statements
