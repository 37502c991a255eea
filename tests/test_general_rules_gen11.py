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


# -------------------------------------------------------------------------------- officials

def _posts(tmp_path, text: str, land: str) -> set[tuple[str, str | None]]:
    found = extraction(tmp_path, text, land=land)
    mentions = list(found.persons) + [p for e in found.events for p in e.participants] + \
        [p for a in found.agreements for p in a.signatories]
    return {(m.family, m.role.key if m.role else None) for m in mentions}


POSTS_OF_THEIR_TIME = [
    # a post "of its time" after a name with a title and a comma keeps the post
    ("Die Erklärung unterzeichneten Prof. Dr. Lena Beispiel, damalige Ministerpräsidentin "
     "Sachsen-Anhalts, und der Präsident der Region Centre-Val de Loire am 5. Mai 2004.",
     "DE-ST", ("Beispiel", "ministerpraesident")),
    # "seinerzeit" before the post, as "damaliger"
    ("Die Erklärung unterzeichneten Jan Beispiel und Michel Exemple, seinerzeit Präsident "
     "des Regionalrates der Region Centre-Val de Loire, am 5. Mai 2004 in Orléans.",
     "DE-ST", ("Exemple", "praesident")),
]


@pytest.mark.parametrize(("text", "land", "expected"), POSTS_OF_THEIR_TIME)
def test_a_post_of_its_time_after_the_name_is_the_persons(tmp_path, text, land, expected):
    assert expected in _posts(tmp_path, text, land)


GENERAL_TITLES = [
    # a general title for a Land's head is the Land's own title of the post
    ("Thüringens Regierungschef Bodo Beispiel reist an diesem Mittwoch für drei Tage in die "
     "Woiwodschaft Kleinpolen.", "DE-TH", ("Beispiel", "ministerpraesident")),
    ("Die beiden Regierungschefs Jan Beispiel und Tom Exemple unterzeichneten am 3. Mai 2023 "
     "eine Erklärung.", "DE-NW", ("Beispiel", "ministerpraesident")),
    # a foreign region's head keeps the general title: the register gives no title of its own
    ("Der Regierungschef der Region Flandern, Jan Voorbeeld, besuchte am 3. Mai 2023 Düsseldorf.",
     "DE-NW", ("Voorbeeld", "regierungschef")),
]


@pytest.mark.parametrize(("text", "land", "expected"), GENERAL_TITLES)
def test_a_general_title_of_a_lands_head_is_the_lands_own(tmp_path, text, land, expected):
    assert expected in _posts(tmp_path, text, land)
