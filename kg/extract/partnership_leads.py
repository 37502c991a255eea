"""What the document said before the sentence at hand, kept across its blocks: a list's
lead, former and successor regions, denied partners, cooperations' starts. Its own module
so the modules that read and fill it need not import one another."""

from __future__ import annotations

from typing import Any

from kg.dates import DateValue
from kg.records import PartyRef, Passage


class Leads:
    """A lead that introduces a list of partners ("Das Land unterhält folgende
    Regionalpartnerschaften:") gives its kind to the list items after it."""

    def __init__(self) -> None:
        self.kind: str | None = None
        self.former: dict[str, PartyRef] = {}  # regions the text calls former ("damalige")
        self.successor: dict[str, PartyRef] = {}  # former region key -> the region after it
        self.other_names: dict[str, PartyRef] = {}  # "A (früher B)": B's key -> the region A
        self.denied: set[str] = set()  # partners the text says the Land has no partnership with
        self.planned: set[str] = set()  # partners of a partnership the text says is to come
        self.stated: dict[str, PartyRef] = {}  # partners of the partnerships stated so far
        self.stated_kind: str | None = None  # the kind of the partnership stated last
        # "das 25-jährige Jubiläum der Kooperation …": starts of a cooperation, by partner key
        self.cooperation: dict[str, tuple[DateValue, Passage]] = {}
        self.jubilee_year: int | None = None  # "Jubiläumsjahr 2031": the year a text celebrates
        self.merging: PartyRef | None = None  # a partner region the text says merged
        self.named: dict[str, PartyRef] = {}  # regions the paragraphs before named
        self.earlier: dict[str, PartyRef] = {}  # … before the current paragraph
        self.section: str | None = None  # the kind a heading "Regionalpartnerschaften" leads with
        self.heading: set[str] = set()  # the parties the heading of the current section names
        self.table: Any = None  # the columns of the table being read (partnership_tables)
        self.announced: Any = None  # partnerships counted, regions to come (partnership_presented)
        # "unsere Regionalpartnerschaft" where the paragraph names no partner: kind, passage
        self.unresolved: list[tuple[str, Passage]] = []
