"""/id/…: every IRI of the graph dereferences, as Pubby and LodView do it: an HTML page for
browsers, Turtle, N-Triples or JSON-LD by the Accept header or a suffix (.ttl, .nt, .jsonld);
an unknown IRI gets a 404 page with suggestions."""

from __future__ import annotations

import asyncio
import re

from starlette.requests import Request
from starlette.responses import Response

from kg import namespaces as ns
from kg.web import negotiation, view
from kg.web.app import Context
from kg.web.sparql import Row, iri_term, literal_term

WIKIDATA = str(ns.WD)
INFERRED = str(ns.INFERRED_GRAPH)
EXACT_MATCH = "http://www.w3.org/2004/02/skos/core#exactMatch"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ACTIVITIES_SHOWN = 300  # the LIMIT of entity-agreements.rq and entity-events.rq


def entity(context: Context):
    async def handler(request: Request) -> Response:
        path = request.path_params["path"]
        iri = view.ID_BASE + path
        try:
            iri_term(iri)
        except ValueError:
            return await _not_found(context, request, path)
        if await context.sparql.ask("entity-exists", this=iri_term(iri)):
            fmt = negotiation.preferred(request)
            return await (_page(context, request, iri) if fmt == "html"
                          else _data(context, iri, fmt))
        stem, suffix = negotiation.split_suffix(path)
        if suffix and await context.sparql.ask("entity-exists",
                                               this=iri_term(view.ID_BASE + stem)):
            return await _data(context, view.ID_BASE + stem, suffix)
        return await _not_found(context, request, path)
    return handler


async def _data(context: Context, iri: str, fmt: str) -> Response:
    ntriples = await context.sparql.graph("entity-rdf", this=iri_term(iri))
    return Response(negotiation.convert(ntriples, fmt), media_type=negotiation.media_type(fmt),
                    headers={"Vary": "Accept", "Access-Control-Allow-Origin": "*"})


async def _page(context: Context, request: Request, iri: str) -> Response:
    lang = view.language(request)
    this = iri_term(iri)
    facts, incoming, sources, agreements, events = await asyncio.gather(
        context.sparql.select("entity-facts", this=this),
        context.sparql.select("entity-incoming", this=this),
        context.sparql.select("entity-sources", this=this),
        context.sparql.select("entity-agreements", this=this),
        context.sparql.select("entity-events", this=this))
    agreements, events = await _with_details(context, agreements, events)
    labels = {row["o"].lang: row["o"].value for row in facts
              if row["p"].value == LABEL and row["o"].lang}
    wikidata = sorted({row["o"].value for row in facts if row["p"].value == EXACT_MATCH
                       and row["o"].value.startswith(WIKIDATA)})
    title = labels.get(lang) or labels.get("de") or labels.get("en") or _fallback_title(facts,
                                                                                      iri)
    shown = {r["item"].value for r in agreements + events}
    incoming = [r for r in incoming if r["s"].value not in shown]
    asserted = [r for r in facts if r["g"].value != INFERRED]
    inferred = [r for r in facts if r["g"].value == INFERRED and not _repeats(r, asserted)]
    return context.render(
        request, "entity.html", iri=iri, title=title, labels=labels, wikidata=wikidata,
        facts=asserted, inferred=inferred, incoming=incoming, sources=sources,
        agreements=agreements, events=events, most=ACTIVITIES_SHOWN,
        alternates={fmt: f"{request.url.path}.{fmt}" for fmt in negotiation.RDF_FORMATS})


async def _with_details(context: Context, *lists: list[Row]) -> list[list[Row]]:
    """Each agreement or event with its text, kind and first source passage, asked for the
    listed items only (a join over all of a Land's events is slow on a large graph)."""
    iris = [row["item"].value for rows in lists for row in rows]
    details, passages = await asyncio.gather(
        context.sparql.select_values("entity-item-details", iris),
        context.sparql.select_values("entity-item-passages", iris))
    first: dict[str, Row] = {}
    for row in details + passages:
        first[row["item"].value] = {**row, **first.get(row["item"].value, {})}
    return [[{**first.get(row["item"].value, {}), **row} for row in rows] for rows in lists]


def _repeats(row: Row, asserted: list[Row]) -> bool:
    return any(r["p"] == row["p"] and r["o"] == row["o"] for r in asserted)


def _fallback_title(facts: list[Row], iri: str) -> str:
    """A title for what has no label: its own title or description, else the IRI's tail."""
    for row in facts:
        if row["p"].value.rsplit("/", 1)[-1] in {"title", "description"} and not row["o"].is_iri:
            return row["o"].value[:120]
    return iri[len(view.ID_BASE):]


async def _not_found(context: Context, request: Request, path: str) -> Response:
    """404, with entities whose label holds a word of the path, and the way home."""
    words = [w for w in re.split(r"[^0-9A-Za-zÄÖÜäöüß]+", path.rsplit("/", 1)[-1])
             if len(w) >= 3][:3]
    found: dict[str, str] = {}
    for rows in await asyncio.gather(*(context.sparql.select("suggest", word=literal_term(w))
                                       for w in words)):
        for row in rows:
            found.setdefault(row["s"].value, row["label"].value)
    return context.render(request, "notfound.html", status=404, iri=view.ID_BASE + path,
                          suggestions=sorted(found.items(), key=lambda kv: kv[1])[:10])
