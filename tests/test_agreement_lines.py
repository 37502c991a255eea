"""Agreements listed one to a line (issue 8): tables, tables a PDF rendering joined into one
paragraph, numbered and bulleted lists. Each line's instrument takes its own partner and its
date as stated; planned instruments and lists of mere partnerships state none. Invented
documents in the layouts of answers and reports; the helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction

LISTED = [("absichtserklaerung", ("CA-ON",), "2011"),
          ("gemeinsame-erklaerung", ("PL-22",), "2004-03-12"),
          ("memorandum-of-understanding", ("FR-BRE",), "2015-06-05")]

ANSWER = "Antwort der Landesregierung\n\n{lead}\n\n{body}\n"


def rows(tmp_path, body: str, genre: str, lead: str = "Die Landesregierung hat folgende "
         "Vereinbarungen mit Partnerregionen geschlossen:") -> list[tuple]:
    text = ANSWER.format(lead=lead, body=body)
    return agreement_rows(extraction(tmp_path, text, genre=genre, name="dokument.md"))


SPACED = """Partnerregion          Art der Vereinbarung            unterzeichnet am
Woiwodschaft Pommern   Gemeinsame Erklärung            12.03.2004
Provinz Ontario        Absichtserklärung               2011
Region Bretagne        Memorandum of Understanding     05.06.2015"""

DASHED = """Woiwodschaft Pommern – Gemeinsame Erklärung – unterzeichnet am 12.03.2004
Provinz Ontario – Absichtserklärung – unterzeichnet 2011
Region Bretagne – Memorandum of Understanding – unterzeichnet am 05.06.2015"""

NUMBERED = """1. Gemeinsame Erklärung zur Zusammenarbeit mit der Woiwodschaft Pommern vom 12.3.2004
2. Absichtserklärung mit der Provinz Ontario (2011)
3. Memorandum of Understanding mit der Region Bretagne vom 5. Juni 2015"""

PIPES = """| Datum | Partner | Vereinbarung |
|---|---|---|
| 12.03.2004 | Woiwodschaft Pommern | Gemeinsame Erklärung über die Zusammenarbeit |
| 2011 | Provinz Ontario | Absichtserklärung |
| 05.06.2015 | Region Bretagne | Memorandum of Understanding |"""


@pytest.mark.parametrize("genre", ["answer", "report"])
@pytest.mark.parametrize("body", [SPACED, DASHED, NUMBERED, PIPES],
                         ids=["spaced-columns", "dashes", "numbered", "pipe-table"])
def test_each_listed_line_is_an_agreement_of_its_own_partner_and_date(tmp_path, body, genre):
    assert rows(tmp_path, body, genre) == LISTED


@pytest.mark.parametrize("genre", ["answer", "report"])
def test_a_bullets_year_stays_a_year(tmp_path, genre):
    body = ("- Gemeinsame Erklärung mit der Woiwodschaft Pommern (seit 2004)\n"
            "- Absichtserklärung mit der Provinz Ontario, unterzeichnet 2011")
    assert rows(tmp_path, body, genre, lead="Das Land unterhält folgende Vereinbarungen:") == [
        ("absichtserklaerung", ("CA-ON",), "2011"),
        ("gemeinsame-erklaerung", ("PL-22",), "2004")]


@pytest.mark.parametrize("genre", ["answer", "report"])
@pytest.mark.parametrize("lead", ["Geplante Vereinbarungen:", "Folgende Vereinbarungen:"])
def test_planned_instruments_are_no_agreements(tmp_path, genre, lead):
    body = ("- Absichtserklärung mit der Provinz Ontario (geplant für 2025)\n"
            "- Memorandum of Understanding mit der Region Bretagne (in Vorbereitung)\n"
            "- Gemeinsame Erklärung mit der Woiwodschaft Pommern (Entwurf, 2023)")
    assert rows(tmp_path, body, genre, lead=lead) == []


@pytest.mark.parametrize("genre", ["answer", "report"])
def test_a_list_of_partnerships_lists_no_instruments(tmp_path, genre):
    body = ("- Woiwodschaft Pommern (seit 2004)\n- Provinz Ontario (seit 2011)\n"
            "- Region Bretagne (Regionalpartnerschaft seit 2015)")
    assert rows(tmp_path, body, genre,
                lead="Das Land unterhält Partnerschaften mit folgenden Regionen:") == []


def test_a_date_after_the_documents_is_a_plans(tmp_path):
    body = SPACED.replace("2011", "2031")
    assert rows(tmp_path, body, "answer") == [LISTED[1], LISTED[2]]


def test_a_wrapped_paragraph_is_prose_not_a_list(tmp_path):
    """One line of wrapped prose that names an instrument, a partner and a year is no row."""
    body = ("Die Zusammenarbeit mit der Provinz Ontario beruht auf einer Absichtserklärung\n"
            "aus dem Jahr 2011, die seither durch Besuche und Projekte mit Leben gefüllt\n"
            "wird; die Landesregierung misst ihr große Bedeutung bei.")
    joined = body.replace("\n", " ")
    assert rows(tmp_path, body, "answer", lead="Zu Frage 2:") == \
        rows(tmp_path, joined, "answer", lead="Zu Frage 2:")
