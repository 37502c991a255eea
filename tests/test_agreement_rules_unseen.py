"""Agreements as unseen documents word them (issue 8, a blind round of eight Länder scored
before any rule was made for it): another body's signing under a headline that names the
Land, bodies placed by a Land in brackets, an instrument standing "seit" a year, a signing on
a day without a year beside an older instrument, partners listed before a trilateral
instrument, a quoted title cited with its date, former regions. Invented passages, one rule
each; the helpers are those of test_extract_units."""

from __future__ import annotations

import pytest

from kg.documents import read
from kg.extract import extract
from kg.extract.territories import find_parties
from kg.records import DocumentMeta, Extraction
from kg.registers import load as load_registers
from tests.test_extract_units import agreement_rows, extraction
from tests.test_partnerships import stated


def undated(tmp_path, text: str, genre: str = "press-release") -> Extraction:
    """A document without a date of its own (a reprint without a date line)."""
    path = tmp_path / "dokument.txt"
    path.write_text(text, encoding="utf-8")
    meta = DocumentMeta(document_id="unit-test", identifier="Test", title="Test",
                        land="DE-NW", genre=genre, date=None)
    return extract(read(path), meta)


def test_a_headlines_instrument_the_text_tells_as_the_federations_is_not_the_lands(tmp_path):
    """"Aktionsplan unterzeichnet: Landesregierung begrüßt Abkommen" over "Die
    Bundesaußenministerin und ihr Amtskollege … haben … einen Aktionsplan unterzeichnet": the
    headline's undated instrument is the one the Federation signed."""
    text = ("Deutsch-kanadischer Aktionsplan unterzeichnet: Landesregierung begrüßt Abkommen\n\n"
            "Deutschlands Außenministerin Erika Beispiel und ihr kanadischer Amtskollege Max "
            "Muster haben heute in Ottawa einen deutsch-kanadischen Aktionsplan unterzeichnet. "
            "Der Ministerpräsident begrüßte diesen Schritt: „Kanada ist für uns ein wichtiger "
            "Partner.“ Die Verbindungen des Landes nach Kanada sollen dauerhaft gestärkt werden, "
            "auch mit Projekten in Kanada.\n")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == []


def test_a_headlines_instrument_the_land_signs_is_kept(tmp_path):
    text = ("Aktionsplan unterzeichnet\n\n"
            "Der Ministerpräsident und der Premier der Provinz Ontario haben heute in Toronto "
            "einen Aktionsplan unterzeichnet.\n")
    assert agreement_rows(extraction(tmp_path, text, date="2024-05-15")) == [
        ("aktionsplan", ("CA-ON",), "2024-05-15")]


def test_a_signing_the_land_reports_before_the_federations_is_kept(tmp_path):
    """A sentence that reports the Land's signing with its own actors is no headline: the
    Federation's signing of the same kind told after it does not take it."""
    text = ("Die Staatsrätin und der Minister der Provinz Ontario haben heute eine "
            "Absichtserklärung über die Zusammenarbeit unterzeichnet.\n\nDie Unterzeichnung folgt "
            "auf die Unterzeichnung einer Absichtserklärung zur Gründung einer "
            "deutsch-kanadischen Allianz durch die Bundesregierung.")
    assert agreement_rows(undated(tmp_path, text)) == [
        ("absichtserklaerung", ("CA-ON",), None)]


@pytest.mark.parametrize(("between", "expected"), [
    ("zwischen den Clustern Alpha (Nordrhein-Westfalen) und Beta (Provinz Ontario)", []),
    ("zwischen dem Land Nordrhein-Westfalen und der Provinz Ontario (Kanada)",
     [("kooperationsvereinbarung", ("CA-ON",), "2012-05-03")]),
])
def test_a_land_in_brackets_only_places_the_body_before_it(tmp_path, between, expected):
    """"eine Kooperationsvereinbarung zwischen den Clustern A (Land) und B (Region C)": the
    clusters' instrument, signed in the Ministerpräsident's presence, not the Land's."""
    text = (f"Im Beisein des Ministerpräsidenten wurde am 3. Mai 2012 eine "
            f"Kooperationsvereinbarung {between} unterzeichnet.")
    assert agreement_rows(extraction(tmp_path, text)) == expected


@pytest.mark.parametrize(("opening", "date"), [
    ("Seit 1994 arbeiten das Land und die Provinz Ontario", "1994"),
    ("Das Land und die Provinz Ontario arbeiten", None),
    ("Seit der Gründung des Büros im Jahr 1994 arbeiten das Land und die Provinz Ontario", None),
])
def test_an_instrument_a_cooperation_rests_on_since_a_year_is_of_that_year(tmp_path, opening,
                                                                        date):
    """"Seit 1994 arbeiten … auf Grundlage einer Gemeinsamen Erklärung zusammen": the
    instrument stands since then; a year inside a phrase of "seit" dates something else."""
    text = f"{opening} auf Grundlage einer Gemeinsamen Erklärung eng zusammen."
    assert agreement_rows(extraction(tmp_path, text)) == [
        ("gemeinsame-erklaerung", ("CA-ON",), date)]


def test_a_signing_on_a_day_without_a_year_is_not_an_older_instrument(tmp_path):
    """In a release without a date of its own, "Am 3.März wurde ein Abkommen … unterzeichnet"
    and, as background, "Bereits 2004 wurde ein Aktionsplan vereinbart": two instruments, not
    one of 2004 (a release reports one signing with each partner only where the signing
    names no day of its own)."""
    text = ("Am 3.März wurde ein Abkommen über die Zusammenarbeit zwischen dem Land und der "
            "Provinz Ontario in der Staatskanzlei unterzeichnet.\n\n"
            "Mit der Provinz Ontario ist das Land seit vielen Jahren verbunden. Bereits 2004 "
            "wurde ein Aktionsplan vereinbart.\n")
    rows = agreement_rows(undated(tmp_path, text))
    assert ("vereinbarung", ("CA-ON",), None) in rows
    assert ("aktionsplan", ("CA-ON",), "2004") in rows


def test_partners_listed_before_a_trilateral_instrument_are_its_partners(tmp_path):
    """"mit seinen Partnerregionen A in Kanada und B in Polen" … "hat … eine neue Trilaterale
    Gemeinsame Erklärung unterzeichnet": the instrument of the Land with both."""
    text = ("Die Zusammenarbeit des Landes mit seinen Partnerregionen Ontario in Kanada und der "
            "Woiwodschaft Pommern in Polen wird vertieft. Die Europaministerin hat im "
            "kanadischen Toronto eine neue Trilaterale Gemeinsame Erklärung über die "
            "Zusammenarbeit unterzeichnet.")
    assert agreement_rows(undated(tmp_path, text)) == [
        ("gemeinsame-erklaerung", ("CA-ON", "PL-22"), None)]


def test_a_quoted_title_is_cited_with_the_date_after_it(tmp_path):
    """Die „Gemeinsame Erklärung über … zwischen A und dem Land B“ vom 3. Mai 1993: the date
    after the title's closing quotation mark, however long the title."""
    text = ("Darauf baut die „Gemeinsame Erklärung über die Zusammenarbeit zwischen der Provinz "
            "Ontario und dem Land Nordrhein-Westfalen“ vom 3. Mai 1993 auf.")
    assert agreement_rows(undated(tmp_path, text, genre="report")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "1993-05-03")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Über die trilaterale Partnerschaftsvereinbarung pflegt das Land mit der Provinz Ontario "
     "und der Woiwodschaft Pommern seit 2001 gute Beziehungen.",
     [("partnerschaftserklaerung", ("CA-ON", "PL-22"), "2001")]),
    ("Über die Vereinbarung wurde lange verhandelt, sagte der Minister mit Blick auf die "
     "Provinz Ontario.", []),
])
def test_an_instrument_as_the_means_of_relations_kept_since_a_year(tmp_path, sentence,
                                                                   expected):
    """"Über die … Partnerschaftsvereinbarung pflegt das Land mit A und B seit 2001 …": one
    instrument with both, of the year the relations are kept since; "Über" the instrument
    as a topic names none."""
    assert agreement_rows(undated(tmp_path, sentence)) == expected


@pytest.mark.parametrize(("adjective", "expected"), [
    ("neuesten ", [("vereinbarung", ("CA-ON",), None)]),
    ("", []),
])
def test_an_instrument_in_force_exists(tmp_path, adjective, expected):
    """"In der neuesten Vereinbarung über die Zusammenarbeit haben beide Seiten …": an
    instrument in force, with the one partner the paragraph named, undated; "In der
    Vereinbarung" alone may be any text's."""
    text = ("Das Land und die Provinz Ontario arbeiten seit zwanzig Jahren zusammen. "
            f"In der {adjective}Vereinbarung über die Zusammenarbeit haben beide Seiten "
            "Schwerpunkte festgelegt.")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == expected


@pytest.mark.parametrize(("text", "key"), [
    ("zwischen der Wojewodschaft Poznan und dem Land", "PL/posen"),
    ("zwischen dem Land und Sønderjyllands Amt", "DK/soenderjyllands-amt"),
])
def test_former_regions_are_registered(text, key):
    """Regions abolished by a reform stay partners of the instruments signed with them
    (mappings/regions.csv); a former voivodeship named after its capital only with its kind
    word."""
    assert [f.ref.key for f in find_parties(text, load_registers())
            if f.ref.kind == "region"] == [key]


@pytest.mark.parametrize(("text", "expected"), [
    # a partnership the Land "will … eingehen" is still to come
    ("Mitten in der Krise will das Land in Kürze eine Partnerschaft mit der Provinz Ontario im "
     "Westen Kanadas eingehen.", {}),
    # a region named only as what the partner borders on is no partner
    ("Die Delegation reist in die an Ontario angrenzende Provinz Manitoba, mit der das Land "
     "seit 2009 eine Partnerschaft pflegt.", {"CA-MB": "2009"}),
])
def test_partnerships_planned_or_bordering_are_none(tmp_path, text, expected):
    assert {k: v[0] for k, v in stated(tmp_path, text).items()} == expected


def test_a_list_of_instruments_gives_the_lands_only(tmp_path):
    """A list of instruments one to a line: a line "zwischen" others ("… zwischen der Provinz
    A und dem Komitee B") is theirs, and a region named as where an instrument applies or
    what it creates ("… in der Provinz A", "… zur Errichtung der Region A") is no party."""
    text = ("Vereinbarungen seit 1990\n\n"
            "2001: Gemeinsame Erklärung über die Zusammenarbeit zwischen dem Land und der Provinz "
            "Ontario\n"
            "2004: Vereinbarung zur Zusammenarbeit in der Provinz Manitoba\n"
            "2005: Vereinbarung zur Errichtung der Provinz Manitoba\n"
            "2006: Kooperationsvereinbarung zwischen der Provinz Alberta und dem Komitee "
            "Beispiel\n")
    assert agreement_rows(extraction(tmp_path, text, genre="report")) == [
        ("gemeinsame-erklaerung", ("CA-ON",), "2001")]
