"""Agreements stated in English (issue 8): the signing words ("signed", "The signing of"),
the instruments' English names in any case ("joint declaration", "Memorandum of
Understanding", "partnership agreement", "cooperation agreement") and English dates ("12 May
2015", "May 12, 2015", "in October 2015") - data in mappings/. Regions are real, statements
invented."""

from __future__ import annotations

import pytest

from tests.test_extract_units import agreement_rows, extraction

ENGLISH = [
    ("The government of Lower Saxony and the Province of Ontario signed a Memorandum of "
     "Understanding on 12 May 2015 in Toronto to deepen their cooperation in the areas of "
     "science and trade, which both governments have maintained for many years.",
     ("memorandum-of-understanding", ("CA-ON",), "2015-05-12")),
    ("On May 12, 2015, the government of Lower Saxony and the Province of Ontario signed a "
     "partnership agreement in Toronto; the agreement is the basis of the exchange of the "
     "students and of the companies of both regions, which the governments support.",
     ("partnerschaftserklaerung", ("CA-ON",), "2015-05-12")),
    ("The signing of a new joint declaration during the visit of the delegation of Lower "
     "Saxony to the Province of Ontario in October 2015 demonstrated the wish of both regions "
     "to continue the partnership that has been maintained for many years by the governments.",
     ("gemeinsame-erklaerung", ("CA-ON",), "2015-10")),
    ("The government of Lower Saxony and the Province of Ontario signed a cooperation agreement "
     "on 3 March 2019 in Toronto, which is the basis of the projects of both regions and of "
     "the exchange of the students and the teachers that the governments support.",
     ("kooperationsvereinbarung", ("CA-ON",), "2019-03-03")),
]


@pytest.mark.parametrize(("text", "row"), ENGLISH)
def test_an_english_signing_is_an_agreement_of_its_date(tmp_path, text, row):
    rows = agreement_rows(extraction(tmp_path, text, land="DE-NI", date="2020-01-15"))
    assert rows == [row]


def test_an_english_signing_is_an_event_of_its_date(tmp_path):
    """"signed", "visited" are event words in English too (mappings/event-types.ttl)."""
    events = extraction(tmp_path, ENGLISH[0][0], land="DE-NI", date="2020-01-15").events
    assert [(e.event_type, e.date.start.lexical()) for e in events if e.date] == [
        ("unterzeichnung", "2015-05-12")]


def test_a_culture_of_visits_is_no_visit(tmp_path):
    text = ("Since 1995, Lower Saxony and the Province of Ontario have maintained a vibrant "
            "partnership, marked by a wide number of projects and an active culture of visits.")
    assert extraction(tmp_path, text, land="DE-NI", date="2020-01-15").events == []
