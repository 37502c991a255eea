"""Rules found from a blind round of reports and plenary-protocol passages (issue 8, round
rep17: Landtag protocols as a portal renders them, Drucksachen, speeches), scored before any
rule was made for them: invented texts in the style of the real ones, one error class each.
Regions are real (mappings/regions.csv); people, parties and dates are invented."""

from __future__ import annotations

import pytest

from kg.documents import read
from kg.extract.metadata import detect
from kg.registers import load as load_registers
from tests.test_extract_units import extraction

_SPEECH = ("Sehr geehrte Frau Präsidentin! Meine Damen und Herren! Die Zusammenarbeit mit "
           "unseren Nachbarn in der Woiwodschaft Westpommern ist uns wichtig, und der Landtag "
           "Mecklenburg-Vorpommern wird sie weiter begleiten.\n\n")


def _meta(tmp_path, text: str):
    path = tmp_path / "protokoll.txt"
    path.write_text(text, encoding="utf-8")
    return detect(read(path), load_registers())


# ------------- a plenary protocol is a report, and its header's "Sitzung vom …" is its date

@pytest.mark.parametrize("header, day", [
    ("Protokoll der Sitzung vom 03.05.2031", "2031-05-03"),
    ("Protocol of the Session on May 3, 2031", "2031-05-03"),
])
def test_a_protocols_header_makes_it_a_report_of_that_day(tmp_path, header, day):
    """A portal's rendering of a plenary protocol had been read as a press release, whose
    "Protokoll … vom …" is an act it cites: the session's day was lost, and with it every
    anniversary counted from it."""
    meta = _meta(tmp_path, f"{header}\n\n{_SPEECH}(Beifall bei der Fraktion A)\n\n{_SPEECH}")
    assert (meta.genre, meta.date.start.lexical() if meta.date else "") == ("report", day)


@pytest.mark.parametrize("note", [
    "(Beifall bei der Fraktion A und vereinzelt bei der Fraktion B)",
    "[Beifall bei der Fraktion A]",
    "(Zuruf von Erika Beispiel, Fraktion B)",
    "(Zwischenruf Abg. Beispiel, Fraktion B: Das stimmt nicht!)",
    "(Heiterkeit bei der Fraktion A)",
])
def test_the_houses_notes_in_brackets_make_an_excerpt_without_header_a_report(tmp_path, note):
    """An excerpt that starts inside the protocol has no header; its notes of applause,
    heckles and laughter in brackets are the protocol's."""
    assert _meta(tmp_path, f"{_SPEECH}{note}\n\n{_SPEECH}").genre == "report"


def test_a_press_release_without_the_houses_notes_stays_a_press_release(tmp_path):
    text = ("Pressemitteilung\n\nSchwerin, 3. Mai 2031\n\n" + _SPEECH +
            "Der Beifall der Gäste war groß.\n")
    assert _meta(tmp_path, text).genre == "press-release"


def test_a_question_in_a_protocol_keeps_the_protocol_an_answer(tmp_path):
    """The protocol of a Fragestunde holds the government's answers: the question's kind still
    makes the document an answer."""
    text = ("Protokoll der Sitzung vom 03.05.2031\n\nMündliche Anfrage der Abgeordneten Erika "
            "Beispiel (Fraktion A): Wie steht es um die Zusammenarbeit?\n\n(Beifall)\n\n" + _SPEECH)
    assert _meta(tmp_path, text).genre == "answer"


# ------------- a partnership argued for (a motion's slogan, "setzt sich für … ein") is none yet

def _partners(tmp_path, text, land="DE-BE"):
    found = extraction(tmp_path, text, genre="report", land=land, date="2031-05-03")
    return sorted({p.partner.key for p in found.partnerships})


@pytest.mark.parametrize("text", [
    "Tagesordnungspunkt 12\n\nBerlins Partnerschaften weiterentwickeln – für eine "
    "Regionalpartnerschaft mit der Provinz Hubei\n\nAntrag der Fraktion A, Drucksache 31/2",
    "Partnerschaften weiterentwickeln: für eine Regionalpartnerschaft mit der Provinz Hubei",
    "Die Fraktion setzt sich für eine Regionalpartnerschaft mit der Provinz Hubei ein.",
    "Wir werben seit Langem für eine Regionalpartnerschaft mit der Provinz Hubei.",
    "Die Abgeordneten sprechen sich für eine neue Partnerschaft mit der Provinz Hubei aus.",
])
def test_a_partnership_argued_for_is_none_yet(tmp_path, text):
    """"Berlins Städtepartnerschaften weiterentwickeln – für eine Städtepartnerschaft mit A", a
    motion's title in a plenary protocol, made A a partner city."""
    assert _partners(tmp_path, text) == []


@pytest.mark.parametrize("text", [
    "Der Regierende Bürgermeister unterzeichnete mit dem Gouverneur eine Absichtserklärung für "
    "eine Regionalpartnerschaft mit der Provinz Hubei.",
    "Die Regionalpartnerschaft mit der Provinz Hubei ist ein Pluspunkt für eine engere "
    "Zusammenarbeit.",
])
def test_an_instruments_purpose_or_an_existing_partnership_stays(tmp_path, text):
    assert _partners(tmp_path, text) == ["CN-HB"]


# ------------- a relative clause on an anniversary dates the anniversary, not the occasion

def _event_dates(tmp_path, text, land="DE-BB"):
    found = extraction(tmp_path, text, genre="report", land=land, date="2031-05-03")
    return sorted(e.date.start.lexical() for e in found.events if e.date is not None)


@pytest.mark.parametrize("clause", [
    "deren 25-jähriges Jubiläum wir in diesem Jahr noch feiern dürfen",
    "dessen zehnter Jahrestag im Jahr 2031 begangen wird",
])
def test_a_relative_clause_on_an_anniversary_dates_no_journey(tmp_path, clause):
    """"…, dass die erste Auslandsreise des Ministerpräsidenten … in die Nachbarregion A führte
    und er unsere Zusammenarbeit dort bestärkte, deren 25-jähriges Jubiläum wir in diesem Jahr
    noch feiern dürfen" dated the undated journey by the jubilee's year."""
    text = ("Ich bin dankbar, dass die erste Auslandsreise des Ministerpräsidenten in die "
            "Woiwodschaft Westpommern führte und er die Zusammenarbeit dort bestärkte, "
            f"{clause}.")
    assert _event_dates(tmp_path, text) == []


def test_a_journey_dated_in_its_own_clause_stays(tmp_path):
    text = ("Im März 2031 führte die erste Auslandsreise des Ministerpräsidenten in die "
            "Woiwodschaft Westpommern, deren Zusammenarbeit mit dem Land wir schätzen.")
    assert _event_dates(tmp_path, text) == ["2031-03"]
