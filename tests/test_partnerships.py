"""Standing partnerships, one invented text at a time: how a Land's documents state them
(lists of partner regions, "unterhält … mit", anniversaries, agreements that found them) and
what is no partnership of the Land (a city's, a planned one, a denied one). Regions and
countries are real (in mappings/*.csv or ISO 3166-2); the statements are invented."""

from __future__ import annotations

import pytest

from kg.documents import read
from kg.extract import extract
from kg.records import DocumentMeta
from tests.test_extract_units import extraction


def stated(tmp_path, text: str, **options) -> dict[str, tuple[str | None, bool, str]]:
    """Partner key -> (earliest stated start, ended, kinds) of every partnership stated."""
    found: dict[str, tuple[str | None, bool, str]] = {}
    for record in extraction(tmp_path, text, **options).partnerships:
        since = record.since.start.lexical() if record.since else None
        known = found.get(record.partner.key)
        if known is not None:
            since = min(s for s in (since, known[0]) if s) if since or known[0] else None
        found[record.partner.key] = (since, record.ended or bool(known and known[1]),
                                     record.kind)
    return found


CASES = [
    ("Das Land unterhält folgende Regionalpartnerschaften:\n"
     "- Antalya (Türkei): Partnerschaft besteht seit dem 21. Oktober 2011\n"
     "- Ohio (USA): Partnerschaft besteht seit dem 20. September 1977\n",
     {"TR-07": "2011-10-21", "US-OH": "1977-09-20"}),
    ("Die Landesregierung unterhält Regionalpartnerschaften mit der Provinz Ontario und der "
     "Woiwodschaft Pommern.", {"CA-ON": None, "PL-22": None}),
    ("Seit 1995 ist die Provinz Ontario Partnerregion des Landes.", {"CA-ON": "1995"}),
    ("Das Partnerland Ruanda war in diesem Jahr Gast der Landesregierung.", {"RW": None}),
    ("Im Mai feierten das Land und die Provinz Ontario 20 Jahre Partnerschaft.",
     {"CA-ON": "2004"}),
    ("Die Partnerschaft mit der Provinz Ontario besteht seit 1987 und mit der Woiwodschaft "
     "Pommern seit 2001.", {"CA-ON": "1987", "PL-22": "2001"}),
    ("Die japanische Partnerpräfektur Hyōgo empfing eine Delegation.", {"JP-28": None}),
    ("Im US-Partnerbundesstaat Ohio wurde eine Delegation empfangen.", {"US-OH": None}),
    ("Das Land hat drei Regionalpartnerschaften: mit Pommern (seit 1991), Ontario (seit 2001) "
     "und Pilsen (seit 2012).", {"PL-22": "1991", "CA-ON": "2001", "CZ-32": "2012"}),
    ("Die Partnerschaft mit Ontario wurde im Jahr 2005 offiziell begründet.", {"CA-ON": "2005"}),
    ("Im Jahr 2001 wurde die Partnerschaft mit der Provinz Ontario geschlossen.",
     {"CA-ON": "2001"}),
    ("Die Regionalpartnerschaft mit der Provinz Ontario feiert in diesem Jahr ihr 20-jähriges "
     "Bestehen.", {"CA-ON": "2004"}),
    ("Die Partnerschaft mit der Woiwodschaft Pommern ruht seit 2022.", {"PL-22": None}),
    ("Die Provinz Ontario ist Partnerregion des Landes. Bereits im Jahr 2007 wurde die erste "
     "Absichtserklärung mit der Provinz Ontario unterzeichnet.", {"CA-ON": "2007"}),
    ("Seit 1991 unterhält das Land eine Regionalpartnerschaft mit der Provinz Ontario. Im Zuge "
     "der Partnerschaft wurde 1992 ein Kooperationsbüro in Toronto gegründet.",
     {"CA-ON": "1991"}),
    ("Partnerschaft Nordrhein-Westfalen-Ontario\n\nDie Zusammenarbeit ist eng.\n",
     {"CA-ON": None}),
    ("Das Land und die Provinz Ontario sind für ihre Regionalpartnerschaft ausgezeichnet "
     "worden.\n\nDie Ministerin sagte, das gebe der inzwischen 15 Jahre währenden Partnerschaft "
     "Rückenwind. «Das Land legt großen Wert auf den Austausch mit Kanada.»", {"CA-ON": "2009"}),
    ("Im Jahr 1993 schloss das Land mit den kanadischen Provinzen Ontario und Quebec eine "
     "Partnerschaft.", {"CA-ON": "1993", "CA-QC": "1993"}),
    ("Die Provinz Ontario ist Partnerregion des Landes, seitdem die Partnerschaft 2009 "
     "geschlossen wurde.", {"CA-ON": "2009"}),
    ("Das Land Nordrhein-Westfalen und die Region Kleinpolen (Małopolska) wollen die seit 1997 "
     "bestehende Partnerschaft vertiefen und die ukrainische Region Lemberg einbeziehen.",
     {"PL-12": "1997"}),
    ("Zur Feier der Partnerschaft mit der Provinz Ontario hat das Land Vertreter der "
     "Partnerregionen eingeladen. Die Vertreter aus Pommern und Quebec kamen.",
     {"CA-ON": None, "PL-22": None, "CA-QC": None}),
    ("Zur Feier hat das Land Vertreter der Partnerregionen eingeladen. Die Vertreter aus der "
     "Provinz Ontario, der Woiwodschaft Pommern und Quebec besuchten den Landtag.",
     {"CA-ON": None, "PL-22": None, "CA-QC": None}),
    ("In Partnerregionen des Landes nehmen morgen Beauftragte ihre Arbeit auf. Sie werden in "
     "den Woiwodschaften Pommern und Kleinpolen Projekte unterstützen.",
     {"PL-22": None, "PL-12": None}),
    ("Am 14. Juli ist der Ministerpräsident zu Gast in der Partnerregion Pommern. 2018 besteht "
     "die Partnerschaft 15 Jahre.", {"PL-22": "2003"}),
    ("Die Partnerschaft mit der Provinz Ontario besteht seit 15 Jahren.", {"CA-ON": "2009"}),
    ("Die Partnerschaft mit der Provinz Ontario besteht seit mehr als 15 Jahren.",
     {"CA-ON": None}),
    ("Schon im Jahr 2003 vereinbarten das Land und die Woiwodschaft Pommern eine enge "
     "Zusammenarbeit. Seit der Besiegelung der Regionalpartnerschaft haben sich die Beziehungen "
     "intensiviert.", {"PL-22": "2003"}),
    ("Die partnerschaftlichen Beziehungen zur Provinz Ontario gehen auf einen Besuch im Jahr "
     "1979 zurück. Die Provinz Ontario ist Partnerregion des Landes.", {"CA-ON": "1979"}),
    ("Im Jahr 2010 vereinbarten das Land und die Provinz Ontario, die Zusammenarbeit zu "
     "vertiefen. Die Provinz Ontario ist Partnerregion des Landes.", {"CA-ON": None}),
    ("Im Jahr 2023 vereinbarten das Land und die Provinz Ontario eine Zusammenarbeit. Die "
     "Provinz Ontario ist Partnerregion des Landes.", {"CA-ON": None}),
    ("Seit 1995 hat das Land mit der Aquitaine eine Partnerregion in Frankreich.\n\nIm Zuge "
     "der Territorialreform fusionierte die Aquitaine Anfang 2016 mit ihren Nachbarregionen. Die "
     "Großregion heißt nunmehr „Nouvelle-Aquitaine“.", {"FR-NAQ": "1995"}),
    ("Das Land und die Emilia Romagna sind seit dem 3. Mai 1995 durch eine "
     "Regionalpartnerschaft verbunden.", {"IT-45": "1995-05-03"}),
    ("Die 1989 begründete Partnerschaft des Landes mit der Provinz Ontario ist eng.",
     {"CA-ON": "1989"}),
    ("Zusätzlich zu der seit 1995 bestehenden Partnerschaft mit der Provinz Ontario wird seit "
     "2010 die Zusammenarbeit auf Projektebene vorangetrieben.", {"CA-ON": "1995"}),
    ("Seit dem offiziellen Beginn ihrer Partnerschaft am 4. März 1991 haben das Land und die "
     "Provinz Ontario enge Beziehungen aufgebaut.", {"CA-ON": "1991-03-04"}),
    ("Das Land pflegt Partnerschaften mit Kanada (Ontario seit 1982 und Québec 1986).",
     {"CA-ON": "1982", "CA-QC": "1986"}),
    ("Die Partnerschaft mit der Provinz Ontario wurde vor fünf Jahren besiegelt.",
     {"CA-ON": "2019"}),
    ("Im Jahr 2019 wurde das 10-jährige Jubiläum der Partnerschaft mit der Provinz Ontario "
     "gefeiert.", {"CA-ON": "2009"}),
    ("Das Land ist seit mehr als 20 Jahren Partnerregion der Provinz Ontario.",
     {"CA-ON": None}),
    ("In den letzten 10 Jahren hat sich die Partnerschaft mit der Provinz Ontario vertieft.",
     {"CA-ON": None}),
    ("Die Partnerschaft mit Aquitanien besteht seit 1995.", {"FR/aquitaine": "1995"}),
    ("Die Partnerschaft mit Burgund besteht seit 1962.", {"FR/burgund": "1962"}),
    ("Die Partnerschaft des Landes mit der Provinz Ontario, die 1999 in die Provinz Québec "
     "eingegliedert wurde, besteht seit 1992.", {"CA-QC": "1992"}),
    ("Am 4. Mai 1997 unterzeichneten das Land und die damalige Provinz Ontario eine "
     "Partnerschaftserklärung. Nach der Gebietsreform wurde diese Partnerschaft mit der neu "
     "entstandenen Provinz Québec im Jahr 1999 fortgeschrieben.", {"CA-QC": "1997-05-04"}),
    ("Das Land pflegt Partnerschaften mit der Provinz Ontario (Kanada) sowie eine Partnerschaft "
     "mit einem Nationalstaat (Ungarn).", {"CA-ON": None, "HU": None}),
    ("Das Land arbeitet mit der Provinz Ontario und der Provinz Québec zusammen. Seit 2006 "
     "finden trilaterale Treffen statt. Bestandteil der Partnerschaft ist ein Jugendforum.",
     {"CA-ON": None, "CA-QC": None}),
    ("Die Zusammenarbeit erstreckt sich auf Ost-Norwegen und Süddänemark, mit denen das Land "
     "förmliche Partnerschaften pflegt.", {"NO/ost-norwegen": None, "DK-83": None}),
    ("Im Mai feierte das Land das 25-jährige Jubiläum der Kooperation mit der Provinz Ontario. "
     "Die Provinz Ontario ist Partnerregion des Landes.", {"CA-ON": "1999"}),
    ("Die Provinz Ontario ist Partnerregion des Landes. Im April 1993 unterzeichneten die "
     "Landesregierung und die Provinz Ontario eine Gemeinsame Erklärung über die Zusammenarbeit. "
     "Am 3. Mai 2001 folgte eine Gemeinsame Erklärung über die Zusammenarbeit mit der Provinz "
     "Ontario.", {"CA-ON": "1993-04"}),
    ("Die Provinz Ontario ist Partnerregion des Landes. Am 3. Mai 2015 unterzeichneten die "
     "Landesregierung und die Provinz Ontario eine Erklärung über die Vertiefung der "
     "Zusammenarbeit.", {"CA-ON": None}),
    ("Die Provinz Ontario ist Partnerregion des Landes. Am 3. Mai 2024 unterzeichneten die "
     "Landesregierung und die Provinz Ontario eine Gemeinsame Erklärung über die Zusammenarbeit.",
     {"CA-ON": None}),  # news of a signing (the document is of 2024) tells no start
    ("Im Rahmen der Partnerschaft mit der Provinz Ontario konnten seit 2008 nur wenige Projekte "
     "realisiert werden.", {"CA-ON": None}),
    ("Das Land unterhält Partnerschaften zu folgenden Regionen:\n\n- Ontario (Kanada; seit März "
     "1987)\n- Pommern (Polen; seit Mai 2001)\n", {"CA-ON": "1987-03", "PL-22": "2001-05"}),
    ("Das Land unterhält mit den Regionen Ontario (Kanada) und Pommern (Polen) seit dem Jahr "
     "1987 bzw. seit dem Jahr 2001 Partnerschaften.", {"CA-ON": "1987", "PL-22": "2001"}),
    ("Die Provinz Ontario liegt dem Land am Herzen. Seit 1990 besteht eine enge Zusammenarbeit, "
     "die 1996 in eine formale Partnerschaft mündete.", {"CA-ON": "1996"}),
    ("Die Provinz Ontario liegt dem Land am Herzen. Im Jahr 2019 konnte das 25-jährige "
     "Partnerschaftsjubiläum begangen werden.", {"CA-ON": "1994"}),
    ("Das Land und die Provinz Ontario haben eine Partnerschaftsvereinbarung unterzeichnet.\n\n"
     "Damit werden die im Oktober 1985 begründeten freundschaftlichen Beziehungen zwischen dem "
     "Land und der Provinz Ontario auf eine neue Basis gestellt.", {"CA-ON": "1985-10"}),
    ("Die Provinz Ontario ist Partnerregion des Landes. Zum Jubiläum 30 Jahre "
     "Nordrhein-Westfalen-Ontario gab es 2017 einen Festakt.", {"CA-ON": "1987"}),
    ("Die Provinz Ontario ist Partnerregion des Landes. Seit der Unterzeichnung einer "
     "Absichtserklärung 2015 arbeiten das Land und die Provinz Ontario eng zusammen.",
     {"CA-ON": "2015"}),
    ("Die Verbindung zwischen dem Land und der Provinz Ontario gilt als älteste Partnerschaft "
     "des Landes. Sie wurde im Mai 1978 von den damaligen Regierungschefs begründet.",
     {"CA-ON": "1978-05"}),
    ("Die seit 1962 bestehende Partnerschaft zwischen dem Land und der Provinz Ontario wurde "
     "erweitert: um die Woiwodschaft Pommern, mit der das Land seit 1996 eine Partnerschaft "
     "pflegt.", {"CA-ON": "1962", "PL-22": "1996"}),
    ("Die Provinz Ontario ist Partnerregion des Landes. Mit dieser Partnerschaft will das Land "
     "die Beziehungen zu Kanada stärken.", {"CA-ON": None}),
    ("Eine Delegation aus der chinesischen Freundschaftsprovinz Hubei besuchte das Land.",
     {"CN-HB": None}),
    ("Seit 2001 arbeiten das Land und die Provinz Ontario zusammen.\n\nDie 20-jährige "
     "Partnerschaft zwischen den beiden Regionen soll weiter ausgebaut werden.",
     {"CA-ON": "2004"}),
    ("Die Regionalpartnerschaft mit der Provinz Ontario\nSeit 1996 unterhalten beide Seiten "
     "Kontakte, die 1997 mit einer Partnerschaftserklärung formalisiert wurden.",
     {"CA-ON": "1997"}),
    ("So lag 2017 ein Schwerpunkt bei der Provinz Québec, und 2018 wird das 20. Jubiläum der "
     "Regionalpartnerschaft mit der Provinz Ontario gefeiert.", {"CA-ON": "1998"}),
    ("Die Provinz Ontario feierte das Jubiläum ihrer Partnerschaft mit dem Land "
     "Nordrhein-Westfalen.", {"CA-ON": None}),
    ("Eine Delegation aus der Partnerpräfektur Tottori besuchte die Landeshauptstadt.",
     {"JP-31": None}),
    ("Die Woiwodschaft Pommern präsentiert sich in Düsseldorf. Der Ministerpräsident lobte die "
     "Regionalpartnerschaft zwischen Nordrhein-Westfalen und der Woiwodschaft rund um Danzig.",
     {"PL-22": None}),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_a_stated_partnership_comes_out_with_its_start(tmp_path, text, expected):
    found = stated(tmp_path, text)
    assert {key: since for key, (since, _, _) in found.items()} == expected


NOT_THE_LANDS = [
    "Im Mai feierte das Land das 25-jährige Jubiläum der Kooperation mit der Provinz Ontario.",
    "Regionalpartnerschaft zwischen dem Land und der Provinz Ontario\n\nZwischen dem Land und "
    "Ontario existiert bislang keine Vereinbarung zu einer Regionalpartnerschaft.",
    "Das Land und die Provinz Ontario unterzeichnen am Donnerstag eine Partnerschaft.",
    "Das Land und die Provinz Ontario wollen eine Regionalpartnerschaft eingehen.",
    "Das Haus der Provinz Ontario ist eine Anlaufstelle. Beide Häuser vermitteln Kontakte "
    "zwischen den Partnerregionen.",
    "Die Städtepartnerschaft zwischen zwei Städten in der Provinz Ontario besteht seit 1990.",
    "Eine Regionalpartnerschaft mit der Provinz Ontario ist geplant.",
    "Das Land unterhält keine Partnerschaft mit der Provinz Ontario.",
    "Der Bezirk unterhält seit 2001 eine Partnerschaft mit der Woiwodschaft Pommern.",
    "Wie viele Partnerschaften bestehen mit der Provinz Ontario?",
    "Ein Beispiel für die Zusammenarbeit mit Kanada ist die Seen-Partnerschaft.",
    "Die Zusammenarbeit zwischen dem Land und der Provinz Ontario soll um eine Partnerschaft "
    "auf der Ebene der Parlamente erweitert werden.",
    "Seit 1999 unterhält der Landtag eine intensive Partnerschaft mit der Provinz Ontario.",
    "2030 steht das 20. Jubiläum der Partnerschaft zwischen dem Landtag und der Provinz Ontario "
    "an.",
    "Zwischen dem Land und der Provinz Ontario existiert bislang keine Vereinbarung zu einer "
    "Regionalpartnerschaft.",
    "Neuer Schwung für die älteste regionale Partnerschaft des Landes: der Staatssekretär reist "
    "heute nach Kanada.",
    "Zwischen Kanada und dem Land bestehen zahlreiche Partnerschaften zwischen Bezirken, "
    "Landkreisen und Gemeinden.",
    "Auf der Regionenebene besteht eine Partnerschaft zwischen dem Bezirk Oberland und der "
    "Woiwodschaft Pommern, die am 5. April 2000 begründet wurde.",
    "2004 kam eine Partnerschaft zum Sejmik der Woiwodschaft Pommern hinzu.",
    "Die Provinz Ontario sei die Partnerregion von Pommern.",
    "Das Land hat Vertreter der Partnerregionen eingeladen. Die Minister aus Kanada und Polen "
    "kamen auch.",
    "Die Fachmesse 2030 mit Partnerland Kanada lockte viele Besucher an.",
    "Kanada ist Partnerland der diesjährigen Messe in der Landeshauptstadt.",
    "Im Rahmen der Dienststellenpartnerschaft zwischen der Polizei Toronto und einem "
    "Polizeipräsidium des Landes besuchte eine Delegation aus Kanada das Präsidium. Der Besuch "
    "diente der Vertiefung der Partnerschaft.",
    "Für die Stadt Toronto war die Partnerschaft mit der Hansestadt von Bedeutung. Ziel war "
    "es, mit dieser Partnerschaft zur Entwicklung Kanadas beizutragen.",
]


@pytest.mark.parametrize("text", NOT_THE_LANDS, ids=[t[:40] for t in NOT_THE_LANDS])
def test_no_partnership_of_the_land(tmp_path, text):
    assert stated(tmp_path, text) == {}


def test_an_ended_partnership_says_so(tmp_path):
    found = stated(tmp_path, "Die Regionalpartnerschaft mit der Provinz Ontario wurde 2014 "
                             "beendet.")
    assert found["CA-ON"][1] is True


def test_a_suspended_partnership_has_not_ended(tmp_path):
    found = stated(tmp_path, "Die Partnerschaft mit der Provinz Ontario ist derzeit ausgesetzt.")
    assert found["CA-ON"][1] is False


def test_a_partnership_declaration_founds_it_on_its_signing_date(tmp_path):
    text = ("Am 4. Dezember 1997 unterzeichneten die Landesregierung und die Provinz Ontario "
            "eine Partnerschaftserklärung.")
    result = extraction(tmp_path, text)
    assert [a.date.start.lexical() for a in result.agreements if a.date] == ["1997-12-04"]
    assert stated(tmp_path, text) == {"CA-ON": ("1997-12-04", False, "Partnerschaft")}


def test_an_extension_renews_and_dates_nothing(tmp_path):
    text = ("Am 4. Dezember 2017 wurde die Partnerschaftserklärung mit der Provinz Ontario "
            "verlängert.")
    assert stated(tmp_path, text)["CA-ON"][0] is None


def test_an_anniversary_needs_the_documents_date(tmp_path):
    path = tmp_path / "undatiert.txt"
    path.write_text("Das Land und die Provinz Ontario feierten 20 Jahre Partnerschaft.",
                    encoding="utf-8")
    meta = DocumentMeta(document_id="unit-test", identifier="Test", title="Test", land="DE-NW",
                        genre="press-release", date=None)
    [record] = extract(read(path), meta).partnerships
    assert record.partner.key == "CA-ON" and record.since is None


def test_a_word_in_spaced_letters_is_read_as_one(tmp_path):
    text = "Die L a n d e s r e g i e r u n g unterhält eine Partnerschaft mit der Provinz Ontario."
    assert set(stated(tmp_path, text)) == {"CA-ON"}
    assert "Landesregierung" in extraction(tmp_path, text).partnerships[0].passage.quote


def test_a_partner_region_compound_names_the_region_and_the_kind(tmp_path):
    found = stated(tmp_path, "Der Ministerpräsident traf den Marschall der polnischen "
                             "Partnerwoiwodschaft Podlaskie.")
    assert found == {"PL-20": (None, False, "Partnerwoiwodschaft")}


def test_an_undated_text_counts_an_anniversary_from_the_occasion_it_reports(tmp_path):
    path = tmp_path / "undatiert.txt"
    path.write_text("Am 3. Juni 2030 traf der Ministerpräsident den Gouverneur der Provinz "
                    "Ontario. Anlass war das 25-jährige Bestehen der Partnerschaft.",
                    encoding="utf-8")
    meta = DocumentMeta(document_id="unit-test", identifier="Test", title="Test", land="DE-NW",
                        genre="press-release", date=None)
    starts = {r.partner.key: r.since.start.lexical() for r in extract(read(path), meta).partnerships
              if r.since is not None}
    assert starts == {"CA-ON": "2005"}


def test_an_anniversary_and_a_signing_in_its_year_date_the_partnership_to_the_day(tmp_path):
    text = ("Das Land und die Provinz Ontario feiern 20 Jahre Partnerschaft. Am 12. März 2004 "
            "unterzeichneten beide Seiten eine Gemeinsame Erklärung über die Zusammenarbeit.")
    starts = {r.since.start.lexical() for r in extraction(tmp_path, text).partnerships
              if r.partner.key == "CA-ON" and r.since is not None}
    assert starts == {"2004-03-12"}


def test_a_city_states_partner_city_is_the_city_not_a_namesake_region(tmp_path):
    found = stated(tmp_path, "Partnerstädte der Hansestadt sind unter anderem León (Nicaragua) "
                             "und Chicago.", land="DE-HH")
    assert set(found) == {"NI/leon", "US/chicago"}


def test_a_city_states_partner_city_before_the_partnership_word_is_kept(tmp_path):
    found = stated(tmp_path, "Die Hansestadt pflegt zu Chicago eine Städtepartnerschaft mit "
                             "langer Tradition.", land="DE-HH")
    assert set(found) == {"US/chicago"}


def test_a_city_states_partner_city_is_the_one_after_the_partnership_word(tmp_path):
    found = stated(tmp_path, "2017 lag ein Schwerpunkt bei Chicago, und 2018 wird das Jubiläum "
                             "der Städtepartnerschaft mit Marseille gefeiert.", land="DE-HH")
    assert set(found) == {"FR/marseille"}


def test_a_partnership_a_later_paragraph_refers_to_is_the_documents_one_partnership(tmp_path):
    text = ("Das Land und die Provinz Ontario bekräftigen ihre 35-jährige Partnerschaft.\n\n"
            "Seit dem offiziellen Beginn ihrer Partnerschaft am 24. November 1989 haben beide "
            "Seiten enge Beziehungen aufgebaut.")
    starts = {r.since.start.lexical() for r in extraction(tmp_path, text).partnerships
              if r.partner.key == "CA-ON" and r.since is not None}
    assert starts == {"1989-11-24"}


def test_a_city_states_partner_metropolis_is_the_registered_subdivision(tmp_path):
    found = stated(tmp_path, "Das Land unterhält Städtepartnerschaften mit Tokio und Paris.",
                   land="DE-BE")
    assert "JP-13" in found


def test_the_askers_header_title_and_preface_state_no_partnership(tmp_path):
    text = ("Bürgerschaft Drucksache 21/1 Schriftliche Kleine Anfrage des Abgeordneten Max "
            "Beispiel (CDU) vom 20.01.30 und Antwort des Senats Betr.: Städtepartnerschaften Die "
            "Partnerschaften mit Marseille und Chicago waren wichtige Signale. Vor diesem "
            "Hintergrund frage ich den Senat: Welche Mittel stehen bereit? Die Senatskanzlei "
            "fördert die Städtepartnerschaft mit Shanghai mit eigenen Mitteln.")
    found = stated(tmp_path, text, land="DE-HH", genre="answer")
    assert set(found) == {"CN-SH"}


def test_the_askers_title_after_the_header_states_no_partnership(tmp_path):
    text = ("Antwort der Landesregierung auf die Kleine Anfrage 1234 vom 6. Oktober 2030 des "
            "Abgeordneten Max Beispiel Drucksache 17/1 Partnerschaften zwischen dem Land und der "
            "Provinz Ontario Vorbemerkung der Kleinen Anfrage Die Provinz Ontario ist ein "
            "wichtiger Partner.")
    assert stated(tmp_path, text, genre="answer") == {}


def test_a_city_states_jubilee_of_the_pair_dates_its_city_partnership(tmp_path):
    text = ("Die Städtepartnerschaft mit Buenos Aires ist lebendig. Das Jubiläum 25 Jahre "
            "Berlin-Buenos Aires wurde im Jahr 2019 mit einem Konzert begangen.")
    assert stated(tmp_path, text, land="DE-BE")["AR-C"][0] == "1994"


def test_a_partnership_the_land_ended_says_so(tmp_path):
    found = stated(tmp_path, "Im Jahr 2015 beendete das Land die Partnerschaft mit der Provinz "
                             "Ontario.")
    assert found["CA-ON"][1] is True


def test_a_city_states_partner_city_after_a_noun_is_the_city(tmp_path):
    """"zu den Städten A, B": the noun before the first name is no part of it."""
    found = stated(tmp_path, "Die Hansestadt unterhält Städtepartnerschaften zu den Städten "
                             "Brüssel, Chicago und Marseille.", land="DE-HH")
    assert set(found) == {"BE-BRU", "US/chicago", "FR/marseille"}


def test_a_city_states_partner_city_has_one_key_however_it_is_spelt(tmp_path):
    """The local spelling and the German name (mappings/city-names.csv) are one city."""
    local = stated(tmp_path, "Die Städtepartnerschaft mit Windhoek wird gepflegt.", land="DE-BE")
    german = stated(tmp_path, "Die Städtepartnerschaft mit Windhuk wird gepflegt.", land="DE-BE")
    assert set(local) == set(german) == {"NA/windhuk"}


def test_the_city_name_register_gives_a_citys_german_name(tmp_path):
    import shutil

    from kg import registers
    from kg.paths import MAPPINGS_DIR

    shutil.copytree(MAPPINGS_DIR, tmp_path / "mappings")
    with (tmp_path / "mappings" / "city-names.csv").open("a", encoding="utf-8") as handle:
        handle.write("Beispielburg,Exampleborough|Ejemplo\n")
    loaded = registers.load(tmp_path / "mappings")
    assert loaded.german_city_name(["Nirgendwo", "Exampleborough"]) == "Beispielburg"
    assert loaded.german_city_name(["Nirgendwo"]) is None


@pytest.mark.parametrize("text", [
    "Der Vertrag konkretisiert das zwischen den Häfen am 3. Mai 2031 in Chicago abgeschlossene "
    "Partnerschaftsabkommen.",
    "Bei dem Partnerschaftsvertrag handelt es sich um einen Vertrag zwischen Vertretern des "
    "Hamburger Hafens und dem Hafen Chicago.",
])
def test_a_partnership_of_ports_is_not_the_city_states(tmp_path, text):
    assert stated(tmp_path, text, land="DE-HH") == {}


def test_the_partnership_a_paragraph_gave_to_ports_is_not_the_city_states_later(tmp_path):
    text = ("Der Vertrag konkretisiert das zwischen den Häfen am 3. Mai 2031 in Chicago "
            "abgeschlossene Partnerschaftsabkommen. Außerdem soll durch die Partnerschaft das "
            "Verständnis gefördert werden.")
    assert stated(tmp_path, text, land="DE-HH") == {}


def test_a_signing_the_press_reported_is_no_partnership_of_the_text(tmp_path):
    text = ("Am 3. Mai 2031 unterzeichneten laut Pressemeldungen Vertreter der Stadt Chicago und "
            "der Wirtschaftsbehörde einen Partnerschaftsvertrag.")
    found = extraction(tmp_path, text, land="DE-HH", genre="answer")
    assert (found.partnerships, found.agreements) == ([], [])


@pytest.mark.parametrize(("text", "key"), [
    ("Die Städtepartnerschaft mit Quellhausen (Polen) besteht seit 2031.", "PL/quellhausen"),
    ("Die Hansestadt pflegt eine Partnerschaft mit der Stadt Nirgendwo.", "XX/nirgendwo"),
])
def test_a_city_states_partner_city_no_register_knows_is_still_a_partner(tmp_path, text, key):
    assert set(stated(tmp_path, text, land="DE-HH")) == {key}


def test_a_german_partner_city_is_no_partnership_of_the_city_state(tmp_path):
    assert stated(tmp_path, "Die Städtepartnerschaft mit Dresden besteht seit 1987.",
                  land="DE-HH") == {}


def test_a_name_after_a_word_for_no_city_is_no_partner_city(tmp_path):
    """"Im Namen des Senats": a common noun that is also some city's German name."""
    text = ("Die Städtepartnerschaft mit Chicago ist lebendig. Außerdem: Im Namen des Senats "
            "grüße ich die Städtepartnerschaft herzlich.")
    assert set(stated(tmp_path, text, land="DE-HH")) <= {"US/chicago"}
