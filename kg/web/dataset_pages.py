"""/dataset and /.well-known/void: the dataset description as HTML or RDF."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF
from starlette.requests import Request
from starlette.responses import Response

from kg.web import negotiation
from kg.web.app import Context
from kg.web.dataset import DATASET, LINKSET, VOID, describe
from kg.web.dumps import DUMP_FORMATS

RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}


def dataset(context: Context, html_default: bool):
    """HTML for browsers at /dataset; RDF (Turtle unless asked otherwise) at the VoID path
    and at /dataset.ttl, .nt, .jsonld. The description is made once per build, address and
    set of dumps made (counting every triple of a large build takes seconds)."""
    made: dict[tuple, Graph] = {}

    async def description(request: Request) -> Graph:
        dumps = context.dumps.ready()
        key = (context.build_name(), str(request.base_url), tuple(d.sha256 for d in dumps))
        if key not in made:
            graph = await describe(context.sparql, str(request.base_url), dumps,
                                   context.build_time())
            for old in [k for k in made if k[0] != key[0] or len(made) > 8]:
                del made[old]
            made[key] = graph
        return made[key]

    async def handler(request: Request) -> Response:
        fmt = request.path_params.get("fmt") or negotiation.preferred(
            request, default="html" if html_default else "ttl")
        if fmt not in RDFLIB_FORMATS and fmt != "html":
            return Response("unknown format; try .ttl, .nt or .jsonld\n", status_code=404,
                            media_type="text/plain")
        if fmt == "html" and not html_default:
            fmt = "ttl"
        graph = await description(request)
        if fmt != "html":
            data = graph.serialize(format=RDFLIB_FORMATS[fmt], encoding="utf-8")
            return Response(data, media_type=negotiation.media_type(fmt),
                            headers={"Vary": "Accept", "Access-Control-Allow-Origin": "*"})
        order = {f"{DATASET}/distribution/{fmt}": i for i, fmt in enumerate(DUMP_FORMATS)}
        distributions = sorted(graph.objects(DATASET, DCAT.distribution),
                               key=lambda d: order.get(str(d), len(order)))
        return context.render(
            request, "dataset.html", graph=graph, dataset=DATASET, linkset=LINKSET,
            distributions=distributions, DCAT=DCAT, DCTERMS=DCTERMS, VOID=VOID, RDF=RDF,
            URIRef=URIRef)
    return handler
