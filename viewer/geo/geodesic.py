"""Geodesics on the WGS84 ellipsoid: distances, bearings, densified paths and range rings.

Longitudes along a path are kept continuous (they may leave [-180, 180]) so a path over
the antimeridian stays one unbroken line; `drawable` cuts it at the map's own seam.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon
from shapely.geometry.base import BaseGeometry

from viewer.geo import before_proj, vincenty

if TYPE_CHECKING:
    from pyproj import Geod


class Geodesics:
    """pyproj's `Geod` on WGS84 (its `inv`, `fwd`, `npts`, `geometry_length`, ...), loaded when first needed.

    Until pyproj is loaded (the window's first frame: ~60 ms of importing), `inv` and `fwd` are answered in numpy by
    Vincenty's formulae (`viewer.geo.vincenty`, within 0.1 mm of PROJ's); nearly antipodal pairs, where they do not
    converge, and everything else go to PROJ. Once pyproj is in, PROJ answers all, as it always did."""

    def inv(self, lon1: Any, lat1: Any, lon2: Any, lat2: Any) -> tuple[Any, Any, Any]:
        if not before_proj.proj_loaded():
            az12, az21, metres, converged = vincenty.inverse(lon1, lat1, lon2, lat2)
            if converged.all():
                return az12, az21, metres
        return proj_geod().inv(lon1, lat1, lon2, lat2)

    def fwd(self, lon: Any, lat: Any, azimuth: Any, metres: Any) -> tuple[Any, Any, Any]:
        if not before_proj.proj_loaded():
            return vincenty.direct(lon, lat, azimuth, metres)
        return proj_geod().fwd(lon, lat, azimuth, metres)

    def __getattr__(self, name: str) -> Any:
        return getattr(proj_geod(), name)


@cache
def proj_geod() -> Geod:
    from pyproj import Geod

    return Geod(ellps="WGS84")


GEOD = Geodesics()


def inverse(lon1: Any, lat1: Any, lon2: Any, lat2: Any) -> tuple[Any, Any, Any]:
    """(distance_km, azimuth12, azimuth21): azimuth12 is the bearing at point 1 towards point 2,
    azimuth21 the bearing at point 2 back towards point 1 (degrees clockwise from north)."""
    az12, az21, metres = GEOD.inv(lon1, lat1, lon2, lat2)
    return np.divide(metres, 1000.0), az12, az21


def destination(lon: Any, lat: Any, azimuth_deg: Any, distance_km: Any) -> tuple[Any, Any]:
    """The point reached from (lon, lat) travelling distance_km along the initial bearing."""
    lon2, lat2, _ = GEOD.fwd(lon, lat, azimuth_deg, np.multiply(distance_km, 1000.0))
    return lon2, lat2


def _unwrap(lons: np.ndarray) -> np.ndarray:
    # Each step is the short way round, so 179 → -179 becomes 179 → 181. Whole turns are
    # added rather than re-summing steps, so vertices that need no shift stay bit-exact.
    turns = np.concatenate([[0.0], np.cumsum(-np.round(np.diff(lons) / 360.0))])
    return lons + 360.0 * turns


def _leg(lon1: float, lat1: float, lon2: float, lat2: float, max_segment_km: float) -> np.ndarray:
    """(n, 2) vertices along one geodesic, evenly spaced, both endpoints as given."""
    _, _, metres = GEOD.inv(lon1, lat1, lon2, lat2)
    segments = max(1, math.ceil(metres / (max_segment_km * 1000.0)))
    inner = (np.asarray(GEOD.npts(lon1, lat1, lon2, lat2, segments - 1), dtype=float).reshape(-1, 2)
             if segments > 1 else np.empty((0, 2)))  # pyproj refuses npts=0 for a leg shorter than a segment
    lons = np.concatenate([[lon1], inner[:, 0], [lon2]])
    lats = np.concatenate([[lat1], inner[:, 1], [lat2]])
    return np.column_stack([lons, lats])


def geodesic_line(lon1: float, lat1: float, lon2: float, lat2: float,
                  max_segment_km: float = 25.0) -> LineString:
    """The geodesic from point 1 to point 2 with a vertex at least every max_segment_km."""
    return path_through([(lon1, lat1), (lon2, lat2)], max_segment_km)


def path_through(points: Sequence[tuple[float, float]], max_segment_km: float = 25.0) -> LineString:
    """A multi-leg geodesic path through several (lon, lat) points in order."""
    if len(points) < 2:
        raise ValueError("a path needs at least two points")
    legs = [_leg(*points[i], *points[i + 1], max_segment_km) for i in range(len(points) - 1)]
    coords = np.concatenate([legs[0], *(leg[1:] for leg in legs[1:])])
    coords[:, 0] = _unwrap(coords[:, 0])
    return LineString(coords)


def range_ring(lon: float, lat: float, radius_km: float, n: int = 180) -> Polygon:
    """The set of points radius_km from (lon, lat) along geodesics, as an n-vertex polygon.

    Vertices run clockwise from north (the order bearings come in); longitudes are continuous.
    A ring that encloses a pole (an ICBM range from Pyongyang does) is drawn and picked
    correctly once projected, but as a lon/lat polygon its interior means nothing: do
    planar operations on it in map coordinates, not in degrees.
    """
    azimuths = np.linspace(0.0, 360.0, n, endpoint=False)
    lons, lats, _ = GEOD.fwd(np.full(n, lon), np.full(n, lat), azimuths, np.full(n, radius_km * 1000.0))
    return Polygon(np.column_stack([_unwrap(np.asarray(lons)), lats]))


def _densify_coords(coords: np.ndarray, max_segment_km: float) -> np.ndarray:
    if len(coords) < 2:
        return coords
    # One vectorised distance pass; only segments longer than the limit are walked (a
    # detailed coastline has thousands of short segments that need nothing).
    _, _, metres = GEOD.inv(coords[:-1, 0], coords[:-1, 1], coords[1:, 0], coords[1:, 1])
    pieces: list[np.ndarray] = []
    start = 0
    for i in np.flatnonzero(np.asarray(metres) > max_segment_km * 1000.0):
        pieces.append(coords[start:i])
        (lon1, lat1), (lon2, lat2) = coords[i], coords[i + 1]
        pieces.append(_leg(lon1, lat1, lon2, lat2, max_segment_km)[:-1])
        start = int(i) + 1
    pieces.append(coords[start:])
    out = np.concatenate(pieces)
    out[:, 0] = _unwrap(out[:, 0])
    return out


def densify(geometry: BaseGeometry, max_segment_km: float = 25.0) -> BaseGeometry:
    """Make every straight lon/lat segment a geodesic with vertices at least every max_segment_km,
    so it projects as the path it means. Lines, polygon rings (holes too) and multi-parts are
    densified; points are returned untouched."""
    if geometry is None or geometry.is_empty:
        return geometry
    kind = geometry.geom_type
    if kind in ("Point", "MultiPoint"):
        return geometry
    if kind == "LineString":
        return LineString(_densify_coords(np.asarray(geometry.coords)[:, :2], max_segment_km))
    if kind == "LinearRing":
        return shapely.LinearRing(_densify_coords(np.asarray(geometry.coords)[:, :2], max_segment_km))
    if kind == "Polygon":
        rings = [_densify_coords(np.asarray(ring.coords)[:, :2], max_segment_km)
                 for ring in (geometry.exterior, *geometry.interiors)]
        return Polygon(rings[0], rings[1:])
    # Multi-geometries and collections: densify each part, keep the container type.
    parts = [densify(part, max_segment_km) for part in geometry.geoms]
    return type(geometry)(parts)


def length_km(line: BaseGeometry) -> float:
    """Geodesic length of a lon/lat line (or total of a multi-line / polygon boundary)."""
    return float(GEOD.geometry_length(line)) / 1000.0
