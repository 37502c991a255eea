"""Incremental builds (issue 9, item 1): what reading and extraction made of a document is
remembered in the store and reused while the document, its sources.csv row, the code, the
registers and the ontology are unchanged; the result is byte-identical to a cold build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg.build as build_module
from kg import cache, store
from kg.cli import main
from kg.paths import DOCUMENTS_DIR, MAPPINGS_DIR, SOURCES_FILE

FIRST = ("bw-pressemitteilung-2024-07-17.txt", "nw-kleine-anfrage-17-4514.pdf.txt",
         "nw-drucksache-17-8230.md")
ADDED = "nw-vorlage-18-1828.md"
CHANGED, REMOVED = FIRST[0], FIRST[1]
NEW_SENTENCE = ("\nAm 18. Juli 2024 traf Ministerpräsident Winfried Kretschmann den "
                "Gouverneur der Präfektur Kanagawa Yuji Kuroiwa in Karlsruhe zu einem "
                "Gespräch über Wasserstoff.\n")


def run_kg(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="kg")


def export(root: Path) -> bytes:
    result = run_kg("export", "--store", root, "--format", "nq")
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.fixture
def extracted(monkeypatch) -> list[str]:
    """The files read and extracted (not taken from the cache) by builds with --jobs 1."""
    names: list[str] = []
    original = build_module._read_and_extract

    def counting(file_name: str):
        names.append(Path(file_name).name)
        return original(file_name)

    monkeypatch.setattr(build_module, "_read_and_extract", counting)
    return names


def test_a_rebuild_reuses_unchanged_documents_and_equals_a_cold_build(tmp_path: Path,
                                                                     extracted: list[str]):
    documents = tmp_path / "documents"
    documents.mkdir()
    for name in FIRST:
        shutil.copy(DOCUMENTS_DIR / name, documents / name)
    shutil.copy(SOURCES_FILE, documents / SOURCES_FILE.name)
    root = tmp_path / "store"
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    assert sorted(extracted) == sorted(FIRST)

    published = store.current_build(root)
    extracted.clear()
    again = run_kg("build", documents, "--store", root, "-j", 1)
    assert again.exit_code == 0, again.output
    assert extracted == []
    assert "nothing changed" in again.stdout and "stays the current build" in again.stderr
    assert store.current_build(root) == published  # kept, not rebuilt
    unchanged = export(root)

    (documents / SOURCES_FILE.name).write_text(  # a sources.csv row changed: rebuilt
        SOURCES_FILE.read_text(encoding="utf-8").replace("Kleine Anfrage 4514",
                                                         "Kleine Anfrage 4514 (neu)"),
        encoding="utf-8")
    extracted.clear()
    again = run_kg("build", documents, "--store", root, "-j", 1)
    assert again.exit_code == 0, again.output
    assert extracted == [FIRST[1]]
    assert "2 of 3 documents unchanged" in again.stderr
    assert store.current_build(root) != published
    shutil.copy(SOURCES_FILE, documents / SOURCES_FILE.name)

    shutil.copy(DOCUMENTS_DIR / ADDED, documents / ADDED)
    with (documents / CHANGED).open("a", encoding="utf-8") as changed:
        changed.write(NEW_SENTENCE)
    (documents / REMOVED).unlink()
    extracted.clear()
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    assert sorted(extracted) == sorted([ADDED, CHANGED])
    incremental = export(root)
    assert incremental != unchanged
    assert b"Karlsruhe" in incremental

    cold_root = tmp_path / "cold"
    shutil.copytree(root / "cache", cold_root / "cache")  # --from-scratch ignores it
    extracted.clear()
    assert run_kg("build", documents, "--store", cold_root, "-j", 1, "-q",
                  "--from-scratch").exit_code == 0
    assert sorted(extracted) == sorted([ADDED, CHANGED, FIRST[2]])
    assert export(cold_root) == incremental


def test_a_document_that_now_fails_keeps_nothing_stale(tmp_path: Path, extracted: list[str]):
    documents = tmp_path / "documents"
    documents.mkdir()
    for name in FIRST[:2]:
        shutil.copy(DOCUMENTS_DIR / name, documents / name)
    shutil.copy(SOURCES_FILE, documents / SOURCES_FILE.name)
    root = tmp_path / "store"
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    (documents / CHANGED).write_text((DOCUMENTS_DIR / CHANGED).read_text(encoding="utf-8")
                                     + "\nAm 31.02.2024 traf der Ministerpräsident den "
                                     "Gouverneur der Präfektur Kanagawa zu einem Gespräch.\n",
                                     encoding="utf-8")
    result = run_kg("build", documents, "--store", root, "-j", 1, "-q")
    assert result.exit_code == 1
    assert f"{CHANGED}:" in result.stderr and "31.02.2024" in result.stderr
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(DOCUMENTS_DIR / FIRST[1], alone / FIRST[1])
    shutil.copy(SOURCES_FILE, alone / SOURCES_FILE.name)
    assert run_kg("build", alone, "--store", tmp_path / "cold", "-j", 1, "-q").exit_code == 0
    assert export(root) == export(tmp_path / "cold")


def test_the_pipeline_key_covers_the_registers(tmp_path: Path, monkeypatch):
    mappings = tmp_path / "mappings"
    shutil.copytree(MAPPINGS_DIR, mappings)
    monkeypatch.setattr(cache, "MAPPINGS_DIR", mappings)
    cache.pipeline_key.cache_clear()
    before = cache.pipeline_key()
    with (mappings / "regions.csv").open("a", encoding="utf-8") as regions:
        regions.write("XX-1,,XX,Testregion,test region,region,Testregion,\n")
    cache.pipeline_key.cache_clear()
    try:
        assert cache.pipeline_key() != before
    finally:
        monkeypatch.undo()
        cache.pipeline_key.cache_clear()


def test_an_unreadable_entry_is_a_miss(tmp_path: Path):
    remembered = cache.ExtractionCache(tmp_path)
    remembered.put("k", {"a": 1})
    assert remembered.get("k") == {"a": 1}
    (remembered.folder / "k.pickle").write_bytes(b"not a pickle")
    assert remembered.get("k") is None
    assert cache.ExtractionCache(tmp_path, enabled=False).get("k") is None
