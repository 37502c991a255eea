"""A file's bytes become the lines that line numbers refer to, and its rendering is detected.

Which rendering a text is (PDF text, Markdown, plain) is read from its content: the suffix
only breaks a tie.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from kg.documents.layout import PAGE_WIDTH, usual_width
from kg.documents.model import DocumentError
from kg.documents.patterns import MD_HEADING, PIPE_ROW, closed
from kg.documents.pdf import pdf_lines


def source_lines(path: Path, data: bytes) -> tuple[list[str], list[int] | None, str]:
    """The lines that line numbers refer to, each line's page (PDF only), and the rendering."""
    if _is_pdf(data):
        lines, pages = pdf_lines(path, data)
        return lines, pages, "pdf"
    lines = _decode(path, data).split("\n")
    return lines, None, _detect_rendering(lines, path.suffix.lower())


def read_bytes(path: Path) -> bytes:
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
    """UTF-8 (with or without BOM), else cp1252; NFC; LF line ends; no soft hyphens inside
    lines; no binary files."""
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
    return unicodedata.normalize("NFC", _INNER_SOFT_HYPHEN.sub("", text))


# A soft hyphen inside a line (a page's hyphenation hint, "Veröffent\u00adlichung") is not
# shown: it goes as the CR of a CRLF does. One ending a line marks a hyphenated word (clean.py).
_INNER_SOFT_HYPHEN = re.compile("\u00ad(?![ \t]*\n)")


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
    space, wrapped to a page's width, or "double-spaced" (most text lines followed by exactly
    one empty line). A web page's text can end its lines in spaces too (a converter keeping
    the markup's indentation), but its lines are whole paragraphs: most of them, or one at
    least, wider than a page."""
    text_lines = [line for line in lines if line.strip()]
    if not text_lines:
        return False
    ws_lines = sum(1 for line in lines if line and not line.strip())
    trailing = sum(1 for line in text_lines if line.endswith(" ")) / len(text_lines)
    wrapped = usual_width(text_lines) <= PAGE_WIDTH and \
        max(len(line.strip()) for line in text_lines) <= 2 * PAGE_WIDTH
    return (ws_lines >= 2 and trailing >= 0.5 and wrapped) or _double_spaced(lines)


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
    wrapped = sum(1 for line in spaced if len(line) >= 40 and not closed(line))
    return wrapped / len(spaced) >= 0.5


def _markdown_signal(line: str) -> bool:
    return bool(
        MD_HEADING.match(line)
        or re.search(r"\*\*\S|\S\*\*|\[[^\]]+\]\([^)\s]+\)|\\[*_#\[\]]|</?(?:b|i|strong|em)>", line)
        or PIPE_ROW.match(line)
    )
