"""Records pickle by value; the shared references unpickle as one object per value
(kg/pickling.py), the mentions as objects of their own."""

import datetime
import pickle
from decimal import Decimal

import rdflib
from rdflib import Literal, URIRef

from kg.dates import DateValue, PartialDate
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


def _two_documents_naming_the_same() -> list[bytes]:
    """Two pickles made apart (as two workers or two cache entries make them), naming the
    same invented party, ministry, role, place and date."""
    pickles = []
    for number in (1, 2):
        party = PartyRef("region", "XX-ZZ", "Nordmarkland", "North Markland", "XX")
        ministry = MinistryRef("BW", "XM", "Ministerium für Beispiele", abbreviation="XM")
        role = RoleRef("minister", "Minister", "Minister")
        date = DateValue(PartialDate(2031, 4, 2), text="2. April 2031")
        passage = Passage(f"doc-{number}.txt", 3, 4, "Minister Erika Beispiel reiste.")
        mention = PersonMention("Beispiel", "Erika", passage, role=role,
                                scope=Scope(ministry=ministry))
        event = EventRecord("visit", "Reise", passage, date=date, ministries=(ministry,),
                            participants=(mention,), partners=(party,),
                            places=(PlaceRef("Musterstadt", "XX"),))
        pickles.append(pickle.dumps(event, protocol=pickle.HIGHEST_PROTOCOL))
    return pickles


def test_shared_references_unpickle_as_one_object() -> None:
    first, second = (pickle.loads(p) for p in _two_documents_naming_the_same())
    assert first.partners[0] is second.partners[0]
    assert first.ministries[0] is second.ministries[0]
    assert first.places[0] is second.places[0]
    assert first.date is second.date
    assert first.date.start is second.date.start
    assert first.participants[0].role is second.participants[0].role
    assert first.participants[0].scope is second.participants[0].scope


def test_mentions_and_passages_stay_objects_of_their_own() -> None:
    first, second = (pickle.loads(p) for p in _two_documents_naming_the_same())
    twin = pickle.loads(pickle.dumps(first))
    assert twin.participants[0] == first.participants[0]
    assert twin.participants[0] is not first.participants[0]  # resolution tells them by id
    assert twin.passage is not first.passage
    assert first.passage != second.passage


def test_records_unpickle_equal() -> None:
    (event,) = (pickle.loads(p) for p in _two_documents_naming_the_same()[:1])
    party, passage = event.partners[0], event.passage
    date = DateValue(PartialDate(2030), PartialDate(2032, 5), text="2030 bis Mai 2032")
    extraction = Extraction(
        DocumentMeta("xx-1", "1/23", "Antwort", "BW", "answer", date, "Landtag"),
        RenderingMeta("doc-1.txt", "ab" * 32, "text/plain", "text", 9, "folder/doc-1.txt"),
        agreements=[AgreementRecord("a1", "Vereinbarung", "agreement", "BW", (party,), passage,
                                    date, topics=("Kultur",))],
        events=[event],
        partnerships=[PartnershipRecord("BW", party, "Regionalpartnerschaft", passage)],
        persons=list(event.participants),
        posts=[PostMention(RoleRef("governor", "Gouverneur"), Scope(party=party), passage)],
        ministries=[(event.ministries[0], passage)], parties=[(party, passage)],
        warnings=["eine Warnung"])
    again = pickle.loads(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == extraction
    assert again.meta.date is not None and again.meta.date.end == PartialDate(2032, 5)


def test_canonical_values_are_equal_not_only_identical() -> None:
    """A value made in this process and one unpickled compare equal and hash alike."""
    made = PartyRef("country", "XX", "Beispielland")
    back = pickle.loads(pickle.dumps(made))
    assert back == made and hash(back) == hash(made)
    assert PartyRef("country", "XX", "Beispielland", registered=False) != back


def test_rdflib_terms_unpickle_as_they_were_without_being_made_again(monkeypatch) -> None:
    """IRIs and literals (kg/pickling.py) come back with the same lexical form, language,
    datatype and value, without rdflib's constructors checking and parsing them again; a
    literal whose value is of no plain type (a duration) comes back as rdflib makes it."""
    terms = [URIRef("https://example.org/x"), Literal("Nordmarkland"),
             Literal("Nordmarkland", lang="de"), Literal("2031-04-02", datatype=rdflib.XSD.date),
             Literal("2031", datatype=rdflib.XSD.gYear), Literal("zwei", datatype=rdflib.XSD.date),
             Literal(7), Literal(Decimal("1.50")), Literal(1.5), Literal(True),
             Literal(datetime.datetime(2031, 4, 2, 10, tzinfo=datetime.UTC))]
    pickles = [pickle.dumps(t, protocol=pickle.HIGHEST_PROTOCOL) for t in terms]
    duration = pickle.dumps(Literal("P1D", datatype=rdflib.XSD.duration))

    def made_again(*_: object, **__: object) -> None:
        raise AssertionError("made again by its constructor")

    monkeypatch.setattr(Literal, "__new__", made_again)
    monkeypatch.setattr(URIRef, "__new__", made_again)
    back = [pickle.loads(p) for p in pickles]
    monkeypatch.undo()
    for term, again in zip(terms, back, strict=True):
        assert type(again) is type(term) and again == term and str(again) == str(term)
        assert hash(again) == hash(term)
        if isinstance(term, Literal):
            assert (again.language, again.datatype, again.value, again.ill_typed) == \
                (term.language, term.datatype, term.value, term.ill_typed)
    assert pickle.loads(duration).value == datetime.timedelta(days=1)
