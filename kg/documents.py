"""First stage of the pipeline: a source file becomes clean text blocks that remember their lines.

Government documents reach us in several renderings of the same kind of page: text rendered from
a PDF (often double-spaced, page breaks as runs of empty lines, words hyphenated at line ends),
Markdown converted from a PDF, plain text saved from a web page, and real PDF files. ``read``
finds out which rendering a file is from its content, cuts it into blocks (paragraphs, headings,
table rows, signatures, footnotes, web-page boilerplate) and cleans their text, while every
character keeps the number of the source line it came from, so that a fact extracted from a block
can cite the exact lines of the file (``Block.line_span``).

The rules are layout rules, never words of particular documents; the few word lists below are
general German (conjunctions that mark a suspended compound, closing formulas, titles of posts).
Patterns of web-page noise live in ``mappings/boilerplate.txt``.
"""

from __future__ import annotations

import bisect
import hashlib
import io
import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = ["Block", "Document", "DocumentError", "join_lines", "read"]

KINDS = ("heading", "paragraph", "row", "signature", "footnote", "boilerplate")
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "pdf-text": "text/plain",
    "markdown": "text/markdown",
    "plain": "text/plain",
}


# --------------------------------------------------------------------------------------------
# Public data types


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


# --------------------------------------------------------------------------------------------
# General German patterns (layout and language, not particular documents)

TERMINATORS = ".!?:;"
CLOSING_QUOTES = "\"'“”‘’»«›‹*_"
# Words after "Bundes-" that show a suspended compound ("Bundes- und Europaangelegenheiten").
SUSPENSION_WORDS = frozenset(
    (  # noqa: SIM905
        "und oder sowie bzw. bzw beziehungsweise respektive resp. als wie noch bis "
        "und/oder oder/und & u. o. versus vs."
    ).split()
)
MONTHS = (
    "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    "jan\\.|feb\\.|febr\\.|mär\\.|apr\\.|jun\\.|jul\\.|aug\\.|sep\\.|sept\\.|okt\\.|nov\\.|dez\\."
)
DATE = (
    rf"(?:\d{{1,2}}\.\s*(?:\d{{1,2}}\.|(?:{MONTHS}))\s*\d{{2,4}}"
    rf"|(?:{MONTHS})\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
DATE_LINE = re.compile(rf"(?i)^(?:[A-ZÄÖÜ][\w .'/-]{{1,40}},\s*(?:den\s+|am\s+)?)?{DATE}$")
DATED_TITLE_END = re.compile(r"\((?:[^()]|\([^()]*\))*\b(?:1[89]|20)\d\d\)$")
SENTENCE_INSIDE = re.compile(r"[a-zäöüß)\]“”\"]{2}[.!?]\s+[A-ZÄÖÜ]")
CLOSING_FORMULA = re.compile(
    r"(?i)^(?:mit\s+(?:den\s+)?(?:freundlichen|besten|herzlichen|kollegialen|vielen)\s+grüßen"
    r"|(?:freundliche|beste|herzliche|viele)\s+grüße|hochachtungsvoll"
    r"|mit\s+vorzüglicher\s+hochachtung)[\s,.!]*$"
)
SALUTATION = re.compile(r"(?i)^(?:sehr\s+geehrte[rs]?|liebe[rs]?|dear|hallo)\b[^.!?]{0,80},$")
# Lines that stand before a signatory's name: "In Vertretung", "gez.", "Für den Freistaat Bayern".
SIGNATURE_PREFIX = re.compile(
    r"(?i)^(?:in\s+vertretung|im\s+auftrag|i\.\s?v\.|i\.\s?a\.|gez\."
    r"|(?:für|for|pour|per|za|voor)\s+(?:den|die|das|the|la|le|l'|il|het|de)?\s*[^.!?]{2,70})$"
)
# Words that may stand before the title of a post ("Der Stellvertretende Ministerpräsident").
POST_LEAD = frozenset(
    (  # noqa: SIM905
        "der die the stellvertretender stellvertretende erster erste regierender regierende "
        "amtierender amtierende deputy vice"
    ).split()
)
NAME_TITLES = frozenset(
    (  # noqa: SIM905
        "dr. prof. h.c. dipl.-ing. dr.-ing. med. phil. jur. rer. nat. pol. herr herrn "
        "frau mdl mdb mdep gez."
    ).split()
)
# Particles of names: the first may follow a given name ("Ursula von der Leyen"), the
# second only another particle ("von der", "de la").
NAME_PARTICLES = frozenset(
    "von van de di da zu vom zur del della dos al el bin ibn ten ter y".split()  # noqa: SIM905
)
NAME_INNER_PARTICLES = frozenset("der den de la le du des".split())  # noqa: SIM905
# Capitalised words that start German phrases, never names ("Die Ministerin", "Bericht der").
NOT_NAME_WORDS = frozenset(
    (  # noqa: SIM905
        "der die das den dem des ein eine einer und oder mit für zum zur im am an auf bei aus "
        "nach über unter vor bis ich wir sie es sehr liebe lieber herzlichen"
    ).split()
)
# Endings of adjectives and abstract nouns, which no name has ("Sächsische", "Informationen").
NOT_NAME_ENDING = re.compile(
    r"(?i)(isch(e|er|es|en|em)?|ungen|heit(en)?|keit(en)?|schaft(en)?|tion(en)?|ität(en)?|ismus)$"
)
NAME_TOKEN = re.compile(r"^[A-ZÄÖÜÀ-ÞĀ-Ž][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?$")
# Stems of the titles of posts, as they stand under a signatory's name.
POST_STEM = re.compile(
    r"(?i)(minister|pr[äeé]sident|sekretär|senator|bürgermeister|gouverneur|governor|botschafter"
    r"|ambassador|konsul|landrat|leiter|chef|direktor|director|vorsitz|beauftragt|kanzler"
    r"|premier|mayor|president|secretary|bevollmächtigt|abgeordnet|hauptmann|marschall"
    r"|präfekt|dezernent|sprecher|vertreter|intendant|rektor|amtschef|staatsrat|mdl|mdb)"
)
ENUMERATION = re.compile(rf"(?i)^\s*(?:\d{{1,2}}[.)](?!\s*(?:{MONTHS}|\d))|[a-z][)]|[-–•▪►*])\s+\S")
PAGE_NUMBER = re.compile(
    r"(?i)^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|seite\s+\d{1,4}(?:\s*(?:von|/)\s*\d{1,4})?)\s*$"
)
BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
SEPARATOR = re.compile(r"^\s*[_\-–—]{5,}\s*$")
FOOTNOTE_START = re.compile(r"^\s*(\d{1,3})\s+(?=\S)(?!\d)")
URL_FOOTNOTE = re.compile(r"^\s*\d{1,3}\s+(?:https?://|www\.)")
MD_FOOTNOTE = re.compile(r"^\s*\[\^[^\]]+\]:\s*\S")
URL_TOKEN = re.compile(r"(?:https?://|www\.)\S*$")
URL_OPEN_END = re.compile(r"(?:https?://|www\.)\S*[-/_=&?#%~]$")
# Lines written by an image-describing converter instead of the image ("A handwritten
# signature in blue ink that reads ...") and Markdown images: not part of the text.
ARTEFACT = re.compile(
    r"(?i)^\s*(?:!\[[^\]]*\]\([^)]*\)\s*$|(?:an?|the|this)\s+(?:\w+\s+){0,3}"
    r"(?:signature|image|photo(?:graph)?|picture|logo|stamp|seal|illustration|drawing|chart"
    r"|diagram|graph|figure|screenshot|emblem|coat of arms)s?\b"
    r"(?:\s+\w+){0,8}\s+(?:reads|reading|shows|showing|depicts|depicting|with|of|that|in)\b)"
)
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
MD_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
BOLD_CELL = re.compile(r"(?is)^\s*(?:<(b|strong|th)>.*</\1>|\*\*.*\*\*|__.*__)\s*$")
LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


# --------------------------------------------------------------------------------------------
# Text that keeps its source lines


class _Text:
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

    def sub(self, pattern: re.Pattern[str] | str, repl: int | str | Callable) -> _Text:
        """re.sub where repl is a group number (its characters keep their lines) or a literal /
        callable (the new characters take the line of the match's start)."""
        pieces: list[str] = []
        lines: list[int] = []
        pos = 0
        for match in re.finditer(pattern, self.text):
            pieces.append(self.text[pos : match.start()])
            lines.extend(self.lines[pos : match.start()])
            self._replace(match, repl, pieces, lines)
            pos = match.end()
        pieces.append(self.text[pos:])
        lines.extend(self.lines[pos:])
        return _Text("".join(pieces), lines)

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

    def strip(self) -> _Text:
        begin = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        return _Text(self.text[begin:end], self.lines[begin:end])

    def line_map(self) -> tuple[tuple[int, int], ...]:
        runs: list[tuple[int, int]] = []
        for offset, line in enumerate(self.lines):
            if not runs or runs[-1][1] != line:
                runs.append((offset, line))
        return tuple(runs)


# --------------------------------------------------------------------------------------------
# Hyphenation


def join_lines(left: str, right: str, evidence: str = "") -> str:
    """Join two consecutive lines of running text, repairing a hyphenation at the line end.

    ``evidence`` is lower-cased text of the same document: a compound that occurs there with a
    hyphen inside a line ("nordrhein-westfälischen") keeps its hyphen when split at it."""
    left, right = left.rstrip(), right.lstrip()
    drop, separator = line_joint(left, right, evidence)
    return left[: len(left) - drop] + separator + right


def line_joint(left: str, right: str, evidence: str = "") -> tuple[int, str]:
    """How to join ``left`` and ``right``: characters to drop from left's end, and a separator."""
    if left.endswith("\u00ad"):
        return 1, ""
    if URL_OPEN_END.search(left):
        return 0, ""
    hyphen = re.search(r"([^\W_]+)-$", left)
    if not hyphen or not right:
        return 0, " "
    return _hyphen_joint(hyphen.group(1), right, evidence)


def _hyphen_joint(piece: str, right: str, evidence: str) -> tuple[int, str]:
    """Keep a line-end hyphen where it is real: before a capital or digit ("Nordrhein-Westfalen",
    "Hauts-de-France"), after a capital or digit ("NRW-weit"), in a suspended compound
    ("Bundes- und"), or where the document writes the compound with a hyphen elsewhere."""
    word = right.split()[0]
    if word.lower().rstrip(",;:") in SUSPENSION_WORDS and len(piece) >= 3:
        return 0, " "
    if not word[0].isalpha() or word[0].isupper() or piece[-1].isupper() or piece[-1].isdigit():
        return 0, ""
    head = re.match(r"[^\W\d_]+", word)
    if evidence and head and len(piece) >= 3 and f"{piece}-{head.group()[:4]}".lower() in evidence:
        return 0, ""
    return 1, ""


# --------------------------------------------------------------------------------------------
# Chunks: blocks before cleaning


@dataclass
class _Chunk:
    """Source lines that will become one block; ``kind`` is provisional until classified."""

    kind: str
    lines: list[tuple[int, str]]
    header: bool = False
    cells: tuple[str, ...] = ()

    @property
    def first(self) -> int:
        return self.lines[0][0]


@dataclass(frozen=True)
class _Context:
    """What cleaning needs to know about the whole document."""

    rendering: str
    evidence: str
    footnotes: frozenset[int] = frozenset()
    line_count: int = 0


# --------------------------------------------------------------------------------------------
# Reading files


def read(path: str | Path) -> Document:
    """Read a source file (text, Markdown, text rendered from PDF, or PDF) into a Document."""
    path = Path(path)
    data = _read_bytes(path)
    lines, pages, rendering = _source_lines(path, data)
    if not any(line.strip() for line in lines):
        raise DocumentError(str(path), "file contains no text (only whitespace)")
    try:
        blocks = _blocks(lines, rendering, pages)
    finally:
        _cleaned.cache_clear()  # the cache holds this document's text: keep it per document
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


def _source_lines(path: Path, data: bytes) -> tuple[list[str], list[int] | None, str]:
    """The lines that line numbers refer to, each line's page (PDF only), and the rendering."""
    if _is_pdf(data):
        lines, pages = _pdf_lines(path, data)
        return lines, pages, "pdf"
    lines = _decode(path, data).split("\n")
    return lines, None, _detect_rendering(lines, path.suffix.lower())


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, or a DocumentError saying in plain words why there are none."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(str(path), "file not found") from None
    except IsADirectoryError:
        raise DocumentError(str(path), "is a directory, not a file") from None
    except PermissionError:
        raise DocumentError(str(path), "file cannot be read: permission denied") from None
    except OSError as error:
        raise DocumentError(str(path), f"file cannot be read: {error.strerror}") from None
    if not data:
        raise DocumentError(str(path), "file is empty")
    return data


def _is_pdf(data: bytes) -> bool:
    """PDF by content: the header may follow up to 1024 bytes of junk (PDF spec)."""
    return b"%PDF-" in data[:1024]


def _decode(path: Path, data: bytes) -> str:
    """UTF-8 (with or without BOM), else cp1252; NFC; LF line ends; no binary files."""
    if b"\x00" in data[:8192]:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise DocumentError(str(path), "not a text or PDF file (binary data)", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
            text = data.decode("latin-1")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _detect_rendering(lines: Sequence[str], suffix: str) -> str:
    """Which kind of text this is, from its content (the suffix only breaks a tie)."""
    if _looks_like_pdf_text(lines):
        return "pdf-text"
    signals = sum(1 for line in lines if _markdown_signal(line))
    if signals >= 3 or (signals >= 1 and suffix in (".md", ".markdown")):
        return "markdown"
    return "plain"


def _looks_like_pdf_text(lines: Sequence[str]) -> bool:
    """Text rendered from a PDF: whitespace-only paragraph lines and text lines ending in a
    space, or "double-spaced" (most text lines followed by exactly one empty line)."""
    text_lines = [line for line in lines if line.strip()]
    if not text_lines:
        return False
    ws_lines = sum(1 for line in lines if line and not line.strip())
    trailing = sum(1 for line in text_lines if line.endswith(" ")) / len(text_lines)
    return (ws_lines >= 2 and trailing >= 0.5) or _double_spaced(lines)


def _double_spaced(lines: Sequence[str]) -> bool:
    """Hard-wrapped lines (most of them full lines ending mid-sentence) each followed by one
    empty line. Markdown with one paragraph per line, or a web page's short menu lines, also
    alternate text and blank lines, but their lines end sentences or are short."""
    spaced = [
        line.strip()
        for index, line in enumerate(lines[:-2])
        if line.strip() and lines[index + 1] == "" and lines[index + 2].strip()
    ]
    text_count = sum(1 for line in lines if line.strip())
    if text_count < 6 or len(spaced) / text_count < 0.6:
        return False
    wrapped = sum(1 for line in spaced if len(line) >= 40 and not _closed(line))
    return wrapped / len(spaced) >= 0.5


def _markdown_signal(line: str) -> bool:
    return bool(
        MD_HEADING.match(line)
        or re.search(r"\*\*\S|\S\*\*|\[[^\]]+\]\([^)\s]+\)|\\[*_#\[\]]|</?(?:b|i|strong|em)>", line)
        or PIPE_ROW.match(line)
    )


# --------------------------------------------------------------------------------------------
# PDF files


def _pdf_lines(path: Path, data: bytes) -> tuple[list[str], list[int]]:
    """The text layer laid out as lines, page after page, and the page of every line."""
    reader = _open_pdf(path, data)
    lines: list[str] = []
    pages: list[int] = []
    for number, page in enumerate(reader.pages, 1):
        for line in _page_text(path, page, number):
            lines.append(line)
            pages.append(number)
    if not any(line.strip() for line in lines):
        raise DocumentError(
            str(path), "PDF has no text layer (a scan?): no text could be extracted"
        )
    return lines, pages


def _open_pdf(path: Path, data: bytes):
    """A pypdf reader, or a DocumentError saying why the PDF cannot be opened."""
    import pypdf  # imported here: reading text files must not need it
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FileNotDecryptedError("wrong password")
        page_count = len(reader.pages)
    except FileNotDecryptedError:
        raise DocumentError(str(path), "PDF is encrypted and needs a password") from None
    except DependencyError as error:
        raise DocumentError(
            str(path), f"PDF is encrypted and cannot be decrypted: {error}"
        ) from None
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as error:
        raise DocumentError(str(path), f"PDF cannot be read (damaged?): {error}") from None
    if not page_count:
        raise DocumentError(str(path), "PDF has no pages")
    return reader


def _page_text(path: Path, page, number: int) -> list[str]:
    """One page in pypdf's layout mode, which keeps vertical gaps as empty lines (paragraph
    breaks); the plain mode if the layout mode fails on the page."""
    text = None
    for mode in ("layout", "plain"):
        try:
            text = page.extract_text(extraction_mode=mode)
            break
        except Exception as error:  # pypdf raises many kinds on damaged content streams
            failure = error
    if text is None:
        reason = f"text of page {number} cannot be extracted: {failure}"
        raise DocumentError(str(path), reason) from None
    lines = [INVISIBLE.sub("", line).rstrip() for line in text.replace("\r", "").split("\n")]
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return [unicodedata.normalize("NFC", line) for line in lines]


def _running_lines(lines: Sequence[str], pages: Sequence[int]) -> set[int]:
    """Indices of running headers/footers and page numbers: a line that repeats (digits
    normalised) among the top or bottom two lines of most pages, or a page-number line there."""
    edges = _page_edges(lines, pages)
    counts: Counter[str] = Counter()
    for indices in edges.values():
        counts.update({_normalise_running(lines[i]) for i in indices})
    needed = max(2, math.ceil(0.5 * len(set(pages))))
    removed = set()
    for indices in edges.values():
        for i in indices:
            if counts[_normalise_running(lines[i])] >= needed or _page_number(lines[i]):
                removed.add(i)
    return removed


def _page_edges(lines: Sequence[str], pages: Sequence[int]) -> dict[int, list[int]]:
    by_page: dict[int, list[int]] = {}
    for index, (line, page) in enumerate(zip(lines, pages, strict=True)):
        if line.strip():
            by_page.setdefault(page, []).append(index)
    return {page: idx[:2] + idx[-2:] if len(idx) > 4 else idx for page, idx in by_page.items()}


def _normalise_running(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.strip().lower()))


def _page_number(line: str) -> bool:
    return bool(PAGE_NUMBER.match(line) or BARE_NUMBER.match(line))


# --------------------------------------------------------------------------------------------
# Segmentation


def _blocks(lines: Sequence[str], rendering: str, pages: Sequence[int] | None) -> list[Block]:
    """Segment, classify and clean: the pipeline of this module in one place."""
    chunks = _segment(lines, rendering, pages)
    if rendering in ("pdf", "pdf-text"):
        chunks = _split_titles(chunks)
    footnotes = frozenset(_footnote_number(c) for c in chunks if c.kind == "footnote")
    context = _Context(rendering, "\n".join(lines).lower(), footnotes, len(lines))
    chunks = [c for c in chunks if _clean(c, context).text or c.kind == "row"]
    _mark_boilerplate(chunks, context)
    if rendering in ("markdown", "plain") or (
        rendering == "pdf-text" and not _has_ws_breaks(lines)
    ):
        chunks = _merge_page_splits(chunks, context)
    _classify(chunks, context)
    chunks = _mark_signatures(chunks, context)
    chunks.sort(key=lambda c: c.first)
    return [_to_block(c, context, pages) for c in chunks]


def _segment(lines: Sequence[str], rendering: str, pages: Sequence[int] | None) -> list[_Chunk]:
    if rendering == "pdf" and pages is not None:
        return _flow(_pdf_items(lines, pages), _short_line_end(lines, 0.6), {})
    if rendering != "pdf-text":
        return _segment_gaps(lines, 1, rendering == "markdown")
    lines = _without_running_lines(lines)
    if not _has_ws_breaks(lines):
        return _segment_gaps(lines, 2, False)
    if _ws_spaced(lines):  # every line followed by a blank one: no paragraph marks left
        return _flow(_ws_items(lines, spaced=True), _short_line_end(lines, 0.75), {})
    return _flow(_ws_items(lines, spaced=False), _trailing_paragraph_end, _table_rows(lines))


def _has_ws_breaks(lines: Sequence[str]) -> bool:
    return sum(1 for line in lines if line and not line.strip()) >= 2


def _ws_spaced(lines: Sequence[str]) -> bool:
    """Most text lines are followed by a whitespace-only line: that line is line spacing."""
    text = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    followed = sum(1 for i in text if lines[i + 1] and not lines[i + 1].strip())
    return bool(text) and followed / len(text) >= 0.6


def _without_running_lines(lines: Sequence[str]) -> list[str]:
    """PDF text: lines that stand only at page breaks (runs of two or more empty lines) and
    repeat there, digits aside (running headers such as "Drucksache 21/1187 ... Wahlperiode"),
    and page numbers there, become empty lines; line numbers stay as they are."""
    edges = _page_break_edges(lines)
    at_edges = Counter(_normalise_running(lines[i]) for i in edges)
    everywhere = Counter(_normalise_running(line) for line in lines if line.strip())

    def running(line: str) -> bool:
        key = _normalise_running(line)
        return _page_number(line) or (at_edges[key] >= 2 and at_edges[key] == everywhere[key])

    return ["" if i in edges and running(line) else line for i, line in enumerate(lines)]


def _page_break_edges(lines: Sequence[str]) -> set[int]:
    """Indices of the two text lines before and after each run of two or more empty lines."""
    text = [i for i, line in enumerate(lines) if line.strip()]
    edges: set[int] = set()
    for position, (before, after) in enumerate(itertools.pairwise(text)):
        gap = lines[before + 1 : after]
        if any(a == b == "" for a, b in itertools.pairwise(gap)):
            edges.update(text[max(position - 1, 0) : position + 3])
    return edges


@dataclass(frozen=True)
class _Item:
    """A text line of a flowing layout: whether a paragraph break or a footnote separator
    stands before it."""

    number: int
    text: str
    brk: bool = False
    separator: bool = False


def _ws_items(lines: Sequence[str], spaced: bool) -> list[_Item]:
    """PDF text whose paragraphs are whitespace-only lines: empty lines (double spacing, runs
    at page breaks) are not breaks; a long run of spaces or underscores is a footnote rule.
    Where whitespace-only lines are the line spacing (``spaced``), only rules break."""
    items: list[_Item] = []
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
        items.append(_Item(number, line, brk, separator))
        brk = separator = False
    return items


def _pdf_items(lines: Sequence[str], pages: Sequence[int]) -> list[_Item]:
    """A PDF's text layer without running lines; a break where the vertical gap is larger than
    the usual line spacing, or at a page end after a short line that ends a sentence."""
    removed = _running_lines(lines, pages)
    usual = _usual_gap(lines, removed)
    width = _usual_width(lines)
    items: list[_Item] = []
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
        items.append(_Item(index + 1, line, brk or separator, separator))
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


def _usual_width(lines: Sequence[str]) -> int:
    widths = sorted(len(line.strip()) for line in lines if line.strip())
    return widths[int(0.9 * (len(widths) - 1))] if widths else 0


def _ends_short(text: str, width: int) -> bool:
    stripped = text.strip()
    return _closed(stripped) and len(stripped) < 0.8 * width


def _short_line_end(lines: Sequence[str], ratio: float) -> Callable[[str], bool]:
    """Where nothing marks paragraphs, a clearly short line that ends a sentence ends one."""
    width = _usual_width(lines)
    return lambda text: _closed(text.strip()) and len(text.strip()) < ratio * width


def _trailing_paragraph_end(text: str) -> bool:
    """PDF-text renderers write a paragraph mark as extra trailing spaces after the sentence."""
    return bool(re.search(r"[.!?:“”\"]\s{2,}$", text))


def _flow(items: Sequence[_Item], paragraph_end: Callable[[str], bool], rows: dict) -> list[_Chunk]:
    """Cut a flowing layout into chunks: at breaks, before enumerations that follow a finished
    sentence, after paragraph ends; footnotes after a rule (or starting with a URL) and table
    rows apart; image descriptions dropped."""
    chunks: list[_Chunk] = []
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
            chunks.append(_Chunk("text", current))
            current = []
        if item.number in rows:
            chunks.append(_Chunk("row", [(item.number, item.text)], *rows[item.number]))
            continue
        current.append((item.number, item.text))
        if alone or paragraph_end(item.text):
            chunks.append(_Chunk("text", current))
            current = []
    return [*chunks, _Chunk("text", current)] if current else chunks


def _standalone(current: list[tuple[int, str]], text: str) -> bool:
    """Letter lines that form a block of their own even without a break around them: the
    place-and-date line, the salutation, the closing formula (after a finished sentence)."""
    stripped = text.strip()
    if current and not _closed(current[-1][1].strip()):
        return False
    return any(p.match(stripped) for p in (DATE_LINE, SALUTATION, CLOSING_FORMULA))


def _footnote_line(chunks: list[_Chunk], current: list, item: _Item) -> bool:
    """Add a footnote line (a new note or the continuation of the last one); False if the line
    is not part of the footnotes."""
    last = chunks[-1] if chunks and chunks[-1].kind == "footnote" and not current else None
    start = FOOTNOTE_START.match(item.text)
    if start and (last is None or int(start.group(1)) == _footnote_number(last) + 1):
        if current:
            chunks.append(_Chunk("text", list(current)))
        chunks.append(_Chunk("footnote", [(item.number, item.text)]))
        return True
    if last is not None and _continues_footnote(last, item.text):
        last.lines.append((item.number, item.text))
        return True
    return False


def _continues_footnote(note: _Chunk, text: str) -> bool:
    previous = note.lines[-1][1].strip()
    stripped = text.strip()
    if URL_TOKEN.search(previous):
        return " " not in stripped
    return not _closed(previous) and not ENUMERATION.match(text) and not FOOTNOTE_START.match(text)


def _footnote_number(chunk: _Chunk) -> int:
    match = FOOTNOTE_START.match(chunk.lines[0][1])
    return int(match.group(1)) if match else 0


def _enumerates(current: list[tuple[int, str]], item: _Item) -> bool:
    """An enumerated line ("1.", "a)", "-") after a finished sentence starts a new block."""
    previous = current[-1][1].strip() if current else ""
    return bool(ENUMERATION.match(item.text)) and (
        not previous or previous[-1] in TERMINATORS + ")"
    )


def _segment_gaps(lines: Sequence[str], min_gap: int, markdown: bool) -> list[_Chunk]:
    """Blank lines separate blocks (in double-spaced text: runs of two or more); headings,
    table rows, list items and footnotes stand alone; artefacts and rules go."""
    rows = _table_rows(lines)
    chunks: list[_Chunk] = []
    current: list[tuple[int, str]] = []
    blank = min_gap
    for number, line in enumerate(lines, 1):
        if not line.strip():
            blank += 1
            continue
        kind = _line_kind(line, number, rows, markdown)
        if kind == "text" and not blank and not current and _continues_last_note(chunks, line):
            kind = "note-continuation"
        elif current and (blank >= min_gap or kind != "text" or _breaks(current, line, markdown)):
            chunks.append(_Chunk("text", current))
            current = []
        blank = 0
        _place(chunks, current, kind, (number, line), rows)
    return [*chunks, _Chunk("text", current)] if current else chunks


def _place(chunks: list[_Chunk], current: list, kind: str, line: tuple[int, str], rows) -> None:
    if kind == "text":
        current.append(line)
    elif kind == "note-continuation":
        chunks[-1].lines.append(line)
    elif kind not in ("artefact", "rule"):
        chunks.append(_Chunk(kind, [line], *rows.get(line[0], (False, ()))))


def _continues_last_note(chunks: list[_Chunk], line: str) -> bool:
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
    return _enumerates(current, _Item(0, line)) or _long_line_ends(current[-1][1])


def _long_line_ends(line: str) -> bool:
    """A line of 200+ characters that ends a sentence is a whole paragraph (web text that puts
    one paragraph on a line without blank lines between)."""
    stripped = line.strip()
    return len(stripped) >= 200 and _closed(stripped)


# --------------------------------------------------------------------------------------------
# Tables


def _table_rows(lines: Sequence[str]) -> dict[int, tuple[bool, tuple[str, ...]]]:
    """Line number -> (header?, raw cells) for tab-separated and pipe table lines."""
    rows: dict[int, tuple[bool, tuple[str, ...]]] = {}
    for region in _regions(lines, lambda line: "\t" in line.strip(" ")):
        rows.update(_tab_region(lines, region))
    for region in _regions(lines, lambda line: bool(PIPE_ROW.match(line))):
        rows.update(_pipe_region(lines, region))
    return rows


def _regions(lines: Sequence[str], member: Callable[[str], bool]) -> list[list[int]]:
    """Runs of member lines (1-based numbers) that only blank lines interrupt."""
    regions: list[list[int]] = []
    current: list[int] = []
    for number, line in enumerate(lines, 1):
        if member(line):
            current.append(number)
        elif line.strip() and current:
            regions.append(current)
            current = []
    if current:
        regions.append(current)
    return regions


def _tab_region(lines: Sequence[str], region: list[int]) -> dict:
    """A tab table if at least two of its lines have two or more filled cells (a lone tab is
    indentation). The header row is marked up (bold), or else a first row of labels."""
    split = {n: _trim_cells(lines[n - 1].strip("\n").split("\t")) for n in region}
    if sum(1 for cells in split.values() if sum(1 for c in cells if c.strip()) >= 2) < 2:
        return {}
    marked = {n: _bold_row(cells) for n, cells in split.items()}
    first = region[0]
    if not any(marked.values()) and _label_row(split[first]):
        marked[first] = True
    return {n: (marked[n], tuple(split[n])) for n in region}


def _pipe_region(lines: Sequence[str], region: list[int]) -> dict:
    """A Markdown pipe table: separator lines skipped, the first row is the header."""
    rows = [n for n in region if not PIPE_SEPARATOR.match(lines[n - 1])]
    if len(rows) < 2:
        return {}
    result = {}
    for n in rows:
        inner = lines[n - 1].strip()[1:-1]
        cells = _trim_cells(re.split(r"(?<!\\)\|", inner))
        result[n] = (n == rows[0], tuple(cells))
    return result


def _trim_cells(cells: list[str]) -> list[str]:
    while len(cells) > 1 and not cells[-1].strip():
        cells.pop()
    return cells


def _bold_row(cells: Sequence[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(BOLD_CELL.match(c) for c in filled)


def _label_row(cells: Sequence[str]) -> bool:
    return all(c.strip() and len(c.strip()) <= 50 and not re.search(r"\d", c) for c in cells)


# --------------------------------------------------------------------------------------------
# Cleaning


def _clean(chunk: _Chunk, context: _Context) -> _Text:
    """The chunk's text: lines joined with hyphenation repaired, markup removed, spaces single."""
    return _clean_lines(tuple(chunk.lines), chunk.kind, context)


def _clean_lines(lines: tuple[tuple[int, str], ...], kind: str, context: _Context) -> _Text:
    """A fresh (mutable) copy of the cached cleaning result."""
    text, line_numbers = _cleaned(lines, kind, context)
    return _Text(text, line_numbers)


@lru_cache(maxsize=4096)
def _cleaned(
    lines: tuple[tuple[int, str], ...], kind: str, context: _Context
) -> tuple[str, tuple[int, ...]]:
    text = _Text()
    previous = 0
    for number, raw in lines:
        line = _prepare_line(raw, kind, context.rendering == "markdown")
        if not line:
            continue
        if text.text:
            drop, separator = line_joint(text.text, line, context.evidence)
            text.drop_tail(drop)
            text.add(separator, previous)
        text.add(line, number)
        previous = number
    text = _strip_markup(text, context.rendering == "markdown")
    if kind in ("text", "paragraph", "heading") and context.footnotes:
        text = _strip_footnote_marks(text, context.footnotes)
    text = text.sub(r"\s+", " ").strip()
    return text.text, tuple(text.lines)


def _prepare_line(raw: str, kind: str, markdown: bool) -> str:
    line = INVISIBLE.sub("", raw).strip()
    for ligature, letters in LIGATURES.items():
        line = line.replace(ligature, letters)
    if "\u00ad" in line[:-1]:
        line = line[:-1].replace("\u00ad", "") + line[-1]
    if kind == "heading" and markdown:
        match = MD_HEADING.match(line)
        line = match.group(2) if match else line
    elif markdown and MD_BULLET.match(line):
        line = MD_BULLET.sub("", line, count=1)
    return line


def _strip_markup(text: _Text, markdown: bool) -> _Text:
    """Links become their text, images and HTML tags go; in Markdown also emphasis and
    backslash escapes (escaped characters are protected first, then restored)."""
    if markdown:
        text = text.sub(r"\\([!-/:-@\[-`{-~])", lambda m: chr(0xE000 + ord(m.group(1))))
    text = text.sub(r"!\[[^\]]*\]\([^)]*\)", "")
    text = text.sub(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)", 1)
    text = text.sub(r"<(https?://[^>\s]+)>", 1)
    text = text.sub(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", " ")
    for entity, char in (("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">")):
        text = text.sub(re.escape(entity), char)
    if markdown:
        text = _strip_emphasis(text)
        text = text.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - 0xE000))
    return text


def _strip_emphasis(text: _Text) -> _Text:
    """Remove **bold**, __bold__, *italic*, _italic_, ~~struck~~ and `code` marks; a lone star
    inside a word ("Richter*innen") is not emphasis and stays."""
    text = text.sub(r"(?<![\w*])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![\w*])", 1)
    text = text.sub(r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)", 1)
    text = text.sub(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])", 1)
    text = text.sub(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", 1)
    text = text.sub(r"~~(?=\S)(.+?)(?<=\S)~~", 1)
    text = text.sub(r"`([^`]+)`", 1)
    return text.sub(r"(?<![\w*])\*\*(?![\w*])", "")


def _strip_footnote_marks(text: _Text, numbers: frozenset[int]) -> _Text:
    """Footnote markers glued to punctuation ("Ostasien.1") go when that footnote exists."""
    pattern = r"(?<=[.,;:!?“”\"')\]])(\d{1,3})(?=\s|$)"
    return text.sub(pattern, lambda m: "" if int(m.group(1)) in numbers else m.group(1))


def _cell_text(cell: str, context: _Context) -> str:
    return _clean_lines(((0, cell),), "cell", context).text


# --------------------------------------------------------------------------------------------
# Titles in PDF text


def _split_titles(chunks: list[_Chunk]) -> list[_Chunk]:
    """In PDF text a heading can share a block with its body: split off a title ending with a
    "(<date>)" and short label lines ("Antwort", "Frage") that stand between sentences."""
    result: list[_Chunk] = []
    for chunk in chunks:
        if chunk.kind != "text":
            result.append(chunk)
            continue
        for part in _split_labels(chunk.lines):
            result.extend(_split_dated_titles(part))
    return result


def _split_dated_titles(lines: list[tuple[int, str]]) -> list[_Chunk]:
    """Split off every title that starts the block or follows a finished sentence, ends in
    "(<date>)" and is followed by a new sentence (or ends the block)."""
    for start in range(len(lines)):
        if start and not _closed(lines[start - 1][1].strip()):
            continue
        end = _dated_title_end(lines, start)
        if end is not None:
            parts = [_Chunk("text", lines[:start]), _Chunk("heading", lines[start : end + 1])]
            return [p for p in parts if p.lines] + _split_dated_titles(lines[end + 1 :])
    return [_Chunk("text", lines)] if lines else []


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
    if _name_like(stripped):  # a signatory's name keeps its post lines
        return False
    return not before or _closed(before) or previous.endswith("  ")


def _starts_sentence(text: str) -> bool:
    return bool(text) and (text[0].isupper() or text[0] in '„"“»')


# --------------------------------------------------------------------------------------------
# Block-level passes


def _closed(text: str) -> bool:
    """Does the text end a sentence (or a bracket it opened)? "(u.a." is still open."""
    if text.count("(") > text.count(")"):
        return False
    stripped = text.rstrip(CLOSING_QUOTES + " ")
    return bool(stripped) and stripped[-1] in TERMINATORS + ")]"


def _mark_boilerplate(chunks: list[_Chunk], context: _Context) -> None:
    """Web-page noise (cookie banners, menus, footer links) by the patterns of boilerplate.txt."""
    text_patterns, raw_patterns = _boilerplate_patterns()
    for chunk in chunks:
        if chunk.kind not in ("text", "heading"):
            continue
        if _matches_raw(chunk, raw_patterns) or _matches_text(chunk, context, text_patterns):
            chunk.kind = "boilerplate"


def _matches_raw(chunk: _Chunk, patterns: Sequence[re.Pattern[str]]) -> bool:
    """Every source line of the block matches a raw pattern (e.g. lines made only of links)."""
    lines = [line.strip() for _, line in chunk.lines]
    return bool(patterns) and all(any(p.search(line) for p in patterns) for line in lines)


def _matches_text(chunk: _Chunk, context: _Context, patterns: Sequence[re.Pattern[str]]) -> bool:
    """The block's text matches, or it is a block of short lines (a menu) half of which match."""
    if not patterns:
        return False
    if any(p.search(_clean(chunk, context).text) for p in patterns):
        return True
    lines = [_clean_lines(((n, line),), chunk.kind, context).text for n, line in chunk.lines]
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
    here = Path(__file__).resolve().parent
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


def _merge_page_splits(chunks: list[_Chunk], context: _Context) -> list[_Chunk]:
    """Markdown and plain text converted from a PDF cut paragraphs at page breaks. A long
    paragraph that does not end a sentence (or ends with a hyphen) goes on in the next
    paragraph; boilerplate between the two (a page footer) is stepped over and kept."""
    result: list[_Chunk] = []
    head: _Chunk | None = None
    for chunk in chunks:
        if head is not None and chunk.kind == "boilerplate":
            result.append(chunk)
            continue
        if head is not None and chunk.kind == "text" and _continues(_clean(chunk, context).text):
            head.lines = head.lines + chunk.lines
        else:
            result.append(chunk)
            head = chunk
        head = head if head.kind == "text" and _open_paragraph(head, context) else None
    return result


def _open_paragraph(chunk: _Chunk, context: _Context) -> bool:
    text = _clean(chunk, context).text
    hyphen = bool(re.search(r"[^\W\d_]-$", text))
    return hyphen or (len(text) >= 200 and not _closed(text))


def _continues(text: str) -> bool:
    return bool(text) and (text[0].isalnum() or text[0] in '„"“(»')


def _classify(chunks: list[_Chunk], context: _Context) -> None:
    """Headings: Markdown '#' lines, paragraphs entirely in bold, titles ending in a date in
    parentheses, and short label lines; every other text chunk is a paragraph."""
    for chunk in chunks:
        if chunk.kind != "text":
            continue
        raw = " ".join(line.strip() for _, line in chunk.lines)
        text = _clean(chunk, context).text
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
        and not _name_like(text)
        and not CLOSING_FORMULA.match(text)
    )


# --------------------------------------------------------------------------------------------
# Signatures


def _mark_signatures(chunks: list[_Chunk], context: _Context) -> list[_Chunk]:
    """After a closing formula ("Mit freundlichen Grüßen") or a date line, the following blocks
    that start with a person's name are signatures: name line plus post lines, one block per
    signatory. After a bare date line, and in the last third of a document without either
    (an answer signed by its minister), a signatory needs a post line."""
    parts = [part for chunk in chunks for part in _split_triggers(chunk, context)]
    result: list[_Chunk] = []
    armed = ""
    index = 0
    while index < len(parts):
        part = parts[index]
        index += 1
        trigger = _trigger(part, context)
        if trigger:
            result.append(part)
            armed = trigger
            continue
        mode = armed or ("tail" if part.first > context.line_count * 2 / 3 else "")
        if mode and _name_then_post(parts, index, context):  # PDF text: in two blocks
            part = _Chunk(part.kind, part.lines + parts[index].lines)
            index += 1
        armed = _take_signatures(part, mode, result, context)
    return result


def _name_then_post(parts: list[_Chunk], index: int, context: _Context) -> bool:
    """parts[index - 1] is a name alone, parts[index] a block of post lines."""
    name = parts[index - 1]
    if index >= len(parts) or len(name.lines) != 1:
        return False
    return _name_like(_line_text(name.lines[0], context)) and _post_block(parts[index], context)


def _post_block(chunk: _Chunk, context: _Context) -> bool:
    """A block of one to three lines naming a post ("Chef der Staatskanzlei")."""
    if chunk.kind not in ("paragraph", "heading") or len(chunk.lines) > 3:
        return False
    texts = [_line_text(line, context) for line in chunk.lines]
    return _post_title(texts[0]) and all(len(t) <= 120 for t in texts)


def _trigger(chunk: _Chunk, context: _Context) -> str:
    if chunk.kind not in ("paragraph", "heading"):
        return ""
    text = _clean(chunk, context).text
    if CLOSING_FORMULA.match(text):
        return "closing"
    return "date" if DATE_LINE.match(text) else ""


def _split_triggers(chunk: _Chunk, context: _Context) -> list[_Chunk]:
    """In single-spaced text the closing formula or date line may share a block with the
    names: put such a line in a block of its own."""
    if chunk.kind != "paragraph" or len(chunk.lines) < 2:
        return [chunk]
    for index, (number, raw) in enumerate(chunk.lines):
        line = _clean_lines(((number, raw),), "text", context).text
        if CLOSING_FORMULA.match(line) or (DATE_LINE.match(line) and index == 0):
            parts = [chunk.lines[:index], [(number, raw)], chunk.lines[index + 1 :]]
            return [_Chunk("paragraph", part) for part in parts if part]
    return [chunk]


def _take_signatures(chunk: _Chunk, armed: str, result: list[_Chunk], context: _Context) -> str:
    """Peel signatories off the start of an armed chunk; returns whether still armed. Lines
    before a name such as "In Vertretung" or "Für den Freistaat Bayern" stay a paragraph."""
    if not armed or chunk.kind not in ("paragraph", "heading"):
        result.append(chunk)
        return ""
    lead = _signature_lead(chunk.lines, context)
    if lead == len(chunk.lines):
        result.append(chunk)
        return armed
    loose = context.rendering in ("markdown", "plain")
    signatures, rest = _signatories(chunk.lines[lead:], loose, context)
    if armed in ("date", "tail"):
        signatures = list(itertools.takewhile(lambda group: len(group) > 1, signatures))
        rest = chunk.lines[lead + sum(len(group) for group in signatures) :]
    if lead and signatures:
        result.append(_Chunk("paragraph", chunk.lines[:lead]))
    elif lead:
        rest = chunk.lines
    result.extend(_Chunk("signature", lines) for lines in signatures)
    if rest:
        result.append(_Chunk(chunk.kind, rest))
    return armed if signatures and not rest else ""


def _signature_lead(lines: list[tuple[int, str]], context: _Context) -> int:
    """How many of the first lines (at most two) stand before a signatory's name."""
    count = 0
    while count < min(2, len(lines)) and SIGNATURE_PREFIX.match(_line_text(lines[count], context)):
        count += 1
    return count


def _signatories(lines, loose: bool, context: _Context) -> tuple[list[list], list]:
    """Split lines into [name, post, post...] groups from the start; the rest is not signature."""
    groups: list[list] = []
    index = 0
    while index < len(lines) and _name_like(_line_text(lines[index], context)):
        group = [lines[index]]
        index += 1
        while index < len(lines) and _post_like(_line_text(lines[index], context), group, loose):
            group.append(lines[index])
            index += 1
        groups.append(group)
    return groups, list(lines[index:])


def _line_text(line: tuple[int, str], context: _Context) -> str:
    return _clean_lines((line,), "text", context).text


def _name_like(text: str) -> bool:
    """A person's name: two to six words, capitalised, particles such as "von der" between
    them, titles such as "Dr." allowed; no digits, no sentence punctuation, no adjectives
    ("Sächsische Staatskanzlei") and no function words ("Bericht der Landesregierung")."""
    text = re.sub(r"(?i)^gez\.?\s+", "", text.strip())
    words = text.split()
    if not 2 <= len(words) <= 6 or len(text) > 60 or re.search(r"[\d,;:!?()]", text):
        return False
    names = [w for w in words if w.lower() not in NAME_TITLES]
    if len(names) < 2 or names[-1].endswith("."):
        return False
    return all(
        _name_word(word, previous) for previous, word in zip(["", *names], names, strict=False)
    )


def _name_word(word: str, previous: str) -> bool:
    lower = word.lower()
    if previous and lower in NAME_PARTICLES:
        return True
    if lower in NAME_INNER_PARTICLES and previous.lower() in NAME_PARTICLES:
        return True
    if lower in NOT_NAME_WORDS or not NAME_TOKEN.match(word):
        return False
    return not NOT_NAME_ENDING.search(word)


def _post_like(text: str, group: list, loose: bool) -> bool:
    """A post line under a name: it starts with the title of a post ("Ministerpräsident des
    Landes ...", "Der Stellvertretende Ministerpräsident"), continues one (lower-case start),
    or (where blocks are separated by blank lines) is any short line that is not a sentence."""
    if not text or len(text) > 120 or (_name_like(text) and not _post_title(text)):
        return False
    if _post_title(text) or (len(group) > 1 and text[0].islower()):
        return True
    return loose and not _closed(text) and not SIGNATURE_PREFIX.match(text)


def _post_title(text: str) -> bool:
    words = text.split()
    while len(words) > 1 and words[0].lower() in POST_LEAD:
        words = words[1:]
    return bool(words) and bool(POST_STEM.search(words[0]))


# --------------------------------------------------------------------------------------------
# Blocks


def _to_block(chunk: _Chunk, context: _Context, pages: Sequence[int] | None) -> Block:
    kind = "paragraph" if chunk.kind == "text" else chunk.kind
    numbers = [number for number, _ in chunk.lines]
    page = pages[numbers[0] - 1] if pages else None
    if kind == "row":
        return _row_block(chunk, context, page)
    text = _signature_text(chunk, context) if kind == "signature" else _clean(chunk, context)
    return Block(
        kind=kind,
        text=text.text,
        start_line=min(numbers),
        end_line=max(numbers),
        page=page,
        line_map=text.line_map(),
    )


def _signature_text(chunk: _Chunk, context: _Context) -> _Text:
    """Name, a comma, then the post (its lines joined): the extractor splits at the first comma."""
    name = _clean_lines(tuple(chunk.lines[:1]), "text", context)
    if len(chunk.lines) == 1:
        return name
    post = _clean_lines(tuple(chunk.lines[1:]), "text", context)
    name.add(", ", chunk.lines[0][0])
    return _Text(name.text + post.text, name.lines + post.lines)


def _row_block(chunk: _Chunk, context: _Context, page: int | None) -> Block:
    number = chunk.first
    cells = tuple(_cell_text(cell, context) for cell in chunk.cells)
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
