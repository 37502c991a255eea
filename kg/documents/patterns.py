"""Layout and language patterns that several stages share (general German, no document's words)."""

from __future__ import annotations

import re

TERMINATORS = ".!?:;"
CLOSING_QUOTES = "\"'“”‘’»«›‹*_"
MONTHS = (
    "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|"
    "jan\\.|feb\\.|febr\\.|mär\\.|apr\\.|jun\\.|jul\\.|aug\\.|sep\\.|sept\\.|okt\\.|nov\\.|dez\\."
)
DATE = (
    rf"(?:\d{{1,2}}\.\s*(?:\d{{1,2}}\.|(?:{MONTHS}))\s*\d{{2,4}}"
    rf"|(?:{MONTHS})\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)
DATE_LINE = re.compile(rf"(?i)^(?:[A-ZÄÖÜ][\w .'/-]{{1,40}},\s*(?:den\s+|am\s+)?)?{DATE}$")
CLOSING_FORMULA = re.compile(
    r"(?i)^(?:mit\s+(?:den\s+)?(?:freundlichen|besten|herzlichen|kollegialen|vielen)\s+grüßen"
    r"|(?:freundliche|beste|herzliche|viele)\s+grüße|hochachtungsvoll"
    r"|mit\s+vorzüglicher\s+hochachtung)[\s,.!]*$"
)
PAGE_NUMBER = re.compile(
    r"(?i)^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|seite\s+\d{1,4}(?:\s*(?:von|/)\s*\d{1,4})?)\s*$"
)
SEPARATOR = re.compile(r"^\s*[_\-–—]{5,}\s*$")
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
MD_BULLET = re.compile(r"^\s*[-*+]\s+(?=\S)")
PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
PIPE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")


def closed(text: str) -> bool:
    """Does the text end a sentence (or a bracket it opened)? "(u.a." is still open."""
    if text.count("(") > text.count(")"):
        return False
    stripped = text.rstrip(CLOSING_QUOTES + " ")
    return bool(stripped) and stripped[-1] in TERMINATORS + ")]"

# A programme's row with its time and what happens then on one line ("08.30 Uhr   Gespräch mit
# …"): it ends without a full stop, so a finished sentence after it is not its continuation.
TIMED_ROW = re.compile(r"^\s*(?:[01]?\d|2[0-3])[.:][0-5]\d\s*Uhr\s+\S")
