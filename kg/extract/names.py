"""A person's name in German administrative prose: its tokens (given names, a family name in
capitals, a particle, middle initials), the titles before it and the suffixes after it (party,
MdL), and where it ends. Which name holds which post is kg/extract/people.py's concern."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.extract.cues import NAME_PARTICLES, NOT_NAME_WORDS, is_common_noun
from kg.registers import Registers

# Seasons are no names alone ("im Winter"), but family names after a given name.
SEASONS = frozenset({"Winter", "Sommer", "Herbst", "Frühling"})

# A capital inside a name ("McBeispiel", "DeMuster") is tried first, so the name is not cut there.
NAME_TOKEN = re.compile(
    r"(?:[A-ZÄÖÜ][a-zäöü]*[A-Z][a-zäöü]+|[A-ZÄÖÜÀ-ÞĀ-ŽŁŚŻŹĆŃȘȚḀ-ỿ][a-zäöüßà-ÿā-žłśżźćńęąōūșțḀ-ỿ'’]+|"
    r"[A-ZÄÖÜÀ-ÞŁŚ]{2,})(?:-[\wÀ-ž'’]+)*(?![^\W\d_])")

ADDRESS = re.compile(r"(?:Herrn?|Frau)(?=\s)")

# One title at a time: a longer one of the register ("Dr. med.") may start with it.
_PREFIX_TITLES = re.compile(r"(?:Prof\.|Professor|Professorin|Dr\.|Dres\.|S\.\s?[EM]\.|"
                            r"Exzellenz|Dipl\.-Ing\.)\s+")

_TITLE = re.compile(r"Prof\.|Professor\w*|Dr\.|Dres\.|S\.\s?[EM]\.|Exzellenz|Dipl\.-Ing\.")

_PARTICLE = re.compile("(?:" + "|".join(re.escape(p) for p in NAME_PARTICLES) + ") ")

def is_name_token(token: str, registers: Registers, before_name: bool = False) -> bool:
    """A word that may be part of a person's name; before_name: another name token follows,
    so a word that is only a city's genitive ("Nahas Beispiel") may be a given name."""
    if token in NOT_NAME_WORDS or is_common_noun(token) or _role_word(token, registers):
        return False
    if registers.country_named(token) or registers.land_named(token) or \
            registers.region_named(token) or registers.organisation_named(token):
        return False
    if registers.region_kind_of_word(token) is not None and token[0].isupper():
        return False
    if token.endswith("s") and len(token) > 4 and is_place(token[:-1], registers) and \
            not (before_name and not _registered_place(token[:-1], registers)):
        return False  # "der Stadtpräsident Danzigs": a place in the genitive
    return not _vocabulary_word(token, registers)

def _role_word(token: str, registers: Registers) -> bool:
    """A role's form; an abbreviation only as written ("AL" is one, "Al" in "Khalifa Al X" is a
    name's part)."""
    role = registers.role_of_form(token)
    if role is None:
        return False
    written = {a.lower(): a for a in role.abbreviations}
    return written.get(token.lower(), token) == token

def _registered_place(word: str, registers: Registers) -> bool:
    return bool(registers.country_named(word) or registers.land_named(word) or
                registers.region_named(word))

def is_place(word: str, registers: Registers) -> bool:
    return bool(registers.country_named(word) or registers.land_named(word) or
                registers.region_named(word)) or is_city(word)

@lru_cache(maxsize=4096)
def _vocabulary_word(token: str, registers: Registers) -> bool:
    """A word the vocabularies recognise (an event, a topic, a month) is no name. Remembered:
    the same words come again and again."""
    for concept in (*registers.event_types, *registers.topics, *registers.agreement_kinds):
        if concept.pattern and concept.pattern.fullmatch(token):
            return True
    parts = token.split("-")
    return len(parts) > 1 and any(_vocabulary_word(p, registers) for p in parts[1:])

def read_name(text: str, start: int, registers: Registers) -> tuple[dict, int] | None:
    """A person's name at text[start:], with titles before and suffixes after it."""
    position = start
    honorifics: list[str] = []
    while True:
        gap = gap_length(r"\s*", text, position)
        address = ADDRESS.match(text, position + gap)
        titles = _PREFIX_TITLES.match(text, position + gap)
        registered = _title_pattern(registers).match(text, position + gap)
        if address:
            honorifics.append("Frau" if address.group() == "Frau" else "Herr")
            position = address.end()
        elif titles and not (registered and registered.end() > titles.end()):
            honorifics.extend(_TITLE.findall(titles.group()))
            position = titles.end()
        elif registered:
            honorifics.append(registers.honorifics[registered["title"]][1])
            position = registered.end()
        else:
            break
    tokens = _name_tokens(text, position, registers)
    if not tokens:
        return None
    particled = _with_particle(text, tokens, registers)
    for reading in ([particled, tokens] if particled else [tokens]):
        end = reading[-1][2]
        suffixes, end = _suffixes(text, end, registers)
        in_capitals = reading[0][0].isupper() and len(reading) > 1 and \
            not reading[0][0].endswith(".")
        if suffixes or in_capitals or ends_cleanly(text, end, registers):
            return _name_parts([t[0] for t in reading], honorifics, suffixes), end
    return None

@cache
def _title_pattern(registers: Registers) -> re.Pattern[str]:
    """The register's titles before a name ("Ing.", "Mag.", "Rechtsanwalt")."""
    forms = sorted((f for f, (kind, _) in registers.honorifics.items()
                    if kind == "prefix" and not ADDRESS.fullmatch(f)), key=len, reverse=True)
    return re.compile(rf"(?P<title>{'|'.join(re.escape(f) for f in forms)})\s+")

def _with_particle(text: str, tokens: list[tuple[str, int, int]], registers: Registers
                   ) -> list[tuple[str, int, int]] | None:
    """"Karla von Beispielhausen": a given name, a particle, a family name, read as two tokens
    (the particle belongs to the family name). Only after a single given name, and only when a
    name that is no common noun follows, so that "Minister X zu Beginn" stays prose."""
    if len(tokens) != 1 or tokens[0][0].isupper():
        return None
    gap = gap_length(r" ?", text, tokens[0][2])
    particle = _PARTICLE.match(text, tokens[0][2] + gap)
    if gap == 0 or particle is None:
        return None
    family = NAME_TOKEN.match(text, particle.end())
    if family is None or family.group().isupper() or \
            not is_name_token(family.group(), registers):
        return None
    if registers.honorific(family.group()) is not None:
        return None
    return [tokens[0], (text[particle.start():family.end()], particle.start(), family.end())]

def _name_tokens(text: str, position: int, registers: Registers) -> list[tuple[str, int, int]]:
    tokens: list[tuple[str, int, int]] = []
    while len(tokens) < 4:
        gap = gap_length(r" ?" if tokens else r"\s*", text, position)
        if tokens and gap == 0:
            break
        if tokens and _title_pattern(registers).match(text, position + gap):
            break  # "Max Beispiel S. E. Li Muster": a title opens the next person's name
        match = NAME_TOKEN.match(text, position + gap)
        initial = _INITIAL.match(text, position + gap) if gap or not tokens else None
        if initial and name_token_at(text, initial.end(), registers):
            tokens.append((initial.group(), initial.start(), initial.end()))
            position = initial.end()
            continue  # "Marina E. Beispielowa": a middle initial between the names
        if not match or not (is_name_token(match.group(), registers) or
                             (tokens and match.group() in SEASONS) or  # "Karla Winter"
                             (not tokens and _given_before_name(text, match, registers))):
            break
        if tokens and match.group().isupper() and not tokens[0][0].isupper():
            break  # "Verena Osterrieder BÜNDNIS 90/…": capitals after a name start its suffix
        honorific = registers.honorific(match.group())
        if honorific and honorific[0] == "suffix":
            break
        tokens.append((match.group(), match.start(), match.end()))
        position = match.end()
    if tokens and tokens[0][0].endswith(".") and len(tokens) < 3:
        return []  # "J. Alex Beispiel" opens with an initial; "J. Beispiel" is too little
    capitals = [t for t in tokens if t[0].isupper() and not t[0].endswith(".")]
    if capitals and (len(tokens) == 1 or tokens[0][0] != capitals[0][0]):
        return []  # an abbreviation ("DAAD", "NASA"), not a family name in capitals
    if capitals:
        return tokens[:2]  # "CHEN Minghui": the family name in capitals, then one given name
    if len(tokens) == 1 and re.match(r",\s*\d", text[tokens[0][2]:]) and is_city(tokens[0][0]):
        return []  # "Die Ministerin / Hannover, 12.03.2024": a dateline's place, not a surname
    return tokens

def _given_before_name(text: str, word: re.Match[str], registers: Registers) -> bool:
    """"Nahas Beispiel": a first word that is also a city's genitive, before the one name token
    that ends the name."""
    after = NAME_TOKEN.match(text, word.end() + 1) if text[word.end():word.end() + 1] == " " \
        else None
    if after is None or not is_name_token(after.group(), registers):
        return False
    third = NAME_TOKEN.match(text, after.end() + 1) if text[after.end():after.end() + 1] == " " \
        else None
    if third is not None and is_name_token(third.group(), registers):
        return False  # "der Stadtpräsident Beispielstadts Jan Muster": the city, then the name
    return is_name_token(word.group(), registers, before_name=True)

_INITIAL = re.compile(r"[A-ZÄÖÜ]\.(?= [A-ZÄÖÜ][a-zäöüßà-ÿā-ž])")

def name_token_at(text: str, position: int, registers: Registers) -> bool:
    match = NAME_TOKEN.match(text, position + gap_length(r" ?", text, position))
    return match is not None and is_name_token(match.group(), registers)

def gap_length(pattern: str, text: str, position: int) -> int:
    """The length of the spacing at text[position:]; the pattern matches the empty string."""
    match = re.match(pattern, text[position:])
    assert match is not None, "a pattern that matches the empty string always matches"
    return match.end()

def _suffixes(text: str, end: int, registers: Registers) -> tuple[list[str], int]:
    """"MdL", "SPD", "(Freie Demokraten)", "BÜNDNIS 90/DIE GRÜNEN" after a name."""
    suffixes: list[str] = []
    while True:
        match = suffix_pattern(registers).match(text, end)
        if not match:
            return suffixes, end
        # the pattern's alternatives are the honorifics' suffix forms, so the form is there
        suffixes.append(registers.honorifics[match["suffix"]][1])
        end = match.end()

@cache
def suffix_pattern(registers: Registers) -> re.Pattern[str]:
    forms = sorted((f for f, (kind, _) in registers.honorifics.items() if kind == "suffix"),
                   key=len, reverse=True)
    alternation = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"\s*(?P<open>\()?(?P<suffix>{alternation})(?(open)\))(?![\w])")

def is_city(word: str) -> bool:
    """A large city's name, which a lone capitalised word after a post may be."""
    from kg.extract.places import city_population

    return city_population(word) >= 100_000

def ends_cleanly(text: str, end: int, registers: Registers) -> bool:
    """A name ends at punctuation, at the end, before a lower-case word, or before a common noun
    ("… Beispielmann Gespräche in …", "Minister X Reden")."""
    rest = text[end:end + 3]
    if not rest or rest[0] in ",.;:)/–-\"“”'!?\n" or (rest[0] == " " and (
            len(rest) < 2 or not rest[1].isupper() or rest[1:3] in {"Im", "Am"})):
        return True
    if rest[0] == " " and _title_pattern(registers).match(text, end + 1):
        return True  # "Max Beispiel S. E. Li Muster": the next person's title
    word = re.match(r" ([A-ZÄÖÜ][a-zäöüß]+)(?=[\s,.;:!?)]|$)", text[end:])
    if word is not None and registers.role_of_form(word[1]) is not None:
        return text[end + word.end():end + word.end() + 1] == ":"  # "X Schriftführer: Y"
    if word is None:
        return False
    return is_common_noun(word[1]) or word[1] in NOT_NAME_WORDS  # "… Beispiel Sehr geehrter"

def _name_parts(words: list[str], honorifics: list[str], suffixes: list[str]) -> dict:
    in_capitals = len(words) > 1 and words[0].isupper() and not words[0].endswith(".")
    given: str | None
    if in_capitals:
        family, given = words[0].title(), " ".join(words[1:])
    else:
        family, given = words[-1], " ".join(words[:-1]) or None
    return {"family": family, "given": given, "honorifics": tuple(honorifics),
            "suffixes": tuple(suffixes), "family_in_capitals": in_capitals}
