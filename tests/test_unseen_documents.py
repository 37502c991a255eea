"""Documents of other Länder the extractor was not written against: each case's document,
read and extracted with no sources file, must give exactly the facts a reader wrote down."""

from __future__ import annotations

import pytest

from tests.unseen_check import cases, run


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_unseen_document(case):
    outcome = run(case)
    assert not outcome.problems, "\n".join(outcome.problems)


def test_there_are_cases_of_every_genre_from_at_least_six_other_laender():
    import json

    expected = [json.loads((c / "expected.json").read_text(encoding="utf-8")) for c in cases()]
    assert {e["genre"] for e in expected} == {"answer", "report", "press-release"}
    assert len({e["land"] for e in expected} - {"DE-NW", "DE-BW"}) >= 6
