"""Resolution: the extractions of all renderings of all documents become one set of facts.

Two renderings of one document state each fact once (their events and agreements are matched
and cite both); a person named in several documents, or by surname only where the graph knows
exactly one person of that name, is one person; every entity gets its IRI here.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import URIRef

from kg import namespaces as ns
from kg import registers
from kg.dates import DateValue
from kg.records import (
    AgreementRecord,
    DocumentMeta,
    EventRecord,
    Extraction,
    MinistryRef,
    PartnershipRecord,
    PartyRef,
    Passage,
    PersonMention,
    PlaceRef,
    PostMention,
    RenderingMeta,
    RoleRef,
    Scope,
)

# ----------------------------------------------------------------------------- results


@dataclass(slots=True)
class Person:
    iri: URIRef
    name: str
    family: str
    given: str | None
    honorifics: set[str] = field(default_factory=set)
    suffixes: set[str] = field(default_factory=set)
    posts: set[URIRef] = field(default_factory=set)


@dataclass(slots=True)
class Post:
    iri: URIRef
    role: RoleRef
    scope: Scope | None
    holders: set[URIRef] = field(default_factory=set)


@dataclass(slots=True)
class Agreement:
    iri: URIRef
    record: AgreementRecord
    signatories: set[URIRef] = field(default_factory=set)


@dataclass(slots=True)
class Partnership:
    """A Land's standing partnership with one partner, from every statement of it."""

    iri: URIRef
    land: str
    partner: PartyRef
    kinds: set[str] = field(default_factory=set)
    starts: list[DateValue] = field(default_factory=list)
    ended: bool = False
    agreements: set[URIRef] = field(default_factory=set)

    @property
    def since(self) -> DateValue | None:
        """The earliest year stated, as precisely as any statement gives that year."""
        if not self.starts:
            return None
        year = min(d.start.year or 0 for d in self.starts)
        candidates = [d for d in self.starts if d.start.year == year]
        return min(candidates, key=lambda d: (-_precision(d), d.start.month or 0,
                                              d.start.day or 0))


def _precision(value: DateValue) -> int:
    return (value.start.month is not None) + (value.start.day is not None)


@dataclass(slots=True)
class Event:
    iri: URIRef
    record: EventRecord
    passages: list[Passage]
    participants: list[URIRef]
    posts: list[URIRef]
    agreements: list[URIRef]


@dataclass(slots=True)
class DocumentEntry:
    meta: DocumentMeta
    renderings: list[RenderingMeta]
    events: list[Event] = field(default_factory=list)
    evidence: list[tuple[URIRef, Passage]] = field(default_factory=list)
    sources: list[DocumentMeta] = field(default_factory=list)  # each rendering's meta


@dataclass
class Resolution:
    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    persons: dict[URIRef, Person] = field(default_factory=dict)
    posts: dict[URIRef, Post] = field(default_factory=dict)
    agreements: dict[URIRef, Agreement] = field(default_factory=dict)
    partnerships: dict[URIRef, Partnership] = field(default_factory=dict)
    ministries: dict[URIRef, MinistryRef] = field(default_factory=dict)
    parties: dict[URIRef, PartyRef] = field(default_factory=dict)
    places: dict[URIRef, PlaceRef] = field(default_factory=dict)
    # what each document gives the corpus-wide tables, when traced (`resolve_few`)
    traces: dict[str, list[tuple]] = field(default_factory=dict, compare=False, repr=False)
    trace: list[tuple] | None = field(default=None, compare=False, repr=False)
    renamed: bool = False  # two files' texts gave one document id and file name
    people: _People | None = field(default=None, compare=False, repr=False)

    def unlinked(self) -> list[tuple[str, str, str]]:
        """Entities no register knows: (kind, IRI, label), for the build report."""
        rows = [("ministry", str(i), m.label_de) for i, m in self.ministries.items()
                if not m.registered]
        rows += [(p.kind, str(i), p.label_de) for i, p in self.parties.items()
                 if not p.registered]
        return sorted(rows)


# ----------------------------------------------------------------------------- IRIs


def party_iri(party: PartyRef) -> URIRef:
    if party.kind == "land":
        return ns.land(party.key)
    if party.kind == "country":
        return ns.country(party.key)
    if party.kind == "region":
        return ns.region(party.iso_code, party.country, party.label_de) if party.iso_code \
            else ns.ID[f"region/{party.key}"]
    return ns.organisation(party.key)


def party_key(party: PartyRef) -> str:
    """A party as it appears in an agreement's IRI."""
    return party.key.replace("/", "-")


def ministry_iri(ministry: MinistryRef) -> URIRef:
    return ns.ministry(ministry.land, ministry.key)


def place_iri(place: PlaceRef) -> URIRef:
    return ns.place(place.country, place.canonical or place.label)


def scope_key(scope: Scope | None) -> str | None:
    if scope is None:
        return None
    if scope.ministry is not None:
        return str(ministry_iri(scope.ministry)).split("/ministry/", 1)[1]
    assert scope.party is not None
    return scope.party.key


def scope_country(scope: Scope | None) -> str | None:
    """The country or Land a post belongs to: JP for a Japanese consul, DE-NW for a minister."""
    if scope is None:
        return None
    if scope.ministry is not None:
        return scope.ministry.land
    assert scope.party is not None
    if scope.party.kind == "land":
        return scope.party.key
    return scope.party.country


# ----------------------------------------------------------------------------- resolution


def resolve(extractions: list[Extraction]) -> Resolution:
    people = _People(extractions)
    result = _resolve(extractions, people)
    result.people = people
    return result


@dataclass
class Corpus:
    """What resolving one document reads of the other documents: the people's corpus-wide
    tables (`_People.tables`), and the ministries of each person's posts (read for the events
    whose text names no ministry). A build remembers it (kg/ledger.py)."""

    people: tuple
    ministries_of: dict[URIRef, list[MinistryRef]]


def corpus_of(result: Resolution) -> Corpus:
    """The corpus-wide tables of a resolution of the whole corpus (`resolve`)."""
    assert result.people is not None
    return Corpus(result.people.tables(), _ministries_of(result))


def resolve_few(extractions: list[Extraction], corpus: Corpus) -> Resolution:
    """The documents of these extractions (every rendering of each), resolved as `resolve`
    resolves them among a whole corpus whose tables `corpus` holds; each document's trace
    (`Resolution.traces`) lists what it gives the corpus-wide tables (the people's names,
    the entities' descriptions, which documents cite an entity): while a document's trace is
    unchanged, so is every other document's resolution and every entity."""
    return _resolve(extractions, _People(extractions, corpus.people), corpus.ministries_of,
                    traced=True)


def people_summary(extraction: Extraction) -> tuple:
    """What the people's corpus-wide tables read of an extraction (`_People.summary`): while
    it is unchanged, `resolve_few` can resolve the extraction's document among them."""
    return _People.summary(extraction)


def _resolve(extractions: list[Extraction], people: _People,
             ministries_of: dict[URIRef, list[MinistryRef]] | None = None,
             traced: bool = False) -> Resolution:
    result = Resolution()
    by_document: dict[str, list[Extraction]] = defaultdict(list)
    result.renamed = _distinct_documents(extractions)
    for extraction in sorted(extractions, key=lambda x: (x.meta.document_id, x.rendering.file)):
        by_document[extraction.meta.document_id].append(extraction)
    for document_id, renderings in by_document.items():
        entry = DocumentEntry(meta=renderings[0].meta,
                              renderings=[x.rendering for x in renderings],
                              sources=[x.meta for x in renderings])
        result.documents[document_id] = entry
        if traced:
            result.trace = result.traces[document_id] = [
                (document_id, entry.meta.land, tuple(x.rendering.file for x in renderings)),
                *(people.summary(x) for x in extractions if x.meta.document_id == document_id)]
        agreements = _document_agreements(renderings, result, people, entry)
        for event in _merged_events(renderings):
            entry.events.append(_event(event, document_id, agreements, result, people, entry))
        for extraction in renderings:
            for statement in extraction.partnerships:
                linked = agreements.get(f"{extraction.rendering.file}#{statement.agreement}")
                _add_partnership(statement, linked, result, entry)
        for extraction in renderings:
            _mentions(extraction, result, people, entry)
        if result.trace is not None:
            result.trace.append(tuple(sorted({str(e) for e, _ in entry.evidence})))
            result.trace = None
    _ministries_from_participants(result, ministries_of)
    return result


def _note(result: Resolution, *what: object) -> None:
    """What a traced document gives the corpus-wide tables (`resolve_few`)."""
    if result.trace is not None:
        result.trace.append(what)


def _distinct_documents(extractions: list[Extraction]) -> bool:
    """Two files whose texts give the same identifier ("Drucksache 18") and the same file
    name are renderings of one document only if they are the same file: otherwise the later
    one (by content) is a document of its own, its id made distinct by its checksum."""
    first: dict[tuple[str, str], str] = {}
    renamed = False
    for extraction in sorted(extractions, key=lambda x: x.rendering.sha256):
        key = (extraction.meta.document_id, extraction.rendering.file)
        if first.setdefault(key, extraction.rendering.sha256) != extraction.rendering.sha256:
            renamed = True
            extraction.meta = dataclasses.replace(
                extraction.meta,
                document_id=f"{extraction.meta.document_id}-{extraction.rendering.sha256[:8]}")
    return renamed


def _ministries_from_participants(result: Resolution,
                                  known: dict[URIRef, list[MinistryRef]] | None = None) -> None:
    """An event whose text names no ministry is carried by the ministry of the Land's official
    taking part ("Minister Beispiel traf …" where he is elsewhere Europaminister of the
    Staatskanzlei), when exactly one such ministry was valid on the event's date (`known`:
    each person's ministries in the whole corpus, `_ministries_of`)."""
    ministry_of_post = {iri: post.scope.ministry for iri, post in result.posts.items()
                        if post.scope is not None and post.scope.ministry is not None}
    ministries_of: dict[URIRef, list[MinistryRef]] = {}  # each person's, by post IRI
    for entry in result.documents.values():
        for event in entry.events:
            if event.record.ministries or event.record.date is None:
                continue
            day = event.record.date.earliest
            for person in event.participants:
                if person not in ministries_of:
                    ministries_of[person] = known.get(person, []) if known is not None else [
                        m for post in sorted(result.persons[person].posts, key=str)
                        if (m := ministry_of_post.get(post)) is not None]
            found = {ministry_iri(m): m for person in event.participants
                     for m in ministries_of[person]
                     if m.land == entry.meta.land and _valid_on(m, day)}
            if len(found) == 1:
                event.record.ministries = tuple(found.values())


def _ministries_of(result: Resolution) -> dict[URIRef, list[MinistryRef]]:
    """Each person's ministries, by post IRI (`_ministries_from_participants`), for those
    who have one."""
    ministry_of_post = {iri: post.scope.ministry for iri, post in result.posts.items()
                        if post.scope is not None and post.scope.ministry is not None}
    found = {}
    for iri, person in result.persons.items():
        ministries = [m for post in sorted(person.posts, key=str)
                      if (m := ministry_of_post.get(post)) is not None]
        if ministries:
            found[iri] = ministries
    return found


def _valid_on(ministry: MinistryRef, day) -> bool:
    start = ministry.valid_from or "0000"
    end = ministry.valid_until or "9999"
    return start[:len(start)] <= day.isoformat()[:len(start)] and \
        day.isoformat()[:len(end)] <= end


def _document_agreements(renderings: list[Extraction], result: Resolution, people: _People,
                         entry: DocumentEntry) -> dict[str, URIRef]:
    """Agreements of all renderings, matched by IRI; local keys of each rendering -> IRI."""
    local: dict[str, URIRef] = {}
    undated: Counter[tuple] = Counter()
    for extraction in renderings:
        for record in extraction.agreements:
            if record.date is None:
                undated[_undated_key(record)] += 1
    titles_per_key: dict[tuple, set[str]] = defaultdict(set)
    for extraction in renderings:
        for record in extraction.agreements:
            if record.date is None:
                titles_per_key[_undated_key(record)].add(ns.slug(record.title))
    for extraction in renderings:
        for record in extraction.agreements:
            iri = _agreement_iri(record, titles_per_key)
            _add_agreement(iri, record, result, people)
            iri = result.agreements[iri].iri  # the one object of that IRI (held to the end)
            local[f"{extraction.rendering.file}#{record.local_key}"] = iri
            for passage in (record.passage, *record.more_passages):
                entry.evidence.append((iri, passage))
    return local


def _undated_key(record: AgreementRecord) -> tuple:
    return (record.land, tuple(sorted(party_key(p) for p in record.partners)), record.kind)


def _agreement_iri(record: AgreementRecord, titles: dict[tuple, set[str]]) -> URIRef:
    partners = [party_key(p) for p in record.partners]
    if record.date is not None:
        return ns.agreement(record.land, partners, record.date.start.lexical())
    key = _undated_key(record)
    suffix = record.kind if len(titles[key]) <= 1 else ns.slug(record.title)[:80]
    return ns.agreement(record.land, partners, suffix)


def _add_agreement(iri: URIRef, record: AgreementRecord, result: Resolution,
                   people: _People) -> None:
    _note(result, "agreement", iri, record.title, record.kind, record.land, record.date,
          record.ministry, record.place, record.partners, record.topics)
    known = result.agreements.get(iri)
    if known is None:
        known = result.agreements[iri] = Agreement(iri, record)
    else:
        known.record.topics = tuple(sorted(set(known.record.topics) | set(record.topics)))
        if known.record.ministry is None:
            known.record.ministry = record.ministry
    for party in record.partners:
        _add_party(party, result)
    if record.ministry is not None:
        _note(result, "ministry", record.ministry)
        result.ministries[ministry_iri(record.ministry)] = record.ministry
    if record.place is not None:
        _note(result, "place", record.place)
        result.places[place_iri(record.place)] = record.place
    for signatory in record.signatories:
        known.signatories.add(people.person(signatory, result))


def _add_partnership(statement: PartnershipRecord, agreement: URIRef | None,
                     result: Resolution, entry: DocumentEntry) -> None:
    iri = ns.partnership(statement.land, party_key(statement.partner))
    _note(result, "partnership", iri, statement.land, statement.partner, statement.kind,
          statement.since, statement.ended, agreement)
    known = result.partnerships.get(iri)
    if known is None:
        known = result.partnerships[iri] = Partnership(iri, statement.land, statement.partner)
    known.partner = result.parties.get(party_iri(statement.partner), known.partner)
    _add_party(statement.partner, result)
    known.kinds.add(statement.kind)
    known.ended = known.ended or statement.ended
    if statement.since is not None:
        known.starts.append(statement.since)
    if agreement is not None:
        known.agreements.add(agreement)
    entry.evidence.append((known.iri, statement.passage))


def _add_party(party: PartyRef, result: Resolution) -> URIRef:
    """Register a party; what a register says wins over what a text alone said."""
    iri = party_iri(party)
    _note(result, "party", party)
    known = result.parties.get(iri)
    if known is None or (party.registered and not known.registered):
        result.parties[iri] = party
    return iri


# ----------------------------------------------------------------------------- events


def _merged_events(renderings: list[Extraction]) -> list[tuple[str, EventRecord, list[Passage]]]:
    """Events of all renderings; an event of a later rendering that matches one of an earlier
    (same date, type and partners, similar description) is the same event."""
    merged: list[tuple[str, EventRecord, list[Passage]]] = []
    for extraction in renderings:
        file = extraction.rendering.file
        for event in extraction.events:
            match = next((m for m in merged if m[0] != file and _same_event(m[1], event)), None)
            if match is None:
                merged.append((file, event, [event.passage, *event.more_passages]))
            else:
                match[2].extend([event.passage, *event.more_passages])
    return merged


def _same_event(first: EventRecord, second: EventRecord) -> bool:
    if _date_key(first) != _date_key(second) or first.event_type != second.event_type:
        return False
    similarity = difflib.SequenceMatcher(None, first.description, second.description).ratio()
    return similarity >= 0.8


def _date_key(event: EventRecord) -> str:
    if event.date is not None:
        return event.date.start.lexical()
    return f"text:{event.date_text}" if event.date_text else "undated"


def _event(item: tuple[str, EventRecord, list[Passage]], document_id: str,
           agreements: dict[str, URIRef], result: Resolution, people: _People,
           entry: DocumentEntry) -> Event:
    file, record, passages = item
    iri = ns.event(document_id, record.date.start.lexical() if record.date else "undated",
                   record.description)
    participants = list(dict.fromkeys(people.person(p, result) for p in record.participants))
    posts = list(dict.fromkeys(p for p in (people.post(m, None, result) for m in record.posts)
                               if p is not None))
    for party in record.partners:
        _add_party(party, result)
    for ministry in record.ministries:
        _note(result, "ministry", ministry)
        result.ministries[ministry_iri(ministry)] = ministry
    for place in record.places:
        _note(result, "place", place)
        result.places[place_iri(place)] = place
    linked = [agreements[f"{file}#{key}"] for key in record.agreements
              if f"{file}#{key}" in agreements]
    return Event(iri, record, passages, participants, posts, list(dict.fromkeys(linked)))


def _mentions(extraction: Extraction, result: Resolution, people: _People,
              entry: DocumentEntry) -> None:
    for mention in extraction.persons:
        person, post = people.person_and_post(mention, result)
        entry.evidence.append((person, mention.passage))
        if post is not None:
            entry.evidence.append((post, mention.passage))
    for post_mention in extraction.posts:
        iri = people.post(post_mention, None, result)
        if iri is not None:
            entry.evidence.append((iri, post_mention.passage))
    for ministry, passage in extraction.ministries:
        iri = ministry_iri(ministry)
        _note(result, "ministry?", ministry)
        result.ministries.setdefault(iri, ministry)
        if not ministry.registered:
            entry.evidence.append((iri, passage))
    for party, passage in extraction.parties:
        if party.kind == "land" or party.key == "DE":
            continue
        iri = _add_party(party, result)
        if not party.registered:
            entry.evidence.append((iri, passage))


# ----------------------------------------------------------------------------- people


class _People:
    """Who is who: full names are keys; a surname alone is the one person of that name the
    documents name in full, if there is exactly one whose posts do not contradict."""

    def __init__(self, extractions: list[Extraction], tables: tuple | None = None):
        """`tables`: the corpus-wide ones (`tables`), when these are a few of its documents."""
        of_each = [(x, _all_mentions(x)) for x in extractions]
        if tables is not None:
            self.names, self.by_family, self.countries, self.stated_posts = tables
        else:
            self._tables(of_each)
        self.documents = {id(m): x.meta.document_id for x, found in of_each for m in found}
        self.named_in_document: dict[str, set[tuple[str, str]]] = defaultdict(set)
        self.titles_in_document: dict[tuple[str, str], set[str]] = defaultdict(set)
        for x, found in of_each:
            self.named_in_document[x.meta.document_id].update(
                _full_key(m) for m in found if m.given)
            for m in found:
                if m.role is not None:
                    self.titles_in_document[(x.meta.document_id, ns.slug(m.family))].add(
                        m.role.key)
        self.scopes_in_document: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.first_scope: dict[tuple[str, ...], str] = {}
        self.post_scopes: dict[tuple[str, str], set[str]] = defaultdict(set)
        for x, found in of_each:
            for m in found:
                if not m.given and m.scope_stated and (country := scope_country(m.scope)):
                    self.scopes_in_document[(x.meta.document_id, ns.slug(m.family))].add(country)
                if m.given or m.role is None or not (country := scope_country(m.scope)):
                    continue
                family = ns.slug(m.family)
                self.post_scopes[(x.meta.document_id, family)].add(country)
                keys: list[tuple[str, ...]] = [(x.meta.document_id, family, m.role.key)]
                if not m.scope_stated:
                    keys.append((x.meta.document_id, family))
                for scope_of in keys:
                    if country == x.meta.land or scope_of not in self.first_scope:
                        self.first_scope[scope_of] = country  # the Land's official first

    def _tables(self, of_each: list[tuple[Extraction, list[PersonMention]]]) -> None:
        """The corpus-wide tables: each full name's preferred form, the full names of each
        surname, the countries of each full name's stated posts, its first stated post of
        each role."""
        full: dict[tuple[str, str], list[PersonMention]] = defaultdict(list)
        for _, found in of_each:
            for mention in found:
                if mention.given:
                    full[_full_key(mention)].append(mention)
        partner_country = {id(m): country for x, found in of_each
                           for country in (_partner_country(x),) for m in found}
        self.names = {key: _preferred_name(group, partner_country)
                      for key, group in full.items()}
        by_family: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for key in full:
            by_family[key[0]].append(key)
        self.by_family = dict(by_family)
        self.countries = {key: {c for m in group if m.scope_stated
                                and (c := scope_country(m.scope))}
                          for key, group in full.items()}
        stated_posts: dict[tuple[str, str], dict[str, Scope]] = defaultdict(dict)
        for key, group in full.items():
            for m in group:
                if m.scope_stated and m.role is not None and m.scope is not None:
                    stated_posts[key].setdefault(m.role.key, m.scope)
        self.stated_posts = dict(stated_posts)

    def tables(self) -> tuple:
        """The corpus-wide tables, to resolve a few documents among the corpus later."""
        return (self.names, self.by_family, self.countries, self.stated_posts)

    @staticmethod
    def summary(extraction: Extraction) -> tuple:
        """What the corpus-wide tables read of an extraction: its full-named mentions."""
        partner = _partner_country(extraction)
        return (partner, tuple((m.family, m.given, m.family_in_capitals, m.scope,
                                m.scope_stated, m.role)
                               for m in _all_mentions(extraction) if m.given))

    def person(self, mention: PersonMention, result: Resolution) -> URIRef:
        return self.person_and_post(mention, result)[0]

    def person_and_post(self, mention: PersonMention,
                        result: Resolution) -> tuple[URIRef, URIRef | None]:
        """The mention's person and the post it names for them, the mention resolved once
        (a rebuild resolves every mention of the corpus: 68 000 at 1 000 documents)."""
        key = self._resolve(mention)
        if key is not None:
            iri = ns.person(self.names[key])
        else:
            iri = ns.person_in_scope(mention.family, self._scope(mention))
        person = result.persons.get(iri)
        if person is None:  # its names from the mention that names it first
            if key is not None:
                name = self.names[key]
                given, family = _split_preferred(name, mention, key)
                person = Person(iri, name, family, given)
            else:
                person = Person(iri, mention.family, mention.family, None)
            result.persons[iri] = person
        person.honorifics.update(mention.honorifics)
        person.suffixes.update(mention.suffixes)
        post = self._post_of(mention, key, iri, result)
        _note(result, "person", iri, key, mention.family, mention.given, mention.honorifics,
              mention.suffixes, post)
        if post is not None:
            person.posts.add(post)
        return person.iri, post  # one IRI object a person, not one a mention (held to the end)

    def _post_of(self, mention: PersonMention, key: tuple[str, str] | None, holder: URIRef,
                 result: Resolution) -> URIRef | None:
        """The post a mention names for its person (`key`: the mention resolved), with the
        scope that fits the person."""
        if mention.role is None:
            return None
        scope = self._post_scope(mention, key)
        role = self._own_title(mention)
        return self.post(PostMention(role, scope, mention.passage), holder, result)

    def _own_title(self, mention: PersonMention) -> RoleRef:
        """A general title of a Land's head ("Thüringens Regierungschef X") is the Land's own
        title of the post (Ministerpräsident) where the same document gives it to the same
        person: one post, not two."""
        role = mention.role
        assert role is not None
        known = registers.load()
        general = known.roles.get(role.key)
        land = known.laender.get(scope_country(mention.scope) or "")
        if general is None or general.stands_for != "head_role" or land is None \
                or not land.head_role:
            return role
        document = self.documents.get(id(mention), "")
        if land.head_role not in self.titles_in_document.get(
                (document, ns.slug(mention.family)), set()):
            return role
        own = known.roles[land.head_role]
        return RoleRef(own.key, own.label_de, own.label_en, own.domain)

    def post(self, mention: PostMention, holder: URIRef | None,
             result: Resolution) -> URIRef | None:
        scope = scope_key(mention.scope)
        if scope is None:
            if holder is None:
                return None
            scope = "~" + str(holder).rsplit("/", 1)[-1]
        iri = ns.post(scope, mention.role.key)
        _note(result, "post", iri, mention.role, mention.scope, holder)
        post = result.posts.get(iri)
        if post is None:
            post = result.posts[iri] = Post(iri, mention.role, mention.scope)
        if mention.scope is not None:
            _register_scope(mention.scope, result)
        if holder is not None:
            post.holders.add(holder)
        return post.iri

    def _post_scope(self, mention: PersonMention, key: tuple[str, str] | None) -> Scope | None:
        """A post's scope the text did not state gives way where it contradicts the person's
        stated posts ("Minister Habimana", defaulted to the Land, is Rwanda's minister): to the
        scope of the same role stated elsewhere, else to none."""
        country = scope_country(mention.scope)
        if mention.scope is None and key is not None and mention.role is not None:
            # "Präsident X" after "…, X"
            return self.stated_posts.get(key, {}).get(mention.role.key)
        if mention.scope_stated or key is None or not country or not self.countries.get(key):
            return mention.scope
        known = self.countries[key]
        if country in known or _same_country(country, known):
            return mention.scope
        return self.stated_posts.get(key, {}).get(mention.role.key) if mention.role else None

    def _scope(self, mention: PersonMention) -> str:
        """A surname's scope: its post's country or Land; without a post, the one scope the
        same surname has elsewhere in the document ("Frau Lindqvist" beside "Lindqvist MdL"), else
        the document."""
        document = self.documents.get(id(mention), "unscoped")
        if mention.role is not None:  # one surname with one post in a document is one person;
            # with posts whose scope the text leaves open ("Minister X", "Verkehrsminister X")
            # too; the Land's official where one mention makes him so
            family = ns.slug(mention.family)
            first = self.first_scope.get((document, family, mention.role.key)) \
                if mention.scope_stated else self.first_scope.get((document, family))
            if first:
                return first
        scope = scope_country(mention.scope)
        if scope:
            return scope
        known = self.scopes_in_document.get((document, ns.slug(mention.family)), set()) or \
            self.post_scopes.get((document, ns.slug(mention.family)), set())
        return next(iter(known)) if len(known) == 1 else document  # "Frau X" after "Ministerin X"

    def _resolve(self, mention: PersonMention) -> tuple[str, str] | None:
        """A surname alone is the person its own document names in full by that name (by
        either part of a name written family first: "Wang" of "Wang Beispiel"), else the one
        person of the corpus."""
        if mention.given:
            return _full_key(mention)
        family = ns.slug(mention.family)
        country = scope_country(mention.scope) if mention.scope_stated else None
        own = self.named_in_document.get(self.documents.get(id(mention), ""), set())
        for part in (0, 1):  # the first name of a name written family first is the family's
            mine = self._fitting([k for k in own if k[part] == family and k in self.countries
                                  and (part == 0 or _family_first(self.countries[k]))], country)
            if len(mine) == 1:
                return mine[0]
            if mine:
                return None  # two of the document's own persons share it: neither
        fitting = self._fitting(self.by_family.get(family, []), country)
        return fitting[0] if len(fitting) == 1 else None

    def _fitting(self, candidates: list[tuple[str, str]], country: str | None
                 ) -> list[tuple[str, str]]:
        return sorted(key for key in candidates
                      if not country or not self.countries[key] or country in self.countries[key]
                      or _same_country(country, self.countries[key]))


def _family_first(codes: set[str]) -> bool:
    """A person of a country whose names German texts write family name first."""
    countries = registers.load().countries
    return any(country.family_name_first for code in codes
               if (country := countries.get(code[:2])) is not None)


def _same_country(code: str, codes: set[str]) -> bool:
    """A Land's post and a German post agree; a Land and a foreign country do not."""
    return code.startswith("DE") and any(c.startswith("DE") for c in codes)


def _register_scope(scope: Scope, result: Resolution) -> None:
    if scope.ministry is not None:
        _note(result, "ministry?", scope.ministry)
        result.ministries.setdefault(ministry_iri(scope.ministry), scope.ministry)
    if scope.party is not None:
        _add_party(scope.party, result)


def _all_mentions(extraction: Extraction) -> list[PersonMention]:
    mentions = list(extraction.persons)
    for event in extraction.events:
        mentions.extend(event.participants)
    for agreement in extraction.agreements:
        mentions.extend(agreement.signatories)
    return mentions


def _full_key(mention: PersonMention) -> tuple[str, str]:
    """A middle initial does not separate names ("Marina E. Beispiel" is "Marina Beispiel")."""
    return _name_key(mention.family, mention.given or "")


_INITIAL = re.compile(r"(?:^|\s)[^\W\d_]\.(?=\s|$)")


@lru_cache(maxsize=1 << 14)
def _name_key(family: str, given: str) -> tuple[str, str]:
    """Cached: resolution asks for the same names many times over."""
    return (ns.slug(family), ns.slug(_INITIAL.sub(" ", given).strip() or given))


def _preferred_name(mentions: list[PersonMention],
                    partner_country: dict[int, str | None]) -> str:
    """The form used most often; a family name in capitals is written in normal case."""
    forms = Counter(_normal_form(m, partner_country.get(id(m))) for m in mentions)
    return sorted(forms.items(), key=lambda item: (-item[1], item[0]))[0][0]


def _partner_country(extraction: Extraction) -> str | None:
    """The one foreign country a document's partners belong to, if there is one."""
    countries = {p.country for p, _ in extraction.parties
                 if p.kind != "land" and p.country and p.country != "DE"}
    return countries.pop() if len(countries) == 1 else None


def _normal_form(mention: PersonMention, partner_country: str | None = None) -> str:
    """"TANAKA Hiroshi", Governor in Japan, is "Hiroshi Tanaka", as German prose writes it; the
    written order stays where the post's country (else the one country of the document's
    partners) is unknown or one whose names German keeps family name first ("CHEN Minghui" is
    "Chen Minghui")."""
    if mention.family_in_capitals:
        code = scope_country(mention.scope) or partner_country or ""
        country = registers.load().countries.get(code)
        if country is None or country.family_name_first:
            return f"{mention.family.title()} {mention.given}"
        return f"{mention.given} {mention.family.title()}"
    return f"{mention.given} {mention.family}"


def _split_preferred(name: str, mention: PersonMention, key: tuple[str, str]) -> tuple[str, str]:
    """Given and family name of the preferred form."""
    words = name.split()
    if ns.slug(words[0]) == key[0] and len(words) > 1:
        return " ".join(words[1:]), words[0]
    for size in range(1, len(words)):
        if ns.slug(" ".join(words[size:])) == key[0]:
            return " ".join(words[:size]), " ".join(words[size:])
    return mention.given or "", mention.family
