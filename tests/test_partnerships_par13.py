"""Rules from the blind round par13 on standing partnerships (issue 8): a partnership still to
be entered in the passive or as a plan is none, and neither is the announced partner where a
later sentence refers to it; a country that stands for the document's partner region of that
country is no partner of its own; "die Partnerschaft" after a country paired with the Land is
that country's; a press release dated only by its number's year. Regions and countries are
real (in mappings/*.csv or ISO 3166-2); the statements are invented."""

from __future__ import annotations

import pytest

from kg.documents import read
from kg.extract.metadata import detect
from kg.registers import load as load_registers
from tests.test_partnerships import stated


@pytest.mark.parametrize(("text", "expected"), [
    # the partnership to be entered, in the passive: its partner has none yet; the partner
    # region the sentence names before it as existing keeps its own
    ("Neben dem Besuch der Partnerregion, der Woiwodschaft Pommern, soll bei dem Besuch auch "
     "eine Partnerschaft mit der Provinz Ontario geschlossen werden.", {"PL-22": None}),
    ("Bei der Reise soll die Partnerschaft mit der Provinz Ontario nun auch unterzeichnet "
     "werden.", {}),
    # the plan of one
    ("Beim Besuch hatten beide Seiten den Plan einer Partnerschaft zwischen dem Land und der "
     "Provinz Ontario vorgestellt.", {}),
])
def test_a_partnership_to_be_entered_is_none(tmp_path, text: str, expected: dict):
    assert {k: s for k, (s, _, _) in stated(tmp_path, text, land="DE-SL").items()} == expected


def test_the_announced_partner_is_none_where_a_later_sentence_refers_to_it(tmp_path):
    """"Neben der Partnerschaft mit A soll es …" after the announcement is the announced one;
    "die bereits bestehende Partnerschaft mit B" stands."""
    text = ("Bei der Reise soll die Partnerschaft mit der Provinz Ontario nun auch geschlossen "
            "werden. Neben der Partnerschaft mit Ontario soll es auch um die bereits bestehende "
            "Partnerschaft mit der Woiwodschaft Pommern gehen.")
    assert set(stated(tmp_path, text, land="DE-SL")) == {"PL-22"}


def test_a_country_stands_for_the_documents_partner_region_of_it(tmp_path):
    text = ("Die Ministerpräsidentin besucht die Partnerregion des Landes, die Woiwodschaft "
            "Pommern. Es soll auch um die bestehende Partnerschaft mit Polen gehen.")
    assert set(stated(tmp_path, text, land="DE-SL")) == {"PL-22"}


def test_a_country_without_a_partner_region_of_it_is_a_partner(tmp_path):
    text = ("Die Partnerschaft mit Ungarn besteht seit 1993. Das Land pflegt auch eine "
            "Partnerschaft mit der Woiwodschaft Pommern.")
    assert {k: s for k, (s, _, _) in stated(tmp_path, text, land="DE-TH").items()} == \
        {"HU": "1993", "PL-22": None}


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Ministerin erwartet neue Impulse für die Zusammenarbeit zwischen Thüringen und "
     "Ungarn. Man habe vereinbart, die Partnerschaft neu zu beleben.", {"HU"}),
    # a country named alone is context, not the partner the article refers to
    ("Die Ministerin reiste nach Ungarn. Man habe vereinbart, die Partnerschaft neu zu "
     "beleben.", set()),
])
def test_the_partnership_after_a_country_paired_with_the_land_is_that_countrys(
        tmp_path, text: str, expected: set):
    assert set(stated(tmp_path, text, land="DE-TH")) == expected


@pytest.mark.parametrize(("first_line", "year"), [
    ("228/2031 Erstellt von Thüringer Staatskanzlei", "2031"),
    ("Nummer: 250/2031", "2031"),
])
def test_a_press_release_dated_only_by_its_numbers_year(tmp_path, first_line: str, year: str):
    path = tmp_path / "mitteilung.txt"
    path.write_text(f"Pressemitteilung der Staatskanzlei\n\n{first_line}\n\nVor 25 Jahren wurde "
                    "die Partnerschaft mit Ungarn ins Leben gerufen.\n", encoding="utf-8")
    meta = detect(read(path), load_registers())
    assert meta.genre == "press-release"
    assert meta.date is not None and meta.date.start.lexical() == year


def test_a_drucksache_number_gives_no_year(tmp_path):
    path = tmp_path / "antwort.txt"
    path.write_text("Pressemitteilung der Staatskanzlei\n\n17/2031 Drucksache\n\nText ohne "
                    "Datum.\n", encoding="utf-8")
    assert detect(read(path), load_registers()).date is None


@pytest.mark.parametrize(("text", "expected"), [
    # a quotation opened after a comma plans its own partnership, not the clause's before it
    ("Da sei das Land mit seinen Partnerregionen Kleinpolen und der Picardie auf einem guten "
     "Weg, \"und auch mit Ungarn streben wir eine solche, nützliche Partnerschaft an.",
     {"PL-12", "FR/picardie"}),
    # a clause that plans itself stays a plan
    ("Das Land strebt eine Partnerschaft mit der Woiwodschaft Kleinpolen an, \"und auch mit "
     "Ungarn streben wir eine solche Partnerschaft an.", set()),
])
def test_a_quotations_plan_is_not_the_clause_before_it(tmp_path, text: str, expected: set):
    assert set(stated(tmp_path, text, land="DE-TH")) == expected
