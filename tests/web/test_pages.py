"""The pages as HTTP clients meet them: the home page, linked-data pages with content
negotiation, the dataset description checked with DCAT-AP shapes, the dumps, the dashboard."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDFS, SKOS, VOID

from kg.export import export
from kg.namespaces import BASE
from kg.paths import QUERIES_DIR
from kg.store import open_read_only
from kg.web import create_web_app
from tests.conftest import free_port

pytestmark = pytest.mark.server

SHAPES = Path(__file__).parent.parent / "data" / "dcat-ap-de-shapes.ttl"
SPDX = Namespace("http://spdx.org/rdf/terms#")
KANAGAWA = URIRef(BASE + "id/region/JP-14")
PG = Namespace(BASE + "ontology#")


def get(site: str, path: str, accept: str = "text/html", **params) -> httpx.Response:
    return httpx.get(site + path, headers={"Accept": accept}, params=params, timeout=60,
                     trust_env=False)


def select(oxigraph_url: str, query: str) -> list[dict]:
    answer = httpx.post(f"{oxigraph_url}/query", data={"query": query}, timeout=60,
                        headers={"Accept": "application/sparql-results+json"}, trust_env=False)
    return answer.json()["results"]["bindings"]


def test_the_home_page_shows_the_questions_counts_and_links(site: str):
    page = get(site, "/", lang="de").text
    assert len(re.findall(r'<li data-question="cq-\d\d-', page)) == \
        len(list(QUERIES_DIR.glob("cq-*.rq")))
    assert "Welche Vereinbarungen hat jedes Land, mit wem, seit wann?" in page
    assert "Which agreements does each Land have, with whom, since when?" in page
    assert re.search(r"Vereinbarung</td><td class=\"num\">23<", page)
    assert "Nordrhein-Westfalen" in page and "Baden-Württemberg" in page
    assert 'href="/dumps/' in page and 'href="/dataset' in page
    assert "Letzter Build" in page
    assert "Last build" in get(site, "/", lang="en").text


def test_the_home_page_loads_no_asset_from_elsewhere(site: str):
    page = get(site, "/").text
    sources = re.findall(r'(?:src|href)="([^"#]+)"', page)
    loaded = [s for s in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)]
    assert loaded and all(s.startswith("/") for s in loaded), loaded
    assert all(get(site, s).status_code == 200 for s in loaded if s.startswith("/static/"))
    assert sources


def test_an_entity_page_shows_labels_facts_sources_and_agreements(site: str):
    page = get(site, "/id/region/JP-14", lang="de").text
    assert "Präfektur Kanagawa" in page and "Kanagawa Prefecture" in page
    assert 'href="http://www.wikidata.org/entity/Q127513"' in page
    assert 'href="/id/country/JP?lang=de"' in page
    agreements = re.search(r'<table id="agreements">(.*?)</table>', page, re.S).group(1)
    assert "1989-11-24" in agreements and "2024-07-17" in agreements
    assert re.search(r"Zeilen \d+–\d+", agreements)
    assert re.search(r'<blockquote class="quote small">[^<]*Kanagawa', agreements)
    assert 'id="events"' in page


def test_an_agreement_page_quotes_its_passages(site: str, oxigraph_url: str):
    agreement = select(oxigraph_url, f"""SELECT ?a WHERE {{ ?a a <{PG.Agreement}> ;
        <{PG.partner}> <{KANAGAWA}> ; <{PG.signedOn}> ?d FILTER (STR(?d) = "1989-11-24") }}""")
    page = get(site, agreement[0]["a"]["value"][len(BASE) - 1:], lang="en").text
    quotes = re.findall(r'<blockquote class="quote" cite="([^"]+)">([^<]+)</blockquote>', page)
    assert quotes and any("1989" in text for _, text in quotes)
    assert re.search(r"lines \d+–\d+", page)
    assert "bw-pressemitteilung-2024-07-17.txt" in page


def test_a_land_page_lists_its_agreements_and_events_with_dates(site: str):
    page = get(site, "/id/land/DE-NW", lang="en").text
    agreements = re.search(r'<table id="agreements">(.*?)</table>', page, re.S)
    events = re.search(r'<table id="events">(.*?)</table>', page, re.S)
    assert agreements and events
    assert agreements.group(1).count("<tr>") == 1 + 21
    assert re.search(r'<td class="date">\d{4}(-\d\d){0,2}</td>', events.group(1))


@pytest.mark.parametrize(("accept", "suffix", "fmt"), [
    ("text/turtle", ".ttl", "turtle"), ("application/n-triples", ".nt", "nt"),
    ("application/ld+json", ".jsonld", "json-ld")])
def test_an_entity_as_data_by_accept_header_and_by_suffix(site: str, accept: str, suffix: str,
                                                           fmt: str):
    negotiated = get(site, "/id/region/JP-14", accept=accept)
    suffixed = get(site, f"/id/region/JP-14{suffix}")
    assert negotiated.headers["content-type"].startswith(accept)
    assert suffixed.headers["content-type"].startswith(accept)
    graphs = [Graph().parse(data=r.content, format=fmt) for r in (negotiated, suffixed)]
    assert isomorphic(graphs[0], graphs[1])
    assert (KANAGAWA, RDFS.label, Literal("Präfektur Kanagawa", lang="de")) in graphs[0]
    assert (KANAGAWA, SKOS.exactMatch, URIRef("http://www.wikidata.org/entity/Q127513")) \
        in graphs[0]


def test_a_browser_asking_for_html_first_gets_the_page(site: str):
    answer = get(site, "/id/region/JP-14",
                 accept="text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert answer.headers["content-type"].startswith("text/html")
    assert get(site, "/id/region/JP-14", accept="text/html;q=0.5, text/turtle").headers[
        "content-type"].startswith("text/turtle")


def test_every_kind_of_iri_dereferences(site: str, oxigraph_url: str):
    """One IRI of each kind in the graph (land, region, event, passage, …) has a page and data."""
    rows = select(oxigraph_url, f"""SELECT DISTINCT ?s WHERE {{ ?s ?p ?o
        FILTER (STRSTARTS(STR(?s), "{BASE}id/")) }}""")
    by_kind: dict[str, str] = {}
    for row in rows:
        by_kind.setdefault(row["s"]["value"][len(BASE) + 3:].split("/")[0], row["s"]["value"])
    assert {"land", "region", "country", "agreement", "event", "document", "ministry",
            "person", "post"} <= set(by_kind)
    for iri in by_kind.values():
        path = iri[len(BASE) - 1:]
        assert get(site, path).status_code == 200, iri
        data = Graph().parse(data=get(site, path, accept="text/turtle").content, format="turtle")
        assert len(data) > 0 and (URIRef(iri), None, None) in data, iri


def test_an_unknown_iri_is_404_with_suggestions(site: str):
    answer = get(site, "/id/region/kanagawa-typo", lang="en")
    assert answer.status_code == 404
    assert 'href="/id/region/JP-14?lang=en"' in answer.text
    assert 'href="/?lang=en"' in answer.text
    assert get(site, "/id/region/kanagawa-typo.ttl").status_code == 404
    assert get(site, "/id/region/x%22%7D%20%3Cz%3E").status_code == 404


def _description(site: str, path: str = "/.well-known/void") -> Graph:
    answer = get(site, path, accept="text/turtle")
    assert answer.headers["content-type"].startswith("text/turtle")
    return Graph().parse(data=answer.content, format="turtle")


def test_the_dataset_description_conforms_to_the_dcat_ap_shapes(site: str):
    get(site, "/dumps/")  # with the dumps made, the checksums are described as well
    description = _description(site)
    conforms, _, report = validate(description, shacl_graph=str(SHAPES))
    assert conforms, report
    assert len(list(description.subject_objects(SPDX.checksumValue))) == 4


def test_the_shapes_catch_a_distribution_without_licence(site: str):
    description = _description(site)
    distribution = next(description.objects(URIRef(BASE + "dataset"), DCAT.distribution))
    description.remove((distribution, DCTERMS.license, None))
    conforms, _, report = validate(description, shacl_graph=str(SHAPES))
    assert not conforms and "license" in report


def test_void_counts_partitions_linkset_endpoint_and_dumps(site: str, oxigraph_url: str):
    description = _description(site)
    dataset = URIRef(BASE + "dataset")
    assert description.value(dataset, VOID.sparqlEndpoint) == URIRef(f"{site}/query")
    dumps = set(description.objects(dataset, VOID.dataDump))
    assert {str(d).rsplit(".", 1)[1] for d in dumps} == {"ttl", "trig", "nq", "jsonld"}
    partitions = {description.value(p, VOID["class"]): description.value(p, VOID.entities)
                  for p in description.objects(dataset, VOID.classPartition)}
    assert partitions[PG.Agreement].toPython() == 23
    links = select(oxigraph_url, """SELECT (COUNT(*) AS ?n) WHERE { ?s
        <http://www.w3.org/2004/02/skos/core#exactMatch> ?o }""")[0]["n"]["value"]
    linkset = URIRef(BASE + "dataset/wikidata-links")
    assert description.value(linkset, VOID.triples).toPython() == int(links)
    assert description.value(linkset, VOID.linkPredicate) == SKOS.exactMatch
    assert description.value(dataset, DCTERMS.temporal) is not None
    assert URIRef(BASE + "id/land/DE-NW") in set(description.objects(dataset, DCTERMS.spatial))
    as_jsonld = ox.parse(get(site, "/dataset", accept="application/ld+json").content,
                         format=ox.RdfFormat.JSON_LD)
    assert len(list(as_jsonld)) == len(description)
    assert "DCAT-AP.de" in get(site, "/dataset").text


def test_the_dumps_carry_their_checksums_and_are_the_export(site: str, bundled_store: Path,
                                                             tmp_path: Path):
    index = get(site, "/dumps/").text
    names = re.findall(r'<a href="/dumps/(partnerschaftsgraph\.\w+)">', index)
    assert sorted(names) == sorted(f"partnerschaftsgraph.{f}"
                                   for f in ("ttl", "trig", "nq", "jsonld"))
    for name in names:
        body = get(site, f"/dumps/{name}", accept="*/*").content
        digest = hashlib.sha256(body).hexdigest()
        assert digest in index
        assert get(site, f"/dumps/{name}.sha256").text.split()[0] == digest
        fmt = name.rsplit(".", 1)[1]
        export(open_read_only(bundled_store), tmp_path / name, fmt)
        assert (tmp_path / name).read_bytes() == body, name
    assert json.loads(get(site, "/dumps/partnerschaftsgraph.jsonld").content)
    assert get(site, "/dumps/other.ttl").status_code == 404


def test_the_dashboard_shows_pairs_last_contacts_map_data_and_gaps(site: str,
                                                                     oxigraph_url: str):
    page = get(site, "/dashboard", lang="de").text
    pairs = re.findall(r'<tr class="pair">(.*?)</tr>', page, re.S)
    kanagawa = next(p for p in pairs if "Präfektur Kanagawa" in p)
    assert "Baden-Württemberg" in kanagawa
    assert ">1989</a>" in kanagawa and ">2024</a>" in kanagawa
    assert "<time>2024-07-17</time>" in kanagawa and "<blockquote" in kanagawa
    points = json.loads(re.search(r'id="map-data">(.*?)</script>', page, re.S).group(1))
    assert {p["country"] for p in points} >= {"392", "250"}  # Japan, France
    unregistered = select(oxigraph_url, """SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {
        ?e <https://w3id.org/partnerschaftsgraph/ontology#registered> false }""")[0]["n"]
    listed = re.search(r'<ul id="unregistered">(.*?)</ul>', page, re.S).group(1)
    assert listed.count("<li>") == int(unregistered["value"]) > 0
    assert re.search(r'<ul id="undated">\s*<li><a href="/id/', page)
    assert re.search(r'<ul id="unlinked">\s*<li><a href="/id/', page)


def test_the_pages_say_so_when_the_endpoint_is_down(bundled_store: Path):
    app = create_web_app(lambda: f"http://127.0.0.1:{free_port()}/query", bundled_store)

    async def ask() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://pages") as client:
            return await client.get("/")

    answer = asyncio.run(ask())
    assert answer.status_code == 503
    assert "SPARQL" in answer.text
