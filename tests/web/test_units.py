"""The pages' small parts: question titles, safe query terms, content negotiation."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from starlette.requests import Request

from kg.namespaces import BASE
from kg.paths import QUERIES_DIR
from kg.web.dashboard import Board
from kg.web.dataset import first_day, last_day
from kg.web.negotiation import preferred, split_suffix
from kg.web.questions import questions
from kg.web.sparql import iri_term, literal_term, query_text


def test_every_competency_question_has_a_german_and_an_english_title():
    asked = questions(QUERIES_DIR)
    assert len(asked) == len(list(QUERIES_DIR.glob("cq-*.rq"))) >= 11
    for question in asked:
        assert question.title_de != question.title_en, question.name
        assert question.title_de.endswith("?") and question.title_en.endswith("?")


@pytest.mark.parametrize("bad", ["https://x/a> } ; DROP ALL #", "https://x/a b", "no-scheme",
                                 'https://x/"'])
def test_an_iri_that_could_break_out_of_a_query_is_refused(bad: str):
    with pytest.raises(ValueError, match="not an IRI"):
        iri_term(bad)


def test_a_literal_cannot_end_early():
    assert literal_term('a"b\\c\nd') == '"a\\"b\\\\c\\nd"'
    text = 'x") } ASK { ("'
    store = ox.Store()
    label = ox.Literal(f"a {text} b")
    rdfs_label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    store.add(ox.Quad(ox.NamedNode(BASE + "id/x"), rdfs_label, label))
    rows = list(store.query(query_text("suggest", word=literal_term(text))))
    assert [row["label"] for row in rows] == [label]


def _request(accept: str) -> Request:
    return Request({"type": "http", "headers": [(b"accept", accept.encode())],
                    "query_string": b""})


@pytest.mark.parametrize(("accept", "expected"), [
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "html"),
    ("text/turtle", "ttl"), ("application/ld+json", "jsonld"),
    ("application/n-triples;q=0.9, text/turtle;q=0.5", "nt"),
    ("text/html;q=0.1, text/turtle", "ttl"), ("*/*", "html"), ("", "html")])
def test_the_accept_header_chooses_the_format(accept: str, expected: str):
    assert preferred(_request(accept)) == expected


def test_a_suffix_is_only_a_format_when_known():
    assert split_suffix("region/JP-14.ttl") == ("region/JP-14", "ttl")
    assert split_suffix("ministry/DE-NW/M.d.I") == ("ministry/DE-NW/M.d.I", None)


def test_dates_of_each_precision_cover_their_whole_span():
    assert (first_day("2019"), last_day("2019")) == (first_day("2019-01-01"),
                                                      last_day("2019-12-31"))
    assert str(last_day("2024-02")) == "2024-02-29"


def test_the_time_axis_labels_few_round_years():
    board = Board([], 1989, 2024, [], [], [], [])
    assert board.years() == [1990, 1995, 2000, 2005, 2010, 2015, 2020]
    assert board.position("1989-01") < board.position("1989-12") < board.position("2024")
    assert board.position("1989-01") >= 0 and board.position("2024-12") <= 100
