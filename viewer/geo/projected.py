"""Feature geometries densified along geodesics and projected, cached per projection, for drawing and picking."""

from __future__ import annotations

import operator
from collections.abc import Iterable

import numpy as np
import shapely
from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry

from viewer.geo.cache_rows import CacheRows
from viewer.geo.crs import MapProjection
from viewer.geo.densify import MAX_SEGMENT_KM, densify_lines
from viewer.geo.drawable import projected_xy, to_xy_arrays
from viewer.geo.feature_arrays import geometries_of, objects_of
from viewer.geo.flat_lines import FlatLines
from viewer.geo.flat_rows import flat_parts
from viewer.geo.key_rows import NONE, keys_of
from viewer.geo.new_rows import densified_rows, new_rows
from viewer.geo.picking import FeatureIndex, IdsOf
from viewer.geo.point_grid import PointGrid, PointGrids, grown
from viewer.model.feature import Feature

__all__ = ["MAX_SEGMENT_KM", "ProjectedFeatures", "densify_lines", "geometries_of"]

RECENT_CALLS = 2
REMEMBERED_FROM = 1_000  # features: smaller calls are searched afresh each time


class ProjectedFeatures:
    """Every geometry asked about, densified and projected for one projection, as rows of a table keyed by the
    geometry object itself: features are mutable, and an edit gives a feature a new geometry, so a geometry met
    before is done already and a new one is done once. A call finds its features' rows in a few array operations
    (their geometries' identities searched in the sorted keys), never feature by feature in Python.

    A single point is kept as a row of a coordinate table, not as a shapely Point (a million points held ~390 bytes
    each as shapely pairs); `projected` makes its Point when asked.

    ``straight_first`` (the screen's cache): lines new to a call of more vertices than this are projected vertex for
    vertex and drawn straight at first (`densify.straight_lines`); `pending_lines` are then densified off the GUI
    thread (`densify.projected_lines`) and handed back with `take_densified`, which counts a new `version`. Without
    it (an export) every line is densified at once: once taken, both draw the same geometry.

    ``pixel``: the map units a pixel spans in the one image drawn from this cache (an export's), whose large areas
    then keep only the detail that pixel shows (`area_detail.areas_at_pixel_size`).

    Rows are let go only when told (`keep_only`: the screen's canvas and an export's scene tell it every open file's
    geometries at each refresh), so a closed file's or an edit's old geometries go the same way for both."""

    def __init__(self, projection: MapProjection, straight_first: int | None = None, pixel: float | None = None):
        self.projection = projection
        self.straight_first = straight_first
        self.pixel = pixel
        self.version = 0  # counts lines' densified geometry taken (their drawing changed)
        self._table = CacheRows()
        # (geometries, their keys, rows) of the last calls, newest first
        self._recent: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        self._kept_for: np.ndarray | None = None  # the geometries `keep_only` was last told
        self.searched = 0  # keys of calls searched in the table (a count to test)
        # the rows `index` was last asked for, the version then, and their points' grid
        self._points_indexed: tuple[np.ndarray, int, PointGrid | PointGrids] | None = None

    def __len__(self) -> int:
        return len(self._table)

    # -- rows ------------------------------------------------------------------------------------
    def rows(self, features: Iterable[Feature]) -> np.ndarray:
        """Each feature's row (-1 for none: no geometry), its geometry densified and projected first if new."""
        return self.rows_of_geometries(geometries_of(features))

    def rows_of_geometries(self, geometries: np.ndarray) -> np.ndarray:
        """`rows` of the features whose geometries these are (an object array)."""
        # A refresh asks for the same features several times (prepare, the drawing, the index): the last answers
        # are kept, as searching a million keys takes ~0.1 s; the same array asked again (a bundle table's own,
        # which never changes) is not even read again (its million ids took ~0.1 s a pass).
        # The rows of a call remembered are handed out as kept (read-only 32-bit rows: a million rows widened to
        # 64 bits were copied at each of the several calls a refresh makes).
        keys = keys_of(geometries)
        rows = self._remembered(geometries, keys)
        if rows is not None:
            return rows
        # A small file opened beside a large one: the features shown are those of the last refresh and the new
        # file's after them, whose rows only are searched (a million keys searched again took ~0.1 s).
        known = max(((asked, rows) for _, asked, rows in self._recent
                     if len(asked) < len(keys) and np.array_equal(asked, keys[:len(asked)])),
                    key=lambda pair: len(pair[0]), default=None)
        if known is not None:
            start = len(known[0])
            found = self._rows_of_keys(geometries[start:], keys[start:])
            rows = np.concatenate([known[1], found.astype(np.int32)]) if len(keys) >= REMEMBERED_FROM else \
                np.concatenate([known[1].astype(np.int64), found])
        else:
            rows = self._rows_of_keys(geometries, keys)
        if len(keys) >= REMEMBERED_FROM:  # one feature's call (a label, a highlight) keeps the big ones
            rows = rows.astype(np.int32, copy=False)
            rows.flags.writeable = False
            self._recent = [(geometries, keys, rows), *self._recent[:RECENT_CALLS - 1]]
        return rows

    def _remembered(self, geometries: np.ndarray, keys: np.ndarray) -> np.ndarray | None:
        """The rows of a call remembered for the same geometries, or for these and others after them (the last file
        closed: then this call is remembered too)."""
        for array, asked, rows in self._recent:
            if array is geometries or (len(asked) == len(keys) and np.array_equal(asked, keys)):
                return rows
        for _, asked, rows in self._recent:
            if len(asked) > len(keys) and np.array_equal(asked[:len(keys)], keys):
                if len(keys) >= REMEMBERED_FROM:  # (one feature's call keeps the big ones)
                    self._recent = [(geometries, keys, rows[:len(keys)]), *self._recent[:RECENT_CALLS - 1]]
                return rows[:len(keys)]
        return None

    def keep_only(self, geometries: np.ndarray) -> None:
        """Let go of the rows of geometries other than these (an object array: every open file's, shown or not), as
        a closed file's or an edit's old geometries: at once, and the table compacted once they pass half of it
        (`CacheRows.drop_all_but`); rows handed out before name other geometries then, as `version` says. Told the
        same array again, nothing changes."""
        if geometries is self._kept_for:
            return
        self._kept_for = geometries
        keys = keys_of(geometries)
        rows = self._remembered(geometries, keys)
        dropped, compacted = self._table.drop_all_but(self._table.find(keys) if rows is None else rows)
        if dropped:  # the calls remembered whose rows are all held still (the refresh's own) stay
            self._recent = [] if compacted else [
                (array, asked, rows) for array, asked, rows in self._recent
                if (self._table.keys[rows[rows >= 0]] != 0).all()]
        if compacted:
            self.version += 1  # (lines' rows handed out before name other geometries now)

    def held_rows(self, geometries: np.ndarray) -> np.ndarray:
        """The rows of geometries the cache holds already (-1 for others): none added, the call not remembered."""
        return self._table.find(keys_of(geometries))

    def _rows_of_keys(self, geometries: np.ndarray, keys: np.ndarray) -> np.ndarray:
        self.searched += len(keys)
        rows = self._table.find(keys)
        missing = (rows < 0) & (keys != id(None))
        if missing.any():
            new = np.flatnonzero(missing)
            # One row per distinct geometry (two features may share one), in the order first met; their rows
            # follow the table's (searching a million keys again took ~0.15 s). A reader's geometries come with
            # their ids in long ascending or descending runs (as allocated, batch by batch), which a stable sort
            # (timsort) merges in ~13 ms where quicksort took ~80 ms for a million; random keys cost both alike.
            new_keys = keys[new]
            by_key = np.argsort(new_keys, kind="stable")
            ordered = new_keys[by_key]
            base = len(self._table)
            if (ordered[1:] != ordered[:-1]).all():  # each its own geometry (np.unique sorted them again)
                self._add(geometries[new], new_keys, by_key)
                rows[new] = base + np.arange(len(new))
            else:
                _, first, which = np.unique(new_keys, return_index=True, return_inverse=True)
                order = np.argsort(first)
                rank = np.empty(len(first), dtype=np.int64)
                rank[order] = np.arange(len(first))
                self._add(geometries[new[first[order]]], new_keys[first[order]])
                rows[new] = base + rank[which.ravel()]
        return rows

    def _add(self, geometries: np.ndarray, keys: np.ndarray, by_key: np.ndarray | None = None) -> None:
        """Rows for new geometries (``keys``: their distinct ids; ``by_key``: their order, if known)."""
        self._table.append(new_rows(geometries, keys, self.projection, self.straight_first, self.pixel), by_key)

    def has_pending(self) -> bool:
        """Whether `pending_lines` has any (told without taking them)."""
        return bool(self._table.pending.any())

    def pending_of(self, rows: np.ndarray) -> np.ndarray:
        """Whether each row is drawn straight (a line) or from a stand-in (an area) until densified (False for -1)."""
        if not len(self._table):
            return np.zeros(len(rows), dtype=bool)
        return self._table.pending[rows] & (rows >= 0)

    def pending_lines(self) -> tuple[np.ndarray, np.ndarray]:
        """The rows of lines drawn straight and of areas drawn from a stand-in until densified, and their lon/lat
        geometries (for `densify_pending` on a worker thread, then `take_densified`)."""
        rows = np.flatnonzero(self._table.pending)
        return rows, self._table.sources[rows]

    def densify_pending(self, geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                                                tuple[np.ndarray, FlatLines]]:
        """For `pending_lines`' geometries (anywhere: reads nothing of the cache but its projection), their
        projected shapes, whether each is drawn as projected, the densified lon/lat geometry of each area
        (None for lines), and the positions and lines of those kept flat (their shapes None; see `flat_parts`):
        `densify.projected_lines` of the lines, an area densified and projected whole."""
        return densified_rows(geometries, self.projection)

    def take_densified(self, rows: np.ndarray, lines: np.ndarray, shapes: np.ndarray, plain: np.ndarray,
                       dense: np.ndarray | None = None, flat: tuple[np.ndarray, FlatLines] | None = None) -> bool:
        """Draw ``rows`` from their densified projected ``shapes`` (`densify_pending` of ``lines``, their lon/lat
        geometries as `pending_lines` gave them; ``dense``: its densified areas; ``flat``: the positions and lines
        of those kept flat, else `flat_parts` of the shapes) from now on; False if the rows no longer hold those
        geometries (the table was compacted meanwhile) or are densified already."""
        if not len(rows) or rows.max() >= len(self._table) or not self._table.pending[rows].all() \
                or not all(map(operator.is_, self._table.sources[rows], lines)):
            return False
        if dense is not None:
            self._table.dense.update((row, area) for row, area in zip(rows.tolist(), dense, strict=True)
                                     if area is not None)
        which, kept = flat if flat is not None else flat_parts(shapes, plain)
        shapes = shapes.copy()
        shapes[which] = None
        self._table.shapes[rows], self._table.plain[rows], self._table.pending[rows] = shapes, plain, False
        self._table.flat.replace(rows, rows[which], kept)
        self._table.located[rows] = False  # a point on the densified line, as an export finds it
        self.version += 1
        return True

    # -- one feature -----------------------------------------------------------------------------
    def _row(self, feature: Feature) -> int:
        if feature.geometry is None:
            return NONE  # a feature without geometry has no row
        return int(self.rows_of_geometries(np.array([feature.geometry], dtype=object))[0])

    def densified(self, feature: Feature) -> BaseGeometry | None:
        """The lon/lat geometry with geodesic vertices where the projection shows the curve (`densify_lines`)."""
        row = self._row(feature)
        if row < 0:
            return None
        return feature.geometry if self._table.point[row] else self.dense_of(np.array([row]))[0]

    def projected(self, feature: Feature) -> BaseGeometry | None:
        row = self._row(feature)
        if row < 0:
            return None
        return Point(self._table.xy[row]) if self._table.point[row] else self.shapes_of(np.array([row]))[0]

    # -- many features ---------------------------------------------------------------------------
    def prepare(self, features: Iterable[Feature]) -> None:
        """Densify and project every feature not cached yet, all at once."""
        self.rows(features)

    def dense_of(self, rows: np.ndarray) -> np.ndarray:
        """The densified lon/lat geometries of rows (points as given, None for -1)."""
        if not len(self._table):
            return np.full(len(rows), None, dtype=object)
        out = self._table.sources[rows]  # (a copy: fancy indexing)
        out[~self._table.point[rows] | (rows < 0)] = None
        areas = np.flatnonzero((rows >= 0) & ~self._table.point[rows] & ~self._table.line[rows])
        if len(areas):
            out[areas] = np.fromiter(map(self._table.dense.get, rows[areas].tolist()), dtype=object, count=len(areas))
        later = np.flatnonzero((rows >= 0) & self._table.line[rows])
        if len(later):
            out[later] = densify_lines(self._table.sources[rows[later]], MAX_SEGMENT_KM, projection=self.projection)
        return out

    def drawn_xy(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """`drawable.to_xy_arrays` of the rows' densified geometries: straight from their projected lines where
        every one is a line drawn as projected (no lon/lat line made)."""
        rows = rows[rows >= 0]
        if len(rows) and self._table.plain[rows].all():
            if not self._table.flat.held(rows).any():
                return projected_xy(self._table.shapes[rows])
            return self._table.flat.drawn_xy(rows, self._table.shapes[rows])
        return to_xy_arrays(self.dense_of(rows), self.projection, self.shapes_of(rows))

    def shapes_of(self, rows: np.ndarray) -> np.ndarray:
        """The projected geometries of rows other than single points (None for those and for -1); a LineString made
        for a line kept flat (ask for the few a question is about)."""
        if not len(self._table):
            return np.full(len(rows), None, dtype=object)
        out = self._table.shapes[rows]
        out[rows < 0] = None
        flat = np.flatnonzero(self._table.flat.held(rows))
        if len(flat):
            out[flat] = self._table.flat.of(rows[flat]).linestrings()
        return out

    def is_point(self, rows: np.ndarray) -> np.ndarray:
        return (self._table.point[rows] & (rows >= 0)) if len(self._table) else np.zeros(len(rows), dtype=bool)

    def xy_of(self, rows: np.ndarray) -> np.ndarray:
        """(n, 2) map positions of rows: a point where it is, another geometry at a point on it, NaN for -1."""
        if not len(self._table):
            return np.full((len(rows), 2), np.nan)
        unknown = rows[(rows >= 0) & ~self._table.located[np.maximum(rows, 0)]]
        if len(unknown):  # a point on each shape, as representative_point gives (0.4 s for 100,000 lines: not ahead)
            unknown = np.unique(unknown)
            at = shapely.point_on_surface(self.shapes_of(unknown))
            self._table.xy[unknown, 0], self._table.xy[unknown, 1] = shapely.get_x(at), shapely.get_y(at)
            self._table.located[unknown] = True
        xy = self._table.xy[rows]
        xy[rows < 0] = np.nan
        return xy

    def positions(self, features: Iterable[Feature]) -> np.ndarray:
        """(n, 2) map positions of the features' symbols: a point where it is, any other geometry at its
        representative point; NaN for a feature with no (or an empty) geometry."""
        return self.xy_of(self.rows(features))

    def reprojected(self, projection: MapProjection) -> ProjectedFeatures:
        """The same cache for another projection (empty: densifying depends on the projection too)."""
        return ProjectedFeatures(projection, self.straight_first)

    def bounds(self, features: Iterable[Feature]) -> tuple[float, float, float, float] | None:
        """(xmin, ymin, xmax, ymax) in map units of the features' projected geometry, None when empty."""
        rows = self.rows(features)
        return self.bounds_of(rows[rows >= 0])

    def bounds_of(self, rows: np.ndarray) -> tuple[float, float, float, float] | None:
        if not len(rows):
            return None
        point = self._table.point[rows]
        xy = self._table.xy[rows[point]]
        xy = xy[np.isfinite(xy).all(axis=1)]
        flat = self._table.flat.held(rows)
        shapes = self._table.shapes[rows[~point & ~flat]]
        corners = []
        if flat.any():
            box = self._table.flat.of(rows[flat]).total_bounds()
            if np.isfinite(box).all():
                corners += [box[:2], box[2:]]
        if len(shapes):
            box = shapely.bounds(shapes)
            box = box[np.isfinite(box).all(axis=1)]
            if len(box):
                corners += [box[:, :2].min(axis=0), box[:, 2:].max(axis=0)]
        if len(xy):
            corners += [xy.min(axis=0), xy.max(axis=0)]
        if not corners:
            return None
        stacked = np.array(corners)
        (xmin, ymin), (xmax, ymax) = stacked.min(axis=0), stacked.max(axis=0)
        return float(xmin), float(ymin), float(xmax), float(ymax)

    def reindexed(self, index: FeatureIndex) -> FeatureIndex:
        """``index`` (made by `index`) with its shapes as the cache holds them now (lines densified since), its
        points kept: from the rows it was made of, not its features (looking a million up again took ~0.1 s)."""
        if index.source_rows is None or index.line_rows is None:
            raise ValueError("an index not made by a projected cache")
        rows = np.concatenate([index.source_rows, index.line_rows])
        positions = np.concatenate([index.shape_positions, index.line_positions])
        return self._indexed(index, positions, rows)

    def index(self, features: Iterable[Feature]) -> FeatureIndex:
        """The picking index of the features. Their single points' grid extends the last index's when the features
        begin with the ones that index was made of (a file opened beside others): only the new points are sorted."""
        features = features if isinstance(features, list | tuple) else list(features)
        asked = self.rows(features)
        chosen = np.flatnonzero(asked >= 0)
        rows = asked[chosen]
        ids = IdsOf(objects_of(features)[chosen] if len(chosen) < len(features) else objects_of(features))
        point = self._table.point[rows] if len(rows) else np.zeros(0, dtype=bool)
        points, others = np.flatnonzero(point), np.flatnonzero(~point)
        grid, before = None, self._points_indexed
        if before is not None and before[1] == self.version and 0 < len(before[0]) <= len(asked) \
                and np.array_equal(before[0], asked[:len(before[0])]):
            new = points[np.searchsorted(points, np.searchsorted(chosen, len(before[0]))):]
            grid = grown(before[2], self._table.xy[rows[new]], new) if len(new) else before[2]
        of_points = FeatureIndex.of_parts(ids, np.zeros(0, dtype=np.int64), [], points,
                                          self._table.xy[rows[points]] if grid is None else np.empty((0, 2)),
                                          points=grid)
        self._points_indexed = (asked, self.version, of_points._points)
        return self._indexed(of_points, others, rows[others])

    def _indexed(self, index: FeatureIndex, positions: np.ndarray, rows: np.ndarray) -> FeatureIndex:
        """``index`` (its ids and points kept) with the ``rows`` other than points at ``positions`` among its ids,
        their lines kept flat given as such."""
        flat = self._table.flat.held(rows)
        lines = self._table.flat.of(rows[flat])
        index = index.with_parts(positions[~flat], self._table.shapes[rows[~flat]], positions[flat], lines)
        index.source_rows, index.line_rows = rows[~flat], rows[flat]
        return index

