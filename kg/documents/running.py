"""Running headers, footers and page numbers, found where pages meet, so they can be dropped.

In a PDF the pages are known; in text rendered from a PDF, runs of empty lines mark them.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence

from kg.documents.patterns import PAGE_NUMBER

BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


def running_lines(lines: Sequence[str], pages: Sequence[int]) -> set[int]:
    """Indices of running headers/footers and page numbers: a line that repeats (digits
    normalised) among the top or bottom two lines of most pages, or a page-number line there."""
    edges = _page_edges(lines, pages)
    counts: Counter[str] = Counter()
    for indices in edges.values():
        counts.update({_normalise_running(lines[i]) for i in indices})
    needed = max(2, math.ceil(0.5 * len(set(pages))))
    removed = set()
    for indices in edges.values():
        for i in indices:
            if counts[_normalise_running(lines[i])] >= needed or _page_number(lines[i]):
                removed.add(i)
    return removed


def _page_edges(lines: Sequence[str], pages: Sequence[int]) -> dict[int, list[int]]:
    by_page: dict[int, list[int]] = {}
    for index, (line, page) in enumerate(zip(lines, pages, strict=True)):
        if line.strip():
            by_page.setdefault(page, []).append(index)
    return {page: idx[:2] + idx[-2:] if len(idx) > 4 else idx for page, idx in by_page.items()}


def without_running_lines(lines: Sequence[str]) -> list[str]:
    """PDF text: lines that stand only at page breaks (runs of two or more empty lines) and
    repeat there, digits aside (running headers such as "Drucksache 21/1187 ... Wahlperiode"),
    and page numbers there, become empty lines; line numbers stay as they are. The top of the
    first page may hold the same line (the header of every page) and keeps it."""
    edges = _page_break_edges(lines)
    at_edges = Counter(_normalise_running(lines[i]) for i in edges)
    text = [i for i, line in enumerate(lines) if line.strip()]
    first_page = [i for i in text if i < min(edges, default=0)]
    at_top = Counter(_normalise_running(lines[i]) for i in first_page)
    everywhere = Counter(_normalise_running(lines[i]) for i in text)

    def running(line: str) -> bool:
        key = _normalise_running(line)
        return _page_number(line) or (
            at_edges[key] >= 2 and at_edges[key] + at_top[key] == everywhere[key])

    return ["" if i in edges and running(line) else line for i, line in enumerate(lines)]


def _page_break_edges(lines: Sequence[str]) -> set[int]:
    """Indices of the two text lines before and after each run of two or more empty lines."""
    text = [i for i, line in enumerate(lines) if line.strip()]
    edges: set[int] = set()
    for position, (before, after) in enumerate(itertools.pairwise(text)):
        gap = lines[before + 1 : after]
        if any(a == b == "" for a, b in itertools.pairwise(gap)):
            edges.update(text[max(position - 1, 0) : position + 3])
    return edges


def _normalise_running(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.strip().lower()))


def _page_number(line: str) -> bool:
    return bool(PAGE_NUMBER.match(line) or BARE_NUMBER.match(line))
