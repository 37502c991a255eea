"""Partnerships as answers, reports and web pages word them, and what in them is no
partnership of the Land: the asker's preface, a partnership only considered or thought of,
an organisation's partners, a former region, a flattened table's rows; and the metadata
those pages are read with (genre, title) and the ministries of city-states. Invented
sentences; regions, countries and ministries are the registers' (mappings/*.csv)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.documents import read
from kg.extract.metadata import detect
from kg.registers import load as load_registers
from tests.test_extract_units import facts
from tests.test_partnerships import stated

NOT_THE_LANDS = [
    # considered, not entered
    "Die Landesregierung erwägt, das Netzwerk mit der Provinz Ontario um eine Partnerschaft "
    "mit einer kanadischen Region zu erweitern.",
    # a condition of a partnership, not one
    "Eine Grundbedingung für eine Partnerschaft ist jedoch, dass Kanada zustimmt.",
    "Das Land hat Interesse an einer Partnerschaft mit der Provinz Ontario.",
    # what might come into question
    "Wie in anderen Partnerschaften könnten Schulpartnerschaften mit der Provinz Ontario in "
    "Betracht kommen.",
    # an organisation's partners
    "Es ist wichtig, Kanada den Austausch mit EU-Partnerländern zu ermöglichen.",
    # a union the Land belongs to frames a partnership, it is none's partner
    "Die Europäische Union fördert den Donauraum. Wir stärken unsere langjährige Partnerschaft "
    "im Donauraum.",
]


@pytest.mark.parametrize("text", NOT_THE_LANDS, ids=[t[:40] for t in NOT_THE_LANDS])
def test_no_partnership_of_the_land(tmp_path, text):
    assert stated(tmp_path, text) == {}


def test_the_askers_preface_by_members_states_no_partnership(tmp_path):
    text = ("Landtag Drucksache 30/1 Anfrage der Abgeordneten Max Beispiel und Eva Muster "
            "(Partei) Antwort des Ministeriums für Inneres namens der Landesregierung vom "
            "3.5.2030 Vorbemerkung der Abgeordneten Im Rahmen einer seit 40 Jahren bestehenden "
            "Partnerschaft mit der Provinz Ontario findet eine Reise statt. Vorbemerkung der "
            "Landesregierung Die Landesregierung kommentiert kommunale Vorgänge nicht.")
    assert stated(tmp_path, text, genre="answer") == {}


def test_a_former_region_is_the_predecessor_of_the_pages_partner(tmp_path):
    text = ("Partnerschaft mit der Woiwodschaft Pommern (Polen)\n\n"
            "Zwischen dem Land und der damaligen Woiwodschaft Beispielau bestehen seit 1980 "
            "Kontakte. Nach der Gebietsreform wurde die Partnerschaftserklärung angepasst.")
    assert set(stated(tmp_path, text)) == {"PL-22"}


def test_a_flattened_tables_partner_column_heads_its_rows(tmp_path):
    text = ("Die Senatskanzlei hat folgende Schwerpunkte gesetzt: Partnerstadt Schwerpunkte 2030 "
            "Chicago Begegnung von Jugendlichen und Schulen. Marseille Austausch von Musikern "
            "und Künstlern. Dresden Austausch von Schulen.")
    found = stated(tmp_path, text, land="DE-HH", genre="answer")
    assert set(found) == {"US/chicago", "FR/marseille"}
    assert found["FR/marseille"][2] == "Partnerstadt"


def test_a_row_without_a_partnership_heading_states_nothing(tmp_path):
    text = "Stadt Schwerpunkte 2030 Chicago Begegnung von Jugendlichen. Marseille Austausch."
    assert stated(tmp_path, text, land="DE-HH", genre="answer") == {}


def _meta(tmp_path, text: str):
    path = tmp_path / "seite.txt"
    path.write_text(text, encoding="utf-8")
    return detect(read(path), load_registers())


def test_a_committee_of_others_makes_no_report(tmp_path):
    text = ("Das Land und das Emirat vertiefen Zusammenarbeit\n\nDie Erklärung legt die Gründung "
            "eines gemeinsamen Ausschusses fest. Geleitet wird die Delegation von einem Mitglied "
            "des ständigen Ausschusses der Partei. Niedersachsen freut sich.")
    assert _meta(tmp_path, text).genre == "press-release"


def test_a_text_for_a_landtag_committee_is_a_report(tmp_path):
    text = ("Bericht für den Ausschuss für Europa und Internationales\n\nDie Zusammenarbeit "
            "Niedersachsens mit der Provinz Ontario wurde fortgesetzt.")
    assert _meta(tmp_path, text).genre == "report"


def test_a_banner_of_the_portal_is_no_title(tmp_path):
    text = ("Informationen für Geflüchtete aus der Ukraine / Інформація для біженців: "
            "beispiel.de/ukraine\n\nNiedersachsen und Ontario feiern ihr Jubiläum\n\n"
            "Das Land Niedersachsen und die Provinz Ontario feiern ihre Partnerschaft.")
    assert _meta(tmp_path, text).title == "Niedersachsen und Ontario feiern ihr Jubiläum"


@pytest.mark.parametrize("issuer", ["Staatskanzlei", "Bayerische Staatskanzlei",
                                    "Thüringer Staatskanzlei", "Saarländische Staatskanzlei",
                                    "Brandenburger Staatsministerium"])
def test_an_issuing_chancellery_is_no_title(tmp_path, issuer):
    """Any Land's chancellery heading a release issues it; the headline below is its title."""
    text = (f"{issuer}\n\nOntario und das Land feiern ihr Jubiläum\n\n"
            "Das Land und die Provinz Ontario feiern ihre Partnerschaft.")
    assert _meta(tmp_path, text).title == "Ontario und das Land feiern ihr Jubiläum"


CITY_STATE_MINISTRIES = [
    ("Die Senatskanzlei lud ein.", "DE-BE", "SKzl"),
    ("Die Senatskanzlei lud ein.", "DE-HH", "SK"),
    ("Die Senatorin für Wirtschaft, Häfen und Transformation empfing den Botschafter.",
     "DE-HB", "SWHT"),
]


@pytest.mark.parametrize(("sentence", "land", "key"), CITY_STATE_MINISTRIES)
def test_a_city_states_chancellery_and_senators_are_its_ministries(sentence, land, key):
    found = facts(sentence, land, dt.date(2030, 5, 3)).ministries
    assert [m.key for m, _, _ in found] == [key]


def test_a_senatsverwaltung_no_register_lists_is_still_a_ministry():
    found = facts("Die Senatsverwaltung für Kultur und Gesellschaft förderte das Projekt.",
                  "DE-BE").ministries
    assert [(m.label_de, m.registered) for m, _, _ in found] == [
        ("Senatsverwaltung für Kultur und Gesellschaft", False)]


def test_a_land_befriended_with_a_region_states_a_friendship_with_its_start(tmp_path):
    found = stated(tmp_path, "Seit 1995 ist das Land mit der Provinz Ontario befreundet. Mit "
                             "der Woiwodschaft Pommern ist das Land am längsten befreundet – "
                             "nämlich seit 1991.")
    assert {k: (since, kind) for k, (since, _, kind) in found.items()} == {
        "CA-ON": ("1995", "Freundschaft"), "PL-22": ("1991", "Freundschaft")}


def test_a_befriended_land_as_an_adjective_is_no_friendship(tmp_path):
    assert stated(tmp_path, "Der Minister empfing Gäste aus dem befreundeten Kanada.") == {}


def test_a_regions_other_name_in_brackets_is_no_partner_of_its_own(tmp_path):
    found = stated(tmp_path, "Seit 1995 ist das Land mit der Region Nouvelle-Aquitaine "
                             "befreundet (früher Aquitaine).")
    assert set(found) == {"FR-NAQ"}


def test_a_table_of_contents_entry_keeps_its_partner_to_itself(tmp_path):
    text = ("Partnerregionen weltweit Inhalt Zusammenarbeit des Landes 4 Zusammenarbeit mit der "
            "Provinz Ontario (Kanada) 6 Partnerschaft mit der Woiwodschaft Pommern (Polen) 8 "
            "Zusammenarbeit mit der Region Normandie (Frankreich) 10 Partnerschaft mit der "
            "Präfektur Hyōgo (Japan) 12 Zusammenarbeit mit der Provinz Quebec (Kanada) 14 "
            "Impressum")
    assert set(stated(tmp_path, text)) == {"PL-22", "JP-28"}


def test_a_friendship_begun_with_the_region_before_dates_its_partnership(tmp_path):
    found = stated(tmp_path, "Die jüngste Partnerschaft besteht zur Provinz Ontario. Die "
                             "Freundschaft zu dieser kanadischen Region hat erst 2010 begonnen.")
    assert found["CA-ON"][0] == "2010"


def test_a_friendship_begun_with_another_partner_dates_nothing(tmp_path):
    found = stated(tmp_path, "Die jüngste Partnerschaft besteht zur Provinz Ontario. Die "
                             "Freundschaft zu dieser Region hat mit einem Besuch in der "
                             "Woiwodschaft Pommern 2010 begonnen.")
    assert found == {"CA-ON": (None, False, "Partnerschaft")}
