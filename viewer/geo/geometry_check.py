"""Turn a GeoJSON geometry member into a valid shapely geometry, or say exactly what is wrong with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

GEOMETRY_TYPES = {
    "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection",
}


class GeometryError(ValueError):
    """The geometry cannot be used; the message says why in one line."""


@dataclass(frozen=True)
class CheckedGeometry:
    geometry: BaseGeometry
    repair: str | None = None  # what was repaired, for a warning


def checked_geometry(raw: Any) -> CheckedGeometry:
    """Parse a GeoJSON geometry object, check its coordinates are WGS84 lon/lat, repair invalid polygons."""
    if not isinstance(raw, dict):
        raise GeometryError(f"geometry must be an object or null, not {type(raw).__name__}")
    kind = raw.get("type")
    if not isinstance(kind, str) or kind not in GEOMETRY_TYPES:
        raise GeometryError(f"unknown geometry type {kind!r}")
    try:
        geometry = shape(raw)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError,
            shapely.errors.ShapelyError) as error:
        raise GeometryError(f"malformed {kind} coordinates ({' '.join(str(error).split())})") from None
    check_lonlat(geometry)
    return repaired(geometry)


def check_lonlat(geometry: BaseGeometry) -> None:
    """Raise GeometryError unless every coordinate is a finite lon/lat in range."""
    coords = shapely.get_coordinates(geometry)
    if coords.size == 0:
        return
    if not np.isfinite(coords).all():
        raise GeometryError("coordinates contain NaN or infinity")
    lon, lat = coords[:, 0], coords[:, 1]
    bad_lon = np.flatnonzero((lon < -180) | (lon > 180))
    if bad_lon.size:
        raise GeometryError(f"longitude {lon[bad_lon[0]]:g} out of range (-180..180)")
    bad_lat = np.flatnonzero((lat < -90) | (lat > 90))
    if bad_lat.size:
        raise GeometryError(f"latitude {lat[bad_lat[0]]:g} out of range (-90..90) — are lon and lat swapped?")


def repaired(geometry: BaseGeometry) -> CheckedGeometry:
    """The geometry made valid where it is not (self-intersecting rings), keeping its dimension."""
    if geometry.is_valid:
        return CheckedGeometry(geometry)
    reason = shapely.is_valid_reason(geometry)
    fixed = shapely.make_valid(geometry)
    if fixed.geom_type == "GeometryCollection":  # keep the parts of the original's dimension
        dimension = shapely.get_dimensions(geometry)
        parts = [p for p in shapely.get_parts(fixed) if shapely.get_dimensions(p) == dimension]
        fixed = shapely.union_all(parts) if parts else fixed
    if not fixed.is_valid or fixed.is_empty:
        raise GeometryError(f"invalid {geometry.geom_type} that cannot be repaired ({reason})")
    return CheckedGeometry(fixed, f"invalid {geometry.geom_type} repaired ({reason})")
