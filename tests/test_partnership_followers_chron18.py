"""Partners a chronology adds with "2031 folgte A" after the Land's partnerships were stated
(issue 8, branch h-chron18). Regions and cities are real (in mappings/*.csv, ISO 3166-2 or
GeoNames); the statements are invented."""

from __future__ import annotations

import pytest

from tests.test_partnerships import stated

CASES = [
    # a year opening the sentence and "folgte": the next partner city of a city-state
    ("Seit 1957 besteht die Partnerschaft mit St. Petersburg.\n\n"
     "1958 folgte die südfranzösische Stadt Marseille, die einen großen Hafen hat.",
     "DE-HH", "2010-06-01", {"RU-SPE": "1957", "FR/marseille": "1958"}),
    # each item of the list takes the year before its name; a place after "im"/"in" is none
    ("Seit 1957 besteht die Partnerschaft mit St. Petersburg. 1990 folgten die tschechische "
     "Hauptstadt Prag und 1994 die Metropole Chicago im US-Staat Illinois sowie 2010 Kairo in "
     "Ägypten.", "DE-HH", "2010-06-01",
     {"RU-SPE": "1957", "CZ-10": "1990", "US/chicago": "1994", "EG/kairo": "2010"}),
    # the same shape in a Land's chronology of partner regions ("kam … hinzu")
    ("Seit 1995 ist die Provinz Ontario Partnerregion des Landes.\n\n"
     "2001 kam die Woiwodschaft Pommern hinzu.", "DE-NW", "2018-06-01",
     {"CA-ON": "1995", "PL-22": "2001"}),
    # no partnership stated before: what follows is no partner
    ("1958 folgte die südfranzösische Stadt Marseille.", "DE-HH", "2010-06-01", {}),
    # an instrument that followed is none of this shape
    ("Seit 1995 ist die Provinz Ontario Partnerregion des Landes.\n\n"
     "1999 folgten Abkommen zur Förderung der Häfen der Woiwodschaft Pommern.", "DE-NW",
     "2018-06-01", {"CA-ON": "1995"}),
]


# years that head the items of a list of partners: each partner the last one before its name
YEARS_BEFORE = [
    ("Weitere Partnerschaftsverträge wurden 1995 mit der Provinz Ontario, 2001 mit der "
     "Woiwodschaft Pommern und mit der Provinz Québec unterzeichnet.", "DE-NW", "2018-06-01",
     {"CA-ON": "1995", "PL-22": "2001", "CA-QC": "2001"}),
    ("Weitere Partnerschaftsverträge wurden 1979 im chinesischen Shanghai und 1989 im "
     "japanischen Osaka unterzeichnet.", "DE-HH", "2010-06-01",
     {"CN-SH": "1979", "JP/osaka": "1989"}),
]


@pytest.mark.parametrize(("text", "land", "date", "expected"), CASES + YEARS_BEFORE)
def test_a_chronology_adds_the_partners_that_followed(tmp_path, text: str, land: str,
                                                      date: str,
                                                      expected: dict[str, str | None]):
    found = stated(tmp_path, text, land=land, date=date)
    assert {key: since for key, (since, _, _) in found.items()} == expected
