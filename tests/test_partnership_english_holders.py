"""Standing partnerships as a blind round's development cases stated them (issue 8, branch
h-par8): pages in English (a Land's profile on a network's site, a partner's embassy or
agency reporting on the partnership), municipalities that keep their own partnerships, a list
item that names a relation of its own, an instrument extended to a successor region, the start
of a "partnerschaftliche Verbindung". Regions
and countries are real (in mappings/*.csv or ISO 3166-2, the former one by name only); the
statements are invented."""

from __future__ import annotations

import pytest

from tests.test_partnerships import stated

ENGLISH_LIST = (
    "The state of Lower Saxony has maintained friendly relations with regions around the world "
    "for many years, and the government of the state is expanding its cooperation with them.\n"
    "Against this background the state maintains several partnerships:\n"
    "- in Poland with the voivodeships of Lower Silesia and Greater Poland,\n"
    "- in Canada with the Province of Ontario,\n"
    "- and a project-partnership with Rwanda.\n"
    "- The state enjoys particularly close cooperation with the Netherlands along the border.\n")

ENGLISH_SINCE = (
    "Since 2001, Lower Saxony and the Province of Ontario in Canada have maintained a lively "
    "partnership, marked by a number of projects and an active culture of visits. The "
    "partnership covers the areas of science, youth exchanges and sport, and it is one of the "
    "oldest of the state. Both governments met again this year for talks on the cooperation.")

ENGLISH_JUBILEE = (
    "The provincial government of the Province of Ontario and the government of Lower Saxony "
    "on 20 October signed a joint declaration of intent in Toronto to foster cooperation in the "
    "areas of technology, sport and tourism in their respective regions. The Premier and the "
    "Deputy Prime Minister of the state signed the declaration to renew the Twinning Agreement "
    "and to celebrate the 20 years of successful relations between their regions. The backbone "
    "of the partnership is the exchange programme between the sports association of the state "
    "and the Department of Sport of the province.")

CASES = [
    # a list under an English lead: each item's regions (the country before "with" places
    # them); an item naming "cooperation" of its own is no partnership
    (ENGLISH_LIST, {"PL-02": None, "PL-30": None, "CA-ON": None, "RW": None}),
    # "Since <year>, the Land and A have maintained a partnership"
    (ENGLISH_SINCE, {"CA-ON": "2001"}),
    # "the Twinning Agreement" refers back to the region the paragraph named; its jubilee
    # counts back from the document's year; "the Department of Sport" is a body, no region
    (ENGLISH_JUBILEE, {"CA-ON": "2004"}),
    # German: municipalities that keep their partnerships ("Kommunen … halten an … fest")
    ("Zahlreiche Kommunen im Land halten trotz des Krieges an ihren Partnerschaften mit "
     "Russland fest.", {}),
    ("Viele Kommunen halten an Partnerschaften mit der Ukraine fest.", {}),
    # German: an item under a lead of partnerships that names its own relation
    ("Das Land unterhält folgende Partnerschaften:\n"
     "- mit der Provinz Ontario (Kanada),\n"
     "- mit der Woiwodschaft Pommern (Polen),\n"
     "- eine besonders enge Zusammenarbeit mit den Niederlanden.\n",
     {"CA-ON": None, "PL-22": None}),
    # an instrument with a former region "extended" after a reform to a region named after
    # it: the partnership is the successor's
    ("Der Ministerpräsident erinnerte an den Beginn der Partnerschaft und an die am 5. Mai "
     "1995 abgeschlossene „Verständigung über die Zusammenarbeit zwischen der Woiwodschaft "
     "Słupsk und dem Land“, die im Jahre 1999 nach der Gebietsreform in Polen in Form einer "
     "„Gemeinsamen Erklärung“ auf die vergrößerte Woiwodschaft Pommern erweitert wurde.",
     {"PL-22": "1995-05-05"}),
    # the "seit" of a relation a partnership's adjective qualifies dates a partnership the
    # text states with that partner; another level's later "seit" does not, nor do contacts
    ("Die Delegation kam aus der Partnerprovinz Ontario. Das Land und Ontario unterhalten seit "
     "1987 eine partnerschaftliche Verbindung auf Regierungsebene – seit 2000 auch auf "
     "parlamentarischer Ebene.", {"CA-ON": "1987"}),
    ("Die Delegation kam aus der Partnerprovinz Ontario. Die partnerschaftlichen Beziehungen zu "
     "Ontario bestehen seit 1987.", {"CA-ON": "1987"}),
    ("Die Delegation kam aus der Partnerprovinz Ontario. Seit 2010 bestehen Kontakte zu "
     "Ontario.", {"CA-ON": None}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_partnerships_stated(tmp_path, text, expected):
    found = {key: since for key, (since, _, _) in stated(tmp_path, text, land="DE-NI").items()}
    assert found == expected


def test_english_words_in_a_german_text_state_nothing(tmp_path):
    """A German document's English project name ("Eastern Partnership") is no partnership
    word: the English reading is only for a document written in English."""
    text = ("Die Landesregierung begrüßt die Eastern Partnership der Europäischen Union mit "
            "der Ukraine und Georgien und unterstützt die Projekte der Kommunen.")
    assert stated(tmp_path, text, land="DE-NI") == {}
