"""The partnership word a sentence uses and the kind of partnership it names
("Regionalpartnerschaften" -> "Regionalpartnerschaft"), shared by every module that must
tell the Land's partnerships from others'."""

from __future__ import annotations

import re

from kg.extract.cues import CITY_PARTNERSHIP, OTHERS_PARTNERSHIP, PARTNERSHIP

_STEM = re.compile(r"(?<=[Pp]artner)(?:schaft|region|länder|land|provinz|präfektur|bundesstaat|"
                   r"staat|departement|woiwodschaft|wojewodschaft|oblast|kanton|stadt|städte)|"
                   r"(?<=Freundschafts)(?:vertrag|provinz|region|präfektur)")
# A named network of regions ("Oder-Partnerschaft"), or the partners of an organisation named
# by its abbreviation ("EU-Partnerländer"): no partnership of the Land.
_NETWORK = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+-[Pp]artnerschaft|[A-ZÄÖÜ]{2,}-[Pp]artner")


def kind_of(text: str, city: bool = False) -> str | None:
    """The first partnership word of the Land's kind, in the nominative singular; a city
    partnership is the Land's only where the Land is a city."""
    for match in PARTNERSHIP.finditer(text):
        word = match["kind"]
        if not word[0].isupper() or OTHERS_PARTNERSHIP.match(word) or \
                (not city and CITY_PARTNERSHIP.search(word)) or _NETWORK.match(word):
            continue  # "partnerschaftliche Beziehungen", "Oder-Partnerschaft": no partnership
        return _singular(word)
    return None


def _singular(word: str) -> str:
    """"Regionalpartnerschaften" -> "Regionalpartnerschaft", "Partnerländer" -> "Partnerland",
    "Partnerschaftserklärung" -> "Partnerschaft"."""
    stem = _STEM.search(word)
    if stem is None:
        return word.rstrip("-")
    head = word[:stem.start()] + stem.group()
    for plural, singular in (("länder", "land"), ("städte", "stadt")):
        if head.endswith(plural):
            return head[:-len(plural)] + singular
    return head
