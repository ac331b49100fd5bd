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
    for few_up_to in (0, 20, 2_000):
        for rows in some_rows(rng, table):
            for _ in range(2):  # counted, then joined from what each file's table kept
                joined = counting.legend_counts(table, rows, few_up_to)
                fresh = counting._counted(table, rows, few_up_to)
                assert (joined.events, joined.layer_kinds, joined.kinds, joined.approximate, joined.draft) == \
                    (fresh.events, fresh.layer_kinds, fresh.kinds, fresh.approximate, fresh.draft)
                assert joined.loose == fresh.loose
                loose = rows[~table.event.where(bool)[rows]]  # the legend's own reading before it was kept per file
                few = {layer for layer, count in table.layer.counts(loose).items() if count <= few_up_to}
                expected = loose[table.layer.isin(few)[loose]]
                # (rows asked out of order are read in row order: a layer's own colours do not depend on it)
                assert joined.few_rows().tolist() == sorted(expected.tolist())


def test_a_file_opened_beside_counts_only_its_own_rows(monkeypatch):
    rng = np.random.default_rng(2)
    large, sample = random_table(rng, 5_000, "big", "big.csv"), random_table(rng, 50, "s", None)
    counting.legend_counts(FeatureTable.concatenated([sample, large]), np.arange(5_050), 2_000)
    counted: list[int] = []
    count = counting._counted
    monkeypatch.setattr(counting, "_counted", lambda table, rows, few_up_to: counted.append(len(rows))
                        or count(table, rows, few_up_to))
    merged = FeatureTable.concatenated([sample, large, random_table(rng, 3, "small", "small.geojson")])
    counting.legend_counts(merged, np.arange(5_053), 2_000)
    assert counted == [3]
