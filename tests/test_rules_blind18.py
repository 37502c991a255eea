"""Rules of round blind18 (issue 8, a blind round on standing partnerships): a partnership
announced through the instrument to be signed, a country's partnership word that refers back,
and an instrument that laid a partnership's basis. Regions and countries are real (in
mappings/*.csv or ISO 3166-2); the statements are invented in the style of the wording."""

from __future__ import annotations

import pytest

from tests.test_extract_units import extraction


def partnership_rows(found) -> set[tuple]:
    return {(p.partner.key, p.since.start.lexical() if p.since else None)
            for p in found.partnerships}


# A partnership still to be entered: the instrument to be signed names it ("eine Vereinbarung
# zur Städtepartnerschaft"), or a headline says the city will soon be a partner.
@pytest.mark.parametrize("text", [
    "Im Herbst wollen Berlin und Kiew offiziell eine Vereinbarung zur Städtepartnerschaft "
    "unterzeichnen.",
    "Berlin und Kiew wollen ein Abkommen über eine Städtepartnerschaft schließen.",
    "Kiew bald Partnerstadt",
])
def test_a_partnership_announced_through_its_instrument_is_not_standing(tmp_path, text):
    found = extraction(tmp_path, text, land="DE-BE", date="2023-09-04")
    assert partnership_rows(found) == set()


def test_a_partnership_that_stands_is_still_read(tmp_path):
    text = "Berlin und Kiew sind seit 2023 durch eine Städtepartnerschaft verbunden."
    found = extraction(tmp_path, text, land="DE-BE", date="2024-09-04")
    assert {key for key, _ in partnership_rows(found)} == {"UA-30"}


# "dem ostafrikanischen Partnerland": a country's partnership word refers back to the country
# the paragraph named, not to the associations named between.
def test_a_country_word_refers_back_to_the_country(tmp_path):
    text = ("Am 23. Juni 1982 wurde die Partnerschaft zwischen Rheinland-Pfalz und Ruanda "
            "vereinbart. Heute halten mehr als 50 Vereine und Stiftungen die Partnerschaft "
            "lebendig. Die Reise werde die enge Verbindung zwischen Rheinland-Pfalz und dem "
            "ostafrikanischen Partnerland deutlich machen.")
    found = extraction(tmp_path, text, land="DE-RP", date="2022-10-13")
    assert {key for key, _ in partnership_rows(found)} == {"RW"}


# An instrument named as the one that laid a partnership's basis, in a relative clause of a
# dated sentence: an agreement of that date, and the partnership's start.
@pytest.mark.parametrize("clause", ["der die Basis für die folgende Partnerschaft zwischen "
                                    "Rheinland-Pfalz und Ruanda legte",
                                    "der die Grundlage der Partnerschaft zwischen "
                                    "Rheinland-Pfalz und Ruanda schuf"])
def test_an_instrument_that_laid_the_basis_founds_the_partnership(tmp_path, clause):
    text = ("Im Jahr 1982 war es ein Briefwechsel zwischen dem Ministerpräsidenten Jan Beispiel "
            f"und dem Präsidenten Paul Muster, {clause}.")
    found = extraction(tmp_path, text, land="DE-RP", date="2017-05-13")
    assert [(a.kind, tuple(p.key for p in a.partners), a.date.start.lexical())
            for a in found.agreements] == [("briefwechsel", ("RW",), "1982")]
    assert ("RW", "1982") in partnership_rows(found)
