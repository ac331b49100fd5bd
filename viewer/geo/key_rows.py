"""Which row of the projected cache holds a geometry: the geometries' ids (keys) kept sorted beside their rows, so
a million are found with one `searchsorted`."""

from __future__ import annotations

import ctypes

import numpy as np

NONE = -1  # no row
_POINTER = ctypes.c_int64  # an address (64-bit builds; others call `id`)


def keys_of(objects: np.ndarray) -> np.ndarray:
    """The key of each object of an object array: its `id` (int64), as ``map(id, objects)`` gives it. In CPython an
    object's id is its address, which is what an object array holds, so the array's own pointers are copied (~2 ms
    for a million, where calling `id` a million times took ~0.1 s: a small file opened beside a million points
    read every id of the million two or three times)."""
    if objects.dtype != object or not len(objects) or ctypes.sizeof(ctypes.c_void_p) != 8:
        return np.fromiter(map(id, objects), dtype=np.int64, count=len(objects))
    objects = np.ascontiguousarray(objects)
    pointers = (_POINTER * len(objects)).from_address(objects.ctypes.data)
    return np.frombuffer(memoryview(pointers), dtype=np.int64).copy()  # a copy, made while ``objects`` holds them


class KeyRows:
    """Distinct keys, each with its row, in a few sorted runs: the keys of each add are a run of their own, merged
    into the one before when they are at least half its length (as a binary counter carries), so an add of a few keys
    beside a million copies none of the million (a merge into them copied every key on each add), each key is merged
    O(log n) times in all, and there are at most log2(n) runs to search."""

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, their rows), longest first
        self.copied = 0  # keys held copied by merges (a count to test)

    def find(self, keys: np.ndarray) -> np.ndarray:
        """The row of each key (int64), `NONE` for keys not held."""
        found = np.full(len(keys), NONE, dtype=np.int64)
        for run, rows in self._runs:
            at = np.minimum(np.searchsorted(run, keys), len(run) - 1)
            hit = run[at] == keys
            found[hit] = rows[at[hit]]
        return found

    def insert(self, keys: np.ndarray, base: int, by_key: np.ndarray | None = None) -> None:
        """Add new distinct ``keys`` (rows from ``base`` on; ``by_key``: their sorted order, if known): only the new
        ones are sorted. Sorting the whole table again made every add cost as much as the largest file it ever held
        (a four-area file added after a million features: ~0.1 s of argsort on the GUI thread)."""
        if not len(keys):
            return
        order = (by_key if by_key is not None else np.argsort(keys, kind="stable")).astype(np.int32)
        self._runs.append((keys[order], order + np.int32(base)))
        while len(self._runs) > 1 and 2 * len(self._runs[-1][0]) >= len(self._runs[-2][0]):
            (held, held_rows), (run, rows) = self._runs[-2], self._runs.pop()
            at = np.searchsorted(held, run)  # keys are distinct: none of the new ones is held
            self._runs[-1] = np.insert(held, at, run), np.insert(held_rows, at, rows)
            self.copied += len(held)

    def drop(self, keys: np.ndarray) -> None:
        """Forget ``keys`` (those held; their geometries may be collected and their ids given to others)."""
        runs = []
        for run, rows in self._runs:
            at = np.minimum(np.searchsorted(run, keys), len(run) - 1)
            gone = at[run[at] == keys]
            if len(gone):
                kept = np.ones(len(run), dtype=bool)
                kept[gone] = False
                run, rows = run[kept], rows[kept]
            if len(run):
                runs.append((run, rows))
        self._runs = sorted(runs, key=lambda pair: -len(pair[0]))
