"""Agreements as other Länder word them: invented sentences, one rule each (issue 8).
The helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction


@pytest.mark.parametrize(("text", "expected"), [
    # "der jeweiligen Botschafter" names no instrument of each partner: one instrument, dated
    ("Am 3. Mai 2001 unterzeichnete der Ministerpräsident eine Gemeinsame Erklärung mit der "
     "Provinz Ontario und der Provinz Alberta, in Anwesenheit der jeweiligen Botschafter.",
     [("gemeinsame-erklaerung", ("CA-ON", "CA-AB"), "2001-05-03")]),
    # … while "der jeweiligen Partnerschaftsvereinbarung" does
    ("Mit der Provinz Ontario und der Provinz Alberta hat die Landesregierung die jeweilige "
     "Partnerschaftsvereinbarung unterzeichnet.",
     [("partnerschaftserklaerung", ("CA-AB",), None),
      ("partnerschaftserklaerung", ("CA-ON",), None)]),
])
def test_one_instrument_each_only_where_the_instrument_is_each(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == expected


def test_countries_persons_come_from_are_no_parties(tmp_path):
    text = ("Die Landesregierung unterzeichnete am 3. Mai 2001 eine Gemeinsame Erklärung mit den "
            "Amtskollegen aus Frankreich, Polen und Tschechien.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


@pytest.mark.parametrize("text", [
    "Mit der Woiwodschaft Pommern wurde 2001 eine Gemeinsame Erklärung unterzeichnet. Auf der "
    "Grundlage dieser Erklärung wurden 2005 gemeinsame Projekte vereinbart.",
    "Das Land und die Woiwodschaft Pommern arbeiten eng zusammen. Auf der Basis der beiden "
    "Erklärungen werden jährlich gemeinsame Projekte vereinbart.",
])
def test_an_instrument_named_before_is_no_new_one(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) in (
        [], [("gemeinsame-erklaerung", ("PL-22",), "2001")])


def test_a_kind_an_instrument_is_about_is_no_second_instrument(tmp_path):
    text = ("Ministerpräsident Beispiel und der Marschall der Woiwodschaft Pommern unterzeichnen "
            "Vereinbarung über Regionalpartnerschaft")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("vereinbarung", ("PL-22",), None)]


@pytest.mark.parametrize("text", [
    "Wie die Landesregierung mitteilte, werden der Minister und der Botschafter der Republik "
    "Polen am kommenden Donnerstag eine Gemeinsame Erklärung unterzeichnen.",
    "Der Ministerpräsident reist nach Kanada, um mit der Provinz Ontario eine neue "
    "Kooperationsvereinbarung zu unterzeichnen.",
    "Das Land will mit der Woiwodschaft Pommern noch in diesem Jahr ein Partnerschaftsabkommen "
    "schließen.",
])
def test_an_announced_signing_is_no_signed_agreement(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


def test_a_signing_today_in_the_present_tense_is_signed(tmp_path):
    text = ("Die Absichtserklärung mit der Woiwodschaft Pommern, die wir heute unterzeichnen, "
            "stärkt die Zusammenarbeit.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("absichtserklaerung", ("PL-22",), "2024-05-15")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Bereits 1993 hatte das Land einen Partnerschaftsvertrag mit der Woiwodschaft Pommern "
     "abgeschlossen.", [("partnerschaftserklaerung", ("PL-22",), "1993")]),
    ("Die Landesregierung hat 2012 einen Kooperationsvertrag mit der Provinz Ontario "
     "unterzeichnet.", [("kooperationsvereinbarung", ("CA-ON",), "2012")]),
    ("Im Jahr 2015 unterzeichnete das Land ein Rahmenabkommen mit der Provinz Ontario.",
     [("kooperationsvereinbarung", ("CA-ON",), "2015")]),
])
def test_treaties_and_framework_agreements_are_instruments(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == expected


def test_a_sentence_dated_by_today_takes_no_other_date_of_its_paragraph(tmp_path):
    text = ("Die Zusammenarbeit mit der Provinz Ontario begann im Jahr 1984. In der heutigen "
            "Aktualisierung der Partnerschaftserklärung haben wir mehr Zusammenarbeit vereinbart.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", date="2024-05-15")) == [
        ("partnerschaftserklaerung", ("CA-ON",), None)]


OCCASION = ("Beim Treffen am Dienstag (7. Mai 2024) in Straßburg berieten der Ministerpräsident "
            "und der Präsident der Region Grand Est über den Schienenverkehr.\n\n")


@pytest.mark.parametrize(("second", "date"), [
    # a signing that continues the occasion of the paragraph before takes its date
    ("Zunächst sprachen beide über die Grenzregion. Anschließend unterzeichneten beide eine "
     "gemeinsame Resolution zum Schienenverkehr mit der Region Grand Est.", "2024-05-07"),
    # one that does not say so stays undated
    ("In Metz wurde eine Gemeinsame Resolution mit der Region Grand Est unterzeichnet.", None),
])
def test_a_signing_continuing_the_occasion_before_takes_its_date(tmp_path, second, date):
    found = extraction(tmp_path, OCCASION + second, date="2024-05-08")
    assert [(a.kind, a.date.start.lexical() if a.date else None) for a in found.agreements] == \
        [("resolution", date)]


def test_between_the_two_countries_names_the_land_and_its_partner(tmp_path):
    text = ("Die Beziehungen zwischen dem Land und der Republik Namibia reichen weit zurück. Im "
            "Jahre 1990 wurde die Kooperation zwischen den beiden Ländern durch die Unterzeichnung "
            "einer Gemeinsamen Erklärung ausgeweitet.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("gemeinsame-erklaerung", ("NA",), "1990")]


@pytest.mark.parametrize(("text", "expected"), [
    # each listed partner with its own year: its own date, not the last one for all
    ("Mit der Woiwodschaft Pommern (1996), der Provinz Ontario (2001) und der Region Pilsen "
     "(2005) hat das Land Partnerschaftserklärungen unterzeichnet.",
     [("partnerschaftserklaerung", ("CA-ON",), "2001"),
      ("partnerschaftserklaerung", ("CZ-32",), "2005"),
      ("partnerschaftserklaerung", ("PL-22",), "1996")]),
    # a span of years is no instrument's date, and "zwischen 1995 und 2003" names no parties
    ("Das Land hat zwischen 1995 und 2003 mit den Woiwodschaften Pommern und Großpolen "
     "Gemeinsame Erklärungen unterzeichnet.",
     [("gemeinsame-erklaerung", ("PL-22",), None), ("gemeinsame-erklaerung", ("PL-30",), None)]),
    # one date stated for all: each has it
    ("Im April 1993 unterzeichneten die Landesregierung und die Woiwodschaften Pommern und "
     "Großpolen Gemeinsame Erklärungen über die Zusammenarbeit.",
     [("gemeinsame-erklaerung", ("PL-22",), "1993-04"),
      ("gemeinsame-erklaerung", ("PL-30",), "1993-04")]),
    # an instrument in a relative clause has its own partner and date, not the signing's
    ("Am 3. Mai 2001 unterzeichneten der Ministerpräsident und der Marschall der Woiwodschaft "
     "Pommern eine Absichtserklärung, die eine frühere Vereinbarung mit der Provinz Ontario aus "
     "dem Jahr 1995 ergänzt.",
     [("absichtserklaerung", ("PL-22",), "2001-05-03"), ("vereinbarung", ("CA-ON",), "1995")]),
    # "unterschrieb" signs too
    ("Der Ministerpräsident unterschrieb am 3. Mai 2001 gemeinsam mit dem Gouverneur der "
     "Präfektur Aichi eine Erklärung zur weiteren Vertiefung der Kooperation.",
     [("erklaerung", ("JP-23",), "2001-05-03")]),
])
def test_each_instrument_has_its_own_partners_and_date(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == expected


def test_instruments_in_the_plural_with_partners_not_named_are_none(tmp_path):
    text = ("Die Zusammenarbeit mit der Woiwodschaft Pommern ist eng. Das Land hat zwischen 1995 "
            "und 2003 mit fünf Woiwodschaften „Gemeinsame Erklärungen“ unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


def test_beide_seiten_sign_in_the_year_of_the_sentence_before(tmp_path):
    text = ("Im Oktober 2012 besuchte der Minister die Provinz Ontario, im Oktober 2013 kam der "
            "Premierminister. Im April 2016 reiste der Ministerpräsident in die Provinz Ontario, "
            "im Juni 2016 kam der Premierminister nach Erfurt. Beide Seiten unterzeichneten ein "
            "Protokoll zur weiteren Zusammenarbeit.")
    assert agreement_rows(extraction(tmp_path, text, genre="answer", date="2017-09-05")) == [
        ("protokoll", ("CA-ON",), "2016")]


def test_an_instruments_title_dated_after_vom_has_that_date(tmp_path):
    text = ("Gemeinsame Erklärung über die Zusammenarbeit zwischen der Woiwodschaft Pommern und "
            "dem Land vom 24.08.2000")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("gemeinsame-erklaerung", ("PL-22",), "2000-08-24")]


def test_a_ministry_named_by_its_word_is_the_lands_side(tmp_path):
    text = ("Im Rahmen des Besuchs wurde eine Absichtserklärung über die Zusammenarbeit zwischen "
            "dem Wirtschaftsministerium und der Provinz Ontario unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("absichtserklaerung", ("CA-ON",), None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mit der Provinz Ontario verbindet das Land seit 1995 ein Partnerschaftsabkommen.",
     [("partnerschaftserklaerung", ("CA-ON",), "1995")]),
    ("Seit 1995 gibt es ein Partnerschaftsabkommen mit der Provinz Ontario.",
     [("partnerschaftserklaerung", ("CA-ON",), "1995")]),
    # the year since when a cooperation exists is not the date of an instrument of another clause
    ("Seit 1995 gibt es eine enge Zusammenarbeit mit der Provinz Ontario, die 2010 in einer "
     "Gemeinsamen Erklärung bekräftigt wurde.", []),
])
def test_an_instrument_standing_since_a_year(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == expected


def test_an_instrument_of_a_later_clause_has_that_clauses_date(tmp_path):
    text = ("Am 3. Mai 2001 unterzeichneten das Land und die Woiwodschaft Pommern eine Gemeinsame "
            "Erklärung; am 4. Juni 2005 folgte eine Absichtserklärung mit der Provinz Ontario.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("absichtserklaerung", ("CA-ON",), "2005-06-04"),
        ("gemeinsame-erklaerung", ("PL-22",), "2001-05-03")]


@pytest.mark.parametrize(("text", "expected"), [
    # an instrument by which a partnership is renewed is new, of the renewal's date
    ("Das Land und die Provinz Ontario haben ihre seit 1987 bestehende Partnerschaft am 3. Mai "
     "2017 mit einer neuen Gemeinsamen Erklärung erneuert.",
     [("gemeinsame-erklaerung", ("CA-ON",), "2017-05-03")]),
    # an instrument that is itself renewed keeps no date of the renewal
    ("Die Partnerschaftsvereinbarung mit der Provinz Ontario wurde 2011 verlängert.",
     [("partnerschaftserklaerung", ("CA-ON",), None)]),
])
def test_renewed_by_an_instrument_or_the_instrument_renewed(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == expected


@pytest.mark.parametrize("text", [
    "Mit der Provinz Ontario wurde am 3. Mai 2001 eine Gemeinsame Erklärung unterzeichnet, mit "
    "der Woiwodschaft Pommern am 4. Juni 2002.",
    "Gemeinsame Erklärungen wurden mit der Woiwodschaft Pommern am 4. Juni 2002 und mit der "
    "Provinz Ontario am 3. Mai 2001 unterzeichnet.",
    "Das Land hat Gemeinsame Erklärungen mit der Woiwodschaft Pommern (4. Juni 2002) und der "
    "Provinz Ontario (3. Mai 2001) unterzeichnet.",
])
def test_each_partner_named_with_a_date_of_its_own_has_that_date(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2001-05-03"),
        ("gemeinsame-erklaerung", ("PL-22",), "2002-06-04")]


def test_a_chronologys_entries_date_their_own_instruments(tmp_path):
    text = ("Mai 1990: Unterzeichnung der Gemeinsamen Erklärung zwischen dem Land und der Provinz "
            "Ontario\nOktober 2020: Unterzeichnung eines Memorandum of Understanding zur "
            "Wasserstoffwirtschaft mit der Provinz Ontario")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "1990-05"),
        ("memorandum-of-understanding", ("CA-ON",), "2020-10")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Das Land ist am 3. Mai 2008 offiziell eine Partnerschaft mit der Provinz Ontario "
     "eingegangen.", [("regionalpartnerschaft", ("CA-ON",), "2008-05-03")]),
    ("Am 3. Mai 2008 wurde in Toronto die Partnerschaft zwischen dem Land und der Provinz "
     "Ontario unterzeichnet.", [("regionalpartnerschaft", ("CA-ON",), "2008-05-03")]),
    ("Die Städte Bochum und Posen sind 2008 eine Partnerschaft eingegangen.", []),
    ("Die Partnerschaft mit der Provinz Ontario besteht seit 2008.", []),
])
def test_a_partnership_formally_entered_is_an_instrument(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == expected


@pytest.mark.parametrize("text", [
    "Geplant ist die Unterzeichnung einer Absichtserklärung mit der Provinz Ontario im Herbst.",
    "Im Herbst sollen der Ministerpräsident und der Gouverneur der Provinz Ontario eine "
    "Absichtserklärung unterzeichnen.",
])
def test_a_planned_signing_however_worded_is_none(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


def test_a_passive_vereinbarung_is_the_lands(tmp_path):
    """"Vereinbarung" is no "Verein": a passive signing of one names no other body."""
    text = "Am Rande des Besuchs wurde eine Vereinbarung mit der Provinz Ontario unterzeichnet."
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("vereinbarung", ("CA-ON",), None)]


def test_a_renewing_instrument_named_first_has_the_renewals_date(tmp_path):
    text = ("Mit einer neuen Gemeinsamen Erklärung haben das Land und die Provinz Ontario am "
            "3. Mai 2021 ihre Partnerschaft erneuert.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2021-05-03")]


@pytest.mark.parametrize(("text", "kind"), [
    ("Seit dem 3. Mai 2001 verbindet das Land und die Provinz Ontario ein Freundschaftsvertrag.",
     "freundschaftsvertrag"),
    ("Seit dem 3. Mai 2001 besteht mit der Provinz Ontario eine Partnerschaftsvereinbarung.",
     "partnerschaftserklaerung"),
])
def test_an_instrument_standing_since_a_day(tmp_path, text, kind):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        (kind, ("CA-ON",), "2001-05-03")]


def test_parties_of_a_subordinate_clause_are_not_the_instruments(tmp_path):
    text = ("Am 3. Mai 2001 unterzeichnete der Ministerpräsident mit der Provinz Ontario eine "
            "Absichtserklärung, nachdem er Gespräche mit Vertretern der Woiwodschaft Pommern und "
            "der Region Bretagne geführt hatte.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("absichtserklaerung", ("CA-ON",), "2001-05-03")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Der Landtagspräsident und der Präsident des Parlaments der Provinz Ontario unterzeichneten "
     "am 3. Mai 2001 eine Gemeinsame Erklärung.", []),
    ("Der Ministerpräsident und der Präsident der Provinz Ontario unterzeichneten am 3. Mai 2001 "
     "im Landtag eine Gemeinsame Erklärung.",
     [("gemeinsame-erklaerung", ("CA-ON",), "2001-05-03")]),
])
def test_a_parliaments_signing_is_not_the_lands(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == expected


def test_a_country_that_places_an_unnamed_region_is_no_party(tmp_path):
    text = ("Der Minister besuchte die Partnerregion Bretagne. Seit der Unterzeichnung einer "
            "Absichtserklärung 2014 arbeiten das Land und die Region im Westen Frankreichs eng "
            "zusammen.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("absichtserklaerung", ("FR-BRE",), "2014")]


def test_a_cooperation_signed_is_an_instrument_of_cooperation(tmp_path):
    text = ("Aus der Provinz Ontario, mit der der Ministerpräsident 2010 eine offizielle "
            "Kooperation unterzeichnet hat, reiste eine Delegation an.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("kooperationsvereinbarung", ("CA-ON",), "2010")]


def test_a_chronology_run_together_gives_each_entry_its_own_parties(tmp_path):
    text = ("Mai 1999: Unterzeichnung des Partnerschaftsvertrages Beispielstadt/Musterstadt "
            "(Provinz Ontario) Juni 2007: Unterzeichnung einer Partnerschaftsvereinbarung zwischen "
            "dem Land durch den Ministerpräsidenten und der Woiwodschaft Pommern")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("partnerschaftserklaerung", ("PL-22",), "2007-06")]


def test_a_country_placing_an_unnamed_province_is_no_party(tmp_path):
    text = ("Schon 1984 unterzeichneten der Ministerpräsident und der Gouverneur die erste "
            "Vereinbarung zwischen einem deutschen Land und einer Provinz der Volksrepublik China.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


def test_instruments_standing_with_partners_each_since_a_year(tmp_path):
    text = ("Partnerschaftsvereinbarungen bestehen mit der Provinz Ontario (seit 1996), der "
            "Woiwodschaft Pommern (seit 2001) und der Region Bretagne (seit 2004).")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("partnerschaftserklaerung", ("CA-ON",), "1996"),
        ("partnerschaftserklaerung", ("FR-BRE",), "2004"),
        ("partnerschaftserklaerung", ("PL-22",), "2001")]


@pytest.mark.parametrize(("text", "kind"), [
    ("Die Provinz Ontario und das Land sind seit 1996 durch eine Partnerschaftsvereinbarung "
     "verbunden.", "partnerschaftserklaerung"),
    ("Der Freundschaftsvertrag mit der Provinz Ontario stammt aus dem Jahr 1996.",
     "freundschaftsvertrag"),
])
def test_an_instrument_cited_with_its_year(tmp_path, text, kind):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        (kind, ("CA-ON",), "1996")]


def test_a_clause_opened_by_a_year_dates_its_own_instrument(tmp_path):
    text = ("Die Partnerschaft zwischen dem Land und der Provinz Ontario wurde 1996 mit einer "
            "Gemeinsamen Erklärung besiegelt und 2016 mit einer neuen Erklärung bekräftigt.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("erklaerung", ("CA-ON",), "2016"), ("gemeinsame-erklaerung", ("CA-ON",), "1996")]


def test_a_kind_in_brackets_renames_the_instrument(tmp_path):
    text = ("Im Juni 2013 wurde die Vereinbarung über die Zusammenarbeit (Memorandum of "
            "Understanding) zwischen dem Land und der Provinz Ontario unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("vereinbarung", ("CA-ON",), "2013-06")]


def test_a_city_states_instrument_with_a_partner_city(tmp_path):
    text = "Heute unterzeichnen wir das Memorandum of Understanding zwischen Hamburg und Osaka."
    rows = agreement_rows(extraction(tmp_path, text, land="DE-HH", date="2024-05-15"))
    assert [(kind, date) for kind, _, date in rows] == [
        ("memorandum-of-understanding", "2024-05-15")]
    assert len(rows[0][1]) == 1 and rows[0][1][0].lower().endswith("osaka")


def test_one_instrument_in_each_year_named(tmp_path):
    text = ("In den Jahren 2007, 2010 und 2013 wurde jeweils vom Ministerpräsidenten und dem "
            "Gouverneur der Provinz Ontario ein Memorandum of Understanding unterschrieben.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("memorandum-of-understanding", ("CA-ON",), "2007"),
        ("memorandum-of-understanding", ("CA-ON",), "2010"),
        ("memorandum-of-understanding", ("CA-ON",), "2013")]


def test_a_declarations_own_closing_line_dates_its_title(tmp_path):
    """The title names the instrument, its closing line ("Diese Absichtserklärung wurde am …
    unterzeichnet") its date: one instrument."""
    text = ("Gemeinsame Absichtserklärung zwischen der Regierung des Landes Nordrhein-Westfalen "
            "und der Provinz Ontario\n\nDie Regierung des Landes Nordrhein-Westfalen und die "
            "Provinz Ontario erklären ihre Absicht, die Zusammenarbeit zu vertiefen.\n\nDiese "
            "Absichtserklärung wurde am 3. Mai 2023 in Düsseldorf in zwei Urschriften "
            "unterzeichnet.\n\nFür das Land Nordrhein-Westfalen\nHans Beispiel\n"
            "Ministerpräsident\n\nFür die Provinz Ontario\nJane Muster\nPremierministerin")
    assert [(partners, date) for _, partners, date in
            agreement_rows(extraction(tmp_path, text, date="2023-05-03"))] == [
        (("CA-ON",), "2023-05-03")]


def test_a_releases_dateline_is_no_occasion_of_its_paragraph(tmp_path):
    text = ("Düsseldorf, 4. Mai 2023. Ministerpräsident Beispiel hat gestern die Premierministerin "
            "der Provinz Ontario empfangen. Beide unterzeichneten eine Gemeinsame "
            "Absichtserklärung über die Zusammenarbeit.")
    assert agreement_rows(extraction(tmp_path, text, date="2023-05-04")) == [
        ("gemeinsame-absichtserklaerung", ("CA-ON",), "2023-05-03")]


# ------------------------------------------------------------------ issue 8: unseen wordings


def test_a_country_in_brackets_after_the_place_of_signing_is_no_party(tmp_path):
    text = ("Der Ministerpräsident und der Ministerpräsident der Deutschsprachigen Gemeinschaft "
            "haben am 3. Mai 2021 die Erklärung zur Zusammenarbeit in Beispielstadt (Belgien) "
            "unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, date="2021-05-15")) == [
        ("erklaerung", ("BE/deutschsprachige-gemeinschaft",), "2021-05-03")]


def test_a_body_in_the_title_of_the_lands_official_is_no_party(tmp_path):
    text = ("Staatsrätin Karla Beispiel, Bevollmächtigte beim Bund, der Europäischen Union und für "
            "auswärtige Angelegenheiten, und der Minister der Provinz Ontario haben eine "
            "Absichtserklärung unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, date="2021-05-15")) == [
        ("absichtserklaerung", ("CA-ON",), None)]


def test_parties_introduced_with_mit_sign_with_the_unnamed_actor(tmp_path):
    """The actor is a surname only; the foreign parties stand after "gemeinsam mit": they
    signed with the Land, not with each other."""
    text = ("Gemeinsam mit den Vertretern der Provinzen Drenthe und Overijssel unterzeichnete "
            "Beispiel am 3. Mai 2021 eine Erklärung.")
    assert agreement_rows(extraction(tmp_path, text, date="2021-05-15")) == [
        ("erklaerung", ("NL-DR", "NL-OV"), "2021-05-03")]


def test_a_signing_at_the_end_of_the_occasion_takes_its_date(tmp_path):
    text = ("Der Umweltminister hat heute an der Konferenz in Toronto teilgenommen.\n\n"
            "Gemeinsam mit der Provinz Ontario unterzeichnete der Minister zum Abschluss der "
            "Veranstaltung eine Erklärung.")
    assert agreement_rows(extraction(tmp_path, text, date="2021-05-03")) == [
        ("erklaerung", ("CA-ON",), "2021-05-03")]


def test_an_undated_instrument_renewed_is_the_dated_renewal_named_by_its_kind(tmp_path):
    text = ("Am 4. Mai 2021 unterzeichnete der Ministerpräsident mit der Provinz Ontario eine neue "
            "Vereinbarung. Mit der Erneuerung unserer Partnerschaftsvereinbarung stehen "
            "Zukunftsthemen im Mittelpunkt.")
    assert agreement_rows(extraction(tmp_path, text, date="2021-05-15")) == [
        ("vereinbarung", ("CA-ON",), "2021-05-04")]


@pytest.mark.parametrize(("text", "expected"), [
    # "Abkommen" is singular and plural alike: partners each with a year are one each
    ("Partnerschaftsabkommen bestehen mit folgenden Regionen: Provinz Ontario seit 1995, "
     "Woiwodschaft Pommern seit 2001, Region Bretagne seit 2004.",
     [("partnerschaftserklaerung", ("CA-ON",), "1995"),
      ("partnerschaftserklaerung", ("FR-BRE",), "2004"),
      ("partnerschaftserklaerung", ("PL-22",), "2001")]),
    # partners listed first, their years after a colon: a dated mention of each counts
    ("Das Land hat mit den Regionen Bretagne, Ontario und Pommern Partnerschaftsvereinbarungen "
     "geschlossen: Bretagne 2004, Ontario 1995, Pommern 2001.",
     [("partnerschaftserklaerung", ("CA-ON",), "1995"),
      ("partnerschaftserklaerung", ("FR-BRE",), "2004"),
      ("partnerschaftserklaerung", ("PL-22",), "2001")]),
    # a clause opening with its own date ends the instrument's partners before it
    ("Am 3. Mai 2001 wurde die Partnerschaftserklärung mit der Woiwodschaft Pommern "
     "unterzeichnet, am 4. Juni 2005 folgte die Erklärung mit der Provinz Ontario.",
     [("erklaerung", ("CA-ON",), "2005-06-04"),
      ("partnerschaftserklaerung", ("PL-22",), "2001-05-03")]),
])
def test_one_date_per_partner_not_one_date_for_all(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, genre="answer", date="2024-05-15")) == \
        expected


def test_a_partnership_founded_by_an_instrument(tmp_path):
    text = "Die Partnerschaft mit der Woiwodschaft Pommern wurde 2001 mit einer Gemeinsamen " \
        "Erklärung begründet."
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("gemeinsame-erklaerung", ("PL-22",), "2001")]


def test_a_province_whose_name_holds_und_is_one_region(tmp_path):
    text = "Die Ministerin hat mit der Provinz Neufundland und Labrador eine Absichtserklärung " \
        "unterzeichnet."
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("absichtserklaerung", ("CA-NL",), None)]


def test_a_table_row_that_lists_an_instrument_is_one(tmp_path):
    text = ("Antwort der Landesregierung\n\n| Partner | Vereinbarung | Datum |\n|---|---|---|\n"
            "| Woiwodschaft Pommern | Gemeinsame Erklärung | 03.05.2001 |\n"
            "| Provinz Ontario | Absichtserklärung | 04.06.2010 |\n")
    assert agreement_rows(extraction(tmp_path, text, genre="answer", name="antwort.md")) == [
        ("absichtserklaerung", ("CA-ON",), "2010-06-04"),
        ("gemeinsame-erklaerung", ("PL-22",), "2001-05-03")]


def test_an_instrument_named_only_inside_a_rows_text_is_none(tmp_path):
    text = ("Antwort der Landesregierung\n\n| Ressort | Datum | Maßnahme |\n|---|---|---|\n"
            "| StK | 03.05.2021 | Gespräch mit der Provinz Ontario über die Gemeinsame "
            "Erklärung |\n")
    assert agreement_rows(extraction(tmp_path, text, genre="answer", name="antwort.md")) == []


def test_an_answers_list_items_are_its_text_even_when_they_end_in_a_year(tmp_path):
    text = ("Zu Frage 1:\n\nDas Land hat folgende Vereinbarungen geschlossen:\n\n"
            "- Memorandum of Understanding mit der Region Bretagne (2015)\n"
            "- Gemeinsame Erklärung mit der Provinz Ontario (2010)\n\n"
            "Weitere Vereinbarungen bestehen nicht.\n")
    assert agreement_rows(extraction(tmp_path, text, genre="answer")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2010"),
        ("memorandum-of-understanding", ("FR-BRE",), "2015")]


@pytest.mark.parametrize("text", [
    "Die 2005 mit der Provinz Ontario geschlossene Vereinbarung wurde 2015 verlängert.",
    "Die Vereinbarung mit der Provinz Ontario wurde 2005 unterzeichnet und 2015 verlängert.",
])
def test_an_instrument_itself_extended_keeps_its_signing_date(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, genre="answer", date="2021-05-15")) == [
        ("vereinbarung", ("CA-ON",), "2005")]


def test_an_instrument_in_brackets_after_its_partner_is_that_partners(tmp_path):
    text = ("Das Land hat Regionalpartnerschaften mit der Woiwodschaft Pommern (Gemeinsame "
            "Erklärung vom 3. Mai 2001) und der Provinz Ontario (Partnerschaftserklärung vom "
            "4. Juni 2005).")
    assert agreement_rows(extraction(tmp_path, text, genre="answer", date="2021-05-15")) == [
        ("gemeinsame-erklaerung", ("PL-22",), "2001-05-03"),
        ("partnerschaftserklaerung", ("CA-ON",), "2005-06-04")]


def test_instruments_named_as_the_basis_with_a_year_per_partner(tmp_path):
    text = ("Das Land unterhält Regionalpartnerschaften auf der Grundlage von "
            "Partnerschaftserklärungen mit der Woiwodschaft Pommern (2001), der Provinz Ontario "
            "(2010) und der Region Bretagne (2015).")
    assert agreement_rows(extraction(tmp_path, text, genre="answer", date="2021-05-15")) == [
        ("partnerschaftserklaerung", ("CA-ON",), "2010"),
        ("partnerschaftserklaerung", ("FR-BRE",), "2015"),
        ("partnerschaftserklaerung", ("PL-22",), "2001")]


def test_relations_founded_long_ago_do_not_date_the_instrument(tmp_path):
    text = ("Mit der Vereinbarung sollen die erstmals im Oktober 1985 begründeten Beziehungen "
            "zwischen dem Land und der Provinz Ontario auf eine neue Basis gestellt werden.")
    assert all(row[2] != "1985-10" for row in
               agreement_rows(extraction(tmp_path, text, genre="answer", date="2021-05-15")))


@pytest.mark.parametrize("genre", ["answer", "report", "press-release"])
def test_a_lead_naming_instruments_makes_one_per_listed_partner(tmp_path, genre):
    text = ("Zu Frage 1:\n\nFolgende Partnerschaftsvereinbarungen bestehen:\n\n"
            "- Woiwodschaft Pommern (seit 2001)\n- Provinz Ontario (seit 2010)\n"
            "- Region Bretagne (seit 2015)\n\nDarüber hinaus bestehen keine Vereinbarungen.\n")
    assert agreement_rows(extraction(tmp_path, text, genre=genre, date="2021-05-15")) == [
        ("partnerschaftserklaerung", ("CA-ON",), "2010"),
        ("partnerschaftserklaerung", ("FR-BRE",), "2015"),
        ("partnerschaftserklaerung", ("PL-22",), "2001")]


def test_a_lead_naming_partnerships_lists_no_instruments(tmp_path):
    text = ("Zu Frage 1:\n\nDas Land unterhält folgende Regionalpartnerschaften:\n\n"
            "- Woiwodschaft Pommern (seit 2001)\n- Provinz Ontario (seit 2010)\n\n"
            "Darüber hinaus bestehen keine.\n")
    assert agreement_rows(extraction(tmp_path, text, genre="answer", date="2021-05-15")) == []


def test_a_region_registered_with_its_kind_word_is_found_after_that_word(tmp_path):
    """The register names "Oblast Leningrad"; the text says "mit dem Oblast Leningrad"."""
    text = "Das Land hat mit dem Oblast Leningrad 2005 eine Vereinbarung geschlossen."
    assert agreement_rows(extraction(tmp_path, text, genre="answer", date="2021-05-15")) == [
        ("vereinbarung", ("RU-LEN",), "2005")]


@pytest.mark.parametrize(("word", "kind"), [
    ("Partnerschaftsurkunde", "partnerschaftserklaerung"),
    ("Gemeinsame Deklaration", "gemeinsame-erklaerung"),
    ("Absichtsbekundung", "absichtserklaerung"),
    ("Rahmenvertrag", "kooperationsvereinbarung"),
    ("Freundschaftsabkommen", "freundschaftsvertrag"),
    ("Kooperationserklärung", "erklaerung"),
])
def test_instruments_as_other_laender_name_them(tmp_path, word, kind):
    text = f"Am 3. Mai 2001 unterzeichneten das Land und die Provinz Ontario eine {word}."
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        (kind, ("CA-ON",), "2001-05-03")]


@pytest.mark.parametrize("word", ["Regierungserklärung", "Datenschutzerklärung"])
def test_statements_that_are_no_instruments(tmp_path, word):
    text = f"Am 3. Mai 2001 gab der Ministerpräsident mit Blick auf die Provinz Ontario eine " \
        f"{word} ab, die unterzeichnet wurde."
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


def test_a_partnership_named_as_the_frame_is_no_instrument(tmp_path):
    text = ("Im Rahmen der Regionalpartnerschaft mit der Oblast Leningrad steht derzeit die "
            "humanitäre Hilfe im Vordergrund.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", date="2024-05-15")) == []


def test_an_act_of_agreeing_in_a_row_is_no_instrument(tmp_path):
    text = ("Antwort der Landesregierung\n\n| Ressort | Maßnahme |\n|---|---|\n"
            "| IM | Vereinbarung einer Hospitation eines Beamten aus Japan für März 2020 |\n")
    assert agreement_rows(extraction(tmp_path, text, genre="answer", name="antwort.md")) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Ministerpräsident Beispiel würdigte heute zehn Jahre Partnerschaftsabkommen mit der "
     "Woiwodschaft Pommern, unterzeichnet in Danzig.",
     [("partnerschaftserklaerung", ("PL-22",), "2014")]),
    ("Beim Festakt anlässlich des 25-jährigen Jubiläums der Unterzeichnung der Gemeinsamen "
     "Erklärung zwischen dem Land und der Provinz Ontario sprach die Ministerin.",
     [("gemeinsame-erklaerung", ("CA-ON",), "1999")]),
])
def test_an_anniversary_of_an_instrument_counts_back_to_its_signing(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == expected


def test_a_signing_dated_after_the_document_is_announced(tmp_path):
    text = ("Der Ministerpräsident und der Marschall der Woiwodschaft Pommern unterzeichnen am "
            "morgigen Donnerstag in Danzig die Gemeinsame Erklärung über die Zusammenarbeit.")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


@pytest.mark.parametrize("text", [
    "Die Städtepartnerschaft zwischen Bremen und der Stadt Musterhafen ist gestern mit "
    "der Unterzeichnung einer Vereinbarung in der Provinz Ontario bekräftigt worden.",
    "Die Städtepartnerschaft mit der Stadt Musterhafen in der Provinz Ontario besteht seit "
    "1985. Anschließend fand die offizielle Unterzeichnung der Rahmenvereinbarung statt.",
])
def test_a_signing_of_cities_is_not_the_lands(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, land="DE-HB", date="2024-05-15")) == []


def test_a_treaty_cited_by_its_date_dates_no_signing_after_it(tmp_path):
    text = ("Die Zusammenarbeit beruht auf dem Vertrag vom 17. Juni 1991 über gute Nachbarschaft. "
            "Das Land hat auf dieser Grundlage mit der Woiwodschaft Pommern eine "
            "Kooperationsvereinbarung geschlossen.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", date="2024-05-15")) == [
        ("kooperationsvereinbarung", ("PL-22",), None)]


def test_a_partnership_the_land_concluded_is_an_instrument(tmp_path):
    text = ("Im Jahr 1996 schloss das Land mit den Regionen Provinz Ontario und Provinz Alberta "
            "eine Partnerschaft.")
    rows = agreement_rows(extraction(tmp_path, text, genre="report", date="2024-05-15"))
    assert {(partners, date) for _, partners, date in rows} in (
        {(("CA-AB", "CA-ON"), "1996")}, {(("CA-AB",), "1996"), (("CA-ON",), "1996")},
        {(("CA-ON", "CA-AB"), "1996")})


@pytest.mark.parametrize(("text", "expected"), [
    ("Seit 1995 arbeitet das Land mit der Provinz Ontario zusammen, was 2001 mit der Gemeinsamen "
     "Erklärung in eine formale Partnerschaft mündete.",
     [("gemeinsame-erklaerung", ("CA-ON",), "2001")]),
    ("Die Partnerschaft mit der Provinz Ontario wurde 2009 durch eine weitere Gemeinsame "
     "Erklärung bekräftigt.", [("gemeinsame-erklaerung", ("CA-ON",), "2009")]),
])
def test_an_instrument_by_which_a_partnership_was_made_or_confirmed(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, genre="report", date="2024-05-15")) == expected
