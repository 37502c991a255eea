"""Agreement rules made general after a blind round scored them overfitted (issue 8, eighth
round): how unseen documents word a signing counted back, a partnership sealed, a signing's
clause and its date. Invented sentences, one rule each; the helpers are those of
test_extract_units."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction


@pytest.mark.parametrize("text", [
    # the count opens the clause, the signing verb closes it, the partner between
    "Vor 20 Jahren hatte das Land einen Partnerschaftsvertrag mit der Provinz Ontario, also der "
    "Region um Toronto, unterzeichnet. Am Mittwoch wurde das Jubiläum gefeiert.",
    # the count and the signing verb before the instrument
    "Vor 20 Jahren unterzeichneten der Ministerpräsident und der Premier der Provinz Ontario "
    "einen Partnerschaftsvertrag.",
])
def test_a_signing_years_ago_counts_back_from_the_documents_date(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, date="2023-11-15")) == [
        ("partnerschaftserklaerung", ("CA-ON",), "2003")]


def test_a_count_of_years_of_another_clause_dates_no_new_signing(tmp_path):
    """"Vor zehn Jahren begann …, heute unterzeichneten … eine neue Erklärung": today's."""
    text = ("Vor zehn Jahren begann die Zusammenarbeit, heute unterzeichneten der "
            "Ministerpräsident und der Premier der Provinz Ontario eine neue Gemeinsame Erklärung.")
    assert agreement_rows(extraction(tmp_path, text, date="2023-11-15")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2023-11-15")]


def test_a_partnership_sealed_years_ago_is_entered_then(tmp_path):
    """"Die partnerschaftliche Zusammenarbeit … ist vor fünf Jahren … besiegelt worden": a
    partnership entered, of the year counted back; "Die" opens it, it refers back to nothing."""
    text = ("Die partnerschaftliche Zusammenarbeit zwischen dem Land und der Provinz Ontario ist "
            "vor fünf Jahren in Toronto besiegelt worden.")
    assert agreement_rows(extraction(tmp_path, text, date="2012-05-15")) == [
        ("regionalpartnerschaft", ("CA-ON",), "2007")]


def test_a_date_in_a_relative_clause_after_a_preposition_is_not_the_signings(tmp_path):
    """"unterzeichneten eine Erklärung, mit der die seit 1995 bestehende Partnerschaft
    bekräftigt wird": 1995 dates the partnership."""
    text = ("Die beiden Regierungschefs unterzeichneten eine Gemeinsame Erklärung, mit der die "
            "seit 1995 bestehende Partnerschaft zwischen dem Land und der Provinz Ontario "
            "bekräftigt wird.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("gemeinsame-erklaerung", ("CA-ON",), None)]
