"""General rules from the classes of misses and false facts of officials, events and
ministries on the development part of the real corpus (issue 8, round gen11). Regions and
Länder are real; the statements are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from kg import namespaces as ns
from tests.test_extract_units import extraction
from tests.test_resolve import events_of, prepared_ok, press_release, write

# ------------------------------------------------------------------------------- ministries

STATE_CHANCELLERIES = [
    # the Land's Staatskanzlei by its official name, inflected, by the Land's adjective
    ("Die Sächsische Staatskanzlei lädt zum Empfang der Delegation aus Niederschlesien ein.",
     "DE-SN", ["Sächsische Staatskanzlei"]),
    ("Der Gast wurde in der Thüringer Staatskanzlei empfangen.", "DE-TH",
     ["Thüringer Staatskanzlei"]),
    ("Die Vereinbarung wurde von der Niedersächsischen Staatskanzlei vorbereitet.", "DE-NI",
     ["Niedersächsische Staatskanzlei"]),
    # a bare "Staatskanzlei" is the Land's, under the register's name of the day
    ("Die Staatskanzlei koordiniert die Zusammenarbeit mit der Woiwodschaft Masowien.",
     "DE-ST", ["Staatskanzlei und Ministerium für Kultur des Landes Sachsen-Anhalt"]),
    # another Land's Staatskanzlei, named by its adjective, is not the document's Land's
    ("Ein Vertreter der Bayerischen Staatskanzlei nahm ebenfalls teil.", "DE-SN", []),
]


@pytest.mark.parametrize(("text", "land", "expected"), STATE_CHANCELLERIES)
def test_a_lands_state_chancellery_by_its_registered_name(tmp_path, text, land, expected):
    found = extraction(tmp_path, text, land=land).ministries
    assert [m.label_de for m, _ in found if m.land == land] == expected
    assert all(m.registered for m, _ in found)


# -------------------------------------------------------------------------------- officials

def _posts(tmp_path, text: str, land: str) -> set[tuple[str, str | None]]:
    found = extraction(tmp_path, text, land=land)
    mentions = list(found.persons) + [p for e in found.events for p in e.participants] + \
        [p for a in found.agreements for p in a.signatories]
    return {(m.family, m.role.key if m.role else None) for m in mentions}


POSTS_OF_THEIR_TIME = [
    # a post "of its time" after a name with a title and a comma keeps the post
    ("Die Erklärung unterzeichneten Prof. Dr. Lena Beispiel, damalige Ministerpräsidentin "
     "Sachsen-Anhalts, und der Präsident der Region Centre-Val de Loire am 5. Mai 2004.",
     "DE-ST", ("Beispiel", "ministerpraesident")),
    # "seinerzeit" before the post, as "damaliger"
    ("Die Erklärung unterzeichneten Jan Beispiel und Michel Exemple, seinerzeit Präsident "
     "des Regionalrates der Region Centre-Val de Loire, am 5. Mai 2004 in Orléans.",
     "DE-ST", ("Exemple", "praesident")),
]


@pytest.mark.parametrize(("text", "land", "expected"), POSTS_OF_THEIR_TIME)
def test_a_post_of_its_time_after_the_name_is_the_persons(tmp_path, text, land, expected):
    assert expected in _posts(tmp_path, text, land)


# ------------------------------------------------------------------ officials: resolution

def _resolved(tmp_path, files: dict[str, str]):
    return prepared_ok([write(tmp_path, files)]).resolution


def test_a_surname_is_the_person_its_own_document_names_in_full(tmp_path):
    """A namesake named in full in another document does not make the surname ambiguous."""
    own = press_release(
        "10. Mai 2023",
        "Am 8. Mai 2023 empfing Staatssekretärin Anna Beispielmann den Marschall der "
        "Woiwodschaft Schlesien in Düsseldorf.",
        "Am 9. Mai 2023 traf Staatssekretärin Beispielmann den Generalkonsul von Japan.")
    other = press_release(
        "20. Juni 2023",
        "Am 19. Juni 2023 besuchte der Gouverneur der Präfektur Aichi, Herr Jan Beispielmann, "
        "Düsseldorf.")
    resolution = _resolved(tmp_path, {"a.txt": own, "b.txt": other})
    anna = ns.person("Anna Beispielmann")
    met = [e for e in events_of(resolution) if e.record.date.start.day == 9]
    assert met and all(anna in e.participants for e in met)
    assert not any("beispielmann~" in str(i) for i in resolution.persons)


def test_a_surname_is_the_family_name_written_first_in_its_own_document(tmp_path):
    """"Gouverneur Wang" after "Wang Beispiel" of a Chinese province: the first name of a
    name German texts write family name first is the family's."""
    text = press_release(
        "10. Mai 2023",
        "Am 8. Mai 2023 empfing Minister Habicht den Gouverneur der Provinz Hubei, "
        "Wang Beispiel, in Düsseldorf.",
        "Am 9. Mai 2023 traf Gouverneur Wang den Generalkonsul von Japan.")
    resolution = _resolved(tmp_path, {"a.txt": text})
    assert not any("/wang~" in str(i) for i in resolution.persons), list(resolution.persons)
    assert any(p.family == "Wang" or p.given == "Wang" for p in resolution.persons.values())


def _thuringian(date: str, *paragraphs: str) -> str:
    return f"Pressemitteilung der Thüringer Staatskanzlei\n\nErfurt, {date}\n\n" + \
        "\n\n".join(paragraphs) + "\n"


def _titles(resolution, family: str) -> set[str]:
    person = next(p for p in resolution.persons.values() if p.family == family)
    return {resolution.posts[post].role.key for post in person.posts}


def test_a_general_title_of_a_lands_head_is_the_title_its_document_gives(tmp_path):
    """"Thüringens Regierungschef X" beside "Ministerpräsident X": one post, the Land's own."""
    text = _thuringian(
        "10. Mai 2023",
        "Thüringens Regierungschef Bodo Beispiel reist am 10. Mai 2023 in die Woiwodschaft "
        "Kleinpolen.",
        "Am 11. Mai 2023 trifft Ministerpräsident Beispiel den Marschall der Woiwodschaft.")
    resolution = _resolved(tmp_path, {"a.txt": text})
    assert _titles(resolution, "Beispiel") == {"ministerpraesident"}


def test_a_general_title_alone_stays_as_worded(tmp_path):
    """A document that calls its head only "Regierungschef" keeps that title; so does a
    foreign head (the Land's title is the Land's)."""
    text = _thuringian(
        "10. Mai 2023",
        "Thüringens Regierungschef Bodo Beispiel reist am 10. Mai 2023 in die Woiwodschaft "
        "Kleinpolen.")
    resolution = _resolved(tmp_path, {"a.txt": text})
    assert _titles(resolution, "Beispiel") == {"regierungschef"}


# ----------------------------------------------------------------------------- event dates

def test_a_range_with_a_weekday_before_each_day_is_one_range():
    """"Von Dienstag, 30. September bis Freitag, 3. Oktober 2014": the start borrows the year."""
    from kg.dates import find_dates

    (found,) = find_dates("Von Dienstag, 30. September bis Freitag, 3. Oktober 2014, reist "
                          "die Ministerin nach Kanada.")
    assert (found.value.start.year, found.value.start.month, found.value.start.day) == \
        (2014, 9, 30)
    assert found.value.end is not None and found.value.end.day == 3


def test_a_day_with_its_weekday_takes_the_year_next_to_the_documents():
    """"am Donnerstag, 27. September" in a text of 1.10.2012: the Thursday of 2012, whatever
    the genre (a news text's nearness rule aside)."""
    from kg.dates import find_dates

    (found,) = find_dates("Die Delegation wurde am Donnerstag, 27. September, empfangen.",
                          reference=dt.date(2012, 10, 1))
    assert (found.value.start.year, found.value.start.month, found.value.start.day) == \
        (2012, 9, 27)


def test_a_day_without_year_or_weekday_stays_without_a_year():
    from kg.dates import find_dates

    (found,) = find_dates("Die Delegation kommt am 27. September.",
                          reference=dt.date(2012, 9, 27))
    assert found.value.start.year is None


YEARS_LISTED = [
    # a list of years: one occasion in each year
    ("In den Jahren 2007, 2010 und 2013 wurde jeweils vom Ministerpräsidenten und dem "
     "Gouverneur der Provinz Ontario ein Memorandum of Understanding unterschrieben.",
     [2007, 2010, 2013]),
    ("In den Jahren 2010 und 2013 besuchte der Ministerpräsident jeweils die Provinz Ontario.",
     [2010, 2013]),
    # without "jeweils" the years frame recurring contacts: no occasion of its own
    ("In den Jahren 2007 und 2008 gab es regelmäßige Arbeitsbesuche in der Provinz Ontario.",
     []),
    # "zwischen … und …" is a span of years: no occasion
    ("Zwischen 1995 und 2003 besuchte der Ministerpräsident mehrfach die Provinz Ontario.", []),
]


@pytest.mark.parametrize(("text", "years"), YEARS_LISTED)
def test_years_joined_by_und_are_one_occasion_each(tmp_path, text, years):
    found = extraction(tmp_path, text, date="2016-10-18").events
    assert sorted(e.date.start.year for e in found if e.date is not None) == years


CITY_STATE_OCCASIONS = [
    # a city-state's occasion with a foreign city is an event: its partners are cities
    ("Am 10. Juli 1958 unterzeichneten die beiden Stadtoberhäupter Jan Beispiel und Jean "
     "Exemple den Partnerschaftsschwur, in dem sich Hamburg und Marseille Freundschaft "
     "schworen.", "DE-HH", [(1958, "FR/marseille")]),
    ("Am 1. Juli 2010 besuchte der Bürgermeister von Dar es Salaam das Hamburger Rathaus.",
     "DE-HH", [(2010, "TZ/daressalam")]),
    # a Land's occasion with a foreign city alone is none (a bare city is a place)
    ("Am 1. Juli 2010 besuchte der Bürgermeister von Marseille Düsseldorf.", "DE-NW", []),
]


@pytest.mark.parametrize(("text", "land", "expected"), CITY_STATE_OCCASIONS)
def test_a_city_states_occasion_with_a_foreign_city(tmp_path, text, land, expected):
    found = extraction(tmp_path, text, land=land, date="2016-10-18").events
    assert [(e.date.start.year, p.key) for e in found if e.date for p in e.partners] == expected


def test_a_compound_of_veranstaltung_is_an_event_word(tmp_path):
    """"heute bei einer Festveranstaltung": a compound names the occasion as the word does."""
    text = ("Anlässlich des 20-jährigen Bestehens ihrer Partnerschaft mit der Woiwodschaft "
            "Großpolen betonte der Ministerpräsident heute bei einer Festveranstaltung in "
            "Potsdam die Freundschaft.")
    found = extraction(tmp_path, text, land="DE-BB", date="2023-11-21").events
    assert [(str(e.date.start.year), e.date.start.day) for e in found if e.date] == \
        [("2023", 21)]


def test_a_name_after_a_ministrys_portfolio_and_a_comma_is_no_portfolio(tmp_path):
    """"der Staatssekretär des Ministeriums für Wirtschaft, Jan Beispiel, …": the post's body
    ends before the comma (a list of portfolios goes on only to its "und"), the name is his."""
    text = ("Am 3. Mai 2023 traf der Staatssekretär des Ministeriums für Wirtschaft, Jan "
            "Beispiel, den Gouverneur der Provinz Ontario.")
    found = extraction(tmp_path, text, land="DE-MV")
    assert [m.label_de for m, _ in found.ministries] == ["Ministerium für Wirtschaft"]
    assert ("Beispiel", "staatssekretaer") in _posts(tmp_path, text, "DE-MV")
    assert any(m.given == "Jan" for m in found.persons)
