"""Where Wikidata is and what its classes are called: every endpoint can be replaced, so that
tests and mirrors need no change in code.

Endpoints come from the command's options, else from KG_WIKIDATA_API / KG_WIKIDATA_SPARQL, else
the public Wikidata services. The classes a candidate must be an instance of are data
(classes.csv, with where each identifier was checked), not code.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from kg import namespaces as ns

WIKIDATA_API = "https://www.wikidata.org/w/api.php"
WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"
API_ENV = "KG_WIKIDATA_API"
SPARQL_ENV = "KG_WIKIDATA_SPARQL"
ENTITY = str(ns.WD)

CLASSES_FILE = Path(__file__).with_name("classes.csv")


@cache
def expected_classes() -> dict[str, str]:
    """Kind of entity (region, country, person, organisation) -> the class QID it must have."""
    with CLASSES_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["kind"]: row["qid"] for row in csv.DictReader(handle)}


def qid(value: str) -> str:
    """`Q123` from an entity IRI or a bare identifier."""
    return value.removeprefix(ENTITY)
