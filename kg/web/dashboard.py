"""The dashboard's data: per Land and partner the agreements on a time axis and the last
contact with its passage; the partners for the map; what lacks a Wikidata link, a date or a
register entry. All of it from SPARQL over the served graph."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import pycountry

from kg.web import view
from kg.web.sparql import Row, Sparql, Term


@dataclass
class Pair:
    """One Land and one partner: their agreements and their last contact."""

    land: str
    land_label: str
    partner: str
    partner_label: str
    agreements: list[Row] = field(default_factory=list)
    last: list[Row] = field(default_factory=list)


@dataclass
class Board:
    pairs: list[Pair]
    first_year: int
    last_year: int
    map_points: list[dict]
    unlinked: list[Row]
    undated: list[Row]
    unregistered: list[Row]

    def position(self, date: str) -> float:
        """Where a date sits on the time axis, in percent."""
        span = max(self.last_year - self.first_year + 1, 1)
        year = int(date[:4])
        month = int(date[5:7]) if len(date) >= 7 else 7
        return round(100 * ((year - self.first_year) + (month - 0.5) / 12) / span, 2)

    def years(self, most: int = 8) -> list[int]:
        """The years labelled on the axis: at most `most`, on round steps (1, 2, 5, 10 …)."""
        span = self.last_year - self.first_year + 1
        step = next(s for s in (1, 2, 5, 10, 20, 50, 100, 1000) if span / s <= most)
        start = -(-self.first_year // step) * step
        return list(range(start, self.last_year + 1, step))


async def gather(sparql: Sparql, lang: str) -> Board:
    agreements, last, partners, unlinked, undated, unregistered = await asyncio.gather(
        sparql.select("dash-agreements"), sparql.select("dash-last-contact"),
        sparql.select("dash-partners"), sparql.select("dash-unlinked"),
        sparql.select("dash-undated"), sparql.select("dash-unregistered"))
    last = await _contact_details(sparql, agreements, last)
    pairs = _pairs(agreements, last, lang)
    years = [int(r["date"].value[:4]) for r in agreements if "date" in r]
    first, final = (min(years), max(years)) if years else (2000, 2000)
    return Board(pairs, first, final, _map_points(partners, lang), unlinked, undated,
                 unregistered)


async def _contact_details(sparql: Sparql, agreements: list[Row], latest: list[Row]
                           ) -> list[Row]:
    """The last contact of each Land and partner with an agreement: date, event, description
    and a passage (dash-last-contact.rq names the event, dash-contact-details.rq tells it)."""
    with_agreement = {(r["land"].value, r["partner"].value) for r in agreements}
    chosen = {}
    for row in latest:
        if (row["land"].value, row["partner"].value) in with_agreement:
            chosen[(row["land"].value, row["partner"].value)] = row["latest"].value.split(" ")[1]
    details = {r["event"].value: r for r in await sparql.select_values(
        "dash-contact-details", sorted(set(chosen.values())))}
    return [{"land": Term("uri", land), "partner": Term("uri", partner), **details[event]}
            for (land, partner), event in sorted(chosen.items()) if event in details]


def _pairs(agreements: list[Row], last: list[Row], lang: str) -> list[Pair]:
    pairs: dict[tuple[str, str], Pair] = {}
    for row in agreements:
        key = (row["land"].value, row["partner"].value)
        if key not in pairs:
            pairs[key] = Pair(key[0], view.pick(row, "land", lang) or key[0], key[1],
                              view.pick(row, "partner", lang) or key[1])
        pairs[key].agreements.append(row)
    for row in last:
        pair = pairs.get((row["land"].value, row["partner"].value))
        if pair is not None:
            pair.last.append(row)
    return sorted(pairs.values(), key=lambda p: (p.land_label, p.partner_label))


def _map_points(partners: list[Row], lang: str) -> list[dict]:
    """Each partner with the ISO 3166-1 numeric code of its country (the id world-atlas gives
    each country's outline), where the map places it."""
    points = []
    for row in partners:
        alpha2 = (row.get("code") or row.get("countryCode"))
        country = pycountry.countries.get(alpha_2=alpha2.value) if alpha2 else None
        if country is None:
            continue
        points.append({"iri": row["partner"].value, "href": view.link(row["partner"].value, lang),
                       "label": view.pick(row, "", lang) or row["partner"].value,
                       "country": country.numeric, "agreements": view.integer(row, "agreements")})
    return points
