"""`kg wikidata-diff`: the graph's partnerships against P190 statements (from a file here;
online in test_wikidata_federation.py), written as QuickStatements V1 and checked against
that syntax by a small validator of its own."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import store
from kg.cli import main
from kg.store import current_build
from kg.wikidata.graph import Start, build_date, partnerships
from kg.wikidata.quickstatements import day_value, time_value
from tests.conftest import free_port

DATA = Path(__file__).parent / "data" / "wikidata"
DOCUMENT = "https://w3id.org/partnerschaftsgraph/id/document/"

# ------------------------------------------------------------------------- a V1 validator

ITEM = re.compile(r"Q[1-9]\d*")
PROPERTY = re.compile(r"P[1-9]\d*")
SOURCE = re.compile(r"S[1-9]\d*")
TIME = re.compile(r"\+(\d{4})-(\d\d)-(\d\d)T00:00:00Z/(9|10|11)")
STRING = re.compile(r'"[^"\t]*"')
COMMENT = re.compile(r"/\* .* \*/")


def _valid_time(value: str) -> bool:
    found = TIME.fullmatch(value)
    if not found:
        return False
    _, month, day, precision = found.groups()
    if precision == "9":
        return month == day == "00"
    if precision == "10":
        return month != "00" and day == "00"
    dt.date.fromisoformat(value[1:11])  # a real day
    return True


def _valid_value(value: str) -> bool:
    return bool(ITEM.fullmatch(value) or STRING.fullmatch(value)) or _valid_time(value)


def parse_v1(text: str) -> list[dict]:
    """Statements of a QuickStatements V1 batch; AssertionError at the first line that is not
    one statement (item, property, value, then qualifier pairs, then reference pairs) or a
    comment."""
    statements = []
    for number, line in enumerate(text.splitlines(), start=1):
        if COMMENT.fullmatch(line):
            continue
        cells = line.split("\t")
        assert len(cells) >= 3 and len(cells) % 2 == 1, f"line {number}: {line!r}"
        item, prop, value, *pairs = cells
        assert ITEM.fullmatch(item) and PROPERTY.fullmatch(prop), f"line {number}"
        assert _valid_value(value), f"line {number}: value {value!r}"
        keys = pairs[0::2]
        assert all(PROPERTY.fullmatch(k) or SOURCE.fullmatch(k) for k in keys), f"line {number}"
        kinds = ["S" if k.startswith("S") else "P" for k in keys]
        assert kinds == sorted(kinds), f"line {number}: a qualifier after a reference"
        assert all(_valid_value(v) for v in pairs[1::2]), f"line {number}: {pairs}"
        statements.append({"item": item, "property": prop, "value": value,
                           **dict(zip(keys, pairs[1::2], strict=True))})
    return statements


def test_the_validator_rejects_what_is_not_v1():
    for bad in ["Q1\tP190", "Q1 P190 Q2", "X1\tP190\tQ2", "Q1\tP190\tQ2\tP580",
                "Q1\tP190\tQ2\tS854\t\"u\"\tP580\t+2021-06-17T00:00:00Z/11",
                "Q1\tP190\tQ2\tP580\t+2021-06-17T00:00:00Z/10",
                "Q1\tP190\tQ2\tP580\t+2021-02-30T00:00:00Z/11", "Q1\tP190\tQ2\tS854\thttp://x"]:
        with pytest.raises((AssertionError, ValueError)):
            parse_v1(bad)
    assert parse_v1("/* a comment */\nQ1\tP190\tQ2\tP580\t+2021-00-00T00:00:00Z/9")


# ------------------------------------------------------------------------- the diff


def _diff(store_root: Path, *extra: str):
    result = CliRunner().invoke(main, ["wikidata-diff", "--store", str(store_root), *extra])
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def batch(bundled_store: Path) -> str:
    return _diff(bundled_store, "--p190", str(DATA / "p190.json"))


@pytest.fixture(scope="module")
def statements(batch: str) -> dict[tuple[str, str], dict]:
    return {(s["item"], s["value"]): s for s in parse_v1(batch)}


def test_every_line_is_quickstatements_v1(statements):
    assert all(s["property"] == "P190" for s in statements.values())
    assert len(statements) == 23


def test_a_p190_already_in_wikidata_is_not_written_again(statements):
    assert ("Q1198", "Q54181") not in statements
    assert ("Q54181", "Q1198") not in statements
    assert ("Q1198", "Q18677767") not in statements     # present in one direction ...
    assert ("Q18677767", "Q1198") in statements         # ... the other is missing


def test_missing_twinnings_are_written_in_both_directions(statements, bundled_store: Path):
    retrieved = day_value(build_date(bundled_store))
    expected = {"P580": "+2022-02-15T00:00:00Z/11",
                "S854": f'"{DOCUMENT}nw-vorlage-18-1828"', "S813": retrieved}
    for pair in (("Q1198", "Q1216"), ("Q1216", "Q1198")):
        assert {k: statements[pair][k] for k in expected} == expected


def test_the_start_is_the_earliest_agreement_at_its_precision(statements):
    assert statements[("Q18677767", "Q1198")]["P580"] == "+2018-07-20T00:00:00Z/11"
    assert statements[("Q1198", "Q1974")]["P580"] == "+2021-10-00T00:00:00Z/10"
    assert "P580" not in statements[("Q1198", "Q16963")]  # no date in the documents
    assert statements[("Q985", "Q127513")]["P580"] == "+1989-11-24T00:00:00Z/11"


def test_the_retrieved_date_is_the_build_date(bundled_store: Path):
    stamp = re.search(r"-(\d{8})T", current_build(bundled_store).name).group(1)
    assert build_date(bundled_store) == dt.datetime.strptime(stamp, "%Y%m%d").date()


def test_what_cannot_be_written_is_listed_in_the_header(batch: str):
    header = [line for line in batch.splitlines() if line.startswith("/*")]
    assert all(not line.startswith("Q") for line in batch.splitlines()[:len(header)])
    text = "\n".join(header)
    assert "no item for id/region/BE/deutschsprachige-gemeinschaft" in text
    assert "Ghana (id/country/GH): partner kind country" in text
    assert "Benelux-Union (id/organisation/benelux-union): partner kind organisation" in text
    assert "Q1198 P190 Q18677767 (start time there: 2021-07-09, here: 2018-07-20)" in text


def test_a_csv_p190_file_gives_the_same_batch(bundled_store: Path, batch: str):
    assert _diff(bundled_store, "--p190", str(DATA / "p190.csv")) == batch


def test_the_output_is_the_same_on_every_run(bundled_store: Path, batch: str, tmp_path: Path):
    output = tmp_path / "p190.qs"
    _diff(bundled_store, "--p190", str(DATA / "p190.json"), "--output", str(output))
    assert output.read_text(encoding="utf-8") == batch


def _store_of(trig: str, root: Path) -> ox.Store:
    """A published store holding the TriG, opened read-only."""
    partial = store.start_build(root)
    graph = ox.Store(str(partial))
    graph.load(trig, format=ox.RdfFormat.TRIG)
    graph.flush()
    del graph
    store.publish(partial, root)
    return store.open_read_only(root)


def test_a_source_url_is_preferred_to_the_document_iri(tmp_path: Path):
    [partnership] = partnerships(_store_of(SMALL_GRAPH, tmp_path / "store"))
    assert partnership.source == "https://example.org/vereinbarung.pdf"
    assert partnership.start == Start("2021", 9)
    assert time_value(partnership.start) == "+2021-00-00T00:00:00Z/9"


def test_a_standing_partnership_gives_its_start_without_an_agreement(tmp_path: Path):
    [partnership] = partnerships(_store_of(PARTNERSHIP_GRAPH, tmp_path / "store"))
    assert partnership.partner.endswith("region/PL-30")
    assert partnership.start == Start("1991-10-16", 11)


PARTNERSHIP_GRAPH = """
@prefix pg: <https://w3id.org/partnerschaftsgraph/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/partnerschaftsgraph/id/> .
<https://w3id.org/partnerschaftsgraph/graph/entities> {
  id:region\\/PL-30 a pg:PartnerRegion .
  id:partnership\\/x a pg:Partnership ; pg:land id:land\\/DE-HE ; pg:partner id:region\\/PL-30 ;
      pg:since "1991-10-16"^^xsd:date .
}
"""


SMALL_GRAPH = """
@prefix pg: <https://w3id.org/partnerschaftsgraph/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/partnerschaftsgraph/id/> .
<https://w3id.org/partnerschaftsgraph/graph/entities> {
  id:region\\/PL-24 a pg:PartnerRegion .
  id:agreement\\/a a pg:Agreement ; pg:land id:land\\/DE-NW ; pg:partner id:region\\/PL-24 ;
      pg:signedOn "2021"^^xsd:gYear ; prov:wasDerivedFrom id:passage .
  id:passage prov:wasQuotedFrom id:rendering .
  id:rendering dcterms:isFormatOf id:document .
  id:document schema:url "https://example.org/vereinbarung.pdf" .
}
"""


# ------------------------------------------------------------------------- failures


def test_wikidata_unreachable_writes_nothing(bundled_store: Path, tmp_path: Path):
    output = tmp_path / "p190.qs"
    port = free_port()
    result = CliRunner().invoke(main, ["wikidata-diff", "--store", str(bundled_store),
                                       "--endpoint", f"http://127.0.0.1:{port}/sparql",
                                       "--output", str(output)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"kg wikidata-diff: Wikidata is not reachable (127.0.0.1:{port}: Connection refused); "
        "nothing was written"]
    assert result.stdout == ""
    assert not output.exists()


def test_a_malformed_p190_file_is_invalid_data(bundled_store: Path, tmp_path: Path):
    bad = tmp_path / "p190.csv"
    bad.write_text("item,twin,start\nQ1198,Berlin,\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["wikidata-diff", "--store", str(bundled_store),
                                       "--p190", str(bad)])
    assert result.exit_code == 1
    assert "item and twin must be Wikidata items" in result.stderr
