"""The legend's counts of the features shown, kept with each file's table and joined for a merged one, are those
counted over the merged rows afresh; a file opened beside a large one counts none of the large one's rows again."""

from __future__ import annotations

import numpy as np
import pytest
from random_tables import merged_tables, random_table, some_rows

from viewer.model import legend_counts as counting
from viewer.model.feature_table import FeatureTable


@pytest.mark.parametrize("seed", range(40))
def test_counts_joined_from_each_files_table_are_those_counted_afresh(seed):
    rng = np.random.default_rng(seed)
    table = merged_tables(rng)
    for rows in some_rows(rng, table):
        for _ in range(2):  # counted, then joined from what each file's table kept
            joined = counting.legend_counts(table, rows)
            fresh = counting._counted(table, rows)
            assert (joined.events, joined.layer_kinds, joined.kinds, joined.approximate, joined.draft) == \
                (fresh.events, fresh.layer_kinds, fresh.kinds, fresh.approximate, fresh.draft)


@pytest.mark.parametrize("seed", range(20))
def test_own_colours_joined_from_each_files_table_are_those_read_afresh(seed):
    """The tree's swatches and the legend's file rows take their colours per file, joined (`table_parts.pieces`):
    each colour once, in the order first met over the rows, as reading the merged rows afresh gives."""
    from viewer.model import own_colours

    rng = np.random.default_rng(seed)
    table = merged_tables(rng)
    for rows in some_rows(rng, table):
        ordered = np.sort(rows)  # (rows out of order are read as given, by the whole table)
        for _ in range(2):
            assert own_colours.colours_drawn(table, ordered) == list(own_colours._colours_drawn(table, ordered))
            fresh = own_colours._layer_colours(table, ordered)
            assert own_colours.layer_colours(table, ordered) == {layer: list(drawn) for layer, drawn in fresh.items()}


def test_a_file_opened_beside_counts_only_its_own_rows(monkeypatch):
    rng = np.random.default_rng(2)
    large, sample = random_table(rng, 5_000, "big", "big.csv"), random_table(rng, 50, "s", None)
    counting.legend_counts(FeatureTable.concatenated([sample, large]), np.arange(5_050))
    counted: list[int] = []
    count = counting._counted
    monkeypatch.setattr(counting, "_counted", lambda table, rows: counted.append(len(rows)) or count(table, rows))
    merged = FeatureTable.concatenated([sample, large, random_table(rng, 3, "small", "small.geojson")])
    counting.legend_counts(merged, np.arange(5_053))
    assert counted == [3]
