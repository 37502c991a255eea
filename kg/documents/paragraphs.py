"""Paragraphs that a page break cut in two (text converted from a PDF) are joined again."""

from __future__ import annotations

import re

from kg.documents.chunks import Chunk, Context
from kg.documents.clean import clean
from kg.documents.patterns import TIMED_ROW, closed


def merge_page_splits(chunks: list[Chunk], context: Context) -> list[Chunk]:
    """Markdown and plain text converted from a PDF cut paragraphs at page breaks. A long
    paragraph that does not end a sentence (or ends with a hyphen) goes on in the next
    paragraph; boilerplate between the two (a page footer) is stepped over and kept."""
    result: list[Chunk] = []
    head: Chunk | None = None
    for chunk in chunks:
        if head is not None and chunk.kind == "boilerplate":
            result.append(chunk)
            continue
        if head is not None and chunk.kind == "text" and _continues(clean(chunk, context).text):
            head.lines = head.lines + chunk.lines
        else:
            result.append(chunk)
            head = chunk
        head = head if head.kind == "text" and _open_paragraph(head, context) else None
    return result


def _open_paragraph(chunk: Chunk, context: Context) -> bool:
    """A long text without a sentence's end, unless it ends with a programme's row."""
    if TIMED_ROW.match(chunk.lines[-1][1]):
        return False
    text = clean(chunk, context).text
    hyphen = bool(re.search(r"[^\W\d_]-$", text))
    return hyphen or (len(text) >= 200 and not closed(text))


def _continues(text: str) -> bool:
    return bool(text) and (text[0].isalnum() or text[0] in '„"“(»')
