"""Every SHACL node shape: the mapped data of real documents conforms, and one broken
statement per shape is reported, on the right node, with the shape's message."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, FOAF, ORG, RDF, RDFS, SH, SKOS, XSD

from kg import namespaces as ns
from kg import reason, registers
from kg.build import prepare
from kg.paths import DOCUMENTS_DIR, SHAPES_FILE
from kg.validate import chunk_graph, shapes_graph, validate_graph

PG, SEM = ns.PG, ns.SEM
SAMPLE = [DOCUMENTS_DIR / "bw-pressemitteilung-2024-07-17.txt",
          DOCUMENTS_DIR / "nw-kleine-anfrage-17-4514.pdf.txt"]


@pytest.fixture(scope="module")
def valid() -> Graph:
    prepared = prepare(SAMPLE, jobs=1)
    return chunk_graph(prepared.mapped, prepared.mapped.documents, registers.load().vocabularies,
                       reason.ontology_graph())


def first(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]


def replace(graph: Graph, node, predicate, value) -> None:
    graph.remove((node, predicate, None))
    if value is not None:
        graph.add((node, predicate, value))


def _land(g):
    replace(g, first(g, PG.Land), PG.iso3166_2, None)


def _country(g):
    replace(g, first(g, PG.Country), PG.iso3166_1, Literal("xx"))


def _region(g):
    g.add((first(g, PG.PartnerRegion), PG.country, ns.country("ZZ")))


def _organisation(g):
    replace(g, first(g, PG.Organisation), PG.registered, None)


def _place(g):
    replace(g, first(g, PG.Place), RDFS.label, None)


def _ministry(g):
    replace(g, first(g, PG.Ministry), PG.land, ns.country("JP"))


def _official(g):
    g.add((first(g, PG.Official), FOAF.name, Literal("Someone Else")))


def _post(g):
    replace(g, first(g, PG.Post), ORG.role, None)


def _role(g):
    replace(g, first(g, PG.Role), SKOS.prefLabel, None)


def _agreement(g):
    replace(g, first(g, PG.Agreement), PG.signedOn, Literal("17.07.2024", datatype=XSD.string))


def _partnership(g):
    replace(g, first(g, PG.Partnership), PG.since, Literal("seit 1989", datatype=XSD.string))


def _event(g):
    """The case inference would hide: a ministry listed as a participant."""
    g.add((first(g, PG.Event), PG.participant, first(g, PG.Ministry)))


def _document(g):
    replace(g, first(g, PG.Document), DCTERMS.identifier, None)


def _rendering(g):
    replace(g, first(g, PG.Rendering), PG.sha256, Literal("not-a-checksum"))


def _passage(g):
    passage = first(g, PG.Passage)
    replace(g, passage, PG.startLine, Literal(99, datatype=XSD.positiveInteger))
    replace(g, passage, PG.endLine, Literal(3, datatype=XSD.positiveInteger))


def _last_contact(g):
    g.add((first(g, PG.Country), PG.lastContact, first(g, PG.Agreement)))


def _quote(g):
    replace(g, first(g, PG.Agreement), PG.quote, Literal(""))


BREAKS: dict[str, tuple[URIRef, Callable[[Graph], None]]] = {
    "LandShape": (PG.Land, _land), "CountryShape": (PG.Country, _country),
    "PartnerRegionShape": (PG.PartnerRegion, _region),
    "OrganisationShape": (PG.Organisation, _organisation), "PlaceShape": (PG.Place, _place),
    "MinistryShape": (PG.Ministry, _ministry), "OfficialShape": (PG.Official, _official),
    "PostShape": (PG.Post, _post), "RoleShape": (PG.Role, _role),
    "AgreementShape": (PG.Agreement, _agreement), "EventShape": (PG.Event, _event),
    "PartnershipShape": (PG.Partnership, _partnership),
    "DocumentShape": (PG.Document, _document), "RenderingShape": (PG.Rendering, _rendering),
    "PassageShape": (PG.Passage, _passage), "LastContactShape": (PG.Agreement, _last_contact),
    "QuoteShape": (PG.Agreement, _quote),
}


def test_every_shape_has_a_violating_case():
    shapes = {str(s).rsplit("#", 1)[-1] for s in shapes_graph().subjects(RDF.type, SH.NodeShape)}
    assert shapes - {"UndatedEventShape"} == set(BREAKS)


def test_the_documents_conform(valid: Graph):
    report = validate_graph(valid)
    assert report.conforms, [str(p) for p in report.errors]


@pytest.mark.parametrize("shape", sorted(BREAKS))
def test_a_broken_statement_is_a_violation(valid: Graph, shape: str):
    cls, breaks = BREAKS[shape]
    broken = Graph()
    broken += valid
    breaks(broken)
    target = first(valid, cls)
    report = validate_graph(broken)
    assert not report.conforms
    focus = [p for p in report.errors if f"<{target}>" in p.focus]
    assert focus, [str(p) for p in report.errors]
    messages = {str(m) for m in shapes_graph().objects(None, SH.message)}
    assert all(p.message in messages for p in focus)
    assert all(p.file and p.file != "(entities)" for p in focus), "no file for the problem"


def test_an_undated_event_is_a_warning_not_an_error(valid: Graph):
    undated = Graph()
    undated += valid
    event = first(valid, PG.Event)
    for predicate in (SEM.hasBeginTimeStamp, SEM.hasEndTimeStamp, SEM.hasEarliestBeginTimeStamp,
                      SEM.hasLatestEndTimeStamp, PG.dateText):
        replace(undated, event, predicate, None)
    report = validate_graph(undated)
    assert report.conforms
    assert [p for p in report.warnings if f"<{event}>" in p.focus]


def test_validation_does_not_depend_on_how_documents_are_chunked():
    """A person or post cited by one document and reached from another (through a shared post)
    is judged alike in either chunk: no chunk lacks the passage another document gives."""
    prepared = prepare(sorted(DOCUMENTS_DIR.glob("nw-*")), jobs=1)
    assert prepared.mapped is not None
    mapped, vocabularies = prepared.mapped, registers.load().vocabularies
    ontology = reason.ontology_graph()
    whole = validate_graph(chunk_graph(mapped, mapped.documents, vocabularies, ontology))
    one_by_one = {p for document in mapped.documents for p in validate_graph(
        chunk_graph(mapped, {document: mapped.documents[document]}, vocabularies, ontology)).errors}
    assert whole.errors == [] and one_by_one == set()


def test_the_validated_shapes_report_what_the_shapes_file_says(valid: Graph):
    """Validation gives each property shape its node shape's targets (pyshacl runs it once
    for all focus nodes instead of once per node); the results must be those of the file."""
    broken = Graph()
    broken += valid
    for _, breaks in BREAKS.values():
        breaks(broken)
    event = sorted(broken.subjects(RDF.type, PG.Event))[-1]
    for predicate in (SEM.hasBeginTimeStamp, PG.dateText):
        replace(broken, event, predicate, None)
    as_written = validate_graph(broken, Graph().parse(SHAPES_FILE))
    targeted = validate_graph(broken)
    assert len(as_written.errors) >= len(BREAKS) and as_written.warnings
    assert targeted.problems == as_written.problems


DATED = {PG.Document: DCTERMS.date, PG.Ministry: PG.validFrom, PG.Agreement: PG.signedOn,
         PG.Partnership: PG.since, PG.Event: SEM.hasBeginTimeStamp}
DATE_VALUES = {
    "day": (Literal("2020-05-17", datatype=XSD.date), True),
    "month": (Literal("2020-05", datatype=XSD.gYearMonth), True),
    "year": (Literal("2020", datatype=XSD.gYear), True),
    "date and time": (Literal("2020-05-17T10:00:00", datatype=XSD.dateTime), False),
    "plain string": (Literal("17. Mai 2020"), False),
    "IRI": (URIRef("https://example.org/some-day"), False),
    "ill-typed day": (Literal("2020-13-45", datatype=XSD.date), False),
}


@pytest.mark.parametrize("kind", sorted(DATE_VALUES))
def test_a_choice_of_date_datatypes_gives_the_verdicts_of_the_shapes_file(valid: Graph, kind):
    """Validation checks `sh:or ( [sh:datatype xsd:date] [… xsd:gYearMonth] [… xsd:gYear] )`
    itself instead of pyshacl (bench/README.md): the same problems as pyshacl on the file's
    shapes, for every kind of value, with the shape's message, file and line."""
    value, conforms = DATE_VALUES[kind]
    dated = Graph()
    dated += valid
    nodes = {cls: first(valid, cls) for cls in DATED}
    for cls, predicate in DATED.items():
        replace(dated, nodes[cls], predicate, value)
    as_written = validate_graph(dated, Graph().parse(SHAPES_FILE))
    checked = validate_graph(dated)
    assert checked.problems == as_written.problems
    wrong = [p for p in checked.errors if p.value == str(value)]
    assert {p.path for p in wrong} == (set() if conforms else {str(p) for p in DATED.values()})
    messages = {str(m) for m in Graph().parse(SHAPES_FILE).objects(None, SH.message)
                if isinstance(m, Literal) and m.language == "en"}
    for problem in wrong:
        assert problem.message in messages and "year" in problem.message
        assert problem.file and problem.line > 0, str(problem)
        focus = nodes[next(c for c, p in DATED.items() if str(p) == problem.path)]
        assert f"<{focus}>" in problem.focus


INT, POSITIVE = XSD.integer, XSD.positiveInteger
COMPARED = {  # (first value, second values): a passage's lines, an event's earliest and latest
    "lines in order": (Literal(3, datatype=POSITIVE), [Literal(5, datatype=POSITIVE)]),
    "lines equal": (Literal(5, datatype=POSITIVE), [Literal(5, datatype=POSITIVE)]),
    "lines reversed": (Literal(6, datatype=POSITIVE), [Literal(5, datatype=POSITIVE)]),
    "two last lines": (Literal(4, datatype=POSITIVE), [Literal(5, datatype=POSITIVE),
                                                       Literal(3, datatype=POSITIVE)]),
    "integer and positive": (Literal(7, datatype=INT), [Literal(5, datatype=POSITIVE)]),
    "decimal and integer": (Literal("4.5", datatype=XSD.decimal), [Literal(4, datatype=INT)]),
    "ill-typed line": (Literal("x", datatype=POSITIVE), [Literal(5, datatype=POSITIVE)]),
    "string and number": (Literal("3"), [Literal(5, datatype=POSITIVE)]),
    "two strings": (Literal("b"), [Literal("a")]),
    "IRI and number": (URIRef("https://example.org/line"), [Literal(5, datatype=POSITIVE)]),
    "days": (Literal("2020-05-17", datatype=XSD.date), [Literal("2020-05-16", datatype=XSD.date)]),
    "year and day": (Literal("2020", datatype=XSD.gYear),
                     [Literal("2019-05-16", datatype=XSD.date)]),
    "day and time": (Literal("2020-05-17", datatype=XSD.date),
                     [Literal("2020-05-17T10:00:00", datatype=XSD.dateTime)]),
}
EVENT_ONLY = {"decimal and integer", "two strings", "days", "year and day", "day and time"}
COMPARED_PATHS = {PG.Passage: (PG.startLine, PG.endLine),
                  PG.Event: (SEM.hasEarliestBeginTimeStamp, SEM.hasLatestEndTimeStamp)}


@pytest.mark.parametrize("kind", sorted(COMPARED))
def test_a_comparison_gives_the_verdicts_of_the_shapes_file(valid: Graph, kind):
    """Validation checks each `sh:lessThanOrEquals` itself instead of pyshacl (kg/validate.py,
    Comparison): the same problems as pyshacl on the file's shapes, for every kind of pair,
    on a passage's lines and an event's earliest begin and latest end."""
    first_value, second_values = COMPARED[kind]
    compared = Graph()
    compared += valid
    for cls, (path, other) in COMPARED_PATHS.items():
        if kind in EVENT_ONLY and cls == PG.Passage:  # `locate` reads a line as an integer
            continue
        node = first(valid, cls)
        replace(compared, node, path, first_value)
        replace(compared, node, other, None)
        for value in second_values:
            compared.add((node, other, value))
    try:
        as_written = validate_graph(compared, Graph().parse(SHAPES_FILE))
    except TypeError:  # rdflib cannot order the pair (an ill-typed number): neither can we
        with pytest.raises(TypeError):
            validate_graph(compared)
        return
    checked = validate_graph(compared)
    assert checked.problems == as_written.problems
    reversed_pairs = [p for p in checked.errors
                      if "lies before its first" in p.message or "ends before it" in p.message]
    if kind in {"lines in order", "lines equal"}:
        assert not reversed_pairs
    if kind in {"lines reversed", "two last lines", "integer and positive", "days"}:
        assert reversed_pairs


def test_the_shapes_read_other_nodes_only_through_their_types():
    """A borrower's verdict leaves out what the lent passage's own triples could change
    (kg/validate.py, LOCATING): that holds while no shape follows a value node into its
    own triples (sh:node, sh:sparql, logical or qualified shapes, path sequences); an
    `sh:or` is only of bare datatypes (kg/validate.py, DatatypeChoice)."""
    shapes = Graph().parse(SHAPES_FILE)
    following = {SH.node, SH.sparql, SH["and"], SH.xone, SH["not"], SH.qualifiedValueShape,
                 SH.inversePath, SH.zeroOrMorePath, SH.oneOrMorePath, SH.zeroOrOnePath}
    assert not {p for p in shapes.predicates() if p in following}
    for path in shapes.objects(None, SH.path):
        alternatives = shapes.value(path, SH.alternativePath)
        steps = list(Collection(shapes, alternatives)) if alternatives else [path]
        assert all(isinstance(step, URIRef) for step in steps), path
    for choice in shapes.objects(None, SH["or"]):
        for member in Collection(shapes, choice):
            assert {p for p, _ in shapes.predicate_objects(member)} == {SH.datatype}
