"""Web-page noise (cookie banners, menus, footer links) marked by mappings/boilerplate.txt."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from kg.documents.chunks import Chunk, Context
from kg.documents.clean import clean, clean_lines


def mark_boilerplate(chunks: list[Chunk], context: Context) -> None:
    """Web-page noise (cookie banners, menus, footer links) by the patterns of boilerplate.txt."""
    text_patterns, raw_patterns = _boilerplate_patterns()
    for chunk in chunks:
        if chunk.kind not in ("text", "heading"):
            continue
        if _matches_raw(chunk, raw_patterns) or _matches_text(chunk, context, text_patterns):
            chunk.kind = "boilerplate"


def _matches_raw(chunk: Chunk, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Every source line of the block matches a raw pattern (e.g. lines made only of links)."""
    lines = [line.strip() for _, line in chunk.lines]
    return bool(patterns) and all(any(p.search(line) for p in patterns) for line in lines)


def _matches_text(chunk: Chunk, context: Context, patterns: Sequence[re.Pattern[str]]) -> bool:
    """The block's text matches, or it is a block of short lines (a menu) half of which match."""
    if not patterns:
        return False
    text = clean(chunk, context).text  # once, not once a pattern
    if any(p.search(text) for p in patterns):
        return True
    lines = [clean_lines(((n, line),), chunk.kind, context).text for n, line in chunk.lines]
    if len(lines) < 2 or any(len(line) > 60 for line in lines):
        return False
    hits = sum(1 for line in lines if any(p.search(line) for p in patterns))
    return hits * 2 >= len(lines)


@lru_cache(maxsize=1)
def _boilerplate_patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """mappings/boilerplate.txt: one regular expression a line ('#' starts a comment line),
    matched against a block's cleaned text; with the prefix "raw:" against each of its source
    lines (markup still there, e.g. a line made only of links)."""
    for path in _boilerplate_files():
        if path.is_file():
            patterns = list(_parse_patterns(path))
            text = tuple(p for raw, p in patterns if not raw)
            return text, tuple(p for raw, p in patterns if raw)
    return (), ()


def _boilerplate_files() -> list[Path]:
    here = Path(__file__).resolve().parent.parent  # the kg package
    return [
        here / "resources" / "mappings" / "boilerplate.txt",
        here.parent / "mappings" / "boilerplate.txt",
    ]


def _parse_patterns(path: Path) -> Iterable[tuple[bool, re.Pattern[str]]]:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        raw = line.strip().startswith("raw:")
        expression = line.strip().removeprefix("raw:")
        try:
            yield raw, re.compile(expression)
        except re.error as error:
            raise ValueError(f"{path}:{number}: not a regular expression: {error}") from None
