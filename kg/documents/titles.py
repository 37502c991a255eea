"""Headings: titles split off the text they share a block with in PDF text, and every text
chunk classified as heading or paragraph."""

from __future__ import annotations

import re

from kg.documents.chunks import Chunk, Context
from kg.documents.clean import clean
from kg.documents.patterns import CLOSING_FORMULA, TERMINATORS, closed
from kg.documents.signatures import name_like

DATED_TITLE_END = re.compile(r"\((?:[^()]|\([^()]*\))*\b(?:1[89]|20)\d\d\)$")
SENTENCE_INSIDE = re.compile(r"[a-zäöüß)\]“”\"]{2}[.!?]\s+[A-ZÄÖÜ]")


def split_titles(chunks: list[Chunk]) -> list[Chunk]:
    """In PDF text a heading can share a block with its body: split off a title ending with a
    "(<date>)" and short label lines ("Antwort", "Frage") that stand between sentences."""
    result: list[Chunk] = []
    for chunk in chunks:
        if chunk.kind != "text":
            result.append(chunk)
            continue
        for part in _split_labels(chunk.lines):
            result.extend(_split_dated_titles(part))
    return result


def _split_dated_titles(lines: list[tuple[int, str]]) -> list[Chunk]:
    """Split off every title that starts the block or follows a finished sentence, ends in
    "(<date>)" and is followed by a new sentence (or ends the block)."""
    for start in range(len(lines)):
        if start and not closed(lines[start - 1][1].strip()):
            continue
        end = _dated_title_end(lines, start)
        if end is not None:
            parts = [Chunk("text", lines[:start]), Chunk("heading", lines[start : end + 1])]
            return [p for p in parts if p.lines] + _split_dated_titles(lines[end + 1 :])
    return [Chunk("text", lines)] if lines else []


def _dated_title_end(lines: list[tuple[int, str]], start: int) -> int | None:
    joined = ""
    for index in range(start, min(start + 6, len(lines))):
        joined = f"{joined} {lines[index][1].strip()}".strip()
        if len(joined) > 400 or SENTENCE_INSIDE.search(joined.rsplit("(", 1)[0]):
            return None
        following = lines[index + 1][1].strip() if index + 1 < len(lines) else ""
        if _dated_title(joined) and (_starts_sentence(following) or (start and not following)):
            return index
    return None


def _split_labels(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    parts: list[list[tuple[int, str]]] = [[]]
    for index, (number, raw) in enumerate(lines):
        previous = lines[index - 1][1] if index else ""
        following = lines[index + 1][1].strip() if index + 1 < len(lines) else ""
        if _label_line(raw, previous) and _starts_sentence(following):
            parts.extend([[(number, raw)], []])
        else:
            parts[-1].append((number, raw))
    return [part for part in parts if part]


def _label_line(raw: str, previous: str) -> bool:
    """One to three words, no punctuation at the end, after a finished sentence (or a
    paragraph's trailing spaces, or at a block's start)."""
    stripped = raw.strip()
    words = stripped.split()
    if not (1 <= len(words) <= 3 and len(stripped) <= 40 and stripped[0].isupper()):
        return False
    if stripped[-1] in TERMINATORS + ",-)" or re.search(r"\d", stripped):
        return False
    before = previous.strip()
    if name_like(stripped):  # a signatory's name keeps its post lines
        return False
    return not before or closed(before) or previous.endswith("  ")


def _starts_sentence(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0] in '„"“»')


def classify(chunks: list[Chunk], context: Context) -> None:
    """Headings: Markdown '#' lines, paragraphs entirely in bold, titles ending in a date in
    parentheses, and short label lines; every other text chunk is a paragraph."""
    for chunk in chunks:
        if chunk.kind != "text":
            continue
        raw = " ".join(line.strip() for _, line in chunk.lines)
        text = clean(chunk, context).text
        bold = context.rendering == "markdown" and re.fullmatch(r"(\*\*|__)(?:(?!\1).)+\1", raw)
        chunk.kind = "heading" if bold or _title_text(text) else "paragraph"


def _dated_title(text: str) -> bool:
    """A title of three or more words, no sentence inside, ending in "(<date with year>)"."""
    if not DATED_TITLE_END.search(text) or len(text) > 400:
        return False
    before = text.rsplit("(", 1)[0].strip()
    return len(before.split()) >= 3 and not SENTENCE_INSIDE.search(before)


def _title_text(text: str) -> bool:
    if _dated_title(text):
        return True
    words = text.split()
    return (
        1 <= len(words) <= 3
        and len(text) <= 40
        and text[0].isupper()
        and text[-1] not in TERMINATORS + ",-)"
        and not re.search(r"\d", text)
        and not name_like(text)
        and not CLOSING_FORMULA.match(text)
    )
