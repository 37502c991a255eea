"""Rules of round gen17 (issue 8): agreement, partnership and ministry rules made general, so
that they cover the shape of their document in other phrasings. Regions are real (in
mappings/*.csv or ISO 3166-2); the statements are invented in the style of the wording."""

from __future__ import annotations

import pytest

from tests.test_extract_units import extraction

# A genitive portfolio ("des Innern") followed by a verb or a conjunction and another phrase
# with "der": the "der" is no other body the portfolio belongs to.
GENITIVE_PORTFOLIOS = [
    ("Die Antwort ergeht im Einvernehmen mit dem Minister der Finanzen, dem Minister des "
     "Innern und für Sport sowie mit der Ministerin für Wissenschaft und Kunst.", "DE-HE",
     {"Ministerium der Finanzen", "Ministerium des Innern und für Sport",
      "Ministerium für Wissenschaft und Kunst"}),
    ("Beantwortet im Einvernehmen mit dem Minister für Arbeit, Integration und Soziales und der "
     "Ministerin für Familie, Kinder und Jugend.", "DE-HE",
     {"Ministerium für Arbeit, Integration und Soziales", "Ministerium für Familie, Kinder und "
      "Jugend"}),
    ("Bei Gesprächen mit dem Sächsischen Staatsminister des Innern bekundete der tschechische "
     "Umweltminister sein Interesse.", "DE-SN", {"Staatsministerium des Innern"}),
    # still another body's: its genitive right after the portfolio, or after "in der Regierung"
    ("Es sprach der Minister des Innern der Republik Polen.", "DE-SN", set()),
    ("Es sprach der Minister für Kultur in der Regierung der Provinz Ontario.", "DE-BY", set()),
]


@pytest.mark.parametrize(("text", "land", "expected"), GENITIVE_PORTFOLIOS)
def test_a_genitive_portfolio_before_another_phrase_names_the_ministry(tmp_path, text, land,
                                                                       expected):
    found = extraction(tmp_path, text, genre="answer", land=land, date="2013-05-13").ministries
    assert {m.label_de for m, _ in found if not m.registered} == expected


def agreement_rows(found) -> list[tuple]:
    return [(a.kind, tuple(p.key for p in a.partners), a.date.start.lexical() if a.date else None)
            for a in found.agreements]


# An instrument named as the means of a renewal, in the accusative after "durch" as in the
# dative after "mit": a new instrument of the renewal's date.
@pytest.mark.parametrize("means", ["durch eine gemeinsame Erklärung", "mit einer gemeinsamen "
                                   "Erklärung", "durch ein gemeinsames Kommuniqué"])
def test_an_instrument_that_renews_in_any_case_is_of_the_renewals_date(tmp_path, means):
    text = ("Die Zusammenarbeit mit der Provinz Westkap, die seit 1995 besteht und 2010 "
            f"{means} der Regierungen erneuert worden ist, ist eng.")
    rows = agreement_rows(extraction(tmp_path, text, land="DE-BY", date="2014-05-13"))
    assert [(partners, date) for _, partners, date in rows] == [(("ZA-WC",), "2010")]


# A signing placed at the occasion the paragraph before dated, in any phrase of place.
OCCASION_BEFORE = ("Ministerpräsident Jan Beispiel besuchte vom 18. bis 20. März 2007 die "
                   "kanadische Provinz Ontario.\n\n")


@pytest.mark.parametrize(("second", "date"), [
    ("Im Mittelpunkt der Konsultationen stand die Unterzeichnung einer Gemeinsamen Erklärung "
     "mit der Provinz Ontario.", "2007-03"),
    ("Während der Reise unterzeichnete er eine Gemeinsame Erklärung mit der Provinz Ontario.",
     "2007-03"),
    ("Anlässlich des Besuchs wurde eine Gemeinsame Erklärung mit der Provinz Ontario "
     "unterzeichnet.", "2007-03"),
    # a signing not placed at the occasion stays undated
    ("In Toronto unterzeichnete er eine Gemeinsame Erklärung mit der Provinz Ontario.", None),
])
def test_a_signing_at_the_occasion_before_takes_its_date(tmp_path, second, date):
    rows = agreement_rows(extraction(tmp_path, OCCASION_BEFORE + second, date="2007-03-21"))
    assert rows == [("gemeinsame-erklaerung", ("CA-ON",), date)]


# A bracket that renames a region dates the renaming, not the partnership.
@pytest.mark.parametrize(("text", "since"), [
    ("Partnerschaftliche Beziehungen zwischen Niedersachsen und der Region Normandie (seit "
     "2016 Normandie) bestehen seit 1985.", "1985"),
    ("Das Land unterhält Partnerschaften mit der Region Normandie (seit 1985) und der Provinz "
     "Ontario.", "1985"),
])
def test_a_renaming_brackets_seit_is_no_start(tmp_path, text, since):
    (record,) = [r for r in extraction(tmp_path, text, genre="report", land="DE-NI",
                                       date="2017-05-13").partnerships
                 if r.partner.key == "FR-NOR"]
    assert record.since is not None and record.since.start.lexical() == since


# A sentence that gives an example of the partnerships the sentence before counted names one
# of them, however it introduces it.
@pytest.mark.parametrize(("text", "expected"), [
    ("Das Land pflegt zwölf offizielle Landespartnerschaften. So gibt es eine Kooperation mit "
     "Kalifornien im Klimaschutz.", {"US-CA"}),
    ("Das Land pflegt 12 Partnerschaften. Darunter ist die Provinz Jiangsu.", {"CN-JS"}),
    ("Das Land unterhält zehn Regionalpartnerschaften. Zum Beispiel arbeitet es eng mit der "
     "Provinz Jiangsu zusammen.", {"CN-JS"}),
    # no count before: no partnership
    ("Der Minister sprach über Partnerschaften. So gibt es eine Kooperation mit Kalifornien.",
     set()),
])
def test_an_example_of_counted_partnerships_is_one(tmp_path, text, expected):
    found = extraction(tmp_path, text, land="DE-BW", date="2024-01-13").partnerships
    assert {r.partner.key for r in found} == expected


def test_a_portfolio_going_on_to_a_foreign_body_is_that_bodys(tmp_path):
    text = ("Unter der Leitung von Staatsministerin Anna Beispiel und dem Minister für Kultur, "
            "Sport und internationale Beziehungen von Westkap Jan Exemple fand die Sitzung statt.")
    found = extraction(tmp_path, text, land="DE-BY", date="2014-03-28").ministries
    assert {m.label_de for m, _ in found if not m.registered} == set()
