"""Agreement rules found from a blind round of signed and announced instruments (issue 8,
round agr13: press items, a status page, plenary protocols and Kleine Anfragen of eight Länder,
scored before any rule was made for them), each the broadest wording of its error class:
invented sentences in the style of the real ones, one rule each. Regions are real
(mappings/regions.csv); people and dates are invented. The helpers are those of
test_extract_units."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction

# ----------------------------------------- a date not stated stays unstated (date not found)


@pytest.mark.parametrize("date", ["September 2041", "2041-09-14"])
def test_a_signing_without_a_stated_date_takes_not_the_releases_date(tmp_path, date):
    """"… unterzeichnete in Beispielstadt … eine Absichtserklärung" with no date, weekday or
    "heute" in its sentence or paragraph: the agreement's date is as stated, so none; the
    release's own date (tried in round agr13) is not the signing's (news agencies report the
    day after, a ministry tells of it on another day)."""
    text = ("Baden-Württemberg will künftig mit dem US-Bundesstaat Kalifornien enger "
            "zusammenarbeiten. Ministerpräsident Beispiel unterzeichnete in Beispielstadt mit dem "
            "kalifornischen Gouverneur Muster eine Absichtserklärung für eine Landespartnerschaft.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BW", date=date)) == [
        ("absichtserklaerung", ("US-CA",), None)]


# ------------------------------------------------------------------ planned vs signed


@pytest.mark.parametrize("text", [
    "Dabei soll eine gemeinsame Absichtserklärung zum Thema Mobilität und Verkehr mit den "
    "Niederlanden unterzeichnet werden.",
    "Mit den Niederlanden soll zudem eine Vereinbarung über die Zusammenarbeit bei Verkehr, "
    "Energie und Bildung geschlossen werden.",
])
def test_a_modal_with_the_passive_infinitive_is_a_signing_to_come(tmp_path, text):
    """"soll … unterzeichnet werden", however many words stand between: planned, none signed
    (error class: planned vs signed)."""
    assert agreement_rows(extraction(tmp_path, text, date="2041-11-12")) == []


def test_a_signing_that_could_be_made_was_made(tmp_path):
    """"konnte … unterzeichnet werden" is a past: the instrument was signed."""
    text = ("Am 3. Mai 2041 konnte eine gemeinsame Absichtserklärung mit den Niederlanden "
            "unterzeichnet werden.")
    assert agreement_rows(extraction(tmp_path, text, date="2041-11-12")) == [
        ("gemeinsame-absichtserklaerung", ("NL",), "2041-05-03")]


# ------------------------------------------------------------------------- Land attribution


def test_the_lands_name_in_its_parliaments_name_makes_no_agreement_of_the_land(tmp_path):
    """"Gemeinsame Erklärung des Landtages Mecklenburg-Vorpommern und des Sejmik der Woiwodschaft
    Westpommern vom …": the parliament's instrument, not the Land's (error class: Land)."""
    text = ("Ich rufe auf den Tagesordnungspunkt 11: Gemeinsame Erklärung des Landtages "
            "Mecklenburg-Vorpommern und des Sejmik der Woiwodschaft Westpommern vom 24. Januar "
            "2041.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-MV",
                                     date="2041-03-08")) == []


def test_the_land_beside_its_parliament_is_still_a_party(tmp_path):
    """The Land named on its own, not as the parliament's name, keeps the instrument the
    Land's."""
    text = ("Die Gemeinsame Erklärung des Landes Mecklenburg-Vorpommern und der Woiwodschaft "
            "Westpommern vom 24. Januar 2041 wurde im Landtag vorgestellt.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-MV",
                                     date="2041-03-08")) == [
        ("gemeinsame-erklaerung", ("PL-32",), "2041-01-24")]


# ----------------------------------------------------- the signing's own date (wrong date)


@pytest.mark.parametrize(("text", "expected"), [
    # a date in an aside set off by commas, right before the verb, is the aside's
    ("Am 3. Mai 2039, 25 Jahre nach der ersten Erklärung von 2014, unterzeichneten "
     "Ministerpräsident Beispiel und der Marschall der Woiwodschaft Pommern eine neue Gemeinsame "
     "Erklärung.", "2039-05-03"),
    # … or by dashes
    ("Im Jahr 2039 – zum 25. Jubiläum der Partnerschaft von 2014 – unterzeichneten das Land und "
     "die Woiwodschaft Pommern eine Gemeinsame Erklärung.", "2039"),
    # … or a clause set off after the verb
    ("Ministerpräsident Beispiel unterzeichnete am 3. Mai 2039 in Danzig, wo er schon 2014 zu "
     "Gast war, eine Gemeinsame Erklärung mit der Woiwodschaft Pommern.", "2039-05-03"),
    # an aside that is no more than the date is the signing's own date
    ("Am Mittwoch, 3. Mai 2039, unterzeichneten Ministerpräsident Beispiel und der Marschall der "
     "Woiwodschaft Pommern eine Gemeinsame Erklärung.", "2039-05-03"),
])
def test_a_date_in_an_aside_is_not_the_signings(tmp_path, text, expected):
    """The signing is of the date of its own clause, not of a nearer date in an aside that
    counts back or places the scene (error class: wrong date)."""
    assert agreement_rows(extraction(tmp_path, text, land="DE-MV", date="2040-01-10")) == [
        ("gemeinsame-erklaerung", ("PL-22",), expected)]
