"""Flowing layouts (a PDF's text layer, PDF text): each text line with whether a paragraph
break or a footnote rule stands before it, read from gaps, whitespace lines and line widths."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kg.documents.patterns import PAGE_NUMBER, SEPARATOR, closed
from kg.documents.running import running_lines


def has_ws_breaks(lines: Sequence[str]) -> bool:
    """PDF text that marks paragraphs with whitespace-only lines (two or more of them)."""
    return sum(1 for line in lines if line and not line.strip()) >= 2


def ws_spaced(lines: Sequence[str]) -> bool:
    """Most text lines are followed by a whitespace-only line: that line is line spacing."""
    text = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    followed = sum(1 for i in text if lines[i + 1] and not lines[i + 1].strip())
    return bool(text) and followed / len(text) >= 0.6


@dataclass(frozen=True)
class Item:
    """A text line of a flowing layout: whether a paragraph break or a footnote separator
    stands before it."""

    number: int
    text: str
    brk: bool = False
    separator: bool = False


def ws_items(lines: Sequence[str], spaced: bool) -> list[Item]:
    """PDF text whose paragraphs are whitespace-only lines: empty lines (double spacing, runs
    at page breaks) are not breaks; a long run of spaces or underscores is a footnote rule.
    Where whitespace-only lines are the line spacing (``spaced``), only rules break."""
    items: list[Item] = []
    brk = separator = False
    for number, line in enumerate(lines, 1):
        if line == "":
            continue
        if not line.strip() or SEPARATOR.match(line):
            rule = len(line) >= 10 or bool(SEPARATOR.match(line))
            brk = brk or rule or not spaced
            separator = separator or rule
            continue
        if PAGE_NUMBER.match(line):
            continue
        items.append(Item(number, line, brk, separator))
        brk = separator = False
    return items


def pdf_items(lines: Sequence[str], pages: Sequence[int]) -> list[Item]:
    """A PDF's text layer without running lines; a break where the vertical gap is larger than
    the usual line spacing, or at a page end after a short line that ends a sentence."""
    removed = running_lines(lines, pages)
    usual = _usual_gap(lines, removed)
    width = usual_width(lines)
    items: list[Item] = []
    gap = 0
    separator = False
    for index, line in enumerate(lines):
        if index in removed or not line.strip() or SEPARATOR.match(line):
            gap += 0 if index in removed else 1
            separator = separator or bool(SEPARATOR.match(line))
            continue
        if items and pages[items[-1].number - 1] != pages[index]:
            brk = _ends_short(items[-1].text, width)
        else:
            brk = gap > usual
        items.append(Item(index + 1, line, brk or separator, separator))
        gap = 0
        separator = False
    return items


def _usual_gap(lines: Sequence[str], removed: set[int]) -> int:
    """The most common number of empty lines between two text lines (the line spacing)."""
    gaps: Counter[int] = Counter()
    gap = None
    for index, line in enumerate(lines):
        if index in removed:
            continue
        if line.strip():
            if gap is not None:
                gaps[gap] += 1
            gap = 0
        elif gap is not None:
            gap += 1
    return gaps.most_common(1)[0][0] if gaps else 0


# The widest a page's text lines usually are (a PDF's, a narrow layout's hard-wrapped text);
# a web page's text with one paragraph a line is wider.
PAGE_WIDTH = 150


def usual_width(lines: Sequence[str]) -> int:
    """The width most text lines keep to (the 90th percentile of their lengths)."""
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0


def _ends_short(text: str, width: int) -> bool:
    stripped = text.strip()
    return closed(stripped) and len(stripped) < 0.8 * width


def short_line_end(lines: Sequence[str], ratio: float) -> Callable[[str], bool]:
    """Where nothing marks paragraphs, a clearly short line that ends a sentence ends one."""
    width = usual_width(lines)
    return lambda text: closed(text.strip()) and len(text.strip()) < ratio * width


def trailing_paragraph_end(text: str) -> bool:
    """PDF-text renderers write a paragraph mark as extra trailing spaces after the sentence."""
    return bool(re.search(r"[.!?:“”\"]\s{2,}$", text))
