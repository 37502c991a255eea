"""Standing partnerships as other Länder's pages, answers and releases word them, and the
starts they give (issue 8: rules that generalise beyond the documents seen). Regions and
countries are real (in mappings/*.csv or ISO 3166-2); the statements are invented."""

from __future__ import annotations

import pytest

from tests.test_partnerships import stated

CASES = [
    # a region the register knows with its kind word only ("Oblast A"), qualified by its country
    ("Pommern, Ontario (Kanada), Charkiw (Ukraine) - die Landesregierung überprüft ihre "
     "Partnerschaften.", {"PL-22": None, "CA-ON": None, "UA-63": None}),
    # a long list of names before the partnership word: the list is named as a whole
    ("Niederschlesien, Pommern, Kleinpolen, Ontario (Kanada), Québec (Kanada), Hubei (China), "
     "Latium (Italien) und Abu Dhabi (VAE) - so heißen die Regionen, mit denen die "
     "Landesregierung Partnerschaften pflegt.",
     {"PL-02": None, "PL-22": None, "PL-12": None, "CA-ON": None, "CA-QC": None,
      "CN-HB": None, "IT-62": None, "AE-AZ": None}),
    # regions named by the adjectives of their names before one shared kind word
    ("Das Land ist mit dem Jaroslawler und dem Tjumener Gebiet durch "
     "Partnerschaftsvereinbarungen verbunden.", {"RU-YAR": None, "RU-TYU": None}),
    ("Seit 2003 besteht eine Partnerschaft zwischen dem Land und dem Tjumener Gebiet.",
     {"RU-TYU": "2003"}),
    # each listed partner with its own "seit"
    ("Partnerregionen des Landes sind Pommern seit 2001, Ontario seit 1991 und Pilsen seit "
     "2012.", {"PL-22": "2001", "CA-ON": "1991", "CZ-32": "2012"}),
    ("Das Land unterhält Regionalpartnerschaften mit Ontario (Kanada) seit 1991 und Pommern "
     "(Polen) seit dem Jahr 2001.", {"CA-ON": "1991", "PL-22": "2001"}),
    # a "seit" that counts a gap since a visit is no start
    ("Der erste politische Besuch seit 2018 soll die Partnerschaft mit der Provinz Ontario "
     "stärken.", {"CA-ON": None}),
    ("Erstmals seit 2019 reiste eine Delegation in die Partnerregion Pommern.", {"PL-22": None}),
    ("Die erste Partnerschaft des Landes besteht seit 1990 mit der Provinz Ontario.",
     {"CA-ON": "1990"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_partnerships_and_their_starts(tmp_path, text: str, expected: dict[str, str | None]):
    assert {key: since for key, (since, _, _) in stated(tmp_path, text).items()} == expected
