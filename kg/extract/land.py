"""The Land whose government or parliament issued a document, from its text alone: each Land
gets votes from its signs (mappings/land-signs.csv; names and adjectives from laender.csv),
read so that documents as they come still show them: names broken by PDF hyphenation or a line
wrap ("Mecklenburg- Vorpommern", "Beispiel-Hol- stein"), soft hyphens, dashes and decomposed
umlauts, words in capitals or spaced letters run together ("LANDTAGMECKLENBURG-VORPOMMERN"),
inflected forms ("des Bayerischen Landtags").

Strong signs (bodies, portals, names, adjectives, capitals and cities) decide. Where they are
absent, or are no more than a Land named in passing, weak signs vote too: the Land's
ministries by name (kg/extract/land_ministries.py) and its smaller towns and districts; a
document with neither is set aside, as no reader could place it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from kg.extract.land_ministries import ministry_signs
from kg.registers import Registers

NO_LAND = "DE-XX"

# The Land's own bodies and offices count five times its name, its portal three times; its
# name after a body's word ("Landtag M-V", "Ministerpräsident von Bayern") counts as a body,
# after an own-word ("des Landes Brandenburg", "im Freistaat Sachsen") three times.
_WEIGHTS = {"issuer": 5, "portal": 3, "name": 1, "adjective": 1, "place": 1,
            "ministry": 1, "locality": 1}
_AFTER_INSTITUTION, _AFTER_OWN = 5, 3
_WEAK = frozenset({"ministry", "locality"})
# Strong votes this many decide alone: a body, a portal, a name after an own-word, or a name
# three times; fewer ("Gäste aus Beispielland") are weighed with the weak signs.
_DECIDING = 3

# An ending a capitalised word of a sign may take ("Bayerischen Landtags", "Kieler", "Bayerns").
_ENDING = r"(?:es|en|em|er|e|s|n|r|m)?"
# A Land named as another's: "mit meinem Kollegen Herrn X aus Y".
_ANOTHERS = re.compile(r"(?:[Aa]mts)?[Kk]olleg(?:e|en|in|innen)\b[^.;!?]{0,80}?\baus\s+"
                       r"(?:de[mn]\s+)?$")
# The shortest sign the last resort looks for in the text without spaces and hyphens.
_SQUEEZED_LENGTH = 7


@dataclass(frozen=True)
class _Pattern:
    """One Land's signs of one kind as a regular expression; `probes` are their words in
    lower case, a tuple for each sign: where no sign has all its words in the text, the
    expression cannot match (its expression holds each word as written). A name's may
    follow a body's word: `body`, the expression without that, is a quicker first test.
    Each is compiled when first needed: compiling all of them took a one-document
    rebuild's extraction most of its time."""

    land: str
    kind: str
    probes: tuple[tuple[str, ...], ...]
    expression: str
    body_expression: str | None

    @cached_property
    def loose(self) -> re.Pattern[str]:
        """Case-insensitive: finds capitals too."""
        return re.compile(self.expression, re.IGNORECASE)

    @cached_property
    def exact(self) -> re.Pattern[str]:
        """What a match must be, unless it is all capitals."""
        return re.compile(self.expression)

    @cached_property
    def body(self) -> re.Pattern[str] | None:
        """Case-insensitive; where it finds nothing, neither can `loose`."""
        if self.body_expression is None:
            return None
        return re.compile(self.body_expression, re.IGNORECASE)


@dataclass(frozen=True)
class _Vote:
    start: int
    end: int
    land: str
    weight: int


def land_of(texts: Iterable[str], registers: Registers) -> str:
    """The Land with most strong votes in the first text that has any (the document's own
    text first, then with its page furniture), its weak votes added where the strong ones do
    not decide; on a tie the Land whose sign comes first. Else the Länder's longer names and
    signs in the texts read without spaces and hyphens; else the weak votes alone; else
    NO_LAND."""
    texts = list(texts)
    readable: list[str] = []
    for raw in texts:
        text = _readable(raw)
        readable.append(text)
        strong = _votes(text, registers, weak=False)
        if strong:
            if max(_totals(strong).values()) >= _DECIDING:
                return _winner(strong) or NO_LAND
            return _winner(strong + _weak_votes(text, registers, strong)) or NO_LAND
    squeezed = _squeezed(" ".join(texts), registers)
    if squeezed:
        return squeezed
    return _winner(_weak_votes(" ".join(readable), registers, [])) or NO_LAND


# Hyphens and dashes as PDFs and word processors write them: soft, non-breaking, figure and
# en dash between two letters ("Mecklenburg–Vorpommern"), and invisible characters.
_HYPHENS = re.compile(r"(?<=\w)[\u2010\u2011\u2012\u2013\u2212](?=\w)")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A word in spaced-out letters ("L A N D T A G  B E I S P I E L"): words apart by more
# than one space.
_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
# A word hyphenated where a line ended, across the break or with the break run into a space
# ("Druck- sache"); not "Bundes- und Europaangelegenheiten".
_BROKEN_WORD = re.compile(r"(?<=[a-zäöüß])-\s+(?!(?:und|oder|bis|sowie|bzw|als|wie)\b)"
                          r"(?=[a-zäöüß])")


def _readable(text: str) -> str:
    """Characters in one form, spaced-out letters run together, lines and blocks run on, a
    word hyphenated across them joined again."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    text = _HYPHENS.sub("-", text)
    text = _SPACED.sub(lambda m: m.group().replace(" ", ""), text)
    text = _BROKEN_WORD.sub("", text)
    return re.sub(r"\s+", " ", text)


def _totals(votes: list[_Vote]) -> Counter[str]:
    total: Counter[str] = Counter()
    for vote in votes:
        total[vote.land] += vote.weight
    return total


def _weak_votes(text: str, registers: Registers, strong: list[_Vote]) -> list[_Vote]:
    """Weak votes that are not part of a strong sign ("Hochschule Beispielstadt" where the
    city is a strong sign)."""
    return [v for v in _votes(text, registers, weak=True)
            if not any(v.start < s.end and s.start < v.end for s in strong)]


def _winner(votes: list[_Vote]) -> str | None:
    total: Counter[str] = Counter()
    first: dict[str, int] = {}
    for vote in votes:
        total[vote.land] += vote.weight
        first.setdefault(vote.land, vote.start)
    if not total:
        return None
    best = max(total.values())
    return min((land for land, count in total.items() if count == best), key=first.__getitem__)


def _votes(text: str, registers: Registers, weak: bool) -> list[_Vote]:
    """Every strong (or weak) sign's match; one inside a longer one ("Sachsen" in
    "Sachsen-Anhalt", "Landtag Sachsen-Anhalt") gives no vote of its own."""
    lowered = text.lower()
    present: dict[str, bool] = {}  # a word in the text: the signs share many ("für", "und")
    found = []
    for pattern in _patterns(registers):
        if (pattern.kind in _WEAK) != weak:
            continue
        if not any(_all_in(words, lowered, present) for words in pattern.probes):
            continue
        if pattern.body is not None and not pattern.body.search(text):
            continue
        for match in pattern.loose.finditer(text):
            written = match.group()
            if written != written.upper() and not pattern.exact.fullmatch(written) \
                    and pattern.kind != "portal":
                continue
            weight = _weight(pattern.kind, match, text)
            if weight:
                found.append(_Vote(match.start(), match.end(), pattern.land, weight))
    kept, reach = [], -1
    for vote in sorted(found, key=lambda v: (v.start, -v.end, -v.weight)):
        if vote.end > reach:
            kept.append(vote)
            reach = vote.end
    return kept


def _all_in(words: tuple[str, ...], lowered: str, present: dict[str, bool]) -> bool:
    """Whether every word is in the lowered text, each word looked for once per text."""
    for word in words:
        found = present.get(word)
        if found is None:
            found = present[word] = word in lowered
        if not found:
            return False
    return True


def _weight(kind: str, match: re.Match[str], text: str) -> int:
    if kind != "name":
        return _WEIGHTS[kind]
    if match["institution"]:
        return _AFTER_INSTITUTION
    if match["own"]:
        return _AFTER_OWN
    return 0 if _ANOTHERS.search(text[max(0, match.start() - 120):match.start()]) else 1


@cache
def _patterns(registers: Registers) -> tuple[_Pattern, ...]:
    signs: dict[tuple[str, str], set[str]] = {}
    for entry in registers.laender.values():
        signs.setdefault((entry.code, "name"), set()).update((entry.label_de, *entry.names))
        for adjective in entry.adjectives:
            stem = adjective[:-1] if adjective.endswith("e") else adjective
            signs.setdefault((entry.code, "adjective"), set()).update(
                (stem, stem[0].upper() + stem[1:]))
    for sign in registers.land_signs:
        if sign.land and sign.kind != "ministry":
            signs.setdefault((sign.land, sign.kind), set()).add(sign.sign)
    for land, names in ministry_signs(registers).items():
        signs.setdefault((land, "ministry"), set()).update(names)
    institutions = _alternation(s.sign for s in registers.land_signs if s.kind == "institution")
    own = _alternation(s.sign for s in registers.land_signs if s.kind == "own")
    prefix = (rf"(?:(?P<institution>{institutions}\s?(?:(?:des|der|von)\s+(?:{own}\s+)?)?)"
              rf"|(?P<own>{own}\s+))?")
    patterns = []
    for (land, kind), forms in sorted(signs.items()):
        body = _alternation(forms)
        if kind == "adjective":
            body = rf"(?:{'|'.join(re.escape(f) for f in sorted(forms))})(?:e[nmrs]?)?"
        expression = rf"(?<![\w-]){prefix if kind == 'name' else ''}{body}(?!\w)"
        probes = tuple(sorted({_words(f.lower()) for f in forms}))
        patterns.append(_Pattern(land, kind, probes, expression,
                                 rf"{body}(?!\w)" if kind == "name" else None))
    return tuple(patterns)


def _words(sign: str) -> tuple[str, ...]:
    """The sign's pieces as `_form` reads them: its expression holds each as written."""
    return tuple(p for p in re.split(r"(\s+|-|/)", sign) if p and not p.isspace() and p not in "-/")


def _alternation(forms: Iterable[str]) -> str:
    return "(?:" + "|".join(_form(f) for f in sorted(set(forms), key=len, reverse=True)) + ")"


def _form(sign: str) -> str:
    """A sign as an expression: a space may be missing (spaced letters run together), a
    hyphen or slash may have spaces around it, a capitalised word may be inflected."""
    parts = []
    for piece in re.split(r"(\s+|-|/)", sign):
        if not piece:
            continue
        if piece.isspace():
            parts.append(r"\s?")
        elif piece in "-/":
            parts.append(rf"\s?{re.escape(piece)}\s?")
        else:
            inflected = piece[0].isupper() and piece[-1].isalpha() and not piece.isupper() \
                and "." not in sign
            parts.append(re.escape(piece) + (_ENDING if inflected else ""))
    return "".join(parts)


def _squeezed(text: str, registers: Registers) -> str | None:
    """The last resort: the Land whose longer names and signs the text holds when spaces,
    hyphens and case are ignored ("L A N D T A G  B R A N D E N B U R G"), longest first."""
    squeezed = re.sub(r"[^a-zäöüß]", "", unicodedata.normalize("NFKC", text).lower())
    forms = [(name, entry.code, "name") for entry in registers.laender.values()
             for name in (entry.label_de, *entry.names)]
    forms += [(s.sign, s.land, s.kind) for s in registers.land_signs
              if s.land and s.kind not in _WEAK]
    total: Counter[str] = Counter()
    for form, land, kind in sorted(forms, key=lambda f: -len(f[0])):
        letters = re.sub(r"[^a-zäöüß]", "", form.lower())
        if len(letters) >= _SQUEEZED_LENGTH and letters in squeezed:
            total[land] += squeezed.count(letters) * _WEIGHTS[kind]
            squeezed = squeezed.replace(letters, "#")
    return max(sorted(total), key=total.__getitem__) if total else None
