"""Partners and starts of standing partnerships as a blind round of answers, reports, status
pages and faction releases worded them (issue 8, round par12), made general: a country listed
among partner regions, a sentence run into a quotation without a space, the year a relative
clause gives a jubilee, the asker's words a web page split into paragraphs, region names of
the partner countries. Regions are real (in mappings/*.csv or ISO 3166-2); the statements are
invented."""

from __future__ import annotations

import pytest

from tests.test_extract_units import extraction
from tests.test_partnerships import stated

CASES = [
    # a country named by its name as an item of a list of partner regions is a partner too
    ("Das Verhältnis zwischen dem Land und seinen Partnerregionen Masowien (Polen), Jiangsu "
     "(China), Ungarn und Ruanda ist über Jahrzehnte gewachsen.",
     {"PL-14": None, "CN-JS": None, "HU": None, "RW": None}),
    # … but not one by adjective before the kind word, nor one in brackets after a region
    ("Die chinesischen Partnerprovinzen Jiangsu und Shandong sind wichtige Märkte.",
     {"CN-JS": None, "CN-SD": None}),
    ("Die Partnerregion Masowien (Polen) war Gast des Landes.", {"PL-14": None}),
    # the year a relative clause says the jubilee was celebrated in dates it, not the year
    # the sentence names before it
    ("Das Jahr 2013 stand im Zeichen der Vorbereitungen des 20-jährigen Jubiläums der "
     "Partnerschaft mit der Provinz Ontario, das im Jahr 2014 mit Festakten in beiden Regionen "
     "stattfand.", {"CA-ON": "1994"}),
    # … and a relative clause on the instrument's signing is no jubilee's year
    ("Im Jahr 2024 feierte das Land das 25-jährige Jubiläum der Partnerschaft mit der Provinz "
     "Ontario, das mit einem Festakt begangen wurde.", {"CA-ON": "1999"}),
    # region names of the partner countries, German and native, without a kind word
    ("Die Partnerregionen des Landes sind Südmähren, Florida, Uusimaa und Galicien.",
     {"CZ-64": None, "US-FL": None, "FI-18": None, "ES-GA": None}),
    ("Das Land pflegt seit 2001 eine Regionalpartnerschaft mit der Oblast Mykolajiw.",
     {"UA-48": "2001"}),
    # "verschwistert" binds the Land and its partner as "partnerschaftlich verbunden" does
    ("Das Land ist seit 1995 mit der Region Aquitaine verschwistert.", {"FR/aquitaine": "1995"}),
    # verbs that say when a partnership began
    ("Die Partnerschaft mit der Provinz Ontario reicht bis ins Jahr 1995 zurück.",
     {"CA-ON": "1995"}),
    ("Die Partnerschaft mit der Provinz Ontario datiert aus dem Jahr 1995.", {"CA-ON": "1995"}),
    ("Der Startschuss für die Partnerschaft mit der Provinz Ontario fiel im Mai 1995.",
     {"CA-ON": "1995-05"}),
    ("Die Partnerschaft mit der Provinz Ontario ist 1995 entstanden.", {"CA-ON": "1995"}),
    ("Die Partnerschaft mit der Provinz Ontario wurde 1995 aufgenommen.", {"CA-ON": "1995"}),
    # a cooperation made a partnership: the partnership begins then
    ("Die Kooperation mit der Woiwodschaft Masowien wurde 2003 zu einer Regionalpartnerschaft "
     "ausgebaut.", {"PL-14": "2003"}),
    # a lead's items in paragraphs of their own, their list marks lost in the rendering; a
    # sentence after them is no item
    ("Das Land hat folgende Partnerregionen:\n\nOntario (Kanada) – seit 1995\n\n"
     "Masowien (Polen) – seit 2003\n\nPolen ist zudem ein wichtiger Handelspartner.\n",
     {"CA-ON": "1995", "PL-14": "2003"}),
    # a former region with its present name in brackets is the present region, one partner
    # (branch merge: the former regions par12 registered had made it two); a country in
    # brackets is no present name
    ("Das Land ist seit 1995 mit der Region Aquitaine (seit 2016 Region Nouvelle-Aquitaine) "
     "verschwistert.", {"FR-NAQ": "1995"}),
    ("Die Partnerschaft mit der Region Aquitaine (seit 2016 Region Nouvelle-Aquitaine) reicht "
     "bis ins Jahr 1995 zurück.", {"FR-NAQ": "1995"}),
    ("Das Land ist seit 1995 mit der Region Aquitaine (heute Nouvelle-Aquitaine) verschwistert.",
     {"FR-NAQ": "1995"}),
    ("Das Land ist seit 1995 mit der Region Aquitaine (Frankreich) verschwistert.",
     {"FR/aquitaine": "1995"}),
    # a native name written without its diacritics is the registered region
    ("Die Partnerregionen des Landes sind Swietokrzyskie und Vysocina.",
     {"PL-26": None, "CZ-63": None}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_partners_and_starts_as_worded(tmp_path, text: str, expected: dict[str, str | None]):
    assert {key: since for key, (since, _, _) in stated(tmp_path, text).items()} == expected


def test_a_sentence_run_into_a_quotation_ends_before_it(tmp_path):
    """A page that lost the space after the full stop still ends the sentence there: the
    country the quotation names is no party of the instrument signed before it."""
    text = ("Zum Auftakt unterzeichneten der Ministerpräsident und der Marschall der Woiwodschaft "
            "Großpolen ein Abkommen zur Vertiefung der Partnerschaft zwischen dem Land und der "
            "Woiwodschaft.\"In Europa reden wir nur noch über Griechenland\", sagte er.")
    found = extraction(tmp_path, text)
    assert [[p.key for p in a.partners] for a in found.agreements] == [["PL-30"]]
    assert {p.partner.key for p in found.partnerships} == {"PL-30"}


def test_the_askers_words_run_on_through_the_paragraphs_of_a_web_page(tmp_path):
    """"… hat folgenden Wortlaut:" begins the asker's words; a page that split them into
    paragraphs goes on with them until the government's answer begins."""
    text = ("Die Kleine Anfrage 12 vom 3. Mai 2011 hat folgenden Wortlaut:\n\n"
            "Eine frühere Antwort ergab, dass das Land im Rahmen seiner Regionalpartnerschaft "
            "mit der Provinz Shaanxi ein Büro unterhält.\n\n"
            "Ich frage die Landesregierung:\n\n"
            "1. Welche Aufgaben hat das Büro?\n\n"
            "Der Minister hat die Kleine Anfrage namens der Landesregierung wie folgt "
            "beantwortet:\n\n"
            "Zu 1.: Das Büro betreut auch die Partnerschaft mit der Provinz Ontario.\n")
    found = extraction(tmp_path, text, genre="answer")
    assert {p.partner.key for p in found.partnerships} == {"CA-ON"}
