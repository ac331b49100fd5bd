"""Feature geometries densified along geodesics and projected, cached per projection, for drawing and picking."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely
from shapely.geometry import MultiPolygon, Polygon
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
_POINTS = (0, 4)  # shapely type ids of Point and MultiPoint
_LINESTRING = 1


class ProjectedFeatures:
    """Projected geometry per feature for one projection; a feature whose geometry changes is redone."""

    def __init__(self, projection: MapProjection):
        self.projection = projection
        self._densified: dict[str, tuple[BaseGeometry, BaseGeometry]] = {}  # id -> (source, densified)
        self._projected: dict[str, tuple[BaseGeometry, BaseGeometry]] = {}  # id -> (source, projected)

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
        if feature.geometry is None:
            return None
        cached = self._projected.get(feature.id)
        if cached is None or cached[0] is not feature.geometry:
            cached = (feature.geometry, project_geometry(self.densified(feature), self.projection))
            self._projected[feature.id] = cached
        return cached[1]

    def prepare(self, features: Iterable[Feature]) -> None:
        """Densify and project every feature not cached yet in one call to PROJ: one call per feature spends
        ~0.1 ms in overheads, seconds for 100,000 features (the cache then answers `projected` at once)."""
        todo = [f for f in features if f.geometry is not None
                and ((cached := self._projected.get(f.id)) is None or cached[0] is not f.geometry)]
        if not todo:
            return
        geometries = np.empty(len(todo), dtype=object)
        geometries[:] = [f.geometry for f in todo]
        # Points need no densifying; lines are densified all at once; other geometries one by one.
        types = shapely.get_type_id(geometries)
        lines = np.flatnonzero(types == _LINESTRING)
        lines = lines[[(c := self._densified.get(todo[i].id)) is None or c[0] is not todo[i].geometry for i in lines]]
        for i, line in zip(lines, densify_lines(geometries[lines], MAX_SEGMENT_KM), strict=True):
            self._densified[todo[i].id] = (todo[i].geometry, line)
        for i in np.flatnonzero(~np.isin(types, _POINTS)):
            geometries[i] = self.densified(todo[i])
        projected = project_geometry(geometries, self.projection)
        for feature, geometry in zip(todo, projected, strict=True):
            self._projected[feature.id] = (feature.geometry, geometry)

    def reprojected(self, projection: MapProjection) -> ProjectedFeatures:
        """The same cache for another projection, keeping the densified geometries."""
        other = ProjectedFeatures(projection)
        other._densified = self._densified
        return other

    def bounds(self, features: Iterable[Feature]) -> tuple[float, float, float, float] | None:
        """(xmin, ymin, xmax, ymax) in map units of the features' projected geometry, None when empty."""
        geometries = [g for f in features if (g := self.projected(f)) is not None and not g.is_empty]
        if not geometries:
            return None
        xmin, ymin, xmax, ymax = shapely.total_bounds(geometries)
        return float(xmin), float(ymin), float(xmax), float(ymax)

    def index(self, features: Iterable[Feature]) -> FeatureIndex:
        chosen = [f for f in features if f.geometry is not None]
        self.prepare(chosen)
        return FeatureIndex([f.id for f in chosen], [self.projected(f) for f in chosen])


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
