"""The projected cache's table (`viewer.geo.projected`): one row per geometry, column by column, and which row
holds which geometry.

The columns grow as a list does: held in arrays of some capacity, twice as large when full, so a file added beside a
million rows copies its own rows, not the million (joining every column on each add copied them all: ~1M rows for the
four areas opened after a catalogue was closed). Rows of geometries no longer shown (a closed file's, an edit's old
geometry) are dropped when told (`drop_all_but`): emptied at once, and the table compacted when they pass half of it."""

from __future__ import annotations

import numpy as np
from shapely.geometry.base import BaseGeometry

from viewer.geo.flat_lines import FlatLines
from viewer.geo.flat_rows import FlatRows
from viewer.geo.key_rows import KeyRows
from viewer.geo.new_rows import NewRows

# per row, with the empty array each starts as (a row dropped holds its first value until compacted)
_COLUMNS = {"sources": (object, None), "keys": (np.int64, 0), "point": (bool, False), "xy": (float, np.nan),
            "located": (bool, True), "line": (bool, False), "plain": (bool, False), "shapes": (object, None),
            "pending": (bool, False), "flat_at": (np.int64, -1)}
DEAD_SHARE = 0.5  # compact when dropped rows pass this share of the rows held


class CacheRows:
    """Rows of geometries, keyed by the geometry objects' ids. Per row (views of the used part of each column):

    - ``sources``: the lon/lat geometry (held, so its id stays its own); ``keys``: its id
    - ``point``: a single non-empty point (drawn from ``xy``, no shape kept)
    - ``xy``: the point, or a representative point of the projected shape; ``located``: ``xy`` is known (found for
      other shapes when first asked)
    - ``line``: a LineString, whose densified lon/lat line is made again when asked (it is drawn from its projected
      one: 100,000 lines held ~30 MB); ``plain``: its projected vertices are drawn as they are
    - ``shapes``: the projected geometry (None for points and flat lines)
    - ``pending``: drawn straight (a line) or from a stand-in (an area) until its densified one is taken
    - ``flat_at``: its line's position in ``flat`` (lines drawn as projected kept as arrays, not shapes:
      `flat_rows`), or -1

    and by row, ``dense``: the densified lon/lat geometry of a row neither a point nor a line (an area: few; a million
    points held a column of Nones)."""

    def __init__(self) -> None:
        self._count = 0
        self._columns: dict[str, np.ndarray] = {
            name: np.empty((0, 2) if name == "xy" else 0, dtype=dtype) for name, (dtype, _) in _COLUMNS.items()}
        self.key_rows = KeyRows()
        self.dense: dict[int, BaseGeometry] = {}
        self.flat = FlatRows()
        self.dropped = 0  # rows dropped and not yet compacted away
        self.copied = 0  # rows held copied to grow or compact the columns (never the rows added: a count to test)

    def __len__(self) -> int:
        return self._count

    @property
    def capacity(self) -> int:
        return len(self._columns["keys"])

    def __getattr__(self, name: str) -> np.ndarray:
        if name in _COLUMNS:
            return self.__dict__["_columns"][name][:self.__dict__["_count"]]
        raise AttributeError(name)

    sources: np.ndarray
    keys: np.ndarray
    point: np.ndarray
    xy: np.ndarray
    located: np.ndarray
    line: np.ndarray
    plain: np.ndarray
    shapes: np.ndarray
    pending: np.ndarray
    flat_at: np.ndarray

    def find(self, keys: np.ndarray) -> np.ndarray:
        """The row of each geometry id (`key_rows.NONE` for those not held)."""
        return self.key_rows.find(keys)

    def append(self, new: NewRows, by_key: np.ndarray | None = None) -> None:
        """Rows for `new_rows` after those held (``by_key``: the order of their keys, if known)."""
        base, count = self._count, len(new)
        made = {name: getattr(new, name) for name in _COLUMNS if name != "flat_at"}
        made["flat_at"] = np.where(new.flat_at >= 0, new.flat_at + len(self.flat.lines), -1)
        if not base and not self.capacity:
            # The first call's arrays are the table (a copy joined to empty ones held both at once: ~60 MB of the
            # window's peak at a million points).
            self._columns = made
        else:
            needed = base + count
            if needed > self.capacity:
                # A large add leaves an eighth more room, so that the small files opened beside it fit (the first
                # one doubled the table, copying a million rows, ~0.2 s); a small one doubles it, as a list grows.
                self._grow(needed + needed // 8 if count >= self.capacity else max(needed, 2 * self.capacity))
            for name, column in self._columns.items():
                column[base:base + count] = made[name]
        self._count = base + count
        self.dense.update(((base + at, area) for at, area in new.dense.items()))
        if len(new.flat):
            self.flat.lines = FlatLines.joined([self.flat.lines, new.flat])
        self.flat.at = self.flat_at  # (a view: the lines' rows as this table holds them)
        self.key_rows.insert(new.keys, base, by_key)

    def _grow(self, capacity: int) -> None:
        for name, column in self._columns.items():
            dtype, empty = _COLUMNS[name]
            grown = np.full((capacity, 2) if name == "xy" else capacity, empty, dtype=dtype)
            grown[:self._count] = column[:self._count]
            self._columns[name] = grown
        self.flat.at = self.flat_at
        self.copied += self._count

    def drop_all_but(self, kept_rows: np.ndarray) -> tuple[int, bool]:
        """Drop every row but ``kept_rows`` (-1 allowed): what they hold is let go at once (their geometries may be
        collected, so their ids are forgotten too), and when rows dropped pass DEAD_SHARE of those held the table is
        compacted, its rows numbered anew. Returns how many rows were dropped now and whether the table was
        compacted (rows handed out before name other geometries then)."""
        kept = np.zeros(self._count, dtype=bool)
        kept[kept_rows[kept_rows >= 0]] = True
        gone = np.flatnonzero(~kept & (self.keys != 0))  # (a row dropped before has no key)
        if len(gone):
            self._let_go(gone)
        if self.dropped <= DEAD_SHARE * self._count:
            return len(gone), False
        self._compact(np.flatnonzero(kept))
        return len(gone), True

    def _let_go(self, rows: np.ndarray) -> None:
        self.key_rows.drop(self.keys[rows])
        for name, (_, empty) in _COLUMNS.items():
            self._columns[name][rows] = empty
        for row in rows[~self.point[rows] & ~self.line[rows]].tolist():
            self.dense.pop(row, None)
        self.dropped += len(rows)

    def _compact(self, kept: np.ndarray) -> None:
        """Keep only rows ``kept`` (ascending), numbered from 0 in their order."""
        at = self.flat_at[kept]
        flat = at >= 0
        self.flat.lines = self.flat.lines.take(at[flat])
        self.dense = {new: self.dense[old] for new, old in enumerate(kept.tolist()) if old in self.dense}
        self._columns = {name: self._columns[name][kept] for name in _COLUMNS}
        self._columns["flat_at"][flat] = np.arange(int(flat.sum()))
        self._count, self.dropped = len(kept), 0
        self.copied += len(kept)
        self.flat.at = self.flat_at
        self.key_rows = KeyRows()
        if len(kept):
            self.key_rows.insert(self.keys, 0)
