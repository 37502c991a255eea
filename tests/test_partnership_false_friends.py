"""Partnerships the development cases showed read where the text states none (issue 8,
branch h-gen9): a region a remark is about ("– bezogen auf A –"), a partnership announced to
be entered at a later signing, one trilateral instrument read as partnerships of its own.
Regions and countries are real (in mappings/*.csv or ISO 3166-2); the statements are
invented."""

from __future__ import annotations

from tests.test_partnerships import stated


def test_a_region_a_remark_is_about_is_no_partner(tmp_path):
    """"erinnerte an den Beginn der Partnerschaft und – bezogen auf A – an die Vereinbarung
    mit B": A is what the remark is about; B, the instrument's party, stays the partner."""
    text = ("In seiner Ansprache erinnerte der Ministerpräsident an den Beginn der Partnerschaft "
            "und – bezogen auf Quebec – an die am 22. April 1993 abgeschlossene Vereinbarung "
            "über die Zusammenarbeit zwischen der Provinz Ontario und dem Land.")
    assert stated(tmp_path, text, land="DE-NI") == {"CA-ON": ("1993-04-22", False, "Partnerschaft")}


def test_a_partnership_entered_by_a_signing_to_come_is_announced(tmp_path):
    """"Das Land geht eine Partnerschaft mit A ein. Der Vertrag soll kommende Woche
    unterzeichnet werden": entered only by the signing still to come."""
    text = ("Das Land geht eine Partnerschaft mit der kanadischen Provinz Ontario ein. Der "
            "Partnerschaftsvertrag soll kommende Woche unterzeichnet werden, wie die "
            "Staatskanzlei mitteilte.")
    assert stated(tmp_path, text, land="DE-NI") == {}


def test_a_partnership_entered_with_a_signing_told_in_the_past_stands(tmp_path):
    text = ("Das Land geht eine Partnerschaft mit der kanadischen Provinz Ontario ein. Der "
            "Partnerschaftsvertrag wurde am Montag in Toronto unterzeichnet.")
    assert "CA-ON" in stated(tmp_path, text, land="DE-NI")


def test_a_country_visited_stands_for_the_one_region_of_it_named_before(tmp_path):
    """"Bei unserem Besuch Cs … haben wir die Länderpartnerschaft gefestigt": C is the place
    of the visit; the partnership is the one with C's region the text named."""
    text = ("Seit 30 Jahren pflege das Land enge Beziehungen mit Japan, vor allem in die Präfektur "
            "Hyogo. Bei unserem Besuch Japans mit einer Delegation im vergangenen Jahr haben wir "
            "die Länderpartnerschaft einmal mehr gefestigt, sagte der Minister.")
    assert set(stated(tmp_path, text, land="DE-SH")) == {"JP-28"}


def test_a_partnership_between_a_named_university_and_others_is_theirs(tmp_path):
    text = ("Die Forschung wurde mit verschiedenen Partnerschaften zwischen der "
            "Albrecht-Universität und der Fachhochschule mit Hochschulen in der Präfektur Hyogo "
            "gebündelt.")
    assert stated(tmp_path, text, land="DE-SH") == {}


CHRONOLOGY = (
    "Übersicht über die Beziehungen des Landes zu China Partnerschaftsvereinbarungen "
    "Juni 1999: offizielle Unterzeichnung des Partnerschaftsvertrages Riesa/Wuxian in Riesa "
    "Mai 1999 offizielle Vertragsunterzeichnung Chemnitz/Taiyuan (Shanxi) November 2000: "
    "Unterzeichnung eines Kooperationsvertrages zwischen zwei Landkreisen und der Stadt Cangzhou "
    "Juni 2007: Unterzeichnung einer Partnerschaftsvereinbarung zwischen dem Land durch den "
    "Ministerpräsidenten und der Provinz Hubei Juni 2008: offizieller Partnerschaftsvertrag "
    "zwischen Dresden und Hangzhou Mai 2011: Vereinbarung über eine partnerschaftliche "
    "Zusammenarbeit zwischen Oelsnitz und der Provinz Hainan August 2013: Partnerschaftsvertrag "
    "zwischen Zwickau und Yandu (Stadtbezirk von Yancheng, Provinz Jiangsu) Datum November 2010")


def test_a_chronologys_partnerships_between_others_and_places_of_cities_are_no_partners(
        tmp_path):
    """A run-together chronology: "Partnerschaftsvertrag zwischen A und B" where neither is
    the Land is others'; a region in brackets after a city ("Taiyuan (R)") places the city."""
    assert set(stated(tmp_path, CHRONOLOGY, land="DE-SN")) == {"CN-HB"}


def test_a_trilateral_instrument_states_no_bilateral_partnerships(tmp_path):
    """"Über die trilaterale Partnerschaftsvereinbarung im … Dreieck pflegt das Land mit A und
    B … gute Beziehungen": one network instrument, no partnership with A or with B."""
    text = ("Über die trilaterale Partnerschaftsvereinbarung im Regionalen Dreieck pflegt das Land "
            "mit der Provinz Ontario und der Woiwodschaft Pommern seit 2001 gute Beziehungen.")
    assert stated(tmp_path, text) == {}


def test_a_trilateral_partnership_is_one(tmp_path):
    text = ("Die im Juli 1994 begründete trilaterale Partnerschaft mit der Provinz Ontario kam "
            "2003 zum Erliegen.")
    assert set(stated(tmp_path, text)) == {"CA-ON"}
