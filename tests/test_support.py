"""The support counter of a build's manifest (kg/support.py) counts as a Counter does: a
rebuild's changes to the previous build's counts give what counting afresh gives."""

from __future__ import annotations

import pickle
import random
from collections import Counter

from kg.patch import support_key
from kg.support import Support, Tally


def keys(n: int) -> list[bytes]:
    return [support_key(f"<t{i}>".encode()) for i in range(n)]


def test_changes_merged_equal_a_counter_counted_afresh():
    pool = keys(300)
    chance = random.Random(9)
    counter = Counter(chance.choices(pool, k=900))
    support = Support.of(counter)
    for _ in range(5):  # a rebuild: sources out and in, some keys new, some gone
        view = Support(support.keys, support.counts)
        out = chance.sample(sorted(+counter), k=40)
        into = chance.choices(pool + keys(320)[300:], k=60)
        counter.subtract(out)
        view.subtract(out)
        counter.update(into)
        view.update(into)
        for key in pool + keys(320)[300:]:
            assert view.get(key) == max(counter[key], 0)
            assert (key in view) == (counter[key] > 0)
        support = pickle.loads(pickle.dumps(view))
        counter = +counter
        assert support.items() == sorted(counter.items())
        assert support == Support.of(counter)
        assert not support.changes


def test_an_empty_count_and_a_key_no_source_implies_any_longer():
    first, second = keys(2)
    support = Support.of(Counter({first: 1}))
    assert support.get(second) == 0 and second not in support
    support.subtract([first])
    support.update([second, second])
    assert first not in support and support.get(second) == 2
    assert support.sealed().items() == [(second, 2)]
    assert Support().sealed().items() == []


def test_a_tally_counts_as_a_counter_does():
    pool = keys(500)
    chance = random.Random(3)
    tally, counter = Tally(), Counter()
    for _ in range(20):  # a cold build: graph after graph counted in
        batch = chance.choices(pool, k=70)
        tally.update(batch)
        counter.update(batch)
    assert tally.sealed() == Support.of(counter)
    assert Tally().sealed().items() == []
