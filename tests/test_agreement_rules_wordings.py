"""Agreement rules found from a second blind round of press items (issue 8): how other
Länder's releases word a signing, who signs, and which date is the signing's. Invented
sentences, one rule each; the helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from kg.documents import read
from kg.extract.metadata import detect
from kg.registers import load as load_registers
from tests.test_extract_units import agreement_rows, extraction


def test_regions_listed_in_brackets_after_a_partnership_word_are_the_partners(tmp_path):
    """"drei Regionalpartnerschaften (Region/Land, …)": the bracket lists partners, it does not
    say where a place lies; the country after the slash only places its region."""
    text = ("Das Land unterhält drei Partnerschaften auf der Basis von Partnerschaftserklärungen, "
            "zwei Regionalpartnerschaften (Kleinpolen/Polen, Hubei/China) und eine Partnerschaft "
            "mit einem Nationalstaat (Ungarn).")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == [
        ("partnerschaftserklaerung", ("CN-HB",), None),
        ("partnerschaftserklaerung", ("HU",), None),
        ("partnerschaftserklaerung", ("PL-12",), None)]


def test_an_action_plan_is_an_instrument_without_gemeinsam(tmp_path):
    """"unterzeichneten … einen entsprechenden Aktionsplan": the partner is the one region the
    paragraph named before."""
    text = ("Das Land und seine Partnerprovinz Ontario wollen enger zusammenarbeiten. Demnach "
            "unterzeichneten Minister Beispiel und der Vize-Premier einen entsprechenden "
            "Aktionsplan.")
    assert agreement_rows(extraction(tmp_path, text)) == [("aktionsplan", ("CA-ON",), None)]


def test_between_without_a_party_names_no_parties(tmp_path):
    """"Beziehungen zwischen Völkern sind …, daher freue ich mich, dass wir heute … unterzeichnen":
    a "zwischen" that names nobody does not say who signs."""
    text = ("Der Ministerpräsident empfing den Gouverneur der Provinz Ontario. „Beziehungen "
            "zwischen Völkern sind ein Pfeiler der Freundschaft, daher freue ich mich, dass wir "
            "heute eine aktualisierte Partnerschaftserklärung unterzeichnen.“")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("partnerschaftserklaerung", ("CA-ON",), "2024-05-15")]


def test_a_purpose_of_a_past_occasion_is_no_announcement(tmp_path):
    """"empfing …, um die Partnerschaftsvereinbarung zu erneuern": what the visit was for
    happened; the instrument renewed keeps no date of the renewal."""
    text = ("Am Mittwoch empfing der Ministerpräsident den Gouverneur der Provinz Ontario, um "
            "die Partnerschaftsvereinbarung zu erneuern.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("partnerschaftserklaerung", ("CA-ON",), None)]


def test_a_purpose_of_a_coming_journey_stays_announced(tmp_path):
    text = ("Der Ministerpräsident reist nach Toronto, um mit der Provinz Ontario eine Gemeinsame "
            "Erklärung zu unterzeichnen.")
    assert agreement_rows(extraction(tmp_path, text)) == []


def test_a_date_of_another_participle_is_not_the_signings(tmp_path):
    """"Mit unserem 2031 eröffneten Büro … und der … unterzeichneten Vereinbarung": the year
    dates the office."""
    text = ("„Mit unserem 2031 eröffneten Büro in Toronto und mit der zwischen mir und dem "
            "Premier der Provinz Ontario unterzeichneten Vereinbarung stärken wir den Handel“, "
            "sagte der Minister.")
    assert agreement_rows(extraction(tmp_path, text)) == [("vereinbarung", ("CA-ON",), None)]


def test_the_city_where_the_signing_took_place_is_no_party(tmp_path):
    """"unterzeichneten am Donnerstag in Pilsen ein Abkommen": a region's name used as the
    place of the signing names no party (the weekday counts back from the release's day)."""
    text = ("Die tschechische Ministerin für Regionalentwicklung und der Bayerische "
            "Staatsminister der Finanzen unterzeichneten am Donnerstag in Plzeň / Pilsen ein "
            "Abkommen.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BY")) == [
        ("vereinbarung", ("CZ",), "2024-05-09")]


def test_a_year_glued_to_the_sentence_before_still_dates_the_signing(tmp_path):
    """"… enge Beziehungen.1994 unterzeichneten beide Regionen …": a page that lost the space
    after a full stop."""
    text = ("Seit Jahren pflegt das Land mit der Provinz Ontario enge Beziehungen.1994 "
            "unterzeichneten beide Regionen eine offizielle Partnerschaftserklärung.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("partnerschaftserklaerung", ("CA-ON",), "1994")]


def test_a_leads_weekday_with_its_date_in_brackets_dates_the_release(tmp_path):
    """"erklärte die Ministerin am Dienstag (14. Mai 2031)": the lead's day is the release's."""
    path = tmp_path / "mitteilung.txt"
    path.write_text(
        "Ministerin empfängt Delegation aus der Provinz Ontario\n\n"
        "„Wir stärken die Partnerschaft“, erklärte die Wirtschaftsministerin am Dienstag "
        "(14. Mai 2031) im Rahmen eines Besuchs des Premiers der Provinz Ontario.\n",
        encoding="utf-8")
    date = detect(read(path), load_registers()).date
    assert date is not None and date.start.lexical() == "2031-05-14"


def test_instruments_in_the_plural_with_a_year_in_brackets_each(tmp_path):
    """"Vereinbarungen geschlossen: A (2001), B (2005)": one instrument per partner, each of its
    year."""
    text = ("Die Landesregierung hat mit folgenden Regionen Vereinbarungen geschlossen: "
            "Woiwodschaft Pommern (2001), Provinz Ontario (2005).")
    assert agreement_rows(extraction(tmp_path, text, genre="answer")) == [
        ("vereinbarung", ("CA-ON",), "2005"), ("vereinbarung", ("PL-22",), "2001")]


def test_a_plan_in_a_clause_of_its_own_leaves_the_signing_made(tmp_path):
    """"… unterzeichneten eine Absichtserklärung; ein Gegenbesuch ist … geplant": the plan is
    the visit's, not the signing's."""
    text = ("Der Ministerpräsident und der Premier der Provinz Ontario unterzeichneten am 3. Mai "
            "2021 eine Absichtserklärung; ein Gegenbesuch ist für den Herbst geplant.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("absichtserklaerung", ("CA-ON",), "2021-05-03")]


def test_a_plan_in_the_signings_own_clause_still_announces_it(tmp_path):
    text = ("Ein Gegenbesuch ist für den Herbst geplant; dabei soll eine Erklärung mit der Provinz "
            "Ontario unterzeichnet werden.")
    assert agreement_rows(extraction(tmp_path, text)) == []


def test_a_joint_declaration_on_a_topic_is_one(tmp_path):
    """"eine gemeinsame Energieerklärung": a joint declaration named by its topic."""
    text = ("Ministerpräsident Beispiel und der Kommissar der Provinz Groningen unterzeichneten am "
            "3. Mai 2021 eine gemeinsame Energieerklärung.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-NI")) == [
        ("gemeinsame-erklaerung", ("NL-GR",), "2021-05-03")]


def test_what_a_quotation_wishes_does_not_announce_the_signing_told_outside_it(tmp_path):
    """"„… die Partnerschaft zu erneuern“, sagte der Gouverneur nach der Unterzeichnung der
    Vereinbarung": the narrator reports a signing made."""
    text = ("Der Ministerpräsident empfing den Premier der Provinz Ontario. „Wir sind stolz, die "
            "Partnerschaft zu erneuern“, sagte der Premier nach der Unterzeichnung der "
            "Vereinbarung.")
    assert agreement_rows(extraction(tmp_path, text)) == [("vereinbarung", ("CA-ON",), None)]


def test_a_quotation_that_announces_a_signing_keeps_it_announced(tmp_path):
    text = ("„Wir werden morgen eine Vereinbarung mit der Provinz Ontario unterzeichnen“, sagte "
            "der Ministerpräsident.")
    assert agreement_rows(extraction(tmp_path, text)) == []


def test_a_year_before_each_partner_dates_its_instrument(tmp_path):
    text = ("Die Landesregierung hat 1998 mit der Provinz Ontario und 2002 mit der Region Bretagne "
            "Gemeinsame Erklärungen unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, genre="answer")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "1998"),
        ("gemeinsame-erklaerung", ("FR-BRE",), "2002")]


@pytest.mark.parametrize("verb", ["signierten", "unterfertigten"])
def test_other_signing_verbs_sign(tmp_path, verb):
    """Signing words are data (mappings/signing-words.txt): "signierten", "unterfertigten"."""
    text = (f"Der Ministerpräsident und der Premier der Provinz Ontario {verb} am 3. Mai 2021 "
            "eine Absichtserklärung.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("absichtserklaerung", ("CA-ON",), "2021-05-03")]


def test_background_in_the_pluperfect_is_not_the_occasion_a_signing_continues(tmp_path):
    """"… feierten am 3. Mai 2031 … Die Erklärung war 2011 … unterzeichnet worden. Aus diesem
    Anlass unterschrieben …": the new declaration is of the celebration's day."""
    text = ("Mit einem Festakt haben das Land und die Woiwodschaft Schlesien am 3. Mai 2031 das "
            "20-jährige Bestehen ihrer Partnerschaft gefeiert. Die Gemeinsame Erklärung war im "
            "Jahr 2011 in Kattowitz unterzeichnet worden. Aus diesem Anlass unterschrieben der "
            "Ministerpräsident und der Marschall eine neue Erklärung über die weitere Vertiefung "
            "der Kooperation.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", date="2031-06-01")) == [
        ("erklaerung", ("PL-24",), "2031-05-03"),
        ("gemeinsame-erklaerung", ("PL-24",), "2011")]


def test_a_weekday_on_a_page_dated_by_month_dates_the_signing_to_the_month(tmp_path):
    """" date 2031-09 … unterzeichnete am Samstag (Ortszeit) …": the weekday names no day, the
    page's month is the signing's."""
    path = tmp_path / "seite.txt"
    path.write_text(" date 2031-09 Das Land will mit der Provinz Ontario enger zusammenarbeiten. "
                    "Der Ministerpräsident unterzeichnete am Samstag (Ortszeit) in Toronto mit "
                    "dem Premier der Provinz Ontario eine Absichtserklärung.\n", encoding="utf-8")
    meta = detect(read(path), load_registers())
    assert meta.date is not None and meta.date.start.lexical() == "2031-09"
    found = extraction(tmp_path, path.read_text(encoding="utf-8"), date="September 2031")
    assert agreement_rows(found) == [("absichtserklaerung", ("CA-ON",), "2031-09")]


def test_a_signing_without_a_weekday_on_such_a_page_stays_undated(tmp_path):
    text = ("Das Ministerium teilte am Mittwoch mit, dass der Minister und der Vizegouverneur der "
            "Provinz Ontario einen Aktionsplan unterzeichneten.")
    assert agreement_rows(extraction(tmp_path, text, date="September 2031")) == [
        ("aktionsplan", ("CA-ON",), None)]


def test_a_later_year_opens_a_clause_of_its_own(tmp_path):
    """"2011 … mit einer weiteren Erklärung bekräftigt, 2021 folgte ein Aktionsplan": each its
    clause's year."""
    text = ("Im Jahr 2011 wurde die Zusammenarbeit mit der Woiwodschaft Schlesien mit einer "
            "weiteren Erklärung bekräftigt, 2021 folgte ein Aktionsplan.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == [
        ("aktionsplan", ("PL-24",), "2021"), ("erklaerung", ("PL-24",), "2011")]


def test_a_plan_adopted_by_a_meeting_is_not_signed(tmp_path):
    text = ("Beim Gipfel in Beispielstadt verabschiedeten der Minister und der Marschall der "
            "Woiwodschaft Schlesien einen gemeinsamen Aktionsplan.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == []


@pytest.mark.parametrize(("land", "name"), [("DE-TH", "Thüringen"), ("DE-SN", "Sachsen"),
                                           ("DE-NW", "Nordrhein-Westfalen")])
def test_a_land_after_the_instrument_is_a_party_not_its_name(tmp_path, land, name):
    """"ein MoU Thüringen und Ontario": any Land's name after the instrument starts its parties
    (the Länder come from the register), so the title is not "MoU Thüringen"."""
    text = f"Am 3. Mai 2019 wurde ein MoU {name} und Ontario in der Hauptstadt unterzeichnet."
    titles = [a.title for a in extraction(tmp_path, text, land=land).agreements]
    assert titles and all(t.startswith(f"MoU {name} und Ontario") for t in titles), titles
