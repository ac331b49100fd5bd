"""The projected cache's table (`viewer.geo.projected`): one row per geometry, column by column, and which row
holds which geometry."""

from __future__ import annotations

import numpy as np
from shapely.geometry.base import BaseGeometry

from viewer.geo.flat_rows import FlatRows
from viewer.geo.key_rows import KeyRows
from viewer.geo.new_rows import NewRows


class CacheRows:
    """Rows of geometries, keyed by the geometry objects' ids."""

    def __init__(self) -> None:
        self.sources = np.empty(0, dtype=object)  # per row: the lon/lat geometry (held, so its id stays its own)
        self.keys = np.empty(0, dtype=np.int64)  # per row: id() of its geometry
        self.key_rows = KeyRows()
        self.point = np.empty(0, dtype=bool)  # per row: a single non-empty point (drawn from xy, no shapes kept)
        self.xy = np.empty((0, 2))  # per row: the point, or a representative point of the projected shape
        self.located = np.empty(0, dtype=bool)  # per row: xy is known (found for other shapes when first asked)
        # by row: densified lon/lat geometry of a row neither a point nor a line (an area: few; a million points held
        # a column of Nones)
        self.dense: dict[int, BaseGeometry] = {}
        # per row: a LineString, whose densified lon/lat line is made again when asked (it is drawn from its
        # projected one: 100,000 lines held ~30 MB), and whether its projected vertices are drawn as they are
        self.line = np.empty(0, dtype=bool)
        self.plain = np.empty(0, dtype=bool)
        self.shapes = np.empty(0, dtype=object)  # per row: projected geometry (None for points and flat lines)
        self.flat = FlatRows()  # lines drawn as projected kept as arrays, not shapes (`flat_rows`)
        self.pending = np.empty(0, dtype=bool)  # per row: a line drawn straight until its densified one is taken

    def __len__(self) -> int:
        return len(self.keys)

    def find(self, keys: np.ndarray) -> np.ndarray:
        """The row of each geometry id (`key_rows.NONE` for those not held)."""
        return self.key_rows.find(keys)

    def append(self, new: NewRows, by_key: np.ndarray | None = None) -> None:
        """Rows for `new_rows` after those held (``by_key``: the order of their keys, if known)."""
        first = not len(self.keys)

        # The first call's arrays are the table (a copy joined to empty ones held both at once: ~60 MB of the
        # window's peak at a million points).
        def joined(held: np.ndarray, added: np.ndarray) -> np.ndarray:
            return added if first else np.concatenate([held, added])

        base = len(self.keys)
        self.dense.update(((base + at, area) for at, area in new.dense.items()))
        self.sources = joined(self.sources, new.sources)
        self.keys = joined(self.keys, new.keys)
        self.point = joined(self.point, new.point)
        self.xy = joined(self.xy, new.xy)
        self.located = joined(self.located, new.located)
        self.line = joined(self.line, new.line)
        self.plain = joined(self.plain, new.plain)
        self.shapes = joined(self.shapes, new.shapes)
        self.pending = joined(self.pending, new.pending)
        self.flat.append(new.flat_at, new.flat)
        self.key_rows.insert(new.keys, base, by_key)
