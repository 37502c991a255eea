"""Agreement rules found from a blind round of pages of ten Länder (issue 8, round agr11:
press items, status pages, a consulate's news page, scored before any rule was made for
them): invented sentences in the style of the real ones, one rule each. Regions are real
(mappings/regions.csv); people and dates are invented. The helpers are those of
test_extract_units."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction


def test_damals_dates_a_signing_by_the_year_the_sentence_before_names(tmp_path):
    """"… besteht bereits seit 2031. Damals unterzeichneten …": "damals" points to the time
    the sentence before names, though that year follows "seit"."""
    text = ("Die Partnerschaft mit der Provinz Anhui besteht bereits seit 2031. Damals "
            "unterzeichneten Ministerpräsident Beispiel und Gouverneur Muster die erste "
            "Vereinbarung über partnerschaftliche Zusammenarbeit.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-NI")) == [
        ("vereinbarung", ("CN-AH",), "2031")]


def test_a_verschwisterung_concluded_on_a_day_is_an_instrument(tmp_path):
    """"Die Verschwisterung mit A wurde am 7. Dezember 2031 geschlossen": a partnership
    formally entered on a stated day, the day's full stop inside the sentence."""
    text = ("Das Land unterhält Regionalpartnerschaften in Europa. Die Verschwisterung mit "
            "der Wielkopolska wurde am 7. Dezember 2031 geschlossen.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-HE", date="2041-07-02")) == [
        ("regionalpartnerschaft", ("PL-30",), "2031-12-07")]


def test_a_charter_of_cooperation_named_as_the_basis_is_the_speakers_instrument(tmp_path):
    """"Auf der Grundlage unserer be-stehenden Charta der Zusammenarbeit gibt es … Kooperationen
    vor allem zwischen Kommunen": the minister's own ("unserer") charter with the region the
    paragraph named, whoever the cooperations on its basis are between."""
    text = ("Die Europaministerin hat einen Ausbau der Zusammenarbeit mit der Region "
            "Provence-Alpes-Côte d’Azur angekündigt. „Auf der Grundlage unserer be-stehenden "
            "Charta der Zusammenarbeit gibt es schon heute vielfältige Kooperationen vor allem "
            "zwischen Kommunen und auf Hochschulebene.“")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BY")) == [
        ("charta", ("FR-PAC",), None)]


@pytest.mark.parametrize("text", [
    # a charter of many cities is none of two partners
    "Mit der Unterzeichnung der Charta von Aalborg hat sich das Land zu nachhaltiger "
    "Entwicklung verpflichtet.",
    # the cities' own charter is none of the Land's, though the Land's speaker says "unser"
    "Auf der Grundlage der Charta der Zusammenarbeit zwischen den Städten Beispielstadt und "
    "Marseille gibt es viele Projekte.",
])
def test_no_charter_of_the_land(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, land="DE-BY")) == []


def test_the_land_named_in_a_long_cited_title_is_a_party_despite_a_later_treaty(tmp_path):
    """"auf der Grundlage der gemeinsamen Erklärung des Ministerpräsidenten des Freistaates A
    und des Ministerpräsidenten der Tschechischen Republik vom 5. Dezember 2031 im Anschluss an
    den Vertrag zwischen … und der Bundesrepublik Deutschland": the Land is named between the
    instrument and its date; the "zwischen" is the other treaty's."""
    text = ("Die Arbeitsgruppe wurde auf der Grundlage der gemeinsamen Erklärung des "
            "Ministerpräsidenten des Freistaates Sachsen und des Ministerpräsidenten der "
            "Tschechischen Republik vom 5. Dezember 2031 im Anschluss an den Vertrag zwischen "
            "der Tschechischen Republik und der Bundesrepublik Deutschland über gute "
            "Nachbarschaft vom 27. Februar 2031 eingerichtet.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-SN",
                                     date="2041-06-20")) == [
        ("gemeinsame-erklaerung", ("CZ",), "2031-12-05")]


def test_an_exchange_of_letters_by_which_a_partnership_came_about_is_an_instrument(tmp_path):
    """"dass die Verbindung … mit einem Briefwechsel 2031 entstanden sei": the exchange of
    letters is the instrument, of its clause's year."""
    text = ("Die Leiterin des Büros erinnerte daran, dass die Verbindung mit Ruanda noch mit "
            "einem Briefwechsel 2031 entstanden sei.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-RP", date="2041-10-15")) == [
        ("briefwechsel", ("RW",), "2031")]


def test_an_exchange_of_letters_that_agrees_a_partnership(tmp_path):
    text = ("Am 23. Juni 2031 wurde die Partnerschaft in Form eines Briefwechsels zwischen "
            "Rheinland-Pfalz und der Republik Ruanda vereinbart.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-RP", date="2041-06-25")) == [
        ("briefwechsel", ("RW",), "2031-06-23")]


def test_a_body_whose_name_begins_with_the_city_state_is_no_land(tmp_path):
    """"zwischen der Hamburg Port Authority (HPA) und dem Grand Port Maritime de Marseille":
    a name followed by capitalised words and the body's abbreviation is the body's."""
    text = ("Einen Letter of Intent zwischen der Hamburg Port Authority (HPA) und dem Grand Port "
            "Maritime de Marseille (GPMM) unterzeichneten der Geschäftsführer und die Chefin der "
            "Hafenverwaltung von Marseille.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-HH")) == []


def test_the_city_state_itself_between_is_still_a_party(tmp_path):
    text = ("Einen Letter of Intent zwischen Hamburg und Marseille unterzeichneten der Erste "
            "Bürgermeister und sein Amtskollege.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-HH")) == [
        ("absichtserklaerung", ("FR/marseille",), None)]


def test_a_participle_before_a_plan_announces_the_signing(tmp_path):
    """"Unterzeichnet werden soll zudem eine Kooperationserklärung …": the participle opens the
    sentence, the plan follows it: announced, not signed."""
    text = ("Der Ministerpräsident reist am kommenden Dienstag in die Woiwodschaft Großpolen. "
            "Unterzeichnet werden soll zudem eine Kooperationserklärung zwischen dem Land "
            "Brandenburg und der Woiwodschaft Großpolen.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BB", date="2031-05-03")) == []


def test_bodies_of_the_land_between_are_no_land(tmp_path):
    """"zwischen den Freiwilligen Feuerwehren von A und B": the Land names where the bodies
    are; the bodies sign, not the Land ("zwischen der Landesregierung von A" is the Land)."""
    text = ("Unterzeichnet wurde zudem eine Kooperationserklärung zwischen den Freiwilligen "
            "Feuerwehren von Brandenburg und Großpolen.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BB", date="2031-05-03")) == []
    text = ("Unterzeichnet wurde zudem eine Kooperationserklärung zwischen der Landesregierung "
            "von Brandenburg und der Woiwodschaft Großpolen.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BB", date="2031-05-03")) == [
        ("erklaerung", ("PL-30",), None)]


def test_a_cited_date_after_another_thing_coordinated_is_not_the_instruments(tmp_path):
    """A title may run long before its "vom"/"aus dem Jahr" (above), but not across "und ein
    …": "eine Vereinbarung im Rahmen der Lokalen Agenda 21 und ein Projekt über … in A und B
    aus dem Jahr 2031" dates the project, and the cities' Vereinbarung is no Land's."""
    text = ("Die rechtlichen Vereinbarungen, auf denen die Zusammenarbeit mit Namibia basiert, "
            "sind eine „Gemeinsame Erklärung über kulturelle Zusammenarbeit mit Namibia“ aus dem "
            "Jahre 2030 sowie eine Vereinbarung im Rahmen der Lokalen Agenda 21 und ein Projekt "
            "über nachhaltige Stadtentwicklung in Windhuk und Bremen aus dem Jahr 2031.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-HB",
                                     date="2041-05-03")) == [
        ("gemeinsame-erklaerung", ("NA",), "2030")]
