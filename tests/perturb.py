"""The same page in the forms real pages come in: re-wrapped or unwrapped lines, CRLF line
ends, non-breaking and doubled spaces, soft hyphens, words hyphenated at line ends, a
navigation block and a cookie notice with a footer of links around the text, paragraphs
marked as Markdown headings. A reader takes the same facts from every form, so the extractor
should too (tests/test_perturbations.py; issue 8: validation pages come as the web gives
them).

Each perturbation is a plain function of the text, deterministic (no randomness: every n-th
space, every long word's middle), so that a difference it finds is the same on every run.
The facts are read from the extraction alone (no resolution, no graph), keyed as
tests/real_check.py keys the graph's, which is enough to compare a page with itself.
"""

from __future__ import annotations

import re
import tempfile
import textwrap
from collections.abc import Callable
from pathlib import Path

from kg.documents import read
from kg.documents.patterns import closed
from kg.extract import extract
from kg.records import Extraction
from tests.real_check import FACT_TYPES, Fact, _key, _name, _role, ministry_fact

WIDTH = 70
UNWRAP_FROM = 40  # a wrapped line is a full one; shorter lines ending open are page chrome
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


def _paragraphs(text: str) -> list[str]:
    return _PARAGRAPHS.split(text)


def rewrapped(text: str) -> str:
    """Every line wrapped at about 70 columns, as a page saved from a narrow layout or a
    PDF's text: paragraphs keep their blank lines."""
    lines = []
    for line in text.split("\n"):
        lines.append(textwrap.fill(line, WIDTH, break_long_words=False, break_on_hyphens=False)
                     if line.strip() else line)
    return "\n".join(lines)


def unwrapped(text: str) -> str:
    """Every wrapped paragraph on one line, as a page's text copied from a browser that joins
    a block's lines: a full line (40 characters or more) that ends mid-sentence (no closing
    punctuation) is joined to the next one that goes on in lower case. Lines a page sets apart
    (a heading, a date line, a list item, a paragraph after a single line break, short lines
    of page chrome such as "20.01.2034" over "zuletzt aktualisiert am:") stay apart: joining
    those would change what the text says, and a reader too would take other facts from it."""
    lines = text.split("\n")
    out: list[str] = []
    for line in lines:
        if out and len(out[-1].strip()) >= UNWRAP_FROM and line[:1].islower() \
                and not closed(out[-1].strip()):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def crlf(text: str) -> str:
    """Windows line ends."""
    return text.replace("\n", "\r\n")


def non_breaking_spaces(text: str) -> str:
    """A non-breaking space after every number and abbreviation point ("12.\u00a0März",
    "Dr.\u00a0X") and in place of every fifth other space, as HTML's &nbsp; comes through."""
    count = 0

    def space(match: re.Match[str]) -> str:
        nonlocal count
        before = text[match.start() - 1] if match.start() else ""
        count += 1
        return "\u00a0" if before.isdigit() or before == "." or count % 5 == 0 else " "

    return re.sub(r"(?<=\S) (?=\S)", space, text)


def doubled_spaces(text: str) -> str:
    """Every third space between words doubled, as a page's spacing leaks into its text."""
    count = 0

    def space(_: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "  " if count % 3 == 0 else " "

    return re.sub(r"(?<=\S) (?=\S)", space, text)


def trailing_spaces(text: str) -> str:
    """A space at the end of every line, blank lines made of a space, as a page's text comes
    from a converter that keeps the markup's indentation."""
    return text.replace("\n", " \n")


_LONG_WORD = re.compile(r"\b[^\W\d_]{10,}\b")


def _middle(word: str) -> int | None:
    """Where a long word may be split: between two small letters near its middle."""
    half = len(word) // 2
    for index in sorted(range(4, len(word) - 3), key=lambda i: abs(i - half)):
        if word[index - 1].islower() and word[index].islower():
            return index
    return None


def soft_hyphens(text: str) -> str:
    """A soft hyphen (U+00AD) in the middle of every long word, as pages with hyphenation
    hints carry them into copied text."""
    def hint(match: re.Match[str]) -> str:
        word = match.group()
        index = _middle(word)
        return word if index is None else word[:index] + "\u00ad" + word[index:]

    return _LONG_WORD.sub(hint, text)


def hyphenated_breaks(text: str) -> str:
    """Lines wrapped at about 70 columns, a long word at a line's end broken with a hyphen
    ("Partner-" / "schaft"), as text rendered from a justified PDF."""
    out = []
    for line in text.split("\n"):
        out.append(_hyphenate(line) if line.strip() else line)
    return "\n".join(out)


def _hyphenate(line: str) -> str:
    lines: list[str] = []
    current = ""
    for word in line.split(" "):
        if len(current) + 1 + len(word) <= WIDTH or not current:
            current = f"{current} {word}" if current else word
            continue
        index = _split_within(word, WIDTH - len(current) - 2)
        if index is None:
            lines.append(current)
            current = word
        else:
            lines.append(f"{current} {word[:index]}-")
            current = word[index:]
    lines.append(current)
    return "\n".join(lines)


def _split_within(word: str, room: int) -> int | None:
    """The last place a long word may be broken that leaves its first part within `room`
    columns: between two small letters, three letters at least on either side."""
    if not _LONG_WORD.fullmatch(word):
        return None
    places = [i for i in range(3, min(room, len(word) - 3) + 1)
              if word[i - 1].islower() and word[i].islower()]
    return places[-1] if places else None


NAVIGATION = """Direkt zum Inhalt
Menü
Suche
Startseite
Themen
Service
Presse
Kontakt
Leichte Sprache
Gebärdensprache
Sie sind hier: Startseite > Aktuelles > Meldungen

"""
FOOTER = """

Seite teilen: Facebook | X | LinkedIn | E-Mail
Seite drucken
Nach oben

Cookie-Einstellungen
Diese Website verwendet Cookies, um Ihnen den bestmöglichen Service zu bieten. Notwendige
Cookies sind für den Betrieb der Seite erforderlich. Mit „Alle akzeptieren“ stimmen Sie auch
der Nutzung von Statistik-Cookies zu.
Alle akzeptieren
Nur notwendige Cookies

Impressum
Datenschutz
Barrierefreiheit
Kontakt
Sitemap
"""


def page_frame(text: str) -> str:
    """A navigation block before the text, a share bar, a cookie notice and a footer of
    links after it, as a page's text saved whole."""
    return NAVIGATION + text.strip("\n") + FOOTER


_HEADING_LIKE = re.compile(r"[^\n]{3,90}")


def markdown_headings(text: str) -> str:
    """Every short paragraph of one line that ends without a sentence's punctuation made a
    Markdown heading ("## Partnerschaft mit …"), as a page converted to Markdown."""
    paragraphs = []
    for paragraph in _paragraphs(text):
        stripped = paragraph.strip()
        if _HEADING_LIKE.fullmatch(stripped) and not stripped.endswith((".", ":", ",", ";")) \
                and not stripped.startswith(("#", "-", "*", "|")):
            paragraph = "## " + stripped
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def plain_headings(text: str) -> str:
    """Markdown headings back to plain lines (the text of `markdown_headings` read as a
    plain page's again): what a heading's marks were must not matter."""
    return re.sub(r"(?m)^#{1,6}[ \t]+", "", markdown_headings(text))


PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "rewrapped": rewrapped,
    "unwrapped": unwrapped,
    "crlf": crlf,
    "non_breaking_spaces": non_breaking_spaces,
    "doubled_spaces": doubled_spaces,
    "trailing_spaces": trailing_spaces,
    "soft_hyphens": soft_hyphens,
    "hyphenated_breaks": hyphenated_breaks,
    "page_frame": page_frame,
    "markdown_headings": markdown_headings,
    "plain_headings": plain_headings,
}


# ----------------------------------------------------------------------------- facts


def extraction_of(text: str, name: str = "document.txt") -> Extraction:
    """The extraction of `text` saved as a file called `name` (the reader looks at the bytes,
    as it does on a user's folder)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(text.encode("utf-8"))
        return extract(read(path))


def facts(extraction: Extraction) -> dict[str, set[Fact]]:
    """The scored facts (tests/real_check.py's six types) as the extraction states them."""
    land = extraction.meta.land
    found: dict[str, set[Fact]] = {kind: set() for kind in FACT_TYPES}
    for statement in extraction.partnerships:
        partner = _partner(statement.partner)
        found["partnerships"].add((statement.land, partner))
        if statement.since is not None:
            found["since"].add((statement.land, partner, statement.since.start.lexical()))
    for agreement in extraction.agreements:
        date = agreement.date.start.lexical() if agreement.date else ""
        found["agreements"] |= {(agreement.land, _partner(p), date) for p in agreement.partners}
    people = list(extraction.persons)
    for event in extraction.events:
        people += event.participants
        if event.date is not None and not event.planned:
            found["events"].add((event.date.start.lexical(),))
    for agreement in extraction.agreements:
        people += agreement.signatories
    found["officials"] = {(_name(p.written_name), _role(p.role.label_de))
                          for p in people if p.role is not None}
    found["ministries"] = {ministry_fact(m) for m, _ in extraction.ministries if m.land == land}
    return found


def _partner(party) -> str:
    key = party.iso_code if party.kind in {"region", "country"} and party.iso_code \
        else party.label_de
    return _key(key or "")


def differences(before: dict[str, set[Fact]], after: dict[str, set[Fact]]
                ) -> dict[str, tuple[set[Fact], set[Fact]]]:
    """Per fact type, the facts a perturbation lost and the ones it added."""
    return {kind: (before[kind] - after[kind], after[kind] - before[kind])
            for kind in FACT_TYPES if before[kind] != after[kind]}
