"""Turn a whole file's GeoJSON geometries into shapely geometries at once, checked, with a message for each bad one.

Points, LineStrings and Polygons, nearly every geometry in practice, are gathered into coordinate arrays and
made by shapely in one call per type (``from_ragged_array``); their ranges and validity are checked with numpy
and GEOS over all of them. Only what fails those checks, and the other types, go one by one through
`checked_geometry`, so every message is the one it always was. Positions may carry more than three numbers
(RFC 7946 allows it): the geometry is made from x, y (and z); the source is kept to be written back as read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

import numpy as np
import shapely
from shapely import GeometryType
from shapely.geometry.base import BaseGeometry

from viewer.geo.geometry_check import GeometryError, checked_geometry, needs_one_by_one

_PLAIN_KEYS = frozenset(("type", "coordinates"))
_NUMBERS = frozenset((float, int))  # the types JSON numbers are read as (not bool, a subclass of int)


@dataclass
class Geometries:
    """What `build` made: per input, the geometry (None where it failed), and the problems by input index."""

    geometries: list[BaseGeometry | None]
    errors: dict[int, str] = field(default_factory=dict)
    repairs: dict[int, str] = field(default_factory=dict)
    keep_source: set[int] = field(default_factory=set)  # write these back as read (foreign members, 4-D)


def build(raws: Sequence[Any]) -> Geometries:
    """Geometries for GeoJSON geometry members ``raws`` (none of them null)."""
    result = Geometries([None] * len(raws))
    groups: dict[str, list[int]] = {"Point": [], "LineString": [], "Polygon": []}
    one_by_one: list[int] = []
    for index, raw in enumerate(raws):
        kind = raw.get("type") if isinstance(raw, dict) else None
        group = groups.get(kind) if isinstance(kind, str) and "coordinates" in raw else None
        if group is None:
            one_by_one.append(index)
            continue
        group.append(index)
        if raw.keys() != _PLAIN_KEYS:
            result.keep_source.add(index)
    made: list[int] = []
    for kind, indices in groups.items():
        built = _built(kind, [raws[i]["coordinates"] for i in indices]) if indices else None
        if built is None:
            one_by_one.extend(indices)
            continue
        geometries, wide = built
        for index, geometry in zip(indices, geometries.tolist(), strict=True):
            result.geometries[index] = geometry
        made.extend(indices)
        if wide:
            result.keep_source.update(indices)
    suspects = _suspects(result.geometries, made)
    for index in sorted(set(one_by_one) | suspects):
        _one(result, index, raws[index])
    return result


def _built(kind: str, coordinates: list[Any]) -> tuple[np.ndarray, bool] | None:
    """The geometries of one type, and whether positions had more than three numbers; None when any
    position list is not the plain shape (ragged, too short, not numbers): those go one by one."""
    try:
        if kind == "Point":
            positions = _positions(coordinates)
            if positions is None:
                return None
            xyz, wide = positions
            return shapely.points(xyz), wide
        if kind == "LineString":
            lengths = np.array([len(line) for line in coordinates if isinstance(line, list)], dtype=np.int64)
            if len(lengths) != len(coordinates) or (lengths < 2).any():
                return None
            positions = _positions([p for line in coordinates for p in line])
            if positions is None:
                return None
            xyz, wide = positions
            offsets = np.concatenate([[0], np.cumsum(lengths)])
            return shapely.from_ragged_array(GeometryType.LINESTRING, xyz, (offsets,)), wide
        rings = [ring for polygon in coordinates if isinstance(polygon, list) and polygon for ring in polygon]
        if sum(1 for p in coordinates if isinstance(p, list) and p) != len(coordinates):
            return None
        ring_lengths = np.array([len(ring) for ring in rings if isinstance(ring, list)], dtype=np.int64)
        if len(ring_lengths) != len(rings) or (ring_lengths < 4).any():
            return None
        positions = _positions([p for ring in rings for p in ring])
        if positions is None:
            return None
        xyz, wide = positions
        ring_offsets = np.concatenate([[0], np.cumsum(ring_lengths)])
        polygon_offsets = np.concatenate([[0], np.cumsum([len(polygon) for polygon in coordinates])])
        return shapely.from_ragged_array(GeometryType.POLYGON, xyz, (ring_offsets, polygon_offsets)), wide
    except (TypeError, ValueError, shapely.errors.ShapelyError):
        return None


def _positions(positions: list[Any]) -> tuple[np.ndarray, bool] | None:
    """An (n, 2) or (n, 3) float array of the positions, and whether any had more numbers; None if not numbers."""
    if not _NUMBERS.issuperset(map(type, chain.from_iterable(positions))):
        return None  # true, "124", a nested list: numpy would read them as numbers; one by one says which
    widths = set(map(len, positions))
    if len(widths) == 1 and widths <= {2, 3}:  # the usual file: read as one run of numbers, 8 times faster
        width = widths.pop()
        try:
            flat = np.fromiter(chain.from_iterable(positions), dtype=float, count=len(positions) * width)
        except OverflowError:  # an integer beyond float range: one by one says where
            return None
        return flat.reshape(-1, width), False
    try:
        array = np.array(positions)
    except (ValueError, TypeError):  # ragged: positions of different lengths
        return None
    if array.ndim != 2 or array.shape[1] < 2 or array.dtype.kind not in "fiu" or not len(array):
        return None
    return np.ascontiguousarray(array[:, :3], dtype=float), array.shape[1] > 3


def _suspects(geometries: list[BaseGeometry | None], made: list[int]) -> set[int]:
    """Indices among ``made`` whose coordinates are out of range or not finite, or that are not valid."""
    if not made:
        return set()
    array = np.array([geometries[i] for i in made], dtype=object)
    coords, owner = shapely.get_coordinates(array, include_z=True, return_index=True)
    lon, lat, z = coords[:, 0], coords[:, 1], coords[:, 2]
    bad = ~np.isfinite(coords[:, :2]).all(axis=1) | (np.abs(lon) > 180) | (np.abs(lat) > 90) | np.isinf(z)
    suspect = np.zeros(len(made), dtype=bool)
    suspect[owner[bad]] = True
    suspect |= needs_one_by_one(array)
    return {made[i] for i in np.flatnonzero(suspect).tolist()}


def _one(result: Geometries, index: int, raw: Any) -> None:
    """The one-by-one check of `checked_geometry`, with its messages and repairs."""
    usable = _three_numbers(raw)
    try:
        checked = checked_geometry(usable)
        check_altitudes(checked.geometry)
    except GeometryError as error:
        result.errors[index] = str(error)
        result.geometries[index] = None
        return
    result.geometries[index] = checked.geometry
    if checked.repair:
        result.repairs[index] = checked.repair
        result.keep_source.discard(index)
    elif usable is not raw or not isinstance(raw, dict) or raw.get("type") not in ("Point", "LineString", "Polygon"):
        result.keep_source.add(index)  # 4-D positions, and the rarer types, are written back as they were read


def check_altitudes(geometry: BaseGeometry) -> None:
    """Raise GeometryError when a geometry with altitudes has one that is not a finite number (KML ``1e400``):
    no format launchmap writes could hold it."""
    if geometry.has_z:
        z = shapely.get_coordinates(geometry, include_z=True)[:, 2]
        if not np.isfinite(z).all():
            raise GeometryError(f"altitude {z[~np.isfinite(z)][0]:g} is not a finite number")


def _three_numbers(raw: Any) -> Any:
    """The geometry with positions cut to x, y, z (shapely takes no more); ``raw`` itself when none is longer."""
    if not isinstance(raw, dict) or not _has_wide(raw.get("coordinates"), raw.get("geometries")):
        return raw
    trimmed = dict(raw)
    if "coordinates" in raw:
        trimmed["coordinates"] = _cut(raw["coordinates"])
    if isinstance(raw.get("geometries"), list):
        trimmed["geometries"] = [_three_numbers(g) for g in raw["geometries"]]
    return trimmed


def _has_wide(coordinates: Any, geometries: Any) -> bool:
    if isinstance(geometries, list):
        return any(isinstance(g, dict) and _has_wide(g.get("coordinates"), g.get("geometries")) for g in geometries)
    if not isinstance(coordinates, list) or not coordinates:
        return False
    if not isinstance(coordinates[0], list):
        return len(coordinates) > 3
    return any(_has_wide(c, None) for c in coordinates)


def _cut(coordinates: Any) -> Any:
    if isinstance(coordinates, list) and coordinates and not isinstance(coordinates[0], list):
        return coordinates[:3]
    return [_cut(c) for c in coordinates] if isinstance(coordinates, list) else coordinates
