"""Whose partnership a sentence states: the Land's, or another holder's (a city, a
parliament, a fair). Kept apart from finding the partner, which is the other side."""

from __future__ import annotations

import re

from kg.extract.analysis import Setting, SpanFacts
from kg.extract.cues import (
    HEARSAY,
    HELD_BY,
    OCCASION_PARTNER_AFTER,
    OCCASION_PARTNER_BEFORE,
    OTHER_HOLDER,
    OTHERS_BETWEEN,
    OTHERS_NAMED_AFTER,
    OWN_GOVERNMENT,
    PARLIAMENTS_PARTNERSHIP,
    PARTNERSHIP,
)
from kg.extract.partnership_words import kind_of
from kg.extract.text import Span


def land_holds(sentence: Span, within: SpanFacts, setting: Setting) -> bool:
    """The Land (or its government) holds the partnership, not a city, district, university
    or parliament named as the holder; a document's own statement about "seine
    Partnerregionen" is the Land's."""
    text = sentence.text
    other = OTHER_HOLDER.search(text)
    if PARLIAMENTS_PARTNERSHIP.search(text) or OTHERS_BETWEEN.search(text) or \
            HEARSAY.search(text) or (other and not OWN_GOVERNMENT.search(
                text[:other.start()] + text[other.end():])):  # "Die Universität des Landes pflegt"
        return False
    if not within.parties and OTHERS_BETWEEN.search(sentence.block.text[:sentence.start]):
        return False  # "die Partnerschaft" after "das zwischen den Häfen … Abkommen": theirs
    names_land = any(f.ref.kind == "land" and f.ref.key == setting.land for f in within.parties)
    if names_land or OWN_GOVERNMENT.search(text):
        return True
    others = [f for f in within.parties if f.ref.kind == "land" and f.ref.key != setting.land]
    return not others and not OTHER_HOLDER.search(text)


def held_by_others(sentence: Span, within: SpanFacts, city: bool) -> bool:
    """The sentence's first partnership word of the Land's kind names another holder right
    after it: "Partnerschaften zwischen Bezirken, Landkreisen und Gemeinden", "eine
    Partnerschaft zum Sejmik der Woiwodschaft B", "A ist die Partnerregion von B" (a foreign
    region), "die Messe mit Partnerland A" (a fair's). A city that is a Land holds its city
    partnerships itself."""
    text = sentence.text
    cue = next((m for m in PARTNERSHIP.finditer(text) if kind_of(m.group(), city)), None)
    if cue is None:
        return False
    if OCCASION_PARTNER_BEFORE.search(text[max(0, cue.start() - 60):cue.start()]) or \
            OCCASION_PARTNER_AFTER.match(text, cue.start()):
        return True
    if _network_of_laender(sentence, within, cue.end()) or _WITH_INSTITUTION.match(text, cue.end()):
        return True
    other = OTHERS_NAMED_AFTER.match(text, cue.start())
    if other is not None and not (city and other["body"].startswith("St")):
        return True
    by = HELD_BY.match(text, cue.end())
    if by is None:
        return False
    offset = sentence.start + by.end()
    holder = next((f for f in within.parties if f.end > offset), None)  # "Partnerregion von B"
    return holder is not None and holder.start <= offset and holder.ref.kind != "land"


# ", in der die Länder A, B und C mit … zusammenarbeiten": members named after the word.
_MEMBERS_AFTER = re.compile(r"\s*,\s*(?:in|an|bei)\s+(?:der|dem|denen|welche[rm])\b")


def _network_of_laender(sentence: Span, within: SpanFacts, end: int) -> bool:
    """"die Beispielpartnerschaft, in der A, B, C und D mit den Woiwodschaften … zusammenarbeiten":
    a partnership whose relative clause names several Länder as its members is their network,
    no partnership of the Land's own."""
    if not _MEMBERS_AFTER.match(sentence.text, end):
        return False
    after = sentence.start + end
    return len({f.ref.key for f in within.parties if f.ref.kind == "land" and f.start > after}) >= 2


# "die Partnerschaft der Germanisten mit der Universität A": a partnership with an institution
# is the institution's partner's, not the Land's.
_WITH_INSTITUTION = re.compile(r"[^.;:,]{0,60}?\bmit\s+(?:der|dem|einer|einem)\s+(?:[\w-]+\s+)?"
                               r"(?:Universität|Hochschule|Schule|Akademie|Institut|Stiftung|"
                               r"Verein|Kammer|Museum|Theater|Klinik|Gymnasium)\b")
