"""`every_row`: whether row numbers are every row of a table, in order (its columns then serve uncopied)."""

from __future__ import annotations

import numpy as np

from viewer.model.table_rows import every_row


def test_every_row_is_exactly_the_rows_in_order():
    rng = np.random.default_rng(8)
    cases = [np.arange(6), np.array([0, 1, 1, 3, 4, 5]), np.array([0, 2, 1, 3, 4, 5]), np.array([0, 1, 2, 3, 4, 6]),
             np.array([1, 2, 3, 4, 5, 6]), np.array([0, 0, 0, 0, 0, 5]), np.array([0, 4, 3, 2, 1, 5]),
             np.arange(5), np.arange(7)[:6] * 0 + np.arange(6)]
    cases += [rng.permutation(6) for _ in range(50)]
    for rows in cases:
        assert every_row(rows, 6) == np.array_equal(rows, np.arange(6)), rows
    assert every_row(np.zeros(0, dtype=np.int64), 0)
    assert not every_row(np.zeros(0, dtype=np.int64), 1)
