"""No input makes reading and extraction super-linear (issue 9, item 4): each hostile input is
read and extracted within a budget of its size class that only a hang (or a return of the
quadratic behaviour, minutes at these sizes) breaks, or refused with a clear error."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from kg.documents import DocumentError, read
from kg.documents.chunks import Chunk
from kg.documents.limits import MAX_BLOCK, MAX_LINE, split_long
from kg.extract import ExtractionError, extract

HEAD = "Antwort der Landesregierung Nordrhein-Westfalen\n\nDrucksache 18/1234\n\n"
MONTHS = ("Januar", "März", "Mai", "Juli")


def unclosed_bold(size: int) -> str:
    line = "Die Landesregierung pflegt Partnerschaften mit vielen Regionen der Welt. " * 2
    return HEAD + "**" + (line + "\n") * (size // len(line))


def numbered_list(size: int) -> str:
    """Items that end no sentence: the reader keeps them in one paragraph."""
    lines, total, number = [], 0, 1
    while total < size:
        line = (f"{number}. Treffen mit der Delegation der Provinz am {1 + number % 28}. "
                f"{MONTHS[number % 4]} 2021 in Düsseldorf")
        lines.append(line)
        total += len(line) + 1
        number += 1
    return HEAD + "\n".join(lines) + "\n"


def wide_table(columns: int, rows: int = 10) -> str:
    header = "| " + " | ".join(f"Spalte {c}" for c in range(columns)) + " |"
    rule = "|" + "|".join("---" for _ in range(columns)) + "|"
    body = ["| " + " | ".join(f"{1 + r % 28}.{1 + c % 12}.2020" if c % 3 == 0 else
                              f"Besuch {r} {c}" for c in range(columns)) + " |"
            for r in range(rows)]
    return HEAD + "\n".join([header, rule, *body]) + "\n"


def many_dates(count: int) -> str:
    dates = [f"am {1 + i % 28}. {MONTHS[i % 4]} {1990 + i % 30}" for i in range(count)]
    return HEAD + "Die Ministerin traf den Gouverneur der Provinz " + ", ".join(dates) + ".\n"


def long_line(size: int) -> str:
    words = "Partnerschaft Region Ministerpräsident Besuch am 3. Mai 2021 "
    return HEAD + words * (size // len(words)) + "\n"




# (many_dates is also one line of 90 KB: a line under MAX_LINE is cut into blocks too)
CASES = {
    "unclosed-bold.md": lambda: unclosed_bold(200_000),
    "numbered-list.md": lambda: numbered_list(200_000),
    "wide-table.md": lambda: wide_table(1_000),
    "dates.md": lambda: many_dates(5_000),
}


@pytest.mark.slow
@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_document_is_read_and_extracted_in_linear_time(tmp_path: Path, name: str):
    path = tmp_path / name
    path.write_text(CASES[name](), encoding="utf-8")
    document = read(path)
    assert all(len(b.text) <= MAX_BLOCK for b in document.blocks if b.kind == "paragraph")
    with contextlib.suppress(ExtractionError):  # refusing a statement is an answer too
        extract(document)


@pytest.mark.timeout(60)
def test_a_ten_megabyte_line_is_refused_with_a_clear_error(tmp_path: Path):
    path = tmp_path / "eine-zeile.txt"
    path.write_text(long_line(10_000_000), encoding="utf-8")
    with pytest.raises(DocumentError) as refused:
        read(path)
    assert refused.value.line == 5
    assert str(refused.value).startswith(f"{path}:5: a line of ")
    assert f"longer than {MAX_LINE:,} are not read" in str(refused.value)


def test_a_long_paragraph_is_cut_at_sentence_ends_and_keeps_every_character():
    sentence = "Die Ministerin besuchte die Partnerregion und sprach mit dem Gouverneur. "
    lines = [(n, sentence * 3) for n in range(1, 200)]
    pieces = split_long(Chunk("text", lines))
    assert len(pieces) > 1
    assert all(sum(len(raw) + 1 for _, raw in p.lines) <= MAX_BLOCK + 1 for p in pieces)
    assert [line for p in pieces for line in p.lines] == lines  # cut between lines only
    assert all(p.lines[-1][1].rstrip().endswith(".") for p in pieces)


def test_a_line_longer_than_a_block_is_cut_into_pieces_of_it():
    text = "wort " * 3_000
    pieces = split_long(Chunk("text", [(7, text)]))
    assert len(pieces) > 1
    assert "".join(raw for p in pieces for _, raw in p.lines) == text
    assert {n for p in pieces for n, _ in p.lines} == {7}


def test_a_paragraph_of_ordinary_length_is_left_whole():
    chunk = Chunk("text", [(1, "Ein kurzer Absatz."), (2, "Noch ein Satz.")])
    assert split_long(chunk) == [chunk]
