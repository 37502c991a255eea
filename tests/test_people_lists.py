"""Posts in lists of people (issue 8, branch h-gen9): a list of guests "X, der Post in A, Y,
der Post in B, …" gives each post to the name before it. Invented names."""

from __future__ import annotations

from tests.test_extract_units import facts, person_row

GUESTS = ("Unter den Gästen waren u.a. Dr. Jan Beispiel, der polnische Botschafter in "
          "Deutschland, Adam Exempel, der polnische Generalkonsul in Hamburg, Dr. Muster, der "
          "deutsche Generalkonsul in Breslau, Bernd Probe, der Präsident des Landtages.")


def _roles(text: str) -> set[tuple[str | None, str, str | None]]:
    return {(given, family, role) for given, family, _, _, role, _ in
            (person_row(p) for p, _, _ in facts(text, "DE-NI").persons)}


def test_in_a_guest_list_each_post_is_the_name_before_it():
    found = _roles(GUESTS)
    assert {("Jan", "Beispiel", "botschafter"), ("Adam", "Exempel", "generalkonsul"),
            (None, "Muster", "generalkonsul"), ("Bernd", "Probe", "praesident")} <= found
    assert ("Adam", "Exempel", "botschafter") not in found
    assert ("Bernd", "Probe", "generalkonsul") not in found


def test_a_post_before_a_name_without_a_list_is_still_the_names_after():
    assert ("Adam", "Exempel", "generalkonsul") in _roles(
        "Zu Gast war der polnische Generalkonsul in Hamburg, Adam Exempel, mit seiner Frau.")


def test_a_list_that_begins_with_a_post_gives_each_post_to_the_name_after_it():
    found = _roles("Ministerpräsidentin Anna Beispiel, die Präsidentin des Regionalrats, Claire "
                   "Exemple, der Marschall der Woiwodschaft Oppeln, Jan Probe, unterzeichneten.")
    assert {("Claire", "Exemple", "praesident"), ("Jan", "Probe", "marschall")} <= found
    assert ("Claire", "Exemple", "marschall") not in found


def test_a_plural_post_with_a_list_of_places_gives_each_name_after_them_the_post():
    """"die Präsidenten der Landesdirektionen A und B, X und Y", "den Regionspräsidenten der
    Bezirke A (a), B (b) und C (c), X, Y und Z": the places are the posts' bodies; the
    names after them hold the post."""
    found = _roles("Anwesend waren die Präsidenten der Landesdirektionen Nordstadt und Südstadt, "
                   "Dr. Hans Beispiel und Karl Exempel.")
    assert {("Hans", "Beispiel", "praesident"), ("Karl", "Exempel", "praesident")} <= found
    found = _roles("Neben den Regionspräsidenten der Bezirke Nordstadt (Sever), Oststadt (Vychod) "
                   "und Südstadt (Jih), Dr. Josef Beispiel, Jana Exempel und Pavel Probe waren "
                   "auch andere Gäste anwesend.")
    assert {("Josef", "Beispiel", "regionspraesident"), ("Jana", "Exempel", "regionspraesident"),
            ("Pavel", "Probe", "regionspraesident")} <= found


def test_english_forms_of_registered_posts():
    """"the deputy prime minister of A, X", "Minister-Plenipotentiary Y": English forms of
    German posts in mappings/roles.csv."""
    found = _roles("The declaration was signed during the visit of the deputy prime minister of "
                   "Lower Saxony, Stefan Beispiel, in October 2015. He paid a courtesy visit to "
                   "Minister-Plenipotentiary Adv Exempel.")
    assert ("Stefan", "Beispiel", "vizepremier") in found
    assert any(family == "Exempel" and role == "gesandter" for _, family, role in found)
