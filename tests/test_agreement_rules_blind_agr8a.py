"""Agreement rules found from a blind round of press items, reports and status pages of eight
Länder (issue 8, round agr8a): invented sentences in the style of the real ones, one rule each.
The helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction


def test_a_persons_country_adjective_stands_for_the_region_named_before(tmp_path):
    """"… mit dem polnischen Marschall": the country the adjective names is where the
    Marschall comes from; the paragraph named the region, which is the partner."""
    text = ("Das Land will die Beziehungen zur Woiwodschaft Pommern ausbauen. Das sagte der "
            "Ministerpräsident am Montag nach der Unterzeichnung einer gemeinsamen "
            "Absichtserklärung mit dem polnischen Marschall Jan Beispielski in Danzig.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BB", date="2031-10-20")) == [
        ("gemeinsame-absichtserklaerung", ("PL-22",), "2031-10-20")]


def test_a_country_adjective_without_a_region_before_stays_the_country(tmp_path):
    text = ("Das Land will die Beziehungen zum Nachbarland ausbauen. Die Ministerin "
            "unterzeichnete eine Absichtserklärung mit dem polnischen Botschafter.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BB", date="2031-10-20")) == [
        ("absichtserklaerung", ("PL",), None)]


def test_a_city_that_is_a_region_is_a_party_of_a_land_that_is_no_city_state(tmp_path):
    """Moscow is a federal subject of its own (ISO 3166-2): a memorandum "zwischen Moskau und
    dem Land" is with it, as with any region."""
    text = ("Während seiner Reise unterzeichneten der Wirtschaftsminister und ein Vertreter der "
            "Stadtregierung ein Memorandum zwischen Moskau und dem Land Hessen.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-HE")) == [
        ("memorandum-of-understanding", ("RU-MOW",), None)]


@pytest.mark.parametrize("text", [
    "Der Wirtschaftsminister unterzeichnete in Moskau ein Memorandum.",
    "Der Wirtschaftsminister unterzeichnete während seiner Reise nach Moskau ein Memorandum.",
])
def test_a_city_where_the_signing_takes_place_is_no_party(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, land="DE-HE")) == []


def test_a_city_states_instrument_cited_with_its_date_is_with_the_partner_city(tmp_path):
    """"In der Rahmenvereinbarung … zwischen Berlin und A vom …": the partner city named
    between the instrument and its date, in a report without a signing verb."""
    text = ("In der Rahmenvereinbarung über Zusammenarbeit zwischen Berlin und Buenos Aires vom "
            "17. November 2031 wurde festgelegt, dass beide Städte gemeinsame Projekte fördern.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-BE")) == [
        ("kooperationsvereinbarung", ("AR-C",), "2031-11-17")]


def test_an_instrument_renewed_keeps_its_cited_year_and_the_new_one_stays_its_own(tmp_path):
    """"Sie erneuert die bisherige Erklärung zur Zusammenarbeit von 2021": the old instrument is
    of 2021; the new, undated one the release reports is another, not the cited one."""
    text = ("Die Europaministerin und der Präsident der Provinz Bursa haben zudem eine "
            "Partnerschaftserklärung unterzeichnet. Sie erneuert die bisherige Erklärung zur "
            "Zusammenarbeit von 2021.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BY", date="2034-07-02")) == [
        ("erklaerung", ("TR-16",), "2021"),
        ("partnerschaftserklaerung", ("TR-16",), None)]


def test_a_year_after_von_is_no_date_of_a_signing_told_with_a_day(tmp_path):
    """Only an instrument's own citation takes the year after "von": a signing dated by its
    sentence keeps that date."""
    text = ("Am 3. Mai 2031 unterzeichneten die Ministerin und der Präsident der Provinz Bursa "
            "eine Gemeinsame Erklärung.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BY", date="2031-05-04")) == [
        ("gemeinsame-erklaerung", ("TR-16",), "2031-05-03")]


def test_a_city_partnership_declaration_is_an_instrument_of_a_city_state(tmp_path):
    text = ("Im Jahr 2031 unterzeichneten der damalige Bürgermeister der Freien und Hansestadt "
            "Hamburg und der Bürgermeister von Shanghai eine Städtepartnerschaftserklärung.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-HH", date="2034-05-15")) == [
        ("partnerschaftserklaerung", ("CN-SH",), "2031")]


def test_a_count_of_years_before_a_long_subject_dates_the_signing(tmp_path):
    """"Vor 20 Jahren unterzeichneten <two officials with their posts and names> eine …":
    the count opens the clause, however long the subject between them; "Auf den heutigen Tag
    genau" counts to the document's day (round agr12)."""
    text = ("Auf den heutigen Tag genau vor 20 Jahren unterzeichneten der damalige Bürgermeister "
            "der Freien und Hansestadt Hamburg, Karl Beispielmann, und der Bürgermeister von "
            "Shanghai, Wang Musterli, eine Städtepartnerschaftserklärung.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-HH", date="2034-05-29")) == [
        ("partnerschaftserklaerung", ("CN-SH",), "2014-05-29")]


def test_a_city_after_the_instruments_clause_is_no_party(tmp_path):
    """"… Rahmenvereinbarungen getroffen, die Beziehungen mit anderen Städten (wie A) sind ohne
    …": a city of another clause is not the instrument's party."""
    text = ("Das Land hat mit diesen Städten Rahmenvereinbarungen getroffen, die Beziehungen mit "
            "anderen Städten (wie Moskau oder Peking) sind ohne Vereinbarungen gewachsen.")
    assert agreement_rows(extraction(tmp_path, text, genre="answer", land="DE-HE")) == []


def test_a_persons_country_adjective_stands_for_the_region_of_the_headline(tmp_path):
    """The region named in the headline, a paragraph of its own, is the one the adjective's
    country stands for in the body."""
    text = ("Land und Woiwodschaft Pommern vertiefen Zusammenarbeit\n\n"
            "Der Ministerpräsident hat heute in Danzig mit dem polnischen Marschall Jan "
            "Beispielski eine Gemeinsame Absichtserklärung unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BB", date="2031-10-20")) == [
        ("gemeinsame-absichtserklaerung", ("PL-22",), "2031-10-20")]


def test_a_city_that_is_a_region_in_an_instrument_cited_with_its_date(tmp_path):
    text = ("In der Vereinbarung über Zusammenarbeit zwischen dem Land Hessen und Moskau vom "
            "3. Mai 2031 wurde festgelegt, dass beide Seiten gemeinsame Projekte fördern.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-HE")) == [
        ("vereinbarung", ("RU-MOW",), "2031-05-03")]


def test_the_earlier_instrument_a_new_one_renews_starts_the_partnership(tmp_path):
    """The partnership a new Partnerschaftserklärung states starts with the earlier instrument
    of cooperation that the new one renews ("erneuert die bisherige Erklärung … von 2021")."""
    text = ("Die Europaministerin und der Präsident der Provinz Bursa haben zudem eine "
            "Partnerschaftserklärung unterzeichnet. Sie erneuert die bisherige Erklärung zur "
            "Zusammenarbeit von 2021.")
    found = extraction(tmp_path, text, land="DE-BY", date="2034-07-02")
    assert {(p.partner.key, p.since.start.lexical() if p.since else None)
            for p in found.partnerships} >= {("TR-16", "2021")}
