"""A document's own date where a web page or an agency states it (issue 8, branch h-date14):
invented pages, one rule each; each date is what a reader of the page takes for its day."""

from __future__ import annotations

import pytest

from kg.documents import read
from kg.extract.metadata import detect
from kg.registers import load as load_registers
from tests.test_extract_units import extraction

_FURNITURE = ("Startseite Politik Pressemitteilungen\n\nSuche\n\n"
              "Partnerschaft mit der Provinz Nordland gestärkt\n\n")
_BODY = ("Die Europaministerin des Landes Brandenburg hat mit dem Präsidenten der Partnerprovinz "
         "Nordland über die Zusammenarbeit gesprochen. Die Partnerschaft besteht seit 20 Jahren.\n")


# Lines are run into a paragraph of more than a date line's length.
_MORE = " Die Delegation der Provinz bleibt bis zum Ende der Woche im Land.\n"


def _date(tmp_path, text: str) -> str:
    path = tmp_path / "seite.txt"
    path.write_text(text, encoding="utf-8")
    date = detect(read(path), load_registers()).date
    return date.start.lexical() if date is not None else ""


@pytest.mark.parametrize("lead", [
    "Die Ministerin hat heute, den 8. April 2031 die Gäste aus Nordland begrüßt.",
    "Die Ministerin hat heute (Mittwoch, 9. April 2031) die Gäste aus Nordland begrüßt.",
    "Heute (Mittwoch, 09.04.2031) hat die Ministerin die Gäste aus Nordland begrüßt.",
])
def test_today_set_beside_its_day_dates_the_text(tmp_path, lead):
    """A date after "heute," or in brackets after "heute" is the text's own day, even after
    paragraphs of prose."""
    day = "2031-04-08" if "8. April" in lead else "2031-04-09"
    assert _date(tmp_path, _FURNITURE + _BODY + "\n" + _BODY + "\n" + _BODY + "\n" + lead +
                 _MORE) == day


@pytest.mark.parametrize(("line", "day"), [
    ("Nordland-Reise Von dpa | 22.06.2031, 14:11 Uhr", "2031-06-22"),
    ("Nr.314/2031 | 27.11.2031 | STK | Staatskanzlei", "2031-11-27"),
    ("Ministerin reist nach Nordland 07.12.2031, 14:51 Uhr — Erstveröffentlichung (aktuell)",
     "2031-12-07"),
    ("25.06.2031 - Potsdam (dpa/bb) - Die Ministerin reist nach Nordland.", "2031-06-25"),
    ("28. September 2031 (XY/AB-Red) Die Ministerin reist nach Nordland.", "2031-09-28"),
    ("Die Ministerin reist nach Nordland. Potsdam (07. Dezember 2031) - Die Reise beginnt.",
     "2031-12-07"),
    ("von Erika Muster erschienen am 27.12.2031 Die Ministerin reist nach Nordland.",
     "2031-12-27"),
    ("Partnerschaft mit Nordland erneuert 2031/4/26\n", "2031-04-26"),
])
def test_a_press_releases_stamp_in_page_chrome_dates_it(tmp_path, line, day):
    """A byline's bar, a numeric day with its clock time, an agency's date line, "erschienen
    am" and a year-first day are the release's date, the day a reader sees on the page."""
    assert _date(tmp_path, "Pressemitteilung\n\n" + line + _MORE + "\n" + _BODY) == day


@pytest.mark.parametrize("line", [
    "Termine der Reise: am 07.12.2031, 14:00 Uhr Empfang der Gäste aus Nordland im Rathaus "
     "der Landeshauptstadt.",
    "Programm der Reise: Mittwoch, 07.12.2031, 14:00 Uhr Empfang der Gäste aus Nordland im "
     "Rathaus der Landeshauptstadt.",
    "Die Gäste aus der Partnerprovinz kommen nach Angaben der Ministerin am 2031/4/26",
    "12. Mai 2031 (Montag) Empfang der Gäste aus Nordland im Rathaus der Landeshauptstadt.",
])
def test_an_appointment_is_no_stamp(tmp_path, line):
    """A day with a clock time after a preposition or weekday names an appointment; a
    year-first day inside a sentence and a weekday in brackets are no stamp either."""
    assert _date(tmp_path, "Pressemitteilung\n\n" + _BODY + "\n" + line + "\n") == ""


def test_a_page_month_line_with_a_byline_dates_the_page(tmp_path):
    """" date 2031-02 Von Erika Muster": the month line with the author's name after it."""
    assert _date(tmp_path, " date 2031-02 Von Erika Muster\n\n" + _BODY) == "2031-02"


def test_page_chrome_without_a_sentence_is_no_prose_before_the_lead(tmp_path):
    """Headings and bars of page chrome that end in no sentence do not push the lead's
    weekday date ("am Dienstag (15. Juli 2031)") out of the lead."""
    chrome = "| Staatskanzlei | Partnerschaften\n\nReise in die Provinz Nordland\n\n" \
        "Ein Austausch für Bedienstete beider Verwaltungen\n\n"
    lead = ("Die Ministerin erklärte am Dienstag (15. Juli 2031) in Potsdam, die Partnerschaft "
            "mit der Provinz Nordland werde weiter vertieft.\n")
    assert _date(tmp_path, chrome + lead + "\n" + _BODY) == "2031-07-15"


@pytest.mark.parametrize(("header", "day"), [
    ("BÜRGERSCHAFT DER FREIEN UND HANSESTADT HAMBURG Drucksache 21/6321 21. Wahlperiode 18.10.21 "
     "Schriftliche Kleine Anfrage des Abgeordneten Max Muster (FDP) vom 11.10.21 und Antwort des "
     "Senats", "2021-10-18"),
    ("Landtag von Sachsen-Anhalt Drucksache 7/3850 17.01.2031 (Ausgegeben am 18.01.2031) Antwort "
     "der Landesregierung auf eine Kleine Anfrage zur schriftlichen Beantwortung", "2031-01-17"),
    ("Landtag Brandenburg Drucksache 6/9943 6. Wahlperiode Eingegangen: 12.11.2031 / Ausgegeben: "
     "19.11.2031 Antwort der Landesregierung auf die Kleine Anfrage Nr. 3912", "2031-11-19"),
])
def test_a_drucksaches_header_dates_the_answer(tmp_path, header, day):
    """The day after a Drucksache's number (and Wahlperiode) heads it; without one, the day it
    was "Ausgegeben" is its date, not the day it came in or the question was asked."""
    assert _date(tmp_path, header + "\n\n" + _BODY) == day


@pytest.mark.parametrize(("sentence", "day", "planned"), [
    ("Die Ministerpräsidentin stattet der Provinz Ontario am Donnerstag einen Besuch ab.",
     "2031-06-26", True),
    ("Am Donnerstag reist die Ministerin zu einem Besuch in die Provinz Ontario.", "2031-06-26",
     True),
    ("Die Ministerpräsidentin besuchte am Donnerstag die Provinz Ontario.", "2031-06-19", False),
])
def test_a_weekday_told_in_the_present_is_still_to_come(tmp_path, sentence, day, planned):
    """In a release of Wednesday, 25 June 2031, "am Donnerstag" told in the present is the
    next day, a planned occasion; told in the past it is the Thursday before."""
    events = extraction(tmp_path, sentence, date="2031-06-25").events
    assert [(e.date.start.lexical(), e.planned) for e in events if e.date] == [(day, planned)]
