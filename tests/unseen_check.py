"""Compare what the product extracts from an unseen test document with its expected facts.

Used by tests/test_unseen_documents.py; run as a script for a readable report of all cases:
    python -m tests.unseen_check [CASE ...]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from kg import namespaces as ns
from kg.documents import read
from kg.extract import extract
from kg.registers import load as load_registers
from kg.resolve import Resolution, resolve

UNSEEN = Path(__file__).parent / "unseen"


@dataclass
class Outcome:
    case: str
    problems: list[str] = field(default_factory=list)

    def check(self, what: str, expected, actual) -> None:
        if expected != actual:
            self.problems.append(f"{what}: expected {expected!r}, got {actual!r}")


def partner_key(party) -> str:
    if party.kind in {"country", "region"} and party.iso_code:
        return party.iso_code
    return party.label_de


def run(case: Path) -> Outcome:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    document = read(case / expected["file"])
    extraction = extract(document)
    resolution = resolve([extraction])
    outcome = Outcome(case.name)
    meta = extraction.meta
    outcome.check("land", expected["land"], meta.land)
    outcome.check("genre", expected["genre"], meta.genre)
    outcome.check("date", expected["date"], meta.date.start.lexical() if meta.date else None)
    _agreements(expected, resolution, outcome)
    _events(expected, resolution, outcome)
    _persons(expected, resolution, outcome)
    _ministries(expected, resolution, outcome)
    return outcome


def _agreements(expected, resolution: Resolution, outcome: Outcome) -> None:
    want = sorted(((tuple(sorted(a["partners"])), a["date"]) for a in expected["agreements"]),
                  key=str)
    got = sorted(((tuple(sorted(partner_key(p) for p in a.record.partners)),
                   a.record.date.start.lexical() if a.record.date else None)
                  for a in resolution.agreements.values()), key=str)
    outcome.check("agreements (partners, date)", want, got)


def _ministry_names(record) -> set[str]:
    return {m.abbreviation or m.label_de for m in record.ministries}


def _events(expected, resolution: Resolution, outcome: Outcome) -> None:
    events = [e for entry in resolution.documents.values() for e in entry.events]
    names = {iri: p.name for iri, p in resolution.persons.items()}
    outcome.check("number of events", len(expected["events"]), len(events))
    for want in expected["events"]:
        found = [e for e in events if want["quote"] in " ".join(p.quote for p in e.passages)]
        if not found:
            outcome.problems.append(f"event not found: {want['quote']!r}")
            continue
        event = found[0]
        record = event.record
        where = f"event {want['quote'][:40]!r}"
        outcome.check(f"{where} date", want["date"],
                      record.date.start.lexical() if record.date else None)
        outcome.check(f"{where} end", want["end"],
                      record.date.end.lexical() if record.date and record.date.end else None)
        outcome.check(f"{where} planned", want["planned"], record.planned)
        outcome.check(f"{where} participants", sorted(want["participants"]),
                      sorted(names[p] for p in event.participants))
        outcome.check(f"{where} partners", sorted(want["partners"]),
                      sorted(partner_key(p) for p in record.partners))
        outcome.check(f"{where} ministry", {want["ministry"]} - {None},
                      _ministry_names(record))


def _persons(expected, resolution: Resolution, outcome: Outcome) -> None:
    outcome.check("persons", sorted(p["name"] for p in expected["persons"]),
                  sorted(p.name for p in resolution.persons.values()))
    names = {p.name for p in resolution.persons.values()}
    for wrong in expected.get("not_persons", []):
        if wrong in names:
            outcome.problems.append(f"not a person, but extracted as one: {wrong!r}")


def _ministries(expected, resolution: Resolution, outcome: Outcome) -> None:
    got = sorted({m.abbreviation or m.label_de for m in resolution.ministries.values()})
    outcome.check("ministries", sorted(expected["ministries"]), got)


def cases() -> list[Path]:
    return sorted(p for p in UNSEEN.iterdir() if (p / "expected.json").is_file())


if __name__ == "__main__":
    load_registers()
    chosen = [UNSEEN / name for name in sys.argv[1:]] or cases()
    total = 0
    for case in chosen:
        outcome = run(case)
        total += len(outcome.problems)
        print(f"== {outcome.case}: {len(outcome.problems)} problems")
        for problem in outcome.problems:
            print("  -", problem)
    print(f"{total} problems in {len(chosen)} cases")
    del ns
