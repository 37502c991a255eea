"""Incremental builds (issue 9, item 1): what reading and extraction made of a document is
remembered in the store and reused while the document, its sources.csv row, the code, the
registers and the ontology are unchanged; what mapping and validation made of it (its graph
and verdict) while its resolved entry and the entities it reaches are unchanged. The result is
byte-identical to a cold build."""

from __future__ import annotations

import copy
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import RDFS, Literal

import kg.build as build_module
import kg.ledger as ledger_module
import kg.resolve as resolve_module
from kg import cache, counts, derive, patch, reason, registers, store, workers
from kg import namespaces as ns
from kg.build import prepare, read_documents
from kg.cli import main
from kg.graph_cache import GraphMemory, graph_key, remembered_quads
from kg.mapping import document_triples
from kg.paths import DOCUMENTS_DIR, MAPPINGS_DIR, SOURCES_FILE
from kg.validate import EntityContext, seeds, shared_triples

FIRST = ("bw-pressemitteilung-2024-07-17.txt", "nw-kleine-anfrage-17-4514.pdf.txt",
         "nw-drucksache-17-8230.md")
FIRST_IDS = ("bw-stm-pressemitteilung-2024-07-17", "nw-kleine-anfrage-17-4514",
             "nw-drucksache-17-8230")
ADDED, ADDED_ID = "nw-vorlage-18-1828.md", "nw-vorlage-18-1828"
CHANGED, REMOVED = FIRST[0], FIRST[1]
NEW_SENTENCE = ("\nAm 18. Juli 2024 traf Ministerpräsident Winfried Kretschmann den "
                "Gouverneur der Präfektur Kanagawa Yuji Kuroiwa in Karlsruhe zu einem "
                "Gespräch über Wasserstoff.\n")


def run_kg(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="kg")


def folder_of(tmp_path: Path, names) -> Path:
    """A folder of these bundled documents with their sources.csv."""
    documents = tmp_path / "documents"
    documents.mkdir()
    for name in names:
        shutil.copy(DOCUMENTS_DIR / name, documents / name)
    shutil.copy(SOURCES_FILE, documents / SOURCES_FILE.name)
    return documents


def built_folder(tmp_path: Path, names) -> tuple[Path, Path]:
    """That folder, built into tmp_path/store: (documents, store root)."""
    documents, root = folder_of(tmp_path, names), tmp_path / "store"
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    return documents, root


def export(root: Path) -> bytes:
    result = run_kg("export", "--store", root, "--format", "nq")
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def two_documents(folder: Path) -> Path:
    """A folder with the first two bundled documents and their sources.csv."""
    folder.mkdir()
    for name in FIRST[:2]:
        shutil.copy(DOCUMENTS_DIR / name, folder / name)
    shutil.copy(SOURCES_FILE, folder / SOURCES_FILE.name)
    return folder


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


@pytest.fixture
def validated(monkeypatch) -> list[str]:
    """The documents mapped and validated (not taken from what the store remembers) by
    builds with --jobs 1."""
    ids: list[str] = []
    original = build_module._validate_chunk

    def counting(document_ids: tuple[str, ...], serialize: bool):
        ids.extend(document_ids)
        return original(document_ids, serialize)

    monkeypatch.setattr(build_module, "_validate_chunk", counting)
    return ids


def counted_truly(root: Path, count=counts.count_entities) -> dict[str, int]:
    """The counts the current build reports, checked against counting its store."""
    build = store.current_build(root)
    assert build is not None
    reported = json.loads((build / "build.json").read_text(encoding="utf-8"))["counts"]
    truth = count(ox.Store.read_only(str(build)))
    assert {name: reported[name] for name in truth} == truth
    return reported


def test_a_rebuild_reuses_unchanged_documents_and_equals_a_cold_build(
        tmp_path: Path, extracted: list[str], validated: list[str], monkeypatch):
    counted: list[int] = []  # whole stores counted (a patch corrects the previous counts)
    original = counts.count_entities
    monkeypatch.setattr(counts, "count_entities",
                        lambda store: counted.append(1) or original(store))
    documents, root = built_folder(tmp_path, FIRST)
    assert sorted(extracted) == sorted(FIRST)
    assert sorted(validated) == sorted(FIRST_IDS)

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
    assert len(counted) == 1, "the patch counted the whole store"
    counted_truly(root, original)
    shutil.copy(SOURCES_FILE, documents / SOURCES_FILE.name)

    shutil.copy(DOCUMENTS_DIR / ADDED, documents / ADDED)
    with (documents / CHANGED).open("a", encoding="utf-8") as changed:
        changed.write(NEW_SENTENCE)
    (documents / REMOVED).unlink()
    extracted.clear()
    validated.clear()
    patched = run_kg("build", documents, "--store", root, "-j", 1)
    assert patched.exit_code == 0, patched.output
    assert "starting from a copy of build-" in patched.stderr  # kg/patch.py
    assert sorted(extracted) == sorted([ADDED, CHANGED])
    assert {ADDED_ID, FIRST_IDS[0]} <= set(validated)
    assert REMOVED not in (store.current_build(root) / "build.json").read_text()
    incremental = export(root)
    assert incremental != unchanged
    assert b"Karlsruhe" in incremental

    cold_root = tmp_path / "cold"
    shutil.copytree(root / "cache", cold_root / "cache")  # --from-scratch ignores it
    extracted.clear()
    validated.clear()
    assert run_kg("build", documents, "--store", cold_root, "-j", 1, "-q",
                  "--from-scratch").exit_code == 0
    assert sorted(extracted) == sorted([ADDED, CHANGED, FIRST[2]])
    assert sorted(validated) == sorted([ADDED_ID, FIRST_IDS[0], FIRST_IDS[2]])
    assert export(cold_root) == incremental
    assert len(counted) == 2, "only the cold builds counted the whole store"
    assert counted_truly(root, original) == counted_truly(cold_root, original)


def test_a_rebuild_of_unchanged_documents_maps_and_validates_none(tmp_path: Path,
                                                                 validated: list[str]):
    """--strict changes what a build publishes, not any document's graph: every graph and
    verdict is remembered, the warnings among them too."""
    documents, root = built_folder(tmp_path, FIRST)
    first, warnings = export(root), build_json(root)["warnings"]
    assert warnings  # nw-drucksache-17-8230 has an undated event
    validated.clear()
    again = run_kg("build", documents, "--store", root, "-j", 1, "--strict")
    assert again.exit_code == 0, again.output
    assert validated == []
    assert "3 of 3 document graphs unchanged" in again.stderr
    assert export(root) == first
    assert build_json(root)["warnings"] == warnings


def build_json(root: Path) -> dict:
    build = store.current_build(root)
    assert build is not None
    return json.loads((build / "build.json").read_text(encoding="utf-8"))


# An invented press release, first naming the Land it comes from, then (changed) not: then
# SHACL finds no Land for the document and its event, and it must be set aside.
PAGE = "besuch.txt"
PAGE_TEXT = """Pressemitteilung

Delegation aus der Provinz Overijssel zu Gast in Musterstadt

12. Mai 2022

Eine Delegation aus der niederländischen Provinz Overijssel besuchte am 11. Mai 2022 die
Landeshauptstadt Düsseldorf. Ministerin Erika Beispiel empfing die Gäste der Landesregierung
Nordrhein-Westfalen zu einem Gespräch über die Zusammenarbeit in der Wasserstofftechnik.

Kontakt: Pressestelle
"""
LANDLESS_TEXT = PAGE_TEXT.replace("Landeshauptstadt Düsseldorf", "Hauptstadt").replace(
    " der Landesregierung\nNordrhein-Westfalen", "\n")


def test_a_document_that_now_fails_validation_keeps_nothing_stale(tmp_path: Path,
                                                                  validated: list[str]):
    documents = two_documents(tmp_path / "documents")
    (documents / PAGE).write_text(PAGE_TEXT, encoding="utf-8")
    root = tmp_path / "store"
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    assert b"Overijssel" in export(root)

    (documents / PAGE).write_text(LANDLESS_TEXT, encoding="utf-8")
    failed = run_kg("build", documents, "--store", root, "-j", 1)
    assert failed.exit_code == 1
    assert "starting from a copy of build-" in failed.stderr  # patched, its graph dropped
    assert f"{PAGE}:" in failed.stderr and "one Land" in failed.stderr
    assert b"Overijssel" not in export(root)
    alone = two_documents(tmp_path / "alone")
    assert run_kg("build", alone, "--store", tmp_path / "cold", "-j", 1, "-q").exit_code == 0
    assert export(root) == export(tmp_path / "cold")
    assert counted_truly(root) == counted_truly(tmp_path / "cold")  # patched counts

    validated.clear()  # its failing verdict is remembered, and reported again
    again = run_kg("build", documents, "--store", root, "-j", 1, "-q", "--strict")
    assert again.exit_code == 1
    assert validated == []
    assert f"{PAGE}:" in again.stderr and "one Land" in again.stderr


def test_a_document_that_now_fails_keeps_nothing_stale(tmp_path: Path, extracted: list[str]):
    documents = two_documents(tmp_path / "documents")
    root = tmp_path / "store"
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    (documents / CHANGED).write_text((DOCUMENTS_DIR / CHANGED).read_text(encoding="utf-8")
                                     + "\nAm 31.02.2024 traf der Ministerpräsident den "
                                     "Gouverneur der Präfektur Kanagawa zu einem Gespräch.\n",
                                     encoding="utf-8")
    result = run_kg("build", documents, "--store", root, "-j", 1)
    assert result.exit_code == 1
    assert "starting from a copy of build-" in result.stderr
    assert f"{CHANGED}:" in result.stderr and "31.02.2024" in result.stderr
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(DOCUMENTS_DIR / FIRST[1], alone / FIRST[1])
    shutil.copy(SOURCES_FILE, alone / SOURCES_FILE.name)
    assert run_kg("build", alone, "--store", tmp_path / "cold", "-j", 1, "-q").exit_code == 0
    assert export(root) == export(tmp_path / "cold")
    assert counted_truly(root) == counted_truly(tmp_path / "cold")


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


def test_a_remembered_graph_is_not_reused_once_an_entity_it_reaches_changes(tmp_path: Path):
    """A document's verdict depends on the descriptions of the entities it reaches: when one
    of them changes (another document names a post's new holder, say), it is validated
    again, though its own entry is unchanged."""
    prepared = prepare([DOCUMENTS_DIR / FIRST[2]], jobs=1)
    assert prepared.mapped is not None
    mapped = prepared.mapped
    context = EntityContext(mapped, shared_triples(registers.load().vocabularies,
                                                   reason.ontology_graph()))
    memory = GraphMemory(cache.ExtractionCache(tmp_path), context)
    (document,) = mapped.entries
    triples = document_triples(mapped.entries[document])
    memory.remember(document, memory.describe(triples, [], b"<a> <b> <c> .\n"))
    assert memory.recall(document) is not None

    reached = context.reached(*seeds(triples))
    entity = context.entities[sorted(reached)[0]]
    mapped.entities[entity] = [*mapped.entities[entity],
                               (entity, RDFS.comment, Literal("neu beschrieben"))]
    changed = GraphMemory(cache.ExtractionCache(tmp_path),
                          EntityContext(mapped, context.shared))
    assert changed.recall(document) is None


def test_a_copy_that_cannot_be_trusted_is_not_patched(tmp_path: Path):
    """Without the current build's manifest, or when its store does not hold the named
    graphs the manifest says, a rebuild loads every graph (and equals a cold build)."""
    documents = two_documents(tmp_path / "documents")
    root = tmp_path / "store"
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    current = store.current_build(root)
    assert current is not None
    manifest = patch.read_manifest(current)
    assert manifest is not None and manifest.graphs
    manifest.graphs = manifest.graphs - {str(ns.document_graph(FIRST_IDS[0]))}
    patch.write_manifest(current, manifest)
    with (documents / CHANGED).open("a", encoding="utf-8") as changed:
        changed.write(NEW_SENTENCE)
    again = run_kg("build", documents, "--store", root, "-j", 1)
    assert again.exit_code == 0, again.output
    assert "starting from a copy" not in again.stderr

    (store.current_build(root) / patch.MANIFEST).unlink()
    shutil.copy(DOCUMENTS_DIR / FIRST[2], documents / FIRST[2])
    again = run_kg("build", documents, "--store", root, "-j", 1)
    assert again.exit_code == 0, again.output
    assert "starting from a copy" not in again.stderr
    assert run_kg("build", documents, "--store", tmp_path / "cold", "-j", 1,
                  "-q").exit_code == 0
    assert export(root) == export(tmp_path / "cold")


LENDER, LENDER_ID = "nw-vorlage-18-1828.md", "nw-vorlage-18-1828"
BORROWERS = ("nw-kleine-anfrage-17-4514.pdf.txt", "nw-drucksache-17-8230.md")


def test_a_lender_s_edit_does_not_validate_its_borrowers_again(tmp_path: Path,
                                                               validated: list[str]):
    """The two borrowers reach entities that only the lender gives a passage of, and are
    validated with the lender's passage (kg/validate.py, LOCATING): an edit of the lender
    that leaves that passage where it was validates the lender alone, and the result is
    still the cold build's."""
    documents, root = built_folder(tmp_path, (LENDER, "nw-vorlage-18-1828.pdf.txt", *BORROWERS))
    with (documents / LENDER).open("a", encoding="utf-8") as lender:
        lender.write("\nWeitere Informationen folgen.\n")
    validated.clear()
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    assert validated == [LENDER_ID]
    cold = tmp_path / "cold"
    assert run_kg("build", documents, "--store", cold, "-j", 1, "-q").exit_code == 0
    assert export(root) == export(cold)
    assert build_json(root)["warnings"] == build_json(cold)["warnings"]


def test_a_verdict_is_not_reused_once_a_lender_s_document_names_another_land(tmp_path: Path):
    """A borrower's validation walks from a lent passage to the lender's document and its
    Land; the verdict is checked against the entities that walk reached without walking
    again (kg/graph_cache.py, Reached), so a lender whose document now names another Land
    (its passages where they were, so the lent passage's LOCATING triples unchanged) must
    invalidate the borrower's verdict all the same."""
    # the last: another Land's document
    documents = folder_of(tmp_path, (LENDER, *BORROWERS, FIRST[0]))
    mapped = prepare([documents], jobs=1).mapped
    assert mapped is not None
    shared = shared_triples(registers.load().vocabularies, reason.ontology_graph())
    context = EntityContext(mapped, shared)
    memory = GraphMemory(cache.ExtractionCache(tmp_path / "store"), context)
    borrowed = {}
    for borrower in FIRST_IDS[1:]:
        triples = document_triples(mapped.entries[borrower])
        memory.remember(borrower, memory.describe(triples, [], b"<a> <b> <c> .\n"))
        reached = context.reached(*seeds(triples))
        borrowed[borrower] = [name for name, own in reached.items()
                              if not own and context.cited.get(context.entities[name]) == LENDER_ID]
    assert all(borrowed.values()), borrowed
    lender = mapped.entries[LENDER_ID]
    other = next(e.meta.land for e in mapped.entries.values() if e.meta.land != lender.meta.land)
    moved = copy.copy(mapped)
    moved.entries = {**mapped.entries, LENDER_ID: replace(
        lender, meta=replace(lender.meta, land=other))}
    after = EntityContext(moved, shared)
    for borrower, names in borrowed.items():
        assert [after.depended(n, False) for n in names] == \
            [context.depended(n, False) for n in names]  # what a verdict reads: the same
        assert GraphMemory(cache.ExtractionCache(tmp_path / "store"), after).recall(borrower) \
            is None, borrower
        assert GraphMemory(cache.ExtractionCache(tmp_path / "store"),
                           EntityContext(mapped, shared)).recall(borrower) is not None


def test_a_graph_key_covers_what_resolution_decides_for_a_document():
    """The key hashes what an entry is made from (kg/graph_cache.py, graph_key): besides
    the renderings and their metadata, every IRI resolution gave what the document names and
    the ministries it gave an event; a change of any of them is another key."""
    prepared = prepare([DOCUMENTS_DIR / FIRST[2]], jobs=1)
    assert prepared.mapped is not None
    (entry,) = prepared.mapped.entries.values()
    event = next(e for e in entry.events if e.participants)
    key = graph_key(entry)
    assert graph_key(copy.deepcopy(entry)) == key
    changes = [
        lambda e: e.evidence.__setitem__(0, (ns.person("someone else"), e.evidence[0][1])),
        lambda e: e.events[event_index].participants.append(ns.person("someone else")),
        lambda e: e.events[event_index].posts.append(ns.post("XX", "minister")),
        lambda e: setattr(e.events[event_index].record, "ministries", ()),
        lambda e: setattr(e, "meta", replace(e.meta, document_id="another-id")),
        lambda e: e.sources.__setitem__(0, replace(e.sources[0], title="Another title")),
        lambda e: e.renderings.__setitem__(0, replace(e.renderings[0], sha256="0" * 64)),
    ]
    event_index = entry.events.index(event)
    for change in changes:
        changed = copy.deepcopy(entry)
        change(changed)
        assert graph_key(changed) != key


A_CONTACT = ("\nAm 3. März 2024 empfing die Ministerin eine Delegation aus Japan in Stuttgart "
             "zu einem Gespräch über Forschung.\n")


def test_a_rebuild_derives_again_only_when_a_triple_the_derivations_read_changed(
        tmp_path: Path, monkeypatch):
    runs: list[int] = []
    original = derive.derived_quads
    monkeypatch.setattr(derive, "derived_quads",
                        lambda graph, *more: runs.append(1) or original(graph, *more))
    documents = two_documents(tmp_path / "documents")
    root = tmp_path / "store"
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    assert len(runs) == 1

    with (documents / CHANGED).open("a", encoding="utf-8") as changed:
        changed.write("\nWeitere Informationen folgen.\n")
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    assert len(runs) == 1, "no event changed, yet the derivations ran again"
    unchanged_events = export(root)
    assert run_kg("build", documents, "--store", tmp_path / "cold-1", "-j", 1, "-q",
                  "--from-scratch").exit_code == 0
    assert export(tmp_path / "cold-1") == unchanged_events

    runs.clear()
    with (documents / CHANGED).open("a", encoding="utf-8") as changed:
        changed.write(A_CONTACT)
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    assert runs == [1], "an event was added, yet the derivations did not run"
    assert export(root) != unchanged_events

    assert run_kg("build", documents, "--store", tmp_path / "cold-2", "-j", 1, "-q",
                  "--from-scratch").exit_code == 0
    assert export(tmp_path / "cold-2") == export(root)


@pytest.mark.parametrize("derivations_read_their_own", [False, True])
def test_a_rebuild_leaves_the_derived_triples_where_they_are(
        tmp_path: Path, monkeypatch, derivations_read_their_own: bool):
    """The previous build's derived triples stay in `graph/inferred` through a patch (none
    is decided again, taken out and put back) while the derivations read none of their
    predicates; a derivation that read them takes them out first, as a cold build has
    none when they run. Either way the rebuilt store is the cold build's."""
    decided: list[set[bytes]] = []
    original = patch.PatchLoad.decide

    def recording(self, candidates) -> None:
        decided.append(set(candidates))
        original(self, decided[-1])

    monkeypatch.setattr(patch.PatchLoad, "decide", recording)
    if derivations_read_their_own:
        read = derive.predicates_read()
        assert read is not None
        monkeypatch.setattr(derive, "predicates_read",
                            lambda: read | {str(ns.PG.lastContact)})
    documents = two_documents(tmp_path / "documents")
    root = tmp_path / "store"
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    build = store.current_build(root)
    assert build is not None
    manifest = patch.read_manifest(build)
    assert manifest is not None and manifest.derived
    for number, edit in enumerate(("\nWeitere Informationen folgen.\n", A_CONTACT)):
        decided.clear()
        append(documents / CHANGED, edit)
        assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
        taken = set().union(*decided) & manifest.derived
        build = store.current_build(root)
        assert build is not None
        rebuilt = patch.read_manifest(build)
        assert rebuilt is not None
        if derivations_read_their_own:
            assert taken == manifest.derived, number
        else:  # only those the derivations no longer construct
            assert taken == manifest.derived - rebuilt.derived, number
        cold = tmp_path / f"cold-{number}"
        assert run_kg("build", documents, "--store", cold, "-j", 1, "-q",
                      "--from-scratch").exit_code == 0
        assert export(root) == export(cold), number
        assert counted_truly(root) == counted_truly(cold), number
        manifest = rebuilt


def test_an_edit_that_reaches_other_documents_patches_to_the_cold_build(tmp_path: Path):
    """An edit naming, in one document, an official whom other documents name in full (and
    by surname) changes that official's entity: its description, the passages it is derived
    from, and so the verdicts of the documents that reach it and what the entity graph
    implies. The patched store, its counts (`graph/inferred` too) and its manifest (the support
    of each inferred triple, kg/support.py; the shared graphs' digests, the entity graph's
    written from the entities' descriptions) are the cold build's."""
    documents = folder_of(tmp_path, (*FIRST, LENDER))
    root = tmp_path / "store"
    prepared = prepare([documents], jobs=1)
    assert prepared.resolution is not None
    cited = {name for document, entry in prepared.resolution.documents.items()
             if document != FIRST_IDS[0] for name, _ in entry.evidence}  # in other documents
    named = sorted((person.given, person.family) for iri, person
                   in prepared.resolution.persons.items()
                   if person.given and iri in cited and person.posts)
    assert named
    given, family = named[0]
    assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
    before = export(root)
    first = patch.read_manifest(store.current_build(root) or root)
    assert first is not None
    entities_before = first.digests[str(ns.ENTITIES_GRAPH)]
    with (documents / CHANGED).open("a", encoding="utf-8") as changed:
        changed.write(f"\nAm 3. März 2024 empfing {given} {family} eine Delegation aus Japan "
                      f"in Stuttgart. Herr {family} sprach über Forschung.\n")
    patched = run_kg("build", documents, "--store", root, "-j", 1)
    assert patched.exit_code == 0, patched.output
    assert "starting from a copy of build-" in patched.stderr
    cold = tmp_path / "cold"
    assert run_kg("build", documents, "--store", cold, "-j", 1, "-q",
                  "--from-scratch").exit_code == 0
    assert export(root) == export(cold) != before
    assert counted_truly(root) == counted_truly(cold)
    manifests = []
    for where in (root, cold):
        build = store.current_build(where)
        assert build is not None
        manifest = patch.read_manifest(build)
        assert manifest is not None
        inferred = ox.Store.read_only(str(build)).query(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ns.INFERRED_GRAPH}> {{ ?s ?p ?o }} }}")
        assert manifest.inferred == int(next(iter(inferred))["n"].value) == \
            build_json(where)["counts"]["inferred"]
        manifests.append(manifest)
    patched_manifest, cold_manifest = manifests
    assert patched_manifest.digests[str(ns.ENTITIES_GRAPH)] != entities_before
    for part in ("documents", "support", "shared", "derived", "digests", "graphs", "counts",
                 "inferred"):
        assert getattr(patched_manifest, part) == getattr(cold_manifest, part), part


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as document:
        document.write(text)


def store_lines(root: Path) -> set[str]:
    build = store.current_build(root)
    assert build is not None
    return {str(quad) for quad in ox.Store.read_only(str(build))}


def nodes_of(lines: set[str]) -> set[str]:
    """The IRIs that are subject or object of these quads (as `str(ox.Quad)` gives them)."""
    return {f"<{quad.subject.value}>" for quad in _parsed(lines)} | \
        {f"<{quad.object.value}>" for quad in _parsed(lines)
         if isinstance(quad.object, ox.NamedNode)}


def _parsed(lines: set[str]) -> list[ox.Quad]:
    return list(ox.parse("".join(f"{line} .\n" for line in lines), format=ox.RdfFormat.N_QUADS))


def test_a_patch_checks_and_counts_what_changed_and_only_that(tmp_path: Path, monkeypatch):
    """The violation checks and the counts after a patch look at the nodes of the triples it
    added or removed (kg/patch.py, `settle`): every node whose triples differ between the
    stores before and after, and not every node of a replaced document's graph (a line
    appended to a document leaves most of its graph as it was)."""
    seen: list[set[str] | None] = []
    original = patch.touched_nodes
    monkeypatch.setattr(patch, "touched_nodes",
                        lambda loading: seen.append(original(loading)) or seen[-1])
    documents, root = built_folder(tmp_path, FIRST)
    edits = [lambda: append(documents / CHANGED, "\nWeitere Informationen folgen.\n"),
             lambda: append(documents / CHANGED, NEW_SENTENCE),
             lambda: (documents / REMOVED).unlink()]
    for number, edit in enumerate(edits):
        before = store_lines(root)
        edit()
        seen.clear()
        assert run_kg("build", documents, "--store", root, "-j", 1, "-q").exit_code == 0
        after = store_lines(root)
        (touched,) = seen
        assert touched is not None
        assert nodes_of(before ^ after) <= touched, number
        if number == 0:
            graph = ox.NamedNode(str(ns.document_graph(FIRST_IDS[0])))
            replaced = {line for line in after if str(graph) in line}
            assert len(touched) < len(nodes_of(replaced)) / 4, (len(touched), number)
    cold = tmp_path / "cold"
    assert run_kg("build", documents, "--store", cold, "-j", 1, "-q").exit_code == 0
    assert export(root) == export(cold)
    assert counted_truly(root) == counted_truly(cold)


# ------------------------------------------------------------- a rebuild after a few changes


def ledger_of(root: Path) -> ledger_module.Ledger:
    build = store.current_build(root)
    assert build is not None
    found = ledger_module.read_ledger(build)
    assert found is not None
    return found


def rebuilt_like_cold(documents: Path, root: Path, tmp_path: Path, rebuilt=None) -> str:
    """Rebuild (unless `rebuilt`: its result), build the same documents cold, and check that
    both are the same build: the export, build.json, manifest and ledger. The rebuild's
    progress output."""
    rebuilt = rebuilt or run_kg("build", documents, "--store", root, "-j", 1)
    assert rebuilt.exit_code == 0, rebuilt.output
    cold = tmp_path / "cold"
    built = run_kg("build", documents, "--store", cold, "-j", 1, "-q", "--from-scratch")
    assert built.exit_code == 0
    assert export(root) == export(cold)
    said = [[line for line in r.stdout.splitlines()[1:] if "time:" not in line]
            for r in (rebuilt, built)]  # the counts, and the entities no register knows
    assert said[0] == said[1] and any("not in any register" in line for line in said[0])
    summaries = [build_json(where) for where in (root, cold)]
    for summary in summaries:
        summary.pop("fingerprint", None)
    assert summaries[0] == summaries[1]
    manifests = [patch.read_manifest(store.current_build(r) or r) for r in (root, cold)]
    for part in ("documents", "support", "shared", "derived", "digests", "counts", "inferred"):
        assert getattr(manifests[0], part) == getattr(manifests[1], part), part
    assert ledger_of(root) == ledger_of(cold)
    return rebuilt.stderr


SHORT_WAY = "and what the changed ones give the others too"


def test_an_edit_that_gives_the_others_nothing_new_reads_and_resolves_only_its_document(
        tmp_path: Path, monkeypatch, validated: list[str]):
    """A sentence that names nothing: the changed document gives the corpus-wide tables what
    it gave (kg/ledger.py), so no other document's extraction is read, the corpus is not
    resolved again, and one document is validated; the result is the cold build's."""
    documents, root = built_folder(tmp_path, (*FIRST, LENDER))
    before = ledger_of(root)
    with (documents / CHANGED).open("a", encoding="utf-8") as changed:
        changed.write("\nWeitere Informationen folgen.\n")
    read: list[str] = []
    original_get = cache.ExtractionCache.get
    monkeypatch.setattr(cache.ExtractionCache, "get",
                        lambda self, key: read.append(key) or original_get(self, key))
    resolved: list[int] = []
    monkeypatch.setattr(build_module, "resolve", lambda x: resolved.append(len(x)) or
                        resolve_module.resolve(x))
    validated.clear()
    said = run_kg("build", documents, "--store", root, "-j", 1)
    assert said.exit_code == 0, said.output
    assert SHORT_WAY in said.stderr
    assert validated == [FIRST_IDS[0]]
    assert resolved == []
    others = {key for path, key in before.files.items() if not path.endswith(CHANGED)}
    assert not others & set(read), "an unchanged document's extraction was read"
    monkeypatch.undo()
    rebuilt_like_cold(documents, root, tmp_path, said)


def test_an_edit_that_moves_a_lent_passage_validates_its_borrowers_again(tmp_path: Path,
                                                                          validated: list[str]):
    """A line put before everything else moves every passage of the lender: the documents
    that borrow one of them (kg/validate.py, LOCATING) are validated again, and the verdicts
    (build.json's warnings), the graph and the ledger are the cold build's."""
    documents, root = built_folder(tmp_path, (LENDER, "nw-vorlage-18-1828.pdf.txt",
                                              *BORROWERS))
    text = (documents / LENDER).read_text(encoding="utf-8")
    (documents / LENDER).write_text("Vorbemerkung.\n\n" + text, encoding="utf-8")
    validated.clear()
    said = rebuilt_like_cold(documents, root, tmp_path)
    assert SHORT_WAY in said
    assert sorted(validated[:3]) == sorted([LENDER_ID, *FIRST_IDS[1:]]), validated  # then cold


def test_an_edit_that_changes_how_another_document_resolves_is_not_reused_stale(
        tmp_path: Path):
    """One document names a minister by surname only; another now names her in full: the
    surname in the first resolves to her (kg/resolve.py, _People), so its graph changes
    although its text did not. The rebuild must not keep the first document's old graph."""
    documents, root = built_folder(tmp_path, (*FIRST, LENDER))
    before = export(root)
    surname = b"/person/scharrenbach~DE-NW"
    assert surname in before
    with (documents / CHANGED).open("a", encoding="utf-8") as changed:
        changed.write("\nAm 3. März 2024 sprach die nordrhein-westfälische Ministerin Ina "
                      "Scharrenbach in Stuttgart über Wohnungsbau.\n")
    said = rebuilt_like_cold(documents, root, tmp_path)
    assert SHORT_WAY not in said
    assert surname not in export(root)


def test_an_edit_that_adds_an_entity_is_not_reused_stale(tmp_path: Path):
    """An agreement signed in a place no document named: nobody's names change, but the
    changed document gives the entities something new (its trace differs, kg/ledger.py), so
    the entity graph must be the cold build's, not the remembered one."""
    documents, root = built_folder(tmp_path, (*FIRST, LENDER))
    with (documents / CHANGED).open("a", encoding="utf-8") as changed:
        changed.write("\nAm 5. März 2024 unterzeichneten Baden-Württemberg und die Präfektur "
                      "Kanagawa in Kyoto eine Vereinbarung über die Zusammenarbeit in der "
                      "Forschung.\n")
    said = rebuilt_like_cold(documents, root, tmp_path)
    assert SHORT_WAY not in said
    assert b"/place/JP/kyoto" in export(root)


def test_a_document_resolved_alone_among_the_corpus_tables_is_resolved_as_among_all():
    """resolve_few (a rebuild's way to resolve a changed document, and a lender's) gives each
    document the entry the whole corpus's resolution gives it."""
    real = sorted(p for p in (DOCUMENTS_DIR.parent / "tests" / "real").iterdir()
                  if (p / "source.json").exists()
                  and json.loads((p / "source.json").read_text()).get("split") != "validation")
    folders = [DOCUMENTS_DIR, *real[:40]]
    prepared = prepare(folders, jobs=1)
    assert prepared.resolution is not None and not prepared.failures
    corpus = resolve_module.corpus_of(prepared.resolution)
    again = {}
    for extraction in read_documents(folders, jobs=1).extractions:
        again.setdefault(extraction.meta.document_id, []).append(extraction)
    for document, extractions in again.items():
        alone = resolve_module.resolve_few(extractions, corpus).documents[document]
        whole = prepared.resolution.documents[document]
        assert graph_key(alone) == graph_key(whole), document
        assert document_triples(alone) == document_triples(whole), document


def test_what_a_rebuild_reads_of_the_store_is_what_mapping_made(tmp_path: Path):
    """A rebuild whose entities are unchanged reads an entity's description, and a passage an
    unchanged document lends, from the current build's store (kg/ledger.py): the same terms
    as mapping made them, datatypes and languages included."""
    documents, root = built_folder(tmp_path, (*FIRST, LENDER, "nw-vorlage-18-1828.pdf.txt"))
    mapped = prepare([documents], jobs=1).mapped
    assert mapped is not None
    build = store.current_build(root)
    assert build is not None
    stored = ledger_module.Stored(build)
    ledger = ledger_of(root)
    entities = ledger_module.StoredEntities(ledger.entities, stored)
    assert set(entities) == set(mapped.entities)
    for entity, triples in mapped.entities.items():
        assert sorted(entities[entity]) == sorted(triples), entity
    context = EntityContext(mapped, [])
    assert context.cited == ledger.cited

    def remembered(key: str) -> bytes:
        found = remembered_quads(cache.ExtractionCache(root), key)
        assert found is not None
        return found[0]

    for entity, lender in context.cited.items():
        nquads = remembered(ledger.graph_keys[lender])
        lent = ledger_module.QuadsEvidence(lender, nquads).triples(entity)
        assert lent[0] == mapped.evidence(lender).triples(entity)[0]
        assert sorted(lent) == sorted(mapped.evidence(lender).triples(entity)), entity


def test_a_rebuild_extracts_a_few_changed_files_in_its_own_process(tmp_path: Path,
                                                                   monkeypatch):
    """With workers to spare (-j 2), one changed file is extracted by a thread of the build
    process, not by a worker process it would start for it (kg/workers.py, `started_here`);
    the result is the cold build's."""
    documents, root = built_folder(tmp_path, FIRST)
    append(documents / CHANGED, "\nWeitere Informationen folgen.\n")

    def no_workers(*args, **kwargs):
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(workers, "ProcessPoolExecutor", no_workers)
    said = run_kg("build", documents, "--store", root, "-j", 2)
    assert said.exit_code == 0, said.output
    assert SHORT_WAY in said.stderr
    monkeypatch.undo()
    rebuilt_like_cold(documents, root, tmp_path, said)


def test_a_changed_file_that_fails_in_the_build_process_is_set_aside(tmp_path: Path,
                                                                     monkeypatch):
    """An extractor that fails on the changed file, in the build process's thread, sets the
    document aside with a reason, as a worker's failure would; the build goes on."""
    documents, root = built_folder(tmp_path, FIRST)
    append(documents / CHANGED, "\nWeitere Informationen folgen.\n")

    def failing(document, meta=None):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(build_module, "extract", failing)
    said = run_kg("build", documents, "--store", root, "-j", 2)
    assert said.exit_code == 1
    assert f"{CHANGED}: error: internal error while extracting (RecursionError" in said.stderr
    assert run_kg("build", documents, "--store", root, "-j", 2).exit_code == 1  # reported again


def test_a_thread_s_failure_reaches_the_caller():
    def failing(value: int) -> int:
        if value == 2:
            raise KeyboardInterrupt
        return value

    with workers.started_here(failing, [(1,)], print, "done") as found:
        assert found() == [1]
    with workers.started_here(failing, [(1,), (2,)], print, "done") as found, \
            pytest.raises(KeyboardInterrupt):
        found()
