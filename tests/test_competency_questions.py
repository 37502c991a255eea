"""Every competency question, asked over HTTP with a real SPARQL client, against the served
graph of the bundled documents, compared with the expected result written from reading them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, SPARQLWrapper

from kg.paths import QUERIES_DIR
from kg.store import open_read_only
from tests.expected import compare, read_expected, row_matches, term

QUERIES = sorted(QUERIES_DIR.glob("cq-*.rq"))


def _expected_file(query: Path, kind: str = "expected") -> Path:
    return query.with_name(query.name.removesuffix(".rq") + f".{kind}.tsv")


def _published_variables() -> dict[str, list[str]]:
    """The result variables queries/README.md promises: the public contract."""
    table = (QUERIES_DIR / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(cq-\d\d-[\w-]+\.rq)` \| `([^`]+)` \|$", table, re.M)
    return {name: [v.lstrip("?") for v in variables.split()] for name, variables in rows}


def ask(endpoint: str, query: str) -> dict:
    client = SPARQLWrapper(f"{endpoint}/query")
    client.setQuery(query)
    client.setReturnFormat(JSON)
    return client.queryAndConvert()


def test_every_published_question_has_a_query_and_an_expected_result():
    published = _published_variables()
    assert len(published) == 11
    assert sorted(published) == sorted(q.name for q in QUERIES)
    for query in QUERIES:
        assert _expected_file(query).is_file(), query.name


@pytest.mark.server
@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name.removesuffix(".rq"))
def test_competency_question(endpoint: str, query: Path):
    expected = read_expected(_expected_file(query))
    results = ask(endpoint, query.read_text(encoding="utf-8"))
    variables = results["head"]["vars"]
    assert variables == _published_variables()[query.name] == expected.variables
    actual = [[term(binding.get(v)) for v in variables]
              for binding in results["results"]["bindings"]]
    missing, unexpected = compare(expected, actual)
    misses_file = _expected_file(query, "known-misses")
    if misses_file.is_file():
        known = read_expected(misses_file).rows
        assert not [k for k in known if any(row_matches(k, row) for row in actual)], \
            f"a known miss of {query.name} is found now: remove it from {misses_file.name}"
        missing = [m for m in missing if m not in known]
    report = ["missing:", *("  " + "\t".join(r) for r in missing),
              "unexpected:", *("  " + "\t".join(r) for r in unexpected)]
    assert not missing and not unexpected, "\n".join(report)


# cq-08 as it read the provenance before pg:quote: through each fact's passages, their
# renderings and documents (DISTINCT: a passage read alike from two renderings is one row).
PROVENANCE_BY_PASSAGES = """
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT DISTINCT ?fact ?document (STR(?title) AS ?documentTitle) ?quote WHERE {
  ?fact prov:wasDerivedFrom ?passage .
  ?passage prov:value ?quote ; prov:wasQuotedFrom ?rendering .
  ?rendering dcterms:isFormatOf ?document .
  ?document dcterms:title ?title .
}"""


def test_the_provenance_shortcut_gives_the_rows_of_the_passages(bundled_store: Path):
    """cq-08 reads `pg:quote` in each document's graph: it must answer exactly what the
    passages, renderings and documents say, each row as often (no row lost, none doubled)."""
    store = open_read_only(bundled_store)

    def rows(query: str) -> Counter:
        return Counter(tuple(str(value) for value in solution)
                       for solution in store.query(query, use_default_graph_as_union=True))

    question = rows((QUERIES_DIR / "cq-08-provenance.rq").read_text(encoding="utf-8"))
    assert len(question) > 100
    assert question == rows(PROVENANCE_BY_PASSAGES)
