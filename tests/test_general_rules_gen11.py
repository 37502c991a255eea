"""General rules from the classes of misses and false facts of officials, events and
ministries on the development part of the real corpus (issue 8, round gen11). Regions and
Länder are real; the statements are invented."""

from __future__ import annotations

import pytest

from kg import namespaces as ns
from tests.test_extract_units import extraction
from tests.test_resolve import events_of, prepared_ok, press_release, write

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


# ------------------------------------------------------------------ officials: resolution

def _resolved(tmp_path, files: dict[str, str]):
    return prepared_ok([write(tmp_path, files)]).resolution


def test_a_surname_is_the_person_its_own_document_names_in_full(tmp_path):
    """A namesake named in full in another document does not make the surname ambiguous."""
    own = press_release(
        "10. Mai 2023",
        "Am 8. Mai 2023 empfing Staatssekretärin Anna Beispielmann den Marschall der "
        "Woiwodschaft Schlesien in Düsseldorf.",
        "Am 9. Mai 2023 traf Staatssekretärin Beispielmann den Generalkonsul von Japan.")
    other = press_release(
        "20. Juni 2023",
        "Am 19. Juni 2023 besuchte der Gouverneur der Präfektur Aichi, Herr Jan Beispielmann, "
        "Düsseldorf.")
    resolution = _resolved(tmp_path, {"a.txt": own, "b.txt": other})
    anna = ns.person("Anna Beispielmann")
    met = [e for e in events_of(resolution) if e.record.date.start.day == 9]
    assert met and all(anna in e.participants for e in met)
    assert not any("beispielmann~" in str(i) for i in resolution.persons)


def test_a_surname_is_the_family_name_written_first_in_its_own_document(tmp_path):
    """"Gouverneur Wang" after "Wang Beispiel" of a Chinese province: the first name of a
    name German texts write family name first is the family's."""
    text = press_release(
        "10. Mai 2023",
        "Am 8. Mai 2023 empfing Minister Habicht den Gouverneur der Provinz Hubei, "
        "Wang Beispiel, in Düsseldorf.",
        "Am 9. Mai 2023 traf Gouverneur Wang den Generalkonsul von Japan.")
    resolution = _resolved(tmp_path, {"a.txt": text})
    assert not any("/wang~" in str(i) for i in resolution.persons), list(resolution.persons)
    assert any(p.family == "Wang" or p.given == "Wang" for p in resolution.persons.values())
