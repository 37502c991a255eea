"""Content negotiation as linked-data servers do it: a file suffix wins, else the Accept
header chooses between HTML and the RDF formats."""

from __future__ import annotations

import pyoxigraph as ox
from starlette.requests import Request

from kg import namespaces as ns

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
MEDIA_TYPES = {"text/turtle": "ttl", "application/x-turtle": "ttl",
               "application/n-triples": "nt", "application/ld+json": "jsonld",
               "application/json": "jsonld"}
HTML_TYPES = {"text/html", "application/xhtml+xml"}


def split_suffix(path: str) -> tuple[str, str | None]:
    """`region/JP-14.ttl` -> (`region/JP-14`, `ttl`); no known suffix -> (path, None)."""
    stem, dot, suffix = path.rpartition(".")
    return (stem, suffix) if dot and suffix in RDF_FORMATS else (path, None)


def preferred(request: Request, default: str = "html") -> str:
    """`html` or an RDF format key, by the Accept header's quality values (ties: the order
    the client wrote them in)."""
    choices = []
    for position, part in enumerate(request.headers.get("accept", "").split(",")):
        media, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        media = media.strip().lower()
        fmt = "html" if media in HTML_TYPES else MEDIA_TYPES.get(media)
        if fmt and quality > 0:
            choices.append((-quality, position, fmt))
    return min(choices)[2] if choices else default


def convert(ntriples: bytes, fmt: str) -> bytes:
    """N-Triples from the endpoint in the asked format, with the project's prefixes."""
    triples = sorted(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES),
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    target = RDF_FORMATS[fmt]
    prefixes = ns.PREFIXES if target in {ox.RdfFormat.TURTLE, ox.RdfFormat.JSON_LD} else None
    data = ox.serialize(triples, format=target, prefixes=prefixes)
    assert data is not None
    return data


def media_type(fmt: str) -> str:
    return RDF_FORMATS[fmt].media_type
