"""PDF files: pypdf's text layer as lines, page after page; unreadable PDFs as DocumentErrors."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

from kg.documents.model import DocumentError
from kg.documents.patterns import INVISIBLE


def pdf_lines(path: Path, data: bytes) -> tuple[list[str], list[int]]:
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
