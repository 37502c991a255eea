"""Rules for the wordings of status pages, Drucksachen and reports found in a blind round of
15 pages (issue 8, branch h-agr9): a partnership stated by "A und B sind seit … partnerschaftlich
verbunden", a day's date inside such a clause, … Regions and countries are real (in
mappings/*.csv or ISO 3166-2); the statements are invented."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction
from tests.test_partnerships import stated


def _starts(tmp_path, text: str, land: str, **options) -> dict[str, str | None]:
    return {key: since for key, (since, _, _)
            in stated(tmp_path, text, land=land, **options).items()}


@pytest.mark.parametrize(("text", "land", "expected"), [
    # the Land and its partner joined by "und" before the verb that binds them
    ("Das Land und die Provinz Ontario sind seit 1993 partnerschaftlich verbunden.", "DE-NW",
     {"CA-ON": "1993"}),
    ("Die Woiwodschaft Pommern und der Freistaat sind seit 2001 befreundet.", "DE-SN",
     {"PL-22": "2001"}),
    # a city-state's name is the Land
    ("Hamburg und Shanghai sind seit 1986 partnerschaftlich verbunden.", "DE-HH",
     {"CN-SH": "1986"}),
    # two cities joined by "und" are not the Land and its partner
    ("Die Städte Kiel und Danzig sind seit 1985 partnerschaftlich verbunden.", "DE-SH", {}),
])
def test_the_land_and_its_partner_joined_by_und_are_bound_as_partners(
        tmp_path, text: str, land: str, expected: dict[str, str | None]):
    assert _starts(tmp_path, text, land) == expected


@pytest.mark.parametrize("text", [
    "Das Land ist seit dem 1. September 1993 mit der Provinz Ontario partnerschaftlich "
    "verbunden.",
    "Das Land und die Provinz Ontario sind seit dem 1. September 1993 partnerschaftlich "
    "verbunden.",
])
def test_a_days_date_does_not_end_the_clause_that_binds_the_partners(tmp_path, text: str):
    """The dot of "1. September" is no full stop: the start is the day."""
    assert _starts(tmp_path, text, "DE-NW") == {"CA-ON": "1993-09-01"}


def test_a_dated_instrument_that_names_no_partner_is_with_the_one_region_before(tmp_path):
    """"Die letzte Gemeinsame Erklärung vom …" after a sentence naming one partner region."""
    text = ("Das Land pflegt eine Partnerschaft mit der Provinz Ontario. Die letzte Gemeinsame "
            "Erklärung vom 9. Juli 2021 legt neue Schwerpunkte fest.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2021-07-09")]


def test_a_dated_instrument_after_two_regions_names_none(tmp_path):
    text = ("Das Land pflegt Partnerschaften mit der Provinz Ontario und der Provinz Québec. Die "
            "letzte Gemeinsame Erklärung vom 9. Juli 2021 legt neue Schwerpunkte fest.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == []


def test_a_long_title_between_the_instrument_and_its_date(tmp_path):
    """"die Vereinbarung über die Aufnahme freundschaftlicher Beziehungen mit dem Land A vom
    …": the title may run to a hundred characters before "vom"; the partnership rests on it."""
    text = ("Das Land pflegt eine Partnerschaft mit der Provinz Ontario. Die Partnerschaft besteht "
            "seit der Vereinbarung über die Aufnahme freundschaftlicher Beziehungen mit dem Land "
            "Nordrhein-Westfalen vom 20. April 1986.")
    found = extraction(tmp_path, text, genre="report")
    assert agreement_rows(found) == [("vereinbarung", ("CA-ON",), "1986-04-20")]
    assert _starts(tmp_path, text, "DE-NW", genre="report") == {"CA-ON": "1986-04-20"}


def test_an_instrument_dated_by_erfolgte_was_made_then(tmp_path):
    """"die 2001 erfolgte trilaterale Erklärung der Regionen A, B und des Landes": a dated
    participle of happening before the instrument is its making, as "unterzeichnete" is."""
    text = ("Vorangegangen ist die 2001 erfolgte trilaterale Erklärung der Regionen "
            "Hauts-de-France, Schlesien und Nordrhein-Westfalen zur Zusammenarbeit.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == [
        ("erklaerung", ("FR-HDF", "PL-24"), "2001")]


def test_a_founding_that_erfolgte_dates_no_instrument_it_rests_on(tmp_path):
    """"Die Gründung erfolgte 1998 auf der Grundlage der Gemeinsamen Erklärung …": the
    predicate dates the founding; the instrument named as its basis stays undated."""
    text = ("Die Gründung erfolgte 1998 auf der Grundlage der Gemeinsamen Erklärung mit der "
            "Provinz Ontario.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), None)]


def test_a_signing_between_dashes_is_judged_by_its_own_words(tmp_path):
    """"Im Rahmen der Partnerschaft - der Vertrag zwischen dem Land und A wurde 1962
    unterzeichnet - fördert der Verband 150 Städtepartnerschaften": the city partnerships of
    the main clause do not make the signing between the dashes a city's."""
    text = ("Im Rahmen dieser Partnerschaft - der offizielle Partnerschaftsvertrag zwischen "
            "Rheinland-Pfalz und der Woiwodschaft Oppeln wurde 1996 unterzeichnet - fördert der "
            "Verband rund 150 Städtepartnerschaften.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-RP")) == [
        ("partnerschaftserklaerung", ("PL-16",), "1996")]


def test_a_city_partnership_between_the_dashes_is_the_cities(tmp_path):
    text = ("Im Rahmen dieser Partnerschaft - die Städtepartnerschaft zwischen Mainz und Oppeln "
            "wurde 1996 unterzeichnet - fördert der Verband viele Begegnungen.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-RP")) == []


def test_since_when_another_body_does_something_dates_no_partnership(tmp_path):
    """"Seit 2006 widmet sich der Verband neben der Partnerschaft mit A auch B": the verb right
    after the date has another body as its subject."""
    text = ("Seit 2006 widmet sich der Verband neben der Partnerschaft mit der Woiwodschaft "
            "Oppeln auch der Partnerschaft mit der Region Mittelböhmen.")
    assert _starts(tmp_path, text, "DE-RP", genre="report") == {"PL-16": None, "CZ-20": None}
    assert _starts(tmp_path, "Seit 2006 pflegt das Land eine Partnerschaft mit der Woiwodschaft "
                   "Oppeln.", "DE-RP", genre="report") == {"PL-16": "2006"}


def _event_dates(tmp_path, text: str) -> list[str]:
    return [e.date.start.lexical() for e in
            extraction(tmp_path, text, genre="report", date="2024-05-15").events if e.date]


def test_the_day_an_anniversary_falls_on_is_no_occasion(tmp_path):
    """"…, deren Unterzeichnung sich am 3. Mai 2021 zum zwanzigsten Mal jährte": no event."""
    text = ("Am 3. Mai 2001 unterzeichneten das Land und die Provinz Ontario eine Gemeinsame "
            "Erklärung, deren Unterzeichnung sich am 3. Mai 2021 zum zwanzigsten Mal jährte.")
    assert _event_dates(tmp_path, text) == ["2001-05-03"]


def test_a_date_that_names_a_treaty_is_no_occasion(tmp_path):
    """"der auf dem Vertrag von 1991 aufbauende …": the date names a document."""
    text = ("Der auf dem Vertrag von 1991 aufbauende Besuch des Ministerpräsidenten in der "
            "Provinz Ontario fand im Mai 2023 statt.")
    assert _event_dates(tmp_path, text) == ["2023-05"]
