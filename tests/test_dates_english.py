"""English dates (issue 8): an English page writes "signed on 12 May 2015", "May 12, 2015",
"in October 2015", "since 1995". The month names, German and English, are data in
mappings/month-names.csv."""

import csv
import datetime

import pytest

from kg.dates import PartialDate, find_dates, in_year_near, parse_date
from kg.paths import MAPPINGS_DIR


@pytest.mark.parametrize(("sentence", "expression", "parts"), [
    ("were signed on 12 May 2015 in Bhisho", "12 May 2015", (2015, 5, 12)),
    ("The agreement of May 12, 2015, was renewed", "May 12, 2015", (2015, 5, 12)),
    ("signed on October 20th 2015", "October 20th 2015", (2015, 10, 20)),
    ("on the 1st June 2020 the parties", "1st June 2020", (2020, 6, 1)),
    ("during the visit in October 2015, the year", "October 2015", (2015, 10, None)),
    ("Since 1995, the Land and the province", "1995", (1995, None, None)),
    ("15 December 2015", "15 December 2015", (2015, 12, 15)),
    ("a MEMORANDUM signed 3 MARCH 2019", "3 MARCH 2019", (2019, 3, 3)),
    ("signed in Dec. 2019", "Dec. 2019", (2019, 12, None)),
])
def test_english_dates_in_running_text(sentence, expression, parts):
    (match,) = find_dates(sentence)
    assert sentence[match.start:match.end] == expression
    assert match.value.start == PartialDate(*parts)


def test_a_day_and_english_month_without_year_takes_the_news_texts_year():
    (match,) = find_dates("on 20 October signed a Joint Declaration of Intent")
    assert match.value.start == PartialDate(None, 10, 20)
    near = in_year_near(match.value, datetime.date(2015, 12, 15))
    assert near is not None and near.start == PartialDate(2015, 10, 20)


@pytest.mark.parametrize(("expression", "parts"), [
    ("on 12 May 2015", (2015, 5, 12)),
    ("since May 2015", (2015, 5, None)),
    ("from 1995", (1995, None, None)),
    ("June 3, 2021", (2021, 6, 3)),
])
def test_parse_an_english_expression_with_its_preposition(expression, parts):
    assert parse_date(expression).start == PartialDate(*parts)


@pytest.mark.parametrize("text", [
    "Theresa May wrote to the 20 members",
    "the 20 years of successful relations",
    "May the partnership continue",
    "am 20 Mai",  # a German month needs the day's full stop
])
def test_words_that_are_no_english_date(text):
    assert find_dates(text) == []


def test_the_month_names_are_data():
    with (MAPPINGS_DIR / "month-names.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for language in ("de", "en"):
        months = sorted(int(r["month"]) for r in rows if r["language"] == language)
        assert months == list(range(1, 13))
    for row in rows:
        for name in row["names"].split("|"):
            (match,) = find_dates(f"in {name} 2020")
            assert match.value.start == PartialDate(2020, int(row["month"]))
