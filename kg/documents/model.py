"""What reading a file gives: a Document of Blocks, or a DocumentError a person can act on."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

KINDS = ("heading", "paragraph", "row", "signature", "footnote", "boilerplate")


@dataclass(frozen=True)
class Block:
    """A unit of a document's text: a paragraph, a heading, a table row, a signatory, ..."""

    kind: str
    text: str
    start_line: int
    end_line: int
    cells: tuple[str, ...] = ()
    header: bool = False
    page: int | None = None
    # (offset into text, source line) wherever the source line changes; read() fills it so that
    # line_span is exact. Not part of equality: two blocks with the same content are equal.
    line_map: tuple[tuple[int, int], ...] = field(default=(), repr=False, compare=False)

    def line_span(self, start: int, end: int) -> tuple[int, int]:
        """Source lines covering text[start:end] (character offsets into Block.text)."""
        if not self.line_map or not self.text:
            return (self.start_line, self.end_line)
        last = len(self.text) - 1
        first = min(max(start, 0), last)
        final = min(max(end - 1, first), last)
        return (self._line_at(first), self._line_at(final))

    def _line_at(self, offset: int) -> int:
        offsets = [entry[0] for entry in self.line_map]
        index = bisect.bisect_right(offsets, offset) - 1
        return self.line_map[max(index, 0)][1]


@dataclass(frozen=True)
class Document:
    """A source file read into blocks, with the raw lines that the blocks' line numbers index."""

    path: Path
    name: str
    sha256: str
    media_type: str
    rendering: str
    blocks: tuple[Block, ...]
    line_count: int
    lines: tuple[str, ...]


class DocumentError(Exception):
    """A file that cannot be read as a document, with a reason a person understands."""

    def __init__(self, file: str, reason: str, line: int | None = None):
        self.file = str(file)
        self.reason = reason
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        if self.line is not None:
            return f"{self.file}:{self.line}: {self.reason}"
        return f"{self.file}: {self.reason}"

    def __reduce__(self):  # keeps the error picklable (multiprocessing) despite its signature
        return (DocumentError, (self.file, self.reason, self.line))
