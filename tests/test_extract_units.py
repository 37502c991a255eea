"""The extractor's building blocks, one invented sentence at a time.

Each table pairs a sentence with what must come out of it: persons with their titles and posts,
territories (by name, kind word, adjective, inflection), ministries (register names and
abbreviations, abbreviations a document defines, portfolios), the dates of events and the
agreements a sentence says were signed. People, meetings and agreements are invented; the
regions and countries are real and in mappings/*.csv or ISO 3166-2, so that the recognisers
are tested on what they have never seen. Every table has negative cases: sentences from which
nothing (or nothing of that kind) may be extracted.

A miss of the product is written as the case it should pass, marked
`pytest.mark.xfail(strict=True)` with the reason, so that fixing it is noticed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.dates import find_dates, parse_date
from kg.documents import Block, read
from kg.extract import extract
from kg.extract.analysis import BlockFacts, Setting, analyse
from kg.extract.metadata import detect
from kg.extract.ministries import defined_abbreviations
from kg.extract.territories import find_parties
from kg.records import DocumentMeta, Extraction, PersonMention, Scope
from kg.registers import load as load_registers

DAY = dt.date(2024, 5, 15)


def facts(text: str, land: str = "DE-NW", day: dt.date = DAY) -> BlockFacts:
    """Every recogniser over one paragraph, as the extractors run them."""
    registers = load_registers()
    setting = Setting(registers, "unit.txt", land, "unit-test", day)
    setting.abbreviations = defined_abbreviations(text)
    block = Block(kind="paragraph", text=text, start_line=1, end_line=1)
    return analyse(block, setting)


def extraction(tmp_path: Path, text: str, genre: str = "press-release", land: str = "DE-NW",
               date: str = "2024-05-15", name: str = "dokument.txt") -> Extraction:
    """A one-paragraph document of the genre, with its metadata given (as sources.csv does)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    meta = DocumentMeta(document_id="unit-test", identifier="Test", title="Test", land=land,
                        genre=genre, date=parse_date(date))
    return extract(read(path), meta)


def scope_key(scope: Scope | None) -> str | None:
    if scope is None:
        return None
    if scope.ministry is not None:
        return scope.ministry.key
    assert scope.party is not None
    return scope.party.key


def person_row(mention: PersonMention) -> tuple:
    return (mention.given, mention.family, mention.honorifics, mention.suffixes,
            mention.role.key if mention.role else None, scope_key(mention.scope))


# ------------------------------------------------------------------------------------ people

# sentence, land, (given, family, honorifics, suffixes, role, scope of the post)
PERSONS = [
    ("Staatssekretär Dr. Max Beispiel empfing die Delegation.", "DE-NW",
     ("Max", "Beispiel", ("Dr.",), (), "staatssekretaer", "DE-NW")),
    ("Der Gouverneur der Präfektur Aichi, Herr Kenta Mustermori, besuchte Düsseldorf.", "DE-NW",
     ("Kenta", "Mustermori", ("Herr",), (), "gouverneur", "JP-23")),
    ("Am Gespräch nahm Frau Prof. Dr. Erika Probst teil.", "DE-NW",
     ("Erika", "Probst", ("Frau", "Prof.", "Dr."), (), None, None)),
    ("Die Botschafterin der Republik Polen, Agnieszka Wzorowa, war zu Gast.", "DE-NW",
     ("Agnieszka", "Wzorowa", (), (), "botschafter", "PL")),
    ("Der Vizegouverneur der Provinz Sichuan, LIU Wenbo, nahm teil.", "DE-NW",
     ("Wenbo", "Liu", (), (), "vizegouverneur", "CN-SC")),
    ("Die Ministerin für Kultur und Wissenschaft, Ina Beispielfrau, eröffnete die Ausstellung.",
     "DE-NW", ("Ina", "Beispielfrau", (), (), "minister", "MKW")),
    ("Europaministerin Clara Fiktiva eröffnete die Konferenz.", "DE-NW",
     ("Clara", "Fiktiva", (), (), "europaminister", "STK")),
    ("Hanna Lindqvist, Generalsekretärin der OECD, sprach zur Eröffnung.", "DE-NW",
     ("Hanna", "Lindqvist", (), (), "generalsekretaer", "oecd")),
    ("Minister Habicht traf den Marschall der Woiwodschaft Schlesien, Tomasz Przykładowy.",
     "DE-NW", ("Tomasz", "Przykładowy", (), (), "marschall", "PL-24")),
    ("Minister Habicht traf den Marschall der Woiwodschaft Schlesien, Tomasz Przykładowy.",
     "DE-NW", (None, "Habicht", (), (), "minister", "DE-NW")),
    ("Anfrage des Abgeordneten Jonas Feldmann (CDU) zur Partnerschaft mit Ghana", "DE-HE",
     ("Jonas", "Feldmann", (), ("CDU",), "abgeordneter", "DE-HE")),
    ("Der Präsident der Region Normandie, Hervé Exemple, unterzeichnete.", "DE-NW",
     ("Hervé", "Exemple", (), (), "praesident", "FR-NOR")),
    ("Die Anfrage stellte Lena Musterfrau MdL.", "DE-NW",
        ("Lena", "Musterfrau", (), ("MdL",), None, None)),
    ("Hanna Lindqvist, Generalkonsulin des Königreichs Schweden, sprach.", "DE-NW",
        ("Hanna", "Lindqvist", (), (), "generalkonsul", "SE")),
    ("Am 9. Mai 2023 führte Staatssekretärin Dr. Maria Beispielmann Gespräche in Japan.",
        "DE-NW", ("Maria", "Beispielmann", ("Dr.",), (), "staatssekretaer", "DE-NW")),
    ("Danach hielt Minister Habicht Reden in Japan.", "DE-NW",
        (None, "Habicht", (), (), "minister", "DE-NW")),
    ("S.E. Botschafter Marek Przykład überreichte sein Beglaubigungsschreiben.", "DE-NW",
        ("Marek", "Przykład", ("S.E.",), (), "botschafter", None)),
]


@pytest.mark.parametrize(("sentence", "land", "expected"), PERSONS)
def test_person_with_titles_and_post(sentence, land, expected):
    found = [person_row(p) for p, _, _ in facts(sentence, land).persons]
    assert expected in found, found


@pytest.mark.parametrize(("sentence", "given", "family"), [
    ("Am Treffen nahm Herr Pieter van den Voorbeeld teil.", "Pieter", "van den Voorbeeld"),
    ("Es sprach Frau Dr. Karla von Beispielhausen.", "Karla", "von Beispielhausen"),
])
def test_family_name_with_particle(sentence, given, family):
    names = [(p.given, p.family) for p, _, _ in facts(sentence).persons]
    assert names == [(given, family)] or names == [(given, family.split()[-1])], names


# sentence, land, the title-only posts (role, scope) it names
NO_PERSONS = [
    ("Der Ministerpräsident reiste nach Polen.", "DE-NW", [("ministerpraesident", "STK")]),
    ("Die Konferenz in Berlin war gut besucht.", "DE-NW", []),
    ("Im Ministerium für Schule und Bildung fand ein Treffen statt.", "DE-NW", []),
    ("Die Delegation besuchte das Generalkonsulat in Düsseldorf.", "DE-NW", []),
    ("Herzlich willkommen in Nordrhein-Westfalen.", "DE-NW", []),
    ("Die Staatssekretärin Hannover, 12.03.2024", "DE-NI", [("staatssekretaer", "DE-NI")]),
]


@pytest.mark.parametrize(("sentence", "land", "posts"), NO_PERSONS)
def test_no_person_is_invented(sentence, land, posts):
    found = facts(sentence, land)
    assert [person_row(p) for p, _, _ in found.persons] == []
    assert [(p.role.key, scope_key(p.scope)) for p, _, _ in found.posts] == posts


@pytest.mark.parametrize(("sentence", "land"), [
    ("An den Vorsitzenden des Ausschusses für Bundes- und Europaangelegenheiten sowie "
        "regionale Beziehungen, Herrn Jonas Feldmann MdL", "DE-BY"),
])
def test_a_committee_chair_is_no_post_in_a_ministry(sentence, land):
    found = facts(sentence, land)
    in_ministries = [(m.role.key, scope_key(m.scope)) for m, _, _ in [*found.persons, *found.posts]
                     if m.scope is not None and m.scope.ministry is not None]
    assert in_ministries == []


# ------------------------------------------------------------------------------- territories

# sentence, the parties it names: (kind, key) in order
TERRITORIES = [
    ("Eine Delegation aus der Präfektur Aichi reiste an.", [("region", "JP-23")]),
    ("Gespräche mit der Woiwodschaft Großpolen und der Region Pilsen.",
     [("region", "PL-30"), ("region", "CZ-32")]),
    ("in den chinesischen Provinzen Anhui, Fujian und Hubei",
     [("region", "CN-AH"), ("region", "CN-FJ"), ("region", "CN-HB")]),
    # a list after a plural kind word whose first name the register knows: the rest is of
    # that kind too, a name the register does not know bare ("Groningen") included
    ("mit den niederländischen Provinzen Overijssel, Drenthe, Groningen und Gelderland",
     [("region", "NL-OV"), ("region", "NL-DR"), ("region", "NL-GR"), ("region", "NL-GE")]),
    ("Treffen mit Vertretern des US-Bundesstaates Wisconsin", [("region", "US-WI")]),
    ("Vertreter Kanagawas und Andalusiens", [("region", "JP-14"), ("region", "ES-AN")]),
    ("Der Marschall Schlesiens kam nach Düsseldorf.", [("region", "PL-24")]),
    ("Die Regierung der Wallonie und die Provinz Westkap (Republik Südafrika)",
     [("region", "BE-WAL"), ("region", "ZA-WC"), ("country", "ZA")]),
    ("Gäste aus der Steiermark und dem Kanton Aargau", [("region", "AT-6"), ("region", "CH-AG")]),
    ("eine Delegation der Regierung der Republik Ghana", [("country", "GH")]),
    ("Treffen in Ungarn und in Tschechien", [("country", "HU"), ("country", "CZ")]),
    ("Die japanische Delegation traf ein.", [("country", "JP")]),
    ("mit Vertretern der polnischen Regierung", [("country", "PL")]),
    ("Besuch des koreanischen Generalkonsulats", [("country", "KR")]),
    ("Die schlesische Delegation reiste an.", [("region", "PL-24")]),
    ("Delegation des Freistaates Bayern in Québec", [("land", "DE-BY"), ("region", "CA-QC")]),
    ("Austausch mit Kanada und der Provinz Ontario", [("country", "CA"), ("region", "CA-ON")]),
    ("mit dem US-Bundesstaat Georgia und mit Georgien", [("region", "US-GA"), ("country", "GE")]),
    # negatives: adjectives that name no actor, kind words without a name, names of persons
    ("Die italienische Küche ist beliebt.", []),
    ("Er fuhr einen japanischen Wagen.", []),
    ("In der Region gibt es viele Unternehmen.", []),
    ("Frau Schlesinger kam aus der Stadt.", []),
    ("Die Stadt Lyon ist schön.", []),
    ("Die Generalkonsulin des Königreichs Schweden sprach.", [("country", "SE")]),
]


@pytest.mark.parametrize(("sentence", "expected"), TERRITORIES)
def test_territories_in_prose(sentence, expected):
    found = find_parties(sentence, load_registers())
    assert [(f.ref.kind, f.ref.key) for f in found] == expected


def test_a_region_no_register_knows_is_found_by_its_kind_word_and_iso_code():
    (found,) = find_parties("Treffen mit der Provinz Namur", load_registers())
    assert (found.ref.kind, found.ref.iso_code, found.ref.country) == ("region", "BE-WNA", "BE")
    assert found.ref.registered is False


# -------------------------------------------------------------------------------- ministries

# sentence, Land, the ministries named: (key, registered, the words that name it)
MINISTRIES = [
    ("Das Ministerium für Kultur und Wissenschaft lud ein.", "DE-NW",
     [("MKW", True, "Ministerium für Kultur und Wissenschaft")]),
    ("Das MKW lud ein.", "DE-NW", [("MKW", True, "MKW")]),
    ("Der Termin fand beim StMWi in München statt.", "DE-BY", [("StMWi", True, "StMWi")]),
    ("Das Wirtschaftsministerium lud ein.", "DE-BW", [("WM", True, "Wirtschaftsministerium")]),
    ("Die Ministerin für Schule und Bildung reiste an.", "DE-NW",
     [("MSB", True, "für Schule und Bildung")]),
    ("Staatssekretär für Bundes- und Europaangelegenheiten, Internationales sowie Medien", "DE-NW",
     [("STK", True, "für Bundes- und Europaangelegenheiten, Internationales sowie Medien")]),
    ("Das Ministerium für Wissenschaft und Gesundheit (MWG) richtete aus. Später lud das MWG "
     "erneut ein.", "DE-RP",
     [("MWG", False, "Ministerium für Wissenschaft und Gesundheit"), ("MWG", False, "MWG"),
      ("MWG", False, "MWG")]),
    ("Abkürzungen: HMdIS – Ministerium des Innern und für Sport; HMWK – Ministerium für "
     "Wissenschaft und Kunst. Das HMWK lud ein.", "DE-HE",
     [("HMdIS", False, "HMdIS"), ("HMdIS", False, "Ministerium des Innern und für Sport"),
      ("HMWK", False, "HMWK"), ("HMWK", False, "Ministerium für Wissenschaft und Kunst"),
      ("HMWK", False, "HMWK")]),
    ("Die Staatskanzlei organisierte die Reise.", "DE-SN",
     [("SK", True, "Staatskanzlei")]),
    ("Das Staatsministerium organisierte die Reise.", "DE-SN",
     [("Staatsministerium Sachsen", False, "Staatsministerium")]),
    # negatives: foreign ministries, a bare "Ministerium", an abbreviation nobody defined
    ("Vertreter des britischen Bildungsministeriums kamen.", "DE-NW", []),
    ("Ein Ministerium war beteiligt.", "DE-NW", []),
    ("Das IMK lud ein.", "DE-NW", []),
    ("Eine Delegation des Wirtschaftsministeriums reiste an.", "DE-BW",
        [("WM", True, "Wirtschaftsministeriums")]),
    ("Vertreter des Innenministeriums nahmen teil.", "DE-NW",
        [("IM", True, "Innenministeriums")]),
    ("Die Sitzung des Ausschusses für Kultur und Wissenschaft fand statt.", "DE-NW", []),
]


@pytest.mark.parametrize(("sentence", "land", "expected"), MINISTRIES)
def test_ministries_named_in_prose(sentence, land, expected):
    found = facts(sentence, land).ministries
    assert [(m.key, m.registered, sentence[s:e]) for m, s, e in found] == expected


def test_a_ministry_abbreviation_is_read_for_the_documents_land_only():
    assert [m.key for m, _, _ in facts("Das StMWi lud ein.", "DE-BY").ministries] == ["StMWi"]
    assert facts("Das StMWi lud ein.", "DE-NW").ministries == []


# ---------------------------------------------------------------------------- dates of events

# sentence, document date, (type, start, end, date as text, planned), or None for no event
EVENTS = [
    ("Am 12. März 2023 besuchte Staatssekretär Dr. Max Beispiel die Präfektur Aichi.",
     "2023-10-10", ("besuch", "2023-03-12", None, None, False)),
    ("Am 3.5.2022 traf der Minister den Botschafter der Republik Ghana.", "2023-10-10",
     ("gespraech", "2022-05-03", None, None, False)),
    ("Vom 3. bis 7. Oktober 2022 reiste eine Delegation des Landes in die Woiwodschaft Großpolen.",
     "2023-10-10", ("reise", "2022-10-03", "2022-10-07", None, False)),
    ("Am 11. und 12. September 2023 fand in Posen eine Konferenz mit der Woiwodschaft Großpolen "
     "statt.", "2023-10-10", ("konferenz", "2023-09-11", "2023-09-12", None, False)),
    ("Im Juni 2022 fand in Krakau ein Treffen mit Vertretern der Woiwodschaft Kleinpolen statt.",
     "2023-10-10", ("gespraech", "2022-06", None, None, False)),
    ("Im Jahr 2021 empfing die Ministerin eine Delegation aus der Provinz Ontario.", "2023-10-10",
     ("empfang", "2021", None, None, False)),
    ("Im vergangenen Jahr besuchte eine Delegation aus Ontario das Land.", "2023-10-10",
     ("besuch", "2022", None, None, False)),
    ("Vom 28. November bis 02. Dezember fand eine Reise nach Ontario statt.", "2023-10-10",
     ("reise", None, None, "28. November bis 02. Dezember", False)),
    ("Am 14. Mai 2024 ist ein Besuch in der Provinz Ontario geplant.", "2023-10-10",
     ("besuch", "2024-05-14", None, None, True)),
    # negatives: no occasion, no foreign party, a state of affairs, a span of years, no date
    ("Seit März 2021 bestehen enge Kontakte zur Region Pilsen.", "2023-10-10", None),
    ("Die Landesregierung fördert für die Jahre 2023 bis 2025 ein Programm mit der Region Pilsen.",
     "2023-10-10", None),
    ("Am 20. April 2023 tagte der Europaausschuss des Landtags.", "2023-10-10", None),
    ("Die Kontakte zur Provinz Ontario waren zuletzt rückläufig.", "2023-10-10", None),
    ("Der Minister besuchte die Provinz Ontario.", "2023-10-10", None),
    ("Im März 2022 wurde das Projekt mit der Region Pilsen fortgesetzt.", "2023-10-10", None),
    ("Am 20. November 2023 reist der Minister in die Region Pilsen.", "2023-10-10",
        ("reise", "2023-11-20", None, None, True)),
    ("Die Ministerin wird im Herbst 2024 in die Provinz Westkap reisen.", "2023-10-10",
        ("reise", "2024", None, None, True)),
]


def event_row(event) -> tuple:
    date = event.date
    return (event.event_type, date.start.lexical() if date else None,
            date.end.lexical() if date and date.end else None, event.date_text, event.planned)


@pytest.mark.parametrize(("sentence", "document_date", "expected"), EVENTS)
def test_date_of_an_event_in_prose(tmp_path, sentence, document_date, expected):
    events = extraction(tmp_path, sentence, date=document_date).events
    assert [event_row(e) for e in events] == ([expected] if expected else [])


def test_two_dated_occasions_in_one_sentence_are_two_events(tmp_path):
    text = ("Am 27. März 2023 besuchte der Minister die Region Pilsen sowie am 30. Juni 2023 "
            "die Woiwodschaft Großpolen.")
    events = extraction(tmp_path, text, date="2023-10-10").events
    assert [event_row(e) for e in events] == [("besuch", "2023-03-27", None, None, False),
                                             ("besuch", "2023-06-30", None, None, False)]


def test_each_occasion_of_a_sentence_has_the_partners_of_its_own_clause(tmp_path):
    text = ("Am 27. März 2023 besuchte der Minister die Region Pilsen sowie am 30. Juni 2023 "
            "die Woiwodschaft Großpolen.")
    events = extraction(tmp_path, text, date="2023-10-10").events
    assert [[p.key for p in e.partners] for e in events] == [["CZ-32"], ["PL-30"]]


def test_participants_of_a_continued_occasion_join_it(tmp_path):
    text = ("Am 4. März 2023 besuchte Europaministerin Clara Fiktiva die Region Pilsen. Im Rahmen "
            "dieser Reise traf sie den Hauptmann der Region Pilsen, Herrn Petr Vzorový.")
    (event,) = extraction(tmp_path, text, date="2023-10-10").events
    assert [(p.given, p.family) for p in event.participants] == [("Clara", "Fiktiva"),
                                                                 ("Petr", "Vzorový")]
    assert [m.key for m in event.ministries] == ["STK"]  # a Europaminister's ministry in NRW


TABLE = """Antwort der Landesregierung

Die Termine mit der Provinz Gelderland sind in der folgenden Übersicht aufgeführt.

| Ressort | {header} |
|---|---|{extra}
| MKW | {row} |
"""


@pytest.mark.parametrize(("header", "extra", "row"), [
    ("Termin und Maßnahme", "", "14.03.2022: Symposium zur Kreislaufwirtschaft in Nimwegen"),
    ("Datum | Maßnahme", "---|", "14.03.2022 | Symposium zur Kreislaufwirtschaft in Nimwegen"),
])
def test_a_table_rows_description_is_its_text_without_the_date(tmp_path, header, extra, row):
    text = TABLE.format(header=header, extra=extra, row=row)
    (event,) = extraction(tmp_path, text, genre="answer", name="antwort.md").events
    assert event_row(event) == ("symposium", "2022-03-14", None, None, False)
    assert [m.key for m in event.ministries] == ["MKW"]
    assert [p.key for p in event.partners] == ["NL-GE"]
    assert event.description == "Symposium zur Kreislaufwirtschaft in Nimwegen"


# -------------------------------------------------------------------------------- agreements

# sentence, (kind, partners, date, ministry) of each agreement
AGREEMENTS = [
    ("Am 4. Juli 2023 unterzeichneten Ministerpräsident Jens Probst und der Marschall der "
     "Woiwodschaft Großpolen, Jan Przykładowy, in Posen eine Gemeinsame Erklärung.",
     [("gemeinsame-erklaerung", ["PL-30"], "2023-07-04", None)]),
    ("Die Landesregierung hat am 15. September 2022 ein Partnerschaftsabkommen mit der Provinz "
     "Ontario geschlossen.", [("partnerschaftserklaerung", ["CA-ON"], "2022-09-15", None)]),
    ("Im Mai 2021 wurde die Gemeinsame Absichtserklärung zwischen dem Land Nordrhein-Westfalen und "
     "der Region Pilsen unterzeichnet.",
     [("gemeinsame-absichtserklaerung", ["CZ-32"], "2021-05", None)]),
    ("Das Land und die Präfektur Aichi haben 2019 ein Memorandum of Understanding unterzeichnet.",
     [("memorandum-of-understanding", ["JP-23"], "2019", None)]),
    ("Das MKW hat am 2. Februar 2023 eine Kooperationsvereinbarung mit der Region Pilsen "
     "unterzeichnet.", [("kooperationsvereinbarung", ["CZ-32"], "2023-02-02", "MKW")]),
    ("Nordrhein-Westfalen und die Woiwodschaft Schlesien sind am 4. Mai 2001 offiziell eine "
     "regionale Partnerschaft eingegangen.",
     [("regionalpartnerschaft", ["PL-24"], "2001-05-04", None)]),
    # negatives: partnerships of cities and universities, a planned signing, a mere mention
    ("Die Städte Bochum und Posen haben am 3. Mai 2022 einen Partnerschaftsvertrag unterzeichnet.",
     []),
    ("Am 3. Mai 2022 wurde in Breslau eine Gemeinsame Erklärung zwischen der Stadt Dortmund und "
     "der Stadt Breslau unterzeichnet.", []),
    ("Die Universität Beispielstadt und die Universität Posen haben am 3. Mai 2022 eine "
     "Kooperationsvereinbarung unterzeichnet.", []),
    ("Eine Gemeinsame Erklärung mit der Provinz Ontario soll im Herbst 2024 unterzeichnet werden.",
     []),
    ("Die Gemeinsame Erklärung mit der Region Pilsen bildet die Grundlage der Zusammenarbeit.", []),
]


def agreement_row(record) -> tuple:
    return (record.kind, [p.key for p in record.partners],
            record.date.start.lexical() if record.date else None,
            record.ministry.key if record.ministry else None)


@pytest.mark.parametrize(("sentence", "expected"), AGREEMENTS)
def test_agreement_signed_in_a_sentence(tmp_path, sentence, expected):
    found = extraction(tmp_path, sentence, date="2024-05-15").agreements
    assert [agreement_row(a) for a in found] == expected


@pytest.mark.parametrize("genre", [
    "answer", "report",
    ("press-release"),
])
def test_one_agreement_with_each_listed_partner(tmp_path, genre):
    text = ("Mit der Provinz Ontario und der Provinz Alberta hat die Landesregierung jeweils eine "
            "Gemeinsame Erklärung unterzeichnet.")
    found = extraction(tmp_path, text, genre=genre).agreements
    assert [agreement_row(a) for a in found] == [
        ("gemeinsame-erklaerung", ["CA-ON"], None, None),
        ("gemeinsame-erklaerung", ["CA-AB"], None, None)]


def test_a_signing_sentence_gives_an_event_linked_to_its_agreement(tmp_path):
    text = ("Am 4. Juli 2023 unterzeichneten Ministerpräsident Jens Probst und der Marschall der "
            "Woiwodschaft Großpolen, Jan Przykładowy, in Posen eine Gemeinsame Erklärung über "
            "die Zusammenarbeit in den Bereichen Wasserstoff und Kultur.")
    found = extraction(tmp_path, text, date="2023-07-05")
    (agreement,) = found.agreements
    (event,) = found.events
    assert event_row(event) == ("unterzeichnung", "2023-07-04", None, None, False)
    assert event.agreements == (agreement.local_key,)
    assert [(p.given, p.family) for p in event.participants] == [("Jens", "Probst"),
                                                                 ("Jan", "Przykładowy")]
    assert [m.key for m in event.ministries] == ["STK"]  # the Ministerpräsident's
    assert [p.label for p in event.places] == ["Posen"]
    assert agreement.topics == ("kultur", "wasserstoff")


def test_an_agreements_title_names_the_instrument_as_written(tmp_path):
    text = ("Die Landesregierung hat am 15. September 2022 ein Partnerschaftsabkommen mit der "
            "Provinz Ontario geschlossen.")
    (agreement,) = extraction(tmp_path, text).agreements
    assert agreement.title.startswith("Partnerschaftsabkommen")


def test_a_topic_inside_a_longer_topic_is_not_counted(tmp_path):
    text = ("Am 4. Juli 2023 haben das Land und die Woiwodschaft Großpolen eine Gemeinsame "
            "Erklärung über die Zusammenarbeit in der beruflichen Bildung unterzeichnet.")
    (agreement,) = extraction(tmp_path, text).agreements
    assert agreement.topics == ("berufliche-bildung",)


# ------------------------------------------------------------------- days without a year

SIGNED_WITHOUT_YEAR = ("Am 8. Juli unterzeichneten Ministerpräsident Beispiel und der "
                       "Gouverneur der Präfektur Aichi eine Gemeinsame Erklärung.")


def test_a_press_release_dates_a_day_without_a_year_by_its_own_date(tmp_path):
    found = extraction(tmp_path, SIGNED_WITHOUT_YEAR, date="2024-07-10")
    assert [a.date.start.lexical() for a in found.agreements if a.date] == ["2024-07-08"]


@pytest.mark.parametrize(("genre", "text"), [
    ("report", SIGNED_WITHOUT_YEAR),  # a report tells history: its date fixes no year
    ("press-release", "Die Partnerschaft begann 1995. " + SIGNED_WITHOUT_YEAR),
])
def test_a_day_without_a_year_stays_undated_where_the_year_is_unsure(tmp_path, genre, text):
    found = extraction(tmp_path, text, genre=genre, date="2024-07-10")
    assert found.agreements and not any(a.date for a in found.agreements)


# ------------------------------------------------- signings without an actor, "heute", plurals

def agreement_rows(found) -> list[tuple]:
    return sorted((a.kind, tuple(p.key for p in a.partners),
                   a.date.start.lexical() if a.date else None) for a in found.agreements)


@pytest.mark.parametrize(("text", "expected"), [
    # a passive signing names no actor: in the Land's own document it is the Land's
    ("Zur Vertiefung der Zusammenarbeit mit der Woiwodschaft Pommern wurde am 3. Mai 2001 "
     "eine Gemeinsame Erklärung unterzeichnet.",
     [("gemeinsame-erklaerung", ("PL-22",), "2001-05-03")]),
    # … unless another body is named: a city's or a university's
    ("Mit der Woiwodschaft Pommern wurde von der Stadt am 3. Mai 2001 eine Gemeinsame "
     "Erklärung unterzeichnet.", []),
    # instruments in the plural, with a day each: one agreement a day
    ("Mit der Woiwodschaft Pommern wurden am 3. Mai 2001 mit dem Marschallamt und am "
     "4. Juni 2002 mit dem Woiwodschaftsamt »Gemeinsame Erklärungen« unterzeichnet.",
     [("gemeinsame-erklaerung", ("PL-22",), "2001-05-03"),
      ("gemeinsame-erklaerung", ("PL-22",), "2002-06-04")]),
    # the instrument named before, referred back to, is no second one
    ("Am 3. Mai 2001 unterzeichneten Ministerpräsident Beispiel und der Marschall der "
     "Woiwodschaft Pommern eine Absichtserklärung. Die Erklärung wurde in Danzig in zwei "
     "Sprachen unterzeichnet.", [("absichtserklaerung", ("PL-22",), "2001-05-03")]),
    # the preparation of an instrument is no signing
    ("Mit der Woiwodschaft Pommern wurde die Vorbereitung einer Gemeinsamen Erklärung "
     "vereinbart.", []),
    # a protocol the governments signed is an instrument
    ("Am 4. Juni 2002 wurde zwischen dem Land und der Woiwodschaft Pommern ein Protokoll über "
     "die Zusammenarbeit unterzeichnet.", [("protokoll", ("PL-22",), "2002-06-04")]),
    # a chronology's entries: a date right before the instrument, the Land named in the entry
    ("3. Mai 2001 Gemeinsame Erklärung des Landes Nordrhein-Westfalen und der Woiwodschaft "
     "Pommern 4. Juni 2002 Gemeinsame Erklärung des Landes Nordrhein-Westfalen und der Provinz "
     "Ontario",
     [("gemeinsame-erklaerung", ("CA-ON",), "2002-06-04"),
      ("gemeinsame-erklaerung", ("PL-22",), "2001-05-03")]),
    ("3. Mai 2001 Gemeinsame Erklärung der Städte A und B in der Woiwodschaft Pommern", []),
    # a regional partnership with a country named only by its adjective: its region is unnamed
    ("Im Oktober 2010 haben wir mit einer türkischen Region offiziell unsere "
     "Regionalpartnerschaft unterzeichnet.", []),
    # instruments in the plural with several partners: one each, as far as the clause goes
    ("Das Land pflegt Partnerschaften auf der Basis von Partnerschaftserklärungen mit den "
     "Regionen Pommern und Ontario, sowie eine Freundschaft mit Ungarn.",
     [("partnerschaftserklaerung", ("CA-ON",), None),
      ("partnerschaftserklaerung", ("PL-22",), None)]),
    # "beide Seiten" are the Land and the one partner the paragraph named; dates of one year
    ("Im April 2016 reiste der Ministerpräsident in die Provinz Ontario, im Juni 2016 kam der "
     "Premierminister nach Düsseldorf. Beide Seiten unterzeichneten ein Protokoll zur weiteren "
     "Zusammenarbeit.", [("protokoll", ("CA-ON",), "2016")]),
    # an instrument cited with its date, or standing since a year, in the Land's own text
    ("Grundlage der Zusammenarbeit mit der Provinz Ontario ist die Gemeinsame Erklärung vom "
     "3. Mai 2001.", [("gemeinsame-erklaerung", ("CA-ON",), "2001-05-03")]),
    ("Seit 2001 besteht eine Partnerschaftsvereinbarung mit der Provinz Ontario.",
     [("partnerschaftserklaerung", ("CA-ON",), "2001")]),
    # signings named without the Land's side, and other verbs of signing
    ("Die Partnerschaft basiert auf einer 2001 unterzeichneten Gemeinsamen Erklärung mit der "
     "Provinz Ontario.", [("gemeinsame-erklaerung", ("CA-ON",), "2001")]),
    ("2001 schlossen Nordrhein-Westfalen und Ontario eine Regionalpartnerschaft.",
     [("regionalpartnerschaft", ("CA-ON",), "2001")]),
    ("Die Landesregierung hat mit der Provinz Ontario im Jahr 2001 eine Vereinbarung über die "
     "Zusammenarbeit getroffen.", [("vereinbarung", ("CA-ON",), "2001")]),
    # … but not the Federation's, nor two foreign parties' with each other
    ("Die Bundesrepublik Deutschland und Kanada unterzeichneten 2001 ein Abkommen.", []),
    ("Die Provinz Ontario und der Bundesstaat Ohio unterzeichneten 2001 ein Abkommen.", []),
    # the instrument named again, less precisely, is the one signed
    ("Partnerschaft mit der Woiwodschaft Pommern mit Erklärung besiegelt. Am 3. Mai 2001 "
     "unterzeichneten der Ministerpräsident und der Marschall der Woiwodschaft Pommern die "
     "Gemeinsame Erklärung. In einer dazu 2001 unterzeichneten Erklärung mit der Woiwodschaft "
     "Pommern wurde mehr vereinbart.",
     [("gemeinsame-erklaerung", ("PL-22",), "2001-05-03")]),
    # the date right before the signing word is the signing's, a later one the extension's
    ("Die 2001 geschlossene Partnerschaftsvereinbarung mit der Provinz Ontario wurde 2011 "
     "verlängert.", [("partnerschaftserklaerung", ("CA-ON",), "2001")]),
    # "heute" in a press release is its date
    ("Ministerpräsident Beispiel und der Marschall der Woiwodschaft Pommern unterzeichneten "
     "heute eine Gemeinsame Erklärung.",
     [("gemeinsame-erklaerung", ("PL-22",), "2024-05-15")]),
])
def test_signings_as_press_releases_state_them(tmp_path, text, expected):
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == expected


def test_heute_in_a_report_and_until_today_name_no_day(tmp_path):
    signed = ("Ministerpräsident Beispiel und der Marschall der Woiwodschaft Pommern "
              "unterzeichneten heute eine Gemeinsame Erklärung.")
    assert agreement_rows(extraction(tmp_path, signed, genre="report", date="2024-05-15")) == \
        [("gemeinsame-erklaerung", ("PL-22",), None)]
    lasting = ("Die 2001 unterzeichnete Gemeinsame Erklärung mit der Woiwodschaft Pommern "
               "gilt bis heute.")
    assert all(a.date is None or a.date.start.year == 2001
               for a in extraction(tmp_path, lasting, date="2024-05-15").agreements)


def test_a_paragraph_is_no_agreement_heading_for_a_parenthesis_after_its_first_sentence(
        tmp_path):
    text = ("Die Vereinbarung über die Zusammenarbeit mit der Woiwodschaft Pommern war im Jahr "
            "2007 vom damaligen Ministerpräsidenten unterzeichnet worden. Die Woiwodschaft hat "
            "2,3 Millionen Einwohner (2020) und liegt an der Ostsee.")
    found = extraction(tmp_path, text, genre="report", date="2024-05-15")
    assert agreement_rows(found) == [("vereinbarung", ("PL-22",), "2007")]


@pytest.mark.parametrize(("date_line", "lexical"), [
    (" date 2011-06", "2011-06"),
    ("Stand: 06/2011", "2011-06"),
    ("Zuletzt aktualisiert: Juni 2011", "2011-06"),
    (" date 2011-06 Anzeige", "2011-06"),  # a word of the page after the date line
])
def test_a_web_pages_date_line_dates_it_to_the_month(tmp_path, date_line, lexical):
    path = tmp_path / "seite.txt"
    path.write_text(
        "Austausch mit der Partnerprovinz Nordland\n"
        f"{date_line}\n"
        "Die Landesregierung empfing eine Delegation aus Nordland. Im Mittelpunkt standen "
        "Fragen der Berufsausbildung und des Schüleraustauschs.\n",
        encoding="utf-8",
    )
    date = detect(read(path), load_registers()).date
    assert date is not None and date.start.lexical() == lexical


def test_a_days_date_line_outranks_a_page_month(tmp_path):
    path = tmp_path / "seite.txt"
    path.write_text(
        "Stand: 06/2011\n\nNordhafen, 14. Mai 2011\n\n"
        "Die Landesregierung empfing eine Delegation aus Nordland.\n",
        encoding="utf-8",
    )
    date = detect(read(path), load_registers()).date
    assert date is not None and date.start.lexical() == "2011-05-14"



@pytest.mark.parametrize(("lead", "lexical"), [
    ("empfängt am morgigen Donnerstag, 6. Mai 2032, eine Delegation", "2032-05-05"),
    ("empfing am gestrigen Mittwoch, 5. Mai 2032, eine Delegation", "2032-05-06"),
    ("empfängt am heutigen Donnerstag, 6. Mai 2032, eine Delegation", "2032-05-06"),
])
def test_a_release_naming_a_day_relative_to_its_own_is_of_that_day(tmp_path, lead, lexical):
    """"am morgigen Donnerstag, 6. Mai" is the day after the release's: not its date."""
    path = tmp_path / "pressemitteilung.txt"
    path.write_text(f"Pressemitteilung\n\nDer Ministerpräsident {lead} aus der "
                    "Partnerprovinz Nordland zu Gesprächen in der Staatskanzlei.\n",
                    encoding="utf-8")
    date = detect(read(path), load_registers()).date
    assert date is not None and date.start.lexical() == lexical


def test_a_weekday_is_not_counted_from_a_month_only_page_date(tmp_path):
    """"Stand: 08/2031" dates the page to a month: "am Dienstag" then names no day."""
    path = tmp_path / "seite.txt"
    path.write_text("Stand: 08/2031\n\nDie Landesregierung Nordrhein-Westfalen empfing am "
                    "Dienstag den Kommissar der Provinz Gelderland zu einem Arbeitsgespräch "
                    "über die Zusammenarbeit in der Wasserstofftechnik.\n", encoding="utf-8")
    found = extract(read(path))
    assert found.meta.date is not None and found.meta.date.start.lexical() == "2031-08"
    assert all(e.date is None or e.date.start.day is None for e in found.events)


def test_a_weekday_is_counted_from_a_days_date():
    found = find_dates("Sie traf am Dienstag den Gouverneur.", dt.date(2031, 8, 15))
    assert [m.value.start.lexical() for m in found] == ["2031-08-12"]
    assert find_dates("Sie traf am Dienstag den Gouverneur.", dt.date(2031, 8, 31),
                      day_known=False) == []
