"""Agreement rules made general after a blind round scored them overfitted (issue 8, eighth
round): how unseen documents word a signing counted back, a partnership sealed, a signing's
clause and its date. Invented sentences, one rule each; the helpers are those of
test_extract_units."""

from __future__ import annotations

import pytest

from kg.dates import parse_date
from kg.documents import read
from kg.extract import extract
from kg.extract.metadata import detect
from kg.records import DocumentMeta
from kg.registers import load as load_registers
from tests.test_extract_units import agreement_rows, extraction


@pytest.mark.parametrize("text", [
    # the count opens the clause, the signing verb closes it, the partner between
    "Vor 20 Jahren hatte das Land einen Partnerschaftsvertrag mit der Provinz Ontario, also der "
    "Region um Toronto, unterzeichnet. Am Mittwoch wurde das Jubiläum gefeiert.",
    # the count and the signing verb before the instrument
    "Vor 20 Jahren unterzeichneten der Ministerpräsident und der Premier der Provinz Ontario "
    "einen Partnerschaftsvertrag.",
])
def test_a_signing_years_ago_counts_back_from_the_documents_date(tmp_path, text):
    assert agreement_rows(extraction(tmp_path, text, date="2023-11-15")) == [
        ("partnerschaftserklaerung", ("CA-ON",), "2003")]


def test_a_count_of_years_of_another_clause_dates_no_new_signing(tmp_path):
    """"Vor zehn Jahren begann …, heute unterzeichneten … eine neue Erklärung": today's."""
    text = ("Vor zehn Jahren begann die Zusammenarbeit, heute unterzeichneten der "
            "Ministerpräsident und der Premier der Provinz Ontario eine neue Gemeinsame Erklärung.")
    assert agreement_rows(extraction(tmp_path, text, date="2023-11-15")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2023-11-15")]


def test_a_partnership_sealed_years_ago_is_entered_then(tmp_path):
    """"Die partnerschaftliche Zusammenarbeit … ist vor fünf Jahren … besiegelt worden": a
    partnership entered, of the year counted back; "Die" opens it, it refers back to nothing."""
    text = ("Die partnerschaftliche Zusammenarbeit zwischen dem Land und der Provinz Ontario ist "
            "vor fünf Jahren in Toronto besiegelt worden.")
    assert agreement_rows(extraction(tmp_path, text, date="2012-05-15")) == [
        ("regionalpartnerschaft", ("CA-ON",), "2007")]


def test_a_date_in_a_relative_clause_after_a_preposition_is_not_the_signings(tmp_path):
    """"unterzeichneten eine Erklärung, mit der die seit 1995 bestehende Partnerschaft
    bekräftigt wird": 1995 dates the partnership."""
    text = ("Die beiden Regierungschefs unterzeichneten eine Gemeinsame Erklärung, mit der die "
            "seit 1995 bestehende Partnerschaft zwischen dem Land und der Provinz Ontario "
            "bekräftigt wird.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("gemeinsame-erklaerung", ("CA-ON",), None)]


def test_the_declaration_of_a_partnership_is_a_partnership_declaration(tmp_path):
    """"die Erklärung der Städtepartnerschaft … unterzeichnet" names a Partnerschaftserklärung;
    a city-state's city partnership is the Land's."""
    text = ("Am 3. Mai 1986 wurde die Erklärung der Städtepartnerschaft zwischen der Freien und "
            "Hansestadt Hamburg und der Stadt Shanghai unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-HH")) == [
        ("partnerschaftserklaerung", ("CN-SH",), "1986-05-03")]


def test_a_recurring_instrument_is_undated_and_no_other_signing(tmp_path):
    """"Seither wird alle zwei Jahre ein Memorandum vereinbart": an instrument of its own (also
    in a press release, which reports one signing per partner), of no date of the paragraph."""
    text = ("Am 3. Mai 2001 wurde eine Gemeinsame Erklärung zwischen dem Land und der Provinz "
            "Ontario unterzeichnet. Seither wird alle zwei Jahre ein Memorandum vereinbart, das "
            "die Schwerpunkte festlegt.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2001-05-03"),
        ("memorandum-of-understanding", ("CA-ON",), None)]


def test_a_city_states_unnamed_partner_is_the_one_city_named_before(tmp_path):
    """"besuchte im Juni 2031 Beispielmetropole … Gemeinsam unterzeichneten sie am 12. Juni eine
    Vereinbarung": the partner city named before; the day takes the year of its month."""
    text = ("Die Zweite Bürgermeisterin besuchte im Juni 2009 Dar es Salaam und verständigte sich "
            "mit dem dortigen Bürgermeister auf eine engere Zusammenarbeit. Gemeinsam "
            "unterzeichneten sie am 12. Juni eine entsprechende Vereinbarung.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-HH")) == [
        ("vereinbarung", ("TZ/daressalam",), "2009-06-12")]


def test_a_city_named_with_a_particle_is_one_city(tmp_path):
    """"Dar es Salaam": capitalised words with a lower-case particle between them, keyed by
    the German name the register gives (mappings/city-names.csv)."""
    text = ("Der Erste Bürgermeister und der Bürgermeister von Dar es Salaam unterzeichneten am "
            "1. Juli 2010 die Partnerschaftsvereinbarung im Rathaus.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-HH")) == [
        ("partnerschaftserklaerung", ("TZ/daressalam",), "2010-07-01")]


def test_a_signing_that_takes_place_in_the_present_is_announced(tmp_path):
    """"Die Unterzeichnung … findet am Freitag in Toronto statt" (unlike "fand … statt")."""
    assert agreement_rows(extraction(
        tmp_path, "Die Unterzeichnung der Gemeinsamen Erklärung mit der Provinz Ontario findet "
                  "am Freitag in Toronto statt.")) == []
    assert agreement_rows(extraction(
        tmp_path, "Am 3. Mai 2001 fand die Unterzeichnung der Gemeinsamen Erklärung mit der "
                  "Provinz Ontario in Toronto statt.")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2001-05-03")]


def test_a_programme_names_no_city_from_before_as_partner(tmp_path):
    """"… trägt sich ins Goldene Buch ein und unterzeichnet gemeinsam mit … die Erklärung": a
    programme in the present, no signing reported."""
    text = ("Der Bürgermeister empfängt seinen Gast aus Tokio um 11.30 Uhr im Rathaus. "
            "Anschließend trägt sich der Gouverneur ins Goldene Buch ein und unterzeichnet "
            "gemeinsam mit dem Regierenden Bürgermeister die „Absichtserklärung zur Vertiefung "
            "der Zusammenarbeit“.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BE")) == []


def test_the_day_of_an_act_a_page_cites_is_not_its_date(tmp_path):
    """"in Übereinstimmung mit dem Abkommen zwischen den Regierungen … über … Zusammenarbeit vom
    3. Mai 1979": the act's day, however far its name stands before "vom"."""
    path = tmp_path / "seite.txt"
    path.write_text(
        "Senatskanzlei\n\nErklärung der Städtepartnerschaft\n\n"
        "Die beiden Städte erklären in Übereinstimmung mit dem Abkommen zwischen der Regierung "
        "der Bundesrepublik Deutschland und der Regierung der Volksrepublik China über "
        "wirtschaftliche und kulturelle Zusammenarbeit vom 3. Mai 1979 ihre Partnerschaft.\n",
        encoding="utf-8")
    assert detect(read(path), load_registers()).date is None


@pytest.mark.parametrize(("issued", "expected"), [
    ("2014-10-27", []),
    ("2014-10-30", [("memorandum-of-understanding", ("CA-ON",), None)]),
])
def test_a_headlines_signing_with_the_partner_of_a_later_occasion_is_announced(
        tmp_path, issued, expected):
    """"… empfängt Gouverneur der Provinz A – Unterzeichnung eines Memorandums" over a release
    of 27 October that dates the visit 29 October: to come, not signed (a release after the
    visit reports it)."""
    text = ("Ministerpräsident empfängt Premier der Provinz Ontario – Unterzeichnung eines "
            "Memorandums of Understanding\n\n"
            "Der Ministerpräsident empfängt am 29. Oktober 2014 den Premier der Provinz Ontario "
            "zu einem Besuch in Düsseldorf.\n")
    assert agreement_rows(extraction(tmp_path, text, date=issued)) == expected


def test_the_release_date_line_is_no_occasion_of_the_paragraph_after_it(tmp_path):
    """"veröffentlicht am 17.06.2031" on a line of its own, then "… hat … empfangen. Dabei wurde
    … ein Memorandum unterzeichnet": the paragraph states no day, the signing none."""
    text = ("veröffentlicht am 17.06.2005\n\n"
            "Der Ministerpräsident hat eine Delegation aus der Provinz Ontario empfangen. Dabei "
            "wurde im Schloss ein Memorandum unterzeichnet.\n")
    assert agreement_rows(extraction(tmp_path, text, date="2005-06-17")) == [
        ("memorandum-of-understanding", ("CA-ON",), None)]


def test_a_planned_meetings_date_dates_no_signing_after_it(tmp_path):
    """"Die erste Sitzung soll im Sommer 2010 stattfinden." … "Unterzeichnet wurde die
    Erklärung im Rahmen der Reise …": the plan is no occasion a later signing continues."""
    text = ("Die Erklärung legt die Gründung eines Ausschusses mit der Provinz Ontario fest. Die "
            "erste Sitzung des Ausschusses soll bereits im Sommer 2010 in Toronto stattfinden.\n\n"
            "Unterzeichnet wurde die Absichtserklärung im Rahmen der Reise des Ministerpräsidenten "
            "durch den Premier der Provinz Ontario.\n")
    assert agreement_rows(extraction(tmp_path, text, date="2010-02-02")) == [
        ("absichtserklaerung", ("CA-ON",), None)]


def test_each_kind_of_a_list_takes_only_its_own_dated_partner(tmp_path):
    """"… abgeschlossen: Gemeinsame Erklärung mit A vom …; Absichtserklärung mit B vom …": one
    instrument each, not every kind with every partner."""
    text = ("Das Land hat folgende Vereinbarungen mit ausländischen Regionen abgeschlossen: "
            "Gemeinsame Erklärung mit der Woiwodschaft Schlesien vom 5. Juni 2001; "
            "Absichtserklärung mit der Provinz Ontario vom 12. März 2015.")
    assert agreement_rows(extraction(tmp_path, text, genre="answer")) == [
        ("absichtserklaerung", ("CA-ON",), "2015-03-12"),
        ("gemeinsame-erklaerung", ("PL-24",), "2001-06-05")]


def test_a_pronoun_signed_is_the_instrument_of_the_sentence_before(tmp_path):
    """"Die neue Kooperationsvereinbarung … sieht … vor. Sie wurde am 3. Mai 2023
    unterzeichnet.": its date in the following sentence."""
    text = ("Die neue Kooperationsvereinbarung zwischen dem Land und der Präfektur Fukushima sieht "
            "einen regelmäßigen Austausch vor. Sie wurde am 3. Mai 2023 unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("kooperationsvereinbarung", ("JP-07",), "2023-05-03")]


def test_bodies_signing_in_the_presence_of_the_land_are_no_partners(tmp_path):
    """"Im Beisein von Ministerpräsident A unterzeichneten die Universität B und die Universität
    C eine Kooperationsvereinbarung": the universities', not the Land's."""
    text = ("Im Beisein von Ministerpräsident Beispiel unterzeichneten die Universität "
            "Beispielstadt und die Universität Toronto eine Kooperationsvereinbarung.")
    assert agreement_rows(extraction(tmp_path, text)) == []


def test_regions_by_adjective_sharing_one_kind_word_bound_by_instruments(tmp_path):
    """"mit dem Kaliningrader und dem Moskauer Gebiet durch Partnerschaftsvereinbarungen
    verbunden": two regions, one kind word; instruments that bind the Land, one each."""
    text = ("Regional ist das Land seit Anfang der 90iger Jahre mit dem Kaliningrader und dem "
            "Moskauer Gebiet durch Partnerschaftsvereinbarungen verbunden.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-BB")) == [
        ("partnerschaftserklaerung", ("RU-KGD",), None),
        ("partnerschaftserklaerung", ("RU-MOS",), None)]


def test_a_regions_adjective_name_is_read_in_any_case(tmp_path):
    """"der Mittelböhmischen Region": the register's "Mittelböhmische Region", declined."""
    text = ("Am 3. Mai 2021 unterzeichneten der Ministerpräsident und der Hauptmann der "
            "Mittelböhmischen Region eine Gemeinsame Erklärung.")
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("gemeinsame-erklaerung", ("CZ-20",), "2021-05-03")]


@pytest.mark.parametrize("text", [
    "Die Gemeinsame Erklärung mit der Provinz Ontario regelt den Austausch. Bei der "
    "Unterzeichnung am 3. Mai 2001 waren beide Regierungschefs anwesend.",
    # inside a quotation: what the speaker says of the instrument
    "Der Ministerpräsident sagte: „Aus einer Gemeinsamen Erklärung mit der Provinz Ontario ist "
    "eine Freundschaft gewachsen. Besser hätte man sich das bei der Unterzeichnung am 3. Mai "
    "2001 kaum wünschen können.“",
])
def test_the_signing_named_in_the_next_sentence_dates_the_instrument(tmp_path, text):
    """"… eine Erklärung … . Bei der Unterzeichnung am 3. Mai 2001 …": the instrument of the
    sentence before, of the date of its signing."""
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2001-05-03")]


def test_a_chronologys_instrument_between_a_city_and_a_partner_is_the_citys(tmp_path):
    """"Juni 2031: Unterzeichnung … zwischen dem Land … und A … August 2033:
    Partnerschaftsvertrag zwischen Beispielstadt und B (…) …" (a list run together, the Land
    named further on): the second entry's instrument is the city's."""
    text = ("Juni 2007: Unterzeichnung einer Partnerschaftsvereinbarung zwischen dem Freistaat "
            "Sachsen und der Provinz Hubei August 2013: Partnerschaftsvertrag zwischen "
            "Beispielstadt und Musterbezirk (Stadtbezirk, Provinz Jiangsu) Datum November 2010, "
            "Sachsen Dezember 2010, Provinz Hubei")
    assert agreement_rows(extraction(tmp_path, text, genre="report", land="DE-SN")) == [
        ("partnerschaftserklaerung", ("CN-HB",), "2007-06")]


def test_a_signing_naming_nobody_under_a_title_on_partner_cities_is_the_citys(tmp_path):
    """Under "Partnerstädte" (a Land that is no city-state): "1985 erfolgte die Unterzeichnung
    der Rahmenvereinbarung" names no one of the Land; the Land's own signing stays its."""
    path = tmp_path / "seite.txt"
    path.write_text("Beispielstadt, China\n\nBeispielstadt ist eine Hafenstadt Chinas und seit "
                    "1985 Partnerstadt. 1985 erfolgte die Unterzeichnung der "
                    "Rahmenvereinbarung.\n\nDer Senat unterzeichnete 1990 eine Gemeinsame "
                    "Erklärung mit China.\n", encoding="utf-8")
    meta = DocumentMeta(document_id="unit-test", identifier="Test", title="Partnerstädte",
                        land="DE-HB", genre="report", date=parse_date("2024-05-15"))
    assert agreement_rows(extract(read(path), meta)) == [
        ("gemeinsame-erklaerung", ("CN",), "1990")]


def test_an_undated_instrument_with_a_successor_region_is_the_former_regions(tmp_path):
    """"Partnerschaftserklärungen mit den Regionen A und B" (undated), then "unterzeichneten
    … die damalige Wojewodschaft C eine Partnerschaftserklärung … mit der neu entstandenen
    Wojewodschaft A fortgeschrieben": A's declaration is C's, of its date."""
    text = ("Das Land pflegt Partnerschaften auf der Basis von Partnerschaftserklärungen mit den "
            "Regionen Schlesien/Polen und Hauts-de-France.\n\n"
            "Am 4. Dezember 1997 unterzeichneten das Land und die damalige Wojewodschaft "
            "Beispielhausen eine Partnerschaftserklärung. Nach der Gebietsreform in Polen wurde "
            "diese Partnerschaft mit der neu entstandenen Woiwodschaft Schlesien im Jahr 1999 "
            "fortgeschrieben.\n")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == [
        ("partnerschaftserklaerung", ("FR-HDF",), None),
        ("partnerschaftserklaerung", ("XX/beispielhausen",), "1997-12-04")]


@pytest.mark.parametrize(("wording", "kind"), [
    ("eine Joint Declaration of Intent", "gemeinsame-absichtserklaerung"),
    ("eine Joint Declaration", "gemeinsame-erklaerung"),
    ("ein gemeinsames Arbeitsprogramm", "aktionsplan"),
])
def test_instruments_named_in_english_or_as_a_joint_programme(tmp_path, wording, kind):
    text = (f"Am 3. Mai 2021 unterzeichneten der Ministerpräsident und der Premier der Provinz "
            f"Ontario {wording}.")
    assert agreement_rows(extraction(tmp_path, text)) == [(kind, ("CA-ON",), "2021-05-03")]


def test_a_second_instrument_that_followed_in_a_relative_clause(tmp_path):
    """"… 1999 eine Regionalpartnerschaft abgeschlossen, der im Jahr 2008 noch eine zweite mit
    der Woiwodschaft B folgte": two, each with its partner and year."""
    text = ("Wir haben mit der Woiwodschaft Schlesien 1999 eine Regionalpartnerschaft "
            "abgeschlossen, der im Jahr 2008 noch eine zweite mit der ebenfalls angrenzenden "
            "Provinz Limburg folgte.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == [
        ("regionalpartnerschaft", ("NL-LI",), "2008"),
        ("regionalpartnerschaft", ("PL-24",), "1999")]


def test_the_lands_own_instrument_named_as_what_cities_help_to_realise(tmp_path):
    """"Beide Städte können zur Verwirklichung von Kooperationsvereinbarungen des Landes mit A
    beitragen": the Land's instrument exists, undated, though the sentence speaks of cities;
    a project realised is no instrument."""
    text = ("„Beide Städte können maßgeblich zur Verwirklichung von Kooperationsvereinbarungen "
            "des Landes Brandenburg mit der Woiwodschaft Schlesien beitragen.“ Zur Umsetzung des "
            "Projekts wurde mit der Provinz Ontario eine Arbeitsgruppe eingerichtet.")
    assert agreement_rows(extraction(tmp_path, text, land="DE-BB")) == [
        ("kooperationsvereinbarung", ("PL-24",), None)]


def test_a_retired_title_ends_no_sentence(tmp_path):
    """"durch Ministerpräsident a.D. Dr. A … unterzeichnet": "a.D." is an abbreviation, the
    passive signing after it is one sentence with its date and parties."""
    text = ("Am 23. März 1994 wurde die Gemeinsame Erklärung der Landesregierung und des "
            "Regionalrates der Provinz Ontario in Brüssel durch Ministerpräsident a.D. Dr. Max "
            "Beispiel und den Präsidenten des Regionalrates, Jean Exemple, unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "1994-03-23")]


def test_a_sentence_after_a_programmes_last_row_is_read_on_its_own(tmp_path):
    """A double-spaced release whose programme rows ("18.00 Uhr   Empfang …") end without a
    full stop: the sentence after the last row is no part of the planned programme."""
    lines = ["Der Staatssekretär besucht am 3. und 4. Mai die Provinz Ontario.",
             "Folgende Termine sind geplant:",
             "Donnerstag, 4. Mai 2023",
             "08.30 Uhr       Frühstück mit Vertretern der Industrie- und Handelskammer",
             "10.00 Uhr       Gespräch mit dem Premier der Provinz Ontario im Parlament",
             "13.00 Uhr       Besuch eines Forschungszentrums der Universität von Toronto",
             "16.30 Uhr       Gespräch mit Vertretern der Wirtschaft im Business Centre",
             "18.00 Uhr       Empfang in der Residenz des Generalkonsuls in Toronto",
             "Die offizielle Partnerschaft zwischen dem Land und der Provinz Ontario basiert auf "
             "der Gemeinsamen Erklärung über interregionale Zusammenarbeit aus dem Jahr 2001."]
    found = extraction(tmp_path, "\n\n".join(lines) + "\n", date="2023-05-03")
    assert agreement_rows(found) == [("gemeinsame-erklaerung", ("CA-ON",), "2001")]
    assert {p.since.start.lexical() for p in found.partnerships if p.since} == {"2001"}


def test_a_release_dates_itself_by_no_declaration_it_cites(tmp_path):
    """"besteht seit einer Gemeinsamen Erklärung vom 24. Mai 1989" in a release without a date
    line: the declaration's day is not the release's, so "seit 34 Jahren" in its headline
    counts back from nothing and the partnership begins with the declaration."""
    path = tmp_path / "pressemitteilung.txt"
    path.write_text(
        "Delegationsbesuch aus der Partnerprovinz Ontario\n\n"
        "Staatssekretärin: Partnerschaft seit 34 Jahren\n\n"
        "Eine Delegation aus der Provinz Ontario ist in der Landeshauptstadt eingetroffen. Die "
        "Partnerschaft zwischen der Provinz Ontario und dem Land besteht seit einer Gemeinsamen "
        "Erklärung vom 24. Mai 1989.\n", encoding="utf-8")
    document = read(path)
    meta = detect(document, load_registers())
    assert meta.date is None
    found = extract(document, meta)
    assert {p.since.start.lexical() for p in found.partnerships if p.since} == {"1989-05-24"}
