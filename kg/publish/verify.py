"""Checks that the target holds what the build holds: triples per graph, and (on request)
the same answers to the competency questions.

Answers are compared as multisets of rows after the differences stores may legitimately make
are taken out: a plain literal and an xsd:string one are the same, language tags are compared
in lower case, and integers by value (a store may answer COUNT as xsd:int or xsd:integer).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDF, XSD

from kg.paths import QUERIES_DIR
from kg.publish.graphs import short_name
from kg.publish.target import Target

STRING_TYPES = {str(XSD.string), str(RDF.langString)}
INTEGER_TYPES = {str(XSD[t]) for t in ("integer", "int", "long", "short", "byte",
                                       "nonNegativeInteger", "positiveInteger", "unsignedInt",
                                       "unsignedLong")}
Row = tuple[str, ...]


def count_differences(local: dict[str, int], remote: dict[str, int]) -> list[str]:
    """One line per graph whose triple count on the target is not the build's."""
    problems = []
    for name in sorted(set(local) | set(remote)):
        here, there = local.get(name, 0), remote.get(name, 0)
        if here != there:
            problems.append(f"{short_name(name)}: {here} triples in the build, {there} on the "
                            f"target")
    return problems


def competency_questions() -> list[Path]:
    return sorted(QUERIES_DIR.glob("cq-*.rq"))


def compare_answers(store: ox.Store, target: Target, query_file: Path) -> str | None:
    """None when the target answers the query as the build does, else what differs."""
    text = query_file.read_text(encoding="utf-8")
    variables, bindings = target.select(text)
    remote = Counter(_remote_row(b, variables) for b in bindings)
    local = Counter(_local_rows(store, text, variables))
    if remote == local:
        return None
    missing, extra = local - remote, remote - local
    example = " | ".join(next(iter(missing or extra)))
    if len(example) > 240:
        example = example[:239] + "…"
    return (f"{query_file.name}: {sum(local.values())} rows in the build, "
            f"{sum(remote.values())} on the target; {sum(missing.values())} missing there, "
            f"{sum(extra.values())} only there, e.g. {example}")


def _local_rows(store: ox.Store, text: str, variables: list[str]) -> list[Row]:
    solutions = store.query(text, use_default_graph_as_union=True)
    assert isinstance(solutions, ox.QuerySolutions), "competency questions are SELECT queries"
    return [tuple(_local_term(solution[v]) for v in variables) for solution in solutions]


def _local_term(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return "_:"
    return _literal(term.value, term.language, term.datatype.value)


def _remote_row(binding: dict, variables: list[str]) -> Row:
    return tuple(_remote_term(binding.get(v)) for v in variables)


def _remote_term(cell: dict | None) -> str:
    if cell is None:
        return ""
    kind = cell.get("type")
    if kind == "uri":
        return f"<{cell['value']}>"
    if kind == "bnode":
        return "_:"
    return _literal(cell["value"], cell.get("xml:lang"), cell.get("datatype", str(XSD.string)))


def _literal(value: str, language: str | None, datatype: str) -> str:
    if language:
        return f'"{value}"@{language.lower()}'
    if datatype in STRING_TYPES:
        return f'"{value}"'
    if datatype in INTEGER_TYPES:
        try:
            return f'"{int(value)}"^^integer'
        except ValueError:
            pass
    return f'"{value}"^^<{datatype}>'
