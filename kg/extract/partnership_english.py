"""Partnerships stated in English: a Land's pages for an international audience, a partner's
embassy or agency reporting on its partnership with the Land ("Since 1995, the Land and the
province have maintained a vibrant partnership", "our federal state maintains numerous
partnerships: - in A with B"). Only a document written in English is read this way, so that
an English project's or network's name in a German text ("Eastern Partnership") states
nothing."""

from __future__ import annotations

import re

from kg.dates import DateValue, PartialDate
from kg.extract.analysis import Setting, SpanFacts
from kg.extract.text import Span

# Function words that tell English prose from German: a document is English where they
# clearly outnumber the German ones.
_ENGLISH_WORDS = frozenset("the and of with has have is are was were since between its their "
                           "which this that for from by".split())
_GERMAN_WORDS = frozenset("der die das und mit ist sind war waren seit zwischen den dem des "
                          "ein eine einer für von durch".split())
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+")


def is_english(text: str) -> bool:
    """The text is written in English: at least twenty English function words, and more than
    three times as many as German ones."""
    words = [w.lower() for w in _WORD.findall(text)]
    english = sum(w in _ENGLISH_WORDS for w in words)
    german = sum(w in _GERMAN_WORDS for w in words)
    return english >= 20 and english > 3 * german


# "partnership(s)", "project-partnership", "twinning agreement", "partner region(s)", "sister
# state": the Land's partnership words in English (not "sister city" or "twin town", a city's).
PARTNERSHIP_EN = re.compile(
    r"(?<![\w-])(?P<kind>(?:[Pp]roject-)?[Pp]artnerships?|[Tt]winning(?:\s+(?:[Aa]greement|"
    r"[Aa]rrangement)s?)?|[Pp]artner[- ](?:[Rr]egion|[Pp]rovince|[Ss]tate|[Pp]refecture|"
    r"[Cc]ountry|[Cc]ountries)s?|[Ss]ister[- ](?:[Ss]tate|[Pp]rovince|[Rr]egion)s?)(?![\w-])")
# "partnerships between universities", "the partnership of the schools": others' partnership.
_OTHERS_EN = re.compile(r"\s+(?:between|of|among)\s+(?:the\s+)?(?:\w+\s+)?(?:universit|school|"
                        r"cit(?:y|ies)|town|municipalit|compan|chamber|club|associat)", re.I)


def english_kind(text: str) -> str | None:
    """The first partnership word of an English sentence, lower-case and singular
    ("Twinning Agreement" -> "twinning agreement", "partnerships" -> "partnership")."""
    for match in PARTNERSHIP_EN.finditer(text):
        if _OTHERS_EN.match(text, match.end()):
            continue
        word = re.sub(r"\s+", " ", match["kind"].lower())
        if word.endswith("countries"):
            return word[:-len("countries")] + "country"
        return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    return None


# "Since 1995, …", "since the year 2001", "established in 1995", "was founded in May 1995".
_SINCE_EN = re.compile(r"(?<!\w)(?:[Ss]ince|(?:established|founded|began|started|signed)\s+in)"
                       r"\s+(?:(?:the\s+)?year\s+)?$")


def english_start(sentence: Span, within: SpanFacts) -> DateValue | None:
    """The one start an English partnership sentence gives ("Since 1995, the Land and A have
    maintained a partnership"); none where it gives several or counts ("for more than 20
    years")."""
    text = sentence.block.text
    starts = [d.value for d in within.dates if d.value.complete
              and _SINCE_EN.search(text[max(0, d.start - 30):d.start])]
    if len(starts) != 1:
        return None
    value = starts[0]
    return DateValue(value.start, text=value.text) if value.end is not None else value


# "to celebrate the 20 years of successful relations", "the year of the 20th anniversary",
# "the 25th anniversary of the partnership": a jubilee, counted back from the year of the
# sentence's date or else the document's (not "for more than 20 years", a loose count).
_JUBILEE_EN = re.compile(r"(?<!\w)(?:celebrat\w*\s+(?:the\s+|its\s+|their\s+)?(?P<years>\d{1,3})\s+"
                         r"years\b|(?P<nth>\d{1,3})(?:st|nd|rd|th)\s+anniversary\b)")


def english_jubilee(sentence: Span, within: SpanFacts, setting: Setting) -> DateValue | None:
    """The start an English sentence's jubilee gives: its count back from the year of the
    sentence's one dated occasion, or from the document's year."""
    match = _JUBILEE_EN.search(sentence.text)
    if match is None:
        return None
    years = int(match["years"] or match["nth"])
    dated = {d.value.start.year for d in within.dates if d.value.complete and d.value.start.year}
    if len(dated) > 1:
        return None
    year = next(iter(dated)) if dated else \
        setting.reference.year if setting.reference is not None else None
    if year is None or not 0 < years < 200:
        return None
    return DateValue(PartialDate(year - years), text=match.group())
