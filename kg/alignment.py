"""Links to Wikidata, from the curated alignment file (mappings/wikidata-alignment.csv).

Only identifiers that the file lists, each with its source, reach the graph: no identifier is
ever guessed. A link is skos:exactMatch (see ontology/README.md for why not owl:sameAs), and it
is written only for entities the graph has.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from kg import namespaces as ns
from kg.paths import MAPPINGS_DIR

ALIGNMENT_FILE = MAPPINGS_DIR / "wikidata-alignment.csv"
LINKABLE = (ns.PG.Land, ns.PG.Country, ns.PG.PartnerRegion, ns.PG.Organisation,
            ns.PG.Official)


@dataclass(frozen=True)
class Link:
    entity: URIRef
    item: URIRef
    label: str
    key: str
    source: str


def read_alignment(path: Path = ALIGNMENT_FILE) -> list[Link]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [Link(URIRef(ns.BASE + row["entity"]) if not row["entity"].startswith("http")
                     else URIRef(row["entity"]), ns.WD[row["qid"]], row["label"], row["key"],
                     row["source"]) for row in csv.DictReader(handle)]


def alignment_graph(links: Iterable[Link], entities: set[URIRef]) -> Graph:
    """The links of entities the graph has, and where the links come from."""
    graph = Graph()
    for link in links:
        if link.entity in entities:
            graph.add((link.entity, SKOS.exactMatch, link.item))
    graph.add((ns.ALIGNMENT_GRAPH, DCTERMS.source, Literal("mappings/wikidata-alignment.csv")))
    return graph


def unlinked(entities: dict[URIRef, list], links: Iterable[Link]) -> list[URIRef]:
    """Entities of the kinds Wikidata has items for that have no link yet: for `kg link`."""
    linked = {link.entity for link in links}
    return sorted(e for e, triples in entities.items() if e not in linked and any(
        p == RDF.type and o in LINKABLE for _, p, o in triples))
