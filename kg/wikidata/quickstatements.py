"""QuickStatements V1: one statement per line, tab-separated; qualifiers and then references
as property/value pairs after the statement (S-prefixed properties are the reference).

    Q111<TAB>P190<TAB>Q222<TAB>P580<TAB>+2019-05-03T00:00:00Z/11<TAB>S854<TAB>"https://…"
    <TAB>S813<TAB>+2026-11-22T00:00:00Z/11          (on one line)

Times are `+YYYY-MM-DDT00:00:00Z/P` with P the precision: 11 day, 10 month (day 00),
9 year (month and day 00). Lines of the form `/* … */` are comments that QuickStatements skips.
"""

from __future__ import annotations

import datetime as dt

from kg.wikidata.diff import Diff, Statement
from kg.wikidata.graph import Start


def time_value(start: Start) -> str:
    parts = start.lexical.lstrip("+").split("-")[:3]
    year, month, day = (*parts, "00", "00")[:3]
    return f"+{int(year):04d}-{month}-{day}T00:00:00Z/{start.precision}"


def day_value(day: dt.date) -> str:
    return time_value(Start(day.isoformat(), 11))


def string_value(text: str) -> str:
    if any(c in text for c in '"\t\n\r'):
        raise ValueError(f"cannot be written as a QuickStatements string: {text!r}")
    return f'"{text}"'


def statement_line(statement: Statement, retrieved: dt.date) -> str:
    cells = [statement.item, "P190", statement.twin]
    if statement.start is not None:
        cells += ["P580", time_value(statement.start)]
    cells += ["S854", string_value(statement.source), "S813", day_value(retrieved)]
    return "\t".join(cells)


def comment(text: str) -> str:
    return f"/* {text.replace('*/', '* /')} */"


def batch(result: Diff, retrieved: dt.date) -> str:
    """The comment header (what was not written, and why), then the statements, sorted."""
    lines = [comment(f"kg wikidata-diff: {len(result.statements)} missing P190 statements; "
                     f"reference date (S813) {retrieved.isoformat()}")]
    for title, notes in (("not written, a side has no Wikidata item", result.unlinked),
                         ("not written, not a twinning of administrative bodies",
                          result.not_twinned),
                         ("already in Wikidata", result.present)):
        lines += [comment(f"{title}: {note}") for note in sorted(notes)]
    ordered = sorted(result.statements, key=lambda s: (int(s.item[1:]), int(s.twin[1:])))
    lines += [statement_line(s, retrieved) for s in ordered]
    return "\n".join(lines) + "\n"
