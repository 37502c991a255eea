"""Text whose characters remember their source lines, so cleaning keeps citations exact."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence


class LinedText:
    """A string whose every character remembers its source line, so cleaning keeps spans exact."""

    def __init__(self, text: str = "", lines: Sequence[int] = ()):
        self.text = text
        self.lines = list(lines)

    def add(self, piece: str, line: int) -> None:
        self.text += piece
        self.lines.extend([line] * len(piece))

    def drop_tail(self, count: int) -> None:
        if count:
            self.text = self.text[:-count]
            del self.lines[-count:]

    def sub(self, pattern: re.Pattern[str] | str, repl: int | str | Callable) -> LinedText:
        """re.sub where repl is a group number (its characters keep their lines) or a literal /
        callable (the new characters take the line of the match's start); where the pattern
        matches nowhere (the common case, made cheap), this text itself, not a copy."""
        matches = re.finditer(pattern, self.text)
        first = next(matches, None)
        if first is None:
            return self
        pieces: list[str] = []
        lines: list[int] = []
        pos = 0
        for match in itertools.chain((first,), matches):
            pieces.append(self.text[pos : match.start()])
            lines.extend(self.lines[pos : match.start()])
            self._replace(match, repl, pieces, lines)
            pos = match.end()
        pieces.append(self.text[pos:])
        lines.extend(self.lines[pos:])
        return LinedText("".join(pieces), lines)

    def _replace(self, match: re.Match, repl, pieces: list[str], lines: list[int]) -> None:
        if isinstance(repl, int):
            start, end = match.span(repl)
            if start >= 0:
                pieces.append(self.text[start:end])
                lines.extend(self.lines[start:end])
            return
        new = repl(match) if callable(repl) else repl
        anchor = self.lines[min(match.start(), len(self.lines) - 1)] if self.lines else 0
        pieces.append(new)
        lines.extend([anchor] * len(new))

    def strip(self) -> LinedText:
        begin = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return LinedText(self.text[begin:end], self.lines[begin:end])

    def line_map(self) -> tuple[tuple[int, int], ...]:
        runs: list[tuple[int, int]] = []
        for offset, line in enumerate(self.lines):
            if not runs or runs[-1][1] != line:
                runs.append((offset, line))
        return tuple(runs)
