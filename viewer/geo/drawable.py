"""Lon/lat geometries → projected float64 arrays a renderer draws as one path per layer.

Parts are separated by NaN (for `arrayToQPath(x, y, connect="finite")`). Longitudes are
unwrapped within each part — every step goes the short way round, so 179°E → 179°W is a
2° step, as a geodesic reading of the data means — and the part is then cut where it
crosses the projection's seam meridian, so it never streaks across the whole map.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from viewer.geo.crs import MapProjection
from viewer.geo.horizon import has_horizon, visible_part

_POINT, _LINESTRING, _LINEARRING, _POLYGON = 0, 1, 2, 3
_MULTI = (4, 5, 6, 7)
_SEAM_GAP = 1e-7  # degrees (~1 cm) either side of the seam, so PROJ puts each end on its own side


def _as_array(geometries: Any) -> tuple[np.ndarray, np.ndarray]:
    """Non-empty geometries as an object array, with their positions in the input."""
    if isinstance(geometries, BaseGeometry):
        geometries = [geometries]
    array = np.asarray(geometries if isinstance(geometries, np.ndarray) else list(geometries), dtype=object)
    keep = np.flatnonzero(~shapely.is_missing(array) & ~shapely.is_empty(array))
    return array[keep], keep


def _flatten(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Single-part geometries and, for each, the index of the input geometry it came from."""
    owner = np.arange(len(geoms))
    # Repeat because a GeometryCollection may nest multi-parts.
    while len(geoms) and np.isin(shapely.get_type_id(geoms), _MULTI).any():
        geoms, index = shapely.get_parts(geoms, return_index=True)
        owner = owner[index]
    return geoms, owner


def _linework(geometries: Any) -> np.ndarray:
    """Every line and polygon ring (exterior and holes, closed) as single linear parts."""
    parts, _ = _flatten(_as_array(geometries)[0])
    kinds = shapely.get_type_id(parts)
    lines = parts[(kinds == _LINESTRING) | (kinds == _LINEARRING)]
    rings = shapely.get_rings(parts[kinds == _POLYGON])
    linework = np.concatenate([lines, rings])
    return linework[~shapely.is_empty(linework)]


def unwrap_parts(lon: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Longitudes made continuous within each part (parts begin at ``starts``): every step the short way round."""
    # Whole turns per step (never across a part boundary), accumulated within each part.
    step = np.diff(lon, prepend=lon[:1])
    if (np.abs(step) < 180.0).all():  # every step already the short way (the usual case): no turn to add
        return lon.copy()
    turns = -np.round(step / 360.0)
    turns[starts] = 0.0
    total = np.cumsum(turns)
    total -= np.repeat(total[starts], np.diff(np.append(starts, len(lon))))
    return lon + 360.0 * total


def _cut_at_seam(lon: np.ndarray, lat: np.ndarray, part: np.ndarray,
                 seam: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Insert (end on this side, NaN, start on that side) wherever a part crosses the seam."""
    sheet = np.floor((lon - seam) / 360.0)
    crossing = np.flatnonzero((np.diff(sheet) != 0) & (np.diff(part) == 0))
    if not len(crossing):
        return lon, lat, part
    a, b = crossing, crossing + 1
    boundary = seam + 360.0 * np.maximum(sheet[a], sheet[b])
    t = (boundary - lon[a]) / (lon[b] - lon[a])
    lat_cut = lat[a] + t * (lat[b] - lat[a])
    side = np.sign(lon[b] - lon[a]) * _SEAM_GAP
    new_lon = np.column_stack([boundary - side, np.full(len(a), np.nan), boundary + side]).ravel()
    new_lat = np.column_stack([lat_cut, np.full(len(a), np.nan), lat_cut]).ravel()
    at = np.repeat(b, 3)
    new_part = np.repeat(part[a], 3)
    return np.insert(lon, at, new_lon), np.insert(lat, at, new_lat), np.insert(part, at, new_part)


def _projected_coords(projected: Any, parts: int, vertices: int) -> np.ndarray | None:
    """The vertices of already projected geometries' linework, if it matches the lon/lat linework part for part."""
    linework = _linework(projected)
    if len(linework) != parts:
        return None
    coords = shapely.get_coordinates(linework)
    return coords if len(coords) == vertices else None


def _crosses_seam(lon: np.ndarray, part: np.ndarray, seam: float) -> bool:
    sheet = np.floor((lon - seam) / 360.0)
    return bool(((np.diff(sheet) != 0) & (np.diff(part) == 0)).any())


def drawn_as_projected(lon: np.ndarray, lat: np.ndarray, part: np.ndarray, parts: int,
                       projection: MapProjection) -> np.ndarray:
    """For each of ``parts`` parts (vertices numbered by ``part``, longitudes unwrapped within each), whether
    `to_xy_arrays` draws its projected vertices as they are: no horizon cuts it, it crosses no seam, and no
    latitude lies beyond the map's."""
    plain = np.full(parts, not has_horizon(projection))
    # A part named twice is set twice: no np.unique, whose first call imports numpy.ma (30-40 ms of every start)
    plain[part[np.abs(lat) > projection.max_lat]] = False
    if projection.seam_lon is not None:
        sheet = np.floor((lon - projection.seam_lon) / 360.0)
        plain[part[1:][(np.diff(sheet) != 0) & (np.diff(part) == 0)]] = False
    return plain


def _project(lon: np.ndarray, lat: np.ndarray, projection: MapProjection) -> tuple[np.ndarray, np.ndarray]:
    x, y = projection.forward(lon, lat)
    x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
    # Unprojectable points (inf) and latitudes the map cannot show become gaps in the path.
    bad = ~(np.isfinite(x) & np.isfinite(y)) | (np.abs(lat) > projection.max_lat)
    x[bad] = np.nan
    y[bad] = np.nan
    return x, y


def to_xy_arrays(geometries: Any, projection: MapProjection, projected: Any = None) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) map-coordinate arrays of all lines and polygon rings, NaN between parts.

    Accepts one geometry or any iterable of them (None and empties are skipped); points
    are ignored here — draw them with `points_xy`. Densify lon/lat geometry first
    (`geodesic.densify`) if its segments are long. ``projected``: the same geometries already
    projected (`project_geometry`), whose vertices are taken where no part crosses the seam
    and the map has no horizon (the same numbers, without projecting them again).
    """
    lon, lat, part = linework_lonlat(visible_part(geometries, projection))  # a globe: one hemisphere
    if projected is not None and len(lon) and not has_horizon(projection) and not (
            projection.seam_lon is not None and _crosses_seam(lon, part, projection.seam_lon)):
        xy = _projected_coords(projected, int(part[-1]) + 1, len(lon))
        if xy is not None:
            x, y = xy[:, 0].copy(), xy[:, 1].copy()
            bad = ~(np.isfinite(x) & np.isfinite(y)) | (np.abs(lat) > projection.max_lat)
            x[bad] = np.nan
            y[bad] = np.nan
            return _nan_separated(x, y, part)
    return linework_xy(lon, lat, part, projection)


def linework_lonlat(geometries: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The first half of `to_xy_arrays`, the same in every projection: (lon, lat, part) of the vertices of every
    line and polygon ring, longitudes unwrapped within each part, part numbering them from 0. The basemap stores
    its levels' so (tools/basemap_start.py)."""
    linework = _linework(geometries)
    if not len(linework):
        return np.empty(0), np.empty(0), np.empty(0, dtype=np.intp)
    coords, part = shapely.get_coordinates(linework, return_index=True)
    lon, lat = coords[:, 0], coords[:, 1]
    starts = np.flatnonzero(np.diff(part, prepend=-1))
    return unwrap_parts(lon, starts), lat, part


def linework_xy(lon: np.ndarray, lat: np.ndarray, part: np.ndarray,
                projection: MapProjection) -> tuple[np.ndarray, np.ndarray]:
    """The second half of `to_xy_arrays`: `linework_lonlat`'s vertices cut at the seam, projected, NaN between
    parts."""
    if not len(lon):
        return np.empty(0), np.empty(0)
    if projection.seam_lon is not None:
        lon, lat, part = _cut_at_seam(lon, lat, part, projection.seam_lon)
    x, y = _project(lon, lat, projection)
    return _nan_separated(x, y, part)


def projected_xy(projected: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """`to_xy_arrays` of lines that `drawn_as_projected` found plain, from their projected LineStrings alone."""
    projected = projected[~shapely.is_missing(projected) & ~shapely.is_empty(projected)]
    if not len(projected):
        return np.empty(0), np.empty(0)
    coords, part = shapely.get_coordinates(projected, return_index=True)
    x, y = coords[:, 0].copy(), coords[:, 1].copy()
    bad = ~(np.isfinite(x) & np.isfinite(y))
    x[bad] = np.nan
    y[bad] = np.nan
    return _nan_separated(x, y, part)


def _nan_separated(x: np.ndarray, y: np.ndarray, part: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    # Room for one NaN before every part but the first: output slot = input slot + part rank.
    out_x = np.full(len(x) + int(part[-1]), np.nan)
    out_y = np.full_like(out_x, np.nan)
    slot = np.arange(len(x)) + part
    out_x[slot], out_y[slot] = x, y
    return out_x, out_y


def points_xy(geometries: Any, projection: MapProjection,
              return_index: bool = False) -> tuple[np.ndarray, ...]:
    """(x, y) of every Point and MultiPoint member; with return_index, also the position of
    the input geometry each came from (to look up styles or ids). Other kinds are skipped."""
    array, keep = _as_array(geometries)
    parts, owner = _flatten(array)
    is_point = shapely.get_type_id(parts) == _POINT
    parts, owner = parts[is_point], keep[owner[is_point]]
    coords = shapely.get_coordinates(parts)
    x, y = _project(coords[:, 0], coords[:, 1], projection)
    return (x, y, owner) if return_index else (x, y)


def project_geometry(geometry: Any, projection: MapProjection) -> Any:
    """A shapely geometry (or array of them) in map coordinates, for picking and extents.

    Vertices only are projected: densify long lon/lat segments first. Unprojectable
    vertices come out as inf/NaN, which GEOS treats as invalid.
    """
    return shapely.transform(geometry, lambda xy: np.column_stack(projection.forward(xy[:, 0], xy[:, 1])))
