"""General rules from the classes of misses and false facts of officials, events and
ministries on the development part of the real corpus (issue 8, round gen11). Regions and
Länder are real; the statements are invented."""

from __future__ import annotations

import pytest

from tests.test_extract_units import extraction

# ------------------------------------------------------------------------------- ministries

STATE_CHANCELLERIES = [
    # the Land's Staatskanzlei by its official name, inflected, by the Land's adjective
    ("Die Sächsische Staatskanzlei lädt zum Empfang der Delegation aus Niederschlesien ein.",
     "DE-SN", ["Sächsische Staatskanzlei"]),
    ("Der Gast wurde in der Thüringer Staatskanzlei empfangen.", "DE-TH",
     ["Thüringer Staatskanzlei"]),
    ("Die Vereinbarung wurde von der Niedersächsischen Staatskanzlei vorbereitet.", "DE-NI",
     ["Niedersächsische Staatskanzlei"]),
    # a bare "Staatskanzlei" is the Land's, under the register's name of the day
    ("Die Staatskanzlei koordiniert die Zusammenarbeit mit der Woiwodschaft Masowien.",
     "DE-ST", ["Staatskanzlei und Ministerium für Kultur des Landes Sachsen-Anhalt"]),
    # another Land's Staatskanzlei, named by its adjective, is not the document's Land's
    ("Ein Vertreter der Bayerischen Staatskanzlei nahm ebenfalls teil.", "DE-SN", []),
]


@pytest.mark.parametrize(("text", "land", "expected"), STATE_CHANCELLERIES)
def test_a_lands_state_chancellery_by_its_registered_name(tmp_path, text, land, expected):
    found = extraction(tmp_path, text, land=land).ministries
    assert [m.label_de for m, _ in found if m.land == land] == expected
    assert all(m.registered for m, _ in found)
