"""A merged table's groups of its kind, launch and layer columns, kept with each file's table and joined, are the
groups worked out over the merged rows afresh, for any tables, nesting and rows; a file opened beside a large one
groups none of the large one's rows again; a file's layer named anew drops what its table kept."""

from __future__ import annotations

import numpy as np
import pytest
from random_tables import merged_tables, random_table, some_rows

from viewer.model.feature_table import FeatureTable


def listed(groups: dict) -> list:
    return [(value, members.tolist()) for value, members in groups.items()]


@pytest.mark.parametrize("seed", range(40))
def test_groups_joined_from_each_files_table_are_those_worked_out_afresh(seed):
    rng = np.random.default_rng(seed)
    table = merged_tables(rng)
    for rows in [None, *some_rows(rng, table)]:
        for name in ("kind", "event", "layer"):
            column = getattr(table, name)
            for _ in range(2):  # grouped, then joined from what each file's table kept
                afresh = table.grouped_afresh(column, np.arange(len(table)) if rows is None else rows)
                assert listed(table.groups(column, rows)) == listed(afresh)


def test_a_file_opened_beside_groups_only_its_own_rows(monkeypatch):
    rng = np.random.default_rng(3)
    large, sample = random_table(rng, 5_000, "big", "big.csv"), random_table(rng, 50, "s", None)
    joined = FeatureTable.concatenated([sample, large])
    joined.groups(joined.event)
    grouped: list[int] = []
    afresh = FeatureTable.grouped_afresh
    monkeypatch.setattr(FeatureTable, "grouped_afresh", lambda table, column, rows: grouped.append(len(rows))
                        or afresh(table, column, rows))
    merged = FeatureTable.concatenated([sample, large, random_table(rng, 3, "small", "small.geojson")])
    merged.groups(merged.event)
    assert grouped == [3]
    grouped.clear()
    merged.groups(merged.kind)  # not grouped by kind before: each file's once
    assert grouped == [50, 5_000, 3]


def test_a_layer_named_anew_drops_what_the_table_kept():
    rng = np.random.default_rng(4)
    table = random_table(rng, 200, "f", "first.csv")
    loose = ~table.event.where(bool)
    assert loose.any()
    before = listed(table.groups(table.layer))
    table.with_layer("first.csv (2)", loose)
    after = listed(table.groups(table.layer))
    assert [value for value, _ in after] != [value for value, _ in before]
    assert after == listed(table.grouped_afresh(table.layer, np.arange(len(table))))


@pytest.mark.parametrize("seed", range(30))
def test_paints_met_joined_from_each_files_table_are_those_met_afresh(seed):
    """The layer tree's swatches: the paints among rows in the order first met (sorted out of every row of a large
    layer at each file opened beside it)."""
    from viewer.model.feature_table import PAINT
    from viewer.model.table_parts import values_met

    rng = np.random.default_rng(seed)
    table = merged_tables(rng)
    paints = table.paints()
    for rows in some_rows(rng, table):
        codes = paints.codes[rows]
        firsts = np.sort(np.unique(codes, return_index=True)[1]) if len(codes) else np.zeros(0, dtype=np.intp)
        for _ in range(2):
            assert values_met(table, PAINT, rows) == [paints.values[code] for code in codes[firsts].tolist()]
