"""Dates as Drucksachen and agencies write them (issue 8, branch h-conv15): a whole date in
figures with spaces around its stops ("12. 10. 2011", "12 .10.2011") and an agency's
abbreviated English month before the day ("Oct. 12, 2011")."""

import pytest

from kg.dates import PartialDate, find_dates


@pytest.mark.parametrize(("sentence", "expression", "parts"), [
    ("Drucksache 15 / 679 12. 10. 2011 Eingegangen", "12. 10. 2011", (2011, 10, 12)),
    ("Wittenberge, den 19. 03. 2019", "19. 03. 2019", (2019, 3, 19)),
    ("wurde am 12 .10.2011 unterzeichnet", "12 .10.2011", (2011, 10, 12)),
    ("Eingegangen: 6. 11. 2013 / Ausgegeben", "6. 11. 2013", (2013, 11, 6)),
    ("BERLIN, Oct. 12, 2011 (AP) — The state", "Oct. 12, 2011", (2011, 10, 12)),
    ("Sept. 3, 2019 — Officials signed", "Sept. 3, 2019", (2019, 9, 3)),
    ("published Dec. 1, 2020, updated", "Dec. 1, 2020", (2020, 12, 1)),
])
def test_spaced_and_agency_dates_are_days(sentence, expression, parts):
    (match,) = find_dates(sentence)
    assert sentence[match.start:match.end] == expression
    assert match.value.start == PartialDate(*parts)


@pytest.mark.parametrize("sentence", [
    "siehe Abschnitt 1. 2. 2011 bis heute",   # a one-digit month numbers sections
    "Punkte 12. 13. 2011",                     # no month 13
])
def test_spaced_figures_that_are_no_day(sentence):
    assert all(m.value.start.day is None for m in find_dates(sentence))
