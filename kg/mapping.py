"""Mapping: resolved facts become RDF.

Each source document gets a named graph with its metadata, renderings, passages, events and
the evidence that ties entities to passages. The entities many documents share (agreements,
officials, posts, ministries, territories, places) are described once, in the entities graph,
so that the union default graph states each fact once.
"""

from __future__ import annotations

import copy
from collections.abc import Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import rdflib.namespace
from rdflib import Graph, Literal, URIRef

from kg import namespaces as ns
from kg.dates import DateValue, PartialDate
from kg.records import MinistryRef, PartyRef, Passage, PlaceRef, Scope
from kg.registers import Registers
from kg.resolve import (
    Agreement,
    DocumentEntry,
    Event,
    Partnership,
    Person,
    Post,
    Resolution,
    ministry_iri,
    party_iri,
    place_iri,
)

PG, SEM, SCHEMA = ns.Terms(ns.PG), ns.Terms(ns.SEM), ns.Terms(ns.SCHEMA)
DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD = (
    ns.Terms(getattr(rdflib.namespace, name))
    for name in ("DCTERMS", "FOAF", "ORG", "PROV", "RDF", "RDFS", "SKOS", "XSD"))
Triple = tuple[URIRef, URIRef, URIRef | Literal]


@dataclass
class Mapped:
    """The RDF of a build: entity descriptions by subject, and the resolved records of each
    document, whose graph is mapped when it is needed (validation and loading map a chunk of
    documents at a time: ten thousand documents held as rdflib graphs would take tens of GB)."""

    entries: dict[str, DocumentEntry] = field(default_factory=dict)
    entities: dict[URIRef, list[Triple]] = field(default_factory=dict)
    # each entity's description's sha256 (with the list of triples it was made from, and
    # their number), made once a build for the verdicts' digests and the entity graph's
    # (kg/graph_cache.py, description_digest)
    described: dict[URIRef, tuple[list[Triple], int, bytes]] = field(
        default_factory=dict, compare=False, repr=False)

    @property
    def documents(self) -> Mapping[str, Graph]:
        """Each document's graph by document id, mapped on access."""
        return _DocumentGraphs(self.entries)

    def evidence(self, document_id: str) -> Evidence:
        """What makes the entities a document cites traceable (a lent passage's triples)."""
        return Evidence(self.entries[document_id])

    def lending(self, document_id: str, entities: Container[URIRef],
                first: Mapping[URIRef, Passage] | None = None) -> Evidence:
        """`evidence(document_id).only(entities)`, made without the rest of it."""
        return Evidence.lending(self.entries[document_id], entities, first)

    def entity_triples(self) -> Iterator[Triple]:
        for triples in self.entities.values():
            yield from triples

    def entity_graph(self) -> Graph:
        graph = Graph()
        for triple in self.entity_triples():
            graph.add(triple)
        return graph


class _DocumentGraphs(Mapping[str, Graph]):
    def __init__(self, entries: dict[str, DocumentEntry]):
        self.entries = entries

    def __getitem__(self, document_id: str) -> Graph:
        return document_graph(self.entries[document_id])

    def __iter__(self) -> Iterator[str]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def to_rdf(resolution: Resolution, registers: Registers) -> Mapped:
    mapped = Mapped(entries=dict(sorted(resolution.documents.items())))
    describe = _Describer(mapped.entities, registers, resolution)
    for iri, party in sorted(resolution.parties.items(), key=_by_iri):
        describe.party(iri, party)
    for entry in mapped.entries.values():  # a document's Land, even if it names no party of it
        describe.land(entry.meta.land)
    for iri, ministry in sorted(resolution.ministries.items(), key=_by_iri):
        describe.ministry(iri, ministry)
    for iri, place in sorted(resolution.places.items(), key=_by_iri):
        describe.place(iri, place)
    for person in sorted(resolution.persons.values(), key=lambda p: str(p.iri)):
        describe.person(person)
    for post in sorted(resolution.posts.values(), key=lambda p: str(p.iri)):
        describe.post(post)
    for agreement in sorted(resolution.agreements.values(), key=lambda a: str(a.iri)):
        describe.agreement(agreement)
    for partnership in sorted(resolution.partnerships.values(), key=lambda p: str(p.iri)):
        describe.partnership(partnership)
    return mapped


def _by_iri(item: tuple[URIRef, object]) -> str:
    """Sorting by an IRI's text is rdflib's order of IRIs, without its comparisons in Python."""
    return str(item[0])


# ----------------------------------------------------------------------------- entities


class _Describer:
    def __init__(self, entities: dict[URIRef, list[Triple]], registers: Registers,
                 resolution: Resolution):
        self.entities = entities
        self.registers = registers
        self.resolution = resolution
        self._added: dict[URIRef, set[Triple]] = {}  # each entity's triples, to look up

    def add(self, subject: URIRef, *pairs: tuple[URIRef, URIRef | Literal | None]) -> None:
        triples = self.entities.setdefault(subject, [])
        added = self._added.get(subject)
        if added is None:
            added = self._added[subject] = set(triples)
        for predicate, value in pairs:
            if value is not None and (subject, predicate, value) not in added:
                triples.append((subject, predicate, value))
                added.add((subject, predicate, value))

    def labels(self, subject: URIRef, german: str, english: str | None) -> None:
        self.add(subject, (RDFS.label, Literal(german, lang="de")),
                 (RDFS.label, Literal(english, lang="en") if english else None))

    def party(self, iri: URIRef, party: PartyRef) -> None:
        cls = {"land": PG.Land, "country": PG.Country, "region": PG.PartnerRegion,
               "organisation": PG.Organisation}[party.kind]
        self.add(iri, (RDF.type, cls))
        self.labels(iri, party.label_de, party.label_en)
        if party.kind == "country":
            self.add(iri, (PG.iso3166_1, Literal(party.key)))
            return
        if party.kind == "land":
            self.add(iri, (PG.iso3166_2, Literal(party.key)), (PG.country, self.country("DE")))
            return
        self.add(iri, (PG.registered, Literal(party.registered)),
                 (PG.country, self.country(party.country) if party.country else None))
        if party.kind == "region":
            self.add(iri, (PG.iso3166_2, Literal(party.iso_code) if party.iso_code else None),
                     (PG.regionKind, ns.concept("region-kind", party.region_kind)
                      if party.region_kind else None))

    def country(self, code: str) -> URIRef:
        iri = ns.country(code)
        if iri not in self.entities:
            entry = self.registers.countries.get(code)
            label_de, label_en = (entry.label_de, entry.label_en) if entry else (code, None)
            self.party(iri, PartyRef("country", code, label_de, label_en, country=code))
        return iri

    def land(self, code: str) -> URIRef:
        """Only a registered Land is described as one: the Land of a page that names none
        must stay undescribed, or that page's own Land check would pass once any of its
        ministries, agreements or partnerships cites it."""
        iri = ns.land(code)
        entry = self.registers.laender.get(code)
        if entry is not None and iri not in self.entities:
            self.party(iri, PartyRef("land", code, entry.label_de, entry.label_en, country="DE"))
        return iri

    def ministry(self, iri: URIRef, ministry: MinistryRef) -> None:
        self.add(iri, (RDF.type, PG.Ministry), (PG.land, self.land(ministry.land)),
                 (PG.abbreviation, Literal(ministry.abbreviation) if ministry.abbreviation
                  else None),
                 (PG.validFrom, _period(ministry.valid_from)),
                 (PG.validUntil, _period(ministry.valid_until)),
                 (PG.registered, Literal(ministry.registered)))
        self.labels(iri, ministry.label_de, ministry.label_en)

    def place(self, iri: URIRef, place: PlaceRef) -> None:
        self.add(iri, (RDF.type, PG.Place), (RDFS.label, Literal(place.canonical or place.label)),
                 (SKOS.altLabel, Literal(place.label, lang="de")),
                 (PG.country, self.country(place.country)),
                 (PG.geonamesId, Literal(place.geonames_id) if place.geonames_id else None))

    def person(self, person: Person) -> None:
        self.add(person.iri, (RDF.type, PG.Official), (FOAF.name, Literal(person.name)),
                 (FOAF.familyName, Literal(person.family)),
                 (FOAF.givenName, Literal(person.given) if person.given else None))
        for prefix in sorted(person.honorifics):
            self.add(person.iri, (SCHEMA.honorificPrefix, Literal(prefix)))
        for suffix in sorted(person.suffixes):
            self.add(person.iri, (SCHEMA.honorificSuffix, Literal(suffix)))

    def post(self, post: Post) -> None:
        role = self.role(post.role)
        scope_label_de, scope_label_en = _scope_labels(post.scope)
        label_de = f"{post.role.label_de} ({scope_label_de})" if scope_label_de \
            else post.role.label_de
        self.add(post.iri, (RDF.type, PG.Post), (ORG.role, role),
                 (RDFS.label, Literal(label_de, lang="de")))
        if post.role.label_en and scope_label_en:
            self.add(post.iri, (RDFS.label, Literal(f"{post.role.label_en} ({scope_label_en})",
                                                    lang="en")))
        if post.scope is not None and post.scope.ministry is not None:
            self.add(post.iri, (ORG.postIn, ministry_iri(post.scope.ministry)))
        elif post.scope is not None and post.scope.party is not None:
            target = party_iri(post.scope.party)
            self.add(post.iri, (ORG.postIn, target) if post.scope.party.kind == "organisation"
                     else (PG.postFor, target))
        for holder in sorted(post.holders, key=str):
            self.add(post.iri, (ORG.heldBy, holder))

    def role(self, role) -> URIRef:
        iri = ns.concept("role", role.key)
        if (iri, RDF.type, PG.Role) not in self.registers.vocabularies and \
                iri not in self.entities:  # one label: the first form seen ("-in" or not)
            self.add(iri, (RDF.type, PG.Role), (RDF.type, SKOS.Concept),
                     (SKOS.inScheme, ns.scheme("role")),
                     (SKOS.prefLabel, Literal(role.label_de, lang="de")))
        return iri

    def agreement(self, agreement: Agreement) -> None:
        record = agreement.record
        self.add(agreement.iri, (RDF.type, PG.Agreement),
                 (DCTERMS.title, Literal(record.title, lang="de")),
                 (PG.agreementKind, ns.concept("agreement-kind", record.kind)),
                 (PG.land, self.land(record.land)),
                 (PG.signedOn, date_literal(record.date.start) if record.date else None),
                 (PG.ministry, ministry_iri(record.ministry) if record.ministry else None),
                 (PG.place, place_iri(record.place) if record.place else None))
        for partner in record.partners:
            self.add(agreement.iri, (PG.partner, party_iri(partner)))
        for topic in sorted(record.topics):
            self.add(agreement.iri, (PG.topic, ns.concept("topic", topic)))
        for signatory in sorted(agreement.signatories, key=str):
            self.add(agreement.iri, (PG.signatory, signatory))


    def partnership(self, partnership: Partnership) -> None:
        iri, partner = partnership.iri, partnership.partner
        land = self.land(partnership.land)
        land_entry = self.registers.laender.get(partnership.land)
        land_de = land_entry.label_de if land_entry else partnership.land
        land_en = land_entry.label_en if land_entry else partnership.land
        self.add(iri, (RDF.type, PG.Partnership), (PG.land, land),
                 (PG.partner, party_iri(partner)),
                 (RDFS.label, Literal(f"Partnerschaft {land_de} – {partner.label_de}", lang="de")),
                 (RDFS.label, Literal(f"Partnership {land_en} – "
                                      f"{partner.label_en or partner.label_de}", lang="en")),
                 (PG.since, date_literal(partnership.since.start) if partnership.since else None),
                 (PG.ended, Literal(partnership.ended)))
        for kind in sorted(partnership.kinds):
            self.add(iri, (PG.partnershipKind, Literal(kind, lang="de")))
        for agreement in sorted(partnership.agreements, key=str):
            self.add(agreement, (PG.partnership, iri))


def _scope_labels(scope: Scope | None) -> tuple[str | None, str | None]:
    if scope is None:
        return None, None
    if scope.ministry is not None:
        return (scope.ministry.abbreviation or scope.ministry.label_de,
                scope.ministry.abbreviation or scope.ministry.label_en)
    assert scope.party is not None
    return scope.party.label_de, scope.party.label_en


def _period(text: str | None) -> Literal | None:
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    return date_literal(PartialDate(*parts))


@lru_cache(maxsize=1 << 14)
def date_literal(date: PartialDate) -> Literal:
    return Literal(date.lexical(), datatype=XSD[date.xsd_type()])


# ----------------------------------------------------------------------------- documents


def document_graph(entry: DocumentEntry) -> Graph:
    graph = Graph()
    for triple in document_triples(entry):
        graph.add(triple)
    return graph


def document_triples(entry: DocumentEntry) -> list[Triple]:
    """The triples of a document's named graph, each once, in a stable order."""
    meta = entry.meta
    passages = _Passages(meta.document_id)
    triples = list(_document_triples(entry, ns.document(meta.document_id)))
    for event in entry.events:
        triples.extend(_event_triples(event, meta.land, passages))
    for entity, passage in entry.evidence:
        iri, described, quote = passages.of(passage)
        triples.extend(described)
        triples.append((entity, PROV.wasDerivedFrom, iri))
        triples.append((entity, PG.quote, quote))
    return list(dict.fromkeys(triples))


class _Passages:
    """Each passage's IRI, triples and quote, made once for a document: a passage backs
    several facts (an event and the entities it names), each restating it."""

    def __init__(self, document_id: str):
        self.document_id = document_id
        self._made: dict[Passage, tuple[URIRef, list[Triple], Literal]] = {}

    def of(self, passage: Passage) -> tuple[URIRef, list[Triple], Literal]:
        made = self._made.get(passage)
        if made is None:
            triples = list(_passage_triples(passage, self.document_id))
            quote = triples[2][2]
            assert isinstance(quote, Literal)
            made = self._made[passage] = (triples[0][0], triples, quote)
        return made


class Evidence:
    """What makes the entities a document cites traceable without the rest of it: for each,
    its first passage there (by IRI), with the passage's rendering and the document. The
    first passage of an entity is found when asked for: a rebuild asks for few of them, of
    every document that lends one."""

    def __init__(self, entry: DocumentEntry):
        self.document_id = entry.meta.document_id
        self.passages: dict[URIRef, list[Passage]] = {}
        for entity, passage in entry.evidence:
            self.passages.setdefault(entity, []).append(passage)
        self._first: dict[URIRef, Passage] = {}
        self.described = list(_document_triples(entry, ns.document(self.document_id)))

    def first(self, entity: URIRef) -> Passage:
        """Of the entity's passages here, the one whose IRI sorts first (the earliest of
        equal ones)."""
        found = self._first.get(entity)
        if found is None:
            found = self._first[entity] = min(
                self.passages[entity], key=lambda p: passage_name(p, self.document_id))
        return found

    def only(self, entities: Container[URIRef]) -> Evidence:
        """A copy that knows only these entities' first passages, and of the document's
        own description only the triples `triples` reads with them (of the document and of
        those passages' renderings): a validation worker is sent one for each lender its
        part reaches, and the rest was a third of what a part pickled to."""
        part = copy.copy(self)
        part._first = {e: self.first(e) for e in self.passages if e in entities}
        part.passages = {e: [passage] for e, passage in part._first.items()}
        read = {ns.document(self.document_id)} | {
            ns.rendering(self.document_id, passage.file) for passage in part._first.values()}
        part.described = [t for t in self.described if t[0] in read]
        return part

    @classmethod
    def lending(cls, entry: DocumentEntry, entities: Container[URIRef],
                first: Mapping[URIRef, Passage] | None = None) -> Evidence:
        """`Evidence(entry).only(entities)`, made without the rest: the passages of other
        entities are not gathered, nor the triples of renderings no first passage is in.
        With `first` (the `_first` of an earlier one for these entities) no passage is
        compared again: finding the first passages was most of its cost."""
        found = cls.__new__(cls)
        found.document_id = entry.meta.document_id
        if first is None:
            passages: dict[URIRef, list[Passage]] = {}
            for entity, passage in entry.evidence:
                if entity in entities:
                    passages.setdefault(entity, []).append(passage)
            found.passages = passages
            found._first = {}
            first = {e: found.first(e) for e in passages}
        found._first = dict(first)
        found.passages = {e: [passage] for e, passage in first.items()}
        document = ns.document(found.document_id)
        read = {document} | {ns.rendering(found.document_id, passage.file)
                             for passage in first.values()}
        found.described = [t for t in _document_triples(entry, document) if t[0] in read]
        return found

    def triples(self, entity: URIRef) -> list[Triple]:
        passage = self.first(entity)
        rendering = ns.rendering(self.document_id, passage.file)
        document = ns.document(self.document_id)
        triples: list[Triple] = [(entity, PROV.wasDerivedFrom,
                                  passage_iri(passage, self.document_id))]
        triples.extend(_passage_triples(passage, self.document_id))
        triples.extend(t for t in self.described if t[0] in (rendering, document))
        return triples


def _document_triples(entry: DocumentEntry, document: URIRef) -> Iterator[Triple]:
    meta = entry.meta
    yield document, RDF.type, PG.Document
    yield document, DCTERMS.identifier, Literal(meta.identifier)
    yield document, DCTERMS.title, Literal(meta.title, lang="de")
    yield document, PG.genre, ns.concept("genre", meta.genre)
    yield document, PG.land, ns.land(meta.land)
    if meta.date is not None and meta.date.complete:
        yield document, DCTERMS.date, date_literal(meta.date.start)
    if meta.issuer:
        yield document, PG.issuer, Literal(meta.issuer)
    graph = ns.document_graph(meta.document_id)
    yield graph, RDF.type, PG.DocumentGraph
    yield graph, PROV.wasDerivedFrom, document
    for rendering in entry.renderings:
        iri = ns.rendering(meta.document_id, rendering.file)
        yield iri, RDF.type, PG.Rendering
        yield iri, DCTERMS.isFormatOf, document
        yield iri, PG.fileName, Literal(rendering.file)
        yield iri, PG.sha256, Literal(rendering.sha256)
        yield iri, DCTERMS["format"], Literal(rendering.media_type)
        yield iri, PG.renderingKind, Literal(rendering.rendering)


def _event_triples(event: Event, land: str, passages: _Passages) -> Iterator[Triple]:
    record, iri = event.record, event.iri
    yield iri, RDF.type, PG.Event
    yield iri, PG.eventType, ns.concept("event-type", record.event_type)
    yield iri, DCTERMS.description, Literal(record.description, lang="de")
    yield iri, PG.land, ns.land(land)
    yield iri, PG.planned, _value(record.planned)
    yield from _date_triples(iri, record.date)
    if record.date_text:
        yield iri, PG.dateText, Literal(record.date_text)
    for predicate, target in _event_links(event):
        yield iri, predicate, target
    for passage in event.passages:  # a quote beside its passage: _passage_triples says why
        passage_node, described, quote = passages.of(passage)
        yield from described
        yield iri, PROV.wasDerivedFrom, passage_node
        yield iri, PG.quote, quote


def _event_links(event: Event) -> Iterator[tuple[URIRef, URIRef]]:
    """What an event names of the entities: its ministries, participants, posts, agreements,
    partners and places."""
    record = event.record
    for ministry in record.ministries:
        yield PG.ministry, ministry_iri(ministry)
    for predicate, targets in ((PG.participant, event.participants),
                               (PG.participantPost, event.posts),
                               (PG.agreement, event.agreements)):
        for target in targets:
            yield predicate, target
    for partner in record.partners:
        yield PG.partner, party_iri(partner)
    for place in record.places:
        yield PG.place, place_iri(place)


def document_nodes(entry: DocumentEntry) -> set[str]:
    """The IRIs of a document's graph that can name what other graphs describe (the
    entities its validation reaches from, kg/validate.py), without mapping it: its Land and
    concepts, what its events name, the facts it gives passages of. Every entity among the
    nodes of `document_triples(entry)` is one of them (tests/test_mapping.py)."""
    meta = entry.meta
    nodes = {str(ns.land(meta.land)), str(ns.concept("genre", meta.genre))}
    for event in entry.events:
        nodes.add(str(ns.concept("event-type", event.record.event_type)))
        nodes.update(str(target) for _, target in _event_links(event))
    nodes.update(str(entity) for entity, _ in entry.evidence)
    return nodes


def _date_triples(iri: URIRef, value: DateValue | None) -> Iterator[Triple]:
    if value is None:
        return
    yield iri, SEM.hasBeginTimeStamp, date_literal(value.start)
    if value.end is not None:
        yield iri, SEM.hasEndTimeStamp, date_literal(value.end)
    yield iri, SEM.hasEarliestBeginTimeStamp, _value(value.earliest)
    yield iri, SEM.hasLatestEndTimeStamp, _value(value.latest)


@lru_cache(maxsize=1 << 14, typed=True)  # typed: True and 1 are equal keys
def _value(value: object) -> Literal:
    """A literal of a value that recurs (a flag, a day), made once (rdflib's literals of a
    Python value cost a conversion each)."""
    return Literal(value)


def passage_iri(passage: Passage, document_id: str) -> URIRef:
    return URIRef(passage_name(passage, document_id))


def passage_name(passage: Passage, document_id: str) -> str:
    """The passage's IRI as text (passages are compared by IRI, each rebuild every one)."""
    path = ns.passage_path(document_id, passage.file, passage.start_line, passage.end_line)
    return f"{ns.ID}{path}-{ns.short_hash(passage.quote, length=6)}"


def _passage_triples(passage: Passage, document_id: str) -> Iterable[Triple]:
    """Its type, rendering and quote (the first three, in this order: _Passages), lines and
    page. The quote is also each fact's `pg:quote` in this document's graph, beside its
    passage's `prov:value`: listing every fact with its document and quote (cq-08) then
    reads one statement a row instead of joining passages, renderings and documents, and
    needs no DISTINCT (a quote read alike from two renderings is one statement)."""
    iri = passage_iri(passage, document_id)
    yield iri, RDF.type, PG.Passage
    yield iri, PROV.wasQuotedFrom, ns.rendering(document_id, passage.file)
    yield iri, PROV.value, Literal(passage.quote)
    yield iri, PG.startLine, _positive(passage.start_line)
    yield iri, PG.endLine, _positive(passage.end_line)
    if passage.page is not None:
        yield iri, PG.page, _positive(passage.page)


@lru_cache(maxsize=1 << 14)
def _positive(number: int) -> Literal:
    """A line or page number (made once: a build writes hundreds of thousands)."""
    return Literal(number, datatype=XSD.positiveInteger)
