"""The state between segmenting and cleaning: chunks of source lines and the document context."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Chunk:
    """Source lines that will become one block; ``kind`` is provisional until classified."""

    kind: str
    lines: list[tuple[int, str]]
    header: bool = False
    cells: tuple[str, ...] = ()

    @property
    def first(self) -> int:
        return self.lines[0][0]


@dataclass(frozen=True)
class Context:
    """What cleaning needs to know about the whole document."""

    rendering: str
    evidence: str
    footnotes: frozenset[int] = frozenset()
    line_count: int = 0
