"""Which instruments are read as signed, and with whom (issue 8, after three blind rounds):
an oath of partnership, a group of countries as the partners, the partners a page names apart
from the signing, a city partnership concluded, an instrument named as the means in a
participle phrase, one cited by its title with a count of years. Invented passages, one rule
each; the helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from kg.extract.territories import find_parties
from kg.registers import load as load_registers
from tests.test_extract_units import agreement_rows, extraction


def test_an_oath_of_partnership_is_an_instrument(tmp_path):
    """"unterzeichneten … einen Partnerschaftsschwur": a signed instrument (mappings/
    agreement-kinds.ttl)."""
    text = ("Am 3. Mai 2001 unterzeichneten der Ministerpräsident und der Premier der Provinz "
            "Ontario einen Partnerschaftsschwur.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("partnerschaftserklaerung", ("CA-ON",), "2001-05-03")]


def test_a_group_of_countries_stands_for_its_members(tmp_path):
    """"zwischen dem Land und den Benelux-Staaten": the group's three countries (mappings/
    country-groups.csv), not only the one the venue names."""
    text = ("Am 3. Mai 2019 wurde in Den Haag eine Politische Erklärung zwischen dem Land und den "
            "Benelux-Staaten unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("politische-erklaerung", ("BE", "NL", "LU"), "2019-05-03")]


def test_a_group_followed_by_its_members_names_each_once():
    found = find_parties("Mit den baltischen Staaten Estland, Lettland und Litauen arbeitet das "
                         "Land eng zusammen.", load_registers())
    assert [f.ref.key for f in found] == ["EE", "LV", "LT"]


@pytest.mark.parametrize(("closing", "expected"), [
    ("Partner auf kanadischer Seite sind die Provinzen Ontario und Alberta.",
     [("gemeinsame-absichtserklaerung", ("CA-ON", "CA-AB"), None)]),
    ("Weitere Gespräche sollen folgen.", []),
])
def test_a_signing_naming_no_party_is_with_the_partners_the_page_names(tmp_path, closing,
                                                                       expected):
    """"In A wurde eine … unterzeichnet." and paragraphs later "Partner auf … Seite sind B und
    C": the signing's partners; without that sentence it names none."""
    text = ("Im kanadischen Toronto wurde eine Gemeinsame Absichtserklärung zur regionalen "
            "Zusammenarbeit unterzeichnet.\n\n"
            "Zunächst sollen gemeinsame Interessen in ausgewählten Feldern untersucht werden.\n\n"
            f"{closing}\n")
    assert agreement_rows(extraction(tmp_path, text, genre="report", date="2016-03-01")) == \
        expected


def test_a_province_whose_name_is_a_citys_is_registered_with_its_kind_word():
    """The province of a name a city shares is the province only with its kind word."""
    registers = load_registers()
    found = find_parties("Die Provinz Groningen und die Provinz Drenthe", registers)
    assert [(f.ref.key, f.ref.registered) for f in found] == [("NL-GR", True), ("NL-DR", True)]
    assert all(f.ref.key != "NL-GR" for f in find_parties("Hamburg und Groningen", registers))


@pytest.mark.parametrize(("land", "expected"), [
    ("DE-BE", [("regionalpartnerschaft", ("PT/lissabon",), "2019")]),
    ("DE-NW", []),  # a Land that is no city: a city partnership is the cities'
])
def test_the_conclusion_of_a_city_partnership_named_as_a_subject(tmp_path, land, expected):
    """"der Abschluss der Städtepartnerschaft mit A 2019 ist … zu verstehen": a partnership a
    city-state concluded that year, with the city, not the country named after it."""
    text = ("Vor allem der Abschluss der Städtepartnerschaft mit Lissabon 2019 ist als Zeichen "
            "der Verbundenheit mit Lissabon und Portugal zu verstehen.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land=land)) == expected


def test_an_instrument_named_as_the_means_in_a_participle_phrase(tmp_path):
    """"Der zuletzt im Jahr 2012 mit einer Gemeinsamen Erklärung erneuerte Vertrag … soll …
    fortgeschrieben werden": the declaration was made in 2012, whatever is planned now."""
    text = ("Der zuletzt im Jahr 2012 mit einer Gemeinsamen Erklärung erneuerte "
            "Partnerschaftsvertrag mit der Provinz Ontario soll nun um weitere Ziele "
            "fortgeschrieben werden.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2012")]


def test_a_participle_phrases_instrument_is_with_the_documents_one_partner(tmp_path):
    """The sentence names no partner: the one partner of what the document told before."""
    text = ("Im Mai 2001 unterzeichneten der Ministerpräsident und der Premier der Provinz "
            "Ontario eine Gemeinsame Erklärung.\n\n"
            "Bei dem Besuch stehen auch Gespräche auf dem Programm. Der 2011 mit einem "
            "Memorandum erweiterte Partnerschaftsvertrag soll ergänzt werden.\n")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2001-05"),
        ("memorandum-of-understanding", ("CA-ON",), "2011")]


@pytest.mark.parametrize(("when", "expected"), [
    ("vor fünfzehn Jahren", [("gemeinsame-erklaerung", ("CA-ON",), "2009")]),
    ("in der Fassung des Entwurfs", []),  # a title cited without its time: no signing told
])
def test_an_instrument_cited_by_its_title_years_ago(tmp_path, when, expected):
    """"Die »Gemeinsame Erklärung zwischen dem Land A und der Provinz B« vor fünfzehn Jahren
    hat …": made then, counted back from the document's date."""
    text = (f"Die »Gemeinsame Erklärung zwischen dem Land Nordrhein-Westfalen und der Provinz "
            f"Ontario« {when} hat viele Begegnungen möglich gemacht.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", date="2024-05-15")) == \
        expected


@pytest.mark.parametrize(("cited", "expected"), [
    ("aus dem Jahr 2006", [("gemeinsame-erklaerung", ("PL-24",), "2006")]),
    ("vom 3. Mai 2006", [("gemeinsame-erklaerung", ("PL-24",), "2006-05-03")]),
    ("zur Zusammenarbeit", [("gemeinsame-erklaerung", ("PL-24",), None)]),
])
def test_an_instrument_a_partnership_is_based_on_is_dated_as_cited(tmp_path, cited, expected):
    """"Die Partnerschaft … basiert auf der Gemeinsamen Erklärung … aus dem Jahr 2006": an
    instrument the sentence names as its basis, of the date it is cited with, if any."""
    text = (f"Die Partnerschaft zwischen dem Land und der Woiwodschaft Schlesien basiert auf der "
            f"Gemeinsamen Erklärung {cited}.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == expected


def test_a_bare_name_among_bracketed_regions_is_the_region_of_that_kind():
    """"die Deputierten der Provinzen, A (Drenthe), B (Groningen) und C (Fryslân)": the
    bracketed name whose bare form is a city's is the province, as its siblings are."""
    text = ("Gemeinsam mit den Deputierten der Provinzen, Jan Beispiel (Drenthe), Anna Muster "
            "(Groningen) und Piet Voorbeeld (Fryslân) unterzeichnete der Minister eine Erklärung.")
    assert [f.ref.key for f in find_parties(text, load_registers())] == [
        "NL-DR", "NL-GR", "NL-FR"]
