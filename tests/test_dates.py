"""kg.dates against the expressions of the real documents, the numbers that only look like dates,
the dates that cannot be, and properties that must hold for every date of the calendar."""

import calendar
import datetime
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from kg import dates as dates_module
from kg.dates import DateError, PartialDate, Precision, find_dates, in_year_near, parse_date

DAY, MONTH, YEAR = Precision.DAY, Precision.MONTH, Precision.YEAR
MONTH_NAMES = (
    "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
    "Oktober", "November", "Dezember",
)  # fmt: skip
REFERENCE = datetime.date(2024, 7, 17)

# expression as found in the documents, its start (year, month, day), its end, start's precision
REAL_EXPRESSIONS = [
    ("14.01.2020", (2020, 1, 14), None, DAY),
    ("4.2.2019", (2019, 2, 4), None, DAY),
    ("am 15.01.2019", (2019, 1, 15), None, DAY),
    ("4. März 2004", (2004, 3, 4), None, DAY),
    ("21. April 2008", (2008, 4, 21), None, DAY),
    ("Mittwoch, 17. Juli 2024", (2024, 7, 17), None, DAY),
    ("18. Januar 2018", (2018, 1, 18), None, DAY),
    ("(9. Juli 2021)", (2021, 7, 9), None, DAY),
    ("Februar 2021", (2021, 2, None), None, MONTH),
    ("im Oktober 2022", (2022, 10, None), None, MONTH),
    ("Im Januar 2019", (2019, 1, None), None, MONTH),
    ("seit März 2021", (2021, 3, None), None, MONTH),
    ("im Jahr 2023", (2023, None, None), None, YEAR),
    ("Im Jahr 2024", (2024, None, None), None, YEAR),
    ("2017", (2017, None, None), None, YEAR),
    ("vom 16. - 18. April 2023", (2023, 4, 16), (2023, 4, 18), DAY),
    ("vom 23. - 29. Juli 2023", (2023, 7, 23), (2023, 7, 29), DAY),
    ("vom 25.- 27. September 2023", (2023, 9, 25), (2023, 9, 27), DAY),
    ("26./28.05.2018", (2018, 5, 26), (2018, 5, 28), DAY),
    ("22./25.04.2018", (2018, 4, 22), (2018, 4, 25), DAY),
    ("3.-10.11.2018", (2018, 11, 3), (2018, 11, 10), DAY),
    ("12.-13.10.2017", (2017, 10, 12), (2017, 10, 13), DAY),
    ("01.-03.05.2019", (2019, 5, 1), (2019, 5, 3), DAY),
    ("16.10.-18.10.2018", (2018, 10, 16), (2018, 10, 18), DAY),
    ("2017-2019", (2017, None, None), (2019, None, None), YEAR),
    ("2017 - 2019", (2017, None, None), (2019, None, None), YEAR),
    ("In den Jahren 2017 bis 2020", (2017, None, None), (2020, None, None), YEAR),
    ("März-August 2020", (2020, 3, None), (2020, 8, None), MONTH),
    ("Oktober 2023 bis März 2024", (2023, 10, None), (2024, 3, None), MONTH),
    ("vom 16. bis 20. Oktober 2018", (2018, 10, 16), (2018, 10, 20), DAY),
    ("vom 03. bis 08. September 2019", (2019, 9, 3), (2019, 9, 8), DAY),
    ("vom 14. bis 21. Juni 2019", (2019, 6, 14), (2019, 6, 21), DAY),
    ("Vom 5. Oktober 2023 bis zum 3. März 2024", (2023, 10, 5), (2024, 3, 3), DAY),
    ("vom 28. Dezember bis 3. Januar 2024", (2023, 12, 28), (2024, 1, 3), DAY),
    ("vom 28. November bis 02. Dezember", (None, 11, 28), (None, 12, 2), DAY),
    ("vom 28. November bis 02.\nDezember", (None, 11, 28), (None, 12, 2), DAY),
    ("vom 11. bis 17. September", (None, 9, 11), (None, 9, 17), DAY),
    ("am 27. Juli", (None, 7, 27), None, DAY),
    ("am 18. und 19. Oktober 2023", (2023, 10, 18), (2023, 10, 19), DAY),
    ("am 18., 19. und 20. Oktober 2023", (2023, 10, 18), (2023, 10, 20), DAY),
    ("Anfang 2024", (2024, None, None), None, YEAR),
    ("Mitte 2023", (2023, None, None), None, YEAR),
    ("Ende Oktober 2023", (2023, 10, None), None, MONTH),
    ("2024-07-17", (2024, 7, 17), None, DAY),
    ("3. Jan. 2020", (2020, 1, 3), None, DAY),
    ("Febr. 2020", (2020, 2, None), None, MONTH),
    ("5. Sept. 2019", (2019, 9, 5), None, DAY),
    ("Okt. 2019", (2019, 10, None), None, MONTH),
    ("10. Dez. 2018", (2018, 12, 10), None, DAY),
    ("15. Jänner 2020", (2020, 1, 15), None, DAY),
    ("29. Februar 2024", (2024, 2, 29), None, DAY),
    ("17. JULI 2024", (2024, 7, 17), None, DAY),
]


@pytest.mark.parametrize(("expression", "start", "end", "precision"), REAL_EXPRESSIONS)
def test_real_expression(expression, start, end, precision):
    value = parse_date(expression)
    assert value.start == PartialDate(*start)
    assert value.end == (PartialDate(*end) if end else None)
    assert value.start.precision is precision
    assert value.season is None


@pytest.mark.parametrize(
    ("expression", "season", "earliest", "latest"),
    [
        ("Frühjahr 2024", "Frühjahr", datetime.date(2024, 3, 1), datetime.date(2024, 5, 31)),
        ("Frühling 2024", "Frühjahr", datetime.date(2024, 3, 1), datetime.date(2024, 5, 31)),
        ("im Sommer 2022", "Sommer", datetime.date(2022, 6, 1), datetime.date(2022, 8, 31)),
        ("Sommer 2023", "Sommer", datetime.date(2023, 6, 1), datetime.date(2023, 8, 31)),
        ("im Herbst 2019", "Herbst", datetime.date(2019, 9, 1), datetime.date(2019, 11, 30)),
        ("Winter 2023", "Winter", datetime.date(2023, 12, 1), datetime.date(2024, 2, 29)),
        ("Winter 2023/24", "Winter", datetime.date(2023, 12, 1), datetime.date(2024, 2, 29)),
    ],
)
def test_a_season_is_a_year_with_narrower_bounds(expression, season, earliest, latest):
    value = parse_date(expression)
    assert value.season == season
    assert value.start == PartialDate(earliest.year)
    assert value.start.precision is YEAR
    assert (value.earliest, value.latest) == (earliest, latest)


# a sentence of the documents and the date expressions in it, in order
REAL_SENTENCES = [
    ("MWIDE\t26./28.05.2018: Land NRW vertreten", ["26./28.05.2018"]),
    ("So hat vom 23. - 29. Juli 2023 der 21. Jugendgipfel", ["23. - 29. Juli 2023"]),
    ("Datum des Originals: 14.01.2020/Ausgegeben: 20.01.2020", ["14.01.2020", "20.01.2020"]),
    ("IM\t2017 - Besuch des Generalkonsuls", ["2017"]),
    ("IM\t2017-2019 Intensive Pflege der Freundschaft", ["2017-2019"]),
    ("an der eWorld 2018 mit Messestand", ["2018"]),
    ("am Rande der eWorld 5.2.2018", ["5.2.2018"]),
    ("nahm am 27. Juli \n\n2023 teil", ["27. Juli \n\n2023"]),
    ("vom 28. November bis 02.\nDezember nach", ["28. November bis 02.\nDezember"]),
    ("auch im kommenden Jahr 2024 gemeinsame Aktivitäten", ["im kommenden Jahr 2024"]),
    ("Kleine Anfrage 3243 vom 13. Dezember 2019", ["13. Dezember 2019"]),
    ("Drucksache 17/8230 vom 14.01.2020", ["14.01.2020"]),
    ("der seit März 2021 bestehenden Partnerschaft", ["März 2021"]),
    ("Köln (2018). Im Januar 2019 besuchten", ["2018", "Januar 2019"]),
    ("ist für Frühjahr 2024 geplant.", ["Frühjahr 2024"]),
    ("Tätigkeit. In den Jahren 2017 bis 2020 hat", ["In den Jahren 2017 bis 2020"]),
    ("für den Zeitraum März-August 2020", ["März-August 2020"]),
    ("reiste vom 16. - 18. April 2023 nach", ["16. - 18. April 2023"]),
    (
        "Am 21. März 2023 fand die erste Sitzung statt. Im Jahr 2024 ist",
        ["21. März 2023", "Im Jahr 2024"],
    ),
    ("am Mittwoch, 17. Juli 2024, in Stuttgart", ["Mittwoch, 17. Juli 2024"]),
    ("Vom 5. Oktober 2023 bis zum 3. März 2024 findet", ["5. Oktober 2023 bis zum 3. März 2024"]),
]


@pytest.mark.parametrize(("sentence", "expressions"), REAL_SENTENCES)
def test_find_dates_in_real_sentences(sentence, expressions):
    matches = find_dates(sentence)
    assert [match.value.text for match in matches] == expressions
    assert [sentence[match.start : match.end] for match in matches] == expressions


@pytest.mark.parametrize(
    "text",
    [
        "Drucksache 17/8230",
        "Vorlage 18/1828",
        "Kleine Anfrage 3243",
        "(S. 114)",
        "3 Durchgänge",
        "7.500 Südkoreaner",
        "ungefähr 1.000 von ihnen",
        "Telefon (0211) 884 - 2439",
        "40002 Düsseldorf, Postfach 10 11 43",
        "Platz des Landtags 1",
        "A06",
        "der 21. Jugendgipfel",
        "25. Geburtstag",
        "zum 35. Jubiläum",
        "10-jährige Jubiläum",
        "Energy4Climate",
        "18. WAHLPERIODE",
        "im Jahr 1850 und 2100",
        "Drucksache 17/2019",
        "Wert 2018.5",
        "Ziffer 2019a",
        "A2019",
        "Durchwahl 884-2019",
        "Telefon 0211 884 - 2019",
        "Wintersemester 2019/20",
        "im Mai",
        "Punkt 14.13.",
    ],
)
def test_numbers_that_are_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text", ["Drucksache 17/8230", "der 21. Jugendgipfel", "", "Mai"])
def test_parse_date_tells_a_non_date_from_an_impossible_date(text):
    with pytest.raises(ValueError) as caught:
        parse_date(text)
    assert not isinstance(caught.value, DateError)


@pytest.mark.parametrize("sentence", [
    "Anfang der 1970er Jahre begann der Austausch mit der Partnerprovinz.",
    "Die Kontakte reichen in die späten 1960er Jahre zurück.",
    "Seit den 2010er-Jahren besteht ein reger Austausch.",
    "in den 1980er Jahren",
])
def test_a_decade_is_no_date_and_not_its_first_year(sentence):
    assert find_dates(sentence) == []
    decade = re.search(r"\S*\d0er\S*(?:\s+Jahr\w*)?", sentence)
    assert decade is not None
    with pytest.raises(ValueError, match="decade"):
        parse_date(decade.group())


def test_a_year_after_a_decade_is_still_found():
    found = find_dates("Die in den 1970er Jahren geknüpften Kontakte wurden 1994 besiegelt.")
    assert [m.value.start.year for m in found] == [1994]


def test_a_year_may_end_a_sentence():
    assert [match.value.start for match in find_dates("auf der Messe 2018.")] == [PartialDate(2018)]


@pytest.mark.parametrize(
    "expression",
    [
        "31.02.2020",
        "29. Februar 2023",
        "32. März 2021",
        "14.13.2020",
        "vom 18. bis 16. April 2023",
        "30.02.",
        "31. April 2023",
        "0.3.2021",
        "2019 - 2017",
        "Oktober 2023 bis März 2023",
        "2023-02-30",
        "Winter 2023/25",
        "Sommer 2023/24",
    ],
)
def test_impossible_dates_raise_naming_the_expression(expression):
    with pytest.raises(DateError) as caught:
        parse_date(expression)
    assert caught.value.expression == expression
    assert f'"{expression}" is not a date: ' in str(caught.value)


def test_error_message_gives_the_reason_in_plain_words():
    with pytest.raises(DateError) as caught:
        parse_date("31.02.2020")
    assert str(caught.value) == '"31.02.2020" is not a date: February 2020 has 29 days'


def test_find_dates_raises_for_an_impossible_date_in_running_text():
    with pytest.raises(DateError) as caught:
        find_dates("Die Sitzung am 29. Februar 2023 fand statt.")
    assert caught.value.expression == "29. Februar 2023"


@pytest.mark.parametrize(
    ("expression", "start"),
    [
        ("in diesem Jahr", (2024, None)),
        ("dieses Jahres", (2024, None)),
        ("im laufenden Jahr", (2024, None)),
        ("im vergangenen Jahr", (2023, None)),
        ("letzten Jahres", (2023, None)),
        ("im Vorjahr", (2023, None)),
        ("Im Dezember letzten Jahres", (2023, 12)),
        ("im kommenden Jahr", (2025, None)),
        ("nächsten Jahres", (2025, None)),
        ("im kommenden Jahr 2024", (2024, None)),
        ("Ende letzten Jahres", (2023, None)),
    ],
)
def test_relative_expressions_count_from_the_document_date(expression, start):
    assert parse_date(expression, reference=REFERENCE).start == PartialDate(*start)


@pytest.mark.parametrize("expression", ["im vergangenen Jahr", "Im Dezember letzten Jahres"])
def test_relative_expressions_need_a_document_date(expression):
    with pytest.raises(ValueError) as caught:
        parse_date(expression)
    assert not isinstance(caught.value, DateError)
    assert find_dates(f"Wie {expression} vereinbart") == []


def test_an_unresolvable_relative_date_is_not_read_as_a_date_without_year():
    assert find_dates("am 15. März dieses Jahres") == []
    found = find_dates("am 15. März dieses Jahres", reference=REFERENCE)
    assert [match.value.start for match in found] == [PartialDate(2024, 3, 15)]


def test_an_explicit_year_needs_no_reference_and_ignores_one():
    sentence = "auch im kommenden Jahr 2024 gemeinsame Aktivitäten"
    assert find_dates(sentence)[0].value.start == PartialDate(2024)
    assert parse_date("Februar 2021", datetime.date(1990, 1, 1)).start == PartialDate(2021, 2)


def test_a_date_without_year_is_incomplete_and_has_no_bounds():
    value = parse_date("vom 28. November bis 02. Dezember")
    assert not value.complete
    with pytest.raises(ValueError):
        value.earliest  # noqa: B018 - the property is the call under test
    with pytest.raises(ValueError):
        value.start.lexical()
    assert parse_date("vom 16. - 18. April 2023").complete


@pytest.mark.parametrize(
    ("parts", "lexical", "xsd_type"),
    [
        ((2023, 10, 18), "2023-10-18", "date"),
        ((2023, 10), "2023-10", "gYearMonth"),
        ((2023,), "2023", "gYear"),
        ((812,), "0812", "gYear"),
    ],
)
def test_lexical_form_and_xsd_type(parts, lexical, xsd_type):
    assert PartialDate(*parts).lexical() == lexical
    assert PartialDate(*parts).xsd_type() == xsd_type


def test_partial_date_refuses_impossible_parts():
    with pytest.raises(ValueError):
        PartialDate(2023, 2, 29)
    with pytest.raises(ValueError):
        PartialDate(2023, None, 5)


# --- Properties ----------------------------------------------------------------------------------

DATES = st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2100, 12, 31))
DAY_FORMATS = {
    "d.m.yyyy": lambda d: f"{d.day}.{d.month}.{d.year}",
    "dd.mm.yyyy": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "d. Monatsname yyyy": lambda d: f"{d.day}. {MONTH_NAMES[d.month - 1]} {d.year}",
    "yyyy-mm-dd": lambda d: d.isoformat(),
}
GERMANISH = st.text(alphabet="abcdefghijklmnopqrstuvwxyzäöüß ", max_size=40)
XSD_LEXICAL = {  # XSD 1.1 lexical spaces, without the optional time zone
    "date": r"-?([1-9]\d{3,}|0\d{3})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])",
    "gYearMonth": r"-?([1-9]\d{3,}|0\d{3})-(0[1-9]|1[0-2])",
    "gYear": r"-?([1-9]\d{3,}|0\d{3})",
}


def month_expression(day: datetime.date) -> str:
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


@given(DATES, st.sampled_from(sorted(DAY_FORMATS)))
def test_every_day_reads_back_as_itself(day, format_name):
    value = parse_date(DAY_FORMATS[format_name](day))
    assert value.start == PartialDate(day.year, day.month, day.day)
    assert value.start.precision is DAY
    assert value.earliest == value.latest == day


@given(st.integers(1950, 2100), st.integers(1, 12))
def test_every_month_reads_back_as_a_month(year, month):
    value = parse_date(month_expression(datetime.date(year, month, 1)))
    assert value.start.precision is MONTH
    assert value.earliest == datetime.date(year, month, 1)
    assert value.latest == datetime.date(year, month, calendar.monthrange(year, month)[1])


@given(DATES, st.sampled_from([*sorted(DAY_FORMATS), "Monatsname yyyy"]), GERMANISH, GERMANISH)
def test_a_date_in_running_text_is_found_where_it_is(day, format_name, before, after):
    expression = DAY_FORMATS.get(format_name, month_expression)(day)
    text = f"{before} {expression} {after}"
    found = find_dates(text)
    assert [(match.start, match.end) for match in found] == [
        (len(before) + 1, len(before) + 1 + len(expression))
    ]
    expected_day = day.day if format_name in DAY_FORMATS else None
    assert found[0].value.start == PartialDate(day.year, day.month, expected_day)


@given(st.lists(DATES, min_size=1, max_size=5), st.sampled_from(sorted(DAY_FORMATS)))
def test_every_date_of_a_text_is_found_in_order(days, format_name):
    text = " sowie am ".join(DAY_FORMATS[format_name](day) for day in days)
    found = find_dates(text)
    assert [match.value.start.earliest() for match in found] == days


@given(st.integers(1950, 2100), st.integers(1, 12), st.integers(29, 99))
def test_a_day_beyond_the_month_raises(year, month, day):
    assume(day > calendar.monthrange(year, month)[1])
    with pytest.raises(DateError):
        parse_date(f"{day}.{month}.{year}")


def range_expressions(first: datetime.date, last: datetime.date) -> list[str]:
    """The ways the documents write a range, as far as they apply to these two days."""
    first_name, last_name = MONTH_NAMES[first.month - 1], MONTH_NAMES[last.month - 1]
    ways = [
        f"{first:%d.%m.%Y} - {last:%d.%m.%Y}",
        f"vom {first.day}. {first_name} {first.year} bis zum {last.day}. {last_name} {last.year}",
    ]
    if (first.year, first.month) == (last.year, last.month):
        ways += [
            f"{first.day}.-{last.day}.{last.month}.{last.year}",
            f"vom {first.day}. bis {last.day}. {last_name} {last.year}",
            f"am {first.day}. und {last.day}. {last_name} {last.year}",
        ]
    return ways


@given(st.tuples(DATES, DATES).map(sorted), st.data())
def test_a_range_runs_from_its_start_to_its_end(days, data):
    first, last = days
    value = parse_date(data.draw(st.sampled_from(range_expressions(first, last))))
    assert value.end is not None
    assert (value.start.earliest(), value.end.latest()) == (first, last)
    assert value.earliest <= value.latest
    assert value.start <= value.end


@given(st.tuples(DATES, DATES).map(sorted), st.data())
def test_a_range_ending_before_it_starts_raises(days, data):
    first, last = days
    assume(first < last)
    with pytest.raises(DateError):
        parse_date(data.draw(st.sampled_from(range_expressions(last, first))))


@given(
    st.dates().flatmap(
        lambda d: st.sampled_from(
            [PartialDate(d.year, d.month, d.day), PartialDate(d.year, d.month), PartialDate(d.year)]
        )
    )
)
def test_lexical_form_is_valid_for_its_xsd_type_and_round_trips(date):
    lexical = date.lexical()
    assert re.fullmatch(XSD_LEXICAL[date.xsd_type()], lexical)
    assert PartialDate(*(int(part) for part in lexical.split("-"))) == date
    assert date.earliest() <= date.latest()


@given(st.integers(1950, 2100), st.sampled_from(["Frühjahr", "Sommer", "Herbst", "Winter"]))
def test_a_season_lies_within_its_months(year, season):
    value = parse_date(f"{season} {year}")
    first_month = {"Frühjahr": 3, "Sommer": 6, "Herbst": 9, "Winter": 12}[season]
    assert value.earliest == datetime.date(year, first_month, 1)
    assert (value.latest - value.earliest).days in range(88, 92)
    assert value.start.precision is YEAR


@given(st.dates(min_value=datetime.date(1950, 1, 1), max_value=datetime.date(2098, 12, 31)))
def test_relative_years_count_from_any_document_date(reference):
    for expression, offset in [
        ("in diesem Jahr", 0),
        ("im Vorjahr", -1),
        ("im nächsten Jahr", 1),
        ("des vergangenen Jahres", -1),
    ]:
        assert parse_date(expression, reference).start == PartialDate(reference.year + offset)


@pytest.mark.parametrize(("text", "reference", "expected"), [
    ("unterzeichneten am Montag in der Hauptstadt", datetime.date(2031, 3, 10), "2031-03-10"),
    ("traf er am Freitag den Gouverneur", datetime.date(2031, 3, 10), "2031-03-07"),
    ("am Sonnabend eröffnet", datetime.date(2031, 3, 10), "2031-03-08"),
])
def test_a_weekday_in_a_dated_report_is_the_last_such_day(text, reference, expected):
    [match] = find_dates(text, reference=reference)
    assert match.value.start.lexical() == expected


def test_a_weekday_without_the_documents_date_is_no_date():
    assert find_dates("unterzeichneten am Montag in der Hauptstadt") == []
    assert find_dates("am kommenden Montag", reference=datetime.date(2031, 3, 10)) == []


@pytest.mark.parametrize(("text", "dated", "expected"), [
    ("am 8. Juli", "2024-07-10", "2024-07-08"),        # days before a press release's date
    ("am 15. Dezember", "2025-01-10", "2024-12-15"),   # the turn of the year
    ("am 3. September", "2024-07-10", None),           # after the date: which year is unsure
    ("vom 28. November bis 2. Dezember", "2024-12-05", "2024-11-28/2024-12-02"),
    ("am 7. Juli", "2024-01-10", None),               # half a year away: which year is unsure
    ("am 29. Februar", "2023-03-10", None),            # no such day near that date
])
def test_a_day_without_a_year_takes_the_year_near_a_news_texts_date(text, dated, expected):
    value = find_dates(text)[0].value
    near = in_year_near(value, datetime.date.fromisoformat(dated))
    if expected is None:
        assert near is None
    else:
        assert near is not None
        shown = near.start.lexical() + (f"/{near.end.lexical()}" if near.end else "")
        assert shown == expected


def test_a_date_with_its_year_is_not_moved():
    value = find_dates("am 8. Juli 2019")[0].value
    assert in_year_near(value, datetime.date(2024, 7, 10)) is None


def _all_candidates(text: str) -> list[tuple[int, tuple[int, int]]]:
    """Every form's every match, without the pre-filter of kg.dates._candidates."""
    return [(index, match.span()) for index, form in enumerate(dates_module._FORMS)
            for match in form.pattern.finditer(text)]


def _filtered_candidates(text: str) -> list[tuple[int, tuple[int, int]]]:
    return [(dates_module._FORMS.index(form), match.span())
            for form, match in dates_module._candidates(text)]


PRE_FILTER_TEXTS = [
    *(expression for expression, *_ in REAL_EXPRESSIONS), *(s for s, _ in REAL_SENTENCES),
    "Anfang der 1970er Jahre", "am Sonnabend eröffnet", "Im Dezember letzten Jahres",
    "im Vorjahr", "in diesem Jahr", "Ende dieses Jahres", "Winter 2023/24", "Sommer dieses Jahres",
    "VOM 3. MÄRZ BIS 5. APR. 2019", "MAERZ-AUGUST 2020", "Maerz 2020", "3. Jän. 2021",
    "Mittwoch, 15. Mrz. 2019", "2031-07-15", "30.02.", "am Montag", "Frühling des Jahres 2019",
]


@pytest.mark.parametrize("text", PRE_FILTER_TEXTS)
def test_the_pre_filter_drops_no_form_that_matches(text):
    """A form is skipped where the text lacks a sign its matches need: never one that matches."""
    for variant in (text, text.upper(), f"x {text} y"):
        assert _filtered_candidates(variant) == _all_candidates(variant)
    assert _all_candidates(text)  # the text exercises the forms


@given(st.text(alphabet="0123456789. -/JFMASONDjanuärzebiltgpkovIhrsmwcdnf", max_size=60))
def test_the_pre_filter_drops_no_form_that_matches_in_any_text(text):
    assert _filtered_candidates(text) == _all_candidates(text)
