"""kg/spill.py: what a build keeps on disk reads back equal, in its order."""

from dataclasses import dataclass

import pytest

from kg.spill import SpilledList, SpilledMapping


@dataclass
class Record:
    name: str
    parts: list[str]


def test_mapping_reads_back_equal_values_in_order() -> None:
    values = {"b": Record("Beispielstadt", ["x"]), "a": Record("Musterdorf", []), "c": None}
    spilled = SpilledMapping(values.items())
    assert list(spilled) == ["b", "a", "c"]
    assert dict(spilled.items()) == values
    assert "a" in spilled and "d" not in spilled
    assert len(spilled) == 3
    with pytest.raises(KeyError):
        spilled["d"]


def test_mapping_values_are_copies_not_the_originals() -> None:
    record = Record("Beispielstadt", ["x"])
    spilled = SpilledMapping([("b", record)])
    spilled["b"].parts.append("y")
    record.parts.append("z")
    assert spilled["b"] == Record("Beispielstadt", ["x"])


def test_list_reads_back_items_and_slices() -> None:
    items = [Record(str(i), [str(i)] * i) for i in range(5)]
    spilled = SpilledList(items)
    assert len(spilled) == 5 and bool(spilled)
    assert list(spilled) == items
    assert spilled[-1] == items[-1]
    assert spilled[1:3] == items[1:3]
    assert not SpilledList([])
