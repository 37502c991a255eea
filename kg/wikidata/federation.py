"""Federated queries: a SPARQL client that never mistakes a broken answer for an empty one,
and the rewriting that points a query's Wikidata SERVICE at another endpoint.

Oxigraph answers a query whose SERVICE (without SILENT) fails with HTTP 200 and a body cut off
after the results' head; `ask` raises IncompleteAnswer for it. SERVICE SILENT instead yields the
graph's rows with the Wikidata variables unbound (see docs/wikidata.md).

    python -m kg.wikidata.federation QUERY.rq [ENDPOINT]

prints the query with its Wikidata SERVICE pointed at ENDPOINT (default: $KG_WIKIDATA_SPARQL).
"""

from __future__ import annotations

import os
import re
import sys

import requests

from kg.wikidata import client
from kg.wikidata.client import IncompleteAnswer
from kg.wikidata.config import SPARQL_ENV, WIKIDATA_SPARQL

__all__ = ["IncompleteAnswer", "ask", "use_endpoint"]

_SERVICE = re.compile(r"(SERVICE\s+(?:SILENT\s+)?)<" + re.escape(WIKIDATA_SPARQL) + ">",
                      re.IGNORECASE)
_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+")


def use_endpoint(query: str, endpoint: str) -> str:
    """The query with every `SERVICE [SILENT] <https://query.wikidata.org/sparql>` pointed at
    `endpoint` instead (a mirror, a local test server)."""
    if not _IRI.fullmatch(endpoint):
        raise ValueError(f"not an http(s) endpoint IRI: {endpoint!r}")
    return _SERVICE.sub(lambda match: f"{match.group(1)}<{endpoint}>", query)


def ask(endpoint: str, query: str,
        session: requests.Session | None = None) -> list[dict[str, str]]:
    """Run a SELECT query; each row maps a bound variable to its value (IRI or lexical form).

    Raises WikidataUnreachable when the endpoint does not answer and IncompleteAnswer when the
    answer is not a complete SPARQL JSON result."""
    body = client.request_json(session or client.session(), "POST", endpoint,
                               data={"query": query},
                               headers={"Accept": "application/sparql-results+json"})
    return [{name: term["value"] for name, term in binding.items()}
            for binding in _bindings(body, endpoint)]


def _bindings(body: object, endpoint: str) -> list[dict]:
    try:
        bindings = body["results"]["bindings"]  # type: ignore[index]
        variables = body["head"]["vars"]  # type: ignore[index]
    except (KeyError, TypeError) as error:
        raise IncompleteAnswer(f"{endpoint}: not a SPARQL SELECT result") from error
    if not isinstance(variables, list) or not isinstance(bindings, list) \
            or not all(isinstance(b, dict) for b in bindings):
        raise IncompleteAnswer(f"{endpoint}: malformed SPARQL results")
    return bindings


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print("usage: python -m kg.wikidata.federation QUERY.rq [ENDPOINT]", file=sys.stderr)
        return 2
    endpoint = argv[1] if len(argv) == 2 else os.environ.get(SPARQL_ENV, WIKIDATA_SPARQL)
    with open(argv[0], encoding="utf-8") as handle:
        sys.stdout.write(use_endpoint(handle.read(), endpoint))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
