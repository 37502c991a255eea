"""Events of the answers round ans15 (issue 8): a compound naming the people of an occasion is
no event word, a conference of the German Länder is no occasion of the partner a document is
about, and an answer is known by its question or answer. The regions are real; the statements
are invented in the style of the wording."""

from __future__ import annotations

import pytest

from kg.documents import read
from kg.extract.metadata import detect
from kg.registers import load as load_registers
from tests.test_extract_units import extraction

PEOPLE_OF_AN_OCCASION = [
    # the event word is the first part of a compound that names people
    ("Der Minister der Provinz Ontario übersandte am 11. September 2031 eine Liste mit "
     "kanadischen Delegationsteilnehmern.", []),
    ("Am 3. Mai 2031 wurden die Delegationsmitglieder aus der Provinz Ontario benannt.", []),
    ("Am 3. Mai 2031 wurde der Gesprächspartner in der Provinz Ontario benannt.", []),
    # the occasion itself stays one
    ("Eine Delegation der Provinz Ontario besuchte am 11. September 2031 das Land.",
     ["2031-09-11"]),
    ("Am 3. Mai 2031 reisten die Delegationsteilnehmer in die Provinz Ontario.", ["2031-05-03"]),
]


@pytest.mark.parametrize(("text", "dates"), PEOPLE_OF_AN_OCCASION)
def test_a_compound_naming_people_is_no_event_word(tmp_path, text, dates):
    found = extraction(tmp_path, text, genre="answer", date="2031-12-01").events
    assert [e.date.start.lexical() for e in found if e.date] == dates


def test_a_conference_of_the_laender_takes_no_partner_of_the_document(tmp_path):
    text = ("Die Regierung der Provinz Ontario erklärte ihre Bereitschaft zu dem Projekt. "
            "Der Minister der Provinz Ontario bat um Verhandlungen mit der Provinz Ontario. "
            "Die Verkehrsministerkonferenz hat am 4. und 5. Oktober 2031 zum Gesetzentwurf "
            "der Bundesregierung einen Beschluss gefasst.")
    found = extraction(tmp_path, text, genre="answer", date="2031-12-01").events
    assert [e.date.start.lexical() for e in found if e.date] == []


def test_a_conference_with_a_foreign_party_of_its_own_stays_an_occasion(tmp_path):
    text = ("Die Europaministerkonferenz tagte am 4. Oktober 2031 gemeinsam mit der Provinz "
            "Ontario.")
    found = extraction(tmp_path, text, genre="answer", date="2031-12-01").events
    assert [e.date.start.lexical() for e in found if e.date] == ["2031-10-04"]


# An answer known by the asker's question or the government's answer, not only by the
# question's kind: an excerpt that starts inside the Drucksache.
ANSWER_HEADS = [
    "Die Partnerschaft besteht seit langem. Vor diesem Hintergrund frage ich die "
    "Landesregierung: 1. Wie wird sie gepflegt?",
    "Wir fragen den Senat: 1. Welche Besuche gab es?",
    "Drucksache 17/1 Antwort auf eine Kleine schriftliche Anfrage - Drucksache 17/2 -",
    "Landtag Drucksache 15 / 1 Antrag der Abg. A u. a. und\nStellungnahme\ndes "
    "Innenministeriums Partnerschaften",
    "Gemeinsame Antwort zu den Fragen 1 und 2: Der Minister der Provinz Ontario bekundete "
    "eine positive Grundeinstellung.",
]


@pytest.mark.parametrize("text", ANSWER_HEADS)
def test_an_answer_is_known_by_its_question_or_answer(tmp_path, text):
    path = tmp_path / "dokument.txt"
    path.write_text(text, encoding="utf-8")
    assert detect(read(path), load_registers()).genre == "answer"


def test_a_press_release_asking_nothing_stays_one(tmp_path):
    path = tmp_path / "dokument.txt"
    path.write_text("Pressemitteilung. Der Ministerpräsident besuchte die Provinz Ontario.",
                    encoding="utf-8")
    assert detect(read(path), load_registers()).genre == "press-release"


FEDERAL_MINISTRIES = [
    "Die An- und Abreise erfolgte mit einem Flugzeug der Flugbereitschaft des "
    "Bundesministeriums der Verteidigung.",
    "Das Bundesministerium des Innern und das Bundesinnenministerium wurden unterrichtet.",
]


@pytest.mark.parametrize("text", FEDERAL_MINISTRIES)
def test_a_federal_ministry_is_no_lands_ministry(tmp_path, text):
    found = extraction(tmp_path, text, genre="answer", land="DE-HE", date="2031-12-01")
    assert [m.label_de for m, _ in found.ministries] == []


def test_a_lands_ministry_named_beside_it_stays(tmp_path):
    text = ("Das Bundesministerium des Innern und das Ministerium für Wissenschaft und Kunst "
            "wurden unterrichtet.")
    found = extraction(tmp_path, text, genre="answer", land="DE-HE", date="2031-12-01")
    assert [m.label_de for m, _ in found.ministries] == [
        "Ministerium für Wissenschaft und Kunst"]
