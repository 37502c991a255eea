"""A document's Land as a careful reader takes it from the text (kg/extract/land.py, signs in
mappings/land-signs.csv), in the forms real documents come in. Every text is invented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.documents import read
from kg.extract.land import NO_LAND, land_of
from kg.extract.metadata import detect
from kg.registers import load as load_registers


def land(tmp_path: Path, text: str) -> str:
    path = tmp_path / "dokument.txt"
    path.write_text(text, encoding="utf-8")
    return detect(read(path), load_registers()).land


@pytest.mark.parametrize("text, expected", [
    # names broken by a line wrap, a PDF's hyphenation or a copied hyphen
    ("Landtag Mecklenburg-\nVorpommern Drucksache 5/1234\n\nBericht über die Zusammenarbeit.\n",
     "DE-MV"),
    ("LANDTAG MECKLENBURG-\n\nVORPOMMERN\n\nBericht über die Zusammenarbeit.\n", "DE-MV"),
    ("Drucksache 5/1234 Landtag Mecklenburg- Vorpommern - 5. Wahlperiode\n\nBericht.\n", "DE-MV"),
    ("Schleswig-Hol-\n\nstein\n\nBericht über die Zusammenarbeit mit Partnern.\n", "DE-SH"),
    ("Der Bericht der Landesregierung Sachsen -Anhalt liegt vor.\n", "DE-ST"),
    # spaced-out letters, run together by the reader
    ("L A N D T A G  B R A N D E N B U R G\n\nBericht über die Zusammenarbeit.\n", "DE-BB"),
    # abbreviations of Landtage and governments
    ("Landtag M-V Drucksache 7/4711\n\nBericht über die Zusammenarbeit.\n", "DE-MV"),
    ("LT-Drs. 7/4711 (RLP)\n\nAntwort auf die Kleine Anfrage.\n", "DE-RP"),
    ("Die Landesregierung LSA antwortet auf die Anfrage.\n", "DE-ST"),
    ("Die Staatskanzlei S-H teilt mit, dass die Reise stattfindet.\n", "DE-SH"),
    # bodies and offices in all their forms, inflected
    ("Mitteilung des Senats an die Bremische Bürgerschaft\n\nDer Senat berichtet.\n", "DE-HB"),
    ("Drucksache 18/4711 des Abgeordnetenhauses\n\nDer Senat antwortet.\n", "DE-BE"),
    ("Antwort des Bayerischen Staatsministeriums für Wirtschaft\n", "DE-BY"),
    ("Beschluss des Niedersächsischen Landtages vom Mai\n", "DE-NI"),
    ("Die Ministerpräsidentin des Landes Nordrhein-Westfalen empfing den Gast.\n", "DE-NW"),
    ("Der Chef der Staatskanzlei des Saarlandes reiste nach Metz.\n", "DE-SL"),
    # the portal and its domain
    ("Navigation\n\nwww.thueringen.de\n\nEin Besuch aus der Partnerregion.\n", "DE-TH"),
    # only a region or a city of the Land as the speaker's place
    ("Die Zusammenarbeit Vorpommerns mit der Woiwodschaft wird ausgebaut.\n", "DE-MV"),
    ("Der Regierungschef empfing in Nürnberg Gäste aus Oberfranken und der Provinz.\n", "DE-BY"),
    ("Die Ministerin traf in Greifswald und Stralsund die Delegation.\n", "DE-MV"),
    # capitals, and English renderings of a Land's name
    ("Protocol of the session of the State Parliament of Saxony-Anhalt\n", "DE-ST"),
    # characters as PDFs and word processors write them: a soft hyphen, a hyphen or en dash
    # that is no ASCII hyphen, an umlaut decomposed into letter and diaeresis
    ("Bericht des Landtags Mecklen\u00adburg-Vorpommern über die Reise nach Hamburg.\n", "DE-MV"),
    ("Die Landesregierung Schleswig\u2010Holstein berichtet über Hamburg, Hamburgs Hafen und "
     "die Hamburger Messe.\n", "DE-SH"),
    ("Die Landesregierung Mecklenburg\u2013Vorpommern berichtet über Hamburg, Hamburgs Hafen "
     "und die Hamburger Messe.\n", "DE-MV"),
    ("Zu Besuchen in Bayern: Drucksache 17/4711 des Landtags von Baden-Wu\u0308rttemberg\n",
     "DE-BW"),
])
def test_a_documents_land_in_the_forms_documents_come_in(tmp_path, text, expected):
    assert land(tmp_path, text) == expected


@pytest.mark.parametrize("text, expected", [
    # a word hyphenated where a line ended, run into one line ("Schleswig-Hol- stein")
    ("Drucksache 19/4711 Bericht der Landesregierung Schleswig-Hol- stein über die grenz- "
     "überschreitende Zusammenarbeit mit Hamburg, Hamburgs Hafen und der Hamburger Messe.",
     "DE-SH"),
    # a letterhead in spaced-out letters
    ("L A N D T A G  M E C K L E N B U R G - V O R P O M M E R N\n\nBericht über Hamburg, "
     "Hamburgs Hafen und die Hamburger Messe.", "DE-MV"),
])
def test_a_raw_page_as_a_pdf_renders_it(text, expected):
    """The page as read, with its furniture (the second text the build gives): with the
    break, or the letters apart, the partner city named three times would win."""
    assert land_of(("", text), load_registers()) == expected


@pytest.mark.parametrize("text, expected", [
    # only a ministry of the Land by its name, or its minister by the title
    ("Bericht des Ministeriums für Wirtschaft, Infrastruktur, Tourismus und Arbeit über die "
     "Zusammenarbeit im Ostseeraum\n", "DE-MV"),
    ("Die Ministerin für Wissenschaft, Kultur, Bundes- und Europaangelegenheiten reiste zur "
     "Konferenz der Ostseeanrainer.\n", "DE-MV"),
    # a ministry's name from mappings/ministries.csv, without the Land's name
    ("Vorlage des Ministeriums für Bundes- und Europaangelegenheiten sowie Internationales an "
     "den Ausschuss für Europa\n", "DE-NW"),
    ("Antwort des Staatsministeriums für Unterricht und Kultus auf die Anfrage\n", "DE-BY"),
    # a ministry's own abbreviation, from either register; a short one tells nothing
    ("Federführend: MWIDE; beteiligt: FM, IM und die StK.\n", "DE-NW"),
    ("Stellungnahme des HMWEVW zur Reise in die Partnerregion\n", "DE-HE"),
    # only the Land's smaller towns and districts
    ("Die Delegation besuchte Güstrow, Anklam und die Hansestadt Demmin.\n",
     "DE-MV"),
    ("Der Austausch zwischen Schulen in Husum und Rendsburg und der Partnerregion.\n", "DE-SH"),
])
def test_weak_signs_place_a_document_without_strong_ones(tmp_path, text, expected):
    assert land(tmp_path, text) == expected


def test_weak_signs_outweigh_a_land_named_only_in_passing(tmp_path):
    text = ("Die Ministerin für Wissenschaft, Kultur, Bundes- und Europaangelegenheiten "
            "empfing in Güstrow eine Delegation, die zuvor Hamburg besucht hatte.\n")
    assert land(tmp_path, text) == "DE-MV"


def test_a_strong_sign_outweighs_weak_ones(tmp_path):
    text = ("Landtag Nordrhein-Westfalen, Drucksache 18/4711\n\nDer Austausch mit dem "
            "Ministerium für Wirtschaft, Bau und Tourismus in Güstrow und Anklam.\n")
    assert land(tmp_path, text) == "DE-NW"


@pytest.mark.parametrize("text", [
    # a remit every Land's ministry has, and ones two Länder's ministries have had
    "Das Ministerium der Finanzen lud die Gäste aus der Partnerregion ein.\n",
    "Das Ministerium für Bildung, Jugend und Sport lud die Gäste aus der Partnerregion ein.\n",
    "Das Ministerium für Wirtschaft, Arbeit und Tourismus lud die Gäste ein.\n",
    "Federführend: FM; beteiligt: IM und StK.\n",
    # the speaker's own government without a name
    "Die hiesige Landesregierung pflegt die Zusammenarbeit im Ostseeraum seit Jahren.\n",
])
def test_a_ministry_every_land_could_have_places_nothing(tmp_path, text):
    assert land(tmp_path, text) == NO_LAND


def test_a_document_without_any_sign_is_set_aside_naming_file_and_line(tmp_path):
    path = tmp_path / "bericht-ostseeraum.txt"
    path.write_text("Bericht über die Zusammenarbeit im Ostseeraum\n\nDie hiesige "
                    "Landesregierung setzt die Arbeit in den Gremien fort.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code != 0
    assert re.search(r"bericht-ostseeraum\.txt:1: error: A document comes from exactly one "
                     r"Land: its text names no Land's parliament, government, ministry, name, "
                     r"town or portal \(mappings/land-signs\.csv\); give its Land in a "
                     r"sources\.csv beside the document", result.output)


def test_the_issuers_body_outweighs_another_land_named_more_often(tmp_path):
    text = ("Thüringer Landtag – 7. Wahlperiode\n\nAntwort der Landesregierung: Die "
            "Zusammenarbeit mit Hessen, mit Hessen und noch einmal Hessen ist gut.\n")
    assert land(tmp_path, text) == "DE-TH"


def test_a_colleague_from_another_land_gives_that_land_no_vote(tmp_path):
    text = ("Wir pflegen die Partnerschaft in Wirtschaft und Kultur. Darin bin ich mir einig mit "
            "meinem Kollegen Herrn Beispiel aus Sachsen-Anhalt. Die Greifswalder Germanisten "
            "arbeiten mit Partnern zusammen.\n")
    assert land(tmp_path, text) == "DE-MV"


def test_sachsen_inside_sachsen_anhalt_is_no_vote_for_sachsen(tmp_path):
    text = "Das Land Sachsen-Anhalt und Sachsen-Anhalts Partner, dazu einmal Sachsen.\n"
    assert land(tmp_path, text) == "DE-ST"


def test_on_a_tie_the_land_named_first_wins(tmp_path):
    assert land(tmp_path, "Gäste aus Bayern trafen Gäste aus Hessen.\n") == "DE-BY"
    assert land(tmp_path, "Gäste aus Hessen trafen Gäste aus Bayern.\n") == "DE-HE"


def test_weak_evidence_still_gives_one_land(tmp_path):
    """The Land named most often, when nothing else tells."""
    text = "Die Delegation reiste durch Bayern, Hessen und wieder Bayern.\n"
    assert land(tmp_path, text) == "DE-BY"


def test_a_text_naming_no_land_has_none(tmp_path):
    text = "Der Bericht über die Zusammenarbeit im Ostseeraum ist fertig.\n"
    assert land(tmp_path, text) == NO_LAND


def test_a_lower_case_word_is_no_capitalised_sign(tmp_path):
    """"kiel" is no Kiel; a capital's name in capitals still is ("KIEL")."""
    assert land(tmp_path, "Das Boot hat einen kiel aus Holz.\n") == NO_LAND
    assert land(tmp_path, "KIEL, 3. MAI 2030\n\nDie Delegation kam an.\n") == "DE-SH"
