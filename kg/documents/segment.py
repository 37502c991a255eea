"""Lines become chunks: paragraphs by the layout's breaks, footnotes, list items, table rows.

A flowing layout (a PDF, PDF text with whitespace-only paragraph lines) is cut by breaks and
sentence ends; other text is cut at blank lines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.documents.chunks import Chunk
from kg.documents.layout import (
    PAGE_WIDTH,
    Item,
    has_ws_breaks,
    pdf_items,
    short_line_end,
    trailing_paragraph_end,
    ws_items,
    ws_spaced,
)
from kg.documents.patterns import (
    CLOSING_FORMULA,
    DATE_LINE,
    MD_BULLET,
    MD_HEADING,
    MONTHS,
    PIPE_SEPARATOR,
    SEPARATOR,
    TERMINATORS,
    TIMED_ROW,
    closed,
)
from kg.documents.running import without_running_lines
from kg.documents.tables import table_rows

SALUTATION = re.compile(r"(?i)^(?:sehr\s+geehrte[rs]?|liebe[rs]?|dear|hallo)\b[^.!?]{0,80},$")
ENUMERATION = re.compile(rf"(?i)^\s*(?:\d{{1,2}}[.)](?!\s*(?:{MONTHS}|\d))|[a-z][)]|[-–•▪►*])\s+\S")
FOOTNOTE_START = re.compile(r"^\s*(\d{1,3})\s+(?=\S)(?!\d)")
URL_FOOTNOTE = re.compile(r"^\s*\d{1,3}\s+(?:https?://|www\.)")
MD_FOOTNOTE = re.compile(r"^\s*\[\^[^\]]+\]:\s*\S")
URL_TOKEN = re.compile(r"(?:https?://|www\.)\S*$")
# Lines written by an image-describing converter instead of the image ("A handwritten
# signature in blue ink that reads ...") and Markdown images: not part of the text.
ARTEFACT = re.compile(
    r"(?i)^\s*(?:!\[[^\]]*\]\([^)]*\)\s*$|(?:an?|the|this)\s+(?:\w+\s+){0,3}"
    r"(?:signature|image|photo(?:graph)?|picture|logo|stamp|seal|illustration|drawing|chart"
    r"|diagram|graph|figure|screenshot|emblem|coat of arms)s?\b"
    r"(?:\s+\w+){0,8}\s+(?:reads|reading|shows|showing|depicts|depicting|with|of|that|in)\b)"
)
MD_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")


def segment(lines: Sequence[str], rendering: str, pages: Sequence[int] | None) -> list[Chunk]:
    """Cut the lines where this rendering marks paragraphs (pages: each line's page, PDF only)."""
    if rendering == "pdf" and pages is not None:
        return _flow(pdf_items(lines, pages), short_line_end(lines, 0.6), {})
    if rendering != "pdf-text":
        return _segment_gaps(lines, 1, rendering == "markdown", _longest(lines))
    lines = without_running_lines(lines)
    if not has_ws_breaks(lines):
        return _segment_gaps(lines, 2, False)
    if ws_spaced(lines):  # every line followed by a blank one: no paragraph marks left
        return _flow(ws_items(lines, spaced=True), short_line_end(lines, 0.75), {})
    return _flow(ws_items(lines, spaced=False), trailing_paragraph_end, table_rows(lines))


def _flow(items: Sequence[Item], paragraph_end: Callable[[str], bool], rows: dict) -> list[Chunk]:
    """Cut a flowing layout into chunks: at breaks, before enumerations that follow a finished
    sentence, after paragraph ends; footnotes after a rule (or starting with a URL) and table
    rows apart; image descriptions dropped."""
    chunks: list[Chunk] = []
    current: list[tuple[int, str]] = []
    in_notes = False
    for item in [item for item in items if not ARTEFACT.match(item.text)]:
        in_notes = in_notes or item.separator or bool(URL_FOOTNOTE.match(item.text))
        if in_notes and _footnote_line(chunks, current, item):
            current = []
            continue
        in_notes = False
        alone = _standalone(current, item.text)
        if current and (alone or item.brk or item.number in rows or _enumerates(current, item)):
            chunks.append(Chunk("text", current))
            current = []
        if item.number in rows:
            chunks.append(Chunk("row", [(item.number, item.text)], *rows[item.number]))
            continue
        current.append((item.number, item.text))
        if alone or paragraph_end(item.text):
            chunks.append(Chunk("text", current))
            current = []
    return [*chunks, Chunk("text", current)] if current else chunks


def _standalone(current: list[tuple[int, str]], text: str) -> bool:
    """Letter lines that form a block of their own even without a break around them: the
    place-and-date line, the salutation, the closing formula (after a finished sentence)."""
    stripped = text.strip()
    if current and not closed(current[-1][1].strip()):
        return False
    return any(p.match(stripped) for p in (DATE_LINE, SALUTATION, CLOSING_FORMULA))


def _footnote_line(chunks: list[Chunk], current: list, item: Item) -> bool:
    """Add a footnote line (a new note or the continuation of the last one); False if the line
    is not part of the footnotes."""
    last = chunks[-1] if chunks and chunks[-1].kind == "footnote" and not current else None
    start = FOOTNOTE_START.match(item.text)
    if start and (last is None or int(start.group(1)) == footnote_number(last) + 1):
        if current:
            chunks.append(Chunk("text", list(current)))
        chunks.append(Chunk("footnote", [(item.number, item.text)]))
        return True
    if last is not None and _continues_footnote(last, item.text):
        last.lines.append((item.number, item.text))
        return True
    return False


def _continues_footnote(note: Chunk, text: str) -> bool:
    previous = note.lines[-1][1].strip()
    stripped = text.strip()
    if URL_TOKEN.search(previous):
        return " " not in stripped
    return not closed(previous) and not ENUMERATION.match(text) and not FOOTNOTE_START.match(text)


def footnote_number(chunk: Chunk) -> int:
    match = FOOTNOTE_START.match(chunk.lines[0][1])
    return int(match.group(1)) if match else 0


def _enumerates(current: list[tuple[int, str]], item: Item) -> bool:
    """An enumerated line ("1.", "a)", "-") after a finished sentence starts a new block."""
    previous = current[-1][1].strip() if current else ""
    return bool(ENUMERATION.match(item.text)) and (
        not previous or previous[-1] in TERMINATORS + ")"
    )


def _segment_gaps(
    lines: Sequence[str], min_gap: int, markdown: bool, width: int = 0
) -> list[Chunk]:
    """Blank lines separate blocks (in double-spaced text: runs of two or more); headings,
    table rows, list items and footnotes stand alone; artefacts and rules go. With a width
    (the longest line), a heading-like line ends its block too (see _heading_line)."""
    rows = table_rows(lines)
    chunks: list[Chunk] = []
    current: list[tuple[int, str]] = []
    blank = min_gap
    for number, line in enumerate(lines, 1):
        if not line.strip():
            blank += 1
            continue
        kind = _line_kind(line, number, rows, markdown)
        if kind == "text" and not blank and not current and _continues_last_note(chunks, line):
            kind = "note-continuation"
        elif current and (
            blank >= min_gap or kind != "text" or _breaks(current, line, markdown)
            or _heading_line(current, line, width)
        ):
            chunks.append(Chunk("text", current))
            current = []
        blank = 0
        _place(chunks, current, kind, (number, line), rows)
    return [*chunks, Chunk("text", current)] if current else chunks


def _place(chunks: list[Chunk], current: list, kind: str, line: tuple[int, str], rows) -> None:
    if kind == "text":
        current.append(line)
    elif kind == "note-continuation":
        chunks[-1].lines.append(line)
    elif kind not in ("artefact", "rule"):
        chunks.append(Chunk(kind, [line], *rows.get(line[0], (False, ()))))


def _continues_last_note(chunks: list[Chunk], line: str) -> bool:
    return bool(chunks) and chunks[-1].kind == "footnote" and _continues_footnote(chunks[-1], line)


def _line_kind(line: str, number: int, rows: dict, markdown: bool) -> str:
    if number in rows:
        return "row"
    if ARTEFACT.match(line):
        return "artefact"
    if markdown and MD_HEADING.match(line):
        return "heading"
    if MD_RULE.match(line) or SEPARATOR.match(line) or (markdown and PIPE_SEPARATOR.match(line)):
        return "rule"
    if MD_FOOTNOTE.match(line) or URL_FOOTNOTE.match(line):
        return "footnote"
    return "text"


def _breaks(current: list[tuple[int, str]], line: str, markdown: bool) -> bool:
    """A break inside a run of lines: a list item, or after a whole-paragraph line."""
    if markdown and MD_BULLET.match(line):
        return True
    if ENUMERATION.match(line) and ENUMERATION.match(current[0][1]):
        return True  # the next item of a list whose items end without a full stop
    if TIMED_ROW.match(current[-1][1]) and _sentence_line(line.strip()):
        return True  # the text after a programme's last row
    return _enumerates(current, Item(0, line)) or _long_line_ends(current[-1][1]) or \
        _wrapped_paragraph_ends(current, line)


def _longest(lines: Sequence[str]) -> int:
    return max((len(line.strip()) for line in lines), default=0)


HEADING_WORDS = 14
HEADING_CHARS = 120
SENTENCE_START = re.compile(r"^\s*[„\"(]?[A-ZÄÖÜ]")


def _heading_line(current: list[tuple[int, str]], line: str, width: int) -> bool:
    """Short lines without final punctuation, the first ending in a lowercase word, before a
    line of running text are a web page's headline with a predicate of its own ("Austausch
    mit der Partnerregion geplant", maybe a date line under it) and not the start of the
    sentence below ("Der Minister soll ..."). A title ending in a noun or name ("Die
    Partnerschaft mit A") stays with the text it introduces, and wrapped text is not cut: a
    wrapper would have put the next line's first word on a short line that it fitted."""
    following = line.strip()
    if not width or len(current) > 2 or not _sentence_line(following):
        return False
    texts = [text.strip() for _, text in current]
    if not texts[0] or not (texts[0].split()[-1][0].islower() or _HEADLINE_VERB.search(texts[0])):
        return False
    return all(_short_open(text, following, width) for text in texts)


# A headline's predicate of signing, ending in its object ("A und B unterzeichnen Memorandum",
# "Land schließt Abkommen mit C"): a headline too, not the subject of the sentence below.
_HEADLINE_VERB = re.compile(r"(?<!\w)(?:unterzeichne[nt]|unterschreiben|unterschreibt|besiegel[nt]|"
                            r"schließen|schließt|vereinbare[nt]|erneuer[nt])(?!\w)")


def _short_open(text: str, following: str, width: int) -> bool:
    if not text or closed(text) or len(text) > HEADING_CHARS:
        return False
    return len(text.split()) <= HEADING_WORDS and \
        len(text) + 1 + len(following.split()[0]) < width


def _sentence_line(line: str) -> bool:
    """A capitalised line that is running text: a finished sentence, or too long for a title
    (a web page's paragraph cut off mid-sentence)."""
    if not SENTENCE_START.match(line):
        return False
    return len(line) > HEADING_CHARS or (closed(line) and len(line.split()) >= 4)


WRAP_MIN = 50  # the narrowest: shorter lines are a menu's or a letter head's
WRAP_WINDOW = 5  # the lines before a line's end that show the wrapping (reading stays linear)


def _wrapped_paragraph_ends(current: list[tuple[int, str]], line: str) -> bool:
    """In hard-wrapped lines (a page saved from a narrow layout: three lines at least, about
    equally full but the first, a heading perhaps, and the last, none wider than a page; a
    header line and a short line under it are no such run), a line that ends a sentence well
    short of the others ends its paragraph where the next line starts a new one; without a
    blank line between, paragraphs would run together (and their dates with them). Only the
    last few lines of the run are looked at, so that a long run is read in linear time."""
    if len(current) < 3 or not SENTENCE_START.match(line):
        return False
    lines = current[-WRAP_WINDOW:] if len(current) > WRAP_WINDOW else current[1:]
    widths = [len(" ".join(text.split())) for _, text in lines]
    width = max(widths)
    return WRAP_MIN <= width <= PAGE_WIDTH and min(widths[:-1]) >= 0.8 * width and \
        widths[-1] < 0.8 * width and closed(current[-1][1].strip())


def _long_line_ends(line: str) -> bool:
    """A line of 200+ characters that ends a sentence is a whole paragraph (web text that puts
    one paragraph on a line without blank lines between). Its characters are counted with
    runs of spaces as one: a page's doubled spaces make no line longer."""
    stripped = line.strip()
    return len(" ".join(stripped.split())) >= 200 and closed(stripped)
