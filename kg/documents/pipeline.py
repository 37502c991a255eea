"""Lines become Blocks: segment, classify and clean, the passes of this package in one place."""

from __future__ import annotations

from collections.abc import Sequence

from kg.documents.boilerplate import mark_boilerplate
from kg.documents.chunks import Chunk, Context
from kg.documents.clean import cell_text, clean, clean_lines
from kg.documents.layout import has_ws_breaks
from kg.documents.limits import split_long
from kg.documents.model import Block
from kg.documents.paragraphs import merge_page_splits
from kg.documents.segment import footnote_number, segment
from kg.documents.signatures import mark_signatures
from kg.documents.text import LinedText
from kg.documents.titles import classify, split_titles


def to_blocks(lines: Sequence[str], rendering: str, pages: Sequence[int] | None) -> list[Block]:
    """Segment, classify and clean: the passes in order."""
    chunks = segment(lines, rendering, pages)
    if rendering in ("pdf", "pdf-text"):
        chunks = split_titles(chunks)
    footnotes = frozenset(footnote_number(c) for c in chunks if c.kind == "footnote")
    context = Context(rendering, "\n".join(lines).lower(), footnotes, len(lines))
    chunks = [c for c in chunks if clean(c, context).text or c.kind == "row"]
    mark_boilerplate(chunks, context)
    if rendering in ("markdown", "plain") or (
        rendering == "pdf-text" and not has_ws_breaks(lines)
    ):
        chunks = merge_page_splits(chunks, context)
    classify(chunks, context)
    chunks = mark_signatures(chunks, context)
    chunks = [piece for chunk in chunks for piece in split_long(chunk)]
    chunks.sort(key=lambda c: c.first)
    return [_to_block(c, context, pages) for c in chunks]


def _to_block(chunk: Chunk, context: Context, pages: Sequence[int] | None) -> Block:
    kind = "paragraph" if chunk.kind == "text" else chunk.kind
    numbers = [number for number, _ in chunk.lines]
    page = pages[numbers[0] - 1] if pages else None
    if kind == "row":
        return _row_block(chunk, context, page)
    text = _signature_text(chunk, context) if kind == "signature" else clean(chunk, context)
    return Block(
        kind=kind,
        text=text.text,
        start_line=min(numbers),
        end_line=max(numbers),
        page=page,
        line_map=text.line_map(),
    )


def _signature_text(chunk: Chunk, context: Context) -> LinedText:
    """Name, a comma, then the post (its lines joined): the extractor splits at the first comma."""
    name = clean_lines(tuple(chunk.lines[:1]), "text", context)
    if len(chunk.lines) == 1:
        return name
    post = clean_lines(tuple(chunk.lines[1:]), "text", context)
    name.add(", ", chunk.lines[0][0])
    return LinedText(name.text + post.text, name.lines + post.lines)


def _row_block(chunk: Chunk, context: Context, page: int | None) -> Block:
    number = chunk.first
    cells = tuple(cell_text(cell, context) for cell in chunk.cells)
    text = " | ".join(cell for cell in cells if cell)
    return Block(
        kind="row",
        text=text,
        start_line=number,
        end_line=number,
        cells=cells,
        header=chunk.header,
        page=page,
        line_map=((0, number),) if text else (),
    )
