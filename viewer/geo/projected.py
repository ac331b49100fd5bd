"""Feature geometries densified along geodesics and projected, cached per projection, for drawing and picking."""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from viewer.geo.crs import MapProjection
from viewer.geo.drawable import project_geometry, unwrap_parts
from viewer.geo.geodesic import GEOD, densify
from viewer.geo.picking import FeatureIndex
from viewer.model.feature import Feature

MAX_SEGMENT_KM = 25.0
VECTORISED_ABOVE = 5_000  # areas with more vertices are densified ring by ring in arrays, not leg by leg
# Vertices densifying one area may add, about: a million spikes 800 km long would become 30 million vertices at
# 25 km; beyond the budget the geodesic steps get longer (such an outline is a speckle at any scale anyway).
DENSIFY_BUDGET = 500_000
_POINT = 0
_POINTS = (0, 4)  # shapely type ids of Point and MultiPoint
_LINESTRING = 1


class ProjectedFeatures:
    """Projected geometry per feature for one projection; a feature whose geometry changes is redone.

    A single point is kept as a row of a coordinate table, not as a shapely Point (a million plain points held
    ~390 bytes each as (source, Point) pairs and GEOS points; a row and its dict entry take ~100): `projected`
    makes its Point when asked, `positions`, `bounds` and `index` read the table directly."""

    def __init__(self, projection: MapProjection):
        self.projection = projection
        self._densified: dict[str, tuple[BaseGeometry, BaseGeometry]] = {}  # id -> (source, densified)
        # id -> (source, projected), or for a single point its row in the point table
        self._projected: dict[str, tuple[BaseGeometry, BaseGeometry] | int] = {}
        self._point_source: list[BaseGeometry | None] = []  # per row: the lon/lat point it was projected from
        self._point_xy = np.empty((0, 2))  # per row: x, y in map units (rows beyond _point_source are spare)

    def densified(self, feature: Feature) -> BaseGeometry | None:
        """The lon/lat geometry with geodesic vertices every 25 km (independent of the projection)."""
        if feature.geometry is None:
            return None
        cached = self._densified.get(feature.id)
        if cached is None or cached[0] is not feature.geometry:
            geometry = feature.geometry
            big_area = geometry.geom_type in ("Polygon", "MultiPolygon") and \
                shapely.get_num_coordinates(geometry) > VECTORISED_ABOVE
            cached = (geometry, densified_area(geometry, MAX_SEGMENT_KM) if big_area else
                      densify(geometry, MAX_SEGMENT_KM))
            self._densified[feature.id] = cached
        return cached[1]

    def projected(self, feature: Feature) -> BaseGeometry | None:
        geometry = feature.geometry
        if geometry is None:
            return None
        if not self._is_current(feature):
            self.prepare([feature])
        cached = self._projected[feature.id]
        if cached.__class__ is int:
            return Point(self._point_xy[cached])
        return cached[1]  # type: ignore[index]

    def _is_current(self, feature: Feature) -> bool:
        cached = self._projected.get(feature.id)
        if cached is None:
            return False
        return (self._point_source[cached] if cached.__class__ is int else cached[0]) is feature.geometry  # type: ignore[index]

    def prepare(self, features: Iterable[Feature]) -> None:
        """Densify and project every feature not cached yet in one call to PROJ: one call per feature spends
        ~0.1 ms in overheads, seconds for 100,000 features (the cache then answers `projected` at once)."""
        cache, sources = self._projected, self._point_source
        todo = [f for f in features if f.geometry is not None and not self._is_current(f)]
        if not todo:
            return
        # fromiter, not a slice filled from a list: numpy asks each geometry whether it is a sequence (0.3 s a million)
        geometries = np.fromiter(map(attrgetter("geometry"), todo), dtype=object, count=len(todo))
        types = shapely.get_type_id(geometries)
        single = (types == _POINT) & ~shapely.is_empty(geometries)
        if single.any():
            points = np.flatnonzero(single)
            self._store_points([todo[i] for i in points], geometries[points])
            rest = np.flatnonzero(~single)
            todo, geometries, types = [todo[i] for i in rest], geometries[rest], types[rest]
            if not todo:
                return
        # Points need no densifying; lines are densified all at once; other geometries one by one.
        lines = np.flatnonzero(types == _LINESTRING)
        lines = lines[[(c := self._densified.get(todo[i].id)) is None or c[0] is not todo[i].geometry for i in lines]]
        for i, line in zip(lines, densify_lines(geometries[lines], MAX_SEGMENT_KM), strict=True):
            self._densified[todo[i].id] = (todo[i].geometry, line)
        for i in np.flatnonzero(~np.isin(types, _POINTS)):
            geometries[i] = self.densified(todo[i])
        projected = project_geometry(geometries, self.projection)
        for feature, geometry in zip(todo, projected, strict=True):
            if (row := cache.get(feature.id)).__class__ is int:  # a point no more: its row is left unused
                sources[row] = None
            cache[feature.id] = (feature.geometry, geometry)

    def _store_points(self, features: list[Feature], geometries: np.ndarray) -> None:
        """Project single points into the table: a feature keeps its row, a new one gets the next."""
        coords = shapely.get_coordinates(geometries)
        x, y = self.projection.forward(coords[:, 0], coords[:, 1])  # as project_geometry would
        cache = self._projected
        rows = np.fromiter((c if (c := cache.get(f.id)).__class__ is int else -1 for f in features),
                           dtype=np.int64, count=len(features))
        new = np.flatnonzero(rows < 0)
        first = len(self._point_source)
        if len(new):
            rows[new] = np.arange(first, first + len(new))
            self._point_source.extend([None] * len(new))
            if len(self._point_xy) < len(self._point_source):  # a quarter spare: a few more points need no copy
                grown = np.empty((len(self._point_source) + len(self._point_source) // 4, 2))
                grown[:first] = self._point_xy[:first]
                self._point_xy = grown
            # The rows from a range, not from rows.tolist(): a million temporary ints freed among the million kept
            # left their memory scattered, never given back.
            fresh = features if len(new) == len(features) else [features[i] for i in new.tolist()]
            for feature, row in zip(fresh, range(first, first + len(new)), strict=True):
                cache[feature.id] = row
        if len(new) == len(features):
            self._point_source[first:] = geometries
        else:
            for row, geometry in zip(rows.tolist(), geometries, strict=True):
                self._point_source[row] = geometry
        self._point_xy[rows, 0] = x
        self._point_xy[rows, 1] = y

    def _point_rows(self, features: list[Feature]) -> np.ndarray:
        """Each feature's row in the point table if it is a single point cached for its current geometry, else -1."""
        cache, sources = self._projected, self._point_source
        return np.fromiter((c if (c := cache.get(f.id)).__class__ is int and sources[c] is f.geometry else -1
                            for f in features), dtype=np.int64, count=len(features))

    def positions(self, features: list[Feature]) -> np.ndarray:
        """(n, 2) map positions of the features' symbols: a point where it is, any other geometry at its
        representative point; NaN for a feature with no (or an empty) geometry."""
        self.prepare(features)
        rows = self._point_rows(features)
        xy = self._point_xy[np.maximum(rows, 0)] if len(self._point_source) else np.full((len(rows), 2), np.nan)
        for i in np.flatnonzero(rows < 0).tolist():
            geometry = self.projected(features[i])
            if geometry is None or geometry.is_empty:
                xy[i] = np.nan
            else:
                point = geometry if geometry.geom_type == "Point" else geometry.representative_point()
                xy[i] = point.x, point.y
        return xy

    def reprojected(self, projection: MapProjection) -> ProjectedFeatures:
        """The same cache for another projection, keeping the densified geometries."""
        other = ProjectedFeatures(projection)
        other._densified = self._densified
        return other

    def bounds(self, features: Iterable[Feature]) -> tuple[float, float, float, float] | None:
        """(xmin, ymin, xmax, ymax) in map units of the features' projected geometry, None when empty."""
        features = [f for f in features if f.geometry is not None]
        self.prepare(features)
        rows = self._point_rows(features)
        xy = self._point_xy[rows[rows >= 0]]
        xy = xy[np.isfinite(xy).all(axis=1)]
        shapes = [g for i in np.flatnonzero(rows < 0).tolist()
                  if (g := self.projected(features[i])) is not None and not g.is_empty]
        if not shapes and not len(xy):
            return None
        corners = [shapely.total_bounds(shapes).reshape(2, 2)] if shapes else []
        if len(xy):
            corners.append(np.array([xy.min(axis=0), xy.max(axis=0)]))
        xmin, ymin = np.min([c[0] for c in corners], axis=0)
        xmax, ymax = np.max([c[1] for c in corners], axis=0)
        return float(xmin), float(ymin), float(xmax), float(ymax)

    def index(self, features: Iterable[Feature]) -> FeatureIndex:
        chosen = [f for f in features if f.geometry is not None]
        self.prepare(chosen)
        rows = self._point_rows(chosen)
        points = np.flatnonzero(rows >= 0)
        shapes = np.flatnonzero(rows < 0)
        return FeatureIndex.of_parts([f.id for f in chosen], shapes, [self.projected(chosen[i]) for i in shapes],
                                     points, self._point_xy[rows[points]])


def densified_area(geometry: BaseGeometry, max_segment_km: float) -> BaseGeometry:
    """`geodesic.densify` of a (multi)polygon with all its rings in one `densify_lines` call (a million-vertex ring
    of long spikes took minutes leg by leg), adding at most about as many vertices as it has or DENSIFY_BUDGET."""
    polygons = shapely.get_parts(geometry)
    rings, owner = shapely.get_rings(polygons, return_index=True)
    coords, index = shapely.get_coordinates(rings, return_index=True)
    dense = densify_lines(shapely.linestrings(coords, indices=index), max_segment_km,
                          max_added=max(DENSIFY_BUDGET, len(coords)))
    parts = []
    for i in range(len(polygons)):
        mine = dense[owner == i]
        parts.append(Polygon(shapely.get_coordinates(mine[0]), [shapely.get_coordinates(r) for r in mine[1:]]))
    return parts[0] if geometry.geom_type == "Polygon" else MultiPolygon(parts)


def densify_lines(lines: np.ndarray, max_segment_km: float, max_added: int | None = None) -> np.ndarray:
    """`geodesic.densify` for an array of LineStrings in a few vectorised calls: every segment longer than
    `max_segment_km` gets evenly spaced geodesic vertices, and longitudes are kept continuous along each line.
    ``max_added``: at most about this many vertices are added (the segments allowed get longer to stay within it)."""
    if not len(lines):
        return np.empty(0, dtype=object)
    coords, owner = shapely.get_coordinates(lines, return_index=True)
    same = owner[:-1] == owner[1:]
    # Only segments that may be longer than max_segment_km are measured on the ellipsoid: a segment is no longer
    # than a path along its meridian then its parallel, at most 111.7 km a degree of either (a user's lines are
    # mostly short segments: measuring 5 million of them took ~10 s).
    az, metres = np.zeros(len(coords) - 1), np.zeros(len(coords) - 1)
    steps = np.abs(np.diff(coords, axis=0)).sum(axis=1)
    measured = np.flatnonzero(same & ~(steps * 111.7 < max_segment_km))  # NaN steps are measured (and give NaN)
    a, b = coords[measured], coords[measured + 1]
    az[measured], _, metres[measured] = GEOD.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    pieces = np.maximum(1, np.ceil(metres / (max_segment_km * 1000.0))).astype(np.int64)
    if max_added is not None and int(pieces.sum() - len(pieces)) > max_added:
        longer = (pieces.sum() - len(pieces)) / max(1, max_added)
        pieces = np.maximum(1, np.ceil(metres / (max_segment_km * 1000.0 * longer))).astype(np.int64)
    inner = np.append(pieces - 1, 0)  # vertices added after each vertex (none after a line's last)
    slot = np.arange(len(coords)) + np.concatenate([[0], np.cumsum(inner)[:-1]])
    out = np.empty((len(coords) + int(inner.sum()), 2))
    out_owner = np.empty(len(out), dtype=np.int64)
    out[slot], out_owner[slot] = coords, owner
    if inner.any():
        start = np.repeat(np.flatnonzero(inner), inner[inner > 0])  # the segment each new vertex lies on
        k = np.arange(len(start)) - np.repeat(np.cumsum(inner[inner > 0]) - inner[inner > 0], inner[inner > 0]) + 1
        lon, lat, _ = GEOD.fwd(coords[start, 0], coords[start, 1], np.asarray(az)[start],
                               metres[start] * k / pieces[start])
        at = slot[start] + k
        out[at, 0], out[at, 1], out_owner[at] = lon, lat, owner[start]
    starts = np.flatnonzero(np.diff(out_owner, prepend=-1))
    out[:, 0] = unwrap_parts(out[:, 0], starts)
    return shapely.linestrings(out, indices=out_owner)
