"""Partnerships that agreements establish or renew: the records of `kg.extract.agreements`
turned into partnership records, in their own step because it runs once a document's
agreements and stated partnerships are both known."""

from __future__ import annotations

import datetime as dt
import re

from kg.dates import DateValue
from kg.extract.cues import EXTENSION_ACTION
from kg.extract.partnership_words import MULTILATERAL_INSTRUMENT, kind_of
from kg.records import AgreementRecord, PartnershipRecord

# "A und B beschließen engere Partnerschaft", "verstärken das Band der Partnerschaft": the
# document's partnership existed before; its instrument renews it.
_CLOSER = re.compile(r"\b(?:enger|vertieft|verstärkt|intensiver)\w*\s+(?:\w+\s+)?"
                     r"\w*[Pp]artnerschaft|\bverstärken\b[^.;]*\b[Pp]artnerschaft")
# "eine Absichtserklärung für eine Landespartnerschaft": an instrument that enters one.
_FOR_A_PARTNERSHIP = re.compile(r"\b(?:für|über)\s+eine\s+(?!(?:zu)?künftige|mögliche)"
                                r"(?:[a-zäöüß]\w*\s+)?\w*[Pp]artnerschaft\b")
_FIRST_INSTRUMENT = re.compile(r"\b(?:die|der|das|einer?)\s+erste[nr]?\b|\berstmal\w*|"
                               r"\bGrundlage\b|\bBasis\b|\bGrundstein\b|\bBeginn\b|\bbegründet|\bbesiegelt")


def from_agreements(agreements: list[AgreementRecord],
                    stated: list[PartnershipRecord] | None = None,
                    dated: dt.date | None = None) -> list[PartnershipRecord]:
    """An agreement that names a partnership is tied to it: a Partnerschaftserklärung
    establishes it on its signing date; another instrument ("Gemeinsame Erklärung über eine
    verstärkte Partnerschaft"), or an extension, renews it and dates nothing. An instrument
    the text calls the first or the basis of a partnership the document states, or one signed
    in the year the document gives as that partnership's start ("20 Jahre Partnerschaft" and
    a declaration of twenty years ago), establishes that partnership."""
    found = []
    stated_with = {p.partner.key: p.kind for p in stated or []}
    started = {(p.partner.key, p.since.start.year) for p in stated or []
               if p.since is not None and p.since.start.month is None}
    deepened = {p.partner.key for p in stated or [] if _CLOSER.search(p.passage.quote)}
    begun_by = {p.partner.key: end for p in stated or []
                if (end := _decade_end(p.passage.quote)) is not None}
    for agreement in agreements:
        renews = EXTENSION_ACTION.search(agreement.passage.quote) or \
            any(p.key in deepened for p in agreement.partners)
        in_year = agreement.date is not None and \
            any((p.key, agreement.date.start.year) in started for p in agreement.partners)
        first = (_FIRST_INSTRUMENT.search(agreement.passage.quote) or in_year) and not renews
        kind = kind_of(agreement.passage.quote) or kind_of(agreement.title) or \
            kind_of(agreement.kind.replace("-", "")) or \
            (next((stated_with[p.key] for p in agreement.partners
                   if p.key in stated_with), None) if first else None)
        if kind is None or MULTILATERAL_INSTRUMENT.search(agreement.passage.quote):
            continue  # a network's instrument: no bilateral partnership
        founds = ("partnerschaft" in agreement.kind or bool(first)
                  or bool(_FOR_A_PARTNERSHIP.search(agreement.passage.quote))) and not renews
        for partner in agreement.partners:
            later = agreement.date is not None and \
                (agreement.date.start.year or 0) > begun_by.get(partner.key, 9999)
            found.append(PartnershipRecord(  # not founded after the decade it exists since
                land=agreement.land, partner=partner, kind=kind, passage=agreement.passage,
                since=agreement.date if founds and not later else None,
                agreement=agreement.local_key))
    recent = dated.year - 1 if dated is not None else None
    return found + _founding_declarations(
        [a for a in agreements if recent is None or a.date is None or (a.date.start.year or 0)
         < recent], stated or [], found)  # a signing the text reports as news founds nothing


# "Gemeinsame Erklärung über die Zusammenarbeit", "Kooperationsabkommen": an instrument of
# cooperation; not one that deepens, extends or renews what exists.
# "Erklärung über die Zusammenarbeit im Bereich der Bildung": cooperation in one field, a
# later instrument of a partnership rather than its beginning.
_SECTORAL = re.compile(r"(?:Zusammenarbeit|Kooperation)\s+(?:im\s+Bereich|in\s+den\s+Bereichen|"
                       r"auf\s+dem\s+Gebiet|bei\s+der|beim|in\s+der|im)\b")
_COOPERATION_INSTRUMENT = re.compile(r"Zusammenarbeit|Kooperation|[Pp]artnerschaft")
# "Seit der Unterzeichnung einer Absichtserklärung 2031 arbeiten das Land und A eng zusammen":
# the instrument the cooperation dates from.
_COOPERATING_SINCE = re.compile(r"\b[Ss]eit\s+(?:der|dem)\s+(?:Unterzeichnung|Abschluss|"
                                r"Unterschrift)\b[^.;]*\b(?:zusammen|Zusammenarbeit|Kooperation|"
                                r"kooperier\w*)\b")
_DEEPENS = re.compile(r"Vertiefung|vertieft|vertiefen|Erweiterung|erweitert|Ausbau|Fortschreibung|"
                      r"fortgeschrieben|Intensivierung|verstärkt|weitere[nr]?\b|neue[nr]?\b|"
                      r"Fortsetzung|fortgesetzt|fortsetzen|Fortführung|fortgeführt|fortführen|"
                      r"Bekräftigung|bekräftigt|Neuauflage|Wiederbelebung|wiederbeleb")


# "Sie erneuert die bisherige Erklärung zur Zusammenarbeit von 2021": the sentence's object is
# the earlier instrument, which a new one renews; that one began the cooperation.
_RENEWS_AN_EARLIER = re.compile(r"\b(?:erneuer|verlänger|ersetz|aktualisier)\w*\s+"
                                r"(?:die|den|das)\s+"
                                r"(?:bisherige|ursprüngliche|frühere|erste|alte)[nrs]?\s")


# A start stated as a decade ("seit den 1980er Jahren", "seit Mitte der 90er-Jahre", "seit
# Anfang der achtziger Jahre"): approximate, it dates nothing, but the partnership had begun
# by the decade's end, so no later instrument is its founding.
_DECADE_START = re.compile(r"\b[Ss]eit\s+(?:(?:Anfang|Mitte|Ende)\s+)?(?:den|der)\s+"
                           r"(?:(?P<century>19|20)?(?P<decade>\d)0er|(?P<word>zwanziger|dreißiger|"
                           r"vierziger|fünfziger|sechziger|siebziger|achtziger|neunziger))"
                           r"(?:-?\s*Jahre[n]?)?")
_DECADE_WORDS = {"zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5,
                 "sechziger": 6, "siebziger": 7, "achtziger": 8, "neunziger": 9}


def _decade_end(quote: str) -> int | None:
    """The last year of the decade a partnership is said to exist since ("seit den 1980er
    Jahren": 1989; "seit Mitte der 90er-Jahre": 1999); a decade without its century is of
    the 1900s."""
    match = _DECADE_START.search(quote)
    if match is None:
        return None
    decade = _DECADE_WORDS[match["word"]] if match["word"] else int(match["decade"])
    century = int(match["century"]) * 100 if match["century"] else 1900
    return century + decade * 10 + 9


def _day(value: DateValue) -> tuple[int, int, int]:
    return (value.start.year or 0, value.start.month or 0, value.start.day or 0)


def _founding_declarations(agreements: list[AgreementRecord], stated: list[PartnershipRecord],
                           dated: list[PartnershipRecord]) -> list[PartnershipRecord]:
    """A partnership the document states without saying since when starts with the earliest
    instrument of cooperation it names with that partner ("Im April 2031 unterzeichneten das
    Land und die Woiwodschaft A eine Gemeinsame Erklärung über die Zusammenarbeit")."""
    kinds = {p.partner.key: p.kind for p in stated}
    begun_by = {p.partner.key: end for p in stated
                if (end := _decade_end(p.passage.quote)) is not None}
    started = {p.partner.key for p in (*stated, *dated) if p.since is not None} | \
        {p.partner.key for p in stated if _CLOSER.search(p.passage.quote)}  # renewed, not begun
    earliest: dict[str, AgreementRecord] = {}
    for agreement in agreements:
        named = f"{agreement.title} {agreement.kind}"
        cooperation = _COOPERATION_INSTRUMENT.search(named) or \
            agreement.kind == "gemeinsame-erklaerung" or \
            _COOPERATING_SINCE.search(agreement.passage.quote)
        renewed = _RENEWS_AN_EARLIER.search(agreement.passage.quote)  # the cited old one
        if agreement.date is None or len(agreement.partners) != 1 or not cooperation \
                or (not renewed and (_DEEPENS.search(f"{named} {agreement.passage.quote}") or
                                     EXTENSION_ACTION.search(agreement.passage.quote))) \
                or _SECTORAL.search(named):
            continue  # a network of several partners founds no partnership with each
        for partner in agreement.partners:
            if (agreement.date.start.year or 0) > begun_by.get(partner.key, 9999):
                continue  # "seit den 1980er Jahren eine Partnerschaft … 2014 … Vereinbarung"
            known = earliest.get(partner.key)
            if partner.key in kinds and partner.key not in started and (
                    known is None or known.date is None
                    or _day(agreement.date) < _day(known.date)):
                earliest[partner.key] = agreement
    return [PartnershipRecord(land=a.land, partner=next(p for p in a.partners if p.key == key),
                              kind=kinds[key], passage=a.passage, since=a.date,
                              agreement=a.local_key)
            for key, a in earliest.items()]
