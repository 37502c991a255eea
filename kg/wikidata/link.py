"""`kg link` without the command line: candidates for every unlinked entity, checked."""

from __future__ import annotations

from collections.abc import Callable

import requests

from kg.wikidata.check import item_facts
from kg.wikidata.config import expected_classes
from kg.wikidata.graph import Entity
from kg.wikidata.review import review_row
from kg.wikidata.search import candidates


def candidate_rows(entities: list[Entity], session: requests.Session, api: str, sparql: str,
                   day: str, say: Callable[[str], None] = lambda _: None) -> list[dict[str, str]]:
    """Review rows for the entities' candidates; an entity without any gets none."""
    rows: list[dict[str, str]] = []
    for entity in entities:
        hits = candidates(session, api, entity.label) if entity.label else []
        say(f"{entity.relative}: {len(hits)} candidates for {entity.label!r}")
        if not hits:
            continue
        facts = item_facts(session, sparql, [h.qid for h in hits],
                           expected_classes()[entity.kind])
        rows.extend(review_row(entity, hit, facts[hit.qid], day) for hit in hits)
    return rows
