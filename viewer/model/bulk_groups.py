"""The rows of features counted in small groups (a launch's features of one kind, or a file's layer, of at most so
many rows among those asked): what the map names one by one. Each file's groups and their counts are kept with its
table (`table_parts`) and added up, so a file opened beside a million points reads none of their rows again (the
groups' numbers and counts, ~15 ms a million, and the rows kept)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from viewer.model.table_parts import pieces
from viewer.model.table_rows import every_row

if TYPE_CHECKING:
    from viewer.model.feature_table import FeatureTable


class Counted:
    """Of some rows of a table: each row's group as a code into ``keys`` (("launch", launch, kind) or
    ("layer", layer)), how many rows each holds, and the rows (None: all of the table's, in order)."""

    __slots__ = ("codes", "counts", "keys", "rows")

    def __init__(self, keys: list[Any], codes: np.ndarray, counts: np.ndarray, rows: np.ndarray | None):
        self.keys, self.codes, self.counts, self.rows = keys, codes, counts, rows


def in_small_groups(table: FeatureTable, rows: np.ndarray, most: int) -> np.ndarray:
    """Those of ``rows`` (ascending, else worked out as given) whose group holds at most ``most`` of them."""
    found = pieces(table, rows, "bulk groups", _counted)
    total: dict[Any, int] = {}
    for _, counted in found:
        for key, count in zip(counted.keys, counted.counts.tolist(), strict=True):
            total[key] = total.get(key, 0) + count
    kept = []
    for first, counted in found:
        small = np.fromiter((total[key] <= most for key in counted.keys), dtype=bool, count=len(counted.keys))
        if not small.any():  # a large layer's rows: none named, none read
            continue
        local = np.arange(len(counted.codes)) if counted.rows is None else counted.rows
        kept.append((local if small.all() else local[small[counted.codes]]) + first)
    return np.concatenate(kept) if kept else np.zeros(0, dtype=np.intp)


def _counted(table: FeatureTable, rows: np.ndarray) -> Counted:
    """Each of ``rows``' group (its launch and kind, or its file's layer) and the groups' counts."""
    kinds = max(len(table.kind.values), 1)
    launch = table.event.where(bool)[rows]
    by_launch = table.event.codes[rows].astype(np.int64) * kinds + table.kind.codes[rows]
    by_layer = len(table.event.values) * kinds + table.layer.codes[rows].astype(np.int64)
    numbers = np.where(launch, by_launch, by_layer)
    counts = np.bincount(numbers) if len(numbers) else np.zeros(0, dtype=np.int64)
    present = np.flatnonzero(counts)
    code_of = np.zeros(len(counts), dtype=np.int32)
    code_of[present] = np.arange(len(present), dtype=np.int32)
    keys = [("launch", table.event.values[number // kinds], table.kind.values[number % kinds])
            if number < len(table.event.values) * kinds else ("layer", table.layer.values[number - len(
                table.event.values) * kinds]) for number in present.tolist()]
    codes = code_of[numbers]
    codes.flags.writeable = False
    return Counted(keys, codes, counts[present], None if every_row(rows, len(table)) else rows)
