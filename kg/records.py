"""What the extractors find, as plain records: the hand-over between extraction and mapping.

Every record carries the passage it was read from. Records name things as the text does;
references to territories, ministries, roles and places are already looked up in the registers
(their `registered` flag says whether a register knew them).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.dates import DateValue
from kg.pickling import by_value, canonical


@by_value
@dataclass(frozen=True, slots=True)
class Passage:
    file: str
    start_line: int
    end_line: int
    quote: str
    page: int | None = None


@canonical
@dataclass(frozen=True, slots=True)
class PartyRef:
    """A Land, country, region or organisation as a party or partner."""

    kind: str  # "land" | "country" | "region" | "organisation"
    key: str  # ISO code, register key, or a name-based key for unknown ones
    label_de: str
    label_en: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 of the country it belongs to
    region_kind: str | None = None
    iso_code: str | None = None
    registered: bool = True


@canonical
@dataclass(frozen=True, slots=True)
class MinistryRef:
    land: str
    key: str  # abbreviation for register ministries, else the name
    label_de: str
    label_en: str | None = None
    abbreviation: str | None = None
    valid_from: str | None = None
    valid_until: str | None = None
    registered: bool = True


@canonical
@dataclass(frozen=True, slots=True)
class PlaceRef:
    label: str  # as the text names it ("Kattowitz")
    country: str
    geonames_id: str | None = None
    canonical: str | None = None  # GeoNames' name ("Gdansk"), which keys the place's IRI


@canonical
@dataclass(frozen=True, slots=True)
class RoleRef:
    key: str
    label_de: str
    label_en: str | None = None
    domain: str = "any"  # whose post it is when the text does not say (see mappings/roles.csv)
    compound: bool = False  # built on a base role ("Europaminister" on "Minister")


@canonical
@dataclass(frozen=True, slots=True)
class Scope:
    """The body or territory a post belongs to: a ministry, or a party (country, region, Land)."""

    party: PartyRef | None = None
    ministry: MinistryRef | None = None


@by_value
@dataclass(frozen=True, slots=True)
class PersonMention:
    family: str
    given: str | None
    passage: Passage
    honorifics: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    role: RoleRef | None = None
    scope: Scope | None = None
    family_in_capitals: bool = False  # "YAMAMORI Kenta": the capitals mark the family name
    scope_stated: bool = True  # the text names the post's body or country (not a default)

    @property
    def written_name(self) -> str:
        if self.given is None:
            return self.family
        if self.family_in_capitals:
            return f"{self.family} {self.given}"
        return f"{self.given} {self.family}"


@by_value
@dataclass(frozen=True, slots=True)
class PostMention:
    """A post named by its title only ("der Ministerpräsident"): no person is invented."""

    role: RoleRef
    scope: Scope | None
    passage: Passage


@dataclass(slots=True)
class AgreementRecord:
    local_key: str
    title: str
    kind: str
    land: str
    partners: tuple[PartyRef, ...]
    passage: Passage
    date: DateValue | None = None
    ministry: MinistryRef | None = None
    topics: tuple[str, ...] = ()
    signatories: tuple[PersonMention, ...] = ()
    place: PlaceRef | None = None
    more_passages: tuple[Passage, ...] = ()
    topic_text: str = ""  # the text the document gives for the agreement (for its topics)


@dataclass(slots=True)
class PartnershipRecord:
    """A statement that the Land has a standing partnership with a partner: "unterhält
    Regionalpartnerschaften mit …", "Partnerregion seit 2031", an agreement establishing it."""

    land: str
    partner: PartyRef
    kind: str  # as the text names it, in the nominative singular ("Regionalpartnerschaft")
    passage: Passage
    since: DateValue | None = None
    ended: bool = False
    agreement: str | None = None  # local key of the agreement that establishes or renews it


@dataclass(slots=True)
class EventRecord:
    event_type: str
    description: str
    passage: Passage
    date: DateValue | None = None
    date_text: str | None = None
    planned: bool = False
    ministries: tuple[MinistryRef, ...] = ()
    participants: tuple[PersonMention, ...] = ()
    posts: tuple[PostMention, ...] = ()
    partners: tuple[PartyRef, ...] = ()
    places: tuple[PlaceRef, ...] = ()
    agreements: tuple[str, ...] = ()
    more_passages: tuple[Passage, ...] = ()  # where the document states the same event again
    trigger: str = ""  # the words that made it an event ("Jugendgipfel")


@by_value
@dataclass(frozen=True, slots=True)
class DocumentMeta:
    document_id: str
    identifier: str
    title: str
    land: str
    genre: str
    date: DateValue | None = None
    issuer: str | None = None


@by_value
@dataclass(frozen=True, slots=True)
class RenderingMeta:
    file: str
    sha256: str
    media_type: str
    rendering: str
    line_count: int
    source: str = ""  # the path it was read from (names repeat across folders); not mapped


@dataclass(slots=True)
class Extraction:
    """Everything one rendering of one document states."""

    meta: DocumentMeta
    rendering: RenderingMeta
    agreements: list[AgreementRecord] = field(default_factory=list)
    events: list[EventRecord] = field(default_factory=list)
    partnerships: list[PartnershipRecord] = field(default_factory=list)
    persons: list[PersonMention] = field(default_factory=list)
    posts: list[PostMention] = field(default_factory=list)
    ministries: list[tuple[MinistryRef, Passage]] = field(default_factory=list)
    parties: list[tuple[PartyRef, Passage]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
