"""Many names as one regular expression that shares their common beginnings.

Python's engine tries an alternation's branches one after the other at every position of the
text: "Aa|Ab|Ac|…" of a register's 900 names costs nine hundred tests a character. Written as
a tree of their characters ("A(?:a|b|c)…") it costs a few. The expression matches exactly
what the plain alternation of the names, longest first, matches: where one name begins
another, the longer is tried first, as there; two names of which neither begins the other
cannot both match at one place."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Atom = Callable[[str], str]


def alternation(names: Iterable[str], atom: Atom = re.escape,
                kept: Callable[[str], bool] | None = None) -> str:
    """The same as `"|".join(escaped(n) for n in sorted(names, key=len, reverse=True))`,
    where `escaped(n)` is `"".join(atom(c) for c in n)`, as a tree. `atom(c)` is the
    expression for one character; two characters' expressions must match the same strings
    or never the same one (escaped characters of an expression without IGNORECASE), and each
    name's expression must match a text in one way at most. A name for which `kept` is true
    (one that could match one text in two ways, or whose expression overlaps another's) is
    written out whole at its place in that order, between the trees of the names before and
    after it."""
    ordered = sorted(names, key=len, reverse=True)
    parts: list[str] = []
    run: list[str] = []
    for name in ordered:
        if kept is not None and kept(name):
            parts += [_tree(run, atom)] if run else []
            parts.append("".join(atom(c) for c in name))
            run = []
        else:
            run.append(name)
    parts += [_tree(run, atom)] if run else []
    return "|".join(parts)


def _tree(names: list[str], atom: Atom) -> str:
    root: dict[str, dict] = {}
    ends: set[int] = set()  # the ids of the nodes where a name ends
    for name in names:
        node = root
        for character in name:
            node = node.setdefault(atom(character), {})
        ends.add(id(node))
    return _expression(root, ends, top=True)


def _expression(node: dict[str, dict], ends: set[int], top: bool = False) -> str:
    """The node's names' rests; at the top, the bare alternation, as the caller wraps it."""
    branches = [key + _expression(child, ends) for key, child in node.items()]
    if not branches:
        return ""
    if id(node) in ends:  # a shorter name ends here: after the longer ones that go on
        return f"(?:{'|'.join(branches)})?"
    if len(branches) == 1 or top:
        return "|".join(branches)
    return f"(?:{'|'.join(branches)})"
