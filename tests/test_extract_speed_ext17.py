"""The date forms' finer signs (issue 9, round ext17): a form is skipped only where the text
lacks a piece every match of it holds, so what the scans find is what every form finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import dates
from kg.documents import read
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
