"""Cheap tests before expensive scans (issue 9, round ext15): each skips a scan only where the
scan could match nothing, so what it finds is what the scan alone found."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.documents import clean
from kg.documents.text import LinedText
from kg.extract import agreements, land, ministries
from kg.registers import load

_SPACY = st.text(alphabet="ab- \t\n\xa0\u2009\u00ad.", max_size=40)


def _lined(text: str) -> LinedText:
    return LinedText(text, list(range(len(text))))


def _same(a: LinedText, b: LinedText) -> bool:
    return a.text == b.text and list(a.lines) == list(b.lines)


def test_every_white_space_but_the_space_is_unprintable():
    """What lets single_spaced skip its scan of a printable text without two spaces."""
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    assert len(spaces) > 20
    assert [c for c in spaces if c != " " and c.isprintable()] == []


@settings(max_examples=400, deadline=None)
@given(_SPACY)
def test_spaces_are_made_single_as_the_scan_makes_them(text):
    assert _same(clean.single_spaced(_lined(text)), _lined(text).sub(clean._SPACES, " "))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aäB- ußx", max_size=40))
def test_inline_hyphens_are_joined_as_the_scan_joins_them(text):
    assert _same(clean.inline_hyphens_joined(_lined(text)),
                 _lined(text).sub(clean._INLINE_HYPHEN, clean._inline_joint))


def test_a_hyphen_inside_a_line_is_still_joined():
    assert clean.inline_hyphens_joined(_lined("Kooperations- vertrag")).text == \
        "Kooperationsvertrag"
    assert clean.single_spaced(_lined("a \t b\xa0c")).text == "a b c"


# Words of _PLANNED_SIGNING's alternatives and around them, in both cases where it matters.
_PLANNING_WORDS = ["wird", "werden", "soll", "sollen", "will", "kann", "zu", "lassen", "findet",
                   "statt", "hat", "worden", "Geplant", "Vorgesehen", "Beabsichtigt", "ist",
                   "Unterzeichnung", "unterzeichnen", "unterschreiben", "abschließen",
                   "schließen", "eingehen", "besiegeln", "erneuern", "Unterzeichnet",
                   "unterzeichnet", "Unterschrieben", "unterschrieben", "Geschlossen",
                   "geschlossen", "Abgeschlossen", "abgeschlossen", "Besiegelt", "besiegelt",
                   "Erneuert", "erneuert", "Erklärung", "am", "4.", "Mai", ".", ";", "x"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PLANNING_WORDS), max_size=8))
def test_a_planned_signing_holds_one_of_the_pieces_its_pre_test_looks_for(words):
    text = " ".join(words)
    if agreements._PLANNED_SIGNING.search(text):
        assert any(piece in text for piece in agreements._PLANNED_SIGNING_PIECES), text


def test_each_kind_of_planned_signing_is_still_announced():
    for sentence in ("Die Länder werden eine Erklärung unterzeichnen.",
                     "Er reist nach A, um die Vereinbarung zu erneuern.",
                     "Unterzeichnet werden soll zudem eine Erklärung.",
                     "Geplant ist die Unterzeichnung einer Erklärung.",
                     "Die Unterzeichnung findet im Rathaus statt.",
                     "Die Erklärung wird am 4. Mai besiegelt."):
        assert agreements._announced(sentence), sentence
    assert not agreements._announced("Die Erklärung wurde 2017 unterzeichnet.")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abc", min_size=1, max_size=3), max_size=4),
       st.text(alphabet="abc ", max_size=20))
def test_a_signs_words_are_found_as_the_plain_test_finds_them(words, text):
    present: dict[str, bool] = {}
    assert land._all_in(tuple(words), text, present) == all(w in text for w in words)
    assert land._all_in(tuple(words), text, present) == all(w in text for w in words)


def test_every_portfolio_is_still_found_after_fuer_and_none_without_it():
    registers = load()
    for ministry in registers.ministries:
        for portfolio in ministry.portfolios:
            text = f"Staatssekretär für {portfolio} sprach"
            found = ministries._by_portfolio(text, registers, ministry.land, None)
            plain = [m for m in re.finditer(rf"(?<=für )(?:die |den )?{re.escape(portfolio)}"
                                            rf"(?![\w-])", text)]
            assert bool(found) or not plain or \
                registers.ministry_by_portfolio(ministry.land, portfolio, None) is None
            assert ministries._by_portfolio(text.replace("für ", "fuer "), registers,
                                            ministry.land, None) == []


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="aÄ1_- \n", max_size=20))
def test_a_line_end_hyphen_is_only_where_the_line_ends_with_one(left):
    """What lets line_joint skip its scan of a line not ending in "-"."""
    if re.search(r"([^\W_]+)-$", left):
        assert left.endswith(("-", "-\n"))


def test_a_word_hyphenated_at_a_line_end_is_still_joined():
    assert clean.line_joint("Kooperations-", "vertrag") == (1, "")
    assert clean.line_joint("Kooperations", "vertrag") == (0, " ")
