"""The visible hemisphere of a globe (orthographic) map: geometry beyond the horizon is cut off before projecting,
so land, lines and rings that go round the back of the earth end at its edge instead of folding across it."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely

from viewer.geo.crs import MapProjection, wgs84

if TYPE_CHECKING:
    import pyproj

QUARTER_MERIDIAN_M = 10_001_965.7  # metres from a point to its horizon on the WGS84 ellipsoid, about
HORIZON_SHARE = 0.998  # a hair inside the horizon, where the orthographic projection is still finite


def has_horizon(projection: MapProjection) -> bool:
    if projection.proj_name is not None:  # a PROJ string says so without pyproj
        return projection.proj_name == "ortho"
    operation = projection.crs.coordinate_operation
    return operation is not None and "orthographic" in operation.method_name.lower()


def visible_part(geometries: Any, projection: MapProjection) -> Any:
    """The lon/lat geometries cut to the hemisphere the globe shows (unchanged for any other projection).

    Cut in an azimuthal equidistant on the same centre, where the hemisphere is a disk and nothing on the earth
    but the antipode is torn, then taken back to lon/lat."""
    if not has_horizon(projection):
        return geometries
    to_aeqd, to_lonlat = globe_azimuthal(projection)
    disk = shapely.Point(0, 0).buffer(QUARTER_MERIDIAN_M * HORIZON_SHARE, quad_segs=64)
    single = isinstance(geometries, shapely.Geometry)
    array = np.asarray([geometries] if single else list(geometries), dtype=object)
    present = np.array([g is not None and not g.is_empty for g in array], dtype=bool)
    cut = np.full(len(array), None, dtype=object)
    if present.any():
        projected = shapely.transform(array[present], lambda xy: np.column_stack(to_aeqd.transform(xy[:, 0],
                                                                                                  xy[:, 1])))
        inside = shapely.intersection(shapely.make_valid(projected), disk)
        cut[present] = shapely.transform(inside, lambda xy: np.column_stack(to_lonlat.transform(xy[:, 0],
                                                                                               xy[:, 1])))
    return cut[0] if single else cut


def globe_centre(projection: MapProjection) -> tuple[float, float]:
    lon = lat = 0.0
    for param in projection.crs.coordinate_operation.params:  # type: ignore[union-attr]
        name = param.name.lower()
        if name.startswith("longitude"):
            lon = float(param.value)
        elif name.startswith("latitude"):
            lat = float(param.value)
    return lon, lat


def globe_azimuthal(projection: MapProjection) -> tuple[pyproj.Transformer, pyproj.Transformer]:
    """(to, from) an azimuthal equidistant on the globe's centre, in metres: the visible hemisphere is the disk of
    radius QUARTER_MERIDIAN_M round its origin."""
    return _azimuthal(*globe_centre(projection))


@lru_cache(maxsize=8)
def _azimuthal(lon: float, lat: float) -> tuple[pyproj.Transformer, pyproj.Transformer]:
    import pyproj

    aeqd = pyproj.CRS(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +datum=WGS84 +units=m +no_defs")
    return (pyproj.Transformer.from_crs(wgs84(), aeqd, always_xy=True),
            pyproj.Transformer.from_crs(aeqd, wgs84(), always_xy=True))
