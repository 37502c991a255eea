"""Starts and partners of standing partnerships as a blind round of press releases and status
pages worded them (issue 8, round par9). Regions are real (in mappings/*.csv or ISO 3166-2);
the statements are invented."""

from __future__ import annotations

import pytest

from tests.test_extract_units import extraction
from tests.test_partnerships import stated

CASES = [
    # a count back from now beside the date it restates counts nothing from that date, and a
    # partnership "vereinbart" on a day starts on it
    ("Am 23. Juni 1990 – also fast auf den Tag genau vor 34 Jahren – wurde die Partnerschaft "
     "in Form eines Briefwechsels zwischen dem Land und der Provinz Ontario vereinbart.",
     {"CA-ON": "1990-06-23"}),
    ("Am 23. Juni 1990 wurde die Partnerschaft in Form eines Briefwechsels zwischen dem Land "
     "und der Provinz Ontario vereinbart.", {"CA-ON": "1990-06-23"}),
    # a region's former name in brackets is no partner of its own
    ("Mit der Region Hauts-de-France (früher Nord-Pas-de-Calais) ist das Land seit vielen "
     "Jahren eng verbunden. Die Zusammenarbeit im Regionalen Dreieck prägt die Partnerschaft.",
     {"FR-HDF": None}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_starts_and_partners_as_worded(tmp_path, text: str, expected: dict[str, str | None]):
    assert {key: since for key, (since, _, _) in stated(tmp_path, text).items()} == expected


def test_an_instrument_with_a_region_named_by_its_former_name_is_the_regions(tmp_path):
    text = ("Mit der Region Hauts-de-France (früher Nord-Pas-de-Calais) ist das Land eng "
            "verbunden. Im Jahr 2014 unterzeichneten das Land und Nord-Pas-de-Calais eine "
            "Gemeinsame Erklärung über die Zusammenarbeit.")
    found = extraction(tmp_path, text).agreements
    assert [[p.key for p in a.partners] for a in found] == [["FR-HDF"]]
