"""Agreements as other Länder word them: invented sentences, one rule each (issue 8).
The helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction


@pytest.mark.parametrize(("text", "expected"), [
    # "der jeweiligen Botschafter" names no instrument of each partner: one instrument, dated
    ("Am 3. Mai 2001 unterzeichnete der Ministerpräsident eine Gemeinsame Erklärung mit der "
     "Provinz Ontario und der Provinz Alberta, in Anwesenheit der jeweiligen Botschafter.",
     [("gemeinsame-erklaerung", ("CA-ON", "CA-AB"), "2001-05-03")]),
    # … while "der jeweiligen Partnerschaftsvereinbarung" does
    ("Mit der Provinz Ontario und der Provinz Alberta hat die Landesregierung die jeweilige "
     "Partnerschaftsvereinbarung unterzeichnet.",
     [("partnerschaftserklaerung", ("CA-AB",), None),
      ("partnerschaftserklaerung", ("CA-ON",), None)]),
])
def test_one_instrument_each_only_where_the_instrument_is_each(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == expected


def test_countries_persons_come_from_are_no_parties(tmp_path):
    text = ("Die Landesregierung unterzeichnete am 3. Mai 2001 eine Gemeinsame Erklärung mit den "
            "Amtskollegen aus Frankreich, Polen und Tschechien.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


@pytest.mark.parametrize("text", [
    "Mit der Woiwodschaft Pommern wurde 2001 eine Gemeinsame Erklärung unterzeichnet. Auf der "
    "Grundlage dieser Erklärung wurden 2005 gemeinsame Projekte vereinbart.",
    "Das Land und die Woiwodschaft Pommern arbeiten eng zusammen. Auf der Basis der beiden "
    "Erklärungen werden jährlich gemeinsame Projekte vereinbart.",
])
def test_an_instrument_named_before_is_no_new_one(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) in (
        [], [("gemeinsame-erklaerung", ("PL-22",), "2001")])


def test_a_kind_an_instrument_is_about_is_no_second_instrument(tmp_path):
    text = ("Ministerpräsident Beispiel und der Marschall der Woiwodschaft Pommern unterzeichnen "
            "Vereinbarung über Regionalpartnerschaft")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("vereinbarung", ("PL-22",), None)]


@pytest.mark.parametrize("text", [
    "Wie die Landesregierung mitteilte, werden der Minister und der Botschafter der Republik "
    "Polen am kommenden Donnerstag eine Gemeinsame Erklärung unterzeichnen.",
    "Der Ministerpräsident reist nach Kanada, um mit der Provinz Ontario eine neue "
    "Kooperationsvereinbarung zu unterzeichnen.",
    "Das Land will mit der Woiwodschaft Pommern noch in diesem Jahr ein Partnerschaftsabkommen "
    "schließen.",
])
def test_an_announced_signing_is_no_signed_agreement(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


def test_a_signing_today_in_the_present_tense_is_signed(tmp_path):
    text = ("Die Absichtserklärung mit der Woiwodschaft Pommern, die wir heute unterzeichnen, "
            "stärkt die Zusammenarbeit.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("absichtserklaerung", ("PL-22",), "2024-05-15")]
