"""Rows of a `FeatureTable` as the list of their features callers take (`FeatureRows`), remembering the table so
that a pass over them reads its columns (`columns_of`); the features are made only when read."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from viewer.model.feature import Feature
    from viewer.model.feature_column import FeatureColumn
    from viewer.model.feature_table import FeatureTable


def _filling(name: str) -> Callable[..., Any]:
    """A list method of `FeatureRows` that changes the list: its features are made into it first."""
    method = getattr(list, name)

    def changing(self: FeatureRows, *args: Any) -> Any:
        self.fill()
        return method(self, *args)

    changing.__name__ = name
    return changing


class FeatureRows(list):
    """Some rows of a table as a list of their features (what callers take), remembering the table and the row
    numbers so that a pass over them can read the table's columns instead of each feature (`columns_of`).

    Its features are made when read (`FeatureColumn`): a million rows shown hold no million features. Changing the
    list makes them all into it first, and from then on it is a plain list (no longer the table's rows)."""

    __slots__ = ("filled", "rows", "table")

    def __init__(self, table: FeatureTable, rows: np.ndarray):
        super().__init__()
        self.table, self.rows, self.filled = table, rows, False

    def _column(self) -> FeatureColumn:
        return self.table.features[self.rows]

    def fill(self) -> None:
        if not self.filled:
            self.filled = True
            list.extend(self, self._column().tolist())

    def __len__(self) -> int:
        return list.__len__(self) if self.filled else len(self.rows)

    def __iter__(self) -> Iterator[Feature]:
        return list.__iter__(self) if self.filled else iter(self._column())

    def __reversed__(self) -> Iterator[Feature]:
        return list.__reversed__(self) if self.filled else reversed(self._column().tolist())

    def __getitem__(self, index: Any) -> Any:
        if self.filled:
            return list.__getitem__(self, index)
        if isinstance(index, slice):
            return self._column()[index].tolist()
        return self._column()[operator.index(index)]

    def __contains__(self, item: object) -> bool:
        return list.__contains__(self, item) if self.filled else any(f is item or f == item for f in self)

    def _as_list(self) -> list[Feature]:
        return list(self) if not self.filled else list.copy(self)

    def __eq__(self, other: object) -> bool:
        return self._as_list() == other

    def __ne__(self, other: object) -> bool:
        return self._as_list() != other

    __hash__ = None

    def __add__(self, other: Any) -> list[Feature]:  # type: ignore[override]
        return self._as_list() + other

    def __radd__(self, other: Any) -> list[Feature]:
        return list(other) + self._as_list()

    def __mul__(self, times: Any) -> list[Feature]:
        return self._as_list() * times

    def copy(self) -> list[Feature]:
        return self._as_list()

    def index(self, item: Any, *args: Any) -> int:
        return self._as_list().index(item, *args)

    def count(self, item: Any) -> int:
        return self._as_list().count(item)

    def __repr__(self) -> str:
        return repr(self._as_list())

    def __reduce__(self) -> Any:
        return list, (self._as_list(),)

    for _name in ("append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "__setitem__",
                  "__delitem__", "__iadd__", "__imul__"):
        locals()[_name] = _filling(_name)
    del _name


def every_row(rows: np.ndarray, count: int) -> bool:
    """Whether ``rows`` are 0, 1, … count - 1: every row of a table of ``count`` in order (its columns serve as they
    are, no copy taken). Strictly increasing from 0 to count - 1 is that: compared in place, where the differences
    (np.diff) made an array of a million 8-byte integers each time (~10 ms, several times an open)."""
    return len(rows) == count and (not count or (
        rows[0] == 0 and rows[-1] == count - 1 and bool((rows[1:] > rows[:-1]).all())))


def columns_of(features: Sequence[Feature]) -> tuple[FeatureTable, np.ndarray] | None:
    """(table, row numbers) of a `FeatureRows` still as it was made and whose table is current; else None (any
    other sequence of features: read them one by one)."""
    if isinstance(features, FeatureRows) and not features.filled and features.table.current:
        return features.table, features.rows
    return None
