"""Starts and partners of standing partnerships as a blind round of status pages, columns and
press items of city-states and smaller Länder worded them (issue 8, round par11). Regions and
cities are real (in mappings/*.csv or ISO 3166-2); the statements and persons are invented."""

from __future__ import annotations

import datetime

import pytest

from kg.dates import find_dates
from tests.test_partnerships import stated

CASES = [
    # a count of years between partner and partnership word is no page number of a table of
    # contents, however long the sentence
    ("Die Woiwodschaft Pommern ist seit 15 Jahren Partnerregion des Landes und wird sich auf "
     "dem Landesfest mit einer Ausstellung über die Bernsteinstraße vorstellen - ein "
     "einmaliges Vorhaben in ganz Polen.", "DE-MV", "2016-06-01", {"PL-22": "2001"}),
    # an unknown name after a kind word that is the surname of a person named is that person
    ("Partnerregion Musterfrau besucht Polen: Ministerpräsidentin Erika Musterfrau stattet der "
     "polnischen Partnerregion Westpommern am Donnerstag einen Besuch ab.", "DE-MV",
     "2022-06-22", {"PL-32": None}),
    # a region named with its capital before it by a hyphen is that region
    ("Die Fraktion reist heute in die Partnerregion Krakau-Kleinpolen.", "DE-TH", "2006-06-14",
     {"PL-12": None}),
    # a region after a district and a comma only places the district
    ("Am 19.01.1994 wurde zwischen dem Land und Mecklenburg County, North Carolina (USA), eine "
     "Partnerschaftsvereinbarung abgeschlossen.", "DE-MV", "2016-06-01",
     {"US/mecklenburg-county": "1994-01-19"}),
    # "<year> folgte die Partnerschaft mit A" starts it that year
    ("1988 folgte die Regionalpartnerschaft mit der Provinz Ontario.", "DE-NW", "2018-06-01",
     {"CA-ON": "1988"}),
    ("Erst im Jahre 2000 folgte die formelle Städtepartnerschaft mit London, obwohl die "
     "Zusammenarbeit eng war.", "DE-BE", "2018-06-01", {"GB/london": "2000"}),
    # "als Städtepartner": a city-state's partner cities
    ("West-Berlin brachte Los Angeles, Paris und Istanbul als Städtepartner mit.", "DE-BE",
     "2018-06-01", {"US/los-angeles": None, "FR-75C": None, "TR/istanbul": None}),
    # "Eine davon, A": one of the partnerships the sentence before counted
    ("Berlin hat 17 Partnerstädte. Eine davon, Buenos Aires, war das Ziel der Reise.", "DE-BE",
     "2015-06-01", {"AR-C": None}),
    # the country a capital is of only places the city
    ("Die Partnerschaften sind zahlreich. Dazu zählen Peking und Windhuk, die Hauptstadt "
     "Namibias.", "DE-BE", "2015-06-01", {"CN-BJ": None, "NA/windhuk": None}),
    # the day an anniversary falls on ("Am 29.05.11 jährt sich zum 25. Mal") dates the start
    ("Am 29.05.11 jährt sich zum 25. Mal das Jubiläum der Städtepartnerschaft von Hamburg und "
     "Shanghai.", "DE-HH", "2016-06-01", {"CN-SH": "1986-05-29"}),
    # "Die beiden Metropolen unterhalten …": the Land and its one partner stated before
    ("Hamburg und seine Partnerstadt Shanghai wollen enger zusammenarbeiten. Die beiden "
     "Metropolen unterhalten seit 35 Jahren eine Städtepartnerschaft.", "DE-HH", "2019-08-15",
     {"CN-SH": "1984"}),
    # "dieser Partnerschaft" naming no partner: the paragraph's one partner, its jubilee counted
    # from the year after it
    ("Das Land ist der Provinz Ontario im Rahmen einer Partnerschaft verbunden. Anlässlich des "
     "10-jährigen Jubiläums dieser Partnerschaft hat die Landesregierung das Ontariojahr 2019 "
     "ausgerufen.", "DE-NW", "2020-01-01", {"CA-ON": "2009"}),
]


@pytest.mark.parametrize(("text", "land", "date", "expected"), CASES)
def test_starts_and_partners_as_worded(tmp_path, text: str, land: str, date: str,
                                       expected: dict[str, str | None]):
    found = stated(tmp_path, text, land=land, date=date)
    assert {key: since for key, (since, _, _) in found.items()} == expected


@pytest.mark.parametrize(("text", "day"), [
    ("Am 01.07.10 unterzeichneten beide Seiten.", datetime.date(2010, 7, 1)),
    ("Stand: 12.03.95.", datetime.date(1995, 3, 12)),
])
def test_a_date_with_a_two_digit_year(text: str, day: datetime.date):
    found = find_dates(text, reference=None)
    assert [(d.value.start.year, d.value.start.month, d.value.start.day) for d in found] == \
        [(day.year, day.month, day.day)]


def test_a_version_number_is_no_date():
    assert find_dates("Version 1.02.03 und Adresse 192.168.01.10", reference=None) == []
