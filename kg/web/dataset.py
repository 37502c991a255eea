"""The dataset described for machines: VoID (counts, partitions, the Wikidata linkset, the
endpoint and the dumps) and DCAT-AP.de (licence, publisher, coverage, distributions), from
the fixed description in dataset.ttl plus SPARQL over the served build."""

from __future__ import annotations

import calendar
import datetime as dt
from pathlib import Path

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF, XSD

from kg import namespaces as ns
from kg.web.dumps import DUMP_FORMATS, FILE_NAMES, Dump
from kg.web.sparql import Row, Sparql

VOID = Namespace("http://rdfs.org/ns/void#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
FIXED = Path(__file__).parent / "dataset.ttl"
DATASET = URIRef(ns.BASE + "dataset")
LINKSET = URIRef(ns.BASE + "dataset/wikidata-links")
LICENCE = URIRef("http://dcat-ap.de/def/licenses/cc-by/4.0")
EU_COUNTRY_DE = URIRef("http://publications.europa.eu/resource/authority/country/DEU")
FORMAT_NAMES = {"ttl": "Turtle", "trig": "TriG", "nq": "N-Quads", "jsonld": "JSON-LD"}
FILE_TYPES = {"ttl": "RDF_TURTLE", "trig": "RDF_TRIG", "nq": "RDF_N_QUADS",
              "jsonld": "JSON_LD"}
MEDIA_TYPES = {"ttl": "text/turtle", "trig": "application/trig",
               "nq": "application/n-quads", "jsonld": "application/ld+json"}


async def describe(sparql: Sparql, base_url: str, dumps: list[Dump],
                   modified: dt.datetime | None) -> Graph:
    """The whole description; `base_url` is where this server is reached (for its URLs)."""
    graph = Graph()
    graph.parse(FIXED, format="turtle")
    for prefix, namespace in (("void", VOID), ("dcat", DCAT), ("dcatde", DCATDE),
                              ("spdx", SPDX), ("sd", SD), ("pg", ns.PG)):
        graph.bind(prefix, namespace)
    base = base_url.rstrip("/")
    endpoint = URIRef(f"{base}/query")
    graph.add((DATASET, VOID.sparqlEndpoint, endpoint))
    _service(graph, endpoint)
    await _statistics(graph, sparql)
    await _coverage(graph, sparql)
    _distributions(graph, base, endpoint, {d.fmt: d for d in dumps})
    if modified is not None:
        graph.add((DATASET, DCTERMS.modified,
                   Literal(modified.replace(microsecond=0).isoformat(),
                           datatype=XSD.dateTime)))
    return graph


def _service(graph: Graph, endpoint: URIRef) -> None:
    """The SPARQL service description names the dataset it serves."""
    service = URIRef(str(endpoint) + "#service")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, endpoint))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    described = BNode("default-dataset")
    graph.add((service, SD.defaultDataset, described))
    graph.add((described, RDF.type, SD.Dataset))
    graph.add((described, DCTERMS.source, DATASET))


async def _statistics(graph: Graph, sparql: Sparql) -> None:
    totals = (await sparql.select("void-totals"))[0]
    graph.add((DATASET, VOID.triples, _count(totals, "triples")))
    graph.add((DATASET, VOID.distinctSubjects, _count(totals, "subjects")))
    graph.add((DATASET, VOID.subset, LINKSET))
    graph.add((LINKSET, VOID.triples, _count(totals, "links")))
    classes = await sparql.select("void-classes")
    properties = await sparql.select("void-properties")
    graph.add((DATASET, VOID.classes, Literal(len(classes))))
    graph.add((DATASET, VOID.properties, Literal(len(properties))))
    for row in classes:
        part = URIRef(f"{DATASET}/class/{ns.short_hash(row['class'].value)}")
        graph.add((DATASET, VOID.classPartition, part))
        graph.add((part, VOID["class"], URIRef(row["class"].value)))
        graph.add((part, VOID.entities, _count(row, "n")))
    for row in properties:
        part = URIRef(f"{DATASET}/property/{ns.short_hash(row['p'].value)}")
        graph.add((DATASET, VOID.propertyPartition, part))
        graph.add((part, VOID.property, URIRef(row["p"].value)))
        graph.add((part, VOID.triples, _count(row, "n")))


async def _coverage(graph: Graph, sparql: Sparql) -> None:
    """Temporal: the span of the dated agreements and events; spatial: Germany and the
    Länder the documents come from."""
    span = (await sparql.select("temporal"))[0]
    if "start" in span and "end" in span:
        period = URIRef(f"{DATASET}/temporal")
        graph.add((DATASET, DCTERMS.temporal, period))
        graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
        graph.add((period, DCAT.startDate, Literal(first_day(span["start"].value),
                                                   datatype=XSD.date)))
        graph.add((period, DCAT.endDate, Literal(last_day(span["end"].value),
                                                 datatype=XSD.date)))
    graph.add((DATASET, DCTERMS.spatial, EU_COUNTRY_DE))
    for row in await sparql.select("laender"):
        graph.add((DATASET, DCTERMS.spatial, URIRef(row["land"].value)))


def first_day(lexical: str) -> dt.date:
    """The first day a date of year, month or day precision can mean."""
    parts = [int(p) for p in lexical[:10].split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(lexical: str) -> dt.date:
    """The last day a date of year, month or day precision can mean."""
    parts = [int(p) for p in lexical[:10].split("-")]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(parts[0], month)[1]
    return dt.date(parts[0], month, day)


def _distributions(graph: Graph, base: str, endpoint: URIRef, made: dict[str, Dump]) -> None:
    for fmt in DUMP_FORMATS:
        url = URIRef(f"{base}/dumps/{FILE_NAMES[fmt]}")
        dist = URIRef(f"{DATASET}/distribution/{fmt}")
        graph.add((DATASET, DCAT.distribution, dist))
        graph.add((DATASET, VOID.dataDump, url))
        _distribution(graph, dist, f"{base}/dumps/", FORMAT_NAMES[fmt])
        graph.add((dist, DCAT.downloadURL, url))
        graph.add((dist, DCTERMS.format, URIRef(
            f"http://publications.europa.eu/resource/authority/file-type/{FILE_TYPES[fmt]}")))
        graph.add((dist, DCAT.mediaType, URIRef(
            f"https://www.iana.org/assignments/media-types/{MEDIA_TYPES[fmt]}")))
        dump = made.get(fmt)
        if dump is not None:
            graph.add((dist, DCAT.byteSize, Literal(dump.size, datatype=XSD.nonNegativeInteger)))
            checksum = URIRef(f"{dist}/checksum")
            graph.add((dist, SPDX.checksum, checksum))
            graph.add((checksum, RDF.type, SPDX.Checksum))
            graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
            graph.add((checksum, SPDX.checksumValue, Literal(dump.sha256,
                                                             datatype=XSD.hexBinary)))
    service = URIRef(f"{DATASET}/distribution/sparql")
    graph.add((DATASET, DCAT.distribution, service))
    _distribution(graph, service, str(endpoint), "SPARQL")
    graph.add((service, DCAT.accessService, URIRef(str(endpoint) + "#service")))


def _distribution(graph: Graph, dist: URIRef, access: str, name: str) -> None:
    graph.add((dist, RDF.type, DCAT.Distribution))
    graph.add((dist, DCAT.accessURL, URIRef(access)))
    graph.add((dist, DCTERMS.title, Literal(f"Partnerschaftsgraph ({name})", lang="de")))
    graph.add((dist, DCTERMS.title, Literal(f"Partnerschaftsgraph ({name})", lang="en")))
    graph.add((dist, DCTERMS.license, LICENCE))


def _count(row: Row, name: str) -> Literal:
    term = row.get(name)
    return Literal(int(term.value) if term is not None else 0, datatype=XSD.integer)
