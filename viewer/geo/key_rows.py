"""Which row of the projected cache holds a geometry: the geometries' ids (keys) kept sorted beside their rows, so
a million are found with one `searchsorted`."""

from __future__ import annotations

import numpy as np

NONE = -1  # no row


class KeyRows:
    """Distinct keys, sorted, each with its row."""

    def __init__(self) -> None:
        self._sorted = np.empty(0, dtype=np.int64)
        self._rows = np.empty(0, dtype=np.int32)

    def find(self, keys: np.ndarray) -> np.ndarray:
        """The row of each key (int64), `NONE` for keys not held."""
        if not len(self._sorted):
            return np.full(len(keys), NONE, dtype=np.int64)
        at = np.minimum(np.searchsorted(self._sorted, keys), len(self._sorted) - 1)
        return np.where(self._sorted[at] == keys, self._rows[at].astype(np.int64), NONE)

    def insert(self, keys: np.ndarray, base: int, by_key: np.ndarray | None = None) -> None:
        """Merge new distinct ``keys`` (rows from ``base`` on; ``by_key``: their sorted order, if known) into the
        sorted keys: only the new ones are sorted. Sorting the whole table again made every add cost as much as the
        largest file it ever held (a four-area file added after a million features: ~0.1 s of argsort on the GUI
        thread)."""
        order = (by_key if by_key is not None else np.argsort(keys, kind="stable")).astype(np.int32)
        new_sorted = keys[order]
        if not len(self._sorted):
            self._sorted, self._rows = new_sorted, order + np.int32(base)
            return
        at = np.searchsorted(self._sorted, new_sorted)  # keys are distinct: none of the new ones is held
        self._sorted = np.insert(self._sorted, at, new_sorted)
        self._rows = np.insert(self._rows, at, order + np.int32(base))
