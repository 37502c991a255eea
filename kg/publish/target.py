"""The target store as publishing needs it: replace a graph, delete one, ask a query.

A graph is never written in place: its new version goes to a staging graph first, and one
SPARQL Update `MOVE` puts it over the old one. Neither Virtuoso nor Oxigraph makes a Graph
Store Protocol PUT atomic (a PUT that fails half-way leaves the graph half-loaded or empty),
while both run one update request as one transaction; so a failure leaves the graph as it was.
The new version reaches the staging graph in one of two ways:
  gsp     SPARQL 1.1 Graph Store HTTP Protocol: one PUT ?graph=STAGING with the whole graph
          (Oxigraph, Fuseki, Virtuoso, GraphDB, RDF4J, QLever).
  update  SPARQL 1.1 Update only, for stores without the Graph Store Protocol: a graph of up
          to UPDATE_CHUNK_TRIPLES is replaced by one DROP + INSERT DATA request; a larger one
          is inserted into the staging graph in chunks.
Staging graphs are named graph/staging/<hash>; one left behind by an interrupted publish is
deleted by the next (it is a graph of ours the build does not have).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from kg.publish.client import Client, PublishError
from kg.publish.graphs import GRAPH_PREFIX, LocalGraph

UPDATE_CHUNK_TRIPLES = 20_000
NTRIPLES = "application/n-triples"
RESULTS_JSON = "application/sparql-results+json"

# The query and update endpoints beside the endpoint written to, by its path's ending.
_BESIDE = {
    "/store": ("/query", "/update"),                                  # Oxigraph
    "/data": ("/query", "/update"),                                   # Fuseki
    "/update": ("/query", "/update"),                                 # Oxigraph, Fuseki
    "/sparql-graph-crud-auth": ("/sparql-auth", "/sparql-auth"),      # Virtuoso
    "/sparql-graph-crud": ("/sparql", "/sparql"),                     # Virtuoso, anonymous
    "/sparql-auth": ("/sparql-auth", "/sparql-auth"),                 # Virtuoso (update)
    "/rdf-graphs/service": ("", "/statements"),                       # GraphDB, RDF4J
    "/statements": ("", "/statements"),                               # GraphDB, RDF4J (update)
}


def endpoints_beside(url: str) -> tuple[str, str] | None:
    """The SPARQL query and update endpoints that go with a write endpoint of a known store."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    for suffix, (query, update) in _BESIDE.items():
        if path.endswith(suffix):
            base = path[:-len(suffix)]
            return (urlunsplit(parts._replace(path=base + query)),
                    urlunsplit(parts._replace(path=base + update)))
    return None


def staging_name(graph: LocalGraph) -> str:
    return f"{GRAPH_PREFIX}staging/{graph.sha256[:16]}"


@dataclass
class Target:
    client: Client
    url: str
    query_url: str
    update_url: str
    protocol: str = "gsp"

    def replace(self, graph: LocalGraph) -> None:
        if self.protocol == "update" and graph.triples <= UPDATE_CHUNK_TRIPLES:
            self.update(f"DROP SILENT GRAPH <{graph.name}> ;\n"
                        f"INSERT DATA {{ GRAPH <{graph.name}> {{\n{graph.body.decode()}}} }}")
            return
        staging = staging_name(graph)
        try:
            if self.protocol == "gsp":
                self.client.request("PUT", self.url, params={"graph": staging},
                                    content=graph.body, headers={"Content-Type": NTRIPLES})
            else:
                self._insert_in_chunks(graph, staging)
        except PublishError:
            with contextlib.suppress(PublishError):
                self.delete(staging)
            raise
        self.update(f"MOVE GRAPH <{staging}> TO GRAPH <{graph.name}>")

    def _insert_in_chunks(self, graph: LocalGraph, staging: str) -> None:
        self.update(f"DROP SILENT GRAPH <{staging}>")
        lines = graph.body.decode().splitlines(keepends=True)
        for start in range(0, len(lines), UPDATE_CHUNK_TRIPLES):
            chunk = "".join(lines[start:start + UPDATE_CHUNK_TRIPLES])
            self.update(f"INSERT DATA {{ GRAPH <{staging}> {{\n{chunk}}} }}")

    def delete(self, name: str) -> None:
        if self.protocol == "gsp":
            self.client.request("DELETE", self.url, params={"graph": name}, allow=(404,))
        else:
            self.update(f"DROP SILENT GRAPH <{name}>")

    def update(self, text: str) -> None:
        self.client.request("POST", self.update_url, content=text.encode("utf-8"),
                            headers={"Content-Type": "application/sparql-update"})

    def select(self, query: str, first: bool = False) -> tuple[list[str], list[dict]]:
        """Variables and bindings (SPARQL 1.1 JSON results) of a SELECT query."""
        response = self.client.request("POST", self.query_url, data={"query": query},
                                       headers={"Accept": RESULTS_JSON},
                                       retry_connect=not first)
        try:
            answer = response.json()
            return list(answer["head"]["vars"]), list(answer["results"]["bindings"])
        except (ValueError, KeyError, TypeError) as error:
            raise PublishError(f"{self.query_url}: the answer is not SPARQL JSON results "
                               f"({response.headers.get('content-type')})") from error

    def counts(self, first: bool = False) -> dict[str, int]:
        """Triples per graph of ours on the target (graphs under the graph/ namespace)."""
        query = (f'SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                 f'FILTER (STRSTARTS(STR(?g), "{GRAPH_PREFIX}")) }} GROUP BY ?g')
        _, rows = self.select(query, first=first)
        try:
            return {row["g"]["value"]: int(row["n"]["value"]) for row in rows}
        except (KeyError, ValueError) as error:
            raise PublishError(f"{self.query_url}: unexpected answer to the count of "
                               f"triples per graph") from error
