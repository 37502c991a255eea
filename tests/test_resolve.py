"""Resolution: the extractions of all files become one set of facts.

Two renderings of one document state each fact once, citing both files at the right lines; a
person named in full and later by surname is one person; namesakes in different scopes stay
apart; what no register knows still gets an IRI and is reported as unlinked (in the resolution
and in the build's build.json). The documents here are invented, except the bundled Vorlage
18/1828, which the project has as Markdown and as PDF text.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF

from kg import namespaces as ns
from kg.build import Prepared, build, prepare
from kg.documents import read
from kg.extract import extract
from kg.paths import DOCUMENTS_DIR
from kg.records import Passage
from kg.resolve import Resolution
from kg.sources import sources_beside

PG = ns.PG
HEADER = "file,document,identifier,title,date,issuer,land,genre,rendering\n"


def write(folder: Path, files: dict[str, str], sources: list[str] = ()) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    if sources:
        (folder / "sources.csv").write_text(HEADER + "\n".join(sources) + "\n", encoding="utf-8")
    return folder


def prepared_ok(paths: list[Path]) -> Prepared:
    prepared = prepare(paths, jobs=1)
    assert not prepared.failures, prepared.failures
    assert prepared.report.conforms, [str(p) for p in prepared.report.errors]
    return prepared


def compact(text: str) -> str:
    """Letters and digits only: a quote and its source lines compare across line breaks,
    repaired hyphens and Markdown markup."""
    return re.sub(r"[\W_]", "", text)


def cites_its_lines(passage: Passage, folder: Path) -> bool:
    lines = (folder / passage.file).read_text(encoding="utf-8").split("\n")
    cited = " ".join(lines[passage.start_line - 1:passage.end_line])
    return compact(passage.quote) in compact(cited)


def events_of(resolution: Resolution) -> list:
    return [e for entry in resolution.documents.values() for e in entry.events]


def agreement_files(resolution: Resolution) -> dict[URIRef, set[str]]:
    files: dict[URIRef, set[str]] = {}
    for entry in resolution.documents.values():
        for iri, passage in entry.evidence:
            if iri in resolution.agreements:
                files.setdefault(iri, set()).add(passage.file)
    return files


# ------------------------------------------------------------------ one document, two renderings

REPORT_MD = """# Bericht über die Partnerschaft mit der Provinz Gelderland

## Gemeinsame Erklärung zwischen dem Land Nordrhein-Westfalen und der Provinz Gelderland (12. Mai 2021)

Die Zusammenarbeit mit der Provinz Gelderland konzentriert sich auf Wasserstoff und Kultur. Am 14. März 2023 traf Staatssekretär Dr. Max Beispiel in Arnheim den Vertreter der Provinz Gelderland, Herrn Jan Voorbeeld. Vom 5. bis 7. Oktober 2023 besuchte eine Delegation des Ministeriums für Kultur und Wissenschaft die Provinz Gelderland.

Im Frühjahr 2024 ist ein Gegenbesuch von Herrn Voorbeeld in Düsseldorf geplant.
"""  # noqa: E501 - Markdown paragraphs are single lines

# The same report as text taken from its PDF: hard line breaks, words hyphenated at line ends,
# every line followed by an empty one.
REPORT_PDF_TEXT = "\n\n".join([
    "Bericht über die Partnerschaft mit der Provinz Gelderland ",
    " ",
    "Gemeinsame Erklärung zwischen dem Land Nordrhein-Westfalen und der Provinz ",
    "Gelderland (12. Mai 2021) ",
    " ",
    "Die Zusammenarbeit mit der Provinz Gelderland konzentriert sich auf Wasser-",
    "stoff und Kultur. Am 14. März 2023 traf Staatssekretär Dr. Max Beispiel in ",
    "Arnheim den Vertreter der Provinz Gelderland, Herrn Jan Voorbeeld. Vom 5. bis ",
    "7. Oktober 2023 besuchte eine Delegation des Ministeriums für Kultur und Wis-",
    "senschaft die Provinz Gelderland. ",
    " ",
    "Im Frühjahr 2024 ist ein Gegenbesuch von Herrn Voorbeeld in Düsseldorf ge-",
    "plant. ",
]) + "\n"

REPORT_SOURCES = [
    f"{name},nw-vorlage-18-9999,Vorlage 18/9999,Bericht über die Partnerschaft mit der Provinz "
    f"Gelderland,2023-11-20,Staatskanzlei Nordrhein-Westfalen,DE-NW,report,{rendering}"
    for name, rendering in (("bericht.md", "markdown"), ("bericht.pdf.txt", "pdf-text"))]


@pytest.fixture(scope="module")
def invented_pair(tmp_path_factory) -> tuple[Path, Prepared]:
    folder = write(tmp_path_factory.mktemp("pair"),
                   {"bericht.md": REPORT_MD, "bericht.pdf.txt": REPORT_PDF_TEXT}, REPORT_SOURCES)
    return folder, prepared_ok([folder])


@pytest.fixture(scope="module")
def bundled_pair() -> Prepared:
    return prepared_ok([DOCUMENTS_DIR / "nw-vorlage-18-1828.md",
                        DOCUMENTS_DIR / "nw-vorlage-18-1828.pdf.txt"])


def single_rendering_counts(path: Path) -> tuple[int, int]:
    source = sources_beside(path)[path.name]
    extraction = extract(read(path), source.meta)
    return len(extraction.events), len(extraction.agreements)


def test_invented_renderings_give_each_fact_once(invented_pair):
    folder, prepared = invented_pair
    resolution = prepared.resolution
    (entry,) = resolution.documents.values()
    assert sorted(r.file for r in entry.renderings) == ["bericht.md", "bericht.pdf.txt"]
    assert sorted(r.rendering for r in entry.renderings) == ["markdown", "pdf-text"]
    events = events_of(resolution)
    assert sorted((e.record.event_type, e.record.date.start.lexical()) for e in events) == [
        ("besuch", "2023-10-05"), ("besuch", "2024"), ("gespraech", "2023-03-14")]
    assert list(resolution.agreements) == [ns.agreement("DE-NW", ["NL-GE"], "2021-05-12")]
    for path in (folder / "bericht.md", folder / "bericht.pdf.txt"):
        assert single_rendering_counts(path) == (len(events), len(resolution.agreements))


def test_invented_renderings_cite_both_files_at_their_own_lines(invented_pair):
    folder, prepared = invented_pair
    resolution = prepared.resolution
    for event in events_of(resolution):
        assert Counter(p.file for p in event.passages) == {"bericht.md": 1,
                                                           "bericht.pdf.txt": 1}
        assert all(cites_its_lines(p, folder) for p in event.passages), event.passages
    meeting = next(e for e in events_of(resolution) if e.record.event_type == "gespraech")
    assert sorted((p.file, p.start_line, p.end_line) for p in meeting.passages) == [
        ("bericht.md", 5, 5), ("bericht.pdf.txt", 13, 15)]
    assert agreement_files(resolution) == {
        ns.agreement("DE-NW", ["NL-GE"], "2021-05-12"): {"bericht.md", "bericht.pdf.txt"}}


def test_invented_renderings_are_two_renderings_of_one_document_in_rdf(invented_pair):
    _, prepared = invented_pair
    (graph,) = prepared.mapped.documents.values()
    document = ns.document("nw-vorlage-18-9999")
    renderings = set(graph.subjects(PG.fileName, None))
    assert {graph.value(r, PG.fileName) for r in renderings} == {
        Literal("bericht.md"), Literal("bericht.pdf.txt")}
    assert all((r, DCTERMS.isFormatOf, document) in graph for r in renderings)
    for event in graph.subjects(RDF.type, PG.Event):
        quoted = {graph.value(p, PROV.wasQuotedFrom) for p in graph.objects(event,
                                                                             PROV.wasDerivedFrom)}
        assert quoted == renderings, event


def test_bundled_renderings_give_each_fact_once_citing_both(bundled_pair):
    resolution = bundled_pair.resolution
    (entry,) = resolution.documents.values()
    files = {r.file for r in entry.renderings}
    assert files == {"nw-vorlage-18-1828.md", "nw-vorlage-18-1828.pdf.txt"}
    events = events_of(resolution)
    markdown_events, markdown_agreements = single_rendering_counts(
        DOCUMENTS_DIR / "nw-vorlage-18-1828.md")
    assert len(events) == markdown_events
    assert len(resolution.agreements) == markdown_agreements
    for event in events:
        assert {p.file for p in event.passages} == files, event.record.description
        assert all(cites_its_lines(p, DOCUMENTS_DIR) for p in event.passages), event.passages
    assert all(cited == files for cited in agreement_files(resolution).values())
    for _, passage in entry.evidence:
        assert cites_its_lines(passage, DOCUMENTS_DIR), passage


# ------------------------------------------------------------------------------------ persons

PRESS = "Pressemitteilung der Staatskanzlei Nordrhein-Westfalen\n\nDüsseldorf, {date}\n\n{body}\n"


def press_release(date: str, *paragraphs: str) -> str:
    return PRESS.format(date=date, body="\n\n".join(paragraphs))


def test_a_surname_after_the_full_name_is_the_same_person(tmp_path):
    text = press_release(
        "10. Mai 2023",
        "Am 8. Mai 2023 empfing Staatssekretärin Dr. Maria Beispielmann den Gouverneur der "
        "Präfektur Aichi, Herrn Kenta Mustermori, in Düsseldorf.",
        "Am 9. Mai 2023 traf Staatssekretärin Beispielmann den Generalkonsul von Japan.")
    resolution = prepared_ok([write(tmp_path, {"pm.txt": text})]).resolution
    maria = ns.person("Maria Beispielmann")
    assert sorted(str(i) for i in resolution.persons) == sorted(
        str(ns.person(n)) for n in ("Maria Beispielmann", "Kenta Mustermori"))
    assert [maria in e.participants for e in sorted(events_of(resolution),
                                                    key=lambda e: e.record.date.start)] == [
        True, True]
    person = resolution.persons[maria]
    assert (person.name, person.given, person.family) == ("Maria Beispielmann", "Maria",
                                                          "Beispielmann")
    assert person.honorifics == {"Dr."}


def test_a_surname_in_another_document_is_the_person_named_in_full(tmp_path):
    first = press_release(
        "20. Juni 2023",
        "Am 19. Juni 2023 besuchte der Marschall der Woiwodschaft Schlesien, Jan Kowalczyk, "
        "Düsseldorf.")
    second = press_release(
        "10. Mai 2023",
        "Am 9. Mai 2023 traf Minister Habicht in Kattowitz den Marschall der Woiwodschaft "
        "Schlesien, Herrn Kowalczyk.")
    resolution = prepared_ok([write(tmp_path, {"a.txt": first, "b.txt": second})]).resolution
    jan = ns.person("Jan Kowalczyk")
    assert all(jan in e.participants for e in events_of(resolution))
    assert ns.post("PL-24", "marschall") in resolution.persons[jan].posts
    assert not any(str(i).startswith(str(ns.ID["person/kowalczyk"])) for i in resolution.persons)


def test_a_middle_initial_does_not_make_another_person(tmp_path):
    text = press_release(
        "20. Juni 2023",
        "Am 19. Juni 2023 besuchte der Marschall der Woiwodschaft Schlesien, Jan W. Kowalczyk, "
        "Düsseldorf. Marschall Jan Kowalczyk traf dort Minister Habicht.")
    resolution = prepared_ok([write(tmp_path, {"pm.txt": text})]).resolution
    named = [p for p in resolution.persons.values() if p.family == "Kowalczyk"]
    assert len(named) == 1, [p.name for p in named]


def test_namesakes_in_different_countries_stay_apart(tmp_path):
    polish = press_release(
        "20. Juni 2023",
        "Am 19. Juni 2023 besuchte der Marschall der Woiwodschaft Schlesien, Jan Kowalczyk, "
        "Düsseldorf.")
    japanese = press_release(
        "21. Juni 2023",
        "Am 20. Juni 2023 empfing Minister Habicht die japanische Generalkonsulin Kowalczyk zu "
        "einem Gespräch über die Präfektur Aichi.")
    resolution = prepared_ok([write(tmp_path, {"a.txt": polish, "b.txt": japanese})]).resolution
    consul = ns.person_in_scope("Kowalczyk", "JP")
    assert {ns.person("Jan Kowalczyk"), consul} <= set(resolution.persons)
    reception = next(e for e in events_of(resolution) if e.record.event_type == "empfang")
    assert consul in reception.participants
    assert ns.person("Jan Kowalczyk") not in reception.participants
    assert resolution.persons[consul].posts == {ns.post("JP", "generalkonsul")}


def test_surname_only_namesakes_are_scoped_to_their_posts(tmp_path):
    text = press_release(
        "10. Mai 2023",
        "Am 8. Mai 2023 empfing Minister Habicht den Gouverneur der Präfektur Aichi, "
        "Herrn Habicht, in Düsseldorf.")
    resolution = prepared_ok([write(tmp_path, {"pm.txt": text})]).resolution
    minister = ns.person_in_scope("Habicht", "DE-NW")
    governor = ns.person_in_scope("Habicht", "JP")  # the country of the prefecture
    assert {minister, governor} <= set(resolution.persons)
    (event,) = events_of(resolution)
    assert set(event.participants) == {minister, governor}


def test_a_surname_shared_by_two_persons_named_in_full_is_neither(tmp_path):
    text = press_release(
        "10. Mai 2023",
        "Am 8. Mai 2023 empfing der Marschall der Woiwodschaft Schlesien, Jan Kowalczyk, "
        "die japanische Generalkonsulin Ewa Kowalczyk in Kattowitz.",
        "Herr Kowalczyk betonte die Bedeutung der Zusammenarbeit mit Nordrhein-Westfalen.")
    resolution = prepared_ok([write(tmp_path, {"pm.txt": text})]).resolution
    named = {ns.person("Jan Kowalczyk"), ns.person("Ewa Kowalczyk")}
    assert named <= set(resolution.persons)
    assert len([i for i in resolution.persons if "kowalczyk" in str(i)]) == 3


def test_a_person_named_twice_with_one_post_holds_it_once(tmp_path):
    text = press_release(
        "10. Oktober 2023",
        "Am 9. Oktober 2023 traf Minister Habicht in Mailand den Präsidenten der Region "
        "Lombardei, Herrn Marco Esempio.",
        "Im Frühjahr 2024 ist ein Gegenbesuch von Präsident Esempio in Düsseldorf geplant.")
    resolution = prepared_ok([write(tmp_path, {"pm.txt": text})]).resolution
    marco = resolution.persons[ns.person("Marco Esempio")]
    assert marco.posts == {ns.post("IT-25", "praesident")}


# ---------------------------------------------------------------------------------- unlinked

UNREGISTERED = press_release(
    "20. Juni 2023",
    "Am 17. Juni 2023 reiste eine Delegation des Landes in die Provinz Namur und traf dort "
    "Herrn Pieter Voorbeeld.",
    "Das Ministerium für Zukunftsfragen (MZF) richtete am 18. Juni 2023 einen Empfang für die "
    "Provinz Namur aus.")

NAMUR = ns.region("BE-WNA")
MZF = ns.ministry("DE-NW", "MZF")


def test_what_no_register_knows_gets_an_iri_and_is_listed_as_unlinked(tmp_path):
    prepared = prepared_ok([write(tmp_path, {"pm.txt": UNREGISTERED})])
    resolution = prepared.resolution
    assert resolution.unlinked() == [
        ("ministry", str(MZF), "Ministerium für Zukunftsfragen"),
        ("region", str(NAMUR), "Namur")]
    assert all(NAMUR in {ns.region(p.iso_code) for p in e.record.partners}
               for e in events_of(resolution))
    reception = next(e for e in events_of(resolution) if e.record.event_type == "empfang")
    assert [m.abbreviation for m in reception.record.ministries] == ["MZF"]
    entities = prepared.mapped.entity_graph()
    for iri in (NAMUR, MZF):
        assert (iri, PG.registered, Literal(False)) in entities
    assert (NAMUR, PG.country, ns.country("BE")) in entities
    (graph,) = prepared.mapped.documents.values()
    for iri in (NAMUR, MZF):  # an unregistered entity cites where the text names it
        assert list(graph.objects(iri, PROV.wasDerivedFrom)), iri


def test_registered_entities_are_not_listed_as_unlinked(tmp_path):
    text = press_release(
        "20. Juni 2023",
        "Am 17. Juni 2023 reiste eine Delegation des Ministeriums für Kultur und Wissenschaft "
        "in die Provinz Gelderland.")
    assert prepared_ok([write(tmp_path, {"pm.txt": text})]).resolution.unlinked() == []


@pytest.mark.slow
def test_the_build_report_lists_the_unlinked_entities(tmp_path):
    result = build([write(tmp_path / "documents", {"pm.txt": UNREGISTERED})], tmp_path / "store",
                   jobs=1)
    assert result.ok, result.prepared.failures + result.check_failures
    summary = json.loads((result.build / "build.json").read_text(encoding="utf-8"))
    assert summary["unlinked"] == [
        {"kind": "ministry", "iri": str(MZF), "label": "Ministerium für Zukunftsfragen"},
        {"kind": "region", "iri": str(NAMUR), "label": "Namur"}]


def test_a_surname_without_a_post_is_the_one_official_of_that_name_in_the_document(tmp_path):
    text = press_release(
        "10. Mai 2023",
        "Am 8. Mai 2023 empfing Staatssekretärin Habicht den Gouverneur der Präfektur Aichi in "
        "Düsseldorf.",
        "Frau Habicht betonte die Bedeutung der Zusammenarbeit.")
    resolution = prepared_ok([write(tmp_path, {"pm.txt": text})]).resolution
    assert [i for i in resolution.persons if "habicht" in str(i)] == \
        [ns.person_in_scope("Habicht", "DE-NW")]


@pytest.mark.parametrize(("sentence", "name", "given", "family"), [
    # a governor in Japan: German prose writes the given name first
    ("Am 8. Mai 2023 empfing Staatssekretärin Dr. Maria Beispielmann den Gouverneur der "
     "Präfektur Aichi, Herrn MUSTERMORI Kenta, in Düsseldorf.",
     "Kenta Mustermori", "Kenta", "Mustermori"),
    # a governor in China: the family name stays first
    ("Am 8. Mai 2023 empfing Staatssekretärin Dr. Maria Beispielmann den Gouverneur der "
     "Provinz Sichuan, Herrn LI Beispiel, in Düsseldorf.", "Li Beispiel", "Beispiel", "Li"),
    # a post of no stated country: the one country of the document's partners decides
    ("Am 8. Mai 2023 unterzeichnete Staatssekretärin Dr. Maria Beispielmann eine Erklärung mit "
     "der Präfektur Aichi in Anwesenheit von Generalkonsulin MUSTERMORI Yumi.",
     "Yumi Mustermori", "Yumi", "Mustermori"),
])
def test_a_family_name_in_capitals_is_written_as_german_prose_writes_it(
        tmp_path, sentence, name, given, family):
    resolution = prepared_ok([write(tmp_path, {"pm.txt": press_release("10. Mai 2023",
                                                                       sentence)})]).resolution
    person = resolution.persons[ns.person(name)]
    assert (person.name, person.given, person.family) == (name, given, family)
