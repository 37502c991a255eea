"""Rules found in a blind round on answers and reports (issue 8, branch h-ans13): an oral
question is a parliamentary question, a minister's portfolio the register lists word for word
is that ministry's, and a country whose region a sentence speaks of unnamed stands for the
region the text named before. Regions and ministries are real (mappings/*.csv); persons and
statements are invented in the style of the wording."""

from __future__ import annotations

import pytest

from kg.documents import read
from kg.extract.metadata import detect
from kg.registers import load as load_registers
from tests.test_extract_units import extraction
from tests.test_partnerships import stated

ORAL_QUESTION = (
    "Anfragen 19.07.2031, 10:28 Uhr\n\n"
    "Mündliche Anfrage 964 vom 23.06.2031 zu \"Einsetzung eines Beauftragten\"\n\n"
    "Karla Beispiel: \"Am 3. Mai 2031 unterzeichneten das Land und die Woiwodschaft Lebus eine "
    "Gemeinsame Erklärung. Ich frage die Landesregierung: Wie ist der Stand?\"\n")


def test_an_oral_question_is_an_answer_whose_askers_words_state_nothing(tmp_path):
    path = tmp_path / "anfrage.txt"
    path.write_text(ORAL_QUESTION, encoding="utf-8")
    assert detect(read(path), load_registers()).genre == "answer"
    found = extraction(tmp_path, ORAL_QUESTION, genre="answer", land="DE-BB",
                       date="2031-07-19")
    assert found.agreements == [] and found.events == []


@pytest.mark.parametrize(("text", "date", "ministry"), [
    # the register's own portfolio, word for word, though the Staatskanzlei's holds its words
    ("Der Minister für Bundes- und Europaangelegenheiten sowie Internationales hat die Kleine "
     "Anfrage namens der Landesregierung beantwortet.", "2020-09-18", "MBEI"),
    # part of wider portfolios: the ministry in office on the day
    ("Die Ministerin für Wirtschaft empfing am Montag eine Delegation.", "2024-03-01",
     "MWIKE"),
    ("Die Ministerin für Wirtschaft empfing am Montag eine Delegation.", "2019-03-01",
     "MWIDE"),
])
def test_a_ministers_portfolio_names_its_ministry(tmp_path, text, date, ministry):
    found = extraction(tmp_path, text, genre="answer", land="DE-NW", date=date).ministries
    assert {m.key for m, _ in found} == {ministry}


UNNAMED_REGION = (
    "Der Schwerpunkt der Hilfe liegt auf der Oblast Dnipropetrowsk, der Partnerregion des "
    "Landes. Mit der Unterzeichnung der Partnerschaftserklärung am 28. Februar 2031 hat das "
    "Land seine Verbundenheit mit der Ukraine auf die Ebene einer formellen "
    "Regionalpartnerschaft mit einer ukrainischen Oblast überführt.")


def test_a_country_whose_region_the_sentence_leaves_unnamed_stands_for_that_region(tmp_path):
    found = extraction(tmp_path, UNNAMED_REGION, genre="report", date="2031-06-01")
    assert {p.key for a in found.agreements for p in a.partners} == {"UA-12"}
    assert set(stated(tmp_path, UNNAMED_REGION, genre="report", date="2031-06-01")) == {"UA-12"}


def test_a_country_named_beside_a_named_region_of_its_own_stays_a_partner(tmp_path):
    """Only an indefinite region ("einer ukrainischen Oblast") is an unnamed one."""
    text = ("Der Schwerpunkt der Hilfe liegt auf der Oblast Dnipropetrowsk, der Partnerregion "
            "des Landes. Am 28. Februar 2031 unterzeichneten das Land und die Ukraine eine "
            "Gemeinsame Erklärung über die Zusammenarbeit.")
    found = extraction(tmp_path, text, genre="report", date="2031-06-01")
    assert {p.key for a in found.agreements for p in a.partners} == {"UA"}


@pytest.mark.parametrize(("text", "dates"), [
    # the verb "gipfeln" (culminate) is no summit
    ("Was als Konflikt begann, gipfelte am 24. Februar 2031 in einem Krieg gegen die Ukraine.",
     []),
    # a summit, also in a compound, is one
    ("Am 24. Februar 2031 fand der Jugendgipfel mit der Woiwodschaft Lebus statt.",
     ["2031-02-24"]),
    ("Am 24. Februar 2031 trafen sich die Regierungschefs zum Gipfel mit der Ukraine.",
     ["2031-02-24"]),
])
def test_the_verb_gipfeln_is_no_summit(tmp_path, text, dates):
    found = extraction(tmp_path, text, genre="report", date="2031-06-01").events
    assert [e.date.start.lexical() for e in found if e.date] == dates
