"""A line or polygon of very many vertices, answered about near a point or a rectangle by the few stretches of its
outline there: GEOS tests the whole geometry each time (a projected million-spike star, 2.8 million vertices, took
0.1-0.25 s a question, and the legend asks up to nine rectangles a repaint), or prepares it once for ~1.2 s.

The outline is cut into runs of RUN segments, each with its bounding box in an STRtree; a question reads the
runs whose boxes are near, and tests their segments with numpy. The answers are GEOS's: a point is inside a polygon
when a ray from it crosses its shell an odd number of times and each of its holes an even number (GEOS's ray
crossing rule, so a polygon that crosses itself answers as GEOS answers), and a rectangle meets a shape when a
segment meets it or, for a polygon, when the rectangle's corner is inside."""

from __future__ import annotations

import numpy as np
import shapely

from viewer.geo.per_geometry import PerGeometry

RUN = 64  # segments a run: ~11,000 boxes for 2.8 million vertices; a question reads a few runs
_BATCH = 16  # runs read at a time while looking for one segment that meets a rectangle
_POLYGON, _MULTIPOLYGON = 3, 6
_LINES = (1, 2, 5)  # LineString, LinearRing, MultiLineString


# Outlines made, per geometry object: a refresh indexes the same projected shapes again, and a million-spike star's
# runs took 0.2-0.5 s to build each time.
_OUTLINES: PerGeometry[Outline] = PerGeometry()
_MADE = _OUTLINES.made


def outline_of(geometry: shapely.Geometry) -> Outline:
    """The `Outline` of ``geometry``, made once for as long as that geometry object lives."""
    return _OUTLINES.of(geometry, Outline)


def detailed(geometry: shapely.Geometry) -> bool:
    """Whether ``geometry`` is of a kind an `Outline` answers for (lines and polygons)."""
    return shapely.get_type_id(geometry) in (_POLYGON, _MULTIPOLYGON, *_LINES)


class Outline:
    """The outline of one line or polygon (or multi-part one), in runs of segments indexed by their boxes."""

    def __init__(self, geometry: shapely.Geometry):
        self.areal = bool(shapely.get_type_id(geometry) in (_POLYGON, _MULTIPOLYGON))
        parts = shapely.get_parts(geometry)
        if self.areal:
            rings, part = shapely.get_rings(parts, return_index=True)
            shell = np.ones(len(rings), dtype=bool)
            shell[1:] = part[1:] != part[:-1]  # get_rings gives each polygon's shell first, then its holes
        else:
            rings, part, shell = parts, np.arange(len(parts)), np.zeros(len(parts), dtype=bool)
        xy, ring_of = shapely.get_coordinates(rings, return_index=True)
        self._x, self._y = np.ascontiguousarray(xy[:, 0]), np.ascontiguousarray(xy[:, 1])  # read apart: y first
        self._part, self._shell = part, shell
        # Each ring's vertices are rows [first, last]; its segments start at rows first .. last - 1.
        counts = np.bincount(ring_of, minlength=len(rings))
        first = np.concatenate([[0], np.cumsum(counts)[:-1]])
        segments = np.maximum(counts - 1, 0)
        runs = -(-segments // RUN)
        run_ring = np.repeat(np.arange(len(rings)), runs)
        within = np.arange(runs.sum()) - np.repeat(np.cumsum(runs) - runs, runs)
        self._start = first[run_ring] + within * RUN  # first segment (= its first vertex) of each run
        self._stop = np.minimum(self._start + RUN, (first + segments)[run_ring])  # one past its last segment
        self._ring = run_ring
        # Each run's box: the bounds of its vertices start .. stop (its last segment's end included).
        x, y = self._x, self._y
        ends = np.column_stack([self._start, self._stop + 1]).ravel()
        ends = ends[:-1] if len(ends) and ends[-1] >= len(x) else ends
        self._bounds = np.array([np.minimum.reduceat(x, ends)[::2], np.minimum.reduceat(y, ends)[::2],
                                 np.maximum.reduceat(x, ends)[::2], np.maximum.reduceat(y, ends)[::2]]
                                ) if len(ends) else np.empty((4, 0))
        self._tree = shapely.STRtree(shapely.box(*self._bounds))
        self._rings = len(rings)
        self.area = float(shapely.area(geometry))  # a polygon's, for ordering those a point is inside
        # A ray from a point ends past the shape: (xmin, ymin, xmax, ymax) a little beyond its bounds
        self._outside = (float(x.min()) - 1.0, float(y.min()) - 1.0, float(x.max()) + 1.0,
                         float(y.max()) + 1.0) if len(x) else (0.0, 0.0, 0.0, 0.0)

    def _rows(self, runs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The first vertex's row of every segment of ``runs``, and the ring of each."""
        lengths = self._stop[runs] - self._start[runs]
        starts = np.repeat(self._start[runs] - np.concatenate([[0], np.cumsum(lengths)[:-1]]), lengths)
        return starts + np.arange(lengths.sum()), np.repeat(self._ring[runs], lengths)

    def _segments(self, runs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(x0, y0, x1, y1) of every segment of ``runs``."""
        rows, _ = self._rows(runs)
        return self._x[rows], self._y[rows], self._x[rows + 1], self._y[rows + 1]

    def distance(self, x: float, y: float, reach: float) -> float:
        """Distance from (x, y) to the outline when it is within ``reach``, else infinity."""
        runs = self._tree.query(shapely.box(x - reach, y - reach, x + reach, y + reach))
        if not len(runs):
            return np.inf
        x0, y0, x1, y1 = self._segments(runs)
        dx, dy = x1 - x0, y1 - y0
        length2 = dx * dx + dy * dy
        with np.errstate(invalid="ignore", divide="ignore"):
            t = np.clip(np.where(length2 > 0, ((x - x0) * dx + (y - y0) * dy) / length2, 0.0), 0.0, 1.0)
        nearest = float(np.hypot(x0 + t * dx - x, y0 + t * dy - y).min())
        return nearest if nearest <= reach else np.inf

    def contains(self, x: float, y: float) -> bool:
        """Whether a polygon has (x, y) inside (by ray crossings, as GEOS); False for lines. The ray goes whichever
        way of the four meets fewest runs (parity is the same along any ray)."""
        if not self.areal:
            return False
        left, bottom, right, top = self._outside
        rays = [self._tree.query(shapely.box(*r)) for r in
                ((x, y, right, y), (left, y, x, y), (x, y, x, top), (x, bottom, x, y))]
        along = int(np.argmin([len(r) for r in rays]))
        runs = rays[along]
        if not len(runs):
            return False
        rows, ring = self._rows(runs)
        # Along a horizontal ray, "across" is x and "up" is y; along a vertical one, the other way round.
        up, across, here, level = (self._y, self._x, x, y) if along < 2 else (self._x, self._y, y, x)
        u0, u1 = up[rows], up[rows + 1]
        spans = (u0 > level) != (u1 > level)  # segments the ray's line crosses: their ends on either side
        rows, ring, u0, u1 = rows[spans], ring[spans], u0[spans], u1[spans]
        a0, a1 = across[rows], across[rows + 1]
        at = a0 + (level - u0) * (a1 - a0) / (u1 - u0)
        crossing = (at > here) if along % 2 == 0 else (at < here)
        odd = np.bincount(ring[crossing], minlength=self._rings) % 2 == 1
        # Inside a part: inside its shell and in none of its holes.
        holed = np.bincount(self._part, weights=(odd & ~self._shell).astype(float), minlength=self._part.max() + 1) > 0
        return bool((odd & self._shell & ~holed[self._part]).any())

    def meets(self, xmin: float, ymin: float, xmax: float, ymax: float, budget: int | None = None) -> bool:
        """Whether the shape meets the rectangle (boundary included): a segment of it does, or, for a polygon, the
        rectangle lies inside it. ``budget``: at most this many segments are tested; when more runs' boxes crowd the
        rectangle, it counts as met (as a count of many shapes counts their boxes). Long segments that cross one
        another (a star's spikes) put thousands of boxes over a small rectangle that few segments meet: 450,000
        segments tested took ~100 ms."""
        runs = self._tree.query(shapely.box(xmin, ymin, xmax, ymax))
        bx0, by0, bx1, by1 = self._bounds[:, runs]
        if ((bx0 >= xmin) & (bx1 <= xmax) & (by0 >= ymin) & (by1 <= ymax)).any():
            return True  # a run wholly inside: its vertices are
        if budget is not None and int((self._stop[runs] - self._start[runs]).sum()) > budget:
            return True
        for batch in range(0, len(runs), _BATCH):  # most answers are yes, found in the first runs read
            if _segments_meet(*self._segments(runs[batch:batch + _BATCH]), xmin, ymin, xmax, ymax):
                return True
        return self.contains(xmin, ymin)


def _segments_meet(x0: np.ndarray, y0: np.ndarray, x1: np.ndarray, y1: np.ndarray,
                   xmin: float, ymin: float, xmax: float, ymax: float) -> bool:
    """Whether any segment meets the rectangle: Liang-Barsky clipping of every segment at once."""
    dx, dy = x1 - x0, y1 - y0
    low, high = np.zeros(len(x0)), np.ones(len(x0))
    alive = np.ones(len(x0), dtype=bool)
    for p, q in ((-dx, x0 - xmin), (dx, xmax - x0), (-dy, y0 - ymin), (dy, ymax - y0)):
        alive &= (p != 0) | (q >= 0)  # parallel to this edge and outside it
        with np.errstate(invalid="ignore", divide="ignore"):
            r = q / p
        low = np.where(p < 0, np.maximum(low, r), low)
        high = np.where(p > 0, np.minimum(high, r), high)
    return bool((alive & (low <= high)).any())
