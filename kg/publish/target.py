"""The target store as publishing needs it: replace a graph, delete one, ask a query.

Two ways to write, for the two kinds of stores:
  gsp     SPARQL 1.1 Graph Store HTTP Protocol: PUT ?graph=IRI with the whole graph, which the
          store applies as one replacement (Oxigraph, Fuseki, Virtuoso, GraphDB, QLever).
  update  SPARQL 1.1 Update, for stores without GSP: DROP + INSERT DATA in one request; a large
          graph is inserted in chunks into a staging graph first and then MOVEd over the old
          one, so readers never see it half-written.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from kg.publish.client import Client, PublishError
from kg.publish.graphs import GRAPH_PREFIX, LocalGraph

PROTOCOLS = ("gsp", "update")
UPDATE_CHUNK_TRIPLES = 20_000
NTRIPLES = "application/n-triples"
RESULTS_JSON = "application/sparql-results+json"

# Where each store keeps its query endpoint beside the one we write to (path suffixes).
_QUERY_BESIDE = {
    "/store": "/query",                               # Oxigraph
    "/update": "/query",                              # Oxigraph, Fuseki (update protocol)
    "/data": "/query",                                # Fuseki
    "/sparql-graph-crud-auth": "/sparql-auth",        # Virtuoso
    "/sparql-graph-crud": "/sparql",                  # Virtuoso, no authentication
    "/sparql-auth": "/sparql-auth",                   # Virtuoso (update protocol)
    "/sparql": "/sparql",
    "/rdf-graphs/service": "",                        # GraphDB, RDF4J: .../repositories/X
}


def query_endpoint_beside(url: str) -> str | None:
    """The SPARQL query endpoint that goes with a write endpoint of a known store."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    for suffix, replacement in _QUERY_BESIDE.items():
        if path.endswith(suffix):
            return urlunsplit(parts._replace(path=path[:-len(suffix)] + replacement))
    return None


@dataclass
class Target:
    client: Client
    url: str
    query_url: str
    protocol: str = "gsp"

    def replace(self, graph: LocalGraph) -> None:
        if self.protocol == "gsp":
            self.client.request("PUT", self.url, params={"graph": graph.name},
                                content=graph.body, headers={"Content-Type": NTRIPLES})
        elif graph.triples <= UPDATE_CHUNK_TRIPLES:
            self.update(f"DROP SILENT GRAPH <{graph.name}> ;\n"
                        f"INSERT DATA {{ GRAPH <{graph.name}> {{\n{graph.body.decode()}}} }}")
        else:
            self._replace_in_chunks(graph)

    def _replace_in_chunks(self, graph: LocalGraph) -> None:
        staging = f"{GRAPH_PREFIX}staging/{graph.sha256[:16]}"
        self.update(f"DROP SILENT GRAPH <{staging}>")
        lines = graph.body.decode().splitlines(keepends=True)
        for start in range(0, len(lines), UPDATE_CHUNK_TRIPLES):
            chunk = "".join(lines[start:start + UPDATE_CHUNK_TRIPLES])
            self.update(f"INSERT DATA {{ GRAPH <{staging}> {{\n{chunk}}} }}")
        self.update(f"MOVE GRAPH <{staging}> TO GRAPH <{graph.name}>")

    def delete(self, name: str) -> None:
        if self.protocol == "gsp":
            self.client.request("DELETE", self.url, params={"graph": name}, allow=(404,))
        else:
            self.update(f"DROP SILENT GRAPH <{name}>")

    def update(self, text: str) -> None:
        self.client.request("POST", self.url, content=text.encode("utf-8"),
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
