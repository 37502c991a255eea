"""Which SPARQL queries the endpoint passes on: SERVICE only to the federation's endpoints.

Oxigraph evaluates `SERVICE <iri>` by sending the query to that IRI, so an open endpoint is an
open proxy: to internal services, to any port of any machine. Each query is therefore read by
a real SPARQL parser (rdflib's) before it reaches oxigraph, and every SERVICE in it (in
subqueries, EXISTS, OPTIONAL, anywhere) must name one of the configured endpoints by an
absolute IRI; a variable, a relative IRI or any other endpoint is refused before any connection
is made.

Parsing is slow (rdflib's parser takes 10-300 ms for the competency questions), so two things
keep it off the common path. A query whose text does not contain the letters `service` (in
any case, after SPARQL's \\u escapes are undone, as a parser undoes them) cannot hold a
SERVICE clause, since the keyword can be written no other way; it passes unparsed. The verdict
on a query that names SERVICE is cached by its text. A query that names SERVICE but that
rdflib cannot parse is refused: what cannot be checked does not pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from pyparsing import ParseResults
from rdflib.plugins.sparql.algebra import translatePrologue
from rdflib.plugins.sparql.parser import parseQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import URIRef, Variable

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class Refused(Exception):
    """The query may not be run here; the message says why (answered with HTTP 400)."""


def check(query: str, allowed: frozenset[str]) -> None:
    """Raise Refused unless every SERVICE of the query names an allowed endpoint."""
    if names_service(query):
        verdict = _verdict(query, allowed)
        if verdict:
            raise Refused(verdict)


def names_service(query: str) -> bool:
    """Whether the query may hold a SERVICE clause (else it needs no parsing)."""
    return "service" in _unescaped(query).lower()


def _unescaped(query: str) -> str:
    """The query with its codepoint escapes undone (SPARQL 1.1, section 19.2)."""
    if "\\" not in query:
        return query
    return _ESCAPE.sub(lambda m: _codepoint(m.group(1) or m.group(2)), query)


def _codepoint(digits: str) -> str:
    try:
        return chr(int(digits, 16))
    except (ValueError, OverflowError):
        return ""


@lru_cache(maxsize=4096)
def _verdict(query: str, allowed: frozenset[str]) -> str:
    """Why the query is refused, or "" when it may run."""
    try:
        tree = parseQuery(query)
        prologue = translatePrologue(tree[0], None)
        endpoints = [_endpoint(term, prologue) for term in _services(tree)]
    except Exception as error:  # rdflib raises more than ParseException on odd input
        return ("the query names SERVICE, and it could not be parsed to check where it would "
                f"send requests ({_first_line(error)})")
    shown = ", ".join(sorted(allowed)) or "none"
    if endpoints and prologue.base:
        return ("BASE is not allowed in a query with SERVICE (the endpoint's IRI must be "
                "written out, or as a prefixed name)")
    for endpoint in endpoints:
        if endpoint is None:
            return (f"SERVICE with a variable is not allowed here; federated queries may only "
                    f"name these endpoints: {shown}")
        if endpoint not in allowed:
            return (f"SERVICE <{endpoint}> is not allowed here; federated queries may only "
                    f"name these endpoints: {shown}")
    return ""


def _services(node: object) -> Iterable[object]:
    """The endpoint term of every SERVICE clause in the parse tree, however deep."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, CompValue):
            if item.name == "ServiceGraphPattern":
                yield item.get("term")
            stack.extend(item.values())
        elif isinstance(item, ParseResults | list | tuple):
            stack.extend(item)


def _endpoint(term: object, prologue) -> str | None:
    """The absolute IRI a SERVICE names (prefixes and BASE applied), None for a variable."""
    if isinstance(term, Variable):
        return None
    if isinstance(term, URIRef):
        return str(term)  # as written: a relative IRI is never one of the allowed
    if isinstance(term, CompValue):
        return str(prologue.absolutize(term))
    raise ValueError(f"unexpected SERVICE term {term!r}")


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:200] if text else type(error).__name__
