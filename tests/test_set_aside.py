"""No document sinks the build (issue 8): a document that cannot be read, whose Land cannot be
determined, whose facts fail validation, or that a violation query cites is set aside —
named with file and line, listed in build.json, its facts (and the entities only it brought)
left out — and the rest is published with exit code 1. `--strict` publishes nothing."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kg import build as build_module
from kg import namespaces as ns
from kg.build import build, prepare
from kg.cli import main
from kg.extract.land import NO_LAND
from kg.paths import DOCUMENTS_DIR, QUERIES_DIR, SOURCES_FILE
from kg.store import current_build

GOOD = ("bw-pressemitteilung-2024-07-17.txt", "nw-kleine-anfrage-17-4514.pdf.txt")

# A web page that never says which Land speaks: SHACL finds no Land for document or event.
NO_LAND_NAME = "delegation-gelderland.txt"
NO_LAND_TEXT = """Pressemitteilung

Delegation aus der Provinz Gelderland zu Gast

15. März 2023

Eine Delegation aus der niederländischen Provinz Gelderland besuchte am 14. März 2023 die
Hauptstadt. Die Gäste sprachen mit Vertretern der Wirtschaft über die Zusammenarbeit in der
Wasserstofftechnik.

Kontakt: Pressestelle
"""
# Entities only the page above brings: they must not remain once it is set aside.
ONLY_IN_NO_LAND = (ns.region("NL-GE", "NL"), ns.country("NL"))

IMPOSSIBLE_NAME = "antwort-kanagawa.md"
IMPOSSIBLE_TEXT = ("# Antwort der Landesregierung\n\nAm 31.02.2021 traf der Ministerpräsident "
                   "den Gouverneur der Präfektur Kanagawa zu einem Gespräch.\n")


def corpus(folder: Path) -> Path:
    """Two good bundled documents, and beside them: a page without a Land, an answer with an
    impossible date, an empty file and a "PDF" that is not one."""
    folder.mkdir(parents=True)
    for name in GOOD:
        shutil.copy(DOCUMENTS_DIR / name, folder / name)
    shutil.copy(SOURCES_FILE, folder / SOURCES_FILE.name)
    (folder / NO_LAND_NAME).write_text(NO_LAND_TEXT, encoding="utf-8")
    (folder / IMPOSSIBLE_NAME).write_text(IMPOSSIBLE_TEXT, encoding="utf-8")
    (folder / "leer.txt").write_text("", encoding="utf-8")
    (folder / "anlage.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage\n")
    return folder


def run_kg(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="kg")


def quads_about(build_dir: Path, iri) -> int:
    oxigraph = ox.Store.read_only(str(build_dir))
    node = ox.NamedNode(str(iri))
    return len(list(oxigraph.quads_for_pattern(node, None, None))) + \
        len(list(oxigraph.quads_for_pattern(None, None, node)))


@pytest.fixture(scope="module")
def documents(tmp_path_factory) -> Path:
    return corpus(tmp_path_factory.mktemp("set-aside") / "documents")


def test_the_broken_page_brings_entities_of_its_own(documents: Path):
    """What the next test relies on: with the page, its region and country are in the graph."""
    prepared = prepare([documents], jobs=1)
    assert set(ONLY_IN_NO_LAND) <= set(prepared.mapped.entities)
    assert not prepared.report.conforms


def test_broken_documents_are_set_aside_and_the_rest_is_published(documents: Path,
                                                                  tmp_path: Path):
    root = tmp_path / "store"
    result = run_kg("build", documents, "--store", root, "--jobs", 1)
    assert result.exit_code == 1, result.output
    published = current_build(root)
    assert published is not None
    assert "the store was not changed" not in result.stderr
    # reported as before: FILE:LINE: error: reason
    assert re.search(rf"{re.escape(IMPOSSIBLE_NAME)}:3: error: .*31\.02\.2021", result.stderr)
    assert re.search(rf"{NO_LAND_NAME}:1: error: A document comes from exactly one Land",
                     result.stderr)
    assert re.search(r"leer\.txt: error: file is empty", result.stderr)
    assert "anlage.pdf" in result.stderr
    assert "4 files set aside" in result.stderr
    # listed in build.json with file, line and reason
    summary = json.loads((published / "build.json").read_text(encoding="utf-8"))
    left_out = {Path(entry["file"]).name for entry in summary["set_aside"]}
    assert left_out == {NO_LAND_NAME, IMPOSSIBLE_NAME, "leer.txt", "anlage.pdf"}
    impossible = [e for e in summary["set_aside"] if e["file"].endswith(IMPOSSIBLE_NAME)]
    assert impossible[0]["line"] == 3 and "31.02.2021" in impossible[0]["reason"]
    assert sorted(Path(f).name for f in summary["documents"]) == sorted(GOOD)
    # the good documents' facts are in; the set-aside page's, and what only it brought, not
    assert summary["counts"]["documents"] == 2 and summary["counts"]["agreements"] >= 1
    for iri in ONLY_IN_NO_LAND:
        assert quads_about(published, iri) == 0, iri
    export = run_kg("export", "--store", root, "--format", "nq")
    assert export.exit_code == 0
    assert "Wasserstofftechnik" not in export.stdout and "31.02.2021" not in export.stdout


def test_the_set_aside_build_equals_a_build_of_the_good_documents(documents: Path,
                                                                  tmp_path: Path):
    """Nothing of a set-aside document is left: byte-identical export."""
    good = tmp_path / "good"
    good.mkdir()
    for name in (*GOOD, SOURCES_FILE.name):
        shutil.copy(documents / name, good / name)
    assert run_kg("build", good, "--store", tmp_path / "a", "-j", 1, "-q").exit_code == 0
    assert run_kg("build", documents, "--store", tmp_path / "b", "-j", 1, "-q").exit_code == 1
    dumps = [run_kg("export", "--store", tmp_path / s, "--format", "nq").stdout_bytes
             for s in ("a", "b")]
    assert dumps[0] == dumps[1]


def test_documents_that_share_a_file_name_are_set_aside_one_by_one(tmp_path: Path):
    """One folder per case, every file called document.txt: the failing one is named by its
    path and set aside alone (a problem names its document, not only a file name)."""
    folder = tmp_path / "cases"
    for case, text in (("gut", (DOCUMENTS_DIR / GOOD[0]).read_text(encoding="utf-8")),
                       ("ohne-land", NO_LAND_TEXT)):
        (folder / case).mkdir(parents=True)
        (folder / case / "document.txt").write_text(text, encoding="utf-8")
    root = tmp_path / "store"
    result = run_kg("build", folder, "--store", root, "--jobs", 1)
    assert result.exit_code == 1, result.output
    summary = json.loads((current_build(root) / "build.json").read_text(encoding="utf-8"))
    assert {e["file"] for e in summary["set_aside"]} == \
        {str(folder / "ohne-land" / "document.txt")}
    assert summary["counts"]["documents"] == 1 and summary["counts"]["agreements"] >= 1


def test_strict_publishes_nothing(documents: Path, tmp_path: Path):
    root = tmp_path / "store"
    result = run_kg("build", documents, "--store", root, "--jobs", 1, "--strict")
    assert result.exit_code == 1
    assert "the store was not changed" in result.stderr
    assert re.search(rf"{NO_LAND_NAME}:1: error: ", result.stderr)
    assert current_build(root) is None
    assert not list((root / "builds").iterdir())


def test_a_folder_of_only_broken_documents_publishes_nothing(tmp_path: Path):
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / NO_LAND_NAME).write_text(NO_LAND_TEXT, encoding="utf-8")
    (folder / "leer.txt").write_text("", encoding="utf-8")
    result = run_kg("build", folder, "--store", tmp_path / "store", "-j", 1)
    assert result.exit_code == 1
    assert "the store was not changed" in result.stderr
    assert current_build(tmp_path / "store") is None



@pytest.mark.parametrize("strict", [False, True])
def test_a_set_aside_document_is_reported_once_by_its_root_cause(tmp_path: Path, strict: bool):
    """Alone in its folder, the page without a Land was reported twice (as set aside and as the
    last round's report), and its event's missing Land beside the document's: now its own
    error once, the event's folded into a note that says where to see it."""
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / NO_LAND_NAME).write_text(NO_LAND_TEXT, encoding="utf-8")
    result = run_kg("build", folder, "--store", tmp_path / "store", "-j", 1,
                    *(["--strict"] if strict else []))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"{NO_LAND_NAME}:1: error: A document comes from exactly one")
    assert re.search(rf"{NO_LAND_NAME}: note: 1 more error\(s\) .*kg validate", result.stderr)
    shown = run_kg("validate", folder / NO_LAND_NAME)
    assert len([line for line in shown.stderr.splitlines() if ": error: " in line]) == 2

# ------------------------------------------------------------------------- checks


def _checks(folder: Path, monkeypatch, query: str) -> Path:
    for source in QUERIES_DIR.glob("violation-*.rq"):
        shutil.copy(source, folder / source.name)
    (folder / "violation-test.rq").write_text(query, encoding="utf-8")
    monkeypatch.setattr(build_module, "QUERIES_DIR", folder)
    return folder


def test_a_violation_citing_a_document_sets_it_aside(tmp_path: Path, monkeypatch):
    documents = tmp_path / "documents"
    documents.mkdir()
    for name in GOOD:
        shutil.copy(DOCUMENTS_DIR / name, documents / name)
    shutil.copy(SOURCES_FILE, documents / SOURCES_FILE.name)
    (tmp_path / "queries").mkdir()
    _checks(tmp_path / "queries", monkeypatch, f"""PREFIX pg: <{ns.PG}>
        SELECT ?document WHERE {{ ?document a pg:Document ; pg:land ?land .
                                  FILTER (STRENDS(STR(?land), "DE-BW")) }}""")
    result = build([documents], tmp_path / "store", jobs=1)
    assert result.ok, result.check_failures
    [entry] = {e.document: e for e in result.prepared.set_aside}.values()
    assert entry.stage == "check" and "violation-test.rq" in entry.reason
    assert Path(entry.file).name == GOOD[0]
    assert result.counts["documents"] == 1
    strict = build([documents], tmp_path / "strict", jobs=1, strict=True)
    assert not strict.ok and strict.check_failures


def test_a_violation_citing_no_document_fails_the_build(tmp_path: Path, monkeypatch):
    documents = tmp_path / "documents"
    documents.mkdir()
    shutil.copy(DOCUMENTS_DIR / GOOD[0], documents / GOOD[0])
    shutil.copy(SOURCES_FILE, documents / SOURCES_FILE.name)
    (tmp_path / "queries").mkdir()
    _checks(tmp_path / "queries", monkeypatch, f"""PREFIX pg: <{ns.PG}>
        SELECT ?land WHERE {{ ?land a pg:Land }}""")
    result = build([documents], tmp_path / "store", jobs=1)
    assert not result.ok
    assert any("violation-test.rq" in f for f in result.check_failures)
    assert current_build(tmp_path / "store") is None


def test_a_document_naming_its_land_only_by_city_and_institution_is_kept(tmp_path: Path):
    """A Land the text names only through its city and Senate (no ministry, partnership or
    agreement of it) is still described: its document and events have a Land."""
    page = tmp_path / "antrittsbesuch.txt"
    page.write_text("Bürgermeister Jan Beispiel hat heute (Dienstag, 14. März 2023) den "
                    "Botschafter der Republik Estland, Karl Näidis, zum Antrittsbesuch im "
                    "Rathaus der Freien Hansestadt Bremen begrüßt.\n", encoding="utf-8")
    prepared = prepare([page], jobs=1)
    assert [x.meta.land for x in prepared.extractions] == ["DE-HB"]
    assert not prepared.report.errors
    assert (ns.land("DE-HB"), None, None) in prepared.mapped.entity_graph()


def test_a_page_without_a_land_is_set_aside_though_it_names_a_ministry(tmp_path: Path):
    """A ministry, agreement or partnership of a page that names no Land belongs to no Land:
    describing that missing Land as one would let the page's own Land check pass."""
    folder = tmp_path / "documents"
    folder.mkdir()
    shutil.copy(DOCUMENTS_DIR / GOOD[0], folder / GOOD[0])
    shutil.copy(SOURCES_FILE, folder / SOURCES_FILE.name)
    page = NO_LAND_TEXT.replace("Kontakt: Pressestelle",
                                "Kontakt: Pressestelle des Ministeriums für Wasserwirtschaft")
    (folder / NO_LAND_NAME).write_text(page, encoding="utf-8")
    prepared = prepare([folder], jobs=1)
    assert any(m.land == NO_LAND for x in prepared.extractions for m, _ in x.ministries), \
        "the page's ministry is what this test is about"
    result = run_kg("build", folder, "--store", tmp_path / "store", "--jobs", 1)
    assert result.exit_code == 1, result.output
    assert re.search(rf"{NO_LAND_NAME}:1: error: A document comes from exactly one Land",
                     result.stderr)
    summary = json.loads((current_build(tmp_path / "store") / "build.json").read_text("utf-8"))
    assert {Path(e["file"]).name for e in summary["set_aside"]} == {NO_LAND_NAME}
    assert quads_about(current_build(tmp_path / "store"), ns.land(NO_LAND)) == 0
