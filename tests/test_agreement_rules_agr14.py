"""Agreement rules found from a blind round on pages that list a Land's agreements (issue 8,
round agr14: status pages, a partner government's decision and a city magazine of eight
Länder, scored before any rule was made for them), each the broadest wording of its error
class: invented texts in the style of the real ones, one rule each. Regions are real
(mappings/regions.csv); people and dates are invented. The helpers are those of
test_extract_units."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction


def _report(tmp_path, text):
    return extraction(tmp_path, text, genre="report", land="DE-BY", date="2046-03-01")


# ------------------------------ a chronology's date line dates the item below it (list shape)

_MILESTONES = ("Beziehung Beispielland-Québec\n\n"
               "Meilensteine\n\n"
               "{heading}\n\n"
               "Erstes gemeinsames Kommuniqué über die Zusammenarbeit, unterzeichnet vom "
               "Premierminister der Provinz Québec Muster und dem bayerischen "
               "Ministerpräsidenten Beispiel in München\n\n"
               "2045\n\n"
               "Einweihung einer Vertretung in München\n")


@pytest.mark.parametrize(("heading", "date"), [
    ("18. Januar 2041", "2041-01-18"),
    ("14. bis 21. Mai 2041", "2041-05"),  # a span of days: the month they share
    ("Juli 2041", "2041-07"),
])
def test_a_date_standing_alone_above_an_item_dates_its_signing(tmp_path, heading, date):
    """A milestone list gives each date a line of its own and the item below it: the item's
    signing ("…, unterzeichnet vom …") with no date of its own takes the date line's."""
    text = _MILESTONES.format(heading=heading)
    assert agreement_rows(_report(tmp_path, text)) == [("kommunique", ("CA-QC",), date)]


def test_an_item_with_a_date_of_its_own_keeps_it(tmp_path):
    """The date line only stands in for a date the item does not state."""
    text = _MILESTONES.format(heading="18. Januar 2041").replace(
        "in München\n", "in München am 3. Februar 2041\n", 1)
    assert agreement_rows(_report(tmp_path, text)) == [("kommunique", ("CA-QC",), "2041-02-03")]


def test_a_date_line_dates_only_the_item_right_below_it(tmp_path):
    """An item two paragraphs below a date line is another item: it stays undated."""
    text = _MILESTONES.format(heading="18. Januar 2041").replace(
        "\n\nErstes gemeinsames", "\n\nEin Empfang im Rathaus\n\nErstes gemeinsames", 1)
    assert agreement_rows(_report(tmp_path, text)) == [("kommunique", ("CA-QC",), None)]


# -------------------------------- a partner named only by its adjective in -er (partner)


def test_a_partner_named_by_its_adjective_in_er_is_a_party(tmp_path):
    """"der Québecer Premierminister" names Québec as "der Südtiroler Landeshauptmann" names
    South Tyrol: the register lists the adjective (mappings/regions.csv)."""
    text = ("Im Juli 2041 unterzeichneten der Québecer Premierminister Muster und der "
            "bayerische Ministerpräsident Beispiel in München eine Gemeinsame Erklärung.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BY")) == [
        ("gemeinsame-erklaerung", ("CA-QC",), "2041-07")]


def test_one_date_line_alone_is_the_pages_date_not_a_heading(tmp_path):
    """A release's own date on a line of its own ("14. März 2041" above the text) heads no
    item: a signing told below it with no date of its own stays undated, as before."""
    text = ("14. März 2041\n\n"
            "Ministerpräsident Beispiel unterzeichnete in Beispielstadt mit dem Premierminister "
            "der Provinz Québec Muster eine Absichtserklärung.\n")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BY", date="2041-03-14")) == [
        ("absichtserklaerung", ("CA-QC",), None)]


def test_a_chronology_in_a_press_page_dates_its_items(tmp_path):
    """Pages read as press releases (their first date taken as theirs) keep the rule where
    two date lines or more make a chronology."""
    text = _MILESTONES.format(heading="18. Januar 2041")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BY", date="2041-01-18")) == [
        ("kommunique", ("CA-QC",), "2041-01-18")]
