"""Standing partnerships as a blind round's development cases stated them (issue 8, branch
h-par15): a partnership's birthday ("den 25. Geburtstag ihrer Regionalpartnerschaft"), a
partnership word broken by a hyphen ("Städte-partnerschaft"). Regions are real (in
mappings/*.csv or ISO 3166-2); the statements are invented."""

from __future__ import annotations

import pytest

from tests.test_partnerships import stated


def starts(tmp_path, text: str, **options) -> dict[str, str | None]:
    return {key: since for key, (since, _, _) in stated(tmp_path, text, **options).items()}


@pytest.mark.parametrize(("text", "expected"), [
    # a partnership's birthday counts back from the document's year like a jubilee
    ("Das Land und die Woiwodschaft Pommern feiern in diesem Jahr den 20. Geburtstag ihrer "
     "Regionalpartnerschaft.", {"PL-22": "2004"}),
    ("Die Provinz Ontario und das Land begehen den 30. Geburtstag ihrer Partnerschaft.",
     {"CA-ON": "1994"}),
    # a person's birthday dates no partnership
    ("Zum 70. Geburtstag des Ministers reiste eine Delegation aus der Partnerregion Pommern "
     "an.", {"PL-22": None}),
])
def test_a_partnerships_birthday_dates_its_start(tmp_path, text: str, expected: dict):
    assert starts(tmp_path, text, date="2024-02-27") == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a compound broken by a hyphen is the partnership word, with the jubilee it counts
    ("Das Land und Prag feiern heute das 30jährige Bestehen ihrer Städte-partnerschaft.",
     {"CZ-10": ("2001", "Städtepartnerschaft")}),
    ("Das Land und die Woiwodschaft Pommern pflegen seit 1999 eine enge Regional-partnerschaft.",
     {"PL-22": ("1999", "Regionalpartnerschaft")}),
])
def test_a_partnership_word_broken_by_a_hyphen(tmp_path, text: str, expected: dict):
    land = "DE-BE" if "Prag" in text else "DE-BB"
    found = stated(tmp_path, text, land=land, date="2031-06-11")
    assert {k: (s, kind) for k, (s, _, kind) in found.items()} == expected


def test_a_named_network_is_still_no_partnership_of_the_land(tmp_path):
    text = "Das Land arbeitet in der Oder-Partnerschaft mit der Woiwodschaft Lebus zusammen."
    assert "PL-08" not in stated(tmp_path, text, land="DE-BB")


@pytest.mark.parametrize(("text", "land", "expected"), [
    # a year in brackets right after each listed partner is its start
    ("Dazu gehören die Partnerschaften mit dem japanischen Osaka (1987), dem nicaraguanischen "
     "León (1989) und mit Chicago (1994).", "DE-HH",
     {"JP/osaka": "1987", "MX/leon": "1989", "US/chicago": "1994"}),
    ("Das Land pflegt Regionalpartnerschaften mit der Provinz Ontario (1987) und der "
     "Woiwodschaft Pommern (2001).", "DE-BB", {"CA-ON": "1987", "PL-22": "2001"}),
    # bare years right after two or more names, a bracket at most between
    ("Die ersten Partnerschaften mit Sankt Petersburg (damals noch Leningrad) 1957 und "
     "Marseille 1958 fielen in die Zeit des Kalten Krieges.", "DE-HH",
     {"RU-SPE": "1957", "FR/marseille": "1958"}),
    # a bare year after one name alone dates a visit, no partnership
    ("Die Ministerin hat die Partnerregion Pommern 2031 besucht.", "DE-BB", {"PL-22": None}),
])
def test_a_year_right_after_a_listed_partner_is_its_start(tmp_path, text: str, land: str,
                                                          expected: dict):
    assert starts(tmp_path, text, land=land, date="2032-01-01") == expected
