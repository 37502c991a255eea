"""First stage of the pipeline: a source file becomes clean text blocks that remember their lines.

Government documents reach us in several renderings of the same kind of page: text rendered from
a PDF (often double-spaced, page breaks as runs of empty lines, words hyphenated at line ends),
Markdown converted from a PDF, plain text saved from a web page, and real PDF files. ``read``
finds out which rendering a file is from its content, cuts it into blocks (paragraphs, headings,
table rows, signatures, footnotes, web-page boilerplate) and cleans their text, while every
character keeps the number of the source line it came from, so that a fact extracted from a block
can cite the exact lines of the file (``Block.line_span``).

    sources.py      bytes -> decoded lines, rendering detected; pdf.py for PDF files
    running.py      running headers, footers and page numbers at page edges
    layout.py       flowing layouts (PDF, PDF text): where paragraph breaks stand
    segment.py      lines -> chunks (paragraphs, footnotes, list items); tables.py for rows
    clean.py        chunk -> clean text: joined lines, hyphenation, markup (text.py: LinedText)
    boilerplate.py  web-page noise;  paragraphs.py  paragraphs split at page breaks
    titles.py       headings;  signatures.py  signatories' names and posts
    pipeline.py     the passes in order, chunks (chunks.py) -> Blocks (model.py)
    limits.py       over-long paragraphs cut, over-long lines refused: reading stays linear
    patterns.py     patterns several of them share

The rules are layout rules, never words of particular documents; the few word lists are
general German (conjunctions that mark a suspended compound, closing formulas, titles of posts).
Patterns of web-page noise live in ``mappings/boilerplate.txt``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.documents.clean import cleaned, join_lines
from kg.documents.limits import check_lines
from kg.documents.model import Block, Document, DocumentError
from kg.documents.pipeline import to_blocks
from kg.documents.sources import read_bytes, source_lines

__all__ = ["Block", "Document", "DocumentError", "join_lines", "read"]

MEDIA_TYPES = {
    "pdf": "application/pdf",
    "pdf-text": "text/plain",
    "markdown": "text/markdown",
    "plain": "text/plain",
}


def read(path: str | Path) -> Document:
    """Read a source file (text, Markdown, text rendered from PDF, or PDF) into a Document."""
    path = Path(path)
    data = read_bytes(path)
    lines, pages, rendering = source_lines(path, data)
    check_lines(str(path), lines)
    if not any(line.strip() for line in lines):
        raise DocumentError(str(path), "file contains no text (only whitespace)")
    try:
        blocks = to_blocks(lines, rendering, pages)
    finally:
        cleaned.cache_clear()  # the cache holds this document's text: keep it per document
    if not blocks:
        raise DocumentError(str(path), "no text could be read from the file")
    return Document(
        path=path,
        name=path.name,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=MEDIA_TYPES[rendering],
        rendering=rendering,
        blocks=tuple(blocks),
        line_count=len(lines),
        lines=tuple(lines),
    )
