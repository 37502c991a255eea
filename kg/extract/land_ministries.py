"""A Land's ministries as weak signs of its documents: a page whose only sign is "Ministerium
für Wirtschaft, Arbeit und Beispielwesen" is that Land's when no other Land has a ministry of
that name, or by its abbreviation ("MWAB"). Names and abbreviations come from
mappings/ministries.csv (without the Land's name or adjective) and from the `ministry` rows of
mappings/land-signs.csv; a name or abbreviation two Länder share is no sign."""

from __future__ import annotations

import re
from collections import defaultdict

from kg.registers import Land, Registers

# The remit of a ministry with one portfolio ("Ministerium der Finanzen") is every Land's; one
# that joins several ("für Wirtschaft, Arbeit und …") tells the Land.
_SEVERAL_PORTFOLIOS = re.compile(r",| und | sowie ")
# "Ministerium für …" is also written as its minister's title ("Ministerin für …").
_OFFICE = re.compile(r"^(?P<stem>\w*[Mm]inister)ium(?= )")
_ARTICLE = re.compile(r"^(?:Der|Die|Das) ")
# An abbreviation this long is a ministry's own ("MWAB"); a shorter one ("FM", "StK") is every
# Land's.
_ABBREVIATION_LENGTH = 4


def ministry_signs(registers: Registers) -> dict[str, set[str]]:
    """Each Land's ministry signs, a sign of two Länder left out."""
    owners: dict[str, set[str]] = defaultdict(set)
    for ministry in registers.ministries:
        land = registers.laender.get(ministry.land)
        name = _without_land(ministry.name_de, land, registers) if land else ""
        if name and _SEVERAL_PORTFOLIOS.search(name.split(" ", 1)[-1]):
            for form in _forms(name):
                owners[form].add(ministry.land)
        if len(ministry.abbreviation) >= _ABBREVIATION_LENGTH:
            owners[ministry.abbreviation].add(ministry.land)
    for sign in registers.land_signs:
        if sign.kind == "ministry" and sign.land:
            for form in _forms(sign.sign):
                owners[form].add(sign.land)
    signs: dict[str, set[str]] = defaultdict(set)
    for form, lands in owners.items():
        if len(lands) == 1:
            signs[next(iter(lands))].add(form)
    return dict(signs)


def _without_land(name: str, land: Land, registers: Registers) -> str:
    """ "Ministerium für A und B des Landes X" -> "Ministerium für A und B"; "Bayerisches
    Staatsministerium für A" -> "Staatsministerium für A"."""
    own = sorted((s.sign for s in registers.land_signs if s.kind == "own"), key=len, reverse=True)
    for land_name in sorted((land.label_de, *land.names), key=len, reverse=True):
        if name.endswith(" " + land_name):
            name = name[:-len(land_name) - 1]
            for word in own:
                if name.endswith(" " + word):
                    name = name[:-len(word) - 1]
                    break
            break
    first, _, rest = _ARTICLE.sub("", name).partition(" ")
    if rest and any(first.lower().startswith(a[:-1] if a.endswith("e") else a)
                    for a in land.adjectives):
        return rest
    return _ARTICLE.sub("", name)


def _forms(name: str) -> set[str]:
    match = _OFFICE.match(name)
    if not match:
        return {name}
    rest = name[match.end():]
    return {name, match["stem"] + rest, match["stem"] + "in" + rest}
