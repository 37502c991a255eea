"""What is computed from fixed files only is remembered on disk (kg/fixed.py), per version of
those files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import fixed, reason


@pytest.fixture(autouse=True)
def folder(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_value_is_computed_once_per_version_of_its_sources(tmp_path: Path, folder: Path):
    source = tmp_path / "register.csv"
    source.write_text("a\n", encoding="utf-8")
    calls: list[int] = []

    def compute() -> list[str]:
        calls.append(1)
        return source.read_text(encoding="utf-8").split()

    assert fixed.remembered("index", [source], compute) == ["a"]
    assert fixed.remembered("index", [source], compute) == ["a"]
    assert len(calls) == 1
    source.write_text("a\nb\n", encoding="utf-8")
    assert fixed.remembered("index", [source], compute) == ["a", "b"]
    assert len(calls) == 2
    assert len(list(folder.glob("index-*.pickle"))) == 1  # the older version is gone

    (entry,) = folder.glob("index-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert fixed.remembered("index", [source], compute) == ["a", "b"]
    assert len(calls) == 3


def test_the_remembered_ontology_closure_is_owlrl_s(folder: Path):
    computed = sorted(reason._closure_triples(reason.ONTOLOGY_FILE))
    reason._ontology_closure.cache_clear()
    try:
        first = sorted(reason.ontology_closure())
        reason._ontology_closure.cache_clear()
        again = sorted(reason.ontology_closure())  # read from the cache folder
    finally:
        reason._ontology_closure.cache_clear()
    assert list(folder.glob("ontology-closure-*.pickle"))
    assert first == again == computed and computed
