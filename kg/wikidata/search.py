"""Candidate items for a label, from Wikidata's wbsearchentities (the action API).

German first, as the graph's labels are German; then English, which finds items whose German
label differs from ours. An item found in both languages is listed once, as first found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import requests

from kg.wikidata.client import WikidataError, request_json

LANGUAGES = ("de", "en")
PER_LANGUAGE = 5
_QID = re.compile(r"Q[1-9][0-9]*")


@dataclass(frozen=True)
class SearchHit:
    qid: str
    label: str
    description: str
    matched: str
    matched_language: str


def search(session: requests.Session, api: str, text: str, language: str,
           limit: int = PER_LANGUAGE) -> list[SearchHit]:
    """One wbsearchentities call: the items whose label or alias matches `text`."""
    params = {"action": "wbsearchentities", "search": text, "language": language,
              "uselang": language, "type": "item", "limit": str(limit), "format": "json"}
    body = request_json(session, "GET", api, params=params)
    if not isinstance(body, dict) or "error" in body or "search" not in body:
        raise WikidataError(f"{api}: wbsearchentities failed: {_error_text(body)}")
    return [_hit(entry) for entry in body["search"] if _QID.fullmatch(entry.get("id", ""))]


def candidates(session: requests.Session, api: str, text: str,
               limit: int = PER_LANGUAGE) -> list[SearchHit]:
    """Hits in German, then English; each item once."""
    found: dict[str, SearchHit] = {}
    for language in LANGUAGES:
        for hit in search(session, api, text, language, limit):
            found.setdefault(hit.qid, hit)
    return list(found.values())


def _hit(entry: dict) -> SearchHit:
    match = entry.get("match") or {}
    return SearchHit(qid=entry["id"], label=entry.get("label", ""),
                     description=entry.get("description", ""),
                     matched=match.get("text", entry.get("label", "")),
                     matched_language=match.get("language", ""))


def _error_text(body: object) -> str:
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        return str(body["error"].get("info", body["error"]))
    return "unexpected answer"
