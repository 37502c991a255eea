"""Table rows: tab-separated and Markdown pipe tables, their cells and header rows."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.documents.patterns import PIPE_ROW, PIPE_SEPARATOR

BOLD_CELL = re.compile(r"(?is)^\s*(?:<(b|strong|th)>.*</\1>|\*\*.*\*\*|__.*__)\s*$")


def table_rows(lines: Sequence[str]) -> dict[int, tuple[bool, tuple[str, ...]]]:
    """Line number -> (header?, raw cells) for tab-separated and pipe table lines."""
    rows: dict[int, tuple[bool, tuple[str, ...]]] = {}
    for region in _regions(lines, lambda line: "\t" in line.strip(" ")):
        rows.update(_tab_region(lines, region))
    for region in _regions(lines, lambda line: bool(PIPE_ROW.match(line))):
        rows.update(_pipe_region(lines, region))
    return rows


def _regions(lines: Sequence[str], member: Callable[[str], bool]) -> list[list[int]]:
    """Runs of member lines (1-based numbers) that only blank lines interrupt."""
    regions: list[list[int]] = []
    current: list[int] = []
    for number, line in enumerate(lines, 1):
        if member(line):
            current.append(number)
        elif line.strip() and current:
            regions.append(current)
            current = []
    if current:
        regions.append(current)
    return regions


def _tab_region(lines: Sequence[str], region: list[int]) -> dict:
    """A tab table if at least two of its lines have two or more filled cells (a lone tab is
    indentation). The header row is marked up (bold), or else a first row of labels."""
    split = {n: _trim_cells(lines[n - 1].strip("\n").split("\t")) for n in region}
    if sum(1 for cells in split.values() if sum(1 for c in cells if c.strip()) >= 2) < 2:
        return {}
    marked = {n: _bold_row(cells) for n, cells in split.items()}
    first = region[0]
    if not any(marked.values()) and _label_row(split[first]):
        marked[first] = True
    return {n: (marked[n], tuple(split[n])) for n in region}


def _pipe_region(lines: Sequence[str], region: list[int]) -> dict:
    """A Markdown pipe table: separator lines skipped, the first row is the header."""
    rows = [n for n in region if not PIPE_SEPARATOR.match(lines[n - 1])]
    if len(rows) < 2:
        return {}
    result = {}
    for n in rows:
        inner = lines[n - 1].strip()[1:-1]
        cells = _trim_cells(re.split(r"(?<!\\)\|", inner))
        result[n] = (n == rows[0], tuple(cells))
    return result


def _trim_cells(cells: list[str]) -> list[str]:
    while len(cells) > 1 and not cells[-1].strip():
        cells.pop()
    return cells


def _bold_row(cells: Sequence[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(BOLD_CELL.match(c) for c in filled)


def _label_row(cells: Sequence[str]) -> bool:
    return all(c.strip() and len(c.strip()) <= 50 and not re.search(r"\d", c) for c in cells)
