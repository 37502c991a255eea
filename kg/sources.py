"""The sources file: curated metadata of documents (a `sources.csv` beside them).

A sources file that cannot be read as intended is one `sources.csv:LINE: error: reason`
(SourcesError), never a guess: its metadata would otherwise be silently wrong.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kg.dates import DateValue, parse_date
from kg.paths import MAPPINGS_DIR
from kg.records import DocumentMeta

REQUIRED = ("file", "document", "identifier", "title", "land", "genre")


@dataclass(frozen=True)
class Source:
    file: str
    meta: DocumentMeta
    rendering: str


class SourcesError(Exception):
    """A sources file that cannot be read, with the line and a reason a person can act on."""

    def __init__(self, file: str, line: int, reason: str):
        self.file, self.line, self.reason = file, line, reason
        super().__init__(str(self))

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: error: {self.reason}"

    def __reduce__(self):  # picklable despite its signature (worker processes)
        return (SourcesError, (self.file, self.line, self.reason))


def read_sources(path: Path) -> dict[str, Source]:
    """Sources by file name; an absent file simply lists nothing."""
    if not path.is_file():
        return {}
    stat = path.stat()
    return dict(_read(str(path), stat.st_mtime_ns, stat.st_size))


@cache
def _read(name: str, _mtime: int, _size: int) -> tuple[tuple[str, Source], ...]:
    """Read once per version of the file (each document's worker asks for it)."""
    path = Path(name)
    rows = _rows(path, _text(path))
    if not rows:
        raise SourcesError(name, 1, "no header line (file, document, identifier, title, "
                                    "date, land, genre, …)")
    (_, header), body = rows[0], rows[1:]
    _check_header(name, header)
    sources: dict[str, Source] = {}
    for line, values in body:
        if not any(value.strip() for value in values):
            continue
        if len(values) != len(header):
            raise SourcesError(name, line, f"{len(values)} fields, but the header has "
                                           f"{len(header)}")
        source = _source(name, line, dict(zip(header, values, strict=True)))
        if source.file in sources:
            raise SourcesError(name, line, f"{source.file} is listed twice")
        sources[source.file] = source
    return tuple(sources.items())


def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise SourcesError(str(path), line, f"not UTF-8 (byte 0x{data[error.start]:02X}; "
                                            "Latin-1 or Windows text?): save it as UTF-8"
                           ) from None


def _rows(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """(first line, values) of each record; an unclosed quote is named where it opens."""
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    rows: list[tuple[int, list[str]]] = []
    while True:
        first = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return rows
        except csv.Error as error:
            reason = "a quote opened here is never closed" if "end of data" in str(error) \
                else f"not valid CSV ({error})"
            raise SourcesError(str(path), first, reason) from None
        rows.append((first, values))


def _check_header(name: str, header: list[str]) -> None:
    if len(header) == 1 and ";" in header[0]:
        raise SourcesError(name, 1, "the columns are separated by ';': sources.csv uses ','")
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise SourcesError(name, 1, f"missing column(s) {', '.join(missing)} (the header has: "
                                    f"{', '.join(header)})")


def _source(name: str, line: int, row: dict[str, str]) -> Source:
    empty = [column for column in REQUIRED if not row[column].strip()]
    if empty:
        raise SourcesError(name, line, f"empty {', '.join(empty)}")
    laender = _land_codes()
    if row["land"] not in laender:
        raise SourcesError(name, line, f"land \"{row['land']}\" is none of the codes in "
                                       f"mappings/laender.csv ({', '.join(sorted(laender))})")
    date: DateValue | None = None
    if row.get("date"):
        try:
            date = parse_date(row["date"])
        except ValueError as error:
            raise SourcesError(name, line, f"date: {error}") from None
    meta = DocumentMeta(document_id=row["document"], identifier=row["identifier"],
                        title=row["title"], land=row["land"], genre=row["genre"], date=date,
                        issuer=row.get("issuer") or None)
    return Source(file=row["file"], meta=meta, rendering=row.get("rendering", ""))


@cache
def _land_codes() -> frozenset[str]:
    """The Länder's codes from their register (read alone: the whole registers take seconds,
    and a rebuild with nothing to do reads the sources files only)."""
    with (MAPPINGS_DIR / "laender.csv").open(encoding="utf-8", newline="") as handle:
        return frozenset(row["code"] for row in csv.DictReader(handle))


def sources_beside(path: Path) -> dict[str, Source]:
    """The sources.csv in a document's folder, where there is one."""
    return read_sources(path.parent / "sources.csv")
