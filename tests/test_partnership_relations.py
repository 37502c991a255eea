"""Partnerships as a relation, however a page's layout or grammar carries it (issue 8, the
rules made after a blind round of status pages): a heading line inside a paragraph, a
partnership heading naming its partner over the text that dates it, a counted plural ("der drei
Partnerregionen") far from the partners it counts, a list under a lead in a section of
partner regions, countries that only say where a region lies, inflected country names and a
Freundschaftsvertrag. Regions and countries are real (registers, ISO 3166-2); the sentences are
invented."""

from __future__ import annotations

import pytest

from tests.test_partnerships import stated

CASES = [
    # a heading line and its section's text in one block (no blank line between them)
    ("Partnerschaften mit den Nachbarregionen\nRepublik Polen\nDas Land hat mit zwei polnischen "
     "Woiwodschaften Kooperationsvereinbarungen geschlossen: mit Pommern und Westpommern.\n",
     {"PL-22": None, "PL-32": None}),
    # … and a heading the reader joined to its section's first paragraph
    ("Partnerschaften mit den Nachbarregionen (Republik Polen) Republik Polen Die Geschichte ist "
     "lang.\n\nDas Land hat mit zwei polnischen Woiwodschaften Kooperationsvereinbarungen "
     "geschlossen: mit Pommern und Westpommern.\n", {"PL-22": None, "PL-32": None}),
    # a partnership heading naming its partner, the text below dating it
    ("Partnerschaft Nordrhein-Westfalen - Pays de la Loire\n\nDas Land und die Region Pays de "
     "la Loire sind seit 1995 durch eine enge Zusammenarbeit verbunden.\n", {"FR-PDL": "1995"}),
    # a counted plural refers to the partners its sentence named, however far before
    ("Im Rahmen des Netzwerks zwischen dem Land, der Woiwodschaft Pommern und der Region Pays de "
     "la Loire, das seit vielen Jahren besteht und in dem zahlreiche Projekte in Kultur, "
     "Wirtschaft, Bildung, Verwaltung und Wissenschaft gefördert werden, nahm die Ministerin an "
     "Gesprächen mit den Vertretern der drei Partnerregionen teil.",
     {"PL-22": None, "FR-PDL": None}),
    # a kind word without a name refers back to the one region of that kind named before
    ("Das Land, die Woiwodschaft Pommern und die Region Pays de la Loire berieten. Die "
     "Partnerschaft zwischen dem Land und der Woiwodschaft besteht seit dem Jahr 2000.",
     {"PL-22": "2000"}),
    # a plural that ends its sentence, the next naming the Land with the partners
    ("Nordrhein-Westfalen pflegt intensive Kontakte in seine Partnerregionen. Zusammen mit der "
     "Woiwodschaft Pommern und der Region Pays de la Loire bildet Nordrhein-Westfalen ein "
     "Netzwerk.", {"PL-22": None, "FR-PDL": None}),
    # a list under a lead in a section of partner regions
    ("Partnerregionen des Landes\n\nDie Landesregierung hat ein Netzwerk gegründet, an dem sich "
     "folgende Regionen beteiligen:\n\n- Ontario (Kanada)\n- Pommern (Polen)\n",
     {"CA-ON": None, "PL-22": None}),
    # the country after a slash or in brackets says where the region lies
    ("Das Land unterhält drei Regionalpartnerschaften (Pommern/Polen, Ontario/Kanada, "
     "Hyōgo/Japan) und eine Partnerschaft mit einem Nationalstaat (Ungarn).",
     {"PL-22": None, "CA-ON": None, "JP-28": None, "HU": None}),
    # inflected country names
    ("Das Land pflegt seit 2005 eine Partnerschaft mit der Slowakischen Republik.",
     {"SK": "2005"}),
    ("Mit der Tschechischen Republik unterhält das Land eine Partnerschaft.", {"CZ": None}),
    # a founding in the active perfect, and a later partnership in the clause that follows
    ("Das Land und die Region Latium hatten 2031 ihre Regionalpartnerschaft vereinbart.",
     {"IT-62": "2031"}),
    ("Das Land und die Region Latium hatten am 18. Oktober 2031 ihre Regionalpartnerschaft "
     "vereinbart.", {"IT-62": "2031-10-18"}),
    ("Wir haben mit der Woiwodschaft Pommern 2029 eine Regionalpartnerschaft abgeschlossen, der "
     "im Jahr 2031 noch eine zweite mit der Woiwodschaft Westpommern folgte.",
     {"PL-22": "2029", "PL-32": "2031"}),
    # each listed partner with its own start, the country before them in the item
    ("Das Land unterhält folgende Landespartnerschaften:\n\n- Partnerschaften mit Kanada "
     "(Ontario seit 1987 und Québec 1992)\n- Partnerschaft mit Japan (Hyōgo seit 1994)\n",
     {"CA-ON": "1987", "CA-QC": "1992", "JP-28": "1994"}),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_the_partnership_comes_out_with_its_start(tmp_path, text, expected):
    found = stated(tmp_path, text, genre="report", date="2034-05-03")
    assert {key: since for key, (since, _, _) in found.items()} == expected


def test_a_headline_concluding_a_partnership_dates_it_to_the_releases_day(tmp_path):
    """"Das Land schließt Freundschaftsvertrag mit …" over a release of 3 May: since that day;
    the country's name declined after "mit" (strong dative) is still the country."""
    text = ("Das Land schließt Freundschaftsvertrag mit Vereinigtem Königreich\n\n"
            "Beispielstadt, 3. Mai 2034. Die Ministerin hat den Vertrag unterzeichnet.\n")
    found = stated(tmp_path, text, genre="press-release", date="2034-05-03")
    assert {key: since for key, (since, _, _) in found.items()} == {"GB": "2034-05-03"}


def test_a_headline_announcing_a_partnership_dates_nothing(tmp_path):
    text = ("Das Land will Freundschaftsvertrag mit Vereinigtem Königreich schließen\n\n"
            "Beispielstadt, 3. Mai 2034. Die Ministerin plant eine Reise.\n")
    found = stated(tmp_path, text, genre="press-release", date="2034-05-03")
    assert all(since is None for since, _, _ in found.values())


NOT_PARTNERS = [
    # … not when the Land is not named with them
    "Das Land pflegt intensive Kontakte in seine Partnerregionen. Die Woiwodschaft Pommern und "
    "die Region Pays de la Loire bilden ein Netzwerk.",
    # a relation word outside a section of the Land's partnerships
    "Das Land hat mit zwei polnischen Woiwodschaften Kooperationsvereinbarungen geschlossen: "
    "mit Pommern und Westpommern.",
    # history under a partnership heading: "waren … verbunden" is no standing relation
    "Partnerschaften mit den Nachbarregionen\n\nIm 18. Jahrhundert waren das Land und Polen in "
    "einer Union verbunden.",
    # the regions' countries, not partners
    "Besonders zu nennen sind die beiden Partnerschaften mit Regionen in unseren Nachbarländern "
    "Polen und Frankreich.",
    "Das Land wurde gebeten, eine Partnerschaft mit einer Provinz in Südafrika aufzubauen.",
    # the states' relation the Land's partnership serves
    "Unsere Partnerschaft trägt zu guten Beziehungen zwischen Deutschland und Polen bei.",
    # programmes of the union the Land belongs to
    "Es gibt Förderprogramme der Europäischen Union, die für Regionalpartnerschaften gut "
    "geeignet sind.",
]


@pytest.mark.parametrize("text", NOT_PARTNERS)
def test_no_partner_is_read_from_what_only_places_or_frames_the_partnership(tmp_path, text):
    assert stated(tmp_path, text, genre="report", date="2034-05-03") == {}


def test_a_lands_adjective_after_a_plural_kind_word_names_no_region():
    """"Hessische Partnerregionen Hessische Landeszentrale …" (a title run into its byline):
    the adjective after the plural kind word starts a body's name, not a region's."""
    from kg.extract.territories import find_parties
    from kg.registers import load

    text = "Hessische Partnerregionen Hessische Landeszentrale für politische Bildung"
    assert [f.ref.key for f in find_parties(text, load()) if f.ref.kind == "region"] == []
