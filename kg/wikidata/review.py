"""The review file: every candidate with its score and the evidence behind it.

Its first five columns are those of mappings/wikidata-alignment.csv, so accepting a candidate is
copying those cells of its row there; the rest is evidence for the person deciding. A candidate
gains points for an exact label, the expected type, the entity's country and its ISO 3166-2
code; a country or an ISO code that contradicts the graph costs points, the ISO code most,
as it is the second key that tells namesakes apart.
"""

from __future__ import annotations

import csv
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kg.wikidata.check import ItemFacts
from kg.wikidata.graph import Entity
from kg.wikidata.search import SearchHit

ALIGNMENT_COLUMNS = ["entity", "qid", "label", "key", "source"]
EVIDENCE_COLUMNS = ["score", "matched", "label_exact", "type_ok", "country_ok", "iso_ok",
                    "item_label", "item_description", "kind"]
POINTS = {"label_exact": 30, "label_found": 10, "type_ok": 30, "country_ok": 20,
          "country_contradicts": -20, "iso_ok": 20, "iso_contradicts": -40}


@dataclass(frozen=True)
class Evidence:
    label_exact: bool
    type_ok: bool
    country_ok: str  # yes, no, unknown
    iso_ok: str      # yes, no, unknown, n/a (the entity has no code)

    def score(self) -> int:
        points = POINTS["label_exact" if self.label_exact else "label_found"]
        points += POINTS["type_ok"] if self.type_ok else 0
        points += {"yes": POINTS["country_ok"], "no": POINTS["country_contradicts"]}.get(
            self.country_ok, 0)
        points += {"yes": POINTS["iso_ok"], "no": POINTS["iso_contradicts"]}.get(self.iso_ok, 0)
        return max(points, 0)


def evidence(entity: Entity, hit: SearchHit, facts: ItemFacts) -> Evidence:
    exact = entity.label.casefold() in (hit.matched.casefold(), hit.label.casefold())
    return Evidence(label_exact=exact, type_ok=facts.type_ok,
                    country_ok=_agreement(entity.country_item, facts.countries),
                    iso_ok=_agreement(entity.iso3166_2, facts.iso_codes)
                    if entity.iso3166_2 else "n/a")


def _agreement(ours: str | None, theirs: frozenset[str]) -> str:
    if ours is None or not theirs:
        return "unknown"
    return "yes" if ours in theirs else "no"


def review_row(entity: Entity, hit: SearchHit, facts: ItemFacts, day: str) -> dict[str, str]:
    found = evidence(entity, hit, facts)
    key = (f"ISO 3166-2 {entity.iso3166_2}" if found.iso_ok == "yes"
           else f"name {entity.label}")
    return {"entity": entity.relative, "qid": hit.qid, "label": entity.label, "key": key,
            "source": f"kg link {day}: {_summary(found)}; accepted by: ",
            "score": str(found.score()), "matched": f"{hit.matched_language}:{hit.matched}",
            "label_exact": _yes(found.label_exact), "type_ok": _yes(found.type_ok),
            "country_ok": found.country_ok, "iso_ok": found.iso_ok, "item_label": hit.label,
            "item_description": hit.description, "kind": entity.kind}


def _summary(found: Evidence) -> str:
    return (f"label {'exact' if found.label_exact else 'found'}, type "
            f"{_yes(found.type_ok)}, country {found.country_ok}, ISO {found.iso_ok}")


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def sort_key(row: dict[str, str]) -> tuple[str, int, int]:
    """By entity, best candidate first, then by item number: the same file on every run."""
    return row["entity"], -int(row["score"]), int(row["qid"].lstrip("Q"))


def write_review(path: Path, rows: list[dict[str, str]]) -> None:
    """Write the whole file aside and rename it into place: never half a review."""
    ordered = sorted(rows, key=sort_key)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", text=True)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=ALIGNMENT_COLUMNS + EVIDENCE_COLUMNS)
            writer.writeheader()
            writer.writerows(ordered)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
