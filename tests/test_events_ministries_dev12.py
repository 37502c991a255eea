"""Events, ministries and known false facts of the development part's error classes (issue 8,
branch h-dev12). Regions are real (in mappings/*.csv or ISO 3166-2); the statements are
invented in the style of the wording."""

from __future__ import annotations

import pytest

from tests.test_extract_units import extraction
from tests.test_partnerships import stated

# A day a press release dated only by month names relative to its date: of that month when told
# in the past; announced in the present it may be next month's.
MONTH_PAGE_DAYS = [
    ("Ministerpräsident Jan Beispiel unterzeichnete am Samstag (Ortszeit) in "
     "Sacramento mit dem Gouverneur des US-Bundesstaats Kalifornien eine Absichtserklärung.",
     ["2031-09"]),
    ("«Wir sind Freunde geworden», sagte sie am Montagabend bei einer "
     "Festveranstaltung mit der Provinz Ontario in Toronto.", ["2031-10"]),
    ("Das Land und die Provinz Ontario unterzeichnen am Donnerstag eine "
     "Absichtserklärung.", []),
    ("Am Mittwoch reist der Ministerpräsident in die Provinz Ontario, um eine "
     "Vereinbarung zu unterzeichnen.", []),
]


@pytest.mark.parametrize(("text", "dates"), MONTH_PAGE_DAYS)
def test_a_weekday_of_a_month_dated_release_is_of_its_month(tmp_path, text, dates):
    found = extraction(tmp_path, text, date="Oktober 2031" if "Festveranstaltung" in text
                       else "September 2031")
    assert [e.date.start.lexical() for e in found.events if e.date and not e.planned] == dates


def test_a_weekday_of_a_day_dated_release_stays_its_day(tmp_path):
    text = ("Ministerpräsident Jan Beispiel unterzeichnete am Samstag in Toronto mit der "
            "Provinz Ontario eine Absichtserklärung.")
    found = extraction(tmp_path, text, date="2031-09-10").events
    assert [e.date.start.lexical() for e in found if e.date] == ["2031-09-06"]


ANNIVERSARIES = [
    # an anniversary alone is no occasion
    ("Anlässlich des 20-jährigen Jubiläums der Partnerschaft mit der Woiwodschaft Lebus "
     "betonte Ministerpräsident Jan Beispiel am 10. Januar 2031: „Wir sind Nachbarn.“", []),
    ("Das Jahr 2031 stand im Zeichen der Vorbereitungen des 20-jährigen Jubiläums der "
     "Partnerschaft mit der Provinz Ontario.", []),
    ("Die Erklärung mit der Provinz Ontario wird 2031 anlässlich ihres 30. Jubiläums ein "
     "Thema der Landesregierung.", []),
    # celebrated, it is one; so is another occasion of the sentence
    ("Am 27. Februar 2031 wurde das 25. Jubiläum der Regionalpartnerschaft mit der "
     "Woiwodschaft Niederschlesien feierlich gewürdigt.", ["2031-02-27"]),
    ("Anlässlich des 20-jährigen Jubiläums der Partnerschaft mit der Woiwodschaft Masowien "
     "fanden am 4. Oktober 2031 politische Gespräche statt.", ["2031-10-04"]),
]


@pytest.mark.parametrize(("text", "dates"), ANNIVERSARIES)
def test_an_anniversary_is_an_occasion_only_when_celebrated(tmp_path, text, dates):
    found = extraction(tmp_path, text, date="2031-12-01").events
    assert [e.date.start.lexical() for e in found if e.date and not e.planned] == dates


def test_a_welcome_is_a_reception(tmp_path):
    text = ("Europaministerin Anna Beispiel hieß am 2. Dezember 2031 die Ministerin der "
            "kanadischen Provinz Québec im Prinz-Carl-Palais willkommen.")
    (event,) = extraction(tmp_path, text, land="DE-BY", date="2031-12-10").events
    assert event.event_type == "empfang"


MINISTER_PORTFOLIOS = [
    # a minister's portfolio the register does not list for the Land: that ministry
    ("„Ein Gewinn“, erklärte Minister für Finanzen und Wirtschaft Jan Beispiel in Stuttgart.",
     "DE-BW", {"Ministerium für Finanzen und Wirtschaft"}),
    ("Die Ministerin für Bundesangelegenheiten, Europa und Medien hat die Anfrage beantwortet.",
     "DE-NW", {"Ministerium für Bundesangelegenheiten, Europa und Medien"}),
    ("Der Minister der Justiz, für Integration und Europa und stellvertretende "
     "Ministerpräsident Jan Beispiel reiste nach Bologna.", "DE-HE",
     {"Ministerium der Justiz, für Integration und Europa"}),
    ("An den Gesprächen nahm die Staatsministerin für Kultur und Tourismus, Anna Beispiel, "
     "teil.", "DE-SN", {"Staatsministerium für Kultur und Tourismus"}),
    # a foreign minister, a portfolio no Land has, an idiom: none
    ("Die tschechische Ministerin für Regionalentwicklung, Anna Příkladová, war zu Gast.",
     "DE-BY", set()),
    ("Es sprach der Minister für Tourismus, Kultur und Freizeit der kanadischen Provinz "
     "Neufundland.", "DE-HH", set()),
    ("Auf luxemburgischer Seite waren der Minister für Wirtschaft, Jan Exemple, sowie der "
     "Minister für Innere Angelegenheiten dabei.", "DE-SL", set()),
    ("Die Ministerin für Internationale Beziehungen und Frankophonie kam nach München.",
     "DE-BY", set()),
    ("In den Vereinigten Staaten sorgte eine Ministerin für Aufsehen.", "DE-NW", set()),
]


@pytest.mark.parametrize(("text", "land", "expected"), MINISTER_PORTFOLIOS)
def test_a_ministers_portfolio_names_the_ministry(tmp_path, text, land, expected):
    found = extraction(tmp_path, text, land=land, date="2013-05-13").ministries
    assert {m.label_de for m, _ in found if not m.registered} == expected


def test_a_registered_post_under_part_of_its_portfolio_is_the_registers(tmp_path):
    text = "Sie trafen den Bayerischen Staatsminister für Internationales, Jan Beispiel."
    found = extraction(tmp_path, text, land="DE-BY", date="2024-05-13").ministries
    assert {(m.key, m.registered) for m, _ in found} == {("StK", True)}


def test_interest_after_a_post_is_no_name(tmp_path):
    text = ("Der Kontakt geht auf das Jahr 1994 zurück, als der damalige Oberbürgermeister "
            "Interesse an einem Austausch bekundete.")
    assert not extraction(tmp_path, text, land="DE-BW").persons


def test_a_partnership_referred_back_to_in_a_paragraph_on_towns_is_theirs(tmp_path):
    text = ("Die Stadt Schwedt und das polnische Koszalin haben heute eine Rahmenvereinbarung "
            "unterzeichnet. Die nun begründete Partnerschaft mit Koszalin eröffnet neue "
            "Perspektiven. Beide Städte tragen zu den Kooperationsvereinbarungen des Landes mit "
            "der Wojewodschaft Westpommern bei. Ich wünsche der Partnerschaft alles Gute.")
    assert stated(tmp_path, text, land="DE-BB") == {}


FORMER_REGIONS = [
    # an association's work or a network extended to the larger region hands nothing over
    ("Im Rahmen dieser ältesten Regionenpartnerschaft wurde der Partnerschaftsvertrag zwischen "
     "Rheinland-Pfalz und Burgund 1962 unterzeichnet. 2015 wurde die Arbeit der "
     "Partnerschaftsverbände auf die neue Region Burgund-Franche-Comté erweitert.",
     {"FR/burgund"}),
    ("Die Partner Burgund, Oppeln und Mittelböhmen bilden mit dem Land ein Netzwerk. 2015 "
     "wurde das 4er-Netzwerk der Regionalpartner auf die neue Region Burgund-Franche-Comté "
     "erweitert.", set()),
    # the text states the partnership with the larger region: that one
    ("Die älteste Regionenpartnerschaft Europas verbindet Rheinland-Pfalz mit der französischen "
     "Region Burgund-Franche-Comté seit 1962.", {"FR-BFC"}),
]


@pytest.mark.parametrize(("text", "partners"), FORMER_REGIONS)
def test_a_former_region_keeps_its_partnership_unless_the_text_hands_it_over(tmp_path, text,
                                                                            partners):
    assert set(stated(tmp_path, text, land="DE-RP")) == partners


EVENT_WORDS = [
    # words of occasions the scheme lacked (mappings/event-types.ttl)
    ("Am 23. Juni 1982 wurde die Partnerschaft in Form eines Briefwechsels zwischen dem Land "
     "und der Republik Ruanda vereinbart.", "unterzeichnung"),
    ("Die Partnerschaft mit der Woiwodschaft Kleinpolen wurde im Jahr 1997 mit einer "
     "Partnerschaftserklärung formalisiert.", "unterzeichnung"),
    ("Im Jahr 1993 schloss das Land mit der Woiwodschaft Großpolen eine Partnerschaft.",
     "unterzeichnung"),
    ("Die Erklärung mit der Woiwodschaft Großpolen wurde im Jahr 2000 aktualisiert.",
     "verlaengerung"),
    ("Die Partnerschaft mit der Woiwodschaft Kleinpolen wurde im Jahr 1999 fortgeschrieben.",
     "verlaengerung"),
    ("Im November 2031 war der Ministerpräsident in die Provinz Ontario gereist.", "reise"),
    ("Zuletzt war im Jahr 2006 ein Ministerpräsident in der Oblast Tjumen zu Gast.", "besuch"),
]


@pytest.mark.parametrize(("text", "event_type"), EVENT_WORDS)
def test_words_of_occasions(tmp_path, text, event_type):
    (event,) = extraction(tmp_path, text, date="2031-12-01").events
    assert event.event_type == event_type and not event.planned


def test_an_update_still_to_come_is_planned(tmp_path):
    text = ("Das Land kooperiert mit der Provinz Ontario auf Grundlage einer Erklärung, die in "
            "diesem Jahr anlässlich ihres Jubiläums aktualisiert werden soll.")
    found = extraction(tmp_path, text, date="2031-06-01").events
    assert found and all(e.planned for e in found)


def test_a_day_without_year_in_a_month_dated_release_is_of_its_year(tmp_path):
    text = ("Die Delegation der Provinz Ontario weilt vom 16. bis 18. Oktober zu einem "
            "offiziellen Besuch im Land.")
    found = extraction(tmp_path, text, date="Oktober 2031").events
    assert [e.date.start.lexical() for e in found if e.date] == ["2031-10-16"]


NAMED_INSTRUMENTS = [
    # a date that names an instrument dates no occasion
    ("Sie erneuert die bisherige Erklärung zur Zusammenarbeit mit der Region Baskenland von "
     "1994.", []),
    ("Die Arbeitsgruppe tagt auf der Grundlage der gemeinsamen Erklärung des Landes und der "
     "Region Ústí vom 5. Dezember 1992.", []),
    ("Der Besuch steht im Einklang mit der im November 2031 unterzeichneten "
     "Absichtserklärung mit der Provinz Ontario.", []),
    # a signing told with its date is one
    ("Die Erklärung zur Zusammenarbeit mit der Region Baskenland wurde 1994 unterzeichnet.",
     ["1994"]),
]


@pytest.mark.parametrize(("text", "dates"), NAMED_INSTRUMENTS)
def test_a_date_that_names_an_instrument_is_no_occasion(tmp_path, text, dates):
    found = extraction(tmp_path, text, date="2031-12-10").events
    assert [e.date.start.lexical() for e in found if e.date and not e.planned] == dates


def test_a_private_journey_is_no_occasion(tmp_path):
    text = ("Als Privatperson hatte er großes Interesse an China und bereiste die Provinz "
            "Jiangsu 1985 zum ersten Mal.")
    assert not extraction(tmp_path, text, land="DE-BW", date="2020-02-01").events
