"""How signings and partnership starts are dated (issue 8, rules found in three blind rounds):
a web page's date line in figures with hyphens, a date line run into the lead, a date that
only a "seit" phrase carries, a name broken at its hyphen by a line wrap, and jubilees counted
by partner from the year the text celebrates in. Regions are real (mappings/regions.csv);
the sentences are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.dates import find_dates
from kg.documents import read
from kg.extract import extract
from kg.extract.metadata import detect
from kg.extract.territories import find_parties
from kg.records import DocumentMeta, Extraction
from kg.registers import load as load_registers
from tests.test_extract_units import agreement_rows, extraction


def _detected_date(tmp_path: Path, text: str) -> str | None:
    path = tmp_path / "seite.txt"
    path.write_text(text, encoding="utf-8")
    date = detect(read(path), load_registers()).date
    return date.start.lexical() if date is not None else None


def _undated(tmp_path: Path, text: str, genre: str = "press-release") -> Extraction:
    """A document whose text states no date of issue, as a news site's copy may."""
    path = tmp_path / "meldung.txt"
    path.write_text(text, encoding="utf-8")
    meta = DocumentMeta(document_id="unit-test", identifier="Test", title="Test",
                        land="DE-NW", genre=genre, date=None)
    return extract(read(path), meta)


def _starts(found: Extraction) -> dict[str, str | None]:
    starts: dict[str, str | None] = {}
    for record in found.partnerships:
        since = record.since.start.lexical() if record.since else None
        known = starts.get(record.partner.key)
        starts[record.partner.key] = min(s for s in (since, known) if s) if since or known \
            else None
    return starts


# ----------------------------------------------------------------------------- date lines


@pytest.mark.parametrize(("text", "day"), [
    ("03-12-2031", "2031-12-03"),
    ("Stand 28-02-2031.", "2031-02-28"),
    ("03-12-2031Europa und Internationales", "2031-12-03"),
])
def test_a_day_in_figures_with_hyphens_is_a_date(text, day):
    found = find_dates(text)
    assert [m.value.start.lexical() for m in found] == [day]


@pytest.mark.parametrize("text", ["Tel. 0211-12-2031", "Az. 03-12-2031-7", "31-13-2031",
                                  "Los 1-12-2031"])
def test_numbers_with_hyphens_that_are_no_day(text):
    assert find_dates(text) == []


def test_a_pages_date_line_with_hyphens_run_into_its_category_dates_the_release(tmp_path):
    """"03-12-2031Europa": the page runs its category into the date line; the day without a
    year in the lead then takes the year of the release."""
    text = ("Land und Woiwodschaft Pommern vereinbaren engere Zusammenarbeit\n"
            "03-12-2031Europa und Internationales\n"
            "Der Ministerpräsident und der Marschall der Woiwodschaft Pommern haben am 1. "
            "Dezember in Danzig einen gemeinsamen Handlungsplan für die Jahre 2032 und 2033 "
            "unterzeichnet.\n")
    assert _detected_date(tmp_path, text) == "2031-12-03"


def test_a_date_line_run_into_the_lead_outranks_a_weekdays_date_in_brackets(tmp_path):
    """"Beispielstadt 07.02.2031 Die Ministerin hat am Mittwoch (05.02.2031) …": the place and
    day opening the text are its date line; the weekday's date is the occasion's."""
    text = ("Pressemitteilung\n\nBeispielstadt 07.02.2031 Die Europaministerin hat am Montag "
            "(05.02.2031) gemeinsam mit dem Marschall der Woiwodschaft Pommern eine "
            "Partnerschaftsvereinbarung unterzeichnet.\n")
    assert _detected_date(tmp_path, text) == "2031-02-07"


def test_a_date_opening_a_sentence_after_a_preposition_is_no_date_line(tmp_path):
    text = ("Pressemitteilung\n\nAm 05.02.2031 hat die Europaministerin gemeinsam mit dem "
            "Marschall der Woiwodschaft Pommern in Danzig eine Partnerschaftsvereinbarung "
            "unterzeichnet und anschließend die Messe besucht.\n")
    assert _detected_date(tmp_path, text) is None


# ----------------------------------------------------------------------------- signings


def test_a_date_inside_a_seit_phrase_is_no_occasion_of_a_later_signing(tmp_path):
    """"Seit der Gründung der Bezirke im Jahr 2007 …. Jetzt wurde … abgeschlossen": the year
    dates the founding of something else, not the signing told after it."""
    text = ("Seit der Gründung der Bezirke in Polen im Jahr 1999 hätten sich viele "
            "Rahmenbedingungen geändert, sagte die Ministerin. Jetzt sei mit der Woiwodschaft "
            "Pommern eine runderneuerte Partnerschaftsvereinbarung abgeschlossen worden.")
    found = _undated(tmp_path, text)
    assert agreement_rows(found) == [("partnerschaftserklaerung", ("PL-22",), None)]
    assert _starts(found).get("PL-22") is None


def test_a_date_right_after_seit_stays_excluded_and_one_of_the_paragraph_still_dates(tmp_path):
    text = ("Am 3. Mai 2031 besuchte die Ministerin die Woiwodschaft Pommern. Dabei wurde eine "
            "Partnerschaftsvereinbarung unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, genre="report", date="2031-06-01")) == [
        ("partnerschaftserklaerung", ("PL-22",), "2031-05-03")]


@pytest.mark.parametrize("text", [
    "Mit der Woiwodschaft Ermland- Masuren unterzeichnete das Land eine Gemeinsame Erklärung.",
    "Mit der Woiwodschaft Ermland-Masuren unterzeichnete das Land eine Gemeinsame Erklärung.",
    "Mit der Woiwodschaft Ermland Masuren unterzeichnete das Land eine Gemeinsame Erklärung.",
])
def test_a_name_broken_at_its_hyphen_by_a_line_wrap_is_the_registers_name(text):
    found = find_parties(text, load_registers())
    assert [f.ref.key for f in found if f.ref.kind == "region"] == ["PL-28"]


# ----------------------------------------------------------------------------- jubilees


def test_jubilees_a_paragraph_counts_from_the_year_of_its_lead(tmp_path):
    """"In 2031 jähren sich …: 20 Jahre …, seit 15 Jahren … mit B. Fünf Jahre ist das Land mit
    C … verbunden": each partner's count from the lead's year, also in the next sentence."""
    text = ("Die Ministerpräsidentin begrüßte die Delegationen der Partnerregionen Ontario, "
            "Großpolen und Québec.\n\n"
            "In 2031 jähren sich zahlreiche Kooperationen: 20 Jahre besteht die Partnerschaft "
            "mit der Provinz Ontario, seit 15 Jahren gibt es Verbindungen mit Großpolen. Fünf "
            "Jahre ist das Land mit der Provinz Québec partnerschaftlich verbunden.")
    starts = _starts(_undated(tmp_path, text))
    assert starts == {"CA-ON": "2011", "PL-30": "2016", "CA-QC": "2026"}


def test_a_count_without_its_jubilee_year_or_an_approximate_one_dates_nothing(tmp_path):
    text = ("Die Ministerpräsidentin begrüßte die Delegationen der Partnerregionen Großpolen "
            "und Québec.\n\n"
            "Seit mehr als 15 Jahren gibt es Verbindungen mit Großpolen. Seit Jahren ist das "
            "Land mit der Provinz Québec partnerschaftlich verbunden.")
    assert _starts(_undated(tmp_path, text)) == {"PL-30": None, "CA-QC": None}


def test_a_jubilee_counts_from_the_jubilee_year_the_text_names(tmp_path):
    """"Das 20-jährige Jubiläum unserer …-großpolnischen Regionalpartnerschaft" in a text that
    names "diesem Jubiläumsjahr 2031": since 2011, for the partner the adjective names only."""
    text = ("Im Jubiläumsjahr der Regionalpartnerschaft will das Land die Kontakte zu den "
            "Partnerregionen Großpolen und Pommern ausbauen. Den Auftakt zu diesem "
            "Jubiläumsjahr 2031 bildet ein Empfang in Posen.\n\n"
            "Die Staatssekretärin betonte: „Das 20-jährige Jubiläum unserer erfolgreichen "
            "deutsch-großpolnischen Regionalpartnerschaft unterstreicht eines: Nachbarn "
            "brauchen einander.“")
    assert _starts(_undated(tmp_path, text)) == {"PL-30": "2011", "PL-22": None}


def test_a_signing_by_a_post_only_a_land_has_is_the_lands_of_the_weekdays_day(tmp_path):
    """"Europaministerin A hat am Mittwoch (05.02.2031) gemeinsam mit B, Vertreter der
    Europäischen Kommission in Deutschland, … unterzeichnet": the Land's minister signs (the
    country that places the Commission's office is no party), on the Monday in brackets."""
    text = ("Beispielstadt 07.02.2031 Europaministerin Anna Beispiel hat am Mittwoch (05.02.2031) "
            "gemeinsam mit Karl Muster, Vertreter der Europäischen Kommission in Deutschland, "
            "eine Partnerschaftsvereinbarung für gemeinsame Projekte unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text, date="2031-02-07")) == [
        ("partnerschaftserklaerung", ("europaeische-union",), "2031-02-05")]



def test_a_date_line_run_into_the_lead_is_no_occasion(tmp_path):
    text = ("Beispielstadt 07.02.2031 Europaministerin Anna Beispiel hat am Mittwoch (05.02.2031) "
            "gemeinsam mit dem Marschall der Woiwodschaft Pommern eine "
            "Partnerschaftsvereinbarung unterzeichnet.")
    found = extraction(tmp_path, text, date="2031-02-07")
    assert {e.date.start.lexical() for e in found.events if e.date} == {"2031-02-05"}
