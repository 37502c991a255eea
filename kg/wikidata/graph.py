"""What the built graph says, for the Wikidata commands: which entities still lack a link,
which partnerships the Länder have and since when, and when the graph was built.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.namespace import RDF

from kg import namespaces as ns
from kg.alignment import LINKABLE, Link, unlinked
from kg.store import current_build
from kg.wikidata.config import ENTITY, qid

KINDS = {ns.PG.Land: "region", ns.PG.PartnerRegion: "region", ns.PG.Country: "country",
         ns.PG.Official: "person", ns.PG.Organisation: "organisation"}
PRECISION = {"date": 11, "gYearMonth": 10, "gYear": 9}

_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in ns.PREFIXES.items())


@dataclass(frozen=True)
class Entity:
    iri: str
    kind: str
    label: str
    iso3166_2: str | None
    country_item: str | None

    @property
    def relative(self) -> str:
        """The IRI as the alignment file writes it (relative to the product's base)."""
        return self.iri.removeprefix(ns.BASE)


@dataclass(frozen=True)
class Start:
    """A date as precise as the documents state it: 2019-05-03, 2019-05 or 2019."""
    lexical: str
    precision: int


@dataclass(frozen=True)
class Partnership:
    land: str
    land_item: str | None
    partner: str
    partner_label: str
    partner_kind: str
    partner_item: str | None
    start: Start | None
    source: str


def _rows(store: ox.Store, query: str) -> list[dict[str, ox.NamedNode | ox.Literal]]:
    results = store.query(_PREFIXES + query, use_default_graph_as_union=True)
    assert isinstance(results, ox.QuerySolutions)
    names = [v.value for v in results.variables]
    return [{n: s[n] for n in names if s[n] is not None} for s in results]


def unlinked_entities(store: ox.Store, links: Iterable[Link]) -> list[Entity]:
    """Entities of the kinds Wikidata has items for, without a link in the alignment."""
    typed = _rows(store, f"SELECT ?e ?type WHERE {{ GRAPH <{ns.ENTITIES_GRAPH}> {{ ?e a ?type "
                         f"VALUES ?type {{ {' '.join(f'<{t}>' for t in LINKABLE)} }} }} }}")
    triples: dict[URIRef, list] = {}
    for row in typed:
        entity = URIRef(row["e"].value)
        triples.setdefault(entity, []).append((entity, RDF.type, URIRef(row["type"].value)))
    details = _entity_details(store)
    return [details[str(e)] for e in unlinked(triples, links) if str(e) in details]


def _entity_details(store: ox.Store) -> dict[str, Entity]:
    rows = _rows(store, f"""SELECT ?e ?type ?label ?iso ?countryItem WHERE {{
  GRAPH <{ns.ENTITIES_GRAPH}> {{ ?e a ?type }}
  VALUES ?type {{ {' '.join(f'<{t}>' for t in KINDS)} }}
  OPTIONAL {{ ?e rdfs:label ?de FILTER (LANG(?de) = "de") }}
  OPTIONAL {{ ?e foaf:name ?name }}
  BIND (COALESCE(?de, ?name) AS ?label)
  OPTIONAL {{ ?e pg:iso3166_2 ?iso }}
  OPTIONAL {{ ?e pg:country/skos:exactMatch ?countryItem
             FILTER (STRSTARTS(STR(?countryItem), "{ENTITY}")) }}
}}""")
    grouped: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        grouped.setdefault(row["e"].value, []).append({k: v.value for k, v in row.items()})
    return {iri: _entity(iri, values) for iri, values in grouped.items()}


def _entity(iri: str, rows: list[dict[str, str]]) -> Entity:
    """One entity from its rows; where the graph has several values, the smallest (stable)."""
    return Entity(iri=iri, kind=KINDS[URIRef(_smallest(rows, "type") or "")],
                  label=_smallest(rows, "label") or "", iso3166_2=_smallest(rows, "iso"),
                  country_item=_item(rows, "countryItem"))


def partnerships(store: ox.Store) -> list[Partnership]:
    """One per Land and foreign partner, from its standing partnership and its agreements: the
    earliest stated start (a partnership's pg:since or an agreement's signing) and the
    document that states it."""
    rows = _rows(store, f"""SELECT ?relation ?land ?landItem ?partner ?type ?label ?partnerItem
       ?date ?document ?url WHERE {{
  {{ ?relation a pg:Partnership OPTIONAL {{ ?relation pg:since ?date }} }}
  UNION
  {{ ?relation a pg:Agreement OPTIONAL {{ ?relation pg:signedOn ?date }} }}
  ?relation pg:land ?land ; pg:partner ?partner .
  GRAPH <{ns.ENTITIES_GRAPH}> {{ ?partner a ?type }}
  VALUES ?type {{ pg:PartnerRegion pg:Country pg:Organisation }}
  OPTIONAL {{ ?partner rdfs:label ?label FILTER (LANG(?label) = "de") }}
  OPTIONAL {{ ?land skos:exactMatch ?landItem FILTER (STRSTARTS(STR(?landItem), "{ENTITY}")) }}
  OPTIONAL {{ ?partner skos:exactMatch ?partnerItem
             FILTER (STRSTARTS(STR(?partnerItem), "{ENTITY}")) }}
  OPTIONAL {{ ?relation prov:wasDerivedFrom/prov:wasQuotedFrom/dcterms:isFormatOf ?document
             OPTIONAL {{ ?document schema:url|foaf:page ?url }} }}
}}""")
    grouped: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        plain: dict[str, str | Start] = {k: v.value for k, v in row.items() if k != "date"}
        if isinstance(row.get("date"), ox.Literal):
            plain["start"] = _start(row["date"])  # type: ignore[arg-type]
        grouped.setdefault((row["land"].value, row["partner"].value), []).append(plain)
    return [_partnership(land, partner, found)
            for (land, partner), found in sorted(grouped.items())]


def _partnership(land: str, partner: str, rows: list[dict]) -> Partnership:
    start = min((r["start"] for r in rows if "start" in r), key=_start_key, default=None)
    first_agreement = [r for r in rows if r.get("start") == start]
    return Partnership(land=land, land_item=_item(rows, "landItem"), partner=partner,
                       partner_label=_smallest(rows, "label") or partner,
                       partner_kind=KINDS[URIRef(_smallest(rows, "type") or "")],
                       partner_item=_item(rows, "partnerItem"), start=start,
                       source=_smallest(first_agreement, "url")
                       or _smallest(first_agreement, "document") or land)


def _smallest(rows: list[dict], name: str) -> str | None:
    """Where the graph has several values, the smallest: the same on every run."""
    return min((r[name] for r in rows if name in r), default=None)


def _item(rows: list[dict], name: str) -> str | None:
    value = _smallest(rows, name)
    return qid(value) if value else None


def _start(literal: ox.Literal) -> Start:
    kind = literal.datatype.value.rsplit("#", 1)[-1]
    return Start(literal.value, PRECISION.get(kind, 11))


def _start_key(start: Start) -> tuple[int, ...]:
    """2021 < 2021-02 < 2021-02-15: the less precise date counts as the earlier one."""
    parts = [int(p) for p in start.lexical.lstrip("+").split("-")[:3]]
    return (*parts, *[0] * (3 - len(parts)))


_STAMP = re.compile(r"build-\d+-(\d{8})T")


def build_date(root: Path) -> dt.date:
    """The day the current build was made: from its folder name (build-PID-YYYYMMDDT...), else
    the folder's modification time."""
    build = current_build(root)
    if build is None:
        raise FileNotFoundError(f"{root}: no built graph here yet; run `kg build` first")
    found = _STAMP.match(build.name)
    if found:
        return dt.datetime.strptime(found.group(1), "%Y%m%d").date()
    return dt.datetime.fromtimestamp(build.stat().st_mtime, dt.UTC).date()
