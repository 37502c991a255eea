"""Rules found from a blind round of reports and plenary-protocol passages (issue 8, round
rep17: Landtag protocols as a portal renders them, Drucksachen, speeches), scored before any
rule was made for them: invented texts in the style of the real ones, one error class each.
Regions are real (mappings/regions.csv); people, parties and dates are invented."""

from __future__ import annotations

import pytest

from kg.documents import read
from kg.extract.metadata import detect
from kg.registers import load as load_registers

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
