"""The pages' only way to the graph: SPARQL over HTTP to the served build's endpoint.

Queries live as `.rq` files in kg/web/sparql/; an entity's IRI enters a query only through
`iri_term`, which refuses anything that is not a plain absolute IRI.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template

import httpx

QUERY_DIR = Path(__file__).parent / "sparql"
TIMEOUT = httpx.Timeout(30.0, connect=5.0)
_IRI = re.compile(r"[a-z][a-z0-9+.\-]*:[^\s<>\"{}|\\^`]*", re.IGNORECASE)


class SparqlError(Exception):
    """The endpoint failed or refused a query of the pages."""


@dataclass(frozen=True)
class Term:
    """One value of a result row: `kind` is uri, literal or bnode."""

    kind: str
    value: str
    lang: str = ""
    datatype: str = ""

    @property
    def is_iri(self) -> bool:
        return self.kind == "uri"

    def __str__(self) -> str:
        return self.value


Row = dict[str, Term]


def iri_term(iri: str) -> str:
    """An IRI as a SPARQL term; a ValueError for anything that could break out of it."""
    if not _IRI.fullmatch(iri):
        raise ValueError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


@cache
def _template(name: str) -> Template:
    return Template((QUERY_DIR / f"{name}.rq").read_text(encoding="utf-8"))


def literal_term(text: str) -> str:
    """A string as a SPARQL literal, every character that could end it escaped."""
    escaped = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\r", "\\r"))
    return f'"{escaped}"'


def query_text(name: str, **terms: str) -> str:
    """The query `name`.rq with each `$key` replaced by the term given for it (made by
    `iri_term` or `literal_term`)."""
    return _template(name).substitute(terms)


class Sparql:
    """A client of the endpoint the front server currently serves (asked anew per query, so
    a newly published build is read at once)."""

    def __init__(self, endpoint_url: Callable[[], str]):
        self._endpoint_url = endpoint_url
        self._client = httpx.AsyncClient(timeout=TIMEOUT, trust_env=False)

    def endpoint(self) -> str:
        return self._endpoint_url()

    async def close(self) -> None:
        await self._client.aclose()

    async def _post(self, query: str, accept: str) -> httpx.Response:
        try:
            response = await self._client.post(
                self.endpoint(), data={"query": query}, headers={"Accept": accept})
        except httpx.HTTPError as error:
            raise SparqlError(f"the SPARQL endpoint cannot be reached: {error}") from error
        if response.status_code != 200:
            raise SparqlError(f"the SPARQL endpoint answered {response.status_code}: "
                              f"{response.text[:200]}")
        return response

    async def select(self, name: str, **terms: str) -> list[Row]:
        response = await self._post(query_text(name, **terms), "application/sparql-results+json")
        return [_row(binding) for binding in response.json()["results"]["bindings"]]

    async def select_values(self, name: str, iris: list[str], chunk: int = 500) -> list[Row]:
        """A query whose `$items` is filled with the given IRIs (a VALUES block), asked in
        chunks: joining a few known items is fast where one query over all would not be."""
        rows: list[Row] = []
        for start in range(0, len(iris), chunk):
            block = " ".join(iri_term(iri) for iri in iris[start:start + chunk])
            rows += await self.select(name, items=block)
        return rows

    async def ask(self, name: str, **terms: str) -> bool:
        response = await self._post(query_text(name, **terms), "application/sparql-results+json")
        return bool(response.json()["boolean"])

    async def graph(self, name: str, **terms: str) -> bytes:
        """A CONSTRUCT query's answer as N-Triples."""
        response = await self._post(query_text(name, **terms), "application/n-triples")
        return response.content


def _row(binding: dict) -> Row:
    return {name: Term(kind="uri" if v["type"] == "uri" else v["type"].replace("typed-", ""),
                       value=v["value"], lang=v.get("xml:lang", ""),
                       datatype=v.get("datatype", ""))
            for name, v in binding.items()}
