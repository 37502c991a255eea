"""What Wikidata says about candidate items, in one SPARQL query per entity: whether each is an
instance of the expected class (P31, through subclasses P279), its countries (P17) and its
ISO 3166-2 codes (P300). The review compares these with the graph.
"""

from __future__ import annotations

from dataclasses import dataclass

import requests

from kg.wikidata.config import qid
from kg.wikidata.federation import ask


@dataclass(frozen=True)
class ItemFacts:
    qid: str
    type_ok: bool
    countries: frozenset[str]
    iso_codes: frozenset[str]


def check_query(qids: list[str], class_qid: str) -> str:
    items = " ".join(f"wd:{q}" for q in sorted(set(qids)))
    return f"""PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
SELECT ?item ?typeOk ?country ?iso WHERE {{
  VALUES ?item {{ {items} }}
  BIND (EXISTS {{ ?item wdt:P31/wdt:P279* wd:{class_qid} }} AS ?typeOk)
  OPTIONAL {{ ?item wdt:P17 ?country }}
  OPTIONAL {{ ?item wdt:P300 ?iso }}
}}"""


def item_facts(session: requests.Session, sparql: str, qids: list[str],
               class_qid: str) -> dict[str, ItemFacts]:
    """Facts by QID; an item Wikidata returns nothing for has no type, country or code."""
    rows = ask(sparql, check_query(qids, class_qid), session)
    return {q: _facts(q, [r for r in rows if qid(r.get("item", "")) == q]) for q in qids}


def _facts(item: str, rows: list[dict[str, str]]) -> ItemFacts:
    return ItemFacts(qid=item,
                     type_ok=any(r.get("typeOk") in ("true", "1") for r in rows),
                     countries=frozenset(qid(r["country"]) for r in rows if "country" in r),
                     iso_codes=frozenset(r["iso"] for r in rows if "iso" in r))
