"""The date forms' finer signs (issue 9, round ext17): a form is skipped only where the text
lacks a piece every match of it holds, so what the scans find is what every form finds."""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import dates
from kg.documents import read
from kg.extract import agreements, partnership_words, scan, territories
from kg.registers import load
from tests.real_check import cases


def _every_form(text: str) -> list[tuple[int, tuple[int, int]]]:
    return [(index, match.span()) for index, form in enumerate(dates._FORMS)
            for match in form.pattern.finditer(text)]


def _scanned(text: str) -> list[tuple[int, tuple[int, int]]]:
    return [(dates._FORMS.index(form), match.span()) for form, match in dates._candidates(text)]


def _forms_scanned(text: str) -> set[int]:
    return {dates._FORMS.index(form) for form, _ in dates._scans(dates._signs(text))}


def _texts_of(path) -> list[str]:
    """A document's lines, blocks and table cells: the texts extraction asks for dates."""
    document = read(path)
    return [*document.lines, *(b.text for b in document.blocks),
            *(cell for b in document.blocks for cell in b.cells)]


@pytest.mark.parametrize("case", cases("dev"), ids=lambda case: case.name)
def test_the_finer_signs_skip_no_form_that_matches_in_a_real_page(case):
    mismatched = [text for text in _texts_of(case.document)
                  if _scanned(text) != _every_form(text)]
    assert not mismatched, f"{len(mismatched)} texts where a skipped form matches"


_PIECES = st.sampled_from(["3", "12", "2019", "07", ".", ". ", " .", "-", "–", "/", " ", ",",
                           " bis ", " und ", "März", "Mai", "May", "June", "st", "th", "Jahres",
                           "Oktober", "Okt.", "Dienstag, "])


@settings(max_examples=600, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_the_finer_signs_skip_no_form_that_matches_in_any_text(text):
    assert _scanned(text) == _every_form(text)


@pytest.mark.parametrize("text", [
    "2031-07-15", "03-12-2015", "12. 10. 2011", "12 .10.2011", "am 30.02. und", "14.02.29",
    "3.-10.11.2018", "16.10.-18.10.2018", "18., 19. und 20. Oktober 2023", "12 May 2015",
    "May 12, 2015", "October 20th 2015", "5. Oktober 2023 bis zum 3. März 2024",
    "März-August 2020", "Oktober 2023 bis März 2024", "MAERZ-AUGUST 2020",
])
def test_each_form_a_finer_sign_guards_is_still_found(text):
    for variant in (text, text.upper(), f"x {text} y"):
        assert _scanned(variant) == _every_form(variant)
    assert _every_form(text)


def test_a_plain_german_date_is_not_scanned_for_the_rarer_forms():
    """What the finer signs are for: "am 3. März 2019, 12 weitere Gäste" is no longer scanned for
    ISO dates, ranges of days or months, spaced figures, short years or English dates."""
    rarer = {0, 1, 2, 3, 5, 7, 8, 9, 10, 11, 12}
    assert _forms_scanned("Am 3. März 2019 trafen sich 12 weitere Gäste") & rarer == set()
    assert _forms_scanned("Am 3. März 2019 trafen sich 12 weitere Gäste") >= {13, 17}


# ------------------------------------------------------------------ one scan, its guard once

@cache
def _dev_texts() -> list[str]:
    return [text for case in cases("dev") for text in _texts_of(case.document)]


def test_a_guard_every_pattern_begins_with_is_taken_before_the_alternation():
    """The event words' common guard against person nouns is tried once at a place."""
    patterns = tuple(c.pattern for c in load().event_types if c.pattern is not None)
    guard = scan._leading_lookaround(patterns[0].pattern[len(scan._START):])
    assert guard.startswith("(?!") and guard.endswith(")")
    joined = scan.any_of(patterns).pattern
    assert joined.startswith(scan._START + guard) and joined.count(guard) == 1


@pytest.mark.parametrize("source, guard", [
    (r"(?![]a)])x", r"(?![]a)])"), (r"(?![^]a)])x", r"(?![^]a)])"), (r"(?!\)a)b", r"(?!\)a)"),
    (r"(?=a(b)c)d", r"(?=a(b)c)"), (r"(?<![\w-])x", r"(?<![\w-])"), (r"(?:a)b", ""), ("a", ""),
])
def test_the_leading_lookaround_is_read_to_its_closing_bracket(source, guard):
    assert scan._leading_lookaround(source) == guard


def _first_of_each(patterns, text: str) -> int | None:
    starts = [m.start() for p in patterns if (m := p.search(text))]
    return min(starts) if starts else None


def test_the_joined_patterns_find_the_first_place_any_finds_in_real_pages():
    registers = load()
    lists = [tuple(c.pattern for c in registers.event_types if c.pattern is not None),
             agreements.kind_patterns(registers)]
    for patterns in lists:
        joined = scan.any_of(patterns)
        for text in _dev_texts():
            found = joined.search(text)
            assert (found.start() if found else None) == _first_of_each(patterns, text)


# ------------------------------------------------------ a piece every match holds, first

def _befriended_by_scans(text: str) -> str | None:
    """befriended without its test of the bond words."""
    if not partnership_words._WITH.search(text) and not partnership_words._paired().search(text):
        return None
    if partnership_words.BEFRIENDED.search(text):
        return "Freundschaft"
    return "Partnerschaft" if partnership_words.BOUND.search(text) else None


def test_the_bond_words_skip_no_sentence_that_states_a_bond():
    for text in [*_dev_texts(), "Das Land ist seit 2031 mit der Provinz A befreundet.",
                 "Das Land und die Region A sind partnerschaftlich verbunden.",
                 "Mit der Präfektur A verbindet das Land eine enge Freundschaft."]:
        assert partnership_words.befriended(text) == _befriended_by_scans(text)


def test_a_sentence_without_a_bond_word_is_not_scanned(monkeypatch):
    def scanned(*_):
        raise AssertionError("scanned")
    monkeypatch.setattr(partnership_words, "_paired", scanned)
    assert partnership_words.befriended("Das Land und die Provinz A sind seit 2031 Partner.") \
        is None


def test_a_text_without_a_hyphen_or_a_bracket_is_given_back_unscanned(monkeypatch):
    registers = load()
    monkeypatch.setattr(territories, "_land_compound_pattern", None)
    monkeypatch.setattr(territories, "_kind_gloss_pattern", None)
    text = "die Partnerschaft Sachsen Nordufer, der Oblast Region Südufer"
    assert territories._land_compounds_apart(text, registers) is text
    assert territories._kind_glosses_apart(text, registers) is text


def test_the_compound_and_gloss_patterns_match_only_at_a_hyphen_and_a_bracket():
    registers = load()
    for text in _dev_texts():
        if "-" not in text:
            assert territories._land_compound_pattern(registers).search(text) is None
        if "(" not in text:
            assert territories._kind_gloss_pattern(registers).search(text) is None


# ---------------------------------------------------- a year's checks after its first digit

_MONTH_BEFORE = (
    rf"(?:(?<!\w)(?:{dates._MONTH_NAMES}|{dates._MONTH_NAMES.upper()})(?!\w)"
    rf"|(?<!\w)(?:{dates._MONTH_ABBREVIATIONS}|{dates._MONTH_ABBREVIATIONS.upper()})\.)"
)


def _as_before(form: dates._Form) -> re.Pattern[str]:
    """The form as it was written before: the checks of what stands before a year or a
    month's name first."""
    source = form.pattern.pattern.replace(dates._MONTH, _MONTH_BEFORE)
    for name, rest in (("y1", r"\d\d"), ("decade", r"\d0")):
        source = source.replace(dates._bare_year(name, rest),
                                rf"{dates._BARE_START}(?P<{name}>(?:19|20){rest})")
    return re.compile(source)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


_YEARISH = st.sampled_from(["2019", "1990", "1990er", "20", "19", "3", ".", "ab.", "ab", "-",
                            "–", " ", "/", ",", "x", "Jahr ", "im Jahr ", "Anfang ", " bis ",
                            "März", "MÄRZ", "Okt", "Sept.", "Dez", "Mai", "Maier", "e"])


def test_the_forms_check_before_a_years_first_digit_and_a_months_first_letter():
    changed = [index for index, form in enumerate(dates._FORMS)
               if _as_before(form).pattern != form.pattern.pattern]
    assert changed == [1, 2, 3, 4, 13, 14, 16, 17]
    assert re.compile(dates._MONTH).fullmatch("Okt.") and dates._MONTH.startswith("(?:S(?<!")


@settings(max_examples=800, deadline=None)
@given(st.lists(_YEARISH, max_size=12).map("".join))
def test_a_year_is_found_where_it_was_found_in_any_text(text):
    for form in dates._FORMS:
        assert _matches(form.pattern, text) == _matches(_as_before(form), text)


def test_a_year_is_found_where_it_was_found_in_real_pages():
    forms = [(form.pattern, _as_before(form)) for form in dates._FORMS]
    for text in _dev_texts():
        for now, before in forms:
            assert _matches(now, text) == _matches(before, text)


# ------------------------------------------------- the joined scan remembered by identity

class _Unhashed(tuple):
    """Patterns whose tuple cannot be hashed: remembering them by value would fail."""

    __hash__ = None  # type: ignore[assignment]


def test_the_joined_scan_is_remembered_without_hashing_the_patterns():
    first, second = re.compile(r"(?<!\w)Abkommen"), re.compile(r"(?<!\w)Vertrag")
    joined = scan.any_of(_Unhashed((first, second)))
    assert scan.any_of(_Unhashed((first, second))) is joined
    assert joined.search("ein Vertrag").start() == 4
    other = scan.any_of(_Unhashed((re.compile(r"(?<!\w)Abkommen"),)))
    assert other is not joined and other.search("ein Vertrag") is None
