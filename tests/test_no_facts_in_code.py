"""No facts in code: the names of the people and partner regions and the dates of signing
that the documents of the tests state never appear in the kg package (its code, comments and
docstrings). Rules must work on documents nobody has seen; what is about one document belongs
in the registers under mappings/, and an example in a docstring is invented."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from kg.paths import MAPPINGS_DIR

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted((ROOT / "kg").rglob("*.py"))

# Surnames of officials that are also words the code uses as such ("Alt-", ISO, class Link).
ORDINARY_WORDS = {"Alt", "Winter", "Iso", "Link"}
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")


def _expectations() -> list[dict]:
    files = [*ROOT.glob("tests/real/*/expected.json"), *ROOT.glob("tests/unseen/*/expected.json")]
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def _bundled_cells(question: str, column: int) -> set[str]:
    path = ROOT / "queries" / f"{question}.expected.tsv"
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]
            if line and not line.startswith("#")]
    return {row[column] for row in rows if len(row) > column}


def _surnames() -> set[str]:
    names = {o.get("name", "") for e in _expectations() for o in e.get("officials", [])}
    names |= {cell.split('"')[1] for cell in _bundled_cells("cq-05-officials", 1) if '"' in cell}
    words = (re.findall(r"[^\W\d_][\w'-]+", name) for name in names)
    surnames = {w[-1] for w in words if w and len(w[-1]) > 2} - ORDINARY_WORDS
    return surnames | {s.upper() for s in surnames}  # "KUROIWA Yūji": family names in capitals


def _partner_names() -> set[str]:
    keys = {p["partner"] for e in _expectations() for p in e.get("partnerships", [])}
    keys |= {k for e in _expectations() for a in e.get("agreements", [])
             for k in a.get("partners", [])}
    bundled = {cell.strip("<>").rsplit("/", 1)[-1] for cell in _bundled_cells("cq-02-partners", 2)}
    with (MAPPINGS_DIR / "regions.csv").open(encoding="utf-8") as register:
        rows = list(csv.DictReader(register))
    return {name for row in rows
            if row["key"] in keys or row["key"].rsplit("/", 1)[-1] in bundled
            for name in [row["label_de"], *row["names"].split("|")] if len(name) > 3}


def _signing_dates() -> set[str]:
    dates = {a["date"] for e in _expectations() for a in e.get("agreements", [])
             if re.fullmatch(r"\d{4}-\d\d-\d\d", a.get("date") or "")}
    spelled = set()
    for date in dates:
        year, month, day = date.split("-")
        spelled |= {date, f"{int(day)}. {MONTHS[int(month) - 1]} {year}",
                    f"{day}.{month}.{year}", f"{int(day)}.{int(month)}.{year}"}
    return spelled


def _found(words: set[str], flags: int = 0) -> list[str]:
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(words, key=len,
                                                                           reverse=True)))
                         + r")(?!\w)", flags)
    found = []
    for path in CODE:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{path.relative_to(ROOT)}:{number}: {m.group()!r}"
                      for m in pattern.finditer(line)]
    return found


def test_the_guard_knows_the_documents_facts():
    assert len(_surnames()) > 100 and len(_partner_names()) > 50 and len(_signing_dates()) > 20


@pytest.mark.parametrize("kind, words, flags", [
    ("surname of an official", _surnames, 0),
    ("name of a partner region", _partner_names, 0),
    ("date of a signing", _signing_dates, 0)])
def test_no_fact_of_a_document_is_in_the_code(kind: str, words, flags: int):
    found = _found(words(), flags)
    assert not found, f"a {kind} of the test documents in kg/ (put it in mappings/, or " \
                      "invent the example):\n" + "\n".join(found)
