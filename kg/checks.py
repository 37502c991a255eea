"""Violation checks after a patch, run only where the patch could have made a violation.

A published build's store answers every `queries/violation-*.rq` with no rows, so after a
patch (kg/patch.py) a row can only involve what the patch touched: the subject or IRI object
of a triple it added to or removed from some graph. `queries/scope-violation-NAME.rq` says,
for `violation-NAME.rq`, which values of one of its variables such a row can have: a SELECT
of that variable in which each `VALUES ?touched {}` is filled with the touched IRIs. The
check then runs with `VALUES ?variable { … }` at the start of each of its `WHERE` and `MINUS`
groups (each must bind the variable, or the restriction would mean something else). A check without
a scope query runs over the whole store. A scope must reach every row a patch can make,
removals included (a removed triple can make a MINUS or NOT EXISTS hold): each scope query's
comment says why it does; tests/test_checks.py builds such cases.
"""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox

EMPTY_TOUCHED = re.compile(r"VALUES\s+\?touched\s*\{\s*\}")
GROUP = re.compile(r"\b(?:WHERE|MINUS)\s*\{")
BATCH = 2000  # IRIs a VALUES clause holds


def scope_of(check: Path) -> Path:
    return check.with_name("scope-" + check.name)


def restricted(check: Path, store: ox.Store, touched: set[str] | None) -> str | None:
    """The check's query, restricted to what a patch touched (unrestricted when `touched`
    is None or it has no scope query); None when no row is possible."""
    query = check.read_text(encoding="utf-8")
    scope = scope_of(check)
    if touched is None or not scope.exists():
        return query
    if not touched:
        return None
    variable, values = _scope_values(scope.read_text(encoding="utf-8"), store, sorted(touched))
    if not values:
        return None
    clause = f"VALUES ?{variable} {{ {' '.join(sorted(values))} }}"
    return _in_every_where(query, clause)


def _scope_values(scope: str, store: ox.Store, touched: list[str]) -> tuple[str, set[str]]:
    values: set[str] = set()
    variable = ""
    for start in range(0, len(touched), BATCH):
        clause = "VALUES ?touched { " + " ".join(touched[start:start + BATCH]) + " }"
        filled = EMPTY_TOUCHED.sub(clause.replace("\\", "\\\\"), scope)
        result = store.query(filled, use_default_graph_as_union=True)
        if not isinstance(result, ox.QuerySolutions) or len(result.variables) != 1:
            raise ValueError("a scope query must be a SELECT of one variable")
        variable = result.variables[0].value
        values.update(str(row[0]) for row in result if row[0] is not None)
    return variable, values


def _in_every_where(query: str, clause: str) -> str:
    """The clause at the start of each WHERE and MINUS group (comment lines left alone): a
    MINUS group is otherwise evaluated over the whole store."""
    return "\n".join(line if line.lstrip().startswith("#")
                     else GROUP.sub(lambda m: f"{m.group(0)} {clause}", line)
                     for line in query.splitlines())
