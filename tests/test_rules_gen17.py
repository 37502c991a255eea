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
