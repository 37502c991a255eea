"""The entities' descriptions are kept through validation as digests, not as text
(kg/graph_cache.py, description_digest): the texts of every entity were some 200 MB of the
build process at ten thousand documents. The digests must still tell every change."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS

from kg.graph_cache import description_text, entities_digest
from kg.mapping import Mapped

A, B = URIRef("https://example.org/a"), URIRef("https://example.org/b")


def mapped(a_label: str = "A") -> Mapped:
    return Mapped(entities={A: [(A, RDFS.label, Literal(a_label, lang="de")),
                                (A, RDFS.comment, Literal("x"))],
                            B: [(B, RDFS.label, Literal("B"))]})


def test_only_the_descriptions_digests_are_kept():
    found = mapped()
    entities_digest(found)
    assert set(found.described) == {A, B}
    for triples, count, digest in found.described.values():
        assert isinstance(digest, bytes) and len(digest) == 32  # not the text
        assert count == len(triples)


def test_the_digest_tells_a_replaced_description():
    found = mapped()
    before = entities_digest(found)
    assert before == entities_digest(mapped())  # the same descriptions, the same digest
    found.entities[A] = [(A, RDFS.label, Literal("A2", lang="de"))]  # replaced
    assert entities_digest(found) == entities_digest(_only_label("A2"))
    assert entities_digest(found) != before


def _only_label(label: str) -> Mapped:
    return Mapped(entities={A: [(A, RDFS.label, Literal(label, lang="de"))],
                            B: [(B, RDFS.label, Literal("B"))]})


def test_a_description_is_its_sorted_lines_whatever_their_order():
    triples = mapped().entities[A]
    assert description_text(A, triples) == description_text(A, triples[::-1])
    assert description_text(A, triples).startswith(str(A) + "\n")
