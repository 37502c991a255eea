"""Signatures: after a closing formula or date line, blocks of a signatory's name and post."""

from __future__ import annotations

import itertools
import re

from kg.documents.chunks import Chunk, Context
from kg.documents.clean import clean, clean_lines
from kg.documents.patterns import CLOSING_FORMULA, DATE_LINE, closed

# Lines that stand before a signatory's name: "In Vertretung", "gez.", "Für den Freistaat Bayern".
SIGNATURE_PREFIX = re.compile(
    r"(?i)^(?:in\s+vertretung|im\s+auftrag|i\.\s?v\.|i\.\s?a\.|gez\."
    r"|(?:für|for|pour|per|za|voor)\s+(?:den|die|das|the|la|le|l'|il|het|de)?\s*[^.!?]{2,70})$"
)
# Words that may stand before the title of a post ("Der Stellvertretende Ministerpräsident").
POST_LEAD = frozenset(
    (
        "der die the stellvertretender stellvertretende erster erste regierender regierende "
        "amtierender amtierende deputy vice"
    ).split()
)
NAME_TITLES = frozenset(
    (
        "dr. prof. h.c. dipl.-ing. dr.-ing. med. phil. jur. rer. nat. pol. herr herrn "
        "frau mdl mdb mdep gez."
    ).split()
)
# Particles of names: the first may follow a given name ("Erika von der Musterfrau"), the
# second only another particle ("von der", "de la").
NAME_PARTICLES = frozenset(
    "von van de di da zu vom zur del della dos al el bin ibn ten ter y".split()
)
NAME_INNER_PARTICLES = frozenset("der den de la le du des".split())
# Capitalised words that start German phrases, never names ("Die Ministerin", "Bericht der").
NOT_NAME_WORDS = frozenset(
    (
        "der die das den dem des ein eine einer und oder mit für zum zur im am an auf bei aus "
        "nach über unter vor bis ich wir sie es sehr liebe lieber herzlichen"
    ).split()
)
# Endings of adjectives and abstract nouns, which no name has ("Sächsische", "Informationen").
NOT_NAME_ENDING = re.compile(
    r"(?i)(isch(e|er|es|en|em)?|ungen|heit(en)?|keit(en)?|schaft(en)?|tion(en)?|ität(en)?|ismus)$"
)
NAME_TOKEN = re.compile(r"^[A-ZÄÖÜÀ-ÞĀ-Ž][^\W\d_]*(?:[-'’][^\W\d_]+)*\.?$")
# Stems of the titles of posts, as they stand under a signatory's name.
POST_STEM = re.compile(
    r"(?i)(minister|pr[äeé]sident|sekretär|senator|bürgermeister|gouverneur|governor|botschafter"
    r"|ambassador|konsul|landrat|leiter|chef|direktor|director|vorsitz|beauftragt|kanzler"
    r"|premier|mayor|president|secretary|bevollmächtigt|abgeordnet|hauptmann|marschall"
    r"|präfekt|dezernent|sprecher|vertreter|intendant|rektor|amtschef|staatsrat|mdl|mdb)"
)


def mark_signatures(chunks: list[Chunk], context: Context) -> list[Chunk]:
    """After a closing formula ("Mit freundlichen Grüßen") or a date line, the following blocks
    that start with a person's name are signatures: name line plus post lines, one block per
    signatory. After a bare date line, and in the last third of a document without either
    (an answer signed by its minister), a signatory needs a post line."""
    parts = [part for chunk in chunks for part in _split_triggers(chunk, context)]
    result: list[Chunk] = []
    armed = ""
    index = 0
    while index < len(parts):
        part = parts[index]
        index += 1
        trigger = _trigger(part, context)
        if trigger:
            result.append(part)
            armed = trigger
            continue
        mode = armed or ("tail" if part.first > context.line_count * 2 / 3 else "")
        if mode and _name_then_post(parts, index, context):  # PDF text: in two blocks
            part = Chunk(part.kind, part.lines + parts[index].lines)
            index += 1
        armed = _take_signatures(part, mode, result, context)
    return result


def _name_then_post(parts: list[Chunk], index: int, context: Context) -> bool:
    """parts[index - 1] is a name alone, parts[index] a block of post lines."""
    name = parts[index - 1]
    if index >= len(parts) or len(name.lines) != 1:
        return False
    return name_like(_line_text(name.lines[0], context)) and _post_block(parts[index], context)


def _post_block(chunk: Chunk, context: Context) -> bool:
    """A block of one to three lines naming a post ("Chef der Staatskanzlei")."""
    if chunk.kind not in ("paragraph", "heading") or len(chunk.lines) > 3:
        return False
    texts = [_line_text(line, context) for line in chunk.lines]
    return _post_title(texts[0]) and all(len(t) <= 120 for t in texts)


def _trigger(chunk: Chunk, context: Context) -> str:
    if chunk.kind not in ("paragraph", "heading"):
        return ""
    text = clean(chunk, context).text
    if CLOSING_FORMULA.match(text):
        return "closing"
    return "date" if DATE_LINE.match(text) else ""


def _split_triggers(chunk: Chunk, context: Context) -> list[Chunk]:
    """In single-spaced text the closing formula or date line may share a block with the
    names: put such a line in a block of its own."""
    if chunk.kind != "paragraph" or len(chunk.lines) < 2:
        return [chunk]
    for index, (number, raw) in enumerate(chunk.lines):
        line = clean_lines(((number, raw),), "text", context).text
        if CLOSING_FORMULA.match(line) or (DATE_LINE.match(line) and index == 0):
            parts = [chunk.lines[:index], [(number, raw)], chunk.lines[index + 1 :]]
            return [Chunk("paragraph", part) for part in parts if part]
    return [chunk]


def _take_signatures(chunk: Chunk, armed: str, result: list[Chunk], context: Context) -> str:
    """Peel signatories off the start of an armed chunk; returns whether still armed. Lines
    before a name such as "In Vertretung" or "Für den Freistaat Bayern" stay a paragraph."""
    if not armed or chunk.kind not in ("paragraph", "heading"):
        result.append(chunk)
        return ""
    lead = _signature_lead(chunk.lines, context)
    if lead == len(chunk.lines):
        result.append(chunk)
        return armed
    loose = context.rendering in ("markdown", "plain")
    signatures, rest = _signatories(chunk.lines[lead:], loose, context)
    if armed in ("date", "tail"):
        signatures = list(itertools.takewhile(lambda group: len(group) > 1, signatures))
        rest = chunk.lines[lead + sum(len(group) for group in signatures) :]
    if lead and signatures:
        result.append(Chunk("paragraph", chunk.lines[:lead]))
    elif lead:
        rest = chunk.lines
    result.extend(Chunk("signature", lines) for lines in signatures)
    if rest:
        result.append(Chunk(chunk.kind, rest))
    return armed if signatures and not rest else ""


def _signature_lead(lines: list[tuple[int, str]], context: Context) -> int:
    """How many of the first lines (at most two) stand before a signatory's name."""
    count = 0
    while count < min(2, len(lines)) and SIGNATURE_PREFIX.match(_line_text(lines[count], context)):
        count += 1
    return count


def _signatories(lines, loose: bool, context: Context) -> tuple[list[list], list]:
    """Split lines into [name, post, post...] groups from the start; the rest is not signature."""
    groups: list[list] = []
    index = 0
    while index < len(lines) and name_like(_line_text(lines[index], context)):
        group = [lines[index]]
        index += 1
        while index < len(lines) and _post_like(_line_text(lines[index], context), group, loose):
            group.append(lines[index])
            index += 1
        groups.append(group)
    return groups, list(lines[index:])


def _line_text(line: tuple[int, str], context: Context) -> str:
    return clean_lines((line,), "text", context).text


def name_like(text: str) -> bool:
    """A person's name: two to six words, capitalised, particles such as "von der" between
    them, titles such as "Dr." allowed; no digits, no sentence punctuation, no adjectives
    ("Sächsische Staatskanzlei") and no function words ("Bericht der Landesregierung")."""
    text = re.sub(r"(?i)^gez\.?\s+", "", text.strip())
    words = text.split()
    if not 2 <= len(words) <= 6 or len(text) > 60 or re.search(r"[\d,;:!?()]", text):
        return False
    names = [w for w in words if w.lower() not in NAME_TITLES]
    if len(names) < 2 or names[-1].endswith("."):
        return False
    return all(
        _name_word(word, previous) for previous, word in zip(["", *names], names, strict=False)
    )


def _name_word(word: str, previous: str) -> bool:
    lower = word.lower()
    if previous and lower in NAME_PARTICLES:
        return True
    if lower in NAME_INNER_PARTICLES and previous.lower() in NAME_PARTICLES:
        return True
    if lower in NOT_NAME_WORDS or not NAME_TOKEN.match(word):
        return False
    return not NOT_NAME_ENDING.search(word)


def _post_like(text: str, group: list, loose: bool) -> bool:
    """A post line under a name: it starts with the title of a post ("Ministerpräsident des
    Landes ...", "Der Stellvertretende Ministerpräsident"), continues one (lower-case start),
    or (where blocks are separated by blank lines) is any short line that is not a sentence."""
    if not text or len(text) > 120 or (name_like(text) and not _post_title(text)):
        return False
    if _post_title(text) or (len(group) > 1 and text[0].islower()):
        return True
    return loose and not closed(text) and not SIGNATURE_PREFIX.match(text)


def _post_title(text: str) -> bool:
    words = text.split()
    while len(words) > 1 and words[0].lower() in POST_LEAD:
        words = words[1:]
    return bool(words) and bool(POST_STEM.search(words[0]))
