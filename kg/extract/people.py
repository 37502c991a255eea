"""Persons and posts named in a text.

A name is recognised where German administrative prose puts one: after a post
("Generalkonsul Kenta Morino"), after a post and its complement and a comma
("Gouverneur der Provinz X, Herrn Y Z"), after a form of address ("Herrn Akio Hanada"),
before a post in apposition ("Sora Imai, Generaldirektor der …"), and in signature
blocks. A post named without a person ("der Ministerpräsident") becomes a PostMention: no
person is invented for it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kg import namespaces as ns
from kg.extract import territories, trie
from kg.extract.cues import (
    ARTICLES,
    CONNECTORS,
    NAME_INTRODUCERS,
    NAMESAKE_NOUNS,
    PREPOSITIONS,
    is_common_noun,
)
from kg.extract.names import (
    ADDRESS,
    ends_cleanly,
    gap_length,
    is_city,
    is_name_token,
    read_name,
    suffix_pattern,
)
from kg.records import MinistryRef, PartyRef, PersonMention, PostMention, RoleRef, Scope
from kg.registers import Registers

# A portfolio after "für": one word, or a list that ends in "und"/"sowie" and a last word
# ("für Handel, Industrie und Energie"), each word maybe after an adjective ("für interregionale
# Beziehungen"); the name in apposition after it is not part of it.
_PORTFOLIO_WORD = r"(?:[a-zäöü][\w-]*(?:e|en|er|es)\s+)?[A-ZÄÖÜ][\w-]*"
_PORTFOLIO = re.compile(rf"{_PORTFOLIO_WORD}(?:(?:,\s+{_PORTFOLIO_WORD})*\s+(?:und|sowie)\s+"
                        rf"(?:für\s+)?{_PORTFOLIO_WORD})?")
# "Ministerpräsident a.D. Dr. X": retired from the post, which is still named.
_RETIRED = re.compile(r"\s+a\.\s?D\.(?=\s|,)")
# Titles of state that may stand before a post rather than the name ("S.E. Botschafter X").
_STATE_TITLES = re.compile(r"(?:(?<![\w.])(?:S\.\s?[EM]\.|I\.\s?E\.|Seine\s+Exzellenz|"
                           r"Ihre\s+Exzellenz|Exzellenz)\s+)+$")


@dataclass(frozen=True)
class RoleMatch:
    role: RoleRef
    start: int
    end: int
    compound: bool


@dataclass
class Context:
    """What a mention's post defaults to when the text does not say."""

    registers: Registers
    land: str
    ministry: MinistryRef | None = None  # the table row's ministry
    partner: PartyRef | None = None  # the country or region the table or section is about
    document_id: str = ""
    day: dt.date | None = None  # the document's date: which ministry a title meant then


@dataclass(frozen=True)
class Mentions:
    persons: list[tuple[PersonMention, int, int]]
    posts: list[tuple[PostMention, int, int]]


# ------------------------------------------------------------------------------ roles


# "Chef der Sächsischen Staatskanzlei": a Land's adjective inside a post of several words.
_ADJECTIVE_AFTER_DER = r" der (?:[A-ZÄÖÜ][a-zäöü]+en )?"


@cache
def _role_pattern(registers: Registers) -> re.Pattern[str]:
    forms = sorted({f for r in registers.roles.values() for f in (*r.forms, *r.abbreviations)},
                   key=len, reverse=True)
    # both alternations as trees of their words' characters (kg/extract/trie.py); a form with
    # " der " is written out whole, at its place (no other holds the words replaced)
    exact = trie.alternation(forms, kept=lambda f: " der " in f) \
        .replace(r"\ der\ ", _ADJECTIVE_AFTER_DER)
    bases = sorted({f.lower() for r in registers.roles.values() if r.compound_base
                    for f in r.forms}, key=len, reverse=True)
    # the bases in small letters and capitalised never match at one place: one tree holds both
    compound = trie.alternation([*bases, *(b.title() for b in bases)])
    return re.compile(rf"(?<![\w-])(?:(?P<exact>{exact})|(?P<compound>[A-ZÄÖÜ][\w-]*?(?:"
                      rf"{compound})))(?![\w]|-[\w])")


def role_at(text: str, registers: Registers) -> RoleMatch | None:
    """The role a text starts with, if any."""
    match = _role_pattern(registers).match(text)
    return _role_match(match, registers) if match else None


def find_roles(text: str, registers: Registers) -> list[RoleMatch]:
    return list(_roles(text, registers))


@lru_cache(maxsize=1024)
def _roles(text: str, registers: Registers) -> tuple[RoleMatch, ...]:
    """Remembered: a block's text is asked about its roles more than once."""
    return tuple(m for m in (_role_match(x, registers)
                             for x in _role_pattern(registers).finditer(text)) if m)


def _role_match(match: re.Match[str], registers: Registers) -> RoleMatch | None:
    if match["exact"]:
        role = registers.role_of_form(re.sub(_ADJECTIVE_AFTER_DER, " der ", match["exact"]))
        if role is None:
            return None
        return RoleMatch(RoleRef(role.key, role.label_de, role.label_en, role.domain),
                         match.start(), match.end(), compound=False)
    return _compound_role(match["compound"], match.start(), match.end(), registers)


def _compound_role(word: str, start: int, end: int, registers: Registers) -> RoleMatch | None:
    """"Europaministers" -> Europaminister, built on the base role's nominative label."""
    for role in registers.roles.values():
        if not role.compound_base:
            continue
        for form in sorted(role.forms, key=len, reverse=True):
            if word.lower().endswith(form.lower()) and len(word) > len(form):
                prefix = word[: -len(form)]
                if prefix.rstrip("-").lower() in {"alt", "ex"}:  # "Alt-Ministerpräsident": was
                    return RoleMatch(RoleRef(role.key, role.label_de, role.label_en,
                                             role.domain), start, end, compound=False)
                base = role.label_de if prefix.endswith("-") else role.label_de[0].lower() + \
                    role.label_de[1:]
                label = prefix + base
                return RoleMatch(RoleRef(ns.slug(label), label, None, role.domain, compound=True),
                                 start, end, compound=True)
    return None


# ------------------------------------------------------------------------------ names
































# ------------------------------------------------------------------------------ mentions


@dataclass
class _Read:
    """What find_mentions has read so far: persons, title-only posts, the stretches they take,
    and title-only posts joined by "und" to the post that starts at the key."""

    persons: list[tuple[PersonMention, int, int]] = dataclasses.field(default_factory=list)
    posts: list[tuple[PostMention, int, int]] = dataclasses.field(default_factory=list)
    taken: list[tuple[int, int]] = dataclasses.field(default_factory=list)
    chained: dict[int, tuple[PostMention, int, int]] = dataclasses.field(default_factory=dict)


def find_mentions(text: str, context: Context, parties: list[territories.Found],
                  ministries: list[tuple[MinistryRef, int, int]], passage_of) -> Mentions:
    """Every person and title-only post in the text; passage_of(start, end) cites a stretch."""
    registers = context.registers
    read = _Read()
    for role in find_roles(text, registers):
        if _inside(role.start, read.taken):
            continue
        complement = _complement(text, role, parties, ministries, context)
        if _in_a_guest_list(text, role.start, complement.end, registers):
            continue  # the name before holds it (_named_before_role)
        places = _places_of_a_plural(text, role, complement.end)
        if places:
            complement = dataclasses.replace(complement, end=places, unknown=True, named=False)
        named = _name_after(text, complement.end, registers,
                            apposition_only=complement.unknown and not complement.named,
                            no_apposition=_holder_before(text, role.start, read.taken, registers),
                            no_copula=_prepositional(text, role.start))
        if named is None:
            _title_only(text, role, complement, context, read, passage_of)
        else:
            _held(text, role, complement, named, context, parties, ministries, read, passage_of)
    persons, taken = read.persons, read.taken
    persons.extend(_addressed(text, taken, context, parties, ministries, passage_of))
    persons.extend(_named_before_role(text, taken, context, parties, ministries, passage_of))
    persons.extend(_named_with_party(text, taken, context, passage_of))
    persons += [(post, s, e) for p, s, e in persons if (post := _suffix_post(p, context))]
    return Mentions(sorted(persons, key=lambda p: p[1]), sorted(read.posts, key=lambda p: p[1]))


# "die Präsidenten der Landesdirektionen A und B, X und Y", "den Regionspräsidenten der
# Bezirke A (a), B (b) und C (c), X, Y und Z": the rest of a list of places after a plural
# post, before the names in apposition.
_PLACE = r"[A-ZÄÖÜ][\w-]*(?:\s*\([^()]{1,40}\))?"
_REST_OF_PLACES = re.compile(rf"(?:\s+{_PLACE})?(?:\s*\([^()]{{1,40}}\))?(?:,\s+{_PLACE})*"
                             rf"\s+(?:und|sowie)\s+{_PLACE}(?=,\s)")
_PLURAL_ARTICLE = re.compile(r"(?<![\w])(?:[Dd]ie|[Dd]en)\s+(?:[a-zäöü]\w*\s+){0,2}$")


def _places_of_a_plural(text: str, role: RoleMatch, end: int) -> int | None:
    form = text[role.start:role.end]
    if not (form.endswith("en") or _plural_form(form, role.role.label_de)) or \
            _PLURAL_ARTICLE.search(text, max(0, role.start - 40), role.start) is None:
        return None
    rest = _REST_OF_PLACES.match(text, end)
    return rest.end() if rest else None


# "X, der Botschafter in A, Y, der Generalkonsul in B, …": a list of names each followed by
# an article and its post.
_ARTICLE_BEFORE = re.compile(r",\s+(?:der|die)\s+(?:[a-zäöüß]\w*\s+)?$")
_NEXT_ITEM = re.compile(r",\s+(?:der|die)\s+\S")


def _in_a_guest_list(text: str, start: int, end: int, registers: Registers) -> bool:
    """The post stands after a name and its article, the name after it has its own article
    and post, and the list begins with a name, not with a post ("Ministerpräsidentin A, die
    Präsidentin des B, C, der …" gives each post to the name after it)."""
    comma = re.match(r"\s*,\s+", text[end:])
    found = read_name(text, end + comma.end(), registers) if comma else None
    if found is None or not (found[0]["given"] or found[0]["honorifics"]) or \
            _NEXT_ITEM.match(text, found[1]) is None:
        return False
    return _list_begins_with_a_name(text, start, registers)


def _list_begins_with_a_name(text: str, start: int, registers: Registers) -> bool:
    """Walk back from the post at start over the list's items "name, der post …,"."""
    roles = find_roles(text, registers)
    for _ in range(12):
        article = _ARTICLE_BEFORE.search(text, max(0, start - 40), start)
        named = _name_ending_at(text, article.start(), [], registers) if article else None
        if named is None:
            return False
        begin = named[1]
        if re.search(r"\S\s+$", text[max(0, begin - 2):begin]) and any(
                r.end <= begin and not text[r.end:begin].strip() for r in roles):
            return False  # "Ministerpräsidentin A, die …": the list begins with a post
        previous = next((r for r in reversed(roles) if r.end <= begin and
                         re.fullmatch(r"[^.;:]{0,80},\s+", text[r.end:begin])), None)
        if previous is None:
            return True
        start = previous.start
    return False


def _title_only(text: str, role: RoleMatch, complement: Complement, context: Context,
                read: _Read, passage_of) -> None:
    """A post with no name after it: held by the name before "als", or title-only."""
    after, visitor = complement.end, _is_visitor(text, role.start)
    post = PostMention(role.role, complement.scope or _default_scope(
        role.role, context, visitor, complement.unknown), passage_of(role.start, after))
    holder = _holder_as(text, role.start, read.taken, context.registers)
    if holder is not None:  # "… besuchte Beispiel als erste Regierungschefin …"
        read.persons.append((PersonMention(passage=passage_of(holder[1], after), role=role.role,
                                           scope=post.scope, **holder[0]), holder[1], after))
        read.taken.append((holder[1], after))
        return
    read.posts.append((post, role.start, after))
    read.taken.append((role.start, after))
    link = re.match(r"\s+(?:und|sowie)\s+", text[after:])
    if link and _starts_a_phrase(text, role.start):
        read.chained[after + link.end()] = read.posts[-1]


def _held(text: str, role: RoleMatch, complement: Complement, named: tuple[dict, int, int],
          context: Context, parties, ministries, read: _Read, passage_of) -> None:
    """A post and the name after it, with the further posts and holders the text joins."""
    parts, begin, end = named
    apposed = text[:begin].rstrip().endswith(",")  # "die Geschäftsführer der A, X, und …"
    parts = _with_state_titles(text, role.start, parts)
    stated = complement.scope is not None
    scope = complement.scope or _default_scope(role.role, context, _is_visitor(
        text, role.start), complement.unknown)
    mention = PersonMention(passage=passage_of(role.start, end), role=role.role, scope=scope,
                            scope_stated=stated, **parts)
    read.persons.append((mention, role.start, end))
    read.persons.extend(_appended_roles(text, role.start, end, parts, mention, context, parties,
                                        ministries, passage_of))
    if role.start in read.chained:  # "Chef der Staatskanzlei und Bevollmächtigter …, X"
        post, start, _ = entry = read.chained.pop(role.start)
        read.posts.remove(entry)
        read.persons.append((PersonMention(passage=passage_of(start, end), role=post.role,
                                           scope=post.scope, **parts), start, end))
    shared = scope if stated or role.role.domain == "parliament" else None
    for other, begin, last in _further_holders(text, role, end, read.taken, context.registers,
                                               bool(parts["suffixes"]), apposed):
        read.persons.append((PersonMention(passage=passage_of(role.start, last), role=role.role,
                                           scope=shared, scope_stated=stated, **other), begin,
                             last))
        end = last
    read.taken.append((role.start, end))


def _further_holders(text: str, role: RoleMatch, end: int, taken: list[tuple[int, int]],
                     registers: Registers, party: bool = False, apposed: bool = False
                     ) -> list[tuple[dict, int, int]]:
    """"die damaligen Regierungschefs X und Y", "die Abgeordneten X (CSU), Y (SPD) und Z": a
    post in the plural names each holder of a list that ends in "und"."""
    form = text[role.start:role.end]
    plural = re.search(r"(?<![\w])(?P<article>[Dd]ie|[Dd]en|[Dd]er|[Bb]eiden|[Bb]eide)\s+"
                       r"(?P<adjectives>(?:[a-zäöü]\w*\s+){0,2})$",
                       text[max(0, role.start - 40):role.start])
    feminine = form.endswith("in") or form == role.role.label_de[:-1]  # "die Vorsitzende"
    if plural is None or feminine:
        return []
    compound = role.compound and role.role.domain != "parliament"  # "die SPD-Abgeordneten X
    # und Y" name members; other compounds name one person unless three or more follow
    if plural["article"].lower() == "der" and not _genitive_plural(form, plural["adjectives"],
                                                                   role.role.label_de):
        return []  # "der Bürgermeister X und Y": one mayor in the nominative, and a companion
    # "den" is also one person's article ("den Botschafter X und Frau Y"): a list of three,
    # unless the form is a plural ("den Ministern X und Y", "den Landesräten X und Y") or the
    # first holder's party follows his name ("den Abgeordneten X (CSU) und Y (SPD)")
    article = plural["article"].lower()
    least = 2 if ((article == "den" and not party) or compound) and \
        not _plural_form(form, role.role.label_de) else 1
    found: list[tuple[dict, int, int]] = []
    while len(found) < 12:
        end += _bracketed_place(text, end)  # "die Abgeordneten X (Ort) und Y (Ort)"
        link = re.match(r"(?:,?\s+und\s+|,\s+)", text[end:])
        if link is None or _inside(end + link.end(), taken):
            return []
        named = read_name(text, end + link.end(), registers)
        if "und" in link.group() and apposed:
            named = _holder_after_body(text, end + link.end(), registers) or named
        if named is None or role_at(text[named[1]:].lstrip(" ,"), registers) is not None or \
                ((link.group().startswith(",") or article == "der") and not named[0]["given"]):
            return []  # "der Abgeordneten X (CDU) und Antwort …": a lone word is no holder
        found.append((named[0], end + link.end(), named[1]))
        end = named[1]
        if "und" in link.group():
            return found if len(found) >= least else []
    return []


def _holder_after_body(text: str, position: int, registers: Registers
                       ) -> tuple[dict, int] | None:
    """"die Geschäftsführer der A, X, und der B AG, Y,": the second holder after his body's
    name (a few capitalised words) and a comma."""
    body = re.match(r"(?:(?:der|des|dem)\s+)?(?:[A-ZÄÖÜ][\w&.-]*\s+){0,4}[A-ZÄÖÜ][\w&.-]*,\s+",
                    text[position:])
    if body is None:
        return None
    named = read_name(text, position + body.end(), registers)
    if named is None or not named[0]["given"] or not re.match(r"\s*[,.;)]", text[named[1]:]):
        return None
    return named


def _genitive_plural(form: str, adjectives: str, label: str) -> bool:
    """"der ehemaligen Bürgermeister", "der Abgeordneten": after "der", an adjective or a
    nominalised adjective in "-en" makes the post a plural (of a masculine singular post the
    article would be "des")."""
    return bool(re.search(r"en\s+$", adjectives)) or (form.endswith("en") and
                                                      label.endswith("er"))


def _plural_form(form: str, label: str) -> bool:
    """"Ministern", "Generalkonsuln", "Landesräten", "Ministerinnen": forms only a plural has."""
    return form.endswith("innen") or (form.endswith("n") and form[:-1] == label) or \
        any(vowel in form and vowel not in label for vowel in "äöü")


def _bracketed_place(text: str, position: int) -> int:
    """The length of " (Edewecht)" after a name: one capitalised word in brackets, a place or
    constituency, which is neither a party nor a post."""
    match = re.match(r"\s*\([A-ZÄÖÜ][\w-]+\)", text[position:])
    return match.end() if match else 0
    return []


def _holder_as(text: str, position: int, taken: list[tuple[int, int]],
               registers: Registers) -> tuple[dict, int] | None:
    """"Beispiel als erste Regierungschefin": a name, "als", the post it held (a family name
    alone only if the text names the person in full elsewhere)."""
    before = re.search(r"\s+als\s+(?:[a-zäöü]\w*\s+){0,2}$", text[max(0, position - 40):position])
    if before is None:
        return None
    end = position - len(before.group())
    found = _name_ending_at(text, end, taken, registers)
    if found is not None:
        return found
    family = re.search(r"(?<![\w-])([A-ZÄÖÜ][\w'’-]+)$", text[:end])
    if family is None or _inside(family.start(1), taken) or \
            not is_name_token(family.group(1), registers) or \
            not re.search(r"[a-zäöü,]\s*$", text[max(0, family.start(1) - 3):family.start(1)]):
        return None
    elsewhere = re.search(rf"(?<![\w-])([A-ZÄÖÜ][\w'’-]+) {re.escape(family.group(1))}(?![\w-])",
                          text)
    verb = re.search(r"(?<![\w])([a-zäöüß]+)\s+$", text[max(0, family.start(1) - 30):
                                                      family.start(1)])
    if (elsewhere is None or not is_name_token(elsewhere.group(1), registers)) and \
            (verb is None or verb.group(1) in _NOT_A_VERB or
             re.fullmatch(r"(?:[mds]ein|ihr|unser|euer|dies|jed|all|beid)\w*", verb.group(1))):
        return None  # "besuchte Beispiel als erste Regierungschefin": a verb, then the name
    named = read_name(text, family.start(1), registers)
    return (named[0], family.start(1)) if named is not None else None


def _with_state_titles(text: str, position: int, parts: dict) -> dict:
    """"S.E. Botschafter X": a title of state before the post is the person's."""
    before = _STATE_TITLES.search(text[max(0, position - 40):position])
    if before is None:
        return parts
    spelled = {"Seine Exzellenz": "S.E.", "Ihre Exzellenz": "I.E."}
    titles = [spelled.get(t, t) for t in (re.sub(r"\s+", " ", t).replace(". ", ".") for t in
                                          re.findall(r"S\.\s?[EM]\.|I\.\s?E\.|"
                                                     r"(?:Seine\s+|Ihre\s+)?Exzellenz",
                                                     before.group()))]
    new = tuple(t for t in titles if t not in parts["honorifics"])
    return {**parts, "honorifics": new + tuple(parts["honorifics"])}


def _suffix_post(mention: PersonMention, context: Context) -> PersonMention | None:
    """"Frau Lindqvist MdL": the suffix names a post too (member of the Landtag)."""
    registers = context.registers
    for suffix in mention.suffixes:
        post = registers.suffix_posts.get(suffix)
        role = registers.roles.get(post[0]) if post else None
        if post is None or role is None:
            continue
        if mention.role is not None and mention.role.key == role.key:
            return None
        scope = _suffix_scope(post[1], context)
        return dataclasses.replace(mention, role=RoleRef(role.key, role.label_de, role.label_en,
                                                         role.domain), scope=scope)
    return None


def _suffix_scope(key: str, context: Context) -> Scope | None:
    registers = context.registers
    if key == "land" and context.land in registers.laender:
        return Scope(party=territories.land_ref(registers.laender[context.land]))
    if key in registers.countries:
        return Scope(party=territories.country_ref(registers.countries[key]))
    if key in registers.organisations:
        return Scope(party=territories.organisation_ref(registers.organisations[key]))
    return None


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


# How a name follows its post other than directly: after a comma, a colon or a copula
# ("Gouverneur der Provinz X, Li Y", "Ministerpräsident: Jan Beispiel", "Vorsitzender der
# Kommission ist seit 2019 Jan Beispiel").
_APPOSITION = re.compile(r"(?:\s*[,:]|\s+(?:ist|war|sind|waren)(?:\s+seit\s+\d{4})?)\s+")


def _name_after(text: str, position: int, registers: Registers, apposition_only: bool = False,
                no_apposition: bool = False, no_copula: bool = False
                ) -> tuple[dict, int, int] | None:
    position += _particle_tail(text, position)
    bracket = _bracketed_place(text, position)  # "der Region Beispiel (Beispielburg), X"
    if bracket and re.match(r"\s*,", text[position + bracket:]):
        position += bracket
    apposition = _APPOSITION.match(text, position)
    addressed = re.match(r"\s*(?:Herrn?|Frau)\s", text[position:])
    if (apposition_only and not (apposition or addressed)) or (apposition and no_apposition):
        return None
    if apposition and no_copula and apposition.group().strip()[:1].isalpha():
        return None  # "Mit dem Botschafter war X Gastgeber": the post is not the subject
    start = apposition.end() if apposition else position
    found = read_name(text, start, registers)
    if found is None:
        return None
    parts, end = found
    if not apposition and _lone_word(parts):
        if _portfolio_adjective(text, start, end, registers):
            return None  # "Referatsleiter Internationale Angelegenheiten": no name
        beyond = _genitive_then_name(text, end, registers)
        if beyond is not None:
            return beyond  # "der Landwirtschaftsminister Beispiellands, Gene Exempel"
    if apposition and not re.match(r"\s*(?:[,.;:)|(\n]|$)|\s+[a-zäöü\d]", text[end:]) and \
            not (re.match(r" [A-ZÄÖÜ]", text[end:]) and ends_cleanly(text, end, registers)):
        return None  # "…, Dr. X Gespräch mit …": a list's items run on; a noun ends the name
    if apposition and parts["given"] is None and not parts["honorifics"]:
        return None  # ", Demokratie, Europa und …": a lone capitalised word is no name
    if apposition and not _not_a_place(text[start:end].strip(), registers):
        return None
    return parts, start, end


def _lone_word(parts: dict) -> bool:
    return parts["given"] is None and not parts["honorifics"] and not parts["suffixes"]


def _portfolio_adjective(text: str, start: int, end: int, registers: Registers) -> bool:
    """"Referatsleiterin Internationale Zusammenarbeit": a capitalised adjective and a noun
    after a post name its portfolio."""
    return re.search(r"(?:al|isch|lich|ig|iv)e[nrs]?$", text[start:end]) is not None and \
        re.match(r" [A-ZÄÖÜ][a-zäöüß]+", text[end:]) is not None and \
        is_common_noun(text[end + 1:].split(maxsplit=1)[0].rstrip(",.;:"))


def _genitive_then_name(text: str, end: int, registers: Registers
                        ) -> tuple[dict, int, int] | None:
    """"der Landwirtschaftsminister Beispiellands, Gene Exempel": a lone word in the genitive
    after a post and before a full name in apposition is the place whose post it is."""
    if not re.search(r"[^s]s$", text[max(0, end - 3):end]):
        return None
    comma = re.match(r",\s+", text[end:])
    if comma is None:
        return None
    found = read_name(text, end + comma.end(), registers)
    if found is None or found[0]["given"] is None or \
            not re.match(r"\s*[,.;:)]", text[found[1]:]):
        return None
    return found[0], end + comma.end(), found[1]


def _particle_tail(text: str, position: int) -> int:
    """The length of " de Loire" in "der Region Beispiel-Val de Loire, X": a territory's name
    goes on with a lower-case particle and a capitalised word before the comma."""
    tail = re.match(r"(?:\s+(?:de|del|della|des|du|do|da|dos|das|di|y)\s+[A-ZÄÖÜ][\w'’-]*)+"
                    r"(?=\s*,)", text[position:])
    return tail.end() if tail else 0


def _prepositional(text: str, position: int) -> bool:
    """"mit dem deutschen Botschafter", "beim Generalkonsul": a post in a prepositional phrase."""
    return re.search(r"(?<![\w])(?:mit|von|vom|bei|beim|zu|zum|zur|nach|aus|für|gegenüber|an|"
                     r"am|auf|unter|über|durch|ohne|gegen)\s+(?:(?:dem|der|den|des|einem|einer)\s+)?"
                     r"(?:[a-zäöü]\w*\s+){0,2}$", text[max(0, position - 50):position],
                     re.IGNORECASE) is not None


def _holder_before(text: str, position: int, taken: list[tuple[int, int]],
                   registers: Registers) -> bool:
    """"Péter Példa, Botschafter von Ungarn, Anna Tolmács, Dolmetscherin": a post in apposition
    after a name that holds no post yet is that name's; the name after it is the next person's."""
    gap = re.search(r",\s+$", text[max(0, position - 5):position])
    return gap is not None and \
        _name_ending_at(text, position - len(gap.group()), taken, registers) is not None


def _post_follows(text: str, position: int, registers: Registers) -> bool:
    """", Post" or ", der polnische Post" after the name at position."""
    gap = re.match(r",\s+(?:(?:der|die)\s+(?:[a-zäöü]\w*\s+)?)?", text[position:])
    return gap is not None and role_at(text[position + gap.end():], registers) is not None


@dataclass(frozen=True)
class Complement:
    """What follows a post before its holder's name: the body it belongs to (scope), where the
    name may begin (end), whether the body is one the registers do not know (unknown: then the
    name must stand in apposition), and whether a full name was seen right after it (named)."""

    scope: Scope | None
    end: int
    unknown: bool = False
    named: bool = False


def _complement(text: str, role: RoleMatch, parties: list[territories.Found],
                ministries: list[tuple[MinistryRef, int, int]],
                context: Context) -> Complement:
    """What follows a role before the name: "der Provinz Nordufer", "für <portfolio>",
    "in Deutschland", "a.D."; and what precedes it: "japanischen", "Nordlands"."""
    scope = _scope_before(text, role.start, parties)
    retired = _RETIRED.match(text, role.end)
    position, unrecognised, named = retired.end() if retired else role.end, False, False
    for _ in range(5):
        step = _complement_step(text, position, parties, ministries, context)
        if step is None:
            break
        found_scope, position, recognised, host, portfolio = step
        if host and role.role.domain == "diplomat":
            found_scope = None  # "Botschafterin in Deutschland": the host, not the sender
        scope = scope or found_scope if role.role.domain == "diplomat" else found_scope or scope
        if recognised:  # "Präsident der Regionalversammlung der Provinz A X": a known territory
            unrecognised = False  # ends the body the registers do not know
        else:
            skipped = _skip_unrecognised(text, position, context.registers, parties,
                                         portfolio)
            if skipped.scope is not None and role.role.domain != "diplomat":
                scope = skipped.scope  # "des Landes Brandenburg": a territory after a kind word
            elif not portfolio or skipped.words:
                unrecognised = True  # a portfolio alone says nothing of whose post it is
            position, named = skipped.end, skipped.named
            if named:
                break
    return Complement(scope, position, unrecognised, named)


def _complement_step(text, position, parties, ministries, context):
    """One step of a post's complement: (scope, new position, recognised, names the host, is a
    portfolio)."""
    lead = re.match(r"\s+(?P<word>der|des|von|vom|in|im|an|aus|beim|bei|für|of)\s+"
                    r"(?:(?:[a-zäöü][\w-]*(?:e|en|er|es|em))\s+){0,2}", text[position:])
    genitive = re.match(r"\s+", text[position:])
    for gap in (lead, genitive):
        if gap is None:
            continue
        at = position + gap.end()
        host = gap is lead and lead["word"] in {"in", "im"}
        for ministry, start, end in ministries:
            if start in (at, at - 4):
                portfolio = _portfolio(text, at, context.registers) if gap is lead and \
                    lead["word"] == "für" else None
                end = max(end, portfolio.end()) if portfolio else end  # "für Finanzen und …"
                return Scope(ministry=ministry), end, True, host, False
        for found in parties:
            if found.start == at and found.how != "adjective":
                return Scope(party=found.ref), found.end, True, host, False
    if lead is None:
        return None
    if lead["word"] == "für":
        portfolio = _portfolio(text, position + lead.end(), context.registers)
        if portfolio:
            return None, portfolio.end(), False, False, True
    return None, position + lead.end(), False, False, False


def _portfolio(text: str, position: int, registers: Registers) -> re.Match[str] | None:
    """The portfolio at position; its last word after "und" is no portfolio's when it starts
    a second post ("für Europaangelegenheiten und Chef der Staatskanzlei X")."""
    found = _PORTFOLIO.match(text, position)
    if found is None:
        return None
    last = re.search(r"\s(?:und|sowie)\s+(?:für\s+)?(\S.*)$", found.group())
    if last and role_at(text[position + last.start(1):], registers) is not None:
        return re.compile(_PORTFOLIO_WORD).match(text, position)
    return found


@dataclass(frozen=True)
class Skipped:
    end: int
    named: bool  # a full name begins at end
    scope: Scope | None  # a territory the skipped words name ("des Landes Brandenburg")
    words: int = 0  # how many words were skipped


def _skip_unrecognised(text: str, position: int, registers: Registers,
                       parties: list[territories.Found], after_portfolio: bool) -> Skipped:
    """Capitalised words after an article are a body we do not know; they end where a form of
    address or another post begins, or where a full name follows a word that cannot be part of
    a name ("des Landes Brandenburg Jan Beispiel", "für Finanzen und Wirtschaft Jan Beispiel")."""
    word = re.compile(r"[A-ZÄÖÜÀ-ÞĀ-ŽḀ-ỿ][\w.&'-]*")  # "Đà Nẵng"
    end, scope, boundary, words = position, None, after_portfolio, 0
    if after_portfolio:
        end += gap_length(r"(?: (?=[A-ZÄÖÜ]))?", text, end)
    while True:
        match = word.match(text, end)
        if match is None or match.group() in {"Herr", "Herrn", "Frau", "Dr.", "Prof."} or \
                role_at(text[end:], registers):
            return Skipped(end, False, scope, words)
        party = next((f for f in parties if f.start == end and f.how != "adjective"), None)
        if party is None and boundary and _full_name_at(text, end, registers) and \
                not _city_before_name(text, match, registers):
            return Skipped(end, True, scope, words)
        words += 1
        if party is not None:
            scope, end, boundary = scope or Scope(party=party.ref), party.end, True
        else:
            boundary = (not is_name_token(match.group().rstrip("."), registers) or
                        _city_before_name(text, match, registers) or
                        is_city(match.group()) or _genitive_noun(text, match)) and \
                not match.group().startswith(NAMESAKE_NOUNS)
            end = match.end()
        space = re.match(r" (?=[A-ZÄÖÜ])", text[end:]) or _and_more_words(text, end, registers)
        if space is None:
            return Skipped(end, False, scope, words)
        end += space.end()


def _genitive_noun(text: str, word: re.Match[str]) -> bool:
    """"des Außenamtes": a word in -s right after "des" is a noun in the genitive."""
    return word.group().endswith("s") and \
        re.search(r"(?<![\w])(?:des|eines)\s+$", text[max(0, word.start() - 7):word.start()]) \
        is not None


def _and_more_words(text: str, position: int, registers: Registers) -> re.Match[str] | None:
    """"des Ausschusses für … Räume und Landwirtschaft X": a body's name goes on after "und"
    with a capitalised word that is no post, no form of address and no person's full name."""
    link = re.match(r" (?:und|sowie) (?=[A-ZÄÖÜ])", text[position:])
    if link is None:
        return None
    after = position + link.end()
    if role_at(text[after:], registers) or ADDRESS.match(text, after) or \
            _full_name_at(text, after, registers) or \
            not re.match(r"[A-ZÄÖÜ][\w-]* [A-ZÄÖÜ]", text[after:]):
        return None  # "… und Träger des …": a new phrase, not the body's last word
    return link


def _city_before_name(text: str, word: re.Match[str], registers: Registers) -> bool:
    """"der Stadt Breslau Jan Przykład": a city, then a full name, is no three-part name; nor
    is any one word after a word naming a kind of place ("der Stadt Beispielhausen Jan X")."""
    after = re.match(r" (?=[A-ZÄÖÜ])", text[word.end():])
    kind = re.search(r"(?<![\w-])(\w+) $", text[max(0, word.start() - 20):word.start()])
    place = is_city(word.group()) or (kind is not None and bool(
        kind.group(1) in _PLACE_KINDS or registers.region_kind_of_word(kind.group(1))))
    return after is not None and place and _full_name_at(text, word.end() + 1, registers)


_PLACE_KINDS = frozenset({"Stadt", "Gemeinde", "Kommune", "Hauptstadt", "Partnerstadt"})


def _full_name_at(text: str, position: int, registers: Registers) -> bool:
    """A given and a family name that end where the name should end (and are not followed by
    another name in apposition, which would make them a body's name)."""
    found = read_name(text, position, registers)
    if found is None or found[0]["given"] is None or found[0]["family_in_capitals"]:
        return False
    then = re.match(r",\s+", text[found[1]:])
    if then and (read_name(text, found[1] + then.end(), registers) is not None):
        return False
    return _not_a_place(text[position:found[1]], registers)


def _not_a_place(name: str, registers: Registers) -> bool:
    return not (registers.region_named(name) or registers.country_named(name) or
                registers.land_named(name) or registers.organisation_named(name))


def _scope_before(text: str, position: int, parties: list[territories.Found]) -> Scope | None:
    for found in parties:
        if found.end <= position and position - found.end <= 2:
            return Scope(party=found.ref)
    return None


def _is_visitor(text: str, position: int) -> bool:
    """"Besuch des Wirtschaftsministers …": a visitor comes from the partner, not the Land."""
    return bool(re.search(r"(?:Besuch\w*|Delegation\w*)\s+(?:des|der|von|vom)\s+"
                          r"(?:[a-zäöü]\w*\s+){0,2}$", text[max(0, position - 60):position]))


def _default_scope(role: RoleRef, context: Context, visitor: bool = False,
                   foreign_complement: bool = False) -> Scope | None:
    """Whose post a role is when the text does not say: see the domain column of roles.csv. A
    visitor ("Besuch des Wirtschaftsministers …") and a post of a body the registers do not
    know ("Europaminister des Partnerlandes") are not the Land's."""
    registers = context.registers
    if (visitor or foreign_complement) and role.domain != "diplomat":
        return Scope(party=context.partner) if context.partner is not None else None
    if role.domain in {"land", "head"}:
        titled = registers.ministry_by_minister_title(context.land, role.label_de, context.day)
        if titled is not None:
            return Scope(ministry=ministry_ref(titled))
        if role.compound:
            return Scope(party=context.partner) if context.partner else None
        if role.domain == "land" and context.ministry is not None:
            return Scope(ministry=context.ministry)
        land = registers.laender.get(context.land)
        return Scope(party=territories.land_ref(land)) if land else None
    if role.domain == "parliament":
        land = registers.laender.get(context.land)
        return Scope(party=territories.land_ref(land)) if land else None
    if context.partner is None:
        return None
    if role.domain == "diplomat" and context.partner.kind != "country":
        country = registers.countries.get(context.partner.country or "")
        return Scope(party=territories.country_ref(country)) if country else None
    if role.domain in {"diplomat", "foreign"}:
        return Scope(party=context.partner)
    return None


def ministry_ref(ministry) -> MinistryRef:
    return MinistryRef(land=ministry.land, key=ministry.abbreviation, label_de=ministry.name_de,
                       label_en=ministry.name_en, abbreviation=ministry.abbreviation,
                       valid_from=ministry.valid_from or None,
                       valid_until=ministry.valid_until or None, registered=True)


# A post of its time after a name and a comma, without an article: "Herrn X, damaliger
# Ministerpräsident …", "X, seinerzeit Präsident …", "X, seit 2019 Botschafter …".
_AT_THE_TIME = (r"(?:(?:damalige|ehemalige|frühere|amtierende|langjährige)[rn]?|seinerzeit|damals|"
                r"seit\s+\d{4})\s+")


def _appended_roles(text, start, end, parts, mention, context, parties, ministries,
                    passage_of):
    """"Konsul Harada (Polizeiattaché)" and "Herrn X, Vorsitzender der …": further posts."""
    extra = []
    for pattern in (r"\s*\(", r",\s+(?:(?:der|die)\s+(?:zugleich\s+|auch\s+|gleichzeitig\s+)?"
                                r"(?:[a-zäöü]\w*\s+)?|" + _AT_THE_TIME + r")?",
                    r"\s+(?:sowie|und)\s+"):
        gap = re.match(pattern, text[end:])
        if not gap:
            continue
        role = role_at(text[end + gap.end():], context.registers)
        if role is None:
            continue
        shifted = RoleMatch(role.role, end + gap.end() + role.start, end + gap.end() + role.end,
                            role.compound)
        complement = _complement(text, shifted, parties, ministries, context)
        scope, after, unknown_body = complement.scope, complement.end, complement.unknown
        other = _name_after(text, after, context.registers,
                            apposition_only=unknown_body and not complement.named)
        # "X, der Post in A, Y, der Post …" where X has no post before: a list of guests
        plain = gap.group().strip() == "," or (mention.role is None and gap.group()[:1] == ",")
        listed = plain and other is not None and \
            text[after:other[1]].lstrip().startswith(",") and \
            _post_follows(text, other[2], context.registers)  # "X, (der) Post, Y, (der) Post"
        if other and not listed:
            continue  # "X, Oberbürgermeister Y": a list of people, not a post of X
        if scope is None and mention.role is not None and role.role.domain == mention.role.domain:
            scope = mention.scope
        scope = scope or _default_scope(role.role, context, False, unknown_body)
        extra.append((PersonMention(passage=passage_of(start, after), role=role.role,
                                    scope=scope, **parts), start, after))
        extra.extend(_appended_roles(text, start, _role_end(text, shifted), parts, mention,
                                     context, parties, ministries, passage_of))
        break
    return extra


def _role_end(text: str, role: RoleMatch) -> int:
    """Where a post's own words end (its complement follows), for chained posts: "Geschäftsführer
    der X sowie Vizeminister im Y"."""
    rest = re.match(r"[^,;()]*?(?=\s+(?:sowie|und)\s+[A-ZÄÖÜ]|[,;()]|$)", text[role.end:])
    return role.end + (rest.end() if rest else 0)


def _addressed(text, taken, context, parties, ministries, passage_of):
    """"Herrn Akio Hanada", "Frau Lindqvist MdL": a name after a form of address alone."""
    found: list[tuple[PersonMention, int, int]] = []
    for match in re.finditer(r"(?<![\w])(?:Herrn?|Frau|Dr\.|Prof\.)\s", text):
        if _inside(match.start(), taken) or role_at(text[match.end():], context.registers):
            continue
        named = read_name(text, match.start(), context.registers)
        if named is None or (match.group().startswith(("Dr", "Prof")) and not named[0]["given"]):
            continue
        parts, end = named
        mention = PersonMention(passage=passage_of(match.start(), end), **parts)
        appended = _appended_roles(text, match.start(), end, parts, mention, context, parties,
                                   ministries, passage_of)
        found.extend(appended or [(mention, match.start(), end)])
        taken.append((match.start(), end))
    return found


def _named_before_role(text, taken, context, parties, ministries, passage_of):
    """"Sora Imai, Generaldirektor der DAAD", "Dr. Jan Beispiel (SPD), Minister für …", "Marek
    Przykład (Botschafter der Republik Polen)", "Marek Przykład, polnischer Botschafter": a full
    name, a comma or a bracket, a post."""
    found = []
    for role in find_roles(text, context.registers):
        adjective = next((p for p in parties if p.how == "adjective" and
                          0 <= role.start - p.end <= 2), None)  # "X, polnischer Botschafter"
        position = adjective.start if adjective else _after_city_adjective(text, role.start)
        gap = _BEFORE_POST.search(text[max(0, position - 40):position])
        if gap is None:
            continue
        named = _name_ending_at(text, position - len(gap.group()), taken, context.registers)
        if named is None:
            continue
        parts, start = named
        complement = _complement(text, role, parties, ministries, context)
        scope, after = complement.scope, complement.end
        if _name_after(text, after, context.registers, no_apposition=True) is not None:
            continue  # "X, Ministerpräsidentin Y": the post is Y's
        mention = PersonMention(passage=passage_of(start, after), role=role.role,
                                scope=scope or _default_scope(role.role, context), **parts)
        found.append((mention, start, after))
        taken.append((start, after))
    return found


def _after_city_adjective(text: str, position: int) -> int:
    """"X, Bremer Honorarkonsul …", "X, Münchner Generalkonsul": a city's adjective before a
    post belongs to it; where the post's words begin then."""
    word = re.search(r"(?<![\w-])([A-ZÄÖÜ][a-zäöüß]+er) $", text[max(0, position - 30):position])
    if word is None:
        return position
    stem = word.group(1)[:-2]
    if any(is_city(name) for name in (stem, stem + "en", stem[:-1] + "en")):
        return position - len(word.group())
    return position


# Between a name and its post: a comma (maybe an article in any case, "damaliger", "seit 2019"),
# a bracket or a dash: "X, damaliger Ministerpräsident", "mit X, dem damaligen …präsidenten",
# "X (Botschafter …)", "X – Botschafter … –".
_BEFORE_POST = re.compile(
    r"(?:,\s*(?:der\s+|die\s+|dem\s+|den\s+)?(?:(?:damalige|ehemalige|frühere|amtierende|neue|"
    r"designierte|langjährige|zuständige|erste)[rn]?\s+|seit\s+\d{4}\s+|(?:seinerzeit|damals)\s+)?"
    r"(?:[a-zäöü]\w*(?:e|en|er)\s+)?|"
    r"\s*\(\s*|\s+[–—]\s+|"
    r"\s+(?:ist|war)\s+(?:seit\s+\d{4}\s+)?(?:der\s+|die\s+)?)$")


def _name_ending_at(text: str, end: int, taken: list[tuple[int, int]],
                    registers: Registers) -> tuple[dict, int] | None:
    """The longest full name (with a given name, a title or a suffix) that ends at end."""
    window = max(0, end - 120)
    for word in re.finditer(r"(?<!\S)\S", text[window:end]):
        start = window + word.start()
        if _inside(start, taken) or not text[start].isupper():
            continue
        named = read_name(text, start, registers)
        if named is None or named[1] != end or _continues_a_name(text, start, registers) or \
                _after_article(text, start):
            continue
        parts = named[0]
        if (parts["given"] or parts["honorifics"] or parts["suffixes"]) and \
                _not_a_place(text[start:end], registers):
            return parts, start
    return None


def _named_with_party(text, taken, context, passage_of):
    """"Lena Vogt (Freie Demokraten)": a full name followed by a party or "MdL"."""
    found = []
    for match in _party_name_pattern(context.registers).finditer(text):
        suffix = suffix_pattern(context.registers).match(text, match.end())
        if _inside(match.start(), taken) or suffix is None or text[suffix.end():].startswith("/"):
            continue  # "X FDP/DVP": a compound party the registers do not know
        named = read_name(text, match.start(), context.registers)
        if named is None or named[0]["given"] is None:
            continue
        parts, end = named
        found.append((PersonMention(passage=passage_of(match.start(), end), **parts),
                      match.start(), end))
        taken.append((match.start(), end))
    return found


def _starts_a_phrase(text: str, position: int) -> bool:
    """A post at the start of a sentence, line or caption, or after a verb ("erklärte Chef der
    Staatskanzlei und …"), not one in a list of posts ("…, Parteisekretär … und Vorsitzender …")."""
    before = text[max(0, position - 30):position]
    if not before.strip() or re.search(r"(?:[.:;!?\n]|^)\s*(?:Der|Die)?\s*$", before):
        return True  # "Die Ministerin für … und Chefin der Staatskanzlei, X" opens a sentence
    if re.search(r"(?<![\w])(?:der|die)\s+$", before) and not re.search(
            rf"(?<![\w])(?:{'|'.join(PREPOSITIONS)})\s+(?:der|die)\s+$", before):
        return True  # "A und der Bevollmächtigte für … und Chef der Staatskanzlei X"
    word = re.search(r"(?<![\w])([a-zäöüß]+)\s+$", before)
    return word is not None and word.group(1) not in _NOT_A_VERB


_NOT_A_VERB = ARTICLES | PREPOSITIONS | CONNECTORS | {"zum", "zur", "beim", "vom"}


def _after_article(text: str, position: int) -> bool:
    """"des Ungarischen Verdienstordens …": after an article come a body's words, not a name."""
    return re.search(r"(?<![\w])(?:der|des|dem|den|die|das)\s+(?:[A-ZÄÖÜ][a-zäöü]+(?:en|em)\s+)?$",
                     text[max(0, position - 30):position]) is not None


def _continues_a_name(text: str, position: int, registers: Registers) -> bool:
    """The word before a name may be its first part ("Anna Maria Beispiel"), unless it is a
    function word, a place, or ends a clause ("Für Jan Beispiel, Vorsitzender …")."""
    before = text[:position].rstrip().rsplit(" ", 1)[-1] if position else ""
    if not before[:1].isupper() or before[-1:] in ",.;:)" or before in NAME_INTRODUCERS:
        return False
    if _after_article(text, text[:position].rstrip().rfind(" ") + 1):
        return False  # "Träger des Ungarischen Verdienstordens Orest X": a noun, then a name
    return is_name_token(before, registers) and not is_city(before)


@cache
def _party_name_pattern(registers: Registers) -> re.Pattern[str]:
    """Two or three capitalised words, none of them a suffix ("MdL", "SPD") itself."""
    forms = "|".join(re.escape(f) for f, (kind, _) in registers.honorifics.items()
                     if kind == "suffix")
    word = rf"(?!(?:{forms})(?![\w]))[A-ZÄÖÜÀ-ÞŁŚ][\wÀ-ž'’-]+"
    return re.compile(rf"(?:(?<=\s)|^)(?:{word} ){{1,2}}{word}")


def signatory(text: str, context: Context, passage_of) -> PersonMention | None:
    """A signature block: a name line, then the signatory's post."""
    registers = context.registers
    named = read_name(text, 0, registers)
    if named is None:
        return None
    parts, end = named
    rest = text[end:].lstrip(" ,")
    role = role_at(rest, registers)
    if role is None:
        return PersonMention(passage=passage_of(0, end), **parts)
    offset = len(text) - len(rest)
    shifted = RoleMatch(role.role, offset + role.start, offset + role.end, role.compound)
    parties = territories.find_parties(text, registers)
    complement = _complement(text, shifted, parties, [], context)
    scope, after = complement.scope, complement.end
    return PersonMention(passage=passage_of(0, max(after, end)), role=role.role,
                         scope=scope or _default_scope(role.role, context), **parts)
