"""Records pickle by value; the shared references unpickle as one object per value
(kg/pickling.py), the mentions as objects of their own."""

import pickle

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
