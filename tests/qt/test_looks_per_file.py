"""The looks of the features shown, kept with each file's table and joined for a merged one, are the looks coded
over the merged rows afresh, for any tables, nesting and rows; a file opened beside a large one codes none of the
large one's rows again."""

from __future__ import annotations

import numpy as np
import pytest
from random_tables import merged_tables, random_table, some_rows

from viewer.model.feature_table import FeatureTable
from viewer.qt.draw import features as drawing


@pytest.mark.parametrize("seed", range(40))
def test_looks_joined_from_each_files_table_are_the_looks_coded_afresh(seed):
    rng = np.random.default_rng(seed)
    table = merged_tables(rng)
    for rows in some_rows(rng, table):
        for _ in range(2):  # made, then joined from what each file's table kept
            codes, looks = drawing._looks_in(table, rows)
            fresh_codes, fresh_looks = drawing._looks_of_rows(table, rows)
            assert looks == fresh_looks
            assert codes.tolist() == fresh_codes.tolist()


def test_a_file_opened_beside_codes_only_its_own_rows(monkeypatch):
    rng = np.random.default_rng(1)
    large, sample = random_table(rng, 5_000, "big", "big.csv"), random_table(rng, 50, "s", None)
    drawing._looks_in(FeatureTable.concatenated([sample, large]), np.arange(5_050))
    coded: list[int] = []
    looks_of_rows = drawing._looks_of_rows
    monkeypatch.setattr(drawing, "_looks_of_rows", lambda table, rows: coded.append(len(rows))
                        or looks_of_rows(table, rows))
    small = random_table(rng, 3, "small", "small.geojson")
    merged = FeatureTable.concatenated([sample, large, small])
    points = np.r_[np.arange(0, 50, 2), np.arange(50, 5_053)]  # the sample's points, all the others'
    codes, looks = drawing._looks_in(merged, points)
    assert sorted(coded) == [3, 25]  # the new file's rows and the sample's points, not the 5,000
    monkeypatch.undo()
    assert (codes.tolist(), looks) == (lambda c, v: (c.tolist(), v))(*drawing._looks_of_rows(merged, points))
