"""The map names one by one only the features of small groups (a launch's features of one kind, a file's layer):
counted per file's table, kept with it and added up, the rows are those counted over the merged rows afresh (and
by sorting the groups' numbers, as before bincount); a file opened beside a large one reads none of its rows."""

from __future__ import annotations

import numpy as np
import pytest
from random_tables import merged_tables, random_table, some_rows

from viewer.model import bulk_groups
from viewer.model.feature_table import FeatureTable


def sorted_afresh(table: FeatureTable, rows: np.ndarray, most: int) -> np.ndarray:
    """The rule as it was: each row's group numbered from the merged table's codes, counted by sorting."""
    kinds = max(len(table.kind.values), 1)
    by_launch = table.event.codes.astype(np.int64) * kinds + table.kind.codes
    by_layer = len(table.event.values) * kinds + table.layer.codes.astype(np.int64)
    groups = np.where(table.event.where(bool), by_launch, by_layer)[rows]
    if not len(groups):
        return rows[:0]
    _, inverse, counts = np.unique(groups, return_inverse=True, return_counts=True)
    return rows[counts[inverse.ravel()] <= most]


@pytest.mark.parametrize("seed", range(40))
def test_rows_of_small_groups_joined_per_file_are_those_counted_afresh(seed):
    rng = np.random.default_rng(seed)
    table = merged_tables(rng)
    for most in (0, 5, 20, 200):
        for rows in some_rows(rng, table):
            for _ in range(2):  # counted, then added up from what each file's table kept
                found = bulk_groups.in_small_groups(table, rows, most)
                assert found.tolist() == sorted_afresh(table, rows, most).tolist()


def test_a_file_opened_beside_counts_only_its_own_rows(monkeypatch):
    rng = np.random.default_rng(5)
    large, sample = random_table(rng, 5_000, "big", "big.csv"), random_table(rng, 50, "s", None)
    bulk_groups.in_small_groups(FeatureTable.concatenated([sample, large]), np.arange(5_050), 200)
    counted: list[int] = []
    count = bulk_groups._counted
    monkeypatch.setattr(bulk_groups, "_counted", lambda table, rows: counted.append(len(rows)) or count(table, rows))
    merged = FeatureTable.concatenated([sample, large, random_table(rng, 3, "small", "small.geojson")])
    found = bulk_groups.in_small_groups(merged, np.arange(5_053), 200)
    assert counted == [3]
    assert found.tolist() == sorted_afresh(merged, np.arange(5_053), 200).tolist()
