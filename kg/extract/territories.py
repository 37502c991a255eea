"""Countries, regions, Länder and organisations named in a text, looked up in the registers.

A region is found by a kind word and a name ("Provinz Nordufer", "den chinesischen Provinzen
A, B und C"), or by a name a register knows; a country by name or, next to an actor ("die
japanische Delegation"), by adjective; an organisation by a register name or by a kind word in
a run of capitalised words ("Chilean Coast Guard Academy"). Unknown regions and
organisations are still returned, with registered=False.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from kg import namespaces as ns
from kg.extract import trie
from kg.extract.cues import ACTOR_NOUNS, NOT_NAME_WORDS, PLURAL_NOUN_SUFFIX
from kg.records import PartyRef
from kg.registers import Country, Land, Organisation, Region, RegionKind, Registers

_NAME = r"[A-ZÄÖÜÀ-ÞĀ-ŽŁŚŻŹĆŃ][\w'’.]*(?:-[\wÀ-ž'’]+)*"
_CONNECTOR = re.compile(r"^(?:,\s*|\s+und\s+|\s+sowie\s+)")

Registered = Land | Region | Organisation | Country  # what a register name may stand for


@dataclass(frozen=True)
class Found:
    ref: PartyRef
    start: int
    end: int
    how: str  # "kind" | "name" | "adjective" | "organisation"


def land_ref(land: Land) -> PartyRef:
    return PartyRef("land", land.code, land.label_de, land.label_en, country="DE",
                    iso_code=land.code)


def country_ref(country: Country) -> PartyRef:
    return PartyRef("country", country.code, country.label_de, country.label_en,
                    country=country.code, iso_code=country.code)


def region_ref(region: Region) -> PartyRef:
    return PartyRef("region", region.key, region.label_de, region.label_en,
                    country=region.country, region_kind=region.kind, iso_code=region.iso_code,
                    registered=region.registered)


def organisation_ref(organisation: Organisation) -> PartyRef:
    return PartyRef("organisation", organisation.key, organisation.label_de,
                    organisation.label_en, country=organisation.country)


def find_parties(text: str, registers: Registers, actors_only: bool = True,
                 in_compounds: bool = False, english: bool = False) -> list[Found]:
    """All parties named in the text, earliest first, without overlaps (longest wins); with
    in_compounds also as the first part of a compound ("Nordufer-Bezug"); with english also by
    their English names (a document written in English)."""
    return list(_parties(text, registers, actors_only, in_compounds, english))


@lru_cache(maxsize=1024)
def _parties(text: str, registers: Registers, actors_only: bool,
             in_compounds: bool, english: bool = False) -> tuple[Found, ...]:
    """Remembered: a block's text is asked about its parties more than once."""
    spaced = _kind_glosses_apart(_land_compounds_apart(text, registers), registers)
    chosen = _without_renamed(spaced, _chosen(text, registers, actors_only, in_compounds,
                                              english))
    return tuple(_without_unknown_alternates(spaced, chosen))


def renamings(text: str, registers: Registers, english: bool = False) -> dict[str, PartyRef]:
    """The regions the text says are now another ("Alt-Nordufer (seit 1.1.2046
    Nordufer)"), by key, with the region they are now: a later mention of the old name in the
    document is the same partner."""
    found = _chosen(text, registers, True, False, english)
    spaced = _kind_glosses_apart(_land_compounds_apart(text, registers), registers)
    return {first.ref.key: second.ref for first, second in _renamed_pairs(spaced, found)}


@lru_cache(maxsize=1024)
def _chosen(text: str, registers: Registers, actors_only: bool,
            in_compounds: bool, english: bool = False) -> tuple[Found, ...]:
    text = _kind_glosses_apart(_land_compounds_apart(text, registers), registers)
    candidates = ((_by_english_name(text, registers) if english else [])
                  + _by_kind(text, registers)
                  + _by_qualified_name(text, registers)
                  + _by_place_adjectives(text, registers)
                  + _by_official_name(text, registers)
                  + _by_name(text, registers, in_compounds)
                  + _organisations(text, registers) + _by_adjective(text, registers, actors_only))
    if english:  # "the Department of Sport": an English body, no region the registers know
        candidates = [f for f in candidates if f.how != "kind" or f.ref.registered]
    chosen: list[Found] = []
    for found in sorted(candidates, key=lambda f: (f.start, -(f.end - f.start))):
        if not any(f.start < found.end and found.start < f.end for f in chosen):
            chosen.append(found)
    chosen += [member for group in _by_group(text, registers)
               if not any(f.start < group[0].end and group[0].start < f.end for f in chosen)
               for member in group]
    chosen += _bracketed_siblings(text, chosen, registers)
    return tuple(sorted(chosen, key=lambda f: f.start))


# "A (seit 1.1.2016 Region B)", "A (heute B)": the bracket names what the region is now.
_NOW_CALLED = re.compile(r"\s*\((?:(?:seit|ab)\s+[^()]{1,30}?|heute|jetzt|nunmehr|inzwischen)"
                         r"\s+(?:Teil\s+de[rs]\s+)?$")


def _without_renamed(text: str, found: Sequence[Found]) -> list[Found]:
    """A former region with its present name in brackets is one party, the present one: the
    text speaks of one partner, as a reader takes it."""
    dropped = {id(first) for first, _ in _renamed_pairs(text, found)}
    return [f for f in found if id(f) not in dropped]


def _renamed_pairs(text: str, found: Sequence[Found]) -> list[tuple[Found, Found]]:
    return [(first, second) for first, second in pairwise(found)
            if first.ref.kind == "region" and second.ref.kind == "region" and
            first.ref.country in {None, second.ref.country} and
            first.ref.key != second.ref.key and
            _NOW_CALLED.fullmatch(text[first.end:second.start]) and
            text[second.end:second.end + 3].lstrip().startswith(")")]


def _without_unknown_alternates(text: str, found: list[Found]) -> list[Found]:
    """"Woiwodschaft Przykładowe/Beispielland": two names of one region, one of them known; the
    unknown one is no second party."""
    dropped = set()
    for first, second in pairwise(found):
        if re.fullmatch(r"\s*/\s*", text[first.end:second.start]) and \
                first.ref.registered != second.ref.registered:
            dropped.add(id(first) if not first.ref.registered else id(second))
    return [f for f in found if id(f) not in dropped]


@cache
def _land_compound_pattern(registers: Registers) -> re.Pattern[str]:
    names = sorted({n for land in registers.laender.values() for n in land.names if " " not in n},
                   key=len, reverse=True)
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\w-])(?:{alternation})(-)(?=[A-ZÄÖÜ])|(?<=\w)(-)(?=[Pp]artnerschaft)")


def _land_compounds_apart(text: str, registers: Registers) -> str:
    """"Partnerschaft Sachsen-Nordufer", "die Sachsen-Nordufer-Partnerschaft": a Land joined to its
    partner by a hyphen names both. The hyphen reads as a space (offsets stay), unless the
    compound is itself a Land's name ("Sachsen-Anhalt"). Every match is a hyphen: a text
    without one is given back as it is."""
    if "-" not in text:
        return text
    chars = list(text)
    for match in _land_compound_pattern(registers).finditer(text):
        if match.group(1):
            word = re.match(r"[\w-]+", text[match.start():])
            if word and registers.land_named(word.group().rstrip("-")):
                continue
            chars[match.start(1)] = " "
        else:
            chars[match.start(2)] = " "
    return "".join(chars)


@cache
def _kind_words(registers: Registers) -> str:
    """The region kinds' words as one alternation, longest first (so "US-Bundesstaat" wins
    over "Bundesstaat")."""
    words = sorted({w for k in registers.region_kinds.values() for w in k.words}, key=len,
                   reverse=True)
    return "|".join(re.escape(w) for w in words)


@cache
def _kind_gloss_pattern(registers: Registers) -> re.Pattern[str]:
    alternation = _kind_words(registers)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?P<gloss>\s*\((?:{alternation})\))"
                      rf"(?=\s+[A-ZÄÖÜ])")


def _kind_glosses_apart(text: str, registers: Registers) -> str:
    """"der Oblast (Region) Nordufer", "Gebiet (Oblast) Südufer": a kind word glossed by
    another in brackets before the name is one region's kind and name. The bracket reads as
    spaces (offsets stay). Every match has a bracket: a text without one is given back."""
    if "(" not in text:
        return text
    chars = list(text)
    for match in _kind_gloss_pattern(registers).finditer(text):
        chars[match.start("gloss"):match.end("gloss")] = " " * len(match["gloss"])
    return "".join(chars)


# ------------------------------------------------------------------------ bracketed lists

_BRACKETED = re.compile(r"\((?P<name>[A-ZÄÖÜ][\w'’-]+)\)")


def _bracketed_siblings(text: str, chosen: list[Found], registers: Registers) -> list[Found]:
    """"die Deputierten der Provinzen, A (Nord), B (Süd) und C (Ost)": a bare name in brackets
    among bracketed regions of one kind and country is that kind's region of its name, where the
    register knows it only with its kind word ("Provinz Ost": the bare name is a city's)."""
    brackets = list(_BRACKETED.finditer(text))
    known = [f for b in brackets for f in chosen
             if f.start == b.start("name") and f.end == b.end("name") and f.ref.kind == "region"]
    sorts = {(f.ref.country, f.ref.region_kind) for f in known}
    if len(known) < 2 or len(sorts) != 1:
        return []
    country, kind_key = next(iter(sorts))
    kind = registers.region_kinds.get(kind_key or "")
    if country is None or kind is None:
        return []
    found = []
    for bracket in brackets:
        if any(f.start < bracket.end() and bracket.start() < f.end for f in chosen):
            continue
        region = next((r for word in kind.words if (r := registers.region_named(
            f"{word} {bracket['name']}", country)) is not None), None)
        if region is not None:
            found.append(Found(region_ref(region), bracket.start("name"), bracket.end("name"),
                               "kind"))
    return found


# ------------------------------------------------------------------------ groups of countries


@cache
def _group_pattern(registers: Registers) -> re.Pattern[str] | None:
    names = sorted(registers.country_groups, key=len, reverse=True)
    if not names:
        return None
    alternation = "|".join(re.escape(n).replace(r"\-", "[- ]?") for n in names)
    return re.compile(rf"(?<![\w-])(?P<name>{alternation})n?(?![\w-])")


def _by_group(text: str, registers: Registers) -> list[list[Found]]:
    """"den Benelux-Ländern": a group of countries the register names (mappings/
    country-groups.csv) stands for each of its members, at the group's words; unless the text
    names the members right after it ("den baltischen Staaten A, B und C")."""
    pattern = _group_pattern(registers)
    if pattern is None:
        return []
    groups = []
    for match in pattern.finditer(text):
        members = _group_members(registers, match["name"])
        after = text[match.end():match.end() + 40]
        if any(_names_country(after, registers.countries[code]) for code in members):
            continue
        groups.append([Found(country_ref(registers.countries[code]), match.start(), match.end(),
                             "name") for code in members])
    return groups


def _group_members(registers: Registers, name: str) -> tuple[str, ...]:
    joined = lambda n: ns.slug(n).replace("-", "")  # noqa: E731 "Beneluxstaaten"
    folded = {joined(n): members for n, members in registers.country_groups.items()}
    return folded.get(joined(name), ())


def _names_country(text: str, country: Country) -> bool:
    return any(re.match(rf"\W*{re.escape(n)}(?![\w])", text)
               for n in (country.label_de, *country.names) if len(n) > 1)


# ------------------------------------------------------------------------ kind word + name


@cache
def _kind_pattern(registers: Registers) -> re.Pattern[str]:
    alternation = _kind_words(registers)
    return re.compile(rf"(?<![\w-])(?P<kind>{alternation})(?![\w-])(?:\s+(?:von|of)\b)?"
                      rf"(?P<names>(?:\s+{_NAME}){{1,3}}(?:(?:,\s*|\s+und\s+){_NAME}"
                      rf"(?:\s+{_NAME})?)*)")


def _by_kind(text: str, registers: Registers) -> list[Found]:
    found = []
    for match in _kind_pattern(registers).finditer(text):
        kind = registers.region_kind_of_word(match["kind"])
        country = _country_before(text, match.start(), registers)
        registered = _registered_after(text, match.end("kind"), registers)
        names = _listed_names(match, "names")
        if not _is_plural(match["kind"]):
            names = names[:1]
        skip = 0
        if registered is not None:  # the rest of a list after a plural kind word is of it too
            found.append(Found(registered[0], match.start(), registered[1], "kind"))
            skip = next((i + 1 for i, (_, _, end) in enumerate(names) if end >= registered[1]),
                        len(names))
            names = names[skip:]
        for index, (name, start, end) in enumerate(names, skip):
            if _is_country_or_land(name, registers) or name.split()[0] in NOT_NAME_WORDS or \
                    PLURAL_NOUN_SUFFIX.search(name.split()[0]):
                break  # "mit zwei Woiwodschaften Kooperationsvereinbarungen geschlossen"
            first = match.start() if index == 0 else start
            region = _resolve_region(name, country, registers) or \
                _resolve_region(f"{match['kind']} {name}", country, registers) or \
                _after_hyphen(name, country, registers) or \
                _by_other_kind_word(name, kind, country, registers)  # "Oblast A", "Partner-
            # region B-A", "Gebiet A" for the register's "Oblast A"
            if region is None:
                found.append(_unknown_region(name, kind.key if kind else None, country,
                                             first, end, registers))
            else:
                found.append(Found(region_ref(region), first,
                                   start + len(_region_words(name, region)), "kind"))
    return found


_QUALIFIED = re.compile(
    rf"(?P<name>{_NAME}(?:[ -]{_NAME}){{0,2}})\s*\((?P<country>[^()]{{2,40}})\)")


def _by_qualified_name(text: str, registers: Registers) -> list[Found]:
    """A region named with its country in brackets ("Provinz A (Land B)", "Nord (Land B)"),
    looked up among that country's subdivisions."""
    found = []
    for match in _QUALIFIED.finditer(text):
        country = registers.country_named(match["country"].strip())
        if country is None or country.code == "DE":  # a Land is no partner region
            continue
        words = match["name"].split()
        for size in range(len(words), 0, -1):
            candidate = " ".join(words[-size:])
            region = registers.region_named(candidate, country.code, search_iso=True) or \
                _kind_and_name(candidate, country.code, registers) or \
                registers.region_part_named(candidate, country.code)
            if region is not None:
                start = match.end("name") - len(candidate)
                found.append(Found(region_ref(region), start, match.end("name"), "kind"))
                break
    return found


@cache
def _place_adjectives_pattern(registers: Registers) -> re.Pattern[str]:
    words = sorted({w for k in registers.region_kinds.values() for w in k.words
                    if not _is_plural(w)}, key=len, reverse=True)
    adjective = r"[A-ZÄÖÜ][\w-]+er"
    link = r"\s*(?:,|\bund\b|\bsowie\b)\s*(?:(?:dem|der|des|den|das)\s+)?"
    return re.compile(rf"(?<![\w-])(?P<adjectives>{adjective}(?:{link}{adjective})*)\s+"
                      rf"(?P<kind>{'|'.join(re.escape(w) for w in words)})(?![\w-])")


def _by_place_adjectives(text: str, registers: Registers) -> list[Found]:
    """"mit dem Beispielstädter und dem Musterdorfer Gebiet": regions named by the adjectives of
    their names ("Beispielstadt" + "er") before one shared kind word, each looked up as that
    kind with its name ("Gebiet Beispielstadt")."""
    found = []
    for match in _place_adjectives_pattern(registers).finditer(text):
        kind = registers.region_kind_of_word(match["kind"])
        if kind is None:
            continue
        adjectives = list(re.finditer(r"[A-ZÄÖÜ][\w-]+er\b", match["adjectives"]))
        for index, adjective in enumerate(adjectives):
            region = next((r for word in kind.words if (r := registers.region_named(
                f"{word} {adjective.group()[:-2]}")) is not None), None)
            if region is not None:
                start = match.start("adjectives") + adjective.start()
                end = match.end() if index == len(adjectives) - 1 else \
                    start + len(adjective.group())  # the last takes the kind word with it
                found.append(Found(region_ref(region), start, end, "kind"))
    return found


def _kind_and_name(name: str, country: str, registers: Registers) -> Region | None:
    """"A (Land B)" where the register knows the region only with its kind word ("Oblast A"):
    the country in brackets makes the bare name the region, though a city may share it."""
    for kind in registers.region_kinds.values():
        for word in kind.words:
            region = registers.region_named(f"{word} {name}", country)
            if region is not None:
                return region
    return None


def _registered_after(text: str, position: int, registers: Registers
                      ) -> tuple[PartyRef, int] | None:
    """A region the registers know, named right after a kind word ("Region Haute Vallée")."""
    gap = re.match(r"\s+(?:von\s+)?", text[position:])
    if gap is None:
        return None
    pattern, targets = _name_pattern(registers, False)
    match = pattern.match(text, position + gap.end())
    if match is None:
        return None
    target = targets[_spelling(match["name"])]
    return (region_ref(target), match.end()) if isinstance(target, Region) else None


def _is_plural(word: str) -> bool:
    """"Provinzen", "Präfekturen", "Regionen": a list of names may follow."""
    return word.endswith("en")


def _is_country_or_land(name: str, registers: Registers) -> bool:
    """A country's or Land's name or adjective ("Partnerregionen Hessische Landeszentrale"):
    no region's name."""
    first = name.split()[0].rstrip(".,")
    return bool(registers.country_named(first) or registers.land_named(first)
                or registers.land_of_adjective(first) or registers.country_of_adjective(first))


def _listed_names(match: re.Match[str], group: str) -> list[tuple[str, int, int]]:
    """The names after a kind word: one, or a list "A, B und C" after a plural kind word."""
    names: list[tuple[str, int, int]] = []
    position = match.start(group)
    rest = match[group]
    offset = 0
    while rest:
        connector = _CONNECTOR.match(rest)
        if connector and names:
            offset += connector.end()
            rest = rest[connector.end():]
        stripped = rest.lstrip()
        offset += len(rest) - len(stripped)
        token = re.match(rf"{_NAME}(?:\s+{_NAME}){{0,2}}", stripped)
        if not token:
            break
        names.append((token.group(), position + offset, position + offset + token.end()))
        offset += token.end()
        rest = stripped[token.end():]
        if not _CONNECTOR.match(rest):
            break
    return names


def _resolve_region(name: str, country: str | None, registers: Registers) -> Region | None:
    """The longest prefix of the name's words that is a known region."""
    words = name.split()
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size]).rstrip(".,")
        region = registers.region_named(candidate, country, search_iso=True)
        if region is None and candidate.endswith("s"):
            region = registers.region_named(candidate[:-1], country, search_iso=True)
        if region is not None:
            return region
    return None


def _by_other_kind_word(name: str, kind: RegionKind | None, country: str | None,
                        registers: Registers) -> Region | None:
    """"das Gebiet Nordufer": the register names the region with another word of the same kind
    ("Oblast Nordufer"); the kind's words are synonyms (mappings/region-kinds.csv)."""
    for word in kind.words if kind else ():
        region = _resolve_region(f"{word} {name}", country, registers)
        if region is not None:
            return region
    return None


def _after_hyphen(name: str, country: str | None, registers: Registers) -> Region | None:
    """A name no register knows whose last hyphenated part is a known region: the region with
    its capital before it ("Partnerregion Hauptstadt-Region")."""
    first = name.split()[0].rstrip(".,")
    if "-" not in first.strip("-"):
        return None
    return registers.region_named(first.rsplit("-", 1)[1], country, search_iso=False)


def _region_words(name: str, region: Region) -> str:
    words = name.split()
    for size in range(len(words), 0, -1):
        if ns.slug(" ".join(words[:size])).rstrip("s") in {
                ns.slug(n).rstrip("s") for n in (*region.names, region.label_de)}:
            return " ".join(words[:size])
    return words[0]


def _unknown_region(name: str, kind: str | None, country: str | None, start: int, end: int,
                    registers: Registers) -> Found:
    first = name.split()[0].rstrip(".,")
    key = f"{country or 'XX'}/{ns.slug(first)}"
    ref = PartyRef("region", key, first, None, country=country, region_kind=kind,
                   registered=False)
    return Found(ref, start, start + (end - start), "kind")


def _country_before(text: str, position: int, registers: Registers) -> str | None:
    """The country an adjective just before a kind word names: "der chinesischen Provinz"."""
    words = text[max(0, position - 40):position].split()
    for word in reversed(words[-2:]):
        country = _adjective_country(word, registers)
        if country:
            return country
    return None


# ------------------------------------------------------------------------ registered names


@cache
def _name_pattern(registers: Registers, in_compounds: bool = False
                  ) -> tuple[re.Pattern[str], dict[str, Registered]]:
    targets = name_targets(registers)
    # "Nord-Beispiel" as "Nord Beispiel", or broken at its hyphen by a line wrap: "Nord- Beispiel"
    # (as a tree of the names' characters: kg/extract/trie.py)
    names = trie.alternation(targets, _name_character, _joints_together)
    end = r"(?![\w])" if in_compounds else r"(?![\w-])"
    spelt = {_spelling(n): entry for n, entry in reversed(targets.items())}
    return re.compile(rf"(?<![\w-])(?P<name>{names})(?:s|es|')?{end}"), spelt


def name_targets(registers: Registers) -> dict[str, Registered]:
    """Every name `_name_pattern` finds, with what it names (the first entry to claim it)."""
    targets: dict[str, Registered] = {}
    for land in registers.laender.values():
        for name in (land.label_de, *land.names):
            targets.setdefault(name, land)
    for region in registers.regions.values():
        for name in (*region.names, region.label_de):
            for form in (name, *_inflected(name)):  # "der Oberbeispielischen Region"
                targets.setdefault(form, region)
            targets.setdefault(_without_diacritics(name), region)  # "Przyklad" for "Przykład"
    for organisation in registers.organisations.values():
        for name in organisation.names:
            targets.setdefault(name, organisation)
    for country in registers.countries.values():
        for name in (country.label_de, *country.names):
            if len(name) > 1:
                for form in (name, *_inflected(name)):
                    targets.setdefault(form, country)
    return targets


def _name_character(character: str) -> str:
    """A character of a name as `_name_pattern` matches it: a hyphen or a space as either."""
    return "(?:- ?| )" if character in "- " else re.escape(character)


def _joints_together(name: str) -> bool:
    """Whether two hyphens or spaces stand together in the name ("Ober- und Unterbeispiel"),
    or one at its start or end: there `_name_character` could read one text in two ways, so
    the name is not put in the tree of names."""
    return any(joint in name for joint in ("  ", "- ", " -", "--")) or \
        name[:1] in ("-", " ") or name[-1:] in ("-", " ")


_STROKES = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D"})


def _without_diacritics(name: str) -> str:
    """A native name as web pages write it without its marks: "Przykladowe" for
    "Przykładowe", "Ukazka" for "Ukázka" (German umlauts stay)."""
    kept = {"ä", "ö", "ü", "Ä", "Ö", "Ü", "ß"}
    folded = [c if c in kept else unicodedata.normalize("NFKD", c)[0]
              for c in name.translate(_STROKES)]
    return "".join(folded)


_ATTRIBUTE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:isch|ig|t|iv)(?:e|es)")


def _inflected(name: str) -> list[str]:
    """A country's name with its adjectives declined, as the dative and genitive write them:
    "Beispielische Republik" -> "Beispielischen Republik", "Vereinigtes Beispielreich" ->
    "Vereinigten Beispielreich", "Vereinigtem Beispielreich"."""
    words = name.split()
    if len(words) < 2 or not _ATTRIBUTE.fullmatch(words[0]):
        return []
    forms = []
    for ending in ("en", "em"):
        declined = [re.sub(r"(?:e|es)$", ending, w)
                    if _ATTRIBUTE.fullmatch(w) and i < len(words) - 1 else w
                    for i, w in enumerate(words)]
        if ending == "em" and not words[0].endswith("es"):
            continue  # only a neuter's strong dative: "mit Vereinigtem Beispielreich"
        forms.append(" ".join(declined))
    return forms


def _spelling(name: str) -> str:
    """A name as the registers are looked up: "Nord Beispiel" and "Nord- Beispiel" are
    "Nord-Beispiel"."""
    return re.sub(r"- | ", "-", name)


def _by_name(text: str, registers: Registers, in_compounds: bool = False) -> list[Found]:
    pattern, targets = _name_pattern(registers, in_compounds)
    found = []
    for match in pattern.finditer(text):
        ref = _ref(targets[_spelling(match["name"])])
        found.append(Found(ref, match.start(), match.end(), "name"))
    return found


@cache
def _english_name_pattern(registers: Registers) -> tuple[re.Pattern[str], dict[str, Registered]]:
    """The registers' English labels: of the Länder, the countries and the regions."""
    targets: dict[str, Registered] = {}
    entries: list[Registered] = [*registers.laender.values(), *registers.countries.values(),
                                 *registers.regions.values()]
    for entry in entries:
        if entry.label_en and len(entry.label_en) > 3:
            targets.setdefault(entry.label_en, entry)
    alternation = "|".join(re.escape(n) for n in sorted(targets, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:the\s+)?(?P<name>{alternation})(?:'s)?(?![\w-])"), targets


def _by_english_name(text: str, registers: Registers) -> list[Found]:
    """"in A with …", "the Land and the Northern Hills in B": parties by
    their English names, in a document written in English."""
    pattern, targets = _english_name_pattern(registers)
    return [Found(_ref(targets[m["name"]]), m.start("name"), m.end("name"), "name")
            for m in pattern.finditer(text)]


# The form of state in a country's official name, in any inflection ("des Königreichs Schweden",
# "der Republik Kenia", "des Königreiches Marokko").
_STATE_FORM = (r"(?:Königreich|Großherzogtum|Herzogtum|Fürstentum|Kaiserreich|Sultanat|Emirat|"
               r"Staat|Republik|Bundesrepublik|Volksrepublik|Föderation|Konföderation)(?:e?s)?")


@cache
def _official_name_pattern(registers: Registers) -> tuple[re.Pattern[str], dict[str, Country]]:
    targets: dict[str, Country] = {}
    for country in registers.countries.values():
        for name in (country.label_de, *country.names):
            if len(name) > 2 and not re.match(_STATE_FORM, name):
                targets.setdefault(name, country)
    alternation = "|".join(re.escape(n) for n in sorted(targets, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<form>{_STATE_FORM})\s+(?:der\s+)?(?P<name>{alternation})"
                      rf"(?![\w-])"), targets


def _by_official_name(text: str, registers: Registers) -> list[Found]:
    """A country by its official name in any inflection: a form of state and a name the
    registers know. Not after an adjective ("der Demokratischen Republik …"), which may make
    it another state."""
    pattern, targets = _official_name_pattern(registers)
    found = []
    for match in pattern.finditer(text):
        before = text[max(0, match.start() - 30):match.start()].split()
        if before and re.fullmatch(r"[A-ZÄÖÜ]\w*(?:e|en|er|es)", before[-1]) and \
                before[-1] not in {"Die", "Der", "Des", "Den"}:
            continue
        found.append(Found(country_ref(targets[match["name"]]), match.start(), match.end(),
                           "name"))
    return found


def _ref(entry: Registered) -> PartyRef:
    if isinstance(entry, Land):
        return land_ref(entry)
    if isinstance(entry, Region):
        return region_ref(entry)
    if isinstance(entry, Organisation):
        return organisation_ref(entry)
    assert isinstance(entry, Country)
    return country_ref(entry)


# ------------------------------------------------------------------------ adjectives


def _adjective_country(word: str, registers: Registers) -> str | None:
    for part in reversed(word.strip("„“\"(),.;:").split("-")):
        country = registers.country_of_adjective(part)
        if country and country.code != "DE":
            return country.code
    return None


_ADJECTIVE = re.compile(r"(?<![\w])[\wÄÖÜäöü-]*?(?:isch|sch|er)(?:e|en|er|es|em)?(?![\w-])",
                        re.IGNORECASE)


def _by_adjective(text: str, registers: Registers, actors_only: bool) -> list[Found]:
    found = []
    for match in _ADJECTIVE.finditer(text):
        following = text[match.end():match.end() + 60]
        if actors_only and not _names_an_actor(following, registers):
            continue
        for part in reversed(match.group().split("-")):
            ref = _adjective_ref(part, registers)
            if ref is not None:
                found.append(Found(ref, match.start(), match.end(), "adjective"))
                break
    return found


def _adjective_ref(word: str, registers: Registers) -> PartyRef | None:
    region = registers.region_of_adjective(word)
    if region is not None:
        return region_ref(region)
    country = registers.country_of_adjective(word)
    if country is not None and country.code != "DE":
        return country_ref(country)
    return None


def _names_an_actor(following: str, registers: Registers) -> bool:
    from kg.extract.people import role_at  # people imports territories; cycle broken here

    words = following.split()[:3]
    for index, word in enumerate(words):
        if ACTOR_NOUNS.match(word) or role_at(" ".join(words[index:]), registers):
            return True
        if word[:1].isupper():
            return False
    return False


# ------------------------------------------------------------------------ organisations


@cache
def _organisation_pattern(registers: Registers) -> re.Pattern[str]:
    words = sorted(registers.organisation_kinds, key=len, reverse=True)
    kinds = "|".join(re.escape(w) for w in words)
    # "Arbeitgeberverband Nordufer Land", "Handelskammer Beispielstadt": the kind word as the
    # tail of a compound names a body as well; the place after it is part of the body's name.
    # Only kind words of six letters or more: a short one ends surnames too ("…bank").
    tails = "|".join(re.escape(w[:1].lower() + w[1:]) for w in words if len(w) >= 6)
    word = r"[A-ZÄÖÜÀ-Þ][\w'’&.-]*"
    link = r"(?:\s+(?:de|du|des|la|le|of|for|and|the|für|der|und)\s+|\s+)"
    return re.compile(rf"(?<![\w-])(?:{word}{link}){{0,4}}(?:{kinds}|[A-ZÄÖÜ][a-zäöüß]+(?:{tails}))"
                      rf"(?:{link}{word}){{0,4}}(?:\s+\([A-Z]{{2,}}\))?")


def _organisations(text: str, registers: Registers) -> list[Found]:
    found = []
    for match in _organisation_pattern(registers).finditer(text):
        name = _trim_organisation(match.group())
        if len(name.split()) < 2:
            continue
        key = ns.slug(re.sub(r"\s*\([A-Z]+\)$", "", name))
        country = _country_before(text, match.start(), registers)
        ref = PartyRef("organisation", key, re.sub(r"\s*\([A-Z]+\)$", "", name), None,
                       country=country, registered=False)
        found.append(Found(ref, match.start(), match.start() + len(name), "organisation"))
    return found


def _trim_organisation(name: str) -> str:
    """Drop what a capitalised run caught before the name: sentence words, and a generic noun
    with its article ("Delegation der Chilean Coast Guard Academy")."""
    words = name.split()
    for index, word in enumerate(words[:3]):
        if word in {"der", "des", "dem", "den", "die"}:
            words = words[index + 1:]
            break
    while words and words[0] in {"Die", "Der", "Das", "Dem", "Den", "Des", "Im", "Am", "Mit"}:
        words = words[1:]
    return " ".join(words)


# "mit einer ukrainischen Oblast", "eine polnische Woiwodschaft": a region of a country the
# text does not name here, by an indefinite article, the country's adjective and a kind word.
_UNNAMED_REGION = re.compile(r"(?<![\w-])(?:eine|einer|einem|einen)\s+(?:[a-zäöü]\w*\s+)?"
                             r"(?P<adjective>[a-zäöü]\w+)\s+"
                             r"(?P<kind>[A-ZÄÖÜ][\w-]*)")


def countries_of_unnamed_regions(text: str, registers: Registers) -> set[str]:
    """The countries whose region the text speaks of without naming it ("… auf die Ebene
    einer formellen Regionalpartnerschaft mit einer ukrainischen Oblast überführte"): there the
    country, also named by name, is only where that region lies."""
    found = set()
    for match in _UNNAMED_REGION.finditer(text):
        country = registers.country_of_adjective(match["adjective"])
        if country is not None and registers.region_kind_of_word(match["kind"]) is not None:
            found.add(country.code)
    return found
