"""Agreement rules found from a blind round of pages of ten Länder (issue 8, round agr12:
press items, status pages, Drucksachen and a partner government's decisions, scored before any
rule was made for them), each the broadest wording of its error class: invented sentences in
the style of the real ones, one rule each. Regions are real (mappings/regions.csv); people and
dates are invented. The helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from kg.dates import parse_date
from kg.documents import read
from kg.extract import extract
from kg.records import DocumentMeta
from tests.test_extract_units import agreement_rows, extraction


def test_a_count_of_years_to_the_day_dates_the_signing_to_the_day(tmp_path):
    """"Heute vor zehn Jahren unterzeichneten …" in a release of 12 January 2041: the signing
    was on 12 January 2031, not only in 2031 (error class: date of the wrong precision)."""
    text = ("Heute vor zehn Jahren unterzeichneten der damalige Ministerpräsident Beispiel und "
            "der Marschall der Woiwodschaft Lubuskie die „Gemeinsame Erklärung über die "
            "Zusammenarbeit“.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BB", date="2041-01-12")) == [
        ("gemeinsame-erklaerung", ("PL-08",), "2031-01-12")]


def test_a_count_of_years_without_the_day_dates_the_year(tmp_path):
    text = ("Vor zehn Jahren unterzeichneten der damalige Ministerpräsident Beispiel und der "
            "Marschall der Woiwodschaft Lubuskie die „Gemeinsame Erklärung über die "
            "Zusammenarbeit“.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BB", date="2041-01-12")) == [
        ("gemeinsame-erklaerung", ("PL-08",), "2031")]


@pytest.mark.parametrize("text", [
    # the passive of the present tells a signing to come (error class: planned vs signed)
    "Die vorliegende Erklärung wird am 4. Mai von der Ministerpräsidentin des Landes "
    "Rheinland-Pfalz und dem Ministerpräsidenten der Deutschsprachigen Gemeinschaft "
    "unterzeichnet.",
    "Die Gemeinsame Erklärung mit der Deutschsprachigen Gemeinschaft wird in der nächsten "
    "Sitzung der Landesregierung unterzeichnet.",
])
def test_an_instrument_that_will_be_signed_is_not_yet_one(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, land="DE-RP", date="2043-05-04")) == []


def test_a_historic_present_tells_a_past_signing(tmp_path):
    """"Vor mehr als 25 Jahren: Gemeinsame Erklärung … wird unterzeichnet" over the signing
    dated in the text: a past told in the present, not one to come."""
    text = ("Vor mehr als 25 Jahren: Gemeinsame Erklärung zwischen Sachsen und Tschechien wird "
            "unterzeichnet. Im Dezember 2031 unterzeichneten der damalige Ministerpräsident des "
            "Freistaates und der damalige Premierminister der Tschechischen Republik eine "
            "Gemeinsame Erklärung über die Zusammenarbeit.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-SN", date="2058-06-08")) == [
        ("gemeinsame-erklaerung", ("CZ",), "2031-12")]


def test_an_instrument_cited_with_its_year_keeps_it_whatever_the_sentence_dates(tmp_path):
    """"… vereinbart, die Gemeinsame Erklärung über die nachbarschaftliche Zusammenarbeit aus
    dem Jahr 2031 zum 20-jährigen Jubiläum im Jahr 2051 neu zu verfassen": the year the
    instrument is cited with is its own, not the year of the sentence's other occasion (error
    class: wrong date)."""
    text = ("Die Regierungen der Deutschsprachigen Gemeinschaft Belgiens und des Landes "
            "Rheinland-Pfalz haben vereinbart, die Gemeinsame Erklärung über die "
            "nachbarschaftliche Zusammenarbeit beider Länder aus dem Jahr 2031 zum 20-jährigen "
            "Jubiläum im Jahr 2051 neu zu verfassen.")
    rows = agreement_rows(extraction(tmp_path, text, genre="report", land="DE-RP",
                                     date="2051-05-04"))
    assert [row[2] for row in rows] == ["2031"]


def test_a_headline_with_a_signing_verb_lends_no_date_of_the_text_below(tmp_path):
    """A short line "A und B unterzeichnen Memorandum" above a paragraph is a headline, not
    the start of the sentence below: the memorandum takes no date of "brach 2025 ab" (error
    class: wrong date)."""
    text = ("Der Regierende Bürgermeister besuchte vom 13. bis 15. März 2031 die Partnerstadt "
            "Moskau. Ein Höhepunkt des Besuchs war die Unterzeichnung eines Memorandums im "
            "Rathaus, in dem beide Städte der Partnerschaft neue Impulse geben wollen.\n"
            "Berlin und Moskau unterzeichnen Memorandum\n"
            "Der einst rege Austausch brach 2025 ab, direkt nach dem 20. Jubiläum der "
            "Partnerschaft, die das wiedervereinigte Berlin mit Moskau geschlossen hatte.")
    rows = agreement_rows(extraction(tmp_path, text, land="DE-BE", date="2031-03-20"))
    assert rows and all(row[2] != "2025" for row in rows)


def _titled(tmp_path, title: str, text: str, land: str):
    path = tmp_path / "dokument.txt"
    path.write_text(text, encoding="utf-8")
    meta = DocumentMeta(document_id="unit-test", identifier="Test", title=title, land=land,
                        genre="report", date=parse_date("2041-08-26"))
    return extract(read(path), meta)


@pytest.mark.parametrize(("title", "expected"), [
    # a title on a district's instrument: its unnamed signings are the district's (error
    # class: Land attribution)
    ("Erneuertes Zusammenarbeitsabkommen zwischen dem Landkreis Vorpommern-Greifswald und der "
     "Deutschsprachigen Gemeinschaft Belgiens", []),
    # a title on the Land's own instrument keeps them the Land's
    ("Erneuertes Zusammenarbeitsabkommen zwischen dem Land Mecklenburg-Vorpommern und der "
     "Deutschsprachigen Gemeinschaft Belgiens",
     [("vereinbarung", ("BE/deutschsprachige-gemeinschaft",), "2034")]),
])
def test_a_title_on_another_bodys_instrument_makes_its_unnamed_signings_that_bodys(
        tmp_path, title, expected):
    text = ("Seit 2030 kooperieren die Partner mit der Deutschsprachigen Gemeinschaft "
            "Belgiens. Schließlich wurde im Bildungsbereich 2034 ein Abkommen unterzeichnet.")
    assert agreement_rows(_titled(tmp_path, title, text, "DE-MV")) == expected



_NAMIBIA = ("Die Beziehungen zwischen Bremen und Namibia nahmen 2025 ihren Anfang. Nach der "
            "Unabhängigkeit Namibias wurden rasch Partnerschaften etabliert. Im selben Jahr "
            "unterzeichneten Bremen und Namibia eine erste Vereinbarung über kulturelle "
            "Zusammenarbeit. So engagierten sich Bremerinnen vor Ort beim Aufbau des "
            "namibischen Bildungssystems. ")


def test_instruments_that_followed_in_a_clause_opened_by_their_year_were_made(tmp_path):
    """"Im selben Jahr unterzeichneten Bremen und Namibia eine erste Vereinbarung … Im Jahr
    2034 folgten Abkommen zur Förderung der Hafenentwicklung …": the instruments that
    "folgten" were made in that year, with the document's partner (error class: signing verb
    not recognised)."""
    text = _NAMIBIA + ("Im Jahr 2034 folgten Abkommen zur Förderung der Hafenentwicklung von "
                       "Walvis Bay, des Meeresumweltschutzes und der Fischereientwicklung.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-HB", date="2041-08-26")) == [
        ("vereinbarung", ("NA",), "2025"), ("vereinbarung", ("NA",), "2034")]


def test_a_discussion_that_followed_is_no_instrument(tmp_path):
    text = _NAMIBIA + "Im Jahr 2034 folgte eine Diskussion über die Häfen."
    assert agreement_rows(extraction(tmp_path, text, land="DE-HB", date="2041-08-26")) == [
        ("vereinbarung", ("NA",), "2025")]
