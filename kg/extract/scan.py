"""One scan for many patterns: where a text is asked whether (or where first) any of a list of
the registers' patterns occurs, their alternation answers in one pass what a loop over them
answers in as many passes as there are patterns."""

from __future__ import annotations

import re

_START = r"(?<!\w)"  # what the registers' patterns begin with (kg/registers.py)
_BACKREFERENCE = re.compile(r"\\[1-9]|\(\?P=")


# The joined expressions made so far, by the identities of the patterns joined; each entry
# holds its patterns, so that no identity in a key can be another object's while it is kept.
_JOINED: dict[tuple[int, ...], tuple[tuple[re.Pattern[str], ...], re.Pattern[str] | None]] = {}
_JOINED_KEPT = 64


def any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """An expression that matches at just the places where one of the patterns does (none
    anywhere for no patterns), their common "(?<!\\w)" and guard taken before the
    alternation; None where the patterns cannot be joined so (flags that differ,
    back-references, a group name twice): the caller then asks each.

    Remembered by the patterns' identities, not their values: hashing a compiled pattern
    hashes all its compiled code, and the registers' long alternations made that lookup,
    asked for every sentence, cost more than some scans."""
    key = tuple(map(id, patterns))
    kept = _JOINED.get(key)
    if kept is None:
        if len(_JOINED) >= _JOINED_KEPT:
            _JOINED.clear()
        kept = _JOINED[key] = (patterns, _joined(patterns))
    return kept[1]


def _joined(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    if not patterns:
        return re.compile(r"(?!)")
    sources = [p.pattern for p in patterns]
    if len({p.flags for p in patterns}) > 1 or any(_BACKREFERENCE.search(s) for s in sources):
        return None
    start = _START if all(s.startswith(_START) for s in sources) else ""
    sources = [s[len(start):] for s in sources]
    while (guard := _leading_lookaround(sources[0])) and all(s.startswith(guard) for s in sources):
        start += guard
        sources = [s[len(guard):] for s in sources]
    alternation = "|".join(f"(?:{s})" for s in sources)
    try:
        return re.compile(f"{start}(?:{alternation})", patterns[0].flags)
    except re.error:
        return None


def _leading_lookaround(source: str) -> str:
    """The lookahead or lookbehind group the expression begins with ("" if none). Shared by
    every pattern, it is tried once at a place rather than once per pattern: the registers'
    event words all begin with the same guard against person nouns, which reads the whole
    word each time."""
    if not source.startswith(("(?=", "(?!", "(?<=", "(?<!")):
        return ""
    depth, index, class_start = 0, 0, None  # class_start: where a "[…]" being read began
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if class_start is not None:
            if char == "]" and index > class_start:  # "[]" and "[^]" begin with a literal "]"
                class_start = None
        elif char == "[":
            class_start = index + (2 if source.startswith("[^", index) else 1)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return source[:index + 1]
        index += 1
    return ""


def occurs(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    """Whether any of the patterns occurs in the text."""
    joined = any_of(patterns)
    if joined is None:
        return any(p.search(text) for p in patterns)
    return joined.search(text) is not None
