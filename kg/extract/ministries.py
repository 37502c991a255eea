"""Ministries of the document's Land named in a text: by abbreviation, by name, or by the
portfolio of a minister or state secretary. A ministry no register knows is still returned."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from kg.extract.people import ministry_ref
from kg.records import MinistryRef
from kg.registers import Registers

_GENERIC = re.compile(
    r"(?<![\w-])(?:(?:[A-ZÄÖÜ][a-zäöü]+(?:es|e|er|isches)\s+)?(?:Staats)?[Mm]inisterium|"
    r"Staatskanzlei|Staatsministerium|Senatskanzlei)"
    r"(?:\s+(?:für|des|der|für\s+\w+\s+und|des\s+\w+\s+und)\s+"
    r"[A-ZÄÖÜ][\w-]*(?:(?:,\s+|\s+und\s+|\s+sowie\s+|\s+für\s+|\s+)[A-ZÄÖÜ][\w-]*|"
    r"-\s+und\s+[A-ZÄÖÜ][\w-]*)*)?")


def find_ministries(text: str, registers: Registers, land: str,
                    day: dt.date | None) -> list[tuple[MinistryRef, int, int]]:
    """All ministry mentions, earliest first, longest where they overlap."""
    found = _by_name(text, registers, land, day) + _by_abbreviation(text, registers, land, day)
    found += _by_portfolio(text, registers, land, day) + _generic(text, registers, land, day)
    chosen: list[tuple[MinistryRef, int, int]] = []
    for item in sorted(found, key=lambda f: (f[1], -(f[2] - f[1]))):
        if not any(c[1] < item[2] and item[1] < c[2] for c in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda f: f[1])


def ministry_for_abbreviation(abbreviation: str, registers: Registers, land: str,
                              day: dt.date | None) -> MinistryRef:
    """A table's first column: the register's ministry, or an unknown one by abbreviation."""
    known = registers.ministry_by_abbreviation(land, abbreviation, day)
    if known is not None:
        return ministry_ref(known)
    return MinistryRef(land=land, key=abbreviation, label_de=abbreviation,
                       abbreviation=abbreviation, registered=False)


@cache
def _names(registers: Registers, land: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for ministry in registers.ministries:
        if ministry.land != land:
            continue
        for name in (ministry.name_de, *ministry.aliases):
            names.setdefault(name, ministry.abbreviation)
        for portfolio in ministry.portfolios:
            names.setdefault(f"Ministerium für {portfolio}", ministry.abbreviation)
            names.setdefault(f"Ministeriums für {portfolio}", ministry.abbreviation)
            if portfolio.startswith(("des ", "der ")):
                names.setdefault(f"Ministerium {portfolio}", ministry.abbreviation)
    return names


def _by_name(text, registers, land, day):
    found = []
    for name, abbreviation in sorted(_names(registers, land).items(), key=lambda i: -len(i[0])):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            ministry = registers.ministry_by_name(land, name, day) or \
                registers.ministry_by_abbreviation(land, abbreviation, day)
            if ministry is not None:
                found.append((ministry_ref(ministry), match.start(), match.end()))
    return found


def _by_abbreviation(text, registers, land, day):
    found = []
    abbreviations = {m.abbreviation for m in registers.ministries if m.land == land}
    for abbreviation in abbreviations:
        for match in re.finditer(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w])", text):
            if text[match.end():match.end() + 1] == "-" and not _is_compound_use(text, match):
                continue
            ministry = registers.ministry_by_abbreviation(land, abbreviation, day)
            if ministry is not None:
                found.append((ministry_ref(ministry), match.start(), match.end()))
    return found


def _is_compound_use(text: str, match: re.Match[str]) -> bool:
    """"MBEI-Gespräch" names the ministry; "IM-Bereich" too; a hyphenated word is kept."""
    return bool(re.match(r"-[A-ZÄÖÜ]", text[match.end():]))


def _by_portfolio(text, registers, land, day):
    """"Staatssekretär für Bundes- und Europaangelegenheiten, Internationales sowie Medien"."""
    found = []
    for ministry in registers.ministries:
        if ministry.land != land:
            continue
        for portfolio in ministry.portfolios:
            for match in re.finditer(rf"(?<=für )(?:die |den )?{re.escape(portfolio)}(?![\w-])",
                                     text):
                chosen = registers.ministry_by_portfolio(land, portfolio, day)
                if chosen is not None:
                    found.append((ministry_ref(chosen), match.start() - 4, match.end()))
    return found


def _generic(text, registers, land, day):
    """A ministry's name no register lists: kept by name, unlinked."""
    found = []
    for match in _GENERIC.finditer(text):
        name = match.group().rstrip(", ")
        if " " not in name and name[0].isupper() and name not in {"Staatskanzlei",
                                                                  "Staatsministerium"}:
            continue  # a bare "Ministerium" says nothing about which one
        known = registers.ministry_by_name(land, name, day)
        if known is not None:
            found.append((ministry_ref(known), match.start(), match.start() + len(name)))
        elif _names_land_ministry(text, match):
            found.append((MinistryRef(land=land, key=name, label_de=name, registered=False),
                          match.start(), match.start() + len(name)))
    return found


def _names_land_ministry(text: str, match: re.Match[str]) -> bool:
    """Not a foreign ministry ("des britischen Bildungsministeriums", "Ministry of …")."""
    before = text[max(0, match.start() - 25):match.start()]
    return not re.search(r"(?:isch|sch)(?:e|en|er|es)\s+$", before)
