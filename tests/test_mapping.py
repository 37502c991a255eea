"""What a build hands a validation worker is found without mapping the documents
(mapping.document_nodes): it must reach every entity their graphs reach, and the worker's
verdicts and what it remembers of them must be those of the part made from the graphs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg import namespaces as ns
from kg import reason, registers
from kg.build import read_documents
from kg.graph_cache import Digests
from kg.mapping import Mapped, document_nodes, document_triples, to_rdf
from kg.paths import DOCUMENTS_DIR
from kg.resolve import resolve
from kg.validate import EntityContext, seeds, shared_triples, validate_documents

ROOT = Path(__file__).resolve().parent.parent


def mapped_from(folder: Path) -> Mapped:
    prepared = read_documents([folder], jobs=1)
    assert prepared.extractions
    return to_rdf(resolve(prepared.extractions), registers.load())


@pytest.fixture(scope="module", params=["bundled", "synthetic"])
def context(request, tmp_path_factory) -> EntityContext:
    folder = DOCUMENTS_DIR
    if request.param == "synthetic":  # invented documents of every genre
        folder = tmp_path_factory.mktemp("corpus") / "documents"
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), "-n", "40",
                        "--seed", "3", "-o", str(folder)], check=True, capture_output=True)
    mapped = mapped_from(folder)
    return EntityContext(mapped, shared_triples(registers.load().vocabularies,
                                                reason.ontology_graph()))


def test_document_nodes_name_every_entity_the_graph_names(context: EntityContext):
    for document, entry in context.mapped.entries.items():
        nodes, _ = seeds(document_triples(entry))
        named = nodes & context.entities.keys()
        assert named, document
        assert named <= document_nodes(entry), (document, named - document_nodes(entry))


def test_a_part_from_document_nodes_answers_as_one_from_the_graphs(context: EntityContext):
    documents = sorted(context.mapped.entries)
    for chunk in (documents[i:i + 7] for i in range(0, len(documents), 7)):
        graphs = {d: document_triples(context.mapped.entries[d]) for d in chunk}
        from_graphs = context.part(graphs)
        from_nodes = context.part_reaching(
            {d: document_nodes(context.mapped.entries[d]) for d in chunk})
        assert from_nodes.entities.keys() >= from_graphs.entities.keys()
        assert validate_documents(from_nodes, graphs) == validate_documents(from_graphs, graphs)
        for triples in graphs.values():
            nodes, has_passage = map(frozenset, seeds(triples))
            assert Digests(from_nodes).walk(nodes, has_passage) == \
                Digests(context).walk(nodes, has_passage)  # the same entities, the same seeds
            assert Digests(from_nodes).context_digest(nodes, has_passage) == \
                Digests(context).context_digest(nodes, has_passage)


def test_a_part_holds_of_each_lender_only_what_it_lends(context: EntityContext):
    """A worker's part carries, of each document that lends passages to its entities, only
    the first passage of each entity that document lends (`cited`), and of the document's
    own description only what those passages' triples read: the same triples as the whole."""
    documents = sorted(context.mapped.entries)
    lenders = 0
    for chunk in (documents[i:i + 7] for i in range(0, len(documents), 7)):
        part = context.part_reaching(
            {d: document_nodes(context.mapped.entries[d]) for d in chunk})
        for lender, evidence in part._evidence_of.items():
            lenders += 1
            whole = context.mapped.evidence(lender)
            assert set(evidence.passages) == {e for e, by in part.cited.items() if by == lender}
            read = {ns.document(lender)}
            for entity, passages in evidence.passages.items():
                assert passages == [whole.first(entity)]
                assert evidence.triples(entity) == whole.triples(entity)
                read.add(ns.rendering(lender, passages[0].file))
            assert {t[0] for t in evidence.described} <= read
    assert lenders


def test_a_lenders_evidence_is_made_without_the_rest(context: EntityContext):
    """`Evidence.lending` (what the build process cuts parts from) is the whole Evidence cut
    to what the document lends, in the same order, made without the whole."""
    lends: dict[str, set] = {}
    for entity, lender in context.cited.items():
        lends.setdefault(lender, set()).add(entity)
    assert lends
    for lender, entities in lends.items():
        cut = context.mapped.evidence(lender).only(entities)
        made = context.mapped.lending(lender, entities)
        again = context.mapped.lending(lender, (), made._first)
        for found in (made, again):
            assert found.document_id == cut.document_id
            assert list(found._first.items()) == list(cut._first.items())
            assert list(found.passages.items()) == list(cut.passages.items())
            assert found.described == cut.described


def test_the_build_process_finds_each_lenders_first_passages_once(context: EntityContext,
                                                                   monkeypatch):
    """Without `keep_triples` the build process keeps few lenders' Evidence (RECENT_LENDERS),
    but every lender's first passages: cutting the parts again compares no passage again,
    and the parts are those of a context that keeps everything."""
    from kg import mapping, validate
    monkeypatch.setattr(validate, "RECENT_LENDERS", 1)
    lean = EntityContext(context.mapped, context.shared, context.cited)
    lean.keep_triples = False
    documents = sorted(context.mapped.entries)
    chunks = [documents[i:i + 7] for i in range(0, len(documents), 7)]

    def parts(of: EntityContext) -> list[EntityContext]:
        return [of.part_reaching({d: document_nodes(context.mapped.entries[d]) for d in chunk})
                for chunk in chunks]

    first = parts(lean)
    named = []
    original = mapping.passage_name
    monkeypatch.setattr(mapping, "passage_name",
                        lambda passage, document: named.append(passage) or
                        original(passage, document))
    second = parts(lean)
    assert not named  # no passage named, so none compared, the second time
    full = parts(EntityContext(context.mapped, context.shared, context.cited))
    for a, b, c in zip(first, second, full, strict=True):
        assert a.entities == b.entities == c.entities
        assert a._evidence_of.keys() == b._evidence_of.keys() == c._evidence_of.keys()
        for lender in a._evidence_of:
            for entity in a._evidence_of[lender].passages:
                assert a._evidence_of[lender].triples(entity) == \
                    b._evidence_of[lender].triples(entity) == \
                    c._evidence_of[lender].triples(entity)
