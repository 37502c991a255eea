"""Validation: the asserted data against the SHACL shapes, before any inference.

Documents are validated in chunks (a pyshacl call has a fixed cost, so a chunk of documents is
cheaper than one call each), each chunk with the descriptions of the entities its documents
refer to; each document's verdict is still that of its graph alone (validate_documents), so
that it can be remembered between builds. Every result is traced back to a file and line
through the passages the offending node was taken from.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache
from typing import Any

import pyshacl
from pyshacl.errors import ReportableRuntimeError
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SH, XSD
from rdflib.term import _NUMERIC_LITERAL_TYPES, Node

from kg import namespaces as ns
from kg import registers
from kg.data_graph import DataGraph
from kg.mapping import Evidence, Mapped
from kg.paths import SHAPES_FILE
from kg.records import Passage

SEVERITIES = {SH.Violation: "error", SH.Warning: "warning", SH.Info: "info"}


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    severity: str
    message: str
    focus: str
    path: str = ""
    value: str = ""
    document: str = ""  # the id of the document the file belongs to (file names repeat)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = f" ({self.path.rsplit('#', 1)[-1].rsplit('/', 1)[-1]})" if self.path else ""
        return f"{where}: {self.severity}: {self.message}{what} — {self.focus}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def conforms(self) -> bool:
        return not self.errors

    def failing_files(self) -> list[str]:
        return sorted({p.file for p in self.errors})


def root_causes(problems: Iterable[Problem]) -> tuple[list[Problem], list[Problem]]:
    """A document's errors split into those to tell and those that only follow from one of
    the document's own on the same property (a document with no Land gives its events none):
    one reason to fix instead of a page of echoes. Both stay in build.json."""
    def own(problem: Problem) -> bool:
        return problem.focus.endswith(f"<{ns.document(problem.document)}>")

    problems = list(problems)
    roots = {(p.document, p.path) for p in problems
             if p.severity == "error" and p.document and p.path and own(p)}
    told: list[Problem] = []
    echoes: list[Problem] = []
    for problem in problems:
        echo = problem.severity == "error" and (problem.document, problem.path) in roots \
            and not own(problem)
        (echoes if echo else told).append(problem)
    return told, echoes


@dataclass(frozen=True)
class DatatypeChoice:
    """A property shape's `sh:or` of bare `sh:datatype` shapes (a day, a month or a year).

    pyshacl validates each value against every member shape, one shape call each: a third of
    its time for a choice of datatypes (bench/README.md, "shapes"). `validate_graph` checks
    these values itself, with pyshacl's rules for `sh:datatype`, and reports them as pyshacl
    would; tests/test_shapes.py compares both on every kind of value."""
    shape: Node
    path: URIRef
    targets: tuple[tuple[URIRef, Node], ...]
    datatypes: frozenset[URIRef]
    severity: URIRef
    messages: tuple[Literal, ...]


@dataclass(frozen=True)
class Comparison:
    """A property shape that says nothing but `sh:lessThanOrEquals` of a simple path (a
    passage's first and last line, an event's earliest begin and latest end).

    pyshacl compares each pair through rdflib's ordering of literals, a tenth of its time on a
    build's graphs (bench/README.md, "cold9"). `validate_graph` compares them itself: two
    whole numbers of numeric datatypes as numbers (what rdflib's ordering does with them),
    every other pair by pyshacl's own steps; it reports them as pyshacl would
    (tests/test_shapes.py compares both on every kind of value)."""
    shape: Node
    path: URIRef
    other: URIRef
    targets: tuple[tuple[URIRef, Node], ...]
    severity: URIRef
    messages: tuple[Literal, ...]


OwnCheck = DatatypeChoice | Comparison


@cache
def _validation_shapes() -> tuple[Graph, tuple[OwnCheck, ...]]:
    shapes, choices = _datatype_choices(_targeted_property_shapes(Graph().parse(SHAPES_FILE)))
    shapes, comparisons = _comparisons(shapes)
    return shapes, choices + comparisons


def shapes_graph() -> Graph:
    """The shapes pyshacl runs: the file's, targeted, without the datatype choices and the
    comparisons (validate_graph checks those itself)."""
    return _validation_shapes()[0]


TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)


def _targeted_property_shapes(shapes: Graph) -> Graph:
    """The same shapes, with each property shape of a targeted node shape given the node
    shape's targets instead. SHACL gives both the same results; pyshacl runs a nested property
    shape once per focus node but a targeted one once for all of them, three times faster
    (bench/README.md)."""
    for shape in sorted(set(shapes.subjects(RDF.type, SH.NodeShape)), key=str):
        targets = [(p, o) for p in TARGETS for o in shapes.objects(shape, p)]
        if not targets or (shape, SH.deactivated, Literal(True)) in shapes:
            continue
        for property_shape in list(shapes.objects(shape, SH.property)):
            for predicate, target in targets:
                shapes.add((property_shape, predicate, target))
            shapes.remove((shape, SH.property, property_shape))
    return shapes


# Python's type of a literal's value that pyshacl requires for these datatypes (any value does
# for the others); rdf:langString, xsd:string and the rdfs: datatypes have rules of their own.
VALUE_TYPES: dict[URIRef, type | tuple[type, ...]] = {
    XSD.integer: int, XSD.float: float, XSD.decimal: Decimal, XSD.boolean: bool,
    XSD.date: date, XSD.time: time, XSD.dateTime: datetime}
SPECIAL_DATATYPES = {RDF.langString, XSD.string, RDFS.Literal, RDFS.Datatype}
NUMERIC_DATATYPES = frozenset(_NUMERIC_LITERAL_TYPES)


def _datatype_choices(shapes: Graph) -> tuple[Graph, tuple[DatatypeChoice, ...]]:
    """Takes each `sh:or` of bare `sh:datatype` shapes out of a targeted property shape with a
    simple path and a message; the rest of the shape stays for pyshacl."""
    choices = []
    for shape, choice in sorted(shapes.subject_objects(SH["or"]), key=str):
        path = shapes.value(shape, SH.path)
        members = list(Collection(shapes, choice))
        datatypes = [_bare_datatype(shapes, m) for m in members]
        targets = tuple(sorted(((p, t) for p in TARGETS for t in shapes.objects(shape, p)),
                               key=str))
        messages = tuple(sorted(o for o in shapes.objects(shape, SH.message)
                                if isinstance(o, Literal)))
        if (not isinstance(path, URIRef) or not targets or not messages
                or (shape, SH.deactivated, Literal(True)) in shapes
                or any(d is None or d in SPECIAL_DATATYPES for d in datatypes)
                or len(list(shapes.objects(shape, SH["or"]))) != 1):
            continue
        severity = shapes.value(shape, SH.severity)
        choices.append(DatatypeChoice(
            shape, path, targets, frozenset(d for d in datatypes if d is not None),
            severity if isinstance(severity, URIRef) else SH.Violation, messages))
        shapes.remove((shape, SH["or"], choice))
        for member in members:
            shapes.remove((member, None, None))
        Collection(shapes, choice).clear()
    return shapes, tuple(choices)


COMPARISON_SAYS = {SH.path, SH.lessThanOrEquals, SH.message, SH.severity, *TARGETS}


def _comparisons(shapes: Graph) -> tuple[Graph, tuple[Comparison, ...]]:
    """Takes each targeted property shape that says only `sh:lessThanOrEquals` of a simple
    path (and its message) out of the shapes."""
    found = []
    for shape, other in sorted(shapes.subject_objects(SH.lessThanOrEquals), key=str):
        path = shapes.value(shape, SH.path)
        targets = tuple(sorted(((p, t) for p in TARGETS for t in shapes.objects(shape, p)),
                               key=str))
        messages = tuple(sorted(o for o in shapes.objects(shape, SH.message)
                                if isinstance(o, Literal)))
        said = list(shapes.predicate_objects(shape))
        if (not isinstance(path, URIRef) or not isinstance(other, URIRef) or not targets
                or not messages or any(p not in COMPARISON_SAYS for p, _ in said)
                or sum(p == SH.lessThanOrEquals for p, _ in said) != 1
                or sum(p == SH.path for p, _ in said) != 1):
            continue
        severity = shapes.value(shape, SH.severity)
        found.append(Comparison(shape, path, other, targets,
                                severity if isinstance(severity, URIRef) else SH.Violation,
                                messages))
        for said_here in COMPARISON_SAYS - {SH.message}:  # its messages stay, unread by
            shapes.remove((shape, said_here, None))      # pyshacl: no longer a shape
    return shapes, tuple(found)


def _at_most(value: Node, other: Node) -> bool:
    """pyshacl's `sh:lessThanOrEquals` for one pair of values (its _compare_ltoe), with two
    whole numbers of numeric datatypes compared as numbers: rdflib orders them so."""
    if (type(value) is Literal and type(other) is Literal
            and value.datatype in NUMERIC_DATATYPES and other.datatype in NUMERIC_DATATYPES
            and type(value.value) is int and type(other.value) is int
            and not value.ill_typed and not other.ill_typed):
        return value.value <= other.value
    if isinstance(value, BNode) or isinstance(other, BNode):
        raise ReportableRuntimeError("Cannot use sh:lessThanOrEquals to compare a BlankNode.")
    (left_is_text, left), (right_is_text, right) = _compared(value), _compared(other)
    if left_is_text != right_is_text:
        return False
    return bool(left <= right)


def _compared(node: Node) -> tuple[bool, Any]:
    """What pyshacl compares of a value, and whether it is text: an IRI's or a string
    literal's text, else the literal itself (rdflib's ordering)."""
    if isinstance(node, URIRef):
        return True, str(node)
    if isinstance(node, Literal) and isinstance(node.value, str):
        return True, node.value
    return False, node


def _bare_datatype(shapes: Graph, member: Node) -> URIRef | None:
    """The datatype of a blank shape that says nothing but `sh:datatype D`."""
    if not isinstance(member, BNode):
        return None
    said = list(shapes.predicate_objects(member))
    if len(said) == 1 and said[0][0] == SH.datatype and isinstance(said[0][1], URIRef):
        return said[0][1]
    return None


def _has_datatype(value: Node, datatypes: frozenset[URIRef]) -> bool:
    """pyshacl's `sh:datatype` for one of these datatypes: a literal of it, not ill-typed."""
    if not isinstance(value, Literal) or value.datatype not in datatypes:
        return False
    if getattr(value, "ill_typed", None) is True:
        return False
    required = VALUE_TYPES.get(value.datatype)
    return required is None or isinstance(value.value, required)


def _is_target(node: Node, targets: Iterable[tuple[URIRef, Node]], data: Graph) -> bool:
    for kind, target in targets:
        if kind == SH.targetNode and node == target:
            return True
        if kind == SH.targetSubjectsOf and (node, target, None) in data:
            return True
        if kind == SH.targetObjectsOf and (None, target, node) in data:
            return True
        if kind == SH.targetClass and any(
                cls in _subclasses(target, data) for cls in data.objects(node, RDF.type)):
            return True
    return False


def _subclasses(cls: Node, data: Graph) -> set[Node]:
    return {c for c in data.transitive_subjects(RDFS.subClassOf, cls) if c is not None}


def _own_violations(data: Graph, checks: Iterable[OwnCheck]
                    ) -> Iterator[tuple[OwnCheck, Node, Node]]:
    """(check, focus node, value) for each value outside its choice of datatypes, and each
    value not less than or equal to one of the focus node's values it is compared with."""
    for check in checks:
        for focus, value in data.subject_objects(check.path):
            if isinstance(check, DatatypeChoice):
                wrong = not _has_datatype(value, check.datatypes)
            else:
                wrong = not all(_at_most(value, o) for o in set(data.objects(focus, check.other)))
            if wrong and _is_target(focus, check.targets, data):
                yield check, focus, value


def chunk_graph(mapped: Mapped, documents: Mapping[str, Iterable[tuple]], vocabularies: Graph,
                ontology: Graph, cited: dict[URIRef, str] | None = None) -> Graph:
    """A chunk's document graphs (by document id) with the entities they refer to, the
    vocabularies, and the ontology's class hierarchy (SHACL's sh:class follows
    rdfs:subClassOf in the data).

    An entity reached here but cited only by documents of other chunks (a person holding a
    post this chunk names) comes with one of its passages from such a document, so that it is
    judged by the same shapes whatever chunk it is reached from."""
    shared = shared_triples(vocabularies, ontology)
    triples = [t for document in documents.values() for t in document]
    graph = _graph(shared, triples)
    for triple in EntityContext(mapped, shared, cited).triples(triples):
        graph.add(triple)
    return graph


def shared_triples(vocabularies: Graph, ontology: Graph) -> list[tuple]:
    """What every validation sees besides its documents: the vocabularies and the ontology's
    class hierarchy."""
    return [*ontology.triples((None, RDFS.subClassOf, None)), *vocabularies]


def _graph(*parts: Iterable[tuple]) -> Graph:
    """A graph of the triples, each once, in the order first given (a chunk's documents reach
    the same entities: half of what they bring is repeated), indexed at once (kg/data_graph.py:
    rdflib's default store costs as much as pyshacl)."""
    return DataGraph(t for part in parts for t in part)


# What a verdict reads of a passage lent to an entity (its passage, rendering and document):
# the results about these nodes are the lender's own (validate_documents leaves them out of a
# borrower's verdict), and the shapes read another node's triples only through sh:class (no
# sh:node, sh:sparql or path sequences: tests/test_shapes.py), so a result about the entity
# depends on them only through their types and the triples that locate it (locate,
# document_of). Not their text, nor the rendering's hash, which change with any edit.
LOCATING = frozenset({RDF.type, PROV.wasDerivedFrom, PROV.wasQuotedFrom, ns.PG.startLine,
                      ns.PG.fileName, DCTERMS.isFormatOf})


class EntityContext:
    """The entity descriptions validating some triples (with the `shared` ones every
    validation sees) brings in besides them: every entity reached from their nodes,
    transitively, and for an entity they give no passage of (prov:wasDerivedFrom) one passage
    from the document that cites it first (lent). What a document's verdict depends on beyond
    its own graph is exactly the descriptions with the lent passages' LOCATING triples
    (`depended`, kg/graph_cache.py). Entities are named by their IRIs as plain strings here:
    rdflib's terms hash slowly, and a rebuild walks this for every document."""

    def __init__(self, mapped: Mapped, shared: list[tuple],
                 cited: dict[URIRef, str] | None = None):
        self.mapped = mapped
        self.shared = shared
        self.cited = cited_entities(mapped) if cited is None else cited
        self.entities = {str(e): e for e in mapped.entities}
        self._names = {name: name for name in self.entities}
        self._shared = seeds(shared)[0] & self.entities.keys()
        self._added: dict[tuple[str, bool], list[tuple]] = {}
        self._depended: dict[tuple[str, bool], list[tuple]] = {}
        self._lent: dict[tuple[str, bool], frozenset[str]] = {}
        self._next: dict[tuple[str, bool], list[str]] = {}
        self._evidence_of: dict[str, Evidence] = {}
        self._lent_by: dict[str, set[URIRef]] | None = None
        # without keep_triples: each lender's first passages, as two tuples (entities and
        # their passages, which the entries hold): a few hundred bytes a document
        self._first_of: dict[str, tuple[tuple[URIRef, ...], tuple[Passage, ...]]] = {}
        # False: only the walk's links are kept of each entity, not its triples (the build
        # process of a cold build only cuts parts: its workers read the triples), and only
        # the RECENT_LENDERS documents' Evidence last made (each part asks for hundreds)
        self.keep_triples = True

    def added(self, name: str, has_passage: bool) -> list[tuple]:
        """The entity's description, with a passage from elsewhere when it has none."""
        found = self._added.get((name, has_passage))
        return self._describe(name, has_passage)[0] if found is None else found

    def _describe(self, name: str, has_passage: bool
                  ) -> tuple[list[tuple], list[tuple], frozenset[str]]:
        """`added`, `depended` and the lent nodes of the entity, made (and kept, unless
        `keep_triples` is off: then only its links are)."""
        key = (name, has_passage)
        entity = self.entities[name]
        triples = depended = self.mapped.entities[entity]
        lent: list[tuple] = []
        if not has_passage and entity in self.cited:
            lent = self._evidence(self.cited[entity]).triples(entity)
            triples = triples + lent
            depended = depended + [t for t in lent if t[1] in LOCATING]
        nodes = frozenset(str(t[0]) for t in lent if t[0] != entity)
        if self.keep_triples:
            self._added[key] = triples
            self._depended[key] = depended
            self._lent[key] = nodes
        names = self._names  # the entities' own name strings, not a copy per mention
        self._next[key] = [known for t in triples if isinstance(t[2], URIRef)
                           and (known := names.get(str(t[2]))) is not None]
        return triples, depended, nodes

    def depended(self, name: str, has_passage: bool) -> list[tuple]:
        """What of the entity's description (`added`) a verdict can depend on."""
        found = self._depended.get((name, has_passage))
        return self._describe(name, has_passage)[1] if found is None else found

    def links(self, name: str, has_passage: bool) -> list[str]:
        """The entities the walk (`reached`) goes on to from this one."""
        key = (name, has_passage)
        if key not in self._next:
            self._describe(name, has_passage)
        return self._next[key]

    def shared_entities(self) -> set[str]:
        """The entities every validation reaches (named by the shared triples)."""
        return self._shared

    def lent(self, reached: Mapping[str, bool]) -> set[str]:
        """The nodes of the passages lent to these reached entities (passages, renderings,
        documents of other documents)."""
        found: set[str] = set()
        for key in reached.items():
            nodes = self._lent.get(key)
            found |= self._describe(*key)[2] if nodes is None else nodes
        return found

    def _evidence(self, document_id: str) -> Evidence:
        found = self._evidence_of.get(document_id)
        if found is None:
            if self.keep_triples:
                found = self.mapped.evidence(document_id)
            else:  # only what the document lends; its first passages remembered
                first = self._first_of.get(document_id)
                if first is None:
                    found = self.mapped.lending(document_id, self._lends().pop(document_id))
                    self._first_of[document_id] = (tuple(found._first),
                                                   tuple(found._first.values()))
                else:
                    found = self.mapped.lending(document_id, (), dict(zip(*first, strict=True)))
                if len(self._evidence_of) >= RECENT_LENDERS:
                    del self._evidence_of[next(iter(self._evidence_of))]  # the oldest
            self._evidence_of[document_id] = found
        return found

    def _lends(self) -> dict[str, set[URIRef]]:
        """For each lending document whose first passages are not yet found, the entities
        it is the one cited for."""
        if self._lent_by is None:
            self._lent_by = {}
            for entity, lender in self.cited.items():
                self._lent_by.setdefault(lender, set()).add(entity)
        return self._lent_by

    def reached(self, nodes: Set[str], has_passage: Set[str]) -> dict[str, bool]:
        """Each entity reached from the nodes (and the shared triples'), with whether the
        triples they come from give a passage of it."""
        found: dict[str, bool] = {}
        pending = [*(nodes & self.entities.keys()), *self._shared]
        while pending:
            name = pending.pop()
            if name in found:
                continue
            own = found[name] = name in has_passage
            pending.extend(n for n in self.links(name, own) if n not in found)
        return found

    def triples(self, triples: Iterable[tuple]) -> list[tuple]:
        """What validating these triples brings in."""
        nodes, has_passage = seeds(triples)
        return [t for name, own in self.reached(nodes, has_passage).items()
                for t in self.added(name, own)]

    def part(self, documents: Mapping[str, Iterable[tuple]]) -> EntityContext:
        """The part of this context that validating these documents' graphs reads (their
        entries, the entities they reach, and the passages lent to those), as a context of
        its own that answers for them as this one does: what a worker process is handed
        instead of the whole corpus."""
        names: set[str] = set()
        for triples in documents.values():
            names |= self.reached(*seeds(triples)).keys()
        return self._part(documents, names)

    def part_reaching(self, nodes: Mapping[str, Set[str]]) -> EntityContext:
        """`part`, from each document's nodes that can name entities (mapping.document_nodes)
        rather than its graph: every entity reached from them as from nodes without a
        passage of their own (which reaches the most: a lent passage's links too), a part
        that holds at least what `part` of their graphs would, and answers alike."""
        names: set[str] = set()
        for found in nodes.values():
            names |= self.reached(found, frozenset()).keys()
        return self._part(nodes, names)

    def _part(self, documents: Iterable[str], names: set[str]) -> EntityContext:
        entities = {self.entities[name]: self.mapped.entities[self.entities[name]]
                    for name in sorted(names)}
        cited = {e: self.cited[e] for e in entities if e in self.cited}
        part = EntityContext(Mapped(entries={d: self.mapped.entries[d] for d in documents},
                                    entities=entities), self.shared, cited)
        lent: dict[str, set[URIRef]] = {}  # a lender is asked only for what it lends
        for entity, lender in cited.items():
            lent.setdefault(lender, set()).add(entity)
        for lender in sorted(lent):
            part._evidence_of[lender] = self._evidence(lender).only(lent[lender])
        return part


RECENT_LENDERS = 1024  # Evidence kept without keep_triples: the parts of a thousand
# documents ask for each lender's about twenty times, a few kilobytes each


def cited_entities(mapped: Mapped) -> dict[URIRef, str]:
    """For each entity some document cites a passage for, the first such document."""
    cited: dict[URIRef, str] = {}
    for document_id, entry in sorted(mapped.entries.items()):
        for entity, _ in entry.evidence:
            cited.setdefault(entity, document_id)
    return cited


def seeds(triples: Iterable[tuple]) -> tuple[set[str], set[str]]:
    """The IRIs of some triples, and of the subjects they give a passage of."""
    nodes: set[str] = set()
    has_passage: set[str] = set()
    # a set: rdflib compares terms in Python, a set only those of the same hash
    derived_from = {PROV.wasDerivedFrom}
    for subject, predicate, obj in triples:
        nodes.add(str(subject))
        if isinstance(obj, URIRef):
            nodes.add(str(obj))
        if predicate in derived_from:
            has_passage.add(str(subject))
    return nodes, has_passage


def validate_graph(data: Graph, shapes: Graph | None = None,
                   ignore: Set[str] = frozenset()) -> Report:
    """Validate one graph against the shapes file (or, given `shapes`, against those, by
    pyshacl alone); problems are located through the passages in the graph itself. Results
    about the nodes in `ignore` are left out."""
    results, report, choices = _results(data, shapes)
    problems = {_problem(r, report, data) for r in results
                if str(report.value(r, SH.focusNode)) not in ignore}
    problems |= {_choice_problem(c, focus, value, data) for c, focus, value in choices
                 if str(focus) not in ignore}
    return Report(sorted(problems))


def _results(data: Graph, shapes: Graph | None = None) -> tuple[list, Graph, list]:
    """pyshacl's results with its report, and the values the datatype choices and the
    comparisons reject."""
    pyshacl_shapes, choices = _validation_shapes() if shapes is None else (shapes, ())
    _, report, _ = pyshacl.validate(data, shacl_graph=pyshacl_shapes, inference="none",
                                    allow_warnings=True, allow_infos=True)
    return (list(report.subjects(RDF.type, SH.ValidationResult)), report,
            list(_own_violations(data, choices)))


def validate_documents(context: EntityContext, documents: Mapping[str, list[tuple]],
                       seeded: Mapping[str, tuple[set[str], set[str]]] | None = None
                       ) -> dict[str, Report]:
    """Each document's verdict: what validating its graph alone finds, with the entities it
    reaches (EntityContext) and what every validation sees (shared_triples), so that a
    verdict depends on nothing but these and can be remembered (kg/graph_cache.py).

    A pyshacl call has a high fixed cost, so the documents are validated together first, as
    the union of their graphs alone; a document no result is about (its nodes and its
    entities') is clean. Each document some result is about is validated again alone: where
    a result is located, and about which document, then never depends on the documents it
    shared the first call with. Results about a passage lent to one of its entities (and
    that passage's rendering and document) are the lender's, left out of its verdict
    (LOCATING says why). `seeded`: each document's `seeds`, if the caller has them."""
    shared = context.shared
    if seeded is None:
        seeded = {d: seeds(triples) for d, triples in documents.items()}
    reached = {d: context.reached(*seeded[d]) for d in documents}
    entities = dict.fromkeys(key for found in reached.values() for key in found.items())
    results, report, choices = _results(_graph(  # the union: each entity's description once
        shared, *documents.values(), *(context.added(*key) for key in entities)))
    focus = {str(report.value(r, SH.focusNode)) for r in results}
    focus |= {str(node) for _, node, _ in choices}
    if not focus:
        return {d: Report() for d in documents}
    everyone = bool(focus & seeds(shared)[0])  # a vocabulary's problem is every document's
    about = {key: bool(focus & seeds(context.added(*key))[0]) for key in entities}
    verdicts = {}
    for document, triples in documents.items():
        nodes = seeded[document][0]
        if not (everyone or focus & nodes or any(about[key] for key in reached[document].items())):
            verdicts[document] = Report()
            continue
        alone = [*triples, *(t for key in reached[document].items() for t in context.added(*key))]
        lent = context.lent(reached[document]) - nodes
        verdicts[document] = validate_graph(_graph(shared, alone), ignore=lent)
    return verdicts


def _problem(result: URIRef, results: Graph, data: Graph) -> Problem:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    level = results.value(result, SH.resultSeverity)
    severity = SEVERITIES.get(level, "error") if isinstance(level, URIRef) else "error"
    file, line = locate(focus, data)
    return Problem(file=file, line=line, severity=severity,
                   message=_message(result, results), focus=_label(focus, data),
                   path=str(path) if isinstance(path, URIRef) else "",
                   value=str(value) if value is not None else "",
                   document=document_of(focus, data))


def _choice_problem(choice: OwnCheck, focus: Node, value: Node, data: Graph) -> Problem:
    """The problem pyshacl reports for a value outside a choice of datatypes, or a value
    greater than what it is compared with."""
    file, line = locate(focus, data)
    return Problem(file=file, line=line, severity=SEVERITIES.get(choice.severity, "error"),
                   message=_chosen_message(list(choice.messages)), focus=_label(focus, data),
                   path=str(choice.path), value=str(value), document=document_of(focus, data))


def _message(result: URIRef, results: Graph) -> str:
    return _chosen_message(list(results.objects(result, SH.resultMessage)))


def _chosen_message(messages: list[Node]) -> str:
    english = [m for m in messages if isinstance(m, Literal) and m.language == "en"]
    chosen = english or messages
    return str(chosen[0]) if chosen else "constraint not satisfied"


def locate(node, data: Graph, hops: int = 2) -> tuple[str, int]:
    """The file and first line a node was taken from: its own passage, the first passage of
    its evidence, the rendering of its document, the register row it is curated in, or else
    where a node that refers to it (a ministry named by an event) was taken from."""
    found = _own_location(node, data) or registers.origins().get(node)
    if found is not None or hops == 0:
        return found or ("(entities)", 0)
    referrers = {r for r in data.subjects(None, node) if isinstance(r, URIRef)} - {node}
    for referrer in sorted(referrers):
        where = locate(referrer, data, hops - 1)
        if where[0] != "(entities)":
            return where
    return "(entities)", 0


def document_of(node, data: Graph, hops: int = 2) -> str:
    """The id of the document a node was taken from (by the same paths as `locate`), or ""
    for an entity or register row."""
    prefix = str(ns.document(""))
    candidates = [node]
    for passage in [node, *data.objects(node, PROV.wasDerivedFrom)]:
        rendering = data.value(passage, PROV.wasQuotedFrom)
        candidates += [data.value(rendering, DCTERMS.isFormatOf)] if rendering else []
    candidates += list(data.objects(node, DCTERMS.isFormatOf))
    found = sorted(str(c) for c in candidates if c is not None and str(c).startswith(prefix))
    if found:
        return found[0].removeprefix(prefix)
    if hops:
        for referrer in sorted({r for r in data.subjects(None, node) if isinstance(r, URIRef)}
                               - {node}):
            document = document_of(referrer, data, hops - 1)
            if document:
                return document
    return ""


def _own_location(node, data: Graph) -> tuple[str, int] | None:
    passages = [node] if (node, RDF.type, ns.PG.Passage) in data else sorted(
        p for p in data.objects(node, PROV.wasDerivedFrom) if isinstance(p, URIRef))
    for passage in passages:
        rendering = data.value(passage, PROV.wasQuotedFrom)
        file = data.value(rendering, ns.PG.fileName) if rendering else None
        line = data.value(passage, ns.PG.startLine)
        if file is not None:
            return str(file), int(line) if isinstance(line, Literal) else 0
    file = data.value(node, ns.PG.fileName)
    if file is not None:
        return str(file), 1
    for rendering in data.subjects(DCTERMS.isFormatOf, node):
        file = data.value(rendering, ns.PG.fileName)
        if file is not None:
            return str(file), 1
    return None


def _label(node, data: Graph) -> str:
    for predicate in (RDFS.label, FOAF.name, DCTERMS.title):
        value = data.value(node, predicate)
        if value is not None:
            return f"{value} <{node}>"
    return f"<{node}>"
