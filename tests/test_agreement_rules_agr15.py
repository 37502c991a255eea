"""Agreement rules found from a blind round on pages that report a Land's signed instruments
(issue 8, round agr15: press releases, news items and status pages of Bremen, Hessen,
Niedersachsen, Rheinland-Pfalz and the Saarland, scored before any rule was made for them),
each the broadest wording of its error class (the partner): invented texts in the style of
the real ones, one rule each. Regions are real (mappings/regions.csv); people and dates are
invented. The helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from kg.extract import territories
from kg.registers import load as load_registers
from tests.test_extract_units import agreement_rows, extraction


def _press(tmp_path, text, land="DE-HB"):
    return extraction(tmp_path, text, land=land, date="2046-06-12")


def _report(tmp_path, text, land="DE-NI"):
    return extraction(tmp_path, text, genre="report", land=land, date="2046-03-01")


# ------------------------- a kind word glossed by another in brackets: "Oblast (Region) A"

@pytest.mark.parametrize("written", [
    "der Oblast (Region) Odessa",
    "der Oblast (Gebiet) Odessa",
    "der Oblast (Bezirk) Odessa",
])
def test_a_kind_word_glossed_in_brackets_still_names_the_region(tmp_path, written):
    """"der Oblast (Region) Odessa": the bracket glosses the kind word for the reader; kind
    and name are one region, not a city of a country."""
    text = ("Bürgermeister Muster hat heute (Dienstag, 12. Juni 2046) eine Gemeinsame "
            f"Absichtserklärung zwischen der Freien Hansestadt Bremen und {written} "
            "unterzeichnet.")
    assert agreement_rows(_press(tmp_path, text)) == [
        ("gemeinsame-absichtserklaerung", ("UA-51",), "2046-06-12")]


def test_a_bracket_that_is_no_kind_word_is_no_gloss():
    """"Oblast (Ukraine) Odessa" is no gloss of the kind: the bracket stays as written."""
    registers = load_registers()
    glossed = territories.find_parties("mit der Oblast (Region) Odessa", registers)
    assert [f.ref.key for f in glossed] == ["UA-51"]
    assert territories._kind_glosses_apart("mit der Oblast (Ukraine) Odessa", registers) == \
        "mit der Oblast (Ukraine) Odessa"


# ----------------- a plural of the regions' kind refers back to all the regions named before

_PROVINCES = ("Niedersachsen und die niederländischen Provinzen Groningen, Drenthe und "
              "Overijssel entwickeln gemeinsam eine Wasserstoffregion. {signing}")


@pytest.mark.parametrize("signing", [
    "Dazu haben Ministerpräsident Muster und die Kommissare für die beteiligten Provinzen "
    "eine Absichtserklärung unterzeichnet.",
    "Dazu haben der Ministerpräsident und die drei Provinzen eine Absichtserklärung "
    "unterzeichnet.",
])
def test_the_regions_named_before_are_the_partners_of_a_plural_word_of_their_kind(
        tmp_path, signing):
    """"… für die beteiligten Provinzen eine Absichtserklärung unterzeichnet": the sentence
    names no region; the plural of their kind with an article refers back to all the regions
    the paragraph named before."""
    text = _PROVINCES.format(signing=signing)
    assert agreement_rows(_press(tmp_path, text, land="DE-NI")) == [
        ("absichtserklaerung", ("NL-GR", "NL-DR", "NL-OV"), None)]


def test_without_a_plural_word_of_their_kind_several_regions_before_are_no_partner(tmp_path):
    """Several regions named before and a sentence that does not refer back to them: whom
    the instrument was made with is not said."""
    text = _PROVINCES.format(signing="Dazu hat der Ministerpräsident eine Absichtserklärung "
                                     "unterzeichnet.")
    assert agreement_rows(_press(tmp_path, text, land="DE-NI")) == []


# ------------------ a region the text says is now another is that one throughout the text

def test_a_renamed_region_named_again_later_is_its_present_region(tmp_path):
    """"Haute Normandie (seit 1.1.2016 Normandie)" in the heading: the former region named
    again in a later paragraph ("der Region Haute Normandie") is the present one too."""
    text = ("Zusammenarbeit des Landes mit der Region Haute Normandie (seit 1.1.2016 "
            "Normandie) in Frankreich\n\n"
            "Mit der im Jahr 2040 in Hannover unterzeichneten Gemeinsamen Erklärung über die "
            "Zusammenarbeit zwischen der Region Haute Normandie und dem Land Niedersachsen "
            "ist die Zusammenarbeit erweitert worden.")
    assert agreement_rows(_report(tmp_path, text)) == [
        ("gemeinsame-erklaerung", ("FR-NOR",), "2040")]


def test_without_the_bracket_the_former_region_stays_itself(tmp_path):
    text = ("Mit der im Jahr 2040 in Hannover unterzeichneten Gemeinsamen Erklärung über die "
            "Zusammenarbeit zwischen der Region Haute Normandie und dem Land Niedersachsen "
            "ist die Zusammenarbeit erweitert worden.")
    assert [p for _, p, _ in agreement_rows(_report(tmp_path, text))] != [("FR-NOR",)]


# -------------- a kind word the register does not name the region with: "das Gebiet Odessa"

def test_another_word_of_the_same_kind_names_the_region_the_register_knows(tmp_path):
    """The register knows "Oblast Odessa" (the bare name is the city's); "Gebiet" is a word of
    the same kind (mappings/region-kinds.csv), so "mit dem Gebiet Odessa" is the oblast."""
    text = ("Bürgermeister Muster hat heute (Dienstag, 12. Juni 2046) mit dem Gebiet Odessa "
            "eine Gemeinsame Absichtserklärung unterzeichnet.")
    assert agreement_rows(_press(tmp_path, text)) == [
        ("gemeinsame-absichtserklaerung", ("UA-51",), "2046-06-12")]
