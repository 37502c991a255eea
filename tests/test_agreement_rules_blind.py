"""Agreement rules found from press releases nobody here had seen (issue 8, blind round):
invented sentences, one rule each. The helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from kg.documents import read
from kg.extract.metadata import detect
from kg.registers import load as load_registers
from tests.test_extract_units import agreement_rows, extraction


@pytest.mark.parametrize("line", [
    "14. Mai 2031",
    "Mittwoch, den 14. Mai 2031 um 18:34 Uhr",
    "14.05.2031",
])
def test_a_press_releases_line_of_only_a_day_dates_it(tmp_path, line):
    """A web page runs its date line into the lines around it: the source line still counts,
    after page furniture of several paragraphs."""
    path = tmp_path / "seite.txt"
    path.write_text(
        "Startseite Politik Pressemitteilungen\n\nWir haben 120 Gäste online\n\n"
        "Neue Kommentare zu einem Konzert in der Stadthalle\n\nAnzeige\n\n"
        f"Drucken\n{line}\nDie Europaministerin und der Präsident der Partnerprovinz Nordland "
        "haben heute eine Gemeinsame Erklärung unterzeichnet.\n",
        encoding="utf-8")
    date = detect(read(path), load_registers()).date
    assert date is not None and date.start.lexical() == "2031-05-14"


@pytest.mark.parametrize(("text", "year"), [
    ("Der Minister würdigte bei einem Empfang die vor 20 Jahren offiziell besiegelte Gemeinsame "
     "Erklärung mit der Woiwodschaft Pommern.", "2004"),
    ("Eine Gemeinsame Erklärung mit der Woiwodschaft Pommern wurde vor zehn Jahren in Danzig "
     "unterzeichnet.", "2014"),
    ("Die Zusammenarbeit mit der Woiwodschaft Pommern beruht auf einer Gemeinsamen Erklärung, "
     "die vor zehn Jahren in Danzig unterzeichnet wurde.", "2014"),
])
def test_a_signing_some_years_ago_counts_back_from_the_document(tmp_path, text, year):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("gemeinsame-erklaerung", ("PL-22",), year)]


def test_an_approximate_count_of_years_dates_no_signing(tmp_path):
    text = ("Die vor mehr als 20 Jahren besiegelte Gemeinsame Erklärung mit der Woiwodschaft "
            "Pommern wurde am 3. Mai 2004 unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("gemeinsame-erklaerung", ("PL-22",), "2004-05-03")]


def test_a_headline_and_the_body_name_one_signing_differently(tmp_path):
    """A press release reports one signing: the headline's undated "Kooperationsvereinbarung"
    is the body's "Gemeinsame Erklärung" of the day."""
    text = ("Kooperationsvereinbarung mit der Provinz Ontario unterzeichnet\n\n"
            "Die Europaministerin und der Premier der Provinz Ontario haben heute eine Gemeinsame "
            "Erklärung über die regionale Zusammenarbeit unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2024-05-15")]


def test_a_report_keeps_an_undated_instrument_of_another_kind(tmp_path):
    """Only a press release tells of one signing: a report may list several instruments."""
    text = ("Mit der Provinz Ontario wurde eine Kooperationsvereinbarung unterzeichnet. Am "
            "3. Mai 2001 wurde mit der Provinz Ontario eine Gemeinsame Erklärung unterzeichnet.")
    found = agreement_rows(extraction(tmp_path, text, genre="report", date="2024-05-15"))
    assert ("gemeinsame-erklaerung", ("CA-ON",), "2001-05-03") in found
    assert len(found) == 2


def test_a_country_named_in_an_organisation_is_the_instruments_region(tmp_path):
    """"Sekretär des Provinzkomitees der Partei Chinas … ein Memorandum unterschrieben":
    the same memorandum as the one with the Chinese province, not one with China."""
    text = ("Dabei wurde ein Memorandum unterzeichnet, das auf die Zusammenarbeit mit der Provinz "
            "Hubei zielt. Der Sekretär des Provinzkomitees der Partei Chinas sagte: „Wir haben "
            "ein historisches Memorandum unterschrieben.“")
    assert agreement_rows(extraction(tmp_path, text, genre="report", date="2024-05-15")) == [
        ("memorandum-of-understanding", ("CN-HB",), None)]


def test_a_headline_of_a_signing_the_body_announces_is_no_signed_agreement(tmp_path):
    text = ("Ministerin reist nach Danzig und unterzeichnet Erklärung\n\n"
            "Die Europaministerin und der Marschall der Woiwodschaft Pommern unterzeichnen am "
            "morgigen Donnerstag in Danzig die Gemeinsame Absichtserklärung über die "
            "Zusammenarbeit zwischen dem Land und der Woiwodschaft Pommern.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


@pytest.mark.parametrize(("header", "lexical"), [
    ("Antwort der Landesregierung auf die Kleine Anfrage 4711 vom 3. März 2031 des Abgeordneten "
     "Max Beispiel\n\nDatum des Originals: 14.04.2031", "2031-04-14"),
    ("Schriftliche Anfrage des Abgeordneten Dr. Max Beispiel (Partei) vom 3. März 2031\n\n"
     "Antwort des Senats\n\nBeispielstadt, den 14. April 2031", "2031-04-14"),
    ("Antwort der Landesregierung auf die Kleine Anfrage 4711 vom 3. März 2031", None),
])
def test_an_answer_is_not_dated_by_its_question(tmp_path, header, lexical):
    """The day the question was asked is no date of the answer: a signing between the two
    days would otherwise count as announced."""
    path = tmp_path / "antwort.txt"
    path.write_text(f"{header}\n\nDie Landesregierung unterhält eine Partnerschaft mit der "
                    "Woiwodschaft Pommern.\n", encoding="utf-8")
    date = detect(read(path), load_registers()).date
    assert (date.start.lexical() if date else None) == lexical


def test_an_answer_is_not_dated_by_a_release_it_cites(tmp_path):
    path = tmp_path / "antwort.txt"
    path.write_text("Antwort der Landesregierung auf die Kleine Anfrage 4711\n\n"
                    "Vorbemerkung: Laut Pressemitteilung des Ministeriums vom 3. März 2031 reiste "
                    "die Ministerin in die Woiwodschaft Pommern.\n", encoding="utf-8")
    date = detect(read(path), load_registers()).date
    assert date is None


RELEASE = ("Beispielstadt, den 08.05.2031\n\n"
           "Land und Nordland vereinbaren Zusammenarbeit\n\n"
           "Ministerium für Wirtschaft - Pressemitteilung Nr.: 123/31 Beispielstadt, den 6. Mai "
           "2031 Das Land und die Provinz Ontario haben jetzt eine Kooperationsvereinbarung "
           "geschlossen. Der Wirtschaftsminister und der Premier der Provinz haben dazu gestern "
           "in Toronto eine gemeinsame Absichtserklärung unterzeichnet.\n")


def test_the_releases_own_date_line_outranks_the_archive_pages(tmp_path):
    path = tmp_path / "pressemitteilung.txt"
    path.write_text(RELEASE, encoding="utf-8")
    date = detect(read(path), load_registers()).date
    assert date is not None and date.start.lexical() == "2031-05-06"


def test_the_releases_date_line_dates_no_signing_of_its_text(tmp_path):
    """The date after "Pressemitteilung Nr.: …" is the release's, run into its first
    sentence: the agreement "jetzt … geschlossen" is the one signed "gestern"."""
    path = tmp_path / "pressemitteilung.txt"
    path.write_text(RELEASE, encoding="utf-8")
    from kg.extract import extract

    assert agreement_rows(extract(read(path))) == [
        ("gemeinsame-absichtserklaerung", ("CA-ON",), "2031-05-05")]


def test_a_partner_city_in_the_genitive_signs_with_a_city_state(tmp_path):
    text = ("Im Rathaus unterzeichneten der Regierende Bürgermeister und Moskaus "
            "Oberbürgermeister ein Memorandum.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BE", date="2024-05-15")) == [
        ("memorandum-of-understanding", ("RU-MOW",), None)]


def test_a_country_the_instrument_is_about_is_no_party(tmp_path):
    """"…, in der beide Partner der Republik A ihre Unterstützung zusichern": A is what the
    instrument is about; the signing is still the Land's with the other country."""
    text = ("Zum Auftakt der Reise hatten der Ministerpräsident und der rumänische Premierminister "
            "eine gemeinsame Absichtserklärung unterzeichnet, in der die beiden Partner der "
            "Republik Moldau ihre Unterstützung zusicherten.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BW", date="2024-05-15")) == [
        ("gemeinsame-absichtserklaerung", ("RO",), None)]


def test_two_instruments_named_alike_with_other_partners_are_two(tmp_path):
    text = ("Am 3. Mai 2024 unterzeichnete der Ministerpräsident mit der Republik Moldau eine "
            "gemeinsame Absichtserklärung (PDF). Zuvor hatte er mit Rumänien eine gemeinsame "
            "Absichtserklärung (PDF) unterzeichnet.")
    rows = agreement_rows(extraction(tmp_path, text, land="DE-BW", date="2024-05-15"))
    assert [partners for _, partners, _ in rows] == [("MD",), ("RO",)]


@pytest.mark.parametrize(("text", "kind"), [
    ("Ein Kommuniqué über die Zukunft der Regionalpartnerschaft mit der Woiwodschaft Pommern "
     "unterzeichneten am 3. Mai 2024 der Ministerpräsident und der Marschall.", "kommunique"),
    ("Der Ministerpräsident und der Premier der Provinz Ontario haben am 3. Mai 2024 einen "
     "gemeinsamen Handlungsplan für die regionale Zusammenarbeit unterzeichnet.", "aktionsplan"),
    ("Am 3. Mai 2024 unterzeichneten der Ministerpräsident und der Marschall der Woiwodschaft "
     "Pommern eine Erklärung zur Vertiefung der regionalen Partnerschaft.", "erklaerung"),
])
def test_communiques_and_action_plans_are_instruments_about_the_partnership(tmp_path, text, kind):
    """A partnership named as what the instrument is about is no second instrument."""
    partner = "CA-ON" if "Ontario" in text else "PL-22"
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        (kind, (partner,), "2024-05-03")]


def test_an_emirate_is_a_region(tmp_path):
    text = "Das Land und Abu Dhabi haben am 3. Mai 2024 eine Gemeinsame Erklärung unterzeichnet."
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("gemeinsame-erklaerung", ("AE-AZ",), "2024-05-03")]


def test_a_standing_regional_partnership_with_its_start_is_no_instrument(tmp_path):
    """"besteht eine Regionalpartnerschaft zu A (seit …)": a relation, stated as a partnership
    (its start), not a document signed that day."""
    text = ("Darüber hinaus besteht eine Regionalpartnerschaft zur Provinz Ontario (Kanada, seit "
            "3. Mai 1996).")
    found = extraction(tmp_path, text, genre="report", date="2024-05-15")
    assert agreement_rows(found) == []
    assert [(p.partner.key, p.since.start.lexical() if p.since else None)
            for p in found.partnerships] == [("CA-ON", "1996-05-03")]
