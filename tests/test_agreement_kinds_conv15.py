"""Instrument names (issue 8, branch h-conv15): "die Vereinbarung einer Partnerschaft" signed
is an instrument (a partnership's agreement), and a Danish report's "partnerskabsaftale" and
"samarbejdsaftale" name a partnership agreement and a cooperation agreement
(mappings/agreement-kinds.ttl). Invented passages; helpers of test_extract_units."""

from __future__ import annotations

import pytest

from kg.extract.agreements import kinds_in
from kg.registers import load as load_registers
from tests.test_extract_units import agreement_rows, extraction


def test_the_agreement_of_a_partnership_signed_is_an_instrument(tmp_path):
    text = ("Am 3. Mai 2011 unterzeichneten der Ministerpräsident und der Premier der Provinz "
            "Ontario die Vereinbarung einer Partnerschaft zwischen ihren beiden Regionen.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("partnerschaftserklaerung", ("CA-ON",), "2011-05-03")]


@pytest.mark.parametrize(("text", "kind"), [
    ("Fra partnerskabsaftalen med Region Syddanmark", "partnerschaftserklaerung"),
    ("Fra samarbejdsaftalen med Sønderjyllands Amt", "kooperationsvereinbarung"),
])
def test_danish_instrument_names_are_kinds(text, kind):
    (match,) = kinds_in(text, load_registers())
    assert match.concept.key == kind


def test_between_their_two_regions_names_the_paragraphs_parties(tmp_path):
    """"zwischen ihren beiden Regionen" names no one: like "zwischen den beiden Ländern" it is
    the paragraph's two parties, and the Land's Ministerpräsident signs."""
    text = ("Am 3. Mai 2011 unterzeichneten der Ministerpräsident und der Premier der Provinz "
            "Ontario die Partnerschaftsvereinbarung zwischen ihren beiden Regionen.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("partnerschaftserklaerung", ("CA-ON",), "2011-05-03")]
