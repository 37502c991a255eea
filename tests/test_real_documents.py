"""Real documents of the Länder (tests/real/): each development case's partnerships,
agreements and officials come out of a build of the whole folder. A fact the product still
misses is listed, with its reason, in the case's known-misses.json: that case and fact type is
a strict xfail, so fixing it is noticed, and a miss that is not listed fails. The validation
cases are scored by bench/truth.py only, never tested here (they are not tuned on)."""

from __future__ import annotations

import pytest

from tests.real_check import Outcome, cases, fact_text, run

TESTED = ("partnerships", "agreements", "officials")
DEV = cases("dev")


@pytest.fixture(scope="module")
def outcomes() -> dict[str, Outcome]:
    return {o.case.name: o for o in run(DEV)}


def _params():
    for case in DEV:
        known = case.known_misses
        for kind in TESTED:
            marks = []
            if known.get(kind):
                reasons = "; ".join(sorted(set(known[kind].values())))
                marks = [pytest.mark.xfail(strict=True, reason=reasons)]
            yield pytest.param(case.name, kind, marks=marks, id=f"{case.name}-{kind}")


@pytest.mark.slow
@pytest.mark.parametrize(("case", "kind"), list(_params()))
def test_the_case_facts_come_out(outcomes: dict[str, Outcome], case: str, kind: str):
    outcome = outcomes[case]
    assert outcome.failure is None or any(outcome.found.values()), outcome.failure
    assert not outcome.misses(kind), sorted(fact_text(f) for f in outcome.misses(kind))


@pytest.mark.slow
@pytest.mark.parametrize("case", [c.name for c in DEV])
def test_no_miss_beyond_the_known_ones(outcomes: dict[str, Outcome], case: str):
    outcome = outcomes[case]
    known = outcome.case.known_misses
    new = {kind: sorted(fact_text(f) for f in outcome.misses(kind)
                        if fact_text(f) not in known.get(kind, {}))
           for kind in TESTED}
    assert not any(new.values()), new


def test_every_case_is_complete_and_split():
    for case in cases():
        assert case.document.is_file(), case.name
        assert case.split in {"dev", "validation"}, case.name
        assert case.source.get("url", "").startswith("http"), case.name
        assert case.expected["land"].startswith("DE-"), case.name


def test_about_a_quarter_is_kept_for_validation():
    every = cases()
    share = len([c for c in every if c.split == "validation"]) / len(every)
    assert 0.2 <= share <= 0.3, share


def test_roles_compare_by_the_register_not_by_spelling():
    """A reader writes the post as the text spells it; the graph labels it by the register:
    "Wojewode" is the register's "Woiwode", "Botschafterin" its "Botschafter"."""
    from tests.real_check import _role

    assert _role("Wojewode") == _role("Woiwode")
    assert _role("Botschafterin") == _role("Botschafter")
    assert _role("Wojewode") != _role("Vizewoiwode")


def test_ministries_compare_by_the_names_the_register_gives_them():
    """A reader writes the ministry as the text names it ("Innenministerium"); the graph has
    the register's ministry, whose other names (`aliases`) count as its own, also after the
    Land's adjective; another ministry's name does not."""
    from kg.records import MinistryRef
    from tests.real_check import _key, _same, ministry_fact

    interior = ministry_fact(MinistryRef(
        land="DE-BW", key="IM", abbreviation="IM",
        label_de="Ministerium des Inneren, für Digitalisierung und Kommunen Baden-Württemberg"))
    assert _same((_key("Innenministerium"),), interior)
    assert _same((_key("IM"),), interior)
    assert not _same((_key("Finanzministerium"),), interior)
    economy = ministry_fact(MinistryRef(
        land="DE-HE", key="x", label_de="Ministerium für Wirtschaft", registered=False))
    assert not _same((_key("Hessisches Wirtschaftsministerium"),), economy)
