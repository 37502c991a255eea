"""False facts of the development part's classes (issue 8, branch h-dev13): a ministry named
only in a photo credit, a parliamentary paper's header date, a chronology run into one clause,
words that are no names, ministries of past cabinets. Regions are
real (in mappings/*.csv or ISO 3166-2); names and statements are invented in the style of the
wording."""

from __future__ import annotations

import pytest

from tests.test_extract_units import extraction

CREDITS = [
    "Die Ministerin traf den Gouverneur der Provinz Ontario. Bild: Bayerische Staatskanzlei",
    "Die Ministerin traf den Gouverneur der Provinz Ontario (Foto: StK)",
    "Die Ministerin traf den Gouverneur der Provinz Ontario.\n© Bayerische Staatskanzlei",
    "Die Ministerin traf den Gouverneur der Provinz Ontario in München (Quelle: Staatskanzlei)",
]


@pytest.mark.parametrize("text", CREDITS)
def test_a_ministry_named_only_in_a_photo_credit_is_none(tmp_path, text):
    found = extraction(tmp_path, text, land="DE-BY", date="2024-05-13").ministries
    assert not found


def test_a_ministry_named_beside_its_credit_is_still_found(tmp_path):
    text = ("Die Bayerische Staatskanzlei lud den Gouverneur der Provinz Ontario ein. "
            "Foto: Bayerische Staatskanzlei")
    found = extraction(tmp_path, text, land="DE-BY", date="2024-05-13").ministries
    assert {m.key for m, _ in found} == {"StK"}


HEADERS = [
    "Drucksache 21/6321 21. Wahlperiode 18.10.31 Schriftliche Kleine Anfrage und Antwort des "
    "Senats Betr.: Reise nach Ontario Der Erste Bürgermeister hat im Mai 2031 eine Reise in die "
    "Provinz Ontario unternommen.",
    "Landtag von Beispielland Drucksache 7/222 08.08.2031 (Ausgegeben am 09.08.2031) Antwort "
    "der Landesregierung Dienstreise des Ministers in die Provinz Ontario Die Dienstreise "
    "wurde im Mai 2031 durchgeführt.",
]


@pytest.mark.parametrize("text", HEADERS)
def test_a_papers_header_date_is_no_occasion(tmp_path, text):
    found = extraction(tmp_path, text, genre="answer", land="DE-HH", date="2031-10-18").events
    assert [e.date.start.lexical() for e in found if e.date] == ["2031-05"]


def test_a_chronology_run_into_one_clause_dates_each_entry_by_its_own_words(tmp_path):
    text = ("Übersicht Juni 2029: offizielle Unterzeichnung des Partnerschaftsvertrages "
            "Beispielstadt/Musterhausen in Beispielstadt Mai 2030 offizielle "
            "Vertragsunterzeichnung Musterdorf/Exempelburg Juni 2031: Unterzeichnung einer "
            "Partnerschaftsvereinbarung zwischen dem Land und der Provinz Hubei November 2031: "
            "Unterzeichnung eines Kooperationsvertrages der Stadt Beispielhafen")
    found = extraction(tmp_path, text, genre="report", land="DE-SN", date="2032-01-10").events
    dated = {e.date.start.lexical(): {p.key for p in e.partners} for e in found if e.date}
    assert dated == {"2031-06": {"CN-HB"}}


def test_a_ministry_after_the_lands_own_adjective_is_the_lands(tmp_path):
    text = ("Antwort des Niedersächsischen Ministeriums für Inneres und Sport namens der "
            "Landesregierung: Die Delegation reiste in die Provinz Ontario.")
    found = extraction(tmp_path, text, land="DE-NI", date="2019-11-18").ministries
    assert {m.label_de for m, _ in found} == {"Ministerium für Inneres und Sport"}


def test_a_ministry_after_another_lands_adjective_is_not_the_lands(tmp_path):
    text = "Ein Vertreter des Bayerischen Ministeriums für Inneres und Sport reiste mit."
    assert not extraction(tmp_path, text, land="DE-NI", date="2019-11-18").ministries


def test_a_ministry_of_a_foreign_republic_is_not_the_lands(tmp_path):
    text = ("Den gemeinsamen Raum möchten das Land und das Ministerium für Regionalentwicklung "
            "der Tschechischen Republik stärken.")
    assert not extraction(tmp_path, text, land="DE-BY", date="2019-11-18").ministries


# Ministries of past cabinets the development texts name (mappings/ministries.csv).
PAST_MINISTRIES = [
    ("An dem Gespräch nahm der saarländische Minister für Inneres, Bauen und Sport teil.",
     "DE-SL", "2023-03-01", "MIBS"),
    ("Es sprach der Minister für Wirtschaft, Energie, Industrie, Mittelstand und Handwerk.",
     "DE-NW", "2015-04-29", "MWEIMH"),
    ("Antwort der Landesregierung — Ministerin für Justiz, Kultur und Europa", "DE-SH",
     "2013-10-07", "MJKE"),
    ("Kontakte bestehen zwischen dem Rektorat und dem Thüringer Kultusministerium.", "DE-TH",
     "2005-01-10", "TKM"),
    ("Das teilte das bayerische Wirtschaftsministerium am Mittwoch mit.", "DE-BY", "2019-11-13",
     "StMWi"),
]


@pytest.mark.parametrize(("text", "land", "date", "key"), PAST_MINISTRIES)
def test_a_past_cabinets_ministry_is_registered(tmp_path, text, land, date, key):
    found = extraction(tmp_path, text, land=land, date=date).ministries
    assert {(m.key, m.registered) for m, _ in found} == {(key, True)}


# Words that are never a person's name, though a post stands before them: a partner city's
# kind word, a street of a contact block, a noun in "-nahme".
NO_NAMES = [
    ("Cao Beispiel, Vizebürgermeisterin von Bremens Partnerstadt Dalian, besucht seit Sonntag "
     "mit einer Delegation das Land.", {("Cao", "Beispiel")}),
    ("Sibylle Beispiel\nVorzimmer Regierungssprecher\nStaatskanzlei Mecklenburg-Vorpommern\n"
     "Schloßstraße 2-4\n19053 Schwerin", set()),
    ("Antwort des Chefs der Staatskanzlei Nichtteilnahme der Ministerpräsidentin am Festakt",
     set()),
]


@pytest.mark.parametrize(("text", "names"), NO_NAMES)
def test_kind_words_streets_and_nouns_are_no_names(tmp_path, text, names):
    found = extraction(tmp_path, text, land="DE-HB", date="2012-01-30").persons
    assert {(p.given, p.family) for p in found if p.role} == names


def test_a_branch_office_is_no_name(tmp_path):
    text = "Antwort der Landesregierung — Ministerin für Justiz, Kultur und Europa Zweigstellen"
    found = extraction(tmp_path, text, genre="answer", land="DE-SH", date="2013-10-07").persons
    assert not [p for p in found if p.family == "Zweigstellen"]
