"""`kg link`: candidates from recorded Wikidata answers (vcrpy cassettes, never the network),
scored and written for review; and what happens when Wikidata cannot be reached."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
import pytest
import requests
import vcr
from click.testing import CliRunner

from kg import store
from kg.alignment import read_alignment
from kg.cli import main
from kg.namespaces import ID, WD
from kg.wikidata.check import ItemFacts
from kg.wikidata.graph import Entity
from kg.wikidata.review import ALIGNMENT_COLUMNS, evidence
from kg.wikidata.search import SearchHit
from tests.conftest import free_port

DATA = Path(__file__).parent / "data" / "wikidata"
ALIGNMENT_HEADER = "entity,qid,label,key,source"

GRAPH = """
@prefix pg: <https://w3id.org/partnerschaftsgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix id: <https://w3id.org/partnerschaftsgraph/id/> .
@prefix wd: <http://www.wikidata.org/entity/> .
<https://w3id.org/partnerschaftsgraph/graph/entities> {
  id:region\\/PL-24 a pg:PartnerRegion ; rdfs:label "Woiwodschaft Schlesien"@de ;
      pg:iso3166_2 "PL-24" ; pg:country id:country\\/PL .
  id:country\\/PL a pg:Country ; rdfs:label "Polen"@de ; pg:iso3166_1 "PL" .
  id:person\\/armin-laschet a pg:Official ; foaf:name "Armin Laschet" .
}
<https://w3id.org/partnerschaftsgraph/graph/alignment> {
  id:country\\/PL skos:exactMatch wd:Q36 .
}
"""


def _wikidata_call(recorded, sent) -> None:
    """Requests match on what they ask: the search (action, text, language), or for SPARQL
    the items and class named in the query, not on its exact spelling."""
    assert _call_key(recorded) == _call_key(sent)


def _call_key(request) -> tuple:
    if urlsplit(request.uri).path.endswith("/api.php"):
        query = parse_qs(urlsplit(request.uri).query)
        return tuple(query.get(k, [""])[0] for k in ("action", "search", "language"))
    body = request.body.decode() if isinstance(request.body, bytes) else request.body or ""
    text = parse_qs(body).get("query", [""])[0]
    return tuple(sorted(set(re.findall(r"\bwd:(Q\d+)", text))))


replay = vcr.VCR(record_mode="none", match_on=("method", "scheme", "host", "path", "wikidata"))
replay.register_matcher("wikidata", _wikidata_call)


@pytest.fixture()
def small_store(tmp_path: Path) -> Path:
    """A published store with two unlinked entities: a partner region and an official."""
    root = tmp_path / "store"
    partial = store.start_build(root)
    graph = ox.Store(str(partial))
    graph.load(GRAPH, format=ox.RdfFormat.TRIG)
    graph.flush()
    del graph
    store.publish(partial, root)
    return root


@pytest.fixture()
def alignment(tmp_path: Path) -> Path:
    path = tmp_path / "alignment.csv"
    path.write_text(f"{ALIGNMENT_HEADER}\nid/country/PL,Q36,Polen,ISO 3166-1 PL,test\n",
                    encoding="utf-8")
    return path


def _link(small_store: Path, alignment: Path, output: Path, *extra: str, env=None):
    return CliRunner(env=env).invoke(main, ["link", "--store", str(small_store), "--output",
                                            str(output), "--alignment", str(alignment),
                                            "--quiet", *extra])


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture()
def review(small_store: Path, alignment: Path, tmp_path: Path) -> list[dict[str, str]]:
    output = tmp_path / "review.csv"
    with replay.use_cassette(str(DATA / "link.yaml")) as cassette:
        result = _link(small_store, alignment, output)
        assert cassette.all_played
    assert result.exit_code == 0, result.output
    assert "2 entities looked up, 5 candidates" in result.stdout
    return _read(output)


# ------------------------------------------------------------------------- candidates


def test_candidates_are_scored_and_sorted(review: list[dict[str, str]]):
    assert [(r["entity"], r["qid"], r["score"]) for r in review] == [
        ("id/person/armin-laschet", "Q78205", "60"),
        ("id/person/armin-laschet", "Q999999903", "30"),
        ("id/region/PL-24", "Q54181", "100"),
        ("id/region/PL-24", "Q999999902", "40"),
        ("id/region/PL-24", "Q999999901", "30"),
    ]


def test_each_candidate_carries_its_evidence(review: list[dict[str, str]]):
    silesia = review[2]
    assert {k: silesia[k] for k in ("matched", "label_exact", "type_ok", "country_ok", "iso_ok",
                                    "item_label", "kind")} == {
        "matched": "de:Woiwodschaft Schlesien", "label_exact": "yes", "type_ok": "yes",
        "country_ok": "yes", "iso_ok": "yes", "item_label": "Woiwodschaft Schlesien",
        "kind": "region"}
    assert silesia["key"] == "ISO 3166-2 PL-24"
    namesake = review[4]
    assert (namesake["label_exact"], namesake["type_ok"], namesake["iso_ok"]) == \
        ("no", "no", "unknown")
    laschet = review[0]
    assert (laschet["type_ok"], laschet["country_ok"], laschet["iso_ok"]) == \
        ("yes", "unknown", "n/a")
    assert laschet["key"] == "name Armin Laschet"


def test_an_iso_mismatch_lowers_the_score(review: list[dict[str, str]]):
    right, wrong = review[2], review[3]
    same = ("label_exact", "type_ok", "country_ok", "kind")
    assert [right[k] for k in same] == [wrong[k] for k in same]
    assert (right["iso_ok"], wrong["iso_ok"]) == ("yes", "no")
    assert int(wrong["score"]) < int(right["score"])


def test_iso_contradiction_costs_more_than_a_missing_code():
    entity = Entity(str(ID["region/PL-24"]), "region", "Woiwodschaft Schlesien", "PL-24", "Q36")
    hit = SearchHit("Q999999902", "Woiwodschaft Schlesien", "", "Woiwodschaft Schlesien", "de")

    def score(codes: set[str]) -> int:
        return evidence(entity, hit, ItemFacts(hit.qid, True, frozenset({"Q36"}),
                                               frozenset(codes))).score()

    assert score({"PL-24"}) > score(set()) > score({"PL-16"})


def test_accepted_rows_copy_into_the_alignment_as_they_are(review, tmp_path: Path):
    """Accepting a candidate is copying the first five cells of its row: the alignment reads
    them as a link."""
    path = tmp_path / "accepted.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(ALIGNMENT_COLUMNS)
        writer.writerow([review[2][c] for c in ALIGNMENT_COLUMNS])
    [link] = read_alignment(path)
    assert (link.entity, link.item, link.key) == (ID["region/PL-24"], WD["Q54181"],
                                                 "ISO 3166-2 PL-24")
    assert ",".join(ALIGNMENT_COLUMNS) == ALIGNMENT_HEADER


def test_linked_entities_are_not_looked_up(small_store, alignment, tmp_path: Path):
    """With every entity linked there is nothing to ask: no request is made (the cassette
    would refuse any)."""
    alignment.write_text(alignment.read_text(encoding="utf-8")
                         + "id/region/PL-24,Q54181,Woiwodschaft Schlesien,ISO 3166-2 PL-24,t\n"
                         + "id/person/armin-laschet,Q78205,Armin Laschet,name,t\n",
                         encoding="utf-8")
    output = tmp_path / "review.csv"
    with replay.use_cassette(str(DATA / "link.yaml")) as cassette:
        result = _link(small_store, alignment, output)
        assert cassette.play_count == 0
    assert result.exit_code == 0, result.output
    assert _read(output) == []


# ------------------------------------------------------------------------- offline


def _assert_nothing_changed(result, output: Path, before: str | None) -> None:
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg link: Wikidata is not reachable (")
    assert lines[0].endswith("); nothing was changed")
    assert result.stdout == ""
    if before is None:
        assert not output.exists()
    else:
        assert output.read_text(encoding="utf-8") == before
    assert [p.name for p in output.parent.iterdir() if p.name.startswith(".")] == []


def test_a_closed_port_is_one_line_and_no_file(small_store, alignment, tmp_path: Path):
    output = tmp_path / "review.csv"
    port = free_port()
    result = _link(small_store, alignment, output, "--api",
                   f"http://127.0.0.1:{port}/w/api.php")
    _assert_nothing_changed(result, output, None)
    assert f"127.0.0.1:{port}: Connection refused" in result.stderr


def test_an_existing_review_is_left_as_it_was(small_store, alignment, tmp_path: Path):
    output = tmp_path / "review.csv"
    output.write_text("an earlier review\n", encoding="utf-8")
    result = _link(small_store, alignment, output,
                   env={"KG_WIKIDATA_API": f"http://127.0.0.1:{free_port()}/w/api.php"})
    _assert_nothing_changed(result, output, "an earlier review\n")


@pytest.mark.parametrize("error, reason", [
    (requests.ConnectionError("HTTPSConnectionPool(host='www.wikidata.org', port=443): Max "
                              "retries exceeded (Caused by NameResolutionError(\"Failed to "
                              "resolve 'www.wikidata.org' ([Errno -2] Name or service not "
                              "known)\"))"), "Name or service not known"),
    (requests.ConnectTimeout("connect timeout=10"), "timed out"),
    (requests.ReadTimeout("read timeout=60"), "timed out"),
], ids=["dns", "connect-timeout", "read-timeout"])
def test_dns_failures_and_timeouts_are_one_line(small_store, alignment, tmp_path: Path,
                                                monkeypatch, error, reason):
    calls = []

    def fail(self, method, url, **kwargs):
        calls.append(url)
        raise error

    monkeypatch.setattr(requests.Session, "request", fail)
    output = tmp_path / "review.csv"
    result = _link(small_store, alignment, output)
    _assert_nothing_changed(result, output, None)
    assert f"(www.wikidata.org: {reason})" in result.stderr
    assert len(calls) == 1  # no retries


def test_a_dead_sparql_endpoint_after_good_searches_changes_nothing(small_store, alignment,
                                                                    tmp_path: Path):
    output = tmp_path / "review.csv"
    port = free_port()
    with replay.use_cassette(str(DATA / "link.yaml"), ignore_localhost=True):
        result = _link(small_store, alignment, output, "--endpoint",
                       f"http://127.0.0.1:{port}/sparql")
    _assert_nothing_changed(result, output, None)
    assert f"127.0.0.1:{port}: Connection refused" in result.stderr


def test_the_user_agent_says_who_asks(monkeypatch):
    from kg.wikidata.client import session

    agent = session().headers["User-Agent"]
    assert agent.startswith("Partnerschaftsgraph/") and "https://" in agent


def test_without_a_built_graph_nothing_is_asked(alignment, tmp_path: Path):
    result = _link(tmp_path / "no-store", alignment, tmp_path / "review.csv")
    assert result.exit_code == 2
    assert "run `kg build` first" in result.stderr
    assert not (tmp_path / "review.csv").exists()
