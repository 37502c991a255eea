"""The sources file: curated metadata of the bundled documents (documents/sources.csv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from kg.dates import DateValue, parse_date
from kg.records import DocumentMeta


@dataclass(frozen=True)
class Source:
    file: str
    meta: DocumentMeta
    rendering: str


def read_sources(path: Path) -> dict[str, Source]:
    """Sources by file name; an absent file simply lists nothing."""
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["file"]: _source(row) for row in csv.DictReader(handle)}


def _source(row: dict[str, str]) -> Source:
    date: DateValue | None = parse_date(row["date"]) if row.get("date") else None
    meta = DocumentMeta(document_id=row["document"], identifier=row["identifier"],
                        title=row["title"], land=row["land"], genre=row["genre"], date=date,
                        issuer=row.get("issuer") or None)
    return Source(file=row["file"], meta=meta, rendering=row.get("rendering", ""))


def sources_beside(path: Path) -> dict[str, Source]:
    """The sources.csv in a document's folder, where there is one."""
    return read_sources(path.parent / "sources.csv")
