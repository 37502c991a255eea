"""Ministries of the document's Land named in a text: by abbreviation, by name, or by the
portfolio of a minister or state secretary. A ministry no register knows is still returned,
keyed by the abbreviation the document itself defines for it ("… Energie (MWAE)") where it
defines one, else by its name."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from kg import namespaces as ns
from kg.extract.people import ministry_ref
from kg.records import MinistryRef
from kg.registers import Registers

_HEAD = re.compile(
    r"(?<![\w-])(?:(?:[A-ZÄÖÜ][a-zäöü]+(?:es|e|er)\s+)?(?:Staats)?[Mm]inisterium\w*|"
    r"[A-ZÄÖÜ][a-zäöü]+ministerium\w*|Staatskanzlei|Senatskanzlei|Senatsverwaltung\w*)(?![\w-])")
_PORTFOLIO_LEAD = re.compile(r"\s+(?:für|des|der)\s+")
# A federal ministry ("Bundesministerium der Verteidigung", "Bundesinnenministerium") is never a
# Land's.
_FEDERAL = re.compile(r"Bundes[a-zäöü]*ministeri")
_WORD = re.compile(r"[A-ZÄÖÜ][\w-]*")
_JOIN = re.compile(r"(?:,\s+|\s+und\s+(?:für\s+)?|\s+sowie\s+|-\s+und\s+|\s+)")
_ABBREVIATION = re.compile(r"\s*\((?P<abbr>[A-ZÄÖÜ][A-Za-zÄÖÜäöü-]{1,11})\)")


@dataclass
class Abbreviations:
    """Ministries' abbreviations a document defines for itself, both ways."""

    names: dict[str, str] = field(default_factory=dict)  # abbreviation -> name

    def of_name(self, name: str) -> str | None:
        key = _name_key(name)
        return next((a for a, n in self.names.items() if _name_key(n) == key), None)


_LEGEND_ENTRY = re.compile(
    r"(?:^|[\s;:,])(?P<abbr>[A-ZÄÖÜ][A-Za-zÄÖÜäöü-]{1,11})\s*(?:[–=:]|-\s)\s*$")


def defined_abbreviations(text: str) -> Abbreviations:
    """The document's own legend: "das Ministerium für … Energie (MWAE)", and
    "Abkürzungen: MdI – Ministerium des Innern und für Sport; …"."""
    found = Abbreviations()
    for start, end in _names_in(text):
        after = _ABBREVIATION.match(text, end)
        before = _LEGEND_ENTRY.search(text[max(0, start - 16):start])
        abbreviation = after["abbr"] if after else (before["abbr"] if before else None)
        if abbreviation and sum(c.isupper() for c in abbreviation) >= 2:
            found.names.setdefault(abbreviation, canonical_name(text[start:end]))
    return found


def _name_key(name: str) -> str:
    """A name without its Land adjective and inflection: "Hessische Ministerium des Innern"
    and "Hessisches Ministerium des Innern" and "Ministerium des Innern" are one."""
    words = name.split()
    return ns.slug(canonical_name(" ".join(words)))


def canonical_name(name: str) -> str:
    """The nominative without the Land's adjective, as an unregistered ministry is labelled."""
    words = name.split()
    if len(words) > 1 and re.fullmatch(r"[A-ZÄÖÜ][a-zäöü]+(?:es|e|er)", words[0]) and (
            "inisterium" in words[1] or words[1] in {"Staatskanzlei", "Senatskanzlei"}):
        words = words[1:]
    return re.sub(r"(inisterium)s\b", r"\1", " ".join(words))


def _names_in(text: str) -> list[tuple[int, int]]:
    """Spans of ministries' names: a head word, then "für/des/der" and the portfolio's words,
    which continue while joined by commas, "und", "sowie", or follow an adjective."""
    spans = []
    for head in _HEAD.finditer(text):
        end = head.end()
        lead = _PORTFOLIO_LEAD.match(text, end)
        first = _WORD.match(text, lead.end()) if lead else None
        if first:
            end = _portfolio_end(text, first)
        spans.append((head.start(), end))
    return spans


# A list of portfolios that goes on after a comma ends with "und" or "sowie": "für Wirtschaft,
# Arbeit und Verkehr", "für Bundes- und Europaangelegenheiten, Internationales sowie Medien".
_LIST_CLOSES = re.compile(r"(?:,\s+(?:[a-zäöü][\w-]*\s+)?[A-ZÄÖÜ][\w-]*"
                          r"(?:-\s+und\s+[A-ZÄÖÜ][\w-]*)?)+"
                          r"\s+(?:und|sowie)\s+(?:für\s+)?(?:[a-zäöü][\w-]*\s+)?[A-ZÄÖÜ]")


def _portfolio_end(text: str, first: re.Match[str]) -> int:
    """The end of the portfolio's words, from its first word on."""
    end, previous = first.end(), first.group()
    while True:
        join = _JOIN.match(text, end)
        if join is None:
            return end
        word = _WORD.match(text, join.end())
        plain_space = join.group().isspace()
        if word is None or (plain_space and not re.search(r"(?:e|en)$", previous)):
            return end
        if join.group().startswith(",") and not _LIST_CLOSES.match(text, end):
            return end  # "des Ministeriums für Wirtschaft, Jan Beispiel": a name, not a portfolio
        end, previous = word.end(), word.group()


def find_ministries(text: str, registers: Registers, land: str, day: dt.date | None,
                    defined: Abbreviations | None = None) -> list[tuple[MinistryRef, int, int]]:
    """All ministry mentions, earliest first, longest where they overlap."""
    defined = defined or Abbreviations()
    found = _by_name(text, registers, land, day) + _by_abbreviation(text, registers, land, day)
    found += _by_portfolio(text, registers, land, day)
    found += _by_defined_abbreviation(text, registers, land, day, defined)
    found += _by_defined_portfolio(text, registers, land, day, defined)
    found += _generic(text, registers, land, day, defined)
    found += _by_minister_portfolio(text, registers, land, day, defined)
    chosen: list[tuple[MinistryRef, int, int]] = []
    for item in sorted(found, key=lambda f: (f[1], -(f[2] - f[1]))):
        if not any(c[1] < item[2] and item[1] < c[2] for c in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda f: f[1])


def ministry_for_abbreviation(abbreviation: str, registers: Registers, land: str,
                              day: dt.date | None,
                              defined: Abbreviations | None = None) -> MinistryRef:
    """A table's first column: the register's ministry, or an unknown one by abbreviation."""
    known = registers.ministry_by_abbreviation(land, abbreviation, day)
    if known is not None:
        return ministry_ref(known)
    name = (defined.names.get(abbreviation) if defined else None) or abbreviation
    return MinistryRef(land=land, key=abbreviation, label_de=name, abbreviation=abbreviation,
                       registered=False)


@cache
def _names(registers: Registers, land: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for ministry in registers.ministries:
        if ministry.land != land:
            continue
        for name in (ministry.name_de, *ministry.aliases):
            names.setdefault(name, ministry.abbreviation)
            if name.endswith("ium"):  # "des Innenministeriums"
                names.setdefault(f"{name}s", ministry.abbreviation)
        for portfolio in ministry.portfolios:
            for head in ("Ministerium", "Ministeriums", "Staatsministerium",
                         "Staatsministeriums"):
                joiner = " " if portfolio.startswith(("des ", "der ")) else " für "
                names.setdefault(f"{head}{joiner}{portfolio}", ministry.abbreviation)
    return names


def _by_name(text, registers, land, day):
    found = []
    for name, abbreviation in sorted(_names(registers, land).items(), key=lambda i: -len(i[0])):
        if name not in text:  # a cheap test first: few of the names occur in a passage
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if " " not in name and _other_lands_adjective(text, match.start(), registers, land):
                continue  # "der Bayerischen Staatskanzlei" in another Land's text
            ministry = registers.ministry_by_name(land, name, day) or \
                registers.ministry_by_abbreviation(land, abbreviation, day)
            if ministry is not None:
                found.append((ministry_ref(ministry), match.start(), match.end()))
    return found


_ADJECTIVE_BEFORE = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w-]*?sch)(?:e|en|er|es)\s+$")


def _other_lands_adjective(text: str, start: int, registers: Registers, land: str) -> bool:
    """A one-word name ("Staatskanzlei") after an adjective of another Land or country
    ("Bayerische", "Französischen") is not the document's Land's; after its own it is."""
    adjective = _ADJECTIVE_BEFORE.search(text[max(0, start - 40):start])
    if adjective is None:
        return False
    entry = registers.laender.get(land)
    own = {a.lower() for a in entry.adjectives} if entry else set()
    return adjective.group(1).lower() not in own


def _by_abbreviation(text, registers, land, day):
    found = []
    abbreviations = {m.abbreviation for m in registers.ministries if m.land == land}
    for abbreviation in abbreviations:
        found += _abbreviation_uses(text, abbreviation, lambda a=abbreviation: ministry_ref(
            registers.ministry_by_abbreviation(land, a, day)))
    return found


def _abbreviation_uses(text: str, abbreviation: str, reference) -> list:
    found: list = []
    if abbreviation not in text:
        return found
    for match in re.finditer(rf"(?<![\w-]){re.escape(abbreviation)}(?![\w])", text):
        if text[match.end():match.end() + 1] == "-" and not re.match(r"-[A-ZÄÖÜ]",
                                                                     text[match.end():]):
            continue  # "XM-weit"; but "XM-Gespräch" names the ministry
        found.append((reference(), match.start(), match.end()))
    return found


def _by_defined_abbreviation(text, registers, land, day, defined: Abbreviations):
    found = []
    for abbreviation in defined.names:
        if registers.ministry_by_abbreviation(land, abbreviation, day) is None:
            found += _abbreviation_uses(text, abbreviation, lambda a=abbreviation:
                                        ministry_for_abbreviation(a, registers, land, day,
                                                                  defined))
    return found


def _by_defined_portfolio(text, registers, land, day, defined: Abbreviations):
    """"der Staatsminister für Wirtschaft, Arbeit und Verkehr" where the document defines the
    "Staatsministerium für Wirtschaft, Arbeit und Verkehr (SMWA)"."""
    found = []
    for abbreviation, name in defined.names.items():
        portfolio = re.search(r"\bfür\s+(.+)$", name)
        if portfolio is None:
            continue
        for match in re.finditer(rf"(?<=für ){re.escape(portfolio.group(1))}(?![\w-])", text):
            if not _HEAD.search(text[max(0, match.start() - 30):match.start()]):
                found.append((ministry_for_abbreviation(abbreviation, registers, land, day,
                                                        defined), match.start() - 4, match.end()))
    return found


# Bodies that share a ministry's portfolio without being it: the Landtag's committees and the
# like ("Ausschuss für Europa und Internationales").
_BODY_BEFORE = re.compile(r"\b(?:Ausschuss|Ausschusses|Unterausschuss\w*|Kommission|Beirat\w*|"
                          r"Arbeitskreis\w*|Arbeitsgruppe|Fraktion|Enquete-Kommission)\s+für\s+"
                          r"(?:die |den )?$")


def _by_portfolio(text, registers, land, day):
    """"Staatssekretär für Bundes- und Europaangelegenheiten, Internationales sowie Medien"."""
    found: list[tuple[MinistryRef, int, int]] = []
    if "für " not in text:
        return found  # every portfolio's match follows "für "
    for ministry in registers.ministries:
        if ministry.land != land:
            continue
        for portfolio in ministry.portfolios:
            if portfolio not in text:
                continue  # its match holds it as written
            for match in re.finditer(rf"(?<=für )(?:die |den )?{re.escape(portfolio)}(?![\w-])",
                                     text):
                if _BODY_BEFORE.search(text[max(0, match.start() - 40):match.start()]):
                    continue  # "Ausschuss für Sport und Ehrenamt" is the Landtag's
                chosen = registers.ministry_by_portfolio(land, portfolio, day)
                if chosen is not None:
                    found.append((ministry_ref(chosen), match.start() - 4, match.end()))
    return found


def _generic(text, registers, land, day, defined: Abbreviations):
    """A ministry's name no register lists: kept under the abbreviation the document defines
    for it, else by name, unlinked."""
    found = []
    for start, end in _names_in(text):
        name = text[start:end]
        if " " not in name and name not in {"Staatskanzlei", "Staatsministerium"} \
                and defined.of_name(name) is None:
            continue  # a bare "Ministerium" says nothing about which one
        if " " not in name and _other_lands_adjective(text, start, registers, land):
            continue
        if _FEDERAL.match(name):
            continue  # "des Bundesministeriums der Verteidigung": the federation's, no Land's
        abbreviation = defined.of_name(name)
        known = registers.ministry_by_name(land, name, day) or (
            registers.ministry_by_abbreviation(land, abbreviation, day) if abbreviation else None)
        if known is not None:
            found.append((ministry_ref(known), start, end))
        elif abbreviation is not None:
            found.append((ministry_for_abbreviation(abbreviation, registers, land, day, defined),
                          start, end))
        elif _names_land_ministry(text, start, registers, land) and \
                not _OF_A_FOREIGN_BODY.match(text, end):
            label = canonical_name(name)
            if label in {"Staatskanzlei", "Senatskanzlei", "Staatsministerium"}:
                entry = registers.laender.get(land)
                label = f"{label} {entry.label_de}" if entry else label
            found.append((MinistryRef(land=land, key=label, label_de=label, registered=False),
                          start, end))
    return found


# "Minister für Finanzen und Wirtschaft", "Die Ministerin für Bundesangelegenheiten, Europa und
# Medien", "Staatsministerin für Kultur und Tourismus", "Der Minister der Justiz, für …"; not
# "eine Ministerin für …" (no one post). A state secretary's portfolio may be a post in the
# Staatskanzlei ("Staatssekretärin für Kultur und Europa"): no ministry of its own.
_MINISTER = re.compile(r"(?<![\w-])(?<!ein )(?<!eine )(?<!einen )(?<!einem )(?<!einer )"
                       r"(?P<title>(?:Staats)?[Mm]inister(?:in)?)"
                       r"(?P<lead>\s+(?:für|der|des)\s+)")
# The portfolio is another body's: "Minister für Erziehung … der Republik A", "… in der
# Regierung der Provinz A", "… und internationale Beziehungen von A". Only nouns, their
# adjectives, "und" and prepositions stand between: a verb, another conjunction or "und" with
# an article ("des Innern bekundete der tschechische …", "des Innern sowie mit der Ministerin
# …", "für Arbeit und Soziales und der Ministerin …") starts another phrase, whose "der" is no
# genitive of the portfolio.
_OF_ANOTHER = re.compile(r"(?:\s+(?:[A-ZÄÖÜ][\w-]*|in|im|bei|beim|an|am|der|des|von|"
                         r"und(?!\s+(?:der|des|dem|den|die)\b)|[a-zäöü]\w*(?=\s+[A-ZÄÖÜ])))"
                         r"{0,4}?"
                         r"\s+(?:der|des|von|aus)\s+(?!Landes\b|Freistaat)"
                         r"(?:[a-zäöü]\w*\s+)?[A-ZÄÖÜ]")


@cache
def _portfolio_words(registers: Registers) -> frozenset[str]:
    """The nouns of the portfolios the registers know of any Land's ministry, by their first
    six and their last eight letters ("Europa" as "Europaangelegenheiten",
    "Bundesangelegenheiten" as "Europaangelegenheiten"): the words a Land's minister's
    portfolio is made of."""
    words = {word.lower() for m in registers.ministries for text in (m.name_de, *m.portfolios)
             for word in re.findall(r"[A-ZÄÖÜ]\w*", text)}
    return frozenset({f"<{w[:6]}" for w in words} | {f">{w[-8:]}" for w in words})


def _a_lands_portfolio(portfolio: str, registers: Registers) -> bool:
    known = _portfolio_words(registers)
    return all(f"<{w.lower()[:6]}" in known or f">{w.lower()[-8:]}" in known
               for w in re.findall(r"[A-ZÄÖÜ]\w*", portfolio))


def _by_minister_portfolio(text, registers, land, day, defined: Abbreviations):
    """A minister's portfolio no register lists for the Land: the ministry of that name,
    unregistered ("erklärte Minister für Finanzen und Wirtschaft A" in a year the register does
    not cover: "Ministerium für Finanzen und Wirtschaft"). A portfolio the register knows is
    left to the register's ministries; part of one is that ministry."""
    found = []
    for match in _MINISTER.finditer(text):
        portfolio = None if _foreign_adjective(text, match.start(), registers, land) else \
            _ministers_portfolio(text, match)
        if portfolio is None:
            continue
        registered = _wider_portfolio(portfolio, registers, land, day)
        if registered == "":
            continue  # the register's own portfolio, word for word: read by `_by_portfolio`
        end = match.end() + len(portfolio)
        if registered is not None:  # "Staatsminister für Internationales": the register's post
            known = registers.ministry_by_portfolio(land, registered, day)
            if known is not None and portfolio not in known.portfolios:
                found.append((ministry_ref(known), match.start(), end))
        elif _a_lands_portfolio(portfolio, registers):  # not "für Frankophonie"
            head = "Staatsministerium" if match["title"].startswith("Staats") else "Ministerium"
            name = f"{head} {match['lead'].strip()} {portfolio}"
            known = registers.ministry_by_name(land, name, day)
            abbreviation = defined.of_name(name)  # "… Verkehr (SMWA)" defined by the document
            found.append((ministry_ref(known) if known is not None else
                          ministry_for_abbreviation(abbreviation, registers, land, day, defined)
                          if abbreviation is not None else
                          MinistryRef(land=land, key=name, label_de=name, registered=False),
                          match.start(), end))
    return found


def _wider_portfolio(portfolio: str, registers: Registers, land: str,
                     day: dt.date | None) -> str | None:
    """The registered portfolio of the Land a minister's portfolio is part of: "" where the
    register lists it word for word (that ministry's, though another's wider portfolio holds
    its words too: "Minister für Bundes- und Europaangelegenheiten sowie Internationales" is
    not the Staatskanzlei's "Bundes- und Europaangelegenheiten, Internationales sowie
    Medien"); else the wider one of a ministry in office on the day, else the first."""
    words = set(re.findall(r"[A-ZÄÖÜ]\w*", portfolio))
    wider = [(m, p) for m in registers.ministries if m.land == land
             for p in m.portfolios if words <= set(re.findall(r"[A-ZÄÖÜ]\w*", p))]
    if any(ns.slug(p) == ns.slug(portfolio) for _, p in wider):
        return ""
    current = [p for m, p in wider if m.valid_on(day)]
    chosen = current or [p for _, p in wider]
    return chosen[0] if chosen else None


_FURTHER_PORTFOLIO = re.compile(r",\s+für\s+(?=[A-ZÄÖÜ])")


def _ministers_portfolio(text: str, match: re.Match[str]) -> str | None:
    """The portfolio after a minister's title ("der Justiz, für Integration und Europa"),
    unless it is another body's ("… der kanadischen Provinz A") or a committee's."""
    first = _WORD.match(text, match.end())
    if first is None or _BODY_BEFORE.search(text[max(0, match.start() - 40):match.start()]):
        return None
    end = _portfolio_end(text, first)
    while (more := _FURTHER_PORTFOLIO.match(text, end)) is not None and \
            (word := _WORD.match(text, more.end())) is not None:
        end = _portfolio_end(text, word)
    if _OF_ANOTHER.match(text, end):
        return None
    parts = re.split(r"(?<!-)\s+und\s+(?=[A-ZÄÖÜ][^,]*$)", text[match.end():end])
    return " und ".join(parts[:2])  # "für Wirtschaft und Arbeit und Amtschef": the first


def _foreign_adjective(text: str, start: int, registers: Registers, land: str) -> bool:
    """"die tschechische Ministerin für …", "des Bayerischen Staatsministers" in another Land's
    text, "Auf luxemburgischer Seite waren der Minister für …": an adjective of a country or
    another Land before the title."""
    adjective = re.search(r"(?<![\w-])(\w+sch)(?:e|en|er|es)\s+$",
                          text[max(0, start - 40):start]) or \
        re.search(r"(?<![\w-])(\w+sch)er\s+Seite\b[^.;]*$", text[max(0, start - 120):start])
    if adjective is None:
        return False
    entry = registers.laender.get(land)
    return adjective.group(1).lower() not in ({a.lower() for a in entry.adjectives}
                                              if entry else set())


# A photo's credit or source line: "Foto: Staatskanzlei", "Bild: Bayerische Staatskanzlei",
# "(Foto: TSK)", "© Sächsische Staatskanzlei", "(Quelle: Staatsministerium Beispielland)".
_CREDIT_BEFORE = re.compile(r"(?:(?<![\w-])(?:Fotos?|Bild(?:er|quelle)?|Quelle|Copyright|Credits?)"
                            r"\s*:|©)\s*(?:[A-ZÄÖÜ][\w.-]*\s+){0,2}$")


def in_credit(text: str, start: int) -> bool:
    """A ministry named only as the author of a photo or the source of a caption is no
    ministry the text names as acting."""
    line_start = text.rfind("\n", 0, start) + 1
    return _CREDIT_BEFORE.search(text, max(line_start, start - 60), start) is not None


# "das Ministerium für Regionalentwicklung der Tschechischen Republik": another state's.
_OF_A_FOREIGN_BODY = re.compile(r"\s+(?:der|des)\s+(?:[A-ZÄÖÜ][\w-]*(?:e|en|er|es)\s+)?"
                                r"(?:Volksrepublik|Republik|Königreich\w*|Föderation|Provinz|"
                                r"Woiwodschaft|Präfektur|Oblast)\b")


def _names_land_ministry(text: str, start: int, registers: Registers, land: str) -> bool:
    """Not a foreign ministry ("des britischen Bildungsministeriums", "Ministry of …"); after
    the Land's own adjective it is the Land's ("des Niedersächsischen Ministeriums für …",
    "aus dem rheinland-pfälzischen Ministerium des Innern")."""
    before = text[max(0, start - 40):start]
    adjective = re.search(r"(?<![\w-])([\w-]*sch)(?:e|en|er|es)\s+$", before)
    if adjective is None:
        return True
    entry = registers.laender.get(land)
    return adjective.group(1).lower() in ({a.lower() for a in entry.adjectives} if entry else set())
