"""Partners listed under headings of a page on the Land's partnerships: the page's heading
("Regionalpartnerschaften") leads the sections below it, each headed by its partner, whose
sentences name no partnership word. Regions are real (mappings/*.csv or ISO 3166-2); the
statements are invented."""

from __future__ import annotations

from tests.test_partnerships import stated


def test_a_heading_of_the_lands_partnerships_leads_the_partners_below_it(tmp_path):
    text = ("Regionalpartnerschaften\n\n"
            "Provinz Ontario / Kanada\n\n"
            "Seit 2002 besteht zwischen dem Land und der Provinz Ontario eine enge Beziehung.\n\n"
            "Ungarn\n\n"
            "Ungarn ist ein verlässlicher Partner für das Land.\n")
    found = stated(tmp_path, text)
    assert {key: value[0] for key, value in found.items()} == {"CA-ON": "2002", "HU": None}
    assert found["CA-ON"][2] == "Regionalpartnerschaft"


def test_the_same_sentence_without_such_a_heading_states_no_partnership(tmp_path):
    text = "Seit 2002 besteht zwischen dem Land und der Provinz Ontario eine enge Beziehung.\n"
    assert stated(tmp_path, text) == {}


def test_a_sections_partner_is_the_one_its_heading_names(tmp_path):
    text = ("Landespartnerschaften\n\n"
            "Woiwodschaft Pommern\n\n"
            "Die Beziehungen zu Tschechien genießen im Land einen hohen Rang.\n\n"
            "Das Land pflegt enge Beziehungen zur Woiwodschaft Pommern.\n")
    assert set(stated(tmp_path, text)) == {"PL-22"}


def test_a_heading_of_others_partnerships_closes_the_section(tmp_path):
    text = ("Partnerregionen\n\n"
            "Provinz Ontario\n\n"
            "Das Land pflegt enge Beziehungen zur Provinz Ontario.\n\n"
            "Schulpartnerschaften\n\n"
            "Das Land unterhält Verbindungen zur Woiwodschaft Pommern.\n")
    assert set(stated(tmp_path, text)) == {"CA-ON"}


def test_a_sentence_that_names_not_the_land_states_none_of_its_partnerships(tmp_path):
    text = ("Regionalpartnerschaften\n\n"
            "Die Provinz Ontario pflegt enge Beziehungen zur Woiwodschaft Pommern.\n")
    assert stated(tmp_path, text) == {}


def test_not_only_since_dates_no_start(tmp_path):
    text = "Nicht erst seit 1993 ist die Provinz Ontario Partnerregion des Landes.\n"
    assert stated(tmp_path, text) == {"CA-ON": (None, False, "Partnerregion")}


def test_a_partnership_that_took_its_beginning_starts_then(tmp_path):
    text = "Die Partnerschaft mit der Provinz Ontario nahm im Mai 2003 ihren Anfang.\n"
    assert stated(tmp_path, text)["CA-ON"][0] == "2003-05"
