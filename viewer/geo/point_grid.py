"""Points in map coordinates, indexed by a grid of columns sorted by y: picking and rectangle queries among a
million points with a few numpy calls and ~28 bytes a point (an STRtree of shapely Points held ~250)."""

from __future__ import annotations

import numpy as np

MAX_COLUMNS = 2048


class PointGrid:
    """Point positions (rows of ``xy``, with the ``positions`` they stand for) sorted into vertical columns, each
    sorted by y: a rectangle is a y range in each column it crosses, found by binary search. Points that are not
    finite (unprojectable) are left out."""

    def __init__(self, xy: np.ndarray, positions: np.ndarray):
        xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
        # Column by column: reductions along the rows of an (n, 2) array took ~4x longer.
        x, y, positions = xy[:, 0], xy[:, 1], np.asarray(positions)
        finite = np.isfinite(x) & np.isfinite(y)
        if not finite.all():
            x, y, positions = x[finite], y[finite], positions[finite]
        self._n = len(x)
        self._bounds: tuple[float, float, float, float]
        if not self._n:
            self._x0 = self._y0 = 0.0
            self._width = self._height = 1.0
            self._columns = 1
            self._key = np.empty(0)
            self._x = self._y = np.empty(0)
            self._positions = np.empty(0, dtype=np.int64)
            self._bounds = (np.nan,) * 4
            return
        self._x0, self._y0, x1, y1 = float(x.min()), float(y.min()), float(x.max()), float(y.max())
        self._bounds = (self._x0, self._y0, x1, y1)
        self._columns = int(np.clip(np.sqrt(self._n), 1, MAX_COLUMNS))
        self._width = (x1 - self._x0) / self._columns or 1.0
        self._height = y1 - self._y0 or 1.0
        # One sort key: the column number plus the height within the data's extent scaled into [0, 0.5], so that a
        # column's points are contiguous and in y order (0.5, not 1: the top row never meets the next column).
        # Equal keys may come in any order (a query's points are a set, ordered by its caller).
        column, fraction = self._column(x), self._fraction(y)
        order = _key_order(column, fraction)
        key = column + fraction
        del column, fraction
        self._key = key[order]
        if not bool((self._key[1:] >= self._key[:-1]).all()):  # points that share a height step: a few swaps
            fix = np.argsort(self._key, kind="stable")  # (timsort: ~3 ms over a million nearly in order)
            order, self._key = order[fix], self._key[fix]
        self._x, self._y = x[order], y[order]
        # Positions in a feature list: int32 while they fit (half the bytes of int64 for a million points).
        self._positions = positions.astype(np.int32 if self._n and positions.max() < 2**31 else np.int64)[order]

    def __len__(self) -> int:
        return self._n

    def _column(self, x: np.ndarray | float) -> np.ndarray:
        return np.clip(np.floor((np.asarray(x) - self._x0) / self._width), 0, self._columns - 1)

    def _fraction(self, y: np.ndarray | float) -> np.ndarray:
        return np.clip((np.asarray(y) - self._y0) / self._height, 0.0, 1.0) * 0.5

    def _ranges(self, xmin: float, ymin: float, xmax: float, ymax: float) -> tuple[np.ndarray, np.ndarray]:
        """For each column the rectangle crosses, the [start, stop) of its points within the rectangle's y range
        (all of them in y; in x only the edge columns may hold points outside)."""
        x0, y0, x1, y1 = self._bounds
        # (a rectangle beyond the points' extent: its height clipped to the extent's edge would take the points on it)
        if not self._n or xmax < max(xmin, x0) or ymax < max(ymin, y0) or xmin > x1 or ymin > y1:
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
        first, last = int(self._column(xmin)), int(self._column(xmax))
        columns = np.arange(first, last + 1, dtype=np.float64)
        start = np.searchsorted(self._key, columns + self._fraction(ymin), side="left")
        stop = np.searchsorted(self._key, columns + self._fraction(ymax), side="right")
        return start, stop

    def _candidates(self, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
        """Sorted rows of the points inside the rectangle (bounds included)."""
        start, stop = self._ranges(xmin, ymin, xmax, ymax)
        if not len(start) or not (stop > start).any():
            return np.empty(0, dtype=np.int64)
        lengths = stop - start
        rows = np.repeat(start - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths) + np.arange(lengths.sum())
        x, y = self._x[rows], self._y[rows]
        return rows[(x >= xmin) & (x <= xmax) & (y >= ymin) & (y <= ymax)]

    def near(self, x: float, y: float, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
        """Positions of the points within ``tolerance`` of (x, y), and their distances."""
        rows = self._candidates(x - tolerance, y - tolerance, x + tolerance, y + tolerance)
        distance = np.hypot(self._x[rows] - x, self._y[rows] - y)
        close = distance <= tolerance
        return self._positions[rows[close]].astype(np.int64), distance[close]

    def in_rect(self, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
        """Positions of the points inside the rectangle (bounds included), unordered."""
        return self._positions[self._candidates(xmin, ymin, xmax, ymax)].astype(np.int64)

    def count_in_rect(self, xmin: float, ymin: float, xmax: float, ymax: float) -> int:
        """How many points lie inside the rectangle: whole columns are counted from their ranges alone, only the two
        edge columns' points are looked at (cheap enough for every frame with a million points)."""
        start, stop = self._ranges(xmin, ymin, xmax, ymax)
        if not len(start):
            return 0
        count = int((stop[1:-1] - start[1:-1]).sum())
        for i in {0, len(start) - 1}:
            x = self._x[start[i]:stop[i]]
            count += int(np.count_nonzero((x >= xmin) & (x <= xmax)))
        return count

    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) of the points; NaN when there are none."""
        return self._bounds


def _key_order(column: np.ndarray, fraction: np.ndarray) -> np.ndarray:
    """An order of the points by column, then by height in 65,536 steps: two passes of numpy's radix sort (a stable
    sort of 16-bit integers), ~30 ms for a million points where a sort of their float keys took ~110 ms. Points in
    the same column and step may be out of order by height (the caller finishes those)."""
    step = (fraction * (2 * 65535)).astype(np.uint16)  # fraction is in [0, 0.5]
    by_step = np.argsort(step, kind="stable")
    del step
    columns = column.astype(np.int16)[by_step]  # MAX_COLUMNS fits
    return by_step[np.argsort(columns, kind="stable")]


class PointGrids:
    """Several grids' points as one (each grid's positions its own): the points of files opened one after another,
    each file's sorted once. A grid is merged into the one before it when it holds at least half as many points
    (as a binary counter carries), so each point is sorted O(log n) times in all and there are at most log2(n)
    grids to ask; a small file opened beside a million points sorts only its own (the million were sorted again on
    every add, ~0.1-0.3 s)."""

    def __init__(self, parts: list[PointGrid]):
        self.parts = parts  # largest first

    def __len__(self) -> int:
        return sum(map(len, self.parts))

    def near(self, x: float, y: float, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
        found = [part.near(x, y, tolerance) for part in self.parts]
        return (np.concatenate([positions for positions, _ in found]),
                np.concatenate([distances for _, distances in found]))

    def in_rect(self, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
        return np.concatenate([part.in_rect(xmin, ymin, xmax, ymax) for part in self.parts])

    def count_in_rect(self, xmin: float, ymin: float, xmax: float, ymax: float) -> int:
        return sum(part.count_in_rect(xmin, ymin, xmax, ymax) for part in self.parts)

    def bounds(self) -> tuple[float, float, float, float]:
        boxes = np.array([part.bounds() for part in self.parts if len(part)]).reshape(-1, 4)
        if not len(boxes):
            return (np.nan,) * 4
        return (float(boxes[:, 0].min()), float(boxes[:, 1].min()), float(boxes[:, 2].max()),
                float(boxes[:, 3].max()))


def grown(grid: PointGrid | PointGrids, xy: np.ndarray, positions: np.ndarray) -> PointGrids:
    """``grid``'s points and these (their positions after the grid's): the new ones sorted into a grid of their own,
    merged into the last grid before them while they hold at least half as many points."""
    parts = [*(grid.parts if isinstance(grid, PointGrids) else [grid]), PointGrid(xy, positions)]
    while len(parts) > 1 and 2 * len(parts[-1]) >= len(parts[-2]):
        last, before = parts.pop(), parts.pop()
        parts.append(PointGrid(np.column_stack([np.concatenate([before._x, last._x]),
                                                np.concatenate([before._y, last._y])]),
                               np.concatenate([before._positions.astype(np.int64), last._positions.astype(np.int64)])))
    return PointGrids([part for part in parts if len(part)] or parts[:1])
