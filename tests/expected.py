"""Expected query results (queries/*.expected.tsv) and their comparison with actual results.

The files are SPARQL TSV results with two extensions: a cell `*` matches any bound value, a
cell `~pattern` a value whose lexical form contains a match of the regular expression. IRIs
under the project's base may be written relative to it. See queries/README.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.namespaces import BASE

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass
class Expected:
    variables: list[str]
    rows: list[list[str]]
    subset: bool


def read_expected(path: Path) -> Expected:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [v.lstrip("?") for v in lines[0].split("\t")]
    subset = any(line.strip() == "# match: subset" for line in lines)
    rows = [_cells(line, len(header)) for line in lines[1:]
            if line.strip() and not line.startswith("#")]
    return Expected(header, rows, subset)


def _cells(line: str, width: int) -> list[str]:
    cells = line.split("\t")
    if len(cells) != width:
        raise ValueError(f"{width} cells expected, {len(cells)} found: {line!r}")
    return [_absolute(cell) for cell in cells]


def _absolute(cell: str) -> str:
    return re.sub(r"^<(id/[^>]*)>$", lambda m: f"<{BASE}{m.group(1)}>", cell)


def term(binding: dict | None) -> str:
    """A SPARQL JSON results binding in the Turtle syntax the expected files use."""
    if binding is None:
        return ""
    value = binding["value"]
    if binding["type"] == "uri":
        return f"<{value}>"
    if binding["type"] == "bnode":
        return f"_:{value}"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    if "xml:lang" in binding:
        return f'"{escaped}"@{binding["xml:lang"]}'
    datatype = binding.get("datatype")
    if datatype and datatype != XSD_STRING:
        return f'"{escaped}"^^<{datatype}>'
    return f'"{escaped}"'


def lexical(cell: str) -> str:
    if cell.startswith("<"):
        return cell[1:-1]
    match = re.match(r'^"(.*)"(?:@[\w-]+|\^\^<[^>]*>)?$', cell, re.S)
    return match.group(1).replace('\\"', '"').replace("\\\\", "\\") if match else cell


def cell_matches(expected: str, actual: str) -> bool:
    if expected == "*":
        return actual != ""
    if expected.startswith("~"):
        return actual != "" and re.search(expected[1:], lexical(actual)) is not None
    return expected == actual


def row_matches(expected: list[str], actual: list[str]) -> bool:
    return all(cell_matches(e, a) for e, a in zip(expected, actual, strict=True))


def compare(expected: Expected, actual: list[list[str]]) -> tuple[list, list]:
    """(missing expected rows, unexpected actual rows), by a maximum matching of rows."""
    match_of_actual: dict[int, int] = {}

    def assign(index: int, seen: set[int]) -> bool:
        for candidate, row in enumerate(actual):
            if candidate in seen or not row_matches(expected.rows[index], row):
                continue
            seen.add(candidate)
            if candidate not in match_of_actual or assign(match_of_actual[candidate], seen):
                match_of_actual[candidate] = index
                return True
        return False

    missing = [row for index, row in enumerate(expected.rows) if not assign(index, set())]
    unexpected = [] if expected.subset else \
        [row for i, row in enumerate(actual) if i not in match_of_actual]
    return missing, unexpected
