"""P190 (twinned administrative body) statements Wikidata already has, so that the diff writes
only what is missing. Online through the SPARQL endpoint, or from a file:

    *.json   SPARQL 1.1 JSON results with the variables item, twin and (optional) start, as
             the online query returns them (item and twin: entity IRIs; start: xsd:dateTime)
    *.csv    a header `item,twin,start`, one statement per row; item and twin as QIDs (Q1198)
             or entity IRIs, start empty or a date (2019-05-03, or Wikidata's 2019-05-03T00:00:00Z)
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import requests

from kg.wikidata.config import qid
from kg.wikidata.federation import ask

Present = dict[tuple[str, str], str | None]
_QID = re.compile(r"Q[1-9][0-9]*")


class TwinsFileError(ValueError):
    """The P190 file cannot be read as one of the documented formats."""


def p190_query(items: list[str]) -> str:
    values = " ".join(f"wd:{q}" for q in sorted(set(items)))
    return f"""PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX p: <http://www.wikidata.org/prop/>
PREFIX ps: <http://www.wikidata.org/prop/statement/>
PREFIX pq: <http://www.wikidata.org/prop/qualifier/>
SELECT ?item ?twin ?start WHERE {{
  VALUES ?item {{ {values} }}
  ?item p:P190 ?statement .
  ?statement ps:P190 ?twin .
  OPTIONAL {{ ?statement pq:P580 ?start }}
}}"""


def fetch_twins(session: requests.Session, sparql: str, items: list[str]) -> Present:
    """The P190 statements of the given items, from the SPARQL endpoint."""
    return _present(ask(sparql, p190_query(items), session)) if items else {}


def read_twins(path: Path) -> Present:
    if path.suffix == ".json":
        return _present(_json_rows(path))
    if path.suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as handle:
            return _present([{k: v for k, v in row.items() if v} for row in
                              csv.DictReader(handle)])
    raise TwinsFileError(f"{path}: a P190 file is .json (SPARQL results) or .csv")


def _json_rows(path: Path) -> list[dict[str, str]]:
    try:
        bindings = json.loads(path.read_text(encoding="utf-8"))["results"]["bindings"]
        return [{name: term["value"] for name, term in b.items()} for b in bindings]
    except (ValueError, KeyError, TypeError) as error:
        raise TwinsFileError(f"{path}: not a SPARQL JSON results file ({error})") from error


def _present(rows: list[dict[str, str]]) -> Present:
    present: Present = {}
    for number, row in enumerate(rows, start=1):
        item, twin = qid(row.get("item", "")), qid(row.get("twin", ""))
        if not (_QID.fullmatch(item) and _QID.fullmatch(twin)):
            raise TwinsFileError(f"row {number}: item and twin must be Wikidata items: {row}")
        start = row.get("start")
        if present.get((item, twin)) is None:
            present[(item, twin)] = start[:10] if start else None
    return present
