"""Rules found from a blind round on signed instruments (issue 8, round agr17: press items and
status pages of BB, BE, BW, MV, SL, ST, TH scored before any rule was made for them), each the
broadest wording of its error class that the development part bears: invented texts in the
style of the real ones, one rule each. Regions are real (mappings/regions.csv); people and dates
are invented. The helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction


def _press(tmp_path, text, land="DE-BB", date="2046-10-15"):
    return extraction(tmp_path, text, land=land, date=date)


def _starts(found) -> list[tuple[str, str | None]]:
    return sorted((p.partner.key, p.since.start.lexical() if p.since else None)
                  for p in found.partnerships)


# -------------------------------------- planned: a trip told in the present "zur Unterzeichnung"

@pytest.mark.parametrize("trip", [
    "reist heute (15. Oktober) zur Unterzeichnung einer Absichtserklärung mit der Woiwodschaft "
    "Niederschlesien nach Breslau",
    "fährt am Montag zur Unterzeichnung einer Absichtserklärung mit der Woiwodschaft "
    "Niederschlesien nach Breslau",
])
def test_a_trip_in_the_present_to_a_signing_announces_it(tmp_path, trip):
    """"reist heute zur Unterzeichnung einer Absichtserklärung nach A": the signing is still to
    come, as in "reist nach A, um … zu unterzeichnen"."""
    text = (f"Staatssekretär Max Muster {trip}. Die Woiwodschaft Niederschlesien ist ein "
            "wichtiger Partner.")
    assert agreement_rows(_press(tmp_path, text)) == []


def test_a_trip_in_the_past_to_a_signing_tells_it(tmp_path):
    """"reiste am 14. Oktober 2046 zur Unterzeichnung …": told in the past, the signing was made."""
    text = ("Staatssekretär Max Muster reiste am 14. Oktober 2046 zur Unterzeichnung einer "
            "Absichtserklärung mit der Woiwodschaft Niederschlesien nach Breslau.")
    assert agreement_rows(_press(tmp_path, text)) == [
        ("absichtserklaerung", ("PL-02",), "2046-10-14")]


# ------------------------------- a place inside a body's name: "Arbeitgeberverband Lebuser Land"

def test_a_place_after_a_compound_of_a_body_names_that_body(tmp_path):
    """"zwischen dem Arbeitgeberverband Lebuser Land … und dem Unternehmerverband
    Berlin-Brandenburg": the region and the Land are parts of the two associations' names; the
    instrument is theirs, not the Land's."""
    text = ("Unterzeichnet wurde am 14. Oktober 2046 in Zielona Gora eine Kooperationsvereinbarung "
            "zwischen dem Arbeitgeberverband Lebuser Land, dem polnische Unternehmen angehören, "
            "und dem Unternehmerverband Berlin-Brandenburg.")
    assert agreement_rows(_press(tmp_path, text)) == []


@pytest.mark.parametrize("between", [
    "zwischen dem Land Brandenburg und der Woiwodschaft Lebuser Land",
    "zwischen der Landesregierung und der Woiwodschaft Lebuser Land",
])
def test_the_land_and_a_region_named_between_still_sign(tmp_path, between):
    """The Land named by its name or its government still signs; "Land" in the region's name
    "Lebuser Land" is the region's."""
    text = (f"Unterzeichnet wurde am 14. Oktober 2046 eine Kooperationsvereinbarung {between}.")
    assert agreement_rows(_press(tmp_path, text)) == [
        ("kooperationsvereinbarung", ("PL-08",), "2046-10-14")]


# -------------------------------- since: "die Partnerschaft mit A …, die seit 2003 besteht"

@pytest.mark.parametrize("sentence", [
    "Darüber hinaus sei die Regionalpartnerschaft mit der Wojewodschaft Masowien zu erwähnen, "
    "die seit 2033 bestehe.",
    "Die Regionalpartnerschaft mit der Wojewodschaft Masowien, die seit 2033 besteht, ist die "
    "älteste des Landes.",
])
def test_a_relative_clause_of_existence_dates_the_partnership(tmp_path, sentence):
    """", die seit 2033 besteht": the relative clause says since when the partnership is."""
    found = extraction(tmp_path, f"Ministerpräsident Max Muster sprach in Magdeburg. {sentence}",
                       land="DE-ST", date="2046-10-09")
    assert _starts(found) == [("PL-14", "2033")]


def test_a_relative_clause_of_other_things_dates_nothing(tmp_path):
    """", die seit 2033 bestehen" after other things (plural): not the partnership's start."""
    found = extraction(tmp_path, "Die Regionalpartnerschaft mit der Wojewodschaft Masowien "
                       "stärkt die Kommunen, die seit 2033 bestehen.", land="DE-ST",
                       date="2046-10-09")
    assert _starts(found) == [("PL-14", None)]


# ------------------- the means of the present: "Mit der Absichtserklärung … schlagen wir …"

@pytest.mark.parametrize("sentence", [
    "„Mit der Absichtserklärung zwischen Baden-Württemberg und Jiangsu schlagen wir ein neues "
    "Kapitel unserer Beziehungen auf“, sagte Ministerpräsident Max Muster.",
    "„Mit dem Memorandum festigen und pflegen wir unsere Beziehungen zu Jiangsu“, so Muster.",
])
def test_an_instrument_as_the_means_of_the_present_exists(tmp_path, sentence):
    """"Mit der Absichtserklärung zwischen dem Land und A schlagen wir ein neues Kapitel auf":
    the speakers act by the instrument now; it exists, undated."""
    found = extraction(tmp_path, sentence, land="DE-BW", date="2046-04-15")
    assert [(kind, partners) for kind, partners, _ in agreement_rows(found)] in (
        [("absichtserklaerung", ("CN-JS",))], [("memorandum-of-understanding", ("CN-JS",))])


def test_an_instrument_to_come_is_no_means_of_the_present(tmp_path):
    """"Mit der Absichtserklärung soll … gefördert werden": a purpose, no instrument made."""
    found = extraction(tmp_path, "Mit der Absichtserklärung soll die Zusammenarbeit mit Jiangsu "
                       "gefördert werden.", land="DE-BW", date="2046-04-15")
    assert agreement_rows(found) == []


# ----------------------- a person's name ends before the next one's title: "… S. E. Wu Ken"

@pytest.mark.parametrize("title", ["S. E.", "S.E."])
def test_a_name_ends_before_the_next_persons_title(tmp_path, title):
    """"Ministerpräsident Dr. Max Muster S. E. Li Wei, Botschafter …": the title of excellency
    opens the guest's name; the host's name ends before it and keeps its post."""
    text = (f"Am 12. Dezember 2046 hat Ministerpräsident Dr. Max Muster {title} Li Wei, "
            "Botschafter der Volksrepublik China, in der Staatskanzlei zum Antrittsbesuch "
            "empfangen.")
    found = extraction(tmp_path, text, land="DE-ST", date="2046-12-13")
    people = {(p.family, p.role.key if p.role else None) for p in found.persons}
    assert ("Muster", "ministerpraesident") in people
    assert ("Wei", "botschafter") in people


def test_a_surname_ending_in_a_short_kind_word_is_no_body():
    """"Senatorin Maria Kugelbank Hamburg": "Bank" is a kind word, but a word of four letters
    ends surnames too; only longer kind words ("…verband", "…kammer") end a body's compound."""
    from kg.extract import territories
    from kg.registers import load as load_registers

    registers = load_registers()
    found = territories.find_parties("mit Senatorin Maria Kugelbank Hamburg", registers)
    assert all(f.ref.kind != "organisation" for f in found)
    found = territories.find_parties("mit dem Arbeitgeberverband Lebuser Land", registers)
    assert [f.ref.kind for f in found] == ["organisation"]
