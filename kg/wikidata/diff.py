"""Which partnerships of the graph Wikidata lacks as P190 (twinned administrative body).

P190 links administrative bodies of a kind: a Land and a partner region, in both directions.
A Land's partnership with a whole country or with an organisation is no twinning, and a side
without a Wikidata item cannot be written at all: both are listed, not written.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg import namespaces as ns
from kg.wikidata.graph import Partnership, Start
from kg.wikidata.twins import Present


@dataclass(frozen=True)
class Statement:
    item: str
    twin: str
    start: Start | None
    source: str


@dataclass
class Diff:
    statements: list[Statement] = field(default_factory=list)
    present: list[str] = field(default_factory=list)
    unlinked: list[str] = field(default_factory=list)
    not_twinned: list[str] = field(default_factory=list)


def linked_items(partnerships: list[Partnership]) -> list[str]:
    """The items whose P190 statements the diff needs to know."""
    return sorted({q for p in partnerships if p.partner_kind == "region"
                   for q in (p.land_item, p.partner_item) if q})


def diff(partnerships: list[Partnership], present: Present) -> Diff:
    result = Diff()
    for partnership in partnerships:
        name = f"{_short(partnership.land)} - {partnership.partner_label} " \
               f"({_short(partnership.partner)})"
        if partnership.partner_kind != "region":
            result.not_twinned.append(f"{name}: partner kind {partnership.partner_kind}")
        elif not (partnership.land_item and partnership.partner_item):
            result.unlinked.append(f"{name}: no item for {_missing_side(partnership)}")
        else:
            _compare(partnership, present, name, result)
    return result


def _compare(partnership: Partnership, present: Present, name: str, result: Diff) -> None:
    land, partner = partnership.land_item, partnership.partner_item
    assert land and partner
    for item, twin in ((land, partner), (partner, land)):
        if (item, twin) not in present:
            result.statements.append(Statement(item, twin, partnership.start,
                                               partnership.source))
            continue
        theirs = present[(item, twin)]
        ours = partnership.start.lexical if partnership.start else None
        differs = f" (start time there: {theirs or 'none'}, here: {ours})" \
            if ours and not (theirs or "").startswith(ours) else ""
        result.present.append(f"{name}: {item} P190 {twin}{differs}")


def _missing_side(partnership: Partnership) -> str:
    sides = [(partnership.land_item, partnership.land),
             (partnership.partner_item, partnership.partner)]
    return " and ".join(_short(iri) for item, iri in sides if not item)


def _short(iri: str) -> str:
    return iri.removeprefix(ns.BASE)
