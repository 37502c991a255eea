"""A chunk's lines become clean text: lines joined, hyphenation repaired, markup removed.

Every character keeps its source line (LinedText). Results are cached per document: read()
clears the cache when the document is done.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.documents.chunks import Chunk, Context
from kg.documents.patterns import INVISIBLE, MD_BULLET, MD_HEADING
from kg.documents.text import LinedText

# Words after "Bundes-" that show a suspended compound ("Bundes- und Europaangelegenheiten").
SUSPENSION_WORDS = frozenset(
    (
        "und oder sowie bzw. bzw beziehungsweise respektive resp. als wie noch bis "
        "und/oder oder/und & u. o. versus vs."
    ).split()
)
URL_OPEN_END = re.compile(r"(?:https?://|www\.)\S*[-/_=&?#%~]$")
JOINT_WINDOW = 512
LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}


def join_lines(left: str, right: str, evidence: str = "") -> str:
    """Join two consecutive lines of running text, repairing a hyphenation at the line end.

    ``evidence`` is lower-cased text of the same document: a compound that occurs there with a
    hyphen inside a line ("nordrhein-westfälischen") keeps its hyphen when split at it."""
    left, right = left.rstrip(), right.lstrip()
    drop, separator = line_joint(left, right, evidence)
    return left[: len(left) - drop] + separator + right


def line_joint(left: str, right: str, evidence: str = "") -> tuple[int, str]:
    """How to join ``left`` and ``right``: characters to drop from left's end, and a separator.

    Only left's tail decides (a URL or word is shorter than JOINT_WINDOW): a chunk's text
    grows line by line, and searching all of it at every line was quadratic."""
    left = left[-JOINT_WINDOW:]
    if left.endswith("\u00ad"):
        return 1, ""
    if URL_OPEN_END.search(left):
        return 0, ""
    # the scan only where it can match: "$" is the end or before a last line break
    hyphen = re.search(r"([^\W_]+)-$", left) if left.endswith(("-", "-\n")) else None
    if not hyphen or not right:
        return 0, " "
    return _hyphen_joint(hyphen.group(1), right, evidence)


def _hyphen_joint(piece: str, right: str, evidence: str) -> tuple[int, str]:
    """Keep a line-end hyphen where it is real: before a capital or digit ("Nordrhein-Westfalen",
    "Ober-Tal-Kreis"), after a capital or digit ("NRW-weit"), in a suspended compound
    ("Bundes- und"), or where the document writes the compound with a hyphen elsewhere."""
    word = right.split()[0]
    if word.lower().rstrip(",;:") in SUSPENSION_WORDS and len(piece) >= 3:
        return 0, " "
    if not word[0].isalpha() or word[0].isupper() or piece[-1].isupper() or piece[-1].isdigit():
        return 0, ""
    head = re.match(r"[^\W\d_]+", word)
    if evidence and head and len(piece) >= 3 and f"{piece}-{head.group()[:4]}".lower() in evidence:
        return 0, ""
    return 1, ""


def clean(chunk: Chunk, context: Context) -> LinedText:
    """The chunk's text: lines joined with hyphenation repaired, markup removed, spaces single."""
    return clean_lines(tuple(chunk.lines), chunk.kind, context)


def clean_lines(lines: tuple[tuple[int, str], ...], kind: str, context: Context) -> LinedText:
    """A fresh (mutable) copy of the cached cleaning result."""
    text, line_numbers = cleaned(lines, kind, context)
    return LinedText(text, line_numbers)


@lru_cache(maxsize=4096)
def cleaned(
    lines: tuple[tuple[int, str], ...], kind: str, context: Context
) -> tuple[str, tuple[int, ...]]:
    parts: list[str] = []  # joined once at the end: adding to a growing str is quadratic
    numbers: list[int] = []
    previous = 0
    for number, raw in lines:
        line = _prepare_line(raw, kind, context.rendering == "markdown")
        if not line:
            continue
        if parts:
            drop, separator = line_joint(_tail(parts), line, context.evidence)
            _drop_tail(parts, numbers, drop)
            parts.append(separator)
            numbers.extend([previous] * len(separator))
        parts.append(line)
        numbers.extend([number] * len(line))
        previous = number
    text = _strip_markup(LinedText("".join(parts), numbers), context.rendering == "markdown")
    if kind in ("text", "paragraph", "heading") and context.footnotes:
        text = _strip_footnote_marks(text, context.footnotes)
    text = single_spaced(text).strip()
    text = inline_hyphens_joined(text)
    text = text.sub(_SPACED_LETTERS, lambda m: m.group().replace(" ", ""))
    return text.text, tuple(text.lines)


# Spaces made single: every run of them but a lone " ", which would stay as it is.
_SPACES = re.compile(r"\s{2,}|[^\S ]")


# A word set in spaced letters for emphasis ("A n t w o r t", "K l e i n e"): one word again.
_SPACED_LETTERS = r"(?<![\w.])(?:[A-Za-zÄÖÜäöüß] ){3,}[A-Za-zÄÖÜäöüß](?![\w.])"


# A line-end hyphen that a copy from a PDF left inside the line ("Kooperations- vertrag").
_INLINE_HYPHEN = r"(?<=[A-Za-zÄÖÜäöüß][a-zäöüß])- (?=([a-zäöüß]+))"


def single_spaced(text: LinedText) -> LinedText:
    """Spaces made single; the scan skipped where it can match nothing: no two spaces in a row
    and no other white space (every white space but " " is unprintable)."""
    if "  " in text.text or not text.text.isprintable():
        return text.sub(_SPACES, " ")
    return text


def inline_hyphens_joined(text: LinedText) -> LinedText:
    """Words a PDF's line-end hyphen split inside a line joined again; the scan skipped where
    the text has no "- ", which every match holds."""
    if "- " in text.text:
        return text.sub(_INLINE_HYPHEN, _inline_joint)
    return text


def _inline_joint(match: re.Match[str]) -> str:
    """Join the word again, but not a suspended compound ("Bundes- und Europaminister")."""
    return "- " if match.group(1) in SUSPENSION_WORDS else ""


def _tail(parts: list[str]) -> str:
    """The last JOINT_WINDOW characters of the parts joined (all line_joint looks at)."""
    tail: list[str] = []
    size = 0
    for part in reversed(parts):
        tail.append(part)
        size += len(part)
        if size >= JOINT_WINDOW:
            break
    return "".join(reversed(tail))


def _drop_tail(parts: list[str], numbers: list[int], count: int) -> None:
    if not count:
        return
    del numbers[-count:]
    while count:
        last = parts.pop()
        if len(last) > count:
            parts.append(last[:-count])
            return
        count -= len(last)


def _prepare_line(raw: str, kind: str, markdown: bool) -> str:
    line = INVISIBLE.sub("", raw).strip()
    for ligature, letters in LIGATURES.items():
        line = line.replace(ligature, letters)
    if "\u00ad" in line[:-1]:
        line = line[:-1].replace("\u00ad", "") + line[-1]
    if kind == "heading" and markdown:
        match = MD_HEADING.match(line)
        line = match.group(2) if match else line
    elif markdown and MD_BULLET.match(line):
        line = MD_BULLET.sub("", line, count=1)
    return line


def _strip_markup(text: LinedText, markdown: bool) -> LinedText:
    """Links become their text, images and HTML tags go; in Markdown also emphasis and
    backslash escapes (escaped characters are protected first, then restored). Each
    expression runs only where the text holds the characters every match of it begins with
    (most lines hold no markup at all)."""
    if markdown and "\\" in text.text:
        text = text.sub(r"\\([!-/:-@\[-`{-~])", lambda m: chr(0xE000 + ord(m.group(1))))
    if "![" in text.text:
        text = text.sub(r"!\[[^\]]*\]\([^)]*\)", "")
    if "](" in text.text:
        text = text.sub(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)", 1)
    if "<" in text.text:
        text = text.sub(r"<(https?://[^>\s]+)>", 1)
        text = text.sub(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", " ")
    if "&" in text.text:
        for entity, char in (("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">")):
            text = text.sub(re.escape(entity), char)
    if markdown:
        text = _strip_emphasis(text)
        text = text.sub("[\ue000-\ue07f]", lambda m: chr(ord(m.group()) - 0xE000))
    return text


# Each emphasis mark: a sign the text must hold for its pattern to be worth running, and the
# pattern; in the order they are removed (bold before italic, so "**a**" is not two italics).
_EMPHASIS = (
    ("*", r"(?<![\w*])\*\*(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![\w*])"),
    ("__", r"(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)"),
    ("*", r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"),
    ("_", r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"),
    ("~~", r"~~(?=\S)(.+?)(?<=\S)~~"),
    ("`", r"`([^`]+)`"),
)


def _strip_emphasis(text: LinedText) -> LinedText:
    """Remove **bold**, __bold__, *italic*, _italic_, ~~struck~~ and `code` marks; a lone star
    inside a word ("Richter*innen") is not emphasis and stays."""
    for sign, pattern in _EMPHASIS:
        if sign in text.text:
            text = text.sub(pattern, 1)
    return text.sub(r"(?<![\w*])\*\*(?![\w*])", "") if "**" in text.text else text


def _strip_footnote_marks(text: LinedText, numbers: frozenset[int]) -> LinedText:
    """Footnote markers glued to punctuation ("Ostasien.1") go when that footnote exists."""
    pattern = r"(?<=[.,;:!?“”\"')\]])(\d{1,3})(?=\s|$)"
    return text.sub(pattern, lambda m: "" if int(m.group(1)) in numbers else m.group(1))


def cell_text(cell: str, context: Context) -> str:
    return clean_lines(((0, cell),), "cell", context).text
